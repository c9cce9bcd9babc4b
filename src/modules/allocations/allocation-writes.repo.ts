import { sql } from 'drizzle-orm';
import type { InvoiceStatus, PaymentStatus } from '../../core/ledger/enums.js';
import type { MatchReason } from '../../core/matching/enums.js';
import { json, rows } from '../../db/batch-sql.js';
import type { Db } from '../../db/client.js';

/** The writes of the matching, each for a whole batch in one statement. */

export async function insertAllocationSet(
  tx: Db,
  params: {
    orgId: string;
    createdBy: string | null;
    allocations: readonly { paymentId: string; invoiceId: string; amountCents: number }[];
  },
): Promise<void> {
  if (params.allocations.length === 0) return;
  await tx.execute(sql`insert into allocations (org_id, payment_id, invoice_id, amount_cents, created_by)
    select ${params.orgId}, payment_id, invoice_id, amount_cents, ${params.createdBy}::uuid
    from json_to_recordset(${json(
      params.allocations.map((a) => ({
        payment_id: a.paymentId,
        invoice_id: a.invoiceId,
        amount_cents: a.amountCents,
      })),
    )}) as a(payment_id uuid, invoice_id uuid, amount_cents bigint)`);
}

/**
 * Sets invoices' open amounts and statuses, each only if it is still as the caller read it
 * (`was`); returns how many were updated, fewer when another transaction changed one meanwhile.
 */
export async function updateInvoiceAmounts(
  tx: Db,
  params: {
    orgId: string;
    invoices: readonly {
      id: string;
      openCents: number;
      status: InvoiceStatus;
      was: { openCents: number; status: InvoiceStatus };
    }[];
  },
): Promise<number> {
  if (params.invoices.length === 0) return 0;
  const updated = await rows<{ id: string }>(
    tx,
    sql`update invoices i set open_cents = u.open_cents, status = u.status, updated_at = now()
    from json_to_recordset(${json(
      params.invoices.map((i) => ({
        id: i.id,
        open_cents: i.openCents,
        status: i.status,
        was_open_cents: i.was.openCents,
        was_status: i.was.status,
      })),
    )}) as u(id uuid, open_cents bigint, status invoice_status, was_open_cents bigint, was_status invoice_status)
    where i.org_id = ${params.orgId} and i.id = u.id
      and i.open_cents = u.was_open_cents and i.status = u.was_status
    returning i.id`,
  );
  return updated.length;
}

export async function updatePaymentMatches(
  tx: Db,
  params: {
    orgId: string;
    payments: readonly {
      id: string;
      debtorId: string | null;
      status: PaymentStatus;
      reversesPaymentId?: string | null;
    }[];
  },
): Promise<void> {
  if (params.payments.length === 0) return;
  await tx.execute(sql`update payments p set debtor_id = coalesce(u.debtor_id, p.debtor_id), status = u.status,
      reverses_payment_id = coalesce(u.reverses_payment_id, p.reverses_payment_id)
    from json_to_recordset(${json(
      params.payments.map((p) => ({
        id: p.id,
        debtor_id: p.debtorId,
        status: p.status,
        reverses_payment_id: p.reversesPaymentId ?? null,
      })),
    )}) as u(id uuid, debtor_id uuid, status payment_status, reverses_payment_id uuid)
    where p.org_id = ${params.orgId} and p.id = u.id`);
}

export type SuggestionWrite = {
  paymentId: string;
  rank: number;
  score: number;
  reasons: MatchReason[];
  debtorId: string;
  invoiceIds: string[];
};

export async function insertSuggestions(
  tx: Db,
  params: { orgId: string; suggestions: readonly SuggestionWrite[] },
): Promise<void> {
  if (params.suggestions.length === 0) return;
  await tx.execute(sql`insert into match_suggestions (org_id, payment_id, rank, score, reasons, debtor_id, invoice_ids)
    select ${params.orgId}, payment_id, rank, score,
      array(select json_array_elements_text(reasons)), debtor_id,
      array(select json_array_elements_text(invoice_ids))::uuid[]
    from json_to_recordset(${json(
      params.suggestions.map((s) => ({
        payment_id: s.paymentId,
        rank: s.rank,
        score: s.score,
        reasons: s.reasons,
        debtor_id: s.debtorId,
        invoice_ids: s.invoiceIds,
      })),
    )}) as s(payment_id uuid, rank smallint, score smallint, reasons json, debtor_id uuid, invoice_ids json)`);
}

export type SettledCommitment = {
  kind: 'promise' | 'plan';
  id: string;
  debtorId: string;
  status: string;
  amountCents: number;
  promisedDate: string | null;
};

export type TouchedPromise = {
  id: string;
  debtorId: string;
  amountCents: number;
  promisedDate: string;
  /** The latest date of this batch's payments to its invoices. */
  lastPaid: string;
  isAllPaid: boolean;
};

/** Open promises whose invoices this batch paid, with whether all of their invoices are paid now. */
export async function findTouchedPromises(
  tx: Db,
  params: { orgId: string; paidDates: readonly { invoiceId: string; date: string }[] },
): Promise<TouchedPromise[]> {
  if (params.paidDates.length === 0) return [];
  const paid = json(params.paidDates.map((p) => ({ invoice_id: p.invoiceId, date: p.date })));
  return rows<TouchedPromise>(
    tx,
    sql`with paid as (
      select invoice_id, max(date) as date from json_to_recordset(${paid}) as p(invoice_id uuid, date date)
      group by invoice_id
    ),
    touched as (
      select p.id, max(paid.date) as last_paid
      from paid join promise_invoices pi on pi.org_id = ${params.orgId} and pi.invoice_id = paid.invoice_id
      join promises p on p.id = pi.promise_id and p.status = 'open'
      group by p.id
    )
    select p.id, p.debtor_id as "debtorId", p.amount_cents as "amountCents", p.promised_date as "promisedDate",
      t.last_paid as "lastPaid", bool_and(i.open_cents <= 0) as "isAllPaid"
    from touched t join promises p on p.id = t.id
    join promise_invoices pi on pi.promise_id = t.id
    join invoices i on i.id = pi.invoice_id
    group by p.id, t.last_paid`,
  );
}

export async function setPromiseStatuses(
  tx: Db,
  params: { orgId: string; changes: readonly { id: string; status: 'kept' | 'partially_kept' }[] },
): Promise<void> {
  if (params.changes.length === 0) return;
  await tx.execute(sql`update promises p set status = c.status
    from json_to_recordset(${json(params.changes)}) as c(id uuid, status promise_status)
    where p.org_id = ${params.orgId} and p.id = c.id`);
}

/** Active plans whose invoices are now all paid become completed. */
export async function completePaidPlans(
  tx: Db,
  params: { orgId: string; paidDates: readonly { invoiceId: string; date: string }[] },
): Promise<SettledCommitment[]> {
  if (params.paidDates.length === 0) return [];
  const paid = json(params.paidDates.map((p) => ({ invoice_id: p.invoiceId, date: p.date })));
  return rows<SettledCommitment>(
    tx,
    sql`with touched as (
      select distinct pl.id
      from json_to_recordset(${paid}) as p(invoice_id uuid, date date)
      join payment_plan_invoices ppi on ppi.org_id = ${params.orgId} and ppi.invoice_id = p.invoice_id
      join payment_plans pl on pl.id = ppi.plan_id and pl.status = 'active'
    ),
    done as (
      select t.id from touched t join payment_plan_invoices ppi on ppi.plan_id = t.id
      join invoices i on i.id = ppi.invoice_id
      group by t.id having bool_and(i.open_cents <= 0)
    )
    update payment_plans pl set status = 'completed' from done where pl.id = done.id
    returning 'plan' as kind, pl.id, pl.debtor_id as "debtorId", pl.status, pl.total_cents as "amountCents",
      null as "promisedDate"`,
  );
}
