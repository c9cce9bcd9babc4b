import type { CliContext, CliRegistration } from '../../cli.js';
import { type CalendarDate, isCalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import {
  calculateBeBusinessCompensation,
  calculateInterest,
  calculateWikStaffel,
  capBeConsumerDamages,
  type InterestKind,
} from '../../core/legal/index.js';
import { formatCents, parseAmount } from '../../core/money.js';
import { formatBetalingskenmerk, generateBetalingskenmerk } from '../../core/references/betalingskenmerk.js';
import {
  formatCreditorReference,
  generateCreditorReference,
} from '../../core/references/creditor-reference.js';
import { formatOgm, generateOgm } from '../../core/references/ogm.js';
import {
  type ReferenceKind,
  validateStructuredReference,
} from '../../core/references/structured-reference.js';

/**
 * `collectdesk calc costs|interest` and `collectdesk ref check|make`: the legal calculators and the
 * payment references of the pure core, at the command line (no database needed).
 */

const CLI_REFERENCE_KINDS = { ogm: 'ogm', kenmerk: 'betalingskenmerk', rf: 'rf' } as const;
type CliReferenceKind = keyof typeof CLI_REFERENCE_KINDS;
const cliKind = (kind: ReferenceKind): CliReferenceKind => (kind === 'betalingskenmerk' ? 'kenmerk' : kind);

function choice<T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T {
  if (value && (allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('BAD_REQUEST', `--${field} must be one of ${allowed.join(', ')} (got "${value ?? ''}")`);
}

function amount(field: string, value: string | undefined): number {
  const parsed = parseAmount(value ?? '', { decimalSeparator: '.' });
  if (!parsed.ok || parsed.cents < 0)
    throw new AppError('BAD_REQUEST', `--${field} must be an amount like 1234.56 (got "${value ?? ''}")`);
  return parsed.cents;
}

function day(field: string, value: string | undefined): CalendarDate {
  if (value && isCalendarDate(value)) return value;
  throw new AppError('BAD_REQUEST', `--${field} must be a date YYYY-MM-DD (got "${value ?? ''}")`);
}

type CostsResult = { costs: string; rule: string; vatOnTop: boolean; breakdown?: unknown };

/** The statutory maximum collection costs (NL) or damages (BE) for a principal. */
export function statutoryCosts(
  jurisdiction: 'nl' | 'be',
  debtor: 'b2b' | 'b2c',
  principalCents: number,
): CostsResult {
  if (jurisdiction === 'nl') {
    const staffel = calculateWikStaffel(principalCents);
    return {
      costs: formatCents(staffel.costsCents),
      rule: 'NL WIK staffel (art. 6:96 BW, Besluit BIK): 15/10/5/1/0.5 %, minimum €40, maximum €6,775',
      vatOnTop: false,
      breakdown: staffel.bands.map((b) => ({
        from: formatCents(b.fromCents),
        amount: formatCents(b.amountCents),
        rate: (b.rateBps / 100).toFixed(2),
        costs: formatCents(b.costsCents),
      })),
    };
  }
  if (debtor === 'b2b') {
    const compensation = calculateBeBusinessCompensation({ lateInvoiceCount: 1 });
    return {
      costs: formatCents(compensation.totalCents),
      rule: 'BE law of 2 August 2002 art. 6: fixed compensation of €40 per late invoice',
      vatOnTop: false,
    };
  }
  return {
    costs: formatCents(capBeConsumerDamages(principalCents)),
    rule: 'BE Book XIX CEL: damages cap on the balance (€20 up to €150; €30 + 10 % up to €500; €65 + 5 %, max €2,000)',
    vatOnTop: false,
  };
}

function interestKind(jurisdiction: 'nl' | 'be', kind: 'commercial' | 'consumer'): InterestKind {
  if (jurisdiction === 'nl') return kind === 'commercial' ? 'nl-commercial' : 'nl-consumer';
  // Book XIX caps a consumer's interest at the rate of the 2002 late-payment law: the same table.
  return 'be-commercial';
}

function print(context: CliContext, json: boolean | undefined, value: object, text: string): void {
  context.stdout(json ? JSON.stringify(value) : text);
}

export const calcCli: CliRegistration = (program, context) => {
  const calc = program.command('calc').description('statutory collection costs and interest (NL/BE)');
  calc
    .command('costs')
    .description('the statutory maximum collection costs (NL WIK) or damages (BE) for a principal')
    .requiredOption('--jurisdiction <nl|be>', 'the law: nl or be')
    .requiredOption('--debtor <b2b|b2c>', 'business (b2b) or consumer (b2c)')
    .requiredOption('--principal <amount>', 'the principal, e.g. 1234.56')
    .option('--date <YYYY-MM-DD>', 'the date of the calculation (default: today)')
    .option('--json', 'print the result as JSON')
    .action(
      (o: { jurisdiction?: string; debtor?: string; principal?: string; date?: string; json?: boolean }) => {
        const jurisdiction = choice('jurisdiction', o.jurisdiction, ['nl', 'be'] as const);
        const debtor = choice('debtor', o.debtor, ['b2b', 'b2c'] as const);
        const principalCents = amount('principal', o.principal);
        if (o.date) day('date', o.date);
        const result = statutoryCosts(jurisdiction, debtor, principalCents);
        print(
          context,
          o.json,
          { jurisdiction, debtor, principal: formatCents(principalCents), ...result },
          `${result.costs} (${result.rule})`,
        );
      },
    );
  calc
    .command('interest')
    .description('statutory (commercial) interest over a period, with its periods and rates')
    .requiredOption('--jurisdiction <nl|be>', 'the law: nl or be')
    .requiredOption('--kind <commercial|consumer>', 'commercial (B2B) or consumer interest')
    .requiredOption('--principal <amount>', 'the principal, e.g. 1234.56')
    .requiredOption('--from <YYYY-MM-DD>', 'first day interest runs')
    .requiredOption('--to <YYYY-MM-DD>', 'last day interest runs')
    .option('--json', 'print the result as JSON')
    .action(
      (o: {
        jurisdiction?: string;
        kind?: string;
        principal?: string;
        from?: string;
        to?: string;
        json?: boolean;
      }) => {
        const jurisdiction = choice('jurisdiction', o.jurisdiction, ['nl', 'be'] as const);
        const kind = choice('kind', o.kind, ['commercial', 'consumer'] as const);
        const principalCents = amount('principal', o.principal);
        const from = day('from', o.from);
        const to = day('to', o.to);
        const result = calculateInterest({
          kind: interestKind(jurisdiction, kind),
          principalCents,
          from,
          to,
        });
        if (!result.ok) throw new AppError('BAD_REQUEST', result.message);
        const periods = result.periods.map((p) => ({
          from: p.from,
          to: p.to,
          days: p.days,
          rate: (p.rateBps / 100).toFixed(2),
          base: formatCents(p.baseCents),
          interest: formatCents(p.interestCents),
          ...(p.isRateExtrapolated ? { rateExtrapolated: true } : {}),
        }));
        const interest = formatCents(result.totalCents);
        print(
          context,
          o.json,
          {
            jurisdiction,
            kind,
            principal: formatCents(principalCents),
            from,
            to,
            interest,
            compounding: result.compounding,
            periods,
            capitalisations: result.capitalisations.map((c) => ({
              on: c.on,
              amount: formatCents(c.amountCents),
            })),
            rateExtrapolated: result.isRateExtrapolated,
          },
          [
            `interest ${interest}`,
            ...periods.map(
              (p) => `  ${p.from} … ${p.to}  ${p.days} d  ${p.rate} %  on ${p.base}  = ${p.interest}`,
            ),
          ].join('\n'),
        );
      },
    );

  const ref = program
    .command('ref')
    .description('structured payment references: OGM/VCS, betalingskenmerk, RF');
  ref
    .command('check')
    .description('check a reference; exit 0 when valid, 1 when not')
    .argument('<reference>', 'e.g. "+++123/4567/89002+++", "5000 0567 8901 2345" or "RF18 5390 0754 7034"')
    .option('--json', 'print {"valid","kind"} as JSON')
    .action((reference: string, o: { json?: boolean }) => {
      const result = validateStructuredReference(reference);
      if (result.ok) {
        const kind = cliKind(result.kind);
        print(
          context,
          o.json,
          { valid: true, kind, normalized: result.normalized },
          `valid ${kind}: ${result.normalized}`,
        );
        return;
      }
      context.exitCode = 1;
      const kind = guessKind(reference);
      print(context, o.json, { valid: false, kind, reason: result.reason }, `not valid: ${result.reason}`);
    });
  ref
    .command('make')
    .description('make a reference from a number (e.g. an invoice sequence number)')
    .requiredOption('--kind <ogm|kenmerk|rf>', 'which kind of reference')
    .requiredOption('--from <number>', 'the number (or, for rf, the invoice number) to derive it from')
    .option('--json', 'print {"reference"} as JSON')
    .action((o: { kind?: string; from?: string; json?: boolean }) => {
      const kind = choice('kind', o.kind, Object.keys(CLI_REFERENCE_KINDS) as CliReferenceKind[]);
      const seed = o.from ?? '';
      const made =
        kind === 'ogm'
          ? generateOgm(seed)
          : kind === 'kenmerk'
            ? generateBetalingskenmerk(seed)
            : generateCreditorReference(seed);
      if (!made.ok) throw new AppError('BAD_REQUEST', `--from: ${made.reason}`);
      const display =
        kind === 'ogm'
          ? formatOgm(made.normalized)
          : kind === 'kenmerk'
            ? formatBetalingskenmerk(made.normalized)
            : formatCreditorReference(made.normalized);
      print(context, o.json, { kind, reference: display, normalized: made.normalized }, display);
    });
};

/** Which kind an invalid reference looks like, so the user knows which check failed. */
function guessKind(text: string): CliReferenceKind | null {
  const compact = text.replace(/[\s+/*.-]/g, '').toUpperCase();
  if (compact.startsWith('RF')) return 'rf';
  if (/^\d{12}$/.test(compact)) return 'ogm';
  if (/^\d{7,16}$/.test(compact)) return 'kenmerk';
  return null;
}
