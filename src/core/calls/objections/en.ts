import type { ObjectionTexts } from './objection-library.js';

/** English counters (British spelling). */
export const EN_OBJECTIONS: ObjectionTexts = {
  already_paid: {
    label: 'Already paid',
    heard: 'I think I’ve already paid that.',
    counters: {
      ask_details:
        'Thank you, I’ll look into it straight away. When was it paid, for what amount and from which account? Then I can trace the payment.',
      send_proof:
        'I can’t see a payment for {invoicePhrase} yet. Could you email me the proof of payment? I’ll check it today and let you know what I find.',
    },
  },
  was_ill: {
    label: 'I was ill',
    heard: 'I’ve been ill, that’s why it was left.',
    counters: {
      who_else:
        'I’m sorry to hear that, and I hope you’re feeling better now. Is there someone who could arrange the payment, so you don’t have to think about it any more?',
      new_date:
        'Good to have you back. Shall we agree on a date right now? I’d suggest that the {overdueAmount} reaches us by {payByDate} at the latest.',
    },
  },
  call_back_later: {
    label: 'In a meeting, call back later',
    heard: 'I’m in a meeting, could you call me back another time?',
    counters: {
      exact_time:
        'Of course, I’ll gladly call you back. What time exactly suits you today? I’ll call you then.',
      direct_line: 'Which number or extension can I reach you on directly?',
    },
  },
  not_satisfied: {
    label: 'Not satisfied with the work or goods',
    heard: 'To be honest, I’m not happy with the result.',
    counters: {
      listen:
        'I want to understand this properly. What exactly is wrong, and which invoice or which part of the delivery is it about?',
      split:
        'I’ll record your complaint today and have it looked into; while that is under way, you don’t need to pay that part. The part that isn’t in question, though, I’d ask you to pay now. Can we agree on that?',
    },
  },
  never_saw_invoice: {
    label: 'Never saw the invoice',
    heard: 'I’ve never seen that invoice.',
    counters: {
      resend_now:
        'I can sort that out right away: I’ll email you {invoicePhrase} now. Which email address should I send it to?',
      agree_date:
        'Has the email come through? Then let’s agree now when the payment will go out. Could it be by {payByDate}?',
    },
  },
  pay_end_of_week: {
    label: 'Will pay at the end of the week',
    heard: 'I’ll transfer it at the end of the week.',
    counters: {
      pin_down: 'Good. Let’s make it concrete: which day exactly, and how much?',
      confirm:
        'Then I’ll note that day and that amount, and email you the agreement, so we both know where we stand.',
    },
  },
  goods_not_received: {
    label: 'Never received the goods',
    heard: 'We never received those products.',
    counters: {
      check_delivery:
        'I’ll look into that straight away. Our records show a delivery; I’ll send you the signed delivery note so you can check it internally.',
      pay_delivered_part:
        'If part of it is missing, I’ll record that and we’ll sort it out. Could you pay for the part that was delivered now?',
    },
  },
  term_was_sixty_days: {
    label: 'Wasn’t the term 60 days?',
    heard: 'Wasn’t the payment term 60 days?',
    counters: {
      show_terms:
        'I understand the confusion. The payment term agreed with you is {paymentTermDays} days, and it is on the invoice too. I’m happy to send you the order confirmation again.',
      check_with_sales:
        'If you agreed something different with our sales team, I’ll look into it. In the meantime, can we agree that the amount reaches us by {payByDate}?',
    },
  },
  cannot_pay_now: {
    label: 'Cannot pay now',
    heard: 'I really can’t pay it at the moment.',
    counters: {
      part_now:
        'Thank you for being straight with me. How much could you pay now? For the rest, we’ll work out an arrangement together that you can manage.',
      find_cause:
        'Is this a temporary setback, or something that will last longer? Then we’ll know which arrangement suits you.',
    },
  },
  waiting_for_own_customer: {
    label: 'Waiting for their own customer to pay',
    heard: 'I’m still waiting for my own customer to pay me.',
    counters: {
      part_now:
        'I understand, we know that situation too. How much could you pay now, while you wait for that money?',
      link_to_date:
        'When do you expect that payment? Then let’s fix a date, shortly after it, by which the amount reaches us.',
    },
  },
  responsible_person_absent: {
    label: 'The person responsible is away',
    heard: 'The person who makes the payments is away this week.',
    counters: {
      who_else: 'Who can approve or make the payment in the meantime?',
      when_back: 'When will they be back? Then let’s fix a time now at which I’ll call that day.',
    },
  },
  invoice_not_approved: {
    label: 'Invoice not yet approved',
    heard: 'The invoice hasn’t been approved yet, the purchase order number is missing.',
    counters: {
      purchase_order:
        'Which purchase order number or reference do you need? I’ll send the invoice again today with it on.',
      approver: 'Who needs to approve the invoice, and how long does that usually take on your side?',
    },
  },
  in_next_payment_run: {
    label: 'In the next payment run',
    heard: 'It will go out in the next payment run.',
    counters: {
      run_date:
        'Good. What date is that payment run? Then I’ll note that the amount reaches us shortly after.',
      full_amount: 'Is the full amount of {overdueAmount} included, or only part of it?',
    },
  },
};
