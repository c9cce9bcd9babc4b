/**
 * What a person does with a bank payment the matching left for them: allocate it to one or several
 * invoices (a split), set it aside as unidentified, mark it for refund, or undo an allocation.
 * Each action is one transaction under the payment's row lock; allocations go through the same
 * MatchWrites as the automatic matching, so invoices, promises, plans, balances and the timeline
 * change exactly as they do on import.
 */
import { AppError, type FieldIssue } from '../../core/errors.js';
import type { PaymentStatus } from '../../core/ledger/enums.js';
import { formatCents, parseAmount } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { type MatchContext, MatchWrites, matchContextOf } from '../allocations/allocation-writes.js';
import type { Actor } from '../auth/access.js';
import { lockInvoices } from '../ledger/invoices.repo.js';
import { type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import type {
  AllocatePaymentRequest,
  MatchActionResult,
  SetAsideRequest,
  UndoAllocationRequest,
} from './banking.schemas.js';
import {
  findNetAllocations,
  lockPayment,
  type PaymentToMatchRow,
  setPaymentStatus,
} from './manual-matching.repo.js';

/** Statuses from which a person may still allocate: parked payments can be identified later. */
const ALLOCATABLE: readonly PaymentStatus[] = ['unmatched', 'partially_allocated', 'parked'];

export async function allocatePayment(
  deps: LedgerDeps,
  actor: Actor,
  paymentId: string,
  request: AllocatePaymentRequest,
): Promise<MatchActionResult> {
  const wanted = request.allocations.map((a, index) => ({
    index,
    invoiceId: a.invoiceId,
    amountCents: amountOf(a.amount, `allocations.${index}.amount`),
  }));
  return inPaymentTransaction(deps, actor, paymentId, async (tx, ctx, payment) => {
    if (!ALLOCATABLE.includes(payment.status) || payment.amountCents <= 0) {
      throw new AppError('INVALID_STATE', `a payment that is ${payment.status} cannot be allocated`);
    }
    const invoices = await lockInvoices(tx, { orgId: ctx.orgId, invoiceIds: wanted.map((w) => w.invoiceId) });
    const current = await findNetAllocations(tx, { orgId: ctx.orgId, paymentIds: [payment.id] });
    // A payment belongs to one debtor: once part of it is allocated, the rest goes to the same one.
    const first = invoices.find((i) => i.id === wanted[0]?.invoiceId);
    const debtorId = current.length > 0 ? payment.debtorId : (first?.debtorId ?? null);
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    for (const w of wanted) {
      const field = `allocations.${w.index}`;
      const invoice = invoices.find((i) => i.id === w.invoiceId);
      if (!invoice) {
        throw new AppError('INVOICE_NOT_FOUND', 'no such invoice', [
          { field: `${field}.invoiceId`, message: 'no such invoice' },
        ]);
      }
      const invoiceIssue = seen.has(invoice.id)
        ? `invoice ${invoice.number} is named twice`
        : invoice.debtorId !== debtorId
          ? `${invoice.number} belongs to another debtor than the rest of the payment`
          : invoice.currency !== payment.currency
            ? `${invoice.number} is in ${invoice.currency}, the payment in ${payment.currency}`
            : invoice.status === 'written_off'
              ? `${invoice.number} has been written off`
              : undefined;
      const amountIssue = invoiceIssue ? undefined : amountProblem(invoice, w.amountCents);
      seen.add(invoice.id);
      if (invoiceIssue) issues.push({ field: `${field}.invoiceId`, message: invoiceIssue });
      if (amountIssue) issues.push({ field: `${field}.amount`, message: amountIssue });
    }
    const totalCents = wanted.reduce((sum, w) => sum + w.amountCents, 0);
    const unallocatedCents = payment.amountCents - payment.allocatedCents;
    if (totalCents <= 0) issues.push({ field: 'allocations', message: 'the allocations add up to nothing' });
    if (totalCents > unallocatedCents) {
      issues.push({
        field: 'allocations',
        message: `the allocations add up to ${formatCents(totalCents)}, more than the ${formatCents(
          unallocatedCents,
        )} left on the payment`,
      });
    }
    if (issues.length > 0 || !debtorId)
      throw new AppError('VALIDATION_FAILED', 'the allocations are not valid', issues);

    const writes = new MatchWrites(ctx);
    for (const invoice of invoices) writes.remember(invoice);
    const numbers = wanted.map((w) => writes.items.get(w.invoiceId)?.number ?? w.invoiceId);
    const rest = unallocatedCents - totalCents;
    writes.allocate(
      {
        id: payment.id,
        date: payment.date,
        amountCents: payment.amountCents,
        debtorId,
        summary: `Payment of ${formatCents(payment.amountCents)} received on ${payment.date}${from(payment)}, allocated by ${
          ctx.actor.label
        } to ${numbers.join(', ')}${rest > 0 ? `; ${formatCents(rest)} left as credit` : ''}`,
      },
      wanted,
      { status: rest === 0 ? 'allocated' : 'partially_allocated', data: { manual: true } },
    );
    await writes.flush(tx);
  });
}

/** Takes back the payment's allocations (to one invoice, or all): the invoices reopen. */
export async function undoAllocation(
  deps: LedgerDeps,
  actor: Actor,
  paymentId: string,
  request: UndoAllocationRequest,
): Promise<MatchActionResult> {
  return inPaymentTransaction(deps, actor, paymentId, async (tx, ctx, payment) => {
    const current = await findNetAllocations(tx, { orgId: ctx.orgId, paymentIds: [payment.id] });
    const undone = current.filter((a) => !request.invoiceId || a.invoiceId === request.invoiceId);
    if (
      !payment.debtorId ||
      undone.length === 0 ||
      payment.status === 'reversed' ||
      payment.amountCents <= 0
    ) {
      throw new AppError(
        'INVALID_STATE',
        request.invoiceId
          ? 'the payment is not allocated to that invoice'
          : 'the payment has no allocations to undo',
      );
    }
    const invoices = await lockInvoices(tx, { orgId: ctx.orgId, invoiceIds: undone.map((a) => a.invoiceId) });
    const writtenOff = invoices.find((i) => i.status === 'written_off');
    if (writtenOff) {
      throw new AppError(
        'INVALID_STATE',
        `invoice ${writtenOff.number} has been written off; its allocation stays`,
      );
    }
    const writes = new MatchWrites(ctx);
    for (const invoice of invoices) writes.remember(invoice);
    const undoneCents = undone.reduce((sum, a) => sum + a.amountCents, 0);
    const stillAllocated = payment.allocatedCents - undoneCents;
    writes.allocate(
      {
        id: payment.id,
        date: ctx.today,
        // Negative: the event reads as money taken back from the invoices.
        amountCents: -undoneCents,
        debtorId: payment.debtorId,
        summary: `Allocation of ${formatCents(undoneCents)} of the payment of ${payment.date} undone by ${
          ctx.actor.label
        }: ${undone.map((a) => a.invoiceNumber).join(', ')} reopened`,
      },
      undone.map((a) => ({ invoiceId: a.invoiceId, amountCents: -a.amountCents })),
      { status: stillAllocated === 0 ? 'unmatched' : 'partially_allocated', data: { undone: true } },
    );
    await writes.flush(tx);
  });
}

/** Sets an unidentified payment aside: it leaves the matching list until someone identifies it. */
export async function parkPayment(
  deps: LedgerDeps,
  actor: Actor,
  paymentId: string,
  request: SetAsideRequest,
): Promise<MatchActionResult> {
  return setAside(deps, actor, paymentId, request, 'parked');
}

/** Marks a payment to be paid back (a double payment, money from someone who owes nothing). */
export async function markPaymentForRefund(
  deps: LedgerDeps,
  actor: Actor,
  paymentId: string,
  request: SetAsideRequest,
): Promise<MatchActionResult> {
  return setAside(deps, actor, paymentId, request, 'refunded');
}

async function setAside(
  deps: LedgerDeps,
  actor: Actor,
  paymentId: string,
  request: SetAsideRequest,
  status: 'parked' | 'refunded',
): Promise<MatchActionResult> {
  return inPaymentTransaction(deps, actor, paymentId, async (tx, ctx, payment) => {
    const allowed: readonly PaymentStatus[] = status === 'parked' ? ['unmatched'] : ['unmatched', 'parked'];
    if (!allowed.includes(payment.status) || payment.allocatedCents !== 0 || payment.amountCents <= 0) {
      throw new AppError(
        'INVALID_STATE',
        payment.allocatedCents !== 0
          ? 'the payment is allocated: undo its allocations first'
          : `a payment that is ${payment.status} cannot be ${status === 'parked' ? 'parked' : 'marked for refund'}`,
      );
    }
    await setPaymentStatus(tx, { orgId: ctx.orgId, paymentId: payment.id, status });
    // A payment nobody identified has no dossier to write on; one of a known debtor does.
    if (payment.debtorId) {
      const what = status === 'parked' ? 'set aside as unidentified' : 'marked for refund';
      await appendTimeline(tx, [
        {
          orgId: ctx.orgId,
          debtorId: payment.debtorId,
          kind: 'status_changed',
          actorUserId: ctx.actor.userId,
          actorLabel: ctx.actor.label,
          summary: `Payment of ${formatCents(payment.amountCents)} of ${payment.date}${from(payment)} ${what}${
            request.note ? `: ${request.note}` : ''
          }`,
          data: { paymentId: payment.id, status, note: request.note ?? null },
        },
      ]);
    }
  });
}

/** Loads the organisation, locks the payment (404 outside the organisation), runs the action, reports. */
async function inPaymentTransaction(
  deps: LedgerDeps,
  actor: Actor,
  paymentId: string,
  action: (tx: Db, ctx: MatchContext, payment: PaymentToMatchRow) => Promise<void>,
): Promise<MatchActionResult> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const ctx = matchContextOf(org, today, actor);
  return deps.db.transaction(async (tx) => {
    const payment = await lockPayment(tx, { orgId: ctx.orgId, paymentId });
    if (!payment) throw new AppError('PAYMENT_NOT_FOUND', 'no such payment');
    await action(tx, ctx, payment);
    const after = await lockPayment(tx, { orgId: ctx.orgId, paymentId });
    const allocations = await findNetAllocations(tx, { orgId: ctx.orgId, paymentIds: [paymentId] });
    return {
      id: paymentId,
      status: after?.status ?? payment.status,
      unallocated: formatCents((after?.amountCents ?? 0) - (after?.allocatedCents ?? 0)),
      allocations: allocations.map((a) => ({
        invoiceId: a.invoiceId,
        invoiceNumber: a.invoiceNumber,
        amount: formatCents(a.amountCents),
      })),
    };
  });
}

function amountProblem(
  invoice: { number: string; kind: string; openCents: number },
  amountCents: number,
): string | undefined {
  if (invoice.kind === 'credit_note') {
    return amountCents < 0 && amountCents >= invoice.openCents
      ? undefined
      : `credit note ${invoice.number} is offset with a negative amount of at most ${formatCents(invoice.openCents)}`;
  }
  if (amountCents <= 0) return `the amount for invoice ${invoice.number} must be positive`;
  if (amountCents > invoice.openCents) {
    return `the amount is more than the ${formatCents(invoice.openCents)} open on invoice ${invoice.number}`;
  }
  return undefined;
}

function amountOf(text: string, field: string): number {
  const parsed = parseAmount(text, { decimalSeparator: '.' });
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', `${field}: ${parsed.reason}`, [
      { field, message: parsed.reason },
    ]);
  return parsed.cents;
}

const from = (payment: { counterpartyName: string | null }) =>
  payment.counterpartyName ? ` from ${payment.counterpartyName}` : '';
