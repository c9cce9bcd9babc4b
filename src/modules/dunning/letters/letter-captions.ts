import type { Language } from '../../../core/ledger/enums.js';

/**
 * The few fixed words the PDF layout adds around the template's sentences. Everything else in the
 * letter (subject, table headings, payment box labels) comes finished from `LetterContent`.
 */
export type LetterCaptions = {
  /** Before the subject, with its colon (French puts a no-break space before it). */
  subjectLabel: string;
  /** Under the EPC QR code. */
  scanToPay: string;
};

export const LETTER_CAPTIONS: Readonly<Record<Language, LetterCaptions>> = {
  nl: { subjectLabel: 'Betreft:', scanToPay: 'Scan en betaal' },
  fr: { subjectLabel: 'Concerne\u00a0:', scanToPay: 'Scannez et payez' },
  en: { subjectLabel: 'Subject:', scanToPay: 'Scan to pay' },
};
