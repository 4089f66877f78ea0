/**
 * A user-owned table with the Begroting's columns (`begrotingKolommen(years)`), laid out one way for
 * every sheet that has one: the sheet Begroting (the lasten per activity) and the sheet Realisatie
 * (what was spent, with `Prognose` after the Begroting's columns). One place for the headings, the
 * rows, the Excel table, the input formats, the column widths, the wrapped long texts, the frozen
 * panes and the print, so both sheets print alike: on the width of a landscape A4 at 7 pt or more
 * (#18; measured by `test/libreoffice/print-measure.test.ts`).
 *
 * The table is the user's once created (SheetPlan.userOwned: the sheet's own code declares it and
 * its schema); this helper only lays out what the first build writes.
 */
import type { BegrotingRegel, EditionYear } from '../../domain';
import { begrotingKolommen } from '../../domain';
import { columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import type { SheetBuilder } from '../sheet-builder';
import type { CellValue, StyleName } from '../types';
import type { BegrotingColumnsPlace, BegrotingKolom } from './fixed-cells';

/** A column after the Begroting's (e.g. the Realisatie's `Prognose`): heading, width, input style. */
export interface ExtraColumn {
  readonly name: string;
  /** Width in characters (Excel's unit). */
  readonly width: number;
  readonly style: StyleName;
}

/** The Begroting's column widths in characters, by heading (one entry per year of the axis). */
const BEGROTING_WIDTHS = (years: readonly EditionYear[]): readonly (readonly [BegrotingKolom, number])[] => [
  // Together 213 characters for 2023–2029 (225 for 2023–2030): the table prints on the width of a
  // landscape A4 at 7 pt or more (#18).
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

/** The narrowest Activiteit column an extra column may leave (longer activities wrap). */
const MIN_ACTIVITEIT = 24;

/**
 * The column widths (characters, by heading) of a table with the Begroting's columns and `extra`
 * after them. The table keeps the Begroting's total width, so it prints at the Begroting's size: the
 * extra columns' width comes out of Activiteit (its long texts wrap), down to 24 characters; beyond
 * that the table is wider than the Begroting. Begroting without extra: 16, 10, 36, 9, 16, 12, 12 per
 * year, 14, 16.
 */
export function begrotingColumnWidths(
  years: readonly EditionYear[],
  extra: readonly ExtraColumn[] = [],
): readonly (readonly [string, number])[] {
  const more = extra.reduce((sum, c) => sum + c.width, 0);
  const activiteit = Math.max(MIN_ACTIVITEIT, 36 - more);
  return [
    ...BEGROTING_WIDTHS(years).map(([n, w]) => [n, n === 'Activiteit' ? activiteit : w] as const),
    ...extra.map((c) => [c.name, c.width] as const),
  ];
}

/** The cells of one Begroting row in the table's column order (a zero amount: empty). */
export function begrotingRowCells(r: BegrotingRegel): CellValue[] {
  return [
    r.regeling,
    r.onderdeel ?? null,
    r.activiteit,
    r.taakveld,
    r.uitvoerder,
    r.aard ?? null,
    ...r.lasten.map((x) => (x === 0 ? null : x)),
    r.andereDekking,
    r.opmerking,
  ];
}

/** Input formats per column, by heading (the years: `inputEuro`). */
const FORMATS: readonly (readonly [BegrotingKolom, StyleName])[] = [
  ['Regeling', 'input'],
  ['Onderdeel', 'input'],
  ['Activiteit', 'input'],
  ['Taakveld', 'inputText'],
  ['Uitvoerder', 'input'],
  ['Aard lasten', 'input'],
  ['Andere dekking', 'input'],
  ['Opmerking', 'input'],
];

/**
 * Writes on `s` the table `name` (Excel table style `style`) at `place`: the headings (the
 * Begroting's for `years`, then `extra`), `rows` (each the Begroting's cells, then one per extra
 * column; none: one empty row), the input formats over the rows written (Excel extends them to the
 * rows the table grows by, and the print stays the size of the table), the widths of
 * `begrotingColumnWidths`, long Activiteit/Uitvoerder/Opmerking texts wrapped with their row
 * height, the panes frozen below the heading and right of Activiteit, and the print: landscape, fit
 * to the page width, the heading row on every page. Returns the number of rows written (at least 1).
 * Validations are the caller's (they differ per sheet).
 */
export function writeBegrotingColumnsTable(
  s: SheetBuilder,
  spec: {
    readonly name: string;
    readonly style: string;
    readonly place: BegrotingColumnsPlace;
    readonly years: readonly EditionYear[];
    readonly extra?: readonly ExtraColumn[];
    readonly rows: readonly (readonly CellValue[])[];
  },
): number {
  const { place, years } = spec;
  const extra = spec.extra ?? [];
  const kolommen = [...begrotingKolommen(years), ...extra.map((c) => c.name)];
  const sheet = place.header.sheet;
  const topLeft = SheetRange.at(sheet, place.headerRow, place.header.left).address();
  s.values(topLeft, [kolommen]);
  // The year headings right-aligned over their amounts (#18); Andere dekking is a text.
  s.format(SheetRange.at(sheet, place.headerRow, place.years.left, 1, years.length).address(), 'right');
  // Centred between a right-aligned neighbour and a left-aligned one ("2030Andere dekking", "1Lokaal").
  const head = (name: string) => SheetRange.at(sheet, place.headerRow, place.column(name).left).address();
  s.format(head('Andere dekking'), 'center').format(head('Onderdeel'), 'center');
  const body: CellValue[][] = spec.rows.map((r) => [...r]);
  if (body.length === 0) body.push(kolommen.map(() => null));
  const n = body.length;
  s.values(SheetRange.at(sheet, place.firstRow, place.header.left).address(), body);
  s.table({
    name: spec.name,
    range: `${topLeft}:${columnLetter(place.header.right)}${place.firstRow + n - 1}`,
    style: spec.style,
  });
  const cap = (name: string) => place.column(name).rows(0, n).address();
  for (const [name, style] of FORMATS) s.format(cap(name), style);
  s.format(cap('Onderdeel'), 'center');
  s.format(place.years.rows(0, n).address(), 'inputEuro');
  for (const c of extra) s.format(cap(c.name), c.style);
  const widths = begrotingColumnWidths(years, extra);
  for (const [name, width] of widths) s.width(columnLetter(place.column(name).left), width);
  // The rows given (a CSV) print whole: a long activity, uitvoerder or remark wraps with its row height.
  for (const name of ['Activiteit', 'Uitvoerder', 'Opmerking'])
    s.wrapLongTexts(columnLetter(place.column(name).left), widths.find(([k]) => k === name)?.[1] ?? 8.43);
  s.freezeAt(place.headerRow, 3);
  s.printAs('landscape', true).printLayout({ titleRows: `${place.headerRow}:${place.headerRow}` });
  return n;
}
