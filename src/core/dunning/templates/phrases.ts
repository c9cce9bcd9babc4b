import type { CalendarDate } from '../../calendar-date.js';
import type { LetterInput, LetterInvoice, LetterKind, Tone } from '../letter.js';

/**
 * What a language file gets to write its sentences: the input plus everything already formatted
 * in the letter's language (dates written out, euros in the locale, the IBAN in groups), so the
 * phrase files contain words and grammar only, no arithmetic.
 */
export type PhraseContext = {
  readonly input: LetterInput;
  readonly kind: LetterKind;
  readonly tone: Tone;
  /** The creditor is Belgian: Belgian law and Belgian wording ("overschrijven", "intrest"). */
  readonly isBelgian: boolean;
  readonly isConsumer: boolean;
  readonly date: (date: CalendarDate) => string;
  readonly euro: (amountCents: number) => string;
  /** The new deadline, written out. */
  readonly deadline: string;
  /** The amount to pay (payment.amountCents), formatted. */
  readonly amount: string;
  /** What is open on the invoices in the table (the principal), formatted. */
  readonly principal: string;
  /** The invoices the letter is about (credit notes only count when there is nothing else). */
  readonly invoices: readonly LetterInvoice[];
  readonly isPlural: boolean;
  /** The first (for a singular letter: the only) invoice. */
  readonly invoice: LetterInvoice;
  readonly hasCreditNotes: boolean;
  readonly invoiceNumbers: readonly string[];
  /** The payment reference; `isStructured` for a Belgian OGM/VCS (+++…+++ or ***…***). */
  readonly reference: { readonly value: string; readonly isStructured: boolean } | null;
  readonly iban: string;
  readonly creditorName: string;
  /** What the amount includes beyond the principal, from the claim lines. */
  readonly includes: { readonly costs: boolean; readonly interest: boolean };
  /** Costs announced for when the deadline passes, formatted; null when none are announced. */
  readonly announcedCosts: string | null;
  /** The amount plus the announced costs, formatted; null when no costs are announced. */
  readonly totalWithCosts: string | null;
  /** Who is addressed by name: the contact, else a consumer debtor; null for a generic salutation. */
  readonly addressee: string | null;
};

type Phrase = (c: PhraseContext) => string;

/** One language's wording. Every function returns finished sentences, never fragments to glue. */
export type LetterPhrases = {
  /** The conjunction that joins the last item of a list ("en", "et", "and"). */
  readonly and: string;
  readonly subject: Phrase;
  readonly salutation: Phrase;
  /** The first paragraph: why we write, in the step's tone. */
  readonly intro: Record<LetterKind, Record<Tone, Phrase>>;
  readonly previousLetters: (
    c: PhraseContext,
    letters: readonly { kind: LetterKind; date: string }[],
  ) => string;
  readonly agreements: (
    c: PhraseContext,
    agreements: readonly { date: string; description: string }[],
  ) => string;
  readonly tableIntro: Phrase;
  /** Asks for the amount by the deadline and says how to pay. */
  readonly payRequest: Phrase;
  /** How to pay, where another paragraph already asked for the amount and gave the deadline. */
  readonly howToPay: Phrase;
  /** "If you have paid meanwhile…" (pre-due notice and reminders). */
  readonly alreadyPaid: Phrase;
  /** BE consumer first reminder (Boek XIX WER, LEGAL.md §4): free, principal, term, damages. */
  readonly beConsumerFirstReminder: (c: PhraseContext) => readonly string[];
  /** NL consumer fourteen-day letter (art. 6:96 lid 6 BW, LEGAL.md §1.3): term, costs, no costs in time. */
  readonly nlConsumerFourteenDays: (c: PhraseContext) => readonly string[];
  /** The costs that follow when the deadline passes (only called when costs are announced). */
  readonly costsWarning: Phrase;
  /** The demand itself and its consequences, stated professionally. */
  readonly formalDemand: (c: PhraseContext) => readonly string[];
  readonly handover: (c: PhraseContext) => readonly string[];
  readonly contact: Phrase;
  readonly thanks: (c: PhraseContext) => string | null;
  readonly closing: Phrase;
  readonly table: {
    readonly headings: {
      readonly number: string;
      readonly issueDate: string;
      readonly dueDate: string;
      readonly description: string;
      readonly amount: string;
      readonly open: string;
    };
    readonly totalLabel: string;
  };
  readonly claim: { readonly title: string; readonly totalLabel: string };
  readonly paymentBox: {
    readonly title: string;
    readonly amount: string;
    readonly iban: string;
    readonly bic: string;
    readonly payee: string;
    readonly reference: Phrase;
    readonly deadline: string;
    /** The NL consumer fourteen-day letter gives a term from receipt, not a bare date. */
    readonly fourteenDayTerm: { readonly label: string; readonly value: string };
  };
  readonly companyNumber: (c: PhraseContext, companyNumber: string) => string;
};
