import { describe, expect, it } from 'vitest';
import {
  BE_LATE_PAYMENT_RATES,
  NL_COMMERCIAL_RATES,
  NL_CONSUMER_RATES,
  type RateTable,
} from './rate-tables.js';

const rateOn = (table: RateTable, date: string) => table.rows.filter((r) => r.from <= date).at(-1)?.bps;

describe('rate tables (LEGAL.md §2.2, §3.2)', () => {
  it.each([NL_CONSUMER_RATES, NL_COMMERCIAL_RATES, BE_LATE_PAYMENT_RATES])(
    '$name is sorted data',
    (table) => {
      const froms = table.rows.map((r) => r.from);
      expect(froms).toEqual([...froms].sort());
      expect(new Set(froms).size).toBe(froms.length);
      for (const r of table.rows) {
        expect(Number.isInteger(r.bps)).toBe(true);
        expect(r.source.length).toBeGreaterThan(3);
      }
      expect(table.knownThrough > (froms.at(-1) ?? '')).toBe(true);
    },
  );

  it.each([
    [NL_CONSUMER_RATES, '2012-07-01', 300],
    [NL_CONSUMER_RATES, '2020-06-15', 200],
    [NL_CONSUMER_RATES, '2023-01-01', 400],
    [NL_CONSUMER_RATES, '2025-09-01', 600],
    [NL_CONSUMER_RATES, '2026-01-01', 400],
    [NL_COMMERCIAL_RATES, '2013-03-15', 775],
    [NL_COMMERCIAL_RATES, '2013-03-16', 875],
    [NL_COMMERCIAL_RATES, '2014-07-01', 815],
    [NL_COMMERCIAL_RATES, '2023-01-01', 1_050],
    [NL_COMMERCIAL_RATES, '2024-07-01', 1_225],
    [NL_COMMERCIAL_RATES, '2025-07-01', 1_015],
    [BE_LATE_PAYMENT_RATES, '2016-01-01', 850],
    [BE_LATE_PAYMENT_RATES, '2022-12-31', 800],
    [BE_LATE_PAYMENT_RATES, '2023-01-01', 1_050],
    [BE_LATE_PAYMENT_RATES, '2024-09-01', 1_250],
    [BE_LATE_PAYMENT_RATES, '2025-01-01', 1_150],
    [BE_LATE_PAYMENT_RATES, '2026-03-01', 1_050],
  ])('%# on %s: %i bps', (table, date, bps) => {
    expect(rateOn(table, date)).toBe(bps);
  });
});
