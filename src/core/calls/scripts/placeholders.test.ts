import { describe, expect, it } from 'vitest';
import { fillPlaceholders, findPlaceholders, findUnknownPlaceholders } from './placeholders.js';

describe('placeholders', () => {
  it('fills every known placeholder', () => {
    expect(
      fillPlaceholders('Spreek ik met {contactName}? {contactName}, u spreekt met {collectorName}.', {
        contactName: 'Els Peeters',
        collectorName: 'Tom',
      }),
    ).toEqual({ ok: true, text: 'Spreek ik met Els Peeters? Els Peeters, u spreekt met Tom.' });
  });

  it('names unknown and missing placeholders instead of leaving a gap', () => {
    expect(
      fillPlaceholders('{greeting} {contactNaam}, {overdueAmount}', { greeting: 'Goedemorgen' }),
    ).toEqual({
      ok: false,
      unknown: ['contactNaam'],
      missing: ['overdueAmount'],
    });
  });

  it('lists placeholders once, in order, and finds the unknown ones for the editor', () => {
    expect(findPlaceholders('{a} {b} {a}')).toEqual(['a', 'b']);
    expect(findUnknownPlaceholders('{payByDate} {betaalDatum}')).toEqual(['betaalDatum']);
  });
});
