import { describe, expect, it } from 'vitest';
import { EN_SCRIPTS } from './en.js';
import { applyScriptOverride, checkScriptOverride } from './script-overrides.js';

describe('script overrides', () => {
  it('replaces the sections given and keeps the default for the others', () => {
    const template = EN_SCRIPTS.scripts.just_overdue;
    const edited = applyScriptOverride(template, {
      opening: ['{greeting}, {contactName}.'],
      consequences: [],
    });
    expect(edited).toEqual({ ...template, opening: ['{greeting}, {contactName}.'], consequences: [] });
    expect(applyScriptOverride(template, undefined)).toBe(template);
  });

  it('names every line that uses an unknown placeholder or a stray brace', () => {
    expect(
      checkScriptOverride({ opening: ['Hello {contactName}'], closing: ['ok', 'Pay by {payDate}', '{x'] }),
    ).toEqual([
      { field: 'closing[1]', message: expect.stringMatching(/^unknown placeholder \{payDate\}/) },
      { field: 'closing[2]', message: 'a brace that is not part of a {placeholder}' },
    ]);
  });
});
