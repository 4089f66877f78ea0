/**
 * The user's table `Realisatie` on the sheet Realisatie: where it sits and its schema, a convention
 * like the Begroting table's (`begroting/fixed-cells.ts`), because it is created once and then owned
 * by the user.
 * - Columns: exactly the Begroting table's (`begrotingKolommen(years)`: Regeling, Onderdeel,
 *   Activiteit, Taakveld, Uitvoerder, Aard lasten, one per year, Andere dekking, Opmerking), the year
 *   columns holding what was spent, then `Prognose` (the expected total of the prognose year, whose
 *   year is the cell `Realisatie!E4`). A controller copies Begroting rows into it and overwrites the
 *   amounts; `werkboek --realisatie` fills it with the file's rows.
 * - Place: heading on row 6, rows from 7 (the same columns as the Begroting, so a year is in the same
 *   column on both sheets); the add-in's heading rows 1–4 above it (its totals are on the sheet
 *   Besteding: nothing of the add-in's beside the table, where an inserted sheet row would move it).
 * - Schema: the Begroting's versions (a year the edition adds is one more version, its column added
 *   after the year before it), with `Prognose` last, so the same migrations apply.
 */
import type { EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT, begrotingKolommen } from '../../domain';
import { SheetRange } from '../anchors';
import { begrotingSchema } from '../begroting/fixed-cells';
import { SHEETS } from '../layout';
import type { TableSchema } from '../types';

/**
 * Besteding!B3: the count of Realisatie rows without a Begroting row (their key), fixed because
 * Controle (built before the sheet Besteding) counts it; `planWorkbook` checks the built sheet puts it
 * there.
 */
export const BESTEDING_ZONDER_BEGROTING = SheetRange.at(SHEETS.besteding, 3, 2);

/**
 * Besteding!B4: the count of a mandaatgemeente's SPUK IZA Realisatie rows whose Uitvoerder is
 * neither empty, the gemeente itself nor a medeoverheid on the sheet, as SUMIFS compares (Controle's
 * `realisatie-uitvoerder`, built before the sheet Besteding; `planWorkbook` checks it is there).
 */
export const BESTEDING_UITVOERDER_ONBEKEND = SheetRange.at(SHEETS.besteding, 4, 2);

/** The heading of the prognose column (its year: `RealisatieTableCells.prognoseJaar`). */
export const PROGNOSE_KOLOM = 'Prognose';

/** The table's name (and its version name `SPUK_Realisatie_Versie`). */
export const REALISATIE_TABLE = 'Realisatie';

/** The headings of the Realisatie table for a year axis: the Begroting's, then `Prognose`. */
export function realisatieKolommen(years: readonly EditionYear[]): readonly string[] {
  return [...begrotingKolommen(years), PROGNOSE_KOLOM];
}

/** Where the user's table `Realisatie` sits; every reference into it is derived from these anchors. */
export interface RealisatieTableCells {
  readonly headerRow: number;
  readonly firstRow: number;
  /** The heading row across all columns. */
  readonly header: SheetRange;
  /** One column by its heading, over the checked capacity (`BEGROTING_CAPACITEIT` rows). */
  column(name: string): SheetRange;
  /** The year columns over the checked capacity. */
  readonly years: SheetRange;
  /** The year of the prognose column (an input in the add-in's heading rows). */
  readonly prognoseJaar: SheetRange;
  /** The heading rows the add-in rewrites (A1 to the table's last column, rows 1–4). */
  readonly addinRange: SheetRange;
  /** The year axis (one column each in `years`). */
  readonly yearsAxis: readonly EditionYear[];
}

/** The anchors of the Realisatie table for a year axis (a convention, the same for every workbook). */
export function realisatieTable(years: readonly EditionYear[]): RealisatieTableCells {
  const kolommen = realisatieKolommen(years);
  const headerRow = 6;
  const firstRow = headerRow + 1;
  const index = (name: string): number => {
    const i = kolommen.indexOf(name);
    if (i < 0) throw new RangeError(`No column ${name} in the Realisatie table`);
    return i + 1;
  };
  const at = (top: number, left: number, rows = 1, cols = 1) =>
    SheetRange.at(SHEETS.realisatie, top, left, rows, cols);
  return {
    headerRow,
    firstRow,
    header: at(headerRow, 1, 1, kolommen.length),
    column: (name) => at(firstRow, index(name), BEGROTING_CAPACITEIT),
    years: at(firstRow, index(String(years[0])), BEGROTING_CAPACITEIT, years.length),
    prognoseJaar: at(4, 5),
    addinRange: at(1, 1, 4, kolommen.length),
    yearsAxis: years,
  };
}

/**
 * The schema of the table `Realisatie`: the Begroting table's versions and migrations (a later year
 * is added after the year before it; `Prognose` stays last, so those indexes hold) with `Prognose`
 * appended to every version. Version in `Realisatie!B4` (`SPUK_Realisatie_Versie`).
 */
export function realisatieSchema(years: readonly EditionYear[]): TableSchema {
  const b = begrotingSchema(years);
  return { ...b, name: REALISATIE_TABLE, columns: [...b.columns, PROGNOSE_KOLOM] };
}
