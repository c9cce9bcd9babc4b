/**
 * What a call came to (R20): whether someone was reached, and if the right person was, what was
 * agreed. One list each, from which the TS types, the zod enums and the pg enums derive.
 */

/** Whether the call reached anybody; `reached` is the right person (the debtor's contact). */
export const CALL_OUTCOMES = ['no_answer', 'voicemail', 'wrong_number', 'gatekeeper', 'reached'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** What the right person said (only with outcome `reached`). */
export const CALL_RESULTS = [
  'promise',
  'partial_payment',
  'payment_plan',
  'dispute',
  'claims_paid',
  'refuses',
] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** How the debtor says they will pay (R18: "how"). */
export const PAYMENT_METHODS = ['bank_transfer', 'payment_link', 'direct_debit', 'card', 'cash'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Outcomes in which nobody at the debtor answered: they count against the answer history. */
export const isAnswered = (outcome: CallOutcome): boolean =>
  outcome === 'gatekeeper' || outcome === 'reached';
