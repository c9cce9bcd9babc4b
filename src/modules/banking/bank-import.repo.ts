import { and, eq, sql } from 'drizzle-orm';
import type { BalanceCheckResult } from '../../core/matching/enums.js';
import type { Db } from '../../db/client.js';
import { type BankImportError, bankFiles, bankStatements } from '../../db/schema/index.js';
import type { BankFileFormat } from './formats/bank-statement.js';
import { json, rows } from './sql.js';

export async function insertBankFile(
  tx: Db,
  row: { orgId: string; fileName: string; sha256: string; format: BankFileFormat; importedBy: string | null },
): Promise<string> {
  const [file] = await tx.insert(bankFiles).values(row).returning({ id: bankFiles.id });
  if (!file) throw new Error('insert returned no row');
  return file.id;
}

export async function finishBankFile(
  tx: Db,
  params: {
    orgId: string;
    fileId: string;
    statementCount: number;
    entryCount: number;
    newEntryCount: number;
    duplicateCount: number;
    errors: BankImportError[];
  },
): Promise<void> {
  const { orgId, fileId, ...counts } = params;
  await tx
    .update(bankFiles)
    .set(counts)
    .where(and(eq(bankFiles.orgId, orgId), eq(bankFiles.id, fileId)));
}

export async function insertStatement(tx: Db, row: typeof bankStatements.$inferInsert): Promise<string> {
  const [statement] = await tx.insert(bankStatements).values(row).returning({ id: bankStatements.id });
  if (!statement) throw new Error('insert returned no row');
  return statement.id;
}

export async function finishStatement(
  tx: Db,
  params: {
    orgId: string;
    statementId: string;
    closing: { amountCents: number; date: string } | null;
    entryCount: number;
    entriesCents: number;
    balanceCheck: BalanceCheckResult;
  },
): Promise<void> {
  const { orgId, statementId, closing, entryCount, entriesCents, balanceCheck } = params;
  await tx
    .update(bankStatements)
    .set({
      entryCount,
      entriesCents,
      balanceCheck,
      ...(closing ? { closingCents: closing.amountCents, closingDate: closing.date } : {}),
    })
    .where(and(eq(bankStatements.orgId, orgId), eq(bankStatements.id, statementId)));
}

export type BankEntryWrite = {
  statementId: string;
  dedupKey: string;
  place: string;
  bookingDate: string;
  valueDate: string | null;
  amountCents: number;
  currency: string;
  isReversal: boolean;
  returnReason: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyAccountNumber: string | null;
  counterpartyBic: string | null;
  structuredReference: string | null;
  additionalStructuredReferences: string[];
  remittance: string | null;
  endToEndId: string | null;
  bankReference: string | null;
  transactionCode: string | null;
  /** Money received, or taken back: these become payments; the creditor's own spending does not. */
  isPayment: boolean;
};

export type NewBankPayment = BankEntryWrite & { entryId: string; paymentId: string | null };

/**
 * Inserts a batch of entries, skipping those whose dedup key is known, and a payment for each new
 * one that is money received or taken back, linked both ways. Returns only the new entries.
 */
export async function insertBankEntries(
  tx: Db,
  params: { orgId: string; createdBy: string | null; entries: readonly BankEntryWrite[] },
): Promise<NewBankPayment[]> {
  if (params.entries.length === 0) return [];
  const input = json(
    params.entries.map((e, ord) => ({
      ord,
      statement_id: e.statementId,
      dedup_key: e.dedupKey,
      place: e.place,
      booking_date: e.bookingDate,
      value_date: e.valueDate,
      amount_cents: e.amountCents,
      currency: e.currency,
      is_reversal: e.isReversal,
      return_reason: e.returnReason,
      counterparty_name: e.counterpartyName,
      counterparty_iban: e.counterpartyIban,
      counterparty_account_number: e.counterpartyAccountNumber,
      counterparty_bic: e.counterpartyBic,
      structured_reference: e.structuredReference,
      additional_structured_references: e.additionalStructuredReferences,
      remittance: e.remittance,
      end_to_end_id: e.endToEndId,
      bank_reference: e.bankReference,
      transaction_code: e.transactionCode,
      is_payment: e.isPayment,
    })),
  );
  const inserted = await rows<{ ord: number; entry_id: string }>(
    tx,
    sql`with r as (
      select * from json_to_recordset(${input}) as r(ord integer, statement_id uuid, dedup_key text,
        place text, booking_date date, value_date date, amount_cents bigint, currency text,
        is_reversal boolean, return_reason text, counterparty_name text, counterparty_iban text,
        counterparty_account_number text, counterparty_bic text, structured_reference text,
        additional_structured_references json, remittance text, end_to_end_id text,
        bank_reference text, transaction_code text)
    ),
    e as (
      insert into bank_entries (org_id, statement_id, dedup_key, place, booking_date, value_date,
        amount_cents, currency, is_reversal, return_reason, counterparty_name, counterparty_iban,
        counterparty_account_number, counterparty_bic, structured_reference,
        additional_structured_references, remittance, end_to_end_id, bank_reference, transaction_code)
      select ${params.orgId}, statement_id, dedup_key, place, booking_date, value_date, amount_cents,
        currency, is_reversal, return_reason, counterparty_name, counterparty_iban,
        counterparty_account_number, counterparty_bic, structured_reference,
        array(select json_array_elements_text(additional_structured_references)), remittance,
        end_to_end_id, bank_reference, transaction_code
      from r order by ord
      on conflict (org_id, dedup_key) do nothing
      returning id, dedup_key
    )
    select r.ord, e.id as entry_id from e join r on r.dedup_key = e.dedup_key order by r.ord`,
  );
  const fresh = inserted.map((row) => {
    const entry = params.entries[row.ord];
    if (!entry) throw new Error(`no entry ${row.ord} in the batch`);
    return { ...entry, entryId: row.entry_id };
  });
  const paymentIds = await insertEntryPayments(tx, {
    orgId: params.orgId,
    createdBy: params.createdBy,
    entries: fresh.filter((e) => e.isPayment),
  });
  return fresh.map((e) => ({ ...e, paymentId: paymentIds.get(e.entryId) ?? null }));
}

/** A payment per new entry, keyed like the entry, and the entry pointed at it. */
async function insertEntryPayments(
  tx: Db,
  params: {
    orgId: string;
    createdBy: string | null;
    entries: readonly (BankEntryWrite & { entryId: string })[];
  },
): Promise<Map<string, string>> {
  if (params.entries.length === 0) return new Map();
  const input = json(
    params.entries.map((e) => ({
      entry_id: e.entryId,
      date: e.bookingDate,
      amount_cents: e.amountCents,
      currency: e.currency,
      counterparty_name: e.counterpartyName,
      counterparty_iban: e.counterpartyIban,
      reference: e.structuredReference,
      remittance: e.remittance,
      idempotency_key: `bank:${e.dedupKey}`,
    })),
  );
  const created = await rows<{ payment_id: string; entry_id: string }>(
    tx,
    sql`with r as (
      select * from json_to_recordset(${input}) as r(entry_id uuid, date date, amount_cents bigint,
        currency text, counterparty_name text, counterparty_iban text, reference text, remittance text,
        idempotency_key text)
    ),
    p as (
      insert into payments (org_id, date, amount_cents, currency, counterparty_name, counterparty_iban,
        reference, remittance, method, status, idempotency_key, created_by)
      select ${params.orgId}, date, amount_cents, currency, counterparty_name, counterparty_iban,
        reference, remittance, 'bank', 'unmatched', idempotency_key, ${params.createdBy}::uuid
      from r
      returning id, idempotency_key
    ),
    linked as (
      update bank_entries b set payment_id = p.id
      from p join r on r.idempotency_key = p.idempotency_key
      where b.org_id = ${params.orgId} and b.id = r.entry_id
    )
    select p.id as payment_id, r.entry_id from p join r on r.idempotency_key = p.idempotency_key`,
  );
  return new Map(created.map((c) => [c.entry_id, c.payment_id]));
}
