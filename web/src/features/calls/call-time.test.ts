import { describe, expect, it } from 'vitest';
import { formatDuration, laterQuarter, localTime, localToday, localToInstant } from './call-time.ts';

describe('localToInstant', () => {
  it('gives the Amsterdam offset of that day, winter and summer', () => {
    expect(localToInstant('2026-03-17', '11:00')).toBe('2026-03-17T11:00:00+01:00');
    expect(localToInstant('2026-07-01', '09:30')).toBe('2026-07-01T09:30:00+02:00');
    // The Sunday clocks go forward (29 March 2026 at 02:00): the afternoon is summer time.
    expect(localToInstant('2026-03-29', '15:00')).toBe('2026-03-29T15:00:00+02:00');
    expect(new Date(localToInstant('2026-10-25', '12:00') ?? '').toISOString()).toBe(
      '2026-10-25T11:00:00.000Z',
    );
  });

  it('refuses what is not a date and a time', () => {
    expect(localToInstant('2026-3-17', '11:00')).toBeNull();
    expect(localToInstant('2026-03-17', '24:00')).toBeNull();
  });
});

describe('laterQuarter and formatDuration', () => {
  it('rounds a callback up to the quarter and keeps it on the day', () => {
    expect(laterQuarter('09:47', 60)).toBe('11:00');
    expect(laterQuarter('10:00', 60)).toBe('11:00');
    expect(laterQuarter('23:20', 60)).toBe('23:45');
  });

  it('shows a call timer', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(750)).toBe('12:30');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});

describe('localToday and localTime', () => {
  it('are what the date and time inputs take', () => {
    expect(localToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(localTime()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  });
});
