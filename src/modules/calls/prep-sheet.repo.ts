import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { CallOutcome, CallResult } from '../../core/calls/call-outcomes.js';
import type { NonPaymentCause, ObjectionCode } from '../../core/calls/objections/objection-library.js';
import type { CallTaskReason, PromiseStatus } from '../../core/dunning/enums.js';
import type {
  Country,
  DebtorKind,
  DisputeStatus,
  DocumentKind,
  InvoiceStatus,
  Language,
} from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { debtors, organisations } from '../../db/schema/index.js';
import type { CallTextOverrideRow } from './call-texts.repo.js';

/** Instants come as epoch milliseconds (a JSON number, whatever the session's time zone). */
type EpochMs = number;

export type PrepContactSource = {
  id: string;
  name: string;
  role: string | null;
  phone: string | null;
  extension: string | null;
  mobile: string | null;
  email: string | null;
  isCollectionsContact: boolean;
  gatekeeperNotes: string | null;
  preferredCallDays: number[];
  preferredCallFrom: string | null;
  preferredCallUntil: string | null;
};

/** Everything the prep sheet shows about a debtor, as one row of one statement. */
export type PrepSource = {
  /** The caller's organisation, read here rather than in a round trip of its own. */
  organisation: {
    id: string;
    country: Country;
    defaultLanguage: Language;
    creditorName: string;
    timeZone: string;
    balancesAsOf: CalendarDate | null;
    callSettings: unknown;
  };
  debtor: {
    id: string;
    number: string;
    name: string;
    kind: DebtorKind;
    language: Language;
    country: Country;
    openCents: number;
    overdueCents: number;
    oldestOverdueDueDate: CalendarDate | null;
    creditLimitCents: number | null;
    paymentTermDays: number | null;
    notes: string | null;
    pauseUntil: CalendarDate | null;
  };
  contacts: PrepContactSource[];
  openInvoices: {
    id: string;
    number: string;
    kind: DocumentKind;
    status: InvoiceStatus;
    issueDate: CalendarDate;
    dueDate: CalendarDate;
    paymentTermDays: number | null;
    totalCents: number;
    openCents: number;
    paymentReference: string | null;
    orderDescription: string | null;
    deliveryNotes: string | null;
    salesAgreementNotes: string | null;
  }[];
  remindersSent: number;
  reminders: { date: CalendarDate; step: string; channel: string; deliveryStatus: string | null }[];
  payments: { date: CalendarDate; amountCents: number; method: string }[];
  lateness: { averageDaysLate: number | null; paidInvoices: number };
  calls: {
    id: string;
    startedAtMs: EpochMs;
    collector: string | null;
    contact: string | null;
    outcome: CallOutcome;
    result: CallResult | null;
    nonPaymentCause: NonPaymentCause | null;
    notes: string | null;
    durationSeconds: number;
  }[];
  disputes: {
    id: string;
    invoiceNumber: string;
    reason: string;
    status: DisputeStatus;
    openedAtMs: EpochMs;
  }[];
  promises: {
    id: string;
    amountCents: number;
    promisedDate: CalendarDate;
    status: PromiseStatus;
    paidCents: number;
  }[];
  causes: { cause: NonPaymentCause; count: number; lastText: string | null }[];
  ownObjections: { code: ObjectionCode; count: number; lastRaisedOn: CalendarDate }[];
  tasks: {
    id: string;
    reason: CallTaskReason;
    dueDate: CalendarDate;
    callbackAtMs: EpochMs | null;
    note: string | null;
  }[];
  lock: { holderId: string; holder: string; expiresAtMs: EpochMs } | null;
  /** Per counter of the library, in the whole organisation: how often used, how often kept (R16). */
  counterStats: { counterId: string; uses: number; kept: number }[];
  /** A formal demand with costs already went out: the next call is the last before legal steps. */
  hasFormalDemand: boolean;
  collector: { name: string; language: Language } | null;
  /** The organisation's edited scripts (every situation) and objections, in the call's language. */
  textOverrides: CallTextOverrideRow[];
};

const epochMs = (column: ReturnType<typeof sql.raw>) =>
  sql`floor(extract(epoch from ${column}) * 1000)::bigint`;

/**
 * The whole prep sheet in one statement (one round trip under load), the organisation's row
 * included: every part is a JSON subquery indexed by (org, debtor) and bounded by a LIMIT, except
 * the counter statistics, which are the organisation's (indexed by counter). Prepared once per
 * database: planning a statement of seventeen subqueries cost PostgreSQL more than running it.
 * Undefined when the debtor is not the organisation's.
 */
export async function findPrepSource(
  db: Db,
  params: {
    orgId: string;
    debtorId: string;
    userId: string | null;
    /** The moment of the request (ISO); its date in the organisation's time zone bounds the history read. */
    now: string;
  },
): Promise<PrepSource | undefined> {
  let query = preparedQueries.get(db);
  if (!query) {
    query = preparePrepSourceQuery(db);
    preparedQueries.set(db, query);
  }
  const [row] = await query.execute(params);
  return row?.sheet;
}

const preparedQueries = new WeakMap<Db, ReturnType<typeof preparePrepSourceQuery>>();

function preparePrepSourceQuery(db: Db) {
  const d = alias(debtors, 'd');
  const o = alias(organisations, 'o');
  const today = sql`(${sql.placeholder('now')}::timestamptz at time zone o.time_zone)::date`;
  const userId = sql.placeholder('userId');
  // The call's language is the collector's, else the organisation's.
  const language = sql`coalesce((select u.language::text from users u where u.id = ${userId}::uuid),
    o.default_language::text)`;
  const sheet = sql<PrepSource>`json_build_object(
      'organisation', json_build_object('id', o.id, 'country', o.country,
        'defaultLanguage', o.default_language, 'creditorName', o.creditor_name, 'timeZone', o.time_zone,
        'balancesAsOf', o.balances_as_of, 'callSettings', o.call_settings),
      'debtor', json_build_object('id', d.id, 'number', d.number, 'name', d.name, 'kind', d.kind,
        'language', d.language, 'country', d.country, 'openCents', d.open_cents,
        'overdueCents', d.overdue_cents, 'oldestOverdueDueDate', d.oldest_overdue_due_date,
        'creditLimitCents', d.credit_limit_cents, 'paymentTermDays', d.payment_term_days,
        'notes', d.notes, 'pauseUntil', d.pause_until),
      'contacts', (select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'role', c.role,
          'phone', c.phone, 'extension', c.phone_extension, 'mobile', c.mobile, 'email', c.email,
          'isCollectionsContact', c.is_collections_contact, 'gatekeeperNotes', c.gatekeeper_notes,
          'preferredCallDays', c.preferred_call_days, 'preferredCallFrom', c.preferred_call_from,
          'preferredCallUntil', c.preferred_call_until)
          order by c.is_collections_contact desc, c.created_at, c.id), '[]')
        from contacts c where c.org_id = d.org_id and c.debtor_id = d.id),
      'openInvoices', (select coalesce(json_agg(json_build_object('id', i.id, 'number', i.number, 'kind', i.kind,
          'status', i.status, 'issueDate', i.issue_date, 'dueDate', i.due_date,
          'paymentTermDays', i.payment_term_days, 'totalCents', i.total_cents,
          'openCents', i.open_cents, 'paymentReference', i.payment_reference,
          'orderDescription', i.order_description, 'deliveryNotes', i.delivery_notes,
          'salesAgreementNotes', i.sales_agreement_notes) order by i.due_date, i.number), '[]')
        from (select * from invoices i
          where i.org_id = d.org_id and i.debtor_id = d.id and i.open_cents <> 0
            and i.status not in ('paid', 'written_off')
          order by i.due_date, i.number limit 500) i),
      'remindersSent', (select count(*)::int from dunning_actions a
        where a.org_id = d.org_id and a.debtor_id = d.id and a.status = 'done'
          and a.channel in ('email', 'letter')),
      'reminders', (select coalesce(json_agg(json_build_object('date', r.run_date, 'step', r.step,
          'channel', r.channel, 'deliveryStatus', r.delivery_status) order by r.run_date desc, r.id), '[]')
        from (select a.id, a.run_date, s.name as step, a.channel, o.status as delivery_status
          from dunning_actions a
          join dunning_steps s on s.id = a.step_id
          left join outbox_messages o on o.id = a.outbox_message_id
          where a.org_id = d.org_id and a.debtor_id = d.id and a.status = 'done'
            and a.channel in ('email', 'letter')
          order by a.run_date desc, a.id limit 20) r),
      'payments', (select coalesce(json_agg(json_build_object('date', p.date, 'amountCents', p.amount_cents,
          'method', p.method) order by p.date desc, p.created_at desc, p.id), '[]')
        from (select * from payments p where p.org_id = d.org_id and p.debtor_id = d.id
          order by p.date desc, p.created_at desc, p.id limit 10) p),
      'lateness', -- Days late per paid invoice: its last payment against its due date (two years back).
      (select json_build_object(
          'averageDaysLate', round(avg(greatest(paid.last_paid - paid.due_date, 0)), 1)::float8,
          'paidInvoices', count(*))
        from (select i.due_date, max(p.date) as last_paid
          from invoices i
          join allocations al on al.org_id = i.org_id and al.invoice_id = i.id
          join payments p on p.id = al.payment_id
          where i.org_id = d.org_id and i.debtor_id = d.id and i.status = 'paid'
            and i.due_date > ${today} - 730
          group by i.id, i.due_date) paid),
      'calls', (select coalesce(json_agg(json_build_object('id', k.id, 'startedAtMs', ${epochMs(sql.raw('k.started_at'))},
          'collector', u.name, 'contact', c.name, 'outcome', k.outcome, 'result', k.result,
          'nonPaymentCause', k.non_payment_cause, 'notes', k.notes,
          'durationSeconds', k.duration_seconds) order by k.started_at desc, k.id), '[]')
        from (select * from calls k where k.org_id = d.org_id and k.debtor_id = d.id
          order by k.started_at desc, k.id limit 20) k
        left join users u on u.id = k.collector_id
        left join contacts c on c.id = k.contact_id),
      'disputes', (select coalesce(json_agg(json_build_object('id', x.id, 'invoiceNumber', i.number,
          'reason', x.reason, 'status', x.status, 'openedAtMs', ${epochMs(sql.raw('x.opened_at'))})
          order by x.opened_at desc, x.id), '[]')
        from disputes x join invoices i on i.id = x.invoice_id
        where x.org_id = d.org_id and x.debtor_id = d.id and x.status = 'open'),
      'promises', (select coalesce(json_agg(json_build_object('id', p.id, 'amountCents', p.amount_cents,
          'promisedDate', p.promised_date, 'status', p.status, 'paidCents', p.paid_cents)
          order by p.promised_date desc, p.id), '[]')
        from (select * from promises p where p.org_id = d.org_id and p.debtor_id = d.id
          order by p.promised_date desc, p.id limit 50) p),
      'causes', (select coalesce(json_agg(json_build_object('cause', g.cause, 'count', g.count, 'lastText', g.last_text)
          order by g.count desc, g.last_at desc), '[]')
        from (select non_payment_cause as cause, count(*) as count, max(started_at) as last_at,
            (array_agg(non_payment_cause_text order by started_at desc))[1] as last_text
          from calls k where k.org_id = d.org_id and k.debtor_id = d.id and k.non_payment_cause is not null
          group by non_payment_cause) g),
      'ownObjections', (select coalesce(json_agg(json_build_object('code', g.objection, 'count', g.count,
          'lastRaisedOn', g.last_raised_on) order by g.objection), '[]')
        from (select objection, count(*) as count, max(created_at)::date as last_raised_on
          from call_objections o where o.org_id = d.org_id and o.debtor_id = d.id
          group by objection) g),
      'tasks', (select coalesce(json_agg(json_build_object('id', t.id, 'reason', t.reason, 'dueDate', t.due_date,
          'callbackAtMs', ${epochMs(sql.raw('t.callback_at'))}, 'note', t.note) order by t.due_date, t.id), '[]')
        from call_tasks t
        where t.org_id = d.org_id and t.debtor_id = d.id and t.status = 'open'),
      'lock', (select json_build_object('holderId', l.holder_id, 'holder', u.name,
          'expiresAtMs', ${epochMs(sql.raw('l.expires_at'))})
        from call_locks l join users u on u.id = l.holder_id
        where l.org_id = d.org_id and l.debtor_id = d.id),
      'counterStats', (select coalesce(json_agg(json_build_object('counterId', g.counter_id, 'uses', g.uses, 'kept', g.kept)
          order by g.counter_id), '[]')
        from (select o.counter_id, count(*) as uses, count(*) filter (where p.status = 'kept') as kept
          from call_objections o left join promises p on p.id = o.promise_id
          where o.org_id = d.org_id and o.counter_id is not null
          group by o.counter_id) g),
      'hasFormalDemand', exists (select 1 from dunning_actions a join dunning_steps s on s.id = a.step_id
        where a.org_id = d.org_id and a.debtor_id = d.id and a.status = 'done'
          and s.claims_costs),
      'collector', (select json_build_object('name', u.name, 'language', u.language)
        from users u where u.id = ${userId}::uuid),
      'textOverrides', (select coalesce(json_agg(x), '[]') from (
          select situation::text as situation, null::text as objection, sections as texts
          from call_script_overrides where org_id = d.org_id and language::text = ${language}
          union all
          select null, objection::text, texts
          from objection_text_overrides where org_id = d.org_id and language::text = ${language}) x))`;
  return db
    .select({ sheet })
    .from(d)
    .innerJoin(o, eq(o.id, d.orgId))
    .where(and(eq(d.orgId, sql.placeholder('orgId')), eq(d.id, sql.placeholder('debtorId'))))
    .prepare('prep_sheet_source');
}
