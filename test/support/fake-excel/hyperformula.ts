/**
 * Node-only helper: evaluates what the renderer actually wrote into the fake workbook with
 * HyperFormula (GPL, devDependency, test code only). Kept out of ./index so that a browser bundle
 * of the fake host does not pull HyperFormula in.
 */
import { HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import type { HostScalar } from '../../../src/excel/host';
import { parseQualified } from './address';
import type { FormulaEvaluator } from './fake-excel';
import type { WorkbookSnapshot } from './snapshot';

function toGrid(cells: WorkbookSnapshot['sheets'][number]['cells']): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const [address, cell] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    const row = Number(m[2]) - 1;
    const col = (m[1] ?? '').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    while (grid.length <= row) grid.push([]);
    const line = grid[row] as RawCellContent[];
    while (line.length <= col) line.push(null);
    // Text that starts like a formula is stored as text by Excel; HyperFormula needs the apostrophe.
    const value =
      typeof cell.value === 'string' && /^[=+\-']/.test(cell.value) ? `'${cell.value}` : cell.value;
    line[col] = cell.formula ?? value ?? null;
  }
  return grid;
}

/** A FormulaEvaluator for `new FakeExcel({ evaluator: hyperFormulaEvaluator() })`. */
export function hyperFormulaEvaluator(): FormulaEvaluator {
  return (snapshot) => {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const sheet of snapshot.sheets) sheets[sheet.name] = toGrid(sheet.cells);
    const names = snapshot.names
      .filter((n) => parseQualified(n.formula) !== undefined)
      .map((n) => ({ name: n.name, expression: n.formula }));
    const hf = HyperFormula.buildFromSheets(
      sheets,
      { licenseKey: 'gpl-v3', smartRounding: false, useArrayArithmetic: false },
      names,
    );
    const values = new Map<string, HostScalar>();
    return (sheet, row, col) => {
      const key = `${sheet}!${row}:${col}`;
      const cached = values.get(key);
      if (cached !== undefined) return cached;
      const id = hf.getSheetId(sheet);
      if (id === undefined) return '#REF!';
      const v = hf.getCellValue({ sheet: id, row: row - 1, col: col - 1 });
      const out: HostScalar = v === null ? 0 : typeof v === 'object' ? String(v.value) : v;
      values.set(key, out);
      return out;
    };
  };
}
