import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { runCliCaptured } from '../../test/cli.js';
import { createTestDatabase } from '../../test/db.js';
import { createDebtor, createInvoice, createOrganisation, createUser } from '../../test/factories.js';
import { testDeps } from '../../test/http.js';
import { ledgerCli } from './ledger.cli.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const org = await createOrganisation(db, { slug: 'noord' });
  const collector = await createUser(db, { orgId: org.id, role: 'collector', name: 'Carla' });
  const bakery = await createDebtor(db, {
    orgId: org.id,
    number: '10001',
    name: 'Bakkerij Jansen',
    segment: 'retail',
    assignedCollectorId: collector.id,
  });
  const garage = await createDebtor(db, {
    orgId: org.id,
    number: '10002',
    name: 'Garage Peeters',
    kind: 'consumer',
    country: 'BE',
    language: 'fr',
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'F-001',
    totalCents: 123450,
    paymentReference: '1234567890123456',
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'F-002',
    dueDate: '2026-04-30',
    totalCents: 5000,
    openCents: 2500,
    status: 'partially_paid',
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'C-001',
    kind: 'credit_note',
    totalCents: -1500,
  });
  await createInvoice(db, { orgId: org.id, debtorId: garage.id, number: 'F-003', totalCents: 999 });
});
afterAll(async () => database?.close());

/** Runs the CLI against the test database and captures what it prints. */
const cli = (...argv: string[]) =>
  runCliCaptured(argv, { registrations: [ledgerCli], deps: () => testDeps(database) });

describe('collectdesk invoices', () => {
  it('prints the contract JSON: debtor numbers, two-decimal strings, negative credit notes', async () => {
    const result = await cli('invoices', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        number: 'F-001',
        debtor: '10001',
        issueDate: '2026-01-01',
        dueDate: '2026-01-31',
        currency: 'EUR',
        amount: '1234.50',
        open: '1234.50',
        status: 'open',
        reference: '1234567890123456',
      },
      expect.objectContaining({ number: 'F-002', amount: '50.00', open: '25.00', status: 'partially_paid' }),
      expect.objectContaining({ number: 'F-003', debtor: '10002', amount: '9.99' }),
      expect.objectContaining({ number: 'C-001', amount: '-15.00', open: '-15.00', reference: null }),
    ]);
  });

  it('filters by debtor number or id and by status', async () => {
    const byNumber = JSON.parse((await cli('invoices', '--debtor', '10002', '--json')).stdout);
    expect(byNumber.map((i: { number: string }) => i.number)).toEqual(['F-003']);
    const partial = JSON.parse(
      (await cli('invoices', '--status', 'partially_paid', '--json', '--org', 'noord')).stdout,
    );
    expect(partial.map((i: { number: string }) => i.number)).toEqual(['F-002']);
    const none = await cli('invoices', '--status', 'disputed', '--json');
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('prints a table without --json', async () => {
    const result = await cli('invoices', '--debtor', '10001');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^number\s+debtor\s+issueDate\s+dueDate\s+amount\s+open\s+status\s+reference$/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      /^F-001\s+10001\s+2026-01-01\s+2026-01-31\s+1234\.50\s+1234\.50\s+open\s+1234567890123456$/,
    );
  });

  it('exits 1 on an unknown debtor or organisation and 2 on a usage error', async () => {
    const unknown = await cli('invoices', '--debtor', '99999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no debtor "99999"');
    expect((await cli('invoices', '--org', 'nope')).code).toBe(1);
    expect((await cli('invoices', '--status', 'late')).code).toBe(2);
    expect((await cli('invoices', '--bogus')).code).toBe(2);
  });

  it('has --help', async () => {
    const result = await cli('invoices', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--debtor <id-or-number>');
  });
});

describe('collectdesk debtors', () => {
  it('prints balances as of today in the contract JSON', async () => {
    const result = await cli('debtors', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        number: '10001',
        name: 'Bakkerij Jansen',
        kind: 'business',
        country: 'NL',
        language: 'nl',
        open: '1244.50',
        overdue: '1234.50',
        oldestOverdueDueDate: '2026-01-31',
        segment: 'retail',
        collector: 'Carla',
      },
      {
        number: '10002',
        name: 'Garage Peeters',
        kind: 'consumer',
        country: 'BE',
        language: 'fr',
        open: '9.99',
        overdue: '9.99',
        oldestOverdueDueDate: '2026-01-31',
        segment: null,
        collector: null,
      },
    ]);
    const table = await cli('debtors');
    expect(table.stdout).toContain('Bakkerij Jansen');
    expect((await cli('debtors', '--help')).code).toBe(0);
  });
});
