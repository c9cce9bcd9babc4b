import { statutoryTermEnd } from '../calendar/algemene-termijnenwet.js';
import { isoWeekday } from '../calendar/business-days.js';
import { isHoliday } from '../calendar/holidays.js';
import { addDays, type CalendarDate } from '../calendar-date.js';

/**
 * The NL consumer "veertiendagenbrief" (art. 6:96 lid 6 BW, LEGAL.md §1.3): collection costs become
 * due only after the consumer, already in verzuim, was summoned in vain to pay within fourteen
 * days starting the day after receipt, with the amount of costs that will be claimed.
 */
export type FourteenDayLetter = {
  sentOn: CalendarDate;
  /** When the consumer received it, if known; otherwise receipt is presumed (HR 25-11-2016). */
  receivedOn: CalendarDate | null;
  /**
   * The term runs from receipt ("binnen 14 dagen na ontvangst") or names an end date with margin.
   * "na dagtekening"/"na verzending" or a too-early end date invalidates the letter (HR (c)).
   */
  hasValidTermWording: boolean;
  /** The letter states the amount of costs that will be claimed (lid 6). */
  statesCostAmount: boolean;
};

export type FourteenDayTerm = {
  receivedOn: CalendarDate;
  isReceiptPresumed: boolean;
  /** First and last day of the term, both inclusive, after any Atw extension. */
  termFrom: CalendarDate;
  termTo: CalendarDate;
  isExtendedByAtw: boolean;
  /** First day on which the costs may be added. */
  chargeableFrom: CalendarDate;
};

export type FourteenDayLetterAssessment =
  | { isChargeable: true; term: FourteenDayTerm }
  | {
      isChargeable: false;
      reason: 'NO_LETTER' | 'TERM_WORDING_INVALID' | 'COST_AMOUNT_NOT_STATED' | 'TERM_NOT_ENDED';
      term: FourteenDayTerm | null;
      message: string;
    };

/** Art. 6:96 lid 6 BW: fourteen days, starting the day after receipt. */
const TERM_DAYS = 14;

/**
 * The HR 25-11-2016 presumption (LEGAL.md §1.3 (b)), our interpretation: delivery on the second
 * day after sending, not counting Sundays, Mondays and the Atw holidays (which include Good Friday
 * and 5 May — LEGAL.md §8 item 4 leaves open which "officiële feestdagen" are meant).
 */
export function presumeReceipt(sentOn: CalendarDate): CalendarDate {
  let date = sentOn;
  for (let counted = 0; counted < 2; ) {
    date = addDays(date, 1);
    const weekday = isoWeekday(date);
    if (weekday !== 7 && weekday !== 1 && !isHoliday(date, 'NL')) counted++;
  }
  return date;
}

/**
 * Term = receipt + 1 … receipt + 14, extended under the Algemene termijnenwet (`statutoryTermEnd`):
 * art. 1 moves its end to the next day that is no Saturday, Sunday or Atw holiday; art. 2 (at
 * least two such days in the term) never bites on fourteen days. Applying the Atw to this term is
 * our reading of it as a statutory term (LEGAL.md §1.3, §7.1, §8 item 4). Like the holiday
 * calendars, refuses (RangeError) dates before 2002.
 */
export function computeFourteenDayTerm(
  letter: Pick<FourteenDayLetter, 'sentOn' | 'receivedOn'>,
): FourteenDayTerm {
  const receivedOn = letter.receivedOn ?? presumeReceipt(letter.sentOn);
  const termTo = statutoryTermEnd(receivedOn, TERM_DAYS);
  return {
    receivedOn,
    isReceiptPresumed: letter.receivedOn === null,
    termFrom: addDays(receivedOn, 1),
    termTo,
    isExtendedByAtw: termTo !== addDays(receivedOn, TERM_DAYS),
    chargeableFrom: addDays(termTo, 1),
  };
}

/** Whether the letter makes consumer collection costs chargeable on `asOf`, and if not, why. */
export function assessFourteenDayLetter(
  letter: FourteenDayLetter | null,
  asOf: CalendarDate,
): FourteenDayLetterAssessment {
  if (!letter) {
    return {
      isChargeable: false,
      reason: 'NO_LETTER',
      term: null,
      message: 'no fourteen-day letter was sent (art. 6:96 lid 6 BW)',
    };
  }
  const term = computeFourteenDayTerm(letter);
  if (!letter.hasValidTermWording) {
    return {
      isChargeable: false,
      reason: 'TERM_WORDING_INVALID',
      term,
      message: 'the letter does not give fourteen days from receipt; a new letter is needed (HR 25-11-2016)',
    };
  }
  if (!letter.statesCostAmount) {
    return {
      isChargeable: false,
      reason: 'COST_AMOUNT_NOT_STATED',
      term,
      message: 'the letter does not state the costs that will be claimed (art. 6:96 lid 6 BW)',
    };
  }
  if (asOf < term.chargeableFrom) {
    return {
      isChargeable: false,
      reason: 'TERM_NOT_ENDED',
      term,
      message: `the fourteen-day term runs until ${term.termTo}; costs from ${term.chargeableFrom}`,
    };
  }
  return { isChargeable: true, term };
}
