import { and, asc, desc, eq, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { InvoiceStatus } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { allocations, debtors, disputes, invoices, payments, users } from '../../db/schema/index.js';
import { countCapped } from './capped-count.repo.js';
import type { DisputeRow, InvoiceRow, InvoiceRowWithDebtor } from './ledger.mappers.js';

const withDebtor = () => ({
  invoice: invoices,
  debtorNumber: debtors.number,
  debtorName: debtors.name,
});

const flatten = (rows: { invoice: InvoiceRow; debtorNumber: string; debtorName: string }[]) =>
  rows.map(
    (r): InvoiceRowWithDebtor => ({ ...r.invoice, debtorNumber: r.debtorNumber, debtorName: r.debtorName }),
  );

export type InvoiceFilter = {
  orgId: string;
  debtorId?: string | undefined;
  status?: InvoiceStatus | undefined;
};

const whereOf = (filter: InvoiceFilter): SQL | undefined =>
  and(
    eq(invoices.orgId, filter.orgId),
    filter.debtorId ? eq(invoices.debtorId, filter.debtorId) : undefined,
    filter.status ? eq(invoices.status, filter.status) : undefined,
  );

export async function findInvoiceRows(
  db: Db,
  filter: InvoiceFilter & { limit: number; offset: number },
): Promise<InvoiceRowWithDebtor[]> {
  const rows = await db
    .select(withDebtor())
    .from(invoices)
    .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
    .where(whereOf(filter))
    .orderBy(desc(invoices.dueDate), desc(invoices.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return flatten(rows);
}

export async function countInvoiceRows(
  db: Db,
  filter: InvoiceFilter & { cap: number },
): Promise<{ total: number; isCapped: boolean }> {
  return countCapped(db, { table: invoices, where: whereOf(filter), cap: filter.cap });
}

export async function findInvoiceRow(
  db: Db,
  params: { orgId: string; invoiceId: string; forUpdate?: boolean },
): Promise<InvoiceRowWithDebtor | undefined> {
  const query = db
    .select(withDebtor())
    .from(invoices)
    .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
    .where(and(eq(invoices.orgId, params.orgId), eq(invoices.id, params.invoiceId)));
  const rows = params.forUpdate ? await query.for('update', { of: invoices }) : await query;
  return flatten(rows)[0];
}

/** Invoices by id within one organisation, locked for the transaction; missing ids are left out. */
export async function lockInvoices(
  db: Db,
  params: { orgId: string; invoiceIds: readonly string[] },
): Promise<InvoiceRow[]> {
  if (params.invoiceIds.length === 0) return [];
  return db
    .select()
    .from(invoices)
    .where(and(eq(invoices.orgId, params.orgId), inArray(invoices.id, [...params.invoiceIds])))
    .orderBy(asc(invoices.id))
    .for('update');
}

/** A debtor's documents with something open, oldest due first (written-off ones excluded). */
export async function findOpenItemRows(
  db: Db,
  params: { orgId: string; debtorId: string },
): Promise<InvoiceRowWithDebtor[]> {
  const rows = await db
    .select(withDebtor())
    .from(invoices)
    .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
    .where(
      and(
        eq(invoices.orgId, params.orgId),
        eq(invoices.debtorId, params.debtorId),
        ne(invoices.openCents, 0),
        notInArray(invoices.status, ['paid', 'written_off']),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
  return flatten(rows);
}

export async function updateInvoiceRow(
  db: Db,
  params: { orgId: string; invoiceId: string; changes: Partial<typeof invoices.$inferInsert>; now: Date },
): Promise<void> {
  await db
    .update(invoices)
    .set({ ...params.changes, updatedAt: params.now })
    .where(and(eq(invoices.orgId, params.orgId), eq(invoices.id, params.invoiceId)));
}

export async function findAllocationRows(db: Db, params: { orgId: string; invoiceId: string }) {
  return db
    .select({
      id: allocations.id,
      paymentId: allocations.paymentId,
      invoiceId: allocations.invoiceId,
      invoiceNumber: invoices.number,
      paymentDate: payments.date,
      paymentReference: payments.reference,
      amountCents: allocations.amountCents,
      createdAt: allocations.createdAt,
    })
    .from(allocations)
    .innerJoin(payments, eq(payments.id, allocations.paymentId))
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(and(eq(allocations.orgId, params.orgId), eq(allocations.invoiceId, params.invoiceId)))
    .orderBy(asc(payments.date), asc(allocations.createdAt));
}

const disputeSelection = () => ({
  dispute: disputes,
  invoiceNumber: invoices.number,
  openedByName: users.name,
});

export async function findDisputeRows(
  db: Db,
  params: { orgId: string; debtorId?: string; invoiceId?: string; disputeId?: string; forUpdate?: boolean },
): Promise<DisputeRow[]> {
  const query = db
    .select(disputeSelection())
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .leftJoin(users, eq(users.id, disputes.openedBy))
    .where(
      and(
        eq(disputes.orgId, params.orgId),
        params.debtorId ? eq(disputes.debtorId, params.debtorId) : undefined,
        params.invoiceId ? eq(disputes.invoiceId, params.invoiceId) : undefined,
        params.disputeId ? eq(disputes.id, params.disputeId) : undefined,
      ),
    )
    .orderBy(desc(disputes.openedAt), desc(disputes.id))
    .limit(200);
  const rows = params.forUpdate ? await query.for('update', { of: disputes }) : await query;
  return rows.map((r) => ({ ...r.dispute, invoiceNumber: r.invoiceNumber, openedByName: r.openedByName }));
}

export async function hasOpenDispute(db: Db, params: { orgId: string; invoiceId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: disputes.id })
    .from(disputes)
    .where(
      and(
        eq(disputes.orgId, params.orgId),
        eq(disputes.invoiceId, params.invoiceId),
        eq(disputes.status, 'open'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Invoices (of the given ids) that have an open dispute. */
export async function findInvoicesWithOpenDispute(
  db: Db,
  params: { orgId: string; invoiceIds: readonly string[] },
): Promise<Set<string>> {
  if (params.invoiceIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ invoiceId: disputes.invoiceId })
    .from(disputes)
    .where(
      and(
        eq(disputes.orgId, params.orgId),
        inArray(disputes.invoiceId, [...params.invoiceIds]),
        eq(disputes.status, 'open'),
      ),
    );
  return new Set(rows.map((r) => r.invoiceId));
}

/** A debtor's invoices still owed and past their due date on `date` (disputed ones left out). */
export async function findOverdueInvoiceIds(
  db: Db,
  params: { orgId: string; debtorId: string; date: CalendarDate },
): Promise<string[]> {
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.orgId, params.orgId),
        eq(invoices.debtorId, params.debtorId),
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['open', 'partially_paid', 'handed_over']),
        sql`${invoices.openCents} > 0`,
        sql`${invoices.dueDate} < ${params.date}::date`,
      ),
    );
  return rows.map((r) => r.id);
}
