import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import type { Database } from '../../db/client.js';
import { outboxMessages, timelineEvents } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  TEST_PASSWORD,
} from '../../test/factories.js';
import { buildTestApp, login, type Session } from '../../test/http.js';

/** "Never saw the invoice" (005#5): the workbench emails a copy of the invoices on the spot. */
const clock = fixedClock('2026-12-08T09:00:00Z');
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestApp(database, { clock });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

let counter = 0;
async function dossier(debtorEmail: string | null) {
  const { db } = database;
  counter++;
  const org = await createOrganisation(db, {
    slug: `invoice-copy-${counter}`,
    iban: 'BE68539007547034',
    creditorName: 'Brasserie Soleil SA',
  });
  const user = await createUser(db, { orgId: org.id, role: 'collector' });
  const debtor = await createDebtor(db, {
    orgId: org.id,
    name: 'Garage Dupont SPRL',
    language: 'fr',
    email: debtorEmail,
  });
  const contact = await createContact(db, {
    orgId: org.id,
    debtorId: debtor.id,
    name: 'Marie Dupont',
    email: 'marie@dupont.test',
  });
  const older = await createInvoice(db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: `F-2026-10${counter}`,
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    totalCents: 84_250,
    paymentReference: '+++090/9337/55493+++',
  });
  const newer = await createInvoice(db, {
    orgId: org.id,
    debtorId: debtor.id,
    number: `F-2026-20${counter}`,
    issueDate: '2026-11-01',
    dueDate: '2026-11-30',
    totalCents: 12_000,
  });
  const collector: Session = await login(app, user.email, TEST_PASSWORD);
  return { org, debtor, contact, older, newer, collector };
}

describe('POST /api/debtors/:id/invoice-copies', () => {
  it('queues the copy to the contact in the debtor language and notes it on the timeline', async () => {
    const { debtor, contact, older, newer, collector } = await dossier('boekhouding@dupont.test');
    const response = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/invoice-copies`,
      payload: { invoiceIds: [newer.id, older.id], contactId: contact.id },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { outboxMessageId, toAddress } = response.json();
    expect(toAddress).toBe('marie@dupont.test');

    const [message] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, outboxMessageId));
    expect(message).toMatchObject({ debtorId: debtor.id, status: 'queued', toAddress: 'marie@dupont.test' });
    expect(message?.subject).toBe(
      `Copie de la facture ${older.number}, ${newer.number} – Brasserie Soleil SA`,
    );
    // Amounts use narrow no-break spaces: compare with plain ones.
    const body = (message?.bodyText ?? '').replace(/[\u00a0\u202f]/g, ' ');
    expect(body).toContain('Bonjour Marie Dupont,');
    expect(body).toContain(
      `facture ${older.number} du 1er octobre 2026, échéance le 31 octobre 2026 : solde 842,50 €`,
    );
    expect(body).toContain('communication : +++090/9337/55493+++');
    // Without a structured reference the invoice number is what to quote.
    expect(body).toContain(`communication : ${newer.number}`);
    expect(body).toContain('BE68 5390 0754 7034');
    expect(body.indexOf(older.number)).toBeLessThan(body.indexOf(newer.number));

    const events = await database.db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.debtorId, debtor.id));
    const event = events.find(
      (e) => (e.data as { outboxMessageId?: string }).outboxMessageId === outboxMessageId,
    );
    expect(event?.kind).toBe('email');
    expect(event?.summary).toContain('marie@dupont.test');
  });

  it('sends one copy however often the request with the same Idempotency-Key comes, at once or later', async () => {
    const { debtor, older, newer, collector } = await dossier('boekhouding@dupont.test');
    const send = (key: string, debtorId = debtor.id) =>
      collector.request({
        method: 'POST',
        url: `/api/debtors/${debtorId}/invoice-copies`,
        payload: { invoiceIds: [older.id] },
        headers: { 'idempotency-key': key },
      });
    const [first, racing] = await Promise.all([send('copy-key-0001'), send('copy-key-0001')]);
    const later = await send('copy-key-0001');
    expect([first.statusCode, racing.statusCode, later.statusCode]).toEqual([200, 200, 200]);
    const ids = [first, racing, later].map((r) => r.json().outboxMessageId);
    expect(new Set(ids).size).toBe(1);
    const messages = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.debtorId, debtor.id));
    expect(messages).toHaveLength(1);
    const emails = (
      await database.db.select().from(timelineEvents).where(eq(timelineEvents.debtorId, debtor.id))
    ).filter((e) => e.kind === 'email');
    expect(emails).toHaveLength(1);

    // A new key is a new copy; the same key for other invoices or another debtor is refused.
    expect((await send('copy-key-0002')).json().outboxMessageId).not.toBe(ids[0]);
    const otherInvoices = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/invoice-copies`,
      payload: { invoiceIds: [older.id, newer.id] },
      headers: { 'idempotency-key': 'copy-key-0001' },
    });
    expect(otherInvoices.statusCode).toBe(409);
    const other = await createDebtor(database.db, { orgId: debtor.orgId, email: 'other@x.test' });
    const reused = await send('copy-key-0001', other.id);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("falls back on the debtor's email without a contact", async () => {
    const { debtor, older, collector } = await dossier('boekhouding@dupont.test');
    const response = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/invoice-copies`,
      payload: { invoiceIds: [older.id] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().toAddress).toBe('boekhouding@dupont.test');
  });

  it('answers 400 naming the field without an email address or for an invoice of someone else', async () => {
    const { org, debtor, older, collector } = await dossier(null);
    const noEmail = await collector.request({
      method: 'POST',
      url: `/api/debtors/${debtor.id}/invoice-copies`,
      payload: { invoiceIds: [older.id] },
    });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().error.issues).toEqual([{ field: 'email', message: 'no email address' }]);

    const other = await createDebtor(database.db, { orgId: org.id, email: 'other@x.test' });
    const foreign = await collector.request({
      method: 'POST',
      url: `/api/debtors/${other.id}/invoice-copies`,
      payload: { invoiceIds: [older.id] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.issues).toEqual([
      { field: 'invoiceIds.0', message: 'not an invoice of this debtor' },
    ]);
    const queued = await database.db.select().from(outboxMessages).where(eq(outboxMessages.orgId, org.id));
    expect(queued).toEqual([]);
  });
});
