import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import {
  callWindowAt,
  DEFAULT_CALL_TIMING,
  type DebtorCallContext,
  dayBlockers,
  nextCallWindow,
} from './call-timing.js';

/** An instant written as local Amsterdam/Brussels wall-clock time (both CET/CEST). */
const at = (local: string, zone = 'Europe/Amsterdam') =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant();

const nl: DebtorCallContext = { country: 'NL', organisationCountry: 'NL' };
const be: DebtorCallContext = { country: 'BE', organisationCountry: 'NL' };

describe('callWindowAt', () => {
  // 2026-12-08 is a Tuesday, 2026-12-07 a Monday, 2026-12-11 a Friday.
  it.each([
    ['2026-12-08T10:00', 'call', 'golden', 11_000], // Tuesday, preferred day
    ['2026-12-09T10:00', 'call', 'golden', 10_000], // Wednesday
    ['2026-12-09T14:00', 'call', 'golden', 10_000],
    ['2026-12-09T11:30', 'acceptable', 'outside_golden', 5_000], // golden ends at 11:30 (exclusive)
    ['2026-12-09T09:29', 'acceptable', 'outside_golden', 5_000],
    ['2026-12-09T12:15', 'acceptable', 'outside_golden', 5_000], // lunch
    ['2026-12-07T10:00', 'acceptable', 'avoided_morning', 6_600], // Monday morning: 6000 × 1.1
    ['2026-12-07T14:00', 'call', 'golden', 11_000], // Monday afternoon is fine
    ['2026-12-11T10:00', 'acceptable', 'avoided_morning', 5_400], // Friday morning: 6000 × 0.9
    ['2026-12-11T14:00', 'call', 'golden', 9_000],
  ] as const)('NL debtor at %s → %s (%s, factor %i)', (local, verdict, kind, factor) => {
    const timing = callWindowAt(at(local), nl);
    expect(timing.verdict).toBe(verdict);
    expect(timing.window?.kind).toBe(kind);
    expect(timing.timingFactorBps).toBe(factor);
    expect(timing.reasons).toEqual([]);
  });

  it.each([
    [
      '2026-12-09T08:30',
      { code: 'outside_callable_hours', localTime: '08:30', from: '09:00', until: '17:00' },
    ],
    [
      '2026-12-09T17:00',
      { code: 'outside_callable_hours', localTime: '17:00', from: '09:00', until: '17:00' },
    ],
    ['2026-12-12T10:00', { code: 'weekend', weekday: 6 }],
    ['2026-12-25T10:00', { code: 'public_holiday', country: 'NL', holiday: 'christmas-day' }],
    ['2026-04-27T10:00', { code: 'public_holiday', country: 'NL', holiday: 'kings-day' }],
  ] as const)('NL debtor at %s waits: %o', (local, reason) => {
    const timing = callWindowAt(at(local), nl);
    expect(timing.verdict).toBe('wait');
    expect(timing.timingFactorBps).toBe(0);
    expect(timing.reasons).toEqual([reason]);
  });

  it('uses the debtor’s local time, not the server’s (10:00 in Brussels is 09:00 UTC in winter)', () => {
    const timing = callWindowAt(Temporal.Instant.from('2026-12-09T09:00:00Z'), be);
    expect(timing.localTime.toString()).toBe('2026-12-09T10:00:00+01:00[Europe/Brussels]');
    expect(timing.verdict).toBe('call');
    // The same instant seen from London would be 09:00, outside the golden hours.
    const london = callWindowAt(Temporal.Instant.from('2026-12-09T09:00:00Z'), {
      ...nl,
      timeZone: 'Europe/London',
    });
    expect(london.window?.kind).toBe('outside_golden');
  });

  it('keeps summer time apart: 10:00 CEST is 08:00 UTC', () => {
    expect(callWindowAt(Temporal.Instant.from('2026-06-10T08:00:00Z'), nl).window?.kind).toBe('golden');
  });

  it('closes the days of both the debtor’s country and the organisation’s', () => {
    // 21 July: Belgian national day; 5 May: Dutch Bevrijdingsdag (Algemene termijnenwet).
    expect(callWindowAt(at('2026-07-21T10:00', 'Europe/Brussels'), be).reasons).toEqual([
      { code: 'public_holiday', country: 'BE', holiday: 'belgian-national-day' },
    ]);
    expect(callWindowAt(at('2026-05-05T10:00', 'Europe/Brussels'), be).reasons).toEqual([
      { code: 'public_holiday', country: 'NL', holiday: 'liberation-day' },
    ]);
    const beOnly: DebtorCallContext = { country: 'BE', organisationCountry: 'BE' };
    expect(callWindowAt(at('2026-05-05T10:00', 'Europe/Brussels'), beOnly).verdict).toBe('call');
  });

  it('respects the contact’s preferred days and times, and drops the golden hours and avoided mornings for them', () => {
    const debtor: DebtorCallContext = {
      ...nl,
      contact: { preferredCallDays: [1, 4], preferredCallFrom: '08:00', preferredCallUntil: '09:00' },
    };
    expect(callWindowAt(at('2026-12-07T08:30'), debtor)).toMatchObject({
      verdict: 'call',
      window: { kind: 'preferred_time' },
      timingFactorBps: 11_000,
    });
    expect(callWindowAt(at('2026-12-07T10:00'), debtor).reasons).toEqual([
      { code: 'outside_callable_hours', localTime: '10:00', from: '08:00', until: '09:00' },
    ]);
    expect(callWindowAt(at('2026-12-08T08:30'), debtor).reasons).toEqual([
      { code: 'not_preferred_day', weekday: 2, preferredDays: [1, 4] },
    ]);
  });

  it('limits to preferred days but keeps the golden hours when the contact gave no times', () => {
    const debtor: DebtorCallContext = {
      ...nl,
      contact: { preferredCallDays: [3], preferredCallFrom: null, preferredCallUntil: null },
    };
    expect(callWindowAt(at('2026-12-09T10:00'), debtor).window?.kind).toBe('golden');
    expect(callWindowAt(at('2026-12-10T10:00'), debtor).verdict).toBe('wait');
  });

  describe('a gatekeeper callback', () => {
    const callback = (local: string): DebtorCallContext => ({
      ...nl,
      contact: { preferredCallDays: [2], preferredCallFrom: '14:00', preferredCallUntil: '15:00' },
      callbackAt: at(local),
    });

    it('is due at its exact time, even on a Friday at 16:45 outside every preference', () => {
      const timing = callWindowAt(at('2026-12-11T16:45'), callback('2026-12-11T16:45'));
      expect(timing).toMatchObject({ verdict: 'call', timingFactorBps: 10_000 });
      expect(timing.window?.kind).toBe('callback');
      expect(timing.window?.start.toString()).toBe('2026-12-11T16:40:00+01:00[Europe/Amsterdam]');
      expect(timing.window?.end.toString()).toBe('2026-12-11T17:15:00+01:00[Europe/Amsterdam]');
    });

    it('makes the debtor wait until then, even in the golden hours', () => {
      const timing = callWindowAt(at('2026-12-08T14:30'), callback('2026-12-09T11:00'));
      expect(timing.verdict).toBe('wait');
      expect(timing.reasons).toEqual([
        { code: 'callback_pending', callbackAt: '2026-12-09T11:00:00+01:00[Europe/Amsterdam]' },
      ]);
    });

    it('moves from a holiday or weekend to the same time on the next business day', () => {
      // Agreed for Saturday 12 December 10:00 → Monday 14 December 10:00.
      const window = nextCallWindow(at('2026-12-11T12:00'), callback('2026-12-12T10:00'));
      expect(window?.start.toString()).toBe('2026-12-14T09:55:00+01:00[Europe/Amsterdam]');
      expect(window?.kind).toBe('callback');
    });

    it('falls back to the normal rules once its window has passed', () => {
      const timing = callWindowAt(at('2026-12-08T14:30'), callback('2026-12-08T10:00'));
      expect(timing.window?.kind).toBe('preferred_time');
    });
  });
});

describe('nextCallWindow', () => {
  it.each([
    // now, expected start, expected end, kind
    ['2026-12-09T08:00', '2026-12-09T09:30', '2026-12-09T11:30', 'golden'], // later today
    ['2026-12-09T10:15', '2026-12-09T10:15', '2026-12-09T11:30', 'golden'], // inside: clipped to now
    ['2026-12-09T16:00', '2026-12-10T09:30', '2026-12-10T11:30', 'golden'], // tomorrow
    ['2026-12-11T16:00', '2026-12-14T13:30', '2026-12-14T15:30', 'golden'], // Friday → Monday afternoon
    // Past Christmas (25, 26 December) and the weekend to Monday 28, whose morning is avoided.
    ['2026-12-24T16:00', '2026-12-28T13:30', '2026-12-28T15:30', 'golden'],
  ] as const)('from %s → %s', (now, start, end, kind) => {
    const window = nextCallWindow(at(now), nl);
    expect(window?.start.toPlainDateTime().toString()).toBe(`${start}:00`);
    expect(window?.end.toPlainDateTime().toString()).toBe(`${end}:00`);
    expect(window?.kind).toBe(kind);
  });

  it('accepts a less suitable slot when asked', () => {
    const window = nextCallWindow(at('2026-12-11T08:00'), nl, DEFAULT_CALL_TIMING, 'acceptable');
    expect(window?.start.toPlainDateTime().toString()).toBe('2026-12-11T09:00:00');
    expect(window?.kind).toBe('outside_golden');
  });

  it('gives up after the search horizon', () => {
    const debtor: DebtorCallContext = {
      ...nl,
      contact: { preferredCallDays: [6], preferredCallFrom: null, preferredCallUntil: null },
    };
    expect(nextCallWindow(at('2026-12-09T08:00'), debtor)).toBeUndefined();
  });
});

describe('dayBlockers', () => {
  it('lists every reason a day is closed', () => {
    const debtor: DebtorCallContext = {
      country: 'BE',
      organisationCountry: 'NL',
      contact: { preferredCallDays: [2], preferredCallFrom: null, preferredCallUntil: null },
    };
    // Ascension Day 2026 (14 May) is a holiday in both countries and a Thursday.
    expect(dayBlockers('2026-05-14' as CalendarDate, debtor)).toEqual([
      { code: 'public_holiday', country: 'BE', holiday: 'ascension-day' },
      { code: 'public_holiday', country: 'NL', holiday: 'ascension-day' },
      { code: 'not_preferred_day', weekday: 4, preferredDays: [2] },
    ]);
  });
});
