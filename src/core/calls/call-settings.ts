/**
 * All rules of the telephone workbench as one settings object per organisation, with the defaults
 * of the seeds. An organisation stores only what it changes (a partial object, e.g. in a JSON
 * column validated by zod at the boundary); `resolveCallSettings` lays it over the defaults and
 * `checkCallSettings` names every field that cannot work.
 */
import type { FieldIssue } from '../errors.js';
import { type CallGoalSettings, DEFAULT_CALL_GOALS } from './call-goals.js';
import { type CallLockSettings, DEFAULT_CALL_LOCK } from './call-lock.js';
import { type CallTimingSettings, DEFAULT_CALL_TIMING } from './call-timing.js';
import { parseClockTime, toMinuteRange } from './clock-time.js';
import { DEFAULT_PLAN_RULES, type PlanRules } from './plan-status.js';
import { type AgreementPolicy, DEFAULT_AGREEMENT_POLICY } from './promise-validation.js';
import { DEFAULT_QUEUE_PRIORITY, type QueuePrioritySettings } from './queue-priority.js';
import { type BalanceReasonSettings, DEFAULT_BALANCE_REASONS } from './queue-reasons.js';
import { DEFAULT_ROUTING, type RoutingSettings } from './routing.js';

export type CallSettings = {
  timing: CallTimingSettings;
  balanceReasons: BalanceReasonSettings;
  priority: QueuePrioritySettings;
  routing: RoutingSettings;
  lock: CallLockSettings;
  goals: CallGoalSettings;
  agreements: AgreementPolicy;
  plans: Omit<PlanRules, 'calendar'>;
  /** Business days after an agreement's email before an unconfirmed one becomes a task (003#4). */
  confirmationWithinBusinessDays: number;
  aftercare: AftercareSettings;
};

/**
 * Aftercare (R6, 001#6): which kept agreements the debtor is thanked for. A completed plan always
 * was; a kept promise is often an ordinary late payment, so an organisation opts in.
 */
export type AftercareSettings = {
  thankCompletedPlans: boolean;
  thankKeptPromises: boolean;
  /**
   * Only agreements kept (a promise: due) this recently are thanked: turning aftercare on must not
   * send thanks for what was paid months ago.
   */
  thankWithinDays: number;
};

export const DEFAULT_CALL_SETTINGS: CallSettings = {
  timing: DEFAULT_CALL_TIMING,
  balanceReasons: DEFAULT_BALANCE_REASONS,
  priority: DEFAULT_QUEUE_PRIORITY,
  routing: DEFAULT_ROUTING,
  lock: DEFAULT_CALL_LOCK,
  goals: DEFAULT_CALL_GOALS,
  agreements: DEFAULT_AGREEMENT_POLICY,
  plans: DEFAULT_PLAN_RULES,
  confirmationWithinBusinessDays: 2,
  aftercare: { thankCompletedPlans: true, thankKeptPromises: false, thankWithinDays: 14 },
};

/** A partial settings object: any field at any depth may be left out; arrays are replaced whole. */
export type CallSettingsOverrides = DeepPartial<CallSettings>;
type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** The defaults with an organisation's overrides laid over them. */
export function resolveCallSettings(overrides: CallSettingsOverrides = {}): CallSettings {
  return merge(DEFAULT_CALL_SETTINGS, overrides) as CallSettings;
}

function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) result[key] = merge(base[key], value);
  return result;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every field of a resolved settings object that cannot work, by its path. */
export function checkCallSettings(settings: CallSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const attempt = (field: string, check: () => void) => {
    try {
      check();
    } catch (error) {
      issues.push({ field, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const { timing } = settings;
  for (const [i, range] of timing.goldenHours.entries()) {
    attempt(`timing.goldenHours[${i}]`, () => toMinuteRange(range));
  }
  attempt('timing.callableHours', () => toMinuteRange(timing.callableHours));
  attempt('timing.morningEndsAt', () => parseClockTime(timing.morningEndsAt));
  timing.avoidMorningsOn.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      issues.push({ field: `timing.avoidMorningsOn[${i}]`, message: `not an ISO weekday 1–7: ${day}` });
    }
  });
  const positive: [string, number][] = [
    ['timing.searchDays', timing.searchDays],
    ['lock.leaseMinutes', settings.lock.leaseMinutes],
    ['lock.maxHoldMinutes', settings.lock.maxHoldMinutes],
    ['goals.minInstalmentCents', settings.goals.minInstalmentCents],
    ['agreements.minInstalmentCents', settings.agreements.minInstalmentCents],
  ];
  for (const [field, value] of positive) {
    if (!Number.isInteger(value) || value <= 0)
      issues.push({ field, message: `must be a positive whole number, not ${value}` });
  }
  if (settings.lock.maxHoldMinutes < settings.lock.leaseMinutes) {
    issues.push({ field: 'lock.maxHoldMinutes', message: 'must be at least the lease' });
  }
  if (settings.routing.mediorFromCents > settings.routing.seniorFromCents) {
    issues.push({ field: 'routing.mediorFromCents', message: 'must not exceed routing.seniorFromCents' });
  }
  return issues;
}
