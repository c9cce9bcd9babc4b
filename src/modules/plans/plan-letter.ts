/**
 * The plan confirmation as a PDF letter (window envelope, EPC QR code for the first instalment)
 * and the email that carries it: composed from the stored plan, nothing written here.
 */
import type { CalendarDate } from '../../core/calendar-date.js';
import type { LetterContent } from '../../core/dunning/letter.js';
import { formatLongDate, renderLetterText } from '../../core/dunning/templates/index.js';
import type { Language } from '../../core/ledger/enums.js';
import { cents } from '../../core/money.js';
import { type InstalmentReference, instalmentReferences } from '../../core/plans/instalment-references.js';
import { composePlanLetter } from '../../core/plans/plan-letter.js';
import { buildEpcQrPayload } from '../../core/references/epc-qr.js';
import { addressLines } from '../dunning/letter-input.js';
import { type LetterEnvelope, renderLetterPdf } from '../dunning/letters/letter-pdf.js';
import type { Organisation } from '../ledger/organisations.repo.js';
import type { ContactRow, DebtorRow } from './plans.repo.js';

export type PlanLetterInvoice = {
  number: string;
  issueDate: string;
  dueDate: string;
  description: string | null;
  totalCents: number;
  openCents: number;
  paymentReference: string | null;
};

export type PlanLetterParams = {
  org: Organisation;
  debtor: DebtorRow;
  contact: ContactRow | null;
  /** Oldest due date first: the order payments pay them. */
  invoices: readonly PlanLetterInvoice[];
  instalments: readonly { number: number; dueDate: string; amountCents: number }[];
  hasDownPayment: boolean;
  graceDays: number;
  today: CalendarDate;
};

export type PlanLetter = {
  content: LetterContent;
  envelope: LetterEnvelope;
  references: InstalmentReference[];
  fileName: string;
  bodyText: string;
};

export function composePlanLetterFor(params: PlanLetterParams): PlanLetter {
  const { org, debtor, contact, today } = params;
  if (!org.iban) throw new Error(`organisation ${org.slug} has no IBAN for the plan letter`);
  const language = debtor.language;
  const references = instalmentReferences(params.invoices, params.instalments);
  const addressee = contact?.name ?? (debtor.kind === 'consumer' ? debtor.name : null);
  const content = composePlanLetter({
    language,
    letterDate: today,
    creditor: { name: org.creditorName, iban: org.iban },
    addressee,
    invoices: params.invoices.map((i) => ({
      number: i.number,
      issueDate: i.issueDate as CalendarDate,
      dueDate: i.dueDate as CalendarDate,
      description: i.description,
      totalCents: cents(i.totalCents),
      openCents: cents(i.openCents),
      isCreditNote: false,
    })),
    instalments: params.instalments.map((i, index) => ({
      number: i.number,
      dueDate: i.dueDate as CalendarDate,
      amountCents: cents(i.amountCents),
      reference: references[index] ?? { kind: 'text', text: '' },
    })),
    hasDownPayment: params.hasDownPayment,
    graceDays: params.graceDays,
    signatory: null,
  });
  const [first] = params.instalments;
  const firstReference = references[0];
  const qr =
    first && firstReference
      ? buildEpcQrPayload({
          beneficiaryName: org.creditorName.slice(0, 70),
          iban: org.iban,
          ...(org.bic ? { bic: org.bic } : {}),
          amountCents: first.amountCents,
          ...(firstReference.kind === 'structured'
            ? { structuredReference: firstReference.compact }
            : { remittanceText: firstReference.text.slice(0, 140) }),
        })
      : null;
  return {
    content,
    envelope: envelope(params, language, qr?.ok ? qr.payload : null),
    references,
    fileName: `${today}-payment-plan-${debtor.number}.pdf`.replace(/[^\w.-]+/g, '_'),
    bodyText: renderLetterText(content),
  };
}

export function renderPlanLetterPdf(letter: PlanLetter, createdAt: Date): Promise<Buffer> {
  return renderLetterPdf({ content: letter.content, envelope: letter.envelope, createdAt });
}

const CUSTOMER_NUMBER: Record<Language, string> = {
  nl: 'Klantnummer',
  fr: 'Numéro de client',
  en: 'Customer number',
};

function envelope(params: PlanLetterParams, language: Language, epcQrPayload: string | null): LetterEnvelope {
  const { org, debtor, contact, today } = params;
  const attention = { nl: 'T.a.v.', fr: "À l'attention de", en: 'Attn.' }[language];
  return {
    sender: {
      name: org.creditorName,
      addressLines: addressLines(org),
      contactLine: [
        org.senderEmail,
        org.iban ? `IBAN ${org.iban}` : null,
        org.companyNumber ? `${org.country === 'NL' ? 'KvK' : 'KBO'} ${org.companyNumber}` : null,
        org.vatNumber
          ? `${language === 'fr' ? 'TVA' : language === 'en' ? 'VAT' : 'btw'} ${org.vatNumber}`
          : null,
      ]
        .filter(Boolean)
        .join(' · '),
    },
    recipient: {
      name: debtor.name,
      attention: contact && debtor.kind === 'business' ? `${attention} ${contact.name}` : null,
      addressLines: addressLines(debtor),
    },
    placeAndDate: `${org.city ? `${org.city}, ${language === 'fr' ? 'le ' : ''}` : ''}${formatLongDate(today, language)}`,
    references: [{ label: CUSTOMER_NUMBER[language], value: debtor.number }],
    epcQrPayload,
  };
}
