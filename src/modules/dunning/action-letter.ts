import type { CalendarDate } from '../../core/calendar-date.js';
import type { LetterContent, LetterInput, LetterKind } from '../../core/dunning/letter.js';
import { composeLetter, formatLongDate } from '../../core/dunning/templates/index.js';
import type { Language } from '../../core/ledger/enums.js';
import type { ClaimStatement } from '../../core/legal/index.js';
import { buildEpcQrPayload } from '../../core/references/epc-qr.js';
import type { ActionContext } from './dunning-actions.repo.js';
import { addressLines, buildClaim, buildLetterInput, paymentReference } from './letter-input.js';
import type { LetterEnvelope } from './letters/letter-pdf.js';

/**
 * The letter a dunning action sends, composed from its loaded context without writing anything:
 * `executeAction` stores and sends it, the run preview shows it as a PDF before anything goes out.
 * Both go through here, so the preview is the letter.
 */

export type ActionLetter = {
  kind: LetterKind;
  /** The claim statement (costs and interest) when the step claims costs or hands over. */
  claim: ClaimStatement | null;
  input: LetterInput;
  content: LetterContent;
  envelope: LetterEnvelope;
  fileName: string;
};

/** Invoices still worth a letter: something open and not paid, disputed or handed over since. */
export function isStillOpen(invoice: { openCents: number; status: string }): boolean {
  return invoice.openCents > 0 && (invoice.status === 'open' || invoice.status === 'partially_paid');
}

export function composeActionLetter(ctx: ActionContext, today: CalendarDate): ActionLetter {
  const kind =
    ctx.step.letterKind ?? (ctx.step.channel === 'handover' ? 'handover_notice' : 'first_reminder');
  const claim = ctx.step.claimsCosts || kind === 'handover_notice' ? buildClaim(ctx, today) : null;
  const input = buildLetterInput(ctx, { today, kind, claim });
  return {
    kind,
    claim,
    input,
    content: composeLetter(input),
    envelope: envelope(ctx, today, input.payment.amountCents),
    fileName: `${today}-${kind}-${ctx.debtor.number}.pdf`.replace(/[^\w.-]+/g, '_'),
  };
}

const CUSTOMER_NUMBER: Record<Language, string> = {
  nl: 'Klantnummer',
  fr: 'Numéro de client',
  en: 'Customer number',
};

function envelope(ctx: ActionContext, today: CalendarDate, amountCents: number): LetterEnvelope {
  const language = ctx.debtor.language;
  const contact = ctx.contacts[0];
  const reference = paymentReference(ctx);
  const qr = ctx.org.iban
    ? buildEpcQrPayload({
        beneficiaryName: ctx.org.creditorName.slice(0, 70),
        iban: ctx.org.iban,
        ...(ctx.org.bic ? { bic: ctx.org.bic } : {}),
        amountCents,
        ...(reference
          ? { structuredReference: reference.compact }
          : {
              remittanceText: ctx.invoices
                .map((i) => i.number)
                .join(' ')
                .slice(0, 140),
            }),
      })
    : null;
  const attention = { nl: 'T.a.v.', fr: "À l'attention de", en: 'Attn.' }[language];
  return {
    sender: {
      name: ctx.org.creditorName,
      addressLines: addressLines(ctx.org),
      contactLine: [
        ctx.org.senderEmail,
        ctx.org.iban ? `IBAN ${ctx.org.iban}` : null,
        ctx.org.companyNumber ? `${ctx.org.country === 'NL' ? 'KvK' : 'KBO'} ${ctx.org.companyNumber}` : null,
        ctx.org.vatNumber
          ? `${language === 'fr' ? 'TVA' : language === 'en' ? 'VAT' : 'btw'} ${ctx.org.vatNumber}`
          : null,
      ]
        .filter(Boolean)
        .join(' · '),
    },
    recipient: {
      name: ctx.debtor.name,
      attention: contact && ctx.debtor.kind === 'business' ? `${attention} ${contact.name}` : null,
      addressLines: addressLines(ctx.debtor),
    },
    placeAndDate: `${ctx.org.city ? `${ctx.org.city}, ${language === 'fr' ? 'le ' : ''}` : ''}${formatLongDate(today, language)}`,
    references: [{ label: CUSTOMER_NUMBER[language], value: ctx.debtor.number }],
    epcQrPayload: qr?.ok ? qr.payload : null,
  };
}
