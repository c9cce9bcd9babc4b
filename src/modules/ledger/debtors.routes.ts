import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { OkResponseSchema } from '../auth/auth.schemas.js';
import { createContact, deleteContact, updateContact } from './contacts.service.js';
import {
  addDebtorNote,
  findDebtors,
  getDebtorDossier,
  getDebtorTimeline,
  listCollectors,
  listSegments,
  updateDebtor,
} from './debtors.service.js';
import {
  CollectorListSchema,
  ContactParamsSchema,
  ContactSchema,
  CreateContactRequestSchema,
  CreateNoteRequestSchema,
  DebtorDossierSchema,
  DebtorListQuerySchema,
  DebtorListResponseSchema,
  DebtorSchema,
  IdParamsSchema,
  SegmentListSchema,
  TimelineEventSchema,
  TimelinePageSchema,
  TimelineQuerySchema,
  UpdateContactRequestSchema,
  UpdateDebtorRequestSchema,
} from './ledger.schemas.js';

const tags = ['debtors'];

export const debtorRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/api/debtors',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Debtors with balances: search, filter, sort and page',
        querystring: DebtorListQuerySchema,
        response: { 200: DebtorListResponseSchema },
      },
    },
    async (request) => findDebtors(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/segments',
    {
      config: { access: 'viewer' },
      schema: { tags, summary: 'Debtor segments in use', response: { 200: SegmentListSchema } },
    },
    async (request) => listSegments(deps, requireActor(request)),
  );

  app.get(
    '/api/collectors',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Members who can be assigned debtors',
        response: { 200: CollectorListSchema },
      },
    },
    async (request) => listCollectors(deps, requireActor(request)),
  );

  app.get(
    '/api/debtors/:id',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Debtor dossier: contacts, open items with aging, disputes, payments, timeline',
        params: IdParamsSchema,
        response: { 200: DebtorDossierSchema },
      },
    },
    async (request) => getDebtorDossier(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/debtors/:id/timeline',
    {
      config: { access: 'viewer' },
      schema: {
        tags,
        summary: 'Older timeline events (pass nextBefore of the previous page)',
        params: IdParamsSchema,
        querystring: TimelineQuerySchema,
        response: { 200: TimelinePageSchema },
      },
    },
    async (request) => getDebtorTimeline(deps, requireActor(request), request.params.id, request.query),
  );

  app.patch(
    '/api/debtors/:id',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Change segment, tags, collector, credit limit, payment term, notes or pause',
        params: IdParamsSchema,
        body: UpdateDebtorRequestSchema,
        response: { 200: DebtorSchema },
      },
    },
    async (request) => updateDebtor(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/debtors/:id/notes',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Add a note to the timeline',
        params: IdParamsSchema,
        body: CreateNoteRequestSchema,
        response: { 201: TimelineEventSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return addDebtorNote(deps, requireActor(request), request.params.id, request.body.text);
    },
  );

  app.post(
    '/api/debtors/:id/contacts',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Add a contact person (phones are stored in E.164)',
        params: IdParamsSchema,
        body: CreateContactRequestSchema,
        response: { 201: ContactSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createContact(deps, requireActor(request), request.params.id, request.body);
    },
  );

  app.patch(
    '/api/debtors/:id/contacts/:contactId',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Change a contact person',
        params: ContactParamsSchema,
        body: UpdateContactRequestSchema,
        response: { 200: ContactSchema },
      },
    },
    async (request) =>
      updateContact(
        deps,
        requireActor(request),
        { debtorId: request.params.id, contactId: request.params.contactId },
        request.body,
      ),
  );

  app.delete(
    '/api/debtors/:id/contacts/:contactId',
    {
      config: { access: 'collector' },
      schema: {
        tags,
        summary: 'Remove a contact person',
        params: ContactParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (request) => {
      await deleteContact(deps, requireActor(request), {
        debtorId: request.params.id,
        contactId: request.params.contactId,
      });
      return { ok: true as const };
    },
  );
};
