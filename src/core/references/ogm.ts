/**
 * Belgian structured communication, "gestructureerde mededeling" (OGM) / "communication
 * structurée" (VCS): twelve digits, a ten-digit base followed by two check digits that are the base
 * modulo 97, or 97 when that remainder is 0. Shown as `+++123/4567/89002+++`.
 */
import { compactReferenceText, mod97, type ReferenceResult, seedDigits } from './check-digits.js';

const BASE_LENGTH = 10;

function ogmCheckDigits(base: string): string {
  return String(mod97(base) || 97).padStart(2, '0');
}

/**
 * The OGM for a seed, normally the invoice's sequence number: the seed zero-padded to the ten-digit
 * base, then the check digits. Seed 42 gives `000000004242` (`+++000/0000/04242+++`). The mapping
 * is one-to-one for seeds 1…9 999 999 999, so a payment's OGM leads straight back to the seed;
 * a larger seed, zero, or anything that is not a whole number is refused.
 */
export function generateOgm(seed: number | string): ReferenceResult {
  const digits = seedDigits(seed);
  if (digits === undefined)
    return { ok: false, reason: `an OGM seed is a whole number, not ${String(seed)}` };
  const base = digits.replace(/^0+/, '').padStart(BASE_LENGTH, '0');
  if (base.length > BASE_LENGTH)
    return { ok: false, reason: `an OGM seed has at most ten digits: ${digits}` };
  if (/^0+$/.test(base)) return { ok: false, reason: 'an OGM seed must be greater than zero' };
  return { ok: true, normalized: `${base}${ogmCheckDigits(base)}` };
}

/**
 * Validates an OGM as people type it: `+++123/4567/89002+++`, `***123/4567/89002***`,
 * `123 4567 89002`, `123456789002`. The normalized value is the twelve digits. An all-zero base is
 * refused (no bank issues it).
 */
export function validateOgm(text: string): ReferenceResult {
  const compact = compactReferenceText(text);
  if (!/^\d{12}$/.test(compact)) return { ok: false, reason: 'an OGM has twelve digits' };
  const base = compact.slice(0, BASE_LENGTH);
  if (/^0+$/.test(base)) return { ok: false, reason: 'an OGM cannot be all zeros' };
  if (compact.slice(BASE_LENGTH) !== ogmCheckDigits(base)) {
    return { ok: false, reason: 'the OGM check digits do not match' };
  }
  return { ok: true, normalized: compact };
}

/** `123456789002` → `+++123/4567/89002+++`; text that is not a valid OGM is returned unchanged. */
export function formatOgm(reference: string): string {
  const result = validateOgm(reference);
  if (!result.ok) return reference;
  const digits = result.normalized;
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}
