import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { runCliCaptured } from '../../test/cli.js';
import { createTestDatabase } from '../../test/db.js';
import { createDebtor, createInvoice, createOrganisation } from '../../test/factories.js';
import { testDeps } from '../../test/http.js';
import { dunningCli } from './dunning.cli.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  const org = await createOrganisation(database.db, { slug: 'bakkerij', iban: 'NL91ABNA0417164300' });
  const debtor = await createDebtor(database.db, { orgId: org.id, number: 'K-1' });
  await createInvoice(database.db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: 'F-1',
    dueDate: '2026-02-27',
    totalCents: 12345,
  });
  await createInvoice(database.db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: 'F-2',
    dueDate: '2026-02-28',
    totalCents: 100,
  });
});
afterAll(() => database.close());

const cli = (...argv: string[]) =>
  runCliCaptured(argv, { registrations: [dunningCli], deps: () => testDeps(database) });

describe('collectdesk run', () => {
  it('previews with --dry-run and then runs, with the JSON of the contract', async () => {
    const preview = await cli('run', '--date', '2026-03-03', '--dry-run', '--org', 'bakkerij', '--json');
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.stdout)).toEqual({
      date: '2026-03-03',
      dryRun: true,
      counts: { first_reminder: 1 },
      actions: [
        {
          debtor: 'K-1',
          invoices: ['F-1', 'F-2'],
          step: 'first_reminder',
          channel: 'email',
          amount: '124.45',
          status: 'preview',
        },
      ],
    });
    const run = await cli('run', '--date', '2026-03-03', '--org', 'bakkerij', '--json');
    expect(JSON.parse(run.stdout)).toMatchObject({
      dryRun: false,
      counts: { first_reminder: 1 },
      actions: [{ debtor: 'K-1', status: 'done' }],
    });
    const again = await cli('run', '--date', '2026-03-03', '--org', 'bakkerij', '--json');
    expect(JSON.parse(again.stdout).actions).toHaveLength(1);
  });

  it('rejects a bad date with exit 1', async () => {
    const result = await cli('run', '--date', '3-3-2026', '--org', 'bakkerij');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--date must be a date YYYY-MM-DD');
  });
});
