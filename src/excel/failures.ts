import type { ExcelFailureFacts } from '../messages';

/**
 * What can go wrong while rendering into Excel, as facts. Dutch prose is added at the edge
 * (src/messages/excel.nl.ts), which switches exhaustively over `kind`. Office's own error messages
 * are never kept: only the error code is looked at.
 */
export type ExcelFailure =
  /** Sheets with the plan's names exist but were not made by the add-in; nothing was written. */
  | { readonly kind: 'SheetNameTaken'; readonly sheet: string; readonly sheets: readonly string[] }
  /** A workbook name or table name the plan needs belongs to the user; nothing was written. */
  | { readonly kind: 'NameTaken'; readonly name: string }
  /** A sheet the add-in must write is protected (sheet known), or Excel refused access (sheet unknown). */
  | { readonly kind: 'ProtectedSheet'; readonly sheet: string | undefined }
  /** The workbook structure is protected, so sheets cannot be added. */
  | { readonly kind: 'ProtectedWorkbook' }
  /** Excel did not answer within the time limit (Excel on the web can hang: office-js #6678). */
  | { readonly kind: 'Timeout'; readonly seconds: number }
  | { readonly kind: 'PayloadTooLarge' }
  /** The user is editing a cell. */
  | { readonly kind: 'CellEditMode' }
  | { readonly kind: 'InvalidArgument' }
  | { readonly kind: 'ItemNotFound' }
  | { readonly kind: 'ItemAlreadyExists' }
  /** Opened outside Excel (plain browser, other Office application). */
  | { readonly kind: 'NotInExcel' }
  /** This Excel lacks a required API set, e.g. "ExcelApi 1.9". */
  | { readonly kind: 'UnsupportedHost'; readonly required: string }
  /** The plan itself is malformed (a programming error upstream); detected before anything is written. */
  | { readonly kind: 'InvalidPlan'; readonly sheet: string | undefined; readonly where: string }
  | { readonly kind: 'Unknown'; readonly code: string };

export type ExcelFailureKind = ExcelFailure['kind'];

// The Dutch messages declare the same facts structurally (src/messages may not import src/excel).
// These types fail to compile when the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type FailureFactsMatchMessages = Assert<Same<ExcelFailure, ExcelFailureFacts>>;

/** Thrown by our own watchdog when a sync (or Excel.run itself) does not answer in time. */
export class SyncTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Excel did not answer within ${seconds} s`);
    this.name = 'SyncTimeoutError';
  }
}

/** Thrown when the code runs outside Excel. */
export class NotInExcelError extends Error {
  constructor() {
    super('Not running inside Excel');
    this.name = 'NotInExcelError';
  }
}

/** Thrown by the renderer's readers (e.g. `readBuiltWith`) with the failure as renderPlan would report it. */
export class ExcelFailureError extends Error {
  constructor(readonly failure: ExcelFailure) {
    super(`Excel failure: ${failure.kind}`);
    this.name = 'ExcelFailureError';
  }
}

/** The `code` of an office-js error (OfficeExtension.Error), read defensively. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== '') return code;
  const debugCode: unknown = (error as { debugInfo?: { code?: unknown } }).debugInfo?.code;
  return typeof debugCode === 'string' && debugCode !== '' ? debugCode : undefined;
}

/**
 * Office codes with which the speculative first sync of a refresh fails when what it reads by the
 * plan's names is not there as planned: `ItemNotFound` (a missing sheet or name, e.g. a first build),
 * `InvalidReference` (a name whose sheet was deleted: `#REF!`), `InvalidArgument` (a name that no
 * longer is a single range), and `RangeExceedsLimit` / `ResponsePayloadSizeLimitExceeded` (a name
 * the user pointed at a huge range: the speculation reads before the check could rule it out). That
 * batch only reads, so such a failure changed nothing: the renderer falls back to the plain check,
 * which decides what to read. Every other code (cell-edit mode, access, request size, API, unknown)
 * and our own Timeout are failures as usual.
 */
export const SPECULATION_MISS_CODES: readonly string[] = [
  'ItemNotFound',
  'InvalidReference',
  'InvalidArgument',
  'RangeExceedsLimit',
  'ResponsePayloadSizeLimitExceeded',
];

/** True for an office-js error whose code means "a speculated object is not there" (see above). */
export function isSpeculationMiss(error: unknown): boolean {
  if (error instanceof SyncTimeoutError || error instanceof NotInExcelError) return false;
  const code = officeErrorCode(error);
  return code !== undefined && SPECULATION_MISS_CODES.includes(code);
}

/** Office error codes → failure kinds. The message of the error is never used. */
export function failureFromError(error: unknown, requiredApi = 'ExcelApi 1.9'): ExcelFailure {
  if (error instanceof SyncTimeoutError) return { kind: 'Timeout', seconds: error.seconds };
  if (error instanceof NotInExcelError) return { kind: 'NotInExcel' };
  const code = officeErrorCode(error);
  switch (code) {
    case undefined:
      return { kind: 'Unknown', code: 'NoOfficeCode' };
    case 'InvalidOperationInCellEditMode':
      return { kind: 'CellEditMode' };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return { kind: 'PayloadTooLarge' };
    case 'AccessDenied':
      return { kind: 'ProtectedSheet', sheet: undefined };
    case 'InvalidArgument':
      return { kind: 'InvalidArgument' };
    case 'ItemNotFound':
      return { kind: 'ItemNotFound' };
    case 'ItemAlreadyExists':
      return { kind: 'ItemAlreadyExists' };
    case 'ApiNotFound':
    case 'NotImplemented':
    case 'UnsupportedOperation':
      return { kind: 'UnsupportedHost', required: requiredApi };
    default:
      return { kind: 'Unknown', code };
  }
}
