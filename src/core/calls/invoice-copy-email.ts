/**
 * The copy of invoices a collector sends during a call ("never saw the invoice", 005#5): per
 * invoice its number, dates, open amount and the reference to quote, and where to pay — in the
 * debtor's language.
 */
import type { CalendarDate } from '../calendar-date.js';
import { formatEuro, formatIban, formatLongDate } from '../dunning/templates/format.js';
import type { Language } from '../ledger/enums.js';

export type InvoiceCopyLine = {
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  openCents: number;
  /** The structured reference, or the invoice number when the invoice has none. */
  reference: string;
};

export type InvoiceCopyEmailInput = {
  language: Language;
  contactName: string;
  creditorName: string;
  collectorName: string;
  iban: string | null;
  invoices: readonly InvoiceCopyLine[];
};

type Texts = {
  subject: (numbers: string, creditor: string) => string;
  dear: (name: string) => string;
  intro: string;
  invoice: (number: string, issued: string, due: string, open: string, reference: string) => string;
  payTo: (iban: string) => string;
  regards: string;
};

const TEXTS: Record<Language, Texts> = {
  nl: {
    subject: (n, c) => `Kopie van factuur ${n} – ${c}`,
    dear: (n) => `Beste ${n},`,
    intro:
      'Zoals zojuist telefonisch besproken, vindt u hieronder de gegevens van de openstaande factuur/facturen:',
    invoice: (n, i, d, o, r) =>
      `  factuur ${n} van ${i}, vervaldag ${d}: open ${o} – vermeld bij de betaling: ${r}`,
    payTo: (i) => `Graag overmaken naar rekening ${i}.`,
    regards: 'Met vriendelijke groet,',
  },
  fr: {
    subject: (n, c) => `Copie de la facture ${n} – ${c}`,
    dear: (n) => `Bonjour ${n},`,
    intro: "Comme convenu à l'instant par téléphone, voici les données de la ou des factures ouvertes :",
    invoice: (n, i, d, o, r) =>
      `  facture ${n} du ${i}, échéance le ${d} : solde ${o} – communication : ${r}`,
    payTo: (i) => `Merci de virer le montant sur le compte ${i}.`,
    regards: 'Cordialement,',
  },
  en: {
    subject: (n, c) => `Copy of invoice ${n} – ${c}`,
    dear: (n) => `Dear ${n},`,
    intro: 'As just discussed on the phone, please find below the details of the open invoice(s):',
    invoice: (n, i, d, o, r) => `  invoice ${n} of ${i}, due ${d}: open ${o} – quote with the payment: ${r}`,
    payTo: (i) => `Please transfer to account ${i}.`,
    regards: 'Kind regards,',
  },
};

export function composeInvoiceCopyEmail(input: InvoiceCopyEmailInput): { subject: string; text: string } {
  const t = TEXTS[input.language];
  const date = (value: CalendarDate) => formatLongDate(value, input.language);
  const lines = [
    t.dear(input.contactName),
    '',
    t.intro,
    '',
    ...input.invoices.map((i) =>
      t.invoice(
        i.number,
        date(i.issueDate),
        date(i.dueDate),
        formatEuro(i.openCents, input.language),
        i.reference,
      ),
    ),
    '',
    ...(input.iban ? [t.payTo(formatIban(input.iban)), ''] : []),
    t.regards,
    input.collectorName,
    input.creditorName,
  ];
  const numbers = input.invoices.map((i) => i.number).join(', ');
  return { subject: t.subject(numbers, input.creditorName), text: lines.join('\n') };
}
