/**
 * The sheet Begroting (the user's): the Excel table `Begroting` of activities with lasten per year.
 * Created once; afterwards the add-in rewrites only its heading rows (SheetPlan.userOwned), so rows
 * the user adds, deletes or sorts survive every refresh. Its place is `begrotingTable(years)`.
 */
import type { BegrotingInvoer, BegrotingToets, EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN } from '../../domain';
import type { SheetRange } from '../anchors';
import { SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import type { BegrotingKolom, BegrotingTableCells } from './fixed-cells';
import { begrotingSchema } from './fixed-cells';
import { begrotingRowCells, writeBegrotingColumnsTable } from './user-table';

/**
 * Builds the Begroting sheet with `invoer`'s rows (at least one empty row). `lists` are the
 * Begrotingstoets's hidden lists (regelingen, then the two aarden), `master` its signal count,
 * `table` the table's place for the edition's `years` (one lasten column per year).
 */
export function buildBegrotingTable(
  invoer: BegrotingInvoer,
  t: BegrotingToets,
  from: {
    readonly lists: SheetRange;
    readonly master: SheetRange;
    readonly table: BegrotingTableCells;
    readonly years: readonly EditionYear[];
  },
): SheetBuilder {
  const { table } = from;
  const s = new SheetBuilder(SHEETS.begroting, 'invoer');
  const master = from.master.abs();
  s.value('A1', 'Begroting: de activiteiten van de gemeente', 'title');
  s.value(
    'A2',
    `Eén rij per activiteit; lasten in hele euro's per jaar. Voeg rijen toe, verwijder of sorteer ze: de add-in laat de tabel staan. De toets staat op het blad ${SHEETS.toets} (de eerste ${BEGROTING_CAPACITEIT} rijen).`,
    'subtitle',
  );
  // The heading is the same for every gemeente (the gemeente is on the Begrotingstoets).
  s.formula(
    'A3',
    `"Signalen: "&${master}&IF(${master}=0," (geen)"," (zie blad ${SHEETS.toets})")`,
    () =>
      `Signalen: ${t.signalen.length}${t.signalen.length === 0 ? ' (geen)' : ` (zie blad ${SHEETS.toets})`}`,
    'rowHeader',
  );
  const schema = begrotingSchema(from.years);
  // The table's schema version (SheetPlan.userOwned.table), in the add-in range: rewritten on every
  // refresh and read there (it stays in its cell). Not shown on screen or paper (#18: no machinery on
  // the raad's page): the formula bar shows it, with its label.
  s.value('A4', 'Tabelversie', 'lookupKey').value(schema.versionCell, schema.version, 'lookupKey');
  s.userOwned([table.addinRange.address()], schema);
  const n = writeBegrotingColumnsTable(s, {
    name: schema.name,
    style: 'TableStyleMedium2',
    place: table,
    years: from.years,
    rows: invoer.regels.map(begrotingRowCells),
  });
  validationsOfTable(s, table, n, from.lists);
  return s;
}

/**
 * Validations over the table's `n` rows (Excel extends them to the rows the table grows by): the
 * regeling and the aard from the Begrotingstoets's hidden `lists`, the onderdeel, whole lasten.
 */
function validationsOfTable(s: SheetBuilder, table: BegrotingTableCells, n: number, lists: SheetRange): void {
  const cap = (name: BegrotingKolom) => table.column(name).rows(0, n).address();
  const years = table.years.rows(0, n).address();
  const regList = lists.rows(0, BEGROTING_REGELINGEN.length).abs();
  const aardList = lists.rows(BEGROTING_REGELINGEN.length, 2).abs();
  s.validation({
    range: cap('Regeling'),
    type: 'list',
    source: regList,
    prompt: 'Kies de regeling.',
    error: 'Kies Brede SPUK, SPUK IZA, SPUK AZWA lokaal of SPUK AZWA regionaal.',
  });
  s.validation({
    range: cap('Onderdeel'),
    type: 'whole',
    min: 1,
    max: 15,
    prompt: 'Onderdeel 1–15 van de Brede SPUK (tot en met 2024 verplicht; leeg voor ontschot geld).',
    error: 'Vul een onderdeel van 1 tot en met 15 in, of laat de cel leeg.',
  });
  s.validation({
    range: cap('Aard lasten'),
    type: 'list',
    source: aardList,
    prompt: 'Structureel of incidenteel (BBV: geld van een regeling met een einddatum is incidenteel).',
    error: 'Kies structureel of incidenteel.',
  });
  s.validation({
    range: years,
    type: 'whole',
    min: 0,
    prompt: "Lasten in hele euro's.",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
}
