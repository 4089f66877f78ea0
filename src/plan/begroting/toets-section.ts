/**
 * What the sections of the Begrotingstoets share: the sheet, its row cursor, the domain's toets (the
 * expected value of every cell) and the list of check ranges (one signal per non-zero cell). A section
 * takes its rows from the cursor and returns the anchors later sections refer to; it never computes
 * another section's rows.
 */
import type {
  BegrotingInvoer,
  BegrotingRegels,
  BegrotingToets,
  EditionYear,
  SignaalSoort,
} from '../../domain';
import { rangeOf } from '../a1';
import type { RowCursor } from '../anchors';
import { SheetRange } from '../anchors';
import type { PlanContext } from '../context';
import { PERIOD_COL, SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { BegrotingTableCells } from './fixed-cells';

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
  /** The edition's rule parameters (percentages, years, end years, with their sources). */
  readonly regels: BegrotingRegels;
  /** The explanation of each kind of signal, with the edition's parameters (`signaalUitleg(regels)`). */
  readonly uitleg: Readonly<Record<SignaalSoort, string>>;
  /** The user's Begroting table on the edition's year axis. */
  readonly table: BegrotingTableCells;
  /** Every check range, in sheet order (the signal count per row is made from these). */
  readonly checks: ToetsCheck[];
}

/** A section's title row. */
export function sectionTitle(v: ToetsSection, title: string): void {
  v.s.value(`A${v.rows.take()}`, title, 'rowHeader');
}

/** The year columns (from E, one per year of `v.ctx.years`) of `rows` rows from `row`, as the range a block fills. */
export function yearsRange(v: ToetsSection, row: number, rows = 1): string {
  return rangeOf(row, PERIOD_COL, rows, v.ctx.years.length);
}

/** The year columns (from E) of `rows` rows from `row`, as an anchor on the Begrotingstoets. */
export function yearsAt(v: ToetsSection, row: number, rows = 1): SheetRange {
  return SheetRange.at(SHEETS.toets, row, PERIOD_COL, rows, v.ctx.years.length);
}

/** The year after `jaar` on the axis (the calendar's next year where the axis ends). */
export function nextYear(v: ToetsSection, jaar: EditionYear): EditionYear {
  return v.ctx.years[yearIndex(v, jaar) + 1] ?? jaar + 1;
}

/** The column offset of a year from E (-1 when the axis does not have it). */
export function yearIndex(v: ToetsSection, jaar: EditionYear): number {
  return v.ctx.years.indexOf(jaar);
}
