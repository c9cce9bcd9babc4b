import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CalendarDate } from '../../core/calendar-date.js';
import { parseCalendarDate } from '../../core/calendar-date.js';
import { parseAmount } from '../../core/money.js';
import { parseCurrency } from './field-parsers.js';

/**
 * UBL 2.1 / Peppol BIS Billing 3.0 Invoice and CreditNote → a plain document. Pure: text in,
 * values or field-level problems out. Entity expansion is off and any DOCTYPE is refused, so
 * neither XXE nor "billion laughs" can reach the parser.
 */

export type UblParty = {
  name: string | undefined;
  partyId: string | undefined;
  endpointId: string | undefined;
  legalId: string | undefined;
  vatId: string | undefined;
  street: string | undefined;
  postalCode: string | undefined;
  city: string | undefined;
  country: string | undefined;
  contactName: string | undefined;
  phone: string | undefined;
  email: string | undefined;
};

export type UblDocument = {
  root: 'Invoice' | 'CreditNote';
  /** InvoiceTypeCode / CreditNoteTypeCode (UNTDID 1001): 380 invoice, 381 credit note, … */
  typeCode: string | undefined;
  number: string;
  issueDate: CalendarDate;
  /** From DueDate, PaymentMeans/PaymentDueDate or the days in PaymentTerms; undefined if none. */
  dueDate: CalendarDate | undefined;
  paymentTermDays: number | undefined;
  currency: string;
  /** PayableAmount as written: what the document asks to be paid (credit notes: positive). */
  payableCents: number;
  prepaidCents: number;
  taxCents: number;
  paymentId: string | undefined;
  creditedInvoiceNumber: string | undefined;
  orderReference: string | undefined;
  notes: string[];
  lineNames: string[];
  customer: UblParty;
};

export type UblIssue = { line: number; field: string; message: string };
export type UblParseResult = { ok: true; document: UblDocument } | { ok: false; issues: UblIssue[] };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The five predefined XML entities and character references; nothing user-defined exists here. */
function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function child(node: unknown, ...path: string[]): unknown {
  let current: unknown = node;
  for (const name of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = list((current as Node)[name])[0];
  }
  return current;
}

function children(node: unknown, name: string): unknown[] {
  return typeof node === 'object' && node !== null ? list((node as Node)[name]) : [];
}

function text(node: unknown, ...path: string[]): string | undefined {
  const value = child(node, ...path);
  const raw =
    typeof value === 'string'
      ? value
      : typeof value === 'object' && value !== null
        ? (value as Node)['#text']
        : undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const decoded = decodeEntities(String(raw)).replace(/\s+/g, ' ').trim();
  return decoded === '' ? undefined : decoded;
}

function attribute(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const value = (node as Node)[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The 1-based line of the first `<prefix:Name` in the text, to point people at the element. */
export function lineOf(xml: string, element: string): number {
  const match = new RegExp(`<(?:[\\w.-]+:)?${element}[\\s>/]`).exec(xml);
  if (!match) return 0;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}

/** "30 dagen", "30 days netto", "30 dagar netto", "betaling binnen 14 dagen", "30 jours". */
export function termDaysFromNote(note: string | undefined): number | undefined {
  const match = note?.match(/(\d{1,3})\s*(?:dagen|dagar|dage|days?|jours?|tage|d\b)/i);
  return match ? Number(match[1]) : undefined;
}

export function parseUbl(xml: string): UblParseResult {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return fail(
      lineOf(xml, '!DOCTYPE') || 1,
      'file',
      'DOCTYPE and ENTITY declarations are not allowed in UBL files (refused to prevent XXE and entity expansion)',
    );
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return fail(valid.err.line, 'file', `not well-formed XML: ${valid.err.msg}`);
  let tree: Node;
  try {
    tree = parser.parse(xml) as Node;
  } catch (error) {
    return fail(1, 'file', `not readable as XML: ${(error as Error).message}`);
  }
  const root =
    tree.Invoice !== undefined ? 'Invoice' : tree.CreditNote !== undefined ? 'CreditNote' : undefined;
  if (!root) {
    const found = Object.keys(tree).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'none';
    return fail(1, 'file', `not a UBL Invoice or CreditNote (root element: ${found})`);
  }
  return mapDocument(xml, root, child(tree, root));
}

function mapDocument(xml: string, root: 'Invoice' | 'CreditNote', doc: unknown): UblParseResult {
  const issues: UblIssue[] = [];
  const issue = (element: string, field: string, message: string) =>
    issues.push({ line: lineOf(xml, element), field, message });

  const number = text(doc, 'ID');
  if (!number) issue(root, 'number', 'missing cbc:ID (the invoice number)');

  const date = (value: string | undefined, element: string, field: string, required: boolean) => {
    if (!value) {
      if (required) issue(element, field, `missing cbc:${element}`);
      return undefined;
    }
    const parsed = parseCalendarDate(value);
    if (!parsed.ok || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      issue(element, field, `bad date in cbc:${element}: "${value}" (expected YYYY-MM-DD)`);
      return undefined;
    }
    return parsed.date;
  };
  const issueDate = date(text(doc, 'IssueDate'), 'IssueDate', 'issue_date', true);
  const paymentMeans = children(doc, 'PaymentMeans');
  const meansDue = paymentMeans.map((m) => text(m, 'PaymentDueDate')).find(Boolean);
  const dueDate = text(doc, 'DueDate')
    ? date(text(doc, 'DueDate'), 'DueDate', 'due_date', false)
    : date(meansDue, 'PaymentDueDate', 'due_date', false);
  const termsNotes = children(doc, 'PaymentTerms').map((t) => text(t, 'Note'));
  const paymentTermDays = termsNotes.map(termDaysFromNote).find((d) => d !== undefined);

  const currencyText = text(doc, 'DocumentCurrencyCode');
  const currency = parseCurrency(currencyText ?? '');
  if (!currencyText) issue('DocumentCurrencyCode', 'currency', 'missing cbc:DocumentCurrencyCode');
  else if (!currency.ok) issue('DocumentCurrencyCode', 'currency', currency.reason);

  const amount = (value: string | undefined, element: string, field: string, required: boolean) => {
    if (value === undefined) {
      if (required) issue(element, field, `missing cbc:${element}`);
      return 0;
    }
    const parsed = parseAmount(value, { decimalSeparator: '.' });
    if (!parsed.ok) {
      issue(element, field, `bad amount in cbc:${element}: ${parsed.reason}`);
      return 0;
    }
    return parsed.cents;
  };
  const totals = child(doc, 'LegalMonetaryTotal');
  const payableCents = amount(text(totals, 'PayableAmount'), 'PayableAmount', 'total', true);
  const prepaidCents = amount(text(totals, 'PrepaidAmount'), 'PrepaidAmount', 'total', false);
  // A document may give its VAT twice (document and accounting currency): take the document's.
  const taxAmounts = children(doc, 'TaxTotal').map((t) => child(t, 'TaxAmount'));
  const taxNode = taxAmounts.find((t) => attribute(t, 'currencyID') === currencyText) ?? taxAmounts[0];
  const taxCents = amount(text(taxNode), 'TaxAmount', 'vat', false);

  const lineElement = root === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const lineNames = children(doc, lineElement)
    .map((l) => text(l, 'Item', 'Name') ?? text(l, 'Item', 'Description'))
    .filter((n): n is string => n !== undefined);
  const notes = children(doc, 'Note')
    .map((n) => text(n))
    .filter((n): n is string => n !== undefined);

  if (issues.length > 0 || !number || !issueDate || !currency.ok) return { ok: false, issues };
  return {
    ok: true,
    document: {
      root,
      typeCode: text(doc, root === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode'),
      number,
      issueDate,
      dueDate,
      paymentTermDays,
      currency: currency.value,
      payableCents,
      prepaidCents,
      taxCents,
      paymentId: paymentMeans.map((m) => text(m, 'PaymentID')).find(Boolean),
      creditedInvoiceNumber: text(doc, 'BillingReference', 'InvoiceDocumentReference', 'ID'),
      orderReference: text(doc, 'OrderReference', 'ID'),
      notes,
      lineNames,
      customer: mapParty(child(doc, 'AccountingCustomerParty', 'Party')),
    },
  };
}

function mapParty(party: unknown): UblParty {
  const taxSchemes = children(party, 'PartyTaxScheme');
  const vatScheme =
    taxSchemes.find((s) => text(s, 'TaxScheme', 'ID')?.toUpperCase() === 'VAT') ?? taxSchemes[0];
  const address = child(party, 'PostalAddress');
  const street = [text(address, 'StreetName'), text(address, 'AdditionalStreetName')]
    .filter(Boolean)
    .join(', ');
  return {
    name: text(party, 'PartyName', 'Name') ?? text(party, 'PartyLegalEntity', 'RegistrationName'),
    partyId: text(party, 'PartyIdentification', 'ID'),
    endpointId: text(party, 'EndpointID'),
    legalId: text(party, 'PartyLegalEntity', 'CompanyID'),
    vatId: text(vatScheme, 'CompanyID')?.replace(/[\s.]/g, '').toUpperCase(),
    street: street === '' ? undefined : street,
    postalCode: text(address, 'PostalZone'),
    city: text(address, 'CityName'),
    country: text(address, 'Country', 'IdentificationCode')?.toUpperCase(),
    contactName: text(party, 'Contact', 'Name'),
    phone: text(party, 'Contact', 'Telephone'),
    email: text(party, 'Contact', 'ElectronicMail'),
  };
}

function fail(line: number, field: string, message: string): UblParseResult {
  return { ok: false, issues: [{ line, field, message }] };
}
