/**
 * What a user can get wrong, returned (never thrown) as facts. Dutch prose is added at the edge
 * (src/messages/nl.ts), which switches exhaustively over `kind`.
 */
/** Which user file a failure is about: the fix differs. */
export type UserInputKind = 'sleutel' | 'beschikking' | 'regioverdeling' | 'begroting' | 'beschikking-regels';

export type InputFailure =
  | { readonly kind: 'UnknownCbsCode'; readonly row: number; readonly code: string }
  | {
      readonly kind: 'DuplicateCbsCode';
      readonly row: number;
      readonly code: string;
      readonly firstRow: number;
    }
  /** `delimiter`: as for AmbiguousNumber (a `,` file: the message's example has a decimal point). */
  | {
      readonly kind: 'NotANumber';
      readonly row: number;
      readonly column: string;
      readonly text: string;
      readonly delimiter?: ',';
    }
  | { readonly kind: 'NegativeWeight'; readonly row: number; readonly text: string }
  | { readonly kind: 'TooManyDecimals'; readonly row: number; readonly text: string; readonly max: number }
  | { readonly kind: 'MissingGemeenten'; readonly codes: readonly string[] }
  | { readonly kind: 'AllWeightsZero' }
  | { readonly kind: 'SharesDoNotAddUp'; readonly sumText: string }
  | {
      readonly kind: 'WeightsTooLarge';
      readonly row: number;
      readonly code: string;
      /** Decimals of the most precise value (0: whole weights). */
      readonly decimals: number;
      /** With decimals: how many still compute exactly, if any. */
      readonly fitsDecimals: number | undefined;
    }
  | {
      readonly kind: 'MissingColumn';
      readonly input: UserInputKind;
      readonly column: string;
      readonly found: readonly string[];
      /** Every column the file must have, when the reader knows them (the Begroting: the edition's years). */
      readonly expected?: readonly string[];
    }
  /** The first row holds data (a CBS code), not column names. */
  | {
      readonly kind: 'MissingHeader';
      readonly input: UserInputKind;
      readonly firstCell: string;
      /** As for `MissingColumn`. */
      readonly expected?: readonly string[];
    }
  /** `input` set when the reader knows which file (the fix names its rows). */
  | { readonly kind: 'EmptyInput'; readonly input?: UserInputKind }
  /** Bytes that are no text in any encoding Excel saves (UTF-8, Windows-1252, UTF-16). */
  | { readonly kind: 'NotText'; readonly looksLike: 'xlsx' | 'binary' }
  | { readonly kind: 'UnclosedQuote'; readonly row: number }
  | { readonly kind: 'MisplacedQuote'; readonly row: number }
  | {
      readonly kind: 'FieldCount';
      readonly row: number;
      readonly found: number;
      readonly expected: number;
      readonly delimiter: string;
    }
  /** A number that reads differently in Dutch and English notation ("942.100"); both readings as "942100" / "942.1". */
  | {
      readonly kind: 'AmbiguousNumber';
      readonly row: number;
      readonly column: string;
      readonly text: string;
      readonly nl: string;
      readonly en: string;
      /** How many more values in the column are ambiguous the same way. */
      readonly others: number;
      /**
       * Set when the file separates its fields with commas: a decimal comma would split the field, so
       * the message suggests a decimal point. Absent: `;`, tab or unknown.
       */
      readonly delimiter?: ',';
    }
  /** One column holds numbers that only Dutch notation explains and numbers that only English notation explains. */
  | {
      readonly kind: 'MixedNotation';
      readonly column: string;
      readonly nlRow: number;
      readonly nlText: string;
      readonly enRow: number;
      readonly enText: string;
    }
  /** `column` is set for a year column of the begroting (lasten), absent for a beschikking amount. */
  | { readonly kind: 'NegativeAmount'; readonly row: number; readonly text: string; readonly column?: string }
  | { readonly kind: 'CentsInAmount'; readonly row: number; readonly text: string; readonly column?: string }
  | { readonly kind: 'AmountTooLarge'; readonly row: number; readonly text: string; readonly max: number }
  | {
      readonly kind: 'DuplicateBeschikking';
      readonly row: number;
      readonly firstRow: number;
      readonly code: string;
      readonly nr: number;
      readonly period: string;
    }
  | { readonly kind: 'UnknownGemeente'; readonly text: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'UnknownKey'; readonly text: string; readonly known: readonly string[] }
  | { readonly kind: 'UnknownRegio'; readonly row: number; readonly regio: string }
  /** `years`: the edition's axis, when the reader knows it (2023–2030 for vws-2026-04). */
  | {
      readonly kind: 'UnknownPeriod';
      readonly row: number;
      readonly text: string;
      readonly years?: readonly number[];
    }
  | {
      readonly kind: 'UnknownLine';
      readonly row: number;
      readonly text: string;
      /** The edition the file was checked against, and the lines a gemeente receives in it. */
      readonly editie?: string;
      readonly known?: readonly number[];
    }
  | { readonly kind: 'UnknownEdition'; readonly text: string; readonly known: readonly string[] }
  // The begroting (src/data/begroting-input.ts) and the beschikking for the workbook.
  /** A column the file must have appears twice in the header. */
  | { readonly kind: 'DuplicateColumn'; readonly input: UserInputKind; readonly column: string }
  /** A header column that is not one of the table's (a typo, or a column of another file). */
  | {
      readonly kind: 'UnknownColumn';
      readonly input: UserInputKind;
      readonly column: string;
      readonly expected: readonly string[];
    }
  /** Not one of the regelingen (empty text: the field is empty). */
  | {
      readonly kind: 'UnknownRegeling';
      readonly row: number;
      readonly text: string;
      readonly known: readonly string[];
    }
  /** An onderdeel that is not 1–15. */
  | { readonly kind: 'UnknownOnderdeel'; readonly row: number; readonly text: string }
  /** An onderdeel on another regeling than the Brede SPUK (only the Brede SPUK has onderdelen). */
  | {
      readonly kind: 'OnderdeelNotBredeSpuk';
      readonly row: number;
      readonly regeling: string;
      readonly text: string;
    }
  | { readonly kind: 'InvalidTaakveld'; readonly row: number; readonly text: string }
  | { readonly kind: 'UnknownAard'; readonly row: number; readonly text: string }
  | { readonly kind: 'MissingActiviteit'; readonly row: number }
  /** A text that Excel would take for a formula ("=…"). */
  | { readonly kind: 'FormulaText'; readonly row: number; readonly column: string; readonly text: string }
  | {
      readonly kind: 'TextTooLong';
      readonly row: number;
      readonly column: string;
      readonly length: number;
      readonly max: number;
    }
  | {
      readonly kind: 'DuplicateBegrotingRegel';
      readonly row: number;
      readonly firstRow: number;
      readonly regeling: string;
      readonly onderdeel: string;
      readonly activiteit: string;
      readonly uitvoerder: string;
    }
  | { readonly kind: 'TooManyRows'; readonly count: number; readonly max: number }
  /** A beschikking amount for a year in which the regeling does not exist. */
  | {
      readonly kind: 'RegelingNotInYear';
      readonly row: number;
      readonly regeling: string;
      readonly jaar: number;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'DuplicateBeschikkingRegel';
      readonly row: number;
      readonly firstRow: number;
      readonly regeling: string;
      /** Empty: the regeling's total. */
      readonly onderdeel: string;
      readonly jaar: number;
    }
  /** A beschikkingsdatum that is not a date in dd-mm-jjjj or jjjj-mm-dd. */
  | { readonly kind: 'BadBeschikkingsdatum'; readonly row: number; readonly text: string }
  /** Two rows of one regeling with a different beschikkingsnummer or -datum. */
  | {
      readonly kind: 'ConflictingBeschikkingKenmerk';
      readonly row: number;
      readonly firstRow: number;
      readonly regeling: string;
      readonly column: 'beschikkingsnummer' | 'beschikkingsdatum';
      readonly text: string;
      readonly first: string;
    }
  /** A beschikking row of another gemeente than the one chosen. */
  | { readonly kind: 'OtherGemeente'; readonly row: number; readonly code: string; readonly chosen: string }
  /** A beschikking row of a regional regeling (paid to the mandaatgemeente) for a gemeente that is no mandaatgemeente. */
  | {
      readonly kind: 'RegionaalVoorLid';
      readonly row: number;
      readonly regeling: string;
      readonly gemeente: string;
    }
  /** A beschikking file naming gemeenten while no gemeente is chosen. */
  | { readonly kind: 'BeschikkingNeedsGemeente' }
  // Files whose layout named the wrong cause before (issue #17 item 14).
  /** The table's header is on `headerRow`, below rows that hold data (`above`: their first and last line). */
  | {
      readonly kind: 'HeaderNotFirst';
      readonly input: UserInputKind;
      readonly headerRow: number;
      readonly above: readonly [number, number];
    }
  /** The header is split over two rows: `second` holds the column names `columns` that `first` lacks. */
  | {
      readonly kind: 'TwoRowHeader';
      readonly input: UserInputKind;
      readonly first: number;
      readonly second: number;
      readonly columns: readonly string[];
      readonly expected: readonly string[];
    }
  /** A row of the Beschikking grid (the sheet's own layout) with a key the grid does not have. */
  | {
      readonly kind: 'UnknownGridKey';
      readonly row: number;
      readonly text: string;
      readonly known: readonly string[];
    };

export type Result<T, F = InputFailure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failures: readonly F[] };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function fail<F>(failures: readonly F[]): Result<never, F> {
  return { ok: false, failures };
}
