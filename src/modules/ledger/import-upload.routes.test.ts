import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';

let database: Database;
let app: FastifyInstance;
let senior: Session;
let collector: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database);
  const org = await createOrganisation(database.db);
  senior = await login(
    app,
    (await createUser(database.db, { orgId: org.id, role: 'senior_collector', name: 'Sam Senior' })).email,
    TEST_PASSWORD,
  );
  collector = await login(
    app,
    (await createUser(database.db, { orgId: org.id, role: 'collector' })).email,
    TEST_PASSWORD,
  );
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A multipart/form-data body as a browser sends it. */
function multipart(
  parts: ({ name: string; value: string } | { name: string; filename: string; content: string })[],
) {
  const boundary = '----collectdesk-test-boundary';
  const body = parts
    .map((part) =>
      'filename' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
          `Content-Type: text/csv\r\n\r\n${part.content}\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
    )
    .join('');
  return {
    payload: `${body}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const CSV = [
  'Factuurnummer;Debiteurnummer;Naam;Factuurdatum;Vervaldatum;Bedrag',
  '2026-001;K100;Bakkerij Jansen;01-02-2026;03-03-2026;1.210,00',
  '2026-002;K100;Bakkerij Jansen;31-02-2026;03-03-2026;50,00',
  '2026-003;K200;Garage Peeters;05-02-2026;07-03-2026;99,95',
].join('\r\n');

describe('import upload', () => {
  it('imports the good rows, reports the bad one, and lists the run', async () => {
    const { payload, headers } = multipart([{ name: 'files', filename: 'export.csv', content: CSV }]);
    const response = await senior.request({ method: 'POST', url: '/api/imports', payload, headers });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ imported: 2, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'export.csv', row: 3 })]);

    const debtors = (await senior.request({ method: 'GET', url: '/api/debtors?sort=name' })).json();
    expect(debtors.items.map((d: { number: string; open: string }) => [d.number, d.open])).toEqual([
      ['K100', '1210.00'],
      ['K200', '99.95'],
    ]);

    const runs = (await collector.request({ method: 'GET', url: '/api/imports' })).json().runs;
    expect(runs[0]).toMatchObject({
      fileName: 'export.csv',
      kind: 'invoices',
      imported: 2,
      rejected: 1,
      user: { name: 'Sam Senior' },
      errors: [expect.objectContaining({ row: 3 })],
    });

    const again = await senior.request({ method: 'POST', url: '/api/imports', payload, headers });
    expect(again.json()).toMatchObject({ imported: 0, unchanged: 2, rejected: 1 });
  });

  it('needs a file, a known kind, a valid mapping and a senior collector', async () => {
    const none = multipart([{ name: 'kind', value: 'invoices' }]);
    const noFile = await senior.request({ method: 'POST', url: '/api/imports', ...none });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.issues[0].field).toBe('files');

    const badKind = multipart([
      { name: 'kind', value: 'payments' },
      { name: 'files', filename: 'x.csv', content: CSV },
    ]);
    expect((await senior.request({ method: 'POST', url: '/api/imports', ...badKind })).statusCode).toBe(400);

    const badMapping = multipart([
      { name: 'mapping', value: '{not json' },
      { name: 'files', filename: 'x.csv', content: CSV },
    ]);
    expect((await senior.request({ method: 'POST', url: '/api/imports', ...badMapping })).statusCode).toBe(
      400,
    );

    const json = await senior.request({ method: 'POST', url: '/api/imports', payload: { files: [] } });
    expect(json.statusCode).toBe(400);

    const file = multipart([{ name: 'files', filename: 'x.csv', content: CSV }]);
    expect((await collector.request({ method: 'POST', url: '/api/imports', ...file })).statusCode).toBe(403);
  });
});
