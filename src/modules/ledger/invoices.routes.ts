import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { openDispute, resolveDispute } from './disputes.service.js';
import { findInvoices, getInvoiceDetail } from './invoices.service.js';
import {
  CreateDisputeRequestSchema,
  CreatePaymentRequestSchema,
  DisputeSchema,
  IdempotencyHeadersSchema,
  IdParamsSchema,
  InvoiceDetailSchema,
  InvoiceListQuerySchema,
  InvoiceListResponseSchema,
  PaymentSchema,
  ResolveDisputeRequestSchema,
} from './ledger.schemas.js';
import { recordPayment } from './payments.service.js';

export const invoiceRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/invoices',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['invoices'],
        summary: 'Invoices and credit notes, latest due date first',
        querystring: InvoiceListQuerySchema,
        response: { 200: InvoiceListResponseSchema },
      },
    },
    async (request) => findInvoices(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/invoices/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['invoices'],
        summary: 'Invoice with allocations, disputes and its timeline events',
        params: IdParamsSchema,
        response: { 200: InvoiceDetailSchema },
      },
    },
    async (request) => getInvoiceDetail(deps, requireActor(request), request.params.id),
  );

  app.post(
    '/api/invoices/:id/disputes',
    {
      config: { access: 'collector' },
      schema: {
        tags: ['disputes'],
        summary: 'Record a dispute; the invoice becomes disputed (dunning pauses)',
        params: IdParamsSchema,
        body: CreateDisputeRequestSchema,
        response: { 201: DisputeSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return openDispute(deps, requireActor(request), request.params.id, request.body);
    },
  );

  app.post(
    '/api/disputes/:id/resolve',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: ['disputes'],
        summary: 'Resolve or reject a dispute; the invoice status follows its amounts again',
        params: IdParamsSchema,
        body: ResolveDisputeRequestSchema,
        response: { 200: DisputeSchema },
      },
    },
    async (request) => resolveDispute(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/payments',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: ['payments'],
        summary:
          'Record a payment and allocate it to invoices (201; a repeat with the same Idempotency-Key: 200)',
        headers: IdempotencyHeadersSchema,
        body: CreatePaymentRequestSchema,
        response: { 200: PaymentSchema, 201: PaymentSchema },
      },
    },
    async (request, reply) => {
      const result = await recordPayment(deps, requireActor(request), {
        ...request.body,
        idempotencyKey: request.headers['idempotency-key'],
      });
      reply.code(result.isReplay ? 200 : 201);
      return result.payment;
    },
  );
};
