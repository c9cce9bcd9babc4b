import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
