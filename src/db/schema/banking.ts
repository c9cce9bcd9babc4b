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
import { BALANCE_CHECK_RESULTS, type MatchReason } from '../../core/matching/enums.js';
import type { BankCsvMapping } from '../../modules/banking/formats/bank-csv-mapping.js';
import { BANK_FILE_FORMATS } from '../../modules/banking/formats/bank-statement.js';
import { cents, createdAt, orgId } from './columns.js';
import { payments } from './ledger.js';
import { users } from './organisations.js';

export const bankFileFormatEnum = pgEnum('bank_file_format', BANK_FILE_FORMATS);
export const balanceCheckEnum = pgEnum('balance_check_result', BALANCE_CHECK_RESULTS);

export type BankImportError = { file: string; entry: string; message: string };

/** One imported statement file: what it held and what went wrong, for the import screen. */
export const bankFiles = pgTable(
  'bank_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file imported again is recognised at once. */
    sha256: text('sha256').notNull(),
    format: bankFileFormatEnum('format').notNull(),
    statementCount: integer('statement_count').notNull().default(0),
    entryCount: integer('entry_count').notNull().default(0),
    newEntryCount: integer('new_entry_count').notNull().default(0),
    duplicateCount: integer('duplicate_count').notNull().default(0),
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`).$type<BankImportError[]>(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bank_files_org_idx').on(t.orgId, t.importedAt),
    index('bank_files_sha_idx').on(t.orgId, t.sha256),
  ],
);

/** A statement (one account, one period) inside a file, with its balance check. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => bankFiles.id, { onDelete: 'cascade' }),
    place: text('place').notNull(),
    statementId: text('statement_id'),
    accountIban: text('account_iban'),
    accountNumber: text('account_number'),
    currency: text('currency').notNull(),
    openingCents: cents('opening_cents'),
    openingDate: date('opening_date', { mode: 'string' }),
    closingCents: cents('closing_cents'),
    closingDate: date('closing_date', { mode: 'string' }),
    entryCount: integer('entry_count').notNull().default(0),
    entriesCents: cents('entries_cents').notNull().default(0),
    balanceCheck: balanceCheckEnum('balance_check').notNull().default('not_given'),
  },
  (t) => [index('bank_statements_file_idx').on(t.orgId, t.fileId)],
);

/**
 * A statement line as the bank gave it. Money received (and money taken back: reversals, returned
 * direct debits) also becomes a row in `payments`, which the matching allocates; other debits
 * (the creditor's own spending) stay here only. `dedup_key` makes a re-imported or overlapping
 * statement add nothing twice.
 */
export const bankEntries = pgTable(
  'bank_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => bankStatements.id, { onDelete: 'cascade' }),
    dedupKey: text('dedup_key').notNull(),
    place: text('place').notNull(),
    bookingDate: date('booking_date', { mode: 'string' }).notNull(),
    valueDate: date('value_date', { mode: 'string' }),
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    isReversal: boolean('is_reversal').notNull().default(false),
    returnReason: text('return_reason'),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    counterpartyAccountNumber: text('counterparty_account_number'),
    counterpartyBic: text('counterparty_bic'),
    structuredReference: text('structured_reference'),
    /** camt: one structured reference per referred document when a payment covers several. */
    additionalStructuredReferences: text('additional_structured_references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    remittance: text('remittance'),
    endToEndId: text('end_to_end_id'),
    bankReference: text('bank_reference'),
    transactionCode: text('transaction_code'),
    paymentId: uuid('payment_id').references(() => payments.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bank_entries_org_dedup_idx').on(t.orgId, t.dedupKey),
    uniqueIndex('bank_entries_payment_idx').on(t.paymentId),
    index('bank_entries_statement_idx').on(t.orgId, t.statementId),
    // A reversal or returned direct debit finds the payment it takes back by its end-to-end id.
    index('bank_entries_end_to_end_idx').on(t.orgId, t.endToEndId).where(sql`${t.endToEndId} is not null`),
  ],
);

/** What the matching proposes for a payment it did not allocate by itself, best first. */
export const matchSuggestions = pgTable(
  'match_suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: orgId(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    rank: smallint('rank').notNull(),
    /** 0–100; the organisation allocates automatically from its threshold up. */
    score: smallint('score').notNull(),
    reasons: text('reasons').array().notNull().$type<MatchReason[]>(),
    debtorId: uuid('debtor_id'),
    invoiceIds: uuid('invoice_ids').array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('match_suggestions_payment_rank_idx').on(t.orgId, t.paymentId, t.rank)],
);

/** Bank CSV column mappings saved per organisation (one per bank layout the creditor uses). */
export const bankCsvMappings = pgTable(
  'bank_csv_mappings',
  {
    orgId: orgId(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').notNull().$type<BankCsvMapping>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.name] })],
);
