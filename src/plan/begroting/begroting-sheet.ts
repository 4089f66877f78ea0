/**
 * The sheet Begroting (the user's): the Excel table `Begroting` of activities with lasten per year.
 * Created once; afterwards the add-in rewrites only its heading rows (SheetPlan.userOwned), so rows
 * the user adds, deletes or sorts survive every refresh. Its place is `begrotingTable(years)`.
 */
import type { BegrotingInvoer, BegrotingToets, EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN, begrotingKolommen } from '../../domain';
import { columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import { SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import type { CellValue, StyleName } from '../types';
import type { BegrotingKolom, BegrotingTableCells } from './fixed-cells';
import { begrotingSchema } from './fixed-cells';

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
  const kolommen = begrotingKolommen(from.years);
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
  // The table's schema version (SheetPlan.userOwned.table), in the add-in range: rewritten on every refresh.
  const schema = begrotingSchema(from.years);
  s.value('A4', 'Tabelversie', 'note').value(schema.versionCell, schema.version, 'note');
  s.userOwned([table.addinRange.address()], schema);
  const regels = invoer.regels;
  const n = Math.max(1, regels.length);
  s.values(table.header.address().split(':')[0] ?? '', [[...kolommen]]);
  // The year headings right-aligned over their amounts (#18); Andere dekking is a text.
  const yearHeads = SheetRange.at(SHEETS.begroting, table.headerRow, table.years.left, 1, from.years.length);
  s.format(yearHeads.address(), 'right');
  // Centred between a right-aligned neighbour and a left-aligned one ("2030Andere dekking", "1Lokaal").
  const head = (name: BegrotingKolom) =>
    SheetRange.at(SHEETS.begroting, table.headerRow, table.column(name).left);
  s.format(head('Andere dekking').address(), 'center').format(head('Onderdeel').address(), 'center');
  const body: CellValue[][] = regels.map((r) => [
    r.regeling,
    r.onderdeel ?? null,
    r.activiteit,
    r.taakveld,
    r.uitvoerder,
    r.aard ?? null,
    ...r.lasten.map((x) => (x === 0 ? null : x)),
    r.andereDekking,
    r.opmerking,
  ]);
  if (body.length === 0) body.push(kolommen.map(() => null));
  s.values(`A${table.firstRow}`, body);
  const tableRange = `${table.header.address().split(':')[0] ?? ''}:${columnLetter(table.header.right)}${table.firstRow + n - 1}`;
  s.table({ name: schema.name, range: tableRange, style: 'TableStyleMedium2' });
  inputsOfTable(s, table, n, from.lists);
  for (const [name, width] of widths(from.years)) s.width(columnLetter(table.column(name).left), width);
  // The rows given (a CSV) print whole: a long activity, uitvoerder or remark wraps with its row height.
  for (const name of ['Activiteit', 'Uitvoerder', 'Opmerking'] as const)
    s.wrapLongTexts(columnLetter(table.column(name).left), widthOf(from.years, name));
  s.freezeAt(table.headerRow, 3);
  s.printAs('landscape', true).printLayout({ titleRows: `${table.headerRow}:${table.headerRow}` });
  return s;
}

/** Column widths, by heading (one per year of the axis). */
const widths = (years: readonly EditionYear[]): readonly (readonly [BegrotingKolom, number])[] => [
  // Together about 213 characters: the table prints on the width of a landscape A4 at 7 pt or more (#18).
  ['Regeling', 16],
  ['Onderdeel', 10],
  ['Activiteit', 36],
  ['Taakveld', 9],
  ['Uitvoerder', 16],
  ['Aard lasten', 12],
  ...years.map((y) => [String(y), 12] as const),
  ['Andere dekking', 14],
  ['Opmerking', 16],
];

const widthOf = (years: readonly EditionYear[], name: BegrotingKolom): number =>
  widths(years).find(([n]) => n === name)?.[1] ?? 8.43;

/** Input formats per column, by heading (the years: `inputEuro`). */
const FORMATS: readonly (readonly [BegrotingKolom, StyleName])[] = [
  ['Regeling', 'input'],
  ['Onderdeel', 'input'],
  ['Activiteit', 'input'],
  ['Taakveld', 'inputText'],
  ['Uitvoerder', 'input'],
  ['Aard lasten', 'input'],
];

/**
 * Formats and validations over the table's `n` rows: Excel extends both to the rows the table grows
 * by, and the print stays the size of the begroting.
 */
function inputsOfTable(s: SheetBuilder, table: BegrotingTableCells, n: number, lists: SheetRange): void {
  const cap = (name: BegrotingKolom) => table.column(name).rows(0, n).address();
  for (const [name, style] of FORMATS) s.format(cap(name), style);
  s.format(cap('Onderdeel'), 'center');
  const years = table.years.rows(0, n).address();
  s.format(years, 'inputEuro');
  s.format(cap('Andere dekking'), 'input').format(cap('Opmerking'), 'input');
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
