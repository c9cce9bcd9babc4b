/**
 * Bank matching at scale: N open invoices (OGM references, numbered 2026-000001 …) and M statement
 * entries — 60% paying by structured reference, 25% by invoice number in the text (with prefix),
 * 15% paying nothing of ours — imported through importBankStatements (insert, dedup, match,
 * allocate, timeline, balances). Printed: the import's time as a ratio to a plain SQL join of the
 * entries' references to invoice references in the same database, and peak memory.
 *
 *   npx tsx bench/matching.ts [--invoices 1000000] [--entries 100000] [--target pglite|postgres]
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { fixedClock } from '../src/clock.js';
import { cents } from '../src/core/money.js';
import { migrateDatabase } from '../src/db/client.js';
import { importBankStatements } from '../src/modules/banking/bank-import.service.js';
import type { BankStatementEvent } from '../src/modules/banking/formats/bank-statement.js';
import { bankEntry } from '../src/modules/banking/test-support.js';
import { BENCH_TARGETS, openScratchDatabase } from './scratch-database.js';

const Args = z.object({
  invoices: z.coerce.number().int().min(1).default(1_000_000),
  entries: z.coerce.number().int().min(1).default(100_000),
  target: z.enum(BENCH_TARGETS).default('pglite'),
});
const args = Args.parse(
  parseArgs({
    options: { invoices: { type: 'string' }, entries: { type: 'string' }, target: { type: 'string' } },
  }).values,
);

const totalOf = (i: number) => 1000 + ((i * 7919) % 200000);
const ogmOf = (i: number) => `${String(i).padStart(10, '0')}${String(i % 97 || 97).padStart(2, '0')}`;
let peakRss = 0;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const { database, cleanup } = await openScratchDatabase(args.target);
try {
  await migrateDatabase(database);
  const [org] = await database.query<{ id: string }>(
    `insert into organisations (slug, name, country, creditor_name) values ('bench', 'Bench', 'BE', 'Bench BV') returning id`,
  );
  const orgId = org?.id as string;
  const seedStarted = performance.now();
  const debtors = Math.ceil(args.invoices / 5);
  await database.query(
    `insert into debtors (org_id, number, name, country, language)
     select $1, 'K' || d, 'Debiteur ' || d, 'BE', 'nl' from generate_series(1, $2::int) d`,
    [orgId, debtors],
  );
  await database.query(
    `insert into invoices (org_id, debtor_id, number, issue_date, due_date, total_cents, open_cents, payment_reference)
     select $1, d.id, '2026-' || lpad(i::text, 7, '0'), '2026-01-01', '2026-02-01',
       1000 + (i::bigint * 7919) % 200000, 1000 + (i::bigint * 7919) % 200000,
       lpad(i::text, 10, '0') || lpad((case when i % 97 = 0 then 97 else i % 97 end)::text, 2, '0')
     from generate_series(1, $2::int) i
     join debtors d on d.org_id = $1 and d.number = 'K' || (1 + (i - 1) / 5)`,
    [orgId, args.invoices],
  );
  await database.exec('analyze');
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  // Every entry pays a different invoice, so each allocation is a real one.
  const step = Math.max(1, Math.floor(args.invoices / args.entries));
  const invoiceOf = (j: number) => 1 + ((j * step) % args.invoices);
  async function* events(): AsyncGenerator<BankStatementEvent> {
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
    for (let j = 0; j < args.entries; j++) {
      const i = invoiceOf(j);
      const kind = j % 20;
      const entry =
        kind < 12
          ? bankEntry({ amountCents: totalOf(i), structuredReference: ogmOf(i), place: `entry ${j + 1}` })
          : kind < 17
            ? bankEntry({
                amountCents: totalOf(i),
                remittance: `factuur nr. 2026-${String(i).padStart(7, '0')}`,
                place: `entry ${j + 1}`,
              })
            : bankEntry({
                amountCents: cents(1234 + j),
                remittance: `order ${j} dank`,
                counterpartyName: `Klant ${j}`,
                place: `entry ${j + 1}`,
              });
      yield { kind: 'entry', entry };
    }
    yield { kind: 'end', closing: null, entryCount: args.entries, balance: { kind: 'not_given' } };
  }

  const refs = JSON.stringify(Array.from({ length: args.entries }, (_, j) => ogmOf(invoiceOf(j))));
  const join = async () =>
    database.query(
      `select count(*) from json_array_elements_text($2::json) r(key)
       join invoices i on i.org_id = $1 and i.payment_reference = r.key`,
      [orgId, refs],
    );
  await join();
  const joinTimes: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    await join();
    joinTimes.push(performance.now() - t);
  }
  const joinMs = joinTimes.sort((a, b) => a - b)[1] ?? 0;

  const deps = {
    database,
    db: database.db,
    clock: fixedClock('2026-03-16T09:00:00Z'),
    config: { dataDir: '/nonexistent', host: '127.0.0.1', port: 0, logLevel: 'silent' as const },
  };
  const started = performance.now();
  const report = await importBankStatements(deps, { orgId, userId: null, label: 'bench' }, [
    { name: 'bench.xml', format: 'camt053', sha256: 'bench', events: events() },
  ]);
  const importMs = performance.now() - started;
  clearInterval(sample);
  console.log(
    JSON.stringify({
      target: args.target,
      invoices: args.invoices,
      entries: args.entries,
      seedSeconds: Math.round(seedSeconds),
      plainJoinMs: Math.round(joinMs),
      importMs: Math.round(importMs),
      ratio: Math.round((importMs / joinMs) * 10) / 10,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      report: { ...report, errors: report.errors.length },
    }),
  );
} finally {
  clearInterval(sample);
  await cleanup();
}
