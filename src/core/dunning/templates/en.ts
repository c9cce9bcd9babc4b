import type { LetterKind } from '../letter.js';
import { asFragment, asSentence, joinList } from './format.js';
import type { LetterPhrases, PhraseContext } from './phrases.js';

/** English letters (British usage), for debtors who read neither Dutch nor French. */

type C = PhraseContext;

/** "our invoice 2026-0142 dated 1 October 2026" or "the invoices below". */
const what = (c: C) =>
  c.isPlural ? 'the invoices below' : `our invoice ${c.invoice.number} dated ${c.date(c.invoice.issueDate)}`;
const whatShort = (c: C) => (c.isPlural ? 'the invoices below' : `our invoice ${c.invoice.number}`);
const hasWhat = (c: C) => `${what(c)} ${c.isPlural ? 'have' : 'has'}`;
const remainsUnpaid = (c: C) => `${what(c)} ${c.isPlural ? 'remain' : 'remains'} unpaid`;
const thisInvoice = (c: C) => (c.isPlural ? 'these invoices' : 'this invoice');
const dueSoon = (c: C) => (c.isPlural ? 'fall due shortly' : `falls due on ${c.date(c.invoice.dueDate)}`);
const onDue = (c: C) => (c.isPlural ? '' : ` on ${c.date(c.invoice.dueDate)}`);

const amountWithExtras = (c: C) => {
  const { costs, interest } = c.includes;
  if (costs && interest) return `${c.amount} (including costs and interest)`;
  if (costs) return `${c.amount} (including costs)`;
  if (interest) return `${c.amount} (including interest)`;
  return c.amount;
};

const referencePhrase = (c: C) => {
  if (c.reference?.isStructured) return `quoting the structured communication ${c.reference.value}`;
  if (c.reference)
    return c.isBelgian
      ? `quoting reference ${c.reference.value}`
      : `quoting payment reference ${c.reference.value}`;
  return c.invoiceNumbers.length === 1
    ? `quoting invoice number ${c.invoiceNumbers[0]}`
    : `quoting invoice numbers ${joinList(c.invoiceNumbers, 'and')}`;
};

const account = (c: C) => `to account ${c.iban} in the name of ${c.creditorName}`;

const interestName = (c: C) => {
  if (!c.isBelgian) return c.isConsumer ? 'statutory interest' : 'statutory commercial interest';
  return c.isConsumer
    ? 'the late-payment interest provided for in our terms and conditions'
    : 'late-payment interest under the Act of 2 August 2002';
};

const agency = (c: C) =>
  c.isBelgian ? 'a collection agency, a lawyer or a bailiff' : 'a collection agency or a lawyer';

const channels = (c: C) => {
  const { email, phone } = c.input.creditor;
  const known = [email && `by email at ${email}`, phone && `by phone on ${phone}`].filter((x): x is string =>
    Boolean(x),
  );
  return known.length ? ` ${joinList(known, 'or')}` : '';
};

const LETTER_NOUNS: Record<LetterKind, (c: C) => string> = {
  pre_due_notice: () => 'a notice that payment was falling due',
  first_reminder: () => 'a payment reminder',
  second_reminder: () => 'a second reminder',
  fourteen_day_letter: () => 'a final reminder',
  formal_demand: (c) => (c.isBelgian ? 'a formal notice of default' : 'a formal demand for payment'),
  handover_notice: () => 'a notice of handover to a collection agency',
};

const SUBJECTS: Record<LetterKind, (c: C) => string> = {
  pre_due_notice: () => 'Payment due soon',
  first_reminder: () => 'Payment reminder',
  second_reminder: () => 'Second reminder',
  fourteen_day_letter: () => 'Final reminder',
  formal_demand: (c) => (c.isBelgian ? 'Notice of default' : 'Formal demand for payment'),
  handover_notice: () => 'Notice of handover to a collection agency',
};

export const en: LetterPhrases = {
  and: 'and',

  subject: (c) =>
    `${SUBJECTS[c.kind](c)}: ${c.isPlural ? `${c.invoices.length} invoices` : `invoice ${c.invoice.number}`}`,

  salutation: (c) => (c.addressee ? `Dear ${c.addressee},` : 'Dear Sir or Madam,'),

  intro: {
    pre_due_notice: {
      friendly: (c) =>
        `Just a quick note ahead of time: ${what(c)} ${dueSoon(c)}, so you can plan the payment in good time.`,
      neutral: (c) => `We would like to let you know that ${what(c)} ${dueSoon(c)}.`,
      firm: (c) => `Please note that ${what(c)} ${dueSoon(c)}; we expect payment on time.`,
    },
    first_reminder: {
      friendly: (c) =>
        `While going through our accounts, we noticed that ${what(c)} ${c.isPlural ? 'are' : 'is'} still open. That can easily happen, hence this friendly reminder.`,
      neutral: (c) =>
        `According to our records, ${hasWhat(c)} not yet been paid, although the payment term expired${onDue(c)}.`,
      firm: (c) =>
        `The payment term for ${whatShort(c)} expired${onDue(c)}, and we have not yet received your payment.`,
    },
    second_reminder: {
      friendly: (c) =>
        `We have not yet received payment for ${what(c)}. Perhaps our first reminder did not reach the right person, so we are sending you this second reminder.`,
      neutral: (c) => `Despite our earlier reminder, ${hasWhat(c)} still not been paid.`,
      firm: (c) =>
        `Despite our earlier reminder, ${remainsUnpaid(c)}. We expect you to settle this without further delay.`,
    },
    fourteen_day_letter: {
      friendly: (c) =>
        `Despite our earlier letters, we have not yet received payment for ${what(c)}. With this letter we are giving you one more opportunity to pay the outstanding amount.`,
      neutral: (c) =>
        `We have still not received payment for ${what(c)}. With this letter we ask you to pay the outstanding amount.`,
      firm: (c) =>
        `Despite repeated reminders, ${remainsUnpaid(c)}. With this letter we give you a final period in which to pay.`,
    },
    formal_demand: {
      friendly: (c) =>
        `To our regret, and despite our earlier letters, we have still not received payment for ${what(c)}. We would much rather resolve this together with you, but we now have to take this formal step.`,
      neutral: (c) => `Despite our earlier letters, ${hasWhat(c)} still not been paid.`,
      firm: (c) =>
        `Despite repeated requests, ${remainsUnpaid(c)}. We cannot allow this situation to continue.`,
    },
    handover_notice: {
      friendly: (c) =>
        `Unfortunately, despite our earlier letters, we have still not received payment for ${what(c)}. We regret this, as we would have preferred to settle the matter directly with you.`,
      neutral: (c) => `Despite our earlier letters, ${hasWhat(c)} still not been paid.`,
      firm: (c) => `Despite repeated requests, ${remainsUnpaid(c)}.`,
    },
  },

  previousLetters: (c, letters) => {
    const [only] = letters;
    if (letters.length === 1 && only) return `On ${only.date} we sent you ${LETTER_NOUNS[only.kind](c)}.`;
    const items = letters.map((l) => `${LETTER_NOUNS[l.kind](c)} on ${l.date}`);
    return `We have already sent you ${joinList(items, 'and')}.`;
  },

  agreements: (_c, agreements) => {
    const [only] = agreements;
    if (agreements.length === 1 && only)
      return `We refer to our agreement of ${only.date}: ${asSentence(only.description)}`;
    const items = agreements.map((a) => `${a.date} (${asFragment(a.description)})`);
    return `We refer to our agreements of ${joinList(items, 'and')}.`;
  },

  tableIntro: (c) => {
    if (c.hasCreditNotes) return 'This concerns the following invoices and credit notes:';
    return c.isPlural ? 'This concerns the following invoices:' : 'This concerns the following invoice:';
  },

  payRequest: (c) =>
    c.tone === 'firm'
      ? `Please transfer ${amountWithExtras(c)} by ${c.deadline} at the latest ${account(c)}, ${referencePhrase(c)}.`
      : `Could you please transfer ${amountWithExtras(c)} by ${c.deadline} ${account(c)}, ${referencePhrase(c)}?`,

  howToPay: (c) => `Please pay by bank transfer ${account(c)}, ${referencePhrase(c)}.`,

  alreadyPaid: (c) => {
    if (c.kind === 'pre_due_notice') return 'If you have already paid, there is nothing more you need to do.';
    return c.tone === 'friendly'
      ? 'Perhaps this reminder has crossed with your payment; if so, please disregard it.'
      : 'If you have paid in the meantime, please disregard this letter.';
  },

  beConsumerFirstReminder: (c) => [
    'This first reminder is free of charge: no costs or interest are charged for it.',
    `The amount owed (the principal) is ${c.principal}. You have fourteen calendar days to pay it, up to and including ${c.deadline}. If you pay within that period, no costs or interest will be added.`,
    ...(c.announcedCosts
      ? [
          `If the amount has not been paid by then, we will charge damages of ${c.announcedCosts}, as set out in our terms and conditions and within the statutory limits.`,
        ]
      : []),
  ],

  nlConsumerFourteenDays: (c) => [
    `You have fourteen days to pay the outstanding amount of ${amountWithExtras(c)}. This period starts on the day after you receive this letter. If your payment reaches our account by ${c.deadline}, it is in any case on time.`,
    'If you pay within this period, we will not charge you any collection costs.',
    `If you do not pay within this period, we will charge extrajudicial collection costs of ${c.announcedCosts}, calculated according to the statutory Dutch scale (Besluit vergoeding voor buitengerechtelijke incassokosten). The total amount will then be ${c.totalWithCosts}.`,
  ],

  costsWarning: (c) => {
    const costs = c.announcedCosts;
    if (!c.isBelgian)
      return `If we do not receive your payment on time, we will charge collection costs of ${costs}.`;
    return c.isConsumer
      ? `If we do not receive your payment on time, we will charge damages of ${costs}, as set out in our terms and conditions and within the statutory limits.`
      : `If we do not receive your payment on time, we will charge a fixed compensation for recovery costs of ${costs}.`;
  },

  formalDemand: (c) => [
    c.isBelgian
      ? `We hereby give you formal notice of default and ask you to pay ${amountWithExtras(c)} by ${c.deadline} at the latest.`
      : `We hereby formally demand that you pay ${amountWithExtras(c)} by ${c.deadline} at the latest.`,
    `If we have not received your payment by then, we will hand the claim over to ${agency(c)} without further notice. The resulting costs will be for your account to the extent the law allows, as will ${interestName(c)} on the outstanding amount.${c.announcedCosts ? ` The collection costs will then amount to ${c.announcedCosts}.` : ''}`,
    'Court proceedings would also involve costs, which the court usually orders the unsuccessful party to pay.',
  ],

  handover: (c) => [
    `If we have not received the full amount of ${amountWithExtras(c)} by ${c.deadline}, we will hand the file over to a collection agency or a lawyer. From then on, all contact about this claim will go through them, and the collection costs will be for your account to the extent the law allows.${c.announcedCosts ? ` These costs will amount to ${c.announcedCosts}.` : ''}`,
    'You can still prevent this by paying by that date.',
  ],

  contact: (c) => {
    if (c.kind === 'fourteen_day_letter' || c.kind === 'formal_demand' || c.kind === 'handover_notice')
      return `If you cannot pay the full amount at once, or something else is preventing you from paying, please contact us no later than ${c.deadline}${channels(c)}, and we will look for a workable arrangement together.`;
    return c.tone === 'friendly'
      ? `Any questions, or is something not right with ${thisInvoice(c)}? Just let us know${channels(c)}.`
      : `If you have any questions about ${thisInvoice(c)}, please contact us${channels(c)}.`;
  },

  thanks: (c) => {
    if (c.kind !== 'pre_due_notice' && c.kind !== 'first_reminder' && c.kind !== 'second_reminder')
      return null;
    if (c.tone === 'friendly') return 'Thank you in advance!';
    return c.tone === 'neutral' ? 'Thank you in advance for your payment.' : null;
  },

  closing: (c) => {
    if (!c.addressee) return c.tone === 'friendly' ? 'Kind regards,' : 'Yours faithfully,';
    return c.tone === 'friendly' ? 'Kind regards,' : 'Yours sincerely,';
  },

  table: {
    headings: {
      number: 'Invoice',
      issueDate: 'Date',
      dueDate: 'Due date',
      description: 'Description',
      amount: 'Amount',
      open: 'Outstanding',
    },
    totalLabel: 'Total outstanding',
  },
  claim: { title: 'Statement of claim', totalLabel: 'Total due' },
  paymentBox: {
    title: 'Payment details',
    amount: 'Amount',
    iban: 'IBAN',
    bic: 'BIC',
    payee: 'Payee',
    reference: (c) => {
      if (c.reference?.isStructured) return 'Structured communication';
      if (c.reference) return 'Payment reference';
      return c.invoiceNumbers.length === 1 ? 'Invoice number' : 'Invoice numbers';
    },
    deadline: 'Pay by',
    fourteenDayTerm: { label: 'Payment term', value: '14 days after receipt of this letter' },
  },
  companyNumber: (c, companyNumber) =>
    c.isBelgian ? `Company number ${companyNumber}` : `Chamber of Commerce (KvK) ${companyNumber}`,
};
