import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { type Clock, fixedClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { AppDeps } from '../deps.js';

/** Config for tests: no env, quiet logs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { dataDir: '/nonexistent', host: '127.0.0.1', port: 0, logLevel: 'silent', ...overrides };
}

/** 15 March 2026, 10:00 in Amsterdam: a Sunday-free mid-month morning all HTTP tests share. */
export const TEST_NOW = '2026-03-15T09:00:00Z';

export function testDeps(
  database: Database,
  options: { clock?: Clock; config?: Partial<Config> } = {},
): AppDeps {
  return {
    database,
    db: database.db,
    config: testConfig(options.config),
    clock: options.clock ?? fixedClock(TEST_NOW),
  };
}

export async function buildTestApp(
  database: Database,
  options: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<FastifyInstance> {
  const app = await buildApp(testDeps(database, options), { webDistDir: '/nonexistent' });
  await app.ready();
  return app;
}

/** A signed-in browser: sends the session cookie and, on unsafe methods, the CSRF header. */
export type Session = {
  cookie: string;
  csrfToken: string;
  request(options: {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<LightMyRequestResponse>;
};

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'cd_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `cd_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    request: ({ method, url, payload, headers }) =>
      app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers },
      }),
  };
}
