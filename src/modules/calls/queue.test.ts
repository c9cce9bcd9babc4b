import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Database } from '../../db/client.js';
import { callTasks, memberships } from '../../db/schema/index.js';
import { runCliCaptured } from '../../test/cli.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
  type OrganisationRow,
} from '../../test/factories.js';
import { testDeps } from '../../test/http.js';
import { callsCli } from './calls.cli.js';
import { getCallQueue } from './queue.service.js';

/**
 * Tuesday 8 December 2026 at an NL creditor: seven debtors, five with a reason to be called today
 * and two that must stay out (settled; paused without a callback), plus a callback for tomorrow.
 */
const day = (text: string) => text as CalendarDate;
const TUESDAY = day('2026-12-08');

let database: Database;
let org: OrganisationRow;
let senior: string;
let junior: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  org = await createOrganisation(db, { slug: 'workbench' });
  senior = (await createUser(db, { orgId: org.id, role: 'senior_collector' })).id;
  junior = (await createUser(db, { orgId: org.id, role: 'collector' })).id;
  await db.update(memberships).set({ callSkillLevel: 'junior' }).where(eq(memberships.userId, junior));

  const task = (values: Omit<typeof callTasks.$inferInsert, 'orgId'>) =>
    db.insert(callTasks).values({ orgId: org.id, ...values });

  // Large: €30,000 overdue since November → large_overdue, senior only (≥ €25,000).
  const large = await createDebtor(db, { orgId: org.id, number: 'LARGE' });
  await createContact(db, { orgId: org.id, debtorId: large.id, name: 'Receptie', phone: '+31201110000' });
  await createContact(db, {
    orgId: org.id,
    debtorId: large.id,
    name: 'Petra Groot',
    phone: '+31201110001',
    isCollectionsContact: true,
  });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: large.id,
    dueDate: '2026-11-01',
    totalCents: 3_000_000,
  });

  // Just late: due yesterday, no reminder yet → the informal call (001#2).
  const fresh = await createDebtor(db, { orgId: org.id, number: 'FRESH' });
  await createContact(db, { orgId: org.id, debtorId: fresh.id, name: 'Zonder Nummer', phone: null });
  await createContact(db, {
    orgId: org.id,
    debtorId: fresh.id,
    name: 'Met Mobiel',
    phone: null,
    mobile: '+31612345678',
  });
  await createInvoice(db, { orgId: org.id, debtorId: fresh.id, dueDate: '2026-12-07', totalCents: 40_000 });

  // Broken promise yesterday: a task for today.
  const broke = await createDebtor(db, { orgId: org.id, number: 'BROKE' });
  await createContact(db, { orgId: org.id, debtorId: broke.id, name: 'Kees Bos' });
  await createInvoice(db, { orgId: org.id, debtorId: broke.id, dueDate: '2026-10-15', totalCents: 120_000 });
  await task({ debtorId: broke.id, reason: 'broken_promise', dueDate: '2026-12-08' });

  // Paused until the end of the month, but the gatekeeper said: call back today at 14:00.
  const paused = await createDebtor(db, { orgId: org.id, number: 'PAUSED', pauseUntil: '2026-12-31' });
  const anne = await createContact(db, { orgId: org.id, debtorId: paused.id, name: 'Anne Smit' });
  await createInvoice(db, { orgId: org.id, debtorId: paused.id, dueDate: '2026-11-20', totalCents: 50_000 });
  await task({
    debtorId: paused.id,
    reason: 'callback',
    dueDate: '2026-12-08',
    callbackAt: new Date('2026-12-08T13:00:00Z'),
    contactId: anne.id,
    assignedTo: junior,
  });
  // A dunning call step for a BE debtor (Brussels time, same zone offset).
  const step = await createDebtor(db, { orgId: org.id, number: 'STEP', country: 'BE', language: 'fr' });
  await createContact(db, { orgId: org.id, debtorId: step.id, name: 'Luc Dupont', phone: '+3221234567' });
  await createInvoice(db, { orgId: org.id, debtorId: step.id, dueDate: '2026-11-10', totalCents: 80_000 });
  await task({ debtorId: step.id, reason: 'dunning_step', dueDate: '2026-12-07' });

  // Out: settled (nothing open) with a stale task; paused without callback; callback tomorrow.
  const settled = await createDebtor(db, { orgId: org.id, number: 'SETTLED' });
  await createContact(db, { orgId: org.id, debtorId: settled.id });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: settled.id,
    dueDate: '2026-11-01',
    totalCents: 5_000_000,
    openCents: 0,
    status: 'paid',
  });
  await task({ debtorId: settled.id, reason: 'dunning_step', dueDate: '2026-12-08' });
  const resting = await createDebtor(db, { orgId: org.id, number: 'RESTING', pauseUntil: '2026-12-20' });
  await createContact(db, { orgId: org.id, debtorId: resting.id });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: resting.id,
    dueDate: '2026-10-01',
    totalCents: 2_000_000,
  });
  await task({ debtorId: resting.id, reason: 'broken_promise', dueDate: '2026-12-08' });
  const tomorrow = await createDebtor(db, { orgId: org.id, number: 'TOMORROW' });
  await createContact(db, { orgId: org.id, debtorId: tomorrow.id });
  await createInvoice(db, {
    orgId: org.id,
    debtorId: tomorrow.id,
    dueDate: '2026-11-25',
    totalCents: 30_000,
  });
  await task({
    debtorId: tomorrow.id,
    reason: 'callback',
    dueDate: '2026-12-09',
    callbackAt: new Date('2026-12-09T09:00:00Z'),
  });
});
afterAll(() => database.close());

const deps = () => testDeps(database);

describe('the day’s call queue', () => {
  it('has one item per debtor with a reason, never a settled debtor or a paused one without a callback', async () => {
    const queue = await getCallQueue(deps(), { orgId: org.id }, { date: TUESDAY, at: '10:00' });
    expect(queue.items.map((i) => i.debtor).sort()).toEqual(['BROKE', 'FRESH', 'LARGE', 'PAUSED', 'STEP']);
    const byNumber = new Map(queue.items.map((i) => [i.debtor, i]));
    expect(byNumber.get('LARGE')).toMatchObject({
      reason: 'large_overdue',
      contact: 'Petra Groot',
      phone: '+31201110001',
      verdict: 'call',
      callWindow: { kind: 'golden', date: '2026-12-08', from: '09:30', until: '11:30' },
    });
    expect(byNumber.get('FRESH')).toMatchObject({
      reason: 'term_just_passed',
      contact: 'Met Mobiel',
      phone: '+31612345678',
    });
    expect(byNumber.get('BROKE')?.reason).toBe('broken_promise');
    expect(byNumber.get('STEP')).toMatchObject({ reason: 'dunning_step', contact: 'Luc Dupont' });
    // Not due yet at 10:00: waits for its exact time, shown as the callback window.
    expect(byNumber.get('PAUSED')).toMatchObject({
      reason: 'callback',
      contact: 'Anne Smit',
      verdict: 'wait',
      callWindow: { kind: 'callback', date: '2026-12-08', from: '13:55', until: '14:30' },
    });
    expect(queue.items.at(-1)?.debtor).toBe('PAUSED');
  });

  it('orders by the explained score, and puts a callback on top at its exact time', async () => {
    const morning = await getCallQueue(deps(), { orgId: org.id }, { date: TUESDAY, at: '10:00' });
    for (const item of morning.items) {
      expect(item.parts.reduce((sum, part) => sum + part.points, 0)).toBe(item.priority);
    }
    const callable = morning.items.filter((i) => i.verdict !== 'wait');
    expect(callable.map((i) => i.priority)).toEqual(
      [...callable.map((i) => i.priority)].sort((a, b) => b - a),
    );
    expect(morning.items[0]?.debtor).toBe('BROKE');

    const afternoon = await getCallQueue(deps(), { orgId: org.id }, { date: TUESDAY, at: '14:00' });
    expect(afternoon.items[0]).toMatchObject({ debtor: 'PAUSED', verdict: 'call' });
    expect(afternoon.items[0]?.parts).toContainEqual(
      expect.objectContaining({ code: 'callback_due_now', points: 1_000 }),
    );
  });

  it('hands the senior dossier to the senior and keeps the callback with its collector', async () => {
    const forSenior = await getCallQueue(
      deps(),
      { orgId: org.id },
      { date: TUESDAY, at: '10:00', collectorId: senior },
    );
    const forJunior = await getCallQueue(
      deps(),
      { orgId: org.id },
      { date: TUESDAY, at: '10:00', collectorId: junior },
    );
    expect(forSenior.items.map((i) => i.debtor)).toContain('LARGE');
    expect(forJunior.items.map((i) => i.debtor)).not.toContain('LARGE');
    expect(forJunior.items.map((i) => i.debtor)).toContain('PAUSED');
    const all = [...forSenior.items, ...forJunior.items].map((i) => i.debtor).sort();
    expect(all).toEqual(['BROKE', 'FRESH', 'LARGE', 'PAUSED', 'STEP']);
  });

  it('the informal call is gone once a reminder went out or the term passed too long ago', async () => {
    const later = await getCallQueue(deps(), { orgId: org.id }, { date: day('2026-12-11'), at: '10:00' });
    expect(later.items.map((i) => i.debtor)).not.toContain('FRESH');
  });
});

describe('collectdesk queue', () => {
  const cli = (...argv: string[]) =>
    runCliCaptured(argv, { registrations: [callsCli], deps: () => testDeps(database) });

  it('prints the ordered queue in the contract shape', async () => {
    const run = await cli('queue', '--date', '2026-12-08', '--at', '14:00', '--org', 'workbench', '--json');
    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(5);
    expect(Object.keys(items[0] ?? {})).toEqual([
      'debtor',
      'contact',
      'phone',
      'reason',
      'priority',
      'callWindow',
    ]);
    expect(items[0]).toMatchObject({
      debtor: 'PAUSED',
      contact: 'Anne Smit',
      phone: '+31201234567',
      reason: 'callback',
      callWindow: { kind: 'callback', date: '2026-12-08', from: '13:55', until: '14:30' },
    });
  });

  it('gives a debtor to wait for its situation’s priority, after every callable one', async () => {
    // 08:30 is before the callable hours: everybody waits, the callback for its exact time.
    const early = await cli('queue', '--date', '2026-12-08', '--at', '08:30', '--org', 'workbench', '--json');
    const waiting = JSON.parse(early.stdout) as { debtor: string; priority: number; callWindow: unknown }[];
    expect(waiting.every((i) => i.priority > 0)).toBe(true);
    expect(waiting.map((i) => i.priority)).toEqual([...waiting.map((i) => i.priority)].sort((a, b) => b - a));
    expect(waiting.find((i) => i.debtor === 'LARGE')?.callWindow).toEqual({
      kind: 'outside_golden',
      date: '2026-12-08',
      from: '09:00',
      until: '09:30',
    });

    const morning = await cli(
      'queue',
      '--date',
      '2026-12-08',
      '--at',
      '10:00',
      '--org',
      'workbench',
      '--json',
    );
    const items = JSON.parse(morning.stdout) as { debtor: string; priority: number }[];
    const paused = items.at(-1);
    expect(paused?.debtor).toBe('PAUSED'); // the callback at 14:00 waits, last
    expect(paused?.priority).toBe(waiting.find((i) => i.debtor === 'PAUSED')?.priority);
    expect(paused?.priority).toBeGreaterThan(0);
  });

  it('rejects a bad time and an unknown collector with exit code 1', async () => {
    const badTime = await cli('queue', '--date', '2026-12-08', '--at', '25:00', '--org', 'workbench');
    expect(badTime.code).toBe(1);
    expect(badTime.stderr).toContain('--at must be a time HH:MM');
    const stranger = await cli(
      'queue',
      '--collector',
      '00000000-0000-0000-0000-000000000000',
      '--org',
      'workbench',
    );
    expect(stranger.code).toBe(1);
  });
});
