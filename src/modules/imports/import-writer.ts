import { addDays, type CalendarDate } from '../../core/calendar-date.js';
import type { Country, Language } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { refreshDebtorBalances } from '../ledger/balances.repo.js';
import type { TimelineEntry } from '../ledger/timeline.repo.js';
import {
  appendTimelineSet,
  type DebtorWrite,
  findDebtors,
  findExistingInvoices,
  type InvoiceWrite,
  upsertContacts,
  upsertDebtors,
  upsertInvoices,
} from './imports.repo.js';
import type { ImportError, ImportKind } from './imports.schemas.js';
import { describePlan, type InvoicePlan, planInvoice } from './invoice-changes.js';
import type { ContactInput, DebtorInput, ValidRow } from './row-validation.js';

/**
 * Writes one batch of checked rows in one transaction: debtors and contacts, then the invoices
 * (insert new, update changed, skip unchanged), their timeline events and the debtors' balances.
 * Either the whole batch is written or none of it.
 */

export type ImportActor = { userId?: string | null | undefined; label: string };

export type WriteContext = {
  db: Db;
  org: { id: string; country: Country; defaultLanguage: Language };
  today: CalendarDate;
  actor: ImportActor;
  /** Stored on invoices: where they came from ('csv', 'ubl'). */
  source: string;
};

export type BatchRow = { file: string; row: number; value: ValidRow };
type KnownRow = BatchRow & { debtorId: string; debtorTermDays: number | null };
export type BatchOutcome = { imported: number; updated: number; unchanged: number; errors: ImportError[] };

export async function writeBatch(
  ctx: WriteContext,
  kind: ImportKind,
  batch: readonly BatchRow[],
): Promise<BatchOutcome> {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const outcome: BatchOutcome = { imported: 0, updated: 0, unchanged: 0, errors: [] };
    const timeline: TimelineEntry[] = [];
    const event = (
      debtorId: string,
      entry: Omit<TimelineEntry, 'orgId' | 'debtorId' | 'actorLabel' | 'actorUserId'>,
    ) =>
      timeline.push({
        orgId: ctx.org.id,
        debtorId,
        actorLabel: ctx.actor.label,
        actorUserId: ctx.actor.userId ?? null,
        ...entry,
      });

    const debtorWrites = await upsertDebtors(tx, {
      orgId: ctx.org.id,
      defaultCountry: ctx.org.country,
      defaultLanguage: ctx.org.defaultLanguage,
      debtors: mergeDebtors(batch.map((r) => r.value.debtor)),
    });
    for (const d of debtorWrites.created)
      event(d.id, { kind: 'debtor_created', summary: `Debtor ${d.number} created by import` });
    for (const d of debtorWrites.updated)
      event(d.id, {
        kind: 'debtor_updated',
        summary: `Debtor ${d.number} updated by import: ${d.fields.join(', ').replace(/_/g, ' ')}`,
        data: { fields: d.fields },
      });

    const debtorRefs = await findDebtors(tx, ctx.org.id, [
      ...new Set(batch.map((r) => r.value.debtor.number)),
    ]);
    const known: KnownRow[] = [];
    for (const r of batch) {
      const ref = debtorRefs.get(r.value.debtor.number);
      if (ref) known.push({ ...r, debtorId: ref.id, debtorTermDays: ref.paymentTermDays });
      else
        outcome.errors.push({
          file: r.file,
          row: r.row,
          field: kind === 'debtors' ? 'debtor_name' : 'debtor_number',
          message: `unknown debtor "${r.value.debtor.number}": not in Collectdesk and the row does not give its name`,
        });
    }

    const contactWrites = await upsertContacts(tx, ctx.org.id, mergeContacts(known));
    for (const c of contactWrites)
      event(c.debtorId, {
        kind: c.added ? 'contact_added' : 'contact_updated',
        summary: `Contact ${c.name} ${c.added ? 'added' : 'updated'} by import`,
      });

    // Debtor and contact events first: the invoices' events are written with the invoices.
    await appendTimelineSet(tx, timeline);
    const touched = new Set(timeline.map((e) => e.debtorId));
    if (kind === 'debtors') countDebtorRows(known, debtorWrites, contactWrites, outcome);
    else for (const id of await writeInvoices(tx, ctx, known, outcome)) touched.add(id);

    await refreshDebtorBalances(tx, { orgId: ctx.org.id, today: ctx.today, debtorIds: [...touched] });
    return outcome;
  });
}

async function writeInvoices(
  tx: Db,
  ctx: WriteContext,
  rows: readonly KnownRow[],
  outcome: BatchOutcome,
): Promise<Set<string>> {
  const withInvoice = rows.filter((r) => r.value.invoice);
  const existing = await findExistingInvoices(
    tx,
    ctx.org.id,
    withInvoice.map((r) => ({
      kind: r.value.invoice?.kind ?? 'invoice',
      number: r.value.invoice?.number ?? '',
    })),
  );
  const existingByKey = new Map(existing.map((e) => [`${e.kind}\u0000${e.number}`, e]));
  const planned: { row: BatchRow; plan: Extract<InvoicePlan, { outcome: 'new' | 'changed' }> }[] = [];
  for (const r of withInvoice) {
    const given = r.value.invoice;
    if (!given) continue;
    // Without a due date or term in the file, the debtor's agreed term applies.
    const invoice =
      given.isDueDateDefaulted && r.debtorTermDays !== null
        ? { ...given, dueDate: addDays(given.issueDate, r.debtorTermDays), paymentTermDays: r.debtorTermDays }
        : given;
    const plan = planInvoice(
      invoice,
      r.debtorId,
      existingByKey.get(`${invoice.kind}\u0000${invoice.number}`),
    );
    if (plan.outcome === 'other_debtor') {
      outcome.errors.push({
        file: r.file,
        row: r.row,
        field: 'number',
        message: `${invoice.kind === 'credit_note' ? 'credit note' : 'invoice'} ${invoice.number} was already imported for another debtor (${plan.existing.debtorNumber ?? plan.existing.debtorId}), not for "${invoice.debtorNumber}"`,
      });
    } else if (plan.outcome === 'unchanged') outcome.unchanged++;
    else planned.push({ row: r, plan });
  }
  const written = await upsertInvoices(tx, {
    orgId: ctx.org.id,
    source: ctx.source,
    actor: { label: ctx.actor.label, userId: ctx.actor.userId ?? null },
    writes: planned.map(({ plan }) => ({ record: plan.record, event: invoiceEvent(plan) })),
  });
  const touched = new Set<string>();
  const ids = new Map(written.map((w) => [`${w.kind}\u0000${w.number}`, w.id]));
  for (const { row, plan } of planned) {
    const r = plan.record;
    const id = ids.get(`${r.kind}\u0000${r.number}`);
    if (!id) {
      // Another import gave the number to another debtor after we looked.
      outcome.errors.push({
        file: row.file,
        row: row.row,
        field: 'number',
        message: `${r.number} belongs to another debtor`,
      });
      continue;
    }
    if (plan.outcome === 'new') outcome.imported++;
    else outcome.updated++;
    touched.add(r.debtorId);
  }
  return touched;
}

function invoiceEvent(plan: Extract<InvoicePlan, { outcome: 'new' | 'changed' }>): InvoiceWrite['event'] {
  const r = plan.record;
  return {
    kind:
      plan.outcome === 'changed'
        ? 'invoice_updated'
        : r.kind === 'credit_note'
          ? 'credit_note_imported'
          : 'invoice_imported',
    summary: describePlan(plan),
    data:
      plan.outcome === 'changed'
        ? { number: r.number, changes: plan.changes }
        : { number: r.number, totalCents: r.totalCents, currency: r.currency, dueDate: r.dueDate },
  };
}

function countDebtorRows(
  rows: readonly (BatchRow & { debtorId: string })[],
  debtors: { created: DebtorWrite[]; updated: DebtorWrite[] },
  contacts: readonly { debtorId: string }[],
  outcome: BatchOutcome,
): void {
  const created = new Set(debtors.created.map((d) => d.id));
  const updated = new Set([...debtors.updated.map((d) => d.id), ...contacts.map((c) => c.debtorId)]);
  const counted = new Set<string>();
  for (const r of rows) {
    if (counted.has(r.debtorId)) outcome.unchanged++;
    else if (created.has(r.debtorId)) outcome.imported++;
    else if (updated.has(r.debtorId)) outcome.updated++;
    else outcome.unchanged++;
    counted.add(r.debtorId);
  }
}

/** One input per debtor number; later rows fill in and override what earlier rows said. */
export function mergeDebtors(debtors: readonly DebtorInput[]): DebtorInput[] {
  const merged = new Map<string, DebtorInput>();
  for (const d of debtors) {
    if (Object.keys(d).length === 1) continue; // only a reference to the debtor
    merged.set(d.number, { ...merged.get(d.number), ...d });
  }
  return [...merged.values()];
}

function mergeContacts(
  rows: readonly (BatchRow & { debtorId: string })[],
): (ContactInput & { debtorId: string })[] {
  const merged = new Map<string, ContactInput & { debtorId: string }>();
  for (const r of rows) {
    const c = r.value.contact;
    if (!c) continue;
    const key = `${r.debtorId}\u0000${c.name.toLowerCase()}`;
    merged.set(key, { ...merged.get(key), ...c, debtorId: r.debtorId });
  }
  return [...merged.values()];
}
