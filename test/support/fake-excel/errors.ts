/** Errors shaped like office-js `OfficeExtension.Error` (name, code, message, debugInfo). */

export type FakeErrorCode =
  | 'InvalidArgument'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'AccessDenied'
  | 'GeneralException'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'PropertyNotLoaded'
  | 'ApiNotFound'
  | 'RangeExceedsLimit'
  | 'InvalidReference'
  | 'InvalidObjectPath';

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: {
    readonly code: FakeErrorCode;
    readonly message: string;
    readonly errorLocation: string;
  };
  readonly traceMessages: string[] = [];

  constructor(code: FakeErrorCode, errorLocation: string, detail = '') {
    const message = `${code} (fake Excel)${detail ? `: ${detail}` : ''}`;
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function fakeError(code: FakeErrorCode, location: string, detail?: string): FakeOfficeError {
  return new FakeOfficeError(code, location, detail);
}
