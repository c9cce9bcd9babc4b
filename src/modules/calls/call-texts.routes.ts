import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import {
  CallScriptListSchema,
  CallScriptSchema,
  LanguageQuerySchema,
  ObjectionOverrideSchema,
  ObjectionParamsSchema,
  ObjectionTextListSchema,
  ObjectionTextViewSchema,
  ScriptOverrideSchema,
  ScriptParamsSchema,
} from './call-texts.schemas.js';
import {
  getCallScript,
  getObjectionText,
  listCallScripts,
  listObjectionTexts,
  resetCallScript,
  resetObjectionText,
  saveCallScript,
  saveObjectionText,
} from './call-texts.service.js';

const tags = ['calls'];

/** Scripts and objection wording: every collector reads them, seniors edit and reset them. */
export const callTextRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/call-scripts',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'The call scripts per situation and language, and which ones the organisation edited',
        querystring: LanguageQuerySchema,
        response: { 200: CallScriptListSchema },
      },
    },
    async (request) => listCallScripts(deps, requireActor(request), request.query.language),
  );

  app.get(
    '/api/call-scripts/:situation/:language',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'A script: the default, the organisation’s edit and what the prep sheet reads',
        params: ScriptParamsSchema,
        response: { 200: CallScriptSchema },
      },
    },
    async (request) => getCallScript(deps, requireActor(request), request.params),
  );

  app.put(
    '/api/call-scripts/:situation/:language',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary: 'Edit a script: the sections given replace the default’s; placeholders must be known',
        params: ScriptParamsSchema,
        body: ScriptOverrideSchema,
        response: { 200: CallScriptSchema },
      },
    },
    async (request) => saveCallScript(deps, requireActor(request), request.params, request.body),
  );

  app.delete(
    '/api/call-scripts/:situation/:language',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary: 'Reset a script to the default',
        params: ScriptParamsSchema,
        response: { 200: CallScriptSchema },
      },
    },
    async (request) => resetCallScript(deps, requireActor(request), request.params),
  );

  app.get(
    '/api/objections',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'The objection library per language, and which objections the organisation reworded',
        querystring: LanguageQuerySchema,
        response: { 200: ObjectionTextListSchema },
      },
    },
    async (request) => listObjectionTexts(deps, requireActor(request), request.query.language),
  );

  app.get(
    '/api/objections/:code/:language',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'An objection’s wording: the default, the organisation’s edit and what the prep sheet reads',
        params: ObjectionParamsSchema,
        response: { 200: ObjectionTextViewSchema },
      },
    },
    async (request) => getObjectionText(deps, requireActor(request), request.params),
  );

  app.put(
    '/api/objections/:code/:language',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary: 'Reword an objection: label, how it is heard, counters by key; placeholders must be known',
        params: ObjectionParamsSchema,
        body: ObjectionOverrideSchema,
        response: { 200: ObjectionTextViewSchema },
      },
    },
    async (request) => saveObjectionText(deps, requireActor(request), request.params, request.body),
  );

  app.delete(
    '/api/objections/:code/:language',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags,
        summary: 'Reset an objection’s wording to the default',
        params: ObjectionParamsSchema,
        response: { 200: ObjectionTextViewSchema },
      },
    },
    async (request) => resetObjectionText(deps, requireActor(request), request.params),
  );
};
