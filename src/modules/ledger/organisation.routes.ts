import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { OrganisationSchema, UpdateOrganisationRequestSchema } from './ledger.schemas.js';
import { getOrganisation, updateOrganisation } from './organisation.service.js';

export const organisationRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/organisation',
    {
      config: { access: 'viewer' },
      schema: {
        tags: ['organisation'],
        summary: 'The current organisation',
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => getOrganisation(deps, requireActor(request)),
  );

  app.patch(
    '/api/organisation',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['organisation'],
        summary: 'Change creditor details (IBAN is checked), sender, registration numbers, language',
        body: UpdateOrganisationRequestSchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => updateOrganisation(deps, requireActor(request), request.body),
  );
};
