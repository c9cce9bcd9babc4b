import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CalendarDate } from '../../core/calendar-date.js';
import { agingBucketOf, daysLate } from '../../core/ledger/aging.js';
import { formatCents } from '../../core/money.js';
import type { contacts, debtors, disputes, invoices, timelineEvents } from '../../db/schema/index.js';
import type {
  Contact,
  Debtor,
  DebtorListItem,
  Dispute,
  InvoiceListItem,
  TimelineEvent,
} from './ledger.schemas.js';

/** Row → API shape conversions, shared by the services. */

export type DebtorRow = typeof debtors.$inferSelect;
export type DebtorRowWithCollector = DebtorRow & { collectorName: string | null };
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceRowWithDebtor = InvoiceRow & { debtorNumber: string; debtorName: string };
export type ContactRow = typeof contacts.$inferSelect;
export type DisputeRow = typeof disputes.$inferSelect & {
  invoiceNumber: string;
  openedByName: string | null;
};
export type TimelineRow = typeof timelineEvents.$inferSelect;

const money = (value: number | null) => (value === null ? null : formatCents(value));

export function toDebtorListItem(row: DebtorRowWithCollector, today: CalendarDate): DebtorListItem {
  const late = row.oldestOverdueDueDate ? daysLate(row.oldestOverdueDueDate as CalendarDate, today) : 0;
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    kind: row.kind,
    country: row.country,
    language: row.language,
    city: row.city,
    segment: row.segment,
    tags: row.tags,
    collector:
      row.assignedCollectorId && row.collectorName !== null
        ? { id: row.assignedCollectorId, name: row.collectorName }
        : null,
    open: formatCents(row.openCents),
    overdue: formatCents(row.overdueCents),
    oldestOverdueDueDate: row.oldestOverdueDueDate,
    daysLate: late,
    agingBucket: agingBucketOf(late),
    openInvoiceCount: row.openInvoiceCount,
    pauseUntil: row.pauseUntil,
  };
}

export function toDebtor(row: DebtorRowWithCollector, today: CalendarDate): Debtor {
  return {
    ...toDebtorListItem(row, today),
    companyNumber: row.companyNumber,
    vatNumber: row.vatNumber,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    email: row.email,
    phone: row.phone ? (toE164(row.phone, row.country) ?? row.phone) : null,
    creditLimit: money(row.creditLimitCents),
    paymentTermDays: row.paymentTermDays,
    notes: row.notes,
    balancesAsOf: row.balancesAsOf,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Days late and bucket of one open item; credit notes and settled items are never late. */
export function lateness(row: InvoiceRow, today: CalendarDate) {
  const isLate = row.kind === 'invoice' && row.openCents > 0;
  const days = isLate ? daysLate(row.dueDate as CalendarDate, today) : 0;
  return { daysLate: days, agingBucket: agingBucketOf(days) };
}

export function toInvoiceListItem(row: InvoiceRowWithDebtor, today: CalendarDate): InvoiceListItem {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    debtor: { id: row.debtorId, number: row.debtorNumber, name: row.debtorName },
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    currency: row.currency,
    amount: formatCents(row.totalCents),
    open: formatCents(row.openCents),
    status: row.status,
    reference: row.paymentReference,
    ...lateness(row, today),
  };
}

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    email: row.email,
    phone: row.phone,
    phoneExtension: row.phoneExtension,
    mobile: row.mobile,
    preferredCallDays: row.preferredCallDays,
    preferredCallFrom: row.preferredCallFrom,
    preferredCallUntil: row.preferredCallUntil,
    isCollectionsContact: row.isCollectionsContact,
    gatekeeperNotes: row.gatekeeperNotes,
  };
}

export function toDispute(row: DisputeRow): Dispute {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
    debtorId: row.debtorId,
    reason: row.reason,
    description: row.description,
    status: row.status,
    resolution: row.resolution,
    openedBy: row.openedBy && row.openedByName !== null ? { id: row.openedBy, name: row.openedByName } : null,
    openedAt: row.openedAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

export function toTimelineEvent(row: TimelineRow): TimelineEvent {
  return {
    id: String(row.id),
    kind: row.kind,
    invoiceId: row.invoiceId,
    actor: row.actorLabel,
    summary: row.summary,
    data: row.data ?? null,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/** A phone number in E.164 when it can be read in the given country, else undefined. */
export function toE164(text: string, country: string): string | undefined {
  const phone = parsePhoneNumberFromString(text.trim(), country as CountryCode);
  return phone?.isPossible() ? phone.number : undefined;
}
