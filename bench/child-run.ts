import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchTarget } from './scratch-database.js';

/**
 * Runs a benchmark script once per database target, each in its own Node process (`--child
 * <target>` plus the given arguments), so each target's peak memory is its own; the child prints
 * one `RESULT {json}` line (printChildResult) that is collected here.
 */
export function runTargetsInChildren<Result>(
  scriptUrl: string,
  targets: readonly BenchTarget[],
  childArgs: readonly string[],
  nodeFlags: readonly string[] = [],
): Result[] {
  return targets.map((target) => {
    console.log(`running ${target} …`);
    const output = execFileSync(
      process.execPath,
      [...nodeFlags, '--import', 'tsx', fileURLToPath(scriptUrl), '--child', target, ...childArgs],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const line = output.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`no result from the ${target} run:\n${output}`);
    return JSON.parse(line.slice('RESULT '.length)) as Result;
  });
}

export function printChildResult(result: unknown): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

type BenchSpec<Args, Result> = {
  /** `import.meta.url` of the benchmark script. */
  scriptUrl: string;
  /** The script's own string options; `--targets` and `--child` are added here. */
  options: readonly string[];
  parseArgs: (values: Record<string, string | undefined>) => Args & {
    targets: readonly BenchTarget[];
    child?: BenchTarget | undefined;
  };
  runChild: (target: BenchTarget, args: Args) => Promise<Result>;
  printResults: (results: readonly Result[], args: Args) => void;
};

/**
 * The command line of a per-database benchmark, when the script is the one being run: as a child
 * (`--child <target>`) it measures one database and prints its result; otherwise it starts a child
 * per target with the same options and prints the results side by side.
 */
export function runBenchmark<Args, Result>(spec: BenchSpec<Args, Result>): void {
  if (!process.argv[1] || spec.scriptUrl !== pathToFileURL(process.argv[1]).href) return;
  const run = async () => {
    const options = Object.fromEntries(
      [...spec.options, 'targets', 'child'].map((name) => [name, { type: 'string' as const }]),
    );
    const { values } = parseArgs({ options });
    const args = spec.parseArgs(values as Record<string, string | undefined>);
    if (args.child) {
      printChildResult(await spec.runChild(args.child, args));
      return;
    }
    const forwarded = spec.options.flatMap((name) => {
      const value = values[name];
      return typeof value === 'string' ? [`--${name}`, value] : [];
    });
    spec.printResults(runTargetsInChildren<Result>(spec.scriptUrl, args.targets, forwarded), args);
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
