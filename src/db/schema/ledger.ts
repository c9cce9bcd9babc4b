import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DEBTOR_KINDS,
  DISPUTE_STATUSES,
  DOCUMENT_KINDS,
  INVOICE_STATUSES,
  PAYMENT_STATUSES,
} from '../../core/ledger/enums.js';
import { INVOICE_PREFIX_PATTERN, NOT_ALPHANUMERIC_PATTERN } from '../../core/matching/keys.js';
import { cents, createdAt, orgId } from './columns.js';
import { countryEnum, languageEnum, users } from './organisations.js';

export const debtorKindEnum = pgEnum('debtor_kind', DEBTOR_KINDS);
export const documentKindEnum = pgEnum('document_kind', DOCUMENT_KINDS);
export const invoiceStatusEnum = pgEnum('invoice_status', INVOICE_STATUSES);
export const disputeStatusEnum = pgEnum('dispute_status', DISPUTE_STATUSES);
export const paymentStatusEnum = pgEnum('payment_status', PAYMENT_STATUSES);

export const debtors = pgTable(
  'debtors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    /** The customer number in the creditor's accounting package. */
    number: text('number').notNull(),
    name: text('name').notNull(),
    kind: debtorKindEnum('kind').notNull().default('business'),
    country: countryEnum('country').notNull(),
    language: languageEnum('language').notNull(),
    companyNumber: text('company_number'),
    vatNumber: text('vat_number'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    email: text('email'),
    phone: text('phone'),
    creditLimitCents: cents('credit_limit_cents'),
    paymentTermDays: integer('payment_term_days'),
    segment: text('segment'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    assignedCollectorId: uuid('assigned_collector_id').references(() => users.id, { onDelete: 'set null' }),
    notes: text('notes'),
    pauseUntil: date('pause_until', { mode: 'string' }),
    // Balances kept in step with the invoices by ledger.repo's refreshDebtorBalances, in the same
    // transaction as every change, so that lists and sorting at 200k debtors need no aggregation.
    openCents: cents('open_cents').notNull().default(0),
    overdueCents: cents('overdue_cents').notNull().default(0),
    oldestOverdueDueDate: date('oldest_overdue_due_date', { mode: 'string' }),
    openInvoiceCount: integer('open_invoice_count').notNull().default(0),
    balancesAsOf: date('balances_as_of', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('debtors_org_number_idx').on(t.orgId, t.number),
    // List orders: by overdue amount (also within a segment or a collector's debtors), by name,
    // by oldest overdue due date. ORDER BY must say "desc nulls last" to match these indexes.
    index('debtors_org_overdue_idx').on(t.orgId, t.overdueCents.desc(), t.id),
    index('debtors_org_oldest_overdue_idx').on(t.orgId, t.oldestOverdueDueDate),
    index('debtors_org_segment_overdue_idx').on(t.orgId, t.segment, t.overdueCents.desc(), t.id),
    index('debtors_org_collector_overdue_idx').on(
      t.orgId,
      t.assignedCollectorId,
      t.overdueCents.desc(),
      t.id,
    ),
    index('debtors_org_name_idx').on(t.orgId, t.name, t.id),
    index('debtors_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: uuid('debtor_id')
      .notNull()
      .references(() => debtors.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    /** E.164, e.g. +31201234567. */
    phone: text('phone'),
    phoneExtension: text('phone_extension'),
    mobile: text('mobile'),
    /** ISO weekdays 1 (Monday) … 7 (Sunday) on which the contact prefers to be called. */
    preferredCallDays: smallint('preferred_call_days').array().notNull().default(sql`'{}'::smallint[]`),
    /** Local clock times `HH:MM` in the debtor's time zone. */
    preferredCallFrom: text('preferred_call_from'),
    preferredCallUntil: text('preferred_call_until'),
    isCollectionsContact: boolean('is_collections_contact').notNull().default(false),
    gatekeeperNotes: text('gatekeeper_notes'),
    createdAt: createdAt(),
  },
  (t) => [index('contacts_debtor_idx').on(t.orgId, t.debtorId)],
);

/**
 * Invoices and credit notes. Amounts are signed: a credit note carries negative totals, so the
 * sum of `open_cents` over a debtor's documents is what the debtor owes.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: uuid('debtor_id')
      .notNull()
      .references(() => debtors.id, { onDelete: 'cascade' }),
    kind: documentKindEnum('kind').notNull().default('invoice'),
    number: text('number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    sentDate: date('sent_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    paymentTermDays: integer('payment_term_days'),
    currency: text('currency').notNull().default('EUR'),
    totalCents: cents('total_cents').notNull(),
    vatCents: cents('vat_cents').notNull().default(0),
    openCents: cents('open_cents').notNull(),
    paymentReference: text('payment_reference'),
    orderDescription: text('order_description'),
    deliveryNotes: text('delivery_notes'),
    salesAgreementNotes: text('sales_agreement_notes'),
    /** For a credit note: the number of the invoice it credits, when the document says so. */
    creditedInvoiceNumber: text('credited_invoice_number'),
    status: invoiceStatusEnum('status').notNull().default('open'),
    source: text('source').notNull().default('manual'),
    // Keys the bank matching looks up by index; the same normalisation as core/matching/keys.ts.
    paymentReferenceKey: text('payment_reference_key').generatedAlwaysAs(
      sql.raw(`nullif(upper(regexp_replace(payment_reference, '${NOT_ALPHANUMERIC_PATTERN}', '', 'g')), '')`),
    ),
    numberKey: text('number_key').generatedAlwaysAs(
      sql.raw(
        `nullif(ltrim(regexp_replace(upper(regexp_replace(number, '${NOT_ALPHANUMERIC_PATTERN}', '', 'g')), '${INVOICE_PREFIX_PATTERN}', ''), '0'), '')`,
      ),
    ),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_org_kind_number_idx').on(t.orgId, t.kind, t.number),
    index('invoices_debtor_idx').on(t.orgId, t.debtorId, t.dueDate),
    index('invoices_org_status_due_idx').on(t.orgId, t.status, t.dueDate),
    // The invoice list without filters, latest due date first.
    index('invoices_org_due_idx').on(t.orgId, t.dueDate, t.id),
    index('invoices_org_reference_idx').on(t.orgId, t.paymentReference),
    index('invoices_org_reference_key_idx')
      .on(t.orgId, t.paymentReferenceKey)
      .where(sql`${t.paymentReferenceKey} is not null`),
    index('invoices_org_number_key_idx').on(t.orgId, t.numberKey),
    // The call queue's fast-growing balances: what fell due in the last weeks and is still open,
    // read from the index alone.
    index('invoices_org_open_due_idx')
      .on(t.orgId, t.dueDate, t.debtorId, t.openCents)
      .where(sql`${t.kind} = 'invoice' and ${t.openCents} <> 0 and ${t.status} <> 'written_off'`),
    // A payment that names nothing is matched by its amount among open invoices, whose debtors
    // are read from the index alone.
    index('invoices_org_open_amount_idx')
      .on(t.orgId, t.openCents, t.debtorId)
      .where(sql`${t.kind} = 'invoice' and ${t.openCents} > 0 and ${t.status} <> 'written_off'`),
    // A payment that names a debtor's invoices may be offset against the debtor's open credit notes.
    index('invoices_org_open_credit_note_idx')
      .on(t.orgId, t.debtorId)
      .where(sql`${t.kind} = 'credit_note' and ${t.openCents} <> 0 and ${t.status} <> 'written_off'`),
    check('invoices_open_within_total', sql`abs(${t.openCents}) <= abs(${t.totalCents})`),
    check('invoices_credit_note_sign', sql`${t.kind} = 'invoice' or ${t.totalCents} <= 0`),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: uuid('debtor_id').references(() => debtors.id, { onDelete: 'set null' }),
    date: date('date', { mode: 'string' }).notNull(),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    reference: text('reference'),
    remittance: text('remittance'),
    method: text('method').notNull().default('manual'),
    status: paymentStatusEnum('status').notNull().default('unmatched'),
    /** Makes a repeated submission or re-imported statement entry a no-op. */
    idempotencyKey: text('idempotency_key'),
    /** For a reversal or returned direct debit: the payment it takes back. */
    reversesPaymentId: uuid('reverses_payment_id').references((): AnyPgColumn => payments.id, {
      onDelete: 'set null',
    }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_org_debtor_idx').on(t.orgId, t.debtorId, t.date),
    uniqueIndex('payments_org_idempotency_idx').on(t.orgId, t.idempotencyKey),
    // The matching learns which debtor an IBAN belongs to from earlier allocated payments.
    index('payments_org_iban_idx')
      .on(t.orgId, t.counterpartyIban, t.debtorId)
      .where(sql`${t.counterpartyIban} is not null and ${t.debtorId} is not null`),
  ],
);

export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    amountCents: cents('amount_cents').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('allocations_payment_idx').on(t.orgId, t.paymentId),
    index('allocations_invoice_idx').on(t.orgId, t.invoiceId),
  ],
);

export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    debtorId: uuid('debtor_id')
      .notNull()
      .references(() => debtors.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    description: text('description'),
    status: disputeStatusEnum('status').notNull().default('open'),
    resolution: text('resolution'),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('disputes_invoice_idx').on(t.orgId, t.invoiceId),
    index('disputes_debtor_idx').on(t.orgId, t.debtorId),
  ],
);

/** Append-only history of a debtor; a trigger refuses UPDATE and DELETE. */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: orgId(),
    debtorId: uuid('debtor_id')
      .notNull()
      .references(() => debtors.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id'),
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** Who did it, as shown to people: a user's name, "import", "system". */
    actorLabel: text('actor_label').notNull(),
    summary: text('summary').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('timeline_debtor_idx').on(t.orgId, t.debtorId, t.occurredAt)],
);

/** One row per import of a file: the counts and the per-row errors shown on the import screen. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    userId: uuid('user_id'),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`).$type<unknown[]>(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_runs_org_idx').on(t.orgId, t.startedAt)],
);
