/**
 * The letter (and email) that confirms a payment plan to the debtor (R18, R19): the invoices it
 * settles, the schedule (number, date, amount, what to write with the payment), how to pay, and
 * plainly what happens when an instalment is missed. Laid out by the dunning letter renderer as a
 * `LetterContent`: the schedule is its statement block, the first instalment its payment box.
 */
import type { CalendarDate } from '../calendar-date.js';
import type { LetterContent, LetterInvoice } from '../dunning/letter.js';
import { formatEuro, formatIban, formatLongDate } from '../dunning/templates/format.js';
import type { Language } from '../ledger/enums.js';
import { type Cents, cents } from '../money.js';
import { type InstalmentReference, referenceText } from './instalment-references.js';

export type PlanLetterInput = {
  language: Language;
  letterDate: CalendarDate;
  creditor: { name: string; iban: string };
  /** The person addressed by name; null for a generic salutation. */
  addressee: string | null;
  invoices: readonly LetterInvoice[];
  instalments: readonly {
    number: number;
    dueDate: CalendarDate;
    amountCents: Cents;
    reference: InstalmentReference;
  }[];
  hasDownPayment: boolean;
  /** Business days after a missed due date before the plan ends. */
  graceDays: number;
  signatory: { name: string; role: string | null } | null;
};

type Facts = {
  count: number;
  total: string;
  first: { date: string; amount: string };
  last: string;
  /** One reference for every instalment, or null when the schedule gives one per instalment. */
  commonReference: string | null;
  graceDays: number;
  hasDownPayment: boolean;
  isPlural: boolean;
};

type PlanPhrases = {
  subject: (f: Facts) => string;
  salutation: (addressee: string | null) => string;
  opening: (f: Facts) => string[];
  headings: LetterContent['table']['headings'];
  totalLabel: string;
  scheduleTitle: string;
  instalmentLabel: (number: number, date: string, reference: string | null, isDownPayment: boolean) => string;
  scheduleTotal: string;
  body: (f: Facts) => string[];
  box: { title: string; amount: string; iban: string; beneficiary: string; reference: string; payBy: string };
  closing: string;
};

const NL: PlanPhrases = {
  subject: (f) => `Bevestiging van uw betalingsregeling (${f.count} termijnen)`,
  salutation: (a) => (a ? `Beste ${a},` : 'Geachte heer, mevrouw,'),
  opening: (f) => [
    `Zoals afgesproken bevestigen we hierbij de betalingsregeling voor ${f.isPlural ? 'de facturen' : 'de factuur'} hieronder. Fijn dat we samen tot een oplossing zijn gekomen.`,
    `U betaalt het totaal van ${f.total} in ${f.count} termijnen${f.hasDownPayment ? ', te beginnen met een aanbetaling' : ''}: de eerste van ${f.first.amount} uiterlijk op ${f.first.date}, de laatste uiterlijk op ${f.last}.`,
  ],
  headings: {
    number: 'Factuur',
    issueDate: 'Datum',
    dueDate: 'Vervaldatum',
    description: 'Omschrijving',
    amount: 'Bedrag',
    open: 'Open',
  },
  totalLabel: 'Totaal in de regeling',
  scheduleTitle: 'Betalingsschema',
  instalmentLabel: (n, date, ref, down) =>
    `${down ? 'Aanbetaling' : `Termijn ${n}`}, uiterlijk ${date}${ref ? ` · kenmerk ${ref}` : ''}`,
  scheduleTotal: 'Totaal',
  body: (f) => [
    f.commonReference
      ? `Wilt u bij elke betaling het betalingskenmerk ${f.commonReference} vermelden? Dan verwerken we uw betaling meteen. Zolang u de termijnen op tijd betaalt, sturen we u over ${f.isPlural ? 'deze facturen' : 'deze factuur'} geen herinneringen.`
      : `Wilt u bij elke termijn het kenmerk uit het schema vermelden? Dan verwerken we uw betaling meteen. Zolang u de termijnen op tijd betaalt, sturen we u over ${f.isPlural ? 'deze facturen' : 'deze factuur'} geen herinneringen.`,
    `Lukt het een keer niet om een termijn op tijd te betalen? Laat het ons dan liefst vóór de vervaldatum weten, dan kijken we samen wat er kan. Blijft een termijn onbetaald, dan nemen we contact met u op. Is de achterstand ${f.graceDays} werkdagen na de vervaldatum nog niet ingelopen, dan vervalt de regeling: het hele openstaande bedrag is dan opeisbaar en de gewone herinneringsprocedure gaat verder.`,
  ],
  box: {
    title: 'Eerste termijn',
    amount: 'Bedrag',
    iban: 'IBAN',
    beneficiary: 'Ten name van',
    reference: 'Kenmerk',
    payBy: 'Uiterlijk op',
  },
  closing: 'Met vriendelijke groet,',
};

const FR: PlanPhrases = {
  subject: (f) => `Confirmation de votre plan de paiement (${f.count} échéances)`,
  salutation: (a) => (a ? `Bonjour ${a},` : 'Madame, Monsieur,'),
  opening: (f) => [
    `Comme convenu, nous vous confirmons le plan de paiement pour ${f.isPlural ? 'les factures ci-dessous' : 'la facture ci-dessous'}. Nous sommes heureux d'avoir trouvé ensemble une solution.`,
    `Vous payez le total de ${f.total} en ${f.count} échéances${f.hasDownPayment ? ', en commençant par un acompte' : ''} : la première de ${f.first.amount} au plus tard le ${f.first.date}, la dernière au plus tard le ${f.last}.`,
  ],
  headings: {
    number: 'Facture',
    issueDate: 'Date',
    dueDate: 'Échéance',
    description: 'Description',
    amount: 'Montant',
    open: 'Solde',
  },
  totalLabel: 'Total du plan',
  scheduleTitle: 'Échéancier',
  instalmentLabel: (n, date, ref, down) =>
    `${down ? 'Acompte' : `Échéance ${n}`}, au plus tard le ${date}${ref ? ` · communication ${ref}` : ''}`,
  scheduleTotal: 'Total',
  body: (f) => [
    f.commonReference
      ? `Merci d'indiquer la communication structurée ${f.commonReference} avec chaque paiement : nous pourrons ainsi le traiter immédiatement.`
      : "Merci d'indiquer avec chaque échéance la communication de l'échéancier : nous pourrons ainsi la traiter immédiatement.",
    'Tant que les échéances sont payées à temps, vous ne recevrez pas de rappel pour ces factures.',
    `S'il vous est impossible de payer une échéance à temps, prévenez-nous de préférence avant la date prévue : nous chercherons ensemble une solution. Si une échéance reste impayée, nous prendrons contact avec vous. Si le retard n'est pas rattrapé ${f.graceDays} jours ouvrables après l'échéance, le plan prend fin : la totalité du solde devient exigible et la procédure de rappel habituelle reprend.`,
  ],
  box: {
    title: 'Première échéance',
    amount: 'Montant',
    iban: 'IBAN',
    beneficiary: 'Bénéficiaire',
    reference: 'Communication',
    payBy: 'Au plus tard le',
  },
  closing: "Nous vous prions d'agréer nos salutations distinguées.",
};

const EN: PlanPhrases = {
  subject: (f) => `Confirmation of your payment plan (${f.count} instalments)`,
  salutation: (a) => (a ? `Dear ${a},` : 'Dear Sir or Madam,'),
  opening: (f) => [
    `As agreed, we confirm the payment plan for the ${f.isPlural ? 'invoices' : 'invoice'} below. We are glad we found a solution together.`,
    `You pay the total of ${f.total} in ${f.count} instalments${f.hasDownPayment ? ', starting with a down payment' : ''}: the first of ${f.first.amount} by ${f.first.date}, the last by ${f.last}.`,
  ],
  headings: {
    number: 'Invoice',
    issueDate: 'Date',
    dueDate: 'Due date',
    description: 'Description',
    amount: 'Amount',
    open: 'Open',
  },
  totalLabel: 'Total in the plan',
  scheduleTitle: 'Payment schedule',
  instalmentLabel: (n, date, ref, down) =>
    `${down ? 'Down payment' : `Instalment ${n}`}, by ${date}${ref ? ` · reference ${ref}` : ''}`,
  scheduleTotal: 'Total',
  body: (f) => [
    f.commonReference
      ? `Please quote the payment reference ${f.commonReference} with every payment, so that we can process it straight away. As long as the instalments are paid on time, you will receive no reminders about ${f.isPlural ? 'these invoices' : 'this invoice'}.`
      : `Please quote the reference from the schedule with each instalment, so that we can process it straight away. As long as the instalments are paid on time, you will receive no reminders about ${f.isPlural ? 'these invoices' : 'this invoice'}.`,
    `If you cannot pay an instalment on time, please let us know, preferably before the due date, and we will look for a solution together. If an instalment remains unpaid, we will contact you. If the arrears are not made up ${f.graceDays} working days after the due date, the plan ends: the whole outstanding amount is then due and the usual reminder procedure continues.`,
  ],
  box: {
    title: 'First instalment',
    amount: 'Amount',
    iban: 'IBAN',
    beneficiary: 'Beneficiary',
    reference: 'Reference',
    payBy: 'Pay by',
  },
  closing: 'Kind regards,',
};

const PLAN_PHRASES: Record<Language, PlanPhrases> = { nl: NL, fr: FR, en: EN };

export function composePlanLetter(input: PlanLetterInput): LetterContent {
  const { language, instalments } = input;
  const phrases = PLAN_PHRASES[language];
  const [first] = instalments;
  const last = instalments.at(-1);
  if (!first || !last) throw new RangeError('instalments: a plan letter needs at least one instalment');
  const euro = (amount: number) => formatEuro(amount, language);
  const date = (d: CalendarDate) => formatLongDate(d, language);
  const references = instalments.map((i) => referenceText(i.reference));
  const commonReference = references.every((r) => r === references[0]) ? (references[0] ?? null) : null;
  const totalCents = cents(instalments.reduce((sum, i) => sum + i.amountCents, 0));
  const facts: Facts = {
    count: instalments.length,
    total: euro(totalCents),
    first: { date: date(first.dueDate), amount: euro(first.amountCents) },
    last: date(last.dueDate),
    commonReference,
    graceDays: input.graceDays,
    hasDownPayment: input.hasDownPayment,
    isPlural: input.invoices.length > 1,
  };
  const firstReference = references[0] ?? '';
  return {
    language,
    subject: phrases.subject(facts),
    salutation: phrases.salutation(input.addressee),
    opening: phrases.opening(facts),
    table: {
      headings: phrases.headings,
      rows: input.invoices,
      totalLabel: phrases.totalLabel,
      totalOpenCents: cents(input.invoices.reduce((sum, i) => sum + i.openCents, 0)),
    },
    claim: {
      title: phrases.scheduleTitle,
      lines: instalments.map((instalment, index) => ({
        kind: 'principal' as const,
        label: phrases.instalmentLabel(
          instalment.number,
          date(instalment.dueDate),
          commonReference ? null : (references[index] ?? null),
          input.hasDownPayment && index === 0,
        ),
        amountCents: instalment.amountCents,
      })),
      totalLabel: phrases.scheduleTotal,
      totalCents,
    },
    body: phrases.body(facts),
    paymentBox: {
      title: phrases.box.title,
      rows: [
        { label: phrases.box.amount, value: euro(first.amountCents) },
        { label: phrases.box.iban, value: formatIban(input.creditor.iban) },
        { label: phrases.box.beneficiary, value: input.creditor.name },
        { label: phrases.box.reference, value: firstReference },
        { label: phrases.box.payBy, value: date(first.dueDate) },
      ],
    },
    closing: phrases.closing,
    signature: input.signatory
      ? [input.signatory.name, ...(input.signatory.role ? [input.signatory.role] : []), input.creditor.name]
      : [input.creditor.name],
  };
}
