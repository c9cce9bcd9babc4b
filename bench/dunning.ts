/**
 * The daily dunning run at scale: seeds 200k debtors / 1M invoices with the demo generator into
 * PGlite (a temporary data directory) and PostgreSQL (a scratch database), then measures, in the
 * same run and database,
 *   - the decision phase (src/modules/dunning/dunning-decision.repo.ts: preview, and the recorded
 *     decision with its writes) as a ratio to a plain
 *     `select debtor_id, count(*), sum(open_cents) from invoices … group by debtor_id`;
 *   - carrying out actions (letter composed, PDF rendered, stored, outbox row, timeline) per second;
 *   - peak memory of the process.
 * Each database runs in its own child process, so its peak memory is its own.
 *
 *   npx tsx bench/dunning.ts [--debtors 200000] [--invoices 1000000] [--letters 300] [--targets pglite,postgres]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default)
 */
import { z } from 'zod';
import type { CalendarDate } from '../src/core/calendar-date.js';
import { type Db, migrateDatabase } from '../src/db/client.js';
import { seedDemoPortfolio } from '../src/modules/demo/demo.service.js';
import { executeAction } from '../src/modules/dunning/dunning-actions.service.js';
import { previewDecision, recordDecision } from '../src/modules/dunning/dunning-decision.repo.js';
import { openRun } from '../src/modules/dunning/dunning-runs.repo.js';
import { ensureDefaultPolicies } from '../src/modules/dunning/policies.repo.js';
import { runBenchmark } from './child-run.js';
import { BENCH_TODAY } from './generate-invoices-csv.js';
import { BENCH_TARGETS, type BenchTarget, openScratchDatabase } from './scratch-database.js';

const ArgsSchema = z.object({
  debtors: z.coerce.number().int().min(1).default(200_000),
  invoices: z.coerce.number().int().min(0).default(1_000_000),
  letters: z.coerce.number().int().min(0).default(300),
  targets: z
    .string()
    .default(BENCH_TARGETS.join(','))
    .transform((t) => t.split(',').map((x) => z.enum(BENCH_TARGETS).parse(x.trim()))),
  child: z.enum(BENCH_TARGETS).optional(),
});
type Args = z.infer<typeof ArgsSchema>;

type Result = {
  target: BenchTarget;
  seedSeconds: number;
  groupByMs: number;
  previewMs: number;
  decisionMs: number;
  plannedActions: number;
  plannedInvoices: number;
  letters: number;
  lettersSeconds: number;
  peakRssMb: number;
};

const today = BENCH_TODAY as CalendarDate;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Median of three after one warm-up: the plain scan the decision is compared with. */
async function medianOf3(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push((await timed(work)).ms);
  return times.sort((a, b) => a - b)[1] ?? 0;
}

async function runChild(target: BenchTarget, args: Args): Promise<Result> {
  const { database, cleanup } = await openScratchDatabase(target);
  try {
    await migrateDatabase(database);
    const started = performance.now();
    let shown = 0;
    const seeded = await seedDemoPortfolio(database, {
      debtors: args.debtors,
      invoices: args.invoices,
      seed: 1,
      today,
      orgSlug: 'bench',
      password: 'bench-password',
      chunkSize: 1000,
      onProgress: ({ debtors }) => {
        if (debtors - shown < args.debtors / 5) return;
        shown = debtors;
        process.stderr.write(
          `  [${target}] seeded ${debtors} debtors, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
      },
    });
    const seedSeconds = (performance.now() - started) / 1000;
    await database.exec('vacuum analyze');
    const org = seeded.organisation;
    const { db } = database;
    await ensureDefaultPolicies(db, { id: org.id, country: 'NL' });

    const groupByMs = await medianOf3(() =>
      database.query(
        'select debtor_id, count(*), sum(open_cents) from invoices where org_id = $1 group by debtor_id',
        [org.id],
      ),
    );
    const preview = await timed(() => previewDecision(db, { orgId: org.id, date: today, sampleSize: 50 }));
    const run = await openRun(db, org.id, today);
    const decision = await timed(() =>
      db.transaction((tx) =>
        recordDecision(tx as unknown as Db, { orgId: org.id, runId: run.id, date: today }),
      ),
    );
    const [planned] = await database.query<{ actions: number }>(
      `select count(*)::int as actions from dunning_actions where run_id = $1`,
      [run.id],
    );
    process.stderr.write(
      `  [${target}] decided ${planned?.actions ?? 0} actions, ${decision.value} invoices\n`,
    );

    // Carry out letter and email actions (not call tasks): compose, render, store, outbox, timeline.
    const ids = (
      await database.query<{ id: string }>(
        `select id from dunning_actions where run_id = $1 and channel in ('email', 'letter') order by id limit $2`,
        [run.id, args.letters],
      )
    ).map((r) => r.id);
    // As carryOutRun does: four at a time on PostgreSQL, one at a time on PGlite.
    const queue = [...ids];
    const now = new Date(`${today}T07:00:00Z`);
    const letters = await timed(() =>
      Promise.all(
        Array.from({ length: target === 'postgres' ? 4 : 1 }, async () => {
          for (let actionId = queue.shift(); actionId; actionId = queue.shift())
            await executeAction(db, { actionId, today, now, actorLabel: 'bench' });
        }),
      ),
    );
    return {
      target,
      seedSeconds,
      groupByMs,
      previewMs: preview.ms,
      decisionMs: decision.ms,
      plannedActions: planned?.actions ?? 0,
      plannedInvoices: decision.value,
      letters: ids.length,
      lettersSeconds: letters.ms / 1000,
      peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    };
  } finally {
    await cleanup();
  }
}

function printResults(results: readonly Result[], args: Args) {
  console.log(
    `\nDaily dunning run at ${args.debtors} debtors / ${args.invoices} invoices, run date ${today}`,
  );
  for (const r of results) {
    console.log(
      [
        `\n${r.target}: seeded in ${r.seedSeconds.toFixed(0)} s; decided ${r.plannedActions} actions over ${r.plannedInvoices} invoices`,
        `  baseline group by debtor over invoices: ${r.groupByMs.toFixed(0)} ms = 1×`,
        `  decision preview (read only):          ${(r.previewMs / r.groupByMs).toFixed(2)}×  (${r.previewMs.toFixed(0)} ms)`,
        `  decision recorded (with its writes):   ${(r.decisionMs / r.groupByMs).toFixed(2)}×  (${r.decisionMs.toFixed(0)} ms; goal ≤ 3×)`,
        `  letters carried out: ${r.letters} in ${r.lettersSeconds.toFixed(1)} s = ${(r.letters / r.lettersSeconds).toFixed(0)} letters/s (goal ≥ 50)`,
        `  peak RSS ${r.peakRssMb} MB (goal < 1024 MB)`,
      ].join('\n'),
    );
  }
}

runBenchmark<Args, Result>({
  scriptUrl: import.meta.url,
  options: ['debtors', 'invoices', 'letters'],
  parseArgs: (values) => ArgsSchema.parse(values),
  runChild,
  printResults,
});
