import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOgm } from '../../core/references/ogm.js';
import type { Database } from '../../db/client.js';
import { runCliCaptured } from '../../test/cli.js';
import { createTestDatabase } from '../../test/db.js';
import { createDebtor, createInvoice } from '../../test/factories.js';
import { registerImportExportCommands } from '../imports/imports.cli.js';
import { createOrg, HAS_SAMPLES, SAMPLES_DIR, scratchDir, testDeps } from '../imports/test-support.js';
import { importBankStatements } from './bank-import.service.js';
import { bankingCli } from './banking.cli.js';
import { bankEntry, bankFile } from './test-support.js';

let database: Database;
let files: Awaited<ReturnType<typeof scratchDir>>;
let orgId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  files = await scratchDir();
  orgId = (await createOrg(database, { slug: 'acme', country: 'BE' })).id;
});
afterAll(async () => {
  await database?.close();
  await files?.cleanup();
});

const cli = (...argv: string[]) =>
  runCliCaptured(argv, {
    registrations: [registerImportExportCommands, bankingCli],
    deps: () => testDeps(database),
  });

describe('collectdesk import bank / payments', () => {
  it('reports a file it cannot read in the JSON contract and exits 1', async () => {
    const path = await files.write('empty.sta', '');
    const result = await cli('import', 'bank', path, '--org', 'acme', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      statements: 0,
      entries: 0,
      duplicates: 0,
      matched: 0,
      suggested: 0,
      unmatched: 0,
      errors: [{ file: path, entry: 'file', message: 'not a bank statement: the file is empty' }],
    });
  });

  it('lists payments with their invoices, and only the unmatched ones when asked', async () => {
    const debtor = await createDebtor(database.db, { orgId, name: 'Brouwerij Claes', country: 'BE' });
    const reference = generateOgm(4711);
    if (!reference.ok) throw new Error(reference.reason);
    await createInvoice(database.db, {
      orgId,
      debtorId: debtor.id,
      number: 'F-4711',
      totalCents: 24200,
      paymentReference: reference.normalized,
    });
    await importBankStatements(testDeps(database), { orgId, userId: null, label: 'test' }, [
      bankFile('cli.xml', [
        {
          entries: [
            bankEntry({
              amountCents: 24200,
              bookingDate: '2026-03-11',
              counterpartyName: 'CLAES',
              counterpartyIban: 'BE68539007547034',
              structuredReference: reference.normalized,
            }),
            bankEntry({ amountCents: 1500, bookingDate: '2026-03-10', remittance: 'wie weet' }),
          ],
        },
      ]),
    ]);
    const all = await cli('payments', '--json');
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual([
      {
        date: '2026-03-11',
        amount: '242.00',
        counterparty: 'CLAES',
        iban: 'BE68539007547034',
        reference: reference.normalized,
        remittance: null,
        status: 'allocated',
        invoices: ['F-4711'],
      },
      {
        date: '2026-03-10',
        amount: '15.00',
        counterparty: null,
        iban: null,
        reference: null,
        remittance: 'wie weet',
        status: 'unmatched',
        invoices: [],
      },
    ]);
    const unmatched = await cli('payments', '--unmatched', '--json');
    expect(JSON.parse(unmatched.stdout).map((p: { amount: string }) => p.amount)).toEqual(['15.00']);
  });
});

describe.skipIf(!HAS_SAMPLES)('collectdesk import bank on a real file', () => {
  it('imports a CODA statement, reports its balance mismatch, and re-imports it as duplicates', async () => {
    const path = `${SAMPLES_DIR}coda/bnpfortis-2-credits-ogm-101-102.cod`;
    const first = await cli('import', 'bank', path, '--json');
    expect(first.code).toBe(1);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ statements: 1, entries: 2, duplicates: 0, matched: 0, unmatched: 2 });
    expect(report.errors[0]).toEqual({
      file: path,
      entry: 'statement 1 (line 2)',
      message:
        'the balances do not add up: opening 57900.00 + entries 700.86 is not the closing balance 58900.00',
    });
    const again = JSON.parse((await cli('import', 'bank', path, '--json')).stdout);
    expect(again).toMatchObject({ entries: 2, duplicates: 2, unmatched: 0 });
  });
});
