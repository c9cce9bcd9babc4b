/**
 * One camt balance or entry (Ntry with its TxDtls), already collected as paths → values, turned
 * into the statement model. Pure: no XML here. The entry's own amount and sign are what the bank
 * booked; its transaction details only split that amount over payers, so they are used when they
 * add up to it and the entry is refused (with the reason) when they do not.
 */
import { isCalendarDate } from '../../../core/calendar-date.js';
import { type Cents, cents, formatCents, type ParseAmountResult, parseAmount } from '../../../core/money.js';
import type { BankBalance, BankEntry } from './bank-statement.js';
import {
  allValues,
  CREDITOR_PATHS,
  CREDITOR_SCHEME_ID_PATHS,
  DEBTOR_PATHS,
  type Fields,
  firstValue,
  type PartyPaths,
  TRANSACTION_AMOUNT_PATHS,
} from './camt-paths.js';

type Failure = { ok: false; message: string };

const DECIMAL = /^\d+(?:\.(\d+))?$/;

/**
 * A camt amount (xs:decimal, up to five decimals) in cents. Decimals past the second are accepted
 * only when they are zeros ("18.150"): anything else would need rounding money, which is refused.
 */
export function parseCamtAmount(text: string): ParseAmountResult {
  const trimmed = text.trim();
  const match = DECIMAL.exec(trimmed);
  if (!match) return { ok: false, reason: `not an amount: "${trimmed}"` };
  const fraction = match[1] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) {
    return { ok: false, reason: `amount "${trimmed}" has more than two decimals (not rounded)` };
  }
  const zerosPastCents = Math.max(0, fraction.length - 2);
  return parseAmount(trimmed.slice(0, trimmed.length - zerosPastCents), { decimalSeparator: '.' });
}

/** CRDT → +1, DBIT → −1, absent → undefined. */
function readSign(fields: Fields, path: string): { ok: true; sign: 1 | -1 | undefined } | Failure {
  const text = firstValue(fields, path);
  if (text === undefined) return { ok: true, sign: undefined };
  if (text === 'CRDT') return { ok: true, sign: 1 };
  if (text === 'DBIT') return { ok: true, sign: -1 };
  return { ok: false, message: `${path} is "${text}", expected CRDT or DBIT` };
}

// The entries of a statement share a handful of dates; checking each one once keeps 100k fast.
const checkedDates = new Set<string>();

function isKnownCalendarDate(date: string): boolean {
  if (checkedDates.has(date)) return true;
  if (!isCalendarDate(date)) return false;
  if (checkedDates.size > 10_000) checkedDates.clear();
  checkedDates.add(date);
  return true;
}

/** The date of the first path present (a DtTm gives its own calendar date); null when none is. */
function readDate(fields: Fields, paths: readonly string[]): { ok: true; date: string | null } | Failure {
  for (const path of paths) {
    const text = firstValue(fields, path);
    if (text === undefined) continue;
    const date = text.slice(0, 10);
    if (isKnownCalendarDate(date) && (text.length === 10 || text[10] === 'T')) return { ok: true, date };
    return { ok: false, message: `${path} is not a date: "${text}"` };
  }
  return { ok: true, date: null };
}

/** Whitespace (line breaks inside long texts) collapsed; empty → undefined. */
function cleanText(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

export function normalizeIban(text: string | undefined): string | null {
  const iban = text?.replace(/\s+/g, '').toUpperCase();
  return iban ? iban : null;
}

type BalanceReading =
  | { kind: 'opening' | 'closing'; code: string; balance: BankBalance; currency: string | undefined }
  | { kind: 'other' }
  | { kind: 'error'; message: string };

/** Bal: OPBD/PRCD opening, CLBD closing; the other types (available, forward…) are not read. */
export function readBalance(fields: Fields): BalanceReading {
  const code = firstValue(fields, 'Tp/CdOrPrtry/Cd') ?? '';
  const kind = code === 'OPBD' || code === 'PRCD' ? 'opening' : code === 'CLBD' ? 'closing' : undefined;
  if (!kind) return { kind: 'other' };
  const amountText = firstValue(fields, 'Amt');
  if (amountText === undefined) return { kind: 'error', message: `${code} balance has no amount (Amt)` };
  const amount = parseCamtAmount(amountText);
  if (!amount.ok) return { kind: 'error', message: `${code} balance: ${amount.reason}` };
  // Some banks leave out the mandatory CdtDbtInd on positive balances (the LT settlement file).
  const sign = readSign(fields, 'CdtDbtInd');
  if (!sign.ok) return { kind: 'error', message: `${code} balance: ${sign.message}` };
  const date = readDate(fields, ['Dt/Dt', 'Dt/DtTm']);
  if (!date.ok) return { kind: 'error', message: `${code} balance: ${date.message}` };
  if (!date.date) return { kind: 'error', message: `${code} balance has no date (Dt)` };
  return {
    kind,
    code,
    balance: { amountCents: cents((sign.sign ?? 1) * amount.cents), date: date.date },
    currency: firstValue(fields, 'Amt@Ccy'),
  };
}

/** Sts as text (up to v07) or Sts/Cd (v08+); an entry without one is taken as booked. */
export function readEntryStatus(fields: Fields): string {
  return firstValue(fields, 'Sts/Cd', 'Sts') ?? 'BOOK';
}

/** One TxDtls of the entry, with its place in the file. */
type Transaction = { fields: Fields; place: string };

type EntryInput = {
  entry: Fields;
  transactions: readonly Transaction[];
  /** The place of the entry, for the entry itself and a Ntry without TxDtls. */
  place: string;
  /** The statement's currency, for an Amt without Ccy. */
  currency: string;
  /** The statement's (or message's) creation date, for an entry without BookgDt and ValDt. */
  fallbackDate: string | null;
};

type EntryReading = { ok: true; signedCents: Cents; entries: BankEntry[] } | Failure;

export function readEntry(input: EntryInput): EntryReading {
  const { entry } = input;
  const amountText = firstValue(entry, 'Amt');
  if (amountText === undefined) return { ok: false, message: 'the entry has no amount (Amt)' };
  const amount = parseCamtAmount(amountText);
  if (!amount.ok) return { ok: false, message: `Amt: ${amount.reason}` };
  const sign = readSign(entry, 'CdtDbtInd');
  if (!sign.ok) return sign;
  if (!sign.sign) return { ok: false, message: 'the entry has no credit/debit indicator (CdtDbtInd)' };
  const currency = firstValue(entry, 'Amt@Ccy') ?? input.currency;
  const signedCents = cents(sign.sign * amount.cents);

  const booking = readDate(entry, ['BookgDt/Dt', 'BookgDt/DtTm', 'ValDt/Dt', 'ValDt/DtTm']);
  if (!booking.ok) return booking;
  const bookingDate = booking.date ?? input.fallbackDate;
  if (!bookingDate) return { ok: false, message: 'the entry has no booking date (BookgDt)' };
  const value = readDate(entry, ['ValDt/Dt', 'ValDt/DtTm']);
  if (!value.ok) return value;

  const split = splitEntryAmount(input.transactions, { signedCents, sign: sign.sign, currency });
  if (!split.ok) return split;
  const rvsl = firstValue(entry, 'RvslInd');
  const common: EntryCommon = {
    entry,
    bookingDate,
    valueDate: value.date,
    currency,
    isEntryReversal: rvsl === 'true' || rvsl === '1',
    isBatch: input.transactions.length > 1,
    status: readEntryStatus(entry),
  };
  const entries =
    split.parts.length === 0
      ? [toBankEntry(common, { fields: new Map(), place: input.place }, signedCents)]
      : split.parts.map(({ tx, amountCents }) => toBankEntry(common, tx, amountCents));
  return { ok: true, signedCents, entries };
}

/**
 * The signed amount of each transaction: its own (in the entry's currency, with its own CdtDbtInd
 * or else the entry's) when they add up to the entry; the entry's when there is one transaction
 * without an amount of its own in that currency.
 */
function splitEntryAmount(
  transactions: readonly Transaction[],
  entry: { signedCents: Cents; sign: 1 | -1; currency: string },
): { ok: true; parts: { tx: Transaction; amountCents: Cents }[] } | Failure {
  const { currency } = entry;
  if (transactions.length === 0) return { ok: true, parts: [] };
  const parts: { tx: Transaction; amountCents: Cents }[] = [];
  let missing: { number: number; foreignAmount: string | undefined } | undefined;
  for (const [index, tx] of transactions.entries()) {
    const amount = transactionAmount(tx.fields, currency);
    if (!amount.ok) return { ok: false, message: `transaction ${index + 1}: ${amount.message}` };
    const sign = readSign(tx.fields, 'CdtDbtInd');
    if (!sign.ok) return { ok: false, message: `transaction ${index + 1}: ${sign.message}` };
    if (amount.cents === undefined) missing ??= { number: index + 1, foreignAmount: amount.foreignAmount };
    else parts.push({ tx, amountCents: cents((sign.sign ?? entry.sign) * amount.cents) });
  }
  const [only] = transactions;
  if (missing !== undefined && only && transactions.length === 1) {
    return { ok: true, parts: [{ tx: only, amountCents: entry.signedCents }] };
  }
  if (missing !== undefined) {
    const what = missing.foreignAmount
      ? `only an amount in another currency (${missing.foreignAmount})`
      : 'no amount';
    return {
      ok: false,
      message:
        `transaction ${missing.number} of ${transactions.length} has ${what}, so the entry amount ` +
        `${formatCents(entry.signedCents)} ${currency} cannot be split over them; the entry is not imported`,
    };
  }
  const total = parts.reduce((sum, part) => sum + part.amountCents, 0);
  if (total === entry.signedCents) return { ok: true, parts };
  return {
    ok: false,
    message:
      `the transaction details add up to ${formatCents(total)} ${currency} but the entry amount is ` +
      `${formatCents(entry.signedCents)} ${currency}; the entry is not imported`,
  };
}

function transactionAmount(
  fields: Fields,
  currency: string,
): { ok: true; cents?: Cents; foreignAmount?: string } | Failure {
  let foreignAmount: string | undefined;
  for (const path of TRANSACTION_AMOUNT_PATHS) {
    const text = firstValue(fields, path);
    if (text === undefined) continue;
    // An amount in another currency (instructed in USD, say) says nothing about the booked one.
    const amountCurrency = firstValue(fields, `${path}@Ccy`) ?? currency;
    if (amountCurrency !== currency) {
      foreignAmount ??= `${text} ${amountCurrency}`;
      continue;
    }
    const amount = parseCamtAmount(text);
    return amount.ok
      ? { ok: true, cents: amount.cents }
      : { ok: false, message: `${path}: ${amount.reason}` };
  }
  return { ok: true, foreignAmount };
}

/** What every payment line of one entry shares. */
type EntryCommon = {
  entry: Fields;
  bookingDate: string;
  valueDate: string | null;
  currency: string;
  isEntryReversal: boolean;
  /** Several TxDtls: the entry's own text is about the batch, not any one payment in it. */
  isBatch: boolean;
  status: string;
};

function toBankEntry(common: EntryCommon, transaction: Transaction, amountCents: Cents): BankEntry {
  const { entry } = common;
  const tx = transaction.fields;
  // Whoever paid us for money in, whoever we paid for money out (a return names the original
  // debtor as creditor, as ABN AMRO does, so the booked direction picks the right party).
  const txSign = firstValue(tx, 'CdtDbtInd') ?? firstValue(entry, 'CdtDbtInd');
  const counterparty = readParty(tx, txSign === 'CRDT' ? DEBTOR_PATHS : CREDITOR_PATHS);
  const references = [...new Set(allValues(tx, 'RmtInf/Strd/CdtrRefInf/Ref').map(compactReference))].filter(
    (ref) => ref !== '',
  );
  const returnReason = cleanText(firstValue(tx, 'RtrInf/Rsn/Cd', 'RtrInf/Rsn/Prtry')) ?? null;
  const endToEndId = cleanText(firstValue(tx, 'Refs/EndToEndId'));
  return {
    place: transaction.place,
    bookingDate: common.bookingDate,
    valueDate: common.valueDate,
    amountCents,
    currency: common.currency,
    isReversal: common.isEntryReversal || returnReason !== null || tx.has('RtrInf/AddtlInf'),
    returnReason,
    counterpartyName: counterparty.name,
    counterpartyIban: counterparty.iban,
    counterpartyAccountNumber: counterparty.accountNumber,
    counterpartyBic: counterparty.bic,
    structuredReference: references[0] ?? null,
    ...(references.length > 1 ? { additionalStructuredReferences: references.slice(1) } : {}),
    remittance: readRemittance(tx, common.isBatch ? undefined : entry),
    endToEndId: endToEndId && endToEndId.toUpperCase() !== 'NOTPROVIDED' ? endToEndId : null,
    bankReference: cleanText(firstValue(tx, 'Refs/AcctSvcrRef') ?? firstValue(entry, 'AcctSvcrRef')) ?? null,
    transactionCode: readTransactionCode(tx) ?? readTransactionCode(entry),
    creditorId: cleanText(firstValue(tx, ...CREDITOR_SCHEME_ID_PATHS)) ?? null,
    mandateReference: cleanText(firstValue(tx, 'Refs/MndtId')) ?? null,
    bookingStatus: common.status,
  };
}

/** Letters and digits only, upper case (as MT940 does): "+++090/9337/55493+++" → "090933755493". */
function compactReference(text: string): string {
  return text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function readParty(fields: Fields, paths: PartyPaths) {
  return {
    name: cleanText(firstValue(fields, ...paths.names)) ?? null,
    iban: normalizeIban(firstValue(fields, paths.iban)),
    accountNumber: cleanText(firstValue(fields, paths.accountNumber)) ?? null,
    bic: cleanText(firstValue(fields, ...paths.bics))?.toUpperCase() ?? null,
  };
}

/**
 * Ustrd lines; else the structured block's free text; else the bank's texts about the transaction
 * and, for a single payment, the entry (ABN AMRO writes its /TRTP/…/REMI/… string there, and it is
 * all there is). A batch's entry text ("/TRTP/SEPA ACCEPTGIRO BATCH/…/NRTX/10") is left out: its
 * numbers would look like invoice numbers to the matcher.
 */
function readRemittance(tx: Fields, entry: Fields | undefined): string | null {
  const sources = [
    allValues(tx, 'RmtInf/Ustrd'),
    allValues(tx, 'RmtInf/Strd/AddtlRmtInf'),
    allValues(tx, 'AddtlTxInf'),
    entry ? allValues(entry, 'AddtlNtryInf') : [],
  ];
  for (const lines of sources) {
    const text = lines
      .map(cleanText)
      .filter((line): line is string => line !== undefined && line.toUpperCase() !== 'NOTPROVIDED')
      .join(' ');
    if (text !== '') return text;
  }
  return null;
}

/** Domain/family/sub-family ("PMNT/RCDT/ESCT") when given, else the proprietary code. */
function readTransactionCode(fields: Fields): string | null {
  const domain = firstValue(fields, 'BkTxCd/Domn/Cd');
  if (domain) {
    const family = firstValue(fields, 'BkTxCd/Domn/Fmly/Cd');
    const subFamily = firstValue(fields, 'BkTxCd/Domn/Fmly/SubFmlyCd');
    return [domain, family, subFamily].filter((part) => part).join('/');
  }
  return cleanText(firstValue(fields, 'BkTxCd/Prtry/Cd')) ?? null;
}
