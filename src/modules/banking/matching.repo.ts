import { sql } from 'drizzle-orm';
import { json, rows } from '../../db/batch-sql.js';
import type { Db } from '../../db/client.js';
import type { LedgerItem } from '../allocations/allocation-writes.js';

/**
 * The set-based lookups of the matching: every function takes the keys of a whole batch of entries
 * as one JSON parameter and joins them to invoices, payments or debtors by index. Invoices are
 * read without row locks: MatchWrites.flush updates an invoice only if it is still as read and
 * otherwise fails the batch, which runs again (a lock per found invoice was ~40% of a lookup).
 */

/** `n`: the position of the key that found the item in the list it was looked up in. */
export type InvoiceHit = LedgerItem & { n: number };

const ITEM_COLUMNS = sql.raw(`i.id, i.debtor_id as "debtorId", i.number, i.kind, i.open_cents as "openCents",
  i.total_cents as "totalCents", i.due_date as "dueDate", i.currency, i.status`);

export type NamedCandidates = {
  byReference: InvoiceHit[];
  byNumber: InvoiceHit[];
  /** The open credit notes of every debtor found by a key: a payment may be offset against them. */
  creditNotes: LedgerItem[];
  debtorsOfIban: { iban: string; debtorId: string }[];
};

type CandidateRow = LedgerItem & {
  source: 'reference' | 'number' | 'credit_note' | 'iban';
  n: number;
  iban: string;
};

/**
 * What a batch's entries name, in one statement: the invoices and credit notes (not written off)
 * whose payment-reference key or invoice-number key equals a key (an index lookup per key list,
 * the keys by position), the open credit notes of the debtors found, and the debtors each
 * counterparty IBAN paid for before (payments allocated to them, not taken back).
 */
export async function findNamedCandidates(
  tx: Db,
  params: {
    orgId: string;
    referenceKeys: readonly string[];
    numberKeys: readonly string[];
    ibans: readonly string[];
  },
): Promise<NamedCandidates> {
  const found: NamedCandidates = { byReference: [], byNumber: [], creditNotes: [], debtorsOfIban: [] };
  const { orgId, referenceKeys, numberKeys, ibans } = params;
  if (referenceKeys.length + numberKeys.length + ibans.length === 0) return found;
  const result = await rows<CandidateRow>(
    tx,
    sql`with hits as materialized (
      select 'reference' as source, (k.n - 1)::int as n, ${ITEM_COLUMNS}
      from json_array_elements_text(${json(referenceKeys)}) with ordinality as k(key, n)
      join invoices i on i.org_id = ${orgId} and i.payment_reference_key = k.key
      where i.status <> 'written_off'
      union all
      select 'number', (k.n - 1)::int, ${ITEM_COLUMNS}
      from json_array_elements_text(${json(numberKeys)}) with ordinality as k(key, n)
      join invoices i on i.org_id = ${orgId} and i.number_key = k.key
      where i.status <> 'written_off'
    )
    select h.*, null::text as iban from hits h
    union all
    select 'credit_note', null, ${ITEM_COLUMNS}, null
    from invoices i
    where i.org_id = ${orgId} and i.kind = 'credit_note' and i.open_cents <> 0 and i.status <> 'written_off'
      and i.debtor_id in (select h."debtorId" from hits h)
      -- Evaluated once: most batches meet no open credit note, and then no debtor is probed.
      and exists (select from invoices c where c.org_id = ${orgId} and c.kind = 'credit_note'
        and c.open_cents <> 0 and c.status <> 'written_off')
    union all
    (select distinct 'iban', null::int, null::uuid, p.debtor_id, null::text, null::document_kind,
        null::bigint, null::bigint, null::date, null::text, null::invoice_status, p.counterparty_iban
      from json_array_elements_text(${json(ibans)}) as k(iban)
      join payments p on p.org_id = ${orgId} and p.counterparty_iban = k.iban and p.debtor_id is not null
      where p.status in ('allocated', 'partially_allocated'))`,
  );
  for (const row of result) {
    if (row.source === 'reference') found.byReference.push(row);
    else if (row.source === 'number') found.byNumber.push(row);
    else if (row.source === 'credit_note') found.creditNotes.push(row);
    else found.debtorsOfIban.push({ iban: row.iban, debtorId: row.debtorId });
  }
  return found;
}

/**
 * For payments that name nothing: debtors with an open invoice of exactly the amount whose name
 * resembles the payer's (trigram similarity at least 0.3), up to three per payment. Found by the
 * amount first (an index on open amounts), so no name is compared with every debtor.
 */
export async function findDebtorsByNameAndAmount(
  tx: Db,
  params: { orgId: string; payers: readonly { ord: number; name: string; amountCents: number }[] },
): Promise<{ ord: number; debtorId: string; similarity: number }[]> {
  if (params.payers.length === 0) return [];
  // One join for the whole batch, ranked per payment (a lateral subquery per payment cost its
  // start-up every time); the invoices are found by amount from the index alone.
  return rows(
    tx,
    sql`select ord, debtor_id as "debtorId", similarity from (
      select k.ord, d.id as debtor_id, max(similarity(lower(d.name), k.name))::float8 as similarity,
        row_number() over (partition by k.ord order by max(similarity(lower(d.name), k.name)) desc, d.id) as rank
      from json_to_recordset(${json(params.payers.map((p) => ({ ord: p.ord, name: p.name, amount_cents: p.amountCents })))})
        as k(ord integer, name text, amount_cents bigint)
      join invoices i on i.org_id = ${params.orgId} and i.open_cents = k.amount_cents
        and i.kind = 'invoice' and i.open_cents > 0 and i.status <> 'written_off'
      join debtors d on d.id = i.debtor_id
      where similarity(lower(d.name), k.name) >= 0.3
      group by k.ord, d.id
    ) m where rank <= 3
    order by ord, rank`,
  );
}

/** The open invoices and credit notes of debtors. */
export async function findOpenItems(
  tx: Db,
  params: { orgId: string; debtorIds: readonly string[] },
): Promise<LedgerItem[]> {
  if (params.debtorIds.length === 0) return [];
  return rows(
    tx,
    sql`select ${ITEM_COLUMNS}
    from json_array_elements_text(${json(params.debtorIds)}) as k(debtor_id)
    join invoices i on i.org_id = ${params.orgId} and i.debtor_id = k.debtor_id::uuid
    where i.open_cents <> 0 and i.status <> 'written_off'`,
  );
}

export type ReversibleSearch = {
  amountCents: number;
  bookingDate: string;
  counterpartyIban: string | null;
  endToEndId: string | null;
  structuredReference: string | null;
  remittance: string | null;
};

/**
 * The earlier payment a reversal or returned direct debit takes back: the same amount received on
 * or before its date from the same account, recognised by its end-to-end id, else its reference
 * or text, else (only the account given) the latest such payment. Not one already taken back.
 */
export async function findReversedPayment(
  tx: Db,
  params: { orgId: string; search: ReversibleSearch },
): Promise<{ id: string; debtorId: string | null; date: string } | undefined> {
  const s = params.search;
  const identifiers = [
    s.endToEndId ? sql`b.end_to_end_id = ${s.endToEndId}` : undefined,
    s.structuredReference ? sql`p.reference = ${s.structuredReference}` : undefined,
    s.remittance ? sql`p.remittance = ${s.remittance}` : undefined,
  ].filter((c) => c !== undefined);
  if (identifiers.length === 0 && !s.counterpartyIban) return undefined;
  const [found] = await rows<{ id: string; debtorId: string | null; date: string }>(
    tx,
    sql`select p.id, p.debtor_id as "debtorId", p.date
    from payments p left join bank_entries b on b.payment_id = p.id
    where p.org_id = ${params.orgId} and p.amount_cents = ${s.amountCents} and p.date <= ${s.bookingDate}::date
      and p.status not in ('reversed', 'refunded') and p.amount_cents > 0
      ${s.counterpartyIban ? sql`and p.counterparty_iban = ${s.counterpartyIban}` : sql``}
      ${identifiers.length > 0 ? sql`and (${sql.join(identifiers, sql` or `)})` : sql``}
    order by p.date desc, p.created_at desc
    limit 1
    for update of p`,
  );
  return found;
}
