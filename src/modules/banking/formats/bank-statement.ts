/**
 * What every bank-statement parser (CAMT.053/054, MT940, CODA, bank CSV) produces: a stream of
 * events, so that a file of 100k entries is never held as one tree. A parser reads the file's text
 * in chunks or lines and yields, per statement, a `statement` event, its `entry` events and an
 * `end` event with the balance check; anything it cannot read becomes an `error` event naming the
 * place, and parsing goes on with the next entry or statement where the format allows it.
 */
import type { Cents } from '../../../core/money.js';

export const BANK_FILE_FORMATS = ['camt053', 'camt054', 'camt052', 'mt940', 'coda', 'csv'] as const;
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[number];

export type BankBalance = { amountCents: Cents; date: string };

export type BankStatementHeader = {
  format: BankFileFormat;
  /** Where in the file, for messages: "statement 2 (line 40)". */
  place: string;
  /** The statement's own identification (camt Stmt/Id, MT940 :20:/:28C:, CODA sequence). */
  statementId: string | null;
  /** The account the statement is of: an IBAN (no spaces, upper case) when the file gives one. */
  accountIban: string | null;
  /** Any other account identification the file gives (MT940 "TRIODOSBANK/0390123456", BBAN). */
  accountNumber: string | null;
  currency: string;
  opening: BankBalance | null;
  /** Given here when the format puts it before the entries (camt); else on the `end` event. */
  closing: BankBalance | null;
};

/**
 * One payment line as a collector cares about it: for a batch entry with several transaction
 * details, one per transaction detail. Amounts are signed: positive = money received (credit),
 * negative = money paid out or taken back (debit).
 */
export type BankEntry = {
  /** Where in the file: "statement 1, entry 3, transaction 2 (line 120)". */
  place: string;
  bookingDate: string;
  valueDate: string | null;
  amountCents: Cents;
  currency: string;
  /** A reversal (camt RvslInd, MT940 RC/RD) or a returned direct debit / transfer. */
  isReversal: boolean;
  /** ISO 20022 return reason (AC04, MS03, MD06 …) when the file gives one. */
  returnReason: string | null;
  counterpartyName: string | null;
  /** IBAN without spaces, upper case, or null. */
  counterpartyIban: string | null;
  /**
   * Any other account identification of the counterparty (BBAN, giro number `P0123456`, or an
   * IBAN whose check digits fail) when the file gives one; absent when the format has none.
   */
  counterpartyAccountNumber?: string | null;
  counterpartyBic: string | null;
  /**
   * A structured creditor reference exactly as the file marks it (camt CdtrRefInf/Ref, MT940
   * /REMI/STRD/CUR/ or CDTRREF, CODA type 101 communication) — digits/letters only, no +++ or spaces.
   */
  structuredReference: string | null;
  /** Further structured references of the same payment (camt: one Strd block per referred document). */
  additionalStructuredReferences?: string[];
  /** Unstructured remittance / description text, lines joined by a single space. */
  remittance: string | null;
  endToEndId: string | null;
  /** The bank's own reference for the entry (camt AcctSvcrRef, MT940 //ref, CODA bank reference). */
  bankReference: string | null;
  /** Bank transaction code as given (camt Domn/Fmly/SubFmly or Prtry, MT940 N-code / GV code). */
  transactionCode: string | null;
  /** The counterparty's street and place, when the file gives them (CODA 3.x records). */
  counterpartyAddress?: string | null;
  /** SEPA direct debit: the creditor identifier and the mandate reference. */
  creditorId?: string | null;
  mandateReference?: string | null;
  /**
   * The entry's booking status where the format has one (camt Sts: BOOK, PDNG, INFO, FUTR). Only
   * booked entries are money on the account; parsers leave the others out unless asked for them.
   */
  bookingStatus?: string;
};

export type BalanceCheck =
  | { kind: 'not_given' }
  | { kind: 'ok'; openingCents: Cents; closingCents: Cents; entriesCents: Cents }
  | { kind: 'mismatch'; openingCents: Cents; closingCents: Cents; entriesCents: Cents };

export type BankStatementEvent =
  | { kind: 'statement'; statement: BankStatementHeader }
  | { kind: 'entry'; entry: BankEntry }
  | {
      kind: 'end';
      closing: BankBalance | null;
      entryCount: number;
      balance: BalanceCheck;
      /** Free messages of the bank to the account holder (CODA record 4). */
      messages?: string[];
      /** Entries the file marks as not booked (camt PDNG/INFO/FUTR): outside the balance check. */
      unbookedEntryCount?: number;
    }
  | { kind: 'error'; place: string; message: string };

/** A parser reads a file's text (already decoded to a string per chunk) and yields events. */
export type BankStatementParser = (chunks: AsyncIterable<string>) => AsyncGenerator<BankStatementEvent>;

/** The balance check every parser applies: opening + sum of entries = closing, in cents. */
export function checkBalance(
  opening: BankBalance | null,
  closing: BankBalance | null,
  entriesCents: number,
): BalanceCheck {
  if (!opening || !closing) return { kind: 'not_given' };
  const result = {
    openingCents: opening.amountCents,
    closingCents: closing.amountCents,
    entriesCents: entriesCents as Cents,
  };
  return opening.amountCents + entriesCents === closing.amountCents
    ? { kind: 'ok', ...result }
    : { kind: 'mismatch', ...result };
}
