import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Database } from './db/client.js';
import type { AppDeps } from './deps.js';

export type RunningServer = { app: FastifyInstance; url: string; close(): Promise<void> };

/** Starts the HTTP server on host:port (port 0 picks a free one) and returns its address. */
export async function startServer(
  deps: AppDeps,
  options: { host: string; port: number },
): Promise<RunningServer> {
  const app = await buildApp(deps);
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return { app, url: `http://${host}:${port}`, close: () => app.close() };
}

/**
 * Resolves when the process is asked to stop (Ctrl-C, SIGTERM from a service manager), after the
 * server has finished the requests in flight; the caller then closes the database.
 */
export function closeOnSignal(
  server: RunningServer,
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
) {
  return new Promise<NodeJS.Signals>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, stop);
      server.close().then(
        () => resolve(signal),
        () => resolve(signal),
      );
    };
    for (const s of signals) process.once(s, stop);
  });
}

/**
 * PGlite runs no autovacuum, so nothing ever gathers planner statistics: at 200k debtors the
 * planner then scans whole tables (a debtor list took 0.8 s instead of 30 ms). Before serving,
 * analyze the tables never analyzed or grown to more than twice the size the statistics saw.
 * PostgreSQL servers do this themselves. Returns the tables analyzed.
 */
export async function analyzeStaleTables(database: Database): Promise<string[]> {
  if (database.kind !== 'pglite') return [];
  const rows = await database.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and (c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > 2 * c.relpages + 100)`,
  );
  const names = rows.map((r) => r.name).sort();
  if (names.length > 0)
    await database.exec(`analyze ${names.map((n) => `"${n.replaceAll('"', '""')}"`).join(', ')}`);
  return names;
}
