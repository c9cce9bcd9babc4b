import { randomBytes } from 'node:crypto';
import type { Role } from '../core/ledger/enums.js';
import type { Db } from '../db/client.js';
import { contacts, debtors, invoices, memberships, organisations, users } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';

/**
 * Test data with sensible defaults: pass only what a test is about. Every factory inserts one row
 * and returns it as stored. Unique fields (slug, email, numbers) get a random suffix.
 */
const unique = () => randomBytes(4).toString('hex');

export type OrganisationRow = typeof organisations.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type DebtorRow = typeof debtors.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;

export async function createOrganisation(
  db: Db,
  values: Partial<typeof organisations.$inferInsert> = {},
): Promise<OrganisationRow> {
  const suffix = unique();
  const [row] = await db
    .insert(organisations)
    .values({
      slug: `org-${suffix}`,
      name: `Organisation ${suffix}`,
      country: 'NL',
      creditorName: `Creditor ${suffix} BV`,
      ...values,
    })
    .returning();
  if (!row) throw new Error('no organisation inserted');
  return row;
}

// Hashing with argon2id costs ~50 ms; tests mostly share one password, so hash it once.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
};

export const TEST_PASSWORD = 'correct horse battery staple';

/** A user with a password and a membership with `role` in `orgId` (when given). */
export async function createUser(
  db: Db,
  options: {
    orgId?: string;
    role?: Role;
    email?: string;
    name?: string;
    password?: string;
    values?: Partial<typeof users.$inferInsert>;
  } = {},
): Promise<UserRow & { password: string }> {
  const suffix = unique();
  const password = options.password ?? TEST_PASSWORD;
  const [row] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${suffix}@example.test`,
      name: options.name ?? `User ${suffix}`,
      passwordHash: await hashOnce(password),
      ...options.values,
    })
    .returning();
  if (!row) throw new Error('no user inserted');
  if (options.orgId)
    await addMembership(db, { orgId: options.orgId, userId: row.id, role: options.role ?? 'admin' });
  return { ...row, password };
}

export async function addMembership(
  db: Db,
  values: { orgId: string; userId: string; role: Role },
): Promise<void> {
  await db.insert(memberships).values(values);
}

export async function createDebtor(
  db: Db,
  values: Partial<typeof debtors.$inferInsert> & { orgId: string },
): Promise<DebtorRow> {
  const suffix = unique();
  const [row] = await db
    .insert(debtors)
    .values({ number: `D-${suffix}`, name: `Debtor ${suffix} BV`, country: 'NL', language: 'nl', ...values })
    .returning();
  if (!row) throw new Error('no debtor inserted');
  return row;
}

export async function createContact(
  db: Db,
  values: Partial<typeof contacts.$inferInsert> & { orgId: string; debtorId: string },
): Promise<ContactRow> {
  const [row] = await db
    .insert(contacts)
    .values({ name: 'Jan de Vries', role: 'Crediteurenadministratie', phone: '+31201234567', ...values })
    .returning();
  if (!row) throw new Error('no contact inserted');
  return row;
}

/** An invoice of €100.00, fully open, issued 2026-01-01 and due 2026-01-31, unless told otherwise. */
export async function createInvoice(
  db: Db,
  values: Partial<typeof invoices.$inferInsert> & { orgId: string; debtorId: string },
): Promise<InvoiceRow> {
  const totalCents = values.totalCents ?? 10000;
  const [row] = await db
    .insert(invoices)
    .values({
      number: `F-${unique()}`,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      totalCents,
      openCents: totalCents,
      ...values,
    })
    .returning();
  if (!row) throw new Error('no invoice inserted');
  return row;
}
