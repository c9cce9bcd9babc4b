import { isBusinessDay } from '../calendar/business-days.js';
import { addDays, type CalendarDate } from '../calendar-date.js';
import { applyBasisPoints, type Cents, cents } from '../money.js';

/**
 * BE consumer debts, Boek XIX WER "Schulden van de consument" (wet 4 mei 2023, LEGAL.md §4).
 * Most of §4 rests on secondary sources; the [U] points are marked where they are implemented.
 * Not modelled: the €7.50 + postage fee from the 4th reminder a year under recurring supply
 * contracts (the first reminders are free, so no reminder fee is ever computed here).
 */

export type BeConsumerReminder = {
  sentOn: CalendarDate;
  channel: 'post' | 'electronic';
  /**
   * On a durable medium, stating the principal, the damages that will be claimed after the term,
   * the creditor's name and KBO number, the goods/services and due date, and the term (§4.1).
   */
  hasRequiredContent: boolean;
};

export type BeConsumerContract = {
  /** The damages clause of the contract or T&C; without one no damages may be claimed. */
  damages: { kind: 'none' } | { kind: 'statutory-maximum' } | { kind: 'fixed'; amountCents: number };
  /** Agreed late-payment interest; null when none was agreed. Capped at the art. 5 Wet 2002 rate. */
  interestRateBps: number | null;
  /** The consumer gets equivalent compensation if the undertaking defaults ([U] LEGAL.md §4.1). */
  isReciprocal: boolean;
};

export type BeWaitingPeriod = {
  /** First and last day of the fourteen calendar days, both inclusive. */
  termFrom: CalendarDate;
  termTo: CalendarDate;
  chargeableFrom: CalendarDate;
};

/**
 * The fourteen calendar days start on the third working day after posting a paper reminder, or the
 * day after sending an electronic one (§4.1, article text [U]). Our interpretations: that start day
 * is day 1 of the fourteen; working days are Monday–Friday except BE legal holidays; the last day is
 * not moved off a weekend or holiday (Ger.W. art. 53 / BW art. 1.7 are not verified for Boek XIX, §7.2).
 * A posted reminder dated before 2002 is refused (RangeError), as by the holiday calendars.
 */
export function computeBeWaitingPeriod(
  reminder: Pick<BeConsumerReminder, 'sentOn' | 'channel'>,
): BeWaitingPeriod {
  let termFrom = addDays(reminder.sentOn, 1);
  if (reminder.channel === 'post') {
    termFrom = reminder.sentOn;
    for (let counted = 0; counted < 3; ) {
      termFrom = addDays(termFrom, 1);
      if (isBusinessDay(termFrom, 'BE')) counted++;
    }
  }
  return { termFrom, termTo: addDays(termFrom, 13), chargeableFrom: addDays(termFrom, 14) };
}

/**
 * Maximum damages on the outstanding balance (§4.1): ≤ €150 → €20; €150.01–€500 → €30 + 10 % of
 * the part above €150; above €500 → €65 + 5 % of the part above €500, at most €2,000 (reached at
 * €39,200). "The part between €150.01 and €500" is read as balance − €150, which meets €65 at €500.
 * Rounded half-up to the cent.
 */
export function capBeConsumerDamages(balanceCents: number): Cents {
  if (balanceCents <= 0) return cents(0);
  if (balanceCents <= 15_000) return cents(2_000);
  if (balanceCents <= 50_000) return cents(3_000 + applyBasisPoints(balanceCents - 15_000, 1_000));
  return cents(Math.min(200_000, 6_500 + applyBasisPoints(balanceCents - 50_000, 500)));
}

export type BeConsumerAssessment =
  | {
      isChargeable: true;
      waiting: BeWaitingPeriod;
      /** First day interest may run. */
      interestFrom: CalendarDate;
    }
  | {
      isChargeable: false;
      reason: 'NO_REMINDER' | 'REMINDER_INCOMPLETE' | 'CLAUSE_NOT_RECIPROCAL' | 'WAITING_PERIOD_RUNNING';
      message: string;
      waiting: BeWaitingPeriod | null;
    };

/**
 * Whether damages and interest may be claimed on `asOf`: only after a free first reminder and an
 * unused waiting period. A non-compliant reminder or non-reciprocal clause releases the consumer
 * from damages and interest ([U] §4.1). Interest runs from the end of the waiting period; for an
 * SME creditor from the day after the reminder was sent ([U] §4.1, the "kmo" exception).
 */
export function assessBeConsumerCharges(input: {
  reminder: BeConsumerReminder | null;
  contract: BeConsumerContract;
  asOf: CalendarDate;
  isCreditorSme?: boolean;
}): BeConsumerAssessment {
  const { reminder, contract, asOf } = input;
  if (!reminder) {
    const message = 'no reminder was sent; the first reminder is free and must precede any charge';
    return { isChargeable: false, reason: 'NO_REMINDER', message, waiting: null };
  }
  const waiting = computeBeWaitingPeriod(reminder);
  if (!reminder.hasRequiredContent) {
    const message = 'the reminder lacks required content; damages and interest are not due';
    return { isChargeable: false, reason: 'REMINDER_INCOMPLETE', message, waiting };
  }
  if (!contract.isReciprocal) {
    const message = 'the damages/interest clause is not reciprocal';
    return { isChargeable: false, reason: 'CLAUSE_NOT_RECIPROCAL', message, waiting };
  }
  if (asOf < waiting.chargeableFrom) {
    const message = `the waiting period runs until ${waiting.termTo}; charges from ${waiting.chargeableFrom}`;
    return { isChargeable: false, reason: 'WAITING_PERIOD_RUNNING', message, waiting };
  }
  const interestFrom = input.isCreditorSme ? addDays(reminder.sentOn, 1) : waiting.chargeableFrom;
  return { isChargeable: true, waiting, interestFrom };
}

export type BeConsumerDamages = {
  /** The outstanding balance the cap is applied to. */
  balanceCents: Cents;
  capCents: Cents;
  damagesCents: Cents;
  /** Why the agreed amount was not charged in full. */
  limitedBy: 'cap' | 'no-clause' | null;
};

/** The agreed damages, never above the cap; nothing without a clause. */
export function calculateBeConsumerDamages(
  balanceCents: number,
  clause: BeConsumerContract['damages'],
): BeConsumerDamages {
  const capCents = capBeConsumerDamages(balanceCents);
  const balance = cents(balanceCents);
  switch (clause.kind) {
    case 'none':
      return { balanceCents: balance, capCents, damagesCents: cents(0), limitedBy: 'no-clause' };
    case 'statutory-maximum':
      return { balanceCents: balance, capCents, damagesCents: capCents, limitedBy: null };
    case 'fixed': {
      const isCapped = clause.amountCents > capCents;
      const damagesCents = cents(isCapped ? capCents : clause.amountCents);
      return { balanceCents: balance, capCents, damagesCents, limitedBy: isCapped ? 'cap' : null };
    }
  }
}
