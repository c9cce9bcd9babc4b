import type { CalendarDate } from '../calendar-date.js';
import type { DunningMode, RunStatus } from './enums.js';

/**
 * Whether an organisation's daily run should start now: once its local run time has passed, and
 * only when today's run is not there yet — or when it was started or approved but did not finish
 * (a process killed mid-run; in automatic mode also one only decided), so the next tick completes it.
 */
export function isRunDue(params: {
  localTime: string;
  runTime: string;
  mode: DunningMode;
  todaysRun: { status: RunStatus } | null;
}): boolean {
  if (params.localTime < normaliseTime(params.runTime)) return false;
  if (!params.todaysRun) return true;
  // An approved run that has not finished (its process stopped) is finished in either mode.
  if (params.todaysRun.status === 'running') return true;
  return params.mode === 'automatic' && params.todaysRun.status !== 'completed';
}

/** "7:00" → "07:00"; anything unreadable falls back to the default run time. */
export function normaliseTime(value: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return DEFAULT_RUN_TIME;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return DEFAULT_RUN_TIME;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

export const DEFAULT_RUN_TIME = '07:00';

/** The job key that makes one run per organisation and date (pg-boss singletonKey). */
export const runJobKey = (orgId: string, date: CalendarDate) => `dunning:${orgId}:${date}`;
