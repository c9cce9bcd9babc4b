/**
 * The workbench rules of an organisation as the API shows and takes them (core/calls/call-settings):
 * every field typed, so a wrong one is a 400 naming its path (`timing.goldenFactorBps`); what the
 * types cannot say (clock times, ranges, one field against another) checkCallSettings names.
 * An organisation stores only what it changes: the request is a partial object at any depth.
 */
import { z } from 'zod';
import type { CallSettings, CallSettingsOverrides } from '../../core/calls/call-settings.js';
import { PLAN_INTERVALS } from '../../core/calls/plan-schedule.js';
import { RISK_LEVELS } from '../../core/calls/queue-priority.js';
import { QUEUE_REASONS } from '../../core/calls/queue-reasons.js';
import { DEBTOR_KINDS } from '../../core/ledger/enums.js';

const count = z.number().int().min(0);
const days = z.number().int().min(0).max(3660);
const bps = z.number().int().min(0).max(100_000);
const cents = z.number().int().min(0);
const clockTime = z.string().max(5);
const clockRange = z.strictObject({ from: clockTime, until: clockTime });
/** The core's settings hold readonly arrays. */
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).readonly();
const byKey = <K extends string, T extends z.ZodType>(keys: readonly K[], value: T) =>
  z.strictObject(Object.fromEntries(keys.map((key) => [key, value])) as Record<K, T>);
const byKind = (value: z.ZodNumber) => byKey(DEBTOR_KINDS, value);

export const CallSettingsSchema = z.strictObject({
  timing: z.strictObject({
    goldenHours: list(clockRange, 6),
    callableHours: clockRange,
    avoidMorningsOn: list(z.number().int(), 7),
    morningEndsAt: clockTime,
    /** Per ISO weekday, "1" (Monday) to "7". */
    weekdayFactorBps: z.record(z.string().regex(/^[1-7]$/, 'an ISO weekday 1–7'), bps),
    goldenFactorBps: bps,
    preferredTimeFactorBps: bps,
    avoidedMorningFactorBps: bps,
    outsideGoldenFactorBps: bps,
    callbackFactorBps: bps,
    callbackEarlyMinutes: z.number().int().min(0).max(240),
    callbackWindowMinutes: z.number().int().min(1).max(1440),
    searchDays: z.number().int().max(366),
  }),
  balanceReasons: z.strictObject({
    largeOverdueCents: cents,
    fastGrowthBps: bps,
    fastGrowthMinIncreaseCents: cents,
    growthWindowDays: days,
    informalCallWithinDays: days,
    disputeResolvedWithinDays: days,
  }),
  priority: z.strictObject({
    reasonPoints: byKey(QUEUE_REASONS, count),
    additionalReasonShareBps: bps,
    overduePointsPerDecade: count,
    overdueMaxPoints: count,
    daysLateBands: list(z.strictObject({ fromDays: days, points: count }), 20),
    riskPoints: byKey(RISK_LEVELS, count),
    pointsPerBrokenPromise: count,
    brokenPromisesMaxPoints: count,
    callbackDueNowPoints: count,
    answerHistory: z.strictObject({
      priorAttempts: count,
      priorRateBps: bps,
      minFactorBps: bps,
      maxFactorBps: bps,
    }),
  }),
  routing: z.strictObject({
    seniorFromCents: cents,
    mediorFromCents: cents,
    mediorFromBrokenPromises: count,
  }),
  lock: z.strictObject({
    leaseMinutes: z.number().int().max(1440),
    maxHoldMinutes: z.number().int().max(1440),
  }),
  goals: z.strictObject({
    payNowWithinBusinessDays: days,
    minPartialNowBps: bps,
    minPartialNowCents: cents,
    maxPromiseDays: byKind(days),
    instalmentBands: list(
      z.strictObject({ upToCents: cents, instalments: z.number().int().min(1).max(60) }),
      20,
    ),
    maxInstalments: byKind(z.number().int().min(1).max(60)),
    minInstalmentCents: z.number().int(),
    planInterval: z.enum(PLAN_INTERVALS),
    firstInstalmentAfterDays: days,
  }),
  agreements: z.strictObject({
    maxPromiseDays: byKind(days),
    minInstalmentCents: z.number().int(),
    maxPlanDays: byKind(days),
    minInstalmentBps: bps,
    warnFromBrokenPromises: count,
  }),
  plans: z.strictObject({ missedAfterBusinessDays: days, brokenAfterBusinessDays: days }),
  confirmationWithinBusinessDays: z.number().int().min(1).max(30),
  aftercare: z.strictObject({
    thankCompletedPlans: z.boolean(),
    thankKeptPromises: z.boolean(),
    thankWithinDays: z.number().int().min(1).max(90),
  }),
}) satisfies z.ZodType<CallSettings>;

/** Every object optional at every depth; arrays are replaced whole, so their items stay complete. */
function deepPartial(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodObject)) return schema;
  const shape = Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [
      key,
      deepPartial(value),
    ]),
  );
  return z.strictObject(shape).partial();
}

export const CallSettingsOverridesSchema = deepPartial(
  CallSettingsSchema,
) as z.ZodType<CallSettingsOverrides>;

export const CallSettingsViewSchema = z.object({
  /** What the workbench uses: the defaults with the organisation's changes. */
  settings: CallSettingsSchema,
  /** What the organisation changed (and `PUT` replaces). */
  overrides: z.record(z.string(), z.unknown()),
  defaults: CallSettingsSchema,
});
export type CallSettingsView = z.infer<typeof CallSettingsViewSchema>;
