#!/usr/bin/env node
// Runs the built CLI; `npm run build` (done by `npm start`) creates dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');
if (!existsSync(built)) {
  process.stderr.write('collectdesk is not built yet: run `npm run build` first\n');
  process.exit(2);
}
await import(pathToFileURL(built).href);
