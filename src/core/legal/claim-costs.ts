import { addDays, type CalendarDate, daysBetween } from '../calendar-date.js';
import { type Cents, cents } from '../money.js';
import {
  BE_B2B_FIXED_COMPENSATION_CENTS,
  calculateBeBusinessCompensation,
} from './be-business-late-payment.js';
import {
  assessBeConsumerCharges,
  type BeConsumerContract,
  type BeConsumerReminder,
  calculateBeConsumerDamages,
} from './be-consumer-debt.js';
import { calculateVatOnCosts, calculateWikStaffel } from './nl-collection-costs.js';
import { assessFourteenDayLetter, type FourteenDayLetter } from './nl-fourteen-day-letter.js';

/** Per-regime costs for a claim statement, and when interest runs. Inputs of `buildClaimStatement`. */

export const REGIMES = ['NL_B2B', 'NL_B2C', 'BE_B2B', 'BE_B2C'] as const;
export type Regime = (typeof REGIMES)[number];

export type OpenItem = {
  invoiceNumber: string;
  principalCents: number;
  dueDate: CalendarDate;
  /** First day of interest (NL B2C: the first day of verzuim). */
  interestFrom: CalendarDate;
};

export type ClaimPayment = { invoiceNumber: string; date: CalendarDate; amountCents: number };

export type RegimeTerms =
  | {
      regime: 'NL_B2B';
      /** LEGAL.md gives €40 per handelsovereenkomst (6:96 lid 4); default: the staffel per invoice. */
      costBasis?: 'per-invoice' | 'aggregated';
      nonDeductibleVatBps?: number | null;
    }
  | { regime: 'NL_B2C'; letter: FourteenDayLetter | null; nonDeductibleVatBps?: number | null }
  | { regime: 'BE_B2B'; documentedRecoveryCostsCents?: number }
  | {
      regime: 'BE_B2C';
      reminder: BeConsumerReminder | null;
      contract: BeConsumerContract;
      isCreditorSme?: boolean;
    };

export type CostLine = {
  description: string;
  invoiceNumbers: string[];
  baseCents: Cents;
  amountCents: Cents;
};

export type StatementCosts = {
  isChargeable: boolean;
  /** Why nothing (or not everything) is charged: a code of the regime's assessment. */
  reason: string | null;
  message: string | null;
  chargeableFrom: CalendarDate | null;
  rule: string;
  lines: CostLine[];
  costsCents: Cents;
  vatCents: Cents;
};

export type InterestPlan = { from: CalendarDate; agreedRateBps?: number } | null;

export type RegimeAssessment = {
  costs: StatementCosts;
  interestFor: (item: OpenItem) => InterestPlan;
  interestNote: string | null;
};

/** The principal of an item still unpaid at the end of `date`. */
export type OutstandingOn = (item: OpenItem, date: CalendarDate) => number;

const noCosts = (
  rule: string,
  reason: string,
  message: string,
  from: CalendarDate | null,
): StatementCosts => ({
  isChargeable: false,
  reason,
  message,
  chargeableFrom: from,
  rule,
  lines: [],
  costsCents: cents(0),
  vatCents: cents(0),
});

const withCosts = (rule: string, lines: CostLine[], vatCents: Cents, from: CalendarDate | null) => ({
  isChargeable: true,
  reason: null,
  message: null,
  chargeableFrom: from,
  rule,
  lines,
  costsCents: cents(lines.reduce((sum, line) => sum + line.amountCents, 0)),
  vatCents,
});

export function assessRegime(
  terms: RegimeTerms,
  items: readonly OpenItem[],
  asOf: CalendarDate,
  outstandingOn: OutstandingOn,
): RegimeAssessment {
  const interestFromItem = (item: OpenItem): InterestPlan => ({ from: item.interestFrom });
  // Items late on `asOf` and unpaid at the end of their due date: the costs became due the next day.
  const late = items
    .filter((item) => asOf > item.dueDate)
    .map((item) => ({ item, baseCents: outstandingOn(item, item.dueDate) }))
    .filter(({ baseCents }) => baseCents > 0);
  const earliestDue = items.map((i) => addDays(i.dueDate, 1)).sort()[0] ?? null;
  const firstLateDay = late.map(({ item }) => addDays(item.dueDate, 1)).sort()[0] ?? null;

  switch (terms.regime) {
    case 'NL_B2B': {
      const aggregated = terms.costBasis === 'aggregated';
      const rule = aggregated
        ? 'WIK staffel on the summed unpaid principal, minimum €40 (art. 6:96 lid 4 BW, LEGAL.md §1.4)'
        : 'WIK staffel per invoice on its unpaid principal, minimum €40 each (art. 6:96 lid 4 BW, LEGAL.md §1.4)';
      if (late.length === 0) {
        return {
          costs: noCosts(rule, 'NOT_YET_DUE', 'no invoice is overdue', earliestDue),
          interestFor: interestFromItem,
          interestNote: null,
        };
      }
      const groups = aggregated ? [late] : late.map((entry) => [entry]);
      const lines = groups.map((group) => {
        const base = group.reduce((sum, entry) => sum + entry.baseCents, 0);
        return {
          description: 'buitengerechtelijke incassokosten (WIK)',
          invoiceNumbers: group.map((entry) => entry.item.invoiceNumber),
          baseCents: cents(base),
          amountCents: calculateWikStaffel(base).costsCents,
        };
      });
      const vat = calculateVatOnCosts(
        lines.reduce((s, l) => s + l.amountCents, 0),
        terms.nonDeductibleVatBps ?? null,
      );
      return {
        costs: withCosts(rule, lines, vat, firstLateDay),
        interestFor: interestFromItem,
        interestNote: null,
      };
    }
    case 'NL_B2C': {
      const rule =
        'WIK staffel on the principal of all claims in the fourteen-day letter, unpaid when its term ended (art. 6:96 lid 6–7 BW, LEGAL.md §1.3)';
      const assessment = assessFourteenDayLetter(terms.letter, asOf);
      if (!assessment.isChargeable) {
        const costs = noCosts(
          rule,
          assessment.reason,
          assessment.message,
          assessment.term?.chargeableFrom ?? null,
        );
        return { costs, interestFor: interestFromItem, interestNote: null };
      }
      const { term } = assessment;
      // The letter can only cover claims already in verzuim when it was sent (lid 6).
      const covered = items.filter((item) => terms.letter && item.interestFrom <= terms.letter.sentOn);
      const base = covered.reduce((sum, item) => sum + outstandingOn(item, term.termTo), 0);
      if (covered.length === 0 || base <= 0) {
        const [reason, message] =
          covered.length === 0
            ? ['LETTER_BEFORE_VERZUIM', 'the letter was sent before any claim was in verzuim']
            : ['NOTHING_UNPAID', 'everything was paid within the fourteen-day term'];
        return {
          costs: noCosts(rule, reason, message, null),
          interestFor: interestFromItem,
          interestNote: null,
        };
      }
      const line = {
        description: 'buitengerechtelijke incassokosten (WIK)',
        invoiceNumbers: covered.map((item) => item.invoiceNumber),
        baseCents: cents(base),
        amountCents: calculateWikStaffel(base).costsCents,
      };
      const vat = calculateVatOnCosts(line.amountCents, terms.nonDeductibleVatBps ?? null);
      return {
        costs: withCosts(rule, [line], vat, term.chargeableFrom),
        interestFor: interestFromItem,
        interestNote: null,
      };
    }
    case 'BE_B2B': {
      const rule =
        '€40 per late invoice plus documented reasonable recovery costs above it (wet 2 augustus 2002 art. 6)';
      if (late.length === 0) {
        return {
          costs: noCosts(rule, 'NOT_YET_DUE', 'no invoice is overdue', earliestDue),
          interestFor: interestFromItem,
          interestNote: null,
        };
      }
      const compensation = calculateBeBusinessCompensation({
        lateInvoiceCount: late.length,
        documentedRecoveryCostsCents: terms.documentedRecoveryCostsCents ?? 0,
      });
      const lines: CostLine[] = late.map(({ item, baseCents }) => ({
        description: 'vaste vergoeding invorderingskosten',
        invoiceNumbers: [item.invoiceNumber],
        baseCents: cents(baseCents),
        amountCents: cents(BE_B2B_FIXED_COMPENSATION_CENTS),
      }));
      if (compensation.additionalCents > 0) {
        lines.push({
          description: 'documented recovery costs above the fixed compensation (subject to reasonableness)',
          invoiceNumbers: late.map(({ item }) => item.invoiceNumber),
          baseCents: cents(terms.documentedRecoveryCostsCents ?? 0),
          amountCents: compensation.additionalCents,
        });
      }
      return {
        costs: withCosts(rule, lines, cents(0), firstLateDay),
        interestFor: interestFromItem,
        interestNote: null,
      };
    }
    case 'BE_B2C': {
      const rule =
        'agreed damages capped by balance band, after the free reminder and waiting period (Boek XIX WER)';
      const { reminder, contract } = terms;
      const assessment = assessBeConsumerCharges({
        reminder,
        contract,
        asOf,
        isCreditorSme: terms.isCreditorSme ?? false,
      });
      if (!assessment.isChargeable) {
        const costs = noCosts(
          rule,
          assessment.reason,
          assessment.message,
          assessment.waiting?.chargeableFrom ?? null,
        );
        return { costs, interestFor: () => null, interestNote: assessment.message };
      }
      // The reminder covers what was due when it was sent.
      const covered = items.filter((item) => reminder && item.dueDate < reminder.sentOn);
      const isCovered = (item: OpenItem) => covered.includes(item);
      const interestNote = contract.interestRateBps === null ? 'no interest was agreed' : null;
      const interestFor = (item: OpenItem): InterestPlan =>
        contract.interestRateBps === null || !isCovered(item)
          ? null
          : {
              from:
                daysBetween(item.interestFrom, assessment.interestFrom) > 0
                  ? assessment.interestFrom
                  : item.interestFrom,
              agreedRateBps: contract.interestRateBps,
            };
      const balance = covered.reduce((sum, item) => sum + outstandingOn(item, assessment.waiting.termTo), 0);
      const damages = calculateBeConsumerDamages(balance, contract.damages);
      if (damages.damagesCents === 0) {
        const [reason, message] =
          damages.limitedBy === 'no-clause'
            ? ['NO_DAMAGES_CLAUSE', 'no damages clause was agreed']
            : ['NOTHING_UNPAID', 'nothing covered by the reminder was unpaid after the waiting period'];
        return { costs: noCosts(rule, reason, message, null), interestFor, interestNote };
      }
      const line = {
        description: `schadebeding (cap ${damages.capCents} cents)`,
        invoiceNumbers: covered.map((item) => item.invoiceNumber),
        baseCents: damages.balanceCents,
        amountCents: damages.damagesCents,
      };
      const costs = withCosts(rule, [line], cents(0), assessment.waiting.chargeableFrom);
      return { costs, interestFor, interestNote };
    }
  }
}
