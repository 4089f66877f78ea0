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
import { SheetBuilder } from '../sheet-builder';
import { linesHeight } from '../text-fit';
import type { BegrotingTableCells } from './fixed-cells';

/**
 * The widths of B (Omschrijving) and C (notes), which wrap: narrow enough that the sheet prints its text
 * at 7 pt or more on a landscape A4 (a raad sheet, #18; 44 and 24 printed it at 6.9 pt in Calibri metrics).
 */
export const TOETS_B_WIDTH = 36;
export const TOETS_C_WIDTH = 26;
/** The amount columns (the years, then two more of the 2023–2024 table): € 12.654.047 fits 13 (was 14). */
export const TOETS_AMOUNT_WIDTH = 13;
/** Column D: a narrow spacer between the notes and the years. */
export const TOETS_D_WIDTH = 2;

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

/**
 * A label in B on a row whose input cells (yellow) start at column `inputCol`: wrapped in B, in a row
 * as high as its lines, when it would otherwise run on over those cells (#18: "9 Opgroeien …
 * Alcoholproblematiek" and "Vooruit ontvangen … geen baat)" printed over the yellow inputs, and an
 * amount typed there would cut them).
 */
export function labelBeforeInputs(
  v: ToetsSection,
  row: number,
  text: string,
  inputCol: number,
  bold = false,
): void {
  const room = TOETS_B_WIDTH + TOETS_C_WIDTH + TOETS_D_WIDTH + (inputCol - PERIOD_COL) * TOETS_AMOUNT_WIDTH;
  const font = { bold };
  if (SheetBuilder.linesFor(text, room, font) < 2) return;
  const lines = SheetBuilder.linesFor(text, TOETS_B_WIDTH, font);
  v.s.format(`B${row}`, 'wrap').rowHeight(row, linesHeight(lines, font));
}
