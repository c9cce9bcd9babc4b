import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { InvoiceStatus } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { debtors, invoices, users } from '../../db/schema/index.js';

/**
 * Pages through a whole ledger in a stable order with keyset paging on unique indexes: invoices
 * by (kind, number), debtors by number. For CLI listings and exports of any size.
 */
export async function findInvoiceExportPage(
  db: Db,
  params: {
    orgId: string;
    debtorId?: string | undefined;
    status?: InvoiceStatus | undefined;
    after?: { kind: string; number: string } | undefined;
    limit: number;
  },
) {
  return db
    .select({
      kind: invoices.kind,
      number: invoices.number,
      debtorNumber: debtors.number,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      totalCents: invoices.totalCents,
      openCents: invoices.openCents,
      status: invoices.status,
      paymentReference: invoices.paymentReference,
    })
    .from(invoices)
    .innerJoin(debtors, eq(debtors.id, invoices.debtorId))
    .where(
      and(
        eq(invoices.orgId, params.orgId),
        params.debtorId ? eq(invoices.debtorId, params.debtorId) : undefined,
        params.status ? eq(invoices.status, params.status) : undefined,
        params.after
          ? sql`(${invoices.kind}, ${invoices.number}) > (${params.after.kind}::document_kind, ${params.after.number})`
          : undefined,
      ),
    )
    .orderBy(asc(invoices.kind), asc(invoices.number))
    .limit(params.limit);
}

export async function findDebtorExportPage(
  db: Db,
  params: { orgId: string; after?: string | undefined; limit: number },
) {
  return db
    .select({
      number: debtors.number,
      name: debtors.name,
      kind: debtors.kind,
      country: debtors.country,
      language: debtors.language,
      openCents: debtors.openCents,
      overdueCents: debtors.overdueCents,
      oldestOverdueDueDate: debtors.oldestOverdueDueDate,
      segment: debtors.segment,
      collectorName: users.name,
    })
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.assignedCollectorId))
    .where(and(eq(debtors.orgId, params.orgId), params.after ? gt(debtors.number, params.after) : undefined))
    .orderBy(asc(debtors.number))
    .limit(params.limit);
}
