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

/** A .zip with stored (uncompressed) entries: enough for tests, no zip library needed. */
export function makeZip(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
