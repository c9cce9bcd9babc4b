import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { addDays, type CalendarDate } from '../../core/calendar-date.js';
import { type Database, openPglite, openPostgres } from '../../db/client.js';
import { withDatabase } from '../../test/db.js';

/**
 * A real crash: `collectdesk run` as its own process, killed with SIGKILL while it carries out
 * the day's actions, then started again. The result must be exactly what one uninterrupted run
 * of the same date on a copy of the same database gives: every action once, every letter, email,
 * call task and timeline event once, nothing missing.
 */

const MAIN = fileURLToPath(new URL('../../main.ts', import.meta.url));
const postgres = inject('postgresTemplate');
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** Where a database lives for a child process, and how to copy and open it from the test. */
type Store = {
  env: Record<string, string>;
  copyTo: (name: string) => Promise<Store>;
  open: () => Promise<Database>;
};

async function pgliteStore(dir: string): Promise<Store> {
  return {
    env: { COLLECTDESK_DATA: dir },
    copyTo: async (name) => {
      const target = join(dir, '..', name);
      await rm(target, { recursive: true, force: true });
      await cp(dir, target, { recursive: true });
      return pgliteStore(target);
    },
    open: () => openPglite(dir),
  };
}

async function postgresStore(adminUrl: string, name: string, template?: string): Promise<Store> {
  const admin = await openPostgres(adminUrl, { max: 1 });
  await admin.exec(`drop database if exists ${name} with (force)`);
  await admin.exec(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.close();
  const url = withDatabase(adminUrl, name);
  return {
    env: { DATABASE_URL: url },
    copyTo: (copy) => postgresStore(adminUrl, copy, name),
    open: () => openPostgres(url, { max: 1 }),
  };
}

type Child = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function collectdesk(store: Store, args: string[], options: { killAfterMs?: number } = {}): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', COLLECTDESK_DATA: '', ...store.env, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = options.killAfterMs
      ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function readState(store: Store) {
  const database = await store.open();
  try {
    const query = async (text: string) =>
      ((await database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;
    const actions = await query(`
      select d.number as debtor, s.name as step, a.status, a.channel,
             (select string_agg(i.number, ',' order by i.number)
                from dunning_action_invoices ai join invoices i on i.id = ai.invoice_id
               where ai.action_id = a.id) as invoices
        from dunning_actions a join debtors d on d.id = a.debtor_id join dunning_steps s on s.id = a.step_id
       order by 1, 2`);
    const [counts] = await query(`
      select (select count(*) from outbox_messages)::int as outbox,
             (select count(*) from documents)::int as documents,
             (select count(*) from call_tasks)::int as call_tasks,
             (select count(*) from dunning_action_invoices)::int as action_invoices,
             (select count(*) from timeline_events)::int as timeline`);
    return {
      actions: actions.map((a) => `${a.debtor} ${a.step} ${a.status} ${a.channel} [${a.invoices}]`),
      counts,
    };
  } finally {
    await database.close();
  }
}

const isPartial = (state: Awaited<ReturnType<typeof readState>>) =>
  state.actions.some((a) => a.includes(' planned ')) && state.actions.some((a) => a.includes(' done '));

describe(`a dunning run killed half-way (${postgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('finishes on restart exactly as one uninterrupted run would', { timeout: 240_000 }, async () => {
    let pristine: Store;
    if (postgres) {
      pristine = await postgresStore(postgres.adminUrl, `cd_kill_${process.pid}`);
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'collectdesk-kill-'));
      scratch.push(dir);
      pristine = await pgliteStore(join(dir, 'pristine'));
    }
    const demo = await collectdesk(pristine, [
      'demo',
      '--debtors',
      '400',
      '--invoices',
      '2400',
      '--seed',
      '7',
      '--json',
    ]);
    expect(demo.code, demo.stderr).toBe(0);
    const today = JSON.parse(demo.stdout).today as CalendarDate;
    // Two weeks on, the portfolio has first reminders, call tasks and second reminders due.
    const runArgs = ['run', '--date', addDays(today, 16), '--json'];

    const reference = await pristine.copyTo(`cd_kill_ref_${process.pid}`);
    const started = performance.now();
    const uninterrupted = await collectdesk(reference, runArgs);
    const runMs = performance.now() - started;
    expect(uninterrupted.code, uninterrupted.stderr).toBe(0);
    const expected = await readState(reference);
    expect(expected.actions.length).toBeGreaterThan(60);
    expect(expected.actions.every((a) => !a.includes(' planned '))).toBe(true);

    // Kill at different moments until the kill lands between the first and the last action: a
    // bisection over the time of the uninterrupted run, so a slow or busy machine only shifts it.
    let killedAt: number | null = null;
    let crashed: Store | null = null;
    let [tooEarly, tooLate] = [0, runMs * 1.5];
    for (let delay = runMs * 0.7, attempt = 0; attempt < 10 && killedAt === null; attempt++) {
      crashed = await pristine.copyTo(`cd_kill_run_${process.pid}`);
      const killed = await collectdesk(crashed, runArgs, { killAfterMs: Math.round(delay) });
      const state = await readState(crashed);
      const done = state.actions.filter((a) => a.includes(' done ')).length;
      if (killed.signal === 'SIGKILL' && isPartial(state)) {
        killedAt = delay;
        console.info(
          `killed after ${Math.round(delay)} ms of ${Math.round(runMs)}: ${done} of ${expected.actions.length} actions carried out`,
        );
      } else if (killed.signal === 'SIGKILL' && done === 0) tooEarly = delay;
      else tooLate = delay; // finished, or killed after the last action
      delay = (tooEarly + tooLate) / 2;
    }
    expect(killedAt, 'no kill landed in the middle of the run').not.toBeNull();
    if (!crashed) return;

    const restarted = await collectdesk(crashed, runArgs);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(await readState(crashed)).toEqual(expected);
  });
});
