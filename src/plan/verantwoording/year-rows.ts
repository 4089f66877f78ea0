/**
 * The per-year row-label block the Verantwoording's sections share (regeling, BBV verloop, signals):
 * a heading row (a title, then the regeling's years over the year columns) and below it one label
 * per row in column A, written in two writes; each row's rule text goes into `notes` (the regeling
 * block writes that column once). Returns the sheet row of a row id.
 */
import type { EditionYear } from '../../domain';
import type { SheetBuilder } from '../sheet-builder';
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
  const row = (id: Id): number => {
    const i = rows.findIndex(([k]) => k === id);
    if (i < 0) throw new RangeError(`No row ${id} in the block ${heading.title}`);
    return top + 1 + i;
  };
  for (const [id, , note] of rows) if (note !== undefined) notes?.set(row(id), note);
  return row;
}
