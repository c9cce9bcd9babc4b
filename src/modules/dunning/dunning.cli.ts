import type { CliRegistration } from '../../cli.js';
import { isCalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import { formatCents } from '../../core/money.js';
import { resolveOrganisation } from '../ledger/organisations.repo.js';
import { runDunning } from './dunning-run.service.js';

/** `collectdesk run`: the daily dunning run of one organisation, for a date (default: today). */
export const dunningCli: CliRegistration = (program, context) => {
  program
    .command('run')
    .description(
      'the daily dunning run: decide which debtor gets which step, then send letters, emails and call tasks',
    )
    .option('--date <YYYY-MM-DD>', "the run date (default: today in the organisation's time zone)")
    .option('--dry-run', 'only show what the run would do; nothing is written or sent')
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--json', 'print {"date","counts","actions"} as JSON')
    .action(async (options: { date?: string; dryRun?: boolean; org?: string; json?: boolean }) => {
      const deps = await context.deps();
      const org = await resolveOrganisation(deps.db, options.org);
      const date = options.date ?? deps.clock.today(org.timeZone);
      if (!isCalendarDate(date))
        throw new AppError('BAD_REQUEST', `--date must be a date YYYY-MM-DD (got "${date}")`);
      const report = await runDunning(deps, {
        org,
        date,
        dryRun: options.dryRun ?? false,
        actorLabel: 'dunning run (CLI)',
      });
      if (options.json) {
        context.stdout(
          JSON.stringify({
            date: report.date,
            dryRun: report.dryRun,
            counts: report.counts,
            actions: report.actions.map((a) => ({
              debtor: a.debtor,
              invoices: a.invoices,
              step: a.step,
              channel: a.channel,
              amount: formatCents(a.openCents),
              status: a.status,
            })),
          }),
        );
        return;
      }
      const lines = [
        `${report.dryRun ? 'dry run' : 'run'} ${report.date} for ${org.slug}: ${report.actions.length} actions`,
        ...Object.entries(report.counts).map(([step, n]) => `  ${step.padEnd(22)} ${n}`),
      ];
      context.stdout(lines.join('\n'));
    });
};
