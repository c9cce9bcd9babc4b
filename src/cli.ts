import { Command, CommanderError } from 'commander';
import { loadConfig } from './config.js';
import { AppError } from './core/errors.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { type AppDeps, openDeps } from './deps.js';

/** What every CLI command gets: output streams and a way to open the database when it needs one. */
export type CliContext = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens (and migrates) the database; closed by runCli when the command ends. */
  deps(): Promise<AppDeps>;
  /** Set by a command to report bad input (exit code 1) without throwing. */
  exitCode: number;
};

export type CliRegistration = (program: Command, context: CliContext) => void;

/** Exit codes: 0 ok, 1 bad input, 2 usage error. */
export async function runCli(
  argv: readonly string[],
  options: {
    registrations?: readonly CliRegistration[];
    env?: NodeJS.ProcessEnv;
    deps?: () => Promise<AppDeps>;
  } = {},
): Promise<number> {
  let opened: AppDeps | undefined;
  const context: CliContext = {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    exitCode: 0,
    deps: async () => {
      opened ??= await (options.deps ? options.deps() : openDeps(loadConfig(options.env)));
      return opened;
    },
  };
  const program = new Command('collectdesk')
    .description('Collectdesk: receivables collection for Dutch and Belgian businesses')
    .exitOverride()
    .configureOutput({ writeOut: (t) => context.stdout(t), writeErr: (t) => context.stderr(t) })
    .showHelpAfterError();

  program
    .command('migrate')
    .description('apply pending database migrations (also done automatically at start)')
    .action(async () => {
      const config = loadConfig(options.env);
      const database = await openDatabase(config);
      await migrateDatabase(database);
      await database.close();
      context.stdout(`migrations applied to ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}`);
    });

  for (const register of options.registrations ?? (await defaultRegistrations())) register(program, context);
  for (const command of program.commands) command.exitOverride().showHelpAfterError();

  try {
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help' || error.exitCode === 0) return 0;
      return 2;
    }
    if (error instanceof AppError) {
      context.stderr(`error: ${error.message}`);
      for (const issue of error.issues) context.stderr(`  ${issue.field}: ${issue.message}`);
      return 1;
    }
    throw error;
  } finally {
    if (opened) await opened.database.close();
  }
}

/** The commands of every capability; each module contributes its own. */
async function defaultRegistrations(): Promise<CliRegistration[]> {
  return [
    (await import('./modules/demo/demo.cli.js')).demoCli,
    (await import('./modules/ledger/ledger.cli.js')).ledgerCli,
    (await import('./serve.cli.js')).serveCli,
    (await import('./serve.cli.js')).workerCli,
    (await import('./modules/imports/imports.cli.js')).registerImportExportCommands,
    (await import('./modules/banking/banking.cli.js')).bankingCli,
    (await import('./modules/dunning/calc.cli.js')).calcCli,
    (await import('./modules/dunning/dunning.cli.js')).dunningCli,
    (await import('./modules/calls/calls.cli.js')).callsCli,
  ];
}
