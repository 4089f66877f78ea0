// Public surface of the plan layer: a pure, serialisable description of the workbook.
export * from './types';
export * from './a1';
export { buildWorkbookPlan, planWorkbook, INPUT_NAMES, ownershipName } from './build';
export type { PlanOptions } from './build';
export { planReuse } from './national-sheets';
export type { PlanReuse, NationalSheets } from './national-sheets';
export { SHEETS } from './layout';
export { STYLES, EURO_FORMAT, MLN_FORMAT, COLORS, contrastRatio } from './styles';
export { keyDescription } from './key-labels';
export { verschilCellen } from './verschil-rij';
// For the shells (CLI, task pane): the sheet names, table shapes and row keys they read or write.
export { REGIOVERDELING_SHEET } from './sheets-regioverdeling';
export { begrotingRowCells } from './begroting/user-table';
export { REALISATIE_TABLE } from './realisatie/fixed-cells';
export type { KeyedRow } from './realisatie/keys';
// What each sheet is for and the order of the sheets (`werkboek --help`; the build order is checked against it).
export { SHEET_ORDER, SHEET_PURPOSE, sheetPurposes } from './sheet-purpose';
export type { SheetCondition, SheetKey, SheetPurpose } from './sheet-purpose';
