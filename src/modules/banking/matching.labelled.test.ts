import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import {
  allocations,
  bankEntries,
  bankFiles,
  bankStatements,
  debtors,
  invoices,
  matchSuggestions,
  payments,
} from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { createOrganisation } from '../../test/factories.js';
import { testDeps } from '../imports/test-support.js';
import { importBankStatements } from './bank-import.service.js';
import { generateLabelledSet, SCENARIOS } from './labelled-set.js';
import { bankEntry, bankFile } from './test-support.js';

let database: Database;
let orgId: string;
const set = generateLabelledSet(120);
const invoiceIdByKey = new Map<string, string>();
const keyByInvoiceId = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  orgId = (await createOrganisation(db)).id;
  for (const d of set.debtors) {
    const [debtor] = await db
      .insert(debtors)
      .values({ orgId, number: `K${d.index}`, name: d.name, country: d.country, language: 'nl' })
      .returning();
    if (!debtor) throw new Error('no debtor');
    const rows = await db
      .insert(invoices)
      .values(
        d.invoices.map((i) => ({
          orgId,
          debtorId: debtor.id,
          kind: i.kind,
          number: i.number,
          issueDate: '2026-01-15',
          dueDate: i.dueDate,
          totalCents: i.totalCents,
          openCents: i.totalCents,
          paymentReference: i.paymentReference,
        })),
      )
      .returning({ id: invoices.id, number: invoices.number });
    for (const row of rows) {
      const key = d.invoices.find((i) => i.number === row.number)?.key as string;
      invoiceIdByKey.set(key, row.id);
      keyByInvoiceId.set(row.id, key);
    }
  }
});
afterAll(async () => database?.close());

const actor = () => ({ orgId, userId: null, label: 'bank import (test)' });

describe('matching on a labelled set', () => {
  it('allocates nothing wrongly and matches at least 95% of the matchable payments automatically', async () => {
    const deps = testDeps(database);
    const history = await importBankStatements(deps, actor(), [
      bankFile('history.xml', [{ entries: set.history }]),
    ]);
    expect(history.matched).toBe(set.history.length);

    const report = await importBankStatements(deps, actor(), [
      bankFile('march.xml', [{ entries: set.lines.map((l) => l.entry) }]),
    ]);
    expect(report.errors).toEqual([]);
    expect(report.entries).toBe(set.lines.length);

    const entries = await database.db
      .select({ place: bankEntries.place, paymentId: bankEntries.paymentId })
      .from(bankEntries)
      .innerJoin(bankStatements, eq(bankStatements.id, bankEntries.statementId))
      .innerJoin(bankFiles, eq(bankFiles.id, bankStatements.fileId))
      .where(and(eq(bankEntries.orgId, orgId), eq(bankFiles.fileName, 'march.xml')));
    const paymentByPlace = new Map(entries.map((e) => [e.place, e.paymentId]));
    const allocated = await database.db
      .select({ paymentId: allocations.paymentId, invoiceId: allocations.invoiceId })
      .from(allocations)
      .where(eq(allocations.orgId, orgId));
    const suggestions = await database.db
      .select({ paymentId: matchSuggestions.paymentId })
      .from(matchSuggestions)
      .where(and(eq(matchSuggestions.orgId, orgId), eq(matchSuggestions.rank, 1)));
    const suggested = new Set(suggestions.map((s) => s.paymentId));

    const perScenario = new Map<
      string,
      { lines: number; matchable: number; auto: number; wrong: number; suggested: number }
    >();
    let matchable = 0;
    let auto = 0;
    let wrong = 0;
    const wrongLines: string[] = [];
    set.lines.forEach((line, i) => {
      const paymentId = paymentByPlace.get(`statement 1, entry ${i + 1}`);
      const got = new Set(
        allocated.filter((a) => a.paymentId === paymentId).map((a) => keyByInvoiceId.get(a.invoiceId)),
      );
      const want = new Set(line.pays);
      const stats = perScenario.get(line.scenario) ?? {
        lines: 0,
        matchable: 0,
        auto: 0,
        wrong: 0,
        suggested: 0,
      };
      stats.lines++;
      if (want.size > 0) {
        stats.matchable++;
        matchable++;
      }
      const isRight = got.size === want.size && [...got].every((k) => k !== undefined && want.has(k));
      if (got.size > 0 && isRight) {
        stats.auto++;
        auto++;
      } else if (got.size > 0) {
        stats.wrong++;
        wrong++;
        wrongLines.push(
          `${line.scenario}: paid ${[...want].join('+') || 'nothing'}, allocated ${[...got].join('+')}`,
        );
      } else if (paymentId && suggested.has(paymentId)) {
        stats.suggested++;
      }
      perScenario.set(line.scenario, stats);
    });

    const rate = auto / matchable;
    console.log(
      `labelled set: ${set.lines.length} lines, ${matchable} matchable, ${auto} matched automatically (${(
        rate * 100
      ).toFixed(1)}%), ${wrong} false allocations`,
    );
    console.table(SCENARIOS.map((s) => ({ scenario: s, ...perScenario.get(s) })));
    expect(wrongLines).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.95);
    // Every matchable line that was not allocated waits with a suggestion.
    expect(report).toMatchObject({ matched: auto });
  });

  it('gives the rest of an overpayment to the debtor as credit and leaves the partly paid invoice open', async () => {
    const over = set.lines.find((l) => l.scenario === 'overpayment');
    const partial = set.lines.find((l) => l.scenario === 'partial_payment');
    if (!over || !partial) throw new Error('scenarios missing');
    const [overPayment] = await database.db
      .select()
      .from(payments)
      .where(and(eq(payments.orgId, orgId), eq(payments.amountCents, over.entry.amountCents)));
    expect(overPayment?.status).toBe('partially_allocated');
    const [partlyPaid] = await database.db
      .select()
      .from(invoices)
      .where(inArray(invoices.id, [invoiceIdByKey.get(partial.pays[0] as string) as string]));
    expect(partlyPaid).toMatchObject({
      status: 'partially_paid',
      openCents: (partlyPaid?.totalCents ?? 0) - partial.entry.amountCents,
    });
  });

  it('reopens the invoice when the bank reverses a matched payment', async () => {
    const line = set.lines.find((l) => l.scenario === 'reference');
    if (!line) throw new Error('scenario missing');
    const report = await importBankStatements(testDeps(database), actor(), [
      bankFile('reversal.xml', [
        {
          entries: [
            bankEntry({
              ...line.entry,
              amountCents: -line.entry.amountCents,
              bookingDate: '2026-03-12',
              isReversal: true,
            }),
          ],
        },
      ]),
    ]);
    expect(report).toMatchObject({ matched: 1 });
    const [invoice] = await database.db
      .select()
      .from(invoices)
      .where(eq(invoices.id, invoiceIdByKey.get(line.pays[0] as string) as string));
    expect(invoice).toMatchObject({ status: 'open', openCents: line.entry.amountCents });
  });
});
