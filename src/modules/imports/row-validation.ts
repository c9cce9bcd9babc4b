import type { CalendarDate, ParseDateResult } from '../../core/calendar-date.js';
import type { Country, DebtorKind, DocumentKind, Language } from '../../core/ledger/enums.js';
import { parseAmount } from '../../core/money.js';
import { unescapeFormulaGuard } from '../exports/csv-escape.js';
import {
  createDateParser,
  createDueDateCalculator,
  parseCountry,
  parseCurrency,
  parseDebtorKind,
  parseDocumentKind,
  parseEmail,
  parseLanguage,
  parsePhone,
  parseTermDays,
} from './field-parsers.js';
import type { ImportField, ImportKind } from './imports.schemas.js';

/** The plain values an imported row or document turns into; what the writer stores. */
export type DebtorInput = {
  number: string;
  /** Absent when the row only refers to the debtor: then it must exist already. */
  name?: string;
  kind?: DebtorKind;
  country?: Country;
  language?: Language;
  companyNumber?: string;
  vatNumber?: string;
  addressLine?: string;
  postalCode?: string;
  city?: string;
  email?: string;
  phone?: string;
  paymentTermDays?: number;
  creditLimitCents?: number;
  segment?: string;
};

export type ContactInput = {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
  phoneExtension?: string;
};

/** Amounts are signed: a credit note has a negative total (and open amount). */
export type InvoiceInput = {
  kind: DocumentKind;
  number: string;
  debtorNumber: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  paymentTermDays: number | null;
  currency: string;
  totalCents: number;
  vatCents: number;
  /** The open amount the file states; null = the whole total. */
  openCents: number | null;
  paymentReference: string | null;
  orderDescription: string | null;
  creditedInvoiceNumber: string | null;
  /** True when neither a due date nor a term was given: the debtor's own term may still apply. */
  isDueDateDefaulted?: boolean;
};

export type FieldIssue = { field: string; message: string };

export type ValidRow = { debtor: DebtorInput; contact?: ContactInput; invoice?: InvoiceInput };
export type RowResult = { ok: true; value: ValidRow } | { ok: false; issues: FieldIssue[] };

/**
 * When neither a due date nor a term is given: 30 days, the statutory term that applies when none
 * was agreed (NL art. 6:119a BW; BE law of 2 August 2002, art. 4).
 */
export const DEFAULT_PAYMENT_TERM_DAYS = 30;

export type RowValidator = (record: readonly string[]) => RowResult;

/** A validator for the rows of one file: the column positions are fixed, dates are cached. */
export function createRowValidator(params: {
  kind: ImportKind;
  columns: Partial<Record<ImportField, number>>;
  headers: readonly string[];
  orgCountry: Country;
}): RowValidator {
  const { kind, columns, headers, orgCountry } = params;
  const parseDate = createDateParser();
  const dueFrom = createDueDateCalculator();
  return (record) => {
    const issues: FieldIssue[] = [];
    const cell = (field: ImportField): string => {
      const index = columns[field];
      return index === undefined ? '' : unescapeFormulaGuard((record[index] ?? '').trim());
    };
    const label = (field: ImportField) => {
      const index = columns[field];
      return index === undefined ? field : `"${headers[index] ?? field}"`;
    };
    const issue = (field: ImportField, message: string) => issues.push({ field, message });
    const debtor = readDebtor({ cell, label, issue, orgCountry });
    const contact = readContact({ cell, issue, country: debtor?.country ?? orgCountry });
    const invoice =
      kind === 'invoices' && debtor
        ? readInvoice({ cell, label, issue, parseDate, dueFrom, debtor })
        : undefined;
    if (issues.length > 0 || !debtor) return { ok: false, issues };
    return { ok: true, value: { debtor, ...(contact ? { contact } : {}), ...(invoice ? { invoice } : {}) } };
  };
}

type Reader = {
  cell: (field: ImportField) => string;
  label: (field: ImportField) => string;
  issue: (field: ImportField, message: string) => void;
};

function readDebtor(r: Reader & { orgCountry: Country }): DebtorInput | undefined {
  const { cell, label, issue } = r;
  const number = cell('debtor_number');
  if (number === '') {
    issue('debtor_number', `missing debtor number in ${label('debtor_number')}`);
    return undefined;
  }
  const debtor: DebtorInput = { number };
  const text = (
    field: ImportField,
    key: 'name' | 'companyNumber' | 'vatNumber' | 'addressLine' | 'postalCode' | 'city' | 'segment',
  ) => {
    const value = cell(field);
    if (value !== '') debtor[key] = value;
  };
  text('debtor_name', 'name');
  text('debtor_company_number', 'companyNumber');
  text('debtor_address', 'addressLine');
  text('debtor_postal_code', 'postalCode');
  text('debtor_city', 'city');
  text('debtor_segment', 'segment');
  const vat = cell('debtor_vat');
  if (vat !== '') debtor.vatNumber = vat.replace(/[\s.]/g, '').toUpperCase();
  const parsed = <T>(
    field: ImportField,
    parse: (text: string) => { ok: true; value: T } | { ok: false; reason: string },
    set: (value: T) => void,
  ) => {
    const value = cell(field);
    if (value === '') return;
    const result = parse(value);
    if (result.ok) set(result.value);
    else issue(field, `${result.reason} in ${label(field)}`);
  };
  parsed(
    'debtor_country',
    (t) => parseCountry(t, r.orgCountry),
    (v) => {
      debtor.country = v;
    },
  );
  parsed('debtor_language', parseLanguage, (v) => {
    debtor.language = v;
  });
  parsed('debtor_kind', parseDebtorKind, (v) => {
    debtor.kind = v;
  });
  parsed('debtor_email', parseEmail, (v) => {
    debtor.email = v;
  });
  parsed(
    'debtor_phone',
    (t) => parsePhone(t, debtor.country ?? r.orgCountry),
    (v) => {
      debtor.phone = v.e164;
    },
  );
  parsed('debtor_payment_term', parseTermDays, (v) => {
    debtor.paymentTermDays = v;
  });
  parsed(
    'debtor_credit_limit',
    (t) => toParsed(parseAmount(t)),
    (v) => {
      debtor.creditLimitCents = v;
    },
  );
  return debtor;
}

function readContact(r: Omit<Reader, 'label'> & { country: Country }): ContactInput | undefined {
  const { cell, issue } = r;
  const name = cell('contact_name');
  if (name === '') return undefined;
  const contact: ContactInput = { name };
  const role = cell('contact_role');
  if (role !== '') contact.role = role;
  const email = cell('contact_email');
  if (email !== '') {
    const parsed = parseEmail(email);
    if (parsed.ok) contact.email = parsed.value;
    else issue('contact_email', parsed.reason);
  }
  const phone = cell('contact_phone');
  if (phone !== '') {
    const parsed = parsePhone(phone, r.country);
    if (parsed.ok) {
      contact.phone = parsed.value.e164;
      if (parsed.value.extension) contact.phoneExtension = parsed.value.extension;
    } else issue('contact_phone', parsed.reason);
  }
  return contact;
}

function readInvoice(
  r: Reader & {
    parseDate: (text: string) => ParseDateResult;
    dueFrom: (issue: CalendarDate, days: number) => CalendarDate;
    debtor: DebtorInput;
  },
): InvoiceInput | undefined {
  const { cell, label, issue } = r;
  const number = cell('number');
  if (number === '') issue('number', `missing invoice number in ${label('number')}`);

  const date = (field: 'issue_date' | 'due_date'): CalendarDate | undefined => {
    const text = cell(field);
    if (text === '') {
      if (field === 'issue_date') issue(field, `missing invoice date in ${label(field)}`);
      return undefined;
    }
    const parsed = r.parseDate(text);
    if (parsed.ok) return parsed.date;
    issue(field, `bad date in ${label(field)}: ${parsed.reason}`);
    return undefined;
  };
  const issueDate = date('issue_date');
  const dueText = cell('due_date');
  const dueDateGiven = date('due_date');

  let paymentTermDays: number | null = null;
  const termText = cell('payment_term');
  if (termText !== '') {
    const term = parseTermDays(termText);
    if (term.ok) paymentTermDays = term.value;
    else issue('payment_term', `${term.reason} in ${label('payment_term')}`);
  }

  const amount = (field: 'total' | 'open' | 'vat'): number | null | undefined => {
    const text = cell(field);
    if (text === '') {
      if (field === 'total') issue(field, `missing amount in ${label(field)}`);
      return null;
    }
    const parsed = parseAmount(text);
    if (parsed.ok) return parsed.cents;
    issue(field, `bad amount in ${label(field)}: ${parsed.reason}`);
    return undefined;
  };
  let totalCents = amount('total');
  let openCents = amount('open');
  let vatCents = amount('vat');

  const currency = parseCurrency(cell('currency'));
  if (!currency.ok) issue('currency', `${currency.reason} in ${label('currency')}`);

  if (
    issueDate === undefined ||
    typeof totalCents !== 'number' ||
    openCents === undefined ||
    vatCents === undefined
  )
    return undefined;
  if (!currency.ok || number === '' || (dueText !== '' && dueDateGiven === undefined)) return undefined;

  // Packages write credit notes either with negative amounts or with positive ones and a type column.
  const typedAsCredit = parseDocumentKind(cell('document_type')) === 'credit_note';
  const kind: DocumentKind = typedAsCredit || totalCents < 0 ? 'credit_note' : 'invoice';
  if (typedAsCredit && totalCents > 0) {
    totalCents = -totalCents;
    if (openCents !== null) openCents = -Math.abs(openCents);
    if (vatCents !== null) vatCents = -Math.abs(vatCents);
  }
  if (openCents !== null && (Math.abs(openCents) > Math.abs(totalCents) || openCents * totalCents < 0)) {
    issue('open', `open amount ${cell('open')} does not fit within the total ${cell('total')}`);
    return undefined;
  }

  const term = paymentTermDays ?? r.debtor.paymentTermDays ?? DEFAULT_PAYMENT_TERM_DAYS;
  const dueDate = dueDateGiven ?? r.dueFrom(issueDate, term);
  if (dueDate < issueDate) {
    issue('due_date', `due date ${dueDate} is before the invoice date ${issueDate}`);
    return undefined;
  }
  const optional = (field: ImportField) => {
    const value = cell(field);
    return value === '' ? null : value;
  };
  return {
    kind,
    number,
    debtorNumber: r.debtor.number,
    issueDate,
    dueDate,
    paymentTermDays: paymentTermDays ?? (dueDateGiven ? null : term),
    currency: currency.value,
    totalCents,
    vatCents: vatCents ?? 0,
    openCents,
    paymentReference: optional('reference'),
    orderDescription: optional('description'),
    creditedInvoiceNumber: optional('credited_invoice'),
    ...(dueDateGiven === undefined && paymentTermDays === null && r.debtor.paymentTermDays === undefined
      ? { isDueDateDefaulted: true }
      : {}),
  };
}

function toParsed(result: ReturnType<typeof parseAmount>) {
  return result.ok ? ({ ok: true, value: result.cents as number } as const) : result;
}
