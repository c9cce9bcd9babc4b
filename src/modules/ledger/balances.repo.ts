import { sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Db } from '../../db/client.js';

/**
 * Recomputes the balance columns kept on debtors (open, overdue, oldest overdue due date, count)
 * from their invoices, set-based. Call it in the transaction that changed invoices (with the
 * debtors touched) and once a day for the whole organisation, since "overdue" moves with the date;
 * the whole-organisation run also stamps `organisations.balances_as_of`.
 *
 * Only rows whose balances change are written (and get `balances_as_of` = today): rewriting all
 * 200k debtors every day costs ~10 s of index maintenance on PostgreSQL for nothing.
 */
export async function refreshDebtorBalances(
  tx: Db,
  params: { orgId: string; today: CalendarDate; debtorIds?: readonly string[] },
): Promise<void> {
  const { orgId, today, debtorIds } = params;
  if (debtorIds && debtorIds.length === 0) return;
  const balances = sql`select debtor_id,
        sum(open_cents) as open_cents,
        coalesce(sum(open_cents) filter (where kind = 'invoice' and due_date < ${today}::date), 0) as overdue_cents,
        min(due_date) filter (where kind = 'invoice' and due_date < ${today}::date and open_cents > 0) as oldest_overdue_due_date,
        count(*) filter (where kind = 'invoice' and open_cents > 0) as open_invoice_count
      from invoices
      where org_id = ${orgId} and open_cents <> 0 and status <> 'written_off'
        ${debtorIds ? sql`and debtor_id = any(${toUuidArray(debtorIds)})` : sql``}
      group by debtor_id`;
  // A few debtors (a batch of payments) are reached by their ids, primary-key probes (the id list
  // repeated on the target, or PostgreSQL hashes all 200k debtors for every batch).
  const targets = debtorIds
    ? sql`(select t.id, a.* from unnest(${toUuidArray(debtorIds)}) as t(id)
        left join (${balances}) a on a.debtor_id = t.id) a`
    : sql`(select d0.id, a.* from debtors d0 left join (${balances}) a on a.debtor_id = d0.id
        where d0.org_id = ${orgId}) a`;
  await tx.execute(sql`
    update debtors d set
      open_cents = coalesce(a.open_cents, 0),
      overdue_cents = coalesce(a.overdue_cents, 0),
      oldest_overdue_due_date = a.oldest_overdue_due_date,
      open_invoice_count = coalesce(a.open_invoice_count, 0),
      balances_as_of = ${today}::date
    from ${targets}
    where d.id = a.id and d.org_id = ${orgId} ${debtorIds ? sql`and d.id = any(${toUuidArray(debtorIds)})` : sql``}
      and (d.balances_as_of is null
        or (d.open_cents, d.overdue_cents, d.oldest_overdue_due_date, d.open_invoice_count)
          is distinct from
          (coalesce(a.open_cents, 0), coalesce(a.overdue_cents, 0), a.oldest_overdue_due_date,
           coalesce(a.open_invoice_count, 0)))`);
  if (!debtorIds) {
    await tx.execute(sql`update organisations set balances_as_of = ${today}::date where id = ${orgId}`);
  }
}

/** Passes a list of ids as one uuid[] parameter (works the same on PGlite and node-postgres). */
function toUuidArray(ids: readonly string[]) {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
