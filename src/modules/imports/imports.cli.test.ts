import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { runCliCaptured } from '../../test/cli.js';
import { createTestDatabase } from '../../test/db.js';
import { registerImportExportCommands } from './imports.cli.js';
import { createOrg, scratchDir, testDeps } from './test-support.js';

let database: Database;
let files: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  database = await createTestDatabase();
  files = await scratchDir();
  await createOrg(database, { slug: 'acme' });
});
afterAll(async () => {
  await database?.close();
  await files?.cleanup();
});

const cli = (...argv: string[]) =>
  runCliCaptured(argv, { registrations: [registerImportExportCommands], deps: () => testDeps(database) });

const GOOD =
  'Factuurnummer;Klantnummer;Klantnaam;Factuurdatum;Vervaldatum;Bedrag\nC-1;K1;Klant Een;01-03-2026;31-03-2026;10,00\n';

describe('collectdesk import / export', () => {
  it('prints exactly the report JSON and exits 0 when everything was imported', async () => {
    const path = await files.write('good.csv', GOOD);
    const result = await cli('import', 'invoices', path, '--org', 'acme', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
    const again = await cli('import', 'invoices', path, '--json');
    expect(JSON.parse(again.stdout)).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 1,
      rejected: 0,
      errors: [],
    });
  });

  it('exits 1 with every rejected row listed, after importing the good rows', async () => {
    const path = await files.write(
      'bad.csv',
      `${GOOD}C-2;K1;Klant Een;01-13-2026;31-03-2026;10,00\nC-3;K1;Klant Een;02-03-2026;31-03-2026;12\n`,
    );
    const result = await cli('import', 'invoices', path, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['imported', 'updated', 'unchanged', 'rejected', 'errors']);
    expect(report).toMatchObject({ imported: 1, unchanged: 1, rejected: 1 });
    expect(report.errors).toHaveLength(1);
    expect(Object.keys(report.errors[0])).toEqual(['file', 'row', 'field', 'message']);
    expect(report.errors[0]).toMatchObject({ file: path, row: 3, field: 'issue_date' });

    const readable = await cli('import', 'invoices', path);
    expect(readable.code).toBe(1);
    expect(readable.stdout).toContain('imported 0, updated 0, unchanged 2, rejected 1');
    expect(readable.stdout).toContain(`${path} row 3 issue_date: bad date`);
  });

  it('exits 2 on usage errors and 0 on --help', async () => {
    expect((await cli('import', 'invoices')).code).toBe(2);
    expect((await cli('import', 'invoices', 'x.csv', '--no-such-option')).code).toBe(2);
    expect((await cli('export', 'invoices')).code).toBe(2);
    for (const command of [
      ['import', 'invoices'],
      ['import', 'debtors'],
      ['export', 'invoices'],
      ['export', 'debtors'],
      ['import'],
    ]) {
      const help = await cli(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout, command.join(' ')).toContain('Usage: collectdesk');
    }
  });

  it('exits 1 for a bad --map file, an unknown organisation or a missing file', async () => {
    const path = await files.write('again.csv', GOOD);
    const map = await files.write('map.json', '{"no_such_field": "X"}');
    expect((await cli('import', 'invoices', path, '--map', map)).code).toBe(1);
    expect((await cli('import', 'invoices', path, '--org', 'nope')).code).toBe(1);
    const missing = await cli('import', 'invoices', join(files.dir, 'missing.csv'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).errors[0]).toMatchObject({
      row: 0,
      field: 'file',
      message: 'file not found',
    });
  });

  it('imports debtors and exports invoices and debtors to CSV files', async () => {
    const debtorsFile = await files.write(
      'debtors.csv',
      'Klantnummer;Naam;E-mail\nK2;Klant Twee;info@twee.nl\n',
    );
    const imported = await cli('import', 'debtors', debtorsFile, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });

    const invoicesOut = join(files.dir, 'invoices-out.csv');
    const exported = await cli('export', 'invoices', invoicesOut, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ exported: 2 });
    const text = await readFile(invoicesOut, 'utf8');
    expect(text.startsWith('\uFEFFinvoice number;document type;')).toBe(true);
    expect(text).toContain('C-1;invoice;K1;Klant Een;2026-03-01;2026-03-31;;EUR;10,00;0,00;10,00;open');

    const debtorsOut = join(files.dir, 'debtors-out.csv');
    const debtorsExport = await cli('export', 'debtors', debtorsOut);
    expect(debtorsExport.code).toBe(0);
    expect(debtorsExport.stdout).toContain('exported 2 debtors of acme');

    const unwritable = await cli('export', 'debtors', join(files.dir, 'no-such-folder', 'out.csv'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('cannot write');
    expect(unwritable.stderr).toContain('ENOENT');
  });
});
