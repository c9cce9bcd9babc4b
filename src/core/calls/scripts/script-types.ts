import type { CalendarDate } from '../../calendar-date.js';
import type { Country, DebtorKind, Language } from '../../ledger/enums.js';
import type { Cents } from '../../money.js';
import type { Placeholder } from './placeholders.js';

/** The call situations of 004#6 (timeline: before due, after due, falling behind) and beyond. */
export const SCRIPT_SITUATIONS = [
  'before_due',
  'just_overdue',
  'falling_behind',
  'broken_promise',
  'consumer_payment_problems',
  'final_before_legal',
] as const;
export type ScriptSituation = (typeof SCRIPT_SITUATIONS)[number];

/** The next step of the dunning policy, as the consequences name it. */
export const NEXT_STEP_KINDS = ['reminder', 'formal_demand', 'handover', 'legal_action'] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

/**
 * One script as stored (defaults here, a senior's edited sections in the database): lines with
 * placeholders, per section. A strong opening (004#7), the key questions ("who does what by
 * when?", 004#11), the consequences stated professionally (004#10), and the closing summary that
 * the confirmation email repeats (003#4).
 */
export type ScriptTemplate = {
  opening: readonly string[];
  keyQuestions: readonly string[];
  consequences: readonly string[];
  closing: readonly string[];
};

export type ScriptSection = keyof ScriptTemplate;

/** The words a language needs to fill the placeholders (grammar, not arithmetic). */
export type ScriptPhrases = {
  /** The greeting for the debtor's local hour. */
  greeting: (hour: number) => string;
  invoices: (numbers: readonly string[]) => string;
  reminders: (count: number) => string;
  /** The reminders as a clause that ends a sentence; nothing when none were sent. */
  remindersClause: (count: number) => string;
  nextStep: Record<NextStepKind, (country: Country) => string>;
  debtHelp: Record<Country, string>;
  promise: (amount: string, date: string) => string;
  plan: (total: string, instalments: readonly { amount: string; date: string }[]) => string;
  /** What a line says where the call has no value for a placeholder: a neutral slot, never a gap. */
  hints: Record<Placeholder, string>;
};

export type ScriptLanguagePack = { phrases: ScriptPhrases; scripts: Record<ScriptSituation, ScriptTemplate> };

export type ScriptAgreement =
  | { kind: 'promise'; amountCents: number; date: CalendarDate }
  | { kind: 'plan'; instalments: readonly { amountCents: number; dueDate: CalendarDate }[] };

/** Everything a script can say, typed; `composeCallScript` formats it in the script's language. */
export type ScriptContext = {
  language: Language;
  /** The creditor's country (wording) — the debtor's for debt help. */
  country: Country;
  debtorKind: DebtorKind;
  contactName: string;
  /** The debtor's local hour at the time of the call, for the greeting. */
  localHour: number;
  collectorName: string;
  creditorName: string;
  debtorName: string;
  invoiceNumbers: readonly string[];
  overdueCents: number;
  oldestDueDate: CalendarDate | null;
  daysLate: number;
  remindersSent: number;
  paymentTermDays?: number;
  upcoming?: { amountCents: number; dueDate: CalendarDate };
  brokenPromise?: { amountCents: number; date: CalendarDate };
  goals?: { payByDate: CalendarDate; minimumAmountCents: Cents };
  nextStep?: { kind: NextStepKind; date: CalendarDate };
  /** Once made during the call, the closing summarises it; before, the maximum goal. */
  agreement?: ScriptAgreement;
};
