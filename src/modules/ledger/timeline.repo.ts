import { and, desc, eq, sql } from 'drizzle-orm';
import type { TimelineKind } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { timelineEvents } from '../../db/schema/index.js';

export type TimelineEntry = {
  orgId: string;
  debtorId: string;
  invoiceId?: string | null;
  kind: TimelineKind;
  actorUserId?: string | null;
  /** Who did it, as people read it: a user's name, "import", "system". */
  actorLabel: string;
  summary: string;
  data?: Record<string, unknown>;
};

const toRow = (e: TimelineEntry) => ({
  orgId: e.orgId,
  debtorId: e.debtorId,
  invoiceId: e.invoiceId ?? null,
  kind: e.kind,
  actorUserId: e.actorUserId ?? null,
  actorLabel: e.actorLabel,
  summary: e.summary,
  data: e.data ?? null,
});

/** Appends events to debtors' timelines; call it with the transaction that makes the change. */
export async function appendTimeline(tx: Db, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(timelineEvents).values(entries.map(toRow));
}

/** Appends one event and returns it as stored (id, time), for an API that shows it at once. */
export async function appendTimelineEvent(tx: Db, entry: TimelineEntry) {
  const [row] = await tx.insert(timelineEvents).values(toRow(entry)).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * A page of a debtor's (or one invoice's) timeline, newest first. `before` is the id of the last
 * event of the previous page; paging follows (occurred_at, id) so events recorded with an earlier
 * time (imports of history) still page correctly.
 */
export async function findTimelineRows(
  db: Db,
  params: { orgId: string; debtorId: string; invoiceId?: string; before?: number; limit: number },
) {
  const { orgId, debtorId, invoiceId, before, limit } = params;
  return db
    .select()
    .from(timelineEvents)
    .where(
      and(
        eq(timelineEvents.orgId, orgId),
        eq(timelineEvents.debtorId, debtorId),
        invoiceId ? eq(timelineEvents.invoiceId, invoiceId) : undefined,
        before === undefined
          ? undefined
          : sql`(${timelineEvents.occurredAt}, ${timelineEvents.id}) < (
              select b.occurred_at, b.id from timeline_events b
              where b.id = ${before} and b.org_id = ${orgId} and b.debtor_id = ${debtorId})`,
      ),
    )
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
    .limit(limit);
}
