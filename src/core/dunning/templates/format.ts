import type { CalendarDate } from '../../calendar-date.js';
import type { Language } from '../../ledger/enums.js';
import { formatMoney } from '../../money.js';

/**
 * Small pure formatters for letters: dates written out for people ("14 november 2026",
 * "1er novembre 2026", "14 November 2026"), euro amounts in the letter's locale and IBANs in
 * groups of four. No Intl time zones: a calendar date is split, never turned into an instant.
 */

/** Month names as written in running text, January first. */
export const MONTH_NAMES: Record<Language, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** `2026-11-14` → nl "14 november 2026", fr "14 novembre 2026" (the 1st: "1er"), en "14 November 2026". */
export function formatLongDate(date: CalendarDate, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = match ? MONTH_NAMES[language][Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`not a calendar date: "${date}"`);
  const day = Number(match[3]);
  const dayText = language === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${month} ${match[1]}`;
}

/** Euros in the letter's locale: nl "€ 1.234,50", fr "1 234,50 €", en "€1,234.50". */
export const formatEuro = (amountCents: number, language: Language): string =>
  formatMoney(amountCents, 'EUR', language);

/** `NL91ABNA0417164300` → `NL91 ABNA 0417 1643 00`, the way people read and type an IBAN. */
export function formatIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Joins items as people do: "a", "a en b", "a, b en c" (the conjunction is the language's). */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Ends a free-text fragment (an agreement's description) with exactly one full stop. */
export const asSentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** Drops the final full stop of a free-text fragment, to quote it inside a sentence. */
export const asFragment = (text: string): string => text.trim().replace(/\.+$/, '');
