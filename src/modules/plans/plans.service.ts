/**
 * Payment plans (R18, issue 6 part 4): made from the dossier or from a call, for some of a
 * debtor's open invoices. The schedule comes from the core (exact cents, business days); the
 * agreement check's warnings must be acknowledged before the plan is saved. Saving holds the
 * invoices back from dunning (the decision skips invoices of running plans), writes the plan's
 * timeline event and queues the confirmation letter, all in one transaction.
 */

import type { CalendarDate } from '../../core/calendar-date.js';
import { buildPlanSchedule, type PlanInstalment } from '../../core/calls/plan-schedule.js';
import { transitionPlan } from '../../core/calls/plan-status.js';
import { type AgreementPolicy, validateAgreement } from '../../core/calls/promise-validation.js';
import { AppError } from '../../core/errors.js';
import { cents, formatCents } from '../../core/money.js';
import { instalmentReferences, referenceText } from '../../core/plans/instalment-references.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../auth/access.js';
import { organisationCallSettings } from '../calls/call-settings.service.js';
import { type LedgerDeps, loadOrganisation } from '../ledger/organisation.service.js';
import { appendTimeline } from '../ledger/timeline.repo.js';
import { composePlanLetterFor, renderPlanLetterPdf } from './plan-letter.js';
import { closePlanTasks } from './plan-monitoring.repo.js';
import {
  findContactRow,
  findDebtorRow,
  findDefaultContact,
  findPlanCandidateInvoices,
  findPlanDocument,
  findPlanRow,
  findPlansWithDetails,
  findPromiseHistory,
  insertPlan,
  setPlanLetter,
  updatePlanRow,
} from './plans.repo.js';
import type {
  CreatePlanRequest,
  CreatePlanResponse,
  PaymentPlan,
  PlanPreview,
  PlanProposal,
} from './plans.schemas.js';
import { CreatePlanRequestSchema } from './plans.schemas.js';

type Checked = {
  preview: PlanPreview;
  schedule: PlanInstalment[];
  invoices: Awaited<ReturnType<typeof findPlanCandidateInvoices>>;
  contact: Awaited<ReturnType<typeof findContactRow>> | null;
  debtor: NonNullable<Awaited<ReturnType<typeof findDebtorRow>>>;
};

/** The schedule and the agreement check for a proposal, without saving anything. */
export async function previewPaymentPlan(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  proposal: PlanProposal,
): Promise<PlanPreview> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  return (
    await checkProposal(deps.db, {
      orgId: org.id,
      calendar: org.country,
      policy: organisationCallSettings(org.callSettings).agreements,
      today,
      debtorId,
      proposal,
    })
  ).preview;
}

async function checkProposal(
  db: Db,
  params: {
    orgId: string;
    calendar: 'NL' | 'BE';
    /** The organisation's agreement checks, as a call's agreements get. */
    policy: AgreementPolicy;
    today: CalendarDate;
    debtorId: string;
    proposal: PlanProposal;
  },
): Promise<Checked> {
  const { orgId, debtorId, proposal, today } = params;
  const debtor = await findDebtorRow(db, { orgId, debtorId });
  if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  const invoices = await findPlanCandidateInvoices(db, {
    orgId,
    debtorId,
    invoiceIds: proposal.invoiceIds,
    forUpdate: false,
  });
  const found = new Set(invoices.map((i) => i.id));
  const issues = proposal.invoiceIds.flatMap((id, index) =>
    found.has(id) ? [] : [{ field: `invoiceIds[${index}]`, message: 'not an invoice of this debtor' }],
  );
  for (const invoice of invoices) {
    const index = proposal.invoiceIds.indexOf(invoice.id);
    const field = `invoiceIds[${index}]`;
    if (
      invoice.kind !== 'invoice' ||
      invoice.openCents <= 0 ||
      !['open', 'partially_paid'].includes(invoice.status)
    )
      issues.push({ field, message: `invoice ${invoice.number} has nothing open to put in a plan` });
    else if (invoice.runningPlanId)
      issues.push({ field, message: `invoice ${invoice.number} is already in a running payment plan` });
  }
  if (issues.length > 0)
    throw new AppError('VALIDATION_FAILED', 'these invoices cannot go in a plan', issues);
  const contact = proposal.contactId
    ? ((await findContactRow(db, { orgId, debtorId, contactId: proposal.contactId })) ?? null)
    : null;
  if (proposal.contactId && !contact)
    throw new AppError('CONTACT_NOT_FOUND', 'no such contact of this debtor');

  const totalCents = invoices.reduce((sum, i) => sum + i.openCents, 0);
  const schedule = proposal.instalments
    ? proposal.instalments.map((i, index) => ({
        number: index + 1,
        dueDate: i.dueDate as CalendarDate,
        amountCents: cents(i.amountCents),
      }))
    : buildSchedule(proposal, totalCents, params.calendar);
  const check = validateAgreement(
    { kind: 'plan', instalments: schedule },
    {
      today,
      calendar: params.calendar,
      kind: debtor.kind,
      balanceCents: totalCents,
      goals: undefined,
      history: await findPromiseHistory(db, { orgId, debtorId }),
      contact: contact ? { name: contact.name, isCollectionsContact: contact.isCollectionsContact } : null,
    },
    params.policy,
  );
  const errors: PlanPreview['errors'] = [...check.errors];
  const planCents = schedule.reduce((sum, i) => sum + i.amountCents, 0);
  // More than the invoices' open amount cannot be allocated to them, so the plan could never complete.
  if (planCents > totalCents)
    errors.push({ code: 'plan_above_balance', planCents, balanceCents: totalCents });
  const references = instalmentReferences(invoices, schedule).map(referenceText);
  return {
    preview: {
      totalCents,
      instalments: schedule.map((i, index) => ({ ...i, reference: references[index] ?? '' })),
      warnings: check.warnings,
      errors,
    },
    schedule,
    invoices,
    contact,
    debtor,
  };
}

function buildSchedule(proposal: PlanProposal, totalCents: number, calendar: 'NL' | 'BE'): PlanInstalment[] {
  const { instalmentCount, interval, firstDueDate } = proposal;
  if (instalmentCount === undefined || interval === undefined || firstDueDate === undefined)
    throw new AppError('VALIDATION_FAILED', 'the schedule needs a count, an interval and a first date');
  try {
    return buildPlanSchedule({
      totalCents,
      instalmentCount,
      interval,
      firstDueDate: firstDueDate as CalendarDate,
      calendar,
      ...(proposal.downPaymentCents ? { downPaymentCents: proposal.downPaymentCents } : {}),
    });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const [field = 'schedule', ...rest] = error.message.split(': ');
    throw new AppError('VALIDATION_FAILED', 'no schedule can be made from this proposal', [
      { field, message: rest.join(': ') || error.message },
    ]);
  }
}

export async function createPaymentPlan(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
  input: CreatePlanRequest,
): Promise<CreatePlanResponse> {
  const request = CreatePlanRequestSchema.parse(input);
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  return deps.db.transaction(async (tx) => {
    // Lock the invoices first, so a second plan for the same invoices waits and then sees this one.
    await findPlanCandidateInvoices(tx, {
      orgId: org.id,
      debtorId,
      invoiceIds: request.invoiceIds,
      forUpdate: true,
    });
    const checked = await checkProposal(tx, {
      orgId: org.id,
      calendar: org.country,
      policy: organisationCallSettings(org.callSettings).agreements,
      today,
      debtorId,
      proposal: request,
    });
    const { preview, schedule, invoices, debtor } = checked;
    if (!org.iban)
      throw new AppError(
        'INVALID_STATE',
        'the organisation has no IBAN: a plan letter cannot say where to pay',
      );
    if (preview.errors.length > 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        'the plan cannot be made',
        preview.errors.map((e) => ({ field: String(e.field ?? 'instalments'), message: e.code })),
      );
    }
    if (preview.warnings.length > 0 && !request.acknowledgeWarnings) return { created: false, preview };
    // Business days a plan may stay in arrears before it breaks: the organisation's rule unless given.
    const graceDays =
      request.graceDays ?? organisationCallSettings(org.callSettings).plans.brokenAfterBusinessDays;
    const plan = await insertPlan(
      tx,
      {
        orgId: org.id,
        debtorId,
        totalCents: preview.instalments.reduce((sum, i) => sum + i.amountCents, 0),
        downPaymentCents: request.instalments ? 0 : (request.downPaymentCents ?? 0),
        interval: request.instalments ? null : (request.interval ?? null),
        graceDays,
        contactId: checked.contact?.id ?? null,
        origin: request.origin,
        callId: request.callId ?? null,
        acknowledgedWarnings: preview.warnings,
        note: request.note ?? null,
        createdBy: actor.userId,
      },
      schedule.map((i) => ({ number: i.number, dueDate: i.dueDate, amountCents: i.amountCents })),
      invoices.map((i) => i.id),
    );
    const contact = checked.contact ?? (await findDefaultContact(tx, { orgId: org.id, debtorId })) ?? null;
    const letter = composePlanLetterFor({
      org,
      debtor,
      contact,
      invoices,
      instalments: schedule,
      hasDownPayment: plan.downPaymentCents > 0,
      graceDays,
      today,
    });
    const pdf = await renderPlanLetterPdf(letter, deps.clock.now());
    const toAddress = contact?.email ?? debtor.email;
    const { messageId } = await setPlanLetter(tx, {
      planId: plan.id,
      document: { orgId: org.id, debtorId, fileName: letter.fileName, content: pdf },
      message: {
        orgId: org.id,
        debtorId,
        status: toAddress ? 'queued' : 'to_print',
        toAddress: toAddress ?? null,
        subject: letter.content.subject,
        bodyText: letter.bodyText,
      },
    });
    await appendTimeline(tx, [
      {
        orgId: org.id,
        debtorId,
        kind: 'plan',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        summary: `Payment plan of ${formatCents(plan.totalCents)} in ${schedule.length} instalments (${schedule[0]?.dueDate} to ${schedule.at(-1)?.dueDate}) for ${invoices.map((i) => i.number).join(', ')}; confirmation ${toAddress ? `emailed to ${toAddress}` : 'to print'}`,
        data: {
          planId: plan.id,
          origin: request.origin,
          callId: request.callId ?? null,
          invoiceIds: invoices.map((i) => i.id),
          acknowledgedWarnings: preview.warnings.map((w) => w.code),
          outboxMessageId: messageId,
        },
      },
    ]);
    const [details] = await findPlansWithDetails(tx, { orgId: org.id, planIds: [plan.id] });
    if (!details) throw new Error('payment plan not found after insert');
    return { created: true, plan: toPaymentPlan(details), outboxMessageId: messageId };
  });
}

/** Ends a running plan by hand (replaced, disputed, written off); dunning resumes for its invoices. */
export async function cancelPaymentPlan(
  deps: LedgerDeps,
  actor: Actor,
  planId: string,
  reason: string | undefined,
): Promise<PaymentPlan> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  return deps.db.transaction(async (tx) => {
    const plan = await findPlanRow(tx, { orgId: org.id, planId, forUpdate: true });
    if (!plan) throw new AppError('NOT_FOUND', 'no such payment plan');
    const next = transitionPlan(
      {
        status: plan.status,
        instalments: [],
        paidCents: plan.paidCents,
        arrearsSince: plan.inArrearsSince as CalendarDate | null,
        rules: {
          calendar: org.country,
          missedAfterBusinessDays: organisationCallSettings(org.callSettings).plans.missedAfterBusinessDays,
          brokenAfterBusinessDays: plan.graceDays,
        },
      },
      { type: 'cancelled' },
    );
    if (!next.ok) throw new AppError('INVALID_STATE', `the payment plan cannot be cancelled: ${next.reason}`);
    if (plan.status !== 'cancelled') {
      await updatePlanRow(tx, {
        planId,
        changes: { status: 'cancelled', cancelledOn: today, inArrearsSince: null },
      });
      if (next.effects.some((e) => e.type === 'withdraw_requeue'))
        await closePlanTasks(tx, { planIds: [planId] });
      await appendTimeline(tx, [
        {
          orgId: org.id,
          debtorId: plan.debtorId,
          kind: 'plan_status_changed',
          actorUserId: actor.userId,
          actorLabel: actor.label,
          summary: `Payment plan cancelled${reason ? `: ${reason}` : ''}; dunning resumes for its invoices`,
          data: { planId, status: 'cancelled', statusFrom: plan.status, reason: reason ?? null },
        },
      ]);
    }
    const [details] = await findPlansWithDetails(tx, { orgId: org.id, planIds: [planId] });
    if (!details) throw new Error('payment plan vanished');
    return toPaymentPlan(details);
  });
}

export async function findDebtorPaymentPlans(
  deps: LedgerDeps,
  actor: Actor,
  debtorId: string,
): Promise<PaymentPlan[]> {
  const debtor = await findDebtorRow(deps.db, { orgId: actor.orgId, debtorId });
  if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  return (await findPlansWithDetails(deps.db, { orgId: actor.orgId, debtorId })).map(toPaymentPlan);
}

/** The confirmation letter as sent. */
export async function getPlanLetterPdf(
  deps: LedgerDeps,
  actor: Actor,
  planId: string,
): Promise<{ fileName: string; content: Uint8Array }> {
  const plan = await findPlanRow(deps.db, { orgId: actor.orgId, planId });
  if (!plan) throw new AppError('NOT_FOUND', 'no such payment plan');
  const document = plan.letterDocumentId
    ? await findPlanDocument(deps.db, { orgId: actor.orgId, documentId: plan.letterDocumentId })
    : undefined;
  if (!document) throw new AppError('NOT_FOUND', 'this payment plan has no letter');
  return { fileName: document.fileName, content: document.content };
}

function toPaymentPlan(details: Awaited<ReturnType<typeof findPlansWithDetails>>[number]): PaymentPlan {
  const { plan } = details;
  return {
    id: plan.id,
    debtorId: plan.debtorId,
    status: plan.status,
    origin: plan.origin,
    totalCents: plan.totalCents,
    paidCents: plan.paidCents,
    downPaymentCents: plan.downPaymentCents,
    interval: plan.interval,
    graceDays: plan.graceDays,
    inArrearsSince: plan.inArrearsSince,
    brokenOn: plan.brokenOn,
    completedOn: plan.completedOn,
    cancelledOn: plan.cancelledOn,
    contactId: plan.contactId,
    createdAt: plan.createdAt.toISOString(),
    invoices: details.invoices,
    instalments: details.instalments.map((i) => ({
      number: i.number,
      dueDate: i.dueDate,
      amountCents: i.amountCents,
      paidCents: i.paidCents,
      status: i.status,
      paidOn: i.paidOn,
    })),
  };
}
