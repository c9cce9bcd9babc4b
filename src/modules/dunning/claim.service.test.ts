import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock.js';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { dunningPolicies } from '../../db/schema/index.js';
import { createTestDatabase } from '../../test/db.js';
import {
  createDebtor,
  createInvoice,
  createOrganisation,
  type OrganisationRow,
} from '../../test/factories.js';
import type { Actor } from '../auth/access.js';
import { getClaimStatement } from './claim.service.js';
import { createPolicy, listPolicies } from './policies.service.js';

/** The claim statement per regime, which invoices it covers, and which policy's law it follows. */
let database: Database;
const clock = fixedClock('2026-03-15T09:00:00Z');
const deps = () => ({ db: database.db, clock });
const actorOf = (org: OrganisationRow): Actor => ({
  orgId: org.id,
  userId: null,
  label: 'test',
  role: 'admin',
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('getClaimStatement', () => {
  it('covers only invoices owed and overdue on the date: not disputed, paid, credited or not yet due', async () => {
    const org = await createOrganisation(database.db, { country: 'NL' });
    const debtor = await createDebtor(database.db, { orgId: org.id });
    const invoice = (values: Partial<Parameters<typeof createInvoice>[1]>) =>
      createInvoice(database.db, { orgId: org.id, debtorId: debtor.id, ...values });
    await invoice({ number: 'OPEN', dueDate: '2026-02-01', totalCents: 50000 });
    await invoice({
      number: 'PART',
      dueDate: '2026-02-10',
      totalCents: 30000,
      openCents: 10000,
      status: 'partially_paid',
    });
    await invoice({ number: 'DISPUTED', dueDate: '2026-02-01', status: 'disputed' });
    await invoice({ number: 'PAID', dueDate: '2026-02-01', openCents: 0, status: 'paid' });
    await invoice({ number: 'LATER', dueDate: '2026-03-20' });
    await invoice({ number: 'CREDIT', kind: 'credit_note', dueDate: '2026-02-01', totalCents: -5000 });

    const claim = await getClaimStatement(deps(), actorOf(org), debtor.id, {});
    expect(claim.date).toBe('2026-03-15');
    expect(claim.invoices.map((i) => [i.number, i.principal])).toEqual([
      ['OPEN', '500.00'],
      ['PART', '100.00'],
    ]);
    expect(claim.principal).toBe('600.00');
    // WIK per invoice: 15% of €500 = €75; €100 → the €40 minimum.
    expect(claim.costs.lines.map((l) => l.amount)).toEqual(['75.00', '40.00']);
    // Due on 20 March: overdue a week later.
    const later = await getClaimStatement(deps(), actorOf(org), debtor.id, { date: '2026-03-27' });
    expect(later.invoices.map((i) => i.number)).toEqual(['OPEN', 'PART', 'LATER']);
  });

  it('adds VAT to the costs for a creditor who cannot deduct it', async () => {
    const org = await createOrganisation(database.db, { country: 'NL', canDeductVat: false });
    const debtor = await createDebtor(database.db, { orgId: org.id });
    await createInvoice(database.db, { orgId: org.id, debtorId: debtor.id, dueDate: '2026-02-01' });
    const claim = await getClaimStatement(deps(), actorOf(org), debtor.id, {});
    expect(claim.costs).toMatchObject({ amount: '40.00', vat: '8.40' });
  });

  it('follows Belgian law for a Belgian creditor: €40 per late invoice, commercial interest', async () => {
    const org = await createOrganisation(database.db, { country: 'BE' });
    const debtor = await createDebtor(database.db, { orgId: org.id, country: 'BE', language: 'fr' });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'A',
      dueDate: '2026-01-15',
    });
    await createInvoice(database.db, {
      orgId: org.id,
      debtorId: debtor.id,
      number: 'B',
      dueDate: '2026-02-15',
    });
    const claim = await getClaimStatement(deps(), actorOf(org), debtor.id, {});
    expect(claim).toMatchObject({
      regime: 'be_b2b',
      policy: { name: 'BE business (B2B)' },
      principal: '200.00',
    });
    expect(claim.costs).toMatchObject({ isChargeable: true, amount: '80.00', vat: '0.00' });
    expect(claim.invoices[0]?.interestDetail).toMatchObject({ kind: 'be-commercial', compounding: 'none' });
  });

  it('charges a Belgian consumer nothing before the free first reminder, with the reason', async () => {
    const org = await createOrganisation(database.db, { country: 'BE' });
    const debtor = await createDebtor(database.db, { orgId: org.id, country: 'BE', kind: 'consumer' });
    await createInvoice(database.db, { orgId: org.id, debtorId: debtor.id, dueDate: '2026-01-15' });
    const claim = await getClaimStatement(deps(), actorOf(org), debtor.id, {});
    expect(claim).toMatchObject({
      regime: 'be_b2c',
      costs: { isChargeable: false, reason: 'NO_REMINDER', amount: '0.00' },
      interest: '0.00',
      interestNote: expect.any(String),
      balance: '100.00',
    });
    expect(claim.invoices[0]?.interestDetail).toBeNull();
  });

  it("follows the policy for the debtor's segment, and the country's law when no policy is active", async () => {
    const org = await createOrganisation(database.db, { country: 'NL' });
    const actor = actorOf(org);
    const belgian = await createDebtor(database.db, { orgId: org.id, segment: 'export-be', country: 'BE' });
    await createInvoice(database.db, { orgId: org.id, debtorId: belgian.id, dueDate: '2026-02-01' });
    const [nlBusiness] = await listPolicies(deps(), actor);
    if (!nlBusiness) throw new Error('no default policy');
    await createPolicy(deps(), actor, {
      name: 'Belgian customers',
      description: null,
      regime: 'be_b2b',
      segment: 'export-be',
      priority: 500,
      isActive: true,
      steps: [
        {
          name: 'Herinnering',
          isEnabled: true,
          anchor: 'due_date',
          offsetDays: 3,
          channel: 'email',
          letterKind: 'first_reminder',
          tone: 'friendly',
          deadlineDays: 10,
          minOpen: '0',
          claimsCosts: false,
        },
      ],
    });
    const bySegment = await getClaimStatement(deps(), actor, belgian.id, {});
    expect(bySegment).toMatchObject({ regime: 'be_b2b', policy: { name: 'Belgian customers' } });

    await database.db
      .update(dunningPolicies)
      .set({ isActive: false })
      .where(eq(dunningPolicies.orgId, org.id));
    const fallback = await getClaimStatement(deps(), actor, belgian.id, {});
    expect(fallback).toMatchObject({ regime: 'nl_b2b', policy: null, costs: { isChargeable: true } });
  });

  it('does not find a debtor of another organisation', async () => {
    const mine = await createOrganisation(database.db);
    const theirs = await createOrganisation(database.db);
    const debtor = await createDebtor(database.db, { orgId: theirs.id });
    await expect(getClaimStatement(deps(), actorOf(mine), debtor.id, {})).rejects.toMatchObject(
      new AppError('DEBTOR_NOT_FOUND', 'no such debtor'),
    );
  });
});
