import { deadlineOn } from '../../core/calendar/business-days.js';
import { addDays, type CalendarDate } from '../../core/calendar-date.js';
import type { PolicyRegime } from '../../core/dunning/enums.js';
import type { ClaimLine, LetterInput, LetterKind } from '../../core/dunning/letter.js';
import { formatLongDate } from '../../core/dunning/templates/index.js';
import type { Language } from '../../core/ledger/enums.js';
import {
  buildClaimStatement,
  type ClaimStatement,
  calculateVatOnCosts,
  calculateWikStaffel,
  computeFourteenDayTerm,
  NL_GENERAL_VAT_BPS,
  type RegimeTerms,
} from '../../core/legal/index.js';
import { type Cents, cents, formatMoney } from '../../core/money.js';
import { formatBetalingskenmerk } from '../../core/references/betalingskenmerk.js';
import { formatCreditorReference } from '../../core/references/creditor-reference.js';
import { formatOgm } from '../../core/references/ogm.js';
import { validateStructuredReference } from '../../core/references/structured-reference.js';
import type { ActionContext } from './dunning-actions.repo.js';

/**
 * Turns a loaded action (debtor, contacts, invoices, history, organisation) into the plain
 * `LetterInput` the templates word, with the claim statement where the step claims costs.
 */

const CLAIM_LABELS: Record<
  Language,
  Record<ClaimLine['kind'], string> & { nlCosts: string; beCosts: string }
> = {
  nl: {
    principal: 'Hoofdsom',
    costs: 'Incassokosten',
    vat_on_costs: 'Btw over de incassokosten',
    interest: 'Rente',
    payments: 'Betalingen',
    nlCosts: 'Buitengerechtelijke incassokosten (art. 6:96 BW)',
    beCosts: 'Forfaitaire schadevergoeding',
  },
  fr: {
    principal: 'Principal',
    costs: 'Frais de recouvrement',
    vat_on_costs: 'TVA sur les frais',
    interest: 'Intérêts de retard',
    payments: 'Paiements',
    nlCosts: 'Frais de recouvrement extrajudiciaires (art. 6:96 BW)',
    beCosts: 'Indemnité forfaitaire',
  },
  en: {
    principal: 'Principal',
    costs: 'Collection costs',
    vat_on_costs: 'VAT on collection costs',
    interest: 'Interest',
    payments: 'Payments',
    nlCosts: 'Extrajudicial collection costs (art. 6:96 Dutch Civil Code)',
    beCosts: 'Fixed compensation',
  },
};

function firstLetter(ctx: ActionContext, kind: LetterKind) {
  return ctx.previousLetters.find((l) => l.kind === kind);
}

function regimeTerms(ctx: ActionContext, regime: PolicyRegime): RegimeTerms {
  const nonDeductibleVatBps = ctx.org.canDeductVat ? null : NL_GENERAL_VAT_BPS;
  switch (regime) {
    case 'nl_b2b':
      return { regime: 'NL_B2B', nonDeductibleVatBps };
    case 'nl_b2c': {
      const letter = firstLetter(ctx, 'fourteen_day_letter');
      return {
        regime: 'NL_B2C',
        nonDeductibleVatBps,
        // Our fourteen-day letter words the term from receipt and states the costs (its tests).
        letter: letter
          ? { sentOn: letter.date, receivedOn: null, hasValidTermWording: true, statesCostAmount: true }
          : null,
      };
    }
    case 'be_b2b':
      return { regime: 'BE_B2B' };
    case 'be_b2c': {
      const reminder = firstLetter(ctx, 'first_reminder');
      return {
        regime: 'BE_B2C',
        reminder: reminder
          ? {
              sentOn: reminder.date,
              channel: reminder.channel === 'letter' ? 'post' : 'electronic',
              hasRequiredContent: true,
            }
          : null,
        // The organisation's terms and conditions are assumed to hold a reciprocal damages clause
        // at the statutory maximum, without a separate contractual interest rate.
        contract: { damages: { kind: 'statutory-maximum' }, interestRateBps: null, isReciprocal: true },
      };
    }
  }
}

export function buildClaim(ctx: ActionContext, today: CalendarDate): ClaimStatement | null {
  const result = buildClaimStatement({
    ...regimeTerms(ctx, ctx.policy.regime),
    asOf: today,
    items: ctx.invoices.map((i) => ({
      invoiceNumber: i.number,
      principalCents: i.openCents,
      dueDate: i.dueDate as CalendarDate,
      interestFrom: addDays(i.dueDate as CalendarDate, 1),
    })),
    payments: [],
  });
  return result.ok ? result.statement : null;
}

function claimLines(
  statement: ClaimStatement,
  language: Language,
  regime: PolicyRegime,
): LetterInput['claim'] {
  const labels = CLAIM_LABELS[language];
  const lines: ClaimLine[] = [
    { kind: 'principal', label: labels.principal, amountCents: statement.principalCents },
  ];
  if (statement.costs.costsCents > 0)
    lines.push({
      kind: 'costs',
      label: regime.startsWith('nl') ? labels.nlCosts : labels.beCosts,
      amountCents: statement.costs.costsCents,
    });
  if (statement.costs.vatCents > 0)
    lines.push({ kind: 'vat_on_costs', label: labels.vat_on_costs, amountCents: statement.costs.vatCents });
  if (statement.interestCents > 0)
    lines.push({ kind: 'interest', label: labels.interest, amountCents: statement.interestCents });
  if (statement.paymentsCents > 0)
    lines.push({ kind: 'payments', label: labels.payments, amountCents: cents(-statement.paymentsCents) });
  return { lines, totalCents: statement.balanceCents };
}

/** A single invoice's own structured reference, formatted; several invoices are named instead. */
export function paymentReference(ctx: ActionContext): { display: string; compact: string } | null {
  const [only, ...rest] = ctx.invoices;
  if (!only?.paymentReference || rest.length > 0) return null;
  const checked = validateStructuredReference(only.paymentReference);
  if (!checked.ok) return null;
  const display =
    checked.kind === 'ogm'
      ? formatOgm(checked.normalized)
      : checked.kind === 'betalingskenmerk'
        ? formatBetalingskenmerk(checked.normalized)
        : formatCreditorReference(checked.normalized);
  return { display, compact: checked.normalized };
}

export function letterDeadline(ctx: ActionContext, today: CalendarDate): CalendarDate {
  if (ctx.step.letterKind === 'fourteen_day_letter')
    return computeFourteenDayTerm({ sentOn: today, receivedOn: null }).termTo;
  return deadlineOn(addDays(today, ctx.step.deadlineDays), ctx.org.country);
}

export function addressLines(place: {
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
}): string[] {
  const cityLine = [place.postalCode, place.city].filter(Boolean).join('  ');
  return [place.addressLine, cityLine].filter((l): l is string => Boolean(l));
}

export function buildLetterInput(
  ctx: ActionContext,
  params: { today: CalendarDate; kind: LetterKind; claim: ClaimStatement | null },
): LetterInput {
  const { today, kind, claim } = params;
  const language = ctx.debtor.language;
  const contact = ctx.contacts[0] ?? null;
  const principal = ctx.invoices.reduce((sum, i) => sum + i.openCents, 0);
  const announced = kind === 'fourteen_day_letter' ? announcedCosts(principal, ctx.org.canDeductVat) : null;
  const reference = paymentReference(ctx);
  const owed = claim && ctx.step.claimsCosts ? claim.balanceCents : principal;
  return {
    kind,
    tone: ctx.step.tone,
    language,
    jurisdiction: ctx.org.country,
    debtorKind: ctx.debtor.kind,
    letterDate: today,
    deadline: letterDeadline(ctx, today),
    creditor: {
      name: ctx.org.creditorName,
      addressLines: addressLines(ctx.org),
      iban: ctx.org.iban ?? '',
      bic: ctx.org.bic,
      email: ctx.org.senderEmail,
      phone: null,
      companyNumber: ctx.org.companyNumber,
      vatNumber: ctx.org.vatNumber,
    },
    debtor: { number: ctx.debtor.number, name: ctx.debtor.name, addressLines: addressLines(ctx.debtor) },
    contact: contact ? { name: contact.name } : null,
    invoices: ctx.invoices.map((i) => ({
      number: i.number,
      issueDate: i.issueDate as CalendarDate,
      dueDate: i.dueDate as CalendarDate,
      description: i.orderDescription,
      totalCents: cents(i.totalCents),
      openCents: cents(i.openCents),
      isCreditNote: i.kind === 'credit_note',
    })),
    previousLetters: ctx.previousLetters.map((l) => ({ kind: l.kind, date: l.date })),
    agreements: ctx.promises.map((p) => ({
      date: p.createdAt.toISOString().slice(0, 10) as CalendarDate,
      description: describePromise(p, language),
    })),
    claim: claim && ctx.step.claimsCosts ? claimLines(claim, language, ctx.policy.regime) : null,
    announcedCostsCents: announced,
    payment: { amountCents: cents(owed), iban: ctx.org.iban ?? '', reference: reference?.display ?? null },
    signatory: null,
  };
}

const PROMISE_WORDS: Record<
  Language,
  { promise: (amount: string, date: string) => string; status: Record<string, string> }
> = {
  nl: {
    promise: (amount, date) => `u zou ${amount} betalen uiterlijk ${date}`,
    status: {
      open: '',
      kept: ' (nagekomen)',
      partially_kept: ' (deels nagekomen)',
      broken: ' (niet nagekomen)',
      cancelled: ' (vervallen)',
    },
  },
  fr: {
    promise: (amount, date) => `vous deviez payer ${amount} au plus tard le ${date}`,
    status: {
      open: '',
      kept: ' (respecté)',
      partially_kept: ' (partiellement respecté)',
      broken: ' (non respecté)',
      cancelled: ' (annulé)',
    },
  },
  en: {
    promise: (amount, date) => `you would pay ${amount} by ${date}`,
    status: {
      open: '',
      kept: ' (kept)',
      partially_kept: ' (partly kept)',
      broken: ' (not kept)',
      cancelled: ' (cancelled)',
    },
  },
};

function describePromise(
  p: { amountCents: number; promisedDate: string; status: string },
  language: Language,
): string {
  const words = PROMISE_WORDS[language];
  const amount = formatMoney(p.amountCents, 'EUR', language);
  return `${words.promise(amount, formatLongDate(p.promisedDate as CalendarDate, language))}${words.status[p.status] ?? ''}`;
}

/** The WIK costs a fourteen-day letter must announce (plus VAT when the creditor cannot deduct it). */
function announcedCosts(principalCents: number, canDeductVat: boolean): Cents {
  const costs = calculateWikStaffel(principalCents).costsCents;
  return cents(costs + (canDeductVat ? 0 : calculateVatOnCosts(costs, NL_GENERAL_VAT_BPS)));
}
