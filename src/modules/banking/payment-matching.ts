/**
 * Matches a batch of new bank payments to the ledger, in the import's transaction: the keys of
 * every entry go to the database in one lookup per kind (references and invoice numbers, IBANs
 * learned from earlier payments, names), the pure core scores the candidates, the best match is
 * allocated when it reaches the organisation's threshold and the rest is stored as suggestions.
 * Reversals and returned direct debits then take back the payments they refer to.
 */
import { randomUUID } from 'node:crypto';
import { extractEntryKeys } from '../../core/matching/entry-keys.js';
import {
  type MatchInput,
  type MatchProposal,
  type NamedInvoice,
  pickAutomaticMatch,
  proposeMatches,
} from '../../core/matching/match-proposals.js';
import { formatCents } from '../../core/money.js';
import type { Db } from '../../db/client.js';
import { type LedgerItem, type MatchContext, MatchWrites } from '../allocations/allocation-writes.js';
import { lockInvoices } from '../ledger/invoices.repo.js';
import { findAllocationsOfPayments } from '../ledger/payments.repo.js';
import {
  type BankEntryWrite,
  findKnownDedupKeys,
  insertBankEntries,
  type NewBankPayment,
} from './bank-import.repo.js';
import {
  findDebtorsByNameAndAmount,
  findNamedCandidates,
  findOpenItems,
  findReversedPayment,
  type InvoiceHit,
  type NamedCandidates,
} from './matching.repo.js';

export type MatchCounts = { matched: number; suggested: number; unmatched: number };

const MAX_SUGGESTIONS = 3;

/**
 * Stores a batch of entries and matches the new ones, in the import's transaction: the known dedup
 * keys are left out, the money received is decided first, so each payment is inserted once in its
 * final state (debtor, status) together with its entry; then the allocations and their effects are
 * written, and the reversals take back the payments they refer to (this batch's too).
 */
export async function storeAndMatchEntries(
  tx: Db,
  ctx: MatchContext,
  entries: readonly BankEntryWrite[],
): Promise<MatchCounts & { fresh: number }> {
  const known = await findKnownDedupKeys(tx, { orgId: ctx.orgId, dedupKeys: entries.map((e) => e.dedupKey) });
  const fresh: NewBankPayment[] = [];
  for (const entry of entries) {
    if (known.has(entry.dedupKey)) continue;
    known.add(entry.dedupKey);
    fresh.push(Object.assign({}, entry, { paymentId: entry.isPayment ? randomUUID() : null }));
  }
  const writes = new MatchWrites(ctx);
  const credits = fresh.filter((e) => e.paymentId && e.amountCents > 0);
  const counts = await decideCreditMatches(tx, ctx, writes, credits);
  await insertBankEntries(tx, {
    orgId: ctx.orgId,
    createdBy: ctx.actor.userId,
    entries: fresh,
    paymentStates: writes.takePaymentStates(),
  });
  await writes.flush(tx);
  for (const reversal of fresh.filter((e) => e.paymentId && e.amountCents < 0)) {
    await takeBack(tx, ctx, writes, reversal, counts);
  }
  await writes.flush(tx);
  return { ...counts, fresh: fresh.length };
}

/**
 * The decisions for a batch of money received, without writing them: the keys are looked up (no
 * row locks: `writes.flush` writes an invoice only if it is still as read), the core scores the
 * candidates, and each automatic allocation or suggestion is gathered in `writes` (which keeps the
 * open amounts as the batch leaves them, so a later payment of the batch sees what an earlier one
 * paid); `writes.flush` stores them.
 *
 * The payments that name their invoices (by reference or number) are decided first, in the order
 * of the statement, while the database looks up the payers of the rest by name and amount; those
 * are decided after, on what the named payments left open.
 */
export async function decideCreditMatches(
  tx: Db,
  ctx: MatchContext,
  writes: MatchWrites,
  credits: readonly NewBankPayment[],
): Promise<MatchCounts> {
  const counts: MatchCounts = { matched: 0, suggested: 0, unmatched: 0 };
  if (credits.length === 0) return counts;
  const { named, debtorsOfIban, items } = await findNamed(tx, ctx, writes, credits);

  const payers: { ord: number; name: string; amountCents: number }[] = [];
  for (let ord = 0; ord < credits.length; ord++) {
    const name = named[ord] ? '' : (credits[ord]?.counterpartyName?.trim().toLowerCase() ?? '');
    if (name !== '') payers.push({ ord, name, amountCents: credits[ord]?.amountCents as number });
  }
  const namesLookup = findDebtorsByNameAndAmount(tx, { orgId: ctx.orgId, payers });
  // The named payments are decided while the database looks up the others' payers.
  namesLookup.catch(() => undefined);
  await dispatched();
  const none: never[] = [];
  const decideAt = (ord: number, nameDebtors: MatchInput['nameDebtors']) => {
    const entry = credits[ord] as NewBankPayment;
    decide(ctx, writes, entry, counts, {
      amountCents: entry.amountCents,
      named: named[ord] ?? none,
      ibanDebtorIds: debtorsOfIban.get(entry.counterpartyIban ?? '') ?? none,
      nameDebtors,
      openItemsOf: (debtorId) => items.of(debtorId, entry.currency),
    });
  };
  for (let ord = 0; ord < credits.length; ord++) if (named[ord]) decideAt(ord, none);

  const debtorsOfName: ({ debtorId: string; similarity: number }[] | undefined)[] = new Array(credits.length);
  for (const row of await namesLookup) {
    const list = debtorsOfName[row.ord];
    if (list) list.push(row);
    else debtorsOfName[row.ord] = [row];
  }
  // Everything open of the debtors the rest may be paying.
  const payerDebtors = new Set<string>();
  for (let ord = 0; ord < credits.length; ord++) {
    if (named[ord]) continue;
    for (const id of debtorsOfIban.get(credits[ord]?.counterpartyIban ?? '') ?? none) payerDebtors.add(id);
    for (const d of debtorsOfName[ord] ?? none) payerDebtors.add(d.debtorId);
  }
  for (const row of await findOpenItems(tx, { orgId: ctx.orgId, debtorIds: [...payerDebtors] })) {
    items.add(writes.remember(row));
  }
  for (let ord = 0; ord < credits.length; ord++) if (!named[ord]) decideAt(ord, debtorsOfName[ord] ?? none);
  return counts;
}

/** The open items loaded for the batch, by debtor, each once. */
class ItemsByDebtor {
  private readonly byDebtor = new Map<string, LedgerItem[]>();
  private readonly ids = new Set<string>();

  add(item: LedgerItem): void {
    if (this.ids.has(item.id)) return;
    this.ids.add(item.id);
    const list = this.byDebtor.get(item.debtorId);
    if (list) list.push(item);
    else this.byDebtor.set(item.debtorId, [item]);
  }

  of(debtorId: string, currency: string): LedgerItem[] {
    return (this.byDebtor.get(debtorId) ?? []).filter((i) => i.currency === currency);
  }
}

/**
 * What the entries name, by position in the batch, with the named debtors' open credit notes and
 * the debtors each IBAN paid for before. In two halves, one statement each: the keys of the second
 * half are extracted while the database looks up the first, and the first half's finds are taken
 * in while it looks up the second.
 */
async function findNamed(tx: Db, ctx: MatchContext, writes: MatchWrites, credits: readonly NewBankPayment[]) {
  const named: (NamedInvoice[] | undefined)[] = new Array(credits.length);
  const items = new ItemsByDebtor();
  const debtorsOfIban = new Map<string, string[]>();
  const half = Math.ceil(credits.length / 2);
  const first = keysOf(credits, 0, half);
  let lookup = lookUp(tx, ctx, first);
  // A lookup that fails before it is awaited below must not go unheard (an unhandled rejection).
  lookup.catch(() => undefined);
  await dispatched();
  const second = keysOf(credits, half, credits.length);
  let found = await lookup;
  lookup = lookUp(tx, ctx, second);
  lookup.catch(() => undefined);
  await dispatched();
  takeIn(found, first, { credits, writes, named, items, debtorsOfIban });
  found = await lookup;
  takeIn(found, second, { credits, writes, named, items, debtorsOfIban });
  return { named, debtorsOfIban, items };
}

type BatchKeys = {
  references: { ord: number; key: string; inText: boolean }[];
  numbers: { ord: number; key: string }[];
  ibans: Set<string>;
};

/** The lookup keys of the entries from `from` to `to` (not included). */
function keysOf(credits: readonly NewBankPayment[], from: number, to: number): BatchKeys {
  // Plain loops and arrays by position in the batch: this runs for every entry of a large import.
  const keys: BatchKeys = { references: [], numbers: [], ibans: new Set() };
  for (let ord = from; ord < to; ord++) {
    const entry = credits[ord] as NewBankPayment;
    const found = extractEntryKeys(entry);
    for (const r of found.references) keys.references.push({ ord, key: r.key, inText: r.inText });
    for (const key of found.numbers) keys.numbers.push({ ord, key });
    if (entry.counterpartyIban) keys.ibans.add(entry.counterpartyIban);
  }
  return keys;
}

const lookUp = (tx: Db, ctx: MatchContext, keys: BatchKeys) =>
  findNamedCandidates(tx, {
    orgId: ctx.orgId,
    referenceKeys: keys.references.map((r) => r.key),
    numberKeys: keys.numbers.map((r) => r.key),
    ibans: [...keys.ibans],
  });

/** A query is sent only once the event loop turns: let it go out before working on. */
const dispatched = () => new Promise((resolve) => setImmediate(resolve));

function takeIn(
  found: NamedCandidates,
  keys: BatchKeys,
  into: {
    credits: readonly NewBankPayment[];
    writes: MatchWrites;
    named: (NamedInvoice[] | undefined)[];
    items: ItemsByDebtor;
    debtorsOfIban: Map<string, string[]>;
  },
): void {
  const { credits, writes, named } = into;
  for (const hit of found.byReference) {
    const { ord, key, inText } = keys.references[hit.n] as BatchKeys['references'][number];
    nameInvoice(named, credits, writes, hit, ord, { via: 'reference', inText, keyLength: key.length });
  }
  for (const hit of found.byNumber) {
    const { ord, key } = keys.numbers[hit.n] as BatchKeys['numbers'][number];
    nameInvoice(named, credits, writes, hit, ord, {
      via: 'invoice_number',
      inText: false,
      keyLength: key.length,
    });
  }
  for (const note of found.creditNotes) into.items.add(writes.remember(note));
  for (const row of found.debtorsOfIban) {
    const list = into.debtorsOfIban.get(row.iban);
    if (!list) into.debtorsOfIban.set(row.iban, [row.debtorId]);
    else if (!list.includes(row.debtorId)) list.push(row.debtorId);
  }
}

/** Scores one entry's candidates; allocates the best when it may, else keeps the suggestions. */
function decide(
  ctx: MatchContext,
  writes: MatchWrites,
  entry: NewBankPayment,
  counts: MatchCounts,
  input: MatchInput,
) {
  const paymentId = entry.paymentId as string;
  const proposals = proposeMatches(input);
  const auto = pickAutomaticMatch(proposals, ctx.threshold);
  if (auto) {
    allocateCredit(writes, entry, paymentId, auto);
    counts.matched++;
  } else if (proposals.length > 0) {
    writes.suggest(
      proposals.slice(0, MAX_SUGGESTIONS).map((p, rank) => ({
        paymentId,
        rank: rank + 1,
        score: p.score,
        reasons: p.reasons,
        debtorId: p.debtorId,
        invoiceIds: p.allocations.map((a) => a.invoiceId),
      })),
    );
    counts.suggested++;
  } else {
    counts.unmatched++;
  }
}

/** An invoice an entry names, in the entry's currency. */
function nameInvoice(
  named: (NamedInvoice[] | undefined)[],
  credits: readonly NewBankPayment[],
  writes: MatchWrites,
  hit: InvoiceHit,
  ord: number,
  how: Omit<NamedInvoice, 'item'>,
): void {
  if (hit.currency !== credits[ord]?.currency) return;
  const invoice: NamedInvoice = {
    item: writes.remember(hit),
    via: how.via,
    inText: how.inText,
    keyLength: how.keyLength,
  };
  const list = named[ord];
  if (list) list.push(invoice);
  else named[ord] = [invoice];
}

function allocateCredit(
  writes: MatchWrites,
  entry: NewBankPayment,
  paymentId: string,
  match: MatchProposal,
): void {
  let allocated = 0;
  for (const a of match.allocations) allocated += a.amountCents;
  writes.allocate(
    {
      id: paymentId,
      date: entry.bookingDate,
      amountCents: entry.amountCents,
      debtorId: match.debtorId,
      summary: new CreditSummary(writes, entry, match, allocated),
    },
    match.allocations,
    {
      status: allocated === entry.amountCents ? 'allocated' : 'partially_allocated',
      data: { score: match.score, reasons: match.reasons },
    },
  );
}

/** The timeline text of an automatic allocation, composed when the batch is written. */
class CreditSummary {
  constructor(
    private readonly writes: MatchWrites,
    private readonly entry: NewBankPayment,
    private readonly match: MatchProposal,
    private readonly allocatedCents: number,
  ) {}

  text(): string {
    const { entry, match } = this;
    const numbers = match.allocations.map((a) => this.writes.items.get(a.invoiceId)?.number ?? a.invoiceId);
    const from = entry.counterpartyName ? ` from ${entry.counterpartyName}` : '';
    const rest = entry.amountCents - this.allocatedCents;
    const credit = rest > 0 ? `; ${formatCents(rest)} left as credit` : '';
    return `Payment of ${formatCents(entry.amountCents)} received on ${entry.bookingDate}${from}, matched to ${numbers.join(
      ', ',
    )} (${match.reasons.join(', ')}, score ${match.score})${credit}`;
  }
}

/**
 * A negative payment (reversal, returned direct debit): find the payment it takes back, undo that
 * payment's allocations with opposite ones (the invoices reopen) and mark it reversed.
 */
async function takeBack(
  tx: Db,
  ctx: MatchContext,
  writes: MatchWrites,
  entry: NewBankPayment,
  counts: MatchCounts,
): Promise<void> {
  const paymentId = entry.paymentId as string;
  const original = await findReversedPayment(tx, {
    orgId: ctx.orgId,
    search: {
      amountCents: -entry.amountCents,
      bookingDate: entry.bookingDate,
      counterpartyIban: entry.counterpartyIban,
      endToEndId: entry.endToEndId,
      structuredReference: entry.structuredReference,
      remittance: entry.remittance,
    },
  });
  if (!original) {
    counts.unmatched++;
    return;
  }
  const earlier = await findAllocationsOfPayments(tx, { orgId: ctx.orgId, paymentIds: [original.id] });
  const netByInvoice = new Map<string, number>();
  for (const a of earlier)
    netByInvoice.set(a.invoiceId, (netByInvoice.get(a.invoiceId) ?? 0) + a.amountCents);
  const invoices = await lockInvoices(tx, { orgId: ctx.orgId, invoiceIds: [...netByInvoice.keys()] });
  for (const invoice of invoices) writes.remember(invoice);
  const reopen = [...netByInvoice]
    .filter(([id, cents]) => cents !== 0 && writes.items.get(id)?.status !== 'written_off')
    .map(([invoiceId, cents]) => ({ invoiceId, amountCents: -cents }));
  writes.setPaymentStatus({ id: original.id, debtorId: original.debtorId, status: 'reversed' });
  const reason = entry.returnReason ? ` (reason ${entry.returnReason})` : '';
  if (original.debtorId) {
    writes.allocate(
      {
        id: paymentId,
        date: entry.bookingDate,
        amountCents: entry.amountCents,
        debtorId: original.debtorId,
        summary: `Payment of ${formatCents(-entry.amountCents)} of ${original.date} taken back by the bank on ${
          entry.bookingDate
        }${reason}${reopen.length > 0 ? `; ${reopen.length} invoice(s) reopened` : ''}`,
      },
      reopen,
      { status: 'allocated', reversesPaymentId: original.id, data: { reversedPaymentId: original.id } },
    );
  } else {
    writes.setPaymentStatus({
      id: paymentId,
      debtorId: null,
      status: 'allocated',
      reversesPaymentId: original.id,
    });
  }
  counts.matched++;
}
