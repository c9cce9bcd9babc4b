import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invoices } from '../../db/schema/index.js';
import { selectRows } from './sql-rows.js';

/** The reads recording a call needs besides its own rows, in the call's transaction. */

/** Kept, partly kept and broken promises so far: "earlier promises broken" is a warning. */
export async function promiseHistory(tx: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await selectRows<{ kept: number; partially_kept: number; broken: number }>(
    tx,
    sql`select (count(*) filter (where status = 'kept'))::int as kept,
      (count(*) filter (where status = 'partially_kept'))::int as partially_kept,
      (count(*) filter (where status = 'broken'))::int as broken
    from promises where org_id = ${params.orgId} and debtor_id = ${params.debtorId}`,
  );
  return { kept: row?.kept ?? 0, partiallyKept: row?.partially_kept ?? 0, broken: row?.broken ?? 0 };
}

export async function ownInvoiceIds(
  tx: Db,
  params: { orgId: string; debtorId: string; ids: readonly string[] },
): Promise<string[]> {
  if (params.ids.length === 0) return [];
  const rows = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(
      and(
        eq(invoices.orgId, params.orgId),
        eq(invoices.debtorId, params.debtorId),
        inArray(invoices.id, [...params.ids]),
      ),
    );
  return rows.map((r) => r.id);
}

/** The structured references to quote (the invoice number when an invoice has none). */
export async function paymentReferences(
  tx: Db,
  params: { orgId: string; ids: readonly string[] },
): Promise<string[]> {
  if (params.ids.length === 0) return [];
  const rows = await tx
    .select({ number: invoices.number, reference: invoices.paymentReference })
    .from(invoices)
    .where(and(eq(invoices.orgId, params.orgId), inArray(invoices.id, [...params.ids])))
    .orderBy(asc(invoices.dueDate));
  return rows.map((r) => r.reference ?? r.number);
}
