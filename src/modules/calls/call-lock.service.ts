import { and, eq, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { type CallLock, decideLock, type LockRequest } from '../../core/calls/call-lock.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { callLocks } from '../../db/schema/index.js';
import type { Actor } from '../auth/access.js';
import { type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { organisationCallSettings } from './call-settings.service.js';
import { selectRows } from './sql-rows.js';

export type CallLockView = { holderId: string; expiresAt: string; tookOverFrom: string | null };

const toInstant = (date: Date) => Temporal.Instant.fromEpochMilliseconds(date.getTime());
const toDate = (instant: Temporal.Instant) => new Date(instant.epochMilliseconds);

/**
 * "Being called" (004#12): takes, renews, takes over or releases the debtor's lease. The debtor
 * row is locked for the decision, so two colleagues opening the same debtor at the same moment
 * get one lock and one refusal (CONFLICT, naming the holder).
 */
export async function changeCallLock(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  type: LockRequest['type'],
): Promise<CallLockView | null> {
  const userId = actor.userId;
  if (!userId) throw new AppError('FORBIDDEN', 'only a signed-in person can call');
  const { org } = await loadOrganisation(deps, actor.orgId);
  const settings = organisationCallSettings(org.callSettings);
  const now = toInstant(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    await lockDebtorRow(tx, { orgId: org.id, debtorId });
    const [row] = await tx
      .select()
      .from(callLocks)
      .where(and(eq(callLocks.orgId, org.id), eq(callLocks.debtorId, debtorId)));
    const current: CallLock | null = row
      ? {
          debtorId,
          holderId: row.holderId,
          acquiredAt: toInstant(row.acquiredAt),
          expiresAt: toInstant(row.expiresAt),
        }
      : null;
    const request: LockRequest =
      type === 'take_over'
        ? { type, userId, isSenior: actor.role === 'senior_collector' || actor.role === 'admin' }
        : { type, userId };
    const decision = decideLock(debtorId, current, request, now, settings.lock);
    if (!decision.ok) {
      throw new AppError('CONFLICT', `call lock: ${decision.reason}`, [
        { field: 'lock', message: decision.holderId ? `held by ${decision.holderId}` : decision.reason },
      ]);
    }
    if (!decision.lock) {
      await tx.delete(callLocks).where(and(eq(callLocks.orgId, org.id), eq(callLocks.debtorId, debtorId)));
      return null;
    }
    const values = {
      holderId: decision.lock.holderId,
      acquiredAt: toDate(decision.lock.acquiredAt),
      expiresAt: toDate(decision.lock.expiresAt),
    };
    await tx
      .insert(callLocks)
      .values({ orgId: org.id, debtorId, ...values })
      .onConflictDoUpdate({ target: [callLocks.orgId, callLocks.debtorId], set: values });
    if (decision.tookOverFrom) {
      await appendTimeline(tx, [
        {
          orgId: org.id,
          debtorId,
          kind: 'call',
          actorUserId: userId,
          actorLabel: actor.label,
          summary: `Took over the call from a colleague`,
          data: { tookOverFrom: decision.tookOverFrom },
        },
      ]);
    }
    return {
      holderId: values.holderId,
      expiresAt: values.expiresAt.toISOString(),
      tookOverFrom: decision.tookOverFrom ?? null,
    };
  });
}

/** Locks the debtor row of the caller's organisation; not found when it belongs to another. */
export async function lockDebtorRow(tx: Db, params: { orgId: string; debtorId: string }): Promise<void> {
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`select id from debtors where id = ${params.debtorId} and org_id = ${params.orgId} for update`,
  );
  if (rows.length === 0) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
}
