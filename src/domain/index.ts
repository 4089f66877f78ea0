// Public surface of the domain: pure, exact, no I/O.
export * from './money';
export * from './types';
export * from './failures';
export * from './errors';
export * from './verdeelsleutel';
export * from './largest-remainder';
export * from './gala-table';
export * from './iza';
export * from './reconciliation';
export * from './lookup';
export * from './edition';
export * from './ledger';
export * from './readings';
export * from './edition-controle';
export * from './edition-diff';
export * from './begroting';
export * from './regio-verdeling';
