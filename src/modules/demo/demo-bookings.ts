/**
 * Booking helpers of the demo ledger: the rows a credit note, a payment (or payment run), a
 * dispute, a call or a status change adds, each with the timeline event that records it.
 */
import type { allocations, disputes, invoices, payments, timelineEvents } from '../../db/schema/index.js';
import type { DemoCollector, GeneratedDebtor } from './demo-debtors.js';
import { euroText, fromDayNumber, type IdKind, instantOn } from './demo-format.js';
import type { DemoProfile } from './demo-organisations.js';
import { CALL_NOTES, DISPUTE_RESOLUTIONS, fill } from './demo-texts.js';
import type { Random } from './random.js';

export type InvoiceRow = typeof invoices.$inferInsert & { id: string };
export type PaymentRow = typeof payments.$inferInsert & { id: string };
export type AllocationRow = typeof allocations.$inferInsert & { id: string };
// Instants are ISO strings here (rows travel to the database as JSON), dates `YYYY-MM-DD`.
export type DisputeRow = Omit<typeof disputes.$inferInsert, 'openedAt' | 'resolvedAt'> & {
  id: string;
  openedAt: string;
  resolvedAt: string | null;
};
export type TimelineRow = Omit<typeof timelineEvents.$inferInsert, 'id' | 'occurredAt'> & {
  occurredAt: string;
};

export type DebtorLedger = {
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  allocations: AllocationRow[];
  disputes: DisputeRow[];
  timeline: TimelineRow[];
};

export type RunItem = {
  invoiceId: string;
  number: string;
  reference: string | null;
  /** What is allocated to the invoice (its total) … */
  allocateCents: number;
  /** … and what the debtor transferred for it (less a credit note settled in the same payment). */
  payCents: number;
};
/** Invoices a business pays together in one transfer on its payment-run day. */
export type PaymentRun = { day: number; items: RunItem[] };

export function creditNote(params: {
  profile: DemoProfile;
  orgId: string;
  debtorId: string;
  id: string;
  invoice: InvoiceRow;
  creditCents: number;
  vatBps: number;
  day: number;
  settled: boolean;
  reason: string;
}): InvoiceRow {
  const { invoice, creditCents } = params;
  const vatCents = Math.round((creditCents * params.vatBps) / (10_000 + params.vatBps));
  return {
    id: params.id,
    orgId: params.orgId,
    debtorId: params.debtorId,
    kind: 'credit_note',
    number: invoice.number.replace(params.profile.invoicePrefix, params.profile.creditNotePrefix),
    issueDate: fromDayNumber(params.day),
    sentDate: fromDayNumber(params.day),
    dueDate: fromDayNumber(params.day),
    paymentTermDays: 0,
    currency: 'EUR',
    totalCents: -creditCents,
    vatCents: -vatCents,
    openCents: params.settled ? 0 : -creditCents,
    paymentReference: null,
    orderDescription: `Creditering ${invoice.number}: ${params.reason}`,
    deliveryNotes: null,
    salesAgreementNotes: null,
    creditedInvoiceNumber: invoice.number,
    status: params.settled ? 'paid' : 'open',
    source: 'demo',
  };
}

export function pushPayment(
  ledger: DebtorLedger,
  params: {
    id: string;
    orgId: string;
    debtor: GeneratedDebtor;
    day: number;
    amountCents: number;
    reference: string | null;
    remittance: string;
    method: string;
    summary: string;
    random: Random;
  },
): string {
  ledger.payments.push({
    id: params.id,
    orgId: params.orgId,
    debtorId: params.debtor.row.id,
    date: fromDayNumber(params.day),
    amountCents: params.amountCents,
    currency: 'EUR',
    counterpartyName: params.debtor.row.name,
    counterpartyIban: params.debtor.iban,
    reference: params.reference,
    remittance: params.remittance,
    method: params.method,
    status: 'allocated',
    idempotencyKey: null,
    createdBy: null,
  });
  ledger.timeline.push({
    orgId: params.orgId,
    debtorId: params.debtor.row.id,
    invoiceId: null,
    kind: 'payment_recorded',
    actorUserId: null,
    actorLabel: 'bank',
    summary: params.summary,
    data: { paymentId: params.id, amountCents: params.amountCents },
    occurredAt: instantOn(params.day, 5, params.random.int(0, 59)),
  });
  return params.id;
}

/** Books one payment for a payment run (one or more invoices paid together) and its allocations. */
export function bookRun(
  ledger: DebtorLedger,
  run: PaymentRun,
  context: {
    orgId: string;
    debtor: GeneratedDebtor;
    params: { id: (kind: IdKind, row: number) => string };
    rows: { payment: number; allocation: number };
    random: Random;
  },
): string {
  const { debtor, random } = context;
  const amountCents = run.items.reduce((sum, item) => sum + item.payCents, 0);
  const first = run.items[0];
  const single = run.items.length === 1;
  const numbers = run.items.map((item) => item.number);
  const shown = numbers.length > 3 ? `${numbers.slice(0, 3).join(', ')} e.a.` : numbers.join(', ');
  const paymentId = pushPayment(ledger, {
    id: context.params.id('payment', context.rows.payment++),
    orgId: context.orgId,
    debtor,
    day: run.day,
    amountCents,
    reference: single && random.chance(0.8) ? (first?.reference ?? null) : null,
    remittance: single ? `Factuur ${first?.number ?? ''}` : `Facturen ${numbers.join(' ')}`,
    method: debtor.plan.kind === 'consumer' && random.chance(0.35) ? 'ideal' : 'bank',
    summary: `Betaling van ${euroText(amountCents)} ontvangen voor ${shown}`,
    random,
  });
  for (const item of run.items) {
    ledger.allocations.push({
      id: context.params.id('allocation', context.rows.allocation++),
      orgId: context.orgId,
      paymentId,
      invoiceId: item.invoiceId,
      amountCents: item.allocateCents,
      createdBy: null,
    });
  }
  return paymentId;
}

export function pushResolvedDispute(
  ledger: DebtorLedger,
  params: {
    id: string;
    orgId: string;
    debtorId: string;
    invoiceId: string;
    number: string;
    reason: { reason: string; description: string };
    openedDay: number;
    resolvedDay: number;
    caller: DemoCollector | undefined;
    random: Random;
  },
): void {
  const resolution = DISPUTE_RESOLUTIONS[0] ?? '';
  const openedAt = instantOn(params.openedDay, 9, params.random.int(0, 59));
  const resolvedAt = instantOn(params.resolvedDay, 13, params.random.int(0, 59));
  ledger.disputes.push({
    id: params.id,
    orgId: params.orgId,
    debtorId: params.debtorId,
    invoiceId: params.invoiceId,
    reason: params.reason.reason,
    description: params.reason.description,
    status: 'resolved',
    resolution,
    openedBy: params.caller?.id ?? null,
    openedAt,
    resolvedAt,
  });
  const actorLabel = params.caller?.name ?? 'Debiteurenbeheer';
  ledger.timeline.push(
    {
      orgId: params.orgId,
      debtorId: params.debtorId,
      invoiceId: params.invoiceId,
      kind: 'dispute_opened',
      actorUserId: params.caller?.id ?? null,
      actorLabel,
      summary: `Betwisting geopend op ${params.number}: ${params.reason.reason}`,
      data: { reason: params.reason.reason },
      occurredAt: openedAt,
    },
    {
      orgId: params.orgId,
      debtorId: params.debtorId,
      invoiceId: params.invoiceId,
      kind: 'dispute_resolved',
      actorUserId: params.caller?.id ?? null,
      actorLabel,
      summary: `Betwisting op ${params.number} opgelost: ${resolution}`,
      data: { resolution },
      occurredAt: resolvedAt,
    },
  );
}

export function pushCall(
  ledger: DebtorLedger,
  params: {
    orgId: string;
    debtorId: string;
    invoiceId: string | null;
    caller: DemoCollector | undefined;
    callerLabel: string;
    day: number;
    random: Random;
  },
): void {
  const { random } = params;
  // Golden calling hours (seed 003#2): 09:30–11:30 and 13:30–15:30 local time, on a working day.
  const day = params.day;
  const hourUtc = random.pick([8, 9, 12, 13]);
  ledger.timeline.push({
    orgId: params.orgId,
    debtorId: params.debtorId,
    invoiceId: params.invoiceId,
    kind: 'call',
    actorUserId: params.caller?.id ?? null,
    actorLabel: params.callerLabel,
    summary: fill(random.pick(CALL_NOTES), { time: random.pick(['10:00', '10:30', '14:00', '14:30']) }),
    data: null,
    occurredAt: instantOn(day, hourUtc, random.int(30, 59)),
  });
}

export function pushStatusChange(
  ledger: DebtorLedger,
  params: {
    orgId: string;
    debtorId: string;
    invoiceId: string;
    day: number;
    summary: string;
    caller: DemoCollector | undefined;
    callerLabel: string;
    random: Random;
  },
): void {
  ledger.timeline.push({
    orgId: params.orgId,
    debtorId: params.debtorId,
    invoiceId: params.invoiceId,
    kind: 'status_changed',
    actorUserId: params.caller?.id ?? null,
    actorLabel: params.callerLabel,
    summary: params.summary,
    data: null,
    occurredAt: instantOn(params.day, 10, params.random.int(0, 59)),
  });
}
