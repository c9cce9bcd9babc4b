/**
 * What a bank entry says about the invoices it pays, as keys to look up: structured references
 * (from the structured field and found in the remittance text) and invoice-number keys (every
 * short run of words in the remittance text that could be an invoice number, normalised like
 * `invoices.number_key`). Pure: the service sends the keys to the database in one batch.
 */
import { findReferences, validateStructuredReference } from '../references/structured-reference.js';
import { invoiceNumberKeyOfForm, NOT_ALPHANUMERIC_PATTERN, paymentReferenceKey } from './keys.js';

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
const LONG_DIGITS = 12;

export function extractEntryKeys(entry: {
  structuredReference: string | null;
  /** camt: further structured references when one payment covers several documents. */
  additionalStructuredReferences?: readonly string[] | undefined;
  remittance: string | null;
}): EntryKeys {
  // Runs for every entry of an import: no closures, and text work only where the text can hold it.
  const references = new Map<string, boolean>();
  const numbers = new Set<string>();
  if (entry.structuredReference) addStructured(entry.structuredReference, references, numbers);
  for (const structured of entry.additionalStructuredReferences ?? []) {
    if (structured) addStructured(structured, references, numbers);
  }
  if (entry.remittance) {
    const text = entry.remittance;
    if (mayHoldReference(text)) {
      for (const found of findReferences(text)) addReference(references, found.normalized, true);
    }
    addNumberKeys(text, numbers);
  }
  for (const key of references.keys()) numbers.delete(key);
  const list: EntryKeys['references'] = [];
  for (const [key, inText] of references) list.push({ key, inText });
  return {
    references: list,
    numbers: numbers.size > MAX_NUMBER_KEYS ? [...numbers].slice(0, MAX_NUMBER_KEYS) : [...numbers],
  };
}

/** A key found in the structured field stays a structured find even when the text names it too. */
function addReference(into: Map<string, boolean>, key: string | null, inText: boolean): void {
  if (key && into.get(key) !== false) into.set(key, inText);
}

function addStructured(structured: string, references: Map<string, boolean>, numbers: Set<string>): void {
  const checked = validateStructuredReference(structured);
  // Compared as written too: an invoice may carry a free-form reference without check digits.
  addReference(references, paymentReferenceKey(structured), false);
  if (checked.ok) addReference(references, checked.normalized, false);
  else addNumberKeys(structured, numbers);
}

/**
 * Whether findReferences can find anything: every reference but RF is at least nine digits in a
 * row, grouped at most by spaces, slashes and the `+++`/`***` of an OGM.
 */
function mayHoldReference(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits >= 9) return true;
    } else if (c !== 47 && c !== 43 && c !== 42 && !isSpace(c)) {
      digits = 0;
    }
  }
  return /rf\d\d/i.test(text);
}

/** What `\s` matches, for a character code. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));

/** What the masks below can apply to, from one pass over the text. */
function maskNeeds(text: string): { accountOrRf: boolean; ogm: boolean; dateOrAmount: boolean } {
  let letters = 0;
  let accountOrRf = false;
  let ogm = false;
  let separators = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const isDigit = c >= 48 && c <= 57;
    // Two letters straight before a digit: the start of an IBAN or RF reference.
    if (isDigit && letters >= 2) accountOrRf = true;
    letters = isLetter ? letters + 1 : 0;
    if (c === 43 || c === 42 || c === 47) ogm = true; // + * /
    if (c === 45 || c === 46 || c === 47 || c === 44) separators = true; // - . / ,
  }
  return { accountOrRf, ogm, dateOrAmount: separators };
}

const NOT_ALPHANUMERIC = new RegExp(NOT_ALPHANUMERIC_PATTERN, 'g');
const HAS_DIGIT = /\d/;

function addNumberKeys(text: string, into: Set<string>): void {
  const needs = maskNeeds(text);
  let masked = text;
  if (needs.accountOrRf) masked = masked.replace(ACCOUNT_OR_RF, ' ');
  if (needs.ogm) masked = masked.replace(OGM_SHAPE, ' ');
  if (needs.dateOrAmount) masked = masked.replace(DATE, ' ').replace(AMOUNT, ' ');
  // Each token once: its letters and digits in upper case, whether it has digits, whether only.
  const forms: string[] = [];
  const digitCount: number[] = [];
  for (const token of masked.split(TOKEN_SEPARATORS)) {
    if (token === '') continue;
    const form = token.replace(NOT_ALPHANUMERIC, '').toUpperCase();
    let digits = 0;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    forms.push(form);
    digitCount.push(digits);
  }
  for (let first = 0; first < forms.length; first++) {
    let joined = '';
    let digits = 0;
    for (let last = first; last < Math.min(forms.length, first + MAX_WINDOW); last++) {
      joined += forms[last];
      digits += digitCount[last] as number;
      // Long bare digit runs are references (or their typos), not invoice numbers.
      if (digits === 0 || (digits === joined.length && digits >= LONG_DIGITS)) continue;
      const key = invoiceNumberKeyOfForm(joined);
      if (key.length >= MIN_KEY_LENGTH && key.length <= MAX_KEY_LENGTH && HAS_DIGIT.test(key)) into.add(key);
    }
  }
}
