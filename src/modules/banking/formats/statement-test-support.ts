/** Test helpers for the statement parsers (not a test file itself). */
import type {
  BankEntry,
  BankStatementEvent,
  BankStatementHeader,
  BankStatementParser,
} from './bank-statement.js';

export type ParsedStatement = {
  header: BankStatementHeader;
  entries: BankEntry[];
  end: Extract<BankStatementEvent, { kind: 'end' }> | null;
};

export type ParsedFile = {
  statements: ParsedStatement[];
  errors: { place: string; message: string }[];
  /** The event kinds in order, to check that statement, entries and end come as they should. */
  kinds: BankStatementEvent['kind'][];
  /** Every entry of every statement, in order. */
  entries: BankEntry[];
};

/** The text in chunks of `size` characters, so that lines (and CRLFs) are split across chunks. */
export async function* textChunks(text: string, size = 61): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

export async function parseAll(
  parser: BankStatementParser,
  text: string,
  chunkSize?: number,
): Promise<ParsedFile> {
  const file: ParsedFile = { statements: [], errors: [], kinds: [], entries: [] };
  for await (const event of parser(textChunks(text, chunkSize))) {
    file.kinds.push(event.kind);
    const current = file.statements.at(-1);
    if (event.kind === 'statement') file.statements.push({ header: event.statement, entries: [], end: null });
    else if (event.kind === 'entry') {
      current?.entries.push(event.entry);
      file.entries.push(event.entry);
    } else if (event.kind === 'end' && current) current.end = event;
    else if (event.kind === 'error') file.errors.push({ place: event.place, message: event.message });
  }
  return file;
}
