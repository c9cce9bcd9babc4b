/**
 * Text as the PDF standard fonts can show it. Helvetica in a PDF without embedded fonts is
 * encoded in WinAnsi (Windows-1252): Latin-1 plus €, ‚ „ … ‘ ’ “ ” – — • ™ Š š Œ œ Ž ž Ÿ ƒ ˆ ˜ ‰ ‹ ›.
 * pdfkit writes any other character as garbage, so every string goes through `toWinAnsi` first.
 */
import type { CalendarDate } from '../../../core/calendar-date.js';
import type { Language } from '../../../core/ledger/enums.js';

/** The WinAnsi characters outside Latin-1 (the 0x80–0x9F row of Windows-1252). */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Printable ASCII, Latin-1 (no-break space and up), the WinAnsi extras, and line feeds. */
const ALL_WIN_ANSI = new RegExp(`^[\\n\\x20-\\x7e\\u00a0-\\u00ff${WIN_ANSI_EXTRAS}]*$`, 'u');

const SUBSTITUTES: Readonly<Record<string, string>> = {
  // Intl puts a narrow no-break space between thousands in French ("1 234,50 €").
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\r': '',
  '\u200b': '',
  '\u2060': '',
  '\ufeff': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
};

function isWinAnsi(character: string): boolean {
  return ALL_WIN_ANSI.test(character);
}

/**
 * Maps text onto the WinAnsi repertoire: composed accents stay (é, ë, ç, ø), typographic spaces
 * and dashes become their nearest WinAnsi form, other accented letters lose the accent (ő → o,
 * ș → s), and anything else becomes `?` rather than a broken glyph.
 */
export function toWinAnsi(text: string): string {
  if (ALL_WIN_ANSI.test(text)) return text;
  let result = '';
  for (const character of text.normalize('NFC')) {
    if (isWinAnsi(character)) {
      result += character;
      continue;
    }
    const substitute = SUBSTITUTES[character];
    if (substitute !== undefined) {
      result += substitute;
      continue;
    }
    const base = character.normalize('NFD').replace(/\p{M}+/gu, '');
    result += base !== '' && [...base].every(isWinAnsi) ? base : '?';
  }
  return result;
}

/** A table date as people in the letter's language write it: nl `31-03-2026`, fr/en `31/03/2026`. */
export function formatTableDate(date: CalendarDate, language: Language): string {
  const [year, month, day] = date.split('-');
  return language === 'nl' ? `${day}-${month}-${year}` : `${day}/${month}/${year}`;
}
