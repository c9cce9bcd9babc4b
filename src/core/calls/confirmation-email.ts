/**
 * The email right after an agreement (003#4, 004#12, R19): who does what by when, how to pay
 * (account, structured reference), and the link to confirm receipt — in the debtor's language.
 */
import type { CalendarDate } from '../calendar-date.js';
import { formatEuro, formatLongDate } from '../dunning/templates/format.js';
import type { Language } from '../ledger/enums.js';

export type ConfirmedAgreement =
  | { kind: 'promise'; amountCents: number; date: CalendarDate }
  | { kind: 'plan'; instalments: readonly { amountCents: number; dueDate: CalendarDate }[] };

export type ConfirmationEmailInput = {
  language: Language;
  contactName: string;
  debtorName: string;
  creditorName: string;
  collectorName: string;
  agreement: ConfirmedAgreement;
  iban: string | null;
  /** The structured references (or invoice numbers) to quote with the payment. */
  references: readonly string[];
  confirmUrl: string;
};

type Texts = {
  subject: (creditor: string) => string;
  dear: (name: string) => string;
  intro: (collector: string, debtor: string) => string;
  promise: (amount: string, date: string) => string;
  planIntro: string;
  instalment: (n: number, amount: string, date: string) => string;
  payTo: (iban: string) => string;
  reference: (refs: string) => string;
  confirm: string;
  regards: string;
};

const TEXTS: Record<Language, Texts> = {
  nl: {
    subject: (c) => `Bevestiging van onze betalingsafspraak – ${c}`,
    dear: (n) => `Beste ${n},`,
    intro: (c, d) =>
      `Zoals zojuist telefonisch met ${c} afgesproken, legt ${d} de volgende betaling(en) vast:`,
    promise: (a, d) => `U betaalt ${a} uiterlijk op ${d}.`,
    planIntro: 'U betaalt in termijnen:',
    instalment: (n, a, d) => `  termijn ${n}: ${a} uiterlijk op ${d}`,
    payTo: (i) => `Graag overmaken naar rekening ${i}.`,
    reference: (r) => `Vermeld bij de betaling: ${r}.`,
    confirm: 'Wilt u met één klik bevestigen dat u deze afspraak hebt ontvangen?',
    regards: 'Met vriendelijke groet,',
  },
  fr: {
    subject: (c) => `Confirmation de notre accord de paiement – ${c}`,
    dear: (n) => `Bonjour ${n},`,
    intro: (c, d) =>
      `Comme convenu à l'instant par téléphone avec ${c}, ${d} s'engage aux paiements suivants :`,
    promise: (a, d) => `Vous payez ${a} au plus tard le ${d}.`,
    planIntro: 'Vous payez en plusieurs fois :',
    instalment: (n, a, d) => `  échéance ${n} : ${a} au plus tard le ${d}`,
    payTo: (i) => `Merci de virer le montant sur le compte ${i}.`,
    reference: (r) => `Communication à mentionner : ${r}.`,
    confirm: 'Pouvez-vous confirmer la réception de cet accord en un clic ?',
    regards: 'Cordialement,',
  },
  en: {
    subject: (c) => `Confirmation of our payment arrangement – ${c}`,
    dear: (n) => `Dear ${n},`,
    intro: (c, d) => `As just agreed on the phone with ${c}, ${d} will make the following payment(s):`,
    promise: (a, d) => `You pay ${a} by ${d} at the latest.`,
    planIntro: 'You pay in instalments:',
    instalment: (n, a, d) => `  instalment ${n}: ${a} by ${d}`,
    payTo: (i) => `Please transfer to account ${i}.`,
    reference: (r) => `Quote with the payment: ${r}.`,
    confirm: 'Please confirm with one click that you received this arrangement:',
    regards: 'Kind regards,',
  },
};

export function composeConfirmationEmail(input: ConfirmationEmailInput): { subject: string; text: string } {
  const t = TEXTS[input.language];
  const euro = (amount: number) => formatEuro(amount, input.language);
  const date = (value: CalendarDate) => formatLongDate(value, input.language);
  const agreement =
    input.agreement.kind === 'promise'
      ? [t.promise(euro(input.agreement.amountCents), date(input.agreement.date))]
      : [
          t.planIntro,
          ...input.agreement.instalments.map((i, index) =>
            t.instalment(index + 1, euro(i.amountCents), date(i.dueDate)),
          ),
        ];
  const lines = [
    t.dear(input.contactName),
    '',
    t.intro(input.collectorName, input.debtorName),
    '',
    ...agreement,
    '',
    ...(input.iban ? [t.payTo(input.iban)] : []),
    ...(input.references.length > 0 ? [t.reference(input.references.join(', '))] : []),
    '',
    t.confirm,
    input.confirmUrl,
    '',
    t.regards,
    input.collectorName,
    input.creditorName,
  ];
  return { subject: t.subject(input.creditorName), text: lines.join('\n') };
}
