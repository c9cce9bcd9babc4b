import { AppError } from '../../core/errors.js';
import { AGING_BUCKETS, type AgingBucket } from '../../core/ledger/enums.js';
import { addCents, formatCents } from '../../core/money.js';
import type { Actor } from '../auth/access.js';
import { parseAmountInput } from './amounts.js';
import { findContactRows } from './contacts.repo.js';
import {
  countDebtorRows,
  findCollectors,
  findDebtorRow,
  findDebtorRows,
  findSegments,
  isMember,
  updateDebtorRow,
} from './debtors.repo.js';
import { findDisputeRows, findOpenItemRows } from './invoices.repo.js';
import {
  lateness,
  toContact,
  toDebtor,
  toDebtorListItem,
  toDispute,
  toInvoiceListItem,
  toTimelineEvent,
} from './ledger.mappers.js';
import type {
  CollectorList,
  Debtor,
  DebtorDossier,
  DebtorListResponse,
  SegmentList,
  TimelineEvent,
  TimelinePage,
  UpdateDebtorRequest,
} from './ledger.schemas.js';
import {
  ensureFreshBalances,
  type LedgerDeps,
  loadOrganisation,
  withoutUndefined,
} from './organisation.service.js';
import { findRecentPaymentViews } from './payments.service.js';
import { appendTimeline, appendTimelineEvent, findTimelineRows } from './timeline.repo.js';

/** Beyond this many matches a list says "10,000+" instead of counting every row. */
export const COUNT_CAP = 10_000;

export type FindDebtorsQuery = {
  search?: string | undefined;
  segment?: string | undefined;
  collector?: string | undefined;
  aging?: AgingBucket | undefined;
  sort: 'overdue' | 'name' | 'oldest';
  page: number;
  pageSize: number;
};

export async function findDebtors(
  deps: LedgerDeps,
  actor: Actor,
  query: FindDebtorsQuery,
): Promise<DebtorListResponse> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  await ensureFreshBalances(deps, { org, today });
  const filter = { ...query, orgId: actor.orgId, today };
  const [rows, count] = await Promise.all([
    findDebtorRows(deps.db, { ...filter, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    countDebtorRows(deps.db, { ...filter, cap: COUNT_CAP }),
  ]);
  return {
    items: rows.map((row) => toDebtorListItem(row, today)),
    page: query.page,
    pageSize: query.pageSize,
    total: count.total,
    totalIsCapped: count.isCapped,
  };
}

export async function getDebtor(deps: LedgerDeps, actor: Actor, debtorId: string): Promise<Debtor> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  const row = await findDebtorRow(deps.db, { orgId: actor.orgId, debtorId });
  if (!row) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  return toDebtor(row, today);
}

export const TIMELINE_PAGE_SIZE = 50;

/** Everything on one screen before a call: debtor, contacts, open items with aging, history. */
export async function getDebtorDossier(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
): Promise<DebtorDossier> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  const params = { orgId: actor.orgId, debtorId };
  const debtorRow = await findDebtorRow(deps.db, params);
  if (!debtorRow) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  const [contactRows, openRows, disputeRows, recentPayments, timeline] = await Promise.all([
    findContactRows(deps.db, params),
    findOpenItemRows(deps.db, params),
    findDisputeRows(deps.db, params),
    findRecentPaymentViews(deps, { ...params, limit: 10 }),
    getDebtorTimeline(deps, actor, debtorId, { limit: TIMELINE_PAGE_SIZE }),
  ]);
  const openItems = openRows.map((row) => toInvoiceListItem(row, today));
  const agingTotals = AGING_BUCKETS.map((bucket) => {
    const rows = openRows.filter((row) => lateness(row, today).agingBucket === bucket);
    return { bucket, amount: formatCents(addCents(...rows.map((row) => row.openCents))), count: rows.length };
  });
  return {
    debtor: toDebtor(debtorRow, today),
    contacts: contactRows.map(toContact),
    openItems,
    agingTotals,
    disputes: disputeRows.map(toDispute),
    recentPayments,
    timeline,
  };
}

export async function getDebtorTimeline(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  options: { before?: string | undefined; limit: number },
): Promise<TimelinePage> {
  const before = options.before === undefined ? undefined : Number(options.before);
  if (before !== undefined && !Number.isSafeInteger(before)) {
    throw new AppError('VALIDATION_FAILED', 'before must be an event id', [
      { field: 'before', message: 'must be the id of an event' },
    ]);
  }
  const rows = await findTimelineRows(deps.db, {
    orgId: actor.orgId,
    debtorId,
    ...(before === undefined ? {} : { before }),
    limit: options.limit + 1,
  });
  if (rows.length === 0 && !(await findDebtorRow(deps.db, { orgId: actor.orgId, debtorId }))) {
    throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  }
  const events = rows.slice(0, options.limit).map(toTimelineEvent);
  const last = events.at(-1);
  return { events, nextBefore: rows.length > options.limit && last ? last.id : null };
}

const FIELD_LABELS: Record<keyof UpdateDebtorRequest, string> = {
  segment: 'segment',
  tags: 'tags',
  assignedCollectorId: 'collector',
  creditLimit: 'credit limit',
  paymentTermDays: 'payment term',
  notes: 'notes',
  pauseUntil: 'paused until',
};

/** Changes a debtor's collection settings and records who changed what on its timeline. */
export async function updateDebtor(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  request: UpdateDebtorRequest,
): Promise<Debtor> {
  const { today } = await loadOrganisation(deps, actor.orgId);
  const params = { orgId: actor.orgId, debtorId };
  if (
    request.assignedCollectorId &&
    !(await isMember(deps.db, { orgId: actor.orgId, userId: request.assignedCollectorId }))
  ) {
    throw new AppError('VALIDATION_FAILED', 'the collector is not a member of this organisation', [
      { field: 'assignedCollectorId', message: 'not a member of this organisation' },
    ]);
  }
  const { creditLimit, ...rest } = request;
  const changes = withoutUndefined({
    ...rest,
    creditLimitCents:
      creditLimit === undefined
        ? undefined
        : creditLimit === null
          ? null
          : parseAmountInput(creditLimit, 'creditLimit'),
  });
  await deps.db.transaction(async (tx) => {
    const before = await findDebtorRow(tx, params);
    if (!before) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
    const changed = (Object.keys(request) as (keyof UpdateDebtorRequest)[]).filter((key) => {
      const old = key === 'creditLimit' ? before.creditLimitCents : before[key];
      const next = key === 'creditLimit' ? changes.creditLimitCents : request[key];
      return JSON.stringify(old ?? null) !== JSON.stringify(next ?? null);
    });
    if (changed.length === 0) return;
    await updateDebtorRow(tx, { ...params, changes, now: deps.clock.now() });
    await appendTimeline(tx, [
      {
        orgId: actor.orgId,
        debtorId,
        kind: 'debtor_updated',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Changed ${changed.map((key) => FIELD_LABELS[key]).join(', ')}`,
        data: Object.fromEntries(
          changed.map((key) => [
            key,
            { from: key === 'creditLimit' ? before.creditLimitCents : before[key], to: request[key] ?? null },
          ]),
        ),
      },
    ]);
  });
  const row = await findDebtorRow(deps.db, params);
  if (!row) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  return toDebtor(row, today);
}

export async function addDebtorNote(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  text: string,
): Promise<TimelineEvent> {
  return deps.db.transaction(async (tx) => {
    if (!(await findDebtorRow(tx, { orgId: actor.orgId, debtorId }))) {
      throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
    }
    const row = await appendTimelineEvent(tx, {
      orgId: actor.orgId,
      debtorId,
      kind: 'note',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      summary: text,
    });
    return toTimelineEvent(row);
  });
}

export async function listSegments(deps: LedgerDeps, actor: Actor): Promise<SegmentList> {
  return { segments: await findSegments(deps.db, actor.orgId) };
}

export async function listCollectors(deps: LedgerDeps, actor: Actor): Promise<CollectorList> {
  return { collectors: await findCollectors(deps.db, actor.orgId) };
}
