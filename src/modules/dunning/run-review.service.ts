import type { CalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import { formatCents } from '../../core/money.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { loadOrganisation } from '../ledger/organisation.service.js';
import { composeActionLetter, isStillOpen } from './action-letter.js';
import type { RunAction, RunDetail, RunPreview, RunStepCount, RunSummary } from './dunning.schemas.js';
import { pgTextArray, previewDecision } from './dunning-decision.repo.js';
import { carryOutRun, runDunning } from './dunning-run.service.js';
import { findRun, setRunStatus } from './dunning-runs.repo.js';
import { renderLetterPdf } from './letters/letter-pdf.js';
import { ensureDefaultPolicies } from './policies.repo.js';
import {
  countRunSteps,
  findDebtor,
  findDebtorRefs,
  findInvoiceIdsByNumber,
  findPlannedAction,
  findRunActionRows,
  findRunSummaryRows,
  findStepMeta,
  findStepWithPolicy,
  loadLetterContext,
  type RunSummaryRow,
  type StepMeta,
} from './run-review.repo.js';

/**
 * The run screen's use-cases: what a run on a date would do (nothing stored), the run itself
 * (planned in review mode, carried out in automatic mode), its approval, and the letter a debtor
 * would get, as a PDF, before anything goes out.
 */

type ReviewDeps = Pick<AppDeps, 'db' | 'clock'>;

/** How many actions a preview or run lists; the counts always cover all of them. */
export const LISTED_ACTIONS = 500;

export async function previewRun(
  deps: ReviewDeps,
  actor: Actor,
  query: { date?: string | undefined },
): Promise<RunPreview> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const date = (query.date ?? today) as CalendarDate;
  await ensureDefaultPolicies(deps.db, org);
  const [preview, steps, [existing]] = await Promise.all([
    previewDecision(deps.db, { orgId: org.id, date, sampleSize: LISTED_ACTIONS }),
    findStepMeta(deps.db, org.id),
    findRunSummaryRows(deps.db, { orgId: org.id, date, limit: 1 }),
  ]);
  const debtors = await findDebtorRefs(deps.db, org.id, [...new Set(preview.sample.map((a) => a.debtorId))]);
  const counts = sortCounts(
    preview.counts.map((c) =>
      toStepCount(steps, c.stepId, { actions: c.actions, invoices: c.invoices, openCents: c.openCents }),
    ),
    steps,
  );
  return {
    date,
    today,
    mode: org.dunningMode,
    runTime: org.dunningRunTime,
    run: existing ? toRunSummary(existing) : null,
    counts,
    totalActions: counts.reduce((sum, c) => sum + c.actions, 0),
    actions: preview.sample.flatMap((a): RunAction[] => {
      const debtor = debtors.get(a.debtorId);
      const step = steps.get(a.stepId);
      if (!debtor || !step) return [];
      return [
        {
          id: null,
          debtor,
          stepId: a.stepId,
          stepName: step.name,
          channel: step.channel,
          letterKind: step.letterKind,
          invoices: a.invoiceNumbers,
          open: formatCents(a.openCents),
          status: 'preview',
          note: null,
          documentId: null,
          outboxStatus: null,
        },
      ];
    }),
  };
}

/**
 * Decides the run of a date (today or earlier, never later: letters carry their run's date). In
 * review mode the actions wait for approval; in automatic mode they are carried out at once.
 */
export async function createRun(
  deps: ReviewDeps,
  actor: Actor,
  request: { date?: string | undefined },
): Promise<RunDetail> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const date = (request.date ?? today) as CalendarDate;
  if (date > today) {
    throw new AppError('VALIDATION_FAILED', `date: ${date} is after today (${today})`, [
      { field: 'date', message: 'a run cannot be made for a later date: preview it instead' },
    ]);
  }
  await runDunning(deps, {
    org,
    date,
    dryRun: false,
    actorLabel: actor.label,
    decideOnly: org.dunningMode === 'review',
    listLimit: 0,
  });
  const run = await findRun(deps.db, org.id, date);
  if (!run) throw new Error('dunning run not stored');
  return getRun(deps, actor, run.id);
}

const INLINE_APPROVAL_LIMIT = 300;

/** Carries out the planned actions of a run (the review mode's "approve and send"). */
export async function approveRun(deps: ReviewDeps, actor: Actor, runId: string): Promise<RunDetail> {
  const summary = await getRunSummaryRow(deps, actor, runId);
  if (summary.planned === 0) {
    throw new AppError(
      'INVALID_STATE',
      summary.run.status === 'completed'
        ? 'this run was carried out already'
        : 'this run has no planned actions to approve',
    );
  }
  await setRunStatus(deps.db, runId, { status: 'running', approvedBy: actor.userId });
  const carryOut = carryOutRun(deps, {
    runId,
    date: summary.run.runDate as CalendarDate,
    actorLabel: actor.label,
    approvedBy: actor.userId,
  });
  // A few hundred letters are done while the user waits; a large run continues in the background
  // (status "running"), and the worker finishes it if this process stops.
  if (summary.planned <= INLINE_APPROVAL_LIMIT) await carryOut;
  else
    carryOut.catch((error: unknown) => {
      console.error(`dunning run ${runId}:`, error);
    });
  return getRun(deps, actor, runId);
}

export async function listRuns(deps: ReviewDeps, actor: Actor): Promise<RunSummary[]> {
  return (await findRunSummaryRows(deps.db, { orgId: actor.orgId, limit: 60 })).map(toRunSummary);
}

export async function getRun(deps: ReviewDeps, actor: Actor, runId: string): Promise<RunDetail> {
  const summary = await getRunSummaryRow(deps, actor, runId);
  const { org } = await loadOrganisation(deps, actor.orgId);
  const [steps, stepCounts, actions] = await Promise.all([
    findStepMeta(deps.db, actor.orgId),
    countRunSteps(deps.db, { orgId: actor.orgId, runId }),
    findRunActionRows(deps.db, { orgId: actor.orgId, runId, limit: LISTED_ACTIONS }),
  ]);
  const counts = sortCounts(
    stepCounts.map((c) =>
      toStepCount(steps, c.stepId, {
        actions: c.actions,
        invoices: c.invoices,
        openCents: Number(c.openCents),
      }),
    ),
    steps,
  );
  return {
    ...toRunSummary(summary),
    mode: org.dunningMode,
    counts,
    totalActions: actions.total,
    actions: actions.rows.map((r) => {
      const step = steps.get(r.step_id);
      return {
        id: r.id,
        debtor: { id: r.debtor_id, number: r.debtor_number, name: r.debtor_name },
        stepId: r.step_id,
        stepName: step?.name ?? '',
        channel: r.channel,
        letterKind: step?.letterKind ?? null,
        invoices: pgTextArray(r.invoices),
        open: formatCents(r.open_cents),
        status: r.status,
        note: r.note,
        documentId: r.document_id,
        outboxStatus: r.outbox_status,
      };
    }),
  };
}

async function getRunSummaryRow(deps: ReviewDeps, actor: Actor, runId: string): Promise<RunSummaryRow> {
  const [row] = await findRunSummaryRows(deps.db, { orgId: actor.orgId, runId, limit: 1 });
  if (!row) throw new AppError('NOT_FOUND', 'no such dunning run');
  return row;
}

/**
 * The letter (PDF) a debtor gets from a step on a date: of its planned action when the run has
 * decided, else of what a run would decide now. Nothing is stored.
 */
export async function previewLetter(
  deps: ReviewDeps,
  actor: Actor,
  query: { date?: string | undefined; debtorId: string; stepId: string },
): Promise<{ fileName: string; content: Uint8Array }> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const date = (query.date ?? today) as CalendarDate;
  const scope = { orgId: org.id, debtorId: query.debtorId, stepId: query.stepId };
  if (!(await findDebtor(deps.db, scope))) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  const found = await findStepWithPolicy(deps.db, scope);
  if (!found) throw new AppError('NOT_FOUND', 'no such dunning step');
  if (found.step.channel === 'call_task') {
    throw new AppError('INVALID_STATE', 'this step makes a call task, not a letter');
  }
  const planned = await findPlannedAction(deps.db, { ...scope, date });
  let invoiceIds = planned?.invoiceIds;
  if (!invoiceIds) {
    const { sample } = await previewDecision(deps.db, { orgId: org.id, date, sampleSize: LISTED_ACTIONS });
    const action = sample.find((a) => a.debtorId === query.debtorId && a.stepId === query.stepId);
    if (!action) throw new AppError('NOT_FOUND', `this debtor gets nothing from this step on ${date}`);
    invoiceIds = await findInvoiceIdsByNumber(deps.db, { ...scope, numbers: action.invoiceNumbers });
  }
  const ctx = await loadLetterContext(deps.db, {
    ...scope,
    invoiceIds,
    date,
    action: planned?.action ?? null,
  });
  if (!ctx) throw new AppError('NOT_FOUND', 'no such dunning step');
  const open = ctx.invoices.filter(isStillOpen);
  if (open.length === 0) throw new AppError('INVALID_STATE', 'nothing left to claim from this debtor');
  const letter = composeActionLetter({ ...ctx, invoices: open }, date);
  const content = await renderLetterPdf({
    content: letter.content,
    envelope: letter.envelope,
    createdAt: deps.clock.now(),
  });
  return { fileName: `preview-${letter.fileName}`, content };
}

function toRunSummary(row: RunSummaryRow): RunSummary {
  return {
    id: row.run.id,
    date: row.run.runDate,
    status: row.run.status,
    approvedBy:
      row.run.approvedBy && row.approverName ? { id: row.run.approvedBy, name: row.approverName } : null,
    createdAt: row.run.createdAt.toISOString(),
    finishedAt: row.run.finishedAt?.toISOString() ?? null,
    planned: row.planned,
    done: row.done,
    cancelled: row.cancelled,
  };
}

function toStepCount(
  steps: Map<string, StepMeta>,
  stepId: string,
  values: { actions: number; invoices: number; openCents: number },
): RunStepCount {
  const step = steps.get(stepId);
  return {
    stepId,
    stepName: step?.name ?? '',
    policyName: step?.policyName ?? '',
    channel: step?.channel ?? 'email',
    letterKind: step?.letterKind ?? null,
    actions: values.actions,
    invoices: values.invoices,
    open: formatCents(values.openCents),
  };
}

/** In the order a debtor meets them: by policy, then step. */
function sortCounts(counts: RunStepCount[], steps: Map<string, StepMeta>): RunStepCount[] {
  const key = (c: RunStepCount) => steps.get(c.stepId);
  return counts.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (
      (x?.priority ?? 0) - (y?.priority ?? 0) ||
      (x?.policyName ?? '').localeCompare(y?.policyName ?? '') ||
      (x?.position ?? 0) - (y?.position ?? 0)
    );
  });
}
