import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatReference, isZero, toCents, weekdayName } from './format.ts';
import { formatPhone, telHref } from './phone.ts';

// Intl separates with (narrow) no-break spaces; compare as a person reads it.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    ['nl', '1234.56', '€ 1.234,56'],
    ['nl', '-150.00', '€ -150,00'],
    ['nl', '0.00', '€ 0,00'],
    ['fr', '1234.56', '1 234,56 €'],
    ['en', '1234.56', '€1,234.56'],
  ] as const)('%s %s → %s', (language, amount, expected) => {
    expect(plain(formatMoney(amount, language))).toBe(expected);
  });

  it('keeps every cent of amounts beyond float precision', () => {
    expect(plain(formatMoney('90071992547409.93', 'nl'))).toBe('€ 90.071.992.547.409,93');
  });
});

describe('dates and references', () => {
  it('shows a calendar date without shifting it by a time zone', () => {
    expect(formatDate('2026-01-01', 'nl')).toBe('01-01-2026');
    expect(formatDate('2026-12-31', 'fr')).toBe('31/12/2026');
  });

  it('names ISO weekdays', () => {
    expect(weekdayName(1, 'nl')).toBe('ma');
    expect(weekdayName(7, 'en')).toBe('Sun');
  });

  it.each([
    ['RF18539007547034', 'RF18 5390 0754 7034'],
    ['***123456789002***', '+++123/4567/89002+++'],
    ['1234567890123456', '1234 5678 9012 3456'],
    ['INV 12', 'INV 12'],
  ])('formats reference %s', (reference, expected) => {
    expect(formatReference(reference)).toBe(expected);
  });

  it('reads amounts as exact cents for comparisons', () => {
    expect(toCents('22777.29')).toBe(2277729n);
    expect(toCents('-150.5')).toBe(-15050n);
    expect(toCents('90071992547409.93')).toBe(9007199254740993n);
  });

  it('tells zero amounts', () => {
    expect(isZero('0.00')).toBe(true);
    expect(isZero('-0.00')).toBe(true);
    expect(isZero('0.01')).toBe(false);
  });
});

describe('phones', () => {
  it('dials E.164 with the extension as RFC 3966 says', () => {
    expect(telHref('+31332345678', '214')).toBe('tel:+31332345678;ext=214');
    expect(telHref('+32 470 12 34 56')).toBe('tel:+32470123456');
  });

  it('shows numbers grouped as the country writes them', () => {
    expect(formatPhone('+31332345678')).toBe('+31 33 234 5678');
    expect(formatPhone('+32470123456')).toBe('+32 470 12 34 56');
    expect(formatPhone('020-1234567')).toBe('020-1234567');
  });
});
