import type { InputFailure, Notation, NumberReadings, Result } from '../domain';
import { ambiguous, fail, numberReadings, ok, sameNumber } from '../domain';

/** A cell of a number column with the line the user sees. */
export interface NumberCell {
  readonly row: number;
  /** The number as read ("287,000"). */
  readonly text: string;
  /** The cell as the user wrote it, when it has more ("€ 287,000"): what a message quotes. */
  readonly shown?: string;
}

interface Read {
  readonly cell: NumberCell;
  readonly r: NumberReadings;
}

/** Both readings exist and differ: "942.100" (942100 or 942,1), "287,000" (287 or 287000). */
const twoReadings = (x: Read): boolean => x.r.nl !== undefined && x.r.en !== undefined && !sameNumber(x.r.nl, x.r.en);

/**
 * Decides how a number column is written, from all its values: Dutch (`1.234.567,89`) or English
 * (`1,234,567.89`), with evidence in either direction (issue #17 item 1):
 * - A value only one notation explains ("1,5", "1.234,5", "0,125", "1.234.567" → Dutch; "0.0125",
 *   "1,234.5", "1,234,567" → English) decides the column; evidence both ways is MixedNotation.
 * - A value with one group after a comma that ends in 0 ("942,100", "287,000") beside a value whose
 *   Dutch reading does not have three decimals ("977", "1,5"): a Dutch writer only puts three
 *   decimals with a trailing zero in a column formatted with three decimals, where every value has
 *   them, so the comma groups thousands. Without Dutch evidence that is English (LibreOffice in
 *   English writes `;` files so: `942,100` beside `977`), provided no number of four or more digits
 *   is written without a group ("1234": English grouping groups them all); beside Dutch evidence
 *   ("1,5") the column names both notations and the value is refused with both readings.
 * - Otherwise a `;`-separated file is Excel-NL: thousands dots ("942.100") are Dutch. A thousands
 *   comma is never taken from the separator alone: "287,000" (287 or 287000) and "5,011" are refused
 *   as ambiguous, as "942.100" is in a `,` file (the first, with the count of the others).
 * - `hint` (a paste from Excel: the notation Excel shows numbers in, `Application.decimalSeparator`)
 *   settles only the form that Excel writes itself and that the values cannot settle: with 'nl'
 *   thousands dots ("400.000" is 400000, as Excel-NL copies it), with 'en' thousands commas
 *   ("287,000" is 287000). The other form stays refused ("287,000" from an Excel-NL is no amount
 *   Excel-NL writes for 287 000, so it came from elsewhere), and so does a column whose values
 *   contradict the hint.
 * Undefined means every value reads the same in both notations.
 */
export function columnNotation(
  column: string,
  cells: readonly NumberCell[],
  delimiter: string,
  hint?: Notation,
): Result<Notation | undefined> {
  const read: Read[] = [];
  for (const cell of cells) {
    const r = numberReadings(cell.text);
    if (r) read.push({ cell, r });
  }
  const nl = read.find((x) => x.r.nl && !x.r.en)?.cell;
  const en = read.find((x) => x.r.en && !x.r.nl)?.cell;
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
  if (en) return ok('en');
  const unclear = read.filter(twoReadings);
  const commas = unclear.filter((x) => x.cell.text.includes(','));
  // Thousands commas: a comma group ending in 0 in a column that is not in a three-decimal format.
  const threeDecimals = read.every((x) => x.r.nl?.decimals === 3);
  const grouped = threeDecimals ? [] : commas.filter((x) => /0$/.test(x.cell.text.trim()));
  if (nl) return grouped.length > 0 ? refuse(column, grouped, delimiter) : ok('nl');
  // English grouping groups every number from 1000 on: "1234" beside "942,100" is no such column.
  const ungrouped = read.some((x) => /^[-\u2212]?\d{4,}$/.test(x.cell.text.trim()));
  if (grouped.length > 0 && !ungrouped && commas.length === unclear.length) return ok('en');
  if (commas.length > 0)
    return hint === 'en' && commas.length === unclear.length ? ok('en') : refuse(column, unclear, delimiter);
  if (unclear.length > 0) return delimiter === ';' || hint === 'nl' ? ok('nl') : refuse(column, unclear, delimiter);
  return ok(undefined);
}

/** The first value with two readings, both named, with the count of the others; in a `,` file marked so. */
function refuse(column: string, values: readonly Read[], delimiter: string): Result<never> {
  const [first] = values;
  if (!first) return fail([]);
  const failure = ambiguous(first.cell.row, column, first.cell.shown ?? first.cell.text, first.cell.text, delimiter);
  return fail([failure.kind === 'AmbiguousNumber' ? { ...failure, others: values.length - 1 } : failure]);
}
