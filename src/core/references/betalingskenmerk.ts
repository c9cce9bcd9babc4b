/**
 * Dutch betalingskenmerk (payment reference of the former acceptgiro), per the Betaalvereniging
 * specification (LEGAL.md §5.2):
 * - 16 digits: check digit C + 15 digits;
 * - 9–14 digits: C + length digit L + 7…12 digits, where L is the number of those digits modulo 10
 *   (9 → L 7, 12 → L 0, 14 → L 2);
 * - 7 digits: no check information at all;
 * - 8 and 15 digits are not defined.
 * C covers every digit to its right, weighted from the rightmost 2, 4, 8, 5, 10, 9, 7, 3, 6, 1
 * (repeating): C = 11 − (sum mod 11), where 10 becomes 1 and 11 becomes 0.
 */
import { compactReferenceText, type ReferenceResult, seedDigits } from './check-digits.js';

export const BETALINGSKENMERK_LENGTHS = [16, 14, 13, 12, 11, 10, 9, 7] as const;
export type BetalingskenmerkLength = (typeof BETALINGSKENMERK_LENGTHS)[number];

const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1] as const;

/** The check digit C for the digits that follow it (including the length digit, if any). */
export function betalingskenmerkCheckDigit(digitsAfterCheck: string): number {
  let sum = 0;
  for (let i = 0; i < digitsAfterCheck.length; i++) {
    const digit = Number(digitsAfterCheck[digitsAfterCheck.length - 1 - i]);
    sum += digit * (WEIGHTS[i % WEIGHTS.length] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 1 : check === 11 ? 0 : check;
}

function isDefinedLength(length: number): length is BetalingskenmerkLength {
  return (BETALINGSKENMERK_LENGTHS as readonly number[]).includes(length);
}

/** How many free digits (N) a betalingskenmerk of this length carries. */
function payloadLength(length: BetalingskenmerkLength): number {
  if (length === 16) return 15;
  if (length === 7) return 7;
  return length - 2;
}

function assemble(payload: string, length: BetalingskenmerkLength): string {
  if (length === 7) return payload;
  const afterCheck = length === 16 ? payload : `${payload.length % 10}${payload}`;
  return `${betalingskenmerkCheckDigit(afterCheck)}${afterCheck}`;
}

/**
 * The betalingskenmerk for a seed, normally the invoice's sequence number, zero-padded to the free
 * digits of the chosen length (default 16, the length banks and the Belastingdienst use): seed 42
 * gives C + `000000000000042`. One-to-one for seeds that fit: 15 digits at length 16, 12 at 14, …,
 * 7 at 9. Length 7 has no check digit and is offered only because the standard defines it.
 */
export function generateBetalingskenmerk(
  seed: number | string,
  options: { length?: BetalingskenmerkLength } = {},
): ReferenceResult {
  const length = options.length ?? 16;
  if (!isDefinedLength(length))
    return { ok: false, reason: `a betalingskenmerk cannot have ${length} digits` };
  const digits = seedDigits(seed);
  if (digits === undefined) {
    return { ok: false, reason: `a betalingskenmerk seed is a whole number, not ${String(seed)}` };
  }
  const room = payloadLength(length);
  const payload = digits.replace(/^0+/, '').padStart(room, '0');
  if (payload.length > room) {
    return { ok: false, reason: `seed ${digits} does not fit in a ${length}-digit betalingskenmerk` };
  }
  return { ok: true, normalized: assemble(payload, length) };
}

/**
 * Validates a betalingskenmerk as people type it (`5000 0567 8901 2345`, with spaces or not).
 * Checks the length, the length digit L (9–14 digits) and the check digit C. A 7-digit kenmerk
 * has nothing to check and is valid when it is seven digits.
 */
export function validateBetalingskenmerk(text: string): ReferenceResult {
  const compact = compactReferenceText(text);
  if (!/^\d+$/.test(compact)) return { ok: false, reason: 'a betalingskenmerk has only digits' };
  const length = compact.length;
  if (!isDefinedLength(length)) {
    return { ok: false, reason: `a betalingskenmerk has 7, 9–14 or 16 digits, not ${length}` };
  }
  if (length !== 7 && length !== 16 && Number(compact[1]) !== (length - 2) % 10) {
    return { ok: false, reason: 'the length digit of the betalingskenmerk does not match its length' };
  }
  if (length !== 7 && Number(compact[0]) !== betalingskenmerkCheckDigit(compact.slice(1))) {
    return { ok: false, reason: 'the check digit of the betalingskenmerk does not match' };
  }
  return { ok: true, normalized: compact };
}

/**
 * Groups of four from the right, as the standard prints them: `12234534622567` →
 * `12 2345 3462 2567`; text that is not a valid betalingskenmerk is returned unchanged.
 */
export function formatBetalingskenmerk(reference: string): string {
  const result = validateBetalingskenmerk(reference);
  if (!result.ok) return reference;
  const digits = result.normalized;
  const head = digits.length % 4;
  const groups = head > 0 ? [digits.slice(0, head)] : [];
  for (let i = head; i < digits.length; i += 4) groups.push(digits.slice(i, i + 4));
  return groups.join(' ');
}
