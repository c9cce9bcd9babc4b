import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import type { CliRegistration } from '../../cli.js';
import { DEFAULT_DEMO, type SeedDemoResult, seedDemoPortfolio } from './demo.service.js';
import { DEMO_PROFILE_SPECS, DEMO_PROFILES, type DemoProfileName } from './demo-organisations.js';

const DemoOptionsSchema = z.object({
  debtors: z.number().int().min(1).max(5_000_000),
  invoices: z.number().int().min(0).max(20_000_000),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  orgSlug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and dashes, 2–63 characters')
    .optional(),
  profile: z.enum(DEMO_PROFILES),
  json: z.boolean().default(false),
});

/** Commander option parser for a whole number; a bad value is a usage error (exit code 2). */
const wholeNumber = (value: string): number => {
  if (!/^\d+$/.test(value.replace(/_/g, ''))) throw new InvalidArgumentError('expected a whole number');
  return Number(value.replace(/_/g, ''));
};

/** `collectdesk demo`: generates a deterministic NL/BE demo portfolio in a new organisation. */
export const demoCli: CliRegistration = (program, context) => {
  program
    .command('demo')
    .description(
      'generate a deterministic demo portfolio (debtors, contacts, invoices, payments, disputes) in a new organisation',
    )
    .option('--debtors <n>', 'number of debtors', wholeNumber, DEFAULT_DEMO.debtors)
    .option(
      '--invoices <n>',
      'number of invoices (credit notes come on top)',
      wholeNumber,
      DEFAULT_DEMO.invoices,
    )
    .option(
      '--seed <n>',
      'random seed: the same seed gives the same portfolio',
      wholeNumber,
      DEFAULT_DEMO.seed,
    )
    .option('--org-slug <slug>', 'slug of the new organisation (default: the profile’s, e.g. van-der-berg)')
    .option('--profile <name>', `creditor: ${DEMO_PROFILES.join(' or ')}`, 'installation-nl')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nThe demo admin is demo@collectdesk.test; its password is printed when the account is created.\n' +
        'Examples:\n  collectdesk demo\n  collectdesk demo --debtors 200000 --invoices 1000000 --org-slug bench',
    )
    .action(async (raw: Record<string, unknown>, command) => {
      const parsed = DemoOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        command.error(`error: --${String(issue?.path[0] ?? 'option')}: ${issue?.message ?? 'invalid'}`, {
          exitCode: 2,
          code: 'commander.invalidArgument',
        });
        return;
      }
      const options = parsed.data;
      const profile: DemoProfileName = options.profile;
      const deps = await context.deps();
      const today = deps.clock.today(DEMO_PROFILE_SPECS[profile].timeZone);
      const showProgress = !options.json && options.debtors >= 10_000;
      let nextReport = 0.1;
      const result = await seedDemoPortfolio(deps, {
        debtors: options.debtors,
        invoices: options.invoices,
        seed: options.seed,
        today,
        profile,
        ...(options.orgSlug ? { orgSlug: options.orgSlug } : {}),
        onProgress: ({ debtors, invoices }) => {
          if (!showProgress || debtors / options.debtors < nextReport) return;
          nextReport += 0.1;
          context.stderr(`  … ${debtors} debtors, ${invoices} invoices`);
        },
      });
      context.stdout(
        options.json
          ? JSON.stringify({ ...result, login: result.login ?? null, seed: options.seed, today })
          : describe(result, { seed: options.seed, today }),
      );
    });
};

function describe(result: SeedDemoResult, run: { seed: number; today: string }): string {
  const c = result.counts;
  const lines = [
    `Demo portfolio created: ${result.organisation.name} (organisation "${result.organisation.slug}", seed ${run.seed}, today ${run.today})`,
    `  ${c.debtors} debtors, ${c.contacts} contacts, ${c.invoices} invoices, ${c.creditNotes} credit notes,`,
    `  ${c.payments} payments, ${c.allocations} allocations, ${c.disputes} disputes, ${c.timelineEvents} timeline events`,
    '  users:',
    ...result.users.map((u) => `    ${u.email} (${u.role})${u.isNew ? '' : ' — existing account'}`),
  ];
  lines.push(
    result.login
      ? `Log in as ${result.login.email} with password ${result.login.password} (shared by the new demo users)`
      : 'The demo accounts existed already: log in with the password printed when they were created.',
  );
  return lines.join('\n');
}
