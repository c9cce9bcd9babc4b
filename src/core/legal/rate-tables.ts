import type { CalendarDate } from '../calendar-date.js';

/**
 * Statutory interest rates as data, one row per rate period with its source (LEGAL.md §2.2, §3.2).
 * LEGAL.md asks for these to be configuration the user can update: every calculator takes a
 * `RateTable` parameter and only falls back to these defaults.
 */

/** How a row is known (LEGAL.md legend): Verified, Secondary source, Derived from the formula, Unverified. */
export type RateStatus = 'V' | 'S' | 'D' | 'U';

export type RateRow = {
  /** First day the rate applies; it applies until the next row's `from`. */
  from: CalendarDate;
  /** Yearly rate in basis points (8.25 % = 825). */
  bps: number;
  status: RateStatus;
  source: string;
};

export type RateTable = {
  name: string;
  /** Sorted by `from`. */
  rows: readonly RateRow[];
  /**
   * The last day the table is known to cover. Later days use the last row and every period on
   * them is flagged `isRateExtrapolated` — a placeholder, never a published rate.
   */
  knownThrough: CalendarDate;
};

const row = (from: string, bps: number, status: RateStatus, source: string): RateRow => ({
  from: from as CalendarDate,
  bps,
  status,
  source,
});

/** Art. 6:119 BW (consumers and other non-commercial claims), rate set under art. 6:120 lid 1. */
export const NL_CONSUMER_RATES: RateTable = {
  name: 'NL wettelijke rente (6:119 BW)',
  knownThrough: '2026-06-30' as CalendarDate,
  rows: [
    row('2011-07-01', 400, 'V', 'Stb. 2011, 3'),
    row('2012-01-01', 400, 'V', 'Stb. 2011, 3'),
    row('2012-07-01', 300, 'V', 'Stb. 2012, 285 (per Stb. 2014, 491)'),
    row('2013-01-01', 300, 'V', 'Stb. 2012, 285'),
    row('2013-03-16', 300, 'V', 'Stb. 2012, 285'),
    row('2013-07-01', 300, 'V', 'Stb. 2012, 285'),
    row('2014-01-01', 300, 'V', 'Stb. 2012, 285'),
    row('2014-07-01', 300, 'V', 'Stb. 2012, 285'),
    row('2015-01-01', 200, 'V', 'Stb. 2014, 491'),
    row('2015-07-01', 200, 'V', 'Stb. 2014, 491'),
    row('2016-01-01', 200, 'V', 'Stb. 2014, 491'),
    row('2016-07-01', 200, 'S', 'rijksoverheid.nl Q&A "2,00 %" (through 2022-12-31)'),
    row('2023-01-01', 400, 'V', 'Stb. 2022, 520'),
    row('2023-07-01', 600, 'S', 'wieringa-advocaten.nl'),
    row('2024-01-01', 700, 'S', 'smkaccountants.nl (Stb. 2023, 484)'),
    row('2024-07-01', 700, 'S', 'metaalunie.nl'),
    // LEGAL.md §8 item 1: 2025 and 2026 only from OSS copies of BWBR0047640 — confirm before release.
    row('2025-01-01', 600, 'S', 'OSS copy of BWBR0047640 versions; confirm on wetten.overheid.nl'),
    row('2025-07-01', 600, 'S', 'OSS: no BWBR0047640 version on 2025-07-01 (formula would give 5 %)'),
    row('2026-01-01', 400, 'S', 'OSS copy of BWBR0047640 version 2026-01-01'),
  ],
};

/**
 * Art. 6:119a BW (handelsovereenkomsten), rate per art. 6:120 lid 2: ECB MRO + 8 pp (+7 pp before
 * 2013-03-16). One time series as LEGAL.md §2.2 gives it; it does not say whether contracts
 * concluded before 2013-03-16 kept the +7 pp rate afterwards.
 */
export const NL_COMMERCIAL_RATES: RateTable = {
  name: 'NL wettelijke handelsrente (6:119a BW)',
  knownThrough: '2026-06-30' as CalendarDate,
  rows: [
    row('2011-07-01', 825, 'D', 'ECB MRO 1.25 + 7'),
    row('2012-01-01', 800, 'D', 'ECB MRO 1.00 + 7'),
    row('2012-07-01', 800, 'D', 'ECB MRO + 7'),
    row('2013-01-01', 775, 'S', 'vdkraan.nl'),
    row('2013-03-16', 875, 'D', 'ECB MRO 0.75 + 8 (new regime)'),
    row('2013-07-01', 850, 'D', 'ECB MRO + 8'),
    row('2014-01-01', 825, 'D', 'ECB MRO + 8'),
    row('2014-07-01', 815, 'S', 'advocatenkantooroste.nl'),
    row('2015-01-01', 805, 'S', 'advocatenkantooroste.nl, bierensgroup.com'),
    row('2015-07-01', 805, 'D', 'ECB MRO 0.05 + 8'),
    row('2016-01-01', 805, 'S', 'rechtnet.nl'),
    row('2016-07-01', 800, 'D', 'ECB MRO 0.00 since 2016-03-16 + 8 (through 2022-12-31)'),
    row('2023-01-01', 1050, 'S', 'flib.nl, wieringa-advocaten.nl'),
    row('2023-07-01', 1200, 'D', 'ECB MRO 4.00 from 2023-06-21 + 8'),
    row('2024-01-01', 1250, 'S', 'wieringa-advocaten.nl'),
    row('2024-07-01', 1225, 'S', 'metaalunie.nl'),
    row('2025-01-01', 1115, 'D', 'ECB MRO 3.15 from 2024-12-18 + 8'),
    row('2025-07-01', 1015, 'D', 'ECB MRO 2.15 from 2025-06-11 + 8'),
    row('2026-01-01', 1015, 'U', 'derived assuming no ECB change after 2025-06-11 (LEGAL.md §8 item 2)'),
  ],
};

/**
 * BE Wet 2 augustus 2002 art. 5: ECB MRO + 8 pp rounded up to the next half point, per semester
 * (contracts from 2013-03-16). Also the cap on consumer interest under Boek XIX (LEGAL.md §4).
 */
export const BE_LATE_PAYMENT_RATES: RateTable = {
  name: 'BE interest wet 2 augustus 2002 (art. 5)',
  knownThrough: '2026-06-30' as CalendarDate,
  rows: [
    row('2015-07-01', 850, 'S', 'vanostaeyen.eu, certifisc.be'),
    row('2016-01-01', 850, 'S', 'vanostaeyen.eu, certifisc.be'),
    row('2016-07-01', 800, 'S', 'vanostaeyen.eu, avocation.be (8 % 2016–2022)'),
    row('2023-01-01', 1050, 'V', 'Mededeling FOD Financiën, BS 17-3-2023'),
    row('2023-07-01', 1200, 'S', 'avocation.be'),
    row('2024-01-01', 1250, 'S', 'medenam.be, legaleyes.be'),
    row('2024-07-01', 1250, 'D', 'ECB MRO 4.25 + 8 = 12.25 → 12.5'),
    row('2025-01-01', 1150, 'D', 'ECB MRO 3.15 + 8 = 11.15 → 11.5'),
    row('2025-07-01', 1050, 'D', 'ECB MRO 2.15 + 8 = 10.15 → 10.5'),
    row('2026-01-01', 1050, 'U', 'derived assuming MRO unchanged since 2025-06-11 (LEGAL.md §3.2)'),
  ],
};
