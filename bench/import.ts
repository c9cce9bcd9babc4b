/**
 * Imports a generated invoice CSV (bench/generate-invoices-csv.ts) with Collectdesk's CSV importer
 * into PGlite (a fresh temporary data directory) and into PostgreSQL (a scratch database), and
 * compares it with a plain COPY of the same file into a staging table of the same database in the
 * same run. Timings on a shared machine are noisy, so the figure that matters is the ratio.
 * Each database runs in its own child process, so its peak memory is its own.
 *
 *   npx tsx bench/import.ts [--invoices 1000000] [--file bench/out/invoices-1000000.csv]
 *                           [--targets pglite,postgres] [--cpu-prof]
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (default)
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import { fixedClock } from '../src/clock.js';
import { type Database, migrateDatabase } from '../src/db/client.js';
import { organisations } from '../src/db/schema/index.js';
import { importInvoiceFiles } from '../src/modules/imports/imports.service.js';
import { BENCH_TODAY, CSV_HEADERS, defaultCsvPath, writeInvoicesCsv } from './generate-invoices-csv.js';
import { BENCH_TARGETS, type BenchTarget, openScratchDatabase } from './scratch-database.js';

const ArgsSchema = z.object({
  invoices: z.coerce.number().int().min(1).default(1_000_000),
  file: z.string().optional(),
  targets: z
    .string()
    .default(BENCH_TARGETS.join(','))
    .transform((t) => t.split(',').map((x) => z.enum(BENCH_TARGETS).parse(x.trim()))),
  child: z.enum(BENCH_TARGETS).optional(),
  cpuProf: z.boolean().default(false),
});

type Result = {
  target: BenchTarget;
  rows: number;
  importSeconds: number;
  copySeconds: number;
  floorSeconds: number;
  floorRows: number;
  report: { imported: number; updated: number; unchanged: number; rejected: number; firstErrors: unknown[] };
  storedInvoices: number;
  copiedRows: number;
  peakRssImportMb: number;
  peakRssMb: number;
  migrateSeconds: number;
};

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Peak resident memory: the kernel's high-water mark plus a sampler for the phase figures. */
function startRssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024),
    stop: () => clearInterval(timer),
  };
}

/** COPY of the same file into an unindexed text table: the fastest the database can take it in. */
async function copyIntoStaging(database: Database, file: string): Promise<number> {
  const columns = CSV_HEADERS.map((h) => `"${h}" text`).join(', ');
  await database.exec(`create unlogged table bench_staging (${columns})`);
  const copy = `copy bench_staging from %SOURCE% with (format csv, delimiter ';', header true, encoding 'UTF8')`;
  if (database.kind === 'pglite' && database.pglite) {
    const blob = new Blob([await readFile(file)]);
    await database.pglite.query(copy.replace('%SOURCE%', `'/dev/blob'`), [], { blob });
  } else if (database.pool) {
    const client = await database.pool.connect();
    try {
      await pipeline(createReadStream(file), client.query(copyFrom(copy.replace('%SOURCE%', 'stdin'))));
    } finally {
      client.release();
    }
  }
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from bench_staging');
  return row?.n ?? 0;
}

/**
 * The least any importer has to do after the COPY: one INSERT … SELECT of the staged rows, converted
 * in SQL, into a table with the invoices table's columns, indexes and checks (no foreign keys, no
 * timeline, no balances). It shows how much of the gap to COPY is the ledger's index maintenance.
 */
async function insertStagedIntoLedgerShape(database: Database, orgId: string): Promise<number> {
  await database.exec('create table bench_floor (like invoices including all)');
  const amount = (column: string) =>
    `(replace(replace("${column}", '.', ''), ',', '.')::numeric * 100)::bigint`;
  const [row] = await database.query<{ n: number }>(
    `with written as (
      insert into bench_floor (org_id, debtor_id, kind, number, issue_date, due_date, payment_term_days, currency,
        total_cents, vat_cents, open_cents, payment_reference, order_description, status, source)
      select $1, d.id, case when s."Soort" = 'Creditnota' then 'credit_note' else 'invoice' end::document_kind,
        s."Factuurnummer", to_date(s."Factuurdatum", 'DD-MM-YYYY'), to_date(s."Vervaldatum", 'DD-MM-YYYY'),
        to_date(s."Vervaldatum", 'DD-MM-YYYY') - to_date(s."Factuurdatum", 'DD-MM-YYYY'), s."Valuta",
        ${amount('Bedrag')}, ${amount('Btw')}, ${amount('Openstaand')}, s."Betalingskenmerk", s."Omschrijving",
        case when ${amount('Openstaand')} = 0 then 'paid' else 'open' end::invoice_status, 'bench'
      from bench_staging s join debtors d on d.org_id = $1 and d.number = s."Klantnummer"
      returning 1
    ) select count(*)::int as n from written`,
    [orgId],
  );
  return row?.n ?? 0;
}

async function runChild(target: BenchTarget, file: string): Promise<Result> {
  const { database, cleanup } = await openScratchDatabase(target);
  try {
    let started = performance.now();
    await migrateDatabase(database);
    const migrateSeconds = (performance.now() - started) / 1000;
    const [org] = await database.db
      .insert(organisations)
      .values({ slug: 'bench', name: 'Bench B.V.', country: 'NL', creditorName: 'Bench B.V.' })
      .returning();
    if (!org) throw new Error('no organisation');

    const sampler = startRssSampler();
    let lastShown = 0;
    started = performance.now();
    const report = await importInvoiceFiles(
      { db: database.db, clock: fixedClock(`${BENCH_TODAY}T10:00:00Z`) },
      {
        orgId: org.id,
        actor: { userId: null, label: 'bench' },
        files: [{ name: 'invoices.csv', path: file }],
        onProgress: (p) => {
          const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : 0;
          if (share - lastShown < 0.1) return;
          lastShown = share;
          const seconds = (performance.now() - started) / 1000;
          process.stderr.write(
            `  [${target}] ${Math.round(share * 100)} % ${p.rows} rows ${seconds.toFixed(0)} s rss ${mb(process.memoryUsage().rss)} MB\n`,
          );
        },
      },
    );
    const importSeconds = (performance.now() - started) / 1000;
    const peakRssImportMb = mb(sampler.peak());
    const [stored] = await database.query<{ n: number }>(
      'select count(*)::int as n from invoices where org_id = $1',
      [org.id],
    );

    started = performance.now();
    const copiedRows = await copyIntoStaging(database, file);
    const copySeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const floorRows = await insertStagedIntoLedgerShape(database, org.id);
    const floorSeconds = (performance.now() - started) / 1000;
    sampler.stop();
    return {
      target,
      rows: copiedRows,
      importSeconds,
      copySeconds,
      floorSeconds,
      floorRows,
      report: {
        imported: report.imported,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        firstErrors: report.errors.slice(0, 3),
      },
      storedInvoices: stored?.n ?? 0,
      copiedRows,
      peakRssImportMb,
      peakRssMb: mb(sampler.peak()),
      migrateSeconds,
    };
  } finally {
    await cleanup();
  }
}

function printResults(results: readonly Result[]) {
  console.log('\nImport of the same CSV: Collectdesk importer vs plain COPY into a staging table');
  for (const r of results) {
    const importRate = r.rows / r.importSeconds;
    const copyRate = r.rows / r.copySeconds;
    console.log(
      [
        `${r.target.padEnd(8)} rows ${r.rows}  stored ${r.storedInvoices}  rejected ${r.report.rejected}`,
        `  importer ${r.importSeconds.toFixed(1)} s = ${Math.round(importRate)} rows/s`,
        `  COPY     ${r.copySeconds.toFixed(1)} s = ${Math.round(copyRate)} rows/s`,
        `  ratio importer/COPY = ${(importRate / copyRate).toFixed(3)}× (goal on PostgreSQL: ≥ 0.3×)`,
        `  floor: COPY + INSERT … SELECT into the invoices table's shape (${r.floorRows} rows) ${(r.copySeconds + r.floorSeconds).toFixed(1)} s = ${(r.copySeconds / (r.copySeconds + r.floorSeconds)).toFixed(3)}× of COPY; importer/floor = ${((r.copySeconds + r.floorSeconds) / r.importSeconds).toFixed(3)}×`,
        `  peak RSS during import ${r.peakRssImportMb} MB (goal < 1024 MB), whole run ${r.peakRssMb} MB`,
        `  report ${JSON.stringify(r.report)}`,
      ].join('\n'),
    );
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      invoices: { type: 'string' },
      file: { type: 'string' },
      targets: { type: 'string' },
      child: { type: 'string' },
      'cpu-prof': { type: 'boolean' },
    },
  });
  const args = ArgsSchema.parse({ ...values, cpuProf: values['cpu-prof'] });
  const file = args.file ?? defaultCsvPath(args.invoices);
  if (args.child) {
    const result = await runChild(args.child, file);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  if (!existsSync(file)) {
    console.log(`generating ${file} …`);
    await writeInvoicesCsv({
      path: file,
      invoices: args.invoices,
      debtors: Math.max(1, Math.round(args.invoices / 5)),
      seed: 1,
      today: BENCH_TODAY,
    });
  }
  const results: Result[] = [];
  for (const target of args.targets) {
    console.log(`running ${target} …`);
    const profileFlags = args.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', 'bench/out/profiles'] : [];
    if (args.cpuProf) await mkdir('bench/out/profiles', { recursive: true });
    const output = execFileSync(
      process.execPath,
      [...profileFlags, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', target, '--file', file],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const line = output.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`no result from the ${target} run:\n${output}`);
    results.push(JSON.parse(line.slice('RESULT '.length)) as Result);
  }
  printResults(results);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
