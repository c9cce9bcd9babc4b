/**
 * Script and objection texts are templates with named placeholders (`{contactName}`), so a senior
 * can edit the wording in the workbench without touching code. Filling never leaves a silent
 * blank: `fillPlaceholders` reports every unknown or missing placeholder, `fillPlaceholdersOrHint`
 * puts a readable hint in its place ("[due date]") and reports it too.
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
  /** ", en u heeft er twee herinneringen over ontvangen": the same as a clause, empty when none were sent. */
  'remindersClause',
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

export type HintedFill = { text: string; unknown: string[]; missing: string[] };

/**
 * Fills a template; where a value is missing it puts the language's hint for that placeholder (a
 * slot the collector fills in while speaking), and `[name]` for a name that is not known at all.
 */
export function fillPlaceholdersOrHint(
  template: string,
  values: PlaceholderValues,
  hints: Readonly<Record<Placeholder, string>>,
): HintedFill {
  const unknown: string[] = [];
  const missing: string[] = [];
  const text = template.replace(PATTERN, (_, name: string) => {
    if (!isPlaceholder(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return `[${name}]`;
    }
    const value = values[name];
    if (value !== undefined) return value;
    if (!missing.includes(name)) missing.push(name);
    return hints[name];
  });
  return { text, unknown, missing };
}

const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);

/**
 * What is wrong with a line a senior wrote, for the editor to refuse before saving: unknown
 * placeholders, and braces that are not part of a placeholder (they would be read out as written).
 */
export function checkTemplateLine(line: string): string | null {
  const unknown = findUnknownPlaceholders(line);
  if (unknown.length > 0) {
    return `unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}; known: ${PLACEHOLDERS.join(', ')}`;
  }
  if (/[{}]/.test(line.replace(PATTERN, ''))) return 'a brace that is not part of a {placeholder}';
  return null;
}
