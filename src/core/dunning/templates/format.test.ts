import { describe, expect, it } from 'vitest';
import { asFragment, asSentence, formatEuro, formatIban, formatLongDate, joinList } from './format.js';
import { d } from './test-fixtures.js';

describe('formatLongDate', () => {
  it.each([
    ['2026-11-14', 'nl', '14 november 2026'],
    ['2026-11-14', 'fr', '14 novembre 2026'],
    ['2026-11-14', 'en', '14 November 2026'],
    ['2026-01-01', 'nl', '1 januari 2026'],
    ['2026-01-01', 'fr', '1er janvier 2026'],
    ['2026-01-01', 'en', '1 January 2026'],
    ['2026-08-09', 'fr', '9 août 2026'],
    ['2026-02-28', 'fr', '28 février 2026'],
    ['2024-12-31', 'nl', '31 december 2024'],
  ] as const)('%s in %s → %s', (date, language, expected) => {
    expect(formatLongDate(d(date), language)).toBe(expected);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => formatLongDate(d('2026-13-01'), 'nl')).toThrow(RangeError);
    expect(() => formatLongDate(d('14-11-2026'), 'nl')).toThrow(RangeError);
  });
});

describe('formatEuro', () => {
  it.each([
    [123450, 'nl', '€\u00a01.234,50'],
    [123450, 'fr', '1\u202f234,50\u00a0€'],
    [123450, 'en', '€1,234.50'],
    [-10000, 'nl', '€\u00a0-100,00'],
  ] as const)('%i cents in %s → %s', (amount, language, expected) => {
    expect(formatEuro(amount, language)).toBe(expected);
  });
});

describe('small text helpers', () => {
  it('groups an IBAN by four, whatever spacing and case it came in', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('be68 5390 0754 7034')).toBe('BE68 5390 0754 7034');
  });

  it('joins lists the way people write them', () => {
    expect(joinList([], 'en')).toBe('');
    expect(joinList(['a'], 'en')).toBe('a');
    expect(joinList(['a', 'b'], 'et')).toBe('a et b');
    expect(joinList(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });

  it('ends free text with exactly one full stop, or drops it to quote the text', () => {
    expect(asSentence(' u betaalt in twee termijnen ')).toBe('u betaalt in twee termijnen.');
    expect(asSentence('Betaald?')).toBe('Betaald?');
    expect(asFragment('u betaalt in twee termijnen.')).toBe('u betaalt in twee termijnen');
  });
});
