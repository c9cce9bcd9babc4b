import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  intersectRanges,
  parseClockTime,
  subtractRanges,
  toMinuteRange,
} from './clock-time.js';

describe('clock times', () => {
  it.each([
    ['09:30', 570],
    ['00:00', 0],
    ['23:59', 1_439],
    [' 13:05 ', 785],
  ])('%s → %i', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes);
    expect(formatClockTime(minutes)).toBe(text.trim());
  });

  it.each(['9:30', '24:00', '12:60', 'noon', ''])('refuses "%s"', (text) => {
    expect(() => parseClockTime(text)).toThrow(`not a clock time (HH:MM): "${text}"`);
  });

  it('cuts ranges', () => {
    const day = toMinuteRange({ from: '09:00', until: '17:00' });
    expect(intersectRanges(day, { start: 480, end: 600 })).toEqual({ start: 540, end: 600 });
    expect(intersectRanges(day, { start: 1_020, end: 1_100 })).toBeUndefined();
    expect(
      subtractRanges(day, [
        { start: 810, end: 930 },
        { start: 570, end: 690 },
      ]),
    ).toEqual([
      { start: 540, end: 570 },
      { start: 690, end: 810 },
      { start: 930, end: 1_020 },
    ]);
    expect(() => toMinuteRange({ from: '12:00', until: '12:00' })).toThrow(
      'clock range ends before it starts',
    );
  });
});
