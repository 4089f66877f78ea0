/**
 * The fixed cells at the top of Overzicht: the chosen gemeente and its helpers. Fixed (not laid out
 * by a cursor) because sheets built before Overzicht refer to them: Controle checks the chosen code
 * and counts the overwritten cells, the begroting sheets follow the chosen gemeente.
 */
import type { EditionYear } from '../domain';
import { SheetRange } from './anchors';
import { PERIOD_COL, SHEETS } from './layout';

export interface ChooserCells {
  /** C4: the chosen gemeente: a CBS code, a name, or NL (input; spaces and case do not matter). */
  readonly code: SheetRange;
  /** C5: its name. */
  readonly name: SheetRange;
  /** C6: the master check, as text. */
  readonly check: SheetRange;
  /** Hidden helper (technical column): its row in Allocatie's lookup table (1 = first gemeente). */
  readonly row: SheetRange;
  /**
   * Hidden helper: how many amount cells of Overzicht no longer equal their formula (a number typed
   * over a formula). Fixed, because Controle (built before Overzicht) counts it.
   */
  readonly overwritten: SheetRange;
  /**
   * Hidden helper: how many cross-sheet differences Overzicht counts (its amounts per begroting post
   * against the Begrotingstoets's plafond). Fixed, because Controle (built before Overzicht) counts it.
   */
  readonly aansluiting: SheetRange;
  /** Row 8 from E: the year headers, one per year of the edition (the chart's categories). */
  readonly periodHeaders: SheetRange;
}

/**
 * Overzicht's fixed frame: the chooser rows (from row 4), the header row (8) and the technical area
 * the user does not read (hidden columns far right, from row 4: helper cells, then the choice list).
 */
export const OVERZICHT_FRAME = {
  chooserFirst: 4,
  headerRow: 8,
  techCol: 26,
  listCol: 27,
  techFirst: 4,
} as const;

/** The chooser's cells on Overzicht (the same for every plan with the same year axis, `years`). */
export function chooserCells(years: readonly EditionYear[]): ChooserCells {
  const f = OVERZICHT_FRAME;
  const c = (row: number) => SheetRange.at(SHEETS.overzicht, row, 3);
  return {
    code: c(f.chooserFirst),
    name: c(f.chooserFirst + 1),
    check: c(f.chooserFirst + 2),
    row: SheetRange.at(SHEETS.overzicht, f.techFirst, f.techCol),
    overwritten: SheetRange.at(SHEETS.overzicht, f.techFirst + 2, f.techCol),
    aansluiting: SheetRange.at(SHEETS.overzicht, f.techFirst + 4, f.techCol),
    periodHeaders: SheetRange.at(SHEETS.overzicht, f.headerRow, PERIOD_COL, 1, years.length),
  };
}
