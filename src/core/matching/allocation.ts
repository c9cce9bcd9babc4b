/**
 * How a payment is spread over the open items it pays. The debtor's own indication decides which
 * invoices (art. 6:43 BW); among them the oldest due comes first. Within an invoice the law puts
 * costs, then interest, then principal (art. 6:44 BW) — but the ledger records no charged costs
 * or interest per invoice (the claim statement computes them, nothing books them), so every cent
 * here goes to the principal, the invoice's open amount.
 */
import type { DocumentKind } from '../ledger/enums.js';

export type OpenItem = {
  id: string;
  debtorId: string;
  number: string;
  kind: DocumentKind;
  /** Positive for an invoice, negative for a credit note. */
  openCents: number;
  totalCents: number;
  dueDate: string;
};

export type Allocation = { invoiceId: string; amountCents: number };

const byDueDate = (a: OpenItem, b: OpenItem) =>
  a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number);

/**
 * Spreads `amountCents` over the items: credit notes are offset in full first (they add to what
 * can be paid), then invoices oldest due first, the last one partly. Returns the allocations and
 * what is left over (an overpayment stays on the payment as the debtor's credit).
 */
export function allocateOldestFirst(
  amountCents: number,
  items: readonly OpenItem[],
): { allocations: Allocation[]; restCents: number } {
  const allocations: Allocation[] = [];
  let available = amountCents;
  for (const note of items.filter((i) => i.openCents < 0)) {
    allocations.push({ invoiceId: note.id, amountCents: note.openCents });
    available -= note.openCents;
  }
  for (const invoice of items.filter((i) => i.openCents > 0).sort(byDueDate)) {
    if (available <= 0) break;
    const part = Math.min(available, invoice.openCents);
    allocations.push({ invoiceId: invoice.id, amountCents: part });
    available -= part;
  }
  // Credit notes that nothing was paid against are not used.
  const paidInvoices = allocations.some((a) => a.amountCents > 0);
  const used = paidInvoices ? allocations : [];
  return { allocations: used, restCents: paidInvoices ? available : amountCents };
}

const MAX_SUBSET_ITEMS = 12;

/**
 * The largest combination of items whose open amounts add up to exactly `amountCents` (several
 * invoices paid at once, less a credit note), or undefined. Tries every combination, so it is
 * limited to the first 12 items, oldest due first: a debtor names a handful of invoices at most.
 */
export function findExactCombination(
  amountCents: number,
  items: readonly OpenItem[],
): OpenItem[] | undefined {
  // One item (the usual named invoice): it fits or it does not.
  if (items.length === 1) {
    const [only] = items as [OpenItem];
    return only.openCents === amountCents && only.openCents > 0 ? [only] : undefined;
  }
  const candidates = [...items].sort(byDueDate).slice(0, MAX_SUBSET_ITEMS);
  let best: OpenItem[] | undefined;
  const total = 1 << candidates.length;
  for (let mask = 1; mask < total; mask++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < candidates.length; i++) {
      if (mask & (1 << i)) {
        sum += candidates[i]?.openCents ?? 0;
        count++;
      }
    }
    if (
      sum === amountCents &&
      count > (best?.length ?? 0) &&
      candidates.some((c, i) => mask & (1 << i) && c.openCents > 0)
    ) {
      best = candidates.filter((_, i) => mask & (1 << i));
    }
  }
  return best;
}
