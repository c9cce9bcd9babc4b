import { AppError } from '../../core/errors.js';
import type { InvoiceStatus } from '../../core/ledger/enums.js';
import { formatCents } from '../../core/money.js';
import type { Actor } from '../auth/access.js';
import { COUNT_CAP } from './debtors.service.js';
import {
  countInvoiceRows,
  findAllocationRows,
  findDisputeRows,
  findInvoiceRow,
  findInvoiceRows,
} from './invoices.repo.js';
import { toDispute, toInvoiceListItem, toTimelineEvent } from './ledger.mappers.js';
import type { InvoiceDetail, InvoiceListResponse } from './ledger.schemas.js';
import { type LedgerDeps, loadOrganisation } from './organisation.service.js';
import { findTimelineRows } from './timeline.repo.js';

export async function findInvoices(
  deps: LedgerDeps,
  actor: Actor,
  query: { debtor?: string | undefined; status?: InvoiceStatus | undefined; page: number; pageSize: number },
): Promise<InvoiceListResponse> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  const filter = { orgId: actor.orgId, debtorId: query.debtor, status: query.status };
  const [rows, count] = await Promise.all([
    findInvoiceRows(deps.db, { ...filter, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    countInvoiceRows(deps.db, { ...filter, cap: COUNT_CAP }),
  ]);
  return {
    items: rows.map((row) => toInvoiceListItem(row, today)),
    page: query.page,
    pageSize: query.pageSize,
    total: count.total,
    totalIsCapped: count.isCapped,
  };
}

export async function getInvoiceDetail(
  deps: LedgerDeps,
  actor: Actor,
  invoiceId: string,
): Promise<InvoiceDetail> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  const row = await findInvoiceRow(deps.db, { orgId: actor.orgId, invoiceId });
  if (!row) throw new AppError('INVOICE_NOT_FOUND', 'no such invoice');
  const params = { orgId: actor.orgId, invoiceId };
  const [allocationRows, disputeRows, timelineRows] = await Promise.all([
    findAllocationRows(deps.db, params),
    findDisputeRows(deps.db, params),
    findTimelineRows(deps.db, { ...params, debtorId: row.debtorId, limit: 200 }),
  ]);
  return {
    ...toInvoiceListItem(row, today),
    sentDate: row.sentDate,
    paymentTermDays: row.paymentTermDays,
    vat: formatCents(row.vatCents),
    orderDescription: row.orderDescription,
    deliveryNotes: row.deliveryNotes,
    salesAgreementNotes: row.salesAgreementNotes,
    creditedInvoiceNumber: row.creditedInvoiceNumber,
    source: row.source,
    allocations: allocationRows.map((a) => ({
      id: a.id,
      paymentId: a.paymentId,
      invoiceId: a.invoiceId,
      invoiceNumber: a.invoiceNumber,
      paymentDate: a.paymentDate,
      paymentReference: a.paymentReference,
      amount: formatCents(a.amountCents),
      createdAt: a.createdAt.toISOString(),
    })),
    disputes: disputeRows.map(toDispute),
    timeline: timelineRows.map(toTimelineEvent),
  };
}
