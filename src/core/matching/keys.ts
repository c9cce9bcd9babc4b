/**
 * The normalised keys on which bank entries meet invoices. The database derives the same keys from
 * `invoices.payment_reference` and `invoices.number` (generated columns built from the constants
 * below), so an entry's keys are looked up by index instead of comparing text by text.
 */

/** Words people write before an invoice number; stripped from the front of a key, longest first. */
export const INVOICE_NUMBER_PREFIXES = [
  'FACTUURNUMMER',
  'FACTUURNR',
  'FACTUUR',
  'FACTUREN',
  'FACTURE',
  'FAKTUUR',
  'FACT',
  'INVOICE',
  'INV',
  'NUMMER',
  'NR',
  'NO',
  'F',
] as const;

/** POSIX-and-JS regex sources, shared with the generated columns in src/db/schema/ledger.ts. */
export const NOT_ALPHANUMERIC_PATTERN = '[^0-9A-Za-z]';
export const INVOICE_PREFIX_PATTERN = `^(${INVOICE_NUMBER_PREFIXES.join('|')})+`;

const notAlphanumeric = new RegExp(NOT_ALPHANUMERIC_PATTERN, 'g');
const prefix = new RegExp(INVOICE_PREFIX_PATTERN);

/** `+++000/0000/04242+++` → `000000004242`, `RF18 5390 0754 7034` → `RF18539007547034`. */
export function paymentReferenceKey(text: string): string | null {
  const key = text.replace(notAlphanumeric, '').toUpperCase();
  return key === '' ? null : key;
}

/**
 * An invoice number without separators, prefix words and leading zeros: `F2024-00123`,
 * `factuur 2024 00123` and `nr. 202400123` all give `202400123`; `INV-000042` gives `42`.
 * Null when nothing is left (the number was only a prefix word).
 */
export function invoiceNumberKey(text: string): string | null {
  const key = invoiceNumberKeyOfForm(text.replace(notAlphanumeric, '').toUpperCase());
  return key === '' ? null : key;
}

const prefixStarts = new Set(INVOICE_NUMBER_PREFIXES.map((p) => p.charCodeAt(0)));

/**
 * `invoiceNumberKey` of text that is already only letters and digits in upper case (the bank
 * matching normalises each word once); empty when nothing is left.
 */
export function invoiceNumberKeyOfForm(form: string): string {
  // The prefix pattern is only tried where a prefix word can start.
  const stripped = prefixStarts.has(form.charCodeAt(0)) ? form.replace(prefix, '') : form;
  let zeros = 0;
  while (stripped.charCodeAt(zeros) === 48) zeros++;
  return zeros === 0 ? stripped : stripped.slice(zeros);
}
