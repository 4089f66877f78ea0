// Public surface of the domain: pure, exact, no I/O.
export * from './money';
export * from './periods';
export * from './types';
export * from './failures';
export * from './errors';
export * from './verdeelsleutel';
export * from './largest-remainder';
export * from './allocation';
export * from './structural-split';
export * from './totals';
export * from './iza';
export * from './reconciliation';
export * from './lookup';
export * from './edition';
export * from './ledger';
