/**
 * Where things sit. One place for every row and column number the formulas rely on, so that a
 * change of layout is a change here and nowhere else.
 *
 * FAST conventions: the periods 2023, 2024, 2025, 2026, Structureel sit in columns E..I on every
 * sheet with a time axis (Landelijk, Overzicht, IZA); the gemeenten sit on rows 11..352 in CBS-code
 * order on every sheet with one row per gemeente (Verdeelsleutel, Afronding, Allocatie), with the
 * national total (code "NL") on row 353.
 */
import { columnLetter } from './a1';

export const SHEETS = {
  overzicht: 'Overzicht',
  landelijk: 'Landelijk',
  verdeelsleutel: 'Verdeelsleutel',
  allocatie: 'Allocatie',
  afronding: 'Afronding',
  iza: 'IZA',
  controle: 'Controle',
  bronnen: 'Bronnen',
} as const;

/** First period column (E) on time-axis sheets. */
export const PERIOD_COL = 5;
export const PERIOD_COUNT = 5;

/** Gemeente rows on Verdeelsleutel, Afronding and Allocatie. */
export const G_FIRST = 11;
export const gLast = (n: number): number => G_FIRST + n - 1;
/** The national total row ("NL") directly under the gemeenten. */
export const totalRow = (n: number): number => G_FIRST + n;
export const NATIONAL_CODE = 'NL';

/** Column of (line index, period index) on Afronding and Allocatie: line-major, starting at E. */
export const lpCol = (lineIndex: number, periodIndex: number): number =>
  PERIOD_COL + lineIndex * PERIOD_COUNT + periodIndex;
export const lpLetter = (lineIndex: number, periodIndex: number): string =>
  columnLetter(lpCol(lineIndex, periodIndex));

export const LANDELIJK = {
  headerRow: 4,
  firstLine: 5,
  /** Columns: A nr, B onderdeel, C hoofdthema, D regeling, E..I periods (mln), J total, K aard, L BBV flag, M note. */
  totalCol: 10,
  aardCol: 11,
  bbvCol: 12,
  noteCol: 13,
} as const;

export const VERDEELSLEUTEL = {
  headerRow: 10,
  /** A code, B naam, C provincie, D zorgkantoorregio, E inwoners, F 2A 2025, G 2A 2026, H gewicht, I aandeel. */
  inwonersCol: 5,
  bijlage2025Col: 6,
  bijlage2026Col: 7,
  weightCol: 8,
  shareCol: 9,
} as const;

export const ALLOC_HEADER = {
  nr: 3,
  periodIndex: 4,
  naam: 5,
  period: 6,
  national: 7,
  /** Allocatie: structural level of the line. Afronding: d (euros handed out). */
  second: 8,
  /** Allocatie: aard (Rijk). Afronding: threshold t. */
  third: 9,
  /** Afronding: g (rests above t). Allocatie: column headers. */
  fourth: 10,
} as const;

/** Fixed cells of Overzicht: the chosen gemeente and its helpers. */
export const OVERZICHT = {
  code: 'C4',
  name: 'C5',
  row: 'C6',
  periods: 'C7',
  check: 'C8',
  periodIndexRow: 9,
  headerRow: 10,
} as const;

/** The master check: 0 when every control passes. Shown on Overzicht. */
export const CONTROLE_MASTER = `${SHEETS.controle}!$C$4`;
