/**
 * The deterministic demo portfolio generator: pure, no I/O, no clock ("today" is a parameter).
 * It yields the portfolio in chunks of debtors with everything that belongs to them, so a million
 * invoices can be written with flat memory. Every debtor draws from its own random streams keyed by
 * seed and index, so the rows do not depend on the chunk size, and the same seed gives the same rows.
 */
import type { CalendarDate } from '../../core/calendar-date.js';
import {
  type ContactRow,
  type DebtorRow,
  type DemoCollector,
  generateDebtor,
  planDebtor,
} from './demo-debtors.js';
import { createIdFactory, toDayNumber } from './demo-format.js';
import {
  type AllocationRow,
  type DisputeRow,
  generateLedger,
  type InvoiceRow,
  type PaymentRow,
  type TimelineRow,
} from './demo-invoices.js';
import {
  DEMO_PROFILE_SPECS,
  type DemoProfileName,
  type DemoStaffMember,
  demoOrganisationRow,
  type OrganisationRow,
} from './demo-organisations.js';
import { createRandom } from './random.js';

export type DemoPortfolioSpec = {
  profile: DemoProfileName;
  seed: number;
  /** Part of every id, so several demo tenants can live in one database. */
  orgSlug: string;
  debtors: number;
  invoices: number;
  today: CalendarDate;
};

export type DemoChunk = {
  debtors: DebtorRow[];
  contacts: ContactRow[];
  invoices: InvoiceRow[];
  payments: PaymentRow[];
  allocations: AllocationRow[];
  disputes: DisputeRow[];
  timeline: TimelineRow[];
};

const dataKey = (spec: DemoPortfolioSpec) => `collectdesk-demo:${spec.seed}:${spec.profile}`;
const idKey = (spec: DemoPortfolioSpec) => `${dataKey(spec)}:${spec.orgSlug}`;

export function demoOrganisation(spec: DemoPortfolioSpec): OrganisationRow {
  const ids = createIdFactory(idKey(spec));
  return demoOrganisationRow(DEMO_PROFILE_SPECS[spec.profile], {
    id: ids('organisation', 0),
    slug: spec.orgSlug,
    random: createRandom(`${dataKey(spec)}:organisation`),
  });
}

export function demoStaff(spec: DemoPortfolioSpec): readonly DemoStaffMember[] {
  return DEMO_PROFILE_SPECS[spec.profile].staff;
}

/**
 * Yields the portfolio `chunkSize` debtors at a time. `collectors` are the users debtors are
 * assigned to (their ids come from the database, since users are shared between tenants).
 */
export function* generateDemoChunks(
  spec: DemoPortfolioSpec,
  options: { orgId: string; collectors: readonly DemoCollector[]; chunkSize?: number },
): Generator<DemoChunk> {
  const profile = DEMO_PROFILE_SPECS[spec.profile];
  const chunkSize = options.chunkSize ?? 500;
  const ids = createIdFactory(idKey(spec));
  const today = toDayNumber(spec.today);
  const key = dataKey(spec);
  const planOf = (index: number) => planDebtor(profile, index, createRandom(`${key}:plan:${index}`));

  // Each debtor's share of the invoices: cumulative rounding of its weight gives exact totals and
  // each debtor's first invoice number without holding the portfolio in memory (two cheap passes).
  let totalWeight = 0;
  for (let i = 0; i < spec.debtors; i++) totalWeight += planOf(i).invoiceWeight;
  const perDebtorMinimum = spec.invoices >= spec.debtors ? 1 : 0;
  const spread = spec.invoices - perDebtorMinimum * spec.debtors;
  let cumulativeWeight = 0;
  let previousShare = 0;

  let chunk = emptyChunk();
  let debtorsInChunk = 0;
  for (let i = 0; i < spec.debtors; i++) {
    const plan = planOf(i);
    cumulativeWeight += plan.invoiceWeight;
    const share = i === spec.debtors - 1 ? spread : Math.round((spread * cumulativeWeight) / totalWeight);
    const invoiceCount = perDebtorMinimum + share - previousShare;
    const firstSequence = perDebtorMinimum * i + previousShare;
    previousShare = share;

    const debtor = generateDebtor({
      orgId: options.orgId,
      plan,
      random: createRandom(`${key}:debtor:${i}`),
      id: (kind, row = 0) => ids(kind, i, row),
      collectors: options.collectors,
    });
    const ledger = generateLedger({
      profile,
      orgId: options.orgId,
      debtor,
      random: createRandom(`${key}:ledger:${i}`),
      id: (kind, row) => ids(kind, i, row),
      invoiceCount,
      firstSequence,
      today,
      collectors: options.collectors,
    });
    chunk.debtors.push(debtor.row);
    chunk.contacts.push(...debtor.contacts);
    chunk.invoices.push(...ledger.invoices);
    chunk.payments.push(...ledger.payments);
    chunk.allocations.push(...ledger.allocations);
    chunk.disputes.push(...ledger.disputes);
    chunk.timeline.push(...ledger.timeline);
    if (++debtorsInChunk === chunkSize) {
      yield chunk;
      chunk = emptyChunk();
      debtorsInChunk = 0;
    }
  }
  if (debtorsInChunk > 0) yield chunk;
}

function emptyChunk(): DemoChunk {
  return {
    debtors: [],
    contacts: [],
    invoices: [],
    payments: [],
    allocations: [],
    disputes: [],
    timeline: [],
  };
}
