/**
 * The objection library (R16, 003#3, 004#4, 000): the excuses collectors hear most, each with
 * counter-arguments (texts per language in nl.ts, fr.ts, en.ts) and the next actions the workbench
 * can take on the spot. The approach follows 000#2: do not argue about whether the excuse is true,
 * take away the reason not to pay, and end with a concrete "who does what by when".
 */

export const OBJECTION_CODES = [
  'already_paid',
  'was_ill',
  'call_back_later',
  'not_satisfied',
  'never_saw_invoice',
  'pay_end_of_week',
  'goods_not_received',
  'term_was_sixty_days',
  'cannot_pay_now',
  'waiting_for_own_customer',
  'responsible_person_absent',
  'invoice_not_approved',
  'in_next_payment_run',
] as const;
export type ObjectionCode = (typeof OBJECTION_CODES)[number];

/** The cause of non-payment recorded after the call (R8): a fixed list, plus free text in the outcome. */
export const NON_PAYMENT_CAUSES = [
  'forgotten',
  'invoice_not_received',
  'approval_process',
  'quality_dispute',
  'delivery_dispute',
  'terms_disagreement',
  'cash_flow',
  'waiting_for_own_customer',
  'illness_or_absence',
  'payment_trouble',
  'refuses_to_pay',
  'other',
] as const;
export type NonPaymentCause = (typeof NON_PAYMENT_CAUSES)[number];

/** What the workbench can do right away; each maps to a button or a field in the outcome dialog. */
export type NextAction =
  | { action: 'ask_payment_details'; fields: readonly ('date' | 'amount' | 'account')[] }
  | { action: 'check_payments' }
  | { action: 'verify_email' }
  | { action: 'resend_invoice'; channel: 'email' }
  | { action: 'open_dispute'; scope: 'invoice' }
  | { action: 'ask_undisputed_payment' }
  /** A callback at an exact time agreed now, never "I'll call you back" (000#4, R17). */
  | { action: 'schedule_callback'; needsExactTime: true }
  | { action: 'ask_direct_number' }
  | { action: 'ask_decision_maker' }
  | { action: 'record_promise' }
  | { action: 'send_confirmation' }
  | { action: 'send_payment_link' }
  | { action: 'send_proof_of_delivery' }
  | { action: 'send_terms' }
  | { action: 'check_sales_agreements' }
  | { action: 'ask_partial_payment' }
  | { action: 'propose_payment_plan' }
  | { action: 'ask_purchase_order' }
  | { action: 'record_cause'; cause: NonPaymentCause };

export type ObjectionDefinition = {
  /** Keys of the counter-arguments, in their default order; ids are `<objection>.<key>`. */
  counters: readonly string[];
  nextActions: readonly NextAction[];
};

const askDetails: NextAction = { action: 'ask_payment_details', fields: ['date', 'amount', 'account'] };
const cause = (value: NonPaymentCause): NextAction => ({ action: 'record_cause', cause: value });

export const OBJECTION_LIBRARY: Record<ObjectionCode, ObjectionDefinition> = {
  already_paid: {
    counters: ['ask_details', 'send_proof'],
    nextActions: [askDetails, { action: 'check_payments' }],
  },
  was_ill: {
    counters: ['who_else', 'new_date'],
    nextActions: [cause('illness_or_absence'), { action: 'record_promise' }, { action: 'send_payment_link' }],
  },
  call_back_later: {
    counters: ['exact_time', 'direct_line'],
    nextActions: [{ action: 'schedule_callback', needsExactTime: true }, { action: 'ask_direct_number' }],
  },
  not_satisfied: {
    counters: ['listen', 'split'],
    nextActions: [
      { action: 'open_dispute', scope: 'invoice' },
      { action: 'ask_undisputed_payment' },
      cause('quality_dispute'),
    ],
  },
  never_saw_invoice: {
    counters: ['resend_now', 'agree_date'],
    nextActions: [
      { action: 'verify_email' },
      { action: 'resend_invoice', channel: 'email' },
      { action: 'record_promise' },
      cause('invoice_not_received'),
    ],
  },
  pay_end_of_week: {
    counters: ['pin_down', 'confirm'],
    nextActions: [{ action: 'record_promise' }, { action: 'send_confirmation' }],
  },
  goods_not_received: {
    counters: ['check_delivery', 'pay_delivered_part'],
    nextActions: [
      { action: 'send_proof_of_delivery' },
      { action: 'open_dispute', scope: 'invoice' },
      { action: 'ask_undisputed_payment' },
      cause('delivery_dispute'),
    ],
  },
  term_was_sixty_days: {
    counters: ['show_terms', 'check_with_sales'],
    nextActions: [
      { action: 'send_terms' },
      { action: 'check_sales_agreements' },
      { action: 'record_promise' },
    ],
  },
  cannot_pay_now: {
    counters: ['part_now', 'find_cause'],
    nextActions: [cause('cash_flow'), { action: 'ask_partial_payment' }, { action: 'propose_payment_plan' }],
  },
  waiting_for_own_customer: {
    counters: ['part_now', 'link_to_date'],
    nextActions: [
      cause('waiting_for_own_customer'),
      { action: 'ask_partial_payment' },
      { action: 'record_promise' },
    ],
  },
  responsible_person_absent: {
    counters: ['who_else', 'when_back'],
    nextActions: [{ action: 'ask_decision_maker' }, { action: 'schedule_callback', needsExactTime: true }],
  },
  invoice_not_approved: {
    counters: ['purchase_order', 'approver'],
    nextActions: [
      { action: 'ask_purchase_order' },
      { action: 'resend_invoice', channel: 'email' },
      { action: 'record_promise' },
      cause('approval_process'),
    ],
  },
  in_next_payment_run: {
    counters: ['run_date', 'full_amount'],
    nextActions: [{ action: 'record_promise' }, { action: 'send_confirmation' }],
  },
};

export const counterId = (code: ObjectionCode, key: string): string => `${code}.${key}`;

/** The words of one objection in one language: a label, how debtors say it, the counters by key. */
export type ObjectionText = { label: string; heard: string; counters: Record<string, string> };
export type ObjectionTexts = Record<ObjectionCode, ObjectionText>;
