import { toCents } from '../../lib/format.ts';

/** A calendar date `YYYY-MM-DD` moved by whole days, without time zones. */
export function addDaysTo(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}

export const centsOf = (amount: string): bigint => toCents(amount);

/** Cents back to the API's decimal string ("1234.50"), for sums of API amounts. */
export function moneyOf(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** A rate in basis points as a percentage in the user's language ("8,15%"). */
export function formatRate(bps: number, language: 'nl' | 'fr' | 'en'): string {
  const locale = { nl: 'nl-NL', fr: 'fr-BE', en: 'en-IE' }[language];
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2 }).format(bps / 10_000);
}
