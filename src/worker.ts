import nodemailer from 'nodemailer';
import PgBoss from 'pg-boss';
import { Temporal } from 'temporal-polyfill';
import type { CalendarDate } from './core/calendar-date.js';
import { isRunDue, runJobKey } from './core/dunning/run-schedule.js';
import type { Database } from './db/client.js';
import type { AppDeps } from './deps.js';
import { thankKeptPromises } from './modules/calls/aftercare.service.js';
import { followUpAgreements } from './modules/calls/follow-up.service.js';
import { runDunning } from './modules/dunning/dunning-run.service.js';
import { findRun } from './modules/dunning/dunning-runs.repo.js';
import { dispatchOutbox, type Mailer } from './modules/dunning/outbox.service.js';
import { findOrganisationById, findOrganisations } from './modules/ledger/organisations.repo.js';
import { monitorPaymentPlans } from './modules/plans/plan-monitoring.service.js';

/**
 * The worker: durable jobs in the same database (pg-boss, schema `pgboss`). Every few minutes a
 * tick looks which organisations' daily run is due (their own local run time) and enqueues one job
 * per organisation and date; the job checks the payment plans, then runs dunning; both are
 * idempotent, so a retried or duplicated job adds nothing. With SMTP configured, the outbox is sent every minute.
 */

export const JOBS = { tick: 'dunning-tick', run: 'dunning-run', outbox: 'outbox-dispatch' } as const;

type RunJob = { orgId: string; date: CalendarDate };

export type RunningWorker = {
  /** Checks now which runs are due and enqueues them (the scheduled tick does the same). */
  tick(): Promise<number>;
  stop(): Promise<void>;
};

export function createMailer(smtpUrl: string | undefined): Mailer | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

/** pg-boss talks to PGlite through `executeSql`: scripts without parameters go to exec. */
function bossDatabase(database: Database): PgBoss.Db {
  return {
    executeSql: async (text, values = []) => {
      if (database.kind === 'pglite' && database.pglite) {
        if (values.length === 0 && text.includes(';')) {
          const results = await database.pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        return { rows: (await database.pglite.query(text, values)).rows };
      }
      return { rows: await database.query(text, values) };
    },
  };
}

export async function startWorker(
  deps: AppDeps,
  options: { mailer?: Mailer | null; pollingIntervalSeconds?: number } = {},
): Promise<RunningWorker> {
  const mailer = options.mailer === undefined ? createMailer(deps.config.smtpUrl) : options.mailer;
  const boss = new PgBoss({ db: bossDatabase(deps.database), schema: 'pgboss' });
  boss.on('error', (error) => console.error('worker:', error));
  await boss.start();
  await boss.createQueue(JOBS.tick, { name: JOBS.tick, policy: 'short' });
  // stately: at most one job per organisation and date waiting and one running.
  await boss.createQueue(JOBS.run, { name: JOBS.run, policy: 'stately' });
  await boss.createQueue(JOBS.outbox, { name: JOBS.outbox, policy: 'short' });
  const isJobPending = async (key: string) =>
    (
      await deps.database.query(
        `select 1 from pgboss.job where name = $1 and singleton_key = $2 and state in ('created', 'retry', 'active') limit 1`,
        [JOBS.run, key],
      )
    ).length > 0;
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  const tick = async (): Promise<number> => {
    let enqueued = 0;
    for (const org of await findOrganisations(deps.db)) {
      const now = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime()).toZonedDateTimeISO(
        org.timeZone,
      );
      const date = now.toPlainDate().toString() as CalendarDate;
      const localTime = now.toPlainTime().toString().slice(0, 5);
      // Broken promises and unconfirmed agreements back in the queue, kept ones thanked when the
      // organisation does (both idempotent, cheap when none).
      await followUpAgreements(deps, { orgId: org.id, today: date });
      await thankKeptPromises(deps, { org, today: date });
      const todaysRun = (await findRun(deps.db, org.id, date)) ?? null;
      if (!isRunDue({ localTime, runTime: org.dunningRunTime, mode: org.dunningMode, todaysRun })) continue;
      const key = runJobKey(org.id, date);
      if (await isJobPending(key)) continue;
      const id = await boss.send(JOBS.run, { orgId: org.id, date } satisfies RunJob, {
        singletonKey: key,
        retryLimit: 3,
        retryDelay: 60,
      });
      if (id) enqueued++;
    }
    return enqueued;
  };

  await boss.work(JOBS.tick, polling, async () => {
    await tick();
  });
  await boss.work<RunJob>(JOBS.run, polling, async (jobs) => {
    for (const job of jobs) {
      const org = await findOrganisationById(deps.db, job.data.orgId);
      if (!org) continue;
      const run = await findRun(deps.db, org.id, job.data.date);
      // Plans first: one that breaks today releases its invoices to today's dunning run.
      await monitorPaymentPlans(deps, { org, today: job.data.date });
      await runDunning(deps, {
        org,
        date: job.data.date,
        dryRun: false,
        // Review mode waits for approval, unless this run was approved and then interrupted.
        decideOnly: org.dunningMode === 'review' && !run?.approvedBy,
        actorLabel: 'daily dunning run',
        listLimit: 0,
      });
      if (mailer) await dispatchOutbox({ db: deps.db, mailer, clock: deps.clock });
    }
  });
  await boss.schedule(JOBS.tick, '*/5 * * * *');
  if (mailer) {
    await boss.work(JOBS.outbox, polling, async () => {
      await dispatchOutbox({ db: deps.db, mailer, clock: deps.clock });
    });
    await boss.schedule(JOBS.outbox, '* * * * *');
  }
  return { tick, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
