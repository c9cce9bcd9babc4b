/**
 * ISO 11649 structured creditor reference: `RF`, two check digits, then 1–21 letters and digits
 * (5–25 characters in all). Valid when the reference with its first four characters moved to the
 * end, letters mapped A = 10 … Z = 35, is 1 modulo 97 (ISO 7064 MOD 97-10). Printed in groups of
 * four: `RF18 5390 0754 7034`.
 */
import {
  compactReferenceText,
  groupFromLeft,
  lettersToDigits,
  mod97,
  type ReferenceResult,
} from './check-digits.js';

const MAX_REFERENCE_LENGTH = 21;

/**
 * The RF reference for a seed: an invoice number as the creditor writes it or a sequence number.
 * The seed is upper-cased and stripped of spaces and of `-`, `.`, `/`, `_`, `+`, `*` (so
 * `inv-2024/001` and `INV2024001` give the same `RF78INV2024001`; keep invoice numbers that differ
 * only in punctuation apart in the numbering itself). What remains must be 1–21 letters and digits;
 * leading zeros are kept (`0108068171` → `RF910108068171`).
 */
export function generateCreditorReference(seed: number | string): ReferenceResult {
  if (typeof seed === 'number' && !(Number.isSafeInteger(seed) && seed >= 0)) {
    return { ok: false, reason: `a numeric seed must be a whole number, not ${seed}` };
  }
  const reference = String(seed)
    .replace(/[\s\-._/+*]/g, '')
    .toUpperCase();
  if (!/^[0-9A-Z]+$/.test(reference)) {
    return { ok: false, reason: 'an RF reference takes only the letters A–Z and digits' };
  }
  if (reference.length > MAX_REFERENCE_LENGTH) {
    return {
      ok: false,
      reason: `an RF reference has at most 21 characters after RFxx, not ${reference.length}`,
    };
  }
  const check = 98 - mod97(lettersToDigits(`${reference}RF00`));
  return { ok: true, normalized: `RF${String(check).padStart(2, '0')}${reference}` };
}

/** Validates an RF reference as people type it (`rf18 5390 0754 7034`); normalized is compact upper case. */
export function validateCreditorReference(text: string): ReferenceResult {
  const compact = compactReferenceText(text);
  if (!compact.startsWith('RF')) return { ok: false, reason: 'an RF reference starts with RF' };
  if (!/^RF\d{2}/.test(compact)) return { ok: false, reason: 'RF is followed by two check digits' };
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(compact)) {
    return { ok: false, reason: 'after RFxx come 1–21 letters A–Z and digits' };
  }
  if (mod97(lettersToDigits(`${compact.slice(4)}${compact.slice(0, 4)}`)) !== 1) {
    return { ok: false, reason: 'the RF check digits do not match' };
  }
  return { ok: true, normalized: compact };
}

/** `RF18539007547034` → `RF18 5390 0754 7034`; text that is not a valid RF reference is returned unchanged. */
export function formatCreditorReference(reference: string): string {
  const result = validateCreditorReference(reference);
  return result.ok ? groupFromLeft(result.normalized, 4) : reference;
}
