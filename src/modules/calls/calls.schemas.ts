/**
 * Request and response shapes of the workbench API (prep sheet, call outcomes, the call lock, the
 * queue). Shared with the web app: only zod and the pure enums. Money is "1234.50", dates
 * "YYYY-MM-DD", instants ISO 8601, as in the ledger API.
 */
import { z } from 'zod';
import { CALL_OUTCOMES, CALL_RESULTS, PAYMENT_METHODS } from '../../core/calls/call-outcomes.js';
import { NON_PAYMENT_CAUSES, OBJECTION_CODES } from '../../core/calls/objections/objection-library.js';
import { PLAN_INTERVALS } from '../../core/calls/plan-schedule.js';
import { QUEUE_REASONS } from '../../core/calls/queue-reasons.js';
import { SCRIPT_SITUATIONS } from '../../core/calls/scripts/script-types.js';
import { PROMISE_STATUSES } from '../../core/dunning/enums.js';
import { DEBTOR_KINDS, DISPUTE_STATUSES, INVOICE_STATUSES, LANGUAGES } from '../../core/ledger/enums.js';
import {
  AmountInputSchema,
  CalendarDateSchema,
  InstantSchema,
  MoneySchema,
} from '../ledger/ledger.schemas.js';

const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

// ---------------------------------------------------------------------------------------------
// Queue

export const CallQueueQuerySchema = z.object({
  date: CalendarDateSchema.optional(),
  at: ClockTimeSchema.optional(),
  collector: z.uuid().optional(),
});

const QueueWindowSchema = z.object({
  kind: z.string(),
  date: CalendarDateSchema,
  from: z.string(),
  until: z.string(),
});

export const CallQueueResponseSchema = z.object({
  date: CalendarDateSchema,
  at: z.string(),
  items: z.array(
    z.object({
      debtorId: z.uuid(),
      debtor: z.string(),
      debtorName: z.string(),
      contactId: z.uuid().nullable(),
      contact: z.string().nullable(),
      phone: z.string().nullable(),
      extension: z.string().nullable(),
      reason: z.enum(QUEUE_REASONS),
      reasons: z.array(z.enum(QUEUE_REASONS)),
      priority: z.number().int(),
      baseScore: z.number().int(),
      /** Why this call: codes with their points and figures, adding up to `priority`. */
      parts: z.array(z.looseObject({ code: z.string(), points: z.number() })),
      verdict: z.enum(['call', 'acceptable', 'wait']),
      callWindow: QueueWindowSchema.nullable(),
      waitReasons: z.array(z.looseObject({ code: z.string() })),
      sourceIds: z.array(z.uuid()),
      overdue: MoneySchema,
      assignedTo: z.uuid().nullable(),
    }),
  ),
});
export type CallQueueResponse = z.infer<typeof CallQueueResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Prep sheet

const PrepContactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string().nullable(),
  phone: z.string().nullable(),
  extension: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  isCollectionsContact: z.boolean(),
  gatekeeperNotes: z.string().nullable(),
  preferredCallDays: z.array(z.number().int()),
  preferredCallFrom: z.string().nullable(),
  preferredCallUntil: z.string().nullable(),
});

export const PrepSheetSchema = z.object({
  debtor: z.object({
    id: z.uuid(),
    number: z.string(),
    name: z.string(),
    kind: z.enum(DEBTOR_KINDS),
    language: z.enum(LANGUAGES),
    country: z.string(),
    open: MoneySchema,
    overdue: MoneySchema,
    oldestOverdueDueDate: CalendarDateSchema.nullable(),
    creditLimit: MoneySchema.nullable(),
    paymentTermDays: z.number().int().nullable(),
    notes: z.string().nullable(),
    pauseUntil: CalendarDateSchema.nullable(),
  }),
  /** The person to ask for (collections contact first, with a number), then everyone else. */
  contact: PrepContactSchema.nullable(),
  otherContacts: z.array(PrepContactSchema),
  openInvoices: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      kind: z.string(),
      status: z.enum(INVOICE_STATUSES),
      issueDate: CalendarDateSchema,
      dueDate: CalendarDateSchema,
      paymentTermDays: z.number().int().nullable(),
      total: MoneySchema,
      open: MoneySchema,
      daysLate: z.number().int(),
      paymentReference: z.string().nullable(),
      orderDescription: z.string().nullable(),
      deliveryNotes: z.string().nullable(),
      salesAgreementNotes: z.string().nullable(),
    }),
  ),
  reminders: z.object({
    count: z.number().int(),
    items: z.array(
      z.object({
        date: CalendarDateSchema,
        step: z.string(),
        channel: z.string(),
        deliveryStatus: z.string().nullable(),
      }),
    ),
  }),
  paymentHistory: z.object({
    averageDaysLate: z.number().nullable(),
    paidInvoiceCount: z.number().int(),
    lastPayments: z.array(z.object({ date: CalendarDateSchema, amount: MoneySchema, method: z.string() })),
  }),
  calls: z.array(
    z.object({
      id: z.uuid(),
      startedAt: InstantSchema,
      collector: z.string().nullable(),
      contact: z.string().nullable(),
      outcome: z.enum(CALL_OUTCOMES),
      result: z.enum(CALL_RESULTS).nullable(),
      nonPaymentCause: z.enum(NON_PAYMENT_CAUSES).nullable(),
      notes: z.string().nullable(),
      durationSeconds: z.number().int(),
    }),
  ),
  disputes: z.array(
    z.object({
      id: z.uuid(),
      invoiceNumber: z.string(),
      reason: z.string(),
      status: z.enum(DISPUTE_STATUSES),
      openedAt: InstantSchema,
    }),
  ),
  promises: z.object({
    kept: z.number().int(),
    partiallyKept: z.number().int(),
    broken: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        amount: MoneySchema,
        promisedDate: CalendarDateSchema,
        status: z.enum(PROMISE_STATUSES),
        paid: MoneySchema,
      }),
    ),
  }),
  nonPaymentCauses: z.array(
    z.object({ cause: z.enum(NON_PAYMENT_CAUSES), count: z.number().int(), lastText: z.string().nullable() }),
  ),
  openTasks: z.array(
    z.object({
      id: z.uuid(),
      reason: z.string(),
      dueDate: CalendarDateSchema,
      callbackAt: InstantSchema.nullable(),
      note: z.string().nullable(),
    }),
  ),
  lock: z.object({ holderId: z.uuid(), holder: z.string(), expiresAt: InstantSchema }).nullable(),
  goals: z
    .object({
      maximum: z.object({ amount: MoneySchema, payByDate: CalendarDateSchema }),
      minimumAmount: MoneySchema,
      minimum: z.array(
        z.object({
          kind: z.enum(['partial_payment_now', 'promise_by_date', 'payment_plan']),
          amount: MoneySchema,
          date: CalendarDateSchema,
          instalments: z.array(z.object({ dueDate: CalendarDateSchema, amount: MoneySchema })).optional(),
        }),
      ),
    })
    .nullable(),
  script: z.object({
    situation: z.enum(SCRIPT_SITUATIONS),
    language: z.enum(LANGUAGES),
    sections: z.record(z.string(), z.array(z.string())),
  }),
  objections: z.array(
    z.object({
      code: z.enum(OBJECTION_CODES),
      label: z.string(),
      heard: z.string(),
      isOwn: z.boolean(),
      ownCount: z.number().int(),
      /** Times a counter to this objection was used, and how many led to a kept promise. */
      uses: z.number().int(),
      keptPromises: z.number().int(),
      /** Smoothed (kept + 1) / (uses + 2), for ordering; show `uses`/`keptPromises` to people. */
      successRateBps: z.number().int(),
      counters: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          uses: z.number().int(),
          keptPromises: z.number().int(),
          successRateBps: z.number().int(),
        }),
      ),
      nextActions: z.array(z.looseObject({ action: z.string() })),
    }),
  ),
});
export type PrepSheet = z.infer<typeof PrepSheetSchema>;

// ---------------------------------------------------------------------------------------------
// Recording a call

const ObjectionHeardSchema = z.object({
  code: z.enum(OBJECTION_CODES),
  counterId: z.string().max(100).optional(),
});

const InstalmentInputSchema = z.object({ dueDate: CalendarDateSchema, amount: AmountInputSchema });

/** What the right person agreed to (outcome `reached`). */
export const CallAgreementSchema = z.discriminatedUnion('result', [
  z.object({
    result: z.literal('promise'),
    amount: AmountInputSchema,
    date: CalendarDateSchema,
    method: z.enum(PAYMENT_METHODS).default('bank_transfer'),
    invoiceIds: z.array(z.uuid()).max(500).optional(),
  }),
  z.object({
    result: z.literal('partial_payment'),
    amount: AmountInputSchema,
    /** When the transfer is made (today by default). */
    date: CalendarDateSchema.optional(),
    method: z.enum(PAYMENT_METHODS).default('bank_transfer'),
  }),
  z.object({
    result: z.literal('payment_plan'),
    /** Either the instalments as agreed, or a count and interval to spread the amount over. */
    instalments: z.array(InstalmentInputSchema).min(1).max(60).optional(),
    total: AmountInputSchema.optional(),
    instalmentCount: z.number().int().min(1).max(60).optional(),
    downPayment: AmountInputSchema.optional(),
    firstDueDate: CalendarDateSchema.optional(),
    interval: z.enum(PLAN_INTERVALS).default('month'),
    invoiceIds: z.array(z.uuid()).max(500).optional(),
  }),
  z.object({
    result: z.literal('dispute'),
    invoiceIds: z.array(z.uuid()).min(1).max(100),
    reason: z.string().trim().min(1).max(500),
  }),
  z.object({
    result: z.literal('claims_paid'),
    paidOn: CalendarDateSchema.optional(),
    amount: AmountInputSchema.optional(),
    account: z.string().trim().max(64).optional(),
  }),
  z.object({ result: z.literal('refuses') }),
]);

export const RecordCallRequestSchema = z
  .object({
    contactId: z.uuid().nullable().optional(),
    startedAt: InstantSchema.optional(),
    durationSeconds: z.number().int().min(0).max(86_400).default(0),
    outcome: z.enum(CALL_OUTCOMES),
    /** Gatekeeper: the name of who answered, and the exact moment to call back. */
    gatekeeperName: z.string().trim().max(200).optional(),
    callbackAt: z.iso.datetime({ offset: true }).optional(),
    agreement: CallAgreementSchema.optional(),
    nonPaymentCause: z.enum(NON_PAYMENT_CAUSES).optional(),
    nonPaymentCauseText: z.string().trim().max(2000).optional(),
    notes: z.string().trim().max(10_000).optional(),
    objections: z.array(ObjectionHeardSchema).max(20).default([]),
    isAggressive: z.boolean().default(false),
    /** The collector read the warnings (hopeless promise …) and saves anyway. */
    acknowledgeWarnings: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'gatekeeper' && !value.callbackAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['callbackAt'],
        message: 'a gatekeeper call needs a callback time',
      });
    }
    if (value.agreement && value.outcome !== 'reached') {
      ctx.addIssue({
        code: 'custom',
        path: ['agreement'],
        message: 'only a call that reached the person has one',
      });
    }
    if (value.outcome === 'reached' && !value.agreement) {
      ctx.addIssue({ code: 'custom', path: ['agreement'], message: 'say what the person agreed to' });
    }
  });
export type RecordCallRequest = z.infer<typeof RecordCallRequestSchema>;
/** What a client sends: fields with a default may be left out. */
export type RecordCallInput = z.input<typeof RecordCallRequestSchema>;

export const RecordCallResponseSchema = z.object({
  /** False when the agreement has warnings that were not acknowledged: nothing was saved. */
  saved: z.boolean(),
  callId: z.uuid().nullable(),
  warnings: z.array(z.looseObject({ code: z.string() })),
  promiseId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  callbackTaskId: z.uuid().nullable(),
  disputeIds: z.array(z.uuid()),
  confirmationMessageId: z.uuid().nullable(),
  instalments: z.array(
    z.object({ number: z.number().int(), dueDate: CalendarDateSchema, amount: MoneySchema }),
  ),
});
export type RecordCallResponse = z.infer<typeof RecordCallResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Invoice copies (the "never saw the invoice" next action)

export const InvoiceCopiesRequestSchema = z.object({
  invoiceIds: z.array(z.uuid()).min(1).max(50),
  contactId: z.uuid().optional(),
});
export const InvoiceCopiesResponseSchema = z.object({ outboxMessageId: z.uuid(), toAddress: z.string() });

// ---------------------------------------------------------------------------------------------
// Call lock

export const CallLockRequestSchema = z.object({
  /** acquire (default), renew, or take_over (seniors). */
  action: z.enum(['acquire', 'renew', 'take_over']).default('acquire'),
});
export const CallLockResponseSchema = z.object({
  holderId: z.uuid(),
  expiresAt: InstantSchema,
  tookOverFrom: z.uuid().nullable(),
});
