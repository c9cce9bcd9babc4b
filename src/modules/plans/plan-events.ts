import { formatCents } from '../../core/money.js';
import type { TimelineEntry } from '../ledger/timeline.repo.js';
import type { PaidInstalment } from './plan-monitoring.repo.js';

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
