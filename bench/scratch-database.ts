import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openPglite, openPostgres } from '../src/db/client.js';
import { withDatabase } from '../src/test/db.js';

export const BENCH_TARGETS = ['pglite', 'postgres'] as const;
export type BenchTarget = (typeof BENCH_TARGETS)[number];

export const benchUrl = () => process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * An empty database for one benchmark run: a temp PGlite folder, or a scratch PostgreSQL database
 * (with its URL, for a server process of its own).
 */
export async function openScratchDatabase(
  target: BenchTarget,
): Promise<{ database: Database; url?: string; cleanup: () => Promise<void> }> {
  if (target === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'collectdesk-bench-'));
    const database = await openPglite(dir);
    return {
      database,
      cleanup: async () => {
        await database.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `cd_bench_${randomBytes(5).toString('hex')}`;
  const admin = await openPostgres(benchUrl(), { max: 1 });
  await admin.exec(`create database ${name}`);
  const url = withDatabase(benchUrl(), name);
  const database = await openPostgres(url);
  return {
    database,
    url,
    cleanup: async () => {
      await database.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
