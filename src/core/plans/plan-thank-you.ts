/**
 * Aftercare (R6, 001#6): when a payment plan is completed, the debtor is thanked, in their own
 * language, personally and without any sales talk. Plain text: it is a short email.
 */
import { formatEuro, joinList } from '../dunning/templates/format.js';
import type { Language } from '../ledger/enums.js';

export type PlanThankYouInput = {
  language: Language;
  addressee: string | null;
  creditorName: string;
  totalCents: number;
  instalmentCount: number;
  invoiceNumbers: readonly string[];
};

export function composePlanThankYou(input: PlanThankYouInput): { subject: string; bodyText: string } {
  const total = formatEuro(input.totalCents, input.language);
  const invoices = joinList(input.invoiceNumbers, { nl: 'en', fr: 'et', en: 'and' }[input.language]);
  const plural = input.invoiceNumbers.length > 1;
  const { addressee: name } = input;
  const paragraphs = {
    nl: [
      name ? `Beste ${name},` : 'Geachte heer, mevrouw,',
      `Uw betalingsregeling is afgerond: we hebben alle ${input.instalmentCount} termijnen ontvangen, samen ${total}. Hartelijk dank dat u zich zo goed aan de afspraken hebt gehouden.`,
      `${plural ? `De facturen ${invoices} zijn` : `Factuur ${invoices} is`} hiermee volledig betaald. Hebt u later vragen over een factuur, of loopt u ergens tegenaan, laat het ons dan gerust weten.`,
      `Met vriendelijke groet,\n${input.creditorName}`,
    ],
    fr: [
      name ? `Bonjour ${name},` : 'Madame, Monsieur,',
      `Votre plan de paiement est terminé : nous avons reçu les ${input.instalmentCount} échéances, soit ${total} au total. Merci sincèrement d'avoir si bien respecté nos accords.`,
      `${plural ? `Les factures ${invoices} sont` : `La facture ${invoices} est`} ainsi entièrement ${plural ? 'payées' : 'payée'}. Si vous avez une question sur une facture à l'avenir, n'hésitez pas à nous contacter.`,
      `Bien cordialement,\n${input.creditorName}`,
    ],
    en: [
      name ? `Dear ${name},` : 'Dear Sir or Madam,',
      `Your payment plan is complete: we have received all ${input.instalmentCount} instalments, ${total} in total. Thank you very much for keeping so well to what we agreed.`,
      `${plural ? `Invoices ${invoices} are` : `Invoice ${invoices} is`} now paid in full. If you ever have a question about an invoice, or run into difficulties, please do let us know.`,
      `Kind regards,\n${input.creditorName}`,
    ],
  }[input.language];
  const subject = {
    nl: 'Bedankt: uw betalingsregeling is afgerond',
    fr: 'Merci : votre plan de paiement est terminé',
    en: 'Thank you: your payment plan is complete',
  }[input.language];
  return { subject, bodyText: `${paragraphs.join('\n\n')}\n` };
}
