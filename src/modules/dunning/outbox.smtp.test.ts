import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import { buildEpcQrPayload } from '../../core/references/epc-qr.js';
import type { Database } from '../../db/client.js';
import { callTasks, outboxMessages } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import { createContact, createDebtor, createInvoice, createOrganisation } from '../../test/factories.js';
import { runDunning } from './dunning-run.service.js';
import { dispatchOutbox } from './outbox.service.js';

/** A real SMTP server on loopback; it refuses mail for bounce@… with a permanent 550. */
const received: ParsedMail[] = [];
let server: SMTPServer;
let port: number;
let database: Database;
let workDir: string;

const hasTool = (tool: string) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const canDecodeQr = hasTool('pdftoppm') && hasTool('zbarimg');
if (!canDecodeQr)
  console.warn(
    'skipping the EPC QR check: pdftoppm or zbarimg missing (apt-get install poppler-utils zbar-tools)',
  );

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce@')) {
        const error = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  database = await createTestDatabase();
  workDir = await mkdtemp(join(tmpdir(), 'collectdesk-smtp-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('reminder emails through SMTP', () => {
  it('delivers each reminder in the debtor’s language with amounts and the PDF; a rejection becomes a call task', async () => {
    const org = await createOrganisation(database.db, {
      country: 'BE',
      defaultLanguage: 'nl',
      creditorName: 'Brouwerij De Klok BV',
      addressLine: 'Markt 3',
      postalCode: '9000',
      city: 'Gent',
      iban: 'BE68539007547034',
      senderEmail: 'boekhouding@deklok.example',
      companyNumber: '0123.456.749',
    });
    const french = await createDebtor(database.db, {
      orgId: org.id,
      number: 'C-FR',
      name: 'Café du Parc SRL',
      country: 'BE',
      language: 'fr',
      addressLine: 'Rue Haute 10',
      postalCode: '1000',
      city: 'Bruxelles',
    });
    await createContact(database.db, {
      orgId: org.id,
      debtorId: french.id,
      name: 'Marie Dubois',
      email: 'marie@parc.example',
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: french.id,
      number: 'INV-77',
      dueDate: '2026-03-02',
      totalCents: 123456,
      paymentReference: '+++123/4567/89002+++',
    });
    const dutch = await createDebtor(database.db, {
      orgId: org.id,
      number: 'C-NL',
      name: 'Taverne Het Anker',
      country: 'BE',
      language: 'nl',
    });
    await createContact(database.db, {
      orgId: org.id,
      debtorId: dutch.id,
      name: 'Bart Peeters',
      email: 'bounce@anker.example',
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: dutch.id,
      number: 'INV-78',
      dueDate: '2026-03-02',
      totalCents: 5000,
    });

    const clock = { now: () => new Date('2026-03-05T06:00:00Z'), today: () => '2026-03-05' };
    await runDunning(
      { db: database.db, clock },
      { org, date: '2026-03-05' as CalendarDate, dryRun: false, actorLabel: 'test' },
    );
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const outcome = await dispatchOutbox({ db: database.db, mailer, clock });
    expect(outcome).toEqual({ sent: 1, failed: 1, retry: 0 });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.to).toMatchObject({ value: [{ address: 'marie@parc.example' }] });
    expect(mail?.from).toMatchObject({
      value: [{ address: 'boekhouding@deklok.example', name: 'Brouwerij De Klok BV' }],
    });
    expect(mail?.text).toContain('Bonjour Marie Dubois');
    expect(mail?.text).toContain('INV-77');
    expect(mail?.text).toMatch(/1\s?234,56\s?€/);
    expect(mail?.text).toContain('+++123/4567/89002+++');
    expect(mail?.messageId).toMatch(/^<outbox-[0-9a-f-]+@collectdesk>$/);
    const pdf = mail?.attachments[0];
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const [failed] = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.status, 'failed'));
    expect(failed?.toAddress).toBe('bounce@anker.example');
    expect(failed?.error).toContain('mailbox unavailable');
    const tasks = await database.db.select().from(callTasks).where(eq(callTasks.reason, 'delivery_failed'));
    expect(tasks).toEqual([
      expect.objectContaining({ debtorId: dutch.id, outboxMessageId: failed?.id, dueDate: '2026-03-05' }),
    ]);

    // Sending again finds nothing left to send.
    expect(await dispatchOutbox({ db: database.db, mailer, clock })).toEqual({
      sent: 0,
      failed: 0,
      retry: 0,
    });

    if (!canDecodeQr || !pdf) return;
    const file = join(workDir, 'letter.pdf');
    await writeFile(file, pdf.content);
    execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', file, join(workDir, 'page')]);
    const [png] = (await readdir(workDir)).filter((f) => f.endsWith('.png'));
    const decoded = execFileSync('zbarimg', ['--raw', '-q', join(workDir, png ?? '')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const expected = buildEpcQrPayload({
      beneficiaryName: 'Brouwerij De Klok BV',
      iban: 'BE68539007547034',
      amountCents: 123456,
      structuredReference: '123456789002',
    });
    expect(expected.ok && decoded.replace(/\n$/, '')).toBe(expected.ok && expected.payload);
  });
});
