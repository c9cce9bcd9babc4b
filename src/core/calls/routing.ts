/**
 * Who calls whom (004#1, R24): sensitive calls only to experienced staff. A collector has a skill
 * level; a dossier needs one. Senior: consumers in payment trouble, large amounts, the legal stage
 * or a handover, open complaints or disputes, earlier aggressive calls. Medior: any consumer, a
 * debtor who broke promises before, a middle-sized amount. Junior: the rest.
 *
 * The day's ordered items are handed out in two passes, so the seniors' time goes to the senior
 * dossiers first: the items that need the highest level first (in queue order), then the rest.
 * Within a pass an item stays with the debtor's own collector when that one may take it and has
 * room (continuity of the relationship); otherwise it goes to the eligible collector with the
 * lowest load relative to capacity, the less senior one on a tie.
 */
import { assertNever } from '../errors.js';
import type { DebtorKind, Role } from '../ledger/enums.js';

export const SKILL_LEVELS = ['junior', 'medior', 'senior'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

const rank = (level: SkillLevel): number => SKILL_LEVELS.indexOf(level);

/** The level a member has when none was set: senior collectors and admins are senior. */
export function defaultSkillLevel(role: Role): SkillLevel | undefined {
  switch (role) {
    case 'admin':
    case 'senior_collector':
      return 'senior';
    case 'collector':
      return 'medior';
    case 'viewer':
      return undefined;
    default:
      return assertNever(role, 'role');
  }
}

export type RoutingSettings = {
  /** Overdue balance from which only a senior calls. */
  seniorFromCents: number;
  /** Overdue balance from which at least a medior calls. */
  mediorFromCents: number;
  /** Broken promises (last twelve months) from which at least a medior calls. */
  mediorFromBrokenPromises: number;
};

export const DEFAULT_ROUTING: RoutingSettings = {
  seniorFromCents: 2_500_000,
  mediorFromCents: 500_000,
  mediorFromBrokenPromises: 2,
};

export type DossierSensitivity = {
  kind: DebtorKind;
  overdueCents: number;
  /** Recorded cause of non-payment says payment trouble, or a debt counsellor is involved. */
  hasPaymentTrouble: boolean;
  /** A formal demand went out with costs, or an invoice is handed over to an agency or lawyer. */
  isLegalStage: boolean;
  hasOpenDispute: boolean;
  hasOpenComplaint: boolean;
  /** An earlier call was marked aggressive or threatening. */
  hadAggressiveCall: boolean;
  brokenPromiseCount: number;
};

export const SENSITIVITY_FLAGS = [
  'consumer_payment_trouble',
  'large_amount',
  'legal_stage',
  'open_dispute',
  'open_complaint',
  'aggressive_history',
  'consumer',
  'broken_promises',
  'medium_amount',
] as const;
export type SensitivityFlag = (typeof SENSITIVITY_FLAGS)[number];

export type Sensitivity = { requiredLevel: SkillLevel; flags: SensitivityFlag[] };

/** The skill level a dossier needs, with every flag that raised it (for the UI to explain). */
export function assessSensitivity(
  dossier: DossierSensitivity,
  settings: RoutingSettings = DEFAULT_ROUTING,
): Sensitivity {
  const senior: SensitivityFlag[] = [];
  if (dossier.kind === 'consumer' && dossier.hasPaymentTrouble) senior.push('consumer_payment_trouble');
  if (dossier.overdueCents >= settings.seniorFromCents) senior.push('large_amount');
  if (dossier.isLegalStage) senior.push('legal_stage');
  if (dossier.hasOpenDispute) senior.push('open_dispute');
  if (dossier.hasOpenComplaint) senior.push('open_complaint');
  if (dossier.hadAggressiveCall) senior.push('aggressive_history');
  if (senior.length > 0) return { requiredLevel: 'senior', flags: senior };
  const medior: SensitivityFlag[] = [];
  if (dossier.kind === 'consumer') medior.push('consumer');
  if (dossier.brokenPromiseCount >= settings.mediorFromBrokenPromises) medior.push('broken_promises');
  if (dossier.overdueCents >= settings.mediorFromCents) medior.push('medium_amount');
  return medior.length > 0
    ? { requiredLevel: 'medior', flags: medior }
    : { requiredLevel: 'junior', flags: [] };
}

export const canHandle = (collector: SkillLevel, required: SkillLevel): boolean =>
  rank(collector) >= rank(required);

export type Collector = {
  id: string;
  skillLevel: SkillLevel;
  /** Calls this collector can make today (0 = absent). */
  capacity: number;
};

export type RoutableItem = {
  debtorId: string;
  requiredLevel: SkillLevel;
  /** The debtor's own collector (`debtors.assigned_collector_id`), if any. */
  ownerId: string | null;
};

export type Assignment = { debtorId: string; collectorId: string; isOwner: boolean };
export type Unassigned = {
  debtorId: string;
  requiredLevel: SkillLevel;
  reason: 'no_eligible_collector' | 'capacity_full';
};

export type DayAssignment = {
  /** Per collector, the debtors in queue order. */
  byCollector: Record<string, string[]>;
  assignments: Assignment[];
  unassigned: Unassigned[];
};

/** Hands the day's items (already in queue order) to collectors; see the module comment. */
export function assignDay(items: readonly RoutableItem[], collectors: readonly Collector[]): DayAssignment {
  const load = new Map(collectors.map((c) => [c.id, 0]));
  const byCollector: Record<string, string[]> = Object.fromEntries(collectors.map((c) => [c.id, []]));
  const chosen = new Map<string, Assignment>();
  const unassigned: Unassigned[] = [];
  const hasRoom = (c: Collector) => (load.get(c.id) ?? 0) < c.capacity;
  const ratio = (c: Collector) => (load.get(c.id) ?? 0) / c.capacity;

  for (const level of [...SKILL_LEVELS].reverse()) {
    for (const item of items) {
      if (item.requiredLevel !== level) continue;
      const eligible = collectors.filter(
        (c) => c.capacity > 0 && canHandle(c.skillLevel, item.requiredLevel),
      );
      if (eligible.length === 0) {
        unassigned.push({ debtorId: item.debtorId, requiredLevel: level, reason: 'no_eligible_collector' });
        continue;
      }
      const open = eligible.filter(hasRoom);
      const owner = open.find((c) => c.id === item.ownerId);
      const pick =
        owner ??
        [...open].sort(
          (a, b) => ratio(a) - ratio(b) || rank(a.skillLevel) - rank(b.skillLevel) || (a.id < b.id ? -1 : 1),
        )[0];
      if (!pick) {
        unassigned.push({ debtorId: item.debtorId, requiredLevel: level, reason: 'capacity_full' });
        continue;
      }
      load.set(pick.id, (load.get(pick.id) ?? 0) + 1);
      chosen.set(item.debtorId, { debtorId: item.debtorId, collectorId: pick.id, isOwner: pick === owner });
    }
  }
  // Back to queue order, so each collector's list and the assignments follow the priority.
  const assignments: Assignment[] = [];
  for (const item of items) {
    const assignment = chosen.get(item.debtorId);
    if (!assignment) continue;
    assignments.push(assignment);
    byCollector[assignment.collectorId]?.push(item.debtorId);
  }
  const position = new Map(items.map((item, index) => [item.debtorId, index]));
  unassigned.sort((a, b) => (position.get(a.debtorId) ?? 0) - (position.get(b.debtorId) ?? 0));
  return { byCollector, assignments, unassigned };
}
