// Public surface of the Excel renderer: the only code in the project that talks to office-js.
export { renderPlan, DEFAULT_TIMEOUT_MS } from './render';
export type { RenderOptions, RenderReport, RenderSuccess, RenderProgress, RenderStepLabel } from './render';
export type { TableRowsOption, TableRowsReport } from './table-rows';
export type { ExcelFailure, ExcelFailureKind } from './failures';
export { ExcelFailureError, failureFromError, officeErrorCode, SyncTimeoutError } from './failures';
export { readBuiltWith, BUILT_WITH_NAMES } from './built-with';
export { readTableRows } from './table-read';
export type { ReadTableRowsOptions } from './table-read';
export type { BuiltWithFacts, ReadBuiltWithOptions } from './built-with';
export {
  isExcelSupported,
  hostStatus,
  detectFeatures,
  meetsFloor,
  REQUIRED_API,
  REQUIRED_API_SET,
  REQUIRED_API_VERSION,
  OPTIONAL_FEATURE_SETS,
  ALL_FEATURES,
  officeRequirements,
} from './features';
export type { HostFeatures, HostStatus, OptionalFeature } from './features';
export type { PreservedInput } from './inputs';
export { ownershipNameOf } from './ownership';
export type * from './host';
export { EXCEL_WEB_REQUEST_LIMIT_BYTES, DEFAULT_MAX_BATCH_BYTES } from './payload';
export { officeGlobal, documentSettings } from './office-host';
export { defaultRunner } from './watchdog';
export type { OfficeLike, DocumentSettings } from './office-host';
export { readExcelNotation, notationOfSeparators, queueExcelNotation } from './culture';
export type { ReadNotationOptions } from './culture';
