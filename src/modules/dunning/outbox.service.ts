import { eq, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/client.js';
import { documents, organisations, outboxMessages } from '../../db/schema/index.js';
import { appendTimelineEvent } from '../ledger/timeline.repo.js';
import { insertCallTask } from './dunning-actions.repo.js';

/**
 * Sends queued emails through SMTP, one message per transaction with the row locked (SKIP LOCKED:
 * two workers never send the same message). A permanent rejection (5xx) marks the message failed
 * and creates a call task to fix the contact; a temporary failure leaves it queued for the next
 * round. The Message-ID is derived from the outbox id, so a resend after a crash is recognisable.
 */

export type Mailer = Pick<Transporter, 'sendMail'>;

export type DispatchOutcome = { sent: number; failed: number; retry: number };

const MAX_ATTEMPTS = 5;

export async function dispatchOutbox(
  deps: { db: Db; mailer: Mailer; clock: { today(timeZone?: string): string } },
  params: { limit?: number; fallbackFrom?: string } = {},
): Promise<DispatchOutcome> {
  const outcome: DispatchOutcome = { sent: 0, failed: 0, retry: 0 };
  for (let i = 0; i < (params.limit ?? 500); i++) {
    const result = await sendNext(deps, params.fallbackFrom ?? 'collectdesk@localhost');
    if (result === 'none') break;
    outcome[result]++;
  }
  return outcome;
}

async function sendNext(
  deps: { db: Db; mailer: Mailer; clock: { today(timeZone?: string): string } },
  fallbackFrom: string,
): Promise<'sent' | 'failed' | 'retry' | 'none'> {
  return deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const picked = (await tx.execute(sql`select id from outbox_messages
      where status = 'queued' and attempts < ${MAX_ATTEMPTS}
      order by created_at, id limit 1 for update skip locked`)) as unknown as { rows: { id: string }[] };
    const id = picked.rows[0]?.id;
    if (!id) return 'none';
    const [row] = await tx
      .select({ message: outboxMessages, org: organisations })
      .from(outboxMessages)
      .innerJoin(organisations, eq(organisations.id, outboxMessages.orgId))
      .where(eq(outboxMessages.id, id));
    if (!row) return 'none';
    const { message, org } = row;
    const [attachment] = message.documentId
      ? await tx.select().from(documents).where(eq(documents.id, message.documentId))
      : [];
    try {
      const info = await deps.mailer.sendMail({
        from: { name: org.creditorName, address: org.senderEmail ?? fallbackFrom },
        to: message.toAddress ?? '',
        subject: message.subject,
        text: message.bodyText,
        messageId: `<outbox-${message.id}@collectdesk>`,
        attachments: attachment
          ? [
              {
                filename: attachment.fileName,
                content: Buffer.from(attachment.content),
                contentType: attachment.mediaType,
              },
            ]
          : [],
      });
      await tx
        .update(outboxMessages)
        .set({
          status: 'sent',
          attempts: message.attempts + 1,
          smtpMessageId: info.messageId,
          sentAt: sql`now()`,
          error: null,
        })
        .where(eq(outboxMessages.id, id));
      return 'sent';
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const text = error instanceof Error ? error.message : String(error);
      const isPermanent = (code !== undefined && code >= 500) || message.attempts + 1 >= MAX_ATTEMPTS;
      await tx
        .update(outboxMessages)
        .set({ status: isPermanent ? 'failed' : 'queued', attempts: message.attempts + 1, error: text })
        .where(eq(outboxMessages.id, id));
      if (!isPermanent) return 'retry';
      await reportUndeliverable(tx, { message, reason: text, today: deps.clock.today(org.timeZone) });
      return 'failed';
    }
  });
}

/** A bounce or rejection: someone has to call to get the right address (and say what was sent). */
export async function reportUndeliverable(
  tx: Db,
  params: { message: typeof outboxMessages.$inferSelect; reason: string; today: string },
): Promise<void> {
  const { message } = params;
  await insertCallTask(tx, {
    orgId: message.orgId,
    debtorId: message.debtorId,
    reason: 'delivery_failed',
    dueDate: params.today,
    outboxMessageId: message.id,
    note: `Email to ${message.toAddress} could not be delivered (${params.reason}). Check the email address and tell them about: ${message.subject}`,
  });
  await appendTimelineEvent(tx, {
    orgId: message.orgId,
    debtorId: message.debtorId,
    kind: 'email',
    actorLabel: 'mail server',
    summary: `Email "${message.subject}" to ${message.toAddress} was not delivered: ${params.reason}`,
    data: { outboxMessageId: message.id, delivered: false },
  });
}
