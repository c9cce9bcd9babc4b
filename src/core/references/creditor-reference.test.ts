import { describe, expect, it } from 'vitest';
import {
  formatCreditorReference,
  generateCreditorReference,
  validateCreditorReference,
} from './creditor-reference.js';

describe('validateCreditorReference', () => {
  it.each([
    // LEGAL.md §5.3 (python-stdnum test vectors)
    ['RF18 5390 0754 7034', 'RF18539007547034'],
    ['RF78INV2024001', 'RF78INV2024001'],
    ['RF910108068171', 'RF910108068171'],
    // case and spacing do not matter; leading zeros up to the full 25 characters
    ['rf18 5390 0754 7034', 'RF18539007547034'],
    ['RF18 0000 0000 0539 0075 4703 4', 'RF18000000000539007547034'],
    ['RF78 INV2 0240 01', 'RF78INV2024001'],
  ])('accepts %j as %s', (text, normalized) => {
    expect(validateCreditorReference(text)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['RF19 5390 0754 7034', 'wrong check digits'],
    ['RF18 5390 0754 7043', 'swapped characters'],
    ['RF18', 'no reference after the check digits'],
    ['RF18 0000 0000 0000 5390 0754 7034', '22 characters after RFxx'],
    ['XX18539007547034', 'not RF'],
    ['RFAB539007547034', 'letters as check digits'],
    ['RF18-5390-0754-7034', 'dashes are not tolerated'],
    ['RF785INV2024001', 'an extra character'],
    ['', 'empty'],
  ])('rejects %j (%s)', (text) => {
    expect(validateCreditorReference(text).ok).toBe(false);
  });
});

describe('generateCreditorReference', () => {
  it.each([
    ['INV2024001', 'RF78INV2024001'],
    ['0108068171', 'RF910108068171'],
    ['inv-2024/001', 'RF78INV2024001'],
    [' INV 2024.001 ', 'RF78INV2024001'],
    [539007547034, 'RF18539007547034'],
    ['ABCDEFGHIJKLMNOPQRSTU', undefined],
  ] as const)('seed %j', (seed, expected) => {
    const result = generateCreditorReference(seed);
    if (!result.ok) throw new Error(result.reason);
    if (expected) expect(result.normalized).toBe(expected);
    expect(validateCreditorReference(result.normalized)).toEqual(result);
  });

  it.each(['ABCDEFGHIJKLMNOPQRSTUV', 'INV#1', 'FACTUUR-€1', '', '---', -1, 1.5])(
    'refuses seed %j',
    (seed) => {
      expect(generateCreditorReference(seed).ok).toBe(false);
    },
  );

  it('check digits are always 02…98 and always validate', () => {
    for (let seed = 0; seed < 2000; seed++) {
      const result = generateCreditorReference(`F${seed}`);
      if (!result.ok) throw new Error(result.reason);
      const check = Number(result.normalized.slice(2, 4));
      expect(check).toBeGreaterThanOrEqual(2);
      expect(check).toBeLessThanOrEqual(98);
      expect(validateCreditorReference(result.normalized).ok).toBe(true);
    }
  });
});

describe('formatCreditorReference', () => {
  it.each([
    ['RF18539007547034', 'RF18 5390 0754 7034'],
    ['rf78inv2024001', 'RF78 INV2 0240 01'],
    ['RF19539007547034', 'RF19539007547034'],
  ])('%j → %j', (text, formatted) => {
    expect(formatCreditorReference(text)).toBe(formatted);
  });
});
