import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import {
  disputes,
  dunningActions,
  dunningPolicies,
  dunningSteps,
  paymentPlanInvoices,
  paymentPlans,
  promiseInvoices,
  promises,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createDebtor,
  createInvoice,
  createOrganisation,
  type DebtorRow,
  type OrganisationRow,
} from '../../test/factories.js';
import { previewDecision, recordDecision } from './dunning-decision.repo.js';
import { openRun } from './dunning-runs.repo.js';
import { ensureDefaultPolicies } from './policies.repo.js';

let database: Database;
let org: OrganisationRow;
const day = (date: string) => date as CalendarDate;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createOrganisation(database.db, { country: 'NL' });
  await ensureDefaultPolicies(database.db, org);
});
afterAll(() => database.close());

/** Decides a date and marks its actions done, as carrying them out would (not under test here). */
async function decide(date: string): Promise<number> {
  const run = await openRun(database.db, org.id, date as CalendarDate);
  const decided = await database.db.transaction((tx) =>
    recordDecision(tx as never, { orgId: org.id, runId: run.id, date: date as CalendarDate }),
  );
  await database.db
    .update(dunningActions)
    .set({ status: 'done' })
    .where(and(eq(dunningActions.runId, run.id), eq(dunningActions.status, 'planned')));
  return decided;
}

/** The debtor's actions so far: "date step-name [invoice numbers]". */
async function actionsOf(debtor: DebtorRow): Promise<string[]> {
  const result = (await database.db.execute(sql`select a.run_date::text as d, s.name,
      string_agg(i.number, ',' order by i.number) as numbers
    from dunning_actions a join dunning_steps s on s.id = a.step_id
    join dunning_action_invoices dai on dai.action_id = a.id join invoices i on i.id = dai.invoice_id
    where a.debtor_id = ${debtor.id} group by a.id, a.run_date, s.name, s.position order by a.run_date, s.position`)) as unknown as {
    rows: { d: string; name: string; numbers: string }[];
  };
  return result.rows.map((r) => `${r.d} ${r.name} [${r.numbers}]`);
}

describe('the daily dunning decision (NL business policy)', () => {
  let debtor: DebtorRow;

  beforeAll(async () => {
    debtor = await createDebtor(database.db, { orgId: org.id, kind: 'business' });
    const base = { orgId: org.id, debtorId: debtor.id, dueDate: '2026-01-31' };
    await createInvoice(database.db, { ...base, number: 'A-1' });
    await createInvoice(database.db, { ...base, number: 'A-2', totalCents: 25000 });
    await createInvoice(database.db, { ...base, number: 'A-PAID', openCents: 0, status: 'paid' });
    const disputed = await createInvoice(database.db, { ...base, number: 'A-DISPUTED' });
    await database.db
      .insert(disputes)
      .values({ orgId: org.id, debtorId: debtor.id, invoiceId: disputed.id, reason: 'Goods damaged' });
    await createInvoice(database.db, { ...base, number: 'A-LATER', dueDate: '2026-03-31' });
  });

  it('sends nothing before the first reminder is due', async () => {
    await decide('2026-02-02');
    expect(await actionsOf(debtor)).toEqual([]);
  });

  it('groups the overdue invoices in one first reminder, leaving paid and disputed ones alone', async () => {
    expect(await decide('2026-02-03')).toBe(2);
    expect(await actionsOf(debtor)).toEqual(['2026-02-03 First reminder [A-1,A-2]']);
  });

  it('adds nothing when the same date runs again', async () => {
    expect(await decide('2026-02-03')).toBe(0);
    const [count] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(dunningActions)
      .where(eq(dunningActions.debtorId, debtor.id));
    expect(count?.n).toBe(1);
  });

  it('follows with the call task and the second reminder, counted from the previous step', async () => {
    expect(await decide('2026-02-07')).toBe(0);
    await decide('2026-02-08');
    await decide('2026-02-16');
    await decide('2026-02-17');
    expect(await actionsOf(debtor)).toEqual([
      '2026-02-03 First reminder [A-1,A-2]',
      '2026-02-08 Call after the first reminder [A-1,A-2]',
      '2026-02-17 Second reminder [A-1,A-2]',
    ]);
  });

  it('catches up one step per run for an invoice that is long overdue when it arrives', async () => {
    const late = await createDebtor(database.db, { orgId: org.id });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: late.id,
      number: 'L-1',
      dueDate: '2025-06-30',
    });
    await decide('2026-02-17');
    expect(await actionsOf(late)).toEqual(['2026-02-17 First reminder [L-1]']);
  });

  it("puts an invoice that falls due for a step later the same day in that day's action", async () => {
    const debtor = await createDebtor(database.db, { orgId: org.id });
    const base = { orgId: org.id, debtorId: debtor.id, dueDate: '2026-02-14' };
    await createInvoice(database.db, { ...base, number: 'S-1' });
    const run = await openRun(database.db, org.id, day('2026-02-17'));
    const record = () =>
      database.db.transaction((tx) =>
        recordDecision(tx as never, { orgId: org.id, runId: run.id, date: day('2026-02-17') }),
      );
    await record();
    await createInvoice(database.db, { ...base, number: 'S-2' });
    expect(await record()).toBe(1);
    expect(await actionsOf(debtor)).toEqual(['2026-02-17 First reminder [S-1,S-2]']);
  });
});

describe('what holds dunning back', () => {
  it('leaves invoices under an open promise or an active payment plan alone', async () => {
    const debtor = await createDebtor(database.db, { orgId: org.id });
    const base = { orgId: org.id, debtorId: debtor.id, dueDate: '2026-04-30' };
    const promised = await createInvoice(database.db, { ...base, number: 'P-PROMISED' });
    const planned = await createInvoice(database.db, { ...base, number: 'P-PLAN' });
    await createInvoice(database.db, { ...base, number: 'P-FREE' });
    const [promise] = await database.db
      .insert(promises)
      .values({ orgId: org.id, debtorId: debtor.id, amountCents: 10000, promisedDate: '2026-05-10' })
      .returning();
    await database.db
      .insert(promiseInvoices)
      .values({ orgId: org.id, promiseId: promise?.id ?? '', invoiceId: promised.id });
    const [plan] = await database.db
      .insert(paymentPlans)
      .values({ orgId: org.id, debtorId: debtor.id, totalCents: 10000 })
      .returning();
    await database.db
      .insert(paymentPlanInvoices)
      .values({ orgId: org.id, planId: plan?.id ?? '', invoiceId: planned.id });
    await decide('2026-05-03');
    expect(await actionsOf(debtor)).toEqual(['2026-05-03 First reminder [P-FREE]']);
  });

  it('leaves a paused debtor alone until the pause ends', async () => {
    const debtor = await createDebtor(database.db, { orgId: org.id, pauseUntil: '2026-06-10' });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'Z-1',
      dueDate: '2026-05-31',
    });
    await decide('2026-06-05');
    expect(await actionsOf(debtor)).toEqual([]);
    await decide('2026-06-10');
    expect(await actionsOf(debtor)).toEqual(['2026-06-10 First reminder [Z-1]']);
  });

  it('gives consumers the consumer policy and respects a step minimum amount', async () => {
    const consumer = await createDebtor(database.db, { orgId: org.id, kind: 'consumer' });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: consumer.id,
      number: 'C-1',
      dueDate: '2026-07-31',
    });
    const [policy] = await database.db
      .select()
      .from(dunningPolicies)
      .where(and(eq(dunningPolicies.orgId, org.id), eq(dunningPolicies.regime, 'nl_b2c')));
    await database.db
      .update(dunningSteps)
      .set({ minOpenCents: 20000 })
      .where(and(eq(dunningSteps.policyId, policy?.id ?? ''), eq(dunningSteps.position, 1)));
    await decide('2026-08-03');
    expect(await actionsOf(consumer)).toEqual([]);
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: consumer.id,
      number: 'C-2',
      dueDate: '2026-07-31',
    });
    await decide('2026-08-04');
    expect(await actionsOf(consumer)).toEqual(['2026-08-04 First reminder [C-1,C-2]']);
  });

  it('sends the notice before the due date only while the invoice is not yet due', async () => {
    await database.db
      .update(dunningSteps)
      .set({ isEnabled: true })
      .where(and(eq(dunningSteps.orgId, org.id), eq(dunningSteps.position, 0)));
    const debtor = await createDebtor(database.db, { orgId: org.id });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'N-SOON',
      dueDate: '2026-09-10',
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'N-LATE',
      dueDate: '2026-09-01',
    });
    await decide('2026-09-05');
    expect(await actionsOf(debtor)).toEqual([
      '2026-09-05 Friendly notice before the due date [N-SOON]',
      '2026-09-05 First reminder [N-LATE]',
    ]);
  });

  it("follows the policy of the debtor's segment, and the general one for any other segment", async () => {
    const other = await createOrganisation(database.db, { country: 'NL' });
    await ensureDefaultPolicies(database.db, other);
    const [policy] = await database.db
      .insert(dunningPolicies)
      .values({
        orgId: other.id,
        name: 'Key accounts',
        regime: 'nl_b2b',
        debtorKind: 'business',
        segment: 'key',
      })
      .returning();
    await database.db.insert(dunningSteps).values({
      orgId: other.id,
      policyId: policy?.id ?? '',
      position: 0,
      name: 'Key account call',
      anchor: 'due_date',
      offsetDays: 1,
      channel: 'call_task',
    });
    const key = await createDebtor(database.db, { orgId: other.id, kind: 'business', segment: 'key' });
    const retail = await createDebtor(database.db, { orgId: other.id, kind: 'business', segment: 'retail' });
    for (const [debtor, number] of [
      [key, 'K-1'],
      [retail, 'R-1'],
    ] as const)
      await createInvoice(database.db, {
        orgId: other.id,
        debtorId: debtor.id,
        number,
        dueDate: '2026-10-01',
      });
    const preview = await previewDecision(database.db, {
      orgId: other.id,
      date: '2026-10-04' as CalendarDate,
      sampleSize: 5,
    });
    expect(preview.counts.map((c) => `${c.stepName} ${c.actions}`).sort()).toEqual([
      'First reminder 1',
      'Key account call 1',
    ]);
    expect(
      preview.sample.map((a) => `${a.debtorId === key.id ? 'key' : 'retail'} ${a.invoiceNumbers}`).sort(),
    ).toEqual(['key K-1', 'retail R-1']);
  });

  it('previews a date without writing anything', async () => {
    const other = await createOrganisation(database.db, { country: 'BE' });
    await ensureDefaultPolicies(database.db, other);
    const debtor = await createDebtor(database.db, { orgId: other.id });
    await createInvoice(database.db, {
      orgId: other.id,
      debtorId: debtor.id,
      number: 'V-1',
      dueDate: '2026-10-01',
      totalCents: 77700,
    });
    const preview = await previewDecision(database.db, {
      orgId: other.id,
      date: '2026-10-04' as CalendarDate,
      sampleSize: 5,
    });
    const first = preview.counts.find((c) => c.stepName === 'First reminder');
    expect(first).toMatchObject({ channel: 'email', actions: 1, invoices: 1, openCents: 77700 });
    expect(preview.sample[0]).toMatchObject({ debtorId: debtor.id, openCents: 77700 });
    expect(await actionsOf(debtor)).toEqual([]);
  });
});
