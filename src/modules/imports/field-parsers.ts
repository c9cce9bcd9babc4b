import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  addDays,
  type CalendarDate,
  type ParseDateResult,
  parseCalendarDate,
} from '../../core/calendar-date.js';
import type { Country, DebtorKind, DocumentKind, Language } from '../../core/ledger/enums.js';
import { normaliseHeader } from './header-mapping.js';

/** Parsers for single cells of imported files, as the three languages write them. Pure. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string) => ({ ok: false, reason }) as const;
const ok = <T>(value: T) => ({ ok: true, value }) as const;

/**
 * parseCalendarDate with a cache: a file of a million invoices has a few thousand distinct dates,
 * and the calendar arithmetic is the costliest part of checking a row.
 */
export function createDateParser(): (text: string) => ParseDateResult {
  const cache = new Map<string, ParseDateResult>();
  return (text) => {
    let result = cache.get(text);
    if (!result) {
      result = parseCalendarDate(text);
      if (cache.size < 100_000) cache.set(text, result);
    }
    return result;
  };
}

/** addDays with a cache, for the same reason: due = issue + term repeats across many rows. */
export function createDueDateCalculator(): (issue: CalendarDate, days: number) => CalendarDate {
  const cache = new Map<string, CalendarDate>();
  return (issue, days) => {
    const key = `${issue}+${days}`;
    let due = cache.get(key);
    if (!due) {
      due = addDays(issue, days);
      if (cache.size < 100_000) cache.set(key, due);
    }
    return due;
  };
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function parseCurrency(text: string): Parsed<string> {
  const code = text.trim().toUpperCase();
  if (code === '' || code === '€') return ok('EUR');
  if (!/^[A-Z]{3}$/.test(code) || !CURRENCIES.has(code))
    return fail(`unknown currency code "${text.trim()}"`);
  return ok(code);
}

/** "30", "30 dagen", "30 days", "30 jours", "netto 30". */
export function parseTermDays(text: string): Parsed<number> {
  const match = text.trim().match(/^(?:[a-zA-Z. ]*?)(\d{1,4})(?:\s*[a-zA-Z.]*)$/);
  const days = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(days) || days > 3650) return fail(`not a payment term in days: "${text.trim()}"`);
  return ok(days);
}

const CREDIT_TYPES =
  /^(credit|creditnota|creditnote|creditfactuur|credito|cn|cr|nc|avoir|notedecredit|381|creditinvoice)/;

/** A document-type cell: credit notes by any of their names; everything else is an invoice. */
export function parseDocumentKind(text: string): DocumentKind {
  return CREDIT_TYPES.test(normaliseHeader(text)) ? 'credit_note' : 'invoice';
}

// biome-ignore format: a table reads better dense
const COUNTRY_NAMES: Record<string, Country> = {
  nl: 'NL', nld: 'NL', nederland: 'NL', netherlands: 'NL', thenetherlands: 'NL', holland: 'NL', paysbas: 'NL',
  be: 'BE', bel: 'BE', belgie: 'BE', belgium: 'BE', belgique: 'BE', belgien: 'BE',
};

/**
 * NL or BE. Debtors elsewhere are kept under the organisation's country (the ledger serves NL and
 * BE creditors); a value that is no country at all is an error.
 */
export function parseCountry(text: string, fallback: Country): Parsed<Country> {
  const key = normaliseHeader(text);
  const known = COUNTRY_NAMES[key];
  if (known) return ok(known);
  if (/^[a-z]{2}$/.test(key)) return ok(fallback);
  return fail(`unknown country "${text.trim()}" (use a two-letter code such as NL or BE)`);
}

// biome-ignore format: a table reads better dense
const LANGUAGE_NAMES: Record<string, Language> = {
  nl: 'nl', nld: 'nl', dut: 'nl', nederlands: 'nl', dutch: 'nl', vlaams: 'nl', neerlandais: 'nl', nlbe: 'nl', nlnl: 'nl',
  fr: 'fr', fra: 'fr', fre: 'fr', frans: 'fr', french: 'fr', francais: 'fr', frbe: 'fr',
  en: 'en', eng: 'en', engels: 'en', english: 'en', anglais: 'en', engb: 'en', enus: 'en',
};

export function parseLanguage(text: string): Parsed<Language> {
  const language = LANGUAGE_NAMES[normaliseHeader(text)];
  return language ? ok(language) : fail(`unknown language "${text.trim()}" (nl, fr or en)`);
}

export function parseDebtorKind(text: string): Parsed<DebtorKind> {
  const key = normaliseHeader(text);
  if (/^(particulier|consument|consumer|private|prive|b2c|person|persoon|natuurlijkpersoon)/.test(key))
    return ok('consumer');
  if (
    /^(zakelijk|bedrijf|business|company|entreprise|societe|b2b|professionnel|organisatie|organisation)/.test(
      key,
    )
  )
    return ok('business');
  return fail(`unknown debtor kind "${text.trim()}" (business or consumer)`);
}

const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

export function parseEmail(text: string): Parsed<string> {
  const email = text.trim();
  return EMAIL.test(email) ? ok(email) : fail(`not an email address: "${email}"`);
}

/** A phone number in E.164 (`+31201234567`) with its extension, read in a country (ISO code). */
export function parsePhone(text: string, country: string): Parsed<{ e164: string; extension?: string }> {
  const region = /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  const phone = parsePhoneNumberFromString(text.trim(), region);
  if (!phone?.isPossible()) return fail(`not a phone number: "${text.trim()}"`);
  return ok(phone.ext ? { e164: phone.number, extension: phone.ext } : { e164: phone.number });
}
