import { addDays } from '../../core/calendar-date.js';
import type { Country, DocumentKind } from '../../core/ledger/enums.js';
import { parseCountry, parseEmail, parsePhone } from './field-parsers.js';
import type { ContactInput, DebtorInput, InvoiceInput, ValidRow } from './row-validation.js';
import { DEFAULT_PAYMENT_TERM_DAYS } from './row-validation.js';
import type { UblDocument, UblParty } from './ubl-parse.js';

/** UNTDID 1001 codes of credit notes, also when sent as an Invoice document. */
const CREDIT_TYPE_CODES = new Set([
  '81',
  '83',
  '261',
  '262',
  '296',
  '308',
  '381',
  '396',
  '420',
  '458',
  '532',
]);

/** VAT and company numbers by which an existing debtor can be recognised. */
export function ublDebtorIdentifiers(doc: UblDocument): string[] {
  const { vatId, legalId } = doc.customer;
  return [vatId, legalId].filter((id): id is string => id !== undefined);
}

/**
 * The key a debtor gets when an e-invoice creates it: the buyer's identifier (BT-46) if there is
 * one, else its VAT number, company number, Peppol endpoint or, last, its name.
 */
export function ublDebtorNumber(party: UblParty): string | undefined {
  return party.partyId ?? party.vatId ?? party.legalId ?? party.endpointId ?? party.name;
}

const MAX_DESCRIPTION = 500;

/** Order reference, notes and what was delivered, for the call preparation sheet. */
export function ublOrderDescription(doc: UblDocument): string | null {
  const parts: string[] = [];
  if (doc.orderReference) parts.push(`Order ${doc.orderReference}`);
  parts.push(...doc.notes);
  if (doc.lineNames.length > 0) {
    const shown = doc.lineNames.slice(0, 3).join(', ');
    const more = doc.lineNames.length > 3 ? ` (+${doc.lineNames.length - 3} more)` : '';
    parts.push(`${shown}${more}`);
  }
  const text = parts.join(' · ');
  if (text === '') return null;
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

export type UblRowResult = { ok: true; value: ValidRow } | { ok: false; field: string; message: string };

/**
 * Turns a parsed document into ledger values. The total and the open amount are the PayableAmount
 * (what is still to be paid after any prepayment), negative for credit notes and negative invoices.
 */
export function ublToRow(
  doc: UblDocument,
  params: { orgCountry: Country; debtorNumber?: string | undefined },
): UblRowResult {
  const party = doc.customer;
  const number = params.debtorNumber ?? ublDebtorNumber(party);
  if (!number)
    return { ok: false, field: 'debtor_number', message: 'the customer party has no identifier and no name' };
  if (!party.name && !params.debtorNumber)
    return {
      ok: false,
      field: 'debtor_name',
      message: 'the customer party (AccountingCustomerParty) has no name',
    };

  const isCreditDocument = doc.root === 'CreditNote' || CREDIT_TYPE_CODES.has(doc.typeCode ?? '');
  const totalCents = isCreditDocument ? -doc.payableCents : doc.payableCents;
  const kind: DocumentKind =
    totalCents > 0 ? 'invoice' : isCreditDocument || totalCents < 0 ? 'credit_note' : 'invoice';
  const vatCents = isCreditDocument ? -doc.taxCents : doc.taxCents;

  // A credit is available at once: without an explicit due date a credit note is due when issued.
  const term = kind === 'credit_note' ? 0 : (doc.paymentTermDays ?? DEFAULT_PAYMENT_TERM_DAYS);
  const dueDate = doc.dueDate ?? addDays(doc.issueDate, term);
  if (dueDate < doc.issueDate)
    return {
      ok: false,
      field: 'due_date',
      message: `due date ${dueDate} is before the issue date ${doc.issueDate}`,
    };

  const country = parseCountry(party.country ?? '', params.orgCountry);
  const debtor: DebtorInput = { number, country: country.ok ? country.value : params.orgCountry };
  if (party.name) debtor.name = party.name;
  if (party.vatId) debtor.vatNumber = party.vatId;
  if (party.legalId) debtor.companyNumber = party.legalId;
  if (party.street) debtor.addressLine = party.street;
  if (party.postalCode) debtor.postalCode = party.postalCode;
  if (party.city) debtor.city = party.city;
  // Phone numbers are read in the address's own country, even when the debtor is filed under ours.
  const phone = party.phone ? parsePhone(party.phone, party.country ?? params.orgCountry) : undefined;
  const email = party.email ? parseEmail(party.email) : undefined;

  let contact: ContactInput | undefined;
  if (party.contactName) {
    contact = { name: party.contactName };
    if (phone?.ok) contact.phone = phone.value.e164;
    if (phone?.ok && phone.value.extension) contact.phoneExtension = phone.value.extension;
    if (email?.ok) contact.email = email.value;
  } else {
    if (phone?.ok) debtor.phone = phone.value.e164;
    if (email?.ok) debtor.email = email.value;
  }

  const invoice: InvoiceInput = {
    kind,
    number: doc.number,
    debtorNumber: number,
    issueDate: doc.issueDate,
    dueDate,
    paymentTermDays: doc.paymentTermDays ?? null,
    currency: doc.currency,
    totalCents,
    vatCents,
    openCents: totalCents,
    paymentReference: doc.paymentId ?? null,
    orderDescription: ublOrderDescription(doc),
    creditedInvoiceNumber: doc.creditedInvoiceNumber ?? null,
  };
  return { ok: true, value: { debtor, invoice, ...(contact ? { contact } : {}) } };
}
