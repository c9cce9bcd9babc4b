import { randomInt } from 'node:crypto';
import type { CalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import {
  allocations,
  contacts,
  debtors,
  disputes,
  invoices,
  organisations,
  payments,
  timelineEvents,
} from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import { hashPassword } from '../auth/passwords.js';
import { refreshDebtorBalances } from '../ledger/balances.repo.js';
import {
  addMemberships,
  findUsersByEmail,
  hasAnyOrganisation,
  insertRows,
  insertUser,
  isOrganisationSlugTaken,
  lockDemoSeeding,
} from './demo.repo.js';
import type { DemoCollector } from './demo-debtors.js';
import { type DemoPortfolioSpec, demoOrganisation, demoStaff, generateDemoChunks } from './demo-generator.js';
import { DEMO_ADMIN_EMAIL, DEMO_PROFILE_SPECS, type DemoProfileName } from './demo-organisations.js';

export type DemoLogin = { email: string; password: string };

export type SeedDemoOptions = {
  debtors: number;
  invoices: number;
  seed: number;
  today: CalendarDate;
  profile?: DemoProfileName;
  /** Defaults to the profile's slug ("van-der-berg"). */
  orgSlug?: string;
  /** Password of the demo users created now; a random one when absent. */
  password?: string;
  /** Debtors per generated chunk; memory grows with it, not with the portfolio. */
  chunkSize?: number;
  onProgress?: (progress: { debtors: number; invoices: number }) => void;
};

export type DemoCounts = {
  debtors: number;
  contacts: number;
  invoices: number;
  creditNotes: number;
  payments: number;
  allocations: number;
  disputes: number;
  timelineEvents: number;
};

export type SeedDemoResult = {
  organisation: { id: string; slug: string; name: string };
  users: { email: string; name: string; role: string; isNew: boolean }[];
  counts: DemoCounts;
  /** The password of the demo admin when this run created it; undefined when it existed already. */
  login: DemoLogin | undefined;
};

export const DEFAULT_DEMO = { debtors: 300, invoices: 2000, seed: 1 } as const;
/** The second, Belgian tenant that `ensureDemoPortfolio` adds to show multi-tenancy. */
const SECOND_TENANT = { profile: 'facility-be', debtors: 60, invoices: 400 } as const;

/**
 * Generates a demo portfolio and writes it in one transaction, chunk by chunk with multi-row
 * inserts, then brings the debtors' balance columns up to date. Memory stays flat whatever the
 * size: only one chunk of debtors with their documents is in memory at a time.
 */
export async function seedDemoPortfolio(deps: { db: Db }, options: SeedDemoOptions): Promise<SeedDemoResult> {
  return deps.db.transaction((tx) => writeDemoPortfolio(tx as unknown as Db, options));
}

/**
 * On a database without any organisation, seeds the default demo (a Dutch and a Belgian tenant)
 * and returns the login to print; otherwise does nothing and returns undefined.
 */
export async function ensureDemoPortfolio(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { password?: string } = {},
): Promise<DemoLogin | undefined> {
  return deps.db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await lockDemoSeeding(tx);
    if (await hasAnyOrganisation(tx)) return undefined;
    const password = options.password ?? generateDemoPassword();
    const today = deps.clock.today('Europe/Amsterdam');
    const main = await writeDemoPortfolio(tx, { ...DEFAULT_DEMO, today, password });
    await writeDemoPortfolio(tx, { ...SECOND_TENANT, seed: DEFAULT_DEMO.seed, today, password });
    return main.login;
  });
}

async function writeDemoPortfolio(tx: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const profileName = options.profile ?? 'installation-nl';
  const profile = DEMO_PROFILE_SPECS[profileName];
  const spec: DemoPortfolioSpec = {
    profile: profileName,
    seed: options.seed,
    orgSlug: options.orgSlug ?? profile.defaultSlug,
    debtors: options.debtors,
    invoices: options.invoices,
    today: options.today,
  };
  if (await isOrganisationSlugTaken(tx, spec.orgSlug)) {
    throw new AppError('CONFLICT', `an organisation with slug "${spec.orgSlug}" exists already`, [
      { field: 'orgSlug', message: 'choose another slug with --org-slug' },
    ]);
  }
  const organisation = demoOrganisation(spec);
  await tx.insert(organisations).values(organisation);

  // Users are shared between organisations (a collection firm's staff work for several), so the
  // demo admin of a second tenant is the same account; only new accounts get a password.
  const password = options.password ?? generateDemoPassword();
  const staff = demoStaff(spec);
  const existing = await findUsersByEmail(
    tx,
    staff.map((s) => s.email),
  );
  const resultUsers: SeedDemoResult['users'] = [];
  const collectors: DemoCollector[] = [];
  const members: { orgId: string; userId: string; role: (typeof staff)[number]['role'] }[] = [];
  let login: DemoLogin | undefined;
  for (const member of staff) {
    const found = existing.get(member.email.toLowerCase());
    const userId =
      found?.id ??
      (await insertUser(tx, {
        email: member.email,
        name: member.name,
        language: member.language,
        passwordHash: await hashPassword(password),
      }));
    members.push({ orgId: organisation.id, userId, role: member.role });
    resultUsers.push({
      email: member.email,
      name: found?.name ?? member.name,
      role: member.role,
      isNew: !found,
    });
    if (member.role === 'senior_collector' || member.role === 'collector') {
      collectors.push({ id: userId, name: found?.name ?? member.name, role: member.role });
    }
    if (member.email === DEMO_ADMIN_EMAIL && !found) login = { email: member.email, password };
  }
  await addMemberships(tx, members);

  const counts: DemoCounts = {
    debtors: 0,
    contacts: 0,
    invoices: 0,
    creditNotes: 0,
    payments: 0,
    allocations: 0,
    disputes: 0,
    timelineEvents: 0,
  };
  const chunks = generateDemoChunks(spec, {
    orgId: organisation.id,
    collectors,
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  });
  for (const chunk of chunks) {
    await insertRows(tx, debtors, chunk.debtors);
    await insertRows(tx, contacts, chunk.contacts);
    await insertRows(tx, invoices, chunk.invoices);
    await insertRows(tx, payments, chunk.payments);
    await insertRows(tx, allocations, chunk.allocations);
    await insertRows(tx, disputes, chunk.disputes);
    await insertRows(tx, timelineEvents, chunk.timeline);
    counts.debtors += chunk.debtors.length;
    counts.contacts += chunk.contacts.length;
    for (const document of chunk.invoices) {
      if (document.kind === 'credit_note') counts.creditNotes++;
      else counts.invoices++;
    }
    counts.payments += chunk.payments.length;
    counts.allocations += chunk.allocations.length;
    counts.disputes += chunk.disputes.length;
    counts.timelineEvents += chunk.timeline.length;
    options.onProgress?.({ debtors: counts.debtors, invoices: counts.invoices });
  }
  await refreshDebtorBalances(tx, { orgId: organisation.id, today: spec.today });
  return {
    organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
    users: resultUsers,
    counts,
    login,
  };
}

/** A random password such as `kwpz-7hdm-ra4x`: easy to type from a console, 60 bits of entropy. */
export function generateDemoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}
