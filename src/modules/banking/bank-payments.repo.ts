import { sql } from 'drizzle-orm';
import type { PaymentStatus } from '../../core/ledger/enums.js';
import { rows } from '../../db/batch-sql.js';
import type { Db } from '../../db/client.js';

export type BankPaymentRow = {
  date: string;
  amountCents: number;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  reference: string | null;
  remittance: string | null;
  status: PaymentStatus;
  invoiceNumbers: string[];
};

/** Payments, newest first, with the numbers of the invoices they are allocated to. */
export async function findPaymentsWithInvoices(
  db: Db,
  params: { orgId: string; statuses?: readonly PaymentStatus[]; limit: number },
): Promise<BankPaymentRow[]> {
  const statuses = params.statuses
    ? sql`and p.status = any(${`{${params.statuses.join(',')}}`}::payment_status[])`
    : sql``;
  return rows(
    db,
    sql`select p.date, p.amount_cents as "amountCents", p.counterparty_name as "counterpartyName",
      p.counterparty_iban as "counterpartyIban", p.reference, p.remittance, p.status,
      coalesce((
        select array_agg(i.number order by i.number) from (
          select a.invoice_id from allocations a
          where a.org_id = p.org_id and a.payment_id = p.id
          group by a.invoice_id
        ) a join invoices i on i.id = a.invoice_id
      ), '{}') as "invoiceNumbers"
    from payments p
    where p.org_id = ${params.orgId} ${statuses}
    order by p.date desc, p.created_at desc, p.id
    limit ${params.limit}`,
  );
}
