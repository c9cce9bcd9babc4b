import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { IdParamsSchema } from '../ledger/ledger.schemas.js';
import {
  CallEvaluationListQuerySchema,
  CallEvaluationListSchema,
  CallEvaluationSchema,
  EvaluateCallRequestSchema,
  ReviewEvaluationRequestSchema,
} from './evaluation.schemas.js';
import { evaluateCall, getEvaluation, listEvaluations, reviewEvaluation } from './evaluation.service.js';

const tags = ['calls'];

/** After the call (R21): the collector's evaluation, the seniors' review list and review. */
export const evaluationRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/calls/:id/evaluation',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Write or rewrite the evaluation of a call (its own collector, or a senior)',
        params: IdParamsSchema,
        body: EvaluateCallRequestSchema,
        response: { 200: CallEvaluationSchema },
      },
    },
    async (request) => evaluateCall(deps, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/calls/:id/evaluation',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'The evaluation of a call',
        params: IdParamsSchema,
        response: { 200: CallEvaluationSchema },
      },
    },
    async (request) => getEvaluation(deps, requireActor(request), { callId: request.params.id }),
  );

  app.get(
    '/api/call-evaluations',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary:
          'Evaluations to review: by collector, call day and whether reviewed, with each call’s debtor and result',
        querystring: CallEvaluationListQuerySchema,
        response: { 200: CallEvaluationListSchema },
      },
    },
    async (request) => listEvaluations(deps, requireActor(request), request.query),
  );

  app.post(
    '/api/call-evaluations/:id/review',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary: 'Mark an evaluation reviewed, with a comment',
        params: IdParamsSchema,
        body: ReviewEvaluationRequestSchema,
        response: { 200: CallEvaluationSchema },
      },
    },
    async (request) => reviewEvaluation(deps, requireActor(request), request.params.id, request.body),
  );
};
