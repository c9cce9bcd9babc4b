import { describe, expect, it } from 'vitest';
import { isRunDue, normaliseTime } from './run-schedule.js';

describe('isRunDue', () => {
  it.each([
    ['06:59', '07:00', 'review', null, false],
    ['07:00', '07:00', 'review', null, true],
    ['13:10', '7:00', 'automatic', null, true],
    ['09:00', '07:00', 'review', 'planned', false],
    ['09:00', '07:00', 'review', 'running', true],
    ['09:00', '07:00', 'review', 'completed', false],
    ['09:00', '07:00', 'automatic', 'running', true],
    ['09:00', '07:00', 'automatic', 'planned', true],
    ['09:00', '07:00', 'automatic', 'completed', false],
  ] as const)(
    'local %s, run time %s, %s mode, today’s run %s → %s',
    (localTime, runTime, mode, status, due) => {
      expect(isRunDue({ localTime, runTime, mode, todaysRun: status ? { status } : null })).toBe(due);
    },
  );
});

describe('normaliseTime', () => {
  it.each([
    ['7:00', '07:00'],
    ['23:59', '23:59'],
    ['24:00', '07:00'],
    ['seven', '07:00'],
  ])('%s → %s', (input, expected) => expect(normaliseTime(input)).toBe(expected));
});
