/**
 * Reading the cells of a bank CSV row: dates in the layout's format, and cells cleaned of what
 * exports leave around values (padding, a stray quote, ASN's single quotes around descriptions).
 */
import { isCalendarDate } from '../../../core/calendar-date.js';
import type { BankCsvDateFormat } from './bank-csv-mapping.js';

/** Trimmed; a lone unmatched double quote at either end and a pair of enclosing single quotes removed. */
export function cleanCell(raw: string): string {
  let value = raw.trim();
  // A row whose opening quote is missing (Rabobank sample) leaves the closing one in the cell.
  if (value.startsWith('"') !== value.endsWith('"')) value = value.replace(/^"|"$/g, '').trim();
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1).trim();
  return value;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mrt: 3,
  apr: 4,
  may: 5,
  mei: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
};

const PATTERNS: Record<BankCsvDateFormat, RegExp> = {
  'YYYY-MM-DD': /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ].*)?$/,
  YYYYMMDD: /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
  'DD-MM-YYYY': /^(?<d>\d{1,2})-(?<m>\d{1,2})-(?<y>\d{4})$/,
  'DD/MM/YYYY': /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})$/,
  'DD.MM.YYYY': /^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})$/,
  'DD-MMM-YY': /^(?<d>\d{1,2})-(?<m>[A-Za-z]{3})-(?<y>\d{2}|\d{4})$/,
};

type BankDateResult = { ok: true; date: string } | { ok: false; reason: string };

/** A date in the mapping's format as `YYYY-MM-DD`; a two-digit year is 20YY. */
export function parseBankDate(text: string, format: BankCsvDateFormat): BankDateResult {
  const groups = text.match(PATTERNS[format])?.groups;
  const month = groups ? (MONTHS[groups.m?.toLowerCase() ?? ''] ?? Number(groups.m)) : Number.NaN;
  const year = groups?.y?.length === 2 ? `20${groups.y}` : groups?.y;
  const iso = `${year}-${String(month).padStart(2, '0')}-${groups?.d?.padStart(2, '0')}`;
  if (!groups || !isCalendarDate(iso)) return { ok: false, reason: `"${text}" is not a date (${format})` };
  return { ok: true, date: iso };
}
