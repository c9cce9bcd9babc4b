import type { CalendarDate } from '../../calendar-date.js';
import { AppError, assertNever } from '../../errors.js';
import type { Language } from '../../ledger/enums.js';
import { computeFourteenDayTerm } from '../../legal/nl-fourteen-day-letter.js';
import { addCents, cents } from '../../money.js';
import type { LetterContent, LetterInput } from '../letter.js';
import { en } from './en.js';
import { formatEuro, formatIban, formatLongDate } from './format.js';
import { fr } from './fr.js';
import { nl } from './nl.js';
import type { LetterPhrases, PhraseContext } from './phrases.js';

const PHRASES: Record<Language, LetterPhrases> = { nl, fr, en };

/**
 * Turns a dunning step's data into the finished letter in the debtor's language and the step's
 * tone: subject, a salutation by name, an opening that refers back to earlier letters and
 * agreements, one table for all invoices, the deadline and how to pay, and — where the kind and
 * the law call for it — the statutory wording (NL consumer fourteen-day letter, BE consumer free
 * first reminder) or the consequences of not paying. Pure: same input, same letter.
 *
 * Throws VALIDATION_FAILED for input from which no lawful letter can be written: no invoices; no
 * IBAN to pay to; an NL consumer fourteen-day letter without the costs to announce, or with a
 * deadline before the end of the term from presumed receipt (art. 6:96 lid 6 BW, HR 25-11-2016);
 * a BE consumer first reminder without the creditor's enterprise number (Boek XIX WER).
 */
export function composeLetter(input: LetterInput): LetterContent {
  assertComposable(input);
  const p = PHRASES[input.language];
  const c = buildContext(input);
  const isNlConsumer = input.jurisdiction === 'NL' && c.isConsumer;
  const isBeConsumer = input.jurisdiction === 'BE' && c.isConsumer;

  const opening = [
    p.intro[input.kind][input.tone](c),
    input.previousLetters.length > 0
      ? p.previousLetters(
          c,
          input.previousLetters.map((l) => ({ kind: l.kind, date: c.date(l.date) })),
        )
      : null,
    input.agreements.length > 0
      ? p.agreements(
          c,
          input.agreements.map((a) => ({ date: c.date(a.date), description: a.description })),
        )
      : null,
    p.tableIntro(c),
  ];

  // An NL consumer owes no collection costs before a proper fourteen-day letter, so reminders to
  // one never announce them (LEGAL.md §1.3); the fourteen-day letter states them its own way.
  const costsWarning = c.announcedCosts && !isNlConsumer ? p.costsWarning(c) : null;
  const body: (string | null)[] = [];
  switch (input.kind) {
    case 'pre_due_notice':
      body.push(p.payRequest(c), p.alreadyPaid(c), p.contact(c), p.thanks(c));
      break;
    case 'first_reminder':
    case 'second_reminder':
      body.push(p.payRequest(c));
      if (input.kind === 'first_reminder' && isBeConsumer) body.push(...p.beConsumerFirstReminder(c));
      else body.push(costsWarning);
      body.push(p.alreadyPaid(c), p.contact(c), p.thanks(c));
      break;
    case 'fourteen_day_letter':
      if (isNlConsumer) body.push(...p.nlConsumerFourteenDays(c), p.howToPay(c));
      else body.push(p.payRequest(c), costsWarning);
      body.push(p.contact(c));
      break;
    case 'formal_demand':
      body.push(...p.formalDemand(c), p.howToPay(c), p.contact(c));
      break;
    case 'handover_notice':
      body.push(...p.handover(c), p.howToPay(c), p.contact(c));
      break;
    default:
      assertNever(input.kind, 'letter kind');
  }

  const box = p.paymentBox;
  const isFourteenDayTerm = input.kind === 'fourteen_day_letter' && isNlConsumer;
  const paymentRows = [
    { label: box.amount, value: c.amount },
    { label: box.iban, value: c.iban },
    input.creditor.bic ? { label: box.bic, value: input.creditor.bic } : null,
    { label: box.payee, value: c.creditorName },
    { label: box.reference(c), value: c.reference?.value ?? c.invoiceNumbers.join(', ') },
    isFourteenDayTerm
      ? { label: box.fourteenDayTerm.label, value: box.fourteenDayTerm.value }
      : { label: box.deadline, value: c.deadline },
  ];

  const { signatory, creditor } = input;
  const signature = [
    ...(signatory ? [signatory.name, signatory.role] : []),
    creditor.name,
    creditor.companyNumber ? p.companyNumber(c, creditor.companyNumber) : null,
  ];

  return {
    language: input.language,
    subject: p.subject(c),
    salutation: p.salutation(c),
    opening: present(opening),
    table: {
      headings: { ...p.table.headings },
      rows: input.invoices,
      totalLabel: p.table.totalLabel,
      totalOpenCents: sumOpen(input),
    },
    claim: input.claim
      ? {
          title: p.claim.title,
          lines: input.claim.lines,
          totalLabel: p.claim.totalLabel,
          totalCents: input.claim.totalCents,
        }
      : null,
    body: present(body),
    paymentBox: { title: box.title, rows: present(paymentRows) },
    closing: p.closing(c),
    signature: present(signature),
  };
}

function buildContext(input: LetterInput): PhraseContext {
  const { language } = input;
  const euro = (amountCents: number) => formatEuro(amountCents, language);
  const date = (value: CalendarDate) => formatLongDate(value, language);
  const invoicesOnly = input.invoices.filter((i) => !i.isCreditNote);
  const invoices = invoicesOnly.length > 0 ? invoicesOnly : input.invoices;
  const [invoice] = invoices;
  if (!invoice) throw new AppError('VALIDATION_FAILED', 'a letter needs at least one invoice');
  const reference = input.payment.reference?.trim() || null;
  const lines = input.claim?.lines ?? [];
  const announced = input.announcedCostsCents;
  return {
    input,
    kind: input.kind,
    tone: input.tone,
    isBelgian: input.jurisdiction === 'BE',
    isConsumer: input.debtorKind === 'consumer',
    date,
    euro,
    deadline: date(input.deadline),
    amount: euro(input.payment.amountCents),
    principal: euro(sumOpen(input)),
    invoices,
    isPlural: invoices.length > 1,
    invoice,
    hasCreditNotes: invoicesOnly.length > 0 && invoicesOnly.length < input.invoices.length,
    invoiceNumbers: invoices.map((i) => i.number),
    reference: reference ? { value: reference, isStructured: /^[+*]{3}/.test(reference) } : null,
    iban: formatIban(input.payment.iban),
    creditorName: input.creditor.name,
    includes: {
      costs: lines.some((l) => (l.kind === 'costs' || l.kind === 'vat_on_costs') && l.amountCents > 0),
      interest: lines.some((l) => l.kind === 'interest' && l.amountCents > 0),
    },
    announcedCosts: announced !== null && announced > 0 ? euro(announced) : null,
    totalWithCosts:
      announced !== null && announced > 0 ? euro(addCents(input.payment.amountCents, announced)) : null,
    addressee: input.contact?.name.trim() || (input.debtorKind === 'consumer' ? input.debtor.name : null),
  };
}

function assertComposable(input: LetterInput): void {
  const issues: { field: string; message: string }[] = [];
  if (input.invoices.length === 0) issues.push({ field: 'invoices', message: 'no invoices to write about' });
  if (!input.payment.iban.trim())
    issues.push({ field: 'payment.iban', message: 'a letter must say to which account to pay' });
  const isConsumer = input.debtorKind === 'consumer';
  if (input.kind === 'fourteen_day_letter' && input.jurisdiction === 'NL' && isConsumer) {
    if (!(input.announcedCostsCents !== null && input.announcedCostsCents > 0))
      issues.push({
        field: 'announcedCostsCents',
        message: 'an NL consumer fourteen-day letter must state the collection costs (art. 6:96 lid 6 BW)',
      });
    // The letter names the deadline as a date by which payment is "in any case on time"; it must
    // not end before the term from presumed receipt does (HR 25-11-2016: a too-early end date
    // voids the letter).
    const term = computeFourteenDayTerm({ sentOn: input.letterDate, receivedOn: null });
    if (input.deadline < term.termTo)
      issues.push({
        field: 'deadline',
        message: `the deadline ${input.deadline} ends before the fourteen-day term (${term.termTo})`,
      });
  }
  if (input.kind === 'first_reminder' && input.jurisdiction === 'BE' && isConsumer) {
    if (!input.creditor.companyNumber?.trim())
      issues.push({
        field: 'creditor.companyNumber',
        message: 'a BE consumer reminder must state the enterprise (KBO) number (Boek XIX WER)',
      });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'cannot compose this letter', issues);
}

const sumOpen = (input: LetterInput) => cents(input.invoices.reduce((sum, i) => sum + i.openCents, 0));

const present = <T>(items: readonly (T | null | undefined)[]): T[] =>
  items.filter((item): item is T => item !== null && item !== undefined);
