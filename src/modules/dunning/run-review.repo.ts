import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { LetterKind } from '../../core/dunning/letter.js';
import type { Db } from '../../db/client.js';
import {
  contacts,
  debtors,
  dunningActionInvoices,
  dunningActions,
  dunningPolicies,
  dunningRuns,
  dunningSteps,
  invoices,
  organisations,
  promises,
  users,
} from '../../db/schema/index.js';
import type { ActionContext } from './dunning-actions.repo.js';

/** Queries behind the run screen (runs, their actions, letter previews) and the claim statement. */

export type RunSummaryRow = Awaited<ReturnType<typeof findRunSummaryRows>>[number];

const countWhere = (status: 'planned' | 'done' | 'cancelled') =>
  sql<number>`(count(${dunningActions.id}) filter (where ${dunningActions.status} = ${status}))::int`;

/** Runs of an organisation, newest date first, with their actions counted by status. */
export async function findRunSummaryRows(
  db: Db,
  params: { orgId: string; runId?: string; date?: CalendarDate; limit: number },
) {
  return db
    .select({
      run: dunningRuns,
      approverName: users.name,
      planned: countWhere('planned'),
      done: countWhere('done'),
      cancelled: countWhere('cancelled'),
    })
    .from(dunningRuns)
    .leftJoin(users, eq(users.id, dunningRuns.approvedBy))
    .leftJoin(dunningActions, eq(dunningActions.runId, dunningRuns.id))
    .where(
      and(
        eq(dunningRuns.orgId, params.orgId),
        params.runId ? eq(dunningRuns.id, params.runId) : undefined,
        params.date ? eq(dunningRuns.runDate, params.date) : undefined,
      ),
    )
    .groupBy(dunningRuns.id, users.name)
    .orderBy(desc(dunningRuns.runDate))
    .limit(params.limit);
}

export type StepMeta = {
  id: string;
  name: string;
  policyName: string;
  channel: (typeof dunningSteps.$inferSelect)['channel'];
  letterKind: LetterKind | null;
  position: number;
  priority: number;
};

/** Every step of the organisation with its policy's name, to label counts and actions. */
export async function findStepMeta(db: Db, orgId: string): Promise<Map<string, StepMeta>> {
  const rows = await db
    .select({
      id: dunningSteps.id,
      name: dunningSteps.name,
      policyName: dunningPolicies.name,
      channel: dunningSteps.channel,
      letterKind: dunningSteps.letterKind,
      position: dunningSteps.position,
      priority: dunningPolicies.priority,
    })
    .from(dunningSteps)
    .innerJoin(dunningPolicies, eq(dunningPolicies.id, dunningSteps.policyId))
    .where(eq(dunningSteps.orgId, orgId));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findDebtorRefs(db: Db, orgId: string, debtorIds: readonly string[]) {
  if (debtorIds.length === 0) return new Map<string, { id: string; number: string; name: string }>();
  const rows = await db
    .select({ id: debtors.id, number: debtors.number, name: debtors.name })
    .from(debtors)
    .where(and(eq(debtors.orgId, orgId), inArray(debtors.id, [...debtorIds])));
  return new Map(rows.map((r) => [r.id, r]));
}

export type RunActionRow = {
  id: string;
  debtor_id: string;
  debtor_number: string;
  debtor_name: string;
  step_id: string;
  channel: StepMeta['channel'];
  status: 'planned' | 'done' | 'cancelled';
  open_cents: number;
  note: string | null;
  document_id: string | null;
  outbox_status: 'queued' | 'sent' | 'failed' | 'to_print' | 'printed' | null;
  invoices: string[] | string | null;
};

/** A run's actions with debtor, invoices and what they produced: largest amount first (as the preview). */
export async function findRunActionRows(
  db: Db,
  params: { orgId: string; runId: string; limit: number },
): Promise<{ rows: RunActionRow[]; total: number }> {
  const result = (await db.execute(sql`select a.id, a.debtor_id, d.number as debtor_number,
      d.name as debtor_name, a.step_id, a.channel::text as channel, a.status::text as status, a.open_cents,
      a.note, m.document_id, m.status::text as outbox_status,
      (select array_agg(i.number order by i.due_date, i.number) from dunning_action_invoices dai
        join invoices i on i.id = dai.invoice_id where dai.action_id = a.id) as invoices
    from dunning_actions a
    join debtors d on d.id = a.debtor_id
    join dunning_steps s on s.id = a.step_id
    join dunning_policies p on p.id = s.policy_id
    left join outbox_messages m on m.id = a.outbox_message_id
    where a.org_id = ${params.orgId} and a.run_id = ${params.runId}
    order by a.open_cents desc, d.number, s.position
    limit ${params.limit}`)) as unknown as { rows: RunActionRow[] };
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dunningActions)
    .where(and(eq(dunningActions.orgId, params.orgId), eq(dunningActions.runId, params.runId)));
  return {
    rows: result.rows.map((r) => ({ ...r, open_cents: Number(r.open_cents) })),
    total: count?.n ?? 0,
  };
}

/** A run's actions that are not cancelled, per step: messages, invoices and the amount. */
export async function countRunSteps(db: Db, params: { orgId: string; runId: string }) {
  return db
    .select({
      stepId: dunningActions.stepId,
      actions: sql<number>`count(distinct ${dunningActions.id})::int`,
      invoices: sql<number>`count(${dunningActionInvoices.invoiceId})::int`,
      openCents: sql<number>`coalesce(sum(${dunningActionInvoices.openCents}), 0)::bigint`,
    })
    .from(dunningActions)
    .leftJoin(dunningActionInvoices, eq(dunningActionInvoices.actionId, dunningActions.id))
    .where(
      and(
        eq(dunningActions.orgId, params.orgId),
        eq(dunningActions.runId, params.runId),
        sql`${dunningActions.status} <> 'cancelled'`,
      ),
    )
    .groupBy(dunningActions.stepId);
}

/** The planned action of a debtor at a step on a date, with its invoices (for its letter preview). */
export async function findPlannedAction(
  db: Db,
  params: { orgId: string; debtorId: string; stepId: string; date: CalendarDate },
) {
  const [action] = await db
    .select()
    .from(dunningActions)
    .where(
      and(
        eq(dunningActions.orgId, params.orgId),
        eq(dunningActions.debtorId, params.debtorId),
        eq(dunningActions.stepId, params.stepId),
        eq(dunningActions.runDate, params.date),
        eq(dunningActions.status, 'planned'),
      ),
    );
  if (!action) return undefined;
  const items = await db
    .select({ invoiceId: dunningActionInvoices.invoiceId })
    .from(dunningActionInvoices)
    .where(eq(dunningActionInvoices.actionId, action.id));
  return { action, invoiceIds: items.map((i) => i.invoiceId) };
}

export async function findInvoiceIdsByNumber(
  db: Db,
  params: { orgId: string; debtorId: string; numbers: readonly string[] },
): Promise<string[]> {
  if (params.numbers.length === 0) return [];
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.orgId, params.orgId),
        eq(invoices.debtorId, params.debtorId),
        eq(invoices.kind, 'invoice'),
        inArray(invoices.number, [...params.numbers]),
      ),
    );
  return rows.map((r) => r.id);
}

export async function findStepWithPolicy(db: Db, params: { orgId: string; stepId: string }) {
  const [row] = await db
    .select({ step: dunningSteps, policy: dunningPolicies })
    .from(dunningSteps)
    .innerJoin(dunningPolicies, eq(dunningPolicies.id, dunningSteps.policyId))
    .where(and(eq(dunningSteps.orgId, params.orgId), eq(dunningSteps.id, params.stepId)));
  return row;
}

export async function findDebtor(db: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await db
    .select()
    .from(debtors)
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.id, params.debtorId)));
  return row;
}

/**
 * The policy a debtor follows, as the daily decision picks it: the active policy for its kind and
 * segment with the lowest priority (one for its own segment first). Null when none applies.
 */
export async function findDebtorPolicyId(
  db: Db,
  params: { orgId: string; debtorKind: string; segment: string | null },
): Promise<string | null> {
  const [row] = await db
    .select({ id: dunningPolicies.id })
    .from(dunningPolicies)
    .where(
      and(
        eq(dunningPolicies.orgId, params.orgId),
        eq(dunningPolicies.isActive, true),
        sql`${dunningPolicies.debtorKind} = ${params.debtorKind}`,
        params.segment === null
          ? sql`${dunningPolicies.segment} is null`
          : sql`(${dunningPolicies.segment} is null or ${dunningPolicies.segment} = ${params.segment})`,
      ),
    )
    .orderBy(sql`${dunningPolicies.segment} is null`, asc(dunningPolicies.priority), asc(dunningPolicies.id))
    .limit(1);
  return row?.id ?? null;
}

/**
 * What `loadActionContext` reads for a stored action, for an action that is not stored (a preview,
 * a claim statement): the debtor, its contacts, the invoices, the letters already sent about them
 * up to `date`, and recent promises. Nothing is locked or written.
 */
export async function loadLetterContext(
  db: Db,
  params: {
    orgId: string;
    debtorId: string;
    stepId: string;
    invoiceIds: readonly string[];
    date: CalendarDate;
    /** The stored action when there is one; else a stand-in that is never saved. */
    action: typeof dunningActions.$inferSelect | null;
  },
): Promise<ActionContext | undefined> {
  const [row] = await db
    .select({ step: dunningSteps, policy: dunningPolicies, debtor: debtors, org: organisations })
    .from(dunningSteps)
    .innerJoin(dunningPolicies, eq(dunningPolicies.id, dunningSteps.policyId))
    .innerJoin(organisations, eq(organisations.id, dunningSteps.orgId))
    .innerJoin(debtors, and(eq(debtors.orgId, dunningSteps.orgId), eq(debtors.id, params.debtorId)))
    .where(and(eq(dunningSteps.orgId, params.orgId), eq(dunningSteps.id, params.stepId)));
  if (!row) return undefined;
  const items =
    params.invoiceIds.length === 0
      ? []
      : await db
          .select()
          .from(invoices)
          .where(
            and(
              eq(invoices.orgId, params.orgId),
              eq(invoices.debtorId, params.debtorId),
              inArray(invoices.id, [...params.invoiceIds]),
            ),
          )
          .orderBy(asc(invoices.dueDate), asc(invoices.number));
  const people = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, params.orgId), eq(contacts.debtorId, params.debtorId)))
    .orderBy(desc(contacts.isCollectionsContact), asc(contacts.createdAt));
  const invoiceIds = items.map((i) => i.id);
  const earlier = invoiceIds.length
    ? (
        (await db.execute(sql`select distinct s.letter_kind as kind, a.run_date::text as date, a.channel::text as channel
        from dunning_action_invoices dai
        join dunning_actions a on a.id = dai.action_id and a.status = 'done'
        join dunning_steps s on s.id = a.step_id
        where dai.org_id = ${params.orgId} and dai.invoice_id = any(${`{${invoiceIds.join(',')}}`}::uuid[])
          and s.letter_kind is not null and a.run_date <= ${params.date}::date
          and a.id <> ${params.action?.id ?? NO_ACTION}
        order by 2`)) as unknown as { rows: { kind: LetterKind; date: CalendarDate; channel: string }[] }
      ).rows
    : [];
  const agreements = await db
    .select()
    .from(promises)
    .where(and(eq(promises.orgId, params.orgId), eq(promises.debtorId, params.debtorId)))
    .orderBy(desc(promises.createdAt))
    .limit(3);
  const action = params.action ?? {
    id: NO_ACTION,
    orgId: params.orgId,
    runId: NO_ACTION,
    debtorId: params.debtorId,
    stepId: params.stepId,
    runDate: params.date,
    channel: row.step.channel,
    status: 'planned' as const,
    openCents: items.reduce((sum, i) => sum + i.openCents, 0),
    deadline: null,
    outboxMessageId: null,
    callTaskId: null,
    note: null,
    createdAt: new Date(0),
    doneAt: null,
  };
  return {
    ...row,
    action,
    invoices: items,
    contacts: people,
    previousLetters: earlier,
    promises: agreements,
  };
}

/** The id of an action that is not stored (the nil UUID). */
const NO_ACTION = '00000000-0000-0000-0000-000000000000';
