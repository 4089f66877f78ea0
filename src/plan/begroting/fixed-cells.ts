/**
 * The begroting cells that are fixed before their sheet is built: other sheets refer to them
 * without receiving a built anchor record.
 * - `TOETS_MASTER`: the Begrotingstoets's count of active signals (Overzicht and Controle, built
 *   earlier, show it).
 * - `begrotingTable(years)`: the user's table on the sheet Begroting. It is created once and then owned
 *   by the user, so its place is a convention: the heading on row 6, the rows the toets checks
 *   below it, one column per entry of the domain's `begrotingKolommen(years)` (the years from G:
 *   G..M for the shipped editions' 2023–2029). Made per year axis (`begrotingTable`).
 * - `begrotingSchema(years)`: that table's schema (its columns per version): a later release or
 *   edition that changes the columns raises the version and lists the change, so a refresh migrates
 *   the user's table instead of refusing it.
 */
import type { EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT, begrotingKolommen } from '../../domain';
import { SheetRange } from '../anchors';
import type { TableSchema } from '../types';
import { SHEETS } from '../layout';

/** Begrotingstoets!C3: the number of active signals (the name `Begroting_Signalen`). */
export const TOETS_MASTER = SheetRange.at(SHEETS.toets, 3, 3);

/** A heading of the Begroting table (an entry of `begrotingKolommen(years)`, e.g. "Taakveld", "2027"). */
export type BegrotingKolom = string;

/** Rows below the checked capacity that the toets still counts (a signal: rows it does not check). */
const BEYOND_ROWS = 2000;

/**
 * Where a table with the Begroting's columns sits (`BegrotingTableCells`, `RealisatieTableCells`), as
 * `writeBegrotingColumnsTable` (./user-table) lays it out.
 */
export interface BegrotingColumnsPlace {
  /** The heading row. */
  readonly headerRow: number;
  /** The first data row. */
  readonly firstRow: number;
  /** The heading row across all columns. */
  readonly header: SheetRange;
  /** One column by its heading, from the first data row down. */
  column(name: BegrotingKolom): SheetRange;
  /** The year columns from the first data row down. */
  readonly years: SheetRange;
}

/**
 * Where the user's table `Begroting` sits; every reference into it is derived from these anchors. Of
 * the place: the heading on row 6 (`header` A6:O6), the first data row 7 (the starter rows are numbered
 * from here); `column(name)` and `years` (G.., one per year of the axis) run over the checked capacity
 * (e.g. `Begroting!$A$7:$A$506`).
 */
export interface BegrotingTableCells extends BegrotingColumnsPlace {
  /** Rows below the checked capacity, in the Activiteit column (the toets counts filled ones). */
  readonly beyond: SheetRange;
  /** The heading rows the add-in rewrites on the user's sheet (A1:O4). */
  readonly addinRange: SheetRange;
}

/**
 * The anchors of the Begroting table for a year axis (the edition's years): a convention, the same
 * for every workbook of that axis (the table is the user's once created).
 */
export function begrotingTable(years: readonly EditionYear[]): BegrotingTableCells {
  const kolommen = begrotingKolommen(years);
  const headerRow = 6;
  const firstRow = headerRow + 1;
  const index = (name: BegrotingKolom): number => {
    const i = kolommen.indexOf(name);
    if (i < 0) throw new RangeError(`No column ${name} in the Begroting table`);
    return i + 1;
  };
  const column = (name: BegrotingKolom): SheetRange =>
    SheetRange.at(SHEETS.begroting, firstRow, index(name), BEGROTING_CAPACITEIT);
  const firstYear = index(String(years[0]));
  return {
    headerRow,
    firstRow,
    header: SheetRange.at(SHEETS.begroting, headerRow, 1, 1, kolommen.length),
    column,
    years: SheetRange.at(SHEETS.begroting, firstRow, firstYear, BEGROTING_CAPACITEIT, years.length),
    beyond: SheetRange.at(
      SHEETS.begroting,
      firstRow + BEGROTING_CAPACITEIT,
      index('Activiteit'),
      BEYOND_ROWS,
    ),
    addinRange: SheetRange.at(SHEETS.begroting, 1, 1, 4, kolommen.length),
  };
}

/** The years of version 1 of the Begroting table: the shipped editions' 2023–2029. */
const VERSION_1_YEARS: readonly EditionYear[] = [2023, 2024, 2025, 2026, 2027, 2028, 2029];

/**
 * The schema of the table `Begroting` for a year axis. Version 1 has the columns of 2023–2029
 * (`begrotingKolommen`); every later year of the axis (an edition that adds 2030) is one more
 * version whose migration adds that year's column after the year before it, so a werkmap made with
 * an older edition keeps every row and gains the empty year column on its next refresh. An axis that
 * does not extend 2023–2029 has only version 1 (its own columns). The version is shown in
 * Begroting!B4 (in the add-in range, next to the label in A4), named `SPUK_Begroting_Versie`. A
 * release that adds or renames another column adds its migration here too.
 */
export function begrotingSchema(years: readonly EditionYear[]): TableSchema {
  const extends1 = VERSION_1_YEARS.every((y) => years.includes(y));
  const extra = extends1 ? years.filter((y) => !VERSION_1_YEARS.includes(y)) : [];
  const columns = begrotingKolommen(years);
  const migrations = extra.map((y, i) => {
    const before = begrotingKolommen([...VERSION_1_YEARS, ...extra.slice(0, i)]);
    const previousYear = String(i === 0 ? VERSION_1_YEARS[VERSION_1_YEARS.length - 1] : extra[i - 1]);
    return {
      from: 1 + i,
      changes: [
        { kind: 'add' as const, name: String(y), index: before.indexOf(previousYear) + 1, default: null },
      ],
    };
  });
  return { name: 'Begroting', version: 1 + extra.length, columns, migrations, versionCell: 'B4' };
}
