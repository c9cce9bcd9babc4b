/** Enumerations shared by the database, the API and the web app: one list, three uses. */
export const COUNTRIES = ['NL', 'BE'] as const;
export type Country = (typeof COUNTRIES)[number];

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ROLES = ['admin', 'senior_collector', 'collector', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const DEBTOR_KINDS = ['business', 'consumer'] as const;
export type DebtorKind = (typeof DEBTOR_KINDS)[number];

export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const INVOICE_STATUSES = [
  'open',
  'partially_paid',
  'paid',
  'disputed',
  'written_off',
  'handed_over',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const DISPUTE_STATUSES = ['open', 'resolved', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * `parked`: set aside as unidentified from the matching screen; `refunded`: paid back; `reversed`:
 * taken back by the bank (a reversal or returned direct debit), its allocations undone.
 */
export const PAYMENT_STATUSES = [
  'unmatched',
  'partially_allocated',
  'allocated',
  'parked',
  'refunded',
  'reversed',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_REFERENCE_KINDS = ['none', 'ogm', 'kenmerk', 'rf'] as const;
export type PaymentReferenceKind = (typeof PAYMENT_REFERENCE_KINDS)[number];

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const TIMELINE_KINDS = [
  'debtor_created',
  'debtor_updated',
  'contact_added',
  'contact_updated',
  'contact_removed',
  'invoice_imported',
  'invoice_updated',
  'credit_note_imported',
  'payment_recorded',
  'payment_allocated',
  'payment_reversed',
  'dispute_opened',
  'dispute_resolved',
  'note',
  'letter',
  'email',
  'call',
  /** R21: the collector's evaluation of a call, and a senior's review of it. */
  'call_evaluation',
  'call_task_created',
  'handed_over',
  'promise',
  'promise_status_changed',
  'plan',
  'plan_status_changed',
  'status_changed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
