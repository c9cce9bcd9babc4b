import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import { composeInvoiceCopyEmail } from '../../core/calls/invoice-copy-email.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { contacts, debtors, invoices, outboxMessages } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { insertOutboxMessage } from '../dunning/dunning-actions.repo.js';
import { loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { findUserLanguage } from './users.repo.js';

type InvoiceCopyResult = { outboxMessageId: string; toAddress: string };

/**
 * "Never saw the invoice" (005#5): queues a copy of the chosen invoices of the debtor to the
 * contact's (or else the debtor's) email through the outbox, and notes it on the timeline. With an
 * idempotency key, a repeat of the request (a retry, a second click) returns the first copy's
 * message instead of sending another.
 */
export async function sendInvoiceCopies(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  debtorId: string,
  request: { invoiceIds: readonly string[]; contactId?: string | undefined },
  idempotencyKey?: string | undefined,
): Promise<InvoiceCopyResult> {
  const asked = { debtorId, fingerprint: fingerprintOf(request) };
  const replay = idempotencyKey && (await findReplay(deps.db, actor.orgId, idempotencyKey, asked));
  if (replay) return replay;
  try {
    return await queueInvoiceCopies(deps, actor, debtorId, request, idempotencyKey, asked.fingerprint);
  } catch (error) {
    // Two first requests with one key racing: the loser reports the winner's message.
    const winner =
      idempotencyKey &&
      isUniqueViolation(error) &&
      (await findReplay(deps.db, actor.orgId, idempotencyKey, asked));
    if (winner) return winner;
    throw error;
  }
}

/** The invoices and the contact a request asks for, in any order: what a repeat must ask for too. */
function fingerprintOf(request: { invoiceIds: readonly string[]; contactId?: string | undefined }): string {
  const asked = `${[...request.invoiceIds].sort().join(',')}|${request.contactId ?? ''}`;
  return createHash('sha256').update(asked).digest('hex');
}

async function findReplay(
  db: Db,
  orgId: string,
  idempotencyKey: string,
  asked: { debtorId: string; fingerprint: string },
): Promise<InvoiceCopyResult | undefined> {
  const [earlier] = await db
    .select({
      id: outboxMessages.id,
      debtorId: outboxMessages.debtorId,
      toAddress: outboxMessages.toAddress,
      fingerprint: outboxMessages.requestFingerprint,
    })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.orgId, orgId), eq(outboxMessages.idempotencyKey, idempotencyKey)));
  if (!earlier) return undefined;
  if (earlier.debtorId !== asked.debtorId || earlier.fingerprint !== asked.fingerprint) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for another invoice copy');
  }
  return { outboxMessageId: earlier.id, toAddress: earlier.toAddress ?? '' };
}

async function queueInvoiceCopies(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  debtorId: string,
  request: { invoiceIds: readonly string[]; contactId?: string | undefined },
  idempotencyKey: string | undefined,
  fingerprint: string,
): Promise<InvoiceCopyResult> {
  const { org } = await loadOrganisation(deps, actor.orgId);
  const collector = actor.userId ? await findUserLanguage(deps.db, actor.userId) : undefined;
  const collectorName = collector?.name ?? actor.label;

  return deps.db.transaction(async (tx) => {
    const [debtor] = await tx
      .select()
      .from(debtors)
      .where(and(eq(debtors.orgId, org.id), eq(debtors.id, debtorId)));
    if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
    const [contact] = request.contactId
      ? await tx
          .select()
          .from(contacts)
          .where(
            and(
              eq(contacts.orgId, org.id),
              eq(contacts.debtorId, debtorId),
              eq(contacts.id, request.contactId),
            ),
          )
      : [];
    if (request.contactId && !contact)
      throw new AppError('CONTACT_NOT_FOUND', 'no such contact of this debtor');
    const toAddress = contact?.email ?? debtor.email;
    if (!toAddress) {
      throw new AppError('VALIDATION_FAILED', 'no email address to send the copy to', [
        { field: request.contactId ? 'contactId' : 'email', message: 'no email address' },
      ]);
    }
    const rows = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.orgId, org.id),
          eq(invoices.debtorId, debtorId),
          inArray(invoices.id, [...request.invoiceIds]),
        ),
      )
      .orderBy(asc(invoices.dueDate), asc(invoices.number));
    const found = new Set(rows.map((r) => r.id));
    const foreign = request.invoiceIds.findIndex((id) => !found.has(id));
    if (foreign >= 0) {
      throw new AppError('VALIDATION_FAILED', 'an invoice is not one of this debtor', [
        { field: `invoiceIds.${foreign}`, message: 'not an invoice of this debtor' },
      ]);
    }
    const email = composeInvoiceCopyEmail({
      language: debtor.language,
      contactName: contact?.name ?? debtor.name,
      creditorName: org.creditorName,
      collectorName,
      iban: org.iban,
      invoices: rows.map((r) => ({
        number: r.number,
        issueDate: r.issueDate as CalendarDate,
        dueDate: r.dueDate as CalendarDate,
        openCents: r.openCents,
        reference: r.paymentReference ?? r.number,
      })),
    });
    const outboxMessageId = await insertOutboxMessage(tx, {
      orgId: org.id,
      debtorId,
      status: 'queued',
      toAddress,
      subject: email.subject,
      bodyText: email.text,
      idempotencyKey: idempotencyKey ?? null,
      requestFingerprint: idempotencyKey ? fingerprint : null,
    });
    await appendTimeline(tx, [
      {
        orgId: org.id,
        debtorId,
        kind: 'email',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Invoice copy queued to ${toAddress}: ${rows.map((r) => r.number).join(', ')}`,
        data: { outboxMessageId, invoiceIds: rows.map((r) => r.id) },
      },
    ]);
    return { outboxMessageId, toAddress };
  });
}
