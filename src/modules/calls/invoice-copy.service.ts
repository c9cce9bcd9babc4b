import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import { composeInvoiceCopyEmail } from '../../core/calls/invoice-copy-email.js';
import { AppError } from '../../core/errors.js';
import { contacts, debtors, invoices } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { insertOutboxMessage } from '../dunning/dunning-actions.repo.js';
import { loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { findUserLanguage } from './users.repo.js';

/**
 * "Never saw the invoice" (005#5): queues a copy of the chosen invoices of the debtor to the
 * contact's (or else the debtor's) email through the outbox, and notes it on the timeline.
 */
export async function sendInvoiceCopies(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  debtorId: string,
  request: { invoiceIds: readonly string[]; contactId?: string | undefined },
): Promise<{ outboxMessageId: string; toAddress: string }> {
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
