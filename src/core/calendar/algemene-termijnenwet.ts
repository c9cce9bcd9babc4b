/**
 * Dutch statutory terms under the Algemene termijnenwet (Atw, BWBR0002448), for terms counted
 * forward in days from an event, such as the fourteen days of art. 6:96 lid 6 BW that start the day
 * after the consumer received the aanmaning (whether the Atw covers that term is our reading of
 * art. 1, LEGAL.md §1.3 and §8 item 4). Contractual payment terms are not statutory terms: the Atw
 * does not extend them unless the contract says so.
 */
import { addDays, type CalendarDate } from '../calendar-date.js';
import { countBusinessDays, isBusinessDay } from './business-days.js';

/** Atw art. 4 sub a: terms of more than 90 days are not extended. */
export const ATW_MAX_TERM_DAYS = 90;

/**
 * The last day of a statutory term of `days` days that starts the day after `eventDate`, extended
 * per the Atw: art. 1, a term ending on a Saturday, Sunday or holiday (art. 3, with Goede Vrijdag
 * and 5 mei) runs up to and including the next day that is none of those; art. 2, a term of at
 * least 3 days is extended until it contains at least 2 such days. Terms over 90 days are not
 * extended (art. 4). The day after the result is the first day the term has lapsed: an aanmaning
 * received on Friday 2025-04-04 gives 2025-04-05…2025-04-18 (Goede Vrijdag), so the term ends on
 * Tuesday 2025-04-22 and costs can be charged from 2025-04-23.
 */
export function statutoryTermEnd(eventDate: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`a term has at least one whole day, not ${days}`);
  const nominalEnd = addDays(eventDate, days);
  if (days > ATW_MAX_TERM_DAYS) return nominalEnd;
  const firstDay = addDays(eventDate, 1);
  let end = nominalEnd;
  while (!isBusinessDay(end, 'NL') || (days >= 3 && countBusinessDays(firstDay, end, 'NL') < 2)) {
    end = addDays(end, 1);
  }
  return end;
}
