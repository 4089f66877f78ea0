/**
 * The begroting cells that are fixed before their sheet is built: other sheets refer to them
 * without receiving a built anchor record.
 * - `TOETS_MASTER`: the Begrotingstoets's count of active signals (Overzicht and Controle, built
 *   earlier, show it).
 * - `BEGROTING_TABLE`: the user's table on the sheet Begroting. It is created once and then owned
 *   by the user, so its place is a convention: the heading on row 6, the rows the toets checks
 *   below it, one column per entry of the domain's `BEGROTING_KOLOMMEN` (the years G..M).
 * - `BEGROTING_SCHEMA`: that table's schema (its columns per version): a later release that changes
 *   the columns raises the version and lists the change, so a refresh migrates the user's table.
 */
import { BEGROTING_CAPACITEIT, BEGROTING_KOLOMMEN, EDITION_YEARS } from '../../domain';
import { SheetRange } from '../anchors';
import { SHEETS } from '../layout';
import type { TableSchema } from '../types';

/** Begrotingstoets!C3: the number of active signals (the name `Begroting_Signalen`). */
export const TOETS_MASTER = SheetRange.at(SHEETS.toets, 3, 3);

/** A heading of the Begroting table (`BEGROTING_KOLOMMEN`). */
export type BegrotingKolom = (typeof BEGROTING_KOLOMMEN)[number];

/** Rows below the checked capacity that the toets still counts (a signal: rows it does not check). */
const BEYOND_ROWS = 2000;

/** Where the user's table `Begroting` sits; every reference into it is derived from these anchors. */
export interface BegrotingTableCells {
  /** The table's heading row (row 6). */
  readonly headerRow: number;
  /** The first data row (the starter rows are numbered from here). */
  readonly firstRow: number;
  /** The heading row across all columns (A6:O6). */
  readonly header: SheetRange;
  /** One column of the table by its heading, over the checked capacity (e.g. `Begroting!$A$7:$A$506`). */
  column(name: BegrotingKolom): SheetRange;
  /** The year columns 2023–2029 over the checked capacity (G..M). */
  readonly years: SheetRange;
  /** Rows below the checked capacity, in the Activiteit column (the toets counts filled ones). */
  readonly beyond: SheetRange;
  /** The heading rows the add-in rewrites on the user's sheet (A1:O4). */
  readonly addinRange: SheetRange;
}

function begrotingTable(): BegrotingTableCells {
  const headerRow = 6;
  const firstRow = headerRow + 1;
  const index = (name: BegrotingKolom): number => {
    const i = BEGROTING_KOLOMMEN.indexOf(name);
    if (i < 0) throw new RangeError(`No column ${name} in the Begroting table`);
    return i + 1;
  };
  const column = (name: BegrotingKolom): SheetRange =>
    SheetRange.at(SHEETS.begroting, firstRow, index(name), BEGROTING_CAPACITEIT);
  const firstYear = index(String(EDITION_YEARS[0]));
  return {
    headerRow,
    firstRow,
    header: SheetRange.at(SHEETS.begroting, headerRow, 1, 1, BEGROTING_KOLOMMEN.length),
    column,
    years: SheetRange.at(SHEETS.begroting, firstRow, firstYear, BEGROTING_CAPACITEIT, EDITION_YEARS.length),
    beyond: SheetRange.at(
      SHEETS.begroting,
      firstRow + BEGROTING_CAPACITEIT,
      index('Activiteit'),
      BEYOND_ROWS,
    ),
    addinRange: SheetRange.at(SHEETS.begroting, 1, 1, 4, BEGROTING_KOLOMMEN.length),
  };
}

/** The anchors of the Begroting table (a convention: the table is the user's once created). */
export const BEGROTING_TABLE: BegrotingTableCells = begrotingTable();

/**
 * The schema of the table `Begroting`: version 1 is today's columns (`BEGROTING_KOLOMMEN`). A release
 * that adds or renames a column raises `version`, changes the columns and adds the migration from the
 * previous version (`{ from: 1, changes: [{ kind: 'add', name, index, default: null }] }`). The version
 * is shown in Begroting!B4 (in the add-in range A1:O4, next to the label in A4), named
 * `SPUK_Begroting_Versie`.
 */
export const BEGROTING_SCHEMA: TableSchema = {
  name: 'Begroting',
  version: 1,
  columns: [...BEGROTING_KOLOMMEN],
  migrations: [],
  versionCell: 'B4',
};
