import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type CallLock, decideLock, isLockActive } from './call-lock.js';

const t = (time: string) => Temporal.Instant.from(`2026-12-09T${time}:00Z`);
const lock = (holderId: string, acquired: string, expires: string): CallLock => ({
  debtorId: 'd1',
  holderId,
  acquiredAt: t(acquired),
  expiresAt: t(expires),
});

describe('decideLock', () => {
  it.each([
    // [label, current lock, request, now, expected]
    [
      'acquires a free debtor',
      null,
      { type: 'acquire', userId: 'ann' },
      '09:00',
      { ok: true, lock: lock('ann', '09:00', '09:05') },
    ],
    [
      'acquires over an expired lock',
      lock('bob', '08:00', '08:05'),
      { type: 'acquire', userId: 'ann' },
      '09:00',
      { ok: true, lock: lock('ann', '09:00', '09:05') },
    ],
    [
      'refuses while a colleague holds it',
      lock('bob', '08:58', '09:03'),
      { type: 'acquire', userId: 'ann' },
      '09:00',
      { ok: false, reason: 'locked_by_other', holderId: 'bob', expiresAt: t('09:03') },
    ],
    [
      'acquiring one’s own lock renews it',
      lock('ann', '08:58', '09:03'),
      { type: 'acquire', userId: 'ann' },
      '09:00',
      { ok: true, lock: lock('ann', '08:58', '09:05') },
    ],
    [
      'renews for the holder',
      lock('ann', '08:30', '09:03'),
      { type: 'renew', userId: 'ann' },
      '09:02',
      { ok: true, lock: lock('ann', '08:30', '09:07') },
    ],
    [
      'renews no further than the maximum hold',
      lock('ann', '08:00', '08:58'),
      { type: 'renew', userId: 'ann' },
      '08:57',
      { ok: true, lock: lock('ann', '08:00', '09:00') },
    ],
    [
      'stops renewing after the maximum hold',
      lock('ann', '08:00', '09:02'),
      { type: 'renew', userId: 'ann' },
      '09:00',
      { ok: false, reason: 'max_hold_reached', holderId: 'ann', expiresAt: t('09:02') },
    ],
    [
      'does not renew a colleague’s lock',
      lock('bob', '08:58', '09:03'),
      { type: 'renew', userId: 'ann' },
      '09:00',
      { ok: false, reason: 'not_holder', holderId: 'bob', expiresAt: t('09:03') },
    ],
    [
      'does not renew an expired lock',
      lock('ann', '08:00', '08:05'),
      { type: 'renew', userId: 'ann' },
      '09:00',
      { ok: false, reason: 'not_locked' },
    ],
    [
      'releases for the holder',
      lock('ann', '08:58', '09:03'),
      { type: 'release', userId: 'ann' },
      '09:00',
      { ok: true, lock: null },
    ],
    [
      'releasing nothing is fine',
      null,
      { type: 'release', userId: 'ann' },
      '09:00',
      { ok: true, lock: null },
    ],
    [
      'does not release a colleague’s lock',
      lock('bob', '08:58', '09:03'),
      { type: 'release', userId: 'ann' },
      '09:00',
      { ok: false, reason: 'not_holder', holderId: 'bob', expiresAt: t('09:03') },
    ],
    [
      'a senior takes over',
      lock('bob', '08:58', '09:03'),
      { type: 'take_over', userId: 'ann', isSenior: true },
      '09:00',
      { ok: true, lock: lock('ann', '09:00', '09:05'), tookOverFrom: 'bob' },
    ],
    [
      'a junior may not take over',
      lock('bob', '08:58', '09:03'),
      { type: 'take_over', userId: 'ann', isSenior: false },
      '09:00',
      { ok: false, reason: 'not_senior', holderId: 'bob', expiresAt: t('09:03') },
    ],
  ] as const)('%s', (_label, current, request, now, expected) => {
    expect(decideLock('d1', current, request, t(now))).toEqual(expected);
  });

  it('treats the expiry moment itself as expired', () => {
    expect(isLockActive(lock('bob', '08:55', '09:00'), t('09:00'))).toBe(false);
    expect(isLockActive(lock('bob', '08:55', '09:00'), Temporal.Instant.from('2026-12-09T08:59:59Z'))).toBe(
      true,
    );
    expect(isLockActive(null, t('09:00'))).toBe(false);
  });
});
