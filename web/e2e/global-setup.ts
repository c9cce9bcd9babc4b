import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(webDir, 'dist', 'index.html');

/** The newest modification time of the web app's sources, to tell whether web/dist is stale. */
function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The browser tests need web/dist. CI builds it before; locally it is built here when missing or
 * older than web/src, so a test never runs against yesterday's screens.
 */
export default async function setup(): Promise<void> {
  const stale =
    !existsSync(builtIndex) ||
    statSync(builtIndex).mtimeMs <
      Math.max(newestSourceMtime(join(webDir, 'src')), statSync(join(webDir, 'index.html')).mtimeMs);
  if (!stale) return;
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}
