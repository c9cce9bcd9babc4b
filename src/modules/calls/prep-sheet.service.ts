import { Temporal } from 'temporal-polyfill';
import { addBusinessDays } from '../../core/calendar/business-days.js';
import { type CalendarDate, daysBetween } from '../../core/calendar-date.js';
import { computeCallGoals, type MinimumGoal } from '../../core/calls/call-goals.js';
import { TIME_ZONES } from '../../core/calls/call-timing.js';
import { composeObjections } from '../../core/calls/objections/compose-objections.js';
import { rankObjections } from '../../core/calls/objections/rank-objections.js';
import {
  chooseScriptSituation,
  composeCallScript,
  scriptValues,
} from '../../core/calls/scripts/compose-script.js';
import type { ScriptContext } from '../../core/calls/scripts/script-types.js';
import { AppError, assertNever } from '../../core/errors.js';
import type { Language } from '../../core/ledger/enums.js';
import { formatCents } from '../../core/money.js';
import type { Actor } from '../auth/access.js';
import { ensureFreshBalances, type LedgerDeps } from '../ledger/organisation.service.js';
import { organisationCallSettings } from './call-settings.service.js';
import { resolveCallTexts } from './call-texts.service.js';
import type { PrepSheet } from './calls.schemas.js';
import { findPrepSource } from './prep-sheet.repo.js';

/** A promise broken this recently still sets the tone of the call. */
const RECENT_BROKEN_PROMISE_DAYS = 90;

const money = (value: number) => formatCents(value);
const money0 = (value: number | null) => (value === null ? null : formatCents(value));

/**
 * Everything before dialling, in one answer (R12, 003#1, 004#2–3): the person to ask for, the open
 * invoices with order and delivery notes, reminders sent, payment behaviour, earlier calls and
 * promises, disputes, the causes heard before, the goals of this call, the script for the
 * situation in the collector's language and the objections with the debtor's own first.
 */
export async function getPrepSheet(deps: LedgerDeps, actor: Actor, debtorId: string): Promise<PrepSheet> {
  const read = () =>
    findPrepSource(deps.db, {
      orgId: actor.orgId,
      debtorId,
      userId: actor.userId ?? null,
      now: deps.clock.now().toISOString(),
    });
  let source = await read();
  if (!source) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  const today = deps.clock.today(source.organisation.timeZone);
  // The first read of the day finds yesterday's balances (as ensureFreshBalances would refresh them).
  if (source.organisation.balancesAsOf === null || source.organisation.balancesAsOf < today) {
    await ensureFreshBalances(deps, { org: source.organisation, today });
    source = await read();
    if (!source) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  }
  const { debtor, collector, organisation: org } = source;
  const settings = organisationCallSettings(org.callSettings);
  const isLegalNext = source.hasFormalDemand;
  const language: Language = collector?.language ?? org.defaultLanguage;

  const contact = source.contacts.find((c) => c.phone || c.mobile) ?? source.contacts[0] ?? null;
  const history = {
    kept: source.promises.filter((p) => p.status === 'kept').length,
    partiallyKept: source.promises.filter((p) => p.status === 'partially_kept').length,
    broken: source.promises.filter((p) => p.status === 'broken').length,
  };
  const goals = computeCallGoals(
    {
      today,
      calendar: org.country,
      kind: debtor.kind,
      overdueCents: debtor.overdueCents,
      creditLimitCents: debtor.creditLimitCents,
    },
    settings.goals,
  );
  const oldestDue = debtor.oldestOverdueDueDate;
  const daysLate = oldestDue ? daysBetween(oldestDue, today) : 0;
  const lastBroken = source.promises.find((p) => p.status === 'broken' || p.status === 'partially_kept');
  const remindersSent = source.remindersSent;
  const situation = chooseScriptSituation({
    daysLate,
    // The broken-promise script needs the promise itself: its amount and date are quoted.
    hasBrokenPromise:
      !!lastBroken &&
      (source.tasks.some((t) => t.reason === 'broken_promise') ||
        daysBetween(lastBroken.promisedDate, today) <= RECENT_BROKEN_PROMISE_DAYS),
    isConsumer: debtor.kind === 'consumer',
    hasPaymentTrouble: source.causes.some((c) => c.cause === 'payment_trouble'),
    isLastStepBeforeLegal: isLegalNext,
    remindersSent,
  });
  const localHour = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime()).toZonedDateTimeISO(
    TIME_ZONES[debtor.country],
  ).hour;
  const upcoming = source.openInvoices.find((i) => i.dueDate >= today && i.openCents > 0);
  const context: ScriptContext = {
    language,
    country: org.country,
    debtorKind: debtor.kind,
    contactName: contact?.name ?? debtor.name,
    localHour,
    collectorName: collector?.name ?? actor.label,
    creditorName: org.creditorName,
    debtorName: debtor.name,
    invoiceNumbers: source.openInvoices.filter((i) => i.kind === 'invoice').map((i) => i.number),
    overdueCents: debtor.overdueCents,
    oldestDueDate: oldestDue,
    daysLate,
    remindersSent,
    ...(debtor.paymentTermDays !== null ? { paymentTermDays: debtor.paymentTermDays } : {}),
    ...(upcoming ? { upcoming: { amountCents: upcoming.openCents, dueDate: upcoming.dueDate } } : {}),
    ...(lastBroken
      ? {
          brokenPromise: {
            amountCents: lastBroken.amountCents,
            date: lastBroken.promisedDate,
          },
        }
      : {}),
    ...(goals
      ? {
          goals: { payByDate: goals.maximum.payByDate, minimumAmountCents: goals.minimumAmountCents },
          // The consequence named is the policy's next kind of step after the pay-by date (an
          // approximation from what went out so far, not the policy's own next step).
          nextStep: {
            kind: isLegalNext ? 'handover' : remindersSent > 0 ? 'formal_demand' : 'reminder',
            date: addBusinessDays(goals.maximum.payByDate, 1, org.country),
          },
        }
      : {}),
  };
  // The organisation's edited wording; a line it cannot fill says a neutral hint, so no 500 here.
  const texts = resolveCallTexts(source.textOverrides, { situation, language });
  const { script } = composeCallScript(situation, context, texts.script);
  const ranked = rankObjections(
    source.ownObjections,
    source.counterStats.map((s) => ({ counterId: s.counterId, uses: s.uses, keptPromises: s.kept })),
  );
  const { objections } = composeObjections(
    ranked,
    language,
    scriptValues(context, situation),
    texts.objections,
  );

  return {
    debtor: {
      id: debtor.id,
      number: debtor.number,
      name: debtor.name,
      kind: debtor.kind,
      language: debtor.language,
      country: debtor.country,
      open: money(debtor.openCents),
      overdue: money(debtor.overdueCents),
      oldestOverdueDueDate: oldestDue,
      creditLimit: money0(debtor.creditLimitCents),
      paymentTermDays: debtor.paymentTermDays,
      notes: debtor.notes,
      pauseUntil: debtor.pauseUntil,
    },
    contact,
    otherContacts: source.contacts.filter((c) => c !== contact),
    openInvoices: source.openInvoices.map((i) => ({
      id: i.id,
      number: i.number,
      kind: i.kind,
      status: i.status,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      paymentTermDays: i.paymentTermDays ?? daysBetween(i.issueDate, i.dueDate),
      total: money(i.totalCents),
      open: money(i.openCents),
      daysLate: Math.max(0, daysBetween(i.dueDate, today)),
      paymentReference: i.paymentReference,
      orderDescription: i.orderDescription,
      deliveryNotes: i.deliveryNotes,
      salesAgreementNotes: i.salesAgreementNotes,
    })),
    reminders: {
      count: remindersSent,
      items: source.reminders.map((r) => ({
        date: r.date,
        step: r.step,
        channel: r.channel,
        deliveryStatus: r.deliveryStatus,
      })),
    },
    paymentHistory: {
      averageDaysLate: source.lateness.averageDaysLate,
      paidInvoiceCount: source.lateness.paidInvoices,
      lastPayments: source.payments.map((p) => ({
        date: p.date,
        amount: money(p.amountCents),
        method: p.method,
      })),
    },
    calls: source.calls.map(({ startedAtMs, ...call }) => ({ ...call, startedAt: isoInstant(startedAtMs) })),
    disputes: source.disputes.map(({ openedAtMs, ...dispute }) => ({
      ...dispute,
      openedAt: isoInstant(openedAtMs),
    })),
    promises: {
      ...history,
      items: source.promises.map((p) => ({
        id: p.id,
        amount: money(p.amountCents),
        promisedDate: p.promisedDate,
        status: p.status,
        paid: money(p.paidCents),
      })),
    },
    nonPaymentCauses: source.causes,
    openTasks: source.tasks.map((t) => ({
      id: t.id,
      reason: t.reason,
      dueDate: t.dueDate,
      callbackAt: t.callbackAtMs === null ? null : isoInstant(t.callbackAtMs),
      note: t.note,
    })),
    lock:
      source.lock && source.lock.expiresAtMs > deps.clock.now().getTime()
        ? {
            holderId: source.lock.holderId,
            holder: source.lock.holder,
            expiresAt: isoInstant(source.lock.expiresAtMs),
          }
        : null,
    goals: goals
      ? {
          maximum: { amount: money(goals.maximum.amountCents), payByDate: goals.maximum.payByDate },
          minimumAmount: money(goals.minimumAmountCents),
          minimum: goals.minimum.map((goal) => toMinimumGoal(goal, today)),
        }
      : null,
    script,
    objections: objections.map((o) => ({ ...o, nextActions: [...o.nextActions] })),
  };
}

function toMinimumGoal(goal: MinimumGoal, today: CalendarDate) {
  switch (goal.kind) {
    case 'partial_payment_now':
      return { kind: goal.kind, amount: money(goal.amountCents), date: goal.payByDate };
    case 'promise_by_date':
      return { kind: goal.kind, amount: money(goal.amountCents), date: goal.latestDate };
    case 'payment_plan':
      return {
        kind: goal.kind,
        amount: money(goal.schedule.reduce((sum, i) => sum + i.amountCents, 0)),
        date: goal.schedule.at(-1)?.dueDate ?? today,
        instalments: goal.schedule.map((i) => ({ dueDate: i.dueDate, amount: money(i.amountCents) })),
      };
    default:
      return assertNever(goal, 'call goal');
  }
}

const isoInstant = (epochMs: number) => new Date(epochMs).toISOString();
