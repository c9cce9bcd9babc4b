import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import {
  callTasks,
  documents,
  dunningActions,
  invoices,
  organisations,
  outboxMessages,
  timelineEvents,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  type OrganisationRow,
} from '../../test/factories.js';
import { executeAction } from './dunning-actions.service.js';
import { recordDecision } from './dunning-decision.repo.js';
import { runDunning } from './dunning-run.service.js';
import { openRun } from './dunning-runs.repo.js';

let database: Database;
let org: OrganisationRow;
const clock = { now: () => new Date('2026-02-03T07:00:00Z') };
const day = (d: string) => d as CalendarDate;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db, {
    country: 'NL',
    creditorName: 'Bakkerij Van Dijk B.V.',
    addressLine: 'Oudegracht 12',
    postalCode: '3511 AB',
    city: 'Utrecht',
    iban: 'NL91ABNA0417164300',
    senderEmail: 'debiteuren@vandijk.example',
    companyNumber: '12345678',
  });
});
afterAll(() => database.close());

const run = (date: string, options: { dryRun?: boolean } = {}) =>
  runDunning(
    { db: database.db, clock },
    { org, date: day(date), dryRun: options.dryRun ?? false, actorLabel: 'dunning run' },
  );

describe('the daily run', () => {
  it('emails the first reminder with its PDF, to print when there is no email address', async () => {
    const withEmail = await createDebtor(database.db, {
      orgId: org.id,
      number: 'K-100',
      name: 'Horeca Jansen',
    });
    await createContact(database.db, {
      orgId: org.id,
      debtorId: withEmail.id,
      name: 'Petra Jansen',
      email: 'petra@jansen.example',
      isCollectionsContact: true,
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: withEmail.id,
      number: 'F-1',
      dueDate: '2026-01-31',
      totalCents: 12100,
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: withEmail.id,
      number: 'F-2',
      dueDate: '2026-01-30',
      totalCents: 5000,
    });
    const onPaper = await createDebtor(database.db, {
      orgId: org.id,
      number: 'K-200',
      name: 'Garage Smit',
      addressLine: 'Dorpsstraat 1',
      postalCode: '1234 AB',
      city: 'Zeist',
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: onPaper.id,
      number: 'F-3',
      dueDate: '2026-01-31',
    });

    const preview = await run('2026-02-03', { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, counts: { first_reminder: 2 } });
    expect(await database.db.select().from(dunningActions)).toEqual([]);

    const report = await run('2026-02-03');
    expect(report.counts).toEqual({ first_reminder: 2 });
    expect(report.actions).toEqual([
      expect.objectContaining({
        debtor: 'K-100',
        invoices: ['F-2', 'F-1'],
        step: 'first_reminder',
        channel: 'email',
        status: 'done',
      }),
      expect.objectContaining({ debtor: 'K-200', invoices: ['F-3'], status: 'done' }),
    ]);

    const messages = await database.db.select().from(outboxMessages).orderBy(outboxMessages.status);
    expect(messages.map((m) => [m.status, m.toAddress])).toEqual([
      ['queued', 'petra@jansen.example'],
      ['to_print', null],
    ]);
    const [email] = messages;
    expect(email?.subject).toBeTruthy();
    expect(email?.bodyText).toContain('Petra Jansen');
    expect(email?.bodyText).toContain('F-1');
    expect(email?.bodyText).toContain('171,00');
    const [pdf] = await database.db
      .select()
      .from(documents)
      .where(eq(documents.id, email?.documentId ?? ''));
    expect(
      Buffer.from(pdf?.content ?? [])
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const events = await database.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.debtorId, withEmail.id));
    expect(events.map((e) => e.kind)).toEqual(['email']);
    expect(events[0]?.summary).toContain('petra@jansen.example');
  });

  it('adds nothing when the same date runs again', async () => {
    const before = await counts();
    const again = await run('2026-02-03');
    expect(again.counts).toEqual({ first_reminder: 2 });
    expect(await counts()).toEqual(before);
  });

  it('turns the call step into a call task for the collections contact', async () => {
    await run('2026-02-08');
    const tasks = await database.db.select().from(callTasks);
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.reason === 'dunning_step' && t.dueDate === '2026-02-08')).toBe(true);
  });

  it('finishes the work of a run killed after deciding, without doubles or gaps', async () => {
    const debtors = await Promise.all(
      [1, 2, 3].map((n) => createDebtor(database.db, { orgId: org.id, number: `KILL-${n}` })),
    );
    for (const d of debtors)
      await createInvoice(database.db, {
        orgId: org.id,
        debtorId: d.id,
        number: `FK-${d.number}`,
        dueDate: '2026-03-01',
      });
    // The killed process: it decided and did one action, then died.
    const runRow = await openRun(database.db, org.id, day('2026-03-04'));
    await database.db.transaction((tx) =>
      recordDecision(tx as never, { orgId: org.id, runId: runRow.id, date: day('2026-03-04') }),
    );
    const [first] = await database.db
      .select()
      .from(dunningActions)
      .where(eq(dunningActions.runId, runRow.id))
      .limit(1);
    await executeAction(database.db, {
      actionId: first?.id ?? '',
      today: day('2026-03-04'),
      now: clock.now(),
      actorLabel: 'x',
    });

    const report = await run('2026-03-04');
    expect(report.actions.filter((a) => a.debtor.startsWith('KILL-')).map((a) => a.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
    const perDebtor =
      (await database.db.execute(sql`select d.number, count(distinct a.id)::int as actions, count(distinct o.id)::int as messages
      from dunning_actions a join debtors d on d.id = a.debtor_id left join outbox_messages o on o.action_id = a.id
      where d.number like 'KILL-%' group by d.number order by d.number`)) as unknown as { rows: unknown[] };
    expect(perDebtor.rows).toEqual([
      { number: 'KILL-1', actions: 1, messages: 1 },
      { number: 'KILL-2', actions: 1, messages: 1 },
      { number: 'KILL-3', actions: 1, messages: 1 },
    ]);
  });

  it('cancels a planned action whose invoices were paid before it went out', async () => {
    const debtor = await createDebtor(database.db, { orgId: org.id, number: 'PAID-1' });
    const invoice = await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'FP-1',
      dueDate: '2026-04-01',
    });
    const runRow = await openRun(database.db, org.id, day('2026-04-04'));
    await database.db.transaction((tx) =>
      recordDecision(tx as never, { orgId: org.id, runId: runRow.id, date: day('2026-04-04') }),
    );
    await database.db
      .update(invoices)
      .set({ openCents: 0, status: 'paid' })
      .where(eq(invoices.id, invoice.id));
    const report = await run('2026-04-04');
    expect(report.actions.find((a) => a.debtor === 'PAID-1')?.status).toBe('cancelled');
    expect(report.counts.first_reminder ?? 0).toBe(0);
  });
});

describe('escalation to the end', () => {
  it('sends the formal demand with WIK costs, then hands over with a claim file', async () => {
    const debtor = await createDebtor(database.db, {
      orgId: org.id,
      number: 'ESC-1',
      name: 'Bouwbedrijf Laat',
      addressLine: 'Kade 5',
      postalCode: '1011 AA',
      city: 'Amsterdam',
    });
    const invoice = await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'FE-1',
      dueDate: '2026-05-01',
      totalCents: 50000,
    });
    for (const date of ['2026-05-04', '2026-05-09', '2026-05-18', '2026-06-01', '2026-06-22'])
      await run(date);
    const steps =
      (await database.db.execute(sql`select s.name, a.run_date::text as date, a.status::text as status
      from dunning_actions a join dunning_steps s on s.id = a.step_id where a.debtor_id = ${debtor.id}
      order by a.run_date`)) as unknown as { rows: { name: string; date: string; status: string }[] };
    expect(steps.rows.map((r) => `${r.date} ${r.name} ${r.status}`)).toEqual([
      '2026-05-04 First reminder done',
      '2026-05-09 Call after the first reminder done',
      '2026-05-18 Second reminder done',
      '2026-06-01 Formal demand (sommatie) done',
      '2026-06-22 Handover to a collection agency or lawyer done',
    ]);
    const demand = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.debtorId, debtor.id));
    const formal = demand.find((m) => m.bodyText.includes('75,00'));
    expect(formal?.status).toBe('to_print'); // the formal demand goes by post
    const [handedOver] = await database.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(handedOver?.status).toBe('handed_over');
    const files = await database.db.select().from(documents).where(eq(documents.debtorId, debtor.id));
    const csv = files.find((f) => f.mediaType.startsWith('text/csv'));
    const text = Buffer.from(csv?.content ?? []).toString('utf8');
    expect(text).toContain('FE-1');
    expect(text).toMatch(/claim;principal;500,00/);
    expect(text).toMatch(/claim;costs;75,00/);
    const events = await database.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.debtorId, debtor.id));
    expect(events.map((e) => e.kind)).toContain('handed_over');
    // Handed over: the engine leaves the invoice alone from now on.
    await run('2026-08-01');
    const after = (await database.db.execute(
      sql`select count(*)::int as n from dunning_actions where debtor_id = ${debtor.id}`,
    )) as unknown as { rows: { n: number }[] };
    expect(after.rows[0]?.n).toBe(5);
  });
});

describe('actions that do not go out', () => {
  it('keeps the invoices at their step when a letter cannot be written, and says why', async () => {
    const noIban = await createOrganisation(database.db, { country: 'NL', iban: null });
    const debtor = await createDebtor(database.db, { orgId: noIban.id, number: 'NOIBAN-1' });
    await createInvoice(database.db, {
      orgId: noIban.id,
      debtorId: debtor.id,
      number: 'FN-1',
      dueDate: '2026-07-01',
    });
    const runFor = (date: string) =>
      runDunning(
        { db: database.db, clock },
        { org: noIban, date: day(date), dryRun: false, actorLabel: 'test' },
      );
    const first = await runFor('2026-07-04');
    expect(first.actions).toEqual([expect.objectContaining({ debtor: 'NOIBAN-1', status: 'cancelled' })]);
    const [action] = await database.db
      .select()
      .from(dunningActions)
      .where(eq(dunningActions.orgId, noIban.id));
    expect(action?.note).toMatch(/^not sent: .*iban/i);
    await database.db
      .update(organisations)
      .set({ iban: 'NL91ABNA0417164300' })
      .where(eq(organisations.id, noIban.id));
    const second = await runFor('2026-07-05');
    expect(second.actions).toEqual([
      expect.objectContaining({ debtor: 'NOIBAN-1', step: 'first_reminder', status: 'done' }),
    ]);
  });

  it('gives an unapproved run’s invoices to the next run instead of sending stale letters', async () => {
    const debtor = await createDebtor(database.db, { orgId: org.id, number: 'STALE-1' });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'FS-1',
      dueDate: '2026-08-01',
    });
    await runDunning(
      { db: database.db, clock },
      { org, date: day('2026-08-04'), dryRun: false, decideOnly: true, actorLabel: 'test' },
    );
    const next = await run('2026-08-05');
    expect(next.actions.filter((a) => a.debtor === 'STALE-1')).toEqual([
      expect.objectContaining({ step: 'first_reminder', status: 'done' }),
    ]);
    const old =
      (await database.db.execute(sql`select a.status::text as status, a.note, r.status::text as run_status
      from dunning_actions a join dunning_runs r on r.id = a.run_id join debtors d on d.id = a.debtor_id
      where d.number = 'STALE-1' and a.run_date = '2026-08-04'`)) as unknown as { rows: unknown[] };
    expect(old.rows).toEqual([
      { status: 'cancelled', note: 'superseded by the run of 2026-08-05', run_status: 'completed' },
    ]);
  });
});

async function counts() {
  const [row] = (
    (await database.db.execute(sql`select (select count(*)::int from dunning_actions) as actions,
      (select count(*)::int from dunning_action_invoices) as items, (select count(*)::int from outbox_messages) as messages,
      (select count(*)::int from documents) as documents, (select count(*)::int from timeline_events) as events`)) as unknown as {
      rows: unknown[];
    }
  ).rows;
  return row;
}
