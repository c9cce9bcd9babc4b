import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { disputes } from '../../db/schema/index.js';

export async function insertDispute(db: Db, row: typeof disputes.$inferInsert): Promise<string> {
  const [dispute] = await db.insert(disputes).values(row).returning({ id: disputes.id });
  if (!dispute) throw new Error('insert returned no row');
  return dispute.id;
}

export async function closeDisputeRow(
  db: Db,
  params: {
    orgId: string;
    disputeId: string;
    status: 'resolved' | 'rejected';
    resolution: string;
    now: Date;
  },
): Promise<void> {
  await db
    .update(disputes)
    .set({ status: params.status, resolution: params.resolution, resolvedAt: params.now })
    .where(and(eq(disputes.orgId, params.orgId), eq(disputes.id, params.disputeId)));
}
