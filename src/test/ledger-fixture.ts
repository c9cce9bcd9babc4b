import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.js';
import { createTestDatabase } from './db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  type DebtorRow,
  type InvoiceRow,
  TEST_PASSWORD,
} from './factories.js';
import { buildTestApp, login, type Session } from './http.js';

/**
 * A small ledger for the HTTP tests of the ledger routes. Today is 2026-03-15 (TEST_NOW):
 * - bakery 10001 (NL, retail, Carla): F-001 100.00 due 2026-01-31 (43 days late), F-002 50.00 due
 *   2026-03-10 (5 days), credit note C-001 −15.00; contact Piet Jansen;
 * - garage 10002 (BE, auto): F-003 300.00 due 2025-11-01 (134 days late);
 * - florist 10003 (NL, retail): F-004 80.00 due 2026-04-01 (not yet due).
 */
export type LedgerFixture = {
  database: Database;
  app: FastifyInstance;
  admin: Session;
  collector: Session;
  viewer: Session;
  collectorId: string;
  bakery: DebtorRow;
  garage: DebtorRow;
  florist: DebtorRow;
  f1: InvoiceRow;
  f2: InvoiceRow;
  g1: InvoiceRow;
};

export async function setUpLedgerFixture(): Promise<LedgerFixture> {
  const database = await createTestDatabase();
  const { db } = database;
  const app = await buildTestApp(database);
  const org = await createOrganisation(db, { name: 'Groothandel Noord' });
  const adminUser = await createUser(db, { orgId: org.id, role: 'admin', name: 'Anna Admin' });
  const collectorUser = await createUser(db, { orgId: org.id, role: 'collector', name: 'Carla Collector' });
  const viewerUser = await createUser(db, { orgId: org.id, role: 'viewer' });

  const bakery = await createDebtor(db, {
    orgId: org.id,
    number: '10001',
    name: 'Bakkerij Jansen',
    segment: 'retail',
    city: 'Utrecht',
    phone: '030 123 4567',
    assignedCollectorId: collectorUser.id,
  });
  const garage = await createDebtor(db, {
    orgId: org.id,
    number: '10002',
    name: 'Garage Peeters',
    country: 'BE',
    segment: 'auto',
  });
  const florist = await createDebtor(db, {
    orgId: org.id,
    number: '10003',
    name: 'Bloemist De Roos',
    segment: 'retail',
  });
  await createContact(db, {
    orgId: org.id,
    debtorId: bakery.id,
    name: 'Piet Jansen',
    isCollectionsContact: true,
  });
  const f1 = await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'F-001',
    dueDate: '2026-01-31',
    totalCents: 10000,
  });
  const f2 = await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'F-002',
    dueDate: '2026-03-10',
    totalCents: 5000,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: bakery.id,
    number: 'C-001',
    kind: 'credit_note',
    dueDate: '2026-02-01',
    totalCents: -1500,
  });
  const g1 = await createInvoice(db, {
    orgId: org.id,
    debtorId: garage.id,
    number: 'F-003',
    dueDate: '2025-11-01',
    totalCents: 30000,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: florist.id,
    number: 'F-004',
    dueDate: '2026-04-01',
    totalCents: 8000,
  });

  const admin = await login(app, adminUser.email, TEST_PASSWORD);
  const collector = await login(app, collectorUser.email, TEST_PASSWORD);
  const viewer = await login(app, viewerUser.email, TEST_PASSWORD);
  return {
    database,
    app,
    admin,
    collector,
    viewer,
    collectorId: collectorUser.id,
    bakery,
    garage,
    florist,
    f1,
    f2,
    g1,
  };
}
