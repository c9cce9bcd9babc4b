import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server (buildApp) on a random port with a fresh database (PGlite, or
 * PostgreSQL when TEST_DATABASE_URL is set), the built web app from web/dist, and Debian's
 * Chromium driven by playwright-core. `npm run test:browser`.
 */
export default defineConfig({
  test: {
    // Also the web app's own unit tests (pure formatting), which the server suite leaves out.
    include: ['web/e2e/**/*.browser.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts', 'web/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    // The UI debounces and the server may be a cold PGlite: give polled assertions time.
    expect: { poll: { timeout: 10_000 } },
  },
});
