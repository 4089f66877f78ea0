// The typed fake Excel host (browser-compatible). HyperFormula evaluation lives in ./hyperformula
// (Node tests only) so that a browser bundle of this module does not pull it in.
export { FakeExcel, FIVE_MB, UNDO_CLEARING_OPERATIONS } from './fake-excel';
export { prebuild } from './prebuild';
export type { BatchRecord, FakeExcelOptions, FormulaEvaluator } from './fake-excel';
export { FakeOfficeError } from './errors';
export type { FakeErrorCode } from './errors';
export type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from './snapshot';
export type { CellStyle } from './model';
export { r1c1ToA1, a1ToR1C1, parseRect, rectToA1 } from './address';
