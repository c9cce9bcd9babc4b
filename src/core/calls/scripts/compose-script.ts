/**
 * Turns a script template and a typed context into the lines a collector reads during the call:
 * placeholders filled in the script's language (amounts, dates written out, invoice lists,
 * consequences), French typography applied. Where the context has no value for a placeholder (a
 * debtor without a promise read the broken-promise lines of a senior's edit, say), the line keeps
 * a neutral hint in its place ("[due date]") and the gap is reported: the prep sheet still opens.
 */
import type { CalendarDate } from '../../calendar-date.js';
import { formatEuro, formatLongDate } from '../../dunning/templates/format.js';
import type { Language } from '../../ledger/enums.js';
import { EN_SCRIPTS } from './en.js';
import { FR_SCRIPTS } from './fr.js';
import { NL_SCRIPTS } from './nl.js';
import { fillPlaceholdersOrHint, type PlaceholderValues } from './placeholders.js';
import type {
  ScriptContext,
  ScriptLanguagePack,
  ScriptSection,
  ScriptSituation,
  ScriptTemplate,
} from './script-types.js';

export const SCRIPT_PACKS: Record<Language, ScriptLanguagePack> = {
  nl: NL_SCRIPTS,
  fr: FR_SCRIPTS,
  en: EN_SCRIPTS,
};

export const SCRIPT_SECTIONS: readonly ScriptSection[] = [
  'opening',
  'keyQuestions',
  'consequences',
  'closing',
];

export type CallScript = {
  situation: ScriptSituation;
  language: Language;
  sections: Record<ScriptSection, string[]>;
};

/** A line said with hints: placeholders the call has no value for, or names that do not exist. */
export type ScriptIssue = { section: ScriptSection; line: number; unknown: string[]; missing: string[] };

export type ComposeScriptResult = { script: CallScript; issues: ScriptIssue[] };

/**
 * The placeholder values a context gives in its language; absent data leaves a placeholder unset.
 * Before an agreement is made, the summary rehearses the call's aim: for a call before the due date
 * the coming payment, otherwise the maximum goal.
 */
export function scriptValues(context: ScriptContext, situation?: ScriptSituation): PlaceholderValues {
  const { phrases } = SCRIPT_PACKS[context.language];
  const euro = (amount: number) => formatEuro(amount, context.language);
  const date = (value: CalendarDate) => formatLongDate(value, context.language);
  const values: PlaceholderValues = {
    greeting: phrases.greeting(context.localHour),
    contactName: context.contactName,
    collectorName: context.collectorName,
    creditorName: context.creditorName,
    debtorName: context.debtorName,
    overdueAmount: euro(context.overdueCents),
    daysLate: String(context.daysLate),
    remindersPhrase: phrases.reminders(context.remindersSent),
    remindersClause: phrases.remindersClause(context.remindersSent),
    debtHelp: phrases.debtHelp[context.country],
  };
  if (context.paymentTermDays !== undefined) values.paymentTermDays = String(context.paymentTermDays);
  if (context.invoiceNumbers.length > 0) values.invoicePhrase = phrases.invoices(context.invoiceNumbers);
  if (context.oldestDueDate) values.oldestDueDate = date(context.oldestDueDate);
  if (context.upcoming) {
    values.upcomingAmount = euro(context.upcoming.amountCents);
    values.upcomingDueDate = date(context.upcoming.dueDate);
  }
  if (context.brokenPromise) {
    values.promisedAmount = euro(context.brokenPromise.amountCents);
    values.promisedDate = date(context.brokenPromise.date);
  }
  if (context.goals) {
    values.payByDate = date(context.goals.payByDate);
    values.minimumAmount = euro(context.goals.minimumAmountCents);
  }
  if (context.nextStep) {
    values.nextStep = phrases.nextStep[context.nextStep.kind](context.country);
    values.nextStepDate = date(context.nextStep.date);
  }
  const agreement = context.agreement;
  if (agreement?.kind === 'promise') {
    values.agreementSummary = phrases.promise(euro(agreement.amountCents), date(agreement.date));
  } else if (agreement?.kind === 'plan') {
    const total = agreement.instalments.reduce((sum, i) => sum + i.amountCents, 0);
    const instalments = agreement.instalments.map((i) => ({
      amount: euro(i.amountCents),
      date: date(i.dueDate),
    }));
    values.agreementSummary = phrases.plan(euro(total), instalments);
  } else if (context.upcoming && (situation === 'before_due' || context.overdueCents <= 0)) {
    values.agreementSummary = phrases.promise(
      euro(context.upcoming.amountCents),
      date(context.upcoming.dueDate),
    );
  } else if (context.goals) {
    values.agreementSummary = phrases.promise(euro(context.overdueCents), date(context.goals.payByDate));
  }
  return values;
}

/** The call script for a situation, from the default template or `template` (a senior's edit). */
export function composeCallScript(
  situation: ScriptSituation,
  context: ScriptContext,
  template: ScriptTemplate = SCRIPT_PACKS[context.language].scripts[situation],
): ComposeScriptResult {
  const values = scriptValues(context, situation);
  const { hints } = SCRIPT_PACKS[context.language].phrases;
  const issues: ScriptIssue[] = [];
  const sections = {} as Record<ScriptSection, string[]>;
  for (const section of SCRIPT_SECTIONS) {
    sections[section] = template[section].map((line, index) => {
      const filled = fillPlaceholdersOrHint(line, values, hints);
      if (filled.unknown.length > 0 || filled.missing.length > 0) {
        issues.push({ section, line: index, unknown: filled.unknown, missing: filled.missing });
      }
      return applyTypography(filled.text, context.language);
    });
  }
  return { script: { situation, language: context.language, sections }, issues };
}

/** French puts a no-break space before ? ! : ; (the templates are written with plain spaces). */
export function applyTypography(text: string, language: Language): string {
  return language === 'fr' ? text.replace(/ ([?!:;])/g, '\u00a0$1') : text;
}

export type SituationFacts = {
  daysLate: number;
  hasBrokenPromise: boolean;
  isConsumer: boolean;
  hasPaymentTrouble: boolean;
  /** The next step of the policy hands the file over or goes to court. */
  isLastStepBeforeLegal: boolean;
  remindersSent: number;
};

/**
 * Which script fits (004#6: before due, after due, falling behind; and the hard cases). The most
 * specific wins: a consumer in payment trouble is never read the final-call script first.
 */
export function chooseScriptSituation(facts: SituationFacts): ScriptSituation {
  if (facts.isConsumer && facts.hasPaymentTrouble) return 'consumer_payment_problems';
  if (facts.daysLate <= 0) return 'before_due';
  if (facts.hasBrokenPromise) return 'broken_promise';
  if (facts.isLastStepBeforeLegal) return 'final_before_legal';
  if (facts.remindersSent >= 1 || facts.daysLate > 14) return 'falling_behind';
  return 'just_overdue';
}
