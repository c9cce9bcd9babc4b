/**
 * What the debtor writes with each instalment so that the bank matching finds it. The matching
 * allocates a structured reference to its own invoice, and invoice numbers in the remittance text
 * to those invoices oldest first. So an instalment that falls wholly on one invoice with a valid
 * structured reference carries that reference; one that spans invoices (or an invoice without a
 * reference) names the invoice numbers it pays.
 */
import { formatBetalingskenmerk } from '../references/betalingskenmerk.js';
import { formatCreditorReference } from '../references/creditor-reference.js';
import { formatOgm } from '../references/ogm.js';
import { validateStructuredReference } from '../references/structured-reference.js';

export type PlanInvoiceForReference = { number: string; openCents: number; paymentReference: string | null };

export type InstalmentReference =
  | { kind: 'structured'; display: string; compact: string }
  | { kind: 'text'; text: string };

/** `invoices` in the order payments pay them (oldest due date first); amounts in cents. */
export function instalmentReferences(
  invoices: readonly PlanInvoiceForReference[],
  instalments: readonly { amountCents: number }[],
): InstalmentReference[] {
  const ranges: { invoice: PlanInvoiceForReference; from: number; to: number }[] = [];
  let end = 0;
  for (const invoice of invoices) {
    if (invoice.openCents <= 0) continue;
    ranges.push({ invoice, from: end, to: end + invoice.openCents });
    end += invoice.openCents;
  }
  let start = 0;
  return instalments.map((instalment) => {
    const from = start;
    const to = start + instalment.amountCents;
    start = to;
    const covered = ranges.filter((r) => r.from < to && r.to > from);
    const [only] = covered;
    if (covered.length === 1 && only) {
      const structured = structuredReference(only.invoice.paymentReference);
      if (structured) return structured;
    }
    // Past the invoices' total (a plan above the balance) the last invoice is named.
    const named = covered.length > 0 ? covered : ranges.slice(-1);
    return { kind: 'text', text: named.map((r) => r.invoice.number).join(' ') };
  });
}

function structuredReference(reference: string | null): InstalmentReference | null {
  if (!reference) return null;
  const checked = validateStructuredReference(reference);
  if (!checked.ok) return null;
  const display =
    checked.kind === 'ogm'
      ? formatOgm(checked.normalized)
      : checked.kind === 'betalingskenmerk'
        ? formatBetalingskenmerk(checked.normalized)
        : formatCreditorReference(checked.normalized);
  return { kind: 'structured', display, compact: checked.normalized };
}

export const referenceText = (reference: InstalmentReference): string =>
  reference.kind === 'structured' ? reference.display : reference.text;
