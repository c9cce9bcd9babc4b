import { eq, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import { renderLetterText } from '../../core/dunning/templates/index.js';
import { AppError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { dunningActions } from '../../db/schema/index.js';
import { appendTimelineEvent } from '../ledger/timeline.repo.js';
import { composeActionLetter, isStillOpen } from './action-letter.js';
import { buildClaimFileCsv } from './claim-file.js';
import {
  type ActionContext,
  findPlannedActionIds,
  finishAction,
  insertCallTask,
  insertDocument,
  insertOutboxMessage,
  loadActionContext,
  markInvoicesHandedOver,
} from './dunning-actions.repo.js';
import { releaseUnsentActions } from './dunning-decision.repo.js';
import { renderLetterPdf } from './letters/letter-pdf.js';

/**
 * Carries out planned dunning actions, each in its own transaction: the letter or email (with its
 * PDF), the call task or the handover, the action marked done and the timeline event, all at once.
 * A crash leaves the action planned, and the next run (or retry) does it: never twice, never lost.
 */

export type ActionOutcome = { actionId: string; status: 'done' | 'cancelled' | 'skipped'; note?: string };

export async function executeAction(
  db: Db,
  params: { actionId: string; today: CalendarDate; now: Date; actorLabel: string },
): Promise<ActionOutcome> {
  try {
    return await carryOutAction(db, params);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
    // A letter that cannot lawfully be written (no IBAN, no company number for a BE consumer
    // reminder…): nothing goes out, the invoices stay at their step for the next run, and the
    // reason is kept on the action for the run screen.
    const reason = [error.message, ...error.issues.map((i) => `${i.field}: ${i.message}`)].join('; ');
    const note = `not sent: ${reason}`;
    const [action] = await db.select().from(dunningActions).where(eq(dunningActions.id, params.actionId));
    if (action)
      await db.transaction((tx) =>
        releaseUnsentActions(tx as unknown as Db, { orgId: action.orgId, note }, sql`a.id = ${action.id}`),
      );
    return { actionId: params.actionId, status: 'cancelled', note };
  }
}

async function carryOutAction(
  db: Db,
  params: { actionId: string; today: CalendarDate; now: Date; actorLabel: string },
): Promise<ActionOutcome> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const ctx = await loadActionContext(tx, params.actionId);
    if (!ctx) return { actionId: params.actionId, status: 'skipped' };
    const open = ctx.invoices.filter(isStillOpen);
    if (open.length === 0) {
      const note =
        'nothing left to claim: the invoices were paid, credited or put on hold since the run decided';
      await finishAction(tx, ctx.action.id, { status: 'cancelled', note });
      return { actionId: ctx.action.id, status: 'cancelled', note };
    }
    const current: ActionContext = { ...ctx, invoices: open };
    const event = { orgId: current.org.id, debtorId: current.debtor.id, actorLabel: params.actorLabel };
    const total = formatMoney(
      open.reduce((s, i) => s + i.openCents, 0),
      'EUR',
      current.debtor.language,
    );
    const numbers = open.map((i) => i.number).join(', ');

    if (current.step.channel === 'call_task') {
      const contact = current.contacts[0];
      const taskId = await insertCallTask(tx, {
        orgId: current.org.id,
        debtorId: current.debtor.id,
        reason: 'dunning_step',
        dueDate: params.today,
        actionId: current.action.id,
        contactId: contact?.id ?? null,
        note: `${current.step.name}: ${numbers} (${total})`,
      });
      await finishAction(tx, current.action.id, { status: 'done', callTaskId: taskId });
      await appendTimelineEvent(tx, {
        ...event,
        kind: 'call_task_created',
        summary: `Call task: ${current.step.name} — ${numbers}, ${total}`,
        data: { actionId: current.action.id, callTaskId: taskId, invoices: open.map((i) => i.number) },
      });
      return { actionId: current.action.id, status: 'done' };
    }

    const { claim, input, content, envelope, fileName } = composeActionLetter(current, params.today);
    const pdf = await renderLetterPdf({ content, envelope, createdAt: params.now });
    const documentId = await insertDocument(tx, {
      orgId: current.org.id,
      debtorId: current.debtor.id,
      actionId: current.action.id,
      fileName,
      content: pdf,
    });
    const email = current.contacts.find((c) => c.email)?.email ?? current.debtor.email;
    const byEmail = current.step.channel !== 'letter' && Boolean(email);
    const outboxId = await insertOutboxMessage(tx, {
      orgId: current.org.id,
      debtorId: current.debtor.id,
      actionId: current.action.id,
      status: byEmail ? 'queued' : 'to_print',
      toAddress: byEmail ? (email ?? null) : null,
      subject: content.subject,
      bodyText: renderLetterText(content),
      documentId,
    });
    if (current.step.channel === 'handover') {
      // The agency's claim file beside the notice; the invoices leave dunning.
      await insertDocument(tx, {
        orgId: current.org.id,
        debtorId: current.debtor.id,
        actionId: current.action.id,
        fileName: fileName.replace(/\.pdf$/, '-claim-file.csv'),
        mediaType: 'text/csv; charset=utf-8',
        content: Buffer.from(buildClaimFileCsv(current, claim, params.today), 'utf8'),
      });
      await markInvoicesHandedOver(
        tx,
        current.org.id,
        open.map((i) => i.id),
      );
    }
    const note =
      current.step.channel === 'email' && !email ? 'no email address: printed as a letter instead' : null;
    await finishAction(tx, current.action.id, {
      status: 'done',
      deadline: input.deadline,
      outboxMessageId: outboxId,
      note,
    });
    await appendTimelineEvent(tx, {
      ...event,
      kind: current.step.channel === 'handover' ? 'handed_over' : byEmail ? 'email' : 'letter',
      summary: `${current.step.name} ${byEmail ? `emailed to ${email}` : 'ready to print and post'}: ${numbers}, ${
        input.claim ? formatMoney(input.claim.totalCents, 'EUR', current.debtor.language) : total
      }, pay by ${input.deadline}`,
      data: {
        actionId: current.action.id,
        outboxMessageId: outboxId,
        documentId,
        invoices: open.map((i) => i.number),
        deadline: input.deadline,
        ...(claim
          ? {
              claim: {
                principalCents: claim.principalCents,
                costsCents: claim.costs.costsCents,
                vatCents: claim.costs.vatCents,
                interestCents: claim.interestCents,
                balanceCents: claim.balanceCents,
              },
            }
          : {}),
      },
    });
    return { actionId: current.action.id, status: 'done', ...(note ? { note } : {}) };
  });
}

/** Does every planned action of a run; returns what happened to each. */
export async function executePlannedActions(
  db: Db,
  params: { runId: string; today: CalendarDate; now: Date; actorLabel: string; concurrency?: number },
): Promise<ActionOutcome[]> {
  // Several actions at once: one renders its PDF while others wait for the database. Each still
  // has its own transaction and row lock, so the outcome is the same as one after the other.
  const { concurrency = 1, ...rest } = params;
  const outcomes: ActionOutcome[] = [];
  const seen = new Set<string>();
  for (;;) {
    const ids = (await findPlannedActionIds(db, params.runId, 200)).filter((id) => !seen.has(id));
    if (ids.length === 0) return outcomes;
    for (const id of ids) seen.add(id);
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let actionId = queue.shift(); actionId; actionId = queue.shift())
          outcomes.push(await executeAction(db, { ...rest, actionId }));
      }),
    );
  }
}
