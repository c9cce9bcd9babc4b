import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPglite, openPostgres } from '../db/client.js';
import { withDatabase } from './db.js';

/** Migrates one template database per run; each test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const templateName = `cd_template_${randomBytes(6).toString('hex')}`;
    const admin = await openPostgres(url, { max: 1 });
    await admin.exec(`create database ${templateName}`);
    const template = await openPostgres(withDatabase(url, templateName), { max: 1 });
    await migrateDatabase(template);
    await template.close();
    project.provide('postgresTemplate', { adminUrl: url, templateName });
    return async () => {
      await admin.exec(`drop database if exists ${templateName} with (force)`);
      await admin.close();
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'collectdesk-test-'));
  const database = await openPglite(undefined);
  await migrateDatabase(database);
  const dump = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplateFile', file);
  return async () => rm(dir, { recursive: true, force: true });
}
