/**
 * The evaluation after a call (R21, 003#5): the collector notes what went well and what to do
 * better; seniors read them in a review list and mark them reviewed with a comment. Both land on
 * the debtor's timeline in the same transaction, so a colleague taking over sees them too.
 */
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../core/errors.js';
import { callEvaluations, calls } from '../../db/schema/index.js';
import { type Actor, hasRole } from '../auth/access.js';
import { type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { lockDebtorRow } from './call-lock.service.js';
import { findEvaluation, findEvaluations } from './evaluation.repo.js';
import type { CallEvaluation, CallEvaluationListQuery, EvaluateCallRequest } from './evaluation.schemas.js';

const isSenior = (actor: Actor) => hasRole(actor.role, 'senior_collector');

/** "the call of 8 December 2026" as the timeline says it, on the organisation's calendar. */
const callDay = (startedAt: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(startedAt.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();

/** Writes or rewrites the evaluation of a call: by the collector who made it, or by a senior. */
export async function evaluateCall(
  deps: LedgerDeps,
  actor: Actor,
  callId: string,
  input: EvaluateCallRequest,
): Promise<CallEvaluation> {
  const { org } = await loadOrganisation(deps, actor.orgId);
  const now = deps.clock.now();
  const evaluationId = await deps.db.transaction(async (tx) => {
    const [call] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.orgId, org.id), eq(calls.id, callId)));
    if (!call) throw new AppError('NOT_FOUND', 'no such call');
    if (!isSenior(actor) && (actor.userId === null || call.collectorId !== actor.userId)) {
      throw new AppError('FORBIDDEN', 'only the collector who made the call, or a senior, evaluates it');
    }
    // One writer per dossier at a time, as for the call itself.
    await lockDebtorRow(tx, { orgId: org.id, debtorId: call.debtorId });
    const [existing] = await tx.select().from(callEvaluations).where(eq(callEvaluations.callId, call.id));
    if (existing?.reviewedAt) {
      throw new AppError('INVALID_STATE', 'this evaluation was reviewed; add to it in a note instead');
    }
    const values = { wentWell: input.wentWell, toImprove: input.toImprove, updatedAt: now };
    const [saved] = existing
      ? await tx.update(callEvaluations).set(values).where(eq(callEvaluations.id, existing.id)).returning()
      : await tx
          .insert(callEvaluations)
          .values({
            ...values,
            orgId: org.id,
            debtorId: call.debtorId,
            callId,
            authorId: actor.userId,
            createdAt: now,
          })
          .returning();
    if (!saved) throw new Error('the evaluation was not saved');
    const day = callDay(call.startedAt, org.timeZone);
    await appendTimeline(tx, [
      {
        orgId: org.id,
        debtorId: call.debtorId,
        kind: 'call_evaluation',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: existing ? `Evaluation of the call of ${day} updated` : `Call of ${day} evaluated`,
        data: { callId, evaluationId: saved.id, wentWell: saved.wentWell, toImprove: saved.toImprove },
      },
    ]);
    return saved.id;
  });
  return getEvaluation(deps, actor, { id: evaluationId });
}

/** A senior marks an evaluation reviewed, with an optional comment (reviewing again replaces it). */
export async function reviewEvaluation(
  deps: LedgerDeps,
  actor: Actor,
  evaluationId: string,
  input: { comment: string | null },
): Promise<CallEvaluation> {
  const { org } = await loadOrganisation(deps, actor.orgId);
  await deps.db.transaction(async (tx) => {
    const [evaluation] = await tx
      .select({
        id: callEvaluations.id,
        debtorId: callEvaluations.debtorId,
        callId: callEvaluations.callId,
        startedAt: calls.startedAt,
      })
      .from(callEvaluations)
      .innerJoin(calls, eq(calls.id, callEvaluations.callId))
      .where(and(eq(callEvaluations.orgId, org.id), eq(callEvaluations.id, evaluationId)));
    if (!evaluation) throw new AppError('NOT_FOUND', 'no such evaluation');
    await tx
      .update(callEvaluations)
      .set({ reviewedBy: actor.userId, reviewedAt: deps.clock.now(), reviewComment: input.comment })
      .where(eq(callEvaluations.id, evaluation.id));
    const day = callDay(evaluation.startedAt, org.timeZone);
    await appendTimeline(tx, [
      {
        orgId: org.id,
        debtorId: evaluation.debtorId,
        kind: 'call_evaluation',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Evaluation of the call of ${day} reviewed${input.comment ? `: ${input.comment}` : ''}`,
        data: { callId: evaluation.callId, evaluationId: evaluation.id, comment: input.comment },
      },
    ]);
  });
  return getEvaluation(deps, actor, { id: evaluationId });
}

export async function getEvaluation(
  deps: Pick<LedgerDeps, 'db'>,
  actor: Actor,
  key: { id: string } | { callId: string },
): Promise<CallEvaluation> {
  const evaluation = await findEvaluation(deps.db, { orgId: actor.orgId, ...key });
  if (!evaluation)
    throw new AppError('NOT_FOUND', 'id' in key ? 'no such evaluation' : 'this call has no evaluation');
  return evaluation;
}

export async function listEvaluations(deps: LedgerDeps, actor: Actor, query: CallEvaluationListQuery) {
  const { org } = await loadOrganisation(deps, actor.orgId);
  const { items, total } = await findEvaluations(deps.db, {
    orgId: org.id,
    timeZone: org.timeZone,
    ...query,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
