/**
 * Opens a bank file for the import: its format (from its content), SHA-256 and the parser's event
 * stream over the decoded text. A bank CSV needs a column mapping: the one given (saved per
 * organisation, or `--map`), else the known layout its header or shape reveals.
 */
import { AppError } from '../../../core/errors.js';
import { guessBankCsvMapping, parseBankCsv, readFirstCsvRows } from './bank-csv.js';
import type { BankCsvMapping } from './bank-csv-mapping.js';
import { inspectBankFile, readBankFileText } from './bank-file-source.js';
import type { BankFileFormat, BankStatementEvent, BankStatementParser } from './bank-statement.js';
import { parseCamt } from './camt.js';
import { parseCoda } from './coda.js';
import { parseMt940 } from './mt940.js';

export type OpenedBankFile = {
  format: BankFileFormat;
  sha256: string;
  events: AsyncIterable<BankStatementEvent>;
};

const PARSERS: Record<Exclude<BankFileFormat, 'csv'>, BankStatementParser> = {
  camt052: parseCamt,
  camt053: parseCamt,
  camt054: parseCamt,
  mt940: parseMt940,
  coda: parseCoda,
};

const CSV_SAMPLE_BYTES = 64 * 1024;

export async function readBankFile(
  path: string,
  options: { csvMapping?: BankCsvMapping | undefined } = {},
): Promise<OpenedBankFile> {
  const facts = await inspectBankFile(path);
  if (facts.format === null) throw new AppError('UNSUPPORTED_FILE', `not a bank statement: ${facts.reason}`);
  const text = readBankFileText(path, facts.encoding);
  if (facts.format !== 'csv') {
    return { format: facts.format, sha256: facts.sha256, events: PARSERS[facts.format](text) };
  }
  const mapping =
    options.csvMapping ?? guessBankCsvMapping(await readFirstCsvRows(await csvSample(path, facts.encoding)));
  if (!mapping) {
    throw new AppError(
      'UNSUPPORTED_FILE',
      'a CSV file whose columns are not a known bank export layout: give a column mapping for it',
    );
  }
  return { format: 'csv', sha256: facts.sha256, events: parseBankCsv(mapping)(text) };
}

/** The first rows' text, for guessing the layout (a row cut off at the end is ignored by the guess). */
async function csvSample(path: string, encoding: string): Promise<string> {
  let sample = '';
  for await (const chunk of readBankFileText(path, encoding)) {
    sample += chunk;
    if (sample.length >= CSV_SAMPLE_BYTES) break;
  }
  return sample;
}
