import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { composePromiseThankYou } from './promise-thank-you.js';

const input = {
  addressee: 'Marieke Hoek',
  creditorName: 'Bakkerij Zon BV',
  amountCents: 40_000,
  promisedDate: '2026-12-11' as CalendarDate,
  invoiceNumbers: ['F-2026-101'],
};

describe('composePromiseThankYou', () => {
  it('thanks in the debtor’s language for the amount and date kept', () => {
    const nl = composePromiseThankYou({ ...input, language: 'nl' });
    expect(nl.subject).toBe('Bedankt voor uw betaling');
    expect(nl.bodyText).toContain('Beste Marieke Hoek,');
    expect(nl.bodyText).toMatch(
      /uw betaling van €\s400,00 ontvangen, zoals u had toegezegd voor 11 december 2026\./,
    );
    expect(nl.bodyText).toContain('Factuur F-2026-101 is hiermee betaald.');
    const fr = composePromiseThankYou({
      ...input,
      language: 'fr',
      addressee: null,
      invoiceNumbers: ['A', 'B'],
    });
    expect(fr.bodyText).toContain('Madame, Monsieur,');
    expect(fr.bodyText).toContain('Les factures A et B sont ainsi payées.');
    const en = composePromiseThankYou({ ...input, language: 'en', invoiceNumbers: [] });
    expect(en.bodyText).not.toContain('Invoice');
    expect(en.bodyText.endsWith('Kind regards,\nBakkerij Zon BV\n')).toBe(true);
  });
});
