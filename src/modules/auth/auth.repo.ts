import { and, asc, desc, eq, gt, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { apiTokens, memberships, organisations, sessions, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user;
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user;
}

/** The organisations a user belongs to, with the role in each, by name. */
export async function findMemberships(db: Db, userId: string) {
  return findMembershipsOrdered(db, userId, [asc(organisations.name), asc(organisations.id)]);
}

/** The organisation a new session opens in: the user's first membership, then by name. */
export async function findDefaultMembership(db: Db, userId: string) {
  const [first] = await findMembershipsOrdered(db, userId, [
    asc(memberships.createdAt),
    asc(organisations.name),
    asc(organisations.id),
  ]);
  return first;
}

async function findMembershipsOrdered(db: Db, userId: string, order: SQL[]) {
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      country: organisations.country,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(...order);
}

export async function insertSession(
  db: Db,
  row: { idHash: string; userId: string; orgId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(row);
}

/**
 * The live session with its user and the user's role in the session's organisation. Read on
 * every authenticated request, so prepared once per database (building the query each time cost
 * about as much as running it).
 */
export async function findSession(db: Db, idHash: string, now: Date) {
  let query = sessionQueries.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ idHash, now });
  return row;
}

const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

function prepareSessionQuery(db: Db) {
  return db
    .select({
      idHash: sessions.idHash,
      userId: sessions.userId,
      orgId: sessions.orgId,
      csrfToken: sessions.csrfToken,
      userName: users.name,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, sessions.userId), eq(users.isActive, true)))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId)),
    )
    .where(
      and(eq(sessions.idHash, sql.placeholder('idHash')), gt(sessions.expiresAt, sql.placeholder('now'))),
    )
    .prepare('session_by_id_hash');
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteExpiredSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
}

export async function updateSessionOrganisation(db: Db, idHash: string, orgId: string): Promise<void> {
  await db.update(sessions).set({ orgId }).where(eq(sessions.idHash, idHash));
}

export async function insertApiToken(
  db: Db,
  row: { orgId: string; name: string; tokenHash: string; role: Role; createdBy: string | null },
): Promise<ApiTokenRow> {
  const [token] = await db.insert(apiTokens).values(row).returning();
  if (!token) throw new Error('insert returned no row');
  return token;
}

export async function findLiveApiToken(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const [token] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return token;
}

/** Records use at most once a minute, so a busy integration does not write on every request. */
export async function touchApiToken(db: Db, tokenId: string, now: Date): Promise<void> {
  const aMinuteAgo = new Date(now.getTime() - 60_000);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))),
    );
}

export async function findApiTokens(db: Db, orgId: string): Promise<ApiTokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.orgId, orgId)).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(
  db: Db,
  params: { orgId: string; tokenId: string; now: Date },
): Promise<ApiTokenRow | undefined> {
  const [token] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${params.now.toISOString()}::timestamptz)` })
    .where(and(eq(apiTokens.orgId, params.orgId), eq(apiTokens.id, params.tokenId)))
    .returning();
  return token;
}
