/**
 * The "being called" lock: while a collector has a debtor open in the workbench, nobody else calls
 * that debtor. The lock is a lease that expires by itself (a closed browser tab must not block a
 * debtor all day) and is renewed while the collector works; only its holder renews or releases it,
 * a senior may take it over after asking. Pure decisions: the repo stores the lock row and applies
 * the decision in one statement (conditional update on holder and expiry).
 */
import { Temporal } from 'temporal-polyfill';
import { assertNever } from '../errors.js';

export type CallLock = {
  debtorId: string;
  holderId: string;
  acquiredAt: Temporal.Instant;
  expiresAt: Temporal.Instant;
};

export type CallLockSettings = {
  /** How long a lock lives without renewal; the workbench renews it every minute or so. */
  leaseMinutes: number;
  /** A lock can be held at most this long in total (a call plus its notes), renewals included. */
  maxHoldMinutes: number;
};

export const DEFAULT_CALL_LOCK: CallLockSettings = { leaseMinutes: 5, maxHoldMinutes: 60 };

export type LockRequest =
  | { type: 'acquire'; userId: string }
  | { type: 'renew'; userId: string }
  | { type: 'release'; userId: string }
  /** A senior takes over a colleague's lock (the UI asks first and writes it on the timeline). */
  | { type: 'take_over'; userId: string; isSenior: boolean };

export type LockDecision =
  | { ok: true; lock: CallLock | null; tookOverFrom?: string }
  | {
      ok: false;
      reason: 'locked_by_other' | 'not_holder' | 'not_locked' | 'max_hold_reached' | 'not_senior';
      holderId?: string;
      expiresAt?: Temporal.Instant;
    };

export const isLockActive = (lock: CallLock | null | undefined, now: Temporal.Instant): lock is CallLock =>
  !!lock && Temporal.Instant.compare(now, lock.expiresAt) < 0;

/** What happens to the debtor's lock (`current`, possibly expired) on a request at `now`. */
export function decideLock(
  debtorId: string,
  current: CallLock | null,
  request: LockRequest,
  now: Temporal.Instant,
  settings: CallLockSettings = DEFAULT_CALL_LOCK,
): LockDecision {
  const active = isLockActive(current, now) ? current : null;
  const fresh = (): CallLock => ({
    debtorId,
    holderId: request.userId,
    acquiredAt: now,
    expiresAt: now.add({ minutes: settings.leaseMinutes }),
  });
  switch (request.type) {
    case 'acquire':
      if (!active) return { ok: true, lock: fresh() };
      if (active.holderId === request.userId) return renew(active, now, settings);
      return { ok: false, reason: 'locked_by_other', holderId: active.holderId, expiresAt: active.expiresAt };
    case 'renew':
      if (!active) return { ok: false, reason: 'not_locked' };
      if (active.holderId !== request.userId) {
        return { ok: false, reason: 'not_holder', holderId: active.holderId, expiresAt: active.expiresAt };
      }
      return renew(active, now, settings);
    case 'release':
      if (!active) return { ok: true, lock: null };
      if (active.holderId !== request.userId) {
        return { ok: false, reason: 'not_holder', holderId: active.holderId, expiresAt: active.expiresAt };
      }
      return { ok: true, lock: null };
    case 'take_over':
      if (!active || active.holderId === request.userId) return { ok: true, lock: fresh() };
      if (!request.isSenior)
        return { ok: false, reason: 'not_senior', holderId: active.holderId, expiresAt: active.expiresAt };
      return { ok: true, lock: fresh(), tookOverFrom: active.holderId };
    default:
      return assertNever(request, 'lock request');
  }
}

function renew(lock: CallLock, now: Temporal.Instant, settings: CallLockSettings): LockDecision {
  const limit = lock.acquiredAt.add({ minutes: settings.maxHoldMinutes });
  if (Temporal.Instant.compare(now, limit) >= 0) {
    return { ok: false, reason: 'max_hold_reached', holderId: lock.holderId, expiresAt: lock.expiresAt };
  }
  const wanted = now.add({ minutes: settings.leaseMinutes });
  const expiresAt = Temporal.Instant.compare(wanted, limit) > 0 ? limit : wanted;
  return { ok: true, lock: { ...lock, expiresAt } };
}
