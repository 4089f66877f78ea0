/**
 * What the sections of the Begrotingstoets share: the sheet, its row cursor, the domain's toets (the
 * expected value of every cell) and the list of check ranges (one signal per non-zero cell). A section
 * takes its rows from the cursor and returns the anchors later sections refer to; it never computes
 * another section's rows.
 */
import type { BegrotingInvoer, BegrotingToets, EditionYear } from '../../domain';
import { EDITION_YEARS } from '../../domain';
import { rangeOf } from '../a1';
import type { RowCursor } from '../anchors';
import { SheetRange } from '../anchors';
import type { PlanContext } from '../context';
import { PERIOD_COL, SHEETS, YEAR_COUNT } from '../layout';
import type { SheetBuilder } from '../sheet-builder';

/** A check range and the domain's value of each of its cells (0 = in orde). */
export interface ToetsCheck {
  readonly range: SheetRange;
  readonly value: (r: number, c: number) => number;
}

export interface ToetsSection {
  readonly ctx: PlanContext;
  readonly s: SheetBuilder;
  readonly rows: RowCursor;
  /** The domain's toets for the plan's gemeente: every expected value. */
  readonly t: BegrotingToets;
  /** The begroting the toets checks (the rows of the table, the inputs). */
  readonly invoer: BegrotingInvoer;
  /** Every check range, in sheet order (the signal count per row is made from these). */
  readonly checks: ToetsCheck[];
}

/** A section's title row. */
export function sectionTitle(v: ToetsSection, title: string): void {
  v.s.value(`A${v.rows.take()}`, title, 'rowHeader');
}

/** The years E..K of `rows` rows from `row` on the Begrotingstoets, as the range a block fills. */
export function yearsRange(row: number, rows = 1): string {
  return rangeOf(row, PERIOD_COL, rows, YEAR_COUNT);
}

/** The years E..K of `rows` rows from `row`, as an anchor on the Begrotingstoets. */
export function yearsAt(row: number, rows = 1): SheetRange {
  return SheetRange.at(SHEETS.toets, row, PERIOD_COL, rows, YEAR_COUNT);
}

/** The column offset of a year in E..K. */
export function yearIndex(jaar: EditionYear): number {
  return EDITION_YEARS.indexOf(jaar);
}
