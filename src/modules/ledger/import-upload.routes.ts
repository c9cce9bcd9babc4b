import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { importUploadedFiles, listImportRuns } from './import-upload.service.js';
import { ImportReportSchema, ImportRunListSchema } from './ledger.schemas.js';

export const importUploadRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/api/imports',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: ['imports'],
        summary: 'Import invoice files (CSV, UBL XML, zip of UBL) or a debtors CSV',
        description:
          'multipart/form-data: one or more files (any field name), optional `kind` ' +
          '(invoices | debtors, default invoices) and optional `mapping` (JSON {"field": "header"}). ' +
          'Good rows are imported even when others are rejected; the report lists each rejection.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError('BAD_REQUEST', 'send the files as multipart/form-data');
      }
      return importUploadedFiles(deps, requireActor(request), request.parts());
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: 'viewer' },
      schema: { tags: ['imports'], summary: 'Recent import runs', response: { 200: ImportRunListSchema } },
    },
    async (request) => listImportRuns(deps, requireActor(request)),
  );
};
