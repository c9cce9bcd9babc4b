/**
 * Bank matching at scale: N open invoices (OGM references, numbered 2026-000001 …) and M statement
 * entries — 60% paying by structured reference, 25% by invoice number in the text (with prefix),
 * 15% paying nothing of ours. Measured in the same run and database, against a plain SQL join of
 * the entries' references to invoice references (median of three after a warm-up), in two forms:
 * the join returning each reference with its invoice's id and open amount (the least a matching
 * reads), and the same join only counted (an index-only scan that reads no invoice):
 *   - the matching decisions (payment-matching.ts decideCreditMatches, in batches as the import
 *     makes them: keys extracted and looked up, candidates scored, allocations decided; nothing
 *     written, the transaction is rolled back, so they too are the median of three after a
 *     warm-up);
 *   - the full import through importBankStatements (entries, payments, dedup, matching,
 *     allocations, invoice updates, timeline, promises and plans, debtor balances);
 *   - peak memory of the process.
 * Each database runs in its own child process, so its peak memory is its own.
 *
 *   npx tsx bench/matching.ts [--invoices 1000000] [--entries 100000] [--targets pglite,postgres]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default)
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { fixedClock } from '../src/clock.js';
import type { CalendarDate } from '../src/core/calendar-date.js';
import { cents } from '../src/core/money.js';
import { type Database, type Db, migrateDatabase } from '../src/db/client.js';
import { type MatchContext, MatchWrites } from '../src/modules/allocations/allocation-writes.js';
import type { NewBankPayment } from '../src/modules/banking/bank-import.repo.js';
import {
  DEFAULT_BATCH_SIZE,
  importBankStatements,
  loadMatchContext,
} from '../src/modules/banking/bank-import.service.js';
import type { BankEntry, BankStatementEvent } from '../src/modules/banking/formats/bank-statement.js';
import { decideCreditMatches } from '../src/modules/banking/payment-matching.js';
import { bankEntry } from '../src/modules/banking/test-support.js';
import { runBenchmark } from './child-run.js';
import { BENCH_TARGETS, type BenchTarget, openScratchDatabase } from './scratch-database.js';

const ArgsSchema = z.object({
  invoices: z.coerce.number().int().min(1).default(1_000_000),
  entries: z.coerce.number().int().min(1).default(100_000),
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
  /** The join returning (reference, invoice id, open amount) for every entry. */
  plainJoinMs: number;
  /** The same join, counted: `select count(*)`. */
  countedJoinMs: number;
  decisionMs: number;
  decided: { matched: number; suggested: number; unmatched: number };
  importMs: number;
  report: { entries: number; duplicates: number; matched: number; suggested: number; unmatched: number };
  peakRssMb: number;
};

const TODAY = '2026-03-16' as CalendarDate;
const totalOf = (i: number) => 1000 + ((i * 7919) % 200000);
const ogmOf = (i: number) => `${String(i).padStart(10, '0')}${String(i % 97 || 97).padStart(2, '0')}`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function medianOf3(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push((await timed(work)).ms);
  return times.sort((a, b) => a - b)[1] ?? 0;
}

async function seed(database: Database, invoices: number): Promise<string> {
  const [org] = await database.query<{ id: string }>(
    `insert into organisations (slug, name, country, creditor_name) values ('bench', 'Bench', 'BE', 'Bench BV') returning id`,
  );
  const orgId = org?.id as string;
  await database.query(
    `insert into debtors (org_id, number, name, country, language)
     select $1, 'K' || d, 'Debiteur ' || d, 'BE', 'nl' from generate_series(1, $2::int) d`,
    [orgId, Math.ceil(invoices / 5)],
  );
  await database.query(
    `insert into invoices (org_id, debtor_id, number, issue_date, due_date, total_cents, open_cents, payment_reference)
     select $1, d.id, '2026-' || lpad(i::text, 7, '0'), '2026-01-01', '2026-02-01',
       1000 + (i::bigint * 7919) % 200000, 1000 + (i::bigint * 7919) % 200000,
       lpad(i::text, 10, '0') || lpad((case when i % 97 = 0 then 97 else i % 97 end)::text, 2, '0')
     from generate_series(1, $2::int) i
     join debtors d on d.org_id = $1 and d.number = 'K' || (1 + (i - 1) / 5)`,
    [orgId, invoices],
  );
  await database.exec('vacuum analyze');
  return orgId;
}

/** Entry j pays invoice invoiceOf(j): every entry a different invoice, so each allocation is real. */
const invoiceOf = (j: number, args: Args) =>
  1 + ((j * Math.max(1, Math.floor(args.invoices / args.entries))) % args.invoices);

function entryOf(j: number, args: Args): BankEntry {
  const i = invoiceOf(j, args);
  const place = `entry ${j + 1}`;
  const kind = j % 20;
  if (kind < 12) return bankEntry({ amountCents: totalOf(i), structuredReference: ogmOf(i), place });
  if (kind < 17) {
    return bankEntry({
      amountCents: totalOf(i),
      remittance: `factuur nr. 2026-${String(i).padStart(7, '0')}`,
      place,
    });
  }
  return bankEntry({
    amountCents: cents(1234 + j),
    remittance: `order ${j} dank`,
    counterpartyName: `Klant ${j}`,
    place,
  });
}

async function* statementEvents(args: Args): AsyncGenerator<BankStatementEvent> {
  yield {
    kind: 'statement',
    statement: {
      format: 'camt053',
      place: 'statement 1',
      statementId: 'BENCH',
      accountIban: 'BE68539007547034',
      accountNumber: null,
      currency: 'EUR',
      opening: null,
      closing: null,
    },
  };
  for (let j = 0; j < args.entries; j++) yield { kind: 'entry', entry: entryOf(j, args) };
  yield { kind: 'end', closing: null, entryCount: args.entries, balance: { kind: 'not_given' } };
}

/** The entries as the matching receives them after insertion (ids drawn here, nothing stored). */
function asNewPayment(entry: BankEntry, j: number): NewBankPayment {
  return {
    ...entry,
    statementId: randomUUID(),
    dedupKey: `bench-${j}`,
    counterpartyAccountNumber: null,
    additionalStructuredReferences: [],
    isPayment: true,
    paymentId: randomUUID(),
  };
}

class Rollback extends Error {}

/** The matching decisions for every entry, batch by batch, in one transaction that is rolled back. */
async function decideAll(db: Db, ctx: MatchContext, args: Args) {
  const decided = { matched: 0, suggested: 0, unmatched: 0 };
  let ms = 0;
  await db
    .transaction(async (tx) => {
      for (let from = 0; from < args.entries; from += DEFAULT_BATCH_SIZE) {
        const batch: NewBankPayment[] = [];
        for (let j = from; j < Math.min(args.entries, from + DEFAULT_BATCH_SIZE); j++) {
          batch.push(asNewPayment(entryOf(j, args), j));
        }
        const { ms: batchMs, value } = await timed(() =>
          decideCreditMatches(tx as unknown as Db, ctx, new MatchWrites(ctx), batch),
        );
        ms += batchMs;
        decided.matched += value.matched;
        decided.suggested += value.suggested;
        decided.unmatched += value.unmatched;
      }
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return { ms, decided };
}

async function runChild(target: BenchTarget, args: Args): Promise<Result> {
  const { database, cleanup } = await openScratchDatabase(target);
  try {
    await migrateDatabase(database);
    const seeded = await timed(() => seed(database, args.invoices));
    const orgId = seeded.value;
    process.stderr.write(`  [${target}] seeded in ${(seeded.ms / 1000).toFixed(0)} s\n`);

    const refs = JSON.stringify(Array.from({ length: args.entries }, (_, j) => ogmOf(invoiceOf(j, args))));
    const join = `from json_array_elements_text($2::json) r(key)
      join invoices i on i.org_id = $1 and i.payment_reference = r.key`;
    const plainJoinMs = await medianOf3(() =>
      database.query(`select r.key, i.id, i.open_cents ${join}`, [orgId, refs]),
    );
    const countedJoinMs = await medianOf3(() => database.query(`select count(*) ${join}`, [orgId, refs]));

    const deps = {
      database,
      db: database.db,
      clock: fixedClock(`${TODAY}T09:00:00Z`),
      config: { dataDir: '/nonexistent', host: '127.0.0.1', port: 0, logLevel: 'silent' as const },
    };
    const actor = { orgId, userId: null, label: 'bench' };
    const ctx = await loadMatchContext(deps, actor);
    await decideAll(database.db, ctx, args);
    const passes = [];
    for (let pass = 0; pass < 3; pass++) passes.push(await decideAll(database.db, ctx, args));
    const decision = passes.sort((a, b) => a.ms - b.ms)[1] as (typeof passes)[number];
    process.stderr.write(`  [${target}] decided in ${(decision.ms / 1000).toFixed(1)} s\n`);

    const imported = await timed(() =>
      importBankStatements(deps, actor, [
        { name: 'bench.xml', format: 'camt053', sha256: 'bench', events: statementEvents(args) },
      ]),
    );
    const { entries, duplicates, matched, suggested, unmatched } = imported.value;
    return {
      target,
      seedSeconds: seeded.ms / 1000,
      plainJoinMs,
      countedJoinMs,
      decisionMs: decision.ms,
      decided: decision.decided,
      importMs: imported.ms,
      report: { entries, duplicates, matched, suggested, unmatched },
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    };
  } finally {
    await cleanup();
  }
}

function printResults(results: readonly Result[], args: Args) {
  console.log(`\nBank matching: ${args.entries} statement entries against ${args.invoices} open invoices`);
  for (const r of results) {
    const d = r.decided;
    const i = r.report;
    const ratios = (ms: number) =>
      `${(ms / r.plainJoinMs).toFixed(1)}×  (${(ms / r.countedJoinMs).toFixed(1)}× the counted join; ${(ms / 1000).toFixed(2)} s`;
    console.log(
      [
        `\n${r.target}: seeded in ${r.seedSeconds.toFixed(0)} s`,
        `  baseline plain join of the entries' references to invoices, returning (reference, id, open amount): ${r.plainJoinMs.toFixed(0)} ms = 1×`,
        `  the same join counted (select count(*), index only): ${r.countedJoinMs.toFixed(0)} ms`,
        `  matching decisions (lookups, scoring, no writes): ${ratios(r.decisionMs)}; ${d.matched} matched, ${d.suggested} suggested, ${d.unmatched} unmatched)`,
        `  full import (with all writes and effects):        ${ratios(r.importMs)}; ${i.matched} matched, ${i.suggested} suggested, ${i.unmatched} unmatched, ${i.duplicates} duplicates)`,
        `  goal ≤ 5× for the matching; peak RSS ${r.peakRssMb} MB (goal < 1024 MB)`,
      ].join('\n'),
    );
  }
}

runBenchmark<Args, Result>({
  scriptUrl: import.meta.url,
  options: ['invoices', 'entries'],
  parseArgs: (values) => ArgsSchema.parse(values),
  runChild,
  printResults,
});
