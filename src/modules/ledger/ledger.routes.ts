import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { debtorRoutes } from './debtors.routes.js';
import { importUploadRoutes } from './import-upload.routes.js';
import { invoiceRoutes } from './invoices.routes.js';
import { organisationRoutes } from './organisation.routes.js';

/** Every ledger route: debtors, contacts, notes, invoices, payments, disputes,
 * organisation, import upload. */
export const ledgerRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, options) => {
  await app.register(debtorRoutes, options);
  await app.register(invoiceRoutes, options);
  await app.register(organisationRoutes, options);
  await app.register(importUploadRoutes, options);
};
