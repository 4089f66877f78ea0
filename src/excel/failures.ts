import type { ExcelFailureFacts, WriteInterruptionCauseFacts } from '../messages';

/**
 * What can go wrong while rendering into Excel, as facts: the union is declared once, with a docstring
 * per kind, in src/messages/excel.nl.ts (`ExcelFailureFacts`; src/messages may not import src/excel),
 * whose Dutch prose switches exhaustively over `kind`. Office's own error messages are never kept:
 * only the error code is looked at.
 */
export type ExcelFailure = ExcelFailureFacts;

/** Why a write stopped part-way, as far as the user can act on it. */
export type WriteInterruptionCause = WriteInterruptionCauseFacts;

export type ExcelFailureKind = ExcelFailure['kind'];

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
