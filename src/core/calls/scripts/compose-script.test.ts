import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../calendar-date.js';
import { LANGUAGES } from '../../ledger/enums.js';
import type { Cents } from '../../money.js';
import {
  chooseScriptSituation,
  composeCallScript,
  SCRIPT_PACKS,
  type SituationFacts,
} from './compose-script.js';
import { findPlaceholders, PLACEHOLDERS } from './placeholders.js';
import { SCRIPT_SITUATIONS, type ScriptContext } from './script-types.js';

const d = (text: string) => text as CalendarDate;
const context: ScriptContext = {
  language: 'nl',
  country: 'NL',
  debtorKind: 'business',
  contactName: 'mevrouw De Vries',
  localHour: 10,
  collectorName: 'Sanne Bakker',
  creditorName: 'Bouwbedrijf Jansen',
  debtorName: 'De Vries Installaties',
  invoiceNumbers: ['2026-0142', '2026-0150'],
  overdueCents: 123_450,
  oldestDueDate: d('2026-11-01'),
  daysLate: 38,
  remindersSent: 2,
  upcoming: { amountCents: 45_000, dueDate: d('2026-12-15') },
  brokenPromise: { amountCents: 60_000, date: d('2026-12-04') },
  goals: { payByDate: d('2026-12-11'), minimumAmountCents: 37_035 as Cents },
  nextStep: { kind: 'handover', date: d('2026-12-18') },
};

describe('composeCallScript', () => {
  it.each(
    LANGUAGES.flatMap((language) => SCRIPT_SITUATIONS.map((situation) => [language, situation] as const)),
  )('%s %s: every line filled, no placeholder left', (language, situation) => {
    const result = composeCallScript(situation, { ...context, language });
    expect(result.issues).toEqual([]);
    const lines = Object.values(result.script.sections).flat();
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).not.toMatch(/[{}]/);
    expect(result.script.sections.opening[0]).toContain('Sanne Bakker');
    expect(result.script.sections.keyQuestions.length).toBeGreaterThanOrEqual(3);
  });

  it('uses only known placeholders in every default template', () => {
    for (const language of LANGUAGES) {
      for (const template of Object.values(SCRIPT_PACKS[language].scripts)) {
        const names = Object.values(template).flat().flatMap(findPlaceholders);
        expect(names.filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n))).toEqual([]);
      }
    }
  });

  it.each([
    ['nl', 'De oudste vervaldatum was 1 november 2026, inmiddels 38 dagen geleden.'],
    ['en', 'The oldest due date was 1 November 2026, 38 days ago now.'],
    ['fr', 'La plus ancienne échéance était le 1er novembre 2026, il y a 38 jours.'],
  ] as const)('%s: a call without reminders sent does not speak of reminders', (language, ending) => {
    const result = composeCallScript('falling_behind', { ...context, language, remindersSent: 0 });
    const line = result.script.sections.opening[1] ?? '';
    expect(line.slice(-ending.length)).toBe(ending);
  });

  it('says the Dutch falling-behind call as a person would', () => {
    const result = composeCallScript('falling_behind', context);
    expect(result.script.sections.opening).toEqual([
      'Goedemorgen, u spreekt met Sanne Bakker van Bouwbedrijf Jansen. Spreek ik met mevrouw De Vries?',
      'Ik bel over het openstaande bedrag van €\u00a01.234,50 voor de facturen 2026-0142 en 2026-0150. De oudste vervaldatum was 1 november 2026, inmiddels 38 dagen geleden, en u heeft er 2 herinneringen over ontvangen.',
      'Ik wil vandaag graag samen met u tot een oplossing komen.',
    ]);
    expect(result.script.sections.keyQuestions[1]).toBe(
      'Welk bedrag kunt u vandaag of morgen betalen? Ik denk aan minstens €\u00a0370,35.',
    );
    expect(result.script.sections.consequences).toEqual([
      'Ik zeg het u liever nu eerlijk: zonder afspraak gaat het dossier op 18 december 2026 naar de volgende stap, de overdracht aan een incassobureau. Daar kunnen extra kosten voor u aan verbonden zijn, en dat wil ik samen met u voorkomen.',
    ]);
    // Before an agreement, the closing rehearses the maximum goal.
    expect(result.script.sections.closing[0]).toBe(
      'Dan leg ik het zo vast: u betaalt €\u00a01.234,50 uiterlijk 11 december 2026.',
    );
  });

  it('summarises a plan in the closing, in French with French typography and Belgian wording', () => {
    const result = composeCallScript('consumer_payment_problems', {
      ...context,
      language: 'fr',
      country: 'BE',
      debtorKind: 'consumer',
      contactName: 'Madame Dubois',
      localHour: 14,
      agreement: {
        kind: 'plan',
        instalments: [
          { amountCents: 61_725, dueDate: d('2027-01-01') },
          { amountCents: 61_725, dueDate: d('2027-02-01') },
        ],
      },
    });
    expect(result.script.sections.opening[0]).toBe(
      'Bonjour, Sanne Bakker de Bouwbedrijf Jansen à l’appareil. Je suis bien en ligne avec Madame Dubois\u00a0?',
    );
    expect(result.script.sections.keyQuestions[2]).toBe(
      'Quelqu’un vous aide-t-il déjà, par exemple un service de médiation de dettes, comme celui du CPAS\u00a0? Nous adapterons alors le plan en conséquence.',
    );
    expect(result.script.sections.closing[0]).toBe(
      'Je résume\u00a0: vous payez 1\u202f234,50\u00a0€ en 2 versements\u00a0: 617,25\u00a0€ le 1er janvier 2027 et 617,25\u00a0€ le 1er février 2027.',
    );
  });

  it('greets by the debtor’s local hour and names the Belgian formal demand', () => {
    const result = composeCallScript('broken_promise', {
      ...context,
      country: 'BE',
      localHour: 14,
      nextStep: { kind: 'formal_demand', date: d('2026-12-18') },
      agreement: { kind: 'promise', amountCents: 60_000, date: d('2026-12-11') },
    });
    expect(result.script.sections.opening[1]).toBe(
      'We hadden afgesproken dat u €\u00a0600,00 uiterlijk 4 december 2026 zou betalen. Die betaling is niet bij ons binnengekomen, en ik wil graag horen wat er is gebeurd.',
    );
    expect(result.script.sections.opening[0]).toMatch(/^Goedemiddag, /);
    expect(result.script.sections.consequences[0]).toContain('naar de volgende stap, een ingebrekestelling.');
    expect(result.script.sections.closing[0]).toBe(
      'Dan leg ik het zo vast: u betaalt €\u00a0600,00 uiterlijk 11 december 2026.',
    );
  });

  it('closes a call before the due date with the coming payment, not the overdue one', () => {
    const result = composeCallScript('before_due', context);
    expect(result.script.sections.closing[0]).toBe(
      'Fijn, dan noteer ik: u betaalt €\u00a0450,00 uiterlijk 15 december 2026.',
    );
  });

  it('says a neutral hint where the call has no value, and reports the line', () => {
    const { brokenPromise: _, goals: __, upcoming: ___, nextStep: ____, ...rest } = context;
    const thin: ScriptContext = { ...rest, invoiceNumbers: [], oldestDueDate: null };
    const result = composeCallScript('broken_promise', thin);
    expect(result.script.sections.opening[1]).toBe(
      'We hadden afgesproken dat u [toegezegd bedrag] uiterlijk [toegezegde datum] zou betalen. Die betaling is niet bij ons binnengekomen, en ik wil graag horen wat er is gebeurd.',
    );
    expect(result.issues).toContainEqual({
      section: 'opening',
      line: 1,
      unknown: [],
      missing: ['promisedAmount', 'promisedDate'],
    });
    for (const language of LANGUAGES) {
      for (const situation of SCRIPT_SITUATIONS) {
        const lines = Object.values(
          composeCallScript(situation, { ...thin, language }).script.sections,
        ).flat();
        for (const line of lines) expect(line, `${language} ${situation}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('keeps a line of an edited template with an unknown name readable and reports it', () => {
    const edited = { opening: ['Dag {contactNaam}'], keyQuestions: [], consequences: [], closing: [] };
    expect(composeCallScript('just_overdue', context, edited)).toEqual({
      script: {
        situation: 'just_overdue',
        language: 'nl',
        sections: { opening: ['Dag [contactNaam]'], keyQuestions: [], consequences: [], closing: [] },
      },
      issues: [{ section: 'opening', line: 0, unknown: ['contactNaam'], missing: [] }],
    });
  });

  it('has a hint for every placeholder in every language', () => {
    for (const language of LANGUAGES) {
      for (const name of PLACEHOLDERS) expect(SCRIPT_PACKS[language].phrases.hints[name]).not.toMatch(/[{}]/);
    }
  });
});

describe('chooseScriptSituation', () => {
  const base: SituationFacts = {
    daysLate: 3,
    hasBrokenPromise: false,
    isConsumer: false,
    hasPaymentTrouble: false,
    isLastStepBeforeLegal: false,
    remindersSent: 0,
  };
  it.each([
    [{}, 'just_overdue'],
    [{ daysLate: -2 }, 'before_due'],
    [{ daysLate: 0 }, 'before_due'],
    [{ remindersSent: 1 }, 'falling_behind'],
    [{ daysLate: 20 }, 'falling_behind'],
    [{ hasBrokenPromise: true, remindersSent: 2 }, 'broken_promise'],
    [{ isLastStepBeforeLegal: true, remindersSent: 3 }, 'final_before_legal'],
    [{ isConsumer: true, hasPaymentTrouble: true, isLastStepBeforeLegal: true }, 'consumer_payment_problems'],
    [{ isConsumer: false, hasPaymentTrouble: true }, 'just_overdue'],
  ] as const)('%o → %s', (change, expected) => {
    expect(chooseScriptSituation({ ...base, ...change })).toBe(expected);
  });
});
