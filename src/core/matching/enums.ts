/** Enumerations of the bank import and matching: one list for the database, the API and the web. */

/** The result of a statement's balance check (opening + entries = closing). */
export const BALANCE_CHECK_RESULTS = ['not_given', 'ok', 'mismatch'] as const;
export type BalanceCheckResult = (typeof BALANCE_CHECK_RESULTS)[number];

/**
 * Why a payment was matched to invoices, strongest first. A match carries every code that applies,
 * e.g. ['reference', 'amount_exact'] or ['invoice_number', 'partial_payment', 'iban_known'].
 */
export const MATCH_REASONS = [
  /** A structured reference (OGM, betalingskenmerk, RF) equal to the invoice's payment reference. */
  'reference',
  /** The same, but found in the free remittance text rather than the structured field. */
  'reference_in_text',
  /** The invoice number written in the remittance text. */
  'invoice_number',
  /** The counterparty's IBAN paid this debtor before. */
  'iban_known',
  /** The counterparty's name resembles the debtor's. */
  'name',
  'amount_exact',
  'partial_payment',
  'overpayment',
  /** Open credit notes of the debtor were offset to make the amount fit. */
  'credit_note_offset',
  /** Several invoices or debtors fit equally well: a person chooses. */
  'ambiguous',
  /** The invoice named is already paid: a double payment, to be refunded or re-allocated. */
  'already_paid',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];
