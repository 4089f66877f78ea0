// Public surface of the plan layer: a pure, serialisable description of the workbook.
export * from './types';
export * from './a1';
