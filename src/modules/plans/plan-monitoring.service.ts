/**
 * The daily payment-plan monitoring, run by the worker before the day's dunning run (so a plan
 * that breaks today lets dunning resume today) and callable on its own. One transaction per
 * organisation and day; every step is set-based (plan-monitoring.repo.ts) and idempotent, and
 * every change lands on the debtor's timeline:
 * payments on the plan's invoices pay its instalments in order → a missed instalment puts the plan
 * in arrears with one call task → caught up: back to active, task withdrawn → not caught up within
 * the grace period: broken, the hold ends and dunning resumes from the step the invoices had
 * reached → everything paid: completed, and the aftercare thank-you (R6) in the debtor's language.
 */

import { eq } from 'drizzle-orm';
import { addDays, type CalendarDate } from '../../core/calendar-date.js';
import { formatCents } from '../../core/money.js';
import { businessDayIndex } from '../../core/plans/business-day-index.js';
import { composePlanThankYou } from '../../core/plans/plan-thank-you.js';
import type { Db } from '../../db/client.js';
import { paymentPlans } from '../../db/schema/index.js';
import { organisationCallSettings } from '../calls/call-settings.service.js';
import { insertOutboxMessage } from '../dunning/dunning-actions.repo.js';
import type { LedgerDeps } from '../ledger/organisation.service.js';
import type { Organisation } from '../ledger/organisations.repo.js';
import { appendTimeline, type TimelineEntry } from '../ledger/timeline.repo.js';
import { instalmentPaidEvent, planCaughtUpEvent } from './plan-events.js';
import {
  breakPlansPastGrace,
  closePlanTasks,
  completePaidPlans,
  findThankYouCandidates,
  markPlansInArrears,
  refreshPlanPayments,
  restoreCaughtUpPlans,
  upsertMissedInstalmentTasks,
} from './plan-monitoring.repo.js';

export type PlanMonitoringResult = {
  instalmentsPaid: number;
  completed: number;
  caughtUp: number;
  broken: number;
  inArrears: number;
  callTasks: number;
  thankYous: number;
};

const ACTOR = 'payment plan monitoring';

export async function monitorPaymentPlans(
  deps: LedgerDeps,
  params: {
    org: Pick<Organisation, 'id' | 'country' | 'creditorName' | 'callSettings'>;
    today: CalendarDate;
  },
): Promise<PlanMonitoringResult> {
  const { org, today } = params;
  const scope = { orgId: org.id, today };
  const index = businessDayIndex(today, org.country);
  // The organisation's plan rules (its call settings), like the grace period each plan keeps.
  const missedAfter = organisationCallSettings(org.callSettings).plans.missedAfterBusinessDays;
  return deps.db.transaction(async (tx) => {
    const events: TimelineEntry[] = [];
    const event = (
      debtorId: string,
      kind: TimelineEntry['kind'],
      summary: string,
      data: Record<string, unknown>,
    ) => events.push({ orgId: org.id, debtorId, kind, actorLabel: ACTOR, summary, data });

    // Allocations pay instalments at once; this catches what changed the invoices otherwise.
    const paid = await refreshPlanPayments(tx, scope);
    events.push(...paid.map((p) => instalmentPaidEvent(org.id, p, { userId: null, label: ACTOR })));
    const completed = await completePaidPlans(tx, scope);
    for (const c of completed.filter((c) => c.statusFrom !== 'completed')) {
      event(
        c.debtorId,
        'plan_status_changed',
        `Payment plan of ${formatCents(c.totalCents)} completed: every instalment is paid`,
        {
          planId: c.planId,
          status: 'completed',
          statusFrom: c.statusFrom,
        },
      );
    }
    const caughtUp = await restoreCaughtUpPlans(tx, { ...scope, index, missedAfter });
    events.push(...caughtUp.map((c) => planCaughtUpEvent(org.id, c, { userId: null, label: ACTOR })));
    await closePlanTasks(tx, { planIds: [...completed, ...caughtUp].map((c) => c.planId) });

    const broken = await breakPlansPastGrace(tx, { ...scope, index });
    for (const b of broken) {
      event(
        b.debtorId,
        'plan_status_changed',
        `Payment plan broken: the instalment due ${b.dueDate} is still not paid after the grace period; dunning resumes`,
        { planId: b.planId, status: 'broken', statusFrom: 'in_arrears', inArrearsSince: b.dueDate },
      );
    }
    const arrears = await markPlansInArrears(tx, { ...scope, index, missedAfter });
    for (const a of arrears) {
      event(
        a.debtorId,
        'plan_status_changed',
        `Payment plan in arrears: instalment ${a.number} due ${a.dueDate} was not paid`,
        {
          planId: a.planId,
          status: 'in_arrears',
          statusFrom: 'active',
          instalment: a.number,
        },
      );
    }
    const tasks = await upsertMissedInstalmentTasks(tx, {
      ...scope,
      plans: arrears.map((a) => ({
        planId: a.planId,
        note: `Instalment ${a.number} of the payment plan, due ${a.dueDate}, was not paid`,
      })),
    });
    for (const t of tasks) {
      event(t.debtorId, 'call_task_created', 'Call task: missed instalment of the payment plan', {
        callTaskId: t.id,
        planId: t.planId,
        reason: 'missed_instalment',
      });
    }
    const thankYous = await sendThankYous(tx, { org, today }, events);
    await appendTimeline(tx, events);
    return {
      instalmentsPaid: paid.length,
      completed: completed.length,
      caughtUp: caughtUp.length,
      broken: broken.length,
      inArrears: arrears.length,
      callTasks: tasks.length,
      thankYous,
    };
  });
}

/**
 * The aftercare thank-you for each newly completed plan: an email, or a letter to print without
 * one; unless the organisation's `aftercare.thankCompletedPlans` is off.
 */
async function sendThankYous(
  tx: Db,
  params: { org: Pick<Organisation, 'id' | 'creditorName' | 'callSettings'>; today: CalendarDate },
  events: TimelineEntry[],
): Promise<number> {
  const { aftercare } = organisationCallSettings(params.org.callSettings);
  if (!aftercare.thankCompletedPlans) return 0;
  const candidates = await findThankYouCandidates(tx, {
    orgId: params.org.id,
    completedSince: addDays(params.today, -aftercare.thankWithinDays),
  });
  for (const c of candidates) {
    const addressee = c.contactName ?? (c.debtorKind === 'consumer' ? c.debtorName : null);
    const message = composePlanThankYou({
      language: c.language,
      addressee,
      creditorName: params.org.creditorName,
      totalCents: c.totalCents,
      instalmentCount: c.instalmentCount,
      invoiceNumbers: c.invoiceNumbers,
    });
    const toAddress = c.contactEmail ?? c.debtorEmail;
    const messageId = await insertOutboxMessage(tx, {
      orgId: params.org.id,
      debtorId: c.debtorId,
      status: toAddress ? 'queued' : 'to_print',
      toAddress,
      subject: message.subject,
      bodyText: message.bodyText,
    });
    await tx.update(paymentPlans).set({ thankYouMessageId: messageId }).where(eq(paymentPlans.id, c.planId));
    events.push({
      orgId: params.org.id,
      debtorId: c.debtorId,
      kind: 'email',
      actorLabel: ACTOR,
      summary: `Thank-you for the completed payment plan ${toAddress ? `emailed to ${toAddress}` : 'to print'}`,
      data: { planId: c.planId, outboxMessageId: messageId },
    });
  }
  return candidates.length;
}
