import { createHash } from 'node:crypto';
import { isValidIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CalendarDate } from '../../core/calendar-date.js';
import { validateCreditorReference } from '../../core/references/creditor-reference.js';
import { validateOgm } from '../../core/references/ogm.js';
import { isValidBelgianEnterpriseNumber, isValidDutchVatNumber } from './check-digits.js';
import type { DemoCollector } from './demo-debtors.js';
import {
  type DemoChunk,
  type DemoPortfolioSpec,
  demoOrganisation,
  generateDemoChunks,
} from './demo-generator.js';

const today = '2026-03-16' as CalendarDate;
const spec: DemoPortfolioSpec = {
  profile: 'installation-nl',
  seed: 1,
  orgSlug: 'van-der-berg',
  debtors: 300,
  invoices: 2000,
  today,
};
const collectors: DemoCollector[] = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'Sanne de Wit', role: 'senior_collector' },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Thijs Bakker', role: 'collector' },
  { id: '00000000-0000-4000-8000-000000000003', name: 'Fatima El Amrani', role: 'collector' },
];

function generate(overrides: Partial<DemoPortfolioSpec> = {}, chunkSize = 100) {
  const s = { ...spec, ...overrides };
  const org = demoOrganisation(s);
  const hash = createHash('sha256').update(JSON.stringify(org));
  const all: DemoChunk = {
    debtors: [],
    contacts: [],
    invoices: [],
    payments: [],
    allocations: [],
    disputes: [],
    timeline: [],
  };
  let chunks = 0;
  for (const chunk of generateDemoChunks(s, { orgId: org.id, collectors, chunkSize })) {
    chunks++;
    // Hash row by row: the chunking must not matter.
    for (const [table, rows] of Object.entries(chunk)) {
      for (const row of rows as unknown[]) hash.update(`${table}:${JSON.stringify(row)}\n`);
      (all[table as keyof DemoChunk] as unknown[]).push(...(rows as unknown[]));
    }
  }
  return { org, all, chunks, digest: hash.digest('hex') };
}

describe('demo portfolio generator', () => {
  const first = generate();

  it('is deterministic: the same seed gives the same rows, whatever the chunk size', () => {
    const again = generate();
    expect(again.digest).toBe(first.digest);
    const otherChunks = generate({}, 7);
    expect(otherChunks.chunks).toBeGreaterThan(first.chunks);
    const sortRows = (c: DemoChunk) => JSON.stringify(Object.values(c).map((rows) => rows.length));
    expect(sortRows(otherChunks.all)).toBe(sortRows(first.all));
    expect(JSON.stringify(otherChunks.all.invoices)).toBe(JSON.stringify(first.all.invoices));
    expect(generate({ seed: 2 }).digest).not.toBe(first.digest);
  });

  it('makes exactly the requested numbers of debtors and invoices, with unique ids and numbers', () => {
    const { all } = first;
    expect(all.debtors).toHaveLength(300);
    expect(all.invoices.filter((i) => i.kind === 'invoice')).toHaveLength(2000);
    for (const rows of [
      all.debtors,
      all.contacts,
      all.invoices,
      all.payments,
      all.allocations,
      all.disputes,
    ]) {
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    }
    expect(new Set(all.invoices.map((i) => `${i.kind}:${i.number}`)).size).toBe(all.invoices.length);
    // Deterministic ids are RFC 9562 version-8 UUIDs, which the API's z.uuid() accepts.
    for (const row of [first.org, ...all.debtors, ...all.invoices, ...all.payments]) {
      expect(z.uuid().safeParse(row.id).success, row.id).toBe(true);
    }
    expect(new Set(all.debtors.map((d) => d.number)).size).toBe(300);
    expect(
      generate({ debtors: 40, invoices: 25 }).all.invoices.filter((i) => i.kind === 'invoice'),
    ).toHaveLength(25);
  });

  it('has a realistic mix of debtors: B2B and B2C, NL and BE, nl/fr/en, segments, collectors', () => {
    const { debtors } = first.all;
    const share = (predicate: (d: (typeof debtors)[number]) => boolean) =>
      debtors.filter(predicate).length / debtors.length;
    expect(share((d) => d.kind === 'consumer')).toBeGreaterThan(0.15);
    expect(share((d) => d.kind === 'business')).toBeGreaterThan(0.5);
    expect(share((d) => d.country === 'BE')).toBeGreaterThan(0.1);
    expect(share((d) => d.language === 'fr')).toBeGreaterThan(0.02);
    expect(debtors.some((d) => d.country === 'BE' && d.language === 'nl')).toBe(true);
    expect(new Set(debtors.map((d) => d.segment))).toEqual(
      new Set(['MKB', 'Groot zakelijk', 'Overheid', 'Particulier']),
    );
    expect(share((d) => d.assignedCollectorId !== null)).toBeGreaterThan(0.8);
    expect(share((d) => (d.tags?.length ?? 0) > 0)).toBeGreaterThan(0.2);
    for (const d of debtors.filter((x) => x.kind === 'consumer')) expect(d.vatNumber).toBeNull();
  });

  it('gives every debtor a collections contact with valid E.164 numbers and call preferences', () => {
    const { debtors, contacts } = first.all;
    const collectionsContacts = new Set(
      contacts.filter((c) => c.isCollectionsContact).map((c) => c.debtorId),
    );
    for (const d of debtors) expect(collectionsContacts.has(d.id)).toBe(true);
    for (const c of contacts) {
      for (const phone of [c.phone, c.mobile]) {
        if (phone) expect(isValidPhoneNumber(phone), phone).toBe(true);
        if (phone) expect(phone).toMatch(/^\+3[12]\d{8,9}$/);
      }
      if (c.phoneExtension) expect(c.phoneExtension).toMatch(/^\d{3}$/);
    }
    for (const d of debtors) if (d.phone) expect(isValidPhoneNumber(d.phone), d.phone).toBe(true);
    expect(contacts.filter((c) => c.gatekeeperNotes).length).toBeGreaterThan(30);
    expect(contacts.filter((c) => (c.preferredCallDays?.length ?? 0) > 0).length).toBeGreaterThan(100);
    expect(contacts.some((c) => c.role === 'Crediteurenadministratie')).toBe(true);
  });

  it('generates valid IBANs, VAT and company numbers and payment references', () => {
    const { org, all } = first;
    expect(isValidIBAN(org.iban ?? '')).toBe(true);
    expect(isValidDutchVatNumber(org.vatNumber ?? '')).toBe(true);
    for (const p of all.payments)
      expect(isValidIBAN(p.counterpartyIban ?? ''), p.counterpartyIban ?? '').toBe(true);
    for (const d of all.debtors) {
      if (!d.vatNumber) continue;
      if (d.country === 'NL') {
        expect(isValidDutchVatNumber(d.vatNumber), d.vatNumber).toBe(true);
        expect(d.companyNumber).toMatch(/^\d{8}$/);
      } else {
        expect(isValidBelgianEnterpriseNumber(d.vatNumber), d.vatNumber).toBe(true);
        expect(isValidBelgianEnterpriseNumber(d.companyNumber ?? ''), d.companyNumber ?? '').toBe(true);
      }
      if (d.country === 'NL') expect(d.postalCode).toMatch(/^\d{4} [A-Z]{2}$/);
      else expect(d.postalCode).toMatch(/^\d{4}$/);
    }
    for (const i of all.invoices.filter((x) => x.kind === 'invoice')) {
      expect(validateCreditorReference(i.paymentReference ?? '').ok, i.paymentReference ?? '').toBe(true);
    }
    const belgian = generate({
      profile: 'facility-be',
      orgSlug: 'peeters-claes',
      debtors: 30,
      invoices: 150,
    });
    expect(isValidIBAN(belgian.org.iban ?? '')).toBe(true);
    expect(isValidBelgianEnterpriseNumber(belgian.org.vatNumber ?? '')).toBe(true);
    for (const i of belgian.all.invoices.filter((x) => x.kind === 'invoice')) {
      expect(validateOgm(i.paymentReference ?? '').ok, i.paymentReference ?? '').toBe(true);
      expect(i.paymentReference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    }
  });

  it('has on-time, late, disputed and partially paid invoices, all dated before today', () => {
    const { invoices, payments, allocations, disputes, timeline } = first.all;
    const documents = invoices.filter((i) => i.kind === 'invoice');
    const overdue = documents.filter(
      (i) => i.openCents > 0 && i.dueDate < today && i.status !== 'written_off',
    );
    expect(overdue.length / documents.length).toBeGreaterThan(0.05);
    expect(overdue.length / documents.length).toBeLessThan(0.3);
    expect(documents.filter((i) => i.status === 'paid').length / documents.length).toBeGreaterThan(0.6);
    expect(documents.filter((i) => i.status === 'disputed').length).toBeGreaterThan(3);
    expect(documents.filter((i) => i.status === 'partially_paid').length).toBeGreaterThan(3);
    expect(disputes.filter((d) => d.status === 'open').length).toBe(
      documents.filter((i) => i.status === 'disputed').length,
    );
    expect(invoices.filter((i) => i.kind === 'credit_note').length).toBeGreaterThan(10);
    expect(new Set(documents.map((i) => i.paymentTermDays))).toEqual(new Set([14, 30, 60]));
    for (const i of invoices) {
      expect(i.issueDate < today).toBe(true);
      expect(i.issueDate >= '2025-01-01').toBe(true);
      expect(Math.abs(i.openCents)).toBeLessThanOrEqual(Math.abs(i.totalCents));
      if (i.kind === 'credit_note') expect(i.totalCents).toBeLessThan(0);
    }
    for (const p of payments) expect(p.date < today).toBe(true);
    for (const e of timeline) expect(e.occurredAt < `${today}T00:00`).toBe(true);
    expect(documents.some((i) => i.orderDescription && i.deliveryNotes && i.salesAgreementNotes)).toBe(true);

    // Allocations add up: what was paid on each document is its total minus what is still open.
    const allocated = new Map<string, number>();
    for (const a of allocations)
      allocated.set(a.invoiceId, (allocated.get(a.invoiceId) ?? 0) + a.amountCents);
    for (const i of invoices) {
      expect(allocated.get(i.id) ?? 0, i.number).toBe(i.totalCents - i.openCents);
    }
    const paymentTotals = new Map<string, number>();
    for (const a of allocations)
      paymentTotals.set(a.paymentId, (paymentTotals.get(a.paymentId) ?? 0) + a.amountCents);
    for (const p of payments) {
      if (p.status === 'unmatched') expect(paymentTotals.has(p.id)).toBe(false);
      else expect(paymentTotals.get(p.id), p.id).toBe(p.amountCents);
    }
  });

  it('uses VAT rates by country: 21/9/0 % NL, 21/6 % BE, reverse charge across the border', () => {
    const rates = new Set<number>();
    const { invoices, debtors } = first.all;
    const countryOf = new Map(debtors.map((d) => [d.id, d] as const));
    for (const i of invoices.filter((x) => x.kind === 'invoice')) {
      const vat = i.vatCents ?? 0;
      const rate = Math.round((vat / (i.totalCents - vat)) * 100);
      rates.add(rate);
      const debtor = countryOf.get(i.debtorId);
      if (debtor?.country === 'BE' && debtor.kind === 'business') expect(rate).toBe(0);
    }
    expect(rates).toEqual(new Set([0, 6, 9, 21]));
  });
});
