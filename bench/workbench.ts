/**
 * The telephone workbench at scale: seeds 200k debtors / 1M invoices with the demo generator (plus
 * call history and call tasks, set-based), then measures in the same run and database
 *   - building a day's call queue (getCallQueue: the SQL reasons, the debtors' signals, the core's
 *     scoring and ordering) as a ratio to a plain scan of the open items
 *     `select debtor_id, count(*), sum(open_cents) from invoices where open_cents <> 0 … group by debtor_id`;
 *   - GET /api/debtors/:id/prep-sheet latency on loopback (PostgreSQL only), the server in a process
 *     of its own and the load in another (bench/prep-load.ts), after `--warmup` requests:
 *     saturation (`--clients` back to back, `--requests` requests: throughput and latency flat out)
 *     and the goal's measure (`--clients` each one request per `--period` ms, jittered, open loop,
 *     for `--seconds`). `--profile DIR` writes the server's CPU profile (node --cpu-prof) there.
 *
 *   npx tsx bench/workbench.ts [--debtors 200000] [--invoices 1000000] [--requests 2000] [--clients 50]
 *     [--warmup 200] [--seconds 60] [--period 1000] [--profile DIR] [--targets postgres]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default)
 */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fixedClock } from '../src/clock.js';
import type { CalendarDate } from '../src/core/calendar-date.js';
import { migrateDatabase } from '../src/db/client.js';
import { getCallQueue } from '../src/modules/calls/queue.service.js';
import { seedDemoPortfolio } from '../src/modules/demo/demo.service.js';
import { testConfig } from '../src/test/http.js';
import { runBenchmark } from './child-run.js';
import { BENCH_TODAY } from './generate-invoices-csv.js';
import type { LatencyFigures, LoadPlan, LoadResult } from './prep-load.js';
import { BENCH_TARGETS, type BenchTarget, openScratchDatabase } from './scratch-database.js';

const ArgsSchema = z.object({
  debtors: z.coerce.number().int().min(1).default(200_000),
  invoices: z.coerce.number().int().min(0).default(1_000_000),
  requests: z.coerce.number().int().min(1).default(2_000),
  clients: z.coerce.number().int().min(1).default(50),
  warmup: z.coerce.number().int().min(0).default(200),
  seconds: z.coerce.number().min(1).default(60),
  period: z.coerce.number().min(1).default(1_000),
  profile: z.string().optional(),
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
  /** Measured on PostgreSQL only: the server runs in a process of its own on a real pool. */
  latency: (LoadResult & { sessions: number; debtors: number }) | null;
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

/**
 * Prep-sheet latency as a collector's browser sees it: the server (bench/prep-server.ts) and the
 * load generator (bench/prep-load.ts) each in a process of their own, the load spread over the
 * collectors' sessions and the debtors of the day's queue.
 */
async function measurePrepSheet(
  args: Args,
  fixture: {
    url: string;
    now: string;
    debtorIds: string[];
    users: readonly { email: string; role: string }[];
  },
): Promise<LoadResult & { sessions: number; debtors: number }> {
  const server = spawn(
    process.execPath,
    [
      ...(args.profile ? ['--cpu-prof', '--cpu-prof-dir', args.profile] : []),
      '--import',
      'tsx',
      benchFile('prep-server.ts'),
    ],
    {
      env: { ...process.env, BENCH_SERVER_DATABASE_URL: fixture.url, BENCH_SERVER_NOW: fixture.now },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /LISTENING (\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      server.once('exit', (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
    });
    const collectors = fixture.users.filter((u) => u.role === 'collector' || u.role === 'senior_collector');
    const cookies: string[] = [];
    for (const user of collectors) {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: 'bench-password' }),
      });
      if (login.status !== 200)
        throw new Error(`login of ${user.email}: ${login.status} ${await login.text()}`);
      cookies.push((login.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    }
    const plan: LoadPlan = {
      base,
      serverPid: server.pid ?? 0,
      cookies,
      debtorIds: fixture.debtorIds,
      clients: args.clients,
      warmup: args.warmup,
      requests: args.requests,
      seconds: args.seconds,
      periodMs: args.period,
    };
    const output = execFileSync(process.execPath, ['--import', 'tsx', benchFile('prep-load.ts')], {
      input: JSON.stringify(plan),
      stdio: ['pipe', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    const line = output.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`no result from the load generator:\n${output}`);
    const result = JSON.parse(line.slice('RESULT '.length)) as LoadResult;
    return { ...result, sessions: cookies.length, debtors: fixture.debtorIds.length };
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}

const benchFile = (name: string) => fileURLToPath(new URL(name, import.meta.url));

async function runChild(target: BenchTarget, args: Args): Promise<Result> {
  const { database, url, cleanup } = await openScratchDatabase(target);
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
    let queue = first.value;
    const queueMs = await medianOf3(async () => {
      queue = await getCallQueue(deps, { orgId: org.id }, { date: today, at: '10:00' });
    });
    const items = queue.items.length;
    process.stderr.write(`  [${target}] queue of ${items} debtors\n`);

    const queueDebtors = queue.items.map((item) => item.debtorId);
    const latency = url
      ? await measurePrepSheet(args, {
          url,
          now: clock.now().toISOString(),
          debtorIds: queueDebtors,
          users: seeded.users,
        })
      : null;
    return {
      target,
      seedSeconds,
      scanMs,
      firstQueueMs: first.ms,
      queueMs,
      queueItems: items,
      latency,
    };
  } finally {
    await cleanup();
  }
}

const figuresLine = (f: LatencyFigures) =>
  `${f.requests} requests in ${f.seconds.toFixed(1)} s (${f.perSecond.toFixed(0)} req/s): ` +
  `p50 ${f.p50Ms.toFixed(1)} ms, p90 ${f.p90Ms.toFixed(1)} ms, p99 ${f.p99Ms.toFixed(1)} ms, max ${f.maxMs.toFixed(0)} ms, ` +
  `${f.errors} errors; server CPU ${f.serverCpuMsPerRequest.toFixed(2)} ms/request`;

function printResults(results: readonly Result[], args: Args) {
  console.log(`\nTelephone workbench at ${args.debtors} debtors / ${args.invoices} invoices, ${today} 10:00`);
  for (const r of results) {
    const lines = [
      `\n${r.target}: seeded in ${r.seedSeconds.toFixed(0)} s; the queue holds ${r.queueItems} debtors`,
      `  baseline scan of open items grouped by debtor: ${r.scanMs.toFixed(0)} ms = 1×`,
      `  day's queue (SQL reasons + signals + scoring): ${(r.queueMs / r.scanMs).toFixed(2)}×  (${r.queueMs.toFixed(0)} ms; goal ≤ 3×)`,
      `  first queue of the day (with the balance refresh): ${r.firstQueueMs.toFixed(0)} ms`,
    ];
    const l = r.latency;
    if (!l)
      lines.push(
        '  prep sheet latency: measured on PostgreSQL only (the server runs in a process of its own)',
      );
    else {
      lines.push(
        `  prep sheet API (server and load generator in separate processes, ${l.sessions} collectors' sessions, ` +
          `random debtors of the ${l.debtors} in the queue, after ${args.warmup} warm-up requests):`,
        `    saturation, ${args.clients} clients back to back (no think time; not the goal's measure): ${figuresLine(l.saturation)}`,
        `    GOAL (p99 ≤ 50 ms): ${args.clients} clients each ~1 request per ${(args.period / 1000).toFixed(1)} s (±50% jitter, open loop, latency from the scheduled moment): ${figuresLine(l.paced)}` +
          ` → ${l.paced.p99Ms <= 50 ? 'met' : 'NOT met'}`,
      );
      if (l.firstError) lines.push(`    first error: ${l.firstError}`);
    }
    console.log(lines.join('\n'));
  }
}

runBenchmark<Args, Result>({
  scriptUrl: import.meta.url,
  options: ['debtors', 'invoices', 'requests', 'clients', 'warmup', 'seconds', 'period', 'profile'],
  parseArgs: (values) => ArgsSchema.parse(values),
  runChild,
  printResults,
});
