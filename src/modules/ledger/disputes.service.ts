import type { CalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import { transitionInvoice } from '../../core/ledger/invoice-status.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../auth/access.js';
import { refreshDebtorBalances } from './balances.repo.js';
import { closeDisputeRow, insertDispute } from './disputes.repo.js';
import { findDisputeRows, findInvoiceRow, hasOpenDispute, updateInvoiceRow } from './invoices.repo.js';
import { toDispute } from './ledger.mappers.js';
import type { CreateDisputeRequest, Dispute, ResolveDisputeRequest } from './ledger.schemas.js';
import { type LedgerDeps, loadOrganisation } from './organisation.service.js';
import { appendTimeline } from './timeline.repo.js';

/**
 * Records a complaint about an invoice. The invoice becomes "disputed", which pauses dunning for
 * it until the dispute is resolved or rejected.
 */
export async function openDispute(
  deps: LedgerDeps,
  actor: Actor,
  invoiceId: string,
  request: CreateDisputeRequest,
): Promise<Dispute> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  return deps.db.transaction((tx) =>
    openDisputeInTransaction(tx, { actor, invoiceId, request, today, now: deps.clock.now() }),
  );
}

/**
 * The same inside a caller's transaction, for a use-case that opens disputes among other changes
 * (a call in which the debtor disputes some invoices).
 */
export async function openDisputeInTransaction(
  tx: Db,
  params: { actor: Actor; invoiceId: string; request: CreateDisputeRequest; today: CalendarDate; now: Date },
): Promise<Dispute> {
  const { actor, invoiceId, request, today, now } = params;
  const invoice = await findInvoiceRow(tx, { orgId: actor.orgId, invoiceId, forUpdate: true });
  if (!invoice) throw new AppError('INVOICE_NOT_FOUND', 'no such invoice');
  if (invoice.kind !== 'invoice') throw new AppError('INVALID_STATE', 'a credit note cannot be disputed');
  const next = transitionInvoice(invoice.status, { type: 'dispute_opened' });
  if (!next.ok)
    throw new AppError('INVALID_STATE', `cannot dispute invoice ${invoice.number}: ${next.reason}`);
  const disputeId = await insertDispute(tx, {
    orgId: actor.orgId,
    debtorId: invoice.debtorId,
    invoiceId,
    reason: request.reason,
    description: request.description ?? null,
    openedBy: actor.userId,
    openedAt: now,
  });
  if (next.status !== invoice.status) {
    await updateInvoiceRow(tx, { orgId: actor.orgId, invoiceId, changes: { status: next.status }, now });
  }
  await appendTimeline(tx, [
    {
      orgId: actor.orgId,
      debtorId: invoice.debtorId,
      invoiceId,
      kind: 'dispute_opened',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      summary: `Dispute on invoice ${invoice.number}: ${request.reason}`,
      data: { disputeId, reason: request.reason, statusFrom: invoice.status, statusTo: next.status },
    },
  ]);
  await refreshDebtorBalances(tx, { orgId: actor.orgId, today, debtorIds: [invoice.debtorId] });
  const [row] = await findDisputeRows(tx, { orgId: actor.orgId, disputeId });
  if (!row) throw new Error('dispute vanished');
  return toDispute(row);
}

/** Closes a dispute; the invoice returns to the status its amounts give (unless another is open). */
export async function resolveDispute(
  deps: LedgerDeps,
  actor: Actor,
  disputeId: string,
  request: ResolveDisputeRequest,
): Promise<Dispute> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  return deps.db.transaction(async (tx) => {
    const [dispute] = await findDisputeRows(tx, { orgId: actor.orgId, disputeId, forUpdate: true });
    if (!dispute) throw new AppError('DISPUTE_NOT_FOUND', 'no such dispute');
    if (dispute.status !== 'open')
      throw new AppError('INVALID_STATE', `the dispute is already ${dispute.status}`);
    const invoice = await findInvoiceRow(tx, {
      orgId: actor.orgId,
      invoiceId: dispute.invoiceId,
      forUpdate: true,
    });
    if (!invoice) throw new AppError('INVOICE_NOT_FOUND', 'no such invoice');
    const now = deps.clock.now();
    await closeDisputeRow(tx, {
      orgId: actor.orgId,
      disputeId,
      status: request.outcome,
      resolution: request.resolution,
      now,
    });
    const next = transitionInvoice(invoice.status, {
      type: 'dispute_closed',
      amounts: { kind: invoice.kind, totalCents: invoice.totalCents, openCents: invoice.openCents },
      hasOpenDispute: await hasOpenDispute(tx, { orgId: actor.orgId, invoiceId: invoice.id }),
    });
    if (!next.ok) throw new AppError('INVALID_STATE', next.reason);
    if (next.status !== invoice.status) {
      await updateInvoiceRow(tx, {
        orgId: actor.orgId,
        invoiceId: invoice.id,
        changes: { status: next.status },
        now,
      });
    }
    await appendTimeline(tx, [
      {
        orgId: actor.orgId,
        debtorId: invoice.debtorId,
        invoiceId: invoice.id,
        kind: 'dispute_resolved',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Dispute on invoice ${invoice.number} ${request.outcome}: ${request.resolution}`,
        data: { disputeId, outcome: request.outcome, statusFrom: invoice.status, statusTo: next.status },
      },
    ]);
    await refreshDebtorBalances(tx, { orgId: actor.orgId, today, debtorIds: [invoice.debtorId] });
    const [row] = await findDisputeRows(tx, { orgId: actor.orgId, disputeId });
    if (!row) throw new Error('dispute vanished');
    return toDispute(row);
  });
}
