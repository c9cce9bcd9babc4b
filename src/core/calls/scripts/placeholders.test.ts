import { describe, expect, it } from 'vitest';
import { EN_SCRIPTS } from './en.js';
import {
  checkTemplateLine,
  fillPlaceholders,
  fillPlaceholdersOrHint,
  findPlaceholders,
  findUnknownPlaceholders,
} from './placeholders.js';

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

  it('puts a hint where a value is missing and the name where it is unknown', () => {
    expect(
      fillPlaceholdersOrHint(
        'Pay by {payByDate}, {contactName}; {betaalDatum}.',
        { contactName: 'Els' },
        EN_SCRIPTS.phrases.hints,
      ),
    ).toEqual({
      text: 'Pay by [date to agree], Els; [betaalDatum].',
      unknown: ['betaalDatum'],
      missing: ['payByDate'],
    });
  });

  it('refuses unknown placeholders and stray braces in an edited line', () => {
    expect(checkTemplateLine('Dag {contactName}, {payByDate}')).toBeNull();
    expect(checkTemplateLine('Dag {contactNaam}')).toMatch(
      /^unknown placeholder \{contactNaam\}; known: greeting, /,
    );
    expect(checkTemplateLine('Dag { contactName }')).toBe('a brace that is not part of a {placeholder}');
    expect(checkTemplateLine('Dag {contactName')).toBe('a brace that is not part of a {placeholder}');
  });
});
