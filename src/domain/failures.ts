/**
 * What a user can get wrong, returned (never thrown) as facts. Dutch prose is added at the edge
 * (src/messages/nl.ts), which switches exhaustively over `kind`.
 */
export type InputFailure =
  | { readonly kind: 'UnknownCbsCode'; readonly row: number; readonly code: string }
  | {
      readonly kind: 'DuplicateCbsCode';
      readonly row: number;
      readonly code: string;
      readonly firstRow: number;
    }
  | { readonly kind: 'NotANumber'; readonly row: number; readonly column: string; readonly text: string }
  | { readonly kind: 'NegativeWeight'; readonly row: number; readonly text: string }
  | { readonly kind: 'TooManyDecimals'; readonly row: number; readonly text: string; readonly max: number }
  | { readonly kind: 'MissingGemeenten'; readonly codes: readonly string[] }
  | { readonly kind: 'AllWeightsZero' }
  | { readonly kind: 'SharesDoNotAddUp'; readonly sumText: string }
  | { readonly kind: 'WeightsTooLarge'; readonly row: number; readonly code: string }
  | { readonly kind: 'MissingColumn'; readonly column: string; readonly found: readonly string[] }
  | { readonly kind: 'EmptyInput' }
  | { readonly kind: 'UnknownGemeente'; readonly text: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'UnknownKey'; readonly text: string; readonly known: readonly string[] }
  | { readonly kind: 'UnknownRegio'; readonly row: number; readonly regio: string }
  | { readonly kind: 'UnknownPeriod'; readonly row: number; readonly text: string }
  | { readonly kind: 'UnknownLine'; readonly row: number; readonly text: string }
  | { readonly kind: 'UnknownEdition'; readonly text: string; readonly known: readonly string[] };

export type Result<T, F = InputFailure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failures: readonly F[] };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function fail<F>(failures: readonly F[]): Result<never, F> {
  return { ok: false, failures };
}
