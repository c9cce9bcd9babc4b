import type {
  CallQueueResponse,
  PrepSheet,
  RecordCallInput,
  RecordCallResponse,
} from '../../../../src/modules/calls/calls.schemas.ts';
import { api, withQuery } from '../../lib/api.ts';

export type CallQueue = CallQueueResponse;
export type QueueItem = CallQueue['items'][number];
export type { PrepSheet, RecordCallInput, RecordCallResponse };
export type Objection = PrepSheet['objections'][number];
export type CallAgreement = NonNullable<RecordCallInput['agreement']>;

const debtorPath = (debtorId: string) => `/api/debtors/${encodeURIComponent(debtorId)}`;

/** The queue at the server's "now"; `collector` narrows it to that collector's share of the day. */
export const fetchCallQueue = (collector: string | null, signal?: AbortSignal) =>
  api.get<CallQueue>(withQuery('/api/call-queue', { collector }), signal);

export const fetchPrepSheet = (debtorId: string, signal?: AbortSignal) =>
  api.get<PrepSheet>(`${debtorPath(debtorId)}/prep-sheet`, signal);

export const recordCall = (debtorId: string, request: RecordCallInput) =>
  api.post<RecordCallResponse>(`${debtorPath(debtorId)}/calls`, request);

/** The collector's short evaluation after the call (R21): what went well, what to do better. */
export const evaluateCall = (
  callId: string,
  evaluation: { wentWell: string | null; toImprove: string | null },
) => api.post<{ id: string }>(`/api/calls/${encodeURIComponent(callId)}/evaluation`, evaluation);

/**
 * "Never saw the invoice" (005#5): email a copy of these invoices now, through the outbox. The key
 * makes a repeat of the same request (a retry after a lost answer) send nothing twice.
 */
export const sendInvoiceCopies = (
  debtorId: string,
  request: { invoiceIds: string[]; contactId?: string },
  idempotencyKey: string,
) =>
  api.post<{ outboxMessageId: string; toAddress: string }>(
    `${debtorPath(debtorId)}/invoice-copies`,
    request,
    {
      'idempotency-key': idempotencyKey,
    },
  );

export type LockAction = 'acquire' | 'renew' | 'take_over';
export const changeCallLock = (debtorId: string, action: LockAction) =>
  api.post<{ holderId: string; expiresAt: string; tookOverFrom: string | null }>(
    `${debtorPath(debtorId)}/call-lock`,
    { action },
  );
export const releaseCallLock = (debtorId: string) =>
  api.delete<{ ok: true }>(`${debtorPath(debtorId)}/call-lock`);
