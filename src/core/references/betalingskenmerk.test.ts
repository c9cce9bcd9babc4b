import { describe, expect, it } from 'vitest';
import {
  BETALINGSKENMERK_LENGTHS,
  type BetalingskenmerkLength,
  betalingskenmerkCheckDigit,
  formatBetalingskenmerk,
  generateBetalingskenmerk,
  validateBetalingskenmerk,
} from './betalingskenmerk.js';

describe('validateBetalingskenmerk', () => {
  it.each([
    // the Betaalvereniging's examples (LEGAL.md §5.2)
    ['12 2345 3462 2567', '12234534622567'],
    ['5000 0567 8901 2345', '5000056789012345'],
    // worked by hand: L = 7, weights 2,4,8,5,10,9,7,3 on 7654321 7 → 174, 174 mod 11 = 9, C = 2
    ['271234567', '271234567'],
    // C = 11 - 9 (seed 42 at length 16: 2·2 + 4·4 = 20, mod 11 = 9)
    ['2000 0000 0000 0042', '2000000000000042'],
    // sum mod 11 = 0 gives C = 0 (and the 12-digit L = 0)
    ['000000001919', '000000001919'],
    // seven digits carry no check information
    ['1234567', '1234567'],
  ])('accepts %j as %s', (text, normalized) => {
    expect(validateBetalingskenmerk(text)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['5000 0567 8901 2346', 'check digit off by one digit'],
    ['6000 0567 8901 2345', 'wrong check digit'],
    ['22 2345 3462 2567', 'wrong check digit, 14 digits'],
    ['12345678', 'length 8 is not defined'],
    ['123456789012345', 'length 15 is not defined'],
    ['12345678901234567', 'too long'],
    ['123456', 'too short'],
    ['5000 0567 8901 234A', 'a letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (text) => {
    expect(validateBetalingskenmerk(text).ok).toBe(false);
  });

  it('rejects a length digit that does not match even when the check digit does', () => {
    // 14 digits must have L = 2; give it L = 3 with a correct C for those digits
    const afterCheck = '3234534622567';
    const text = `${betalingskenmerkCheckDigit(afterCheck)}${afterCheck}`;
    const result = validateBetalingskenmerk(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/length digit/);
  });

  it('catches every single-digit error when the check digit is not 1', () => {
    for (const valid of ['5000056789012345', '271234567', '2000000000000042']) {
      for (let position = 0; position < valid.length; position++) {
        for (const digit of '0123456789') {
          if (valid[position] === digit) continue;
          const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
          expect(validateBetalingskenmerk(typo).ok, typo).toBe(false);
        }
      }
    }
  });

  it('cannot tell remainders 1 and 10 apart: both give check digit 1, so some typos pass', () => {
    // The standard maps C = 10 to 1, so C = 1 stands for two remainders. The official example
    // 12 2345 3462 2567 with its third digit changed from 2 to 8 still validates.
    expect(validateBetalingskenmerk('12834534622567').ok).toBe(true);
  });
});

describe('generateBetalingskenmerk', () => {
  it.each([
    [42, undefined, '2000000000000042'],
    [56789012345, 16, '5000056789012345'],
    [234534622567, 14, '12234534622567'],
    [1234567, 9, '271234567'],
    [1919, 12, '000000001919'],
    [42, 7, '0000042'],
    ['000000000000042', 16, '2000000000000042'],
  ] as const)('seed %j at length %s gives %s', (seed, length, normalized) => {
    expect(generateBetalingskenmerk(seed, length ? { length } : {})).toEqual({ ok: true, normalized });
  });

  it.each([
    [1_000_000_000_000_000, 16],
    ['1000000000000000', 16],
    [12_345_678, 9],
    [-1, 16],
    [1.5, 16],
    ['F-2025-1', 16],
  ] as const)('refuses seed %j at length %i', (seed, length) => {
    expect(generateBetalingskenmerk(seed, { length }).ok).toBe(false);
  });

  it('refuses the undefined lengths 8 and 15', () => {
    expect(generateBetalingskenmerk(1, { length: 8 as BetalingskenmerkLength }).ok).toBe(false);
    expect(generateBetalingskenmerk(1, { length: 15 as BetalingskenmerkLength }).ok).toBe(false);
  });

  it('generates references that validate, at every length', () => {
    for (const length of BETALINGSKENMERK_LENGTHS) {
      for (let seed = 0; seed <= 200; seed++) {
        const result = generateBetalingskenmerk(seed * 7919, { length });
        if (!result.ok) throw new Error(result.reason);
        expect(result.normalized).toHaveLength(length);
        expect(validateBetalingskenmerk(result.normalized)).toEqual(result);
      }
    }
  });
});

describe('formatBetalingskenmerk', () => {
  it.each([
    ['5000056789012345', '5000 0567 8901 2345'],
    ['12234534622567', '12 2345 3462 2567'],
    ['271234567', '2 7123 4567'],
    ['1234567', '123 4567'],
    ['5000056789012346', '5000056789012346'],
  ])('%j → %j', (text, formatted) => {
    expect(formatBetalingskenmerk(text)).toBe(formatted);
  });
});
