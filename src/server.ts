import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
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
