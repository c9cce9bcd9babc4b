/**
 * The grammar of the MT940 fields that carry numbers and dates: :25: account, :60F:/:62F: balances
 * and the :61: statement line, as Dutch banks write them (which is looser than SWIFT: amounts
 * without decimals, a missing reference, Rabobank's counterparty name on the :61: line).
 */
import { isValidIBAN } from 'ibantools';
import { type Cents, parseAmount } from '../../../core/money.js';
import type { BankBalance } from './bank-statement.js';

type Result<T> = ({ ok: true } & T) | { ok: false; reason: string };

/** `YYMMDD` → `YYYY-MM-DD`; years 80–99 are 19xx (SWIFT's convention for two-digit years). */
function parseSwiftDate(yymmdd: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  return dateOf(yy >= 80 ? 1900 + yy : 2000 + yy, yymmdd.slice(2, 4), yymmdd.slice(4, 6));
}

// Two dates per entry in files of 100k entries: plain arithmetic, not a calendar library.
function dateOf(year: number, mm: string, dd: string): string | null {
  const month = Number(mm);
  const day = Number(dd);
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 ? (isLeap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  return `${year}-${mm}-${dd}`;
}

/**
 * The booking date `MMDD` of a :61: line lies in the year of its value date or the one next to
 * it: value date 2013-12-31 booked 0102 is 2014-01-02, value date 2014-01-02 booked 1231 is
 * 2013-12-31. The nearest of the three candidates wins.
 */
export function bookingDateNear(valueDate: string, mmdd: string): string | null {
  const year = Number(valueDate.slice(0, 4));
  const value = Date.parse(valueDate);
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidateYear of [year - 1, year, year + 1]) {
    const candidate = dateOf(candidateYear, mmdd.slice(0, 2), mmdd.slice(2, 4));
    if (!candidate) continue;
    const distance = Math.abs(Date.parse(candidate) - value);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** An MT940 amount: digits, a decimal comma, 0–2 decimals (`500,`, `0,3`, `000000001213,28`, Knab's `500`). */
function parseMt940Amount(text: string): Result<{ cents: Cents }> {
  if (!/^\d+(,\d*)?$/.test(text)) return { ok: false, reason: `not an amount: "${text}"` };
  const result = parseAmount(text, { decimalSeparator: ',' });
  return result.ok ? { ok: true, cents: result.cents } : result;
}

const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\S+)$/;

/** :60F:/:60M:/:62F:/:62M: `C110522EUR3236,28` → signed cents, date and currency. */
export function parseBalance(text: string): Result<{ balance: BankBalance; currency: string }> {
  const match = BALANCE.exec(text.trim());
  if (!match)
    return { ok: false, reason: `not a balance: "${text.trim()}" (expected C/D, YYMMDD, currency, amount)` };
  const [, mark, yymmdd = '', currency = '', amountText = ''] = match;
  const date = parseSwiftDate(yymmdd);
  if (!date) return { ok: false, reason: `no such date "${yymmdd}" in balance "${text.trim()}"` };
  const amount = parseMt940Amount(amountText);
  if (!amount.ok) return { ok: false, reason: `${amount.reason} in balance "${text.trim()}"` };
  const amountCents = (mark === 'D' ? -amount.cents : amount.cents) as Cents;
  return { ok: true, balance: { amountCents, date }, currency };
}

/**
 * An account as given: a valid IBAN (spaces removed, upper case) or any other identification.
 * Invalid IBANs (the anonymised sample files are full of them) are kept as account numbers.
 */
export function classifyAccount(text: string): { iban: string | null; accountNumber: string | null } {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return { iban: null, accountNumber: null };
  return isValidIBAN(compact)
    ? { iban: compact, accountNumber: null }
    : { iban: null, accountNumber: text.trim() };
}

/**
 * :25: `NL20INGB0001234567EUR`, `NL10BUNQ2290325473 EUR`, `1291.99.348EUR`, `517852257`,
 * `TRIODOSBANK/0390123456`: the currency suffix some banks add is dropped.
 */
export function parseAccountField(text: string): { iban: string | null; accountNumber: string | null } {
  const trimmed = text.trim();
  const withoutCurrency = /^(.*[0-9])\s*[A-Z]{3}$/.exec(trimmed)?.[1] ?? trimmed;
  return classifyAccount(withoutCurrency);
}

export type StatementLine = {
  valueDate: string;
  bookingDate: string;
  amountCents: Cents;
  /** RC (reversal of a credit: money taken back) or RD (reversal of a debit: money given back). */
  isReversal: boolean;
  /** N/F/S + three characters: `NTRF`, `N102`, ING's `NOV` (trailing space dropped). */
  transactionCode: string;
  /** The reference for the account owner, null for none or `NONREF`. */
  customerReference: string | null;
  /** After `//`: the bank's own reference. */
  bankReference: string | null;
  /** Text after the reference on the first line: Rabobank's old format puts the counterparty name there. */
  trailingText: string | null;
};

// value date, booking date (MMDD, optional), mark, funds code (optional), amount, type, the rest.
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d[\d,]*)([NFS][A-Z0-9 ]{3})(.*)$/;

/** The first line of a :61: field. */
export function parseStatementLine(text: string): Result<{ line: StatementLine }> {
  const trimmed = text.trimEnd();
  const match = STATEMENT_LINE.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      reason: `not a statement line: "${trimmed}" (expected YYMMDD[MMDD], C/D/RC/RD, amount, N/F/S code)`,
    };
  }
  const [, yymmdd = '', mmdd, mark = '', , amountText = '', code = '', rest = ''] = match;
  const valueDate = parseSwiftDate(yymmdd);
  if (!valueDate) return { ok: false, reason: `no such value date "${yymmdd}" in "${trimmed}"` };
  const bookingDate = mmdd ? bookingDateNear(valueDate, mmdd) : valueDate;
  if (!bookingDate) return { ok: false, reason: `no such booking date "${mmdd}" in "${trimmed}"` };
  const amount = parseMt940Amount(amountText);
  if (!amount.ok) return { ok: false, reason: `${amount.reason} in "${trimmed}"` };
  const isDebit = mark === 'D' || mark === 'RC';
  const { customerReference, bankReference, trailingText } = splitReferences(rest);
  return {
    ok: true,
    line: {
      valueDate,
      bookingDate,
      amountCents: (isDebit ? -amount.cents : amount.cents) as Cents,
      isReversal: mark.startsWith('R'),
      transactionCode: code.trim(),
      customerReference,
      bankReference,
      trailingText,
    },
  };
}

function splitReferences(
  rest: string,
): Pick<StatementLine, 'customerReference' | 'bankReference' | 'trailingText'> {
  const slashes = rest.indexOf('//');
  if (slashes >= 0) {
    return {
      customerReference: reference(rest.slice(0, slashes)),
      bankReference: reference(rest.slice(slashes + 2)),
      trailingText: null,
    };
  }
  // Rabobank's old format pads the reference to 16 characters and writes the name after it.
  const [first = '', ...others] = rest.trim().split(/\s{2,}/);
  return { customerReference: reference(first), bankReference: null, trailingText: others.join(' ') || null };
}

function reference(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' || trimmed === 'NONREF' ? null : trimmed;
}
