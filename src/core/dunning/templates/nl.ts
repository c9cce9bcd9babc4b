import type { LetterKind } from '../letter.js';
import { asFragment, asSentence, joinList } from './format.js';
import type { LetterPhrases, PhraseContext } from './phrases.js';

/**
 * Dutch letters for NL and BE creditors. Where usage differs the Belgian variant follows the
 * creditor's country: "overschrijven" for "overmaken", "intrest" for "rente", "ingebrekestelling"
 * for "sommatie", "gestructureerde mededeling" for "betalingskenmerk", "groeten" for "groet".
 */

type C = PhraseContext;

/** "onze factuur 2026-0142 van 1 oktober 2026" or "de onderstaande facturen". */
const what = (c: C) =>
  c.isPlural
    ? 'de onderstaande facturen'
    : `onze factuur ${c.invoice.number} van ${c.date(c.invoice.issueDate)}`;
const whatShort = (c: C) => (c.isPlural ? 'de onderstaande facturen' : `onze factuur ${c.invoice.number}`);
/** "is onze factuur … nog niet betaald" / "zijn de onderstaande facturen nog niet betaald". */
const isWhat = (c: C) => `${c.isPlural ? 'zijn' : 'is'} ${what(c)}`;
const onDue = (c: C) => (c.isPlural ? '' : ` op ${c.date(c.invoice.dueDate)}`);
const thisInvoice = (c: C) => (c.isPlural ? 'deze facturen' : 'deze factuur');

const amountWithExtras = (c: C) => {
  const { costs, interest } = c.includes;
  const interestWord = c.isBelgian ? 'intresten' : 'rente';
  if (costs && interest) return `${c.amount} (inclusief kosten en ${interestWord})`;
  if (costs) return `${c.amount} (inclusief kosten)`;
  if (interest) return `${c.amount} (inclusief ${interestWord})`;
  return c.amount;
};

const numbers = (c: C) =>
  c.invoiceNumbers.length === 1
    ? `factuurnummer ${c.invoiceNumbers[0]}`
    : `de factuurnummers ${joinList(c.invoiceNumbers, 'en')}`;

/** "onder vermelding van betalingskenmerk …" (NL) / "met de gestructureerde mededeling …" (BE). */
const referencePhrase = (c: C) => {
  if (c.reference?.isStructured) return `met de gestructureerde mededeling ${c.reference.value}`;
  if (c.reference)
    return c.isBelgian
      ? `met de mededeling ${c.reference.value}`
      : `onder vermelding van betalingskenmerk ${c.reference.value}`;
  return c.isBelgian ? `met vermelding van ${numbers(c)}` : `onder vermelding van ${numbers(c)}`;
};

const account = (c: C) =>
  c.isBelgian
    ? `op rekening ${c.iban} van ${c.creditorName}`
    : `naar ${c.iban} ten name van ${c.creditorName}`;
const transfer = (c: C) => (c.isBelgian ? 'overschrijven' : 'overmaken');

const agency = (c: C) =>
  c.isBelgian ? 'een incassobureau, advocaat of gerechtsdeurwaarder' : 'een incassobureau of advocaat';

const interestName = (c: C) => {
  if (!c.isBelgian) return c.isConsumer ? 'de wettelijke rente' : 'de wettelijke handelsrente';
  return c.isConsumer
    ? 'de verwijlintrest waarin onze algemene voorwaarden voorzien'
    : 'de verwijlintrest volgens de wet van 2 augustus 2002';
};

const channels = (c: C) => {
  const known = [c.input.creditor.email, c.input.creditor.phone].filter((x): x is string => Boolean(x));
  return known.length ? ` via ${joinList(known, 'of')}` : '';
};

const LETTER_NOUNS: Record<LetterKind, (c: C) => string> = {
  pre_due_notice: () => 'een bericht over de naderende vervaldatum',
  first_reminder: () => 'een betalingsherinnering',
  second_reminder: () => 'een tweede herinnering',
  fourteen_day_letter: () => 'een aanmaning',
  formal_demand: (c) => (c.isBelgian ? 'een ingebrekestelling' : 'een sommatie'),
  handover_notice: () => 'een aankondiging van overdracht aan een incassobureau',
};

const SUBJECTS: Record<LetterKind, (c: C) => string> = {
  pre_due_notice: () => 'Binnenkort te betalen',
  first_reminder: () => 'Betalingsherinnering',
  second_reminder: () => 'Tweede herinnering',
  fourteen_day_letter: () => 'Aanmaning',
  formal_demand: (c) => (c.isBelgian ? 'Ingebrekestelling' : 'Sommatie'),
  handover_notice: () => 'Aankondiging overdracht aan incassobureau',
};

export const nl: LetterPhrases = {
  and: 'en',

  subject: (c) =>
    `${SUBJECTS[c.kind](c)}: ${c.isPlural ? `${c.invoices.length} facturen` : `factuur ${c.invoice.number}`}`,

  salutation: (c) => {
    if (!c.addressee) return 'Geachte heer, mevrouw,';
    return c.tone === 'friendly' ? `Beste ${c.addressee},` : `Geachte ${c.addressee},`;
  },

  intro: {
    pre_due_notice: {
      friendly: (c) =>
        `Een kleine geheugensteun vooraf: ${what(c)} ${c.isPlural ? 'vervallen binnenkort' : `vervalt${onDue(c)}`}. Zo kunt u de betaling alvast inplannen.`,
      neutral: (c) =>
        `Wij laten u graag weten dat ${what(c)} ${c.isPlural ? 'binnenkort vervallen' : `${onDue(c).trim()} vervalt`}.`,
      firm: (c) =>
        `Wij wijzen u erop dat ${what(c)} ${c.isPlural ? 'binnenkort vervallen' : `${onDue(c).trim()} vervalt`}, en rekenen op tijdige betaling.`,
    },
    first_reminder: {
      friendly: (c) =>
        `Bij het nalopen van onze administratie zagen wij dat ${what(c)} nog ${c.isPlural ? 'openstaan' : 'openstaat'}. Dat kan natuurlijk gebeuren, vandaar deze vriendelijke herinnering.`,
      neutral: (c) =>
        `Volgens onze administratie ${isWhat(c)} nog niet betaald, terwijl de betalingstermijn${onDue(c)} is verstreken.`,
      firm: (c) =>
        `De betalingstermijn van ${whatShort(c)} is${onDue(c)} verstreken, en wij hebben uw betaling nog niet ontvangen.`,
    },
    second_reminder: {
      friendly: (c) =>
        `Wij hebben de betaling van ${what(c)} nog niet ontvangen. Misschien is onze eerste herinnering niet bij de juiste persoon terechtgekomen; daarom sturen wij u deze tweede herinnering.`,
      neutral: (c) => `Ondanks onze eerdere herinnering ${isWhat(c)} nog niet betaald.`,
      firm: (c) =>
        `Ondanks onze eerdere herinnering ${c.isPlural ? 'staan' : 'staat'} ${what(c)} nog altijd open. Wij rekenen erop dat u dit nu zonder verder uitstel regelt.`,
    },
    fourteen_day_letter: {
      friendly: (c) =>
        `Ondanks onze eerdere berichten hebben wij de betaling van ${what(c)} nog niet ontvangen. Met deze brief geven wij u nog één keer de gelegenheid om het openstaande bedrag te betalen.`,
      neutral: (c) =>
        `Wij hebben de betaling van ${what(c)} nog altijd niet ontvangen. Met deze brief manen wij u aan het openstaande bedrag te betalen.`,
      firm: (c) =>
        `Ondanks herhaalde herinneringen ${isWhat(c)} nog altijd niet betaald. Met deze aanmaning geven wij u een laatste termijn om te betalen.`,
    },
    formal_demand: {
      friendly: (c) =>
        `Tot onze spijt hebben wij, ondanks onze eerdere brieven, de betaling van ${what(c)} nog altijd niet ontvangen. Wij lossen dit het liefst samen met u op, maar zien ons nu genoodzaakt deze formele stap te zetten.`,
      neutral: (c) => `Ondanks onze eerdere brieven ${isWhat(c)} nog altijd niet betaald.`,
      firm: (c) =>
        `Ondanks herhaalde verzoeken hebt u ${what(c)} nog altijd niet betaald. Wij kunnen deze situatie niet langer laten voortduren.`,
    },
    handover_notice: {
      friendly: (c) =>
        `Helaas hebben wij, ondanks onze eerdere brieven, de betaling van ${what(c)} nog altijd niet ontvangen. Dat betreuren wij, want wij hadden dit liever rechtstreeks met u opgelost.`,
      neutral: (c) => `Ondanks onze eerdere brieven ${isWhat(c)} nog altijd niet betaald.`,
      firm: (c) => `Ondanks herhaalde verzoeken hebt u ${what(c)} niet betaald.`,
    },
  },

  previousLetters: (c, letters) => {
    const [only] = letters;
    if (letters.length === 1 && only) return `Op ${only.date} stuurden wij u ${LETTER_NOUNS[only.kind](c)}.`;
    const items = letters.map((l) => `${LETTER_NOUNS[l.kind](c)} op ${l.date}`);
    return `Eerder stuurden wij u ${joinList(items, 'en')}.`;
  },

  agreements: (_c, agreements) => {
    const [only] = agreements;
    if (agreements.length === 1 && only)
      return `Wij verwijzen naar onze afspraak van ${only.date}: ${asSentence(only.description)}`;
    const items = agreements.map((a) => `${a.date} (${asFragment(a.description)})`);
    return `Wij verwijzen naar onze afspraken van ${joinList(items, 'en')}.`;
  },

  tableIntro: (c) => {
    if (c.hasCreditNotes) return "Het gaat om de volgende facturen en creditnota's:";
    return c.isPlural ? 'Het gaat om de volgende facturen:' : 'Het gaat om de volgende factuur:';
  },

  payRequest: (c) =>
    c.tone === 'firm'
      ? `Wij verzoeken u het bedrag van ${amountWithExtras(c)} uiterlijk op ${c.deadline} ${account(c)} ${c.isBelgian ? 'over te schrijven' : 'over te maken'}, ${referencePhrase(c)}.`
      : `Wilt u het bedrag van ${amountWithExtras(c)} uiterlijk op ${c.deadline} ${transfer(c)} ${account(c)}, ${referencePhrase(c)}?`,

  howToPay: (c) =>
    c.isBelgian
      ? `Schrijf het bedrag over ${account(c)}, ${referencePhrase(c)}.`
      : `Maak het bedrag over ${account(c)}, ${referencePhrase(c)}.`,

  alreadyPaid: (c) => {
    if (c.kind === 'pre_due_notice') return 'Hebt u al betaald? Dan hoeft u niets meer te doen.';
    return c.tone === 'friendly'
      ? 'Misschien heeft deze herinnering uw betaling gekruist; in dat geval kunt u haar als niet verzonden beschouwen.'
      : 'Hebt u het bedrag inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen.';
  },

  beConsumerFirstReminder: (c) => [
    'Deze eerste herinnering is kosteloos: wij rekenen er geen kosten of intresten voor aan.',
    `Het openstaande bedrag (de hoofdsom) is ${c.principal}. U hebt veertien kalenderdagen om dat bedrag te betalen, tot en met ${c.deadline}. Betaalt u binnen die termijn, dan komen er geen kosten of intresten bij.`,
    ...(c.announcedCosts
      ? [
          `Is het bedrag na die termijn niet betaald, dan rekenen wij een schadevergoeding van ${c.announcedCosts} aan, zoals bepaald in onze algemene voorwaarden en binnen de wettelijke grenzen.`,
        ]
      : []),
  ],

  nlConsumerFourteenDays: (c) => [
    `U hebt veertien dagen de tijd om het openstaande bedrag van ${amountWithExtras(c)} te betalen. Deze termijn begint op de dag na de dag waarop u deze brief hebt ontvangen. Staat uw betaling uiterlijk op ${c.deadline} op onze rekening, dan bent u in elk geval op tijd.`,
    'Betaalt u binnen deze termijn, dan brengen wij u geen incassokosten in rekening.',
    `Betaalt u niet binnen deze termijn, dan brengen wij buitengerechtelijke incassokosten van ${c.announcedCosts} in rekening, berekend volgens het wettelijke tarief (Besluit vergoeding voor buitengerechtelijke incassokosten). Het totaalbedrag wordt dan ${c.totalWithCosts}.`,
  ],

  costsWarning: (c) => {
    const costs = c.announcedCosts;
    if (!c.isBelgian)
      return `Ontvangen wij uw betaling niet op tijd, dan brengen wij incassokosten van ${costs} in rekening.`;
    return c.isConsumer
      ? `Ontvangen wij uw betaling niet op tijd, dan rekenen wij een schadevergoeding van ${costs} aan, zoals bepaald in onze algemene voorwaarden en binnen de wettelijke grenzen.`
      : `Ontvangen wij uw betaling niet op tijd, dan rekenen wij een forfaitaire vergoeding voor invorderingskosten van ${costs} aan.`;
  },

  formalDemand: (c) => [
    c.isBelgian
      ? `Wij stellen u hierbij formeel in gebreke en verzoeken u het bedrag van ${amountWithExtras(c)} uiterlijk op ${c.deadline} te betalen.`
      : `Wij sommeren u hierbij het bedrag van ${amountWithExtras(c)} uiterlijk op ${c.deadline} te betalen.`,
    `Hebben wij uw betaling dan niet ontvangen, dan dragen wij de vordering zonder verdere aankondiging over aan ${agency(c)}. De kosten daarvan komen voor uw rekening, voor zover de wet dat toestaat, net als ${interestName(c)} over het openstaande bedrag.${c.announcedCosts ? ` De incassokosten bedragen dan ${c.announcedCosts}.` : ''}`,
    'Een gerechtelijke procedure brengt bovendien kosten mee, die de rechter doorgaans laat betalen door de partij die in het ongelijk wordt gesteld.',
  ],

  handover: (c) => [
    `Hebben wij het volledige bedrag van ${amountWithExtras(c)} uiterlijk op ${c.deadline} niet ontvangen, dan dragen wij het dossier over aan een incassobureau of advocaat. Vanaf dat moment verloopt het contact over deze vordering via hen, en komen de incassokosten voor uw rekening, voor zover de wet dat toestaat.${c.announcedCosts ? ` Die kosten bedragen ${c.announcedCosts}.` : ''}`,
    'Dit kunt u nog voorkomen door uiterlijk op die datum te betalen.',
  ],

  contact: (c) => {
    if (c.kind === 'fourteen_day_letter' || c.kind === 'formal_demand' || c.kind === 'handover_notice')
      return `Kunt u het bedrag niet in één keer betalen, of is er een andere reden waarom betalen nu niet lukt? Neem dan uiterlijk op ${c.deadline} contact met ons op${channels(c)}, dan zoeken wij samen naar een haalbare regeling.`;
    return c.tone === 'friendly'
      ? `Hebt u vragen, of klopt er iets niet aan ${thisInvoice(c)}? Laat het ons gerust weten${channels(c)}.`
      : `Hebt u vragen over ${thisInvoice(c)}? Neem dan contact met ons op${channels(c)}.`;
  },

  thanks: (c) => {
    if (c.kind !== 'pre_due_notice' && c.kind !== 'first_reminder' && c.kind !== 'second_reminder')
      return null;
    if (c.tone === 'friendly') return 'Alvast hartelijk dank!';
    return c.tone === 'neutral' ? 'Alvast dank voor uw betaling.' : null;
  },

  closing: (c) => {
    if (c.tone === 'firm') return 'Hoogachtend,';
    return c.isBelgian ? 'Met vriendelijke groeten,' : 'Met vriendelijke groet,';
  },

  table: {
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
  claim: { title: 'Specificatie van de vordering', totalLabel: 'Totaal te betalen' },
  paymentBox: {
    title: 'Betaalgegevens',
    amount: 'Bedrag',
    iban: 'IBAN',
    bic: 'BIC',
    payee: 'Ten name van',
    reference: (c) => {
      if (c.reference?.isStructured) return 'Gestructureerde mededeling';
      if (c.reference) return c.isBelgian ? 'Mededeling' : 'Betalingskenmerk';
      return c.isBelgian ? 'Mededeling' : 'Omschrijving';
    },
    deadline: 'Uiterlijk betalen op',
    fourteenDayTerm: { label: 'Betalen binnen', value: '14 dagen na ontvangst van deze brief' },
  },
  companyNumber: (c, companyNumber) =>
    c.isBelgian ? `Ondernemingsnummer ${companyNumber}` : `KvK ${companyNumber}`,
};
