import { eq, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../core/calendar-date.js';
import type { Language } from '../../core/ledger/enums.js';
import type { Db } from '../../db/client.js';
import { promises } from '../../db/schema/index.js';
import { selectRows } from './sql-rows.js';

export type PromiseToThank = {
  promiseId: string;
  debtorId: string;
  language: Language;
  debtorName: string;
  debtorKind: 'business' | 'consumer';
  debtorEmail: string | null;
  contactName: string | null;
  contactEmail: string | null;
  amountCents: number;
  promisedDate: CalendarDate;
  invoiceNumbers: string[];
};

/**
 * Kept promises not thanked yet, due on or after `dueSince` (a promise is kept by its break day at
 * the latest, so this bounds how long ago it was kept). Locked, so two workers never thank twice.
 */
export async function findPromisesToThank(
  tx: Db,
  params: { orgId: string; dueSince: CalendarDate },
): Promise<PromiseToThank[]> {
  return selectRows<PromiseToThank>(
    tx,
    sql`select p.id as "promiseId", p.debtor_id as "debtorId", d.language, d.name as "debtorName",
      d.kind as "debtorKind", d.email as "debtorEmail", c.name as "contactName", c.email as "contactEmail",
      p.amount_cents::int as "amountCents", p.promised_date::text as "promisedDate",
      (select coalesce(json_agg(i.number order by i.due_date, i.number), '[]'::json)
        from promise_invoices pi join invoices i on i.id = pi.invoice_id where pi.promise_id = p.id)
        as "invoiceNumbers"
    from promises p join debtors d on d.id = p.debtor_id
    left join contacts c on c.id = p.contact_id
    where p.org_id = ${params.orgId} and p.status = 'kept' and p.thank_you_message_id is null
      and p.promised_date >= ${params.dueSince}::date
    for update of p skip locked`,
  );
}

export async function setPromiseThankYou(
  tx: Db,
  params: { promiseId: string; messageId: string },
): Promise<void> {
  await tx
    .update(promises)
    .set({ thankYouMessageId: params.messageId })
    .where(eq(promises.id, params.promiseId));
}
