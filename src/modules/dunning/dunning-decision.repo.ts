import { type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { StepChannel } from '../../core/dunning/enums.js';
import type { Db } from '../../db/client.js';

/**
 * The daily decision, set-based: which open invoice is due for which step of its debtor's policy on
 * a date. One SQL statement over indexed tables, never a loop over invoices in JS.
 *
 * An invoice's next step is the first enabled step after the last one it passed; a step anchored
 * on the due date is due at due date + offset, a step anchored on the previous step at that step's
 * date + offset. A notice before the due date is skipped for an invoice that is already due.
 * Invoices under an open dispute, promise or payment plan are left alone (per step, by its flags),
 * as are paused debtors and debtors whose items at a step stay under the step's minimum amount.
 */
function eligibleItems(orgId: string, date: CalendarDate): SQL {
  // MATERIALIZED keeps each small set computed once and hash-joined to the invoices; inlined, the
  // planner looped over debtors × policy places and probed the invoices index half a million times.
  return sql`
    policies as materialized (
      select id, debtor_kind, segment, priority from dunning_policies where org_id = ${orgId} and is_active
    ),
    enabled_steps as materialized (
      select s.* from dunning_steps s join policies p on p.id = s.policy_id where s.is_enabled
    ),
    -- For every place an invoice can be in its policy (before the first step, or after any step),
    -- the next enabled step: once counting notices before the due date, once not.
    next_step as materialized (
      select a.policy_id, a.after_position, due.is_due,
        (select s.id from enabled_steps s
          where s.policy_id = a.policy_id and s.position > a.after_position
            and not (due.is_due and s.anchor = 'due_date' and s.offset_days < 0)
          order by s.position limit 1) as step_id
      from (select id as policy_id, -1 as after_position from policies
            union select s.policy_id, s.position from dunning_steps s join policies p on p.id = s.policy_id) a
      cross join (values (true), (false)) as due(is_due)
    ),
    -- The policy for each debtor kind and segment a policy names (segment null: any other segment):
    -- the first matching policy by segment-specific first, then priority. Looked up by hash join,
    -- not a subquery per debtor.
    policy_choice as materialized (
      select k.debtor_kind, k.segment,
        (select p.id from policies p
          where p.debtor_kind = k.debtor_kind and (p.segment is null or p.segment = k.segment)
          order by p.segment is null, p.priority, p.id limit 1) as policy_id
      from (select debtor_kind, segment from policies union select debtor_kind, null from policies) k
    ),
    debtor_policy as materialized (
      select d.id as debtor_id, coalesce(by_segment.policy_id, by_kind.policy_id) as policy_id
      from debtors d
      left join policy_choice by_segment on by_segment.debtor_kind = d.kind and by_segment.segment = d.segment
      left join policy_choice by_kind on by_kind.debtor_kind = d.kind and by_kind.segment is null
      where d.org_id = ${orgId} and (d.pause_until is null or d.pause_until <= ${date}::date)
    ),
    last_step as materialized (
      select distinct on (invoice_id) invoice_id, position, run_date
      from dunning_action_invoices where org_id = ${orgId}
      order by invoice_id, position desc
    ),
    -- What holds an invoice back: an open dispute, an open promise, a running payment plan (active or in arrears).
    holds as materialized (
      select invoice_id, bool_or(hold = 'dispute') as is_disputed, bool_or(hold = 'promise') as is_promised,
        bool_or(hold = 'plan') as is_planned
      from (
        select invoice_id, 'dispute' as hold from disputes where org_id = ${orgId} and status = 'open'
        union all
        select pi.invoice_id, 'promise' from promise_invoices pi join promises p on p.id = pi.promise_id
          where pi.org_id = ${orgId} and p.status = 'open'
        union all
        select ppi.invoice_id, 'plan' from payment_plan_invoices ppi join payment_plans pp on pp.id = ppi.plan_id
          where ppi.org_id = ${orgId} and pp.status in ('active', 'in_arrears')
      ) h
      group by invoice_id
    ),
    candidates as (
      select i.id as invoice_id, i.debtor_id, i.open_cents, i.due_date, ns.step_id,
        l.run_date as last_run_date, coalesce(h.is_disputed, false) as is_disputed,
        coalesce(h.is_promised, false) as is_promised, coalesce(h.is_planned, false) as is_planned
      from invoices i
      join debtor_policy dp on dp.debtor_id = i.debtor_id
      left join last_step l on l.invoice_id = i.id
      join next_step ns on ns.policy_id = dp.policy_id and ns.after_position = coalesce(l.position, -1)
        and ns.is_due = (i.due_date <= ${date}::date)
      left join holds h on h.invoice_id = i.id
      where i.org_id = ${orgId} and i.kind = 'invoice' and i.status in ('open', 'partially_paid')
        and i.open_cents > 0 and ns.step_id is not null
    ),
    eligible as (
      select c.invoice_id, c.debtor_id, c.open_cents, c.due_date, s.id as step_id, s.position,
        s.channel, s.min_open_cents
      from candidates c join enabled_steps s on s.id = c.step_id
      where (case when s.anchor = 'previous_step' and c.last_run_date is not null then c.last_run_date
                  else c.due_date end) + s.offset_days <= ${date}::date
        and not (s.skip_when_disputed and c.is_disputed)
        and not (s.skip_when_promised and c.is_promised)
        and not (s.skip_when_planned and c.is_planned)
    ),
    grouped as (
      select debtor_id, step_id, min(position) as position, min(channel::text) as channel,
        sum(open_cents)::bigint as open_cents, count(*)::int as invoice_count
      from eligible
      group by debtor_id, step_id
      having sum(open_cents) >= min(min_open_cents) and sum(open_cents) > 0
    )`;
}

/**
 * The decision reads every open invoice of the organisation once: hash joins are always the right
 * plan, but the planner's estimates for the CTEs made it pick nested loops (100× slower at 200k
 * invoices) and join debtors to every policy place before the invoices (a dozen rows per debtor);
 * so no nested loops, and joins in the order written (invoices first). On PostgreSQL the query's
 * cost also triggers JIT compilation that takes longer (~2 s) than the query itself. All of it for
 * the current transaction only.
 */
async function planAsFullScan(tx: Db): Promise<void> {
  await tx.execute(sql`set local enable_nestloop = off`);
  await tx.execute(sql`set local join_collapse_limit = 1`);
  await tx.execute(sql`set local jit = off`);
}

export type PlannedAction = {
  debtorId: string;
  stepId: string;
  channel: StepChannel;
  openCents: number;
  invoiceCount: number;
  invoiceNumbers: string[];
};

/** node-postgres parses text[] into an array; PGlite may hand back the literal '{a,b}'. */
export function pgTextArray(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
    .map((v) => v.replace(/^"|"$/g, ''));
}

export type StepCount = {
  stepId: string;
  stepName: string;
  channel: StepChannel;
  actions: number;
  invoices: number;
  openCents: number;
};

/** What a run on this date would do, without writing anything (the preview and --dry-run). */
export async function previewDecision(
  db: Db,
  params: { orgId: string; date: CalendarDate; sampleSize: number },
): Promise<{ counts: StepCount[]; sample: PlannedAction[] }> {
  const result = await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await planAsFullScan(tx);
    return (await tx.execute(sql`with ${eligibleItems(params.orgId, params.date)},
    per_step as (
      select g.step_id, count(*)::int as actions, sum(g.invoice_count)::int as invoices,
        sum(g.open_cents)::bigint as open_cents
      from grouped g group by g.step_id
    )
    select 'count' as row_kind, s.id as step_id, s.name as step_name, s.channel::text as channel,
      ps.actions, ps.invoices, ps.open_cents, null::uuid as debtor_id, s.position, null::text[] as numbers
    from per_step ps join dunning_steps s on s.id = ps.step_id
    union all
    select * from (
      select 'sample', g.step_id, null, g.channel, 1, g.invoice_count, g.open_cents, g.debtor_id, g.position, n.numbers
      from grouped g
      join (select e.debtor_id, e.step_id, array_agg(i.number order by i.due_date, i.number) as numbers
        from eligible e join invoices i on i.id = e.invoice_id group by e.debtor_id, e.step_id) n
        on n.debtor_id = g.debtor_id and n.step_id = g.step_id
      order by g.open_cents desc, g.debtor_id limit ${params.sampleSize}
    ) sample
    order by 1, 9, 7 desc`)) as unknown as {
      rows: {
        row_kind: string;
        step_id: string;
        step_name: string | null;
        channel: StepChannel;
        actions: number;
        invoices: number;
        open_cents: number;
        debtor_id: string | null;
        numbers: string[] | string | null;
      }[];
    };
  });
  const counts: StepCount[] = [];
  const sample: PlannedAction[] = [];
  for (const r of result.rows) {
    if (r.row_kind === 'count')
      counts.push({
        stepId: r.step_id,
        stepName: r.step_name ?? '',
        channel: r.channel,
        actions: r.actions,
        invoices: r.invoices,
        openCents: Number(r.open_cents),
      });
    else if (r.debtor_id)
      sample.push({
        debtorId: r.debtor_id,
        stepId: r.step_id,
        channel: r.channel,
        openCents: Number(r.open_cents),
        invoiceCount: r.invoices,
        invoiceNumbers: pgTextArray(r.numbers),
      });
  }
  return { counts, sample };
}

/**
 * Writes the day's decision: one planned action per (debtor, step) with its invoices. Run inside
 * one transaction; the unique keys make a second call for the same date (or a call after a crash)
 * add nothing that is already there: an action per (debtor, step, date), a step per invoice once.
 */
export async function recordDecision(
  tx: Db,
  params: { orgId: string; runId: string; date: CalendarDate },
): Promise<number> {
  const { orgId, runId, date } = params;
  await releaseUnsentActions(
    tx,
    { orgId, date, note: `superseded by the run of ${date}` },
    sql`a.run_date < ${date}::date`,
  );
  await planAsFullScan(tx);
  // One statement: the decision is computed once and both writes read it. The statement sees the
  // actions as they were before it, so an action already there for this date (a re-run) is joined
  // from the table and a new one from what the insert returns.
  const inserted = (await tx.execute(sql`with ${eligibleItems(orgId, date)},
    new_actions as (
      insert into dunning_actions (org_id, run_id, debtor_id, step_id, run_date, channel, open_cents)
      select ${orgId}::uuid, ${runId}::uuid, debtor_id, step_id, ${date}::date, channel::step_channel,
        open_cents
      from grouped
      on conflict (org_id, debtor_id, step_id, run_date) do nothing
      returning id, debtor_id, step_id
    ),
    actions as (
      select id, debtor_id, step_id from new_actions
      union all
      select id, debtor_id, step_id from dunning_actions where org_id = ${orgId} and run_date = ${date}::date
    ),
    written as (
      insert into dunning_action_invoices (org_id, action_id, invoice_id, step_id, position, run_date,
        open_cents)
      select ${orgId}::uuid, a.id, e.invoice_id, e.step_id, e.position, ${date}::date, e.open_cents
      from eligible e
      join grouped g on g.debtor_id = e.debtor_id and g.step_id = e.step_id
      join actions a on a.debtor_id = e.debtor_id and a.step_id = e.step_id
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from written`)) as unknown as { rows: { n: number }[] };
  return inserted.rows[0]?.n ?? 0;
}

/**
 * Gives the invoices of planned actions that never went out back to the decision: an earlier run
 * nobody approved (its letters would carry a stale date), or an action that could not be carried
 * out. The actions stay, cancelled, with the reason; their invoices have not passed the step.
 */
export async function releaseUnsentActions(
  tx: Db,
  params: { orgId: string; date?: CalendarDate; note: string },
  which: SQL,
): Promise<number> {
  const released = (await tx.execute(sql`with released as (
      update dunning_actions a set status = 'cancelled', note = ${params.note}, done_at = now()
      where a.org_id = ${params.orgId} and a.status = 'planned' and ${which}
      returning a.id, a.run_id
    ), freed as (
      delete from dunning_action_invoices dai using released r where dai.action_id = r.id returning 1
    ), finished as (
      update dunning_runs r set status = 'completed', finished_at = now()
      where r.id in (select run_id from released) and r.status <> 'completed'
        and not exists (select 1 from dunning_actions a2 where a2.run_id = r.id and a2.status = 'planned'
          and a2.id not in (select id from released))
      returning 1
    )
    select (select count(*) from released)::int as n, (select count(*) from freed)::int as freed,
      (select count(*) from finished)::int as finished`)) as unknown as { rows: { n: number }[] };
  return released.rows[0]?.n ?? 0;
}
