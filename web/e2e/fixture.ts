import type { AppDeps } from '../../src/deps.js';
import { refreshDebtorBalances } from '../../src/modules/ledger/balances.repo.js';
import { appendTimeline } from '../../src/modules/ledger/timeline.repo.js';
import {
  addMembership,
  createContact,
  createDebtor,
  createInvoice,
  createOrganisation,
  createUser,
} from '../../src/test/factories.js';

/** What the browser test knows about the data it logs into. */
export type BrowserFixture = {
  email: string;
  password: string;
  organisationA: { id: string; name: string };
  organisationB: { id: string; name: string };
  /** The debtor the test searches for, opens and calls. */
  debtor: { id: string; name: string; phoneHref: string };
  /** A second debtor matching the same search but in another aging bucket. */
  otherJansen: { id: string; name: string };
  onlyInOrganisationB: string;
};

const FILLER_NAMES = [
  'Bakkerij De Gouden Korst B.V.',
  'Stichting Zorggroep Noord',
  'Garage Van Dijk',
  'Hotel De Zwaan',
  'Gemeente Woerden',
  'Technische Unie Oost',
  'Restaurant Il Forno',
  'Kapsalon Lisa',
  'Transport Mulder & Zn.',
  'De Vries Elektrotechniek',
];

/**
 * A small, known portfolio on top of whatever else the database holds: two organisations sharing
 * one user (the organisation switch), a debtor with a collections contact, extension, call times,
 * gatekeeper notes and invoices in two aging buckets, and filler debtors across all buckets.
 * Dates are relative to the deps' clock, so aging is the same on every run.
 */
export async function seedBrowserFixture(deps: AppDeps): Promise<BrowserFixture> {
  const { db } = deps;
  const today = deps.clock.today();
  const day = (offset: number) => addDays(today, offset);

  const orgA = await createOrganisation(db, { name: 'Van der Berg Installatietechniek B.V.', country: 'NL' });
  const orgB = await createOrganisation(db, {
    name: 'Facilitair Vlaanderen NV',
    country: 'BE',
    defaultLanguage: 'nl',
  });
  const user = await createUser(db, {
    orgId: orgA.id,
    role: 'admin',
    email: 'sanne.dewit@collectdesk.test',
    name: 'Sanne de Wit',
  });
  await addMembership(db, { orgId: orgB.id, userId: user.id, role: 'collector' });

  const jansen = await createDebtor(db, {
    orgId: orgA.id,
    number: 'D10021',
    name: 'Jansen Bouw en Onderhoud B.V.',
    city: 'Amersfoort',
    addressLine: 'Industrieweg 12',
    postalCode: '3812 AD',
    segment: 'MKB',
    assignedCollectorId: user.id,
    paymentTermDays: 30,
    vatNumber: 'NL001234567B01',
    phone: '+31332345600',
  });
  await createContact(db, {
    orgId: orgA.id,
    debtorId: jansen.id,
    name: 'Petra Jansen',
    role: 'Financiële administratie',
    email: 'petra@jansenbouw.example',
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
    orgId: orgA.id,
    debtorId: jansen.id,
    name: 'Henk Jansen',
    role: 'Directeur-eigenaar',
    phone: '+31332345600',
  });
  const late45 = await createInvoice(db, {
    orgId: orgA.id,
    debtorId: jansen.id,
    number: 'F2026-1102',
    issueDate: day(-75),
    dueDate: day(-45),
    totalCents: 125050,
    vatCents: 21703,
    orderDescription: 'Vervanging cv-ketel en 12 radiatoren',
    deliveryNotes: 'Geleverd en getekend door H. Jansen',
    salesAgreementNotes: 'Betaling in twee termijnen toegestaan (R. Bakker)',
    paymentReference: 'RF18539007547034',
  });
  const current = await createInvoice(db, {
    orgId: orgA.id,
    debtorId: jansen.id,
    number: 'F2026-1190',
    issueDate: day(-10),
    dueDate: day(20),
    totalCents: 210000,
  });
  await appendTimeline(db, [
    {
      orgId: orgA.id,
      debtorId: jansen.id,
      invoiceId: late45.id,
      kind: 'invoice_imported',
      actorLabel: 'import',
      summary: 'Factuur F2026-1102 geïmporteerd (€ 1.250,50)',
    },
    {
      orgId: orgA.id,
      debtorId: jansen.id,
      invoiceId: current.id,
      kind: 'invoice_imported',
      actorLabel: 'import',
      summary: 'Factuur F2026-1190 geïmporteerd (€ 2.100,00)',
    },
    {
      orgId: orgA.id,
      debtorId: jansen.id,
      kind: 'note',
      actorUserId: user.id,
      actorLabel: user.name,
      summary: 'Petra belooft de helft vrijdag te betalen.',
    },
  ]);

  const otherJansen = await createDebtor(db, {
    orgId: orgA.id,
    number: 'D10077',
    name: 'Jansen Schilderwerken',
    city: 'Zwolle',
    segment: 'MKB',
  });
  await createInvoice(db, {
    orgId: orgA.id,
    debtorId: otherJansen.id,
    number: 'F2026-1201',
    issueDate: day(-40),
    dueDate: day(-10),
    totalCents: 48000,
  });

  // Filler across every bucket, so the unfiltered list and its paging look like a real ledger.
  const lateness = [-5, 12, 25, 40, 58, 70, 88, 95, 130, 200];
  for (let index = 0; index < 60; index += 1) {
    const name = FILLER_NAMES[index % FILLER_NAMES.length] ?? 'Debiteur';
    const debtor = await createDebtor(db, {
      orgId: orgA.id,
      number: `D${20000 + index}`,
      name: index < FILLER_NAMES.length ? name : `${name} ${index}`,
      kind: index % 9 === 8 ? 'consumer' : 'business',
      city: ['Utrecht', 'Antwerpen', 'Zwolle', 'Gent', 'Delft'][index % 5] ?? null,
      segment: ['MKB', 'Groot zakelijk', 'Overheid', 'Particulier'][index % 4] ?? null,
      assignedCollectorId: index % 3 === 0 ? null : user.id,
    });
    const daysLate = lateness[index % lateness.length] ?? 0;
    await createInvoice(db, {
      orgId: orgA.id,
      debtorId: debtor.id,
      number: `F2026-${3000 + index}`,
      issueDate: day(-daysLate - 30),
      dueDate: day(-daysLate),
      totalCents: 15000 + ((index * 7919) % 900000),
    });
  }

  const belgian = await createDebtor(db, {
    orgId: orgB.id,
    number: 'B-501',
    name: 'Peeters Logistics BV',
    country: 'BE',
    city: 'Antwerpen',
  });
  await createInvoice(db, {
    orgId: orgB.id,
    debtorId: belgian.id,
    number: 'VF-2026-77',
    issueDate: day(-50),
    dueDate: day(-20),
    totalCents: 99900,
  });

  await refreshDebtorBalances(db, { orgId: orgA.id, today });
  await refreshDebtorBalances(db, { orgId: orgB.id, today });

  return {
    email: user.email,
    password: user.password,
    organisationA: { id: orgA.id, name: orgA.name },
    organisationB: { id: orgB.id, name: orgB.name },
    debtor: { id: jansen.id, name: jansen.name, phoneHref: 'tel:+31332345678;ext=214' },
    otherJansen: { id: otherJansen.id, name: otherJansen.name },
    onlyInOrganisationB: belgian.name,
  };
}

function addDays(date: string, days: number): string {
  const utc = new Date(`${date}T00:00:00Z`);
  utc.setUTCDate(utc.getUTCDate() + days);
  return utc.toISOString().slice(0, 10);
}
