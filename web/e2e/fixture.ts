import { count, eq, sql } from 'drizzle-orm';
import { debtors, users } from '../../src/db/schema/index.js';
import type { AppDeps } from '../../src/deps.js';
import { seedDemoPortfolio } from '../../src/modules/demo/demo.service.js';
import { refreshDebtorBalances } from '../../src/modules/ledger/balances.repo.js';
import { appendTimeline } from '../../src/modules/ledger/timeline.repo.js';
import { createContact, createDebtor, createInvoice } from '../../src/test/factories.js';

/** What the browser test knows about the data it logs into. */
export type BrowserFixture = {
  email: string;
  password: string;
  organisationA: { id: string; name: string; debtorCount: number };
  organisationB: { id: string; name: string; debtorCount: number };
  /** The debtor the test searches for, opens and calls. */
  debtor: { id: string; name: string; phoneHref: string };
  /** A second debtor matching the same search but in another aging bucket. */
  otherMatch: { id: string; name: string };
  search: string;
  /** Name of the demo admin, who writes the test's note. */
  userName: string;
};

const DEMO_PASSWORD = 'browser-test-password';

/**
 * A small demo portfolio (the generator `collectdesk demo` uses: a Dutch tenant and a Belgian one
 * sharing the demo admin, so the organisation switch shows) plus two debtors the test knows by
 * name: one with a collections contact, extension, call times, gatekeeper notes and an invoice 45
 * days late; another matching the same search but 10 days late. Dates follow the deps' clock.
 */
export async function seedBrowserFixture(deps: AppDeps): Promise<BrowserFixture> {
  const { db } = deps;
  const today = deps.clock.today();
  const day = (offset: number) => addDays(today, offset);

  const main = await seedDemoPortfolio(deps, {
    debtors: 40,
    invoices: 240,
    seed: 7,
    today,
    password: DEMO_PASSWORD,
  });
  const second = await seedDemoPortfolio(deps, {
    profile: 'facility-be',
    debtors: 8,
    invoices: 40,
    seed: 7,
    today,
    password: DEMO_PASSWORD,
  });
  if (!main.login) throw new Error('the demo did not create its admin login');
  const [admin] = await db.select().from(users).where(eq(users.email, main.login.email));
  if (!admin) throw new Error('demo admin missing');
  const orgId = main.organisation.id;

  const debtor = await createDebtor(db, {
    orgId,
    number: 'D-90021',
    name: 'Zuiderduin Bouw en Onderhoud B.V.',
    city: 'Amersfoort',
    addressLine: 'Industrieweg 12',
    postalCode: '3812 AD',
    segment: 'MKB',
    assignedCollectorId: admin.id,
    paymentTermDays: 30,
    vatNumber: 'NL001234567B01',
    phone: '+31332345600',
  });
  await createContact(db, {
    orgId,
    debtorId: debtor.id,
    name: 'Petra Zuiderduin',
    role: 'Financiële administratie',
    email: 'petra@zuiderduin.example',
    phone: '+31332345678',
    phoneExtension: '214',
    mobile: '+31612345678',
    preferredCallDays: [1, 2],
    preferredCallFrom: '09:30',
    preferredCallUntil: '11:30',
    isCollectionsContact: true,
    gatekeeperNotes: 'Receptie zegt vaak "in overleg": vraag direct naar toestel 214.',
  });
  await createContact(db, {
    orgId,
    debtorId: debtor.id,
    name: 'Henk Zuiderduin',
    role: 'Directeur-eigenaar',
    phone: '+31332345600',
  });
  const late = await createInvoice(db, {
    orgId,
    debtorId: debtor.id,
    number: 'F2026-1102',
    issueDate: day(-75),
    dueDate: day(-45),
    totalCents: 125050,
    vatCents: 21703,
    orderDescription: 'Vervanging cv-ketel en 12 radiatoren',
    deliveryNotes: 'Geleverd en getekend door H. Zuiderduin',
    salesAgreementNotes: 'Betaling in twee termijnen toegestaan (R. Bakker)',
    paymentReference: 'RF18539007547034',
  });
  const current = await createInvoice(db, {
    orgId,
    debtorId: debtor.id,
    number: 'F2026-1190',
    issueDate: day(-10),
    dueDate: day(20),
    totalCents: 210000,
  });
  await appendTimeline(db, [
    {
      orgId,
      debtorId: debtor.id,
      invoiceId: late.id,
      kind: 'invoice_imported',
      actorLabel: 'import',
      summary: 'Factuur F2026-1102 geïmporteerd (€ 1.250,50)',
    },
    {
      orgId,
      debtorId: debtor.id,
      invoiceId: current.id,
      kind: 'invoice_imported',
      actorLabel: 'import',
      summary: 'Factuur F2026-1190 geïmporteerd (€ 2.100,00)',
    },
    {
      orgId,
      debtorId: debtor.id,
      kind: 'note',
      actorUserId: admin.id,
      actorLabel: admin.name,
      summary: 'Petra belooft de helft vrijdag te betalen.',
    },
  ]);

  const otherMatch = await createDebtor(db, {
    orgId,
    number: 'D-90077',
    name: 'Zuiderduin Schilderwerken',
    city: 'Zwolle',
    segment: 'MKB',
  });
  await createInvoice(db, {
    orgId,
    debtorId: otherMatch.id,
    number: 'F2026-1201',
    issueDate: day(-40),
    dueDate: day(-10),
    totalCents: 48000,
  });
  await refreshDebtorBalances(db, { orgId, today, debtorIds: [debtor.id, otherMatch.id] });

  const countDebtors = async (id: string) =>
    (await db.select({ n: count() }).from(debtors).where(sql`${debtors.orgId} = ${id}`))[0]?.n ?? 0;
  return {
    email: main.login.email,
    password: main.login.password,
    organisationA: { ...main.organisation, debtorCount: await countDebtors(orgId) },
    organisationB: { ...second.organisation, debtorCount: await countDebtors(second.organisation.id) },
    debtor: { id: debtor.id, name: debtor.name, phoneHref: 'tel:+31332345678;ext=214' },
    otherMatch: { id: otherMatch.id, name: otherMatch.name },
    search: 'zuiderduin',
    userName: admin.name,
  };
}

function addDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}
