import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../auth/auth.hooks.js';
import { IdParamsSchema } from '../ledger/ledger.schemas.js';
import { importUploadedBankFiles, listBankFiles } from './bank-upload.service.js';
import {
  AllocatePaymentRequestSchema,
  BankFileListSchema,
  BankUploadReportSchema,
  InvoiceSearchQuerySchema,
  InvoiceSearchResultSchema,
  MatchActionResultSchema,
  MatchingQuerySchema,
  PaymentToMatchListSchema,
  SetAsideRequestSchema,
  UndoAllocationRequestSchema,
} from './banking.schemas.js';
import { listPaymentsToMatch, searchInvoicesToMatch } from './manual-matching.service.js';
import {
  allocatePayment,
  markPaymentForRefund,
  parkPayment,
  undoAllocation,
} from './match-actions.service.js';

/** Bank statement uploads, the import history, and the manual matching of payments. */
export const bankingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const importTags = ['bank imports'];
  const matchingTags = ['payment matching'];

  app.post(
    '/api/bank/imports',
    {
      // Like invoice imports: one upload changes many dossiers at once.
      config: { access: 'senior_collector' },
      schema: {
        tags: importTags,
        summary:
          'Import bank statement files (CAMT.052/053/054, MT940, CODA, bank CSV) and match the payments',
        description:
          'multipart/form-data: one or more files (any field name) and optionally `mapping` (a bank CSV column ' +
          'mapping as JSON). The report is per file; good entries are imported even when others are rejected.',
        consumes: ['multipart/form-data'],
        response: { 200: BankUploadReportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('BAD_REQUEST', 'send the files as multipart/form-data');
      return importUploadedBankFiles(deps, requireActor(request), request.parts());
    },
  );

  app.get(
    '/api/bank/imports',
    {
      config: { access: 'viewer' },
      schema: {
        tags: importTags,
        summary: 'Recent bank statement files',
        response: { 200: BankFileListSchema },
      },
    },
    async (request) => listBankFiles(deps, requireActor(request)),
  );

  app.get(
    '/api/bank/payments',
    {
      config: { access: 'collector' },
      schema: {
        tags: matchingTags,
        summary: 'Payments waiting for manual matching (or parked), oldest first, with suggestions',
        querystring: MatchingQuerySchema,
        response: { 200: PaymentToMatchListSchema },
      },
    },
    async (request) => listPaymentsToMatch(deps, requireActor(request), request.query.view),
  );

  app.get(
    '/api/bank/invoices',
    {
      config: { access: 'collector' },
      schema: {
        tags: matchingTags,
        summary: 'Search open invoices by number, payment reference, debtor name or number, or amount',
        querystring: InvoiceSearchQuerySchema,
        response: { 200: InvoiceSearchResultSchema },
      },
    },
    async (request) => searchInvoicesToMatch(deps, requireActor(request), request.query.q),
  );

  app.post(
    '/api/bank/payments/:id/allocate',
    {
      config: { access: 'collector' },
      schema: {
        tags: matchingTags,
        summary: 'Allocate a payment to one or several invoices (a split); what is left stays as credit',
        params: IdParamsSchema,
        body: AllocatePaymentRequestSchema,
        response: { 200: MatchActionResultSchema },
      },
    },
    async (request) => allocatePayment(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/bank/payments/:id/park',
    {
      config: { access: 'collector' },
      schema: {
        tags: matchingTags,
        summary: 'Set an unallocated payment aside as unidentified',
        params: IdParamsSchema,
        body: SetAsideRequestSchema,
        response: { 200: MatchActionResultSchema },
      },
    },
    async (request) => parkPayment(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/bank/payments/:id/refund',
    {
      config: { access: 'collector' },
      schema: {
        tags: matchingTags,
        summary: 'Mark an unallocated payment to be paid back',
        params: IdParamsSchema,
        body: SetAsideRequestSchema,
        response: { 200: MatchActionResultSchema },
      },
    },
    async (request) => markPaymentForRefund(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/bank/payments/:id/undo',
    {
      config: { access: 'collector' },
      schema: {
        tags: matchingTags,
        summary: "Undo the payment's allocations (to one invoice, or all): the invoices reopen",
        params: IdParamsSchema,
        body: UndoAllocationRequestSchema,
        response: { 200: MatchActionResultSchema },
      },
    },
    async (request) => undoAllocation(deps, requireActor(request), request.params.id, request.body),
  );
};
