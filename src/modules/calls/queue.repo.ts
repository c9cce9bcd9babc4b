import { sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { SkillLevel } from '../../core/calls/routing.js';
import type { Country, DebtorKind, Role } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { selectRows } from './sql-rows.js';

/**
 * The queue's questions to the database: the day's debtors with everything the queue needs about
 * them (one set-based statement), and the members who take calls.
 */

export type QueueEntrySource = {
  reason: string;
  sourceId: string | null;
  /** Epoch milliseconds of an agreed callback. */
  callbackAtMs: number | null;
  assignedTo: string | null;
};

export type AnswerCount = { hour: number; weekday: number; attempts: number; answered: number };

export type QueueDebtorRow = {
  id: string;
  number: string;
  name: string;
  kind: DebtorKind;
  country: Country;
  overdue_cents: number;
  oldest_overdue_due_date: CalendarDate | null;
  assigned_collector_id: string | null;
  contact_id: string | null;
  contact_name: string | null;
  phone: string | null;
  phone_extension: string | null;
  preferred_call_days: number[] | null;
  preferred_call_from: string | null;
  preferred_call_until: string | null;
  broken_promises: number;
  has_open_dispute: boolean;
  is_legal_stage: boolean;
  had_aggressive_call: boolean;
  has_payment_trouble: boolean;
  /** The debtor's reasons of the day, one per source row (a debtor is one item, not one per reason). */
  entries: QueueEntrySource[];
  /** Earlier calls per local hour and weekday: attempts and how many were picked up. */
  answers: AnswerCount[];
};

export type QueueSourceParams = {
  orgId: string;
  date: CalendarDate;
  /** The organisation's zone: "resolved in the last N days" counts its calendar days. */
  timeZone: string;
  largeOverdueCents: number;
  informalCallWithinDays: number;
  disputeResolvedWithinDays: number;
  growthWindowDays: number;
  fastGrowthBps: number;
  fastGrowthMinIncreaseCents: number;
  /** The largest balances only: more than a team can call in a day is not a day's queue. */
  maxBalanceCandidates: number;
};

/**
 * The day's queue debtors in one statement. The reasons (one row per reason and source):
 * - open call tasks due (callbacks, broken promises, dunning call steps …);
 * - a large overdue balance;
 * - the informal call right after the term passed (001#2) while no reminder went out yet;
 * - a dispute resolved in the last `disputeResolvedWithinDays` days with no call since;
 * - a fast-growing overdue balance: the overdue balance now against the one `growthWindowDays`
 *   ago as the ledger knows it now (core `overdueGrowth`): the increase is what fell due in the
 *   window and is still open, less what the debtor's payments of the window paid on what was
 *   already overdue; the largest increases only, like the large balances.
 * A debtor with nothing overdue is settled and never appears (a pre-due call step or a resolved
 * dispute only needs something open); a paused debtor only for a callback somebody agreed to.
 * Then per debtor: figures, the contact to call (the one a callback names, else the collections
 * contact, else the first, always one with a number), the signals for the score and for routing,
 * and the answer history. Debtors are reached by primary key and calls by (org, debtor): a hash
 * over all 200k debtors costs more than the whole queue. JIT compilation (the plan's cost passes
 * the threshold) takes longer than the query, so it is off for this transaction.
 */
export async function findQueueDebtorRows(db: Db, params: QueueSourceParams): Promise<QueueDebtorRow[]> {
  const { orgId, date } = params;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return selectRows<QueueDebtorRow>(
      tx,
      sql`with newly_overdue as (
        select i.debtor_id, sum(i.open_cents) as cents
        from invoices i
        where i.org_id = ${orgId} and i.kind = 'invoice' and i.status <> 'written_off' and i.open_cents <> 0
          and i.due_date >= ${date}::date - ${params.growthWindowDays}::int and i.due_date < ${date}::date
        group by i.debtor_id
        having sum(i.open_cents) >= ${params.fastGrowthMinIncreaseCents}
      ),
      entries as materialized (
        select t.debtor_id, t.reason::text as reason, t.id as source_id,
          floor(extract(epoch from t.callback_at) * 1000)::bigint as callback_at_ms, t.assigned_to
        from call_tasks t
        where t.org_id = ${orgId} and t.status = 'open' and t.due_date <= ${date}::date
        union all
        (select d.id, 'large_overdue', null::uuid, null::bigint, null::uuid
        from debtors d
        where d.org_id = ${orgId} and d.overdue_cents >= ${params.largeOverdueCents}
        order by d.overdue_cents desc, d.id
        limit ${params.maxBalanceCandidates})
        union all
        select d.id, 'term_just_passed', null, null, null
        from debtors d
        where d.org_id = ${orgId}
          and d.oldest_overdue_due_date between ${date}::date - ${params.informalCallWithinDays}::int
            and ${date}::date - 1
          and not exists (
            select 1 from dunning_actions a
            where a.org_id = d.org_id and a.debtor_id = d.id and a.status = 'done'
              and a.channel in ('email', 'letter') and a.run_date >= d.oldest_overdue_due_date)
        union all
        select x.debtor_id, 'dispute_resolved', x.id, null, null
        from disputes x
        where x.org_id = ${orgId} and x.status = 'resolved'
          and x.resolved_at >= (${date}::date - ${params.disputeResolvedWithinDays}::int)::timestamp
            at time zone ${params.timeZone}
          and x.resolved_at < (${date}::date + 1)::timestamp at time zone ${params.timeZone}
          and not exists (select 1 from calls k
            where k.org_id = x.org_id and k.debtor_id = x.debtor_id and k.started_at >= x.resolved_at)
        union all
        (select n.debtor_id, 'fast_growing_overdue', null, null, null
        from newly_overdue n
        join debtors d on d.id = n.debtor_id and d.org_id = ${orgId}
        cross join lateral (
          select n.cents - coalesce(sum(al.amount_cents), 0) as cents
          from payments p
          join allocations al on al.org_id = p.org_id and al.payment_id = p.id
          join invoices i on i.id = al.invoice_id
          where p.org_id = ${orgId} and p.debtor_id = n.debtor_id
            and p.date >= ${date}::date - ${params.growthWindowDays}::int
            and i.kind = 'invoice' and i.status <> 'written_off'
            and i.due_date < ${date}::date - ${params.growthWindowDays}::int
        ) increase
        where increase.cents >= ${params.fastGrowthMinIncreaseCents}
          and (d.overdue_cents - increase.cents <= 0
            or increase.cents * 10000 >= (d.overdue_cents - increase.cents) * ${params.fastGrowthBps})
        order by increase.cents desc, n.debtor_id
        limit ${params.maxBalanceCandidates})
      ),
      candidates as materialized (
        select d.* from debtors d
        where d.org_id = ${orgId} and d.id = any(array(select distinct debtor_id from entries))
      ),
      kept as (
        select e.* from entries e join candidates d on d.id = e.debtor_id
        where (d.overdue_cents > 0
            or (e.reason in ('dunning_step', 'callback', 'dispute_resolved') and d.open_cents > 0))
          and (d.pause_until is null or d.pause_until < ${date}::date or e.reason = 'callback')
      ),
      by_debtor as (
        select debtor_id, json_agg(json_build_object('reason', reason, 'sourceId', source_id,
            'callbackAtMs', callback_at_ms, 'assignedTo', assigned_to)) as entries
        from kept group by debtor_id
      ),
      callback_contacts as (
        select distinct t.contact_id from call_tasks t
        where t.org_id = ${orgId} and t.status = 'open' and t.reason = 'callback' and t.contact_id is not null
      ),
      queue_contacts as (
        select distinct on (c.debtor_id) c.*
        from contacts c
        left join callback_contacts b on b.contact_id = c.id
        where c.org_id = ${orgId} and c.debtor_id = any(array(select debtor_id from by_debtor))
          and coalesce(c.phone, c.mobile) is not null
        order by c.debtor_id, b.contact_id is not null desc, c.is_collections_contact desc, c.created_at, c.id
      ),
      call_counts as (
        select k.debtor_id, k.local_hour, k.local_weekday, count(*) as attempts,
          count(*) filter (where k.outcome in ('gatekeeper', 'reached')) as answered,
          bool_or(k.is_aggressive) as is_aggressive,
          bool_or(k.non_payment_cause = 'payment_trouble') as is_payment_trouble
        from calls k
        where k.org_id = ${orgId} and k.debtor_id = any(array(select debtor_id from by_debtor))
        group by k.debtor_id, k.local_hour, k.local_weekday
      ),
      call_history as (
        select debtor_id, json_agg(json_build_object('hour', local_hour, 'weekday', local_weekday,
            'attempts', attempts, 'answered', answered)) as answers,
          coalesce(bool_or(is_aggressive), false) as had_aggressive_call,
          coalesce(bool_or(is_payment_trouble), false) as has_payment_trouble
        from call_counts group by debtor_id
      )
      select d.id, d.number, d.name, d.kind, d.country, d.overdue_cents,
        d.oldest_overdue_due_date::text as oldest_overdue_due_date, d.assigned_collector_id,
        c.id as contact_id, c.name as contact_name, coalesce(c.phone, c.mobile, d.phone) as phone,
        c.phone_extension, c.preferred_call_days, c.preferred_call_from, c.preferred_call_until,
        (select count(*)::int from promises p
          where p.org_id = d.org_id and p.debtor_id = d.id and p.status in ('broken', 'partially_kept')
            and p.promised_date > ${date}::date - 365) as broken_promises,
        d.id in (select x.debtor_id from disputes x
          where x.org_id = ${orgId} and x.status = 'open') as has_open_dispute,
        d.id in (select i.debtor_id from invoices i
          where i.org_id = ${orgId} and i.status = 'handed_over') as is_legal_stage,
        coalesce(h.had_aggressive_call, false) as had_aggressive_call,
        coalesce(h.has_payment_trouble, false) as has_payment_trouble,
        b.entries, coalesce(h.answers, '[]') as answers
      from by_debtor b
      join candidates d on d.id = b.debtor_id
      left join call_history h on h.debtor_id = d.id
      left join queue_contacts c on c.debtor_id = d.id`,
    );
  });
}

export type CallerRow = {
  user_id: string;
  name: string;
  role: Role;
  call_skill_level: SkillLevel | null;
  calls_per_day: number | null;
};

/** The organisation's active members who may call (viewers do not). */
export async function findCallerRows(db: Db, orgId: string): Promise<CallerRow[]> {
  return selectRows<CallerRow>(
    db,
    sql`select m.user_id, u.name, m.role, m.call_skill_level, m.calls_per_day
    from memberships m join users u on u.id = m.user_id
    where m.org_id = ${orgId} and u.is_active and m.role <> 'viewer'
    order by m.user_id`,
  );
}
