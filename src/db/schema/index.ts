export * from './ledger.js';
export * from './organisations.js';
