/**
 * The key that recognises a bank entry seen before: in a re-imported file, in yesterday's and
 * today's statements that overlap, or in a camt.054 notification followed by the camt.053
 * statement of the same day. It is built only from what every file of the same transaction carries
 * alike — the account, booking date, amount, counterparty account and the payer's own reference
 * (structured reference, else end-to-end id, else the remittance text) — not from the bank's
 * entry reference, which differs between a notification and a statement.
 *
 * Two genuinely identical entries (a debtor paying the same invoice twice on one day) get the same
 * base; an occurrence counter per file tells them apart (`#1`, `#2`), so a later file that holds
 * both again adds nothing, and one that holds a third adds only the third.
 */

export type DedupFields = {
  bookingDate: string;
  amountCents: number;
  currency: string;
  counterpartyIban: string | null;
  counterpartyAccountNumber?: string | null | undefined;
  structuredReference: string | null;
  endToEndId: string | null;
  remittance: string | null;
};

// Banks fill the end-to-end id with a placeholder when the payer gave none.
const PLACEHOLDER_END_TO_END = /^(NOTPROVIDED|NONREF|NOTAVAILABLE|NA)$/i;
const REMITTANCE_KEY_LENGTH = 140;

const compact = (text: string) => text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** What identifies the payer's instruction, from the strongest field the entry has. */
function payerReference(entry: DedupFields): string {
  if (entry.structuredReference) return `S:${compact(entry.structuredReference)}`;
  if (entry.endToEndId && !PLACEHOLDER_END_TO_END.test(entry.endToEndId.trim())) {
    return `E:${compact(entry.endToEndId)}`;
  }
  // Line breaks and spacing differ between formats of one bank: only letters and digits count.
  return `R:${compact(entry.remittance ?? '').slice(0, REMITTANCE_KEY_LENGTH)}`;
}

export function dedupBase(account: string, entry: DedupFields): string {
  return [
    account.replace(/\s/g, '').toUpperCase(),
    entry.bookingDate,
    entry.currency,
    entry.amountCents,
    entry.counterpartyIban ?? entry.counterpartyAccountNumber ?? '',
    payerReference(entry),
  ].join('|');
}

/** Hands out keys for one file: the same base a second time in the file gets the next occurrence. */
export function createDedupKeyer(): (account: string, entry: DedupFields) => string {
  const seen = new Map<string, number>();
  return (account, entry) => {
    const base = dedupBase(account, entry);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return `${base}#${occurrence}`;
  };
}
