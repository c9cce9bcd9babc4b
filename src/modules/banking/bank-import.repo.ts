import { and, eq, sql } from 'drizzle-orm';
import type { BalanceCheckResult } from '../../core/matching/enums.js';
import { json, rows } from '../../db/batch-sql.js';
import type { Db } from '../../db/client.js';
import { type BankImportError, bankFiles, bankStatements } from '../../db/schema/index.js';
import type { PaymentState } from '../allocations/allocation-writes.js';
import type { BankFileFormat } from './formats/bank-statement.js';

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

/** An entry not stored before, with the id its payment will have (none when it is not a payment). */
export type NewBankPayment = BankEntryWrite & { paymentId: string | null };

/** A payment as the matching of its batch leaves it; one without a state is stored unmatched. */

/** The dedup keys of a batch that are stored already: those entries were imported before. */
export async function findKnownDedupKeys(
  tx: Db,
  params: { orgId: string; dedupKeys: readonly string[] },
): Promise<Set<string>> {
  if (params.dedupKeys.length === 0) return new Set();
  const found = await rows<{ dedup_key: string }>(
    tx,
    sql`select b.dedup_key from json_array_elements_text(${json(params.dedupKeys)}) as k(dedup_key)
      join bank_entries b on b.org_id = ${params.orgId} and b.dedup_key = k.dedup_key`,
  );
  return new Set(found.map((r) => r.dedup_key));
}

/**
 * Inserts new entries and a payment for each that is money received or taken back, linked both
 * ways, each payment already in the state its batch's matching decided (so it is written once,
 * not inserted unmatched and updated). The caller has left out the known dedup keys; an entry
 * stored meanwhile by a concurrent import of the same file fails the unique dedup index and the
 * caller's transaction, which then runs again.
 *
 * One statement without joins: the entries and the payments are both inserted from the input
 * rows (the foreign keys are checked at the end of the statement). Joining CTEs back on a key
 * instead made the planner, which guesses 100 rows for each, pick a nested loop that grew to
 * seconds per batch of 2,000.
 */
export async function insertBankEntries(
  tx: Db,
  params: {
    orgId: string;
    createdBy: string | null;
    entries: readonly NewBankPayment[];
    paymentStates: ReadonlyMap<string, PaymentState>;
  },
): Promise<void> {
  if (params.entries.length === 0) return;
  const input = json(
    params.entries.map((e) => {
      const state = e.paymentId ? params.paymentStates.get(e.paymentId) : undefined;
      return {
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
        payment_id: e.paymentId,
        debtor_id: state?.debtorId ?? null,
        status: state?.status ?? 'unmatched',
      };
    }),
  );
  await tx.execute(sql`with r as materialized (
      select * from json_to_recordset(${input}) as r(statement_id uuid, dedup_key text,
        place text, booking_date date, value_date date, amount_cents bigint, currency text,
        is_reversal boolean, return_reason text, counterparty_name text, counterparty_iban text,
        counterparty_account_number text, counterparty_bic text, structured_reference text,
        additional_structured_references json, remittance text, end_to_end_id text,
        bank_reference text, transaction_code text, payment_id uuid, debtor_id uuid,
        status payment_status)
    ),
    p as (
      insert into payments (id, org_id, date, amount_cents, currency, counterparty_name, counterparty_iban,
        reference, remittance, method, status, debtor_id, idempotency_key, created_by)
      select payment_id, ${params.orgId}, booking_date, amount_cents, currency, counterparty_name,
        counterparty_iban, structured_reference, remittance, 'bank', status, debtor_id,
        'bank:' || dedup_key, ${params.createdBy}::uuid
      from r where payment_id is not null
    )
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
    from r`);
}
