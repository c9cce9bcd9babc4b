/** Test helpers for the camt parser tests (not a test file itself). */
import { inspectBankFile, readBankFileText } from './bank-file-source.js';
import type { BankEntry, BankStatementEvent, BankStatementHeader } from './bank-statement.js';
import { type CamtParserOptions, createCamtParser } from './camt.js';
import { textChunks } from './statement-test-support.js';

export type ParsedCamt = {
  events: BankStatementEvent[];
  statements: BankStatementHeader[];
  entries: BankEntry[];
  errors: { place: string; message: string }[];
  ends: Extract<BankStatementEvent, { kind: 'end' }>[];
};

async function collect(events: AsyncIterable<BankStatementEvent>): Promise<ParsedCamt> {
  const parsed: ParsedCamt = { events: [], statements: [], entries: [], errors: [], ends: [] };
  for await (const event of events) {
    parsed.events.push(event);
    if (event.kind === 'statement') parsed.statements.push(event.statement);
    else if (event.kind === 'entry') parsed.entries.push(event.entry);
    else if (event.kind === 'error') parsed.errors.push({ place: event.place, message: event.message });
    else parsed.ends.push(event);
  }
  return parsed;
}

/** Parses text fed in chunks of `chunkSize` characters (small sizes split tags and texts). */
export function parseCamtText(
  text: string,
  options: CamtParserOptions & { chunkSize?: number } = {},
): Promise<ParsedCamt> {
  return collect(createCamtParser(options)(textChunks(text, options.chunkSize ?? 4096)));
}

/** A file read as the importer reads it: recognised and decoded by its XML declaration, streamed. */
export async function parseCamtFile(path: string, options: CamtParserOptions = {}) {
  const facts = await inspectBankFile(path);
  if (facts.format === null) throw new Error(`${path}: ${facts.reason}`);
  const parsed = await collect(createCamtParser(options)(readBankFileText(path, facts.encoding)));
  return { ...parsed, sniffed: { format: facts.format, encoding: facts.encoding } };
}

/** The whole decoded text of a file, for feeding it again in other chunk sizes. */
export async function readCamtFileText(path: string): Promise<string> {
  const facts = await inspectBankFile(path);
  if (facts.format === null) throw new Error(`${path}: ${facts.reason}`);
  let text = '';
  for await (const chunk of readBankFileText(path, facts.encoding)) text += chunk;
  return text;
}

/** The fields a matcher uses, for compact whole-list assertions. */
export function paymentLine(entry: BankEntry) {
  return {
    amountCents: entry.amountCents,
    counterpartyName: entry.counterpartyName,
    counterpartyIban: entry.counterpartyIban,
    structuredReference: entry.structuredReference,
    remittance: entry.remittance,
  };
}
