/**
 * The ledger of one demo debtor over the last ~14 months: invoices and credit notes with what was
 * ordered, delivered and agreed; payments (in payment runs for businesses, instalments for partial
 * payers) and their allocations; disputes; and the timeline that records it all. The debtor's
 * behaviour profile decides when invoices get paid, relative to "today".
 */
import { MONTH_NAMES } from '../../core/dunning/templates/format.js';
import { applyBasisPoints } from '../../core/money.js';
import type { ReferenceResult } from '../../core/references/check-digits.js';
import { generateCreditorReference } from '../../core/references/creditor-reference.js';
import { formatOgm, generateOgm } from '../../core/references/ogm.js';
import {
  type AllocationRow,
  bookRun,
  creditNote,
  type DebtorLedger,
  type DisputeRow,
  type InvoiceRow,
  type PaymentRow,
  type PaymentRun,
  pushCall,
  pushPayment,
  pushResolvedDispute,
  pushStatusChange,
  type RunItem,
  type TimelineRow,
} from './demo-bookings.js';
import type { DemoBehaviour, DemoCollector, GeneratedDebtor } from './demo-debtors.js';
import {
  euroText,
  fromDayNumber,
  type IdKind,
  instantOn,
  isoWeekday,
  nextWorkingDay,
  onOrAfterWeekday,
  workingDayBefore,
} from './demo-format.js';
import type { DemoProfile } from './demo-organisations.js';
import {
  DELIVERY_NOTES,
  DISPUTE_REASONS,
  DISPUTE_RESOLUTIONS,
  fill,
  type OrderTemplate,
  SALES_AGREEMENT_NOTES,
} from './demo-texts.js';
import type { Random } from './random.js';

export type { AllocationRow, DebtorLedger, DisputeRow, InvoiceRow, PaymentRow, TimelineRow };

/** How far back the portfolio goes: about fourteen months. */
export const HISTORY_DAYS = 425;

const REVERSE_CHARGE = {
  nl: ' (btw verlegd)',
  fr: ' (autoliquidation)',
  en: ' (VAT reverse charge)',
} as const;

/** Days after the due date on which a debtor of this profile pays. */
function paymentDelay(behaviour: DemoBehaviour, random: Random): number {
  switch (behaviour) {
    case 'punctual':
      return random.int(-6, 2);
    case 'slightly_late':
    case 'disputing':
      return random.chance(0.25) ? random.int(-3, 2) : random.int(3, 35);
    case 'partial_payer':
      return random.int(5, 60);
    case 'chronic_late':
      return random.int(30, 120);
    case 'in_trouble':
      return random.int(20, 80);
  }
}

export function generateLedger(params: {
  profile: DemoProfile;
  orgId: string;
  debtor: GeneratedDebtor;
  random: Random;
  id: (kind: IdKind, row: number) => string;
  invoiceCount: number;
  /** Portfolio-wide number of this debtor's first invoice, so numbers are unique without coordination. */
  firstSequence: number;
  today: number;
  collectors: readonly DemoCollector[];
}): DebtorLedger {
  const { profile, orgId, debtor, random, today } = params;
  const { plan, row: debtorRow } = debtor;
  const debtorId = debtorRow.id;
  const language = debtorRow.language;
  const isBusiness = plan.kind === 'business';
  const ledger: DebtorLedger = { invoices: [], payments: [], allocations: [], disputes: [], timeline: [] };
  const rows = { document: 0, payment: 0, allocation: 0, dispute: 0 };
  const caller = debtor.collector ?? params.collectors[0];
  const callerLabel = caller?.name ?? 'Debiteurenbeheer';

  const issueDays: number[] = [];
  for (let j = 0; j < params.invoiceCount; j++) {
    let day = today - random.int(1, HISTORY_DAYS);
    const weekday = isoWeekday(day);
    if (weekday > 5) day -= weekday - 5;
    issueDays.push(day);
  }
  issueDays.sort((a, b) => a - b);

  const firstDay = (issueDays[0] ?? today - random.int(1, HISTORY_DAYS)) - random.int(1, 30);
  ledger.timeline.push({
    orgId,
    debtorId,
    invoiceId: null,
    kind: 'debtor_created',
    actorUserId: null,
    actorLabel: 'import',
    summary: `Debiteur ${debtorRow.number} ${debtorRow.name} aangemaakt`,
    data: { number: debtorRow.number },
    occurredAt: instantOn(firstDay, 6, random.int(0, 59)),
  });

  const troubleStart =
    plan.behaviour === 'in_trouble' ? today - random.int(60, 240) : Number.POSITIVE_INFINITY;
  // Disputing debtors have one or two recent invoices under dispute and one old, resolved dispute.
  const openDisputes = new Set<number>();
  let resolvedDispute = -1;
  if (plan.behaviour === 'disputing') {
    const recent = issueDays
      .map((d, j) => [d, j] as const)
      .filter(([d]) => d > today - 150 && d < today - 20);
    for (const [, j] of random.sample(recent, random.int(1, 2))) openDisputes.add(j);
    const old = issueDays.map((d, j) => [d, j] as const).filter(([d]) => d < today - 180);
    if (old.length > 0) resolvedDispute = random.pick(old)[1];
  }

  const orders = profile.orders.filter((o) => (isBusiness ? o.business : o.consumer));
  const runs = new Map<number, PaymentRun>();
  const overdueOpen: number[] = [];

  for (let j = 0; j < issueDays.length; j++) {
    const issueDay = issueDays[j] ?? today - 1;
    const sequence = params.firstSequence + j + 1;
    const year = fromDayNumber(issueDay).slice(0, 4);
    const number = `${profile.invoicePrefix}${year}-${String(sequence).padStart(6, '0')}`;
    const template = random.pick(orders);
    const netCents = netAmount(template, plan.segment, random);
    const vatBps = vatRate(profile, debtor, template);
    const vatCents = applyBasisPoints(netCents, vatBps);
    const totalCents = netCents + vatCents;
    const term = random.chance(0.06) ? random.pick([14, 30, 60]) : (debtorRow.paymentTermDays ?? 30);
    const sentDay = Math.min(today - 1, issueDay + (random.chance(0.85) ? 0 : random.int(1, 4)));
    const dueDay = issueDay + term;
    const invoiceId = params.id('invoice', rows.document++);
    const monthIndex = Number(fromDayNumber(issueDay).slice(5, 7)) - 1;
    let description = fill(template.text[language], {
      n: random.int(2, 24),
      q: Math.floor(monthIndex / 3) + 1,
      m: MONTH_NAMES[language][monthIndex] ?? '',
    });
    if (vatBps === 0 && isBusiness) description += REVERSE_CHARGE[language];
    const invoice: InvoiceRow = {
      id: invoiceId,
      orgId,
      debtorId,
      kind: 'invoice',
      number,
      issueDate: fromDayNumber(issueDay),
      sentDate: fromDayNumber(sentDay),
      dueDate: fromDayNumber(dueDay),
      paymentTermDays: term,
      currency: 'EUR',
      totalCents,
      vatCents,
      openCents: totalCents,
      paymentReference: paymentReference(profile, sequence),
      orderDescription: description,
      deliveryNotes: random.chance(0.3)
        ? fill(random.pick(DELIVERY_NOTES), {
            n: random.int(1000, 9999),
            contact: debtor.collectionsContactName,
            date: dutchDate(issueDay - random.int(1, 10)),
          })
        : null,
      salesAgreementNotes: random.chance(0.15)
        ? fill(random.pick(SALES_AGREEMENT_NOTES), {
            n: random.int(100, 9999),
            year,
            seller: random.pick(profile.sellers),
            contact: debtor.collectionsContactName,
          })
        : null,
      creditedInvoiceNumber: null,
      status: 'open',
      source: 'demo',
    };
    ledger.invoices.push(invoice);
    ledger.timeline.push({
      orgId,
      debtorId,
      invoiceId,
      kind: 'invoice_imported',
      actorUserId: null,
      actorLabel: 'import',
      summary: `Factuur ${number} geïmporteerd (${euroText(totalCents)}, vervalt ${dutchDate(dueDay)})`,
      data: { number, totalCents },
      occurredAt: instantOn(sentDay, 6, random.int(0, 59)),
    });

    let payDay = dueDay + paymentDelay(plan.behaviour, random);
    payDay = isBusiness ? onOrAfterWeekday(payDay, debtor.paymentWeekday) : nextWorkingDay(payDay);
    if (payDay <= sentDay) payDay = nextWorkingDay(sentDay + 1);
    if (dueDay >= troubleStart) payDay = Number.POSITIVE_INFINITY;

    if (openDisputes.has(j)) {
      const reason = random.pick(DISPUTE_REASONS);
      const openedDay = Math.min(today - 1, Math.max(sentDay + 3, dueDay + random.int(-5, 15)));
      invoice.status = 'disputed';
      ledger.disputes.push({
        id: params.id('dispute', rows.dispute++),
        orgId,
        debtorId,
        invoiceId,
        reason: reason.reason,
        description: reason.description,
        status: 'open',
        resolution: null,
        openedBy: caller?.id ?? null,
        openedAt: instantOn(openedDay, 9, random.int(0, 59)),
        resolvedAt: null,
      });
      ledger.timeline.push({
        orgId,
        debtorId,
        invoiceId,
        kind: 'dispute_opened',
        actorUserId: caller?.id ?? null,
        actorLabel: callerLabel,
        summary: `Betwisting geopend op ${number}: ${reason.reason}`,
        data: { reason: reason.reason },
        occurredAt: instantOn(openedDay, 9, random.int(0, 59)),
      });
      continue;
    }

    const isPaid = payDay < today;
    let creditCents = 0;
    if (j === resolvedDispute || random.chance(0.025)) {
      const creditDay = isPaid
        ? Math.max(issueDay, Math.min(payDay - 1, issueDay + random.int(2, 40)))
        : Math.min(today - 1, issueDay + random.int(3, 40));
      creditCents = Math.max(100, Math.round((totalCents * random.int(10, 60)) / 100));
      const credit = creditNote({
        profile,
        orgId,
        debtorId,
        id: params.id('invoice', rows.document++),
        invoice,
        creditCents,
        vatBps,
        day: creditDay,
        settled: isPaid,
        reason:
          j === resolvedDispute
            ? (DISPUTE_RESOLUTIONS[0] ?? '')
            : random.pick([
                'Retour geleverde goederen',
                'Prijscorrectie conform offerte',
                'Korting na klacht',
              ]),
      });
      ledger.invoices.push(credit);
      ledger.timeline.push({
        orgId,
        debtorId,
        invoiceId: credit.id,
        kind: 'credit_note_imported',
        actorUserId: null,
        actorLabel: 'import',
        summary: `Creditnota ${credit.number} op ${number} geïmporteerd (${euroText(credit.totalCents)})`,
        data: { number: credit.number, totalCents: credit.totalCents, credits: number },
        occurredAt: instantOn(creditDay, 7, random.int(0, 59)),
      });
      if (j === resolvedDispute) {
        const reason = random.pick(DISPUTE_REASONS);
        const openedDay = Math.min(creditDay, Math.max(sentDay + 1, creditDay - random.int(5, 20)));
        pushResolvedDispute(ledger, {
          id: params.id('dispute', rows.dispute++),
          orgId,
          debtorId,
          invoiceId,
          number,
          reason,
          openedDay,
          resolvedDay: creditDay,
          caller,
          random,
        });
      }
      if (isPaid) {
        ledger.allocations.push({
          id: params.id('allocation', rows.allocation++),
          orgId,
          paymentId: '',
          invoiceId: credit.id,
          amountCents: -creditCents,
          createdBy: null,
        });
      }
    }

    if (isPaid) {
      invoice.openCents = 0;
      invoice.status = 'paid';
      const creditAllocation =
        creditCents > 0 ? ledger.allocations[ledger.allocations.length - 1] : undefined;
      const instalments =
        plan.behaviour === 'partial_payer' && creditCents === 0 && totalCents > 50_000 && random.chance(0.4)
          ? random.int(2, 3)
          : 1;
      if (instalments > 1) {
        const parts = splitInstalments(totalCents, instalments);
        for (let k = 0; k < instalments; k++) {
          const part = parts[k] ?? 0;
          const day = nextWorkingDay(dueDay + Math.round(((payDay - dueDay) * (k + 1)) / instalments));
          const paymentId = pushPayment(ledger, {
            id: params.id('payment', rows.payment++),
            orgId,
            debtor,
            day: Math.min(day, today - 1),
            amountCents: part,
            reference: invoice.paymentReference ?? null,
            remittance: `Termijn ${k + 1}/${instalments} factuur ${number}`,
            method: 'bank',
            summary: `Termijnbetaling ${k + 1}/${instalments} van ${euroText(part)} ontvangen voor ${number}`,
            random,
          });
          ledger.allocations.push({
            id: params.id('allocation', rows.allocation++),
            orgId,
            paymentId,
            invoiceId,
            amountCents: part,
            createdBy: null,
          });
        }
      } else if (plan.behaviour !== 'in_trouble' && random.chance(0.004)) {
        // Paid with a reference nobody could match: the "I already paid" call waiting to happen.
        invoice.openCents = totalCents;
        invoice.status = 'open';
        if (creditAllocation) {
          ledger.allocations.pop();
          const credit = ledger.invoices[ledger.invoices.length - 1];
          if (credit?.kind === 'credit_note') {
            credit.openCents = credit.totalCents;
            credit.status = 'open';
          }
        }
        ledger.payments.push({
          id: params.id('payment', rows.payment++),
          orgId,
          debtorId: null,
          date: fromDayNumber(payDay),
          amountCents: totalCents - creditCents,
          currency: 'EUR',
          counterpartyName: debtorRow.name.toUpperCase(),
          counterpartyIban: debtor.iban,
          reference: null,
          remittance: `klantnr ${debtorRow.number.slice(0, -1)}`,
          method: 'bank',
          status: 'unmatched',
          idempotencyKey: null,
          createdBy: null,
        });
        if (dueDay < today) overdueOpen.push(dueDay);
      } else {
        const item: RunItem = {
          invoiceId,
          number,
          reference: invoice.paymentReference ?? null,
          allocateCents: totalCents,
          payCents: totalCents - creditCents,
        };
        const run = isBusiness && !creditAllocation ? runs.get(payDay) : undefined;
        if (run) {
          run.items.push(item);
        } else if (isBusiness && !creditAllocation) {
          runs.set(payDay, { day: payDay, items: [item] });
        } else {
          // Consumers pay invoice by invoice; an invoice with a credit note is paid net, allocated to both.
          const paymentId = bookRun(
            ledger,
            { day: payDay, items: [item] },
            { orgId, debtor, params, rows, random },
          );
          if (creditAllocation) creditAllocation.paymentId = paymentId;
        }
      }
      if (plan.behaviour === 'chronic_late' && payDay - dueDay > 20 && random.chance(0.3)) {
        pushCall(ledger, {
          orgId,
          debtorId,
          invoiceId,
          caller,
          callerLabel,
          day: dueDay + random.int(8, 20),
          random,
        });
      }
      continue;
    }

    // Not (yet) paid.
    if (dueDay < today) {
      overdueOpen.push(dueDay);
      const partialChance =
        plan.behaviour === 'partial_payer'
          ? 0.6
          : plan.behaviour === 'in_trouble'
            ? 0.25
            : plan.behaviour === 'chronic_late'
              ? 0.08
              : 0.03;
      if (creditCents === 0 && totalCents >= 10_000 && random.chance(partialChance)) {
        const partCents = Math.round((totalCents * random.int(20, 70)) / 10_000) * 100;
        const day = nextWorkingDay(
          Math.min(today - 1, dueDay + random.int(1, Math.max(1, today - dueDay - 1))),
        );
        const paymentId = pushPayment(ledger, {
          id: params.id('payment', rows.payment++),
          orgId,
          debtor,
          day: Math.min(day, today - 1),
          amountCents: partCents,
          reference: invoice.paymentReference ?? null,
          remittance: `Deelbetaling ${number}`,
          method: isBusiness ? 'bank' : random.pick(['bank', 'ideal']),
          summary: `Deelbetaling van ${euroText(partCents)} ontvangen voor ${number}`,
          random,
        });
        ledger.allocations.push({
          id: params.id('allocation', rows.allocation++),
          orgId,
          paymentId,
          invoiceId,
          amountCents: partCents,
          createdBy: null,
        });
        invoice.openCents = totalCents - partCents;
        invoice.status = 'partially_paid';
      } else if (plan.behaviour === 'in_trouble' && dueDay < today - 300 && random.chance(0.3)) {
        invoice.status = 'written_off';
        pushStatusChange(ledger, {
          orgId,
          debtorId,
          invoiceId,
          day: workingDayBefore(dueDay + random.int(200, 290), today),
          summary: `Factuur ${number} afgeboekt als oninbaar`,
          caller,
          callerLabel,
          random,
        });
      } else if (plan.behaviour === 'in_trouble' && dueDay < today - 60 && random.chance(0.35)) {
        invoice.status = 'handed_over';
        pushStatusChange(ledger, {
          orgId,
          debtorId,
          invoiceId,
          day: workingDayBefore(dueDay + random.int(45, 59), today),
          summary: `Factuur ${number} overgedragen aan incassobureau na sommatie`,
          caller,
          callerLabel,
          random,
        });
      }
    }
  }
  for (const run of runs.values()) bookRun(ledger, run, { orgId, debtor, params, rows, random });

  // Collectors' notes of past calls, with the excuses heard (the objection list of seed 004#4).
  if (overdueOpen.length > 0 && plan.behaviour !== 'punctual' && plan.behaviour !== 'slightly_late') {
    const oldest = Math.min(...overdueOpen);
    const calls = random.int(1, 3);
    for (let k = 0; k < calls; k++) {
      const day = workingDayBefore(oldest + random.int(3, Math.max(3, today - oldest - 1)), today);
      pushCall(ledger, { orgId, debtorId, invoiceId: null, caller, callerLabel, day, random });
    }
  }
  return ledger;
}

function netAmount(template: OrderTemplate, segment: string, random: Random): number {
  const factor = segment === 'Groot zakelijk' ? 2.5 : segment === 'Overheid' ? 2 : 1;
  const euros = Math.max(25, random.logNormal(template.medianEuros * factor, 0.45));
  return random.chance(0.5) ? Math.round(euros) * 100 : Math.round(euros * 100);
}

/**
 * VAT as the creditor charges it: the creditor's rates at home; reverse charge (0 %) for a
 * business in the other country; the consumer's country's rates for cross-border consumers
 * (installation work is taxed where the building is).
 */
function vatRate(profile: DemoProfile, debtor: GeneratedDebtor, template: OrderTemplate): number {
  const { country, kind } = debtor.plan;
  if (kind === 'business') return country === profile.country ? 2100 : 0;
  if (country === 'NL') return template.consumerVatBpsNl ?? 2100;
  return template.consumerVatBpsBe ?? 2100;
}

/** OGMs as printed (`+++000/0000/00101+++`), RF references compact on eight digits (`RF7400000001`). */
function paymentReference(profile: DemoProfile, sequence: number): string | null {
  switch (profile.paymentReferenceKind) {
    case 'ogm':
      return formatOgm(generatedReference(generateOgm(sequence)));
    case 'rf':
      return generatedReference(generateCreditorReference(String(sequence).padStart(8, '0')));
    case 'kenmerk':
    case 'none':
      return null;
  }
}

/** Invoice sequence numbers start at 1 and stay far below ten digits, so generation cannot fail. */
function generatedReference(result: ReferenceResult): string {
  if (!result.ok) throw new RangeError(`demo payment reference: ${result.reason}`);
  return result.normalized;
}

function dutchDate(day: number): string {
  const iso = fromDayNumber(day);
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

function splitInstalments(total: number, parts: number): number[] {
  const base = Math.floor(total / parts / 100) * 100;
  const result = Array.from({ length: parts }, () => base);
  result[parts - 1] = total - base * (parts - 1);
  return result;
}
