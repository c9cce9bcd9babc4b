import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { LetterKind } from '../../core/dunning/letter.js';
import type { Db } from '../../db/client.js';
import {
  callTasks,
  contacts,
  debtors,
  documents,
  dunningActionInvoices,
  dunningActions,
  dunningPolicies,
  dunningSteps,
  invoices,
  organisations,
  outboxMessages,
  promises,
} from '../../db/schema/index.js';

export type ActionContext = NonNullable<Awaited<ReturnType<typeof loadActionContext>>>;

/**
 * Everything one planned action needs to become a letter, an email or a task, read under a row
 * lock on the action: a second worker skips it (SKIP LOCKED) instead of doing it twice.
 */
export async function loadActionContext(tx: Db, actionId: string) {
  const locked = (await tx.execute(sql`select id from dunning_actions
    where id = ${actionId} and status = 'planned' for update skip locked`)) as unknown as { rows: unknown[] };
  if (locked.rows.length === 0) return undefined;
  const [row] = await tx
    .select({
      action: dunningActions,
      step: dunningSteps,
      policy: dunningPolicies,
      debtor: debtors,
      org: organisations,
    })
    .from(dunningActions)
    .innerJoin(dunningSteps, eq(dunningSteps.id, dunningActions.stepId))
    .innerJoin(dunningPolicies, eq(dunningPolicies.id, dunningSteps.policyId))
    .innerJoin(debtors, eq(debtors.id, dunningActions.debtorId))
    .innerJoin(organisations, eq(organisations.id, dunningActions.orgId))
    .where(eq(dunningActions.id, actionId));
  if (!row) return undefined;
  const items = await tx
    .select({ invoice: invoices })
    .from(dunningActionInvoices)
    .innerJoin(invoices, eq(invoices.id, dunningActionInvoices.invoiceId))
    .where(eq(dunningActionInvoices.actionId, actionId))
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
  const people = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, row.org.id), eq(contacts.debtorId, row.debtor.id)))
    .orderBy(desc(contacts.isCollectionsContact), asc(contacts.createdAt));
  const invoiceIds = items.map((i) => i.invoice.id);
  const earlier = invoiceIds.length
    ? (
        (await tx.execute(sql`select distinct s.letter_kind as kind, a.run_date::text as date, a.channel::text as channel
        from dunning_action_invoices dai
        join dunning_actions a on a.id = dai.action_id and a.status = 'done'
        join dunning_steps s on s.id = a.step_id
        where dai.org_id = ${row.org.id} and dai.invoice_id = any(${`{${invoiceIds.join(',')}}`}::uuid[])
          and s.letter_kind is not null and a.id <> ${actionId}
        order by 2`)) as unknown as { rows: { kind: LetterKind; date: CalendarDate; channel: string }[] }
      ).rows
    : [];
  const agreements = await tx
    .select()
    .from(promises)
    .where(and(eq(promises.orgId, row.org.id), eq(promises.debtorId, row.debtor.id)))
    .orderBy(desc(promises.createdAt))
    .limit(3);
  return {
    ...row,
    invoices: items.map((i) => i.invoice),
    contacts: people,
    previousLetters: earlier,
    promises: agreements,
  };
}

export async function finishAction(
  tx: Db,
  actionId: string,
  values: {
    status: 'done' | 'cancelled';
    deadline?: CalendarDate | null;
    outboxMessageId?: string | null;
    callTaskId?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await tx
    .update(dunningActions)
    .set({ ...values, doneAt: sql`now()` })
    .where(eq(dunningActions.id, actionId));
}

export async function insertDocument(
  tx: Db,
  values: {
    orgId: string;
    debtorId: string;
    actionId: string;
    fileName: string;
    mediaType?: string;
    content: Uint8Array;
  },
): Promise<string> {
  const [row] = await tx.insert(documents).values(values).returning({ id: documents.id });
  if (!row) throw new Error('document not stored');
  return row.id;
}

export async function insertOutboxMessage(
  tx: Db,
  values: typeof outboxMessages.$inferInsert,
): Promise<string> {
  const [row] = await tx.insert(outboxMessages).values(values).returning({ id: outboxMessages.id });
  if (!row) throw new Error('outbox message not stored');
  return row.id;
}

export async function insertCallTask(tx: Db, values: typeof callTasks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(callTasks).values(values).returning({ id: callTasks.id });
  if (!row) throw new Error('call task not stored');
  return row.id;
}

/** The planned actions of a run, in a stable order, a page at a time. */
export async function findPlannedActionIds(db: Db, runId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: dunningActions.id })
    .from(dunningActions)
    .where(and(eq(dunningActions.runId, runId), eq(dunningActions.status, 'planned')))
    .orderBy(asc(dunningActions.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function markInvoicesHandedOver(
  tx: Db,
  orgId: string,
  invoiceIds: readonly string[],
): Promise<void> {
  if (invoiceIds.length === 0) return;
  await tx.execute(sql`update invoices set status = 'handed_over', updated_at = now()
    where org_id = ${orgId} and id = any(${`{${invoiceIds.join(',')}}`}::uuid[])`);
}
