import { and, asc, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { NonPaymentCause, ObjectionCode } from '../../core/calls/objections/objection-library.js';
import type { Db } from '../../db/client.js';
import {
  callLocks,
  calls,
  callTasks,
  contacts,
  debtors,
  disputes,
  invoices,
  payments,
  promises,
  users,
} from '../../db/schema/index.js';
import { selectRows } from './sql-rows.js';

/**
 * The prep sheet's reads: each one indexed by (org, debtor) and bounded, so the sheet is one
 * request of a dozen small queries that run side by side on a pool.
 */

export async function findPrepDebtor(db: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await db
    .select()
    .from(debtors)
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.id, params.debtorId)));
  return row;
}

export type PrepSource = Awaited<ReturnType<typeof loadPrepSource>>;

/** Everything about the debtor the sheet shows, read in parallel. */
export async function loadPrepSource(
  db: Db,
  params: { orgId: string; debtorId: string; today: CalendarDate },
) {
  const { orgId, debtorId, today } = params;
  const byDebtor = <T extends { orgId: unknown; debtorId: unknown }>(table: T) =>
    and(eq(table.orgId as never, orgId), eq(table.debtorId as never, debtorId));
  const [
    people,
    open,
    reminders,
    paymentRows,
    lateness,
    callRows,
    disputeRows,
    promiseRows,
    causes,
    own,
    tasks,
    lock,
  ] = await Promise.all([
    db
      .select()
      .from(contacts)
      .where(byDebtor(contacts))
      .orderBy(desc(contacts.isCollectionsContact), asc(contacts.createdAt), asc(contacts.id)),
    db
      .select()
      .from(invoices)
      .where(
        and(
          byDebtor(invoices),
          ne(invoices.openCents, 0),
          notInArray(invoices.status, ['paid', 'written_off']),
        ),
      )
      .orderBy(asc(invoices.dueDate), asc(invoices.number))
      .limit(500),
    selectRows<{
      date: CalendarDate;
      step: string;
      channel: string;
      delivery_status: string | null;
      total: number;
    }>(
      db,
      sql`select a.run_date::text as date, s.name as step, a.channel::text as channel,
        o.status::text as delivery_status, count(*) over ()::int as total
      from dunning_actions a
      join dunning_steps s on s.id = a.step_id
      left join outbox_messages o on o.id = a.outbox_message_id
      where a.org_id = ${orgId} and a.debtor_id = ${debtorId} and a.status = 'done'
        and a.channel in ('email', 'letter')
      order by a.run_date desc limit 20`,
    ),
    db
      .select({ date: payments.date, amountCents: payments.amountCents, method: payments.method })
      .from(payments)
      .where(byDebtor(payments))
      .orderBy(desc(payments.date), desc(payments.createdAt))
      .limit(10),
    // Days late per paid invoice: the day of its last payment against its due date (two years back).
    selectRows<{ average_days_late: number | null; paid_invoices: number }>(
      db,
      sql`select round(avg(greatest(last_paid - due_date, 0)), 1)::float8 as average_days_late,
        count(*)::int as paid_invoices
      from (
        select i.due_date, max(p.date) as last_paid
        from invoices i
        join allocations al on al.org_id = i.org_id and al.invoice_id = i.id
        join payments p on p.id = al.payment_id
        where i.org_id = ${orgId} and i.debtor_id = ${debtorId} and i.status = 'paid'
          and i.due_date > ${today}::date - 730
        group by i.id, i.due_date
      ) paid`,
    ),
    db
      .select({ call: calls, collector: users.name, contact: contacts.name })
      .from(calls)
      .leftJoin(users, eq(users.id, calls.collectorId))
      .leftJoin(contacts, eq(contacts.id, calls.contactId))
      .where(byDebtor(calls))
      .orderBy(desc(calls.startedAt))
      .limit(20),
    db
      .select({ dispute: disputes, invoiceNumber: invoices.number })
      .from(disputes)
      .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
      .where(and(byDebtor(disputes), eq(disputes.status, 'open')))
      .orderBy(desc(disputes.openedAt)),
    db.select().from(promises).where(byDebtor(promises)).orderBy(desc(promises.promisedDate)).limit(50),
    selectRows<{ cause: NonPaymentCause; count: number; last_text: string | null }>(
      db,
      sql`select non_payment_cause::text as cause, count(*)::int as count,
        (array_agg(non_payment_cause_text order by started_at desc))[1] as last_text
      from calls
      where org_id = ${orgId} and debtor_id = ${debtorId} and non_payment_cause is not null
      group by non_payment_cause order by count(*) desc, max(started_at) desc`,
    ),
    selectRows<{ code: ObjectionCode; count: number; last_raised_on: CalendarDate }>(
      db,
      sql`select objection::text as code, count(*)::int as count, max(created_at)::date::text as last_raised_on
      from call_objections where org_id = ${orgId} and debtor_id = ${debtorId} group by objection`,
    ),
    db
      .select()
      .from(callTasks)
      .where(and(byDebtor(callTasks), eq(callTasks.status, 'open')))
      .orderBy(asc(callTasks.dueDate)),
    db
      .select({ lock: callLocks, holder: users.name })
      .from(callLocks)
      .innerJoin(users, eq(users.id, callLocks.holderId))
      .where(and(eq(callLocks.orgId, orgId), eq(callLocks.debtorId, debtorId))),
  ]);
  return {
    contacts: people,
    openInvoices: open,
    reminders,
    payments: paymentRows,
    lateness: lateness[0] ?? { average_days_late: null, paid_invoices: 0 },
    calls: callRows,
    disputes: disputeRows,
    promises: promiseRows,
    causes,
    ownObjections: own,
    tasks,
    lock: lock[0],
  };
}

/**
 * How often each counter was used in the organisation and how often the promise that followed was
 * kept: the library learns which answers work (R16).
 */
export async function findCounterStats(db: Db, orgId: string) {
  return selectRows<{ counter_id: string; uses: number; kept: number }>(
    db,
    sql`select o.counter_id, count(*)::int as uses,
      (count(*) filter (where p.status = 'kept'))::int as kept
    from call_objections o left join promises p on p.id = o.promise_id
    where o.org_id = ${orgId} and o.counter_id is not null
    group by o.counter_id`,
  );
}

/** Whether a formal demand with costs already went out: the next call is the last before legal steps. */
export async function hasFormalDemand(db: Db, params: { orgId: string; debtorId: string }): Promise<boolean> {
  const rows = await selectRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from dunning_actions a join dunning_steps s on s.id = a.step_id
      where a.org_id = ${params.orgId} and a.debtor_id = ${params.debtorId} and a.status = 'done'
        and s.claims_costs) as found`,
  );
  return rows[0]?.found ?? false;
}
