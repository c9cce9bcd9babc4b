import { sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { SkillLevel } from '../../core/calls/routing.js';
import type { Country, DebtorKind, Role } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { selectRows, uuidArray } from './sql-rows.js';

/**
 * The queue's questions to the database, each one set-based statement over indexed columns: which
 * debtors have a reason to be called on a date (one row per reason), what the queue needs to know
 * about those debtors, their answer history, and the members who take calls.
 */

export type QueueEntryRow = {
  debtor_id: string;
  reason: string;
  source_id: string | null;
  /** Epoch milliseconds of an agreed callback. */
  callback_at_ms: number | null;
  assigned_to: string | null;
};

/**
 * The reasons of the day: open call tasks due (callbacks, broken promises, dunning call steps …)
 * and the reasons in the debtor's balance — a large overdue balance, and the informal call right
 * after the term passed (001#2) while no reminder went out yet. A debtor with nothing overdue is
 * settled and never appears (a pre-due call step only needs something open); a paused debtor only
 * for a callback somebody agreed to.
 */
export async function findQueueEntryRows(
  db: Db,
  params: {
    orgId: string;
    date: CalendarDate;
    largeOverdueCents: number;
    informalCallWithinDays: number;
    /** The largest balances only: more than a team can call in a day is not a day's queue. */
    maxBalanceCandidates: number;
  },
): Promise<QueueEntryRow[]> {
  const { orgId, date } = params;
  return selectRows<QueueEntryRow>(
    db,
    sql`with entries as (
      select t.debtor_id, t.reason::text as reason, t.id as source_id,
        (extract(epoch from t.callback_at) * 1000)::bigint as callback_at_ms, t.assigned_to
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
    )
    select e.debtor_id, e.reason, e.source_id, e.callback_at_ms, e.assigned_to
    from entries e
    join debtors d on d.id = e.debtor_id and d.org_id = ${orgId}
    where (d.overdue_cents > 0 or (e.reason in ('dunning_step', 'callback') and d.open_cents > 0))
      and (d.pause_until is null or d.pause_until < ${date}::date or e.reason = 'callback')`,
  );
}

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
};

/**
 * What the queue knows about its debtors: figures, the contact to call (the one a callback names,
 * else the collections contact, else the first, always one with a number), and the signals for
 * the score and for routing.
 */
export async function findQueueDebtorRows(
  db: Db,
  params: { orgId: string; date: CalendarDate; debtorIds: readonly string[] },
): Promise<QueueDebtorRow[]> {
  if (params.debtorIds.length === 0) return [];
  const { orgId, date } = params;
  return selectRows<QueueDebtorRow>(
    db,
    sql`select d.id, d.number, d.name, d.kind, d.country, d.overdue_cents,
      d.oldest_overdue_due_date::text as oldest_overdue_due_date, d.assigned_collector_id,
      c.id as contact_id, c.name as contact_name, coalesce(c.phone, c.mobile, d.phone) as phone,
      c.phone_extension, c.preferred_call_days, c.preferred_call_from, c.preferred_call_until,
      (select count(*)::int from promises p
        where p.org_id = d.org_id and p.debtor_id = d.id and p.status in ('broken', 'partially_kept')
          and p.promised_date > ${date}::date - 365) as broken_promises,
      exists (select 1 from disputes x
        where x.org_id = d.org_id and x.debtor_id = d.id and x.status = 'open') as has_open_dispute,
      exists (select 1 from invoices i
        where i.org_id = d.org_id and i.debtor_id = d.id and i.status = 'handed_over') as is_legal_stage,
      exists (select 1 from calls k
        where k.org_id = d.org_id and k.debtor_id = d.id and k.is_aggressive) as had_aggressive_call,
      exists (select 1 from calls k
        where k.org_id = d.org_id and k.debtor_id = d.id
          and k.non_payment_cause = 'payment_trouble') as has_payment_trouble
    from unnest(${uuidArray(params.debtorIds)}::uuid[]) as wanted(id)
    join debtors d on d.id = wanted.id and d.org_id = ${orgId}
    left join lateral (
      select c.* from contacts c
      where c.org_id = d.org_id and c.debtor_id = d.id and coalesce(c.phone, c.mobile) is not null
      order by exists (select 1 from call_tasks t
          where t.org_id = c.org_id and t.debtor_id = c.debtor_id and t.status = 'open'
            and t.reason = 'callback' and t.contact_id = c.id) desc,
        c.is_collections_contact desc, c.created_at, c.id
      limit 1
    ) c on true`,
  );
}

export type AnswerCountRow = {
  debtor_id: string;
  local_hour: number;
  local_weekday: number;
  attempts: number;
  answered: number;
};

/** Earlier calls per debtor, local hour and weekday: attempts and how many were picked up. */
export async function findAnswerCountRows(
  db: Db,
  params: { orgId: string; debtorIds: readonly string[] },
): Promise<AnswerCountRow[]> {
  if (params.debtorIds.length === 0) return [];
  return selectRows<AnswerCountRow>(
    db,
    sql`select debtor_id, local_hour, local_weekday, count(*)::int as attempts,
      (count(*) filter (where outcome in ('gatekeeper', 'reached')))::int as answered
    from calls
    where org_id = ${params.orgId} and debtor_id = any(${uuidArray(params.debtorIds)}::uuid[])
    group by debtor_id, local_hour, local_weekday`,
  );
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
