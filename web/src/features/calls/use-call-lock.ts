import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { changeCallLock, type LockAction, releaseCallLock } from './calls.api.ts';

export type CallLockState =
  | { status: 'pending' }
  | { status: 'mine'; expiresAt: string }
  /** A colleague is calling: the prep sheet says who. */
  | { status: 'held' }
  | { status: 'error'; error: Error };

/** The lease is five minutes by default: renewing every two keeps it while the screen is open. */
const RENEW_EVERY_MS = 2 * 60_000;

/**
 * "Being called" (004#12): takes the debtor's call lock while the workbench shows them, renews it,
 * and lets it go when the collector moves on, so two colleagues never call the same debtor.
 */
export function useCallLock(debtorId: string): CallLockState & { takeOver: () => void } {
  const [state, setState] = useState<CallLockState>({ status: 'pending' });
  const isMine = useRef(false);

  const change = useCallback(
    async (action: LockAction, isCurrent: () => boolean) => {
      try {
        const lock = await changeCallLock(debtorId, action);
        isMine.current = true;
        if (isCurrent()) setState({ status: 'mine', expiresAt: lock.expiresAt });
        else void releaseCallLock(debtorId).catch(() => undefined);
      } catch (error) {
        isMine.current = false;
        if (!isCurrent()) return;
        if (error instanceof ApiError && error.status === 409) setState({ status: 'held' });
        else setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      }
    },
    [debtorId],
  );

  useEffect(() => {
    let isCurrent = true;
    void change('acquire', () => isCurrent);
    const timer = window.setInterval(() => {
      if (isMine.current) void change('renew', () => isCurrent);
    }, RENEW_EVERY_MS);
    return () => {
      isCurrent = false;
      window.clearInterval(timer);
      if (isMine.current) {
        isMine.current = false;
        void releaseCallLock(debtorId).catch(() => undefined);
      }
    };
  }, [change, debtorId]);

  const takeOver = useCallback(() => void change('take_over', () => true), [change]);
  return { ...state, takeOver };
}
