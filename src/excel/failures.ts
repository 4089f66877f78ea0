import type { ExcelFailureFacts } from '../messages';

/**
 * What can go wrong while rendering into Excel, as facts. Dutch prose is added at the edge
 * (src/messages/excel.nl.ts), which switches exhaustively over `kind`. Office's own error messages
 * are never kept: only the error code is looked at.
 */
export type ExcelFailure =
  /** Sheets with the plan's names exist but were not made by the add-in; nothing was written. */
  | { readonly kind: 'SheetNameTaken'; readonly sheet: string; readonly sheets: readonly string[] }
  /**
   * Add-in sheets the user renamed, recognised by their ownership marks (which Excel moved with them):
   * `planned` is the name the plan and its formulas use, `now` the sheet's name. Nothing was written.
   */
  | {
      readonly kind: 'SheetRenamed';
      readonly sheets: readonly { readonly planned: string; readonly now: string }[];
    }
  /** A workbook name or table name the plan needs belongs to the user; nothing was written. */
  | { readonly kind: 'NameTaken'; readonly name: string }
  /** A sheet the add-in must write is protected (sheet known), or Excel refused access (sheet unknown). */
  | { readonly kind: 'ProtectedSheet'; readonly sheet: string | undefined }
  /**
   * Excel refused to lift the protection of these add-in sheets (a password the user set, or Excel's
   * regression office-js #6784: `unprotect()` AccessDenied without a password). Every such sheet is
   * named at once; nothing was changed (protection lifted before the failure is set back).
   */
  | { readonly kind: 'ProtectionStuck'; readonly sheets: readonly string[] }
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
  | { readonly kind: 'Unknown'; readonly code: string }
  /**
   * The weights in the workbook belong to another key than the one chosen (its label cell, e.g.
   * Verdeelsleutel!B5, says `workbookKey`): keeping them would put the chosen key's label next to
   * another key's weights. Nothing was written; replacing the weights must be asked for.
   */
  | { readonly kind: 'KeyMismatch'; readonly workbookKey: string; readonly chosenKey: string }
  /**
   * The user's table (e.g. `Begroting` on the sheet Begroting) has a header row the add-in does not know
   * (a column the user inserted, renamed or deleted): migrating it could misplace the user's rows.
   * `found`: its headings; `expected`: the known version's headings closest to them. Nothing was written.
   */
  | {
      readonly kind: 'TableShapeUnknown';
      readonly sheet: string;
      readonly table: string;
      readonly found: readonly string[];
      readonly expected: readonly string[];
    }
  /**
   * Rows given to append to the user's table (`RenderOptions.tableRows`) whose key the table holds
   * already: `row` is the given row (1-based), `key` its key cells, `tableRow` the sheet row with that
   * key. Appending them would count them twice. Nothing was written.
   */
  | {
      readonly kind: 'TableRowsExist';
      readonly sheet: string;
      readonly table: string;
      readonly rows: readonly {
        readonly row: number;
        readonly key: readonly string[];
        readonly tableRow: number;
      }[];
    }
  /**
   * Replacing the rows of the user's table needs the user's agreement to replace exactly `existing`
   * rows (`tableRows.expectRows`): not given yet, or the table changed since. Nothing was written.
   */
  | {
      readonly kind: 'TableRowsToReplace';
      readonly sheet: string;
      readonly table: string;
      readonly existing: number;
      readonly given: number;
    }
  /**
   * A write batch failed part-way (Excel does not roll back): `sheets` may be empty or incomplete.
   * `inputsKept`: the user's inputs are in the restore point and the next render writes them again.
   */
  | {
      readonly kind: 'WriteInterrupted';
      readonly cause: WriteInterruptionCause;
      readonly code: string;
      readonly sheets: readonly string[];
      readonly inputsKept: boolean;
    };

/** Why a write stopped part-way, as far as the user can act on it. */
export type WriteInterruptionCause =
  'Timeout' | 'ProtectedSheet' | 'CellEditMode' | 'PayloadTooLarge' | 'Other';

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
 * Where an office-js error happened (`OfficeExtension.Error.debugInfo.errorLocation`, "if applicable,
 * the location where the error occurred": https://learn.microsoft.com/javascript/api/office/officeextension.debuginfo),
 * e.g. "WorksheetProtection.unprotect"; undefined when the error does not say.
 */
export function officeErrorLocation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const location: unknown = (error as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof location === 'string' && location !== '' ? location : undefined;
}

/**
 * Codes with which the speculative first sync of a refresh typically fails when what it reads by the
 * plan's names is not there as planned: `ItemNotFound` (a missing sheet or name, e.g. a first build),
 * `InvalidReference` (a name whose sheet was deleted: `#REF!`), `InvalidArgument` (a name that no
 * longer is a single range), `RangeExceedsLimit` / `ResponsePayloadSizeLimitExceeded` (a name the user
 * pointed at a huge range). Listed for documentation and tests only: since that batch only reads,
 * ANY error of it changed nothing, and the renderer falls back to the plain check for every error
 * except our own Timeout (a hang is not retried) and "not in Excel". A real problem (cell-edit mode,
 * access) then shows in the plain check, with its own code.
 */
export const SPECULATION_MISS_CODES: readonly string[] = [
  'ItemNotFound',
  'InvalidReference',
  'InvalidArgument',
  'RangeExceedsLimit',
  'ResponsePayloadSizeLimitExceeded',
];

/** True for an error of a read-only batch after which the plain path may be tried (see above). */
export function isSpeculationMiss(error: unknown): boolean {
  return !(error instanceof SyncTimeoutError || error instanceof NotInExcelError);
}

/** The failure of a write that stopped part-way. */
export function writeInterrupted(
  error: unknown,
  sheets: readonly string[],
  inputsKept: boolean,
): ExcelFailure {
  const failure = failureFromError(error);
  const cause: WriteInterruptionCause =
    failure.kind === 'Timeout' ||
    failure.kind === 'ProtectedSheet' ||
    failure.kind === 'CellEditMode' ||
    failure.kind === 'PayloadTooLarge'
      ? failure.kind
      : 'Other';
  const code = officeErrorCode(error) ?? (failure.kind === 'Timeout' ? 'Timeout' : 'NoOfficeCode');
  return { kind: 'WriteInterrupted', cause, code, sheets, inputsKept };
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
