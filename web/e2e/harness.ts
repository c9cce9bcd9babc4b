import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import type { Database } from '../../src/db/client.js';
import type { AppDeps } from '../../src/deps.js';
import { createTestDatabase } from '../../src/test/db.js';
import { testDeps } from '../../src/test/http.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const WEB_DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots', import.meta.url));

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type TestServer = { baseUrl: string; deps: AppDeps; close: () => Promise<void> };

/**
 * The real server in-process: a fresh migrated database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), `seed` run against it, and buildApp listening on a random port
 * serving the built web app. Links the server writes (confirmation emails) point at that port.
 */
export async function startTestServer<T>(
  seed: (deps: AppDeps) => Promise<T>,
  options: { clock?: Clock } = {},
): Promise<TestServer & { seeded: T }> {
  const database: Database = await createTestDatabase();
  const deps = testDeps(database, options.clock ? { clock: options.clock } : {});
  const seeded = await seed(deps);
  const app = await buildApp(deps, { webDistDir: WEB_DIST });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  deps.config = { ...deps.config, publicUrl: baseUrl };
  return {
    baseUrl,
    deps,
    seeded,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type TestBrowser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** Debian's Chromium, headless, with a throw-away profile, at the 1280×800 the UI is made for. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'collectdesk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
