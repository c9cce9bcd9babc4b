import type { CalendarDate } from '../calendar-date.js';
import { type Cents, cents } from '../money.js';
import {
  assessRegime,
  type ClaimPayment,
  type OpenItem,
  type Regime,
  type RegimeTerms,
  type StatementCosts,
} from './claim-costs.js';
import type { RateTable } from './rate-tables.js';
import {
  calculateInterest,
  type DayCount,
  type InterestCalculation,
  type InterestKind,
} from './statutory-interest.js';

/**
 * A claim statement ("renteberekening / specificatie") per debtor on a date: principal, costs, VAT
 * on costs, interest per invoice with its periods, payments and the balance. Plain data in and out.
 *
 * Payments are applied to the principal of the invoice they name (from the day after the payment)
 * and shown once in `paymentsCents`; the balance is principal + costs + VAT + interest − payments.
 * Payments dated after `asOf` are left out and reported as a warning.
 */

export type ClaimStatementInput = RegimeTerms & {
  asOf: CalendarDate;
  items: readonly OpenItem[];
  payments: readonly ClaimPayment[];
  dayCount?: DayCount;
  /** Replaces built-in rate tables (the rates are configuration, LEGAL.md). */
  rates?: Partial<Record<InterestKind, RateTable>>;
};

export type StatementInvoice = {
  invoiceNumber: string;
  dueDate: CalendarDate;
  principalCents: Cents;
  paidCents: Cents;
  outstandingPrincipalCents: Cents;
  /** Null when no interest runs on this invoice (see `interestNote`). */
  interest: InterestCalculation | null;
  interestCents: Cents;
};

export type StatementWarning = {
  code: 'RATE_EXTRAPOLATED' | 'PAYMENT_AFTER_AS_OF';
  message: string;
};

export type ClaimStatement = {
  regime: Regime;
  asOf: CalendarDate;
  dayCount: DayCount;
  invoices: StatementInvoice[];
  principalCents: Cents;
  costs: StatementCosts;
  interestCents: Cents;
  interestNote: string | null;
  paymentsCents: Cents;
  balanceCents: Cents;
  warnings: StatementWarning[];
};

export type StatementIssue = {
  code: 'DUPLICATE_INVOICE' | 'UNKNOWN_INVOICE' | 'NO_RATE_FOR_DATE';
  invoiceNumber: string;
  message: string;
};

export type ClaimStatementResult =
  | { ok: true; statement: ClaimStatement }
  | { ok: false; issues: StatementIssue[] };

const INTEREST_KIND: Record<Regime, InterestKind> = {
  NL_B2B: 'nl-commercial',
  NL_B2C: 'nl-consumer',
  BE_B2B: 'be-commercial',
  // Boek XIX caps consumer interest at the art. 5 Wet 2002 rate (LEGAL.md §4.1).
  BE_B2C: 'be-commercial',
};

export function buildClaimStatement(input: ClaimStatementInput): ClaimStatementResult {
  const { asOf } = input;
  const dayCount = input.dayCount ?? 'act/365';
  const issues: StatementIssue[] = [];
  const warnings: StatementWarning[] = [];

  const numbers = new Set<string>();
  for (const item of input.items) {
    if (numbers.has(item.invoiceNumber)) {
      issues.push({ code: 'DUPLICATE_INVOICE', invoiceNumber: item.invoiceNumber, message: 'listed twice' });
    }
    numbers.add(item.invoiceNumber);
  }
  const payments = input.payments.filter((p) => p.date <= asOf);
  for (const payment of input.payments) {
    if (!numbers.has(payment.invoiceNumber)) {
      const message = `a payment of ${payment.amountCents} cents on ${payment.date} names an invoice not in the list`;
      issues.push({ code: 'UNKNOWN_INVOICE', invoiceNumber: payment.invoiceNumber, message });
    } else if (payment.date > asOf) {
      const message = `payment of ${payment.amountCents} cents on ${payment.date} (invoice ${payment.invoiceNumber}) is after ${asOf}`;
      warnings.push({ code: 'PAYMENT_AFTER_AS_OF', message });
    }
  }

  const paymentsOf = (item: OpenItem) => payments.filter((p) => p.invoiceNumber === item.invoiceNumber);
  const outstandingOn = (item: OpenItem, date: CalendarDate) =>
    item.principalCents -
    paymentsOf(item)
      .filter((p) => p.date <= date)
      .reduce((sum, p) => sum + p.amountCents, 0);
  const { costs, interestFor, interestNote } = assessRegime(input, input.items, asOf, outstandingOn);

  const kind = INTEREST_KIND[input.regime];
  const invoices = input.items.map((item): StatementInvoice => {
    const paidCents = paymentsOf(item).reduce((sum, p) => sum + p.amountCents, 0);
    const plan = interestFor(item);
    let interest: InterestCalculation | null = null;
    if (plan) {
      const result = calculateInterest({
        kind,
        principalCents: item.principalCents,
        from: plan.from,
        to: asOf,
        payments: paymentsOf(item),
        dayCount,
        ...(plan.agreedRateBps === undefined ? {} : { agreedRateBps: plan.agreedRateBps }),
        ...(input.rates?.[kind] ? { rates: input.rates[kind] } : {}),
      });
      if (result.ok) {
        const { ok: _ok, ...calculation } = result;
        interest = calculation;
      } else {
        issues.push({ code: 'NO_RATE_FOR_DATE', invoiceNumber: item.invoiceNumber, message: result.message });
      }
    }
    return {
      invoiceNumber: item.invoiceNumber,
      dueDate: item.dueDate,
      principalCents: cents(item.principalCents),
      paidCents: cents(paidCents),
      outstandingPrincipalCents: cents(item.principalCents - paidCents),
      interest,
      interestCents: interest?.totalCents ?? cents(0),
    };
  });
  if (issues.length > 0) return { ok: false, issues };

  const extrapolated = invoices.find((invoice) => invoice.interest?.isRateExtrapolated);
  if (extrapolated?.interest) {
    const message = `${extrapolated.interest.rateTable} is known through ${extrapolated.interest.rateKnownThrough}; later days use the last known rate`;
    warnings.push({ code: 'RATE_EXTRAPOLATED', message });
  }

  const sum = (values: readonly number[]) => cents(values.reduce((a, b) => a + b, 0));
  const principalCents = sum(invoices.map((i) => i.principalCents));
  const interestCents = sum(invoices.map((i) => i.interestCents));
  const paymentsCents = sum(payments.map((p) => p.amountCents));
  const balanceCents = sum([principalCents, costs.costsCents, costs.vatCents, interestCents, -paymentsCents]);
  return {
    ok: true,
    statement: {
      regime: input.regime,
      asOf,
      dayCount,
      invoices,
      principalCents,
      costs,
      interestCents,
      interestNote,
      paymentsCents,
      balanceCents,
      warnings,
    },
  };
}
