import { joinList } from '../../dunning/templates/format.js';
import type { ScriptLanguagePack } from './script-types.js';

const reminders = (count: number) => (count === 1 ? 'one reminder' : `${count} reminders`);

/** English call scripts (British spelling), for debtors who do not speak Dutch or French. */
export const EN_SCRIPTS: ScriptLanguagePack = {
  phrases: {
    greeting: (hour) => (hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening'),
    invoices: (numbers) =>
      numbers.length === 1 ? `invoice ${numbers[0]}` : `invoices ${joinList(numbers, 'and')}`,
    reminders,
    remindersClause: (count) => (count === 0 ? '' : `, and you have received ${reminders(count)} about it`),
    nextStep: {
      reminder: () => 'a written reminder',
      formal_demand: () => 'a formal notice of default',
      handover: (country) =>
        country === 'BE' ? 'handover to a collection agency or a lawyer' : 'handover to a collection agency',
      legal_action: () => 'legal proceedings',
    },
    debtHelp: {
      NL: 'the debt assistance service of your municipality',
      BE: 'a debt mediation service, such as the one at the OCMW/CPAS',
    },
    promise: (amount, date) => `you will pay ${amount} by ${date} at the latest`,
    plan: (total, instalments) =>
      `you will pay ${total} in ${instalments.length} instalments: ${joinList(
        instalments.map((i) => `${i.amount} on ${i.date}`),
        'and',
      )}`,
    hints: {
      greeting: 'Hello',
      contactName: '[name of the contact]',
      collectorName: '[your name]',
      creditorName: '[our company]',
      debtorName: '[the customer]',
      invoicePhrase: 'the open invoices',
      overdueAmount: 'the open amount',
      oldestDueDate: '[due date]',
      daysLate: '[number of]',
      paymentTermDays: '[number of]',
      remindersPhrase: 'our reminders',
      remindersClause: '',
      upcomingAmount: '[amount]',
      upcomingDueDate: '[due date]',
      promisedAmount: '[promised amount]',
      promisedDate: '[promised date]',
      payByDate: '[date to agree]',
      minimumAmount: '[a first part]',
      nextStep: '[next step]',
      nextStepDate: '[date]',
      debtHelp: 'a debt assistance service',
      agreementSummary: '[what we agree now]',
    },
  },
  scripts: {
    before_due: {
      opening: [
        '{greeting}, this is {collectorName} from {creditorName}. Am I speaking to {contactName}?',
        'I’m calling briefly about {invoicePhrase} for {upcomingAmount}, which is due on {upcomingDueDate}. I just want to make sure everything reached you properly, so that payment can go through on time without any trouble.',
      ],
      keyQuestions: [
        'Did you receive the invoice, and is everything on it correct?',
        'Has the invoice been approved for payment, or does someone still need to look at it?',
        'Who takes care of the payment on your side, and is it already scheduled before {upcomingDueDate}?',
      ],
      consequences: [],
      closing: [
        'Great, so I’ll note: {agreementSummary}.',
        'If anything turns out not to be right, just let me know and we’ll sort it out before the due date. Thank you, and have a good day.',
      ],
    },
    just_overdue: {
      opening: [
        '{greeting}, this is {collectorName} from {creditorName}. Am I speaking to {contactName}?',
        'I’m calling about {invoicePhrase}. It was due on {oldestDueDate} and we haven’t received the payment of {overdueAmount} yet. Perhaps it slipped through, which is why I thought I’d call you personally.',
      ],
      keyQuestions: [
        'Do you have the invoice, and has it been approved for payment?',
        'Can we agree that the amount will reach us by {payByDate} at the latest?',
        'Who will arrange the payment, and when will it go out?',
      ],
      consequences: [
        'If the payment doesn’t arrive, our system will send a reminder automatically. I’d like to save you that.',
      ],
      closing: [
        'So, to sum up: {agreementSummary}.',
        'I’ll email you this agreement today, with the payment details. Could you confirm that you’ve received it? Thank you for your time.',
      ],
    },
    falling_behind: {
      opening: [
        '{greeting}, this is {collectorName} from {creditorName}. Am I speaking to {contactName}?',
        'I’m calling about the outstanding amount of {overdueAmount} for {invoicePhrase}. The oldest due date was {oldestDueDate}, {daysLate} days ago now{remindersClause}.',
        'I’d like us to find a solution together today.',
      ],
      keyQuestions: [
        'What has held up the payment?',
        'How much can you pay today or tomorrow? I’m thinking of at least {minimumAmount}.',
        'If it can’t be done in one go: what monthly amount is realistic, and from when?',
        'Who makes that decision on your side, and can I speak to them now?',
      ],
      consequences: [
        'I’d rather be honest with you now: without an agreement, the file moves to the next step on {nextStepDate}: {nextStep}. That can mean extra costs for you, and I’d like us to avoid that together.',
      ],
      closing: [
        'So I’ll record it like this: {agreementSummary}.',
        'You’ll receive the agreement by email today, with the payment details. Could you confirm that you’ve received it? As long as the agreement is kept, we won’t send you any reminders.',
      ],
    },
    broken_promise: {
      opening: [
        '{greeting}, this is {collectorName} from {creditorName}. Am I speaking to {contactName}?',
        'We agreed that you would pay {promisedAmount} by {promisedDate}. That payment hasn’t reached us, and I’d like to hear what happened.',
      ],
      keyQuestions: [
        'What got in the way?',
        'Can you pay the amount today? Then I’ll send you the payment details right away.',
        'Which date can you really keep to, and who on your side will make sure it happens that day?',
      ],
      consequences: [
        'We can agree on a new date once more, but if this second agreement isn’t kept, I can’t hold the file back any longer. It will then move to the next step on {nextStepDate}: {nextStep}.',
      ],
      closing: [
        'So I’ll record it like this: {agreementSummary}.',
        'You’ll receive the agreement by email today. Could you confirm that you’ve received it? Thank you.',
      ],
    },
    consumer_payment_problems: {
      opening: [
        '{greeting}, this is {collectorName} from {creditorName}. Am I speaking to {contactName}?',
        'I’m calling about the outstanding amount of {overdueAmount}. I understand things may not be easy at the moment, and I’d like to look with you at what is possible.',
      ],
      keyQuestions: [
        'Could you tell me how things stand for you at the moment?',
        'What amount could you pay each month while still paying your fixed costs, such as rent and energy?',
        'Is anyone already helping you, for example {debtHelp}? Then we’ll fit the arrangement to that.',
        'From what date could you pay the first instalment?',
      ],
      consequences: [
        'If we don’t agree on anything, the claim will continue and costs may be added. I’d like to spare you that: an arrangement you can keep up is better for both of us.',
      ],
      closing: [
        'To sum up: {agreementSummary}.',
        'You’ll receive everything by email or by post, so you can read it through at your own pace. If an instalment is ever a problem, call us before it is due and we’ll look for a solution together.',
      ],
    },
    final_before_legal: {
      opening: [
        '{greeting}, this is {collectorName} from {creditorName}. Am I speaking to {contactName}?',
        'I’m calling about the outstanding amount of {overdueAmount} for {invoicePhrase}. You have received {remindersPhrase} about it, and it still hasn’t been paid.',
        'This is the last moment at which we can resolve this together, before we move to the next step on {nextStepDate}: {nextStep}.',
      ],
      keyQuestions: [
        'Can you pay the full amount by {payByDate} at the latest?',
        'If not: how much will you pay today, and how will you settle the rest?',
        'Is there anything about the invoice or the delivery that isn’t right and that I don’t know about yet?',
      ],
      consequences: [
        'I want to be clear, so that nothing comes as a surprise: without payment or an agreement, the file moves to the next step on {nextStepDate}: {nextStep}. The costs of that may be charged to you, on top of the amount outstanding now.',
      ],
      closing: [
        'So I’ll record it like this: {agreementSummary}.',
        'You’ll receive the agreement by email today. If the payment arrives on time, that will close the matter.',
      ],
    },
  },
};
