/**
 * The daily payment-plan check, set-based: each step is one statement over the organisation's
 * running plans, mirroring the pure state machine `transitionPlan` (core/calls/plan-status.ts).
 * Each returns only the rows it changed, so a rerun on the same day changes and reports nothing.
 */
import { sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { BusinessDayIndex } from '../../core/plans/business-day-index.js';
import { json, rows } from '../../db/batch-sql.js';
import type { Db } from '../../db/client.js';

type Scope = { orgId: string; today: CalendarDate };

/** Business days from the index's start to `column` (0 before the window: long past). */
const businessDaysTo = (column: ReturnType<typeof sql>) =>
  sql`coalesce((select n from cal where cal.d = ${column}), 0)`;
const calendar = (index: BusinessDayIndex) =>
  sql`cal as (select d, n from json_to_recordset(${json(index)}) as c(d date, n int))`;
const todayIndex = (index: BusinessDayIndex) => index.at(-1)?.n ?? 0;

export type PaidInstalment = {
  planId: string;
  debtorId: string;
  number: number;
  amountCents: number;
  paidOn: string;
};

/**
 * What is paid on each plan: its total less what is still open on its invoices (a plan is made for
 * their open amounts, so every allocation, credit note or reversal since counts), spread over the
 * instalments in order. Also covers plans an allocation has just marked completed. With
 * `invoiceIds`, only the plans of those invoices: what an allocation changes, at once.
 */
export async function refreshPlanPayments(
  tx: Db,
  scope: Scope & { invoiceIds?: readonly string[] },
): Promise<PaidInstalment[]> {
  if (scope.invoiceIds?.length === 0) return [];
  const ofInvoices = scope.invoiceIds
    ? sql`and pp.id in (select ppi.plan_id from payment_plan_invoices ppi
        where ppi.org_id = ${scope.orgId} and ppi.invoice_id in (
          select id from json_to_recordset(${json(scope.invoiceIds.map((id) => ({ id })))}) as i(id uuid)))`
    : sql``;
  return rows<PaidInstalment>(
    tx,
    sql`with plans as (
      select pp.id, pp.total_cents from payment_plans pp
      where pp.org_id = ${scope.orgId}
        and (pp.status in ('active', 'in_arrears') or (pp.status = 'completed' and pp.completed_on is null))
        ${ofInvoices}
    ),
    paid as (
      select p.id, least(p.total_cents, greatest(0, p.total_cents - sum(greatest(i.open_cents, 0))))::bigint as paid_cents,
        max(pay.last_paid) as last_paid
      from plans p
      join payment_plan_invoices ppi on ppi.plan_id = p.id
      join invoices i on i.id = ppi.invoice_id
      left join lateral (
        select max(py.date) as last_paid from allocations a join payments py on py.id = a.payment_id
        where a.org_id = ${scope.orgId} and a.invoice_id = i.id
      ) pay on true
      group by p.id, p.total_cents
    ),
    spread as (
      select ins.id, ins.amount_cents, paid.last_paid,
        greatest(0, least(ins.amount_cents, paid.paid_cents
          - (sum(ins.amount_cents) over (partition by ins.plan_id order by ins.number) - ins.amount_cents))) as paid_cents
      from payment_plan_instalments ins join paid on paid.id = ins.plan_id
    ),
    plan_update as (
      update payment_plans t set paid_cents = paid.paid_cents
      from paid where t.id = paid.id and t.paid_cents <> paid.paid_cents
      returning t.id
    ),
    instalment_update as (
      update payment_plan_instalments t set paid_cents = s.paid_cents,
        status = (case when s.paid_cents >= t.amount_cents then 'paid'
          when s.paid_cents > 0 then 'partially_paid' else 'open' end)::instalment_status,
        paid_on = case when s.paid_cents >= t.amount_cents
          then coalesce(t.paid_on, least(s.last_paid, ${scope.today}::date), ${scope.today}::date) end
      from spread s where t.id = s.id and t.paid_cents <> s.paid_cents
      returning t.plan_id, t.number, t.amount_cents, t.status, t.paid_on
    )
    select u.plan_id as "planId", pp.debtor_id as "debtorId", u.number, u.amount_cents::int as "amountCents",
      u.paid_on::text as "paidOn"
    from instalment_update u join payment_plans pp on pp.id = u.plan_id
    where u.status = 'paid'
    order by u.plan_id, u.number`,
  );
}

export type PlanChange = {
  planId: string;
  debtorId: string;
  contactId: string | null;
  statusFrom: string;
  totalCents: number;
  /** The first missed instalment (arrears), when it applies. */
  number: number | null;
  dueDate: string | null;
};

/** Running plans that are paid in full, and plans the bank import completed, get their date. */
export async function completePaidPlans(tx: Db, scope: Scope): Promise<PlanChange[]> {
  return rows<PlanChange>(
    tx,
    sql`update payment_plans pp set status = 'completed', completed_on = ${scope.today}, in_arrears_since = null
    from (select id, status from payment_plans where org_id = ${scope.orgId}
      and ((status in ('active', 'in_arrears') and paid_cents >= total_cents)
        or (status = 'completed' and completed_on is null))) old
    where pp.id = old.id
    returning pp.id as "planId", pp.debtor_id as "debtorId", pp.contact_id as "contactId",
      old.status::text as "statusFrom", pp.total_cents::int as "totalCents", null::int as number, null::text as "dueDate"`,
  );
}

/** Missed: not paid in full `missedAfter` business days after its due date. */
const missed = (index: BusinessDayIndex, today: CalendarDate, missedAfter: number) =>
  sql`ins.status <> 'paid' and ins.due_date < ${today}::date
    and ${todayIndex(index)} - ${businessDaysTo(sql`ins.due_date`)} >= ${missedAfter}`;

/** Plans in arrears with nothing missed any more are back on track (all, or the ones given). */
export async function restoreCaughtUpPlans(
  tx: Db,
  scope: Scope & { index: BusinessDayIndex; missedAfter: number; planIds?: readonly string[] },
): Promise<PlanChange[]> {
  const ofPlans = scope.planIds
    ? sql`and pp.id in (select id from json_to_recordset(${json(scope.planIds.map((id) => ({ id })))}) as p(id uuid))`
    : sql``;
  return rows<PlanChange>(
    tx,
    sql`with ${calendar(scope.index)}
    update payment_plans pp set status = 'active', in_arrears_since = null
    where pp.org_id = ${scope.orgId} and pp.status = 'in_arrears' ${ofPlans}
      and not exists (select 1 from payment_plan_instalments ins
        where ins.plan_id = pp.id and ${missed(scope.index, scope.today, scope.missedAfter)})
    returning pp.id as "planId", pp.debtor_id as "debtorId", pp.contact_id as "contactId",
      'in_arrears' as "statusFrom", pp.total_cents::int as "totalCents", null::int as number, null::text as "dueDate"`,
  );
}

/** Plans still in arrears `grace_days` business days after the first missed due date are broken. */
export async function breakPlansPastGrace(
  tx: Db,
  scope: Scope & { index: BusinessDayIndex },
): Promise<PlanChange[]> {
  return rows<PlanChange>(
    tx,
    sql`with ${calendar(scope.index)}
    update payment_plans pp set status = 'broken', broken_on = ${scope.today}
    where pp.org_id = ${scope.orgId} and pp.status = 'in_arrears'
      and ${todayIndex(scope.index)} - ${businessDaysTo(sql`pp.in_arrears_since`)} >= pp.grace_days
    returning pp.id as "planId", pp.debtor_id as "debtorId", pp.contact_id as "contactId",
      'in_arrears' as "statusFrom", pp.total_cents::int as "totalCents", null::int as number,
      pp.in_arrears_since::text as "dueDate"`,
  );
}

/** Active plans with a missed instalment go in arrears from that instalment's due date. */
export async function markPlansInArrears(
  tx: Db,
  scope: Scope & { index: BusinessDayIndex; missedAfter: number },
): Promise<PlanChange[]> {
  return rows<PlanChange>(
    tx,
    sql`with ${calendar(scope.index)},
    first_missed as (
      select distinct on (ins.plan_id) ins.plan_id, ins.number, ins.due_date
      from payment_plan_instalments ins join payment_plans pp on pp.id = ins.plan_id
      where pp.org_id = ${scope.orgId} and pp.status = 'active'
        and ${missed(scope.index, scope.today, scope.missedAfter)}
      order by ins.plan_id, ins.number
    )
    update payment_plans pp set status = 'in_arrears', in_arrears_since = m.due_date
    from first_missed m where pp.id = m.plan_id
    returning pp.id as "planId", pp.debtor_id as "debtorId", pp.contact_id as "contactId",
      'active' as "statusFrom", pp.total_cents::int as "totalCents", m.number, m.due_date::text as "dueDate"`,
  );
}

/**
 * One missed-instalment call task per plan: created the first time, reopened when the plan falls
 * behind again after the earlier task was closed, left alone while it is open.
 */
export async function upsertMissedInstalmentTasks(
  tx: Db,
  scope: Scope & { plans: readonly { planId: string; note: string }[] },
): Promise<{ id: string; planId: string; debtorId: string }[]> {
  if (scope.plans.length === 0) return [];
  return rows(
    tx,
    sql`insert into call_tasks (org_id, debtor_id, reason, status, due_date, plan_id, contact_id, note)
    select pp.org_id, pp.debtor_id, 'missed_instalment', 'open', ${scope.today}, pp.id, pp.contact_id, p.note
    from json_to_recordset(${json(scope.plans.map((p) => ({ plan_id: p.planId, note: p.note })))})
      as p(plan_id uuid, note text)
    join payment_plans pp on pp.id = p.plan_id and pp.org_id = ${scope.orgId}
    on conflict (reason, plan_id) where plan_id is not null do update
      set status = 'open', due_date = excluded.due_date, note = excluded.note, done_at = null
      where call_tasks.status <> 'open'
    returning id, plan_id as "planId", debtor_id as "debtorId"`,
  );
}

/** The plans' open missed-instalment tasks are withdrawn (caught up, completed or cancelled). */
export async function closePlanTasks(tx: Db, params: { planIds: readonly string[] }): Promise<number> {
  if (params.planIds.length === 0) return 0;
  const closed = await rows(
    tx,
    sql`update call_tasks set status = 'cancelled', done_at = now()
    where reason = 'missed_instalment' and status = 'open'
      and plan_id in (select id from json_to_recordset(${json(params.planIds.map((id) => ({ id })))}) as p(id uuid))
    returning id`,
  );
  return closed.length;
}

export type ThankYouCandidate = {
  planId: string;
  debtorId: string;
  language: 'nl' | 'fr' | 'en';
  debtorName: string;
  debtorKind: 'business' | 'consumer';
  debtorEmail: string | null;
  contactName: string | null;
  contactEmail: string | null;
  totalCents: number;
  instalmentCount: number;
  invoiceNumbers: string[];
};

/** Completed plans still waiting for their aftercare thank-you, completed on `completedSince` or later. */
export async function findThankYouCandidates(
  tx: Db,
  params: { orgId: string; completedSince: CalendarDate },
): Promise<ThankYouCandidate[]> {
  return rows<ThankYouCandidate>(
    tx,
    sql`select pp.id as "planId", pp.debtor_id as "debtorId", d.language, d.name as "debtorName",
      d.kind as "debtorKind", d.email as "debtorEmail", c.name as "contactName", c.email as "contactEmail",
      pp.total_cents::int as "totalCents",
      (select count(*)::int from payment_plan_instalments ins where ins.plan_id = pp.id) as "instalmentCount",
      (select coalesce(json_agg(i.number order by i.due_date, i.number), '[]'::json)
        from payment_plan_invoices ppi join invoices i on i.id = ppi.invoice_id where ppi.plan_id = pp.id)
        as "invoiceNumbers"
    from payment_plans pp join debtors d on d.id = pp.debtor_id
    left join contacts c on c.id = pp.contact_id
    where pp.org_id = ${params.orgId} and pp.status = 'completed' and pp.completed_on >= ${params.completedSince}::date
      and pp.thank_you_message_id is null
    for update of pp skip locked`,
  );
}
