/** Shapes of the call evaluations (R21): written after a call, reviewed by seniors. Shared with the web app. */
import { z } from 'zod';
import { CALL_OUTCOMES, CALL_RESULTS } from '../../core/calls/call-outcomes.js';
import {
  CalendarDateSchema,
  DebtorRefSchema,
  InstantSchema,
  PersonRefSchema,
} from '../ledger/ledger.schemas.js';

const NoteSchema = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .optional()
  .transform((text) => (text ? text : null));

export const EvaluateCallRequestSchema = z
  .object({ wentWell: NoteSchema, toImprove: NoteSchema })
  .refine((value) => value.wentWell !== null || value.toImprove !== null, {
    path: ['wentWell'],
    message: 'write what went well or what to do better',
  });
export type EvaluateCallRequest = z.infer<typeof EvaluateCallRequestSchema>;

export const ReviewEvaluationRequestSchema = z.object({ comment: NoteSchema });

export const CallEvaluationSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  call: z.object({
    startedAt: InstantSchema,
    outcome: z.enum(CALL_OUTCOMES),
    result: z.enum(CALL_RESULTS).nullable(),
    collector: PersonRefSchema.nullable(),
  }),
  debtor: DebtorRefSchema,
  wentWell: z.string().nullable(),
  toImprove: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  review: z
    .object({ by: z.string().nullable(), at: InstantSchema, comment: z.string().nullable() })
    .nullable(),
});
export type CallEvaluation = z.infer<typeof CallEvaluationSchema>;

export const CallEvaluationListQuerySchema = z.object({
  collector: z.uuid().optional(),
  /** The day of the call, in the organisation's time zone. */
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  reviewed: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CallEvaluationListQuery = z.infer<typeof CallEvaluationListQuerySchema>;

export const CallEvaluationListSchema = z.object({
  items: z.array(CallEvaluationSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
