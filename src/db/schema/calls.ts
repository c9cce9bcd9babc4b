import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CALL_OUTCOMES, CALL_RESULTS } from '../../core/calls/call-outcomes.js';
import { NON_PAYMENT_CAUSES, OBJECTION_CODES } from '../../core/calls/objections/objection-library.js';
import type { ObjectionTextOverride } from '../../core/calls/objections/objection-overrides.js';
import type { ScriptOverride } from '../../core/calls/scripts/script-overrides.js';
import { SCRIPT_SITUATIONS } from '../../core/calls/scripts/script-types.js';
import { createdAt, orgId } from './columns.js';
import { outboxMessages, paymentPlans, promises } from './dunning.js';
import { contacts, debtors } from './ledger.js';
import { languageEnum, users } from './organisations.js';

export const callOutcomeEnum = pgEnum('call_outcome', CALL_OUTCOMES);
export const callResultEnum = pgEnum('call_result', CALL_RESULTS);
export const nonPaymentCauseEnum = pgEnum('non_payment_cause', NON_PAYMENT_CAUSES);
export const objectionCodeEnum = pgEnum('objection_code', OBJECTION_CODES);
export const scriptSituationEnum = pgEnum('script_situation', SCRIPT_SITUATIONS);

const debtorId = () =>
  uuid('debtor_id')
    .notNull()
    .references(() => debtors.id, { onDelete: 'cascade' });

/** Every call made from the workbench (R20): the answer history, the prep sheet and the reports read it. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    collectorId: uuid('collector_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationSeconds: integer('duration_seconds').notNull().default(0),
    outcome: callOutcomeEnum('outcome').notNull(),
    result: callResultEnum('result'),
    nonPaymentCause: nonPaymentCauseEnum('non_payment_cause'),
    nonPaymentCauseText: text('non_payment_cause_text'),
    notes: text('notes'),
    /** The debtor's local hour (0–23) and ISO weekday when the call started: the answer history. */
    localHour: smallint('local_hour').notNull(),
    localWeekday: smallint('local_weekday').notNull(),
    isAggressive: boolean('is_aggressive').notNull().default(false),
    /** What the agreement was in figures (promise, instalments, disputed invoices), as recorded. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    promiseId: uuid('promise_id').references(() => promises.id, { onDelete: 'set null' }),
    planId: uuid('plan_id').references(() => paymentPlans.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('calls_debtor_idx').on(t.orgId, t.debtorId, t.startedAt)],
);

/** The objections heard in a call and the counter the collector used: the library learns from them. */
export const callObjections = pgTable(
  'call_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    objection: objectionCodeEnum('objection').notNull(),
    counterId: text('counter_id'),
    /** The promise the call ended in; whether it was kept tells how well the counter worked. */
    promiseId: uuid('promise_id').references(() => promises.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('call_objections_debtor_idx').on(t.orgId, t.debtorId),
    index('call_objections_counter_idx').on(t.orgId, t.counterId),
  ],
);

/** "Being called": one lease per debtor, so two colleagues never call the same debtor at once. */
export const callLocks = pgTable(
  'call_locks',
  {
    orgId: orgId(),
    debtorId: debtorId(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.debtorId] })],
);

/**
 * The confirmation asked for after an agreement (003#4, 004#12): the email, the unguessable link
 * (only its SHA-256 is kept) and when the debtor clicked it. Not confirmed within the
 * organisation's term (`confirmationWithinBusinessDays` in force, counted from `sentOn`) → a task;
 * `confirmBy` keeps the day the term ended when it was sent.
 */
export const agreementConfirmations = pgTable(
  'agreement_confirmations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    promiseId: uuid('promise_id').references(() => promises.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id').references(() => paymentPlans.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    outboxMessageId: uuid('outbox_message_id').references(() => outboxMessages.id, {
      onDelete: 'set null',
    }),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    confirmBy: date('confirm_by', { mode: 'string' }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agreement_confirmations_token_idx').on(t.tokenHash),
    index('agreement_confirmations_pending_idx')
      .on(t.orgId, t.confirmBy)
      .where(sql`${t.confirmedAt} is null`),
  ],
);

/**
 * The collector's own look back at a call (R21, 003#5): what went well, what to do better. One per
 * call, written by its collector (or a senior); a senior marks it reviewed with a comment.
 */
export const callEvaluations = pgTable(
  'call_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: debtorId(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    wentWell: text('went_well'),
    toImprove: text('to_improve'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('call_evaluations_call_idx').on(t.callId),
    index('call_evaluations_org_idx').on(t.orgId, t.createdAt),
  ],
);

/** A senior's wording of a script situation in one language: the sections given replace the default's. */
export const callScriptOverrides = pgTable(
  'call_script_overrides',
  {
    orgId: orgId(),
    situation: scriptSituationEnum('situation').notNull(),
    language: languageEnum('language').notNull(),
    sections: jsonb('sections').$type<ScriptOverride>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.situation, t.language] })],
);

/** A senior's wording of an objection in one language: label, how it is heard, counters by key. */
export const objectionTextOverrides = pgTable(
  'objection_text_overrides',
  {
    orgId: orgId(),
    objection: objectionCodeEnum('objection').notNull(),
    language: languageEnum('language').notNull(),
    texts: jsonb('texts').$type<ObjectionTextOverride>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.objection, t.language] })],
);
