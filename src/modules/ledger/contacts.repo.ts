import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { contacts } from '../../db/schema/index.js';
import type { ContactRow } from './ledger.mappers.js';

export async function findContactRows(
  db: Db,
  params: { orgId: string; debtorId: string },
): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, params.orgId), eq(contacts.debtorId, params.debtorId)))
    .orderBy(desc(contacts.isCollectionsContact), asc(contacts.name), asc(contacts.id));
}

export async function findContactRow(
  db: Db,
  params: { orgId: string; debtorId: string; contactId: string },
): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, params.orgId),
        eq(contacts.debtorId, params.debtorId),
        eq(contacts.id, params.contactId),
      ),
    );
  return row;
}

export async function insertContact(db: Db, row: typeof contacts.$inferInsert): Promise<ContactRow> {
  const [contact] = await db.insert(contacts).values(row).returning();
  if (!contact) throw new Error('insert returned no row');
  return contact;
}

export async function updateContactRow(
  db: Db,
  params: { orgId: string; contactId: string; changes: Partial<typeof contacts.$inferInsert> },
): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(contacts)
    .set(params.changes)
    .where(and(eq(contacts.orgId, params.orgId), eq(contacts.id, params.contactId)))
    .returning();
  return row;
}

export async function deleteContactRow(db: Db, params: { orgId: string; contactId: string }): Promise<void> {
  await db.delete(contacts).where(and(eq(contacts.orgId, params.orgId), eq(contacts.id, params.contactId)));
}
