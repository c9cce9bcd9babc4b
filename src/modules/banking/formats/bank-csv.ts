/**
 * Bank CSV exports read with a column mapping (a known layout or one saved per organisation).
 * A CSV has no statement around its rows: one statement is yielded per run of rows of the same
 * account. Balances are checked only where the layout gives a running balance (ASN before the
 * row, Rabobank and KBC after it); a row that cannot be read is an error naming the row and the
 * field, and the other rows still go through.
 */
import { Readable } from 'node:stream';
import { type Cents, parseAmount } from '../../../core/money.js';
import { createCsvRecordParser, detectDelimiter } from '../../imports/csv-source.js';
import { cleanCell, parseBankDate } from './bank-csv-fields.js';
import { normalizeHeader } from './bank-csv-layouts.js';
import type { BankCsvMapping, CsvColumn } from './bank-csv-mapping.js';
import {
  type BankBalance,
  type BankEntry,
  type BankStatementEvent,
  type BankStatementParser,
  checkBalance,
} from './bank-statement.js';

export { guessBankCsvMapping } from './bank-csv-layouts.js';

const SAMPLE_CHARS = 64 * 1024;
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/;

type ColumnName = Exclude<keyof BankCsvMapping['columns'], 'remittance' | 'direction'>;
type Columns = Partial<Record<ColumnName, number>> & { remittance: number[]; direction?: number };

class RowError extends Error {}

/** A column's index from its header text or position, or the reason the file does not have it. */
function resolveColumn(column: CsvColumn, header: readonly string[] | null): number | string {
  if (typeof column === 'number') return column;
  if (!header) return `the file has no header row, so column "${column}" must be given by position`;
  const index = header.findIndex((cell) => normalizeHeader(cell) === normalizeHeader(column));
  return index >= 0 ? index : `the file has no column "${column}"`;
}

function resolveColumns(mapping: BankCsvMapping, header: readonly string[] | null): Columns | string {
  const columns: Columns = { remittance: [] };
  const { remittance: _remittance, direction, ...single } = mapping.columns;
  const wanted: [ColumnName | 'direction' | 'remittance', CsvColumn | undefined][] = [
    ...(Object.entries(single) as [ColumnName, CsvColumn | undefined][]),
    ['direction', direction?.column],
    ...mapping.columns.remittance.map((column) => ['remittance', column] as ['remittance', CsvColumn]),
  ];
  for (const [name, column] of wanted) {
    if (column === undefined) continue;
    const index = resolveColumn(column, header);
    if (typeof index === 'string') return index;
    if (name === 'remittance') columns.remittance.push(index);
    else columns[name] = index;
  }
  return columns;
}

function headerName(header: readonly string[] | null, index: number): string {
  return header?.[index]?.trim() || `column ${index + 1}`;
}

/** Reads one data row; throws a RowError naming the field that cannot be read. */
function readRow(
  row: readonly string[],
  mapping: BankCsvMapping,
  columns: Columns,
  header: readonly string[] | null,
) {
  const cell = (index: number | undefined) => (index === undefined ? '' : cleanCell(row[index] ?? ''));
  const optionalText = (index: number | undefined) => cell(index).replace(/\s+/g, ' ') || null;
  const fail = (index: number | undefined, reason: string): never => {
    throw new RowError(`field "${headerName(header, index ?? 0)}": ${reason}`);
  };
  const amountOf = (index: number | undefined): Cents | null => {
    const text = cell(index);
    if (text === '') return null;
    const parsed = parseAmount(text, { decimalSeparator: mapping.decimalSeparator });
    return parsed.ok ? parsed.cents : fail(index, parsed.reason);
  };
  const dateOf = (index: number | undefined): string | null => {
    const text = cell(index);
    if (text === '') return null;
    const parsed = parseBankDate(text, mapping.dateFormat);
    return parsed.ok ? parsed.date : fail(index, parsed.reason);
  };

  const bookingDate = dateOf(columns.bookingDate) ?? fail(columns.bookingDate, 'no date');
  let amountCents: Cents;
  if (columns.amount !== undefined) {
    const amount = amountOf(columns.amount) ?? fail(columns.amount, 'no amount');
    const direction = mapping.columns.direction;
    if (direction) {
      const value = cell(columns.direction);
      if (value === '') fail(columns.direction, 'no credit/debit indicator');
      const isCredit = direction.creditValues.some((v) => v.toLowerCase() === value.toLowerCase());
      amountCents = (isCredit ? Math.abs(amount) : -Math.abs(amount)) as Cents;
    } else amountCents = amount;
  } else {
    const credit = amountOf(columns.credit);
    const debit = amountOf(columns.debit);
    if (credit === null && debit === null)
      fail(columns.credit ?? columns.debit, 'neither a credit nor a debit amount');
    amountCents = (Math.abs(credit ?? 0) - Math.abs(debit ?? 0)) as Cents;
  }
  const currency = (cell(columns.currency) || mapping.defaultCurrency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) fail(columns.currency, `"${currency}" is not a currency code`);
  const account = accountOf(cell(columns.accountIban));
  const counterparty = accountOf(cell(columns.counterpartyIban));
  const reference = cell(columns.structuredReference)
    .replace(/[\s+/*]/g, '')
    .toUpperCase();
  const returnReason = optionalText(columns.returnReason);
  const entry: Omit<BankEntry, 'place'> = {
    bookingDate,
    valueDate: dateOf(columns.valueDate),
    amountCents,
    currency,
    isReversal: returnReason !== null,
    returnReason,
    counterpartyName: optionalText(columns.counterpartyName),
    counterpartyIban: counterparty.iban,
    counterpartyBic: optionalText(columns.counterpartyBic),
    structuredReference: reference || null,
    remittance:
      columns.remittance
        .map((index) => cell(index))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim() || null,
    endToEndId: optionalText(columns.endToEndId),
    bankReference: optionalText(columns.bankReference),
    transactionCode: optionalText(columns.transactionCode),
    counterpartyAccountNumber: counterparty.number,
    mandateReference: optionalText(columns.mandateReference),
    creditorId: optionalText(columns.creditorId),
  };
  return {
    entry,
    account,
    balanceBefore: amountOf(columns.balanceBefore),
    balanceAfter: amountOf(columns.balanceAfter),
  };
}

function accountOf(text: string): { iban: string | null; number: string | null } {
  const compact = text.replace(/\s/g, '');
  if (compact === '') return { iban: null, number: null };
  const upper = compact.toUpperCase();
  return IBAN_SHAPE.test(upper) ? { iban: upper, number: null } : { iban: null, number: compact };
}

type ReadRow = ReturnType<typeof readRow>;

type OpenStatement = {
  key: string;
  first: ReadRow;
  last: ReadRow;
  entriesCents: number;
  entryCount: number;
};

/**
 * The balances a running-balance column gives around the rows: before the first row and after
 * the last. Exports are oldest-first or newest-first; the dates tell which end is the opening.
 */
function runningBalances(statement: OpenStatement): {
  opening: BankBalance | null;
  closing: BankBalance | null;
} {
  const isNewestFirst = statement.first.entry.bookingDate > statement.last.entry.bookingDate;
  const oldest = isNewestFirst ? statement.last : statement.first;
  const newest = isNewestFirst ? statement.first : statement.last;
  const before = (row: ReadRow) =>
    row.balanceBefore ?? (row.balanceAfter === null ? null : row.balanceAfter - row.entry.amountCents);
  const after = (row: ReadRow) =>
    row.balanceAfter ?? (row.balanceBefore === null ? null : row.balanceBefore + row.entry.amountCents);
  const openingCents = before(oldest);
  const closingCents = after(newest);
  return {
    opening:
      openingCents === null ? null : { amountCents: openingCents as Cents, date: oldest.entry.bookingDate },
    closing:
      closingCents === null ? null : { amountCents: closingCents as Cents, date: newest.entry.bookingDate },
  };
}

function endEvent(statement: OpenStatement): BankStatementEvent {
  const { opening, closing } = runningBalances(statement);
  return {
    kind: 'end',
    closing,
    entryCount: statement.entryCount,
    balance: checkBalance(opening, closing, statement.entriesCents),
  };
}

/** The text chunks again, after the first ones were read ahead to find the delimiter. */
async function* replay(head: readonly string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* csvRecords(chunks: AsyncIterable<string>, delimiter: string | undefined) {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let headChars = 0;
  let isDone = false;
  while (!delimiter && headChars < SAMPLE_CHARS) {
    const next = await iterator.next();
    if (next.done) {
      isDone = true;
      break;
    }
    head.push(next.value);
    headChars += next.value.length;
  }
  const chosen = delimiter ?? detectDelimiter(head.join('').slice(0, SAMPLE_CHARS), !isDone);
  const parser = createCsvRecordParser(chosen);
  const source = Readable.from(replay(head, iterator));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  for await (const record of parser as AsyncIterable<string[]>) yield record;
}

/** The first rows of a file (delimiter detected), for `guessBankCsvMapping` and a column-mapping screen. */
export async function readFirstCsvRows(sample: string, count = 10): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const row of csvRecords(
    (async function* () {
      yield sample;
    })(),
    undefined,
  )) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

export function parseBankCsv(mapping: BankCsvMapping): BankStatementParser {
  return async function* (chunks) {
    let rowNumber = 0;
    let header: string[] | null = null;
    let columns: Columns | null = null;
    let statement: OpenStatement | null = null;
    let statementCount = 0;
    const filter = mapping.rowFilter;
    let filterColumn: number | null = null;
    for await (const row of csvRecords(chunks, mapping.delimiter)) {
      rowNumber++;
      if (rowNumber <= mapping.headerRows) {
        header = row;
        continue;
      }
      if (!columns) {
        const resolved = resolveColumns(mapping, header);
        const filterIndex = filter ? resolveColumn(filter.column, header) : null;
        if (typeof resolved === 'string' || typeof filterIndex === 'string') {
          const problem = typeof resolved === 'string' ? resolved : filterIndex;
          yield { kind: 'error', place: 'header', message: `mapping "${mapping.name}": ${problem}` };
          return;
        }
        columns = resolved;
        filterColumn = filterIndex;
      }
      if (row.every((cell) => cell.trim() === '')) continue;
      if (filter && filterColumn !== null) {
        const value = cleanCell(row[filterColumn] ?? '').toLowerCase();
        if (!filter.values.some((v) => v.toLowerCase() === value)) continue;
      }
      let read: ReadRow;
      try {
        read = readRow(row, mapping, columns, header);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        yield { kind: 'error', place: `row ${rowNumber}`, message: error.message };
        continue;
      }
      // Rows of another account start a new statement; a row without an account (a card
      // repayment) stays in the current one.
      const key = read.account.iban ?? read.account.number ?? '';
      if (statement && key !== '' && statement.key !== '' && statement.key !== key) {
        yield endEvent(statement);
        statement = null;
      }
      if (statement && statement.key === '') statement.key = key;
      if (!statement) {
        statementCount++;
        statement = { key, first: read, last: read, entriesCents: 0, entryCount: 0 };
        yield {
          kind: 'statement',
          statement: {
            format: 'csv',
            place: `statement ${statementCount} (row ${rowNumber})`,
            statementId: null,
            accountIban: read.account.iban,
            accountNumber: read.account.number,
            currency: read.entry.currency,
            // A newest-first file only shows its opening balance at its last row.
            opening: null,
            closing: null,
          },
        };
      }
      statement.last = read;
      statement.entriesCents += read.entry.amountCents;
      statement.entryCount++;
      yield {
        kind: 'entry',
        entry: { place: `statement ${statementCount}, row ${rowNumber}`, ...read.entry },
      };
    }
    if (statement) yield endEvent(statement);
  };
}
