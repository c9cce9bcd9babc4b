/** Pure legal calculators for NL and BE collection (LEGAL.md): costs, statutory interest, claim statements. */
export {
  BE_B2B_FIXED_COMPENSATION_CENTS,
  type BeBusinessCompensation,
  calculateBeBusinessCompensation,
} from './be-business-late-payment.js';
export {
  assessBeConsumerCharges,
  type BeConsumerContract,
  type BeConsumerReminder,
  type BeWaitingPeriod,
  calculateBeConsumerDamages,
  capBeConsumerDamages,
  computeBeWaitingPeriod,
} from './be-consumer-debt.js';
export {
  type ClaimPayment,
  type OpenItem,
  REGIMES,
  type Regime,
  type RegimeTerms,
  type StatementCosts,
} from './claim-costs.js';
export {
  buildClaimStatement,
  type ClaimStatement,
  type ClaimStatementInput,
  type ClaimStatementResult,
} from './claim-statement.js';
export {
  calculateNlCollectionCosts,
  calculateVatOnCosts,
  calculateWikStaffel,
  NL_GENERAL_VAT_BPS,
  type NlCostsInput,
  type NlCostsResult,
  type WikStaffel,
} from './nl-collection-costs.js';
export {
  assessFourteenDayLetter,
  computeFourteenDayTerm,
  type FourteenDayLetter,
  type FourteenDayTerm,
  presumeReceipt,
} from './nl-fourteen-day-letter.js';
export {
  BE_LATE_PAYMENT_RATES,
  NL_COMMERCIAL_RATES,
  NL_CONSUMER_RATES,
  type RateRow,
  type RateTable,
} from './rate-tables.js';
export {
  calculateInterest,
  DAY_COUNTS,
  type DayCount,
  type InterestInput,
  type InterestKind,
  type InterestPeriod,
  type InterestResult,
} from './statutory-interest.js';
