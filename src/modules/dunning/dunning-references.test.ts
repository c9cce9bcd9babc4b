import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import {
  debtors,
  dunningActions,
  dunningRuns,
  dunningSteps,
  invoices,
  organisations,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createDebtor,
  createInvoice,
  createOrganisation,
  type OrganisationRow,
} from '../../test/factories.js';
import { recordDecision } from './dunning-decision.repo.js';
import { openRun } from './dunning-runs.repo.js';
import { ensureDefaultPolicies } from './policies.repo.js';

/**
 * dunning_actions and dunning_action_invoices have no foreign keys (the daily run writes them in
 * bulk); statement triggers do on delete what the keys did. Checked here on both databases.
 */
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** An organisation with two debtors who each got a first reminder on 2026-02-03. */
async function organisationWithActions() {
  const org = await createOrganisation(database.db, { country: 'NL' });
  await ensureDefaultPolicies(database.db, org);
  const made = [];
  for (const name of ['A', 'B']) {
    const debtor = await createDebtor(database.db, { orgId: org.id });
    const base = { orgId: org.id, debtorId: debtor.id, dueDate: '2026-01-31' };
    const first = await createInvoice(database.db, { ...base, number: `${name}-1` });
    const second = await createInvoice(database.db, { ...base, number: `${name}-2` });
    made.push({ debtor, invoices: [first, second] });
  }
  const date = '2026-02-03' as CalendarDate;
  const run = await openRun(database.db, org.id, date);
  await database.db.transaction((tx) => recordDecision(tx as never, { orgId: org.id, runId: run.id, date }));
  return { org, run, debtors: made };
}

/** "debtor-number: invoice numbers" for each action of the organisation, by invoice numbers. */
async function actionsOf(org: OrganisationRow): Promise<string[]> {
  const result = (await database.db.execute(sql`select d.number as debtor,
      (select string_agg(i.number, ',' order by i.number) from dunning_action_invoices dai
        join invoices i on i.id = dai.invoice_id where dai.action_id = a.id) as numbers
    from dunning_actions a join debtors d on d.id = a.debtor_id
    where a.org_id = ${org.id} order by numbers`)) as unknown as {
    rows: { debtor: string; numbers: string }[];
  };
  return result.rows.map((r) => `${r.debtor}: ${r.numbers}`);
}

async function countRows(
  table: 'dunning_actions' | 'dunning_action_invoices',
  orgId: string,
): Promise<number> {
  const result = (await database.db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]?.n ?? -1;
}

/** The SQLSTATE of a failed statement (node-postgres and PGlite put it on the error or its cause). */
async function sqlState(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    return code ?? cause?.code;
  }
}

describe('what a delete does to dunning actions', () => {
  it('removes a deleted invoice from its action and a deleted debtor with its actions', async () => {
    const { org, debtors: made } = await organisationWithActions();
    const [a, b] = made;
    expect(await actionsOf(org)).toEqual([`${a?.debtor.number}: A-1,A-2`, `${b?.debtor.number}: B-1,B-2`]);
    await database.db.delete(invoices).where(eq(invoices.id, a?.invoices[1]?.id ?? ''));
    await database.db.delete(debtors).where(eq(debtors.id, b?.debtor.id ?? ''));
    expect(await actionsOf(org)).toEqual([`${a?.debtor.number}: A-1`]);
    expect(await countRows('dunning_action_invoices', org.id)).toBe(1);
  });

  it('removes the actions of a deleted run, and everything of a deleted organisation', async () => {
    const first = await organisationWithActions();
    await database.db.delete(dunningRuns).where(eq(dunningRuns.id, first.run.id));
    expect(await countRows('dunning_actions', first.org.id)).toBe(0);
    expect(await countRows('dunning_action_invoices', first.org.id)).toBe(0);

    const second = await organisationWithActions();
    expect(await countRows('dunning_action_invoices', second.org.id)).toBe(4);
    await database.db.delete(organisations).where(eq(organisations.id, second.org.id));
    expect(await countRows('dunning_actions', second.org.id)).toBe(0);
    expect(await countRows('dunning_action_invoices', second.org.id)).toBe(0);
  });

  it('refuses to delete a step that actions point to', async () => {
    const { org } = await organisationWithActions();
    const [action] = await database.db.select().from(dunningActions).where(eq(dunningActions.orgId, org.id));
    expect(
      await sqlState(database.db.delete(dunningSteps).where(eq(dunningSteps.id, action?.stepId ?? ''))),
    ).toBe('23503');
    expect(await countRows('dunning_actions', org.id)).toBe(2);
  });
});
