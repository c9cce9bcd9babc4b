import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateFile?: string;
    postgresTemplate?: { adminUrl: string; templateName: string };
  }
}

/**
 * A fresh, migrated, empty database for one test file: a copy of a template made once per run
 * (see global-setup.ts). PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise.
 */
export async function createTestDatabase(): Promise<Database> {
  const postgres = inject('postgresTemplate');
  if (postgres) {
    const name = `cd_test_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(postgres.adminUrl, { max: 1 });
    try {
      await admin.exec(`create database ${name} template ${postgres.templateName}`);
    } finally {
      await admin.close();
    }
    const database = await openPostgres(withDatabase(postgres.adminUrl, name));
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        const cleanup = await openPostgres(postgres.adminUrl, { max: 1 });
        await cleanup.exec(`drop database if exists ${name} with (force)`).catch(() => undefined);
        await cleanup.close();
      },
    };
  }
  const file = inject('pgliteTemplateFile');
  if (!file) throw new Error('test template missing: is src/test/global-setup.ts configured?');
  const blob = new Blob([await readFile(file)]);
  return openPglite(undefined, { loadDataDir: blob });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
