import { randomUUID } from 'node:crypto';
import { AppError, type FieldIssue } from '../../core/errors.js';
import type { PaymentStatus } from '../../core/ledger/enums.js';
import { addCents, formatCents } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { MatchWrites, matchContextOf } from '../allocations/allocation-writes.js';
import type { Actor } from '../auth/access.js';
import { parseAmountInput } from './amounts.js';
import { lockDebtor } from './debtors.repo.js';
import { lockInvoices } from './invoices.repo.js';
import type { Payment } from './ledger.schemas.js';
import { type LedgerDeps, loadOrganisation } from './organisation.service.js';
import {
  findAllocationsOfPayments,
  findPaymentByIdempotencyKey,
  findRecentPayments,
  insertPayment,
  type PaymentRow,
} from './payments.repo.js';

export type RecordPaymentRequest = {
  debtorId: string;
  date: string;
  amount: string;
  reference?: string | null | undefined;
  /** ISO 4217; by default the currency of the invoices it pays, else EUR. */
  currency?: string | undefined;
  allocations: { invoiceId: string; amount: string }[];
};

export type RecordPaymentResult = { payment: Payment; isReplay: boolean };

const DEFAULT_CURRENCY = 'EUR';

async function toPaymentViews(db: Db, orgId: string, rows: readonly PaymentRow[]): Promise<Payment[]> {
  const allocations = await findAllocationsOfPayments(db, { orgId, paymentIds: rows.map((r) => r.id) });
  return rows.map((row) => {
    const own = allocations.filter((a) => a.paymentId === row.id);
    const allocated = addCents(...own.map((a) => a.amountCents));
    return {
      id: row.id,
      debtorId: row.debtorId,
      date: row.date,
      amount: formatCents(row.amountCents),
      unallocated: formatCents(row.amountCents - allocated),
      currency: row.currency,
      reference: row.reference,
      method: row.method,
      status: row.status,
      allocations: own.map((a) => ({
        invoiceId: a.invoiceId,
        invoiceNumber: a.invoiceNumber,
        amount: formatCents(a.amountCents),
      })),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export async function findRecentPaymentViews(
  deps: LedgerDeps,
  params: { orgId: string; debtorId: string; limit: number },
): Promise<Payment[]> {
  return toPaymentViews(deps.db, params.orgId, await findRecentPayments(deps.db, params));
}

const paymentStatusOf = (amount: number, allocated: number): PaymentStatus =>
  allocated === 0 ? 'unmatched' : allocated < amount ? 'partially_allocated' : 'allocated';

/**
 * Records a payment received outside the bank import and allocates it to the debtor's invoices as
 * the person names them (the debtor's indication, art. 6:43 BW), in one transaction. The writes go
 * through the bank matching's MatchWrites, so allocations, invoice open amounts and statuses, the
 * debtor's balance, promises kept, plan instalments paid and the timeline change as on import.
 * The idempotency key makes a repeated submission return the first payment instead of paying twice.
 */
export async function recordPayment(
  deps: LedgerDeps,
  actor: Actor,
  request: RecordPaymentRequest & { idempotencyKey: string },
): Promise<RecordPaymentResult> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const amountCents = parseAmountInput(request.amount, 'amount');
  const wanted = request.allocations.map((a, index) => ({
    index,
    invoiceId: a.invoiceId,
    amountCents: parseAmountInput(a.amount, `allocations.${index}.amount`),
  }));
  checkAllocationTotals(amountCents, wanted);
  if (request.date > today) {
    throw new AppError('VALIDATION_FAILED', 'the payment date is in the future', [
      { field: 'date', message: `must be on or before ${today}` },
    ]);
  }

  const replay = await findReplay(deps.db, actor.orgId, request, amountCents);
  if (replay) return replay;

  try {
    return await deps.db.transaction(async (tx) => {
      const debtor = await lockDebtor(tx, { orgId: actor.orgId, debtorId: request.debtorId });
      if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
      // Checked again under the debtor's lock: a concurrent repeat waited for the first to commit.
      const again = await findReplay(tx, actor.orgId, request, amountCents);
      if (again) return again;

      const invoiceRows = await lockInvoices(tx, {
        orgId: actor.orgId,
        invoiceIds: wanted.map((a) => a.invoiceId),
      });
      // Money is allocated only to invoices in its own currency.
      const currency =
        request.currency ??
        invoiceRows.find((i) => i.id === wanted[0]?.invoiceId)?.currency ??
        DEFAULT_CURRENCY;
      const issues = wanted.flatMap((allocation): FieldIssue[] => {
        const field = `allocations.${allocation.index}`;
        const invoice = invoiceRows.find((i) => i.id === allocation.invoiceId);
        // Another organisation's invoice is as unknown as one that does not exist.
        if (!invoice)
          throw new AppError('INVOICE_NOT_FOUND', 'no such invoice', [
            { field: `${field}.invoiceId`, message: 'no such invoice' },
          ]);
        const invoiceIssue =
          invoice.debtorId !== debtor.id
            ? `invoice ${invoice.number} belongs to another debtor`
            : invoice.kind !== 'invoice'
              ? `${invoice.number} is a credit note`
              : invoice.status === 'written_off'
                ? `invoice ${invoice.number}: the invoice has been written off`
                : invoice.currency !== currency
                  ? `invoice ${invoice.number} is in ${invoice.currency}, the payment in ${currency}`
                  : undefined;
        if (invoiceIssue) return [{ field: `${field}.invoiceId`, message: invoiceIssue }];
        if (allocation.amountCents > invoice.openCents) {
          return [
            {
              field: `${field}.amount`,
              message: `more than the ${formatCents(invoice.openCents)} open on invoice ${invoice.number}`,
            },
          ];
        }
        return [];
      });
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'the allocations are not valid', issues);

      const writes = new MatchWrites(matchContextOf(org, today, actor));
      for (const invoice of invoiceRows) writes.remember(invoice);
      const paymentId = randomUUID();
      writes.allocate(
        {
          id: paymentId,
          date: request.date,
          amountCents,
          debtorId: debtor.id,
          summary: `Payment of ${formatCents(amountCents)} received on ${request.date}${
            request.reference ? ` (${request.reference})` : ''
          }`,
        },
        wanted,
        {
          status: paymentStatusOf(amountCents, addCents(...wanted.map((a) => a.amountCents))),
          data: { method: 'manual' },
        },
      );
      // Stored in its final state before the allocations that refer to it, as the import does.
      const state = writes.takePaymentStates().get(paymentId);
      if (!state) throw new Error('the payment was not allocated');
      const payment = await insertPayment(tx, {
        id: paymentId,
        orgId: actor.orgId,
        debtorId: debtor.id,
        date: request.date,
        amountCents,
        currency,
        reference: request.reference ?? null,
        method: 'manual',
        status: state.status,
        idempotencyKey: request.idempotencyKey,
        createdBy: actor.userId,
      });
      await writes.flush(tx);
      const [view] = await toPaymentViews(tx, actor.orgId, [payment]);
      if (!view) throw new Error('payment vanished');
      return { payment: view, isReplay: false };
    });
  } catch (error) {
    // Two first submissions of one key racing past the check: the loser reports the winner's payment.
    if (isUniqueViolation(error)) {
      const winner = await findReplay(deps.db, actor.orgId, request, amountCents);
      if (winner) return winner;
    }
    throw error;
  }
}

function checkAllocationTotals(
  amountCents: number,
  wanted: { index: number; invoiceId: string; amountCents: number }[],
) {
  const issues: FieldIssue[] = [];
  if (amountCents <= 0) issues.push({ field: 'amount', message: 'must be more than 0.00' });
  const seen = new Set<string>();
  for (const a of wanted) {
    if (a.amountCents <= 0)
      issues.push({ field: `allocations.${a.index}.amount`, message: 'must be more than 0.00' });
    if (seen.has(a.invoiceId)) {
      issues.push({ field: `allocations.${a.index}.invoiceId`, message: 'the same invoice appears twice' });
    }
    seen.add(a.invoiceId);
  }
  const allocated = addCents(...wanted.map((a) => a.amountCents));
  if (allocated > amountCents) {
    issues.push({
      field: 'allocations',
      message: `allocations add up to ${formatCents(allocated)}, more than the payment of ${formatCents(amountCents)}`,
    });
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', 'the payment is not valid', issues);
}

/** The payment made earlier with this key, when the request is the same; a different one is a 409. */
async function findReplay(
  db: Db,
  orgId: string,
  request: RecordPaymentRequest & { idempotencyKey: string },
  amountCents: number,
): Promise<RecordPaymentResult | undefined> {
  const existing = await findPaymentByIdempotencyKey(db, { orgId, idempotencyKey: request.idempotencyKey });
  if (!existing) return undefined;
  if (
    existing.debtorId !== request.debtorId ||
    existing.amountCents !== amountCents ||
    existing.date !== request.date ||
    (request.currency !== undefined && existing.currency !== request.currency)
  ) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different payment');
  }
  const [view] = await toPaymentViews(db, orgId, [existing]);
  if (!view) throw new Error('payment vanished');
  return { payment: view, isReplay: true };
}
