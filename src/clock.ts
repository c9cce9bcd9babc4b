import { Temporal } from 'temporal-polyfill';
import { type CalendarDate, todayIn } from './core/calendar-date.js';

/** The only source of "now"; tests pass a fixed clock. */
export type Clock = {
  now(): Date;
  today(timeZone?: string): CalendarDate;
};

export const systemClock: Clock = {
  now: () => new Date(),
  today: (timeZone = 'Europe/Amsterdam') => todayIn(Temporal.Now.instant(), timeZone),
};

export function fixedClock(isoInstant: string): Clock {
  const instant = Temporal.Instant.from(isoInstant);
  return {
    now: () => new Date(instant.epochMilliseconds),
    today: (timeZone = 'Europe/Amsterdam') => todayIn(instant, timeZone),
  };
}
