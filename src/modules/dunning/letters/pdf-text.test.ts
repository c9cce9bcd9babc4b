import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../core/calendar-date.js';
import { formatMoney } from '../../../core/money.js';
import { formatTableDate, toWinAnsi } from './pdf-text.js';

describe('toWinAnsi', () => {
  it.each([
    ['plain ASCII', 'Factuur 2025-01041', 'Factuur 2025-01041'],
    [
      'Dutch and French accents',
      'Café Sœur, Françoise, coöperatie, één',
      'Café Sœur, Françoise, coöperatie, één',
    ],
    ['typographic quotes and dashes', 'l’attention – “test” — …', 'l’attention – “test” — …'],
    ['euro sign and no-break space', '€\u00a01.234,50', '€\u00a01.234,50'],
    ['narrow no-break space from Intl (fr)', '1\u202f234,50\u00a0€', '1\u00a0234,50\u00a0€'],
    ['minus sign and non-breaking hyphen', '\u2212250\u2011A', '-250-A'],
    ['decomposed accents are composed', 'Cafe\u0301', 'Café'],
    [
      'accents outside WinAnsi lose the accent',
      'Łódź, Kraków, Timișoara, Dvořák',
      'Lódz, Kraków, Timisoara, Dvorák',
    ],
    ['what cannot be mapped becomes ?', 'Ελλάδα 東京', '?????? ??'],
    ['tabs and carriage returns', 'a\tb\r\nc', 'a b\nc'],
  ])('%s', (_, input, expected) => {
    expect(toWinAnsi(input)).toBe(expected);
  });

  it('leaves every formatMoney output printable', () => {
    for (const language of ['nl', 'fr', 'en']) {
      for (const value of [0, 99, -5_000, 123_456_789]) {
        expect(toWinAnsi(formatMoney(value, 'EUR', language))).toMatch(/^[-0-9.,€\u00a0]+$/);
      }
    }
  });
});

describe('formatTableDate', () => {
  it.each([
    ['nl', '31-03-2026'],
    ['fr', '31/03/2026'],
    ['en', '31/03/2026'],
  ] as const)('%s', (language, expected) => {
    expect(formatTableDate('2026-03-31' as CalendarDate, language)).toBe(expected);
  });
});
