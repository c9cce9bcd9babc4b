import { InvalidArgumentError } from 'commander';
import type { CliRegistration } from './cli.js';
import { findUserByEmail } from './modules/auth/auth.repo.js';
import { ensureDemoPortfolio } from './modules/demo/demo.service.js';
import { readDemoLogin, saveDemoLogin } from './modules/demo/demo-login-file.js';
import { DEMO_ADMIN_EMAIL } from './modules/demo/demo-organisations.js';
import { analyzeStaleTables, closeOnSignal, startServer } from './server.js';
import { startWorker } from './worker.js';

const portNumber = (value: string): number => {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port 0–65535');
  return Number(value);
};

/** `collectdesk serve`: migrate, seed the demo on an empty database, serve the API and web app. */
export const serveCli: CliRegistration = (program, context) => {
  program
    .command('serve')
    .description('serve the API and the web app (migrates first; an empty database gets the demo portfolio)')
    .option('--port <n>', 'port to listen on (default: PORT or 3000)', portNumber)
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option(
      '--no-worker',
      'serve only; run `collectdesk worker` elsewhere for the daily dunning run and the outbox',
    )
    .addHelpText('after', '\nExamples:\n  collectdesk serve\n  collectdesk serve --port 8080 --host 0.0.0.0')
    .action(async (options: { port?: number; host?: string; worker: boolean }) => {
      const deps = await context.deps();
      const demoLogin = await ensureDemoPortfolio(deps);
      await analyzeStaleTables(deps.database);
      const server = await startServer(deps, {
        host: options.host ?? deps.config.host,
        port: options.port ?? deps.config.port,
      });
      const shown = server.url.replace('://0.0.0.0:', '://127.0.0.1:');
      context.stdout(`Collectdesk is running at ${shown}`);
      const isEmbedded = !deps.config.databaseUrl;
      if (demoLogin) {
        context.stdout(`Demo login: ${demoLogin.email} / ${demoLogin.password}`);
        if (isEmbedded) await saveDemoLogin(deps.config.dataDir, demoLogin);
        else context.stdout('(the password is shown only this once: write it down)');
      } else if (await findUserByEmail(deps.db, DEMO_ADMIN_EMAIL)) {
        const saved = isEmbedded ? await readDemoLogin(deps.config.dataDir) : undefined;
        context.stdout(
          `Demo login: ${saved ?? `${DEMO_ADMIN_EMAIL} (password as printed when the demo was created)`}`,
        );
      }
      const worker = options.worker ? await startWorker(deps) : null;
      if (worker)
        context.stdout(
          `Worker started: daily dunning runs${deps.config.smtpUrl ? ' and email sending' : ' (no SMTP_URL: emails stay in the outbox)'}`,
        );
      context.stdout(`API docs: ${shown}/api/docs — stop with Ctrl-C`);
      await closeOnSignal(server);
      await worker?.stop();
      context.stdout('Collectdesk stopped');
    });
};

/** `collectdesk worker`: the durable jobs alone (daily dunning runs, outbox), for a separate process. */
export const workerCli: CliRegistration = (program, context) => {
  program
    .command('worker')
    .description(
      'run the background jobs only: the daily dunning run of every organisation and the email outbox',
    )
    .action(async () => {
      const deps = await context.deps();
      const worker = await startWorker(deps);
      context.stdout('Collectdesk worker running — stop with Ctrl-C');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await worker.stop();
      context.stdout('Collectdesk worker stopped');
    });
};
