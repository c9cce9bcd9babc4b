import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCents } from '../../core/money.js';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { OkResponseSchema } from '../auth/auth.schemas.js';
import { IdParamsSchema, OptionalIdempotencyHeadersSchema } from '../ledger/ledger.schemas.js';
import { changeCallLock } from './call-lock.service.js';
import {
  CallLockRequestSchema,
  CallLockResponseSchema,
  CallQueueQuerySchema,
  CallQueueResponseSchema,
  InvoiceCopiesRequestSchema,
  InvoiceCopiesResponseSchema,
  PrepSheetSchema,
  RecordCallRequestSchema,
  RecordCallResponseSchema,
} from './calls.schemas.js';
import { confirmAgreement, thankYouPage } from './confirmation.service.js';
import { sendInvoiceCopies } from './invoice-copy.service.js';
import { getPrepSheet } from './prep-sheet.service.js';
import { getCallQueue } from './queue.service.js';
import { recordCall } from './record-call.service.js';

const tags = ['calls'];

/** The telephone workbench: one request per screen (queue, prep sheet, outcome), plus the lock. */
export const callRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/call-queue',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'The call queue at a local moment, with why each call and its window',
        querystring: CallQueueQuerySchema,
        response: { 200: CallQueueResponseSchema },
      },
    },
    async (request) => {
      const { date, at, collector } = request.query;
      const queue = await getCallQueue(deps, requireActor(request), {
        ...(date ? { date: date as never } : {}),
        ...(at ? { at } : {}),
        ...(collector ? { collectorId: collector } : {}),
      });
      return {
        ...queue,
        items: queue.items.map(({ overdueCents, ...item }) => ({
          ...item,
          overdue: formatCents(overdueCents),
        })),
      };
    },
  );

  app.get(
    '/api/debtors/:id/prep-sheet',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Everything before dialling: contact, invoices, history, goals, script, objections',
        params: IdParamsSchema,
        response: { 200: PrepSheetSchema },
      },
      // The hottest read of the workbench: the schema documents the answer (OpenAPI) and the
      // route tests check every sheet against it, but re-validating each answer with zod cost
      // about a fifth of the server's CPU per request (bench/workbench), so it is written as is.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => getPrepSheet(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/debtors/:id/calls',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Record a call and what it led to (callback, promise, plan, dispute …)',
        params: IdParamsSchema,
        body: RecordCallRequestSchema,
        response: { 200: RecordCallResponseSchema },
      },
    },
    async (request) => recordCall(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/debtors/:id/invoice-copies',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary:
          'Email a copy of invoices of the debtor now (queued in the outbox, on the timeline); a repeat with the same Idempotency-Key sends nothing again',
        params: IdParamsSchema,
        headers: OptionalIdempotencyHeadersSchema,
        body: InvoiceCopiesRequestSchema,
        response: { 200: InvoiceCopiesResponseSchema },
      },
    },
    async (request) =>
      sendInvoiceCopies(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      ),
  );

  app.post(
    '/api/debtors/:id/call-lock',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Take, renew or take over the "being called" lock of a debtor',
        params: IdParamsSchema,
        body: CallLockRequestSchema,
        response: { 200: CallLockResponseSchema },
      },
    },
    async (request) => {
      const lock = await changeCallLock(deps, requireActor(request), request.params.id, request.body.action);
      if (!lock) throw new Error('a taken lock has a holder');
      return lock;
    },
  );

  app.delete(
    '/api/debtors/:id/call-lock',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Release the lock',
        params: IdParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (request) => {
      await changeCallLock(deps, requireActor(request), request.params.id, 'release');
      return { ok: true as const };
    },
  );

  app.get(
    '/confirm/:token',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.object({ token: z.string().min(20).max(100) }) },
    },
    async (request, reply) => {
      const confirmed = await confirmAgreement(deps, request.params.token);
      if (!confirmed) {
        return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><p>Link not found.</p>');
      }
      return reply
        .type('text/html; charset=utf-8')
        .send(thankYouPage(confirmed.language, confirmed.creditorName));
    },
  );
};
