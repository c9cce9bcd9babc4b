import type { PlanInterval } from '../../../../src/core/calls/plan-schedule.ts';
import type {
  CreatePlanRequest,
  CreatePlanResponse,
  PaymentPlan,
  PlanPreview,
  PlanProposal,
} from '../../../../src/modules/plans/plans.schemas.ts';
import { api } from '../../lib/api.ts';

export type { CreatePlanRequest, PaymentPlan, PlanInterval, PlanPreview, PlanProposal };

/**
 * The instalment intervals in the order the forms offer them: the server's list repeated so the
 * bundle needs nothing from it; the annotation fails the compile when the server's list changes.
 */
export const PLAN_INTERVALS = ['week', 'two_weeks', 'month'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const intervalsMatch: Same<PlanInterval, (typeof PLAN_INTERVALS)[number]> = true;
void intervalsMatch;

const base = (debtorId: string) => `/api/debtors/${encodeURIComponent(debtorId)}/payment-plans`;

export const fetchPlans = (debtorId: string, signal?: AbortSignal) =>
  api.get<{ items: PaymentPlan[] }>(base(debtorId), signal);
export const previewPlan = (debtorId: string, proposal: PlanProposal) =>
  api.post<PlanPreview>(`${base(debtorId)}/preview`, proposal);
export const createPlan = (debtorId: string, request: CreatePlanRequest) =>
  api.post<CreatePlanResponse>(base(debtorId), request);
export const cancelPlan = (planId: string) =>
  api.post<PaymentPlan>(`/api/payment-plans/${encodeURIComponent(planId)}/cancel`, {});
export const planLetterUrl = (planId: string) => `/api/payment-plans/${encodeURIComponent(planId)}/letter`;

/** Integer cents as the API's decimal amount string, for formatMoney (no float in between). */
export function centsToAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "250", "250,5", "1.250,00" or "250.00" as cents; null when it is not an amount. */
export function amountToCents(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return 0;
  const match = /^(\d{1,3}(?:[.\s]\d{3})*|\d+)(?:[,.](\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  const whole = (match[1] ?? '0').replace(/[.\s]/g, '');
  return Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
}
