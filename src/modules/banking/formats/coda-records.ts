/**
 * The fixed-width records of a Belgian CODA file (Febelfin standard, version 2): every record is
 * 128 characters, its type in the first one or two. Each reader takes one line and returns the
 * fields by their positions in the standard, or the reason the record cannot be read.
 */

import { isCalendarDate } from '../../../core/calendar-date.js';
import { type Cents, parseAmount } from '../../../core/money.js';
import { mod97 } from '../../../core/references/check-digits.js';

export const CODA_RECORD_LENGTH = 128;

export type CodaRead<T> = { ok: true; record: T } | { ok: false; reason: string };

/** Characters `from`…`to` of a record, 1-based and inclusive as the standard numbers them. */
function field(line: string, from: number, to: number): string {
  return line.slice(from - 1, to);
}

function text(line: string, from: number, to: number): string | null {
  const value = field(line, from, to).trim();
  return value === '' ? null : value;
}

class FieldError extends Error {}

/** DDMMYY → YYYY-MM-DD. CODA 2 exists since 2000, so the century is always 20. */
function date(line: string, from: number, name: string): string {
  const raw = field(line, from, from + 5);
  const iso = `20${raw.slice(4, 6)}-${raw.slice(2, 4)}-${raw.slice(0, 2)}`;
  if (!/^\d{6}$/.test(raw) || !isCalendarDate(iso))
    throw new FieldError(`${name} "${raw}" is not a date (DDMMYY)`);
  return iso;
}

/** A value date of 000000 means "not given". */
function optionalDate(line: string, from: number, name: string): string | null {
  return field(line, from, from + 5) === '000000' ? null : date(line, from, name);
}

/**
 * A sign (0 credit, 1 debit) and 15 digits with three decimals. Amounts are kept in cents: a
 * non-zero third decimal (never seen in a real EUR file) is rounded half away from zero.
 */
function signedAmount(line: string, signAt: number, name: string): Cents {
  const sign = field(line, signAt, signAt);
  const digits = field(line, signAt + 1, signAt + 15);
  if ((sign !== '0' && sign !== '1') || !/^\d{15}$/.test(digits)) {
    throw new FieldError(`${name} "${sign}${digits}" is not a sign (0/1) and 15 digits`);
  }
  const parsed = parseAmount(`${sign === '1' ? '-' : ''}${digits.slice(0, 12)}.${digits.slice(12)}`, {
    decimalSeparator: '.',
    maxDecimals: 3,
  });
  if (!parsed.ok) throw new FieldError(`${name}: ${parsed.reason}`);
  return parsed.cents;
}

function read<T>(build: () => T): CodaRead<T> {
  try {
    return { ok: true, record: build() };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A Belgian account number (BBAN, 12 digits) as an IBAN, when its own check digits hold. */
export function belgianIbanFromBban(bban: string): string | null {
  if (!/^\d{12}$/.test(bban) || /^0+$/.test(bban)) return null;
  if ((mod97(bban.slice(0, 10)) || 97) !== Number(bban.slice(10))) return null;
  const check = String(98 - mod97(`${bban}111400`)).padStart(2, '0');
  return `BE${check}${bban}`;
}

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/;

/** An account zone as IBAN and/or account number (no spaces, upper case). */
export type CodaAccount = { iban: string | null; number: string | null };

function account(raw: string): CodaAccount {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (compact === '' || /^0+$/.test(compact)) return { iban: null, number: null };
  if (IBAN_SHAPE.test(compact)) return { iban: compact, number: null };
  return { iban: belgianIbanFromBban(compact), number: compact };
}

export type CodaHeader = {
  creationDate: string;
  bankId: string;
  isDuplicate: boolean;
  addressee: string | null;
  bic: string | null;
};

export function readHeader(line: string): CodaRead<CodaHeader> {
  return read(() => ({
    creationDate: date(line, 6, 'creation date'),
    bankId: field(line, 12, 14),
    isDuplicate: field(line, 17, 17) === 'D',
    addressee: text(line, 35, 60),
    bic: text(line, 61, 71),
  }));
}

export type CodaBalance = {
  account: CodaAccount;
  currency: string;
  amountCents: Cents;
  date: string;
  /** Record 1 only: the statement's sequence number and the account holder. */
  statementNumber: string | null;
  holderName: string | null;
};

/**
 * The account zone by its structure (record 1 position 2): 0 Belgian account number, 1 foreign
 * account, 2 Belgian IBAN, 3 foreign IBAN; the currency sits in a different place for each.
 */
function accountAndCurrency(structure: string, zone: string): { account: CodaAccount; currency: string } {
  switch (structure) {
    case '0':
      return { account: account(zone.slice(0, 12)), currency: zone.slice(13, 16) };
    case '2':
      return { account: account(zone.slice(0, 16)), currency: zone.slice(34, 37) };
    case '1':
    case '3':
      return { account: account(zone.slice(0, 34)), currency: zone.slice(34, 37) };
    default:
      throw new FieldError(`account structure "${structure}" is not 0, 1, 2 or 3`);
  }
}

function currencyChecked(result: { account: CodaAccount; currency: string }) {
  if (!/^[A-Z]{3}$/.test(result.currency))
    throw new FieldError(`currency "${result.currency}" is not an ISO code`);
  return result;
}

export function readOldBalance(line: string): CodaRead<CodaBalance> {
  return read(() => ({
    ...currencyChecked(accountAndCurrency(field(line, 2, 2), field(line, 6, 42))),
    amountCents: signedAmount(line, 43, 'old balance'),
    date: date(line, 59, 'old balance date'),
    statementNumber: text(line, 126, 128) ?? text(line, 3, 5),
    holderName: text(line, 65, 90),
  }));
}

/** Record 8 has no structure digit; the account zone is read with the structure of record 1. */
export function readNewBalance(line: string, structure: string): CodaRead<CodaBalance> {
  return read(() => ({
    ...currencyChecked(accountAndCurrency(structure, field(line, 5, 41))),
    amountCents: signedAmount(line, 42, 'new balance'),
    date: date(line, 58, 'new balance date'),
    statementNumber: text(line, 2, 4),
    holderName: null,
  }));
}

/** Record 2.1: the movement itself. */
export type CodaMovement = {
  sequence: string;
  detail: string;
  bankReference: string | null;
  amountCents: Cents;
  valueDate: string | null;
  /** Type (1 digit), family (2), operation (2), category (3): "00150000". */
  transactionCode: string;
  /** 0 simple, 1/2 total of a customer's / the bank's group, 3 with details; 5–9 a detail. */
  transactionType: string;
  /** The type of a structured communication ("101", "127" …) or null for free text. */
  communicationType: string | null;
  /** The communication zone as written, padded: structured (50) or free text (53). */
  communication: string;
  entryDate: string;
  globalisationCode: number;
};

export function readMovement(line: string): CodaRead<CodaMovement> {
  return read(() => {
    const isStructured = field(line, 62, 62) === '1';
    const transactionCode = field(line, 54, 61);
    if (!/^\d{8}$/.test(transactionCode)) {
      throw new FieldError(`transaction code "${transactionCode}" is not 8 digits`);
    }
    return {
      sequence: field(line, 3, 6),
      detail: field(line, 7, 10),
      bankReference: text(line, 11, 31),
      amountCents: signedAmount(line, 32, 'amount'),
      valueDate: optionalDate(line, 48, 'value date'),
      transactionCode,
      transactionType: transactionCode.slice(0, 1),
      communicationType: isStructured ? field(line, 63, 65) : null,
      communication: isStructured ? field(line, 66, 115) : field(line, 63, 115),
      entryDate: date(line, 116, 'entry date'),
      globalisationCode: Number(field(line, 125, 125)) || 0,
    };
  });
}

/** Record 2.2: more communication, the end-to-end reference, BIC and return codes. */
export type CodaMovementPart2 = {
  communication: string;
  endToEndId: string | null;
  counterpartyBic: string | null;
  /** R-transaction type: 1 reject, 2 return, 3 refund, 4 reversal, 5 cancellation. */
  rTransactionType: string | null;
  returnReason: string | null;
};

const BIC_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;
// ISO 20022 return reasons (AC04, MD06, MS03 …); before SEPA these positions held other data.
const RETURN_REASON_SHAPE = /^[A-Z]{2}[A-Z0-9]{2}$/;

export function readMovementPart2(line: string): CodaMovementPart2 {
  const endToEndId = text(line, 64, 98);
  const bic = text(line, 99, 109);
  const rType = field(line, 113, 113);
  const reason = field(line, 114, 117);
  const isReturn = /^[1-5]$/.test(rType) && RETURN_REASON_SHAPE.test(reason);
  return {
    communication: field(line, 11, 63),
    // SEPA writes NOTPROVIDED where the payer gave no end-to-end reference; old files zeros.
    endToEndId: endToEndId === 'NOTPROVIDED' || /^0+$/.test(endToEndId ?? '') ? null : endToEndId,
    counterpartyBic: bic && BIC_SHAPE.test(bic) ? bic : null,
    rTransactionType: isReturn ? rType : null,
    returnReason: isReturn ? reason : null,
  };
}

/** Record 2.3: the counterparty's account and name, and the last part of the communication. */
export type CodaMovementPart3 = { account: CodaAccount; name: string | null; communication: string };

export function readMovementPart3(line: string): CodaMovementPart3 {
  // The account is the first word of its zone: an IBAN, a BBAN, or a foreign number, then blanks
  // and the currency (older files put other codes after a BBAN).
  const accountText = field(line, 11, 47).trim().split(/\s+/)[0] ?? '';
  return { account: account(accountText), name: text(line, 48, 82), communication: field(line, 83, 125) };
}

/** Records 3.1/3.2/3.3: an information record's communication zone, with its structure on 3.1. */
export type CodaInformation = { communicationType: string | null; communication: string };

export function readInformation(line: string, article: string): CodaInformation {
  if (article === '1') {
    const isStructured = field(line, 40, 40) === '1';
    return isStructured
      ? { communicationType: field(line, 41, 43), communication: field(line, 44, 113) }
      : { communicationType: null, communication: field(line, 41, 113) };
  }
  return {
    communicationType: null,
    communication: article === '2' ? field(line, 11, 115) : field(line, 11, 100),
  };
}

export type CodaTrailer = { recordCount: number; debitCents: Cents; creditCents: Cents };

export function readTrailer(line: string): CodaRead<CodaTrailer> {
  return read(() => {
    const count = field(line, 17, 22);
    if (!/^\d{6}$/.test(count)) throw new FieldError(`number of records "${count}" is not 6 digits`);
    return {
      recordCount: Number(count),
      debitCents: signedAmount(`0${field(line, 23, 37)}`, 1, 'debit total'),
      creditCents: signedAmount(`0${field(line, 38, 52)}`, 1, 'credit total'),
    };
  });
}

/** Record 4: a free message of the bank to the account holder. */
export function readFreeMessage(line: string): string | null {
  return text(line, 33, 112);
}
