/**
 * Seeds 200k debtors / 1M invoices with the demo generator (seedDemoPortfolio) into PGlite (a
 * fresh temporary data directory) and PostgreSQL (a scratch database), then times the debtor-list
 * queries the API runs (src/modules/ledger/debtors.repo.ts: one page + a capped count) as ratios to
 * a plain `select … from debtors where org_id = … limit 50` in the same run, and shows each query's
 * plan so a missing index stands out. Each database runs in its own child process.
 *
 *   npx tsx bench/debtor-list.ts [--debtors 200000] [--invoices 1000000] [--targets pglite,postgres]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default)
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays } from '../src/core/calendar-date.js';
import { type Database, migrateDatabase } from '../src/db/client.js';
import { debtors } from '../src/db/schema/index.js';
import { seedDemoPortfolio } from '../src/modules/demo/demo.service.js';
import { countDebtorRows, type DebtorFilter, findDebtorRows } from '../src/modules/ledger/debtors.repo.js';
import { COUNT_CAP } from '../src/modules/ledger/debtors.service.js';
import { runBenchmark } from './child-run.js';
import { BENCH_TODAY } from './generate-invoices-csv.js';
import { BENCH_TARGETS, type BenchTarget, openScratchDatabase } from './scratch-database.js';

const ArgsSchema = z.object({
  debtors: z.coerce.number().int().min(1).default(200_000),
  invoices: z.coerce.number().int().min(0).default(1_000_000),
  targets: z
    .string()
    .default(BENCH_TARGETS.join(','))
    .transform((t) => t.split(',').map((x) => z.enum(BENCH_TARGETS).parse(x.trim()))),
  child: z.enum(BENCH_TARGETS).optional(),
  runs: z.coerce.number().int().min(3).default(15),
});

type Timing = { name: string; medianMs: number; ratio: number; rows: number; plan: string };
type Result = {
  target: BenchTarget;
  seedSeconds: number;
  seededRows: number;
  peakRssMb: number;
  baselineMs: number;
  timings: Timing[];
};

const today = BENCH_TODAY;

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 2; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** The plan's scan, sort and limit lines, to see which index (if any) a query uses. */
async function planOf(database: Database, sqlText: string, params: unknown[]): Promise<string> {
  const rows = await database.query<{ 'QUERY PLAN': string }>(`explain ${sqlText}`, params);
  return rows
    .map((r) => r['QUERY PLAN'])
    .filter((line) => /Scan|Sort|Limit|Join|Nested Loop|Aggregate/.test(line))
    .map((line) => line.replace(/\s+\(cost=.*$/, '').trim())
    .slice(0, 6)
    .join(' | ');
}

async function runChild(target: BenchTarget, args: z.infer<typeof ArgsSchema>): Promise<Result> {
  const { database, cleanup } = await openScratchDatabase(target);
  try {
    await migrateDatabase(database);
    const started = performance.now();
    let lastShown = 0;
    const seeded = await seedDemoPortfolio(database, {
      debtors: args.debtors,
      invoices: args.invoices,
      seed: 1,
      today,
      orgSlug: 'bench',
      password: 'bench-password',
      chunkSize: 1000,
      onProgress: ({ debtors }) => {
        if (debtors - lastShown < args.debtors / 10) return;
        lastShown = debtors;
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(
          `  [${target}] seeded ${debtors} debtors, ${seconds.toFixed(0)} s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB\n`,
        );
      },
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const c = seeded.counts;
    const seededRows =
      c.debtors +
      c.contacts +
      c.invoices +
      c.creditNotes +
      c.payments +
      c.allocations +
      c.disputes +
      c.timelineEvents;
    // A bulk load leaves the planner without statistics, and refreshDebtorBalances rewrote every
    // debtor row (200k dead tuples in front of the live ones) until autovacuum comes by: measure the
    // steady state.
    await database.exec('vacuum analyze');

    const orgId = seeded.organisation.id;
    const base: DebtorFilter = { orgId, today };
    const { db } = database;
    const page = (
      filter: Omit<DebtorFilter, 'orgId' | 'today'>,
      sort: 'overdue' | 'name' | 'oldest',
      offset = 0,
    ) =>
      Promise.all([
        findDebtorRows(db, { ...base, ...filter, sort, limit: 50, offset }),
        countDebtorRows(db, { ...base, ...filter, cap: COUNT_CAP }),
      ]).then(([rows]) => rows.length);
    const from = addDays(today, -60);
    const to = addDays(today, -31);
    const list =
      'select d.* from debtors d left join users u on u.id = d.assigned_collector_id where d.org_id = $1';
    const patterns: { name: string; run: () => Promise<number>; sql: string; params: unknown[] }[] = [
      {
        name: 'first page by overdue amount',
        run: () => page({}, 'overdue'),
        sql: `${list} order by d.overdue_cents desc, d.id limit 50`,
        params: [orgId],
      },
      {
        name: 'same, ordered "desc nulls last" like the index',
        run: () =>
          database
            .query(`${list} order by d.overdue_cents desc nulls last, d.id limit 50`, [orgId])
            .then((rows) => rows.length),
        sql: `${list} order by d.overdue_cents desc nulls last, d.id limit 50`,
        params: [orgId],
      },
      {
        name: 'aging 31-60 + segment MKB',
        run: () => page({ aging: '31-60', segment: 'MKB' }, 'overdue'),
        sql: `${list} and d.segment = 'MKB' and d.oldest_overdue_due_date is not null
              and d.oldest_overdue_due_date <= $3 and d.oldest_overdue_due_date >= $2
              order by d.overdue_cents desc, d.id limit 50`,
        params: [orgId, from, to],
      },
      {
        name: 'search name "bouw"',
        run: () => page({ search: 'bouw' }, 'overdue'),
        sql: `${list} and (lower(d.name) like '%bouw%' or d.number = 'bouw') order by d.overdue_cents desc, d.id limit 50`,
        params: [orgId],
      },
      {
        name: 'search name "jansen"',
        run: () => page({ search: 'jansen' }, 'overdue'),
        sql: `${list} and (lower(d.name) like '%jansen%' or d.number = 'jansen') order by d.overdue_cents desc, d.id limit 50`,
        params: [orgId],
      },
      {
        name: 'sort by name, first page',
        run: () => page({}, 'name'),
        sql: `${list} order by d.name, d.id limit 50`,
        params: [orgId],
      },
      {
        name: 'deep page (offset 10,000) by overdue',
        run: () => page({}, 'overdue', 10_000),
        sql: `${list} order by d.overdue_cents desc, d.id limit 50 offset 10000`,
        params: [orgId],
      },
      {
        name: 'deep page (offset 150,000) by overdue',
        run: () => page({}, 'overdue', 150_000),
        sql: `${list} order by d.overdue_cents desc, d.id limit 50 offset 150000`,
        params: [orgId],
      },
      {
        name: 'capped count alone (10,000)',
        run: () => countDebtorRows(db, { ...base, cap: COUNT_CAP }).then((c) => c.total),
        sql: 'select count(*) from (select 1 from debtors where org_id = $1 limit 10001) x',
        params: [orgId],
      },
    ];

    // Through the same driver path as the repo (Drizzle), so the ratio is about the SQL alone.
    const baselineMs = await median(args.runs, () =>
      db.select().from(debtors).where(eq(debtors.orgId, orgId)).limit(50),
    );
    const timings: Timing[] = [];
    for (const p of patterns) {
      let rows = 0;
      const ms = await median(args.runs, async () => {
        rows = await p.run();
      });
      timings.push({
        name: p.name,
        medianMs: ms,
        ratio: ms / baselineMs,
        rows,
        plan: await planOf(database, p.sql, p.params),
      });
    }
    return {
      target,
      seedSeconds,
      seededRows,
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
      baselineMs,
      timings,
    };
  } finally {
    await cleanup();
  }
}

function printResults(results: readonly Result[], args: z.infer<typeof ArgsSchema>) {
  console.log(
    `\nDebtor list at ${args.debtors} debtors / ${args.invoices} invoices (median of ${args.runs} runs)`,
  );
  for (const r of results) {
    console.log(
      `\n${r.target}: seeded ${r.seededRows} rows in ${r.seedSeconds.toFixed(0)} s (${Math.round(r.seededRows / r.seedSeconds)} rows/s), peak RSS ${r.peakRssMb} MB`,
    );
    console.log(`  baseline select … where org_id limit 50: ${r.baselineMs.toFixed(2)} ms = 1×`);
    for (const t of r.timings) {
      console.log(
        `  ${t.name.padEnd(40)} ${t.ratio.toFixed(1).padStart(7)}×  (${t.medianMs.toFixed(1)} ms, ${t.rows})`,
      );
      console.log(`      plan: ${t.plan}`);
    }
  }
}

runBenchmark<z.infer<typeof ArgsSchema>, Result>({
  scriptUrl: import.meta.url,
  options: ['debtors', 'invoices', 'runs'],
  parseArgs: (values) => ArgsSchema.parse(values),
  runChild,
  printResults,
});
