import type {
  ClaimStatementView,
  DunningPolicy,
  DunningPolicyInput,
  DunningPolicyList,
  OutboxMessage,
  OutboxPage,
  RunDetail,
  RunList,
  RunPreview,
} from '../../../../src/modules/dunning/dunning.schemas.ts';
import { api, withQuery } from '../../lib/api.ts';

export type {
  ClaimStatementView,
  DunningPolicy,
  DunningPolicyInput,
  DunningStep,
  DunningStepInput,
  OutboxMessage,
  OutboxPage,
  RunAction,
  RunDetail,
  RunPreview,
  RunStepCount,
  RunSummary,
} from '../../../../src/modules/dunning/dunning.schemas.ts';

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

// Runtime lists repeated here so the bundle needs nothing from the server; the annotations make the
// compiler fail when the server's lists change.
export const STEP_CHANNELS = ['email', 'letter', 'call_task', 'handover'] as const;
export const STEP_ANCHORS = ['due_date', 'previous_step'] as const;
export const LETTER_KINDS = [
  'pre_due_notice',
  'first_reminder',
  'second_reminder',
  'fourteen_day_letter',
  'formal_demand',
  'handover_notice',
] as const;
export const TONES = ['friendly', 'neutral', 'firm'] as const;
export const POLICY_REGIMES = ['nl_b2b', 'nl_b2c', 'be_b2b', 'be_b2c'] as const;
export const OUTBOX_STATUSES = ['to_print', 'queued', 'failed', 'sent', 'printed'] as const;

type Step = DunningPolicy['steps'][number];
const listsMatch: [
  Exactly<(typeof STEP_CHANNELS)[number], Step['channel']>,
  Exactly<(typeof STEP_ANCHORS)[number], Step['anchor']>,
  Exactly<(typeof LETTER_KINDS)[number], NonNullable<Step['letterKind']>>,
  Exactly<(typeof TONES)[number], Step['tone']>,
  Exactly<(typeof POLICY_REGIMES)[number], DunningPolicy['regime']>,
  Exactly<(typeof OUTBOX_STATUSES)[number], OutboxMessage['status']>,
] = [true, true, true, true, true, true];
void listsMatch;

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

const enc = encodeURIComponent;

export const fetchPolicies = async (signal?: AbortSignal) =>
  (await api.get<DunningPolicyList>('/api/dunning/policies', signal)).policies;

export const fetchPolicy = (id: string, signal?: AbortSignal) =>
  api.get<DunningPolicy>(`/api/dunning/policies/${enc(id)}`, signal);

export const createPolicy = (policy: DunningPolicyInput) =>
  api.post<DunningPolicy>('/api/dunning/policies', policy);

export const savePolicy = (id: string, policy: DunningPolicyInput) =>
  api.put<DunningPolicy>(`/api/dunning/policies/${enc(id)}`, policy);

export const fetchRunPreview = (date: string | null, signal?: AbortSignal) =>
  api.get<RunPreview>(withQuery('/api/dunning/runs/preview', { date }), signal);

export const fetchRun = (id: string, signal?: AbortSignal) =>
  api.get<RunDetail>(`/api/dunning/runs/${enc(id)}`, signal);

export const fetchRuns = async (signal?: AbortSignal) =>
  (await api.get<RunList>('/api/dunning/runs', signal)).runs;

export const createRun = (date: string) => api.post<RunDetail>('/api/dunning/runs', { date });

export const approveRun = (id: string) => api.post<RunDetail>(`/api/dunning/runs/${enc(id)}/approve`);

export const previewLetterUrl = (params: { date: string; debtorId: string; stepId: string }) =>
  withQuery('/api/dunning/preview-letter', params);

export const documentUrl = (id: string) => `/api/documents/${enc(id)}`;

export const fetchOutbox = (
  query: { status: OutboxStatus | ''; page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<OutboxPage>(withQuery('/api/outbox', query), signal);

export const markPrinted = (id: string) => api.post<OutboxMessage>(`/api/outbox/${enc(id)}/printed`);

export const fetchClaim = (debtorId: string, signal?: AbortSignal) =>
  api.get<ClaimStatementView>(`/api/debtors/${enc(debtorId)}/claim`, signal);

/** A policy as the form edits it, and back as the API takes it (ids and positions dropped). */
export function toPolicyInput(policy: DunningPolicy): DunningPolicyInput {
  return {
    name: policy.name,
    description: policy.description,
    regime: policy.regime,
    segment: policy.segment,
    priority: policy.priority,
    isActive: policy.isActive,
    steps: policy.steps.map(({ id: _id, position: _position, ...step }) => step),
  };
}
