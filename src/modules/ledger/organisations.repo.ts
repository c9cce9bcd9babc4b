import { asc, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';

export type Organisation = typeof organisations.$inferSelect;

/**
 * The organisation a CLI command works on: the one named by `--org`, or the only one there is.
 */
export async function resolveOrganisation(db: Db, slug: string | undefined): Promise<Organisation> {
  if (slug) {
    const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug));
    if (!org) throw new AppError('ORGANISATION_NOT_FOUND', `no organisation with slug "${slug}"`);
    return org;
  }
  const all = await db.select().from(organisations).orderBy(asc(organisations.createdAt)).limit(2);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0) {
    throw new AppError(
      'ORGANISATION_NOT_FOUND',
      'no organisation yet: run `collectdesk demo` or create one first',
    );
  }
  throw new AppError('BAD_REQUEST', 'several organisations exist: choose one with --org SLUG');
}

export async function findOrganisationById(db: Db, orgId: string): Promise<Organisation | undefined> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  return org;
}

export async function updateOrganisationRow(
  db: Db,
  params: { orgId: string; changes: Partial<typeof organisations.$inferInsert> },
): Promise<Organisation | undefined> {
  const [org] = await db
    .update(organisations)
    .set(params.changes)
    .where(eq(organisations.id, params.orgId))
    .returning();
  return org;
}

/** Every organisation (the worker's daily tick goes through them; there are few). */
export async function findOrganisations(db: Db): Promise<Organisation[]> {
  return db.select().from(organisations).orderBy(organisations.slug);
}
