import { Option } from 'commander';
import type { CliContext, CliRegistration } from '../../cli.js';
import { AppError } from '../../core/errors.js';
import { INVOICE_STATUSES, type InvoiceStatus } from '../../core/ledger/enums.js';
import { formatCents } from '../../core/money.js';
import { findDebtorRow, findDebtorRowByNumber } from './debtors.repo.js';
import { findDebtorExportPage, findInvoiceExportPage } from './ledger-export.repo.js';
import { ensureFreshBalances } from './organisation.service.js';
import { resolveOrganisation } from './organisations.repo.js';

/** Rows are read and printed in pages of this size, so a million invoices never sit in memory. */
const PAGE = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `--json` shape of `collectdesk invoices` (a contract: later tools read it). */
export type InvoiceCliRow = {
  number: string;
  debtor: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: string;
  open: string;
  status: InvoiceStatus;
  reference: string | null;
};

/** The `--json` shape of `collectdesk debtors`. */
export type DebtorCliRow = {
  number: string;
  name: string;
  kind: string;
  country: string;
  language: string;
  open: string;
  overdue: string;
  oldestOverdueDueDate: string | null;
  segment: string | null;
  collector: string | null;
};

/** `collectdesk invoices` and `collectdesk debtors`: read the ledger as JSON or a table. */
export const ledgerCli: CliRegistration = (program, context) => {
  program
    .command('invoices')
    .description('list invoices and credit notes (credit notes have negative amounts)')
    .option('--debtor <id-or-number>', 'only this debtor (its customer number or id)')
    .addOption(new Option('--status <status>', 'only this status').choices(INVOICE_STATUSES))
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--json', 'print a JSON array instead of a table')
    .addHelpText(
      'after',
      '\nJSON: [{"number","debtor","issueDate","dueDate","currency","amount","open","status","reference"}]\n' +
        'Amounts are strings with two decimals ("1234.50"), dates YYYY-MM-DD, debtor is its number.\n' +
        'Examples:\n  collectdesk invoices --status open --json\n  collectdesk invoices --debtor 10001',
    )
    .action(async (options: { debtor?: string; status?: InvoiceStatus; org?: string; json?: boolean }) => {
      const { db } = await context.deps();
      const org = await resolveOrganisation(db, options.org);
      let debtorId: string | undefined;
      if (options.debtor !== undefined) {
        const byNumber = await findDebtorRowByNumber(db, { orgId: org.id, number: options.debtor });
        const byId =
          !byNumber && UUID.test(options.debtor)
            ? await findDebtorRow(db, { orgId: org.id, debtorId: options.debtor })
            : undefined;
        debtorId = (byNumber ?? byId)?.id;
        if (!debtorId) throw new AppError('DEBTOR_NOT_FOUND', `no debtor "${options.debtor}" in ${org.slug}`);
      }
      const pages = async function* () {
        let after: { kind: string; number: string } | undefined;
        for (;;) {
          const rows = await findInvoiceExportPage(db, {
            orgId: org.id,
            debtorId,
            status: options.status,
            after,
            limit: PAGE,
          });
          if (rows.length === 0) return;
          yield rows.map(
            (row): InvoiceCliRow => ({
              number: row.number,
              debtor: row.debtorNumber,
              issueDate: row.issueDate,
              dueDate: row.dueDate,
              currency: row.currency,
              amount: formatCents(row.totalCents),
              open: formatCents(row.openCents),
              status: row.status,
              reference: row.paymentReference,
            }),
          );
          const last = rows.at(-1);
          if (!last || rows.length < PAGE) return;
          after = { kind: last.kind, number: last.number };
        }
      };
      await print(context, pages(), {
        json: options.json === true,
        columns: ['number', 'debtor', 'issueDate', 'dueDate', 'amount', 'open', 'status', 'reference'],
        rightAligned: ['amount', 'open'],
        empty: 'no invoices',
      });
    });

  program
    .command('debtors')
    .description('list debtors with their open and overdue balances (as of today)')
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--json', 'print a JSON array instead of a table')
    .addHelpText(
      'after',
      '\nJSON: [{"number","name","kind","country","language","open","overdue","oldestOverdueDueDate","segment","collector"}]\n' +
        'Examples:\n  collectdesk debtors --json\n  collectdesk debtors --org van-der-berg',
    )
    .action(async (options: { org?: string; json?: boolean }) => {
      const deps = await context.deps();
      const org = await resolveOrganisation(deps.db, options.org);
      await ensureFreshBalances(deps, { org, today: deps.clock.today(org.timeZone) });
      const pages = async function* () {
        let after: string | undefined;
        for (;;) {
          const rows = await findDebtorExportPage(deps.db, { orgId: org.id, after, limit: PAGE });
          if (rows.length === 0) return;
          yield rows.map(
            (row): DebtorCliRow => ({
              number: row.number,
              name: row.name,
              kind: row.kind,
              country: row.country,
              language: row.language,
              open: formatCents(row.openCents),
              overdue: formatCents(row.overdueCents),
              oldestOverdueDueDate: row.oldestOverdueDueDate,
              segment: row.segment,
              collector: row.collectorName,
            }),
          );
          after = rows.at(-1)?.number;
          if (rows.length < PAGE) return;
        }
      };
      await print(context, pages(), {
        json: options.json === true,
        columns: [
          'number',
          'name',
          'kind',
          'country',
          'open',
          'overdue',
          'oldestOverdueDueDate',
          'segment',
          'collector',
        ],
        rightAligned: ['open', 'overdue'],
        empty: 'no debtors',
      });
    });
};

/**
 * Prints pages of rows as one JSON array (one object per line, valid JSON) or as a table whose
 * column widths come from the first page, so output starts at once and memory stays flat.
 */
async function print<Row extends Record<string, unknown>>(
  context: CliContext,
  pages: AsyncIterable<Row[]>,
  options: { json: boolean; columns: (keyof Row & string)[]; rightAligned: string[]; empty: string },
): Promise<void> {
  let count = 0;
  let widths: number[] | undefined;
  const cell = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const width = widths?.[i] ?? v.length;
        return options.rightAligned.includes(options.columns[i] ?? '') ? v.padStart(width) : v.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  for await (const page of pages) {
    if (options.json) {
      const text = page.map((row) => JSON.stringify(row)).join(',\n');
      context.stdout(`${count === 0 ? '[\n' : ',\n'}${text}`.replace(/\n$/, ''));
    } else {
      if (!widths) {
        widths = options.columns.map((c) => Math.max(c.length, ...page.map((row) => cell(row[c]).length)));
        context.stdout(line(options.columns));
      }
      context.stdout(page.map((row) => line(options.columns.map((c) => cell(row[c])))).join('\n'));
    }
    count += page.length;
  }
  if (options.json) context.stdout(count === 0 ? '[]' : ']');
  else if (count === 0) context.stdout(options.empty);
}
