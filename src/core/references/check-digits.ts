/**
 * Check-digit arithmetic shared by the payment references: ISO 7064 MOD 97-10 over long digit
 * strings (OGM/VCS, ISO 11649) and the text clean-up every reference validator applies first.
 */

/** The remainder of a decimal digit string modulo 97, in chunks so no big integers are needed. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}

/** Letters become 10…35 (A = 10, Z = 35) as ISO 7064 MOD 97-10 prescribes; digits stay. */
export function lettersToDigits(alphanumeric: string): string {
  let out = '';
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String(code - 55) : char;
  }
  return out;
}

/**
 * What people and banks put around a reference: whitespace, the `+++`/`***` of a Belgian
 * structured communication and its slashes, in any case. Removed before validation.
 */
export function compactReferenceText(text: string): string {
  return text.replace(/[\s+/*]/g, '').toUpperCase();
}

/** Groups a compact value in blocks of `size` from the left: `RF18539007547034` → `RF18 5390 0754 7034`. */
export function groupFromLeft(value: string, size: number): string {
  const groups: string[] = [];
  for (let i = 0; i < value.length; i += size) groups.push(value.slice(i, i + size));
  return groups.join(' ');
}

/**
 * A numeric seed (an invoice sequence number) as a digit string: a safe non-negative integer, or a
 * string of decimal digits for sequences beyond 2^53. Returns undefined for anything else.
 */
export function seedDigits(seed: number | string): string | undefined {
  if (typeof seed === 'number') {
    return Number.isSafeInteger(seed) && seed >= 0 ? String(seed) : undefined;
  }
  const text = seed.trim();
  return /^\d+$/.test(text) ? text : undefined;
}

/** The outcome of generating or validating a reference: the compact value, or why not. */
export type ReferenceResult = { ok: true; normalized: string } | { ok: false; reason: string };
