import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { assessFourteenDayLetter, computeFourteenDayTerm, presumeReceipt } from './nl-fourteen-day-letter.js';

const d = (date: string) => date as CalendarDate;

describe('computeFourteenDayTerm (art. 6:96 lid 6 BW, HR 25-11-2016, Atw)', () => {
  it.each([
    // LEGAL.md §1.3/§7.1 worked example: received Fri 2025-04-04, the 14th day is Good Friday →
    // Sat, Sun, Easter Monday → Tue 2025-04-22; costs from 2025-04-23.
    ['2025-04-04', '2025-04-05', '2025-04-22', true, '2025-04-23'],
    ['2025-03-03', '2025-03-04', '2025-03-17', false, '2025-03-18'], // ends on a Monday
    ['2025-12-11', '2025-12-12', '2025-12-29', true, '2025-12-30'], // Christmas, Boxing Day, weekend
    ['2025-04-12', '2025-04-13', '2025-04-28', true, '2025-04-29'], // Koningsdag Sat 26-04, Sunday
  ])(
    'received %s: term %s … %s (extended %s), costs from %s',
    (receivedOn, from, to, extended, chargeable) => {
      expect(computeFourteenDayTerm({ sentOn: d('2025-01-01'), receivedOn: d(receivedOn) })).toEqual({
        receivedOn,
        isReceiptPresumed: false,
        termFrom: from,
        termTo: to,
        isExtendedByAtw: extended,
        chargeableFrom: chargeable,
      });
    },
  );

  it.each([
    ['2025-04-04', '2025-04-08'], // Fri → Sat (1), skip Sun and Mon → Tue (2)
    ['2025-04-17', '2025-04-22'], // Thu → skip Good Friday, Sat (1), skip Sun, Easter Monday → Tue (2)
    ['2025-12-24', '2025-12-30'], // Wed → skip both Christmas days, Sat (1), skip Sun, Mon → Tue (2)
    ['2025-06-03', '2025-06-05'], // Tue → Wed (1), Thu (2)
  ])('sent %s without a known receipt: presumed received %s', (sentOn, receivedOn) => {
    expect(presumeReceipt(d(sentOn))).toBe(receivedOn);
  });

  it('uses the presumed receipt to compute the term', () => {
    expect(computeFourteenDayTerm({ sentOn: d('2025-12-24'), receivedOn: null })).toMatchObject({
      receivedOn: '2025-12-30',
      isReceiptPresumed: true,
      termTo: '2026-01-13',
      chargeableFrom: '2026-01-14',
    });
  });
});

describe('assessFourteenDayLetter', () => {
  const letter = {
    sentOn: d('2025-04-03'),
    receivedOn: d('2025-04-04'),
    hasValidTermWording: true,
    statesCostAmount: true,
  };

  it.each([
    [null, '2025-06-01', 'NO_LETTER'],
    [{ ...letter, hasValidTermWording: false }, '2025-06-01', 'TERM_WORDING_INVALID'],
    [{ ...letter, statesCostAmount: false }, '2025-06-01', 'COST_AMOUNT_NOT_STATED'],
    [letter, '2025-04-22', 'TERM_NOT_ENDED'],
  ])('%j on %s: not chargeable (%s)', (input, asOf, reason) => {
    const result = assessFourteenDayLetter(input, d(asOf));
    expect(result).toMatchObject({ isChargeable: false, reason });
    if (!result.isChargeable) expect(result.message.length).toBeGreaterThan(10);
  });

  it('is chargeable from the day after the term', () => {
    expect(assessFourteenDayLetter(letter, d('2025-04-23'))).toMatchObject({
      isChargeable: true,
      term: { chargeableFrom: '2025-04-23' },
    });
  });
});
