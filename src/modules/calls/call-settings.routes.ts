import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { CallSettingsOverridesSchema, CallSettingsViewSchema } from './call-settings.schemas.js';
import { getCallSettings, replaceCallSettings } from './call-settings.service.js';

const tags = ['calls'];

/** The workbench rules of the organisation: read by every collector, changed by seniors and admins. */
export const callSettingsRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/call-settings',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'The call rules in use (timing, priority, routing, goals, agreements, aftercare …)',
        response: { 200: CallSettingsViewSchema },
      },
    },
    async (request) => getCallSettings(deps, requireActor(request)),
  );

  app.put(
    '/api/call-settings',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary: 'Replace what the organisation changes from the default call rules ({} = the defaults)',
        body: CallSettingsOverridesSchema,
        response: { 200: CallSettingsViewSchema },
      },
    },
    async (request) => replaceCallSettings(deps, requireActor(request), request.body),
  );
};
