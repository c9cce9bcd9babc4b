import { regimeDebtorKind } from '../../core/dunning/enums.js';
import { AppError } from '../../core/errors.js';
import { formatCents } from '../../core/money.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { parseAmountInput } from '../ledger/amounts.js';
import { loadOrganisation } from '../ledger/organisation.service.js';
import type { DunningPolicy, DunningPolicyChanges } from './dunning.schemas.js';
import {
  ensureDefaultPolicies,
  findPolicies,
  findPolicy,
  createPolicy as insertPolicy,
  type PolicyWithSteps,
  type PolicyWrite,
  updatePolicy as replacePolicy,
} from './policies.repo.js';

/** Dunning policies over HTTP: list (seeding the defaults), read, create (or copy), replace. */

type PolicyDeps = Pick<AppDeps, 'db' | 'clock'>;

export function toPolicyView(policy: PolicyWithSteps): DunningPolicy {
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    regime: policy.regime,
    debtorKind: policy.debtorKind,
    segment: policy.segment,
    priority: policy.priority,
    isActive: policy.isActive,
    updatedAt: policy.updatedAt.toISOString(),
    steps: policy.steps.map((s) => ({
      id: s.id,
      position: s.position,
      name: s.name,
      isEnabled: s.isEnabled,
      anchor: s.anchor,
      offsetDays: s.offsetDays,
      channel: s.channel,
      letterKind: s.letterKind,
      tone: s.tone,
      deadlineDays: s.deadlineDays,
      minOpen: formatCents(s.minOpenCents),
      claimsCosts: s.claimsCosts,
    })),
  };
}

export async function listPolicies(deps: PolicyDeps, actor: Actor): Promise<DunningPolicy[]> {
  const { org } = await loadOrganisation(deps, actor.orgId);
  await ensureDefaultPolicies(deps.db, org);
  return (await findPolicies(deps.db, actor.orgId)).map(toPolicyView);
}

export async function getPolicy(deps: PolicyDeps, actor: Actor, policyId: string): Promise<DunningPolicy> {
  const policy = await findPolicy(deps.db, actor.orgId, policyId);
  if (!policy) throw new AppError('NOT_FOUND', 'no such dunning policy');
  return toPolicyView(policy);
}

export async function createPolicy(
  deps: PolicyDeps,
  actor: Actor,
  changes: DunningPolicyChanges,
): Promise<DunningPolicy> {
  await assertNameFree(deps, actor.orgId, changes.name, null);
  const id = await withDuplicateName(() => insertPolicy(deps.db, actor.orgId, toPolicyWrite(changes)));
  return getPolicy(deps, actor, id);
}

export async function updatePolicy(
  deps: PolicyDeps,
  actor: Actor,
  policyId: string,
  changes: DunningPolicyChanges,
): Promise<DunningPolicy> {
  if (!(await findPolicy(deps.db, actor.orgId, policyId)))
    throw new AppError('NOT_FOUND', 'no such dunning policy');
  await assertNameFree(deps, actor.orgId, changes.name, policyId);
  await withDuplicateName(() => replacePolicy(deps.db, actor.orgId, policyId, toPolicyWrite(changes)));
  return getPolicy(deps, actor, policyId);
}

function toPolicyWrite(changes: DunningPolicyChanges): PolicyWrite {
  return {
    name: changes.name,
    description: changes.description ?? null,
    regime: changes.regime,
    debtorKind: regimeDebtorKind(changes.regime),
    segment: changes.segment,
    priority: changes.priority,
    isActive: changes.isActive,
    steps: changes.steps.map((s, index) => ({
      name: s.name,
      isEnabled: s.isEnabled,
      anchor: s.anchor,
      offsetDays: s.offsetDays,
      channel: s.channel,
      letterKind: s.letterKind,
      tone: s.tone,
      deadlineDays: s.deadlineDays,
      minOpenCents: parseAmountInput(s.minOpen, `steps.${index}.minOpen`),
      claimsCosts: s.claimsCosts,
    })),
  };
}

const duplicateName = () =>
  new AppError('DUPLICATE', 'a dunning policy with this name exists', [
    { field: 'name', message: 'another policy has this name' },
  ]);

async function assertNameFree(deps: PolicyDeps, orgId: string, name: string, ownId: string | null) {
  const clash = (await findPolicies(deps.db, orgId)).find(
    (p) => p.id !== ownId && p.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) throw duplicateName();
}

/** Two requests may race past the check above: the unique index has the last word. */
async function withDuplicateName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}
