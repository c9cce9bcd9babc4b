import { describe, expect, it } from 'vitest';
import { formatOgm, generateOgm, validateOgm } from './ogm.js';

describe('validateOgm', () => {
  it.each([
    // LEGAL.md §5.1 and the brief
    ['+++123/4567/89002+++', '123456789002'],
    ['+++123/4560/00066+++', '123456000066'],
    ['654321000019', '654321000019'],
    ['+++010/6766/09538+++', '010676609538'],
    // remainder 0 is written 97
    ['+++000/0000/09797+++', '000000009797'],
    // other spellings banks and people use
    ['***123/4567/89002***', '123456789002'],
    ['123/4567/89002', '123456789002'],
    ['  123 4567 89002 ', '123456789002'],
    ['+++ 090 / 9337 / 55493 +++', '090933755493'],
  ])('accepts %j as %s', (text, normalized) => {
    expect(validateOgm(text)).toEqual({ ok: true, normalized });
  });

  it.each([
    ['+++123/4567/89012+++', 'LEGAL.md §5.1: wrong check digits'],
    ['+++010/6766/09539+++', 'check digits one off'],
    ['000000009700', 'remainder 0 written as 00 instead of 97'],
    ['000000000097', 'all-zero base'],
    ['12345678900', 'eleven digits'],
    ['1234567890023', 'thirteen digits'],
    ['+++123/4567/8900A+++', 'a letter'],
    ['123-4567-89002', 'dashes are not tolerated'],
    ['', 'empty'],
  ])('rejects %j (%s)', (text) => {
    const result = validateOgm(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toBe('');
  });

  it('catches every single-digit error', () => {
    const valid = '123456789002';
    for (let position = 0; position < valid.length; position++) {
      for (const digit of '0123456789') {
        if (valid[position] === digit) continue;
        const typo = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        expect(validateOgm(typo).ok, typo).toBe(false);
      }
    }
  });
});

describe('generateOgm', () => {
  it.each([
    [1234567890, '123456789002'],
    [42, '000000004242'],
    ['0042', '000000004242'],
    ['0106766095', '010676609538'],
    [97, '000000009797'],
    [6_543_210_000, '654321000019'],
    [9_999_999_999, '999999999948'],
  ] as const)('seed %j gives %s', (seed, normalized) => {
    expect(generateOgm(seed)).toEqual({ ok: true, normalized });
  });

  it.each([0, '0000', -1, 1.5, 10_000_000_000, '12345678901', 'INV-42', '', Number.NaN])(
    'refuses seed %j',
    (seed) => {
      expect(generateOgm(seed).ok).toBe(false);
    },
  );

  it('generates only references that validate, one per seed', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 3000; seed++) {
      const result = generateOgm(seed);
      if (!result.ok) throw new Error(result.reason);
      expect(validateOgm(result.normalized)).toEqual(result);
      seen.add(result.normalized);
    }
    expect(seen.size).toBe(3000);
  });
});

describe('formatOgm', () => {
  it.each([
    ['123456789002', '+++123/4567/89002+++'],
    ['***123/4567/89002***', '+++123/4567/89002+++'],
    ['123456789012', '123456789012'],
    ['not a reference', 'not a reference'],
  ])('%j → %j', (text, formatted) => {
    expect(formatOgm(text)).toBe(formatted);
  });
});
