import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../calendar-date.js';
import { composeObjections } from './compose-objections.js';
import { rankObjections } from './rank-objections.js';

const values = {
  invoicePhrase: 'factuur 2026-0142',
  overdueAmount: '€\u00a01.234,50',
  payByDate: '11 december 2026',
  paymentTermDays: '30',
};

describe('composeObjections', () => {
  it('fills the counters in Dutch, own objections first, with the next actions', () => {
    const ranked = rankObjections(
      [{ code: 'term_was_sixty_days', count: 1, lastRaisedOn: '2026-10-02' as CalendarDate }],
      [{ counterId: 'term_was_sixty_days.show_terms', uses: 3, keptPromises: 2 }],
    );
    const { objections, issues } = composeObjections(ranked, 'nl', values);
    expect(issues).toEqual([]);
    expect(objections[0]).toEqual({
      code: 'term_was_sixty_days',
      label: 'Was de termijn niet 60 dagen?',
      heard: 'De betalingstermijn was toch 60 dagen?',
      isOwn: true,
      ownCount: 1,
      uses: 3,
      keptPromises: 2,
      successRateBps: 6_000,
      counters: [
        {
          id: 'term_was_sixty_days.show_terms',
          text: 'Ik begrijp de verwarring. Met u is een betalingstermijn van 30 dagen afgesproken, en die staat ook op de factuur. Ik stuur u de opdrachtbevestiging graag nog eens toe.',
          uses: 3,
          keptPromises: 2,
          successRateBps: 6_000,
        },
        {
          id: 'term_was_sixty_days.check_with_sales',
          text: 'Heeft u met onze verkoper iets anders afgesproken, dan zoek ik dat uit. Kunnen we intussen afspreken dat het bedrag uiterlijk 11 december 2026 binnen is?',
          uses: 0,
          keptPromises: 0,
          successRateBps: 5_000,
        },
      ],
      nextActions: [
        { action: 'send_terms' },
        { action: 'check_sales_agreements' },
        { action: 'record_promise' },
      ],
    });
  });

  it('applies French typography', () => {
    const { objections } = composeObjections(rankObjections([], []), 'fr', {
      ...values,
      invoicePhrase: 'la facture 2026-0142',
    });
    const paid = objections.find((o) => o.code === 'already_paid');
    expect(paid?.counters[0]?.text).toBe(
      'Merci, je vérifie tout de suite. Quand le paiement a-t-il été fait, de quel montant et depuis quel compte\u00a0? Je pourrai ainsi le retrouver.',
    );
  });

  it('leaves out, and reports, a counter it cannot fill', () => {
    const { paymentTermDays: _, ...withoutTerm } = values;
    const { objections, issues } = composeObjections(rankObjections([], []), 'en', withoutTerm);
    expect(issues).toEqual([
      { counterId: 'term_was_sixty_days.show_terms', unknown: [], missing: ['paymentTermDays'] },
    ]);
    expect(objections.find((o) => o.code === 'term_was_sixty_days')?.counters.map((c) => c.id)).toEqual([
      'term_was_sixty_days.check_with_sales',
    ]);
  });
});
