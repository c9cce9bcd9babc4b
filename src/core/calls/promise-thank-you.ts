/**
 * Aftercare for a kept promise (R6, 001#6), when the organisation sends it: a short, personal
 * thank-you in the debtor's language, without sales talk or reproach for the late payment.
 */
import type { CalendarDate } from '../calendar-date.js';
import { formatEuro, formatLongDate, joinList } from '../dunning/templates/format.js';
import type { Language } from '../ledger/enums.js';

export type PromiseThankYouInput = {
  language: Language;
  addressee: string | null;
  creditorName: string;
  amountCents: number;
  promisedDate: CalendarDate;
  invoiceNumbers: readonly string[];
};

export function composePromiseThankYou(input: PromiseThankYouInput): { subject: string; bodyText: string } {
  const amount = formatEuro(input.amountCents, input.language);
  const date = formatLongDate(input.promisedDate, input.language);
  const invoices = joinList(input.invoiceNumbers, { nl: 'en', fr: 'et', en: 'and' }[input.language]);
  const plural = input.invoiceNumbers.length > 1;
  const some = input.invoiceNumbers.length > 0;
  const { addressee: name } = input;
  const paragraphs = {
    nl: [
      name ? `Beste ${name},` : 'Geachte heer, mevrouw,',
      `We hebben uw betaling van ${amount} ontvangen, zoals u had toegezegd voor ${date}. Hartelijk dank dat u zich aan de afspraak hebt gehouden.`,
      ...(some
        ? [`${plural ? `De facturen ${invoices} zijn` : `Factuur ${invoices} is`} hiermee betaald.`]
        : []),
      'Hebt u later vragen over een factuur, of loopt u ergens tegenaan, laat het ons dan gerust weten.',
      `Met vriendelijke groet,\n${input.creditorName}`,
    ],
    fr: [
      name ? `Bonjour ${name},` : 'Madame, Monsieur,',
      `Nous avons bien reçu votre paiement de ${amount}, comme vous l'aviez promis pour le ${date}. Merci sincèrement d'avoir respecté notre accord.`,
      ...(some
        ? [
            `${plural ? `Les factures ${invoices} sont` : `La facture ${invoices} est`} ainsi ${plural ? 'payées' : 'payée'}.`,
          ]
        : []),
      "Si vous avez une question sur une facture à l'avenir, n'hésitez pas à nous contacter.",
      `Bien cordialement,\n${input.creditorName}`,
    ],
    en: [
      name ? `Dear ${name},` : 'Dear Sir or Madam,',
      `We have received your payment of ${amount}, as you promised for ${date}. Thank you very much for keeping to what we agreed.`,
      ...(some ? [`${plural ? `Invoices ${invoices} are` : `Invoice ${invoices} is`} now paid.`] : []),
      'If you ever have a question about an invoice, or run into difficulties, please do let us know.',
      `Kind regards,\n${input.creditorName}`,
    ],
  }[input.language];
  const subject = {
    nl: 'Bedankt voor uw betaling',
    fr: 'Merci pour votre paiement',
    en: 'Thank you for your payment',
  }[input.language];
  return { subject, bodyText: `${paragraphs.join('\n\n')}\n` };
}
