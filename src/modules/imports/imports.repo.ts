import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Country, DocumentKind, Language, TimelineKind } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { importMappings, importRuns } from '../../db/schema/index.js';
import type { TimelineEntry } from '../ledger/timeline.repo.js';
import type { ColumnMapping, ImportError } from './imports.schemas.js';
import type { ExistingInvoice, InvoiceRecord } from './invoice-changes.js';
import type { ContactInput, DebtorInput } from './row-validation.js';

/**
 * Set-based SQL for imports: every function takes a whole batch as one JSON parameter
 * (json_to_recordset), so a batch costs a handful of round trips whatever its size.
 */

async function rows<T>(tx: Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

const DEBTOR_COLUMNS = sql.raw(`number text, name text, kind debtor_kind, country country, language language,
  company_number text, vat_number text, address_line text, postal_code text, city text, email text,
  phone text, payment_term_days integer, credit_limit_cents bigint, segment text`);

const UPDATABLE_DEBTOR_FIELDS = [
  'name',
  'kind',
  'country',
  'language',
  'company_number',
  'vat_number',
  'address_line',
  'postal_code',
  'city',
  'email',
  'phone',
  'payment_term_days',
  'credit_limit_cents',
  'segment',
] as const;

function debtorJson(d: DebtorInput) {
  return {
    number: d.number,
    name: d.name ?? null,
    kind: d.kind ?? null,
    country: d.country ?? null,
    language: d.language ?? null,
    company_number: d.companyNumber ?? null,
    vat_number: d.vatNumber ?? null,
    address_line: d.addressLine ?? null,
    postal_code: d.postalCode ?? null,
    city: d.city ?? null,
    email: d.email ?? null,
    phone: d.phone ?? null,
    payment_term_days: d.paymentTermDays ?? null,
    credit_limit_cents: d.creditLimitCents ?? null,
    segment: d.segment ?? null,
  };
}

export type DebtorWrite = { id: string; number: string; fields: string[] };

/**
 * Updates existing debtors with the values given (a missing value keeps what is stored) where
 * something differs, then inserts the new ones that have a name. One number per input.
 */
export async function upsertDebtors(
  tx: Db,
  params: {
    orgId: string;
    defaultCountry: Country;
    defaultLanguage: Language;
    debtors: readonly DebtorInput[];
  },
): Promise<{ created: DebtorWrite[]; updated: DebtorWrite[] }> {
  const { orgId, debtors } = params;
  if (debtors.length === 0) return { created: [], updated: [] };
  const input = json(debtors.map(debtorJson));
  // The CTE reads the rows as they were, so the changed fields can be named. The planner takes
  // json_to_recordset for 100 rows and would hash-join it against a scan of all the organisation's
  // debtors (quadratic over a large import); `= any(array(…))` makes it an (org_id, number) index scan.
  const changed = (f: string) => `(i.${f} is not null and i.${f} is distinct from d.${f})`;
  const updated = await rows<{ id: string; number: string; fields: string }>(
    tx,
    sql`with i as (select * from json_to_recordset(${input}) as i(${DEBTOR_COLUMNS})),
    changed as (
      select d.id, ${sql.raw(UPDATABLE_DEBTOR_FIELDS.map((f) => `coalesce(i.${f}, d.${f}) as ${f}`).join(', '))},
        concat_ws(',', ${sql.raw(UPDATABLE_DEBTOR_FIELDS.map((f) => `case when ${changed(f)} then '${f}' end`).join(', '))}) as fields
      from i join debtors d on d.org_id = ${orgId} and d.number = i.number
      where d.number = any(array(select number from i)) and (${sql.raw(UPDATABLE_DEBTOR_FIELDS.map(changed).join(' or '))})
    )
    update debtors d set
      ${sql.raw(UPDATABLE_DEBTOR_FIELDS.map((f) => `${f} = c.${f}`).join(', '))},
      updated_at = now()
    from changed c
    where d.id = c.id
    returning d.id, d.number, c.fields`,
  );
  const created = await rows<{ id: string; number: string }>(
    tx,
    sql`insert into debtors (org_id, number, name, kind, country, language, company_number, vat_number,
        address_line, postal_code, city, email, phone, payment_term_days, credit_limit_cents, segment)
      select ${orgId}, i.number, i.name, coalesce(i.kind, 'business'), coalesce(i.country, ${params.defaultCountry}::country),
        coalesce(i.language, ${params.defaultLanguage}::language), i.company_number, i.vat_number, i.address_line,
        i.postal_code, i.city, i.email, i.phone, i.payment_term_days, i.credit_limit_cents, i.segment
      from json_to_recordset(${input}) as i(${DEBTOR_COLUMNS})
      where i.name is not null
      on conflict (org_id, number) do nothing
      returning id, number`,
  );
  return {
    created: created.map((d) => ({ ...d, fields: [] })),
    updated: updated.map((d) => ({
      id: d.id,
      number: d.number,
      fields: d.fields.split(',').filter(Boolean),
    })),
  };
}

export type DebtorRef = { id: string; paymentTermDays: number | null };

export async function findDebtors(
  tx: Db,
  orgId: string,
  numbers: readonly string[],
): Promise<Map<string, DebtorRef>> {
  if (numbers.length === 0) return new Map();
  const found = await rows<DebtorRef & { number: string }>(
    tx,
    sql`select id, number, payment_term_days as "paymentTermDays" from debtors
      where org_id = ${orgId} and number = any(array(select json_array_elements_text(${json(numbers)})))`,
  );
  return new Map(found.map((d) => [d.number, { id: d.id, paymentTermDays: d.paymentTermDays }]));
}

/** Debtor numbers of existing debtors with one of these VAT or company numbers (for e-invoices). */
export async function findDebtorNumbersByIdentifier(
  tx: Db,
  orgId: string,
  identifiers: readonly string[],
): Promise<Map<string, string>> {
  if (identifiers.length === 0) return new Map();
  const found = await rows<{ identifier: string; number: string }>(
    tx,
    sql`select distinct on (k.identifier) k.identifier, d.number
      from json_array_elements_text(${json(identifiers)}) as k(identifier)
      join debtors d on d.org_id = ${orgId} and (d.vat_number = k.identifier or d.company_number = k.identifier)
      order by k.identifier, d.created_at`,
  );
  return new Map(found.map((d) => [d.identifier, d.number]));
}

export type ContactWrite = { id: string; debtorId: string; name: string; added: boolean };

/** Adds contacts a debtor does not have yet (by name) and fills in or corrects their details. */
export async function upsertContacts(
  tx: Db,
  orgId: string,
  contacts: readonly (ContactInput & { debtorId: string })[],
): Promise<ContactWrite[]> {
  if (contacts.length === 0) return [];
  const input = json(
    contacts.map((c) => ({
      debtor_id: c.debtorId,
      name: c.name,
      role: c.role ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      phone_extension: c.phoneExtension ?? null,
    })),
  );
  const columns = sql.raw(
    'debtor_id uuid, name text, role text, email text, phone text, phone_extension text',
  );
  const updated = await rows<Omit<ContactWrite, 'added'>>(
    tx,
    sql`update contacts c set role = coalesce(i.role, c.role), email = coalesce(i.email, c.email),
        phone = coalesce(i.phone, c.phone), phone_extension = coalesce(i.phone_extension, c.phone_extension)
      from json_to_recordset(${input}) as i(${columns})
      where c.org_id = ${orgId} and c.debtor_id = i.debtor_id and lower(c.name) = lower(i.name)
        and (c.role, c.email, c.phone, c.phone_extension) is distinct from
            (coalesce(i.role, c.role), coalesce(i.email, c.email), coalesce(i.phone, c.phone),
             coalesce(i.phone_extension, c.phone_extension))
      returning c.id, c.debtor_id as "debtorId", c.name`,
  );
  const added = await rows<Omit<ContactWrite, 'added'>>(
    tx,
    sql`insert into contacts (org_id, debtor_id, name, role, email, phone, phone_extension)
      select ${orgId}, i.debtor_id, i.name, i.role, i.email, i.phone, i.phone_extension
      from json_to_recordset(${input}) as i(${columns})
      where not exists (select 1 from contacts c
        where c.org_id = ${orgId} and c.debtor_id = i.debtor_id and lower(c.name) = lower(i.name))
      returning id, debtor_id as "debtorId", name`,
  );
  return [...added.map((c) => ({ ...c, added: true })), ...updated.map((c) => ({ ...c, added: false }))];
}

export async function findExistingInvoices(
  tx: Db,
  orgId: string,
  keys: readonly { kind: DocumentKind; number: string }[],
): Promise<ExistingInvoice[]> {
  if (keys.length === 0) return [];
  return rows<ExistingInvoice>(
    tx,
    sql`select i.id, i.kind, i.number, i.debtor_id as "debtorId",
        (select d.number from debtors d where d.id = i.debtor_id) as "debtorNumber", i.issue_date::text as "issueDate",
        i.due_date::text as "dueDate", i.payment_term_days as "paymentTermDays", i.currency,
        i.total_cents as "totalCents", i.vat_cents as "vatCents", i.open_cents as "openCents",
        i.payment_reference as "paymentReference", i.order_description as "orderDescription",
        i.credited_invoice_number as "creditedInvoiceNumber", i.status,
        coalesce((select sum(a.amount_cents) from allocations a
          where a.org_id = i.org_id and a.invoice_id = i.id), 0)::bigint as "allocatedCents"
      from json_to_recordset(${json(keys)}) as k(kind document_kind, number text)
      join invoices i on i.org_id = ${orgId} and i.kind = k.kind and i.number = k.number`,
  );
}

export type InvoiceWrite = {
  record: InvoiceRecord;
  /** The timeline event the write records (one per new or changed invoice: the audit rule). */
  event: { kind: TimelineKind; summary: string; data: Record<string, unknown> };
};

/**
 * Inserts new and updates changed invoices and appends their timeline events, in one statement:
 * the events join the upsert's RETURNING, so an invoice that was not written (its number belongs to
 * another debtor) gets no event. Never moves an invoice to another debtor.
 */
export async function upsertInvoices(
  tx: Db,
  params: {
    orgId: string;
    source: string;
    actor: { label: string; userId: string | null };
    writes: readonly InvoiceWrite[];
  },
): Promise<{ id: string; kind: DocumentKind; number: string }[]> {
  if (params.writes.length === 0) return [];
  const input = json(
    params.writes.map(({ record: r, event: e }, ord) => ({
      ord,
      debtor_id: r.debtorId,
      kind: r.kind,
      number: r.number,
      issue_date: r.issueDate,
      due_date: r.dueDate,
      payment_term_days: r.paymentTermDays,
      currency: r.currency,
      total_cents: r.totalCents,
      vat_cents: r.vatCents,
      open_cents: r.openCents,
      payment_reference: r.paymentReference,
      order_description: r.orderDescription,
      credited_invoice_number: r.creditedInvoiceNumber,
      status: r.status,
      event_kind: e.kind,
      summary: e.summary,
      data: e.data,
    })),
  );
  return rows(
    tx,
    sql`with r as (
      select * from json_to_recordset(${input}) as r(debtor_id uuid, kind document_kind,
        number text, issue_date date, due_date date, payment_term_days integer, currency text,
        total_cents bigint, vat_cents bigint, open_cents bigint, payment_reference text,
        order_description text, credited_invoice_number text, status invoice_status, event_kind text,
        summary text, data jsonb, ord integer)
    ),
    written as (
      insert into invoices as inv (org_id, debtor_id, kind, number, issue_date, due_date, payment_term_days,
        currency, total_cents, vat_cents, open_cents, payment_reference, order_description,
        credited_invoice_number, status, source)
      select ${params.orgId}, r.debtor_id, r.kind, r.number, r.issue_date, r.due_date, r.payment_term_days,
        r.currency, r.total_cents, r.vat_cents, r.open_cents, r.payment_reference, r.order_description,
        r.credited_invoice_number, r.status, ${params.source}
      from r
      on conflict (org_id, kind, number) do update set
        issue_date = excluded.issue_date, due_date = excluded.due_date,
        payment_term_days = excluded.payment_term_days, currency = excluded.currency,
        total_cents = excluded.total_cents, vat_cents = excluded.vat_cents, open_cents = excluded.open_cents,
        payment_reference = excluded.payment_reference, order_description = excluded.order_description,
        credited_invoice_number = excluded.credited_invoice_number, status = excluded.status,
        updated_at = now()
      where inv.debtor_id = excluded.debtor_id
      returning id, kind, number, debtor_id
    ),
    events as (
      insert into timeline_events (org_id, debtor_id, invoice_id, kind, actor_user_id, actor_label, summary, data)
      select ${params.orgId}, w.debtor_id, w.id, r.event_kind, ${params.actor.userId}::uuid, ${params.actor.label},
        r.summary, r.data
      from written w join r on r.kind = w.kind and r.number = w.number
      order by r.ord
    )
    select id, kind, number from written`,
  );
}

/**
 * appendTimeline for thousands of events at once: the same rows, sent as one JSON parameter. With
 * a multi-row VALUES list (8 parameters per event) a batch of 4,000 events took over a second.
 */
export async function appendTimelineSet(tx: Db, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const input = json(
    entries.map((e) => ({
      org_id: e.orgId,
      debtor_id: e.debtorId,
      invoice_id: e.invoiceId ?? null,
      kind: e.kind,
      actor_user_id: e.actorUserId ?? null,
      actor_label: e.actorLabel,
      summary: e.summary,
      data: e.data ?? null,
    })),
  );
  await tx.execute(
    sql`insert into timeline_events (org_id, debtor_id, invoice_id, kind, actor_user_id, actor_label, summary, data)
      select org_id, debtor_id, invoice_id, kind, actor_user_id, actor_label, summary, data
      from json_to_recordset(${input}) as e(org_id uuid, debtor_id uuid, invoice_id uuid, kind text,
        actor_user_id uuid, actor_label text, summary text, data jsonb)`,
  );
}

/**
 * Refreshes the planner's statistics of the tables an import grows. A large import into a young
 * organisation outruns autovacuum, and plans made for a nearly empty table turn every batch into
 * full scans; a sampled ANALYZE costs a fraction of a second.
 */
export async function refreshImportStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze debtors, invoices, contacts`);
}

export async function startImportRun(
  db: Db,
  params: { orgId: string; kind: string; fileName: string; userId?: string | null | undefined },
): Promise<string> {
  const [run] = await db
    .insert(importRuns)
    .values({
      orgId: params.orgId,
      kind: params.kind,
      fileName: params.fileName,
      userId: params.userId ?? null,
    })
    .returning({ id: importRuns.id });
  if (!run) throw new Error('import run not recorded');
  return run.id;
}

export async function finishImportRun(
  db: Db,
  id: string,
  outcome: { imported: number; updated: number; unchanged: number; rejected: number; errors: ImportError[] },
): Promise<void> {
  await db
    .update(importRuns)
    .set({ ...outcome, finishedAt: sql`now()` })
    .where(eq(importRuns.id, id));
}

export async function findImportRuns(db: Db, orgId: string, limit = 50) {
  return db
    .select()
    .from(importRuns)
    .where(eq(importRuns.orgId, orgId))
    .orderBy(desc(importRuns.startedAt))
    .limit(limit);
}

export async function findSavedMapping(
  db: Db,
  orgId: string,
  kind: string,
): Promise<ColumnMapping | undefined> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.orgId, orgId), eq(importMappings.kind, kind)));
  return row?.mapping as ColumnMapping | undefined;
}

export async function saveMapping(
  db: Db,
  orgId: string,
  kind: string,
  mapping: ColumnMapping,
): Promise<void> {
  const value = mapping as Record<string, string>;
  await db
    .insert(importMappings)
    .values({ orgId, kind, mapping: value })
    .onConflictDoUpdate({
      target: [importMappings.orgId, importMappings.kind],
      set: { mapping: value, updatedAt: sql`now()` },
    });
}
