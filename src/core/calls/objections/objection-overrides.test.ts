import { describe, expect, it } from 'vitest';
import { EN_OBJECTIONS } from './en.js';
import { applyObjectionOverrides, checkObjectionOverride } from './objection-overrides.js';

describe('objection overrides', () => {
  it('rewords what is given and keeps the rest of the default', () => {
    const texts = applyObjectionOverrides(EN_OBJECTIONS, {
      already_paid: {
        label: 'Says it is paid',
        counters: { send_proof: 'Could you send the proof for {invoicePhrase}?' },
      },
    });
    expect(texts.already_paid).toEqual({
      label: 'Says it is paid',
      heard: EN_OBJECTIONS.already_paid.heard,
      counters: {
        ask_details: EN_OBJECTIONS.already_paid.counters.ask_details,
        send_proof: 'Could you send the proof for {invoicePhrase}?',
      },
    });
    expect(texts.was_ill).toBe(EN_OBJECTIONS.was_ill);
  });

  it('refuses unknown counters, unknown placeholders and placeholders in the label', () => {
    expect(
      checkObjectionOverride('already_paid', {
        label: 'Paid by {debtorName}',
        counters: { ask_details: 'When, {contactNaam}?', new_one: 'x' },
      }),
    ).toEqual([
      { field: 'label', message: 'takes no placeholders: it is shown as written' },
      {
        field: 'counters.ask_details',
        message: expect.stringMatching(/^unknown placeholder \{contactNaam\}/),
      },
      {
        field: 'counters.new_one',
        message: 'not a counter of already_paid; its counters: ask_details, send_proof',
      },
    ]);
  });
});
