import { vi } from 'vitest';
import { type CliRegistration, runCli } from '../cli.js';
import type { AppDeps } from '../deps.js';

/**
 * Runs `collectdesk <argv>` in-process with the given commands and captures what it prints. The
 * test's database outlives each command: runCli closes what deps() opened, so close is a no-op.
 */
export async function runCliCaptured(
  argv: readonly string[],
  options: { registrations: readonly CliRegistration[]; deps: () => AppDeps | Promise<AppDeps> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv, {
      registrations: options.registrations,
      deps: async () => {
        const deps = await options.deps();
        return { ...deps, database: { ...deps.database, close: async () => undefined } };
      },
    });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
