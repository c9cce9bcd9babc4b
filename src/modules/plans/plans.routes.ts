import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { IdParamsSchema } from '../ledger/ledger.schemas.js';
import {
  CancelPlanRequestSchema,
  CreatePlanRequestSchema,
  CreatePlanResponseSchema,
  PaymentPlanListSchema,
  PaymentPlanSchema,
  PlanPreviewSchema,
  PlanProposalSchema,
} from './plans.schemas.js';
import {
  cancelPaymentPlan,
  createPaymentPlan,
  findDebtorPaymentPlans,
  getPlanLetterPdf,
  previewPaymentPlan,
} from './plans.service.js';

const tags = ['payment plans'];

/** Payment plans on the dossier: preview, create (warnings acknowledged), list, cancel, the letter. */
export const planRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/debtors/:id/payment-plans/preview',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'The schedule and the agreement warnings of a proposed plan, without saving it',
        params: IdParamsSchema,
        body: PlanProposalSchema,
        response: { 200: PlanPreviewSchema },
      },
    },
    async (request) => previewPaymentPlan(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/debtors/:id/payment-plans',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary:
          'Create a payment plan and send its confirmation letter; with unacknowledged warnings nothing is saved',
        params: IdParamsSchema,
        body: CreatePlanRequestSchema,
        response: { 200: CreatePlanResponseSchema },
      },
    },
    async (request) => createPaymentPlan(deps, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/debtors/:id/payment-plans',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: "A debtor's payment plans with their instalments, newest first",
        params: IdParamsSchema,
        response: { 200: PaymentPlanListSchema },
      },
    },
    async (request) => ({
      items: await findDebtorPaymentPlans(deps, requireActor(request), request.params.id),
    }),
  );

  app.post(
    '/api/payment-plans/:id/cancel',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Cancel a running payment plan; dunning resumes for its invoices',
        params: IdParamsSchema,
        body: CancelPlanRequestSchema,
        response: { 200: PaymentPlanSchema },
      },
    },
    async (request) => cancelPaymentPlan(deps, requireActor(request), request.params.id, request.body.reason),
  );

  app.get(
    '/api/payment-plans/:id/letter',
    {
      config: { access: 'viewer' },
      schema: { tags, summary: "The plan's confirmation letter as sent (PDF)", params: IdParamsSchema },
    },
    async (request, reply) => {
      const file = await getPlanLetterPdf(deps, requireActor(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file.fileName.replace(/[^\w.-]+/g, '_')}"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );
};
