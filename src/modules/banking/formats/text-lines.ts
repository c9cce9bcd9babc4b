/**
 * Text chunks → numbered lines, for line-based bank formats. CRLF, LF and a lone CR (old Mac
 * exports) all end a line, also when a CRLF is split over two chunks; a leading BOM is dropped.
 */
export type TextLine = { number: number; text: string };

export async function* readTextLines(chunks: AsyncIterable<string>): AsyncGenerator<TextLine> {
  let rest = '';
  let number = 0;
  let isFirst = true;
  for await (const chunk of chunks) {
    let text = rest + (isFirst ? chunk.replace(/^\uFEFF/, '') : chunk);
    isFirst = false;
    // A CR at the end may be the first half of a CRLF: wait for the next chunk.
    const heldCr = text.endsWith('\r');
    if (heldCr) text = text.slice(0, -1);
    const lines = text.split(/\r\n|\r|\n/);
    rest = (lines.pop() ?? '') + (heldCr ? '\r' : '');
    for (const line of lines) yield { number: ++number, text: line };
  }
  if (rest.endsWith('\r')) rest = rest.slice(0, -1);
  else if (rest === '') return;
  yield { number: ++number, text: rest };
}
