import { formatCents } from '../../core/money.js';

/**
 * Writing CSV cells that are safe to open in Excel, LibreOffice and Google Sheets. Pure.
 *
 * The files use `;` between cells, a decimal comma in amounts and UTF-8 with a BOM: what Excel
 * expects with Dutch and Belgian regional settings, so amounts open as numbers there.
 */

export const CSV_DELIMITER = ';';
export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

/** A text cell starting with one of these could run as a formula when the file is opened. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell: a leading `'` neutralises formula starters (OWASP "CSV injection"), then quotes
 * when the cell holds the delimiter, a quote or a line break.
 */
export function textCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** An amount cell from cents: `-1234,50`. Ours, so a minus sign here is a number, never a formula. */
export function amountCell(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : formatCents(cents).replace('.', ',');
}

/** A whole number (days) or a date (`YYYY-MM-DD`) — digits and dashes we wrote ourselves. */
export function plainCell(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /^-?\d+(-\d+)*$/.test(text) ? text : textCell(text);
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(CSV_DELIMITER)}${CSV_NEWLINE}`;
}

/** Undoes textCell's `'` on import, so that an exported file imports back unchanged. */
export function unescapeFormulaGuard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
