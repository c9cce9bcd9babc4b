import type { LetterKind } from '../letter.js';
import { asFragment, asSentence, joinList } from './format.js';
import type { LetterPhrases, PhraseContext } from './phrases.js';

/**
 * French letters, in Belgian usage ("communication structurée", "mise en demeure", "jours
 * calendrier", "numéro d'entreprise", "huissier de justice"). A no-break space (\u00a0) precedes
 * ":" "?" and "!", as French typography wants.
 */

type C = PhraseContext;

/** "notre facture 2026-0142 du 1er octobre 2026" or "les factures ci-dessous". */
const what = (c: C) =>
  c.isPlural
    ? 'les factures ci-dessous'
    : `notre facture ${c.invoice.number} du ${c.date(c.invoice.issueDate)}`;
/** "de notre facture …" / "des factures ci-dessous". */
const ofWhat = (c: C) =>
  c.isPlural
    ? 'des factures ci-dessous'
    : `de notre facture ${c.invoice.number} du ${c.date(c.invoice.issueDate)}`;
const ofWhatShort = (c: C) =>
  c.isPlural ? 'des factures ci-dessous' : `de notre facture ${c.invoice.number}`;
const notYetPaid = (c: C) => (c.isPlural ? 'ne sont pas encore réglées' : "n'est pas encore réglée");
const stillNotPaid = (c: C) => (c.isPlural ? 'ne sont toujours pas réglées' : "n'est toujours pas réglée");
const remainsUnpaid = (c: C) => (c.isPlural ? 'restent impayées' : 'reste impayée');
const thisInvoice = (c: C) => (c.isPlural ? 'ces factures' : 'cette facture');
const dueSoon = (c: C) =>
  c.isPlural ? 'arrivent bientôt à échéance' : `arrive à échéance le ${c.date(c.invoice.dueDate)}`;
const onDue = (c: C) => (c.isPlural ? '' : ` le ${c.date(c.invoice.dueDate)}`);

const amountWithExtras = (c: C) => {
  const { costs, interest } = c.includes;
  if (costs && interest) return `${c.amount} (frais et intérêts compris)`;
  if (costs) return `${c.amount} (frais compris)`;
  if (interest) return `${c.amount} (intérêts compris)`;
  return c.amount;
};

const referencePhrase = (c: C) => {
  if (c.reference?.isStructured) return `avec la communication structurée ${c.reference.value}`;
  if (c.reference) return `avec la référence ${c.reference.value}`;
  return c.invoiceNumbers.length === 1
    ? `en mentionnant le numéro de facture ${c.invoiceNumbers[0]}`
    : `en mentionnant les numéros de facture ${joinList(c.invoiceNumbers, 'et')}`;
};

/** "de Lambert SRL" but "d'Électricité Lambert SRL". */
const ofName = (name: string) => (/^[aeiouàâäéèêëîïôöùûü]/i.test(name) ? `d'${name}` : `de ${name}`);
const account = (c: C) => `sur le compte ${c.iban} ${ofName(c.creditorName)}`;

const interestName = (c: C) => {
  if (!c.isBelgian) return c.isConsumer ? "l'intérêt légal" : "l'intérêt légal commercial";
  return c.isConsumer
    ? 'les intérêts de retard prévus par nos conditions générales'
    : 'les intérêts de retard prévus par la loi du 2 août 2002';
};

const agency = (c: C) =>
  c.isBelgian
    ? 'un bureau de recouvrement, un avocat ou un huissier de justice'
    : 'un bureau de recouvrement ou un avocat';

const channels = (c: C) => {
  const { email, phone } = c.input.creditor;
  const known = [email && `par e-mail à ${email}`, phone && `par téléphone au ${phone}`].filter(
    (x): x is string => Boolean(x),
  );
  return known.length ? ` ${joinList(known, 'ou')}` : '';
};

const LETTER_NOUNS: Record<LetterKind, string> = {
  pre_due_notice: "un avis d'échéance",
  first_reminder: 'un rappel de paiement',
  second_reminder: 'un deuxième rappel',
  fourteen_day_letter: 'un dernier rappel',
  formal_demand: 'une mise en demeure',
  handover_notice: 'un avis de transfert du dossier au recouvrement',
};

const SUBJECTS: Record<LetterKind, string> = {
  pre_due_notice: 'Échéance prochaine',
  first_reminder: 'Rappel de paiement',
  second_reminder: 'Deuxième rappel',
  fourteen_day_letter: 'Dernier rappel',
  formal_demand: 'Mise en demeure',
  handover_notice: 'Avis de transfert au recouvrement',
};

export const fr: LetterPhrases = {
  and: 'et',

  subject: (c) =>
    `${SUBJECTS[c.kind]}\u00a0: ${c.isPlural ? `${c.invoices.length} factures` : `facture ${c.invoice.number}`}`,

  salutation: (c) => (c.addressee ? `Bonjour ${c.addressee},` : 'Madame, Monsieur,'),

  intro: {
    pre_due_notice: {
      friendly: (c) =>
        `Un petit mot pour vous signaler que ${what(c)} ${dueSoon(c)}, afin que vous puissiez en planifier le paiement.`,
      neutral: (c) => `Nous vous informons que ${what(c)} ${dueSoon(c)}.`,
      firm: (c) =>
        `Nous attirons votre attention sur le fait que ${what(c)} ${dueSoon(c)}, et comptons sur un paiement dans les délais.`,
    },
    first_reminder: {
      friendly: (c) =>
        `En vérifiant notre comptabilité, nous avons constaté que ${what(c)} ${notYetPaid(c)}. Cela peut arriver, d'où ce petit rappel amical.`,
      neutral: (c) =>
        `Selon notre comptabilité, ${what(c)} ${notYetPaid(c)}, alors que le délai de paiement a expiré${onDue(c)}.`,
      firm: (c) =>
        `Le délai de paiement ${ofWhatShort(c)} a expiré${onDue(c)}, et nous n'avons pas encore reçu votre paiement.`,
    },
    second_reminder: {
      friendly: (c) =>
        `Nous n'avons pas encore reçu le paiement ${ofWhat(c)}. Peut-être notre premier rappel n'est-il pas parvenu à la bonne personne\u00a0; c'est pourquoi nous vous adressons ce deuxième rappel.`,
      neutral: (c) => `Malgré notre précédent rappel, ${what(c)} ${stillNotPaid(c)}.`,
      firm: (c) =>
        `Malgré notre précédent rappel, ${what(c)} ${remainsUnpaid(c)}. Nous comptons sur vous pour régler ce montant sans plus tarder.`,
    },
    fourteen_day_letter: {
      friendly: (c) =>
        `Malgré nos courriers précédents, nous n'avons pas encore reçu le paiement ${ofWhat(c)}. Par la présente, nous vous donnons encore une fois l'occasion de régler le montant dû.`,
      neutral: (c) =>
        `Nous n'avons toujours pas reçu le paiement ${ofWhat(c)}. Par la présente, nous vous invitons à régler le montant dû.`,
      firm: (c) =>
        `Malgré nos rappels répétés, ${what(c)} ${remainsUnpaid(c)}. Par la présente, nous vous accordons un dernier délai pour régler le montant dû.`,
    },
    formal_demand: {
      friendly: (c) =>
        `À notre grand regret, nous n'avons toujours pas reçu le paiement ${ofWhat(c)}, malgré nos courriers précédents. Nous préférerions trouver une solution avec vous, mais nous sommes aujourd'hui contraints de passer à une étape formelle.`,
      neutral: (c) => `Malgré nos courriers précédents, ${what(c)} ${stillNotPaid(c)}.`,
      firm: (c) =>
        `Malgré nos demandes répétées, ${what(c)} ${remainsUnpaid(c)}. Nous ne pouvons plus laisser cette situation perdurer.`,
    },
    handover_notice: {
      friendly: (c) =>
        `Malheureusement, malgré nos courriers précédents, nous n'avons toujours pas reçu le paiement ${ofWhat(c)}. Nous le regrettons, car nous aurions préféré régler cette question directement avec vous.`,
      neutral: (c) => `Malgré nos courriers précédents, ${what(c)} ${stillNotPaid(c)}.`,
      firm: (c) => `Malgré nos demandes répétées, ${what(c)} ${remainsUnpaid(c)}.`,
    },
  },

  previousLetters: (_c, letters) => {
    const [only] = letters;
    if (letters.length === 1 && only)
      return `Le ${only.date}, nous vous avons envoyé ${LETTER_NOUNS[only.kind]}.`;
    const items = letters.map((l) => `${LETTER_NOUNS[l.kind]} le ${l.date}`);
    return `Nous vous avons déjà envoyé ${joinList(items, 'et')}.`;
  },

  agreements: (_c, agreements) => {
    const [only] = agreements;
    if (agreements.length === 1 && only)
      return `Nous nous référons à notre accord du ${only.date}\u00a0: ${asSentence(only.description)}`;
    const items = agreements.map((a) => `du ${a.date} (${asFragment(a.description)})`);
    return `Nous nous référons à nos accords ${joinList(items, 'et')}.`;
  },

  tableIntro: (c) => {
    if (c.hasCreditNotes) return "Il s'agit des factures et notes de crédit suivantes\u00a0:";
    return c.isPlural ? "Il s'agit des factures suivantes\u00a0:" : "Il s'agit de la facture suivante\u00a0:";
  },

  payRequest: (c) =>
    c.tone === 'firm'
      ? `Nous vous demandons de virer le montant de ${amountWithExtras(c)} au plus tard le ${c.deadline} ${account(c)}, ${referencePhrase(c)}.`
      : `Pourriez-vous virer le montant de ${amountWithExtras(c)} au plus tard le ${c.deadline} ${account(c)}, ${referencePhrase(c)}\u00a0?`,

  howToPay: (c) => `Le paiement se fait par virement ${account(c)}, ${referencePhrase(c)}.`,

  alreadyPaid: (c) => {
    if (c.kind === 'pre_due_notice') return "Si vous avez déjà payé, vous n'avez plus rien à faire.";
    return c.tone === 'friendly'
      ? 'Peut-être ce rappel a-t-il croisé votre paiement\u00a0; dans ce cas, nous vous prions de ne pas en tenir compte.'
      : 'Si vous avez payé entre-temps, vous pouvez considérer ce courrier comme sans objet.';
  },

  beConsumerFirstReminder: (c) => [
    'Ce premier rappel est gratuit\u00a0: il ne vous est facturé ni frais ni intérêts.',
    `Le montant dû (principal) s'élève à ${c.principal}. Vous disposez de quatorze jours calendrier pour le payer, soit jusqu'au ${c.deadline} inclus. Si vous payez dans ce délai, vous ne paierez ni frais ni intérêts.`,
    ...(c.announcedCosts
      ? [
          `À défaut de paiement dans ce délai, nous vous réclamerons une indemnité de ${c.announcedCosts}, conformément à nos conditions générales et dans les limites légales.`,
        ]
      : []),
  ],

  nlConsumerFourteenDays: (c) => [
    `Vous disposez de quatorze jours pour payer le montant dû de ${amountWithExtras(c)}. Ce délai commence le lendemain du jour où vous recevez cette lettre. Si votre paiement parvient sur notre compte au plus tard le ${c.deadline}, il est en tout cas dans les délais.`,
    'Si vous payez dans ce délai, vous ne paierez pas de frais de recouvrement.',
    `Si vous ne payez pas dans ce délai, nous vous facturerons des frais de recouvrement extrajudiciaires de ${c.announcedCosts}, calculés selon le barème légal néerlandais (Besluit vergoeding voor buitengerechtelijke incassokosten). Le montant total s'élèvera alors à ${c.totalWithCosts}.`,
  ],

  costsWarning: (c) => {
    const costs = c.announcedCosts;
    if (!c.isBelgian)
      return `Si nous ne recevons pas votre paiement à temps, nous vous facturerons des frais de recouvrement de ${costs}.`;
    return c.isConsumer
      ? `Si nous ne recevons pas votre paiement à temps, nous vous réclamerons une indemnité de ${costs}, conformément à nos conditions générales et dans les limites légales.`
      : `Si nous ne recevons pas votre paiement à temps, nous vous réclamerons une indemnité forfaitaire pour frais de recouvrement de ${costs}.`;
  },

  formalDemand: (c) => [
    `Par la présente, nous vous mettons formellement en demeure de payer le montant de ${amountWithExtras(c)} au plus tard le ${c.deadline}.`,
    `À défaut de paiement dans ce délai, nous confierons le recouvrement de la créance, sans autre avis, à ${agency(c)}. Les frais qui en découlent seront à votre charge dans les limites prévues par la loi, de même que ${interestName(c)} sur le montant dû.${c.announcedCosts ? ` Les frais de recouvrement s'élèveront alors à ${c.announcedCosts}.` : ''}`,
    'Une procédure judiciaire entraîne en outre des frais, que le juge met généralement à charge de la partie qui succombe.',
  ],

  handover: (c) => [
    `Si nous n'avons pas reçu le montant total de ${amountWithExtras(c)} au plus tard le ${c.deadline}, nous transmettrons le dossier à un bureau de recouvrement ou à un avocat. À partir de ce moment, tout contact concernant cette créance passera par son intermédiaire, et les frais de recouvrement seront à votre charge dans les limites prévues par la loi.${c.announcedCosts ? ` Ces frais s'élèveront à ${c.announcedCosts}.` : ''}`,
    "Vous pouvez encore l'éviter en payant dans ce délai.",
  ],

  contact: (c) => {
    if (c.kind === 'fourteen_day_letter' || c.kind === 'formal_demand' || c.kind === 'handover_notice')
      return `Si vous ne pouvez pas payer ce montant en une fois, ou si une autre raison vous en empêche, contactez-nous au plus tard le ${c.deadline}${channels(c)}\u00a0: nous chercherons ensemble une solution réaliste.`;
    return c.tone === 'friendly'
      ? `Une question, ou une remarque sur ${thisInvoice(c)}\u00a0? N'hésitez pas à nous contacter${channels(c)}.`
      : `Pour toute question concernant ${thisInvoice(c)}, vous pouvez nous contacter${channels(c)}.`;
  },

  thanks: (c) => {
    if (c.kind !== 'pre_due_notice' && c.kind !== 'first_reminder' && c.kind !== 'second_reminder')
      return null;
    if (c.tone === 'friendly') return "Merci d'avance\u00a0!";
    return c.tone === 'neutral' ? "Nous vous remercions d'avance pour votre paiement." : null;
  },

  closing: (c) => {
    if (c.tone === 'friendly') return 'Bien cordialement,';
    return c.tone === 'neutral'
      ? 'Avec nos salutations distinguées,'
      : 'Veuillez agréer nos salutations distinguées.';
  },

  table: {
    headings: {
      number: 'Facture',
      issueDate: 'Date',
      dueDate: 'Échéance',
      description: 'Description',
      amount: 'Montant',
      open: 'Solde dû',
    },
    totalLabel: 'Total restant dû',
  },
  claim: { title: 'Décompte de la créance', totalLabel: 'Total à payer' },
  paymentBox: {
    title: 'Données de paiement',
    amount: 'Montant',
    iban: 'IBAN',
    bic: 'BIC',
    payee: 'Bénéficiaire',
    reference: (c) => {
      if (c.reference?.isStructured) return 'Communication structurée';
      return c.reference ? 'Référence' : 'Communication';
    },
    deadline: 'À payer au plus tard le',
    fourteenDayTerm: { label: 'Délai de paiement', value: '14 jours après réception de cette lettre' },
  },
  companyNumber: (c, companyNumber) =>
    c.isBelgian ? `N° d'entreprise ${companyNumber}` : `N° KvK ${companyNumber}`,
};
