import { describe, expect, it } from 'vitest';
// The server's defaults, read by this test only (the bundle gets the settings from the API).
import { DEFAULT_CALL_SETTINGS } from '../../../../src/core/calls/call-settings.ts';
import { QUEUE_REASONS } from '../../../../src/core/calls/queue-reasons.ts';
import en from '../../i18n/en.json';

/** Every named key of the settings tree (not array positions, not weekdays). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!/^\d+$/.test(key)) into.add(key);
      keysOf(child, into);
    }
  }
  return into;
}

describe('the call settings form', () => {
  it('has a label for every field the server has, so a new one never shows as a raw key', () => {
    const { fields, sections, reasons, risk } = en.callReview.settings;
    const labelled = new Set([
      ...Object.keys(fields),
      ...Object.keys(sections),
      ...Object.keys(reasons),
      ...Object.keys(risk),
      'business',
      'consumer',
    ]);
    expect([...keysOf(DEFAULT_CALL_SETTINGS)].filter((key) => !labelled.has(key))).toEqual([]);
    expect(QUEUE_REASONS.filter((reason) => !(reason in reasons))).toEqual([]);
  });
});
