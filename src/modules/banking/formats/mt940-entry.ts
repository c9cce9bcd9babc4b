/**
 * One MT940 entry from its :61: statement line (with the supplementary-details lines under it)
 * and its :86: information lines. Where the counterparty is depends on the bank: Rabobank writes
 * the account under :61: (and, in its old format, the name on the :61: line itself), ASN and SNS
 * write the name under :61: and repeat account and name at the start of :86:.
 */
import type { BankEntry } from './bank-statement.js';
import type { StatementLine } from './mt940-fields.js';
import { classifyAccount } from './mt940-fields.js';
import { type EntryInformation, interpretInformation } from './mt940-info.js';

export type EntryInput = {
  place: string;
  currency: string;
  line: StatementLine;
  /** The :61: continuation lines (SWIFT's "supplementary details"). */
  supplementary: readonly string[];
  /** The :86: lines, the first without its tag; empty when the entry has no :86:. */
  information: readonly string[];
};

// An account as Rabobank and SNS write one on its own: an IBAN, a BBAN, a `P` giro number.
const ACCOUNT_ALONE = /^([A-Z]{2}\d{2}[A-Z0-9]{11,30}|\d{7,10}|P\d{1,9})$/;

export function buildEntry(input: EntryInput): BankEntry {
  const { line } = input;
  const info: EntryInformation = interpretInformation(input.information);
  const details = input.supplementary
    .map((text) => text.trim())
    .filter((text) => text !== '' && !text.startsWith('/TRCD/'))
    .join(' ');
  const detailsAccount = ACCOUNT_ALONE.test(details) ? classifyAccount(details) : null;
  const detailsName = details !== '' && !detailsAccount ? details.replace(/\s+/g, ' ') : null;

  let { counterpartyName, counterpartyIban, counterpartyAccountNumber, remittance } = info;
  if (!counterpartyIban && !counterpartyAccountNumber && detailsAccount) {
    counterpartyIban = detailsAccount.iban;
    counterpartyAccountNumber = detailsAccount.accountNumber;
  }
  // Rabobank's old format: `N0440121470966      W.P. Jansen` = account, then name.
  if (line.trailingText) {
    counterpartyName ??= line.trailingText;
    const reference = line.customerReference ?? '';
    if (!counterpartyIban && !counterpartyAccountNumber && ACCOUNT_ALONE.test(reference)) {
      counterpartyAccountNumber = reference;
    }
  }
  if (detailsName && !counterpartyName) {
    counterpartyName = detailsName;
    // ASN/SNS repeat account (the :61: reference) and name at the start of :86:.
    const reference = line.customerReference;
    if (reference && remittance?.startsWith(`${reference} `))
      remittance = remittance.slice(reference.length + 1);
    if (remittance?.toLowerCase().startsWith(detailsName.toLowerCase())) {
      remittance = remittance.slice(detailsName.length).trim() || null;
    }
  }

  return {
    place: input.place,
    bookingDate: line.bookingDate,
    valueDate: line.valueDate,
    amountCents: line.amountCents,
    currency: input.currency,
    isReversal: line.isReversal || info.returnReason !== null,
    returnReason: info.returnReason,
    counterpartyName,
    counterpartyIban,
    counterpartyAccountNumber,
    counterpartyBic: info.counterpartyBic,
    structuredReference: info.structuredReference,
    remittance,
    endToEndId: info.endToEndId,
    bankReference: line.bankReference,
    transactionCode: line.transactionCode,
  };
}
