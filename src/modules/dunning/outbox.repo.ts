import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { OutboxStatus } from '../../core/dunning/enums.js';
import type { Db } from '../../db/client.js';
import { debtors, documents, outboxMessages } from '../../db/schema/index.js';
import { countCapped } from '../ledger/capped-count.repo.js';

/** The outbox as people see it: a page of messages, counts per status, documents, printing. */

export type OutboxRow = Awaited<ReturnType<typeof findOutboxRows>>['rows'][number];

const OUTBOX_COUNT_CAP = 10_000;

function outboxWhere(params: { orgId: string; status?: OutboxStatus; debtorId?: string }): SQL | undefined {
  return and(
    eq(outboxMessages.orgId, params.orgId),
    params.status ? eq(outboxMessages.status, params.status) : undefined,
    params.debtorId ? eq(outboxMessages.debtorId, params.debtorId) : undefined,
  );
}

const outboxColumns = { message: outboxMessages, debtorNumber: debtors.number, debtorName: debtors.name };

/** Newest first (the index on org, status, created_at serves the status filter). */
export async function findOutboxRows(
  db: Db,
  params: { orgId: string; status?: OutboxStatus; debtorId?: string; page: number; pageSize: number },
) {
  const where = outboxWhere(params);
  const [rows, count] = await Promise.all([
    db
      .select(outboxColumns)
      .from(outboxMessages)
      .innerJoin(debtors, eq(debtors.id, outboxMessages.debtorId))
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    countCapped(db, { table: outboxMessages, where, cap: OUTBOX_COUNT_CAP }),
  ]);
  return { rows, ...count };
}

export async function findOutboxRow(
  db: Db,
  params: { orgId: string; id: string },
): Promise<OutboxRow | undefined> {
  const [row] = await db
    .select(outboxColumns)
    .from(outboxMessages)
    .innerJoin(debtors, eq(debtors.id, outboxMessages.debtorId))
    .where(and(eq(outboxMessages.orgId, params.orgId), eq(outboxMessages.id, params.id)));
  return row;
}

export async function countOutboxByStatus(db: Db, orgId: string): Promise<Map<OutboxStatus, number>> {
  const rows = await db
    .select({ status: outboxMessages.status, n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(eq(outboxMessages.orgId, orgId))
    .groupBy(outboxMessages.status);
  return new Map(rows.map((r) => [r.status, r.n]));
}

export async function findOutboxMessage(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.orgId, params.orgId), eq(outboxMessages.id, params.id)));
  return row;
}

/** A letter waiting to be printed becomes printed; undefined when it was not waiting (any more). */
export async function markOutboxPrinted(tx: Db, params: { orgId: string; id: string }) {
  const [row] = await tx
    .update(outboxMessages)
    .set({ status: 'printed', sentAt: sql`now()` })
    .where(
      and(
        eq(outboxMessages.orgId, params.orgId),
        eq(outboxMessages.id, params.id),
        eq(outboxMessages.status, 'to_print'),
      ),
    )
    .returning();
  return row;
}

export async function findDocument(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, params.orgId), eq(documents.id, params.id)));
  return row;
}
