/**
 * What a bank entry says about the invoices it pays, as keys to look up: structured references
 * (from the structured field and found in the remittance text) and invoice-number keys (every
 * short run of words in the remittance text that could be an invoice number, normalised like
 * `invoices.number_key`). Pure: the service sends the keys to the database in one batch.
 */
import { findReferences, validateStructuredReference } from '../references/structured-reference.js';
import { invoiceNumberKey, paymentReferenceKey } from './keys.js';

export type EntryKeys = {
  /** Reference keys with where they came from; the structured field is stronger evidence. */
  references: { key: string; inText: boolean }[];
  numbers: string[];
};

const MAX_WINDOW = 3;
const MAX_NUMBER_KEYS = 40;
const MIN_KEY_LENGTH = 3;
const MAX_KEY_LENGTH = 24;

// IBANs/RF references and OGM shapes are masked before looking for invoice numbers: their digits
// are not invoice numbers, and a mistyped OGM must not turn into one.
const ACCOUNT_OR_RF = /(?<![0-9A-Z])[A-Z]{2}\d{2}(?: ?[0-9A-Z]{4}){2,8}(?: ?[0-9A-Z]{1,3})?(?![0-9A-Z])/gi;
const OGM_SHAPE = /[+*]{3}[^+*]*[+*]{3}|\d{3}\s*\/\s*\d{4}\s*\/\s*\d{5}/g;
const TOKEN_SEPARATORS = /[\s,;:()&+*]+/;
// Dates and amounts are masked before the text is cut at commas: `125,00` is not `125` and `00`.
const DATE = /(?<![0-9])(\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{4}-\d{2}-\d{2})(?![0-9])/g;
const AMOUNT = /(?<![0-9A-Z.,])(EUR\s?|€\s?)?\d{1,3}([.\s]\d{3})*[.,]\d{2}(?![0-9])/gi;
// Long bare digit runs are references (or their typos), not invoice numbers.
const LONG_DIGITS = /^\d{12,}$/;

export function extractEntryKeys(entry: {
  structuredReference: string | null;
  /** camt: further structured references when one payment covers several documents. */
  additionalStructuredReferences?: readonly string[] | undefined;
  remittance: string | null;
}): EntryKeys {
  const references = new Map<string, boolean>();
  const addReference = (key: string | null, inText: boolean) => {
    if (key && !(references.get(key) === false)) references.set(key, inText);
  };
  const numbers = new Set<string>();
  for (const structured of [entry.structuredReference, ...(entry.additionalStructuredReferences ?? [])]) {
    if (!structured) continue;
    const checked = validateStructuredReference(structured);
    // Compared as written too: an invoice may carry a free-form reference without check digits.
    addReference(paymentReferenceKey(structured), false);
    if (checked.ok) addReference(checked.normalized, false);
    else addNumberKeys(structured, numbers);
  }
  if (entry.remittance) {
    for (const found of findReferences(entry.remittance)) addReference(found.normalized, true);
    addNumberKeys(entry.remittance, numbers);
  }
  for (const key of references.keys()) numbers.delete(key);
  return {
    references: [...references].map(([key, inText]) => ({ key, inText })),
    numbers: [...numbers].slice(0, MAX_NUMBER_KEYS),
  };
}

function addNumberKeys(text: string, into: Set<string>): void {
  const tokens = text
    .replace(ACCOUNT_OR_RF, ' ')
    .replace(OGM_SHAPE, ' ')
    .replace(DATE, ' ')
    .replace(AMOUNT, ' ')
    .split(TOKEN_SEPARATORS)
    .filter((t) => t !== '');
  for (let first = 0; first < tokens.length; first++) {
    let joined = '';
    for (let last = first; last < Math.min(tokens.length, first + MAX_WINDOW); last++) {
      joined += tokens[last];
      if (!/\d/.test(joined) || LONG_DIGITS.test(joined.replace(/[^0-9A-Za-z]/g, ''))) continue;
      const key = invoiceNumberKey(joined);
      if (key && isPlausibleNumberKey(key)) into.add(key);
    }
  }
}

const isPlausibleNumberKey = (key: string) =>
  key.length >= MIN_KEY_LENGTH && key.length <= MAX_KEY_LENGTH && /\d/.test(key);
