import type { DebtorKind } from '../ledger/enums.js';

/** How a dunning step reaches the debtor. */
export const STEP_CHANNELS = ['email', 'letter', 'call_task', 'handover'] as const;
export type StepChannel = (typeof STEP_CHANNELS)[number];

/** What a step's offset counts from: the invoice's due date or the invoice's previous step. */
export const STEP_ANCHORS = ['due_date', 'previous_step'] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];

/** Which law a policy's letters, costs and interest follow. */
export const POLICY_REGIMES = ['nl_b2b', 'nl_b2c', 'be_b2b', 'be_b2c'] as const;
export type PolicyRegime = (typeof POLICY_REGIMES)[number];

export const regimeDebtorKind = (regime: PolicyRegime): DebtorKind =>
  regime.endsWith('b2c') ? 'consumer' : 'business';

/** review: a person approves each day's run before anything goes out; automatic: it goes out. */
export const DUNNING_MODES = ['review', 'automatic'] as const;
export type DunningMode = (typeof DUNNING_MODES)[number];

/** planned → done (letter/email/task made) or cancelled (not approved, or nothing left to claim). */
export const ACTION_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const RUN_STATUSES = ['planned', 'running', 'completed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** queued: waits for SMTP; to_print: a paper letter waiting to be printed and posted. */
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'to_print', 'printed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Why a call task exists; the workbench's own reasons follow the dunning ones. */
export const CALL_TASK_REASONS = [
  'dunning_step',
  'delivery_failed',
  'handover_review',
  'callback',
  'broken_promise',
  'missed_instalment',
  'dispute_resolved',
  'agreement_unconfirmed',
] as const;
export type CallTaskReason = (typeof CALL_TASK_REASONS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const PROMISE_STATUSES = ['open', 'kept', 'partially_kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** in_arrears: an instalment was missed and the grace period runs; dunning still holds back. */
export const PLAN_STATUSES = ['active', 'in_arrears', 'completed', 'broken', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_ORIGINS = ['dossier', 'call'] as const;
export type PlanOrigin = (typeof PLAN_ORIGINS)[number];

export const INSTALMENT_STATUSES = ['open', 'partially_paid', 'paid'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
