import { sql } from 'drizzle-orm';
import type { DocumentKind, InvoiceStatus, PaymentStatus } from '../../core/ledger/enums.js';
import type { MatchReason } from '../../core/matching/enums.js';
import { rows } from '../../db/batch-sql.js';
import type { Db } from '../../db/client.js';

/** Queries of the manual matching screen: payments waiting for a person, their suggestions, search. */

export type PaymentToMatchRow = {
  id: string;
  date: string;
  amountCents: number;
  allocatedCents: number;
  currency: string;
  status: PaymentStatus;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  reference: string | null;
  remittance: string | null;
  debtorId: string | null;
};

const paymentColumns = sql`p.id, p.date, p.amount_cents as "amountCents",
  coalesce((select sum(a.amount_cents) from allocations a where a.org_id = p.org_id and a.payment_id = p.id), 0)::bigint
    as "allocatedCents",
  p.currency, p.status, p.counterparty_name as "counterpartyName", p.counterparty_iban as "counterpartyIban",
  p.reference, p.remittance, p.debtor_id as "debtorId"`;

/** Money received that still waits for a person (or was set aside): oldest first, larger amounts first. */
export async function findPaymentsToMatch(
  db: Db,
  params: { orgId: string; statuses: readonly PaymentStatus[]; limit: number },
): Promise<{ rows: PaymentToMatchRow[]; total: number }> {
  const statuses = sql`${`{${params.statuses.join(',')}}`}::payment_status[]`;
  const found = await rows<PaymentToMatchRow>(
    db,
    sql`select ${paymentColumns} from payments p
      where p.org_id = ${params.orgId} and p.status = any(${statuses}) and p.amount_cents > 0
      order by p.date, p.amount_cents desc, p.id
      limit ${params.limit}`,
  );
  const [count] = await rows<{ total: number }>(
    db,
    sql`select count(*)::int as total from payments p
      where p.org_id = ${params.orgId} and p.status = any(${statuses}) and p.amount_cents > 0`,
  );
  return { rows: found, total: count?.total ?? 0 };
}

/** One payment, locked for the transaction that changes it; undefined when not in the organisation. */
export async function lockPayment(
  tx: Db,
  params: { orgId: string; paymentId: string },
): Promise<PaymentToMatchRow | undefined> {
  const [row] = await rows<PaymentToMatchRow>(
    tx,
    sql`select ${paymentColumns} from payments p
      where p.org_id = ${params.orgId} and p.id = ${params.paymentId} for update of p`,
  );
  return row;
}

export async function setPaymentStatus(
  tx: Db,
  params: { orgId: string; paymentId: string; status: PaymentStatus },
): Promise<void> {
  await tx.execute(sql`update payments set status = ${params.status}::payment_status
    where org_id = ${params.orgId} and id = ${params.paymentId}`);
}

/** The net amount a payment has allocated to each invoice, with its number. */
export async function findNetAllocations(
  db: Db,
  params: { orgId: string; paymentIds: readonly string[] },
): Promise<{ paymentId: string; invoiceId: string; invoiceNumber: string; amountCents: number }[]> {
  if (params.paymentIds.length === 0) return [];
  return rows(
    db,
    sql`select a.payment_id as "paymentId", a.invoice_id as "invoiceId", i.number as "invoiceNumber",
        sum(a.amount_cents)::bigint as "amountCents"
      from allocations a join invoices i on i.id = a.invoice_id
      where a.org_id = ${params.orgId} and a.payment_id = any(${`{${params.paymentIds.join(',')}}`}::uuid[])
      group by a.payment_id, a.invoice_id, i.number
      having sum(a.amount_cents) <> 0
      order by i.number`,
  );
}

export type SuggestionRow = {
  paymentId: string;
  rank: number;
  score: number;
  reasons: MatchReason[];
  debtorId: string | null;
  invoiceIds: string[];
};

export async function findSuggestions(
  db: Db,
  params: { orgId: string; paymentIds: readonly string[] },
): Promise<SuggestionRow[]> {
  if (params.paymentIds.length === 0) return [];
  return rows<SuggestionRow>(
    db,
    sql`select payment_id as "paymentId", rank, score, reasons, debtor_id as "debtorId", invoice_ids as "invoiceIds"
      from match_suggestions
      where org_id = ${params.orgId} and payment_id = any(${`{${params.paymentIds.join(',')}}`}::uuid[])
      order by payment_id, rank`,
  );
}

export type MatchInvoiceRow = {
  id: string;
  number: string;
  kind: DocumentKind;
  status: InvoiceStatus;
  debtorId: string;
  debtorName: string;
  debtorNumber: string;
  paymentReference: string | null;
  dueDate: string;
  currency: string;
  totalCents: number;
  openCents: number;
};

const invoiceColumns = sql`i.id, i.number, i.kind, i.status, i.debtor_id as "debtorId", d.name as "debtorName",
  d.number as "debtorNumber", i.payment_reference as "paymentReference", i.due_date as "dueDate", i.currency,
  i.total_cents as "totalCents", i.open_cents as "openCents"`;

export async function findMatchInvoices(
  db: Db,
  params: { orgId: string; invoiceIds: readonly string[] },
): Promise<MatchInvoiceRow[]> {
  if (params.invoiceIds.length === 0) return [];
  return rows<MatchInvoiceRow>(
    db,
    sql`select ${invoiceColumns} from invoices i join debtors d on d.id = i.debtor_id
      where i.org_id = ${params.orgId} and i.id = any(${`{${params.invoiceIds.join(',')}}`}::uuid[])`,
  );
}

/**
 * Open invoices and credit notes whose number or payment reference (compared by their keys, as
 * the matching does), debtor name or number, or open or total amount fits the search.
 */
export async function searchOpenInvoices(
  db: Db,
  params: {
    orgId: string;
    text: string;
    referenceKey: string | null;
    numberKey: string | null;
    amountCents: number | null;
    limit: number;
  },
): Promise<MatchInvoiceRow[]> {
  const like = `%${params.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return rows<MatchInvoiceRow>(
    db,
    sql`select ${invoiceColumns} from invoices i join debtors d on d.id = i.debtor_id
      where i.org_id = ${params.orgId} and i.open_cents <> 0 and i.status not in ('paid', 'written_off')
        and (i.payment_reference_key = ${params.referenceKey} or i.number_key = ${params.numberKey}
          or lower(i.number) like ${like} or lower(d.name) like ${like} or lower(d.number) = ${params.text.toLowerCase()}
          or i.open_cents = ${params.amountCents} or i.total_cents = ${params.amountCents})
      order by (i.payment_reference_key = ${params.referenceKey} or i.number_key = ${params.numberKey}) desc nulls last,
        i.due_date, i.number
      limit ${params.limit}`,
  );
}
