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
import type { CallSettingsOverrides } from '../../core/calls/call-settings.js';
import { SKILL_LEVELS } from '../../core/calls/routing.js';
import { DUNNING_MODES } from '../../core/dunning/enums.js';
import { COUNTRIES, LANGUAGES, PAYMENT_REFERENCE_KINDS, ROLES } from '../../core/ledger/enums.js';

export const countryEnum = pgEnum('country', COUNTRIES);
export const languageEnum = pgEnum('language', LANGUAGES);
export const roleEnum = pgEnum('role', ROLES);
export const dunningModeEnum = pgEnum('dunning_mode', DUNNING_MODES);
export const paymentReferenceKindEnum = pgEnum('payment_reference_kind', PAYMENT_REFERENCE_KINDS);
export const skillLevelEnum = pgEnum('skill_level', SKILL_LEVELS);

/** The tenant: one creditor company. A collection firm has one per client. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  country: countryEnum('country').notNull(),
  defaultLanguage: languageEnum('default_language').notNull().default('nl'),
  creditorName: text('creditor_name').notNull(),
  addressLine: text('address_line'),
  postalCode: text('postal_code'),
  city: text('city'),
  iban: text('iban'),
  bic: text('bic'),
  senderEmail: text('sender_email'),
  companyNumber: text('company_number'),
  vatNumber: text('vat_number'),
  paymentReferenceKind: paymentReferenceKindEnum('payment_reference_kind').notNull().default('none'),
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  /** review: each day's dunning run waits for approval; automatic: it goes out by itself. */
  dunningMode: dunningModeEnum('dunning_mode').notNull().default('review'),
  /** Local time (HH:MM, in timeZone) of the daily dunning run. */
  dunningRunTime: text('dunning_run_time').notNull().default('07:00'),
  /** Whether the creditor deducts VAT: if not, VAT is added to the statutory collection costs. */
  canDeductVat: boolean('can_deduct_vat').notNull().default(true),
  /** Bank matching: a match scoring this (0–100) or more is allocated without asking anyone. */
  autoMatchThreshold: smallint('auto_match_threshold').notNull().default(90),
  /**
   * The day up to which every debtor's balance columns are current: "overdue" moves with the
   * date, so the first list of a new day recomputes them (refreshDebtorBalances without debtorIds).
   */
  balancesAsOf: date('balances_as_of', { mode: 'string' }),
  /** The workbench rules this organisation changes from the defaults (validated by callSettingsSchema). */
  callSettings: jsonb('call_settings').$type<CallSettingsOverrides>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    language: languageEnum('language').notNull().default('nl'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').using('btree', sql`lower(${t.email})`)],
);

/** A user may work for several organisations (collection firms), with a role in each. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    /** The calls this member may take (004#1); null: what the role gives (defaultSkillLevel). */
    callSkillLevel: skillLevelEnum('call_skill_level'),
    /** How many calls a day the member's queue holds; null: the routing default. */
    callsPerDay: integer('calls_per_day'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/** Browser sessions: the cookie holds a random id whose SHA-256 is stored here. */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Tokens for integrations; only the SHA-256 of the token is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  role: roleEnum('role').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Saved column mappings for imports, per organisation and kind of file. */
export const importMappings = pgTable(
  'import_mappings',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mapping: jsonb('mapping').notNull().$type<Record<string, string>>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind] })],
);
