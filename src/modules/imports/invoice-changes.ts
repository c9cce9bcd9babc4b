import type { DocumentKind, InvoiceStatus } from '../../core/ledger/enums.js';
import { formatCents } from '../../core/money.js';
import type { InvoiceInput } from './row-validation.js';

/**
 * Deciding what an imported invoice does to the ledger: insert, update (and what changed), leave
 * alone, or refuse because the number belongs to another debtor. Pure.
 */

export type ExistingInvoice = {
  id: string;
  kind: DocumentKind;
  number: string;
  debtorId: string;
  debtorNumber?: string;
  issueDate: string;
  dueDate: string;
  paymentTermDays: number | null;
  currency: string;
  totalCents: number;
  vatCents: number;
  openCents: number;
  paymentReference: string | null;
  orderDescription: string | null;
  creditedInvoiceNumber: string | null;
  status: InvoiceStatus;
  /** Sum of the payments allocated to this invoice in Collectdesk. */
  allocatedCents: number;
};

/** The row as it will be stored. */
export type InvoiceRecord = Omit<InvoiceInput, 'openCents' | 'debtorNumber' | 'isDueDateDefaulted'> & {
  debtorId: string;
  openCents: number;
  status: InvoiceStatus;
};

export type Change = { from: string | number | null; to: string | number | null };

export type InvoicePlan =
  | { outcome: 'new'; record: InvoiceRecord }
  | { outcome: 'changed'; record: InvoiceRecord; existing: ExistingInvoice; changes: Record<string, Change> }
  | { outcome: 'unchanged'; existing: ExistingInvoice }
  | { outcome: 'other_debtor'; existing: ExistingInvoice };

/** Statuses set by people (or later capabilities) that an import never overrides. */
const KEPT_STATUSES: ReadonlySet<InvoiceStatus> = new Set(['disputed', 'written_off', 'handed_over']);

const COMPARED = [
  'issueDate',
  'dueDate',
  'paymentTermDays',
  'currency',
  'totalCents',
  'vatCents',
  'openCents',
  'status',
  'paymentReference',
  'orderDescription',
  'creditedInvoiceNumber',
] as const;

export function planInvoice(input: InvoiceInput, debtorId: string, existing?: ExistingInvoice): InvoicePlan {
  if (existing && existing.debtorId !== debtorId) return { outcome: 'other_debtor', existing };
  const openCents = openAmount(input, existing?.allocatedCents ?? 0);
  const status =
    existing && KEPT_STATUSES.has(existing.status)
      ? existing.status
      : paymentStatus(input.totalCents, openCents);
  const { debtorNumber: _, isDueDateDefaulted: __, ...fields } = input;
  const record: InvoiceRecord = { ...fields, debtorId, openCents, status };
  if (!existing) return { outcome: 'new', record };
  const changes: Record<string, Change> = {};
  for (const key of COMPARED) {
    const before = existing[key];
    const after = record[key];
    if (before !== after) changes[key] = { from: before, to: after };
  }
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', existing };
  return { outcome: 'changed', record, existing, changes };
}

/**
 * What is still open: the file's open amount (or the total), but never more than the total minus
 * what was already allocated here, and never past zero (a credit note counts down from below).
 */
export function openAmount(
  input: Pick<InvoiceInput, 'totalCents' | 'openCents'>,
  allocatedCents: number,
): number {
  const stated = input.openCents ?? input.totalCents;
  const afterAllocations = input.totalCents - allocatedCents;
  return input.totalCents >= 0
    ? Math.max(0, Math.min(stated, afterAllocations))
    : Math.min(0, Math.max(stated, afterAllocations));
}

export function paymentStatus(totalCents: number, openCents: number): InvoiceStatus {
  if (openCents === 0) return 'paid';
  return openCents === totalCents ? 'open' : 'partially_paid';
}

const FIELD_LABELS: Record<string, string> = {
  issueDate: 'invoice date',
  dueDate: 'due date',
  paymentTermDays: 'payment term',
  currency: 'currency',
  totalCents: 'amount',
  vatCents: 'VAT',
  openCents: 'open amount',
  status: 'status',
  paymentReference: 'payment reference',
  orderDescription: 'description',
  creditedInvoiceNumber: 'credited invoice',
};

const documentName = (kind: DocumentKind) => (kind === 'credit_note' ? 'Credit note' : 'Invoice');

const show = (key: string, value: string | number | null) =>
  value === null
    ? '—'
    : key.endsWith('Cents') && typeof value === 'number'
      ? formatCents(value)
      : String(value);

/** One line for the debtor's timeline. */
export function describePlan(plan: InvoicePlan): string {
  switch (plan.outcome) {
    case 'new': {
      const r = plan.record;
      return `${documentName(r.kind)} ${r.number} imported: ${r.currency} ${formatCents(r.totalCents)}, due ${r.dueDate}`;
    }
    case 'changed': {
      const parts = Object.entries(plan.changes)
        .filter(([key]) => key !== 'orderDescription')
        .map(([key, c]) => `${FIELD_LABELS[key] ?? key} ${show(key, c.from)} → ${show(key, c.to)}`);
      if (plan.changes.orderDescription) parts.push('description changed');
      return `${documentName(plan.record.kind)} ${plan.record.number} updated by import: ${parts.join(', ')}`;
    }
    case 'unchanged':
    case 'other_debtor':
      return '';
  }
}
