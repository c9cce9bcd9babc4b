/**
 * What the manual matching screen reads: the payments waiting for a person with the matching's
 * suggestions (and the split accepting one gives), and a search of open invoices.
 */
import { allocateOldestFirst } from '../../core/matching/allocation.js';
import { invoiceNumberKey, paymentReferenceKey } from '../../core/matching/keys.js';
import { formatCents, parseAmount } from '../../core/money.js';
import type { Actor } from '../auth/access.js';
import type { LedgerDeps } from '../ledger/organisation.service.js';
import type {
  InvoiceSearchResult,
  MatchInvoice,
  MatchingView,
  PaymentToMatchList,
} from './banking.schemas.js';
import {
  findMatchInvoices,
  findNetAllocations,
  findPaymentsToMatch,
  findSuggestions,
  type MatchInvoiceRow,
  searchOpenInvoices,
} from './manual-matching.repo.js';

const LIST_LIMIT = 200;
const SEARCH_LIMIT = 20;

export async function listPaymentsToMatch(
  deps: LedgerDeps,
  actor: Actor,
  view: MatchingView,
): Promise<PaymentToMatchList> {
  const { rows, total } = await findPaymentsToMatch(deps.db, {
    orgId: actor.orgId,
    statuses: view === 'open' ? ['unmatched', 'partially_allocated'] : ['parked'],
    limit: LIST_LIMIT,
  });
  const paymentIds = rows.map((r) => r.id);
  const suggestions = await findSuggestions(deps.db, { orgId: actor.orgId, paymentIds });
  const allocations = await findNetAllocations(deps.db, { orgId: actor.orgId, paymentIds });
  const invoices = new Map(
    (
      await findMatchInvoices(deps.db, {
        orgId: actor.orgId,
        invoiceIds: [...new Set(suggestions.flatMap((s) => s.invoiceIds))],
      })
    ).map((i) => [i.id, i]),
  );
  return {
    total,
    items: rows.map((payment) => ({
      id: payment.id,
      date: payment.date,
      amount: formatCents(payment.amountCents),
      unallocated: formatCents(payment.amountCents - payment.allocatedCents),
      currency: payment.currency,
      status: payment.status,
      counterpartyName: payment.counterpartyName,
      counterpartyIban: payment.counterpartyIban,
      reference: payment.reference,
      remittance: payment.remittance,
      debtorId: payment.debtorId,
      allocations: allocations
        .filter((a) => a.paymentId === payment.id)
        .map((a) => ({
          invoiceId: a.invoiceId,
          invoiceNumber: a.invoiceNumber,
          amount: formatCents(a.amountCents),
        })),
      suggestions: suggestions
        .filter((s) => s.paymentId === payment.id)
        .flatMap((s) => {
          // Invoices paid since the suggestion was made drop out; a suggestion left with none goes.
          const open = s.invoiceIds.flatMap((id) => {
            const invoice = invoices.get(id);
            return invoice && invoice.openCents !== 0 && invoice.status !== 'written_off' ? [invoice] : [];
          });
          const split = allocateOldestFirst(payment.amountCents - payment.allocatedCents, open);
          if (split.allocations.length === 0) return [];
          return [
            {
              rank: s.rank,
              score: s.score,
              reasons: s.reasons,
              debtorId: s.debtorId,
              debtorName: open[0]?.debtorName ?? null,
              invoices: open.map(toMatchInvoice),
              allocations: split.allocations.map((a) => ({
                invoiceId: a.invoiceId,
                amount: formatCents(a.amountCents),
              })),
            },
          ];
        }),
    })),
  };
}

export async function searchInvoicesToMatch(
  deps: LedgerDeps,
  actor: Actor,
  query: string,
): Promise<InvoiceSearchResult> {
  const amount = /^-?[\d.,\s€]+$/.test(query) ? parseAmount(query) : null;
  const rows = await searchOpenInvoices(deps.db, {
    orgId: actor.orgId,
    text: query,
    referenceKey: paymentReferenceKey(query),
    numberKey: invoiceNumberKey(query),
    amountCents: amount?.ok ? amount.cents : null,
    limit: SEARCH_LIMIT,
  });
  return { items: rows.map(toMatchInvoice) };
}

function toMatchInvoice(row: MatchInvoiceRow): MatchInvoice {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    debtorId: row.debtorId,
    debtorName: row.debtorName,
    debtorNumber: row.debtorNumber,
    paymentReference: row.paymentReference,
    dueDate: row.dueDate,
    total: formatCents(row.totalCents),
    open: formatCents(row.openCents),
  };
}
