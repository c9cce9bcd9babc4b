import { sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { StepChannel } from '../../core/dunning/enums.js';
import type { Country } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { executePlannedActions } from './dunning-actions.service.js';
import { pgTextArray, previewDecision, recordDecision } from './dunning-decision.repo.js';
import { openRun, setRunStatus } from './dunning-runs.repo.js';
import { ensureDefaultPolicies } from './policies.repo.js';

/**
 * The daily dunning run of one organisation: decide (set-based, one transaction), then carry out
 * each action. Re-running a date finishes what a killed run left planned and adds nothing else.
 */

export type RunAction = {
  debtor: string;
  debtorName: string;
  invoices: string[];
  step: string;
  stepName: string;
  channel: StepChannel;
  openCents: number;
  status: string;
};

export type RunReport = {
  date: CalendarDate;
  dryRun: boolean;
  counts: Record<string, number>;
  actions: RunAction[];
};

type RunDeps = { db: Db; clock: { now(): Date }; database?: { kind: 'pglite' | 'postgres' } };

/** PostgreSQL serves several connections; PGlite runs one transaction at a time. */
const actionConcurrency = (deps: RunDeps) => (deps.database?.kind === 'postgres' ? 4 : 1);

export async function runDunning(
  deps: RunDeps,
  params: {
    org: { id: string; country: Country };
    date: CalendarDate;
    dryRun: boolean;
    actorLabel: string;
    /** Only decide (the review mode): the actions wait for approval. */
    decideOnly?: boolean;
    listLimit?: number;
  },
): Promise<RunReport> {
  const { org, date } = params;
  await ensureDefaultPolicies(deps.db, org);
  if (params.dryRun) return previewRun(deps.db, { orgId: org.id, date, limit: params.listLimit ?? 10_000 });
  const run = await openRun(deps.db, org.id, date);
  await deps.db.transaction((tx) =>
    recordDecision(tx as unknown as Db, { orgId: org.id, runId: run.id, date }),
  );
  if (!params.decideOnly) await carryOutRun(deps, { runId: run.id, date, actorLabel: params.actorLabel });
  return reportRun(deps.db, { runId: run.id, date, limit: params.listLimit ?? 10_000 });
}

/** Carries out a run's planned actions (after approval, or straight away in automatic mode). */
export async function carryOutRun(
  deps: RunDeps,
  params: { runId: string; date: CalendarDate; actorLabel: string; approvedBy?: string | null },
): Promise<void> {
  await setRunStatus(deps.db, params.runId, { status: 'running', approvedBy: params.approvedBy ?? null });
  await executePlannedActions(deps.db, {
    concurrency: actionConcurrency(deps),
    runId: params.runId,
    today: params.date,
    now: deps.clock.now(),
    actorLabel: params.actorLabel,
  });
  const counts = await countByStep(deps.db, params.runId);
  await setRunStatus(deps.db, params.runId, { status: 'completed', counts });
}

const stepKey = sql`coalesce(s.letter_kind::text, s.channel::text)`;

async function countByStep(db: Db, runId: string): Promise<Record<string, number>> {
  const result = (await db.execute(sql`select ${stepKey} as step, count(*)::int as n
    from dunning_actions a join dunning_steps s on s.id = a.step_id
    where a.run_id = ${runId} and a.status <> 'cancelled' group by 1 order by 1`)) as unknown as {
    rows: { step: string; n: number }[];
  };
  return Object.fromEntries(result.rows.map((r) => [r.step, r.n]));
}

async function reportRun(
  db: Db,
  params: { runId: string; date: CalendarDate; limit: number },
): Promise<RunReport> {
  const result = (await db.execute(sql`select d.number as debtor, d.name as debtor_name, ${stepKey} as step,
      s.name as step_name, a.channel::text as channel, a.open_cents, a.status::text as status,
      (select array_agg(i.number order by i.due_date, i.number) from dunning_action_invoices dai
        join invoices i on i.id = dai.invoice_id where dai.action_id = a.id) as invoices
    from dunning_actions a join dunning_steps s on s.id = a.step_id join debtors d on d.id = a.debtor_id
    where a.run_id = ${params.runId}
    order by s.position, d.number limit ${params.limit}`)) as unknown as {
    rows: {
      debtor: string;
      debtor_name: string;
      step: string;
      step_name: string;
      channel: StepChannel;
      open_cents: number;
      status: string;
      invoices: string[] | string;
    }[];
  };
  return {
    date: params.date,
    dryRun: false,
    counts: await countByStep(db, params.runId),
    actions: result.rows.map((r) => ({
      debtor: r.debtor,
      debtorName: r.debtor_name,
      invoices: pgTextArray(r.invoices),
      step: r.step,
      stepName: r.step_name,
      channel: r.channel,
      openCents: Number(r.open_cents),
      status: r.status,
    })),
  };
}

async function previewRun(
  db: Db,
  params: { orgId: string; date: CalendarDate; limit: number },
): Promise<RunReport> {
  const preview = await previewDecision(db, {
    orgId: params.orgId,
    date: params.date,
    sampleSize: params.limit,
  });
  const steps = (await db.execute(sql`select s.id, ${stepKey} as step, s.name from dunning_steps s
    where s.org_id = ${params.orgId}`)) as unknown as { rows: { id: string; step: string; name: string }[] };
  const byId = new Map(steps.rows.map((s) => [s.id, s]));
  const counts: Record<string, number> = {};
  for (const c of preview.counts) {
    const key = byId.get(c.stepId)?.step ?? c.stepId;
    counts[key] = (counts[key] ?? 0) + c.actions;
  }
  const debtorIds = [...new Set(preview.sample.map((a) => a.debtorId))];
  const debtors = debtorIds.length
    ? (
        (await db.execute(
          sql`select id, number, name from debtors where id = any(${`{${debtorIds.join(',')}}`}::uuid[])`,
        )) as unknown as {
          rows: { id: string; number: string; name: string }[];
        }
      ).rows
    : [];
  const debtorById = new Map(debtors.map((d) => [d.id, d]));
  return {
    date: params.date,
    dryRun: true,
    counts,
    actions: preview.sample.map((a) => ({
      debtor: debtorById.get(a.debtorId)?.number ?? a.debtorId,
      debtorName: debtorById.get(a.debtorId)?.name ?? '',
      invoices: a.invoiceNumbers,
      step: byId.get(a.stepId)?.step ?? a.stepId,
      stepName: byId.get(a.stepId)?.name ?? '',
      channel: a.channel,
      openCents: a.openCents,
      status: 'preview',
    })),
  };
}
