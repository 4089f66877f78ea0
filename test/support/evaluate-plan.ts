import { HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import type { CellValue, WorkbookPlan } from '../../src/plan';
import { cellAddress, expandFormula, parseCell, parseRange, SHEETS } from '../../src/plan';

/**
 * The formula oracle: feeds every cell of a plan to HyperFormula (a devDependency, GPL, test-only)
 * exactly as a renderer would write it, and evaluates the workbook.
 */
export interface EvaluatedPlan {
  readonly hf: HyperFormula;
  /** Evaluated value of a cell, errors as their string form ("#DIV/0!"). */
  value(sheet: string, a1: string): CellValue;
  destroy(): void;
}

/**
 * A value as the renderers write it: a text that reads as a decimal ("0.10", a taakveld) or a text of
 * digits only ("0166", an Uitvoerder or a SUMIFS criterion spelling) is a text cell in the .xlsx
 * (ExcelJS writes a string as a string) and in the add-in (`cellInput` types it with Excel's text
 * prefix), which HyperFormula would parse as a number (0.1, 166): the leading apostrophe keeps it
 * text, as in Excel. (A number the plan means, such as the Realisatie's Uitvoerder 0175, is a number
 * in the plan.)
 */
function asWritten(v: RawCellContent): RawCellContent {
  return typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v) ? `'${v}` : v;
}

export function planToSheets(plan: WorkbookPlan): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of plan.sheets) {
    const grid: RawCellContent[][] = [];
    const put = (row: number, col: number, v: RawCellContent) => {
      while (grid.length < row) grid.push([]);
      const line = grid[row - 1] as RawCellContent[];
      while (line.length < col) line.push(null);
      line[col - 1] = v;
    };
    for (const b of sheet.blocks) {
      if (b.kind === 'values') {
        const tl = parseCell(b.at);
        b.values.forEach((line, r) => line.forEach((v, c) => put(tl.row + r, tl.col + c, asWritten(v))));
      } else {
        const r = parseRange(b.range);
        expandFormula(b.formula, b.range).forEach((line, dr) =>
          line.forEach((f, dc) => put(r.top + dr, r.left + dc, `=${f}`)),
        );
      }
    }
    sheets[sheet.name] = grid;
  }
  return sheets;
}

export function evaluatePlan(plan: WorkbookPlan): EvaluatedPlan {
  const hf = HyperFormula.buildFromSheets(planToSheets(plan), {
    licenseKey: 'gpl-v3',
    smartRounding: false,
    useArrayArithmetic: false,
  });
  return {
    hf,
    value(sheet: string, a1: string): CellValue {
      const id = hf.getSheetId(sheet);
      if (id === undefined) throw new Error(`No sheet ${sheet}`);
      const { row, col } = parseCell(a1);
      const v = hf.getCellValue({ sheet: id, row: row - 1, col: col - 1 });
      if (v !== null && typeof v === 'object') return String(v.value);
      return v;
    },
    destroy: () => hf.destroy(),
  };
}

/** Equal as the formula tests compare: euros exactly, fractions (mln, shares) to 1e-9, booleans as 0/1. */
export function sameValue(got: CellValue, expected: CellValue): boolean {
  if (typeof expected === 'number' && typeof got === 'number') {
    // Euros are compared exactly; mln values and shares to 1e-9 (a thousandth of a euro on a mln).
    return Number.isInteger(expected) ? got === expected : Math.abs(got - expected) < 1e-9;
  }
  if (typeof expected === 'boolean' && typeof got === 'number') return Number(expected) === got;
  return got === expected;
}

/**
 * Every formula cell of the plan (or of the named sheets) evaluated against the engine's expected
 * value: the number of cells compared and a line per difference.
 */
export function formulaMismatches(
  plan: WorkbookPlan,
  ev: EvaluatedPlan,
  sheets?: readonly string[],
): { cells: number; bad: string[] } {
  const bad: string[] = [];
  let cells = 0;
  for (const sheet of plan.sheets) {
    if (sheets && !sheets.includes(sheet.name)) continue;
    for (const b of sheet.blocks) {
      if (b.kind !== 'formula') continue;
      const r = parseRange(b.range);
      b.expected.forEach((line, dr) =>
        line.forEach((expected, dc) => {
          cells++;
          const a1 = cellAddress(r.top + dr, r.left + dc);
          const got = ev.value(sheet.name, a1);
          if (!sameValue(got, expected))
            bad.push(`${sheet.name}!${a1}: got ${String(got)}, engine ${String(expected)} (${b.formula})`);
        }),
      );
    }
  }
  return { cells, bad };
}

/**
 * The rows of the sheet Verantwoording, as `ev` evaluates them now, whose first cell (as text) passes
 * `match`: the `width` cells right of that cell (from B; 4: B–E).
 */
export function verantwoordingLines(
  ev: EvaluatedPlan,
  match: (a: string) => boolean,
  width = 4,
): unknown[][] {
  const id = ev.hf.getSheetId(SHEETS.verantwoording) ?? -1;
  return ev.hf
    .getSheetValues(id)
    .filter((l) => match(String(l[0])))
    .map((l) => l.slice(1, 1 + width));
}
