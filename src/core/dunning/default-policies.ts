import type { DebtorKind } from '../ledger/enums.js';
import type { PolicyRegime, StepAnchor, StepChannel } from './enums.js';
import type { LetterKind, Tone } from './letter.js';

/**
 * The four policies every organisation starts with (copy and edit them in the UI). The rhythm
 * follows the seeds: a first reminder three days after the due date with a new term of about ten
 * days (000#1, 001#3), a call soon after it (001#2, 004), a second reminder, for Dutch consumers
 * the statutory fourteen-day letter before any costs (6:96 lid 6 BW), a formal demand that states
 * the consequences (001#4, 004#10), then handover to a collection agency or lawyer.
 */

export type StepDefinition = {
  name: string;
  anchor: StepAnchor;
  offsetDays: number;
  channel: StepChannel;
  letterKind: LetterKind | null;
  tone: Tone;
  deadlineDays: number;
  minOpenCents: number;
  claimsCosts: boolean;
  isEnabled: boolean;
};

export type PolicyDefinition = {
  name: string;
  description: string;
  regime: PolicyRegime;
  debtorKind: DebtorKind;
  steps: readonly StepDefinition[];
};

const step = (
  name: string,
  fields: Pick<StepDefinition, 'anchor' | 'offsetDays' | 'channel'> & Partial<StepDefinition>,
): StepDefinition => ({
  name,
  letterKind: null,
  tone: 'neutral',
  deadlineDays: 10,
  minOpenCents: 0,
  claimsCosts: false,
  isEnabled: true,
  ...fields,
});

const preDueNotice = step('Friendly notice before the due date', {
  anchor: 'due_date',
  offsetDays: -5,
  channel: 'email',
  letterKind: 'pre_due_notice',
  tone: 'friendly',
  isEnabled: false,
});
const firstReminder = step('First reminder', {
  anchor: 'due_date',
  offsetDays: 3,
  channel: 'email',
  letterKind: 'first_reminder',
  tone: 'friendly',
});
const callAfterFirstReminder = step('Call after the first reminder', {
  anchor: 'previous_step',
  offsetDays: 5,
  channel: 'call_task',
});
const secondReminder = step('Second reminder', {
  anchor: 'previous_step',
  offsetDays: 9,
  channel: 'email',
  letterKind: 'second_reminder',
  tone: 'neutral',
});
const handover = (offsetDays: number) =>
  step('Handover to a collection agency or lawyer', {
    anchor: 'previous_step',
    offsetDays,
    channel: 'handover',
    letterKind: 'handover_notice',
    tone: 'firm',
    minOpenCents: 10_000,
  });

export const DEFAULT_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'NL business (B2B)',
    description:
      'Dutch business customers: reminders, a call, then a formal demand with WIK costs and commercial interest.',
    regime: 'nl_b2b',
    debtorKind: 'business',
    steps: [
      preDueNotice,
      firstReminder,
      callAfterFirstReminder,
      secondReminder,
      step('Formal demand (sommatie)', {
        anchor: 'previous_step',
        offsetDays: 14,
        channel: 'letter',
        letterKind: 'formal_demand',
        tone: 'firm',
        deadlineDays: 14,
        claimsCosts: true,
      }),
      handover(21),
    ],
  },
  {
    name: 'NL consumer (B2C)',
    description:
      'Dutch consumers: reminders and a call, then the statutory fourteen-day letter before any costs are charged.',
    regime: 'nl_b2c',
    debtorKind: 'consumer',
    steps: [
      preDueNotice,
      firstReminder,
      callAfterFirstReminder,
      step('Fourteen-day letter (veertiendagenbrief)', {
        anchor: 'previous_step',
        offsetDays: 9,
        channel: 'letter',
        letterKind: 'fourteen_day_letter',
        tone: 'neutral',
        deadlineDays: 14,
      }),
      step('Formal demand with costs', {
        anchor: 'previous_step',
        offsetDays: 21,
        channel: 'letter',
        letterKind: 'formal_demand',
        tone: 'firm',
        deadlineDays: 14,
        claimsCosts: true,
      }),
      handover(21),
    ],
  },
  {
    name: 'BE business (B2B)',
    description:
      'Belgian business customers: reminders, a call, then a notice of default with interest and the €40 compensation.',
    regime: 'be_b2b',
    debtorKind: 'business',
    steps: [
      preDueNotice,
      firstReminder,
      callAfterFirstReminder,
      secondReminder,
      step('Notice of default (ingebrekestelling / mise en demeure)', {
        anchor: 'previous_step',
        offsetDays: 14,
        channel: 'letter',
        letterKind: 'formal_demand',
        tone: 'firm',
        deadlineDays: 15,
        claimsCosts: true,
      }),
      handover(21),
    ],
  },
  {
    name: 'BE consumer (B2C)',
    description:
      'Belgian consumers (Book XIX CEL): a free first reminder with the statutory waiting period, then a notice of default.',
    regime: 'be_b2c',
    debtorKind: 'consumer',
    steps: [
      preDueNotice,
      step('First reminder (free of charge)', {
        anchor: 'due_date',
        offsetDays: 3,
        channel: 'letter',
        letterKind: 'first_reminder',
        tone: 'friendly',
        deadlineDays: 17,
      }),
      callAfterFirstReminder,
      step('Notice of default (ingebrekestelling / mise en demeure)', {
        anchor: 'previous_step',
        offsetDays: 17,
        channel: 'letter',
        letterKind: 'formal_demand',
        tone: 'firm',
        deadlineDays: 15,
        claimsCosts: true,
      }),
      handover(21),
    ],
  },
];
