/**
 * Text chunks → numbered lines, for line-based bank formats. CRLF, LF and a lone CR (old Mac
 * exports) all end a line, also when a CRLF is split over two chunks; a leading BOM is dropped.
 * Synchronous per chunk, so that a parser pays no promise per line.
 */
export type TextLine = { number: number; text: string };

export class LineSplitter {
  private rest = '';
  private number = 0;
  private isFirst = true;

  /** The lines completed by this chunk. */
  push(chunk: string): TextLine[] {
    let text = this.rest + (this.isFirst ? chunk.replace(/^\uFEFF/, '') : chunk);
    this.isFirst = false;
    // A CR at the end may be the first half of a CRLF: wait for the next chunk.
    const heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    const parts = text.split(/\r\n|\r|\n/);
    this.rest = (parts.pop() ?? '') + (heldCr ? '\r' : '');
    return parts.map((part) => ({ number: ++this.number, text: part }));
  }

  /** The last line, when the text does not end with a line break. */
  end(): TextLine[] {
    const rest = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
    const hadLine = this.rest !== '';
    this.rest = '';
    return hadLine ? [{ number: ++this.number, text: rest }] : [];
  }
}

/** The lines of a text that arrives in chunks, one at a time (for parsers that await per line). */
export async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  const splitter = new LineSplitter();
  for await (const chunk of chunks) for (const line of splitter.push(chunk)) yield line.text;
  for (const line of splitter.end()) yield line.text;
}
