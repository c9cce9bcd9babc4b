/**
 * A realistic letter for the renderer's tests and benchmark: a second reminder from a Dutch
 * installer (nl, en) or a Brussels wholesaler (fr), with any number of invoices and optionally a
 * claim statement. The sentences stand in for what the templates produce.
 */
import { addDays, type CalendarDate } from '../../../core/calendar-date.js';
import type { ClaimLine, LetterContent, LetterInvoice } from '../../../core/dunning/letter.js';
import type { Language } from '../../../core/ledger/enums.js';
import { addCents, applyBasisPoints, type Cents, cents, formatMoney } from '../../../core/money.js';
import {
  formatCreditorReference,
  generateCreditorReference,
} from '../../../core/references/creditor-reference.js';
import { buildEpcQrPayload } from '../../../core/references/epc-qr.js';
import { formatOgm, generateOgm } from '../../../core/references/ogm.js';
import type { LetterEnvelope, RenderLetterPdfInput } from './letter-pdf.js';

export type SampleLetterOptions = {
  language: Language;
  invoiceCount: number;
  hasClaim: boolean;
  hasQrCode: boolean;
};

const DESCRIPTIONS: Readonly<Record<Language, readonly string[]>> = {
  nl: [
    'Onderhoud cv-installatie, eerste kwartaal',
    'Levering en montage slimme thermostaat',
    'Storingsdienst 14 januari (avondtarief)',
    'Materialen project Oudegracht 212',
    'Jaarcontract legionellabeheer',
  ],
  fr: [
    'Livraison de matériel sanitaire, commande n°\u00a04471',
    'Entretien chaudière à condensation',
    'Dépannage urgent du 14 janvier',
    'Fournitures chantier rue de la Régence',
    'Contrat annuel de maintenance',
  ],
  en: [
    'Boiler maintenance, first quarter',
    'Supply and fitting of smart thermostat',
    'Emergency call-out 14 January (evening rate)',
    'Materials for the Oudegracht 212 project',
    'Annual legionella management contract',
  ],
};

const CREDIT_NOTE: Readonly<Record<Language, string>> = {
  nl: 'Creditnota retour onderdelen',
  fr: 'Note de crédit retour de pièces',
  en: 'Credit note for returned parts',
};

function sampleInvoices(language: Language, count: number): LetterInvoice[] {
  const descriptions = DESCRIPTIONS[language];
  return Array.from({ length: count }, (_, index) => {
    // Oldest first, three days apart, the newest issued on 20 January 2026: all overdue on the
    // letter date (12 March 2026).
    const issueDate = addDays('2026-01-20' as CalendarDate, (index - count + 1) * 3);
    const isCreditNote = index % 7 === 6;
    const totalCents = cents((isCreditNote ? -1 : 1) * (18_750 + ((index * 73_919) % 241_000)));
    const openCents = cents(index % 4 === 1 ? Math.round(totalCents / 2) : totalCents);
    return {
      number: `${language === 'fr' ? 'F' : ''}2025-${String(1041 + index).padStart(5, '0')}`,
      issueDate,
      dueDate: addDays(issueDate, 30),
      description: isCreditNote ? CREDIT_NOTE[language] : (descriptions[index % descriptions.length] ?? null),
      totalCents,
      openCents,
      isCreditNote,
    };
  });
}

type Claim = NonNullable<LetterContent['claim']>;

function sampleClaim(language: Language, principal: Cents): Claim {
  const costs = cents(Math.max(4_000, applyBasisPoints(Math.min(principal, 250_000), 1_500)));
  const vat = applyBasisPoints(costs, 2_100);
  const interest = applyBasisPoints(principal, 285);
  const payments = cents(-25_000);
  const amounts = { principal, costs, vat_on_costs: vat, interest, payments } as const;
  const labels: Record<Language, Record<ClaimLine['kind'], string> & { title: string; total: string }> = {
    nl: {
      title: 'Specificatie van de vordering',
      principal: 'Hoofdsom',
      costs: 'Buitengerechtelijke incassokosten (WIK)',
      vat_on_costs: 'Btw over incassokosten (21%)',
      interest: 'Wettelijke handelsrente tot en met 12 maart 2026',
      payments: 'Reeds ontvangen betalingen',
      total: 'Totaal te betalen',
    },
    fr: {
      title: 'Décompte de la créance',
      principal: 'Principal',
      costs: 'Indemnité forfaitaire (loi du 2 août 2002)',
      vat_on_costs: 'TVA sur les frais (21 %)',
      interest: 'Intérêts de retard jusqu’au 12 mars 2026',
      payments: 'Paiements déjà reçus',
      total: 'Total à payer',
    },
    en: {
      title: 'Statement of claim',
      principal: 'Principal',
      costs: 'Extrajudicial collection costs (WIK)',
      vat_on_costs: 'VAT on collection costs (21%)',
      interest: 'Statutory commercial interest up to 12 March 2026',
      payments: 'Payments already received',
      total: 'Total due',
    },
  };
  const text = labels[language];
  const kinds = ['principal', 'costs', 'vat_on_costs', 'interest', 'payments'] as const;
  const lines = kinds.map((kind) => ({ kind, label: text[kind], amountCents: amounts[kind] }));
  return {
    title: text.title,
    lines,
    totalLabel: text.total,
    totalCents: addCents(...lines.map((line) => line.amountCents)),
  };
}

export function sampleLetter(options: SampleLetterOptions): RenderLetterPdfInput & { epcQrPayload: string } {
  const { language } = options;
  const invoices = sampleInvoices(language, options.invoiceCount);
  const totalOpenCents = addCents(...invoices.map((invoice) => invoice.openCents));
  const claim = options.hasClaim ? sampleClaim(language, totalOpenCents) : null;
  const payCents = claim ? claim.totalCents : totalOpenCents;
  const money = (value: number) => formatMoney(value, 'EUR', language);
  const isBelgian = language === 'fr';

  const reference = isBelgian ? generateOgm(100_234) : generateCreditorReference('D10023');
  if (!reference.ok) throw new Error(reference.reason);
  const shownReference = isBelgian
    ? formatOgm(reference.normalized)
    : formatCreditorReference(reference.normalized);
  const iban = isBelgian ? 'BE68 5390 0754 7034' : 'NL91 ABNA 0417 1643 00';
  const creditorName = isBelgian
    ? 'Grossiste Sanitaire Bruxellois SRL'
    : 'Voorbeeld Installatietechniek B.V.';

  const epc = buildEpcQrPayload({
    beneficiaryName: creditorName,
    iban,
    amountCents: payCents,
    structuredReference: reference.normalized,
  });
  if (!epc.ok) throw new Error(JSON.stringify(epc.issues));

  const envelope: LetterEnvelope = isBelgian
    ? {
        sender: {
          name: creditorName,
          addressLines: ['Rue de la Régence 58', '1000 Bruxelles', 'Belgique'],
          contactLine:
            'comptabilite@grossiste-sanitaire.be · +32 2 512 34 56 · IBAN BE68 5390 0754 7034 · BIC TRIOBEBB · BCE 0456.789.123 · TVA BE0456789123',
        },
        recipient: {
          name: 'Établissements Dubœuf & Fils SA',
          attention: 'À l’attention de Madame Françoise Lemaître',
          addressLines: ['Chaussée de Louvain 1024 bte 3', '1030 Schaerbeek'],
        },
        placeAndDate: 'Bruxelles, le 12 mars 2026',
        references: [
          { label: 'N° client', value: 'D-10023' },
          { label: 'Notre réf.', value: 'RAP2-2026-0311' },
          { label: 'Contact', value: 'Luc Verbeke, +32 2 512 34 56' },
        ],
        epcQrPayload: options.hasQrCode ? epc.payload : null,
      }
    : {
        sender: {
          name: creditorName,
          addressLines: ['Oudegracht 212', '3511 NV Utrecht'],
          contactLine:
            'debiteuren@voorbeeld-installatie.nl · 030 123 45 67 · IBAN NL91 ABNA 0417 1643 00 · KvK 30123456 · btw NL001234567B01',
        },
        recipient: {
          name: 'Bakkerij Van der Meulen & Zn. V.O.F.',
          attention: language === 'nl' ? 'T.a.v. de heer P. Jansen' : 'Attn. Mr P. Jansen',
          addressLines: ['Postbus 4120', '3502 HC Utrecht'],
        },
        placeAndDate: language === 'nl' ? 'Utrecht, 12 maart 2026' : 'Utrecht, 12 March 2026',
        references: [
          { label: language === 'nl' ? 'Klantnummer' : 'Customer no.', value: 'D-10023' },
          { label: language === 'nl' ? 'Ons kenmerk' : 'Our reference', value: 'HER2-2026-0311' },
          { label: 'Contact', value: 'Sanne de Vries, 030 123 45 67' },
        ],
        epcQrPayload: options.hasQrCode ? epc.payload : null,
      };

  const content = sampleContent(language, {
    invoices,
    totalOpenCents,
    claim,
    payCents,
    shownReference,
    iban,
  });
  return {
    content,
    envelope,
    createdAt: new Date(Date.UTC(2026, 2, 12, 8, 30)),
    epcQrPayload: epc.payload,
  };

  function sampleContent(
    lang: Language,
    data: {
      invoices: LetterInvoice[];
      totalOpenCents: Cents;
      claim: Claim | null;
      payCents: Cents;
      shownReference: string;
      iban: string;
    },
  ): LetterContent {
    const amount = money(data.payCents);
    const table = { rows: data.invoices, totalOpenCents: data.totalOpenCents };
    switch (lang) {
      case 'nl':
        return {
          language: lang,
          subject: 'Tweede herinnering openstaande facturen, klantnummer D-10023',
          salutation: 'Geachte heer Jansen,',
          opening: [
            'Op 26 februari 2026 hebben wij u een herinnering gestuurd voor de onderstaande facturen. Volgens onze administratie zijn deze nog steeds niet (volledig) betaald. Mogelijk is de betaling aan uw aandacht ontsnapt.',
          ],
          table: {
            ...table,
            headings: {
              number: 'Factuur',
              issueDate: 'Factuurdatum',
              dueDate: 'Vervaldatum',
              description: 'Omschrijving',
              amount: 'Bedrag',
              open: 'Openstaand',
            },
            totalLabel: 'Totaal openstaand',
          },
          claim: data.claim,
          body: [
            `Wij verzoeken u het bedrag van ${amount} uiterlijk op 26 maart 2026 over te maken, met vermelding van het betalingskenmerk. Met de QR-code hieronder betaalt u direct vanuit de app van uw bank.`,
            'Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen. Heeft u vragen over een factuur of lukt het niet om in één keer te betalen? Neem dan contact met ons op; wij zoeken graag samen met u naar een oplossing.',
          ],
          paymentBox: {
            title: 'Betaalgegevens',
            rows: [
              { label: 'Bedrag', value: amount },
              { label: 'IBAN', value: data.iban },
              { label: 'Ten name van', value: creditorName },
              { label: 'Betalingskenmerk', value: data.shownReference },
              { label: 'Uiterlijk op', value: '26 maart 2026' },
            ],
          },
          closing: 'Met vriendelijke groet,',
          signature: ['Sanne de Vries', 'Debiteurenbeheer', creditorName],
        };
      case 'fr':
        return {
          language: lang,
          subject: 'Deuxième rappel – factures impayées, client D-10023',
          salutation: 'Madame Lemaître,',
          opening: [
            'Le 26 février 2026, nous vous avons adressé un rappel concernant les factures ci-dessous. Selon notre comptabilité, elles ne sont toujours pas (entièrement) réglées. Il s’agit peut-être d’un oubli.',
          ],
          table: {
            ...table,
            headings: {
              number: 'Facture',
              issueDate: 'Date de facture',
              dueDate: 'Échéance',
              description: 'Description',
              amount: 'Montant',
              open: 'Solde dû',
            },
            totalLabel: 'Total restant dû',
          },
          claim: data.claim,
          body: [
            `Nous vous prions de verser la somme de ${amount} au plus tard le 26 mars 2026, en mentionnant la communication structurée. Le code QR ci-dessous vous permet de payer directement depuis l’application de votre banque.`,
            'Si vous avez effectué le paiement entre-temps, veuillez ne pas tenir compte de ce rappel. Pour toute question sur une facture ou si vous ne pouvez pas payer en une fois, contactez-nous : nous chercherons volontiers une solution avec vous.',
          ],
          paymentBox: {
            title: 'Données de paiement',
            rows: [
              { label: 'Montant', value: amount },
              { label: 'IBAN', value: data.iban },
              { label: 'Bénéficiaire', value: creditorName },
              { label: 'Communication', value: data.shownReference },
              { label: 'Au plus tard le', value: '26 mars 2026' },
            ],
          },
          closing: 'Veuillez agréer, Madame, nos salutations distinguées.',
          signature: ['Luc Verbeke', 'Service recouvrement', creditorName],
        };
      case 'en':
        return {
          language: lang,
          subject: 'Second reminder: overdue invoices, customer D-10023',
          salutation: 'Dear Mr Jansen,',
          opening: [
            'On 26 February 2026 we sent you a reminder about the invoices below. According to our records they have still not been paid in full. Perhaps the payment has slipped your attention.',
          ],
          table: {
            ...table,
            headings: {
              number: 'Invoice',
              issueDate: 'Invoice date',
              dueDate: 'Due date',
              description: 'Description',
              amount: 'Amount',
              open: 'Outstanding',
            },
            totalLabel: 'Total outstanding',
          },
          claim: data.claim,
          body: [
            `Please transfer ${amount} by 26 March 2026 at the latest, quoting the payment reference. You can pay straight from your banking app with the QR code below.`,
            'If you have paid in the meantime, please disregard this reminder. If you have questions about an invoice or cannot pay in one go, please contact us and we will gladly look for a solution together.',
          ],
          paymentBox: {
            title: 'Payment details',
            rows: [
              { label: 'Amount', value: amount },
              { label: 'IBAN', value: data.iban },
              { label: 'Payee', value: creditorName },
              { label: 'Reference', value: data.shownReference },
              { label: 'Pay by', value: '26 March 2026' },
            ],
          },
          closing: 'Kind regards,',
          signature: ['Sanne de Vries', 'Credit control', creditorName],
        };
    }
  }
}
