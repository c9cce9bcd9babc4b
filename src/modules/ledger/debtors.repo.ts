import { and, asc, count, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import { dueDateRangeOf } from '../../core/ledger/aging.js';
import type { AgingBucket } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { debtors, memberships, users } from '../../db/schema/index.js';
import { countCapped } from './capped-count.repo.js';
import type { DebtorRowWithCollector } from './ledger.mappers.js';

export type DebtorFilter = {
  orgId: string;
  today: CalendarDate;
  search?: string | undefined;
  segment?: string | undefined;
  collector?: string | undefined;
  aging?: AgingBucket | undefined;
};

const selection = () => ({
  id: debtors.id,
  orgId: debtors.orgId,
  number: debtors.number,
  name: debtors.name,
  kind: debtors.kind,
  country: debtors.country,
  language: debtors.language,
  companyNumber: debtors.companyNumber,
  vatNumber: debtors.vatNumber,
  addressLine: debtors.addressLine,
  postalCode: debtors.postalCode,
  city: debtors.city,
  email: debtors.email,
  phone: debtors.phone,
  creditLimitCents: debtors.creditLimitCents,
  paymentTermDays: debtors.paymentTermDays,
  segment: debtors.segment,
  tags: debtors.tags,
  assignedCollectorId: debtors.assignedCollectorId,
  notes: debtors.notes,
  pauseUntil: debtors.pauseUntil,
  openCents: debtors.openCents,
  overdueCents: debtors.overdueCents,
  oldestOverdueDueDate: debtors.oldestOverdueDueDate,
  openInvoiceCount: debtors.openInvoiceCount,
  balancesAsOf: debtors.balancesAsOf,
  createdAt: debtors.createdAt,
  updatedAt: debtors.updatedAt,
  collectorName: users.name,
});

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(filter: DebtorFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(debtors.orgId, filter.orgId)];
  if (filter.search) {
    // lower(name) LIKE uses the trigram index; an exact customer number uses the unique index.
    const pattern = `%${escapeLike(filter.search.toLowerCase())}%`;
    conditions.push(sql`(lower(${debtors.name}) like ${pattern} or ${debtors.number} = ${filter.search})`);
  }
  if (filter.segment) conditions.push(eq(debtors.segment, filter.segment));
  if (filter.collector === 'none') conditions.push(isNull(debtors.assignedCollectorId));
  else if (filter.collector) conditions.push(eq(debtors.assignedCollectorId, filter.collector));
  if (filter.aging) {
    const range = dueDateRangeOf(filter.aging, filter.today);
    if (range.none) conditions.push(isNull(debtors.oldestOverdueDueDate));
    else {
      conditions.push(isNotNull(debtors.oldestOverdueDueDate), lte(debtors.oldestOverdueDueDate, range.to));
      if (range.from) conditions.push(sql`${debtors.oldestOverdueDueDate} >= ${range.from}`);
    }
  }
  return and(...conditions);
}

export type DebtorSort = 'overdue' | 'name' | 'oldest';

export async function findDebtorRows(
  db: Db,
  filter: DebtorFilter & { sort: DebtorSort; limit: number; offset: number },
): Promise<DebtorRowWithCollector[]> {
  const order =
    filter.sort === 'overdue'
      ? [sql`${debtors.overdueCents} desc nulls last`, asc(debtors.id)]
      : filter.sort === 'name'
        ? [asc(debtors.name), asc(debtors.id)]
        : [sql`${debtors.oldestOverdueDueDate} asc nulls last`, asc(debtors.id)];
  return db
    .select(selection())
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.assignedCollectorId))
    .where(whereOf(filter))
    .orderBy(...order)
    .limit(filter.limit)
    .offset(filter.offset);
}

/**
 * Counts matches up to `cap` (+1 to know there are more): an exact count of a large organisation
 * costs a full index scan on every page turn, a capped one stays cheap.
 */
export async function countDebtorRows(
  db: Db,
  filter: DebtorFilter & { cap: number },
): Promise<{ total: number; isCapped: boolean }> {
  return countCapped(db, { table: debtors, where: whereOf(filter), cap: filter.cap });
}

export async function findDebtorRow(
  db: Db,
  params: { orgId: string; debtorId: string },
): Promise<DebtorRowWithCollector | undefined> {
  const [row] = await db
    .select(selection())
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.assignedCollectorId))
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.id, params.debtorId)));
  return row;
}

export async function findDebtorRowByNumber(
  db: Db,
  params: { orgId: string; number: string },
): Promise<DebtorRowWithCollector | undefined> {
  const [row] = await db
    .select(selection())
    .from(debtors)
    .leftJoin(users, eq(users.id, debtors.assignedCollectorId))
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.number, params.number)));
  return row;
}

export async function updateDebtorRow(
  db: Db,
  params: { orgId: string; debtorId: string; changes: Partial<typeof debtors.$inferInsert>; now: Date },
): Promise<void> {
  await db
    .update(debtors)
    .set({ ...params.changes, updatedAt: params.now })
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.id, params.debtorId)));
}

/** Locks the debtor row for the rest of the transaction (serialises payments per debtor). */
export async function lockDebtor(db: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await db
    .select({ id: debtors.id, number: debtors.number, name: debtors.name, country: debtors.country })
    .from(debtors)
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.id, params.debtorId)))
    .for('update');
  return row;
}

export async function findSegments(db: Db, orgId: string) {
  const rows = await db
    .select({ segment: debtors.segment, debtorCount: count() })
    .from(debtors)
    .where(and(eq(debtors.orgId, orgId), isNotNull(debtors.segment)))
    .groupBy(debtors.segment)
    .orderBy(asc(debtors.segment));
  return rows.flatMap((r) =>
    r.segment === null ? [] : [{ segment: r.segment, debtorCount: Number(r.debtorCount) }],
  );
}

/** Members of the organisation who can be assigned debtors (everyone but viewers), by name. */
export async function findCollectors(db: Db, orgId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), sql`${memberships.role} <> 'viewer'`, eq(users.isActive, true)))
    .orderBy(asc(users.name));
}

export async function isMember(db: Db, params: { orgId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, params.orgId), eq(memberships.userId, params.userId)));
  return row !== undefined;
}
