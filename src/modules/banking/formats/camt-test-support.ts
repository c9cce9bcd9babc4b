import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { BankEntry, BankStatementEvent, BankStatementHeader } from './bank-statement.js';
import { type CamtParserOptions, createCamtParser } from './camt.js';

/** Test helpers for the camt parser tests (not a test file itself). */

/** A sample file decoded as the importer will: by the encoding its XML declaration names. */
export function readCamtSample(samplesDir: string, name: string): string {
  const bytes = readFileSync(join(samplesDir, name));
  const declaration = bytes.subarray(0, 100).toString('latin1');
  return /encoding=["']ISO-8859-1["']/i.test(declaration)
    ? iconv.decode(bytes, 'latin1')
    : bytes.toString('utf8');
}

async function* inChunks(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

export type ParsedCamt = {
  events: BankStatementEvent[];
  statements: BankStatementHeader[];
  entries: BankEntry[];
  errors: { place: string; message: string }[];
  ends: Extract<BankStatementEvent, { kind: 'end' }>[];
};

/** Parses text fed in chunks of `chunkSize` characters (small sizes split tags and texts). */
export async function parseCamtText(
  text: string,
  options: CamtParserOptions & { chunkSize?: number } = {},
): Promise<ParsedCamt> {
  const events: BankStatementEvent[] = [];
  for await (const event of createCamtParser(options)(inChunks(text, options.chunkSize ?? 4096))) {
    events.push(event);
  }
  const parsed: ParsedCamt = { events, statements: [], entries: [], errors: [], ends: [] };
  for (const event of events) {
    if (event.kind === 'statement') parsed.statements.push(event.statement);
    else if (event.kind === 'entry') parsed.entries.push(event.entry);
    else if (event.kind === 'error') parsed.errors.push({ place: event.place, message: event.message });
    else parsed.ends.push(event);
  }
  return parsed;
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
