import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  contacts,
  debtors,
  documents,
  invoices,
  type outboxMessages,
  paymentPlanInstalments,
  paymentPlanInvoices,
  paymentPlans,
  promises,
} from '../../db/schema/index.js';
import { insertOutboxMessage } from '../dunning/dunning-actions.repo.js';

type PlanRow = typeof paymentPlans.$inferSelect;
export type DebtorRow = typeof debtors.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;

export async function findDebtorRow(db: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await db
    .select()
    .from(debtors)
    .where(and(eq(debtors.orgId, params.orgId), eq(debtors.id, params.debtorId)));
  return row;
}

export async function findContactRow(db: Db, params: { orgId: string; debtorId: string; contactId: string }) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, params.orgId),
        eq(contacts.debtorId, params.debtorId),
        eq(contacts.id, params.contactId),
      ),
    );
  return row;
}

/** The debtor's collections contact first, then the oldest one; for letters without a chosen contact. */
export async function findDefaultContact(db: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, params.orgId), eq(contacts.debtorId, params.debtorId)))
    .orderBy(sql`${contacts.isCollectionsContact} desc`, asc(contacts.createdAt))
    .limit(1);
  return row;
}

/**
 * The chosen invoices of the debtor, oldest due date first (the order payments pay them), each with
 * the running plan it is already in, if any. Locked: two plans must not take the same invoice.
 */
export async function findPlanCandidateInvoices(
  tx: Db,
  params: { orgId: string; debtorId: string; invoiceIds: readonly string[]; forUpdate: boolean },
) {
  const rows = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      status: invoices.status,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      description: invoices.orderDescription,
      totalCents: invoices.totalCents,
      openCents: invoices.openCents,
      paymentReference: invoices.paymentReference,
      runningPlanId: sql<string | null>`(select ppi.plan_id from payment_plan_invoices ppi
        join payment_plans pp on pp.id = ppi.plan_id
        where ppi.org_id = ${params.orgId} and ppi.invoice_id = "invoices"."id"
          and pp.status in ('active', 'in_arrears') limit 1)`,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.orgId, params.orgId),
        eq(invoices.debtorId, params.debtorId),
        inArray(invoices.id, [...params.invoiceIds]),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number))
    .for(params.forUpdate ? 'update' : 'no key update', { of: invoices });
  return rows;
}

export async function findPromiseHistory(db: Db, params: { orgId: string; debtorId: string }) {
  const [row] = await db
    .select({
      kept: sql<number>`count(*) filter (where ${promises.status} = 'kept')::int`,
      partiallyKept: sql<number>`count(*) filter (where ${promises.status} = 'partially_kept')::int`,
      broken: sql<number>`count(*) filter (where ${promises.status} = 'broken')::int`,
    })
    .from(promises)
    .where(and(eq(promises.orgId, params.orgId), eq(promises.debtorId, params.debtorId)));
  return row ?? { kept: 0, partiallyKept: 0, broken: 0 };
}

export async function insertPlan(
  tx: Db,
  plan: typeof paymentPlans.$inferInsert,
  instalments: readonly Omit<typeof paymentPlanInstalments.$inferInsert, 'planId' | 'orgId'>[],
  invoiceIds: readonly string[],
): Promise<PlanRow> {
  const [row] = await tx.insert(paymentPlans).values(plan).returning();
  if (!row) throw new Error('payment plan not stored');
  await tx
    .insert(paymentPlanInstalments)
    .values(instalments.map((i) => ({ ...i, planId: row.id, orgId: plan.orgId })));
  if (invoiceIds.length > 0) {
    await tx
      .insert(paymentPlanInvoices)
      .values(invoiceIds.map((invoiceId) => ({ orgId: plan.orgId, planId: row.id, invoiceId })));
  }
  return row;
}

export async function setPlanLetter(
  tx: Db,
  params: {
    planId: string;
    document: typeof documents.$inferInsert;
    message: typeof outboxMessages.$inferInsert;
  },
): Promise<{ documentId: string; messageId: string }> {
  const [document] = await tx.insert(documents).values(params.document).returning({ id: documents.id });
  if (!document) throw new Error('plan letter not stored');
  const messageId = await insertOutboxMessage(tx, { ...params.message, documentId: document.id });
  await tx
    .update(paymentPlans)
    .set({ letterDocumentId: document.id })
    .where(eq(paymentPlans.id, params.planId));
  return { documentId: document.id, messageId };
}

export async function findPlanRow(db: Db, params: { orgId: string; planId: string; forUpdate?: boolean }) {
  const query = db
    .select()
    .from(paymentPlans)
    .where(and(eq(paymentPlans.orgId, params.orgId), eq(paymentPlans.id, params.planId)));
  const [row] = params.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updatePlanRow(
  tx: Db,
  params: { planId: string; changes: Partial<typeof paymentPlans.$inferInsert> },
): Promise<void> {
  await tx.update(paymentPlans).set(params.changes).where(eq(paymentPlans.id, params.planId));
}

export async function findPlanDocument(db: Db, params: { orgId: string; documentId: string }) {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, params.orgId), eq(documents.id, params.documentId)));
  return row;
}

/** Plans (newest first) with their instalments and invoice numbers, for one debtor or some plans. */
export async function findPlansWithDetails(
  db: Db,
  params: { orgId: string; debtorId?: string; planIds?: readonly string[] },
) {
  const plans = await db
    .select()
    .from(paymentPlans)
    .where(
      and(
        eq(paymentPlans.orgId, params.orgId),
        params.debtorId ? eq(paymentPlans.debtorId, params.debtorId) : undefined,
        params.planIds ? inArray(paymentPlans.id, [...params.planIds]) : undefined,
      ),
    )
    .orderBy(sql`${paymentPlans.createdAt} desc`);
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  const instalments = await db
    .select()
    .from(paymentPlanInstalments)
    .where(and(eq(paymentPlanInstalments.orgId, params.orgId), inArray(paymentPlanInstalments.planId, ids)))
    .orderBy(asc(paymentPlanInstalments.number));
  const planInvoices = await db
    .select({ planId: paymentPlanInvoices.planId, id: invoices.id, number: invoices.number })
    .from(paymentPlanInvoices)
    .innerJoin(invoices, eq(invoices.id, paymentPlanInvoices.invoiceId))
    .where(and(eq(paymentPlanInvoices.orgId, params.orgId), inArray(paymentPlanInvoices.planId, ids)))
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
  return plans.map((plan) => ({
    plan,
    instalments: instalments.filter((i) => i.planId === plan.id),
    invoices: planInvoices.filter((i) => i.planId === plan.id).map(({ id, number }) => ({ id, number })),
  }));
}
