/**
 * The per-year row-label block the Verantwoording's sections share (regeling, BBV verloop, signals):
 * a heading row (a title, then the regeling's years over the year columns) and below it one label
 * per row in column A, written in two writes; each row's rule text goes into `notes` (the regeling
 * block writes that column once). Returns the sheet row of a row id.
 */
import type { EditionYear } from '../../domain';
import { SheetBuilder } from '../sheet-builder';
import { STYLES } from '../styles';
import { BODY_SIZE, linesHeight, wrapText } from '../text-fit';
import type { TextFont } from '../text-fit';
import type { StyleName } from '../types';

/** One row of the block: its id, its label in column A and (optional) its rule text. */
export type YearRow<Id extends string> = readonly [id: Id, label: string, note?: string];

export function yearRows<Id extends string>(
  s: SheetBuilder,
  top: number,
  heading: { readonly title: string; readonly style: StyleName; readonly jaren: readonly EditionYear[] },
  rows: readonly YearRow<Id>[],
  notes?: Map<number, string>,
): (id: Id) => number {
  s.values(`A${top}`, [[heading.title, ...heading.jaren]], heading.style);
  if (rows.length > 0)
    s.values(
      `A${top + 1}`,
      rows.map(([, label]) => [label]),
    );
  wrapLabels(s, top, [heading.title, ...rows.map(([, label]) => label)], (i) =>
    i === 0 ? fontOf(heading.style) : {},
  );
  const row = (id: Id): number => {
    const i = rows.findIndex(([k]) => k === id);
    if (i < 0) throw new RangeError(`No row ${id} in the block ${heading.title}`);
    return top + 1 + i;
  };
  for (const [id, , note] of rows) if (note !== undefined) notes?.set(row(id), note);
  return row;
}

/** Column A's width (characters) on the Verantwoording: the labels' column. */
export const LABEL_WIDTH = 46;

/**
 * Labels in column A from row `top` whose cells to the right are filled: where one does not fit on
 * a line of column A (measured in its font, `font(i)`, default the body font: `wrapText`), the block's
 * column A wraps (one format over the block, not one per cell: the Excel write costs an operation per
 * format range) and each long label's row is as high as its lines (printed whole, #18). Measured in
 * the column's own width: a count of 42 characters gave a two-line label three lines, printed with a
 * blank line above it (the text sits at the bottom of its row).
 */
export function wrapLabels(
  s: SheetBuilder,
  top: number,
  labels: readonly (string | undefined)[],
  font: (i: number) => TextFont = () => ({}),
): void {
  const long = labels.flatMap((t, i) => {
    const lines = t === undefined ? 1 : wrapText(t, LABEL_WIDTH, font(i)).length;
    return lines > 1 ? [{ i, lines }] : [];
  });
  if (long.length === 0) return;
  s.format(labels.length > 1 ? `A${top}:A${top + labels.length - 1}` : `A${top}`, 'wrap');
  for (const { i, lines } of long) s.rowHeight(top + i, linesHeight(lines, font(i)));
}

/** The font of cells in style `style` (its size and weight), for measuring a text in it. */
export function fontOf(style: StyleName): TextFont {
  const spec = STYLES[style];
  return {
    ...(spec.fontSize !== undefined ? { size: spec.fontSize } : {}),
    ...(spec.bold !== undefined ? { bold: spec.bold } : {}),
  };
}

/**
 * The rule texts (`notes`: sheet row → text) laid out a line per row: a text longer than a line of the
 * rules column (`width` characters, measured in the font: `wrapText`) puts its first line beside its
 * own row and the next ones in the rows below it up to the next row with a text of its own, as a
 * margin note runs on; what does not fit stays in the last of those rows, where it wraps (and the row
 * grows: `wrapLongTexts`). A text that wrapped whole in its row made the row, and the figures in it,
 * as tall as the text (#18). Lines break at word boundaries and take at most 85 % of the column, so
 * they also fit where LibreOffice prints a wider font (DejaVu Sans: at 95 % its lines wrapped again
 * and overprinted). The last text does not run on (the rows below it are another section's). Layout
 * only: the texts are not changed.
 */
export function flowNotes(notes: ReadonlyMap<number, string>, width: number): Map<number, string> {
  const rows = [...notes.keys()].sort((a, b) => a - b);
  const out = new Map<number, string>();
  rows.forEach((row, i) => {
    const text = notes.get(row) ?? '';
    const free = (rows[i + 1] ?? row + 1) - row;
    const lines = wrapText(text, width, { size: BODY_SIZE }, NOTE_FILL);
    if (free <= 1 || lines.length <= 1) {
      out.set(row, text);
      return;
    }
    const k = Math.min(free, lines.length);
    for (let j = 0; j < k - 1; j++) out.set(row + j, lines[j] ?? '');
    out.set(row + k - 1, lines.slice(k - 1).join(' '));
  });
  return out;
}

/** The share of the rules column a run-on line of a rule may take (see `flowNotes`). */
const NOTE_FILL = 0.85;
