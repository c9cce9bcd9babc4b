import type { MatchInvoice } from '../../api-types.ts';
import { toCents } from '../../lib/format.ts';

/** One line of the split editor: an invoice and the amount as typed ("1.210,50" or "1210.50"). */
export type SplitDraft = { invoice: MatchInvoice; amount: string };

/** Typed text as an API amount ("1210.50"), or null when it is no amount. Accepts a comma. */
export function normaliseAmount(text: string): string | null {
  const compact = text.trim().replace(/\s/g, '');
  const withPoint = /,\d{1,2}$/.test(compact)
    ? compact.replace(/\./g, '').replace(',', '.')
    : compact.replace(/,/g, '');
  return /^-?\d{1,13}(\.\d{1,2})?$/.test(withPoint) ? withPoint : null;
}

/** An API amount as a person types it: a decimal comma in Dutch and French, a point in English. */
export function amountForInput(amount: string, language: 'nl' | 'fr' | 'en'): string {
  return language === 'en' ? amount : amount.replace('.', ',');
}

/** Integer cents back to an API amount, exactly. */
export function centsToAmount(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export type SplitCheck = { totalCents: bigint; restCents: bigint; invalid: number[]; isBalanced: boolean };

/** Whether the lines add up to what is left on the payment, and which lines hold no amount. */
export function checkSplit(lines: readonly SplitDraft[], unallocated: string): SplitCheck {
  let totalCents = 0n;
  const invalid: number[] = [];
  lines.forEach((line, index) => {
    const amount = normaliseAmount(line.amount);
    if (amount === null || toCents(amount) === 0n) invalid.push(index);
    else totalCents += toCents(amount);
  });
  const restCents = toCents(unallocated) - totalCents;
  return {
    totalCents,
    restCents,
    invalid,
    isBalanced: lines.length > 0 && invalid.length === 0 && restCents === 0n,
  };
}

/** The amount a newly added invoice gets: what is still to split, at most its open amount. */
export function defaultAmount(invoice: MatchInvoice, restCents: bigint): string {
  const open = toCents(invoice.open);
  if (open < 0n) return invoice.open; // a credit note is offset in full
  const rest = restCents > 0n ? restCents : 0n;
  return centsToAmount(rest < open ? rest : open);
}
