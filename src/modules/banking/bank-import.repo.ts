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
 *
 * One statement without joins: the payment ids are drawn while the input is read, so the entry is
 * inserted already pointing at its payment and the payments are inserted from the entries' own
 * RETURNING rows (the foreign key is checked at the end of the statement). Joining the CTEs back
 * on a key instead made the planner, which guesses 100 rows for each, pick a nested loop that
 * grew to seconds per batch of 2,000.
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
  const inserted = await rows<{ dedup_key: string; entry_id: string; payment_id: string | null }>(
    tx,
    sql`with r as materialized (
      select r.*, case when r.is_payment then gen_random_uuid() end as payment_id
      from json_to_recordset(${input}) as r(ord integer, statement_id uuid, dedup_key text,
        place text, booking_date date, value_date date, amount_cents bigint, currency text,
        is_reversal boolean, return_reason text, counterparty_name text, counterparty_iban text,
        counterparty_account_number text, counterparty_bic text, structured_reference text,
        additional_structured_references json, remittance text, end_to_end_id text,
        bank_reference text, transaction_code text, is_payment boolean)
    ),
    e as (
      insert into bank_entries (org_id, statement_id, dedup_key, place, booking_date, value_date,
        amount_cents, currency, is_reversal, return_reason, counterparty_name, counterparty_iban,
        counterparty_account_number, counterparty_bic, structured_reference,
        additional_structured_references, remittance, end_to_end_id, bank_reference, transaction_code,
        payment_id)
      select ${params.orgId}, statement_id, dedup_key, place, booking_date, value_date, amount_cents,
        currency, is_reversal, return_reason, counterparty_name, counterparty_iban,
        counterparty_account_number, counterparty_bic, structured_reference,
        array(select json_array_elements_text(additional_structured_references)), remittance,
        end_to_end_id, bank_reference, transaction_code, payment_id
      from r order by ord
      on conflict (org_id, dedup_key) do nothing
      returning id, dedup_key, payment_id, booking_date, amount_cents, currency, counterparty_name,
        counterparty_iban, structured_reference, remittance
    ),
    p as (
      insert into payments (id, org_id, date, amount_cents, currency, counterparty_name, counterparty_iban,
        reference, remittance, method, status, idempotency_key, created_by)
      select payment_id, ${params.orgId}, booking_date, amount_cents, currency, counterparty_name,
        counterparty_iban, structured_reference, remittance, 'bank', 'unmatched', 'bank:' || dedup_key,
        ${params.createdBy}::uuid
      from e where payment_id is not null
    )
    select dedup_key, id as entry_id, payment_id from e`,
  );
  const ordOfKey = new Map(params.entries.map((e, ord) => [e.dedupKey, ord]));
  return inserted
    .map((row) => {
      const ord = ordOfKey.get(row.dedup_key) ?? -1;
      const entry = params.entries[ord];
      if (!entry) throw new Error(`no entry with dedup key ${row.dedup_key} in the batch`);
      return { ord, fresh: { ...entry, entryId: row.entry_id, paymentId: row.payment_id } };
    })
    .sort((a, b) => a.ord - b.ord)
    .map((x) => x.fresh);
}
