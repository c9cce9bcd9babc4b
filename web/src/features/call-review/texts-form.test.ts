import { describe, expect, it } from 'vitest';
import { changedObjection, changedSections, issueAt, lineOf, shortReason } from './texts-form.ts';

const defaults = { opening: ['Hello {contactName}.'], closing: ['Thanks.', 'Bye.'] };

describe('the edit of a script', () => {
  it('sends only the sections that differ from the default, trimmed and without empty lines', () => {
    expect(
      changedSections({ opening: [' Hello {contactName}. '], closing: ['Thanks.', 'Bye.', ''] }, defaults),
    ).toEqual({});
    expect(
      changedSections({ opening: ['Hi {contactName}.', '  '], closing: ['Thanks.', 'Bye.'] }, defaults),
    ).toEqual({
      opening: ['Hi {contactName}.'],
    });
  });

  it('finds the issue of a line however the server spells its path', () => {
    const issues = [{ field: 'opening[1]', message: 'unknown placeholder {x}' }];
    expect(issueAt(issues, 'opening.1')?.message).toBe('unknown placeholder {x}');
    expect(issueAt(issues, 'opening.0')).toBeUndefined();
    expect(lineOf('keyQuestions[3]')).toEqual({ section: 'keyQuestions', line: 3 });
    expect(lineOf('label')).toBeNull();
    expect(shortReason('unknown placeholder {x}; known: greeting, contactName')).toBe(
      'unknown placeholder {x}',
    );
  });
});

describe('the edit of an objection', () => {
  it('sends the label, heard and counters that differ', () => {
    const base = { label: 'Already paid', heard: 'We paid.', counters: { ask: 'When?', check: 'I check.' } };
    expect(changedObjection({ ...base, label: ' Already paid ' }, base)).toEqual({});
    expect(
      changedObjection({ ...base, counters: { ask: 'On which day?', check: 'I check.' } }, base),
    ).toEqual({
      counters: { ask: 'On which day?' },
    });
  });
});
