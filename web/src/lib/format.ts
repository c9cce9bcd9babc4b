import type { AppLanguage } from '../i18n/index.ts';

/** Locales for formatting: Dutch as in the Netherlands, French and English as in Belgium/Europe. */
const LOCALES: Record<AppLanguage, string> = { nl: 'nl-NL', fr: 'fr-BE', en: 'en-IE' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats an API amount ("1234.50", a decimal string) without going through a float:
 * Intl.NumberFormat accepts the string itself. nl: `€ 1.234,56`, fr: `1 234,56 €`.
 */
export function formatMoney(
  amount: string | null | undefined,
  language: AppLanguage,
  currency = 'EUR',
): string {
  if (amount === null || amount === undefined || amount === '') return '–';
  const key = `${language}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(amount as Intl.StringNumericLiteral);
}

export function isZero(amount: string | null | undefined): boolean {
  return !amount || /^-?0*(\.0*)?$/.test(amount.trim());
}

/** A calendar date `YYYY-MM-DD` shown as a date, never shifted by a time zone. */
export function formatDate(date: string | null | undefined, language: AppLanguage): string {
  if (!date) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc);
}

/** An instant (ISO timestamp) in the Dutch/Belgian time zone, with date and time. */
export function formatDateTime(instant: string | null | undefined, language: AppLanguage): string {
  if (!instant) return '–';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}

export function formatNumber(value: number, language: AppLanguage): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** ISO weekday numbers 1 (Monday) … 7 (Sunday) as short local names ("ma", "lun.", "Mon"). */
export function weekdayName(isoDay: number, language: AppLanguage): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoDay));
  return new Intl.DateTimeFormat(LOCALES[language], { weekday: 'short', timeZone: 'UTC' }).format(date);
}

/**
 * A payment reference as people read it aloud on the phone: ISO 11649 creditor references
 * (RF18 5390 0754 7034) and 16-digit Dutch betalingskenmerken in groups of four, a Belgian
 * structured communication as +++123/4567/89002+++. Anything else is shown as stored.
 */
export function formatReference(reference: string | null | undefined): string {
  if (!reference) return '';
  const compact = reference.replace(/\s+/g, '');
  if (/^RF\d{2}[0-9A-Za-z]{1,21}$/.test(compact)) return compact.replace(/(.{4})(?=.)/g, '$1 ');
  const ogm = /^[+*]{3}(\d{3})\/?(\d{4})\/?(\d{5})[+*]{3}$/.exec(compact);
  if (ogm) return `+++${ogm[1]}/${ogm[2]}/${ogm[3]}+++`;
  if (/^\d{16}$/.test(compact)) return compact.replace(/(\d{4})(?=\d)/g, '$1 ');
  return reference;
}

/** An API amount ("-1234.50") as integer cents, exactly: for comparing amounts, never for sums shown. */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`not an amount: ${amount}`);
  const cents = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0') || '0');
  return match[1] ? -cents : cents;
}
