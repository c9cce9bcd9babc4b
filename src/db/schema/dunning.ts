import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PLAN_INTERVALS } from '../../core/calls/plan-schedule.js';
import {
  ACTION_STATUSES,
  CALL_TASK_REASONS,
  INSTALMENT_STATUSES,
  OUTBOX_STATUSES,
  PLAN_ORIGINS,
  PLAN_STATUSES,
  POLICY_REGIMES,
  PROMISE_STATUSES,
  RUN_STATUSES,
  STEP_ANCHORS,
  STEP_CHANNELS,
  TASK_STATUSES,
} from '../../core/dunning/enums.js';
import { LETTER_KINDS, TONES } from '../../core/dunning/letter.js';
import { cents, createdAt, orgId } from './columns.js';
import { contacts, debtorKindEnum, debtors, disputes, invoices } from './ledger.js';
import { users } from './organisations.js';

export const stepChannelEnum = pgEnum('step_channel', STEP_CHANNELS);
export const stepAnchorEnum = pgEnum('step_anchor', STEP_ANCHORS);
export const policyRegimeEnum = pgEnum('policy_regime', POLICY_REGIMES);
export const letterKindEnum = pgEnum('letter_kind', LETTER_KINDS);
export const toneEnum = pgEnum('tone', TONES);
export const actionStatusEnum = pgEnum('action_status', ACTION_STATUSES);
export const runStatusEnum = pgEnum('run_status', RUN_STATUSES);
export const outboxStatusEnum = pgEnum('outbox_status', OUTBOX_STATUSES);
export const callTaskReasonEnum = pgEnum('call_task_reason', CALL_TASK_REASONS);
export const taskStatusEnum = pgEnum('task_status', TASK_STATUSES);
export const promiseStatusEnum = pgEnum('promise_status', PROMISE_STATUSES);
export const planStatusEnum = pgEnum('plan_status', PLAN_STATUSES);
export const planIntervalEnum = pgEnum('plan_interval', PLAN_INTERVALS);
export const planOriginEnum = pgEnum('plan_origin', PLAN_ORIGINS);
export const instalmentStatusEnum = pgEnum('instalment_status', INSTALMENT_STATUSES);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
const debtorId = () =>
  uuid('debtor_id')
    .notNull()
    .references(() => debtors.id, { onDelete: 'cascade' });

/**
 * A dunning policy: the ordered steps an overdue invoice goes through. A debtor follows the active
 * policy for its kind (business/consumer) and segment with the lowest
 * priority number (a policy without segment matches every segment).
 */
export const dunningPolicies = pgTable(
  'dunning_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description'),
    regime: policyRegimeEnum('regime').notNull(),
    debtorKind: debtorKindEnum('debtor_kind').notNull(),
    segment: text('segment'),
    priority: integer('priority').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dunning_policies_org_name_idx').on(t.orgId, t.name)],
);

export const dunningSteps = pgTable(
  'dunning_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => dunningPolicies.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    anchor: stepAnchorEnum('anchor').notNull(),
    /** Days after the anchor (negative before the due date, for a friendly pre-due notice). */
    offsetDays: integer('offset_days').notNull(),
    channel: stepChannelEnum('channel').notNull(),
    letterKind: letterKindEnum('letter_kind'),
    tone: toneEnum('tone').notNull().default('neutral'),
    /** The new payment term the letter gives, in days from the letter date. */
    deadlineDays: integer('deadline_days').notNull().default(10),
    /** The step applies only when the debtor's open items at this step add up to at least this. */
    minOpenCents: cents('min_open_cents').notNull().default(0),
    /** Statutory costs and interest are claimed in this step's letter (a formal demand). */
    claimsCosts: boolean('claims_costs').notNull().default(false),
    skipWhenDisputed: boolean('skip_when_disputed').notNull().default(true),
    skipWhenPromised: boolean('skip_when_promised').notNull().default(true),
    skipWhenPlanned: boolean('skip_when_planned').notNull().default(true),
  },
  (t) => [uniqueIndex('dunning_steps_policy_position_idx').on(t.policyId, t.position)],
);

/** One run per organisation and date: what was decided, and whether it went out. */
export const dunningRuns = pgTable(
  'dunning_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    status: runStatusEnum('status').notNull().default('planned'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('dunning_runs_org_date_idx').on(t.orgId, t.runDate)],
);

/**
 * One action per debtor, step and run date: all the debtor's invoices at that step in one message.
 *
 * No foreign keys here nor on dunning_action_invoices: the daily run writes tens of thousands of
 * rows in one statement from the debtors, steps, run and invoices that statement has just read, and
 * PostgreSQL checks a foreign key row by row (it took longer than the whole decision). What the
 * keys did on the other side is kept, set-based, by statement triggers (the migration
 * dunning_action_references): deleting a debtor, run, invoice or action removes what hangs on
 * it, and a step that actions point to cannot be deleted.
 */
export const dunningActions = pgTable(
  'dunning_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    runId: uuid('run_id').notNull(),
    debtorId: uuid('debtor_id').notNull(),
    stepId: uuid('step_id').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    channel: stepChannelEnum('channel').notNull(),
    status: actionStatusEnum('status').notNull().default('planned'),
    openCents: cents('open_cents').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    /** What the action produced: the message, the call task, and the reason it was cancelled. */
    outboxMessageId: uuid('outbox_message_id'),
    callTaskId: uuid('call_task_id'),
    note: text('note'),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    // Also serves "the actions of this debtor" (prefix org, debtor).
    uniqueIndex('dunning_actions_once_idx').on(t.orgId, t.debtorId, t.stepId, t.runDate),
    index('dunning_actions_run_idx').on(t.runId, t.status),
  ],
);

/**
 * Which invoices an action is about. The unique (invoice, step) is the idempotency rule: an invoice
 * passes each step of its policy once, whatever runs, re-runs and crashes happen.
 */
export const dunningActionInvoices = pgTable(
  'dunning_action_invoices',
  {
    // No foreign keys: see dunningActions.
    orgId: uuid('org_id').notNull(),
    actionId: uuid('action_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    stepId: uuid('step_id').notNull(),
    position: integer('position').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    openCents: cents('open_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.invoiceId] }),
    // Also serves "the steps of this invoice" (prefix org, invoice).
    uniqueIndex('dunning_action_invoices_once_idx').on(t.orgId, t.invoiceId, t.stepId),
  ],
);

/** Generated documents (letters as PDF), kept so what was sent can be shown again exactly. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    actionId: uuid('action_id').references(() => dunningActions.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull().default('application/pdf'),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('documents_debtor_idx').on(t.orgId, t.debtorId)],
);

/** Emails to send (or sent) and paper letters to print; the UI shows it as the outbox. */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    actionId: uuid('action_id').references(() => dunningActions.id, { onDelete: 'set null' }),
    status: outboxStatusEnum('status').notNull(),
    toAddress: text('to_address'),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    smtpMessageId: text('smtp_message_id'),
    /** A message asked for by a person (an invoice copy): a repeat of the request sends nothing twice. */
    idempotencyKey: text('idempotency_key'),
    /** What that request asked for (a hash), so that a key reused for another request is refused. */
    requestFingerprint: text('request_fingerprint'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_messages_action_idx').on(t.actionId),
    uniqueIndex('outbox_messages_org_idempotency_idx')
      .on(t.orgId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('outbox_messages_org_status_idx').on(t.orgId, t.status, t.createdAt),
  ],
);

/** Work for a collector: a call the policy asks for, or a contact to fix after a bounce. */
export const callTasks = pgTable(
  'call_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    reason: callTaskReasonEnum('reason').notNull(),
    status: taskStatusEnum('status').notNull().default('open'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    actionId: uuid('action_id').references(() => dunningActions.id, { onDelete: 'set null' }),
    outboxMessageId: uuid('outbox_message_id').references(() => outboxMessages.id, {
      onDelete: 'set null',
    }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** A callback agreed with a gatekeeper: due at this exact moment, not just on `dueDate`. */
    callbackAt: timestamp('callback_at', { withTimezone: true }),
    /** The row the task is about: the call that agreed a callback, a promise, a plan, a dispute. */
    callId: uuid('call_id'),
    promiseId: uuid('promise_id').references(() => promises.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id').references(() => paymentPlans.id, { onDelete: 'cascade' }),
    disputeId: uuid('dispute_id').references(() => disputes.id, { onDelete: 'cascade' }),
    /** The collector who agreed a callback keeps it; null: whoever the day's routing gives it to. */
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('call_tasks_org_status_due_idx').on(t.orgId, t.status, t.dueDate),
    uniqueIndex('call_tasks_action_idx').on(t.actionId),
    uniqueIndex('call_tasks_outbox_idx').on(t.outboxMessageId),
    // One task per reason and source row: the daily follow-up may run twice without doubling.
    uniqueIndex('call_tasks_call_once_idx').on(t.reason, t.callId).where(sql`${t.callId} is not null`),
    uniqueIndex('call_tasks_promise_once_idx')
      .on(t.reason, t.promiseId)
      .where(sql`${t.promiseId} is not null`),
    uniqueIndex('call_tasks_plan_once_idx').on(t.reason, t.planId).where(sql`${t.planId} is not null`),
    uniqueIndex('call_tasks_dispute_once_idx')
      .on(t.reason, t.disputeId)
      .where(sql`${t.disputeId} is not null`),
    // The queue and the prep sheet look up a debtor's open tasks.
    index('call_tasks_debtor_open_idx').on(t.orgId, t.debtorId).where(sql`${t.status} = 'open'`),
  ],
);

/** A promise to pay by a date; while open, dunning leaves its invoices alone. */
export const promises = pgTable(
  'promises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    amountCents: cents('amount_cents').notNull(),
    promisedDate: date('promised_date', { mode: 'string' }).notNull(),
    /** The first day the promise counts as broken without full payment (promiseBreaksOn). */
    breaksOn: date('breaks_on', { mode: 'string' }),
    /** Paid towards the promise by `breaksOn`. */
    paidCents: cents('paid_cents').notNull().default(0),
    /** Who made the promise, and how they said they would pay. */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    method: text('method'),
    status: promiseStatusEnum('status').notNull().default('open'),
    note: text('note'),
    /** The aftercare thank-you once the promise is kept, when the organisation sends them (sent once). */
    thankYouMessageId: uuid('thank_you_message_id').references(() => outboxMessages.id, {
      onDelete: 'set null',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('promises_debtor_idx').on(t.orgId, t.debtorId, t.status),
    // The daily follow-up finds the open promises that break today.
    index('promises_org_status_breaks_idx').on(t.orgId, t.status, t.breaksOn),
  ],
);

export const promiseInvoices = pgTable(
  'promise_invoices',
  {
    orgId: orgId(),
    promiseId: uuid('promise_id')
      .notNull()
      .references(() => promises.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.promiseId, t.invoiceId] }),
    index('promise_invoices_invoice_idx').on(t.orgId, t.invoiceId),
  ],
);

/**
 * A payment plan (instalments); while active or in arrears, dunning leaves its invoices alone.
 * Payments allocated to its invoices from `createdAt` on count towards it (`paidCents`).
 */
export const paymentPlans = pgTable(
  'payment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    status: planStatusEnum('status').notNull().default('active'),
    totalCents: cents('total_cents').notNull(),
    downPaymentCents: cents('down_payment_cents').notNull().default(0),
    /** Null for a schedule of explicit instalments. */
    interval: planIntervalEnum('interval'),
    /** Business days after a missed instalment's due date before the plan breaks. */
    graceDays: integer('grace_days').notNull().default(10),
    paidCents: cents('paid_cents').notNull().default(0),
    /** Due date of the first missed instalment, while in arrears. */
    inArrearsSince: date('in_arrears_since', { mode: 'string' }),
    brokenOn: date('broken_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    origin: planOriginEnum('origin').notNull().default('dossier'),
    /** The call the plan was agreed in (the calls log is the workbench's). */
    callId: uuid('call_id'),
    /** The warnings the collector read and accepted when creating it. */
    acknowledgedWarnings: jsonb('acknowledged_warnings').$type<unknown[]>().notNull().default([]),
    /** The aftercare thank-you once the plan is completed (sent once). */
    thankYouMessageId: uuid('thank_you_message_id').references(() => outboxMessages.id, {
      onDelete: 'set null',
    }),
    /** The confirmation letter sent when the plan was made. */
    letterDocumentId: uuid('letter_document_id').references(() => documents.id, { onDelete: 'set null' }),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('payment_plans_debtor_idx').on(t.orgId, t.debtorId, t.status),
    // The daily monitoring reads the plans still running. (Not a partial index on them: a new enum
    // value cannot be used in the migration that adds it.)
    index('payment_plans_org_status_idx').on(t.orgId, t.status),
  ],
);

/** A plan's instalments, paid in order by what is allocated to the plan's invoices. */
export const paymentPlanInstalments = pgTable(
  'payment_plan_instalments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => paymentPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    paidCents: cents('paid_cents').notNull().default(0),
    status: instalmentStatusEnum('status').notNull().default('open'),
    /** The date of the payment that completed it. */
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('payment_plan_instalments_plan_number_idx').on(t.planId, t.number)],
);

export const paymentPlanInvoices = pgTable(
  'payment_plan_invoices',
  {
    orgId: orgId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => paymentPlans.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.invoiceId] }),
    index('payment_plan_invoices_invoice_idx').on(t.orgId, t.invoiceId),
  ],
);
