import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_POLICIES, type StepDefinition } from '../../core/dunning/default-policies.js';
import type { PolicyRegime } from '../../core/dunning/enums.js';
import type { Country, DebtorKind } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { dunningPolicies, dunningSteps } from '../../db/schema/index.js';

export type PolicyWithSteps = typeof dunningPolicies.$inferSelect & {
  steps: (typeof dunningSteps.$inferSelect)[];
};

export type PolicyWrite = {
  name: string;
  description: string | null;
  regime: PolicyRegime;
  debtorKind: DebtorKind;
  segment: string | null;
  priority: number;
  isActive: boolean;
  steps: readonly StepDefinition[];
};

/**
 * Gives an organisation the four shipped policies the first time it needs one: those of its own
 * country active, the other country's inactive (ready to copy or switch on for foreign debtors).
 */
export async function ensureDefaultPolicies(db: Db, org: { id: string; country: Country }): Promise<void> {
  const [existing] = await db
    .select({ id: dunningPolicies.id })
    .from(dunningPolicies)
    .where(eq(dunningPolicies.orgId, org.id))
    .limit(1);
  if (existing) return;
  const prefix = org.country === 'NL' ? 'nl_' : 'be_';
  await db.transaction(async (tx) => {
    // Another request may have seeded them meanwhile: the lock makes the check and insert one step.
    await tx.execute(sql`select 1 from organisations where id = ${org.id} for update`);
    const [again] = await tx
      .select({ id: dunningPolicies.id })
      .from(dunningPolicies)
      .where(eq(dunningPolicies.orgId, org.id))
      .limit(1);
    if (again) return;
    for (const [index, policy] of DEFAULT_POLICIES.entries()) {
      await insertPolicy(tx as unknown as Db, org.id, {
        ...policy,
        segment: null,
        priority: 100 + index,
        isActive: policy.regime.startsWith(prefix),
      });
    }
  });
}

async function insertPolicy(tx: Db, orgId: string, policy: PolicyWrite): Promise<string> {
  const [row] = await tx
    .insert(dunningPolicies)
    .values({
      orgId,
      name: policy.name,
      description: policy.description,
      regime: policy.regime,
      debtorKind: policy.debtorKind,
      segment: policy.segment,
      priority: policy.priority,
      isActive: policy.isActive,
    })
    .returning({ id: dunningPolicies.id });
  if (!row) throw new Error('policy not stored');
  await insertSteps(tx, orgId, row.id, policy.steps);
  return row.id;
}

async function insertSteps(tx: Db, orgId: string, policyId: string, steps: readonly StepDefinition[]) {
  if (steps.length === 0) return;
  await tx
    .insert(dunningSteps)
    .values(steps.map((s, position) => ({ orgId, policyId, position, ...stepColumns(s) })));
}

/** The stored columns of a step definition (position and ownership apart). */
function stepColumns(s: StepDefinition) {
  return {
    name: s.name,
    isEnabled: s.isEnabled,
    anchor: s.anchor,
    offsetDays: s.offsetDays,
    channel: s.channel,
    letterKind: s.letterKind,
    tone: s.tone,
    deadlineDays: s.deadlineDays,
    minOpenCents: s.minOpenCents,
    claimsCosts: s.claimsCosts,
  };
}

export async function findPolicies(db: Db, orgId: string): Promise<PolicyWithSteps[]> {
  const policies = await db
    .select()
    .from(dunningPolicies)
    .where(eq(dunningPolicies.orgId, orgId))
    .orderBy(asc(dunningPolicies.priority), asc(dunningPolicies.name));
  if (policies.length === 0) return [];
  const steps = await db
    .select()
    .from(dunningSteps)
    .where(
      and(
        eq(dunningSteps.orgId, orgId),
        inArray(
          dunningSteps.policyId,
          policies.map((p) => p.id),
        ),
      ),
    )
    .orderBy(asc(dunningSteps.position));
  return policies.map((p) => ({ ...p, steps: steps.filter((s) => s.policyId === p.id) }));
}

export async function findPolicy(db: Db, orgId: string, id: string): Promise<PolicyWithSteps | undefined> {
  const all = await findPolicies(db, orgId);
  return all.find((p) => p.id === id);
}

export async function createPolicy(db: Db, orgId: string, policy: PolicyWrite): Promise<string> {
  return db.transaction((tx) => insertPolicy(tx as unknown as Db, orgId, policy));
}

/**
 * Replaces a policy's settings and steps. Steps that invoices already passed keep their rows (the
 * history points at them) but are moved behind the new ones and switched off; steps in the new
 * list whose position matches an existing one are updated in place, so invoices keep their place.
 */
export async function updatePolicy(db: Db, orgId: string, id: string, policy: PolicyWrite): Promise<void> {
  await db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx
      .update(dunningPolicies)
      .set({
        name: policy.name,
        description: policy.description,
        regime: policy.regime,
        debtorKind: policy.debtorKind,
        segment: policy.segment,
        priority: policy.priority,
        isActive: policy.isActive,
        updatedAt: sql`now()`,
      })
      .where(and(eq(dunningPolicies.orgId, orgId), eq(dunningPolicies.id, id)));
    const existing = await tx
      .select({ id: dunningSteps.id, position: dunningSteps.position })
      .from(dunningSteps)
      .where(and(eq(dunningSteps.orgId, orgId), eq(dunningSteps.policyId, id)));
    const byPosition = new Map(existing.map((s) => [s.position, s.id]));
    for (const [position, s] of policy.steps.entries()) {
      const values = stepColumns(s);
      const stepId = byPosition.get(position);
      if (stepId) await tx.update(dunningSteps).set(values).where(eq(dunningSteps.id, stepId));
      else await tx.insert(dunningSteps).values({ orgId, policyId: id, position, ...values });
    }
    // Steps beyond the new list: removed when unused, else kept switched off for the history.
    const dropped = existing.filter((s) => s.position >= policy.steps.length).map((s) => s.id);
    if (dropped.length > 0) {
      await tx.execute(sql`delete from dunning_steps s where s.id = any(${`{${dropped.join(',')}}`}::uuid[])
        and not exists (select 1 from dunning_actions a where a.step_id = s.id)`);
      await tx
        .update(dunningSteps)
        .set({ isEnabled: false })
        .where(and(eq(dunningSteps.orgId, orgId), inArray(dunningSteps.id, dropped)));
    }
  });
}
