/**
 * The fixed conventions of the workbook; everything else is laid out by the sheet sections with a
 * row cursor and passed on as anchors (anchors.ts).
 *
 * FAST conventions: the edition's years (`ctx.years`, n of them: 2023–2029 for the shipped editions)
 * sit in the n columns from E on every sheet with a time axis (Landelijk, Overzicht, IZA; year-major
 * blocks of one column per line on Afronding and Allocatie);
 * the gemeenten sit on rows 11.. in CBS-code order on every sheet with one row per gemeente
 * (Verdeelsleutel, Afronding, Allocatie), with the national total (code "NL") directly below them.
 */
import type { EditionYear } from '../domain';
import { SheetRange } from './anchors';

/** The name of every sheet a werkmap can hold (some only with a realisatie, a comparison or a region). */
export const SHEETS = {
  overzicht: 'Overzicht',
  landelijk: 'Landelijk',
  verdeelsleutel: 'Verdeelsleutel',
  allocatie: 'Allocatie',
  afronding: 'Afronding',
  iza: 'IZA',
  controle: 'Controle',
  verschil: 'Wat is er veranderd',
  samenvatting: 'Samenvatting',
  begroting: 'Begroting',
  toets: 'Begrotingstoets',
  beschikking: 'Beschikking',
  verantwoording: 'Verantwoording',
  realisatie: 'Realisatie',
  besteding: 'Besteding',
  /** Only in a mandaatgemeente's werkmap (sheets-regioverdeling.ts). */
  regioverdeling: 'Regioverdeling',
  bronnen: 'Bronnen',
} as const;

/** First year column (E) on time-axis sheets; the edition's n years fill the n columns from E. */
export const PERIOD_COL = 5;

/**
 * The column of a year on a time-axis sheet (E for the first year of `years`). Throws RangeError for
 * a year that is not on the axis.
 */
export function yearCol(years: readonly EditionYear[], jaar: EditionYear): number {
  const i = years.indexOf(jaar);
  if (i < 0) throw new RangeError(`Year ${jaar} is not on the edition's axis (${years.join(', ')})`);
  return PERIOD_COL + i;
}

/** The first column after the year columns (e.g. a total or the structural level): E + n. */
export function afterYears(years: readonly EditionYear[]): number {
  return PERIOD_COL + years.length;
}

/** Gemeente rows on Verdeelsleutel, Afronding and Allocatie start here (below the fixed header rows). */
export const G_FIRST = 11;
export const NATIONAL_CODE = 'NL';

/**
 * The gemeente rows every per-gemeente sheet shares (FAST 2D line-item grid): `first..last` in
 * CBS-code order, then the national total ("NL") on `total`. Made once per plan (`gemeenteRows`)
 * and handed to each per-gemeente sheet.
 */
export interface GemeenteRows {
  readonly first: number;
  readonly last: number;
  readonly total: number;
  readonly count: number;
}

export function gemeenteRows(count: number): GemeenteRows {
  return { first: G_FIRST, last: G_FIRST + count - 1, total: G_FIRST + count, count };
}

/** The code column (A) of a per-gemeente sheet: the same rows on every such sheet, so rows can be compared. */
export function gemeenteCodes(sheet: string, rows: GemeenteRows): SheetRange {
  return SheetRange.at(sheet, rows.first, 1, rows.count);
}
