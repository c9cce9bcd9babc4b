import { describe, expect, it } from 'vitest';
import type { Country, DebtorKind, Language } from '../../ledger/enums.js';
import { cents } from '../../money.js';
import { LETTER_KINDS, type LetterInput, type LetterKind, TONES, type Tone } from '../letter.js';
import { composeLetter } from './compose-letter.js';
import { formatEuro, formatLongDate } from './format.js';
import { renderLetterText } from './render-text.js';
import { beInput, d, invoice, nlInput } from './test-fixtures.js';

const LANGUAGES = ['nl', 'fr', 'en'] as const satisfies readonly Language[];
const PARTIES = [
  ['NL', 'business'],
  ['NL', 'consumer'],
  ['BE', 'business'],
  ['BE', 'consumer'],
] as const satisfies readonly (readonly [Country, DebtorKind])[];

/** A full input: two invoices and a credit note, two earlier letters, an agreement, costs announced. */
function scenario(
  kind: LetterKind,
  language: Language,
  tone: Tone,
  jurisdiction: Country,
  debtorKind: DebtorKind,
): LetterInput {
  const base = jurisdiction === 'NL' ? nlInput() : beInput();
  return {
    ...base,
    kind,
    language,
    tone,
    debtorKind,
    letterDate: d('2026-11-03'),
    deadline: d('2026-11-20'),
    contact: { name: 'Anna Peeters-Janssens' },
    invoices: [
      invoice('2026-0100', 100000, { description: 'Onderhoud installatie' }),
      invoice('2026-0117', 23450, { issueDate: d('2026-10-08'), dueDate: d('2026-11-07') }),
      invoice('CN-2026-007', -10000, { isCreditNote: true, description: 'Creditnota korting' }),
    ],
    previousLetters: [
      { kind: 'first_reminder', date: d('2026-10-05') },
      { kind: 'second_reminder', date: d('2026-10-19') },
    ],
    agreements: [{ date: d('2026-10-22'), description: 'betaling toegezegd vóór 31 oktober' }],
    announcedCostsCents: cents(4000),
    payment: { ...base.payment, amountCents: cents(113450) },
  };
}

const everyText = (input: LetterInput) => {
  const content = composeLetter(input);
  return { content, text: `${content.subject}\n${renderLetterText(content)}` };
};

const CASES = LETTER_KINDS.flatMap((kind) =>
  LANGUAGES.flatMap((language) =>
    TONES.flatMap((tone) =>
      PARTIES.map(([jurisdiction, debtorKind]) => [kind, language, tone, jurisdiction, debtorKind] as const),
    ),
  ),
);

describe('composeLetter: every kind × language × tone × NL/BE × B2B/B2C', () => {
  it.each(CASES)('%s in %s, %s, %s %s', (kind, language, tone, jurisdiction, debtorKind) => {
    const input = scenario(kind, language, tone, jurisdiction, debtorKind);
    const { content, text } = everyText(input);
    const date = (value: string) => formatLongDate(d(value), language);

    expect(content.language).toBe(language);
    // Nothing left over from templating.
    expect(text).not.toMatch(/undefined|NaN|null|\[object|[{}]/);
    for (const paragraph of [content.subject, content.salutation, ...content.opening, ...content.body]) {
      expect(paragraph.trim()).toBe(paragraph);
      expect(paragraph).not.toMatch(/ {2}| ,| \.(?!\d)|\.\./);
    }
    // The salutation names the contact.
    expect(content.salutation).toContain('Anna Peeters-Janssens');
    // One table for all invoices, with headings in the language and the right total.
    expect(content.table.rows).toEqual(input.invoices);
    expect(content.table.totalOpenCents).toBe(113450);
    expect(new Set(Object.values(content.table.headings)).size).toBe(6);
    for (const number of ['2026-0100', '2026-0117', 'CN-2026-007']) expect(text).toContain(number);
    expect(text).toContain(formatEuro(113450, language));
    // The deadline is in the letter and the payment box says how to pay.
    expect([...content.opening, ...content.body].join(' ')).toContain(date('2026-11-20'));
    expect(content.paymentBox.rows.map((r) => r.value)).toContain(formatEuro(113450, language));
    expect(content.paymentBox.rows.map((r) => r.value)).toContain(input.payment.reference);
    // Earlier letters and agreements are referred to by date.
    const opening = content.opening.join(' ');
    for (const earlier of ['2026-10-05', '2026-10-19', '2026-10-22'])
      expect(opening).toContain(date(earlier));
    expect(opening).toContain('betaling toegezegd vóór 31 oktober');
    expect(content.closing).not.toBe('');
    expect(content.signature).toContain(input.signatory?.name ?? input.creditor.name);
  });
});

describe('NL consumer fourteen-day letter (art. 6:96 lid 6 BW, LEGAL.md §1.3)', () => {
  const MANDATORY = {
    nl: {
      term: 'Deze termijn begint op de dag na de dag waarop u deze brief hebt ontvangen.',
      fourteen: 'veertien dagen',
      noCosts: 'Betaalt u binnen deze termijn, dan brengen wij u geen incassokosten in rekening.',
      costs: 'buitengerechtelijke incassokosten van',
    },
    fr: {
      term: 'Ce délai commence le lendemain du jour où vous recevez cette lettre.',
      fourteen: 'quatorze jours',
      noCosts: 'Si vous payez dans ce délai, vous ne paierez pas de frais de recouvrement.',
      costs: 'frais de recouvrement extrajudiciaires de',
    },
    en: {
      term: 'This period starts on the day after you receive this letter.',
      fourteen: 'fourteen days',
      noCosts: 'If you pay within this period, we will not charge you any collection costs.',
      costs: 'extrajudicial collection costs of',
    },
  } as const;

  it.each(LANGUAGES.flatMap((language) => TONES.map((tone) => [language, tone] as const)))(
    'in %s, %s: the term from receipt, the exact costs, and no costs when paid in time',
    (language, tone) => {
      const input = { ...scenario('fourteen_day_letter', language, tone, 'NL', 'consumer') };
      const withCosts = { ...input, announcedCostsCents: cents(18518) };
      const body = composeLetter(withCosts).body.join('\n');
      const m = MANDATORY[language];
      expect(body).toContain(m.fourteen);
      expect(body).toContain(m.term);
      expect(body).toContain(m.noCosts);
      expect(body).toContain(`${m.costs} ${formatEuro(18518, language)}`);
      expect(body).toContain(formatEuro(113450 + 18518, language));
      // Wording that makes the letter void (HR 25-11-2016 (c)).
      expect(body).not.toMatch(/na dagtekening|na verzending|na heden|after the date of this letter/i);
      const term = composeLetter(withCosts).paymentBox.rows.at(-1);
      expect(term?.value).toMatch(/^14 /);
    },
  );

  it('refuses a letter that does not state the costs, or whose deadline is earlier than the term', () => {
    const input = scenario('fourteen_day_letter', 'nl', 'neutral', 'NL', 'consumer');
    expect(() => composeLetter({ ...input, announcedCostsCents: null })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ field: 'announcedCostsCents' })],
      }),
    );
    // Sent Tue 3 Nov, presumed received Thu 5 Nov: the term runs to Thu 19 Nov.
    expect(() => composeLetter({ ...input, deadline: d('2026-11-18') })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'deadline' })] }),
    );
    expect(() => composeLetter({ ...input, deadline: d('2026-11-19') })).not.toThrow();
  });

  it('never announces costs in a reminder to an NL consumer', () => {
    for (const kind of ['first_reminder', 'second_reminder'] as const) {
      const input = { ...scenario(kind, 'nl', 'firm', 'NL', 'consumer'), announcedCostsCents: cents(18518) };
      expect(renderLetterText(composeLetter(input))).not.toContain(formatEuro(18518, 'nl'));
    }
  });
});

describe('BE consumer first reminder (Boek XIX WER, LEGAL.md §4)', () => {
  const FREE = {
    nl: 'Deze eerste herinnering is kosteloos',
    fr: 'Ce premier rappel est gratuit',
    en: 'This first reminder is free of charge',
  };

  it.each(LANGUAGES.flatMap((language) => TONES.map((tone) => [language, tone] as const)))(
    'in %s, %s: free, with principal, term, damages, creditor and enterprise number',
    (language, tone) => {
      const input = scenario('first_reminder', language, tone, 'BE', 'consumer');
      const content = composeLetter(input);
      const text = renderLetterText(content);
      const body = content.body.join('\n');
      expect(body).toContain(FREE[language]);
      expect(body).toContain(formatEuro(113450, language));
      expect(body).toContain(formatLongDate(d('2026-11-20'), language));
      expect(body).toMatch(/veertien kalenderdagen|quatorze jours calendrier|fourteen calendar days/);
      expect(body).toContain(formatEuro(4000, language));
      expect(content.signature).toContain(input.creditor.name);
      expect(content.signature.join(' ')).toContain('0123.456.749');
      // The goods or services and their due dates are in the table.
      expect(text).toContain('Onderhoud installatie');
      expect(text).toContain(formatLongDate(d('2026-10-31'), language));
    },
  );

  it('announces no damages when none are agreed, and is still free', () => {
    const input = {
      ...scenario('first_reminder', 'nl', 'neutral', 'BE', 'consumer'),
      announcedCostsCents: null,
    };
    const body = composeLetter(input).body.join('\n');
    expect(body).toContain('kosteloos');
    expect(body).not.toContain('schadevergoeding');
  });

  it('refuses to write it without the enterprise number', () => {
    const base = scenario('first_reminder', 'fr', 'friendly', 'BE', 'consumer');
    const input = { ...base, creditor: { ...base.creditor, companyNumber: null } };
    expect(() => composeLetter(input)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'creditor.companyNumber' })] }),
    );
  });
});

describe('wording details', () => {
  it('greets by name, the consumer by their own name, a business without contact generically', () => {
    const business = { ...nlInput(), contact: null };
    const consumer = { ...nlInput({ debtorKind: 'consumer' }), contact: null };
    expect(composeLetter(nlInput()).salutation).toBe('Beste Jan de Vries,');
    expect(composeLetter({ ...nlInput(), tone: 'firm' }).salutation).toBe('Geachte Jan de Vries,');
    expect(composeLetter(business).salutation).toBe('Geachte heer, mevrouw,');
    expect(composeLetter({ ...business, language: 'fr' }).salutation).toBe('Madame, Monsieur,');
    expect(composeLetter({ ...business, language: 'en' }).salutation).toBe('Dear Sir or Madam,');
    expect(composeLetter({ ...business, language: 'en', tone: 'neutral' }).closing).toBe('Yours faithfully,');
    expect(
      composeLetter({ ...consumer, debtor: { ...consumer.debtor, name: 'Petra Jansen' } }).salutation,
    ).toBe('Beste Petra Jansen,');
  });

  it('uses NL words for an NL creditor and Belgian words for a BE one', () => {
    const nlText = renderLetterText(composeLetter(nlInput({ kind: 'formal_demand' })));
    const beText = renderLetterText(composeLetter(beInput({ kind: 'formal_demand', language: 'nl' })));
    expect(nlText).toContain('onder vermelding van betalingskenmerk 1234 5678 9012 3456');
    expect(nlText).toContain('Maak het bedrag over naar NL91 ABNA 0417 1643 00');
    expect(nlText).toContain('Wij sommeren u hierbij');
    expect(composeLetter(nlInput({ kind: 'formal_demand' })).subject).toBe('Sommatie: factuur 2026-0142');
    expect(beText).toContain('met de gestructureerde mededeling +++090/9337/55493+++');
    expect(beText).toContain('Schrijf het bedrag over op rekening BE68 5390 0754 7034');
    expect(beText).toContain('Wij stellen u hierbij formeel in gebreke');
    expect(beText).toContain('Met vriendelijke groeten,');
    expect(composeLetter(beInput({ kind: 'formal_demand', language: 'nl' })).subject).toBe(
      'Ingebrekestelling: factuur F2026-0871',
    );
    const frText = renderLetterText(composeLetter(beInput({ kind: 'formal_demand', tone: 'neutral' })));
    expect(frText).toContain('nous vous mettons formellement en demeure');
    expect(frText).toContain("sur le compte BE68 5390 0754 7034 d'Électricité Lambert SRL");
  });

  it('names the invoice numbers as the payment description when there is no reference', () => {
    const input = scenario('second_reminder', 'nl', 'neutral', 'NL', 'business');
    const content = composeLetter({ ...input, payment: { ...input.payment, reference: null } });
    expect(content.body[0]).toContain('onder vermelding van de factuurnummers 2026-0100 en 2026-0117');
    expect(content.paymentBox.rows).toContainEqual({ label: 'Omschrijving', value: '2026-0100, 2026-0117' });
  });

  it('passes the claim statement through and says what the amount includes', () => {
    const claim = {
      lines: [
        { kind: 'principal', label: 'Hoofdsom', amountCents: cents(123450) },
        { kind: 'costs', label: 'Buitengerechtelijke incassokosten (WIK)', amountCents: cents(18518) },
        { kind: 'interest', label: 'Wettelijke handelsrente', amountCents: cents(1234) },
      ],
      totalCents: cents(143202),
    } as const;
    const input = nlInput({
      kind: 'formal_demand',
      claim,
      payment: { ...nlInput().payment, amountCents: cents(143202) },
    });
    const content = composeLetter(input);
    expect(content.claim).toEqual({
      title: 'Specificatie van de vordering',
      totalLabel: 'Totaal te betalen',
      ...claim,
    });
    expect(content.body[0]).toBe(
      `Wij sommeren u hierbij het bedrag van ${formatEuro(143202, 'nl')} (inclusief kosten en rente) uiterlijk op 13 november 2026 te betalen.`,
    );
  });

  it('writes a pre-due notice without costs or consequences, even when costs are configured', () => {
    const text = renderLetterText(
      composeLetter(nlInput({ kind: 'pre_due_notice', announcedCostsCents: cents(4000) })),
    );
    expect(text).not.toContain(formatEuro(4000, 'nl'));
    expect(text).toContain('Hebt u al betaald? Dan hoeft u niets meer te doen.');
  });

  it('refuses a letter without invoices or without an account to pay to', () => {
    const noIban = nlInput({ payment: { ...nlInput().payment, iban: ' ' } });
    expect(() => composeLetter(noIban)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'payment.iban' })] }),
    );
    expect(() => composeLetter(nlInput({ invoices: [] }))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ field: 'invoices' })],
      }),
    );
  });
});
