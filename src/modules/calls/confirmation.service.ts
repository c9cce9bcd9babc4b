import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { addBusinessDays } from '../../core/calendar/business-days.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import { type ConfirmedAgreement, composeConfirmationEmail } from '../../core/calls/confirmation-email.js';
import type { Language } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { agreementConfirmations } from '../../db/schema/index.js';
import { insertOutboxMessage } from '../dunning/dunning-actions.repo.js';
import type { Organisation } from '../ledger/organisations.repo.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { selectRows } from './sql-rows.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Queues the confirmation email of an agreement in the caller's transaction (outbox: the email
 * goes out only if the agreement is saved) with an unguessable link; only the token's SHA-256 is
 * kept. Without an email address nothing is queued and the caller says so on the timeline.
 */
export async function queueAgreementConfirmation(
  tx: Db,
  params: {
    org: Organisation;
    debtor: { id: string; name: string; language: Language; email: string | null };
    contact: { name: string; email: string | null } | null;
    collectorName: string;
    agreement: ConfirmedAgreement;
    references: readonly string[];
    callId: string;
    promiseId?: string;
    planId?: string;
    today: CalendarDate;
    confirmWithinBusinessDays: number;
    publicUrl: string;
    actor: { userId: string | null; label: string };
  },
): Promise<string | null> {
  const toAddress = params.contact?.email ?? params.debtor.email;
  if (!toAddress) return null;
  const token = randomBytes(24).toString('base64url');
  const email = composeConfirmationEmail({
    language: params.debtor.language,
    contactName: params.contact?.name ?? params.debtor.name,
    debtorName: params.debtor.name,
    creditorName: params.org.creditorName,
    collectorName: params.collectorName,
    agreement: params.agreement,
    iban: params.org.iban,
    references: params.references,
    confirmUrl: `${params.publicUrl.replace(/\/$/, '')}/confirm/${token}`,
  });
  const messageId = await insertOutboxMessage(tx, {
    orgId: params.org.id,
    debtorId: params.debtor.id,
    status: 'queued',
    toAddress,
    subject: email.subject,
    bodyText: email.text,
  });
  await tx.insert(agreementConfirmations).values({
    orgId: params.org.id,
    debtorId: params.debtor.id,
    callId: params.callId,
    promiseId: params.promiseId ?? null,
    planId: params.planId ?? null,
    tokenHash: hashToken(token),
    outboxMessageId: messageId,
    sentOn: params.today,
    confirmBy: addBusinessDays(params.today, params.confirmWithinBusinessDays, params.org.country),
  });
  await appendTimeline(tx, [
    {
      orgId: params.org.id,
      debtorId: params.debtor.id,
      kind: 'email',
      actorUserId: params.actor.userId,
      actorLabel: params.actor.label,
      summary: `Agreement confirmation queued to ${toAddress}: ${email.subject}`,
      data: { outboxMessageId: messageId, confirmation: true },
    },
  ]);
  return messageId;
}

/**
 * The debtor clicked the link: records the confirmation once (a second click changes nothing) on
 * the timeline. Returns the language to thank them in, or undefined for an unknown token.
 */
export async function confirmAgreement(
  deps: { db: Db; clock: { now(): Date } },
  token: string,
): Promise<{ language: Language; creditorName: string } | undefined> {
  return deps.db.transaction(async (tx) => {
    const [row] = await selectRows<{
      id: string;
      org_id: string;
      debtor_id: string;
      confirmed_at: Date | null;
      language: Language;
      creditor_name: string;
    }>(
      tx,
      sql`select c.id, c.org_id, c.debtor_id, c.confirmed_at, d.language, o.creditor_name
      from agreement_confirmations c
      join debtors d on d.id = c.debtor_id
      join organisations o on o.id = c.org_id
      where c.token_hash = ${hashToken(token)} for update of c`,
    );
    if (!row) return undefined;
    if (!row.confirmed_at) {
      await tx
        .update(agreementConfirmations)
        .set({ confirmedAt: deps.clock.now() })
        .where(and(eq(agreementConfirmations.id, row.id), isNull(agreementConfirmations.confirmedAt)));
      await appendTimeline(tx, [
        {
          orgId: row.org_id,
          debtorId: row.debtor_id,
          kind: 'promise',
          actorLabel: 'debtor',
          summary: 'The debtor confirmed receipt of the agreement',
          data: { confirmationId: row.id, confirmed: true },
        },
      ]);
    }
    return { language: row.language, creditorName: row.creditor_name };
  });
}

const THANKS: Record<Language, { title: string; text: (creditor: string) => string }> = {
  nl: { title: 'Dank u wel', text: (c) => `Uw bevestiging van de afspraak met ${c} is ontvangen.` },
  fr: { title: 'Merci', text: (c) => `Votre confirmation de l'accord avec ${c} a bien été reçue.` },
  en: {
    title: 'Thank you',
    text: (c) => `Your confirmation of the arrangement with ${c} has been received.`,
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The short page the confirmation link shows. */
export function thankYouPage(language: Language, creditorName: string): string {
  const t = THANKS[language];
  return `<!doctype html><html lang="${language}"><meta charset="utf-8"><title>${t.title}</title><body><h1>${t.title}</h1><p>${escapeHtml(t.text(creditorName))}</p></body></html>`;
}
