import { z } from 'zod';
import { PLAN_INTERVALS } from '../../core/calls/plan-schedule.js';
import { INSTALMENT_STATUSES, PLAN_ORIGINS, PLAN_STATUSES } from '../../core/dunning/enums.js';

/** Shapes of the payment-plan API, shared with the web app. */

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const centsAmount = z.number().int().safe();

export const PlanIntervalSchema = z.enum(PLAN_INTERVALS);
export const PlanStatusSchema = z.enum(PLAN_STATUSES);

/** Either a count with interval and first date (the schedule is computed), or explicit instalments. */
export const PlanProposalSchema = z
  .object({
    invoiceIds: z.array(z.uuid()).min(1, 'choose at least one invoice').max(500),
    instalmentCount: z.number().int().min(1).max(120).optional(),
    interval: PlanIntervalSchema.optional(),
    firstDueDate: calendarDate.optional(),
    downPaymentCents: centsAmount.min(0).optional(),
    instalments: z
      .array(z.object({ dueDate: calendarDate, amountCents: centsAmount }))
      .min(1)
      .max(120)
      .optional(),
    contactId: z.uuid().nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.instalments) return;
    for (const field of ['instalmentCount', 'interval', 'firstDueDate'] as const) {
      if (value[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'required without explicit instalments' });
    }
  });
export type PlanProposal = z.infer<typeof PlanProposalSchema>;

export const CreatePlanRequestSchema = PlanProposalSchema.and(
  z.object({
    origin: z.enum(PLAN_ORIGINS).default('dossier'),
    callId: z.uuid().nullable().optional(),
    graceDays: z.number().int().min(1).max(60).optional(),
    note: z.string().max(2000).nullable().optional(),
    /** The warnings of the preview were read; without it a proposal with warnings is not saved. */
    acknowledgeWarnings: z.boolean().default(false),
  }),
);
export type CreatePlanRequest = z.input<typeof CreatePlanRequestSchema>;

export const PlanInstalmentPreviewSchema = z.object({
  number: z.number().int(),
  dueDate: calendarDate,
  amountCents: centsAmount,
  reference: z.string(),
});

/** A warning or error code from the agreement check, with its data (the web words it). */
export const AgreementIssueSchema = z.object({ code: z.string() }).catchall(z.unknown());

export const PlanPreviewSchema = z.object({
  totalCents: centsAmount,
  instalments: z.array(PlanInstalmentPreviewSchema),
  warnings: z.array(AgreementIssueSchema),
  errors: z.array(AgreementIssueSchema),
});
export type PlanPreview = z.infer<typeof PlanPreviewSchema>;

export const PaymentPlanSchema = z.object({
  id: z.uuid(),
  debtorId: z.uuid(),
  status: PlanStatusSchema,
  origin: z.enum(PLAN_ORIGINS),
  totalCents: centsAmount,
  paidCents: centsAmount,
  downPaymentCents: centsAmount,
  interval: PlanIntervalSchema.nullable(),
  graceDays: z.number().int(),
  inArrearsSince: calendarDate.nullable(),
  brokenOn: calendarDate.nullable(),
  completedOn: calendarDate.nullable(),
  cancelledOn: calendarDate.nullable(),
  contactId: z.uuid().nullable(),
  createdAt: z.string(),
  invoices: z.array(z.object({ id: z.uuid(), number: z.string() })),
  instalments: z.array(
    z.object({
      number: z.number().int(),
      dueDate: calendarDate,
      amountCents: centsAmount,
      paidCents: centsAmount,
      status: z.enum(INSTALMENT_STATUSES),
      paidOn: calendarDate.nullable(),
    }),
  ),
});
export type PaymentPlan = z.infer<typeof PaymentPlanSchema>;

export const CreatePlanResponseSchema = z.discriminatedUnion('created', [
  z.object({ created: z.literal(true), plan: PaymentPlanSchema, outboxMessageId: z.uuid() }),
  /** Not saved: the collector has to read these warnings and acknowledge them. */
  z.object({ created: z.literal(false), preview: PlanPreviewSchema }),
]);
export type CreatePlanResponse = z.infer<typeof CreatePlanResponseSchema>;

export const PaymentPlanListSchema = z.object({ items: z.array(PaymentPlanSchema) });

export const CancelPlanRequestSchema = z.object({ reason: z.string().max(500).optional() });
