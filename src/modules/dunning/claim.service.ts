import type { CalendarDate } from '../../core/calendar-date.js';
import { AppError } from '../../core/errors.js';
import type { ClaimStatement } from '../../core/legal/index.js';
import { formatCents } from '../../core/money.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../auth/access.js';
import { findOverdueInvoiceIds } from '../ledger/invoices.repo.js';
import { loadOrganisation } from '../ledger/organisation.service.js';
import type { ClaimStatementView } from './dunning.schemas.js';
import { buildClaim } from './letter-input.js';
import { ensureDefaultPolicies, findPolicies, type PolicyWithSteps } from './policies.repo.js';
import { findDebtor, findDebtorPolicyId, loadLetterContext } from './run-review.repo.js';

/**
 * A debtor's claim statement on a date: principal of its overdue invoices, the costs its policy's
 * regime allows (with the rule, and why not when they are not chargeable yet), VAT on them,
 * interest per invoice with its periods, and the balance. The same calculation a formal demand
 * prints (`buildClaim`): interest on each invoice's open amount from the day after its due date,
 * counting the letters already sent about it. Disputed invoices are left out.
 */
export async function getClaimStatement(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  debtorId: string,
  query: { date?: string | undefined },
): Promise<ClaimStatementView> {
  const { org, today } = await loadOrganisation(deps, actor.orgId);
  const date = (query.date ?? today) as CalendarDate;
  const debtor = await findDebtor(deps.db, { orgId: org.id, debtorId });
  if (!debtor) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  await ensureDefaultPolicies(deps.db, org);
  const policies = await findPolicies(deps.db, org.id);
  const activeId = await findDebtorPolicyId(deps.db, {
    orgId: org.id,
    debtorKind: debtor.kind,
    segment: debtor.segment,
  });
  const policy =
    policies.find((p) => p.id === activeId) ?? fallbackPolicy(policies, org.country, debtor.kind);
  const step = policy?.steps.find((s) => s.claimsCosts) ?? policy?.steps[0];
  if (!policy || !step) {
    throw new AppError('INVALID_STATE', `no dunning policy for ${debtor.kind} debtors: add one first`);
  }
  const invoiceIds = await findOverdueInvoiceIds(deps.db, { orgId: org.id, debtorId, date });
  const ctx = await loadLetterContext(deps.db, {
    orgId: org.id,
    debtorId,
    stepId: step.id,
    invoiceIds,
    date,
    action: null,
  });
  if (!ctx) throw new AppError('DEBTOR_NOT_FOUND', 'no such debtor');
  const statement = buildClaim(ctx, date);
  if (!statement) {
    throw new AppError(
      'INVALID_STATE',
      `no claim statement on ${date}: no interest rate is known for a period`,
    );
  }
  const invoiceIdByNumber = new Map(ctx.invoices.map((i) => [i.number, i.id]));
  return toClaimView(statement, {
    debtor: { id: debtor.id, number: debtor.number, name: debtor.name },
    date,
    policy: activeId === policy.id ? policy : null,
    regime: policy.regime,
    invoiceIdByNumber,
  });
}

/**
 * No active policy applies (they were all switched off): follow the law of the creditor's country
 * for the debtor's kind, through the first policy with that regime, else one for that kind.
 */
function fallbackPolicy(
  policies: readonly PolicyWithSteps[],
  country: 'NL' | 'BE',
  kind: 'business' | 'consumer',
): PolicyWithSteps | undefined {
  const regime = `${country === 'NL' ? 'nl' : 'be'}_${kind === 'consumer' ? 'b2c' : 'b2b'}`;
  return policies.find((p) => p.regime === regime) ?? policies.find((p) => p.debtorKind === kind);
}

function toClaimView(
  statement: ClaimStatement,
  params: {
    debtor: ClaimStatementView['debtor'];
    date: CalendarDate;
    policy: PolicyWithSteps | null;
    regime: ClaimStatementView['regime'];
    invoiceIdByNumber: Map<string, string>;
  },
): ClaimStatementView {
  const money = formatCents;
  return {
    debtor: params.debtor,
    date: params.date,
    regime: params.regime,
    policy: params.policy ? { id: params.policy.id, name: params.policy.name } : null,
    principal: money(statement.principalCents),
    costs: {
      isChargeable: statement.costs.isChargeable,
      reason: statement.costs.reason,
      message: statement.costs.message,
      chargeableFrom: statement.costs.chargeableFrom,
      rule: statement.costs.rule,
      lines: statement.costs.lines.map((l) => ({
        description: l.description,
        invoiceNumbers: l.invoiceNumbers,
        base: money(l.baseCents),
        amount: money(l.amountCents),
      })),
      amount: money(statement.costs.costsCents),
      vat: money(statement.costs.vatCents),
    },
    interest: money(statement.interestCents),
    interestNote: statement.interestNote,
    payments: money(statement.paymentsCents),
    balance: money(statement.balanceCents),
    invoices: statement.invoices.map((i) => ({
      invoiceId: params.invoiceIdByNumber.get(i.invoiceNumber) ?? '',
      number: i.invoiceNumber,
      dueDate: i.dueDate,
      principal: money(i.outstandingPrincipalCents),
      interest: money(i.interestCents),
      interestDetail: i.interest
        ? {
            kind: i.interest.kind,
            dayCount: i.interest.dayCount,
            compounding: i.interest.compounding,
            rateTable: i.interest.rateTable,
            periods: i.interest.periods.map((p) => ({
              from: p.from,
              to: p.to,
              days: p.days,
              yearDays: p.yearDays,
              rateBps: p.rateBps,
              base: money(p.baseCents),
              interest: money(p.interestCents),
              isRateExtrapolated: p.isRateExtrapolated,
            })),
            capitalisations: i.interest.capitalisations.map((c) => ({
              on: c.on,
              amount: money(c.amountCents),
            })),
          }
        : null,
    })),
    warnings: statement.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
