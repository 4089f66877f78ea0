import type { InputFailure, Notation, Result } from '../domain';
import { ambiguous, fail, numberReadings, ok, sameNumber } from '../domain';

/** A cell of a number column with the line the user sees. */
export interface NumberCell {
  readonly row: number;
  readonly text: string;
}

/**
 * Decides how a number column is written, from all its values: Dutch (`1.234.567,89`) or English
 * (`1,234,567.89`). A value only one notation explains ("1,5", "1.234,5", "0.0125", "1,234.5",
 * "1.234.567") is evidence; a `;`-separated file is Excel-NL, so Dutch unless the values say
 * otherwise. Evidence both ways is refused; without evidence, a value whose two readings differ
 * ("942.100") is refused as ambiguous (the first, with the count of the others), never guessed.
 * Undefined means every value reads the same in both notations.
 */
export function columnNotation(
  column: string,
  cells: readonly NumberCell[],
  delimiter: string,
): Result<Notation | undefined> {
  let nl: NumberCell | undefined;
  let en: NumberCell | undefined;
  for (const cell of cells) {
    const r = numberReadings(cell.text);
    if (!r) continue;
    if (r.nl && !r.en) nl ??= cell;
    if (r.en && !r.nl) en ??= cell;
  }
  if (nl && en) {
    const failure: InputFailure = {
      kind: 'MixedNotation',
      column,
      nlRow: nl.row,
      nlText: nl.text,
      enRow: en.row,
      enText: en.text,
    };
    return fail([failure]);
  }
  if (nl) return ok('nl');
  if (en) return ok('en');
  if (delimiter === ';') return ok('nl');
  const unclear = cells.filter((cell) => {
    const r = numberReadings(cell.text);
    return r?.nl && r.en && !sameNumber(r.nl, r.en);
  });
  const first = unclear[0];
  if (first) {
    const failure = ambiguous(first.row, column, first.text);
    return fail([failure.kind === 'AmbiguousNumber' ? { ...failure, others: unclear.length - 1 } : failure]);
  }
  return ok(undefined);
}
