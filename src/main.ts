import { runCli } from './cli.js';

// Entry point of the `collectdesk` command (bin/collectdesk.js runs the built copy).
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
