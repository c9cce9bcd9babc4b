import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded database keeps the demo login beside its data (readable by its owner only), so
 * that every later `collectdesk serve` can print it again; on a PostgreSQL server nothing is kept.
 */
const FILE_NAME = 'demo-login.txt';

export async function saveDemoLogin(
  dataDir: string,
  login: { email: string; password: string },
): Promise<void> {
  await writeFile(join(dataDir, FILE_NAME), `${login.email} / ${login.password}\n`, { mode: 0o600 });
}

export async function readDemoLogin(dataDir: string): Promise<string | undefined> {
  try {
    return (await readFile(join(dataDir, FILE_NAME), 'utf8')).trim() || undefined;
  } catch {
    return undefined;
  }
}
