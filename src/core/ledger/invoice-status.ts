import { assertNever } from '../errors.js';
import type { DocumentKind, InvoiceStatus } from './enums.js';

/** What an invoice's status depends on besides its history. */
export type InvoiceAmounts = { kind: DocumentKind; totalCents: number; openCents: number };

/**
 * The status that follows from the amounts alone: nothing open → paid, something paid → partially
 * paid, else open. Credit notes are "paid" once fully used (open 0), like invoices.
 */
export function deriveInvoiceStatus(amounts: InvoiceAmounts): 'open' | 'partially_paid' | 'paid' {
  const open = Math.abs(amounts.openCents);
  const total = Math.abs(amounts.totalCents);
  if (open === 0) return 'paid';
  if (open < total) return 'partially_paid';
  return 'open';
}

export type InvoiceEvent =
  /** Open amount changed by a payment allocation (amounts are the new ones). */
  | { type: 'payment_allocated'; amounts: InvoiceAmounts; hasOpenDispute: boolean }
  /** Total or open amount changed by a re-import or correction (amounts are the new ones). */
  | { type: 'amounts_changed'; amounts: InvoiceAmounts; hasOpenDispute: boolean }
  | { type: 'dispute_opened' }
  /** A dispute was resolved or rejected; `hasOpenDispute` tells whether another one is still open. */
  | { type: 'dispute_closed'; amounts: InvoiceAmounts; hasOpenDispute: boolean }
  | { type: 'written_off' }
  | { type: 'handed_over' };

export type InvoiceTransition = { ok: true; status: InvoiceStatus } | { ok: false; reason: string };

const refuse = (reason: string): InvoiceTransition => ({ ok: false, reason });
const to = (status: InvoiceStatus): InvoiceTransition => ({ ok: true, status });

/**
 * The invoice state machine. Paid, disputed, written-off and handed-over invoices each accept only
 * the events that make sense for them; a refused event is a value with a reason, not an exception.
 */
export function transitionInvoice(current: InvoiceStatus, event: InvoiceEvent): InvoiceTransition {
  switch (event.type) {
    case 'payment_allocated':
    case 'amounts_changed': {
      if (current === 'written_off') {
        return event.type === 'payment_allocated' ? refuse('the invoice has been written off') : to(current);
      }
      const fromAmounts = deriveInvoiceStatus(event.amounts);
      // A handed-over invoice stays with the agency until it is settled.
      if (current === 'handed_over') return to(fromAmounts === 'paid' ? 'paid' : 'handed_over');
      if (event.hasOpenDispute && fromAmounts !== 'paid') return to('disputed');
      return to(fromAmounts);
    }
    case 'dispute_opened':
      switch (current) {
        case 'open':
        case 'partially_paid':
        case 'disputed':
          return to('disputed');
        case 'paid':
          return refuse('the invoice is paid');
        case 'written_off':
          return refuse('the invoice has been written off');
        case 'handed_over':
          return refuse('the invoice has been handed over');
        default:
          return assertNever(current, 'invoice status');
      }
    case 'dispute_closed':
      if (current !== 'disputed') return to(current);
      return to(event.hasOpenDispute ? 'disputed' : deriveInvoiceStatus(event.amounts));
    case 'written_off':
      return current === 'paid' ? refuse('the invoice is paid') : to('written_off');
    case 'handed_over':
      return current === 'paid' || current === 'written_off'
        ? refuse(`the invoice is ${current === 'paid' ? 'paid' : 'written off'}`)
        : to('handed_over');
    default:
      return assertNever(event, 'invoice event');
  }
}
