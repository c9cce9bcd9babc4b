import { and, eq, lte } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { CalendarDate } from '../../core/calendar-date.js';
import { computeCallGoals } from '../../core/calls/call-goals.js';
import { TIME_ZONES } from '../../core/calls/call-timing.js';
import { promiseBreaksOn } from '../../core/calls/promise-status.js';
import { validateAgreement } from '../../core/calls/promise-validation.js';
import { AppError } from '../../core/errors.js';
import { formatCents } from '../../core/money.js';
import {
  callLocks,
  callObjections,
  calls,
  callTasks,
  contacts,
  debtors,
  promiseInvoices,
  promises,
} from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { openDisputeInTransaction } from '../ledger/disputes.service.js';
import { findOverdueInvoiceIds } from '../ledger/invoices.repo.js';
import { loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { insertPlan } from '../plans/plans.repo.js';
import { toProposal } from './agreements.js';
import { lockDebtorRow } from './call-lock.service.js';
import { organisationCallSettings } from './call-settings.service.js';
import type { RecordCallRequest, RecordCallResponse } from './calls.schemas.js';
import { queueAgreementConfirmation } from './confirmation.service.js';
import { ownInvoiceIds, paymentReferences, promiseHistory } from './record-call.repo.js';
import { findUserLanguage } from './users.repo.js';

/**
 * Records a call in one transaction (R20, 004#12): the call itself (for the answer history and the
 * prep sheet), what it led to — a callback task at the gatekeeper's time, a promise, a plan,
 * disputes that pause dunning — the objections heard with the counters used, the due call tasks it
 * answers, the confirmation email of an agreement, and all of it on the timeline. An agreement
 * that fails the "no hopeless promises" checks (004#9) is saved only with `acknowledgeWarnings`.
 */
export async function recordCall(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  debtorId: string,
  request: RecordCallRequest,
): Promise<RecordCallResponse> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const settings = organisationCallSettings(org.callSettings);
  const now = deps.clock.now();
  const collector = actor.userId ? await findUserLanguage(deps.db, actor.userId) : undefined;
  const collectorName = collector?.name ?? actor.label;

  return deps.db.transaction(async (tx) => {
    await lockDebtorRow(tx, { orgId: org.id, debtorId });
    const [held] = await tx
      .select()
      .from(callLocks)
      .where(and(eq(callLocks.orgId, org.id), eq(callLocks.debtorId, debtorId)));
    if (held && held.expiresAt.getTime() > now.getTime() && held.holderId !== actor.userId) {
      throw new AppError('CONFLICT', 'a colleague is calling this debtor', [
        { field: 'lock', message: `held by ${held.holderId} until ${held.expiresAt.toISOString()}` },
      ]);
    }
    const [debtor] = await tx.select().from(debtors).where(eq(debtors.id, debtorId));
    if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
    const [contact] = request.contactId
      ? await tx
          .select()
          .from(contacts)
          .where(
            and(
              eq(contacts.orgId, org.id),
              eq(contacts.debtorId, debtorId),
              eq(contacts.id, request.contactId),
            ),
          )
      : [];
    if (request.contactId && !contact)
      throw new AppError('CONTACT_NOT_FOUND', 'no such contact of this debtor');

    const agreement = request.agreement;
    const planned = agreement
      ? toProposal(agreement, { today, overdueCents: debtor.overdueCents, calendar: org.country })
      : undefined;
    let warnings: { code: string }[] = [];
    if (planned) {
      const history = await promiseHistory(tx, { orgId: org.id, debtorId });
      const check = validateAgreement(
        planned.proposal,
        {
          today,
          calendar: org.country,
          kind: debtor.kind,
          balanceCents: debtor.overdueCents > 0 ? debtor.overdueCents : debtor.openCents,
          goals: computeCallGoals(
            {
              today,
              calendar: org.country,
              kind: debtor.kind,
              overdueCents: debtor.overdueCents,
              creditLimitCents: debtor.creditLimitCents,
            },
            settings.goals,
          ),
          history,
          contact: contact
            ? { name: contact.name, isCollectionsContact: contact.isCollectionsContact }
            : null,
        },
        settings.agreements,
      );
      if (check.errors.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          'the agreement cannot be saved',
          check.errors.map((e) => ({
            field: 'field' in e ? `agreement.${e.field}` : 'agreement',
            message: e.code,
          })),
        );
      }
      warnings = check.warnings;
      if (warnings.length > 0 && !request.acknowledgeWarnings) {
        return {
          saved: false,
          callId: null,
          warnings,
          promiseId: null,
          planId: null,
          callbackTaskId: null,
          disputeIds: [],
          confirmationMessageId: null,
          instalments: [],
        };
      }
    }

    const startedAt = request.startedAt ? new Date(request.startedAt) : now;
    const local = Temporal.Instant.fromEpochMilliseconds(startedAt.getTime()).toZonedDateTimeISO(
      TIME_ZONES[debtor.country],
    );
    const [call] = await tx
      .insert(calls)
      .values({
        orgId: org.id,
        debtorId,
        contactId: contact?.id ?? null,
        collectorId: actor.userId,
        startedAt,
        durationSeconds: request.durationSeconds,
        outcome: request.outcome,
        result: agreement?.result ?? null,
        nonPaymentCause: request.nonPaymentCause ?? null,
        nonPaymentCauseText: request.nonPaymentCauseText ?? null,
        notes: request.notes ?? null,
        localHour: local.hour,
        localWeekday: local.dayOfWeek,
        isAggressive: request.isAggressive,
        details: {
          ...(agreement ? { agreement } : {}),
          ...(request.gatekeeperName ? { gatekeeperName: request.gatekeeperName } : {}),
          ...(warnings.length > 0 ? { acknowledgedWarnings: warnings } : {}),
        },
      })
      .returning({ id: calls.id });
    if (!call) throw new Error('call not stored');
    const who = { actorUserId: actor.userId, actorLabel: actor.label };
    const timeline: Parameters<typeof appendTimeline>[1][number][] = [];

    // The tasks this call answers are done; an unanswered call leaves them for the next attempt.
    if (request.outcome === 'reached' || request.outcome === 'gatekeeper') {
      await tx
        .update(callTasks)
        .set({ status: 'done', doneAt: now })
        .where(
          and(
            eq(callTasks.orgId, org.id),
            eq(callTasks.debtorId, debtorId),
            eq(callTasks.status, 'open'),
            lte(callTasks.dueDate, today),
          ),
        );
    }

    let callbackTaskId: string | null = null;
    if (request.outcome === 'gatekeeper' && request.callbackAt) {
      const callbackAt = new Date(request.callbackAt);
      const dueDate = Temporal.Instant.fromEpochMilliseconds(callbackAt.getTime())
        .toZonedDateTimeISO(org.timeZone)
        .toPlainDate()
        .toString() as CalendarDate;
      const [task] = await tx
        .insert(callTasks)
        .values({
          orgId: org.id,
          debtorId,
          reason: 'callback',
          dueDate,
          callbackAt,
          callId: call.id,
          contactId: contact?.id ?? null,
          assignedTo: actor.userId,
          note: request.gatekeeperName ? `Callback agreed with ${request.gatekeeperName}` : 'Callback agreed',
        })
        .returning({ id: callTasks.id });
      callbackTaskId = task?.id ?? null;
      timeline.push({
        orgId: org.id,
        debtorId,
        kind: 'call_task_created',
        ...who,
        summary: `Callback ${request.callbackAt}${request.gatekeeperName ? ` agreed with ${request.gatekeeperName}` : ''}`,
        data: { callTaskId: callbackTaskId, callId: call.id, callbackAt: request.callbackAt },
      });
    }

    let promiseId: string | null = null;
    let planId: string | null = null;
    const disputeIds: string[] = [];
    const agreedInvoiceIds =
      agreement && 'invoiceIds' in agreement && agreement.invoiceIds
        ? await ownInvoiceIds(tx, { orgId: org.id, debtorId, ids: agreement.invoiceIds })
        : await findOverdueInvoiceIds(tx, { orgId: org.id, debtorId, date: today });

    if (planned?.proposal.kind === 'promise') {
      const { amountCents, promisedDate } = planned.proposal;
      const [row] = await tx
        .insert(promises)
        .values({
          orgId: org.id,
          debtorId,
          amountCents,
          promisedDate,
          breaksOn: promiseBreaksOn(promisedDate, org.country),
          contactId: contact?.id ?? null,
          method: agreement && 'method' in agreement ? agreement.method : null,
          note: request.notes ?? null,
          createdBy: actor.userId,
          // The follow-up counts payments from this day on: the clock's day, not the server's.
          createdAt: now,
        })
        .returning({ id: promises.id });
      promiseId = row?.id ?? null;
      if (promiseId && agreedInvoiceIds.length > 0) {
        await tx.insert(promiseInvoices).values(
          agreedInvoiceIds.map((invoiceId) => ({
            orgId: org.id,
            promiseId: promiseId as string,
            invoiceId,
          })),
        );
      }
      timeline.push({
        orgId: org.id,
        debtorId,
        kind: 'promise',
        ...who,
        summary: `Promise to pay ${formatCents(amountCents)} by ${promisedDate}`,
        data: { promiseId, callId: call.id, amountCents, promisedDate, warnings },
      });
    }
    if (planned?.proposal.kind === 'plan') {
      const totalCents = planned.instalments.reduce((sum, i) => sum + i.amountCents, 0);
      // A real plan with its instalments, so the daily plan monitoring follows it like any other.
      const plan = await insertPlan(
        tx,
        {
          orgId: org.id,
          debtorId,
          totalCents,
          contactId: contact?.id ?? null,
          origin: 'call',
          callId: call.id,
          acknowledgedWarnings: warnings,
          createdBy: actor.userId,
        },
        planned.instalments.map((i, index) => ({
          number: index + 1,
          dueDate: i.dueDate,
          amountCents: i.amountCents,
        })),
        agreedInvoiceIds,
      );
      planId = plan.id;
      timeline.push({
        orgId: org.id,
        debtorId,
        kind: 'promise',
        ...who,
        summary: `Payment plan of ${formatCents(totalCents)} in ${planned.instalments.length} instalments`,
        data: { planId, callId: call.id, instalments: planned.instalments, warnings },
      });
    }
    if (agreement?.result === 'dispute') {
      const owned = await ownInvoiceIds(tx, { orgId: org.id, debtorId, ids: agreement.invoiceIds });
      if (owned.length !== new Set(agreement.invoiceIds).size) {
        throw new AppError('INVOICE_NOT_FOUND', 'an invoice named in the dispute is not this debtor’s');
      }
      for (const invoiceId of owned) {
        const dispute = await openDisputeInTransaction(tx, {
          actor,
          invoiceId,
          request: { reason: agreement.reason },
          today,
          now,
        });
        disputeIds.push(dispute.id);
      }
    }

    if (request.objections.length > 0) {
      await tx.insert(callObjections).values(
        request.objections.map((o) => ({
          orgId: org.id,
          debtorId,
          callId: call.id,
          objection: o.code,
          counterId: o.counterId ?? null,
          promiseId,
        })),
      );
    }
    await tx.update(calls).set({ promiseId, planId }).where(eq(calls.id, call.id));

    let confirmationMessageId: string | null = null;
    if ((promiseId || planId) && planned) {
      const references = await paymentReferences(tx, { orgId: org.id, ids: agreedInvoiceIds });
      confirmationMessageId = await queueAgreementConfirmation(tx, {
        org,
        debtor,
        contact: contact ?? null,
        collectorName,
        agreement:
          planned.proposal.kind === 'promise'
            ? {
                kind: 'promise',
                amountCents: planned.proposal.amountCents,
                date: planned.proposal.promisedDate,
              }
            : { kind: 'plan', instalments: planned.instalments },
        references,
        callId: call.id,
        ...(promiseId ? { promiseId } : {}),
        ...(planId ? { planId } : {}),
        today,
        confirmWithinBusinessDays: settings.confirmationWithinBusinessDays,
        publicUrl: deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`,
        actor: { userId: actor.userId, label: actor.label },
      });
    }

    timeline.unshift({
      orgId: org.id,
      debtorId,
      kind: 'call',
      ...who,
      summary: callSummary(request, contact?.name ?? null),
      data: {
        callId: call.id,
        outcome: request.outcome,
        result: agreement?.result ?? null,
        durationSeconds: request.durationSeconds,
        nonPaymentCause: request.nonPaymentCause ?? null,
        objections: request.objections,
        ...(agreement?.result === 'claims_paid' ? { claimsPaid: agreement } : {}),
      },
    });
    await appendTimeline(tx, timeline);

    return {
      saved: true,
      callId: call.id,
      warnings,
      promiseId,
      planId,
      callbackTaskId,
      disputeIds,
      confirmationMessageId,
      instalments: planned?.instalments.map((i) => ({ ...i, amount: formatCents(i.amountCents) })) ?? [],
    };
  });
}

function callSummary(request: RecordCallRequest, contactName: string | null): string {
  const to = contactName ? ` with ${contactName}` : '';
  switch (request.outcome) {
    case 'no_answer':
      return 'Called: no answer';
    case 'voicemail':
      return 'Called: voicemail';
    case 'wrong_number':
      return 'Called: wrong number';
    case 'gatekeeper':
      return `Called: spoke to ${request.gatekeeperName ?? 'a colleague'}, callback agreed`;
    case 'reached':
      return `Call${to}: ${request.agreement?.result.replace('_', ' ') ?? 'reached'}`;
  }
}
