export * from './banking.js';
export * from './calls.js';
export * from './dunning.js';
export * from './ledger.js';
export * from './organisations.js';
