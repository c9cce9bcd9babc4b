import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { CliContext, CliRegistration } from '../../cli.js';
import { AppError } from '../../core/errors.js';
import { exportToFile } from '../exports/exports.service.js';
import { resolveOrganisation } from '../ledger/organisations.repo.js';
import type { ImportReport } from './imports.schemas.js';
import {
  type ImportParams,
  type ImportProgress,
  importDebtorFiles,
  importInvoiceFiles,
  parseMappingJson,
} from './imports.service.js';

/**
 * `collectdesk import invoices|debtors <file...>` and `collectdesk export invoices|debtors <file>`:
 * thin adapters over the import and export services.
 */
export const registerImportExportCommands: CliRegistration = (program, context) => {
  const imports = program
    .command('import')
    .description('import invoices (CSV, UBL XML, a folder or .zip of UBL) or debtors (CSV)');
  addImportCommand(imports, context, {
    name: 'invoices',
    description:
      'import invoices and credit notes from CSV exports of accounting packages or UBL/Peppol e-invoices (a file, folder or .zip)',
    run: importInvoiceFiles,
  });
  addImportCommand(imports, context, {
    name: 'debtors',
    description: 'import debtors and their contacts from a CSV file',
    run: importDebtorFiles,
  });

  const exports = program.command('export').description('export invoices or debtors to CSV for Excel');
  for (const kind of ['invoices', 'debtors'] as const) {
    exports
      .command(kind)
      .description(`write all ${kind} to a CSV file (";", decimal comma, UTF-8 with BOM)`)
      .argument('<file>', 'the CSV file to write')
      .option('--org <slug>', 'organisation (needed when there are several)')
      .option('--json', 'print {"exported": n} as JSON')
      .action(async (file: string, options: { org?: string; json?: boolean }) => {
        const deps = await context.deps();
        const org = await resolveOrganisation(deps.db, options.org);
        const result = await exportToFile(deps, { orgId: org.id, kind, path: resolve(file) }).catch(
          (error: unknown) => {
            // A file that cannot be written is bad input, not a crash: say which file and why.
            const code = (error as NodeJS.ErrnoException).code;
            if (!code) throw error;
            throw new AppError('BAD_REQUEST', `cannot write ${file}: ${code}`);
          },
        );
        context.stdout(
          options.json
            ? JSON.stringify(result)
            : `exported ${result.exported} ${kind} of ${org.slug} to ${file}`,
        );
      });
  }
};

type ImportCommandOptions = { org?: string; map?: string; json?: boolean };

function addImportCommand(
  parent: Command,
  context: CliContext,
  spec: {
    name: string;
    description: string;
    run: (deps: Awaited<ReturnType<CliContext['deps']>>, params: ImportParams) => Promise<ImportReport>;
  },
): void {
  parent
    .command(spec.name)
    .description(spec.description)
    .argument('<file...>', 'files, folders or .zip archives to import')
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--map <file>', 'JSON column mapping {"field": "header in the file"}; overrides the guess')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 all rows imported, 1 some rows or files rejected (the good ones are imported), 2 usage error.\nFields for --map: number, debtor_number, debtor_name, issue_date, due_date, payment_term, total, open, vat,\ncurrency, reference, description, document_type, credited_invoice, debtor_country, debtor_language,\ndebtor_kind, debtor_email, debtor_phone, debtor_vat, contact_name, contact_phone, contact_email, …',
    )
    .action(async (files: string[], options: ImportCommandOptions) => {
      const mapping = options.map ? await readMapping(options.map) : undefined;
      const deps = await context.deps();
      const org = await resolveOrganisation(deps.db, options.org);
      const progress = options.json ? undefined : createProgressBar();
      let report: ImportReport;
      try {
        report = await spec.run(deps, {
          orgId: org.id,
          actor: { label: 'import (command line)' },
          files: files.map((file) => ({ name: file, path: resolve(file) })),
          mapping,
          onProgress: progress?.update,
        });
      } finally {
        progress?.stop();
      }
      context.stdout(options.json ? JSON.stringify(report) : formatReport(report));
      if (report.rejected > 0) context.exitCode = 1;
    });
}

async function readMapping(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read --map file ${path}: ${(error as Error).message}`);
  }
  return parseMappingJson(text, path);
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected}`,
  ];
  for (const e of report.errors)
    lines.push(`  ${e.file}${e.row > 0 ? ` row ${e.row}` : ''} ${e.field}: ${e.message}`);
  return lines.join('\n');
}

/** A bar on stderr for files over 1 MB, only in a terminal. */
function createProgressBar(): { update: (p: ImportProgress) => void; stop: () => void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  let file = '';
  return {
    update: (p) => {
      if (p.totalBytes < 1024 * 1024) return;
      if (p.file !== file) {
        bar?.stop();
        file = p.file;
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${p.file} [{bar}] {percentage}% | {rows} rows | {eta_formatted} left`,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.totalBytes, 0, { rows: 0 });
      }
      bar?.update(p.bytes, { rows: p.rows });
    },
    stop: () => bar?.stop(),
  };
}
