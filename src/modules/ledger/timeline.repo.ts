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

/** Appends events to debtors' timelines; call it with the transaction that makes the change. */
export async function appendTimeline(tx: Db, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(timelineEvents).values(
    entries.map((e) => ({
      orgId: e.orgId,
      debtorId: e.debtorId,
      invoiceId: e.invoiceId ?? null,
      kind: e.kind,
      actorUserId: e.actorUserId ?? null,
      actorLabel: e.actorLabel,
      summary: e.summary,
      data: e.data ?? null,
    })),
  );
}
