import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliRegistration } from '../../cli.js';
import { AppError } from '../../core/errors.js';
import { formatCents } from '../../core/money.js';
import { resolveOrganisation } from '../ledger/organisations.repo.js';
import { type BankFileInput, type BankImportReport, importBankStatements } from './bank-import.service.js';
import { findPaymentsWithInvoices } from './bank-payments.repo.js';
import { type BankCsvMapping, BankCsvMappingSchema } from './formats/bank-csv-mapping.js';
import { readBankFile } from './formats/read-bank-file.js';

/**
 * `collectdesk import bank <file...>` and `collectdesk payments`: thin adapters over the bank
 * import service and the payments list.
 */
export const bankingCli: CliRegistration = (program, context) => {
  importCommand(program)
    .command('bank')
    .description('import bank statements (CAMT.053/054, MT940, CODA, bank CSV) and match the payments')
    .argument('<file...>', 'statement files')
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--map <file>', 'JSON column mapping for a bank CSV export')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 everything imported, 1 some files, entries or balances rejected (the rest is imported), 2 usage error.',
    )
    .action(async (files: string[], options: { org?: string; map?: string; json?: boolean }) => {
      const csvMapping = options.map ? await readCsvMapping(options.map) : undefined;
      const deps = await context.deps();
      const org = await resolveOrganisation(deps.db, options.org);
      const inputs: BankFileInput[] = [];
      const unreadable: BankImportReport['errors'] = [];
      for (const file of files) {
        try {
          const opened = await readBankFile(resolve(file), csvMapping ? { csvMapping } : {});
          inputs.push({ name: file, ...opened });
        } catch (error) {
          if (!(error instanceof AppError) && !(error as NodeJS.ErrnoException).code) throw error;
          unreadable.push({ file, entry: 'file', message: (error as Error).message });
        }
      }
      const report = await importBankStatements(
        deps,
        { orgId: org.id, userId: null, label: 'bank import (command line)' },
        inputs,
      );
      report.errors.unshift(...unreadable);
      context.stdout(options.json ? JSON.stringify(report) : formatBankReport(report));
      if (report.errors.length > 0) context.exitCode = 1;
    });

  program
    .command('payments')
    .description('list payments, newest first, with the invoices they are allocated to')
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--unmatched', 'only payments not matched to any invoice')
    .option('--limit <n>', 'at most this many', '500')
    .option('--json', 'print JSON')
    .action(async (options: { org?: string; unmatched?: boolean; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new AppError('BAD_REQUEST', '--limit must be a positive whole number');
      const deps = await context.deps();
      const org = await resolveOrganisation(deps.db, options.org);
      const rows = await findPaymentsWithInvoices(deps.db, {
        orgId: org.id,
        ...(options.unmatched ? { statuses: ['unmatched'] as const } : {}),
        limit,
      });
      const list = rows.map((r) => ({
        date: r.date,
        amount: formatCents(r.amountCents),
        counterparty: r.counterpartyName,
        iban: r.counterpartyIban,
        reference: r.reference,
        remittance: r.remittance,
        status: r.status,
        invoices: r.invoiceNumbers,
      }));
      context.stdout(
        options.json
          ? JSON.stringify(list)
          : list
              .map((p) =>
                [
                  p.date,
                  p.amount.padStart(12),
                  p.status.padEnd(19),
                  p.counterparty ?? '',
                  p.invoices.join(', '),
                ].join('  '),
              )
              .join('\n') || 'no payments',
      );
    });
};

/** The `import` command group, shared with the invoice and debtor imports. */
function importCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import invoices, debtors or bank statements')
  );
}

async function readCsvMapping(path: string): Promise<BankCsvMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', `cannot read --map file ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', `--map file ${path} is not JSON`);
  }
  const parsed = BankCsvMappingSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--map file ${path} is not a bank CSV mapping`,
      parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'mapping', message: i.message })),
    );
  }
  return parsed.data;
}

export function formatBankReport(report: BankImportReport): string {
  const lines = [
    `statements ${report.statements}, entries ${report.entries}, duplicates ${report.duplicates}, matched ${report.matched}, suggested ${report.suggested}, unmatched ${report.unmatched}`,
  ];
  for (const e of report.errors) lines.push(`  ${e.file} ${e.entry}: ${e.message}`);
  return lines.join('\n');
}
