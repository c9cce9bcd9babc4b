import { describe, expect, it } from 'vitest';
import { compactReferenceText, groupFromLeft, lettersToDigits, mod97, seedDigits } from './check-digits.js';

describe('mod97', () => {
  it.each([
    ['0', 0],
    ['97', 0],
    ['1234567890', 2],
    ['6543210000', 19],
    // ISO 13616 example IBAN GB82WEST12345698765432, rearranged: 1 modulo 97
    ['3214282912345698765432161182', 1],
  ])('%s mod 97 = %i', (digits, remainder) => {
    expect(mod97(digits)).toBe(remainder);
    expect(mod97(digits)).toBe(Number(BigInt(digits) % 97n));
  });
});

describe('helpers', () => {
  it('maps letters to 10…35', () => {
    expect(lettersToDigits('RF00')).toBe('271500');
    expect(lettersToDigits('AZ09')).toBe('103509');
  });

  it.each([
    ['+++123/4567/89002+++', '123456789002'],
    ['***123/4567/89002***', '123456789002'],
    [' rf18 5390\u00a00754\t7034 ', 'RF18539007547034'],
  ])('compacts %j', (text, compact) => {
    expect(compactReferenceText(text)).toBe(compact);
  });

  it('groups from the left', () => {
    expect(groupFromLeft('RF18539007547034', 4)).toBe('RF18 5390 0754 7034');
    expect(groupFromLeft('RF78INV2024001', 4)).toBe('RF78 INV2 0240 01');
    expect(groupFromLeft('', 4)).toBe('');
  });

  it.each([
    [42, '42'],
    [0, '0'],
    [' 0042 ', '0042'],
    ['123456789012345678901', '123456789012345678901'],
    [-1, undefined],
    [1.5, undefined],
    [Number.MAX_SAFE_INTEGER + 1, undefined],
    ['12a', undefined],
    ['', undefined],
  ])('seed %j → %j', (seed, digits) => {
    expect(seedDigits(seed)).toBe(digits);
  });
});
