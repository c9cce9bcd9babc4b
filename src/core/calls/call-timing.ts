/**
 * When to call a debtor, in the debtor's own local time (003#2, 004#2, R15): the golden hours
 * 09:30–11:30 and 13:30–15:30, Monday and Tuesday preferred (an agreement made early in the week
 * is settled the same week), Monday and Friday mornings less suitable, never on a weekend or a
 * public holiday, and the contact's own preferred days and times respected.
 *
 * Hard rules (the verdict is `wait`): weekend, a public holiday of the debtor's country or of the
 * organisation's, a day the contact does not want to be called, outside the callable hours (or
 * outside the contact's preferred times), and a gatekeeper callback that is not due yet.
 * Soft rules only lower the timing factor: outside the golden hours, an avoided morning.
 *
 * Callbacks agreed with a gatekeeper are due at their exact time: from a few minutes before until
 * the callback window ends they override the golden hours, the avoided mornings, the callable hours
 * and the contact's preferred times (a person at the debtor agreed on that moment). Weekends and
 * holidays still win: nobody on either side is at work, so such a callback moves to the same local
 * time on the next business day. A callback whose window has passed is overdue: the debtor is then
 * called under the normal rules, and the queue gives it priority.
 */
import { Temporal } from 'temporal-polyfill';
import { isoWeekday } from '../calendar/business-days.js';
import { holidaysOn } from '../calendar/holidays.js';
import { addDays, type CalendarDate } from '../calendar-date.js';
import type { Country } from '../ledger/enums.js';
import {
  type ClockRange,
  formatClockTime,
  intersectRanges,
  type MinuteRange,
  subtractRanges,
  toMinuteRange,
} from './clock-time.js';

export const TIME_ZONES: Record<Country, string> = { NL: 'Europe/Amsterdam', BE: 'Europe/Brussels' };

export type CallTimingSettings = {
  goldenHours: readonly ClockRange[];
  /** Calls outside the golden hours are allowed within these hours, at a lower timing factor. */
  callableHours: ClockRange;
  /** ISO weekdays whose mornings (before `morningEndsAt`) are less suitable: Monday and Friday. */
  avoidMorningsOn: readonly number[];
  morningEndsAt: string;
  /** Timing factor per ISO weekday 1–7, in basis points of a neutral 10 000 (weekends are never called). */
  weekdayFactorBps: Readonly<Record<number, number>>;
  goldenFactorBps: number;
  preferredTimeFactorBps: number;
  avoidedMorningFactorBps: number;
  outsideGoldenFactorBps: number;
  callbackFactorBps: number;
  /** A callback may be made this many minutes early, and stays due for `callbackWindowMinutes`. */
  callbackEarlyMinutes: number;
  callbackWindowMinutes: number;
  /** How many days ahead `nextCallWindow` looks. */
  searchDays: number;
};

export const DEFAULT_CALL_TIMING: CallTimingSettings = {
  goldenHours: [
    { from: '09:30', until: '11:30' },
    { from: '13:30', until: '15:30' },
  ],
  callableHours: { from: '09:00', until: '17:00' },
  avoidMorningsOn: [1, 5],
  morningEndsAt: '12:00',
  weekdayFactorBps: { 1: 11_000, 2: 11_000, 3: 10_000, 4: 10_000, 5: 9_000, 6: 0, 7: 0 },
  goldenFactorBps: 10_000,
  preferredTimeFactorBps: 10_000,
  avoidedMorningFactorBps: 6_000,
  outsideGoldenFactorBps: 5_000,
  callbackFactorBps: 10_000,
  callbackEarlyMinutes: 5,
  callbackWindowMinutes: 30,
  searchDays: 21,
};

/** The columns of `contacts` that say when the contact wants to be called. */
export type ContactCallPreferences = {
  /** ISO weekdays 1–7; empty means no preference. */
  preferredCallDays: readonly number[];
  preferredCallFrom: string | null;
  preferredCallUntil: string | null;
};

export type DebtorCallContext = {
  country: Country;
  /** Overrides the country's zone (a debtor abroad); default Europe/Amsterdam or Europe/Brussels. */
  timeZone?: string;
  /** The organisation's own country: its holidays are days off for the collectors. */
  organisationCountry: Country;
  contact?: ContactCallPreferences;
  /** A callback agreed with a gatekeeper, at an exact moment. */
  callbackAt?: Temporal.Instant;
};

export type CallVerdict = 'call' | 'acceptable' | 'wait';
export type CallSlotKind = 'callback' | 'preferred_time' | 'golden' | 'avoided_morning' | 'outside_golden';

/** Why a debtor should not be called now: a code the UI translates, with its data. */
export type WaitReason =
  | { code: 'weekend'; weekday: number }
  | { code: 'public_holiday'; country: Country; holiday: string }
  | { code: 'not_preferred_day'; weekday: number; preferredDays: readonly number[] }
  | { code: 'outside_callable_hours'; localTime: string; from: string; until: string }
  | { code: 'callback_pending'; callbackAt: string };

export type CallWindow = {
  kind: CallSlotKind;
  verdict: Exclude<CallVerdict, 'wait'>;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
  timingFactorBps: number;
};

export type CallTiming = {
  verdict: CallVerdict;
  localTime: Temporal.ZonedDateTime;
  /** The debtor's own calendar day at that moment. */
  localDate: CalendarDate;
  /** The window `now` falls in (absent when waiting). */
  window?: CallWindow;
  /** Empty unless the verdict is `wait`. */
  reasons: WaitReason[];
  /** 0 when waiting; 10 000 is a neutral moment, more is better. */
  timingFactorBps: number;
};

type Slot = MinuteRange & { kind: CallSlotKind; factorBps: number };
type DayPlan = { slots: Slot[]; blockers: WaitReason[] };

export const debtorTimeZone = (debtor: DebtorCallContext): string =>
  debtor.timeZone ?? TIME_ZONES[debtor.country];

/**
 * The timing rules at one moment for many debtors (a day's queue asks for thousands): the local
 * time per zone, each day's plan per calendar and contact preferences, and each window's zoned
 * start and end are worked out once and shared, since most debtors have the same country and no
 * preferences of their own.
 */
export type CallTimer = {
  /** Whether to call the debtor at the timer's moment, and if not, why not. */
  windowAt(debtor: DebtorCallContext): CallTiming;
  /**
   * The next window (from the moment on) whose verdict is at least `minimum` (default `call`: a
   * golden or preferred slot, or a due callback), clipped to start no earlier than the moment.
   * Undefined when none falls within `settings.searchDays`.
   */
  nextWindow(debtor: DebtorCallContext, minimum?: Exclude<CallVerdict, 'wait'>): CallWindow | undefined;
};

type LocalMoment = { local: Temporal.ZonedDateTime; date: CalendarDate; minute: number };
type PlannedDay = DayPlan & { windows: (CallWindow | undefined)[] };

export function callTimerAt(
  now: Temporal.Instant,
  settings: CallTimingSettings = DEFAULT_CALL_TIMING,
): CallTimer {
  const moments = new Map<string, LocalMoment>();
  const days = new Map<string, PlannedDay>();

  const momentIn = (zone: string): LocalMoment => {
    let moment = moments.get(zone);
    if (!moment) {
      const local = now.toZonedDateTimeISO(zone);
      const date = local.toPlainDate().toString() as CalendarDate;
      moment = { local, date, minute: local.hour * 60 + local.minute };
      moments.set(zone, moment);
    }
    return moment;
  };
  const dayOf = (date: CalendarDate, debtor: DebtorCallContext): PlannedDay => {
    const contact = debtor.contact;
    const key = [
      date,
      debtorTimeZone(debtor),
      debtor.country,
      debtor.organisationCountry,
      contact?.preferredCallDays.join(',') ?? '',
      contact?.preferredCallFrom ?? '',
      contact?.preferredCallUntil ?? '',
    ].join('|');
    let day = days.get(key);
    if (!day) {
      const plan = planDay(date, debtor, settings);
      day = { ...plan, windows: plan.slots.map(() => undefined) };
      days.set(key, day);
    }
    return day;
  };
  const windowOf = (day: PlannedDay, index: number, date: CalendarDate, zone: string): CallWindow => {
    const slot = day.slots[index];
    if (!slot) throw new RangeError(`no slot ${index} on ${date}`);
    let window = day.windows[index];
    if (!window) {
      window = toWindow(date, zone, slot);
      day.windows[index] = window;
    }
    return window;
  };
  // Only weekends and holidays move a callback; the contact's preferred days do not (it was agreed).
  const isClosedForCallback = (date: CalendarDate, debtor: DebtorCallContext) =>
    dayOf(date, { ...debtor, contact: undefined }).blockers.length > 0;
  const callbackOf = (debtor: DebtorCallContext) =>
    debtor.callbackAt ? callbackWindow(debtor.callbackAt, debtor, settings, isClosedForCallback) : undefined;

  return {
    windowAt(debtor) {
      const zone = debtorTimeZone(debtor);
      const { local, date, minute } = momentIn(zone);
      const at = { localTime: local, localDate: date };
      const callback = callbackOf(debtor);
      if (callback && Temporal.Instant.compare(now, callback.end.toInstant()) < 0) {
        if (Temporal.Instant.compare(now, callback.start.toInstant()) >= 0) {
          return {
            verdict: 'call',
            ...at,
            window: callback,
            reasons: [],
            timingFactorBps: callback.timingFactorBps,
          };
        }
        const pending: WaitReason = {
          code: 'callback_pending',
          callbackAt: callback.start.add({ minutes: settings.callbackEarlyMinutes }).toString(),
        };
        return { verdict: 'wait', ...at, reasons: [pending], timingFactorBps: 0 };
      }

      const day = dayOf(date, debtor);
      const index = day.slots.findIndex((s) => s.start <= minute && minute < s.end);
      if (index < 0) {
        const reasons = day.blockers.length > 0 ? day.blockers : [outsideHours(minute, debtor, settings)];
        return { verdict: 'wait', ...at, reasons, timingFactorBps: 0 };
      }
      const window = windowOf(day, index, date, zone);
      return {
        verdict: window.verdict,
        ...at,
        window,
        reasons: [],
        timingFactorBps: window.timingFactorBps,
      };
    },

    nextWindow(debtor, minimum = 'call') {
      const zone = debtorTimeZone(debtor);
      const callback = callbackOf(debtor);
      if (callback && Temporal.Instant.compare(now, callback.end.toInstant()) < 0) {
        return clipStart(callback, now);
      }
      const today = momentIn(zone).date;
      for (let offset = 0; offset < settings.searchDays; offset++) {
        const date = addDays(today, offset);
        const day = dayOf(date, debtor);
        for (let index = 0; index < day.slots.length; index++) {
          const window = windowOf(day, index, date, zone);
          if (minimum === 'call' && window.verdict !== 'call') continue;
          if (Temporal.Instant.compare(window.end.toInstant(), now) <= 0) continue;
          return clipStart(window, now);
        }
      }
      return undefined;
    },
  };
}

/** Whether to call the debtor at `now`, and if not, why not. */
export function callWindowAt(
  now: Temporal.Instant,
  debtor: DebtorCallContext,
  settings: CallTimingSettings = DEFAULT_CALL_TIMING,
): CallTiming {
  return callTimerAt(now, settings).windowAt(debtor);
}

/** The next window from `now` on for one debtor (see `CallTimer.nextWindow`). */
export function nextCallWindow(
  now: Temporal.Instant,
  debtor: DebtorCallContext,
  settings: CallTimingSettings = DEFAULT_CALL_TIMING,
  minimum: Exclude<CallVerdict, 'wait'> = 'call',
): CallWindow | undefined {
  return callTimerAt(now, settings).nextWindow(debtor, minimum);
}

/** The reasons a whole local date is closed for calls (empty when it is open). */
export function dayBlockers(date: CalendarDate, debtor: DebtorCallContext): WaitReason[] {
  const weekday = isoWeekday(date);
  if (weekday >= 6) return [{ code: 'weekend', weekday }];
  const reasons: WaitReason[] = [];
  const countries: Country[] =
    debtor.country === debtor.organisationCountry
      ? [debtor.country]
      : [debtor.country, debtor.organisationCountry];
  for (const country of countries) {
    for (const holiday of holidaysOn(date, country)) {
      reasons.push({ code: 'public_holiday', country, holiday: holiday.key });
    }
  }
  const preferredDays = debtor.contact?.preferredCallDays ?? [];
  if (preferredDays.length > 0 && !preferredDays.includes(weekday)) {
    reasons.push({ code: 'not_preferred_day', weekday, preferredDays });
  }
  return reasons;
}

function planDay(date: CalendarDate, debtor: DebtorCallContext, settings: CallTimingSettings): DayPlan {
  const blockers = dayBlockers(date, debtor);
  if (blockers.length > 0) return { slots: [], blockers };
  const weekday = isoWeekday(date);
  const weekdayBps = settings.weekdayFactorBps[weekday] ?? 10_000;
  const factor = (bps: number) => Math.round((bps * weekdayBps) / 10_000);

  const preferred = preferredRange(debtor.contact);
  if (preferred) {
    return {
      slots: [{ ...preferred, kind: 'preferred_time', factorBps: factor(settings.preferredTimeFactorBps) }],
      blockers,
    };
  }
  const callable = toMinuteRange(settings.callableHours);
  const morningEnd = toMinuteRange({ from: '00:00', until: settings.morningEndsAt }).end;
  const isAvoidedMorning = settings.avoidMorningsOn.includes(weekday);
  const slots: Slot[] = [];
  const golden: MinuteRange[] = [];
  for (const range of settings.goldenHours) {
    const inside = intersectRanges(toMinuteRange(range), callable);
    if (!inside) continue;
    golden.push(inside);
    const avoided = isAvoidedMorning ? intersectRanges(inside, { start: 0, end: morningEnd }) : undefined;
    if (avoided)
      slots.push({
        ...avoided,
        kind: 'avoided_morning',
        factorBps: factor(settings.avoidedMorningFactorBps),
      });
    for (const rest of avoided ? subtractRanges(inside, [avoided]) : [inside]) {
      slots.push({ ...rest, kind: 'golden', factorBps: factor(settings.goldenFactorBps) });
    }
  }
  for (const rest of subtractRanges(callable, golden)) {
    slots.push({ ...rest, kind: 'outside_golden', factorBps: factor(settings.outsideGoldenFactorBps) });
  }
  slots.sort((a, b) => a.start - b.start);
  return { slots, blockers };
}

function preferredRange(contact: ContactCallPreferences | undefined): MinuteRange | undefined {
  if (!contact?.preferredCallFrom || !contact.preferredCallUntil) return undefined;
  return toMinuteRange({ from: contact.preferredCallFrom, until: contact.preferredCallUntil });
}

function outsideHours(minute: number, debtor: DebtorCallContext, settings: CallTimingSettings): WaitReason {
  const preferred = preferredRange(debtor.contact);
  const range = preferred ?? toMinuteRange(settings.callableHours);
  return {
    code: 'outside_callable_hours',
    localTime: formatClockTime(minute),
    from: formatClockTime(range.start),
    until: formatClockTime(range.end),
  };
}

/** The callback's window, moved to the same local time on the next open day when its day is closed. */
function callbackWindow(
  at: Temporal.Instant,
  debtor: DebtorCallContext,
  settings: CallTimingSettings,
  isClosed: (date: CalendarDate, debtor: DebtorCallContext) => boolean,
): CallWindow {
  let local = at.toZonedDateTimeISO(debtorTimeZone(debtor));
  for (let i = 0; i < 14 && isClosed(local.toPlainDate().toString() as CalendarDate, debtor); i++) {
    local = local.add({ days: 1 });
  }
  return {
    kind: 'callback',
    verdict: 'call',
    start: local.subtract({ minutes: settings.callbackEarlyMinutes }),
    end: local.add({ minutes: settings.callbackWindowMinutes }),
    timingFactorBps: settings.callbackFactorBps,
  };
}

function toWindow(date: CalendarDate, zone: string, slot: Slot): CallWindow {
  const at = (minutes: number) =>
    Temporal.PlainDate.from(date)
      .toPlainDateTime({ hour: Math.trunc(minutes / 60), minute: minutes % 60 })
      .toZonedDateTime(zone);
  const verdict = slot.kind === 'golden' || slot.kind === 'preferred_time' ? 'call' : 'acceptable';
  return {
    kind: slot.kind,
    verdict,
    start: at(slot.start),
    end: at(slot.end),
    timingFactorBps: slot.factorBps,
  };
}

function clipStart(window: CallWindow, now: Temporal.Instant): CallWindow {
  if (Temporal.Instant.compare(window.start.toInstant(), now) >= 0) return window;
  return { ...window, start: now.toZonedDateTimeISO(window.start.timeZoneId) };
}
