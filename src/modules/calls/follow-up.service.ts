import { sql } from 'drizzle-orm';
import { latestStartDueBy } from '../../core/calendar/business-days.js';
import type { CalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { findOrganisationById } from '../ledger/organisations.repo.js';
import { organisationCallSettings } from './call-settings.service.js';
import { selectRows } from './sql-rows.js';

export type FollowUpReport = { brokenPromises: number; keptPromises: number; unconfirmedAgreements: number };

/**
 * The daily follow-up (004#13, 001#6, 003#4), set-based and idempotent: open promises whose
 * `breaks_on` has come without full payment become broken (partially kept when something came in)
 * and their debtor is back in the queue today — the business day after the promised date — with a
 * broken_promise task; those fully paid by then are kept (an allocation through MatchWrites — bank
 * match, matching screen, payment recorded by hand — keeps a promise at once; this catches the
 * rest); agreements not confirmed within the organisation's `confirmationWithinBusinessDays` of
 * their email get an agreement_unconfirmed task: the term in force today, so a senior's change
 * applies to those still waiting too. Timeline events are written in the same statement. The unique
 * (reason, source) indexes on call_tasks make a second run add nothing.
 */
export async function followUpAgreements(
  deps: { db: Db },
  params: { orgId: string; today: CalendarDate },
): Promise<FollowUpReport> {
  const { orgId, today } = params;
  const org = await findOrganisationById(deps.db, orgId);
  if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'no such organisation');
  const term = organisationCallSettings(org.callSettings).confirmationWithinBusinessDays;
  const sentBy = latestStartDueBy(today, term, org.country);
  return deps.db.transaction(async (tx) => {
    const [broken] = await selectRows<{ count: number; kept: number }>(
      tx,
      sql`with due as (
        -- Paid towards the promise by its break day: the allocations to its invoices since it was made.
        select p.id, greatest(p.paid_cents, coalesce((
          select sum(a.amount_cents) from promise_invoices pi
          join allocations a on a.org_id = pi.org_id and a.invoice_id = pi.invoice_id
          join payments pay on pay.id = a.payment_id
          where pi.promise_id = p.id and pay.date between p.created_at::date and p.breaks_on), 0)) as paid
        from promises p
        where p.org_id = ${orgId} and p.status = 'open' and p.breaks_on <= ${today}::date
      ), broken as (
        update promises p
        set status = (case when due.paid > 0 then 'partially_kept' else 'broken' end)::promise_status,
          paid_cents = due.paid
        from due
        where p.id = due.id and due.paid < p.amount_cents
        returning p.id, p.debtor_id, p.amount_cents, p.paid_cents, p.promised_date, p.status
      ), tasks as (
        insert into call_tasks (org_id, debtor_id, reason, due_date, promise_id, contact_id, note)
        select ${orgId}, b.debtor_id, 'broken_promise', ${today}::date, b.id, p.contact_id,
          'Promise of ' || to_char(b.amount_cents / 100.0, 'FM999999999990.00') || ' by '
            || b.promised_date::text || ' not kept'
        from broken b join promises p on p.id = b.id
        on conflict (reason, promise_id) where promise_id is not null do nothing
        returning id, promise_id
      ), events as (
        insert into timeline_events (org_id, debtor_id, kind, actor_label, summary, data)
        select ${orgId}, b.debtor_id, 'promise_status_changed', 'follow-up',
          'Promise of ' || to_char(b.amount_cents / 100.0, 'FM999999999990.00') || ' by '
            || b.promised_date::text || ' ' || replace(b.status::text, '_', ' ')
            || ': back in the call queue',
          jsonb_build_object('promiseId', b.id, 'statusTo', b.status, 'paidCents', b.paid_cents,
            'callTaskId', t.id)
        from broken b left join tasks t on t.promise_id = b.id
        returning 1
      ), kept as (
        update promises p set status = 'kept'::promise_status, paid_cents = due.paid
        from due
        where p.id = due.id and due.paid >= p.amount_cents
        returning p.id, p.debtor_id, p.amount_cents, p.promised_date
      ), kept_events as (
        insert into timeline_events (org_id, debtor_id, kind, actor_label, summary, data)
        select ${orgId}, k.debtor_id, 'promise_status_changed', 'follow-up',
          'Promise of ' || to_char(k.amount_cents / 100.0, 'FM999999999990.00') || ' by '
            || k.promised_date::text || ' kept',
          jsonb_build_object('promiseId', k.id, 'statusTo', 'kept')
        from kept k
        returning 1
      )
      select (select count(*) from events)::int as count, (select count(*) from kept_events)::int as kept`,
    );
    const [unconfirmed] = await selectRows<{ count: number }>(
      tx,
      sql`with due as (
        select c.id, c.debtor_id, c.promise_id, c.plan_id, c.sent_on
        from agreement_confirmations c
        left join promises p on p.id = c.promise_id
        left join payment_plans pl on pl.id = c.plan_id
        where c.org_id = ${orgId} and c.confirmed_at is null and c.sent_on <= ${sentBy}::date
          and (p.status = 'open' or pl.status = 'active')
      ), tasks as (
        insert into call_tasks (org_id, debtor_id, reason, due_date, promise_id, plan_id, note)
        select ${orgId}, debtor_id, 'agreement_unconfirmed', ${today}::date, promise_id, plan_id,
          'Agreement emailed on ' || sent_on::text || ' not confirmed'
        from due
        on conflict do nothing
        returning id, debtor_id
      ), events as (
        insert into timeline_events (org_id, debtor_id, kind, actor_label, summary, data)
        select ${orgId}, debtor_id, 'call_task_created', 'follow-up',
          'Agreement not confirmed within the term: call to check', jsonb_build_object('callTaskId', id)
        from tasks
        returning 1
      )
      select count(*)::int as count from events`,
    );
    return {
      brokenPromises: broken?.count ?? 0,
      keptPromises: broken?.kept ?? 0,
      unconfirmedAgreements: unconfirmed?.count ?? 0,
    };
  });
}
