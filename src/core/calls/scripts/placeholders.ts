/**
 * Script and objection texts are templates with named placeholders (`{contactName}`), so a senior
 * can edit the wording in the workbench without touching code. Filling is strict: a placeholder
 * that is not known, or known but without a value, is an error naming it, never a silent blank.
 */

export const PLACEHOLDERS = [
  /** "Goedemorgen" / "Goedemiddag" for the debtor's local hour. */
  'greeting',
  'contactName',
  'collectorName',
  'creditorName',
  'debtorName',
  /** "factuur 2026-0142" / "de facturen 2026-0142 en 2026-0150", in the script's language. */
  'invoicePhrase',
  'overdueAmount',
  'oldestDueDate',
  'daysLate',
  /** The agreed payment term in days (`debtors.payment_term_days`). */
  'paymentTermDays',
  /** "twee herinneringen": the reminders and letters sent so far. */
  'remindersPhrase',
  /** For a call before the due date: the amount and date coming up. */
  'upcomingAmount',
  'upcomingDueDate',
  /** For a broken promise: what was promised. */
  'promisedAmount',
  'promisedDate',
  /** The maximum goal: the date by which full payment is asked. */
  'payByDate',
  /** The minimum goal: what should at least be paid now. */
  'minimumAmount',
  /** The next dunning step, as a noun phrase ("overdracht aan een incassobureau"), and its date. */
  'nextStep',
  'nextStepDate',
  /** Where a consumer finds debt help in their country. */
  'debtHelp',
  /** The agreement (or, before one is made, the maximum goal) summarised: "u betaalt … uiterlijk …". */
  'agreementSummary',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PATTERN = /\{([a-zA-Z]+)\}/g;

/** The placeholders a template uses, in order of first use. */
export function findPlaceholders(template: string): string[] {
  const found: string[] = [];
  for (const match of template.matchAll(PATTERN)) {
    const name = match[1] ?? '';
    if (!found.includes(name)) found.push(name);
  }
  return found;
}

/** Placeholders in a template that do not exist, for the editor to refuse before saving. */
export const findUnknownPlaceholders = (template: string): string[] =>
  findPlaceholders(template).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));

export type FillResult = { ok: true; text: string } | { ok: false; unknown: string[]; missing: string[] };

/** Fills a template; lists every unknown or missing placeholder instead of leaving a blank. */
export function fillPlaceholders(template: string, values: PlaceholderValues): FillResult {
  const names = findPlaceholders(template);
  const unknown = names.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  const missing = names.filter(
    (name) => (PLACEHOLDERS as readonly string[]).includes(name) && values[name as Placeholder] === undefined,
  );
  if (unknown.length > 0 || missing.length > 0) return { ok: false, unknown, missing };
  return {
    ok: true,
    text: template.replace(PATTERN, (_, name: string) => values[name as Placeholder] ?? ''),
  };
}
