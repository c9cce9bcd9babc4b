import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Pages of invoices and debtors in index order (keyset paging), for streaming exports. */

export type InvoiceExportRow = {
  kind: string;
  number: string;
  debtorNumber: string;
  debtorName: string;
  issueDate: string;
  dueDate: string;
  paymentTermDays: number | null;
  currency: string;
  totalCents: number;
  vatCents: number;
  openCents: number;
  status: string;
  paymentReference: string | null;
  orderDescription: string | null;
  creditedInvoiceNumber: string | null;
};

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export function findInvoicePage(
  db: Db,
  params: { orgId: string; after?: { kind: string; number: string } | undefined; limit: number },
): Promise<InvoiceExportRow[]> {
  const after = params.after
    ? sql`and (i.kind, i.number) > (${params.after.kind}::document_kind, ${params.after.number})`
    : sql``;
  return rows(
    db,
    sql`select i.kind, i.number, d.number as "debtorNumber", d.name as "debtorName",
        i.issue_date::text as "issueDate", i.due_date::text as "dueDate", i.payment_term_days as "paymentTermDays",
        i.currency, i.total_cents as "totalCents", i.vat_cents as "vatCents", i.open_cents as "openCents",
        i.status, i.payment_reference as "paymentReference", i.order_description as "orderDescription",
        i.credited_invoice_number as "creditedInvoiceNumber"
      from invoices i join debtors d on d.id = i.debtor_id
      where i.org_id = ${params.orgId} ${after}
      order by i.kind, i.number
      limit ${params.limit}`,
  );
}

export type DebtorExportRow = {
  number: string;
  name: string;
  kind: string;
  country: string;
  language: string;
  companyNumber: string | null;
  vatNumber: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  email: string | null;
  phone: string | null;
  paymentTermDays: number | null;
  creditLimitCents: number | null;
  segment: string | null;
  openCents: number;
  overdueCents: number;
};

export function findDebtorPage(
  db: Db,
  params: { orgId: string; after?: string | undefined; limit: number },
): Promise<DebtorExportRow[]> {
  const after = params.after !== undefined ? sql`and number > ${params.after}` : sql``;
  return rows(
    db,
    sql`select number, name, kind, country, language, company_number as "companyNumber",
        vat_number as "vatNumber", address_line as "addressLine", postal_code as "postalCode", city, email,
        phone, payment_term_days as "paymentTermDays", credit_limit_cents as "creditLimitCents", segment,
        open_cents as "openCents", overdue_cents as "overdueCents"
      from debtors
      where org_id = ${params.orgId} ${after}
      order by number
      limit ${params.limit}`,
  );
}
