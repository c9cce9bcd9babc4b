/**
 * Aftercare for kept promises (R6, 001#6, issue 5 point 9): when the organisation's setting
 * `aftercare.thankKeptPromises` is on, every promise that became kept (by a bank payment or a
 * manual match, which is where promises become kept) gets one thank-you: an email, or a letter to
 * print without an address. Run from the worker's tick after the follow-up, so it does not depend
 * on the path that settled the promise; idempotent through `promises.thank_you_message_id`.
 * Completed plans are thanked by the plan monitoring (modules/plans), under `thankCompletedPlans`.
 */
import { addDays, type CalendarDate } from '../../core/calendar-date.js';
import { composePromiseThankYou } from '../../core/calls/promise-thank-you.js';
import { formatCents } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { insertOutboxMessage } from '../dunning/dunning-actions.repo.js';
import type { Organisation } from '../ledger/organisations.repo.js';
import { appendTimeline, type TimelineEntry } from '../ledger/timeline.repo.js';
import { findPromisesToThank, setPromiseThankYou } from './aftercare.repo.js';
import { organisationCallSettings } from './call-settings.service.js';

const ACTOR = 'aftercare';

export async function thankKeptPromises(
  deps: { db: Db },
  params: { org: Pick<Organisation, 'id' | 'creditorName' | 'callSettings'>; today: CalendarDate },
): Promise<number> {
  const { org, today } = params;
  const { aftercare } = organisationCallSettings(org.callSettings);
  if (!aftercare.thankKeptPromises) return 0;
  return deps.db.transaction(async (tx) => {
    const candidates = await findPromisesToThank(tx, {
      orgId: org.id,
      dueSince: addDays(today, -aftercare.thankWithinDays),
    });
    const events: TimelineEntry[] = [];
    for (const c of candidates) {
      const message = composePromiseThankYou({
        language: c.language,
        addressee: c.contactName ?? (c.debtorKind === 'consumer' ? c.debtorName : null),
        creditorName: org.creditorName,
        amountCents: c.amountCents,
        promisedDate: c.promisedDate,
        invoiceNumbers: c.invoiceNumbers,
      });
      const toAddress = c.contactEmail ?? c.debtorEmail;
      const messageId = await insertOutboxMessage(tx, {
        orgId: org.id,
        debtorId: c.debtorId,
        status: toAddress ? 'queued' : 'to_print',
        toAddress,
        subject: message.subject,
        bodyText: message.bodyText,
      });
      await setPromiseThankYou(tx, { promiseId: c.promiseId, messageId });
      events.push({
        orgId: org.id,
        debtorId: c.debtorId,
        kind: 'email',
        actorLabel: ACTOR,
        summary: `Thank-you for the kept promise of ${formatCents(c.amountCents)} ${
          toAddress ? `emailed to ${toAddress}` : 'to print'
        }`,
        data: { promiseId: c.promiseId, outboxMessageId: messageId },
      });
    }
    await appendTimeline(tx, events);
    return candidates.length;
  });
}
