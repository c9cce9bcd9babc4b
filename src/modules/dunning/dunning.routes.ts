import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { IdParamsSchema } from '../ledger/ledger.schemas.js';
import { getClaimStatement } from './claim.service.js';
import {
  ClaimQuerySchema,
  ClaimStatementSchema,
  CreateRunRequestSchema,
  DunningPolicyInputSchema,
  DunningPolicyListSchema,
  DunningPolicySchema,
  OutboxMessageSchema,
  OutboxPageSchema,
  OutboxQuerySchema,
  PreviewLetterQuerySchema,
  RunDateQuerySchema,
  RunDetailSchema,
  RunListSchema,
  RunPreviewSchema,
} from './dunning.schemas.js';
import { findOutbox, getDocument, markPrinted } from './outbox-review.service.js';
import { createPolicy, getPolicy, listPolicies, updatePolicy } from './policies.service.js';
import { approveRun, createRun, getRun, listRuns, previewLetter, previewRun } from './run-review.service.js';

/** A PDF shown in the browser's own viewer (a new tab), not kept in shared caches. */
function sendPdf(reply: FastifyReply, file: { fileName: string; mediaType?: string; content: Uint8Array }) {
  const asciiName = file.fileName.replace(/[^\w.-]+/g, '_');
  return reply
    .type(file.mediaType ?? 'application/pdf')
    .header('content-disposition', `inline; filename="${asciiName}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.content));
}

/** Dunning policies, the daily run (preview, plan, approve), the outbox, documents, claim statements. */
export const dunningRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const policyTags = ['dunning policies'];
  const runTags = ['dunning runs'];
  const outboxTags = ['outbox'];

  app.get(
    '/api/dunning/policies',
    {
      config: { access: 'viewer' },
      schema: {
        tags: policyTags,
        summary: 'Dunning policies with their steps (the four defaults are created on first use)',
        response: { 200: DunningPolicyListSchema },
      },
    },
    async (request) => ({ policies: await listPolicies(deps, requireActor(request)) }),
  );

  app.post(
    '/api/dunning/policies',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: policyTags,
        summary: 'Create a policy (e.g. a copy of another under a new name)',
        body: DunningPolicyInputSchema,
        response: { 201: DunningPolicySchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createPolicy(deps, requireActor(request), request.body);
    },
  );

  app.get(
    '/api/dunning/policies/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: policyTags,
        summary: 'A dunning policy with its steps',
        params: IdParamsSchema,
        response: { 200: DunningPolicySchema },
      },
    },
    async (request) => getPolicy(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/api/dunning/policies/:id',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: policyTags,
        summary:
          'Replace a policy and its steps, in order (steps invoices already passed stay in the history)',
        params: IdParamsSchema,
        body: DunningPolicyInputSchema,
        response: { 200: DunningPolicySchema },
      },
    },
    async (request) => updatePolicy(deps, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/dunning/runs/preview',
    {
      config: { access: 'viewer' },
      schema: {
        tags: runTags,
        summary: 'What a run on the date would do (counts per step, the first actions); stores nothing',
        querystring: RunDateQuerySchema,
        response: { 200: RunPreviewSchema },
      },
    },
    async (request) => previewRun(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/dunning/preview-letter',
    {
      config: { access: 'viewer' },
      schema: {
        tags: runTags,
        summary: 'The letter (PDF) a debtor would get from a step on the date; stores nothing',
        querystring: PreviewLetterQuerySchema,
      },
    },
    async (request, reply) => sendPdf(reply, await previewLetter(deps, requireActor(request), request.query)),
  );

  app.get(
    '/api/dunning/runs',
    {
      config: { access: 'viewer' },
      schema: {
        tags: runTags,
        summary: 'Recent runs, newest first, with their actions counted by status',
        response: { 200: RunListSchema },
      },
    },
    async (request) => ({ runs: await listRuns(deps, requireActor(request)) }),
  );

  app.post(
    '/api/dunning/runs',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: runTags,
        summary:
          'Run the date (default today): in review mode the actions wait for approval, in automatic mode they go out',
        body: CreateRunRequestSchema,
        response: { 200: RunDetailSchema },
      },
    },
    async (request) => createRun(deps, requireActor(request), request.body),
  );

  app.get(
    '/api/dunning/runs/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: runTags,
        summary: 'A run with its counts per step and its actions',
        params: IdParamsSchema,
        response: { 200: RunDetailSchema },
      },
    },
    async (request) => getRun(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/dunning/runs/:id/approve',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: runTags,
        summary: 'Approve a planned run: its letters, emails and call tasks are made and sent',
        params: IdParamsSchema,
        response: { 200: RunDetailSchema },
      },
    },
    async (request) => approveRun(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/outbox',
    {
      config: { access: 'viewer' },
      schema: {
        tags: outboxTags,
        summary: 'Emails (queued, sent, failed) and letters (to print, printed), newest first',
        querystring: OutboxQuerySchema,
        response: { 200: OutboxPageSchema },
      },
    },
    async (request) => findOutbox(deps, requireActor(request), request.query),
  );

  app.post(
    '/api/outbox/:id/printed',
    {
      config: { access: 'collector' },
      schema: {
        tags: outboxTags,
        summary: 'Mark a letter waiting to be printed as printed (for posting)',
        params: IdParamsSchema,
        response: { 200: OutboxMessageSchema },
      },
    },
    async (request) => markPrinted(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/documents/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: outboxTags,
        summary: 'A letter as sent (PDF), shown inline',
        params: IdParamsSchema,
      },
    },
    async (request, reply) =>
      sendPdf(reply, await getDocument(deps, requireActor(request), request.params.id)),
  );

  app.get(
    '/api/debtors/:id/claim',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['debtors'],
        summary:
          "The claim statement of the debtor's overdue invoices on a date (default today): principal, costs, VAT, interest, balance",
        params: IdParamsSchema,
        querystring: ClaimQuerySchema,
        response: { 200: ClaimStatementSchema },
      },
    },
    async (request) => getClaimStatement(deps, requireActor(request), request.params.id, request.query),
  );
};
