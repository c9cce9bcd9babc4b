import type { CalendarDate } from '../calendar-date.js';
import type { Country, DebtorKind, Language } from '../ledger/enums.js';
import type { Cents } from '../money.js';

/**
 * The shape of a dunning letter or email, in two stages: `LetterInput` is the plain data a step
 * produces (who, which invoices, what was said before, the deadline, how to pay); the templates
 * turn it into `LetterContent`, finished sentences in the debtor's language and the step's tone,
 * which the PDF renderer lays out and the mailer sends. Both stages are pure data.
 */

export const LETTER_KINDS = [
  'pre_due_notice',
  'first_reminder',
  'second_reminder',
  'fourteen_day_letter',
  'formal_demand',
  'handover_notice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const TONES = ['friendly', 'neutral', 'firm'] as const;
export type Tone = (typeof TONES)[number];

export type LetterInvoice = {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  description: string | null;
  totalCents: Cents;
  /** What is still open on it; a credit note is negative. */
  openCents: Cents;
  isCreditNote: boolean;
};

export type ClaimLine = {
  kind: 'principal' | 'costs' | 'vat_on_costs' | 'interest' | 'payments';
  /** Already in the letter's language (e.g. "Buitengerechtelijke incassokosten (WIK)"). */
  label: string;
  amountCents: Cents;
};

export type LetterInput = {
  kind: LetterKind;
  tone: Tone;
  language: Language;
  /** The creditor's country: which law and which conventions (NL/BE) the wording follows. */
  jurisdiction: Country;
  debtorKind: DebtorKind;
  letterDate: CalendarDate;
  /** The new payment deadline, already moved off weekends and public holidays. */
  deadline: CalendarDate;
  creditor: {
    name: string;
    addressLines: readonly string[];
    iban: string;
    bic: string | null;
    email: string | null;
    phone: string | null;
    companyNumber: string | null;
    vatNumber: string | null;
  };
  debtor: { number: string; name: string; addressLines: readonly string[] };
  /** The person the letter is addressed to; without one the salutation is generic. */
  contact: { name: string } | null;
  invoices: readonly LetterInvoice[];
  /** Earlier letters about these invoices, oldest first. */
  previousLetters: readonly { kind: LetterKind; date: CalendarDate }[];
  /** Earlier agreements (a promise, a call) the letter refers back to. */
  agreements: readonly { date: CalendarDate; description: string }[];
  /** Costs and interest where they apply; absent when only the principal is claimed. */
  claim: { lines: readonly ClaimLine[]; totalCents: Cents } | null;
  /** For the NL fourteen-day letter: the costs that will be charged if the deadline passes. */
  announcedCostsCents: Cents | null;
  payment: {
    amountCents: Cents;
    iban: string;
    /** Formatted for display (e.g. "+++123/4567/89002+++"), or null: then the invoice numbers. */
    reference: string | null;
  };
  /** Who signs (a collector's name) and in which role; the creditor's name when absent. */
  signatory: { name: string; role: string | null } | null;
};

export type LetterContent = {
  language: Language;
  /** Email subject and the letter's "Betreft"/"Concerne"/"Subject" line. */
  subject: string;
  salutation: string;
  /** Paragraphs before the invoice table. */
  opening: readonly string[];
  table: {
    headings: {
      number: string;
      issueDate: string;
      dueDate: string;
      description: string;
      amount: string;
      open: string;
    };
    rows: readonly LetterInvoice[];
    totalLabel: string;
    totalOpenCents: Cents;
  };
  /** The claim statement block (principal, costs, interest, payments, total) where it applies. */
  claim: { title: string; lines: readonly ClaimLine[]; totalLabel: string; totalCents: Cents } | null;
  /** Paragraphs after the table: the deadline, how to pay, what happens next. */
  body: readonly string[];
  /** The payment box beside the QR code: label/value pairs (amount, IBAN, reference, deadline). */
  paymentBox: { title: string; rows: readonly { label: string; value: string }[] };
  closing: string;
  signature: readonly string[];
};
