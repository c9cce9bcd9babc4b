import { formatCents } from '../../core/money.js';
import type { TimelineEntry } from '../ledger/timeline.repo.js';
import type { PaidInstalment, PlanChange } from './plan-monitoring.repo.js';

/** The timeline entry of an instalment paid in full, whoever noticed it (an allocation or the daily check). */
export function instalmentPaidEvent(
  orgId: string,
  paid: PaidInstalment,
  actor: { userId: string | null; label: string },
): TimelineEntry {
  return {
    orgId,
    debtorId: paid.debtorId,
    kind: 'plan_status_changed',
    actorUserId: actor.userId,
    actorLabel: actor.label,
    summary: `Instalment ${paid.number} of ${formatCents(paid.amountCents)} paid`,
    data: { planId: paid.planId, instalment: paid.number, paidOn: paid.paidOn },
  };
}

/** The timeline entry of a plan in arrears whose missed instalments are paid (an allocation or the daily check). */
export function planCaughtUpEvent(
  orgId: string,
  plan: Pick<PlanChange, 'planId' | 'debtorId'>,
  actor: { userId: string | null; label: string },
): TimelineEntry {
  return {
    orgId,
    debtorId: plan.debtorId,
    kind: 'plan_status_changed',
    actorUserId: actor.userId,
    actorLabel: actor.label,
    summary: 'Payment plan back on track: the arrears are paid',
    data: { planId: plan.planId, status: 'active', statusFrom: 'in_arrears' },
  };
}
