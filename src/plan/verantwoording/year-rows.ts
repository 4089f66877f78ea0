/**
 * The per-year row-label block the Verantwoording's sections share (regeling, BBV verloop, signals):
 * a heading row (a title, then the regeling's years over the year columns) and below it one label
 * per row in column A, written in two writes; each row's rule text goes into `notes` (the regeling
 * block writes that column once). Returns the sheet row of a row id.
 */
import type { EditionYear } from '../../domain';
import { SheetBuilder } from '../sheet-builder';
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
  wrapLabels(s, top, [heading.title, ...rows.map(([, label]) => label)]);
  const row = (id: Id): number => {
    const i = rows.findIndex(([k]) => k === id);
    if (i < 0) throw new RangeError(`No row ${id} in the block ${heading.title}`);
    return top + 1 + i;
  };
  for (const [id, , note] of rows) if (note !== undefined) notes?.set(row(id), note);
  return row;
}

/** The characters of column A a label may take on one line (bold headings are wider: 42 of the 46). */
export const LABEL_WIDTH = 42;

/**
 * Labels in column A from row `top` whose cells to the right are filled: where one is longer than
 * `LABEL_WIDTH`, the block's column A wraps (one format over the block, not one per cell: the Excel
 * write costs an operation per format range) and each long label's row is as high as its lines
 * (printed whole, #18).
 */
export function wrapLabels(s: SheetBuilder, top: number, labels: readonly (string | undefined)[]): void {
  const long = labels.flatMap((t, i) => (t !== undefined && t.length > LABEL_WIDTH ? [{ t, i }] : []));
  if (long.length === 0) return;
  s.format(labels.length > 1 ? `A${top}:A${top + labels.length - 1}` : `A${top}`, 'wrap');
  for (const { t, i } of long) s.rowHeight(top + i, 15 * SheetBuilder.linesFor(t, LABEL_WIDTH));
}
