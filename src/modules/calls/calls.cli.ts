import type { CliRegistration } from '../../cli.js';
import { isCalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import { formatCents } from '../../core/money.js';
import { resolveOrganisation } from '../ledger/organisations.repo.js';
import { getCallQueue } from './queue.service.js';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `collectdesk queue`: the call queue as the workbench shows it at a local moment. */
export const callsCli: CliRegistration = (program, context) => {
  program
    .command('queue')
    .description("the day's call queue, one debtor per line, in the order to call them at that moment")
    .option('--date <YYYY-MM-DD>', "the day (default: today in the organisation's time zone)")
    .option('--at <HH:MM>', "the local time of day (default: the clock's)")
    .option('--collector <id>', "only this collector's part of the day (by skill level and load)")
    .option('--org <slug>', 'organisation (needed when there are several)')
    .option('--json', 'print [{"debtor","contact","phone","reason","priority","callWindow"}]')
    .action(
      async (options: { date?: string; at?: string; collector?: string; org?: string; json?: boolean }) => {
        if (options.date !== undefined && !isCalendarDate(options.date))
          throw new AppError('BAD_REQUEST', `--date must be a date YYYY-MM-DD (got "${options.date}")`);
        if (options.at !== undefined && !CLOCK_TIME.test(options.at))
          throw new AppError('BAD_REQUEST', `--at must be a time HH:MM (got "${options.at}")`);
        const deps = await context.deps();
        const org = await resolveOrganisation(deps.db, options.org);
        const queue = await getCallQueue(
          deps,
          { orgId: org.id },
          {
            ...(options.date ? { date: options.date } : {}),
            ...(options.at ? { at: options.at } : {}),
            ...(options.collector ? { collectorId: options.collector } : {}),
          },
        );
        if (options.json) {
          context.stdout(
            JSON.stringify(
              queue.items.map((item) => ({
                debtor: item.debtor,
                contact: item.contact,
                phone: item.phone,
                reason: item.reason,
                priority: item.priority,
                callWindow: item.callWindow,
              })),
            ),
          );
          return;
        }
        const lines = [
          `call queue ${queue.date} ${queue.at} for ${org.slug}: ${queue.items.length} debtors`,
          ...queue.items.map((item) =>
            [
              String(item.priority).padStart(5),
              item.debtor.padEnd(12),
              item.reason.padEnd(22),
              formatCents(item.overdueCents).padStart(12),
              (item.phone ?? '-').padEnd(16),
              item.callWindow
                ? `${item.verdict === 'wait' ? 'next ' : ''}${item.callWindow.date} ${item.callWindow.from}–${item.callWindow.until} ${item.callWindow.kind}`
                : 'no window soon',
            ].join('  '),
          ),
        ];
        context.stdout(lines.join('\n'));
      },
    );
};
