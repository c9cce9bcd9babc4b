/**
 * The telephone workbench at scale: seeds 200k debtors / 1M invoices with the demo generator (plus
 * call history and call tasks, set-based), then measures in the same run and database
 *   - building a day's call queue (getCallQueue: the SQL reasons, the debtors' signals, the core's
 *     scoring and ordering) as a ratio to a plain scan of the open items
 *     `select debtor_id, count(*), sum(open_cents) from invoices where open_cents <> 0 … group by debtor_id`;
 *   - GET /api/debtors/:id/prep-sheet latency under 50 concurrent clients on loopback (p50, p99).
 *
 *   npx tsx bench/workbench.ts [--debtors 200000] [--invoices 1000000] [--requests 2000] [--clients 50] [--targets postgres]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default)
 */
import { z } from 'zod';
import { buildApp } from '../src/app.js';
import { fixedClock } from '../src/clock.js';
import type { CalendarDate } from '../src/core/calendar-date.js';
import { migrateDatabase } from '../src/db/client.js';
import { getCallQueue } from '../src/modules/calls/queue.service.js';
import { seedDemoPortfolio } from '../src/modules/demo/demo.service.js';
import { testConfig } from '../src/test/http.js';
import { runBenchmark } from './child-run.js';
import { BENCH_TODAY } from './generate-invoices-csv.js';
import { BENCH_TARGETS, type BenchTarget, openScratchDatabase } from './scratch-database.js';

const ArgsSchema = z.object({
  debtors: z.coerce.number().int().min(1).default(200_000),
  invoices: z.coerce.number().int().min(0).default(1_000_000),
  requests: z.coerce.number().int().min(1).default(2_000),
  clients: z.coerce.number().int().min(1).default(50),
  targets: z
    .string()
    .default('postgres')
    .transform((t) => t.split(',').map((x) => z.enum(BENCH_TARGETS).parse(x.trim()))),
  child: z.enum(BENCH_TARGETS).optional(),
});
type Args = z.infer<typeof ArgsSchema>;

type Result = {
  target: BenchTarget;
  seedSeconds: number;
  scanMs: number;
  firstQueueMs: number;
  queueMs: number;
  queueItems: number;
  prepRequests: number;
  prepP50Ms: number;
  prepP99Ms: number;
  prepMaxMs: number;
  prepErrors: number;
};

const today = BENCH_TODAY as CalendarDate;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function medianOf3(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push((await timed(work)).ms);
  return times.sort((a, b) => a - b)[1] ?? 0;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function runChild(target: BenchTarget, args: Args): Promise<Result> {
  const { database, cleanup } = await openScratchDatabase(target);
  try {
    await migrateDatabase(database);
    const started = performance.now();
    const seeded = await seedDemoPortfolio(database, {
      debtors: args.debtors,
      invoices: args.invoices,
      seed: 1,
      today,
      orgSlug: 'bench',
      password: 'bench-password',
      chunkSize: 1000,
    });
    const org = seeded.organisation;
    // A working day's history: three earlier calls for every fifth debtor, a broken promise task
    // for one debtor in a hundred, and a hundred callbacks at 14:00 today.
    await database.query(
      `insert into calls (org_id, debtor_id, started_at, outcome, local_hour, local_weekday)
       select d.org_id, d.id, timestamptz '2026-05-01 08:00Z' + (n * 7 || ' days')::interval,
         (array['no_answer','voicemail','gatekeeper','reached'])[1 + (abs(hashtext(d.id::text || n)) % 4)]::call_outcome,
         9 + abs(hashtext(d.id::text || n)) % 8, 1 + abs(hashtext(n || d.id::text)) % 5
       from debtors d cross join generate_series(1, 3) n
       where d.org_id = $1 and abs(hashtext(d.id::text)) % 5 = 0`,
      [org.id],
    );
    await database.query(
      `insert into call_tasks (org_id, debtor_id, reason, due_date)
       select org_id, id, 'broken_promise', $2::date from debtors
       where org_id = $1 and abs(hashtext(id::text)) % 100 = 1`,
      [org.id, today],
    );
    await database.query(
      `insert into call_tasks (org_id, debtor_id, reason, due_date, callback_at)
       select org_id, id, 'callback', $2::date, ($2::date + time '14:00') at time zone 'Europe/Amsterdam'
       from debtors where org_id = $1 order by id limit 100`,
      [org.id, today],
    );
    const seedSeconds = (performance.now() - started) / 1000;
    await database.exec('vacuum analyze');

    const clock = fixedClock(`${today}T08:00:00Z`);
    const deps = { database, db: database.db, config: testConfig({ logLevel: 'silent' }), clock };
    const scan = () =>
      database.query(
        'select debtor_id, count(*), sum(open_cents) from invoices where org_id = $1 and open_cents <> 0 group by debtor_id',
        [org.id],
      );
    await scan();
    const scanMs = await medianOf3(scan);
    // The first queue of the day also brings every debtor's balances up to date.
    const first = await timed(() => getCallQueue(deps, { orgId: org.id }, { date: today, at: '10:00' }));
    let items = 0;
    const queueMs = await medianOf3(async () => {
      items = (await getCallQueue(deps, { orgId: org.id }, { date: today, at: '10:00' })).items.length;
    });
    process.stderr.write(`  [${target}] queue of ${items} debtors\n`);

    const app = await buildApp(deps, { webDistDir: '/nonexistent' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    const admin = seeded.users[0];
    if (!admin) throw new Error('no demo user');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: 'bench-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const ids = (
      await database.query<{ id: string }>(
        'select id from debtors where org_id = $1 and overdue_cents > 0 order by id limit 5000',
        [org.id],
      )
    ).map((r) => r.id);
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: args.clients }, async () => {
        for (let i = next++; i < args.requests; i = next++) {
          const id = ids[(i * 7919) % ids.length];
          const t0 = performance.now();
          const response = await fetch(`${base}/api/debtors/${id}/prep-sheet`, { headers: { cookie } });
          const body = await response.text();
          latencies.push(performance.now() - t0);
          if (response.status !== 200) {
            if (errors === 0)
              process.stderr.write(`  [${target}] first error: ${response.status} ${body.slice(0, 300)}\n`);
            errors++;
          }
        }
      }),
    );
    await app.close();
    latencies.sort((a, b) => a - b);
    return {
      target,
      seedSeconds,
      scanMs,
      firstQueueMs: first.ms,
      queueMs,
      queueItems: items,
      prepRequests: latencies.length,
      prepP50Ms: percentile(latencies, 50),
      prepP99Ms: percentile(latencies, 99),
      prepMaxMs: latencies.at(-1) ?? 0,
      prepErrors: errors,
    };
  } finally {
    await cleanup();
  }
}

function printResults(results: readonly Result[], args: Args) {
  console.log(`\nTelephone workbench at ${args.debtors} debtors / ${args.invoices} invoices, ${today} 10:00`);
  for (const r of results) {
    console.log(
      [
        `\n${r.target}: seeded in ${r.seedSeconds.toFixed(0)} s; the queue holds ${r.queueItems} debtors`,
        `  baseline scan of open items grouped by debtor: ${r.scanMs.toFixed(0)} ms = 1×`,
        `  day's queue (SQL reasons + signals + scoring): ${(r.queueMs / r.scanMs).toFixed(2)}×  (${r.queueMs.toFixed(0)} ms; goal ≤ 3×)`,
        `  first queue of the day (with the balance refresh): ${r.firstQueueMs.toFixed(0)} ms`,
        `  prep sheet, ${args.clients} clients, ${r.prepRequests} requests: p50 ${r.prepP50Ms.toFixed(1)} ms, p99 ${r.prepP99Ms.toFixed(1)} ms (goal ≤ 50), max ${r.prepMaxMs.toFixed(0)} ms, ${r.prepErrors} errors`,
      ].join('\n'),
    );
  }
}

runBenchmark<Args, Result>({
  scriptUrl: import.meta.url,
  options: ['debtors', 'invoices', 'requests', 'clients'],
  parseArgs: (values) => ArgsSchema.parse(values),
  runChild,
  printResults,
});
