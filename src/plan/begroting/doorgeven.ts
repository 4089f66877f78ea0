/**
 * A mandaatgemeente's planned doorbetaling to the other members of its region (the domain's
 * `doorTeGevenAanLeden`), as one row of year cells on a sheet: live from the sheet Regioverdeling
 * (Σ of its member rows without the mandaatgemeente's own row) where that sheet has the year's column
 * and the domain an amount, else the domain's value as a constant (0: no money on that post that year).
 */
import type { CbsCode, EditionYear, Euro } from '../../domain';
import { rangeOf } from '../a1';
import { PERIOD_COL } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { RegioShares } from '../sheets-regioverdeling';
import { columnLetter } from '../a1';

export function doorgevenRow(
  s: SheetBuilder,
  row: number,
  years: readonly EditionYear[],
  values: readonly Euro[],
  regio: RegioShares | undefined,
  code: CbsCode | undefined,
): void {
  const own = regio === undefined || code === undefined ? -1 : regio.leden.indexOf(code);
  // The Regioverdeling's column of year i, where the domain has an amount (else -1).
  const source = (i: number): number => {
    const jaar = years[i];
    if (regio === undefined || own < 0 || jaar === undefined || (values[i] ?? 0) === 0) return -1;
    return regio.years.indexOf(jaar);
  };
  s.values(
    `${columnLetter(PERIOD_COL)}${row}`,
    [years.map((_, i) => (source(i) < 0 ? (values[i] ?? 0) : null))],
    'euro',
  );
  let i = 0;
  while (regio !== undefined && i < years.length) {
    const from = source(i);
    if (from < 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < years.length && source(j) === from + (j - i)) j++;
    const col = regio.range.cols(from);
    const start = i;
    s.formula(
      rangeOf(row, PERIOD_COL + i, 1, j - i),
      `SUM(${col.fixRow()})-${col.cell(own).fixRow()}`,
      (_r, c) => values[start + c] ?? 0,
      'euro',
    );
    i = j;
  }
}
