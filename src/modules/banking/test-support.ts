/** Test helpers for the banking tests (not a test file itself): event streams as parsers yield them. */
import { cents } from '../../core/money.js';
import type { BankFileInput } from './bank-import.service.js';
import { type BankEntry, type BankStatementEvent, checkBalance } from './formats/bank-statement.js';

export const ACCOUNT = 'NL44RABO0123456789';

export function bankEntry(
  overrides: Partial<Omit<BankEntry, 'amountCents'>> & { amountCents: number },
): BankEntry {
  return {
    place: 'entry',
    bookingDate: '2026-03-02',
    valueDate: null,
    currency: 'EUR',
    isReversal: false,
    returnReason: null,
    counterpartyName: null,
    counterpartyIban: null,
    counterpartyBic: null,
    structuredReference: null,
    remittance: null,
    endToEndId: null,
    bankReference: null,
    transactionCode: null,
    ...overrides,
    amountCents: cents(overrides.amountCents),
  };
}

export type StatementSpec = {
  entries: readonly (BankEntry | { error: string })[];
  account?: string;
  openingCents?: number;
  /** Defaults to a closing balance that adds up. */
  closingCents?: number;
};

async function* events(statements: readonly StatementSpec[]): AsyncGenerator<BankStatementEvent> {
  let n = 0;
  for (const spec of statements) {
    n++;
    const opening = { amountCents: cents(spec.openingCents ?? 100000), date: '2026-03-01' };
    yield {
      kind: 'statement',
      statement: {
        format: 'camt053',
        place: `statement ${n}`,
        statementId: `STMT-${n}`,
        accountIban: spec.account ?? ACCOUNT,
        accountNumber: null,
        currency: 'EUR',
        opening,
        closing: null,
      },
    };
    let sum = 0;
    let count = 0;
    for (const item of spec.entries) {
      if ('error' in item) {
        yield { kind: 'error', place: `statement ${n}, entry ${count + 1}`, message: item.error };
        continue;
      }
      count++;
      sum += item.amountCents;
      yield { kind: 'entry', entry: { ...item, place: `statement ${n}, entry ${count}` } };
    }
    const closing = {
      amountCents: cents(spec.closingCents ?? opening.amountCents + sum),
      date: '2026-03-02',
    };
    yield { kind: 'end', closing, entryCount: count, balance: checkBalance(opening, closing, sum) };
  }
}

export function bankFile(name: string, statements: readonly StatementSpec[]): BankFileInput {
  return { name, format: 'camt053', sha256: `sha-of-${name}`, events: events(statements) };
}
