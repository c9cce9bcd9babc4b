import { describe, expect, it } from 'vitest';
import { fromDraft, normalField, overridesOf, setAt, toDraft, unitOf } from './settings-form.ts';

const defaults = {
  timing: {
    goldenHours: [{ from: '09:30', until: '11:30' }],
    weekdayFactorBps: { '1': 11000 },
    searchDays: 21,
  },
  routing: { seniorFromCents: 2500000 },
  aftercare: { thankKeptPromises: false },
};

describe('the call settings form', () => {
  it('shows basis points as a percentage and cents as euros, and reads them back', () => {
    expect(unitOf('timing.weekdayFactorBps.1')).toBe('percent');
    expect(unitOf('goals.instalmentBands.0.upToCents')).toBe('euro');
    expect(unitOf('priority.daysLateBands.0.points')).toBe('number');
    const draft = toDraft(defaults);
    expect(draft).toMatchObject({
      timing: { weekdayFactorBps: { '1': '110' }, searchDays: '21' },
      routing: { seniorFromCents: '25000' },
    });
    expect(fromDraft(draft, defaults)).toEqual(defaults);
  });

  it('sends only what changed, arrays whole, and what is not a number as typed', () => {
    let draft = toDraft(defaults);
    draft = setAt(draft, ['timing', 'goldenHours', '0', 'from'], '10:00');
    draft = setAt(draft, ['routing', 'seniorFromCents'], '12500,50');
    draft = setAt(draft, ['timing', 'searchDays'], 'lots');
    expect(overridesOf(fromDraft(draft, defaults), defaults)).toEqual({
      timing: { goldenHours: [{ from: '10:00', until: '11:30' }], searchDays: 'lots' },
      routing: { seniorFromCents: 1250050 },
    });
    expect(overridesOf(fromDraft(toDraft(defaults), defaults), defaults)).toBeUndefined();
  });

  it('removes an item of a list and spells the server fields like the form', () => {
    const draft = setAt(toDraft({ bands: [{ a: 1 }, { a: 2 }] }), ['bands', '0'], undefined);
    expect(draft).toEqual({ bands: [{ a: '2' }] });
    expect(normalField('timing.goldenHours[1]')).toBe('timing.goldenHours.1');
  });
});
