import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../ledger/enums.js';
import { findUnknownPlaceholders } from '../scripts/placeholders.js';
import { OBJECTION_TEXTS } from './compose-objections.js';
import { OBJECTION_CODES, OBJECTION_LIBRARY } from './objection-library.js';

describe('the objection library', () => {
  it('covers the objections of the seeds (003#3, 000) and more', () => {
    expect(OBJECTION_CODES).toEqual(
      expect.arrayContaining([
        'already_paid',
        'was_ill',
        'call_back_later',
        'not_satisfied',
        'never_saw_invoice',
        'pay_end_of_week',
        'goods_not_received',
        'term_was_sixty_days',
      ]),
    );
    expect(OBJECTION_CODES.length).toBeGreaterThanOrEqual(12);
  });

  it.each(LANGUAGES)(
    'has in %s a label, an example and every counter, with known placeholders only',
    (language) => {
      for (const code of OBJECTION_CODES) {
        const text = OBJECTION_TEXTS[language][code];
        expect(text.label.length, code).toBeGreaterThan(3);
        expect(text.heard.length, code).toBeGreaterThan(10);
        expect(Object.keys(text.counters).sort(), code).toEqual([...OBJECTION_LIBRARY[code].counters].sort());
        for (const counter of Object.values(text.counters)) {
          expect(findUnknownPlaceholders(counter), `${language} ${code}`).toEqual([]);
          expect(counter, `${language} ${code}`).toMatch(/[.?!]$/);
        }
      }
    },
  );

  it('gives the workbench the actions it can take on the spot', () => {
    expect(OBJECTION_LIBRARY.already_paid.nextActions).toEqual([
      { action: 'ask_payment_details', fields: ['date', 'amount', 'account'] },
      { action: 'check_payments' },
    ]);
    expect(OBJECTION_LIBRARY.never_saw_invoice.nextActions).toContainEqual({
      action: 'resend_invoice',
      channel: 'email',
    });
    expect(OBJECTION_LIBRARY.not_satisfied.nextActions.slice(0, 2)).toEqual([
      { action: 'open_dispute', scope: 'invoice' },
      { action: 'ask_undisputed_payment' },
    ]);
    expect(OBJECTION_LIBRARY.call_back_later.nextActions[0]).toEqual({
      action: 'schedule_callback',
      needsExactTime: true,
    });
  });
});
