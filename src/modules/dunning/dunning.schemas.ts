/**
 * Request and response shapes of the dunning API: policies and their steps, the daily run (preview,
 * plan, approve), the outbox, and a debtor's claim statement. Shared with the web app (types only):
 * this file imports only zod, the pure enums and the ledger's building blocks.
 *
 * Conventions as in the ledger API: money is a string with two decimals, calendar dates are
 * "YYYY-MM-DD", instants ISO 8601 strings, ids UUIDs.
 */
import { z } from 'zod';
import {
  ACTION_STATUSES,
  DUNNING_MODES,
  OUTBOX_STATUSES,
  POLICY_REGIMES,
  type PolicyRegime,
  RUN_STATUSES,
  regimeDebtorKind,
  STEP_ANCHORS,
  STEP_CHANNELS,
} from '../../core/dunning/enums.js';
import { LETTER_KINDS, TONES } from '../../core/dunning/letter.js';
import { DEBTOR_KINDS } from '../../core/ledger/enums.js';
import {
  AmountInputSchema,
  CalendarDateSchema,
  DebtorRefSchema,
  InstantSchema,
  MoneySchema,
  PersonRefSchema,
} from '../ledger/ledger.schemas.js';

// ---------------------------------------------------------------------------------------------
// Policies and steps

export const StepChannelSchema = z.enum(STEP_CHANNELS);
export const LetterKindSchema = z.enum(LETTER_KINDS);
export const PolicyRegimeSchema = z.enum(POLICY_REGIMES);

export const DunningStepSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  isEnabled: z.boolean(),
  anchor: z.enum(STEP_ANCHORS),
  /** Days after the anchor; negative only for a notice before the due date. */
  offsetDays: z.number().int(),
  channel: StepChannelSchema,
  letterKind: LetterKindSchema.nullable(),
  tone: z.enum(TONES),
  /** The new payment term the letter gives, in days from the letter date. */
  deadlineDays: z.number().int(),
  /** The step applies only when the debtor's items at this step add up to at least this. */
  minOpen: MoneySchema,
  /** The letter claims statutory costs and interest (a formal demand). */
  claimsCosts: z.boolean(),
});
export type DunningStep = z.infer<typeof DunningStepSchema>;

export const DunningPolicySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  regime: PolicyRegimeSchema,
  debtorKind: z.enum(DEBTOR_KINDS),
  /** Null: the policy applies to every segment (a policy for a segment goes first). */
  segment: z.string().nullable(),
  /** Lower goes first among the policies that match a debtor. */
  priority: z.number().int(),
  isActive: z.boolean(),
  steps: z.array(DunningStepSchema),
  updatedAt: InstantSchema,
});
export type DunningPolicy = z.infer<typeof DunningPolicySchema>;

export const DunningPolicyListSchema = z.object({ policies: z.array(DunningPolicySchema) });
export type DunningPolicyList = z.infer<typeof DunningPolicyListSchema>;

export const DunningStepInputSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    isEnabled: z.boolean().default(true),
    anchor: z.enum(STEP_ANCHORS),
    offsetDays: z
      .number()
      .int('must be a whole number of days')
      .min(-60, 'at most 60 days before the due date')
      .max(365, 'at most 365 days'),
    channel: StepChannelSchema,
    letterKind: LetterKindSchema.nullable().default(null),
    tone: z.enum(TONES).default('neutral'),
    deadlineDays: z
      .number()
      .int('must be a whole number of days')
      .min(1, 'at least 1 day')
      .max(90, 'at most 90 days')
      .default(10),
    minOpen: AmountInputSchema.default('0.00'),
    claimsCosts: z.boolean().default(false),
  })
  .strict();
export type DunningStepInput = z.input<typeof DunningStepInputSchema>;

const LETTER_CHANNELS: readonly string[] = ['email', 'letter', 'handover'];

/**
 * The rules a policy's steps must follow, as field issues (`steps.2.letterKind`) so a form can
 * show each next to its field. Pure: the schema below runs it, and so can the web app.
 */
export function checkPolicySteps(policy: {
  regime: PolicyRegime;
  steps: readonly {
    anchor: string;
    offsetDays: number;
    channel: string;
    letterKind: string | null;
    claimsCosts: boolean;
    isEnabled: boolean;
  }[];
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  let hasFourteenDayLetter = false;
  for (const [index, step] of policy.steps.entries()) {
    const at = (field: string, message: string) => issues.push({ path: ['steps', index, field], message });
    const sendsLetter = LETTER_CHANNELS.includes(step.channel);
    if (sendsLetter && step.letterKind === null)
      at('letterKind', 'an email, letter or handover needs a letter kind');
    if (!sendsLetter && step.letterKind !== null)
      at('letterKind', 'a call task sends no letter: leave it empty');
    if (!sendsLetter && step.claimsCosts) at('claimsCosts', 'only a letter or email can claim costs');
    if (step.anchor === 'previous_step' && step.offsetDays < 1)
      at('offsetDays', 'a step after the previous one comes at least 1 day later');
    else if (step.offsetDays < 0 && step.letterKind !== 'pre_due_notice')
      at('offsetDays', 'only a notice before the due date can have a negative offset');
    if (step.letterKind === 'pre_due_notice' && (step.anchor !== 'due_date' || step.offsetDays >= 0))
      at('offsetDays', 'a notice before the due date counts back from the due date (a negative offset)');
    if (step.letterKind === 'fourteen_day_letter') {
      if (policy.regime !== 'nl_b2c') at('letterKind', 'the fourteen-day letter is for Dutch consumers only');
      if (step.isEnabled) hasFourteenDayLetter = true;
    }
    // 6:96 lid 6 BW: no costs from a Dutch consumer before the fourteen-day letter's term.
    if (policy.regime === 'nl_b2c' && step.claimsCosts && step.isEnabled && !hasFourteenDayLetter)
      at(
        'claimsCosts',
        'a Dutch consumer owes costs only after the fourteen-day letter: put that step first',
      );
  }
  return issues;
}

/** Create or replace a policy with all its steps (in order). */
export const DunningPolicyInputSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    description: z.string().trim().max(2000).nullable().optional(),
    regime: PolicyRegimeSchema,
    /** Follows from the regime (…_b2c: consumer); when sent it must match. */
    debtorKind: z.enum(DEBTOR_KINDS).optional(),
    segment: z
      .string()
      .trim()
      .max(100)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    priority: z.number().int().min(0).max(9999).default(100),
    isActive: z.boolean().default(true),
    steps: z
      .array(DunningStepInputSchema)
      .min(1, 'a policy needs at least one step')
      .max(20, 'at most 20 steps'),
  })
  .strict()
  .superRefine((policy, ctx) => {
    if (policy.debtorKind !== undefined && policy.debtorKind !== regimeDebtorKind(policy.regime)) {
      ctx.addIssue({
        code: 'custom',
        path: ['debtorKind'],
        message: `a ${policy.regime} policy is for ${regimeDebtorKind(policy.regime)} debtors`,
      });
    }
    for (const issue of checkPolicySteps(policy)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type DunningPolicyInput = z.input<typeof DunningPolicyInputSchema>;
export type DunningPolicyChanges = z.output<typeof DunningPolicyInputSchema>;

// ---------------------------------------------------------------------------------------------
// Runs: preview, plan, approve

export const DunningModeSchema = z.enum(DUNNING_MODES);

export const RunDateQuerySchema = z.object({
  /** Defaults to the organisation's today. */
  date: CalendarDateSchema.optional(),
});

export const CreateRunRequestSchema = z.object({ date: CalendarDateSchema.optional() }).strict();
export type CreateRunRequest = z.input<typeof CreateRunRequestSchema>;

export const RunStepCountSchema = z.object({
  stepId: z.uuid(),
  stepName: z.string(),
  policyName: z.string(),
  channel: StepChannelSchema,
  letterKind: LetterKindSchema.nullable(),
  /** Messages or tasks: one per debtor. */
  actions: z.number().int(),
  invoices: z.number().int(),
  open: MoneySchema,
});
export type RunStepCount = z.infer<typeof RunStepCountSchema>;

export const RunActionSchema = z.object({
  /** Null in a preview: nothing is stored yet. */
  id: z.uuid().nullable(),
  debtor: DebtorRefSchema,
  stepId: z.uuid(),
  stepName: z.string(),
  channel: StepChannelSchema,
  letterKind: LetterKindSchema.nullable(),
  invoices: z.array(z.string()),
  open: MoneySchema,
  status: z.enum(['preview', ...ACTION_STATUSES]),
  note: z.string().nullable(),
  /** The letter as sent (a done email/letter/handover). */
  documentId: z.uuid().nullable(),
  outboxStatus: z.enum(OUTBOX_STATUSES).nullable(),
});
export type RunAction = z.infer<typeof RunActionSchema>;

export const RunSummarySchema = z.object({
  id: z.uuid(),
  date: CalendarDateSchema,
  status: z.enum(RUN_STATUSES),
  approvedBy: PersonRefSchema.nullable(),
  createdAt: InstantSchema,
  finishedAt: InstantSchema.nullable(),
  planned: z.number().int(),
  done: z.number().int(),
  cancelled: z.number().int(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunListSchema = z.object({ runs: z.array(RunSummarySchema) });
export type RunList = z.infer<typeof RunListSchema>;

const runActionsPart = {
  counts: z.array(RunStepCountSchema),
  /** The first actions (largest amounts first in a preview); `totalActions` counts them all. */
  actions: z.array(RunActionSchema),
  totalActions: z.number().int(),
};

export const RunDetailSchema = RunSummarySchema.extend({ mode: DunningModeSchema, ...runActionsPart });
export type RunDetail = z.infer<typeof RunDetailSchema>;

/** What a run on the date would do, without storing anything, and the run already there. */
export const RunPreviewSchema = z.object({
  date: CalendarDateSchema,
  /** The organisation's today: the latest date a run can be made for. */
  today: CalendarDateSchema,
  mode: DunningModeSchema,
  runTime: z.string(),
  run: RunSummarySchema.nullable(),
  ...runActionsPart,
});
export type RunPreview = z.infer<typeof RunPreviewSchema>;

export const PreviewLetterQuerySchema = z.object({
  date: CalendarDateSchema.optional(),
  debtorId: z.uuid(),
  stepId: z.uuid(),
});
export type PreviewLetterQuery = z.input<typeof PreviewLetterQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Outbox

export const OutboxStatusSchema = z.enum(OUTBOX_STATUSES);

export const OutboxQuerySchema = z.object({
  status: OutboxStatusSchema.optional(),
  debtor: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.input<typeof OutboxQuerySchema>;

export const OutboxMessageSchema = z.object({
  id: z.uuid(),
  createdAt: InstantSchema,
  debtor: DebtorRefSchema,
  /** The email address; null for a letter to print. */
  to: z.string().nullable(),
  subject: z.string(),
  status: OutboxStatusSchema,
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** When it was sent (email) or marked printed (letter). */
  sentAt: InstantSchema.nullable(),
  documentId: z.uuid().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxPageSchema = z.object({
  items: z.array(OutboxMessageSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalIsCapped: z.boolean(),
  /** Messages per status over the whole outbox (for the filter). */
  statusCounts: z.record(OutboxStatusSchema, z.number().int()),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

// ---------------------------------------------------------------------------------------------
// Claim statement

export const ClaimQuerySchema = z.object({ date: CalendarDateSchema.optional() });

export const ClaimInterestPeriodSchema = z.object({
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  days: z.number().int(),
  yearDays: z.number().int(),
  rateBps: z.number().int(),
  base: MoneySchema,
  interest: MoneySchema,
  isRateExtrapolated: z.boolean(),
});

export const ClaimInvoiceSchema = z.object({
  invoiceId: z.uuid(),
  number: z.string(),
  dueDate: CalendarDateSchema,
  principal: MoneySchema,
  interest: MoneySchema,
  /** Null when no interest runs on this invoice (see `interestNote`). */
  interestDetail: z
    .object({
      kind: z.string(),
      dayCount: z.string(),
      compounding: z.enum(['yearly', 'none']),
      rateTable: z.string(),
      periods: z.array(ClaimInterestPeriodSchema),
      capitalisations: z.array(z.object({ on: CalendarDateSchema, amount: MoneySchema })),
    })
    .nullable(),
});

export const ClaimStatementSchema = z.object({
  debtor: DebtorRefSchema,
  date: CalendarDateSchema,
  regime: PolicyRegimeSchema,
  /** The policy whose regime the statement follows; null when no policy applies to the debtor. */
  policy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  principal: MoneySchema,
  costs: z.object({
    isChargeable: z.boolean(),
    /** Why nothing is charged (a code of the regime's assessment), with an explanation. */
    reason: z.string().nullable(),
    message: z.string().nullable(),
    chargeableFrom: CalendarDateSchema.nullable(),
    rule: z.string(),
    lines: z.array(
      z.object({
        description: z.string(),
        invoiceNumbers: z.array(z.string()),
        base: MoneySchema,
        amount: MoneySchema,
      }),
    ),
    amount: MoneySchema,
    vat: MoneySchema,
  }),
  interest: MoneySchema,
  interestNote: z.string().nullable(),
  payments: MoneySchema,
  balance: MoneySchema,
  invoices: z.array(ClaimInvoiceSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ClaimStatementView = z.infer<typeof ClaimStatementSchema>;
