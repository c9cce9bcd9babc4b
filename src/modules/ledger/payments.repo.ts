import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { allocations, invoices, payments } from '../../db/schema/index.js';

export type PaymentRow = typeof payments.$inferSelect;
export type PaymentAllocationRow = {
  paymentId: string;
  invoiceId: string;
  invoiceNumber: string;
  amountCents: number;
};

export async function insertPayment(db: Db, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [payment] = await db.insert(payments).values(row).returning();
  if (!payment) throw new Error('insert returned no row');
  return payment;
}

export async function findPaymentByIdempotencyKey(
  db: Db,
  params: { orgId: string; idempotencyKey: string },
): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.orgId, params.orgId), eq(payments.idempotencyKey, params.idempotencyKey)));
  return row;
}

export async function findRecentPayments(
  db: Db,
  params: { orgId: string; debtorId: string; limit: number },
): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.orgId, params.orgId), eq(payments.debtorId, params.debtorId)))
    .orderBy(desc(payments.date), desc(payments.createdAt))
    .limit(params.limit);
}

export async function findAllocationsOfPayments(
  db: Db,
  params: { orgId: string; paymentIds: readonly string[] },
): Promise<PaymentAllocationRow[]> {
  if (params.paymentIds.length === 0) return [];
  return db
    .select({
      paymentId: allocations.paymentId,
      invoiceId: allocations.invoiceId,
      invoiceNumber: invoices.number,
      amountCents: allocations.amountCents,
    })
    .from(allocations)
    .innerJoin(invoices, eq(invoices.id, allocations.invoiceId))
    .where(and(eq(allocations.orgId, params.orgId), inArray(allocations.paymentId, [...params.paymentIds])))
    .orderBy(asc(invoices.number));
}
