import { describe, expect, it } from 'vitest';
import { cents } from '../../money.js';
import { composeLetter } from './compose-letter.js';
import { renderLetterText } from './render-text.js';
import { beInput, d, invoice, nlInput } from './test-fixtures.js';

/** Exact wording for one NL and one FR letter, and whole letters as text files to read in review. */

const nbsp = '\u00a0';

describe('golden letters', () => {
  it('NL first reminder, friendly, to a Dutch business', () => {
    const { table, ...content } = composeLetter(nlInput());
    expect(content).toEqual({
      language: 'nl',
      subject: 'Betalingsherinnering: factuur 2026-0142',
      salutation: 'Beste Jan de Vries,',
      opening: [
        'Bij het nalopen van onze administratie zagen wij dat onze factuur 2026-0142 van 1 oktober 2026 nog openstaat. Dat kan natuurlijk gebeuren, vandaar deze vriendelijke herinnering.',
        'Het gaat om de volgende factuur:',
      ],
      claim: null,
      body: [
        `Wilt u het bedrag van €${nbsp}1.234,50 uiterlijk op 13 november 2026 overmaken naar NL91 ABNA 0417 1643 00 ten name van Bakkerij Van Dam B.V., onder vermelding van betalingskenmerk 1234 5678 9012 3456?`,
        'Misschien heeft deze herinnering uw betaling gekruist; in dat geval kunt u haar als niet verzonden beschouwen.',
        'Hebt u vragen, of klopt er iets niet aan deze factuur? Laat het ons gerust weten via debiteuren@bakkerijvandam.nl of 030 123 45 67.',
        'Alvast hartelijk dank!',
      ],
      paymentBox: {
        title: 'Betaalgegevens',
        rows: [
          { label: 'Bedrag', value: `€${nbsp}1.234,50` },
          { label: 'IBAN', value: 'NL91 ABNA 0417 1643 00' },
          { label: 'Ten name van', value: 'Bakkerij Van Dam B.V.' },
          { label: 'Betalingskenmerk', value: '1234 5678 9012 3456' },
          { label: 'Uiterlijk betalen op', value: '13 november 2026' },
        ],
      },
      closing: 'Met vriendelijke groet,',
      signature: ['Sanne Bakker', 'Debiteurenbeheer', 'Bakkerij Van Dam B.V.', 'KvK 12345678'],
    });
    expect(table.headings).toEqual({
      number: 'Factuur',
      issueDate: 'Factuurdatum',
      dueDate: 'Vervaldatum',
      description: 'Omschrijving',
      amount: 'Bedrag',
      open: 'Openstaand',
    });
    expect(table.totalLabel).toBe('Totaal openstaand');
    expect(table.totalOpenCents).toBe(123450);
  });

  it('FR first reminder, friendly, to a Belgian consumer (free, Boek XIX)', () => {
    const content = composeLetter(beInput());
    expect(content.subject).toBe(`Rappel de paiement${nbsp}: facture F2026-0871`);
    expect(content.salutation).toBe('Bonjour Marie Dubois,');
    expect(content.opening).toEqual([
      "En vérifiant notre comptabilité, nous avons constaté que notre facture F2026-0871 du 1er septembre 2026 n'est pas encore réglée. Cela peut arriver, d'où ce petit rappel amical.",
      `Il s'agit de la facture suivante${nbsp}:`,
    ]);
    expect(content.body).toEqual([
      `Pourriez-vous virer le montant de 480,00${nbsp}€ au plus tard le 20 novembre 2026 sur le compte BE68 5390 0754 7034 d'Électricité Lambert SRL, avec la communication structurée +++090/9337/55493+++${nbsp}?`,
      `Ce premier rappel est gratuit${nbsp}: il ne vous est facturé ni frais ni intérêts.`,
      `Le montant dû (principal) s'élève à 480,00${nbsp}€. Vous disposez de quatorze jours calendrier pour le payer, soit jusqu'au 20 novembre 2026 inclus. Si vous payez dans ce délai, vous ne paierez ni frais ni intérêts.`,
      `À défaut de paiement dans ce délai, nous vous réclamerons une indemnité de 64,00${nbsp}€, conformément à nos conditions générales et dans les limites légales.`,
      `Peut-être ce rappel a-t-il croisé votre paiement${nbsp}; dans ce cas, nous vous prions de ne pas en tenir compte.`,
      `Une question, ou une remarque sur cette facture${nbsp}? N'hésitez pas à nous contacter par e-mail à facturation@lambert.be ou par téléphone au 081 22 33 44.`,
      `Merci d'avance${nbsp}!`,
    ]);
    expect(content.table.headings.open).toBe('Solde dû');
    expect(content.paymentBox.rows[4]).toEqual({
      label: 'Communication structurée',
      value: '+++090/9337/55493+++',
    });
    expect(content.closing).toBe('Bien cordialement,');
    expect(content.signature).toEqual(['Électricité Lambert SRL', "N° d'entreprise 0123.456.749"]);
  });
});

describe('whole letters as text (open the files in __snapshots__ to read them)', () => {
  it('NL first reminder, friendly, NL business', async () => {
    await expect(renderLetterText(composeLetter(nlInput()))).toMatchFileSnapshot(
      './__snapshots__/nl-first-reminder-friendly.txt',
    );
  });

  it('NL fourteen-day letter, neutral, NL consumer with a credit note and earlier letters', async () => {
    const input = nlInput({
      kind: 'fourteen_day_letter',
      tone: 'neutral',
      debtorKind: 'consumer',
      contact: null,
      debtor: { number: 'P-0042', name: 'Petra Jansen', addressLines: ['Dorpsstraat 1', '1234 AB Ergens'] },
      deadline: d('2026-11-20'),
      announcedCostsCents: cents(4000),
      previousLetters: [
        { kind: 'first_reminder', date: d('2026-10-05') },
        { kind: 'second_reminder', date: d('2026-10-19') },
      ],
      agreements: [{ date: d('2026-10-22'), description: 'u zou het bedrag vóór 31 oktober overmaken' }],
      invoices: [
        invoice('2026-0100', 15000, { description: 'Taart voor verjaardag' }),
        invoice('2026-0117', 8950, {
          issueDate: d('2026-10-08'),
          dueDate: d('2026-10-22'),
          description: 'Broodjes',
        }),
        invoice('CN-2026-007', -2500, { isCreditNote: true, description: 'Korting' }),
      ],
      payment: { amountCents: cents(21450), iban: 'NL91ABNA0417164300', reference: null },
    });
    await expect(renderLetterText(composeLetter(input))).toMatchFileSnapshot(
      './__snapshots__/nl-fourteen-day-letter-consumer.txt',
    );
  });

  it('FR first reminder, neutral, BE consumer', async () => {
    await expect(renderLetterText(composeLetter(beInput({ tone: 'neutral' })))).toMatchFileSnapshot(
      './__snapshots__/fr-be-consumer-first-reminder.txt',
    );
  });

  it('EN formal demand, firm, BE business with a claim statement', async () => {
    const input = beInput({
      kind: 'formal_demand',
      tone: 'firm',
      language: 'en',
      debtorKind: 'business',
      contact: { name: 'Els Peeters' },
      signatory: { name: 'Luc Lambert', role: 'Zaakvoerder' },
      announcedCostsCents: null,
      previousLetters: [
        { kind: 'first_reminder', date: d('2026-10-04') },
        { kind: 'second_reminder', date: d('2026-10-18') },
      ],
      claim: {
        lines: [
          { kind: 'principal', label: 'Principal', amountCents: cents(48000) },
          {
            kind: 'costs',
            label: 'Fixed recovery compensation (Act of 2 August 2002)',
            amountCents: cents(4000),
          },
          { kind: 'interest', label: 'Late-payment interest 10.5%', amountCents: cents(690) },
        ],
        totalCents: cents(52690),
      },
      payment: { amountCents: cents(52690), iban: 'BE68539007547034', reference: '+++090/9337/55493+++' },
    });
    await expect(renderLetterText(composeLetter(input))).toMatchFileSnapshot(
      './__snapshots__/en-be-business-formal-demand.txt',
    );
  });
});
