import type { PaymentToMatch } from '../../api-types.ts';
import type { PrepSheet } from './calls.api.ts';

/** Legal forms and filler that say nothing about who paid. */
const NOISE = new Set([
  'bv',
  'nv',
  'vof',
  'bvba',
  'sprl',
  'sa',
  'srl',
  'sas',
  'ltd',
  'gmbh',
  'de',
  'het',
  'en',
  'the',
]);

const nameWords = (name: string): Set<string> =>
  new Set(
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !NOISE.has(word)),
  );

/** A counterparty resembles the debtor when they share a telling word of the name. */
export function resemblesName(counterparty: string | null, debtorName: string): boolean {
  if (!counterparty) return false;
  const debtorWords = nameWords(debtorName);
  return [...nameWords(counterparty)].some((word) => debtorWords.has(word));
}

/**
 * "Already paid" (005#5): the unmatched bank payments that may be this debtor's — linked or
 * suggested for them, for exactly an open invoice's amount, or from a similar name.
 */
export function paymentCandidates(
  payments: readonly PaymentToMatch[],
  sheet: Pick<PrepSheet, 'debtor' | 'openInvoices'>,
): PaymentToMatch[] {
  const openAmounts = new Set(sheet.openInvoices.filter((i) => i.kind === 'invoice').map((i) => i.open));
  return payments.filter(
    (payment) =>
      payment.debtorId === sheet.debtor.id ||
      payment.suggestions.some((s) => s.debtorId === sheet.debtor.id) ||
      openAmounts.has(payment.unallocated) ||
      resemblesName(payment.counterpartyName, sheet.debtor.name),
  );
}
