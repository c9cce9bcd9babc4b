/**
 * What allocating a batch of bank payments changes, gathered in memory while the batch is matched
 * and written at the end in a few set-based statements, in the caller's transaction: allocations,
 * invoice open amounts and statuses (through the invoice state machine), payments, suggestions,
 * timeline events, debtor balances, and the promises and plan instalments the payments settle.
 * Bank matching, the matching screen and payments recorded by hand on the dossier all write here.
 */
import type { HolidayCalendar } from '../../core/calendar/holidays.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import { promiseBreaksOn } from '../../core/calls/promise-status.js';
import type { InvoiceStatus, PaymentStatus } from '../../core/ledger/enums.js';
import { transitionInvoice } from '../../core/ledger/invoice-status.js';
import type { OpenItem } from '../../core/matching/allocation.js';
import { formatCents } from '../../core/money.js';
import { businessDayIndex } from '../../core/plans/business-day-index.js';
import type { Db } from '../../db/client.js';
import { organisationCallSettings } from '../calls/call-settings.service.js';
import { appendTimelineSet } from '../imports/imports.repo.js';
import { refreshDebtorBalances } from '../ledger/balances.repo.js';
import { findInvoicesWithOpenDispute } from '../ledger/invoices.repo.js';
import type { Organisation } from '../ledger/organisations.repo.js';
import type { TimelineEntry } from '../ledger/timeline.repo.js';
import { instalmentPaidEvent, planCaughtUpEvent } from '../plans/plan-events.js';
import { closePlanTasks, refreshPlanPayments, restoreCaughtUpPlans } from '../plans/plan-monitoring.repo.js';
import {
  completePaidPlans,
  findTouchedPromises,
  insertAllocationSet,
  insertSuggestions,
  type SettledCommitment,
  type SuggestionWrite,
  setPromiseStatuses,
  updateInvoiceAmounts,
  updatePaymentMatches,
} from './allocation-writes.repo.js';

/** An invoice or credit note as the allocation holds it while it allocates a batch. */
export type LedgerItem = OpenItem & { currency: string; status: InvoiceStatus };
/** What a new payment is stored with once it is decided. */
export type PaymentState = { debtorId: string; status: PaymentStatus };

export type MatchActor = { userId: string | null; label: string };
export type MatchContext = {
  orgId: string;
  today: CalendarDate;
  threshold: number;
  actor: MatchActor;
  /** Business days for promise grace and plan arrears: the organisation's country. */
  calendar: HolidayCalendar;
  /** The organisation's plan rule: an instalment is missed this many business days after its due date. */
  planMissedAfterBusinessDays: number;
};

/** The context of allocations for an organisation on a day, by a user or a process. */
export function matchContextOf(
  org: Pick<Organisation, 'id' | 'autoMatchThreshold' | 'country' | 'callSettings'>,
  today: CalendarDate,
  actor: MatchActor,
): MatchContext {
  return {
    orgId: org.id,
    today,
    threshold: org.autoMatchThreshold,
    calendar: org.country,
    actor: { userId: actor.userId, label: actor.label },
    planMissedAfterBusinessDays: organisationCallSettings(org.callSettings).plans.missedAfterBusinessDays,
  };
}

type AppliedAllocation = { item: LedgerItem; amountCents: number; openAfterCents: number };
type PaymentDecision = {
  payment: {
    id: string;
    date: string;
    amountCents: number;
    debtorId: string;
    /** Composed at the flush when given as an object (deciding stays cheap). */
    summary: string | { text(): string };
  };
  allocations: AppliedAllocation[];
  extra: { status: PaymentStatus; reversesPaymentId?: string; data: Record<string, unknown> };
};

type PaymentChange = {
  id: string;
  debtorId: string | null;
  status: PaymentStatus;
  reversesPaymentId?: string | null;
};

/**
 * An invoice the batch allocated to was changed by someone else after the batch read it (the
 * matching reads without row locks); nothing of the batch is kept and it can run again.
 */
export class InvoicesChangedMeanwhile extends Error {
  constructor() {
    super('an invoice was changed by another transaction while the payments were matched');
  }
}

export class MatchWrites {
  /** Every invoice the batch has seen, with its open amount as the batch leaves it. */
  readonly items = new Map<string, LedgerItem>();
  /** Each invoice's open amount and status as last read or written: its update is guarded by them. */
  private readonly stored = new Map<string, { openCents: number; status: LedgerItem['status'] }>();
  private readonly changed = new Set<string>();
  private decisions: PaymentDecision[] = [];
  private allocations: { paymentId: string; invoiceId: string; amountCents: number; date: string }[] = [];
  private payments: PaymentChange[] = [];
  private suggestions: SuggestionWrite[] = [];
  private timeline: TimelineEntry[] = [];
  private readonly debtors = new Set<string>();
  private paidDates: { invoiceId: string; date: string }[] = [];

  constructor(private readonly ctx: MatchContext) {}

  remember(item: LedgerItem): LedgerItem {
    const known = this.items.get(item.id);
    if (known) return known;
    // Only the ledger fields: callers pass query rows that carry more.
    const { id, debtorId, number, kind, openCents, totalCents, dueDate, currency, status } = item;
    this.items.set(id, { id, debtorId, number, kind, openCents, totalCents, dueDate, currency, status });
    this.stored.set(id, { openCents, status });
    return this.items.get(item.id) as LedgerItem;
  }

  /**
   * Allocates (negative amounts take back). The decision is kept as data; its allocation rows and
   * timeline events are composed when the batch is flushed, so that deciding stays cheap.
   */
  allocate(
    payment: PaymentDecision['payment'],
    allocations: readonly { invoiceId: string; amountCents: number }[],
    extra: PaymentDecision['extra'],
  ): void {
    const applied: AppliedAllocation[] = [];
    for (const a of allocations) {
      const item = this.items.get(a.invoiceId);
      if (!item) throw new Error(`invoice ${a.invoiceId} was not loaded`);
      item.openCents -= a.amountCents;
      this.changed.add(item.id);
      applied.push({ item, amountCents: a.amountCents, openAfterCents: item.openCents });
    }
    this.decisions.push({ payment, allocations: applied, extra });
    this.payments.push({
      id: payment.id,
      debtorId: payment.debtorId,
      status: extra.status,
      reversesPaymentId: extra.reversesPaymentId ?? null,
    });
    this.debtors.add(payment.debtorId);
  }

  /** The allocation rows and timeline events of the decisions so far, in decision order. */
  private composeDecisions(): void {
    // Object literals, not spreads: V8 builds `{ ...who, kind }` on a slow path, some 30 times
    // slower than the literal (Node 20), and this runs twice per allocated payment.
    const { orgId, actor } = this.ctx;
    for (const { payment, allocations, extra } of this.decisions) {
      this.timeline.push({
        orgId,
        debtorId: payment.debtorId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        kind: payment.amountCents < 0 ? 'payment_reversed' : 'payment_recorded',
        summary: typeof payment.summary === 'string' ? payment.summary : payment.summary.text(),
        data: Object.assign(
          { paymentId: payment.id, amount: formatCents(payment.amountCents), date: payment.date },
          extra.data,
        ),
      });
      for (const { item, amountCents, openAfterCents } of allocations) {
        this.allocations.push({ paymentId: payment.id, invoiceId: item.id, amountCents, date: payment.date });
        if (amountCents > 0) this.paidDates.push({ invoiceId: item.id, date: payment.date });
        this.timeline.push({
          orgId,
          debtorId: payment.debtorId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          invoiceId: item.id,
          kind: 'payment_allocated',
          summary: `${formatCents(amountCents)} ${amountCents < 0 ? 'taken back from' : 'allocated to'} ${
            item.kind === 'credit_note' ? 'credit note' : 'invoice'
          } ${item.number}; ${formatCents(openAfterCents)} still open`,
          data: {
            paymentId: payment.id,
            amount: formatCents(amountCents),
            open: formatCents(openAfterCents),
          },
        });
      }
    }
    this.decisions = [];
  }

  /**
   * The payments allocated so far, as states to insert them with, taken out of what `flush`
   * writes: the import decides a batch before it stores the batch's payments.
   */
  takePaymentStates(): Map<string, PaymentState> {
    const states = new Map<string, PaymentState>();
    for (const p of this.payments) {
      if (!p.debtorId || p.reversesPaymentId) throw new Error(`payment ${p.id} is not a new allocation`);
      states.set(p.id, { debtorId: p.debtorId, status: p.status });
    }
    this.payments = [];
    return states;
  }

  setPaymentStatus(change: PaymentChange): void {
    this.payments.push(change);
  }

  suggest(suggestions: readonly SuggestionWrite[]): void {
    this.suggestions.push(...suggestions);
  }

  /** Writes everything gathered so far; the batch can go on (reversals see these allocations). */
  async flush(tx: Db): Promise<SettledCommitment[]> {
    const { orgId } = this.ctx;
    this.composeDecisions();
    const disputed = await findInvoicesWithOpenDispute(tx, { orgId, invoiceIds: [...this.changed] });
    // In id order, so that two batches updating the same invoices take their row locks alike.
    const invoiceUpdates = [...this.changed].sort().map((id) => {
      const item = this.items.get(id) as LedgerItem;
      const stored = this.stored.get(id) ?? { openCents: item.openCents, status: item.status };
      const next = transitionInvoice(stored.status, {
        type: 'payment_allocated',
        amounts: { kind: item.kind, totalCents: item.totalCents, openCents: item.openCents },
        hasOpenDispute: disputed.has(id),
      });
      // Written-off invoices are never loaded for matching, so the machine accepts every change here.
      if (!next.ok) throw new Error(`invoice ${item.number}: ${next.reason}`);
      item.status = next.status;
      return { id, openCents: item.openCents, status: next.status, was: stored };
    });
    await insertAllocationSet(tx, { orgId, createdBy: this.ctx.actor.userId, allocations: this.allocations });
    const updated = await updateInvoiceAmounts(tx, { orgId, invoices: invoiceUpdates });
    if (updated < invoiceUpdates.length) throw new InvoicesChangedMeanwhile();
    for (const u of invoiceUpdates) this.stored.set(u.id, { openCents: u.openCents, status: u.status });
    await updatePaymentMatches(tx, { orgId, payments: this.payments });
    await insertSuggestions(tx, { orgId, suggestions: this.suggestions });
    const instalments = await refreshPlanPayments(tx, {
      orgId,
      today: this.ctx.today,
      invoiceIds: invoiceUpdates.map((u) => u.id),
    });
    this.timeline.push(...instalments.map((p) => instalmentPaidEvent(orgId, p, this.ctx.actor)));
    this.timeline.push(
      ...(await this.restoreCaughtUpPlans(
        tx,
        instalments.map((p) => p.planId),
      )),
    );
    const settled = [
      ...(await this.settlePromises(tx)),
      ...(await completePaidPlans(tx, { orgId, paidDates: this.paidDates })),
    ];
    this.timeline.push(...settled.map((c) => this.commitmentEvent(c)));
    await appendTimelineSet(tx, this.timeline);
    if (this.debtors.size > 0) {
      await refreshDebtorBalances(tx, { orgId, today: this.ctx.today, debtorIds: [...this.debtors] });
    }
    this.changed.clear();
    this.allocations = [];
    this.payments = [];
    this.suggestions = [];
    this.timeline = [];
    this.paidDates = [];
    this.debtors.clear();
    return settled;
  }

  /**
   * A plan in arrears whose missed instalments these payments paid is back on track at once (not
   * only at the next daily check), and its missed-instalment call task is withdrawn.
   */
  private async restoreCaughtUpPlans(tx: Db, planIds: readonly string[]): Promise<TimelineEntry[]> {
    if (planIds.length === 0) return [];
    const { orgId, today, calendar, actor } = this.ctx;
    const caughtUp = await restoreCaughtUpPlans(tx, {
      orgId,
      today,
      index: businessDayIndex(today, calendar),
      missedAfter: this.ctx.planMissedAfterBusinessDays,
      planIds,
    });
    await closePlanTasks(tx, { planIds: caughtUp.map((c) => c.planId) });
    return caughtUp.map((c) => planCaughtUpEvent(orgId, c, actor));
  }

  /**
   * An open promise whose invoices are now all paid is kept when the last payment was booked by
   * the day it would break (the next business day after the promised date: a transfer made on the
   * date is often booked a day later, as core/calls/promise-status.ts counts it), partially kept
   * when it came later. Partly paid promises stay open; the daily check breaks them.
   */
  private async settlePromises(tx: Db): Promise<SettledCommitment[]> {
    const touched = await findTouchedPromises(tx, { orgId: this.ctx.orgId, paidDates: this.paidDates });
    const changes = touched.flatMap((p) => {
      if (!p.isAllPaid) return [];
      const breaksOn = promiseBreaksOn(p.promisedDate as CalendarDate, this.ctx.calendar);
      return [{ ...p, status: p.lastPaid <= breaksOn ? ('kept' as const) : ('partially_kept' as const) }];
    });
    await setPromiseStatuses(tx, { orgId: this.ctx.orgId, changes });
    return changes.map((c) => ({
      kind: 'promise',
      id: c.id,
      debtorId: c.debtorId,
      status: c.status,
      amountCents: c.amountCents,
      promisedDate: c.promisedDate,
    }));
  }

  private commitmentEvent(c: SettledCommitment): TimelineEntry {
    const what =
      c.kind === 'promise'
        ? `Promise of ${formatCents(c.amountCents)} by ${c.promisedDate} ${c.status === 'kept' ? 'kept' : 'partially kept'}`
        : `Payment plan of ${formatCents(c.amountCents)} completed: all its invoices are paid`;
    return {
      orgId: this.ctx.orgId,
      debtorId: c.debtorId,
      kind: c.kind === 'promise' ? 'promise_status_changed' : 'plan_status_changed',
      actorUserId: this.ctx.actor.userId,
      actorLabel: this.ctx.actor.label,
      summary: what,
      data: { [c.kind === 'promise' ? 'promiseId' : 'planId']: c.id, status: c.status },
    };
  }
}
