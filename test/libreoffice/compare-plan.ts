import type { CellValue, WorkbookPlan } from '../../src/plan';
import { cellAddress, parseRange } from '../../src/plan';
import type { CalcValue, CsvField } from './csv-cells';
import { calcValue } from './csv-cells';

/** Non-integer numbers (mln, shares) agree to this relative difference; whole euros exactly. */
export const RELATIVE_TOLERANCE = 1e-9;

export interface Comparison {
  /** Formula cells compared. */
  readonly cells: number;
  readonly mismatches: readonly string[];
  /** Every cell of every sheet that holds an error value, formula cell or not. */
  readonly errors: readonly string[];
}

export function agrees(got: CalcValue, expected: CellValue): boolean {
  if (expected === null) return got.kind === 'blank';
  if (typeof expected === 'number') {
    if (got.kind !== 'number') return false;
    return Number.isInteger(expected)
      ? got.value === expected
      : Math.abs(got.value - expected) <= RELATIVE_TOLERANCE * Math.abs(expected);
  }
  if (typeof expected === 'boolean') {
    return (
      (got.kind === 'boolean' && got.value === expected) ||
      (got.kind === 'number' && got.value === Number(expected))
    );
  }
  return got.kind === 'text' && got.value === expected;
}

const show = (v: CalcValue): string =>
  v.kind === 'blank' ? 'blank' : `${v.kind} ${JSON.stringify(v.value)}`;

/** Compares every formula cell of the plan with LibreOffice's value from the sheets' CSV export. */
export function comparePlan(plan: WorkbookPlan, csv: ReadonlyMap<string, readonly CsvField[][]>): Comparison {
  let cells = 0;
  const mismatches: string[] = [];
  const errors: string[] = [];
  for (const sheet of plan.sheets) {
    const rows = csv.get(sheet.name);
    if (!rows) throw new Error(`No CSV for sheet ${sheet.name}`);
    rows.forEach((fields, r) =>
      fields.forEach((field, c) => {
        const v = calcValue(field);
        if (v.kind === 'error') errors.push(`${sheet.name}!${cellAddress(r + 1, c + 1)}: ${v.value}`);
      }),
    );
    for (const block of sheet.blocks) {
      if (block.kind !== 'formula') continue;
      const range = parseRange(block.range);
      block.expected.forEach((line, dr) =>
        line.forEach((expected, dc) => {
          cells++;
          const row = range.top + dr;
          const col = range.left + dc;
          const got = calcValue(rows[row - 1]?.[col - 1]);
          if (!agrees(got, expected)) {
            mismatches.push(
              `${sheet.name}!${cellAddress(row, col)}: LibreOffice ${show(got)}, engine ${JSON.stringify(expected)}` +
                ` (block ${block.range}: =${block.formula})`,
            );
          }
        }),
      );
    }
  }
  return { cells, mismatches, errors };
}
