import { describe, expect, it } from 'vitest';
import { checkCallSettings, DEFAULT_CALL_SETTINGS, resolveCallSettings } from './call-settings.js';

describe('resolveCallSettings', () => {
  it('gives the seeds’ defaults', () => {
    const settings = resolveCallSettings();
    expect(settings.timing.goldenHours).toEqual([
      { from: '09:30', until: '11:30' },
      { from: '13:30', until: '15:30' },
    ]);
    expect(settings.timing.avoidMorningsOn).toEqual([1, 5]);
    expect(settings.confirmationWithinBusinessDays).toBe(2);
    expect(checkCallSettings(settings)).toEqual([]);
  });

  it('lays an organisation’s overrides over the defaults, replacing arrays whole', () => {
    const settings = resolveCallSettings({
      timing: { goldenHours: [{ from: '10:00', until: '12:00' }], avoidMorningsOn: [] },
      priority: { reasonPoints: { callback: 80 } },
      routing: { seniorFromCents: 5_000_000 },
    });
    expect(settings.timing.goldenHours).toEqual([{ from: '10:00', until: '12:00' }]);
    expect(settings.timing.avoidMorningsOn).toEqual([]);
    expect(settings.timing.callableHours).toEqual({ from: '09:00', until: '17:00' });
    expect(settings.priority.reasonPoints.callback).toBe(80);
    expect(settings.priority.reasonPoints.broken_promise).toBe(50);
    expect(settings.routing).toEqual({ ...DEFAULT_CALL_SETTINGS.routing, seniorFromCents: 5_000_000 });
    expect(DEFAULT_CALL_SETTINGS.timing.goldenHours).toHaveLength(2); // defaults untouched
  });
});

describe('checkCallSettings', () => {
  it('names every field that cannot work', () => {
    const settings = resolveCallSettings({
      timing: {
        goldenHours: [{ from: '11:30', until: '09:30' }],
        morningEndsAt: 'noon',
        avoidMorningsOn: [8],
      },
      lock: { leaseMinutes: 10, maxHoldMinutes: 5 },
      routing: { mediorFromCents: 9_000_000 },
    });
    expect(checkCallSettings(settings).map((issue) => issue.field)).toEqual([
      'timing.goldenHours[0]',
      'timing.morningEndsAt',
      'timing.avoidMorningsOn[0]',
      'lock.maxHoldMinutes',
      'routing.mediorFromCents',
    ]);
    expect(checkCallSettings(settings)[0]?.message).toBe('clock range ends before it starts: 11:30–09:30');
  });
});
