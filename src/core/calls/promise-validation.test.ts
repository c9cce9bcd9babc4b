import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { computeCallGoals } from './call-goals.js';
import { type AgreementContext, type AgreementProposal, validateAgreement } from './promise-validation.js';

const d = (text: string) => text as CalendarDate;
const today = d('2026-12-09'); // Wednesday
const context: AgreementContext = {
  today,
  calendar: 'NL',
  kind: 'business',
  balanceCents: 120_000,
  goals: computeCallGoals({
    today,
    calendar: 'NL',
    kind: 'business',
    overdueCents: 120_000,
    creditLimitCents: null,
  }),
  history: { kept: 2, partiallyKept: 0, broken: 0 },
  contact: { name: 'Els Peeters', isCollectionsContact: true },
};
const promise = (amountCents: number, promisedDate: string): AgreementProposal => ({
  kind: 'promise',
  amountCents,
  promisedDate: d(promisedDate),
});

describe('validateAgreement: promises', () => {
  it('passes a sound promise without a word', () => {
    expect(validateAgreement(promise(120_000, '2026-12-18'), context)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    [
      'a promise further away than 14 days',
      promise(120_000, '2027-01-05'),
      [{ code: 'promise_too_far', date: '2027-01-05', latestDate: '2026-12-23', days: 27, maxDays: 14 }],
    ],
    [
      'an amount below the minimum goal (30 % now)',
      promise(20_000, '2026-12-11'),
      [{ code: 'below_minimum_goal', amountCents: 20_000, minimumCents: 36_000 }],
    ],
    [
      'more than the balance',
      promise(150_000, '2026-12-11'),
      [{ code: 'amount_above_balance', amountCents: 150_000, balanceCents: 120_000 }],
    ],
    [
      'a Saturday',
      promise(120_000, '2026-12-12'),
      [
        {
          code: 'not_a_business_day',
          field: 'promisedDate',
          date: '2026-12-12',
          suggestedDate: '2026-12-14',
        },
      ],
    ],
  ] as const)('warns about %s', (_label, proposal, warnings) => {
    expect(validateAgreement(proposal, context)).toEqual({ errors: [], warnings });
  });

  it('allows consumers a longer promise', () => {
    const consumer = { ...context, kind: 'consumer' as const };
    expect(validateAgreement(promise(120_000, '2027-01-05'), consumer).warnings).toEqual([]);
  });

  it('warns about a debtor who broke promises before and about the wrong person', () => {
    const check = validateAgreement(promise(120_000, '2026-12-18'), {
      ...context,
      history: { kept: 1, partiallyKept: 1, broken: 2 },
      contact: { name: 'Receptie', isCollectionsContact: false },
    });
    expect(check.warnings).toEqual([
      { code: 'earlier_promises_broken', broken: 3, total: 4 },
      { code: 'not_collections_contact', contactName: 'Receptie' },
    ]);
    expect(validateAgreement(promise(120_000, '2026-12-18'), { ...context, contact: null }).warnings).toEqual(
      [{ code: 'contact_unknown' }],
    );
  });

  it('refuses no amount and a date in the past', () => {
    expect(validateAgreement(promise(0, '2026-12-08'), context).errors).toEqual([
      { code: 'amount_not_positive', field: 'amountCents', amountCents: 0 },
      { code: 'date_in_past', field: 'promisedDate', date: '2026-12-08', today },
    ]);
  });
});

describe('validateAgreement: plans', () => {
  const plan = (...instalments: [string, number][]): AgreementProposal => ({
    kind: 'plan',
    instalments: instalments.map(([dueDate, amountCents]) => ({ dueDate: d(dueDate), amountCents })),
  });

  it('passes a plan that covers the balance in time', () => {
    const check = validateAgreement(
      plan(['2026-12-16', 40_000], ['2027-01-18', 40_000], ['2027-02-16', 40_000]),
      context,
    );
    expect(check).toEqual({ errors: [], warnings: [] });
  });

  it('warns about instalments too small for the balance, a plan too long and one that falls short', () => {
    const balance = { ...context, balanceCents: 1_000_000 }; // €10,000: 5 % is €500 an instalment
    const months = Array.from(
      { length: 8 },
      (_, i) => [`2027-${String(i + 1).padStart(2, '0')}-15`, 30_000] as [string, number],
    );
    const check = validateAgreement(plan(...months), balance);
    expect(check.errors).toEqual([]);
    const small = (n: number) => ({
      code: 'instalment_too_small',
      number: n,
      amountCents: 30_000,
      minimumCents: 50_000,
    });
    expect(check.warnings).toEqual([
      small(1),
      small(2),
      small(3),
      small(4),
      small(5), // 15 May 2027 is a Saturday, and Monday 17 May is Whit Monday
      {
        code: 'not_a_business_day',
        field: 'instalments[4].dueDate',
        date: '2027-05-15',
        suggestedDate: '2027-05-18',
      },
      small(6),
      small(7),
      // the last instalment is the remainder and may be small; 15 August is a Sunday
      {
        code: 'not_a_business_day',
        field: 'instalments[7].dueDate',
        date: '2027-08-15',
        suggestedDate: '2027-08-16',
      },
      { code: 'plan_too_long', lastDate: '2027-08-15', latestDate: '2027-06-10', days: 249, maxDays: 183 },
      { code: 'plan_does_not_cover_balance', planCents: 240_000, balanceCents: 1_000_000 },
    ]);
  });

  it('refuses an empty plan, and instalments without amount or out of order', () => {
    expect(validateAgreement(plan(), context).errors).toEqual([{ code: 'plan_without_instalments' }]);
    expect(
      validateAgreement(plan(['2026-12-16', 60_000], ['2026-12-16', 0], ['2026-12-15', 60_000]), context)
        .errors,
    ).toEqual([
      { code: 'amount_not_positive', field: 'instalments[1].amountCents', amountCents: 0 },
      {
        code: 'instalments_out_of_order',
        field: 'instalments[1].dueDate',
        date: '2026-12-16',
        previousDate: '2026-12-16',
      },
      {
        code: 'instalments_out_of_order',
        field: 'instalments[2].dueDate',
        date: '2026-12-15',
        previousDate: '2026-12-16',
      },
    ]);
  });
});
