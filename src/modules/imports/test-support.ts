import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { fixedClock } from '../../clock.js';
import type { Database } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';

/** Test helpers for the import tests (not a test file itself). */

/** The shared sample files, used in place; absent outside the development machines. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../../shared/samples/', import.meta.url));
export const HAS_SAMPLES = existsSync(SAMPLES_DIR);
if (!HAS_SAMPLES) console.warn(`sample-file tests skipped: ${SAMPLES_DIR} not found`);

export const TEST_CLOCK = fixedClock('2026-03-16T09:00:00Z');

export function testDeps(database: Database): AppDeps {
  return {
    database,
    db: database.db,
    clock: TEST_CLOCK,
    config: { dataDir: '/nonexistent', host: '127.0.0.1', port: 0, logLevel: 'silent' },
  };
}

let orgCounter = 0;

export async function createOrg(
  database: Database,
  overrides: { country?: 'NL' | 'BE'; slug?: string } = {},
) {
  orgCounter++;
  const [org] = await database.db
    .insert(organisations)
    .values({
      slug: overrides.slug ?? `org-${orgCounter}-${Math.random().toString(36).slice(2, 8)}`,
      name: `Test organisation ${orgCounter}`,
      country: overrides.country ?? 'NL',
      creditorName: 'Test BV',
    })
    .returning();
  if (!org) throw new Error('organisation not created');
  return org;
}

/** A scratch directory for files written by a test. */
export async function scratchDir(): Promise<{ dir: string; write: WriteFile; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'collectdesk-import-'));
  const write: WriteFile = async (name, content, encoding = 'utf-8') => {
    const path = join(dir, name);
    const bytes =
      typeof content !== 'string'
        ? content
        : encoding === 'windows-1252'
          ? iconv.encode(content, 'win1252')
          : Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${content}` : content, 'utf8');
    await writeFile(path, bytes);
    return path;
  };
  return { dir, write, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

type WriteFile = (
  name: string,
  content: string | Buffer,
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252',
) => Promise<string>;
