import { HyperFormula } from 'hyperformula';
import type { CbsCode, EditionInput } from '../src/domain';
import type { WorkbookPlan } from '../src/plan';
import { buildWorkbookPlan, parseRange, rangeSize, SHEETS } from '../src/plan';
import { renderXlsx } from '../src/xlsx';
import { planToSheets } from '../test/support/evaluate-plan';
import type { Sample } from './stats';
import { time } from './stats';

export interface WorkbookResult {
  readonly cells: number;
  readonly formulaCells: number;
  readonly formulaBlocks: number;
  readonly perSheet: readonly { sheet: string; cells: number; formulas: number }[];
  readonly planTime: Sample;
  readonly xlsxBytes: number;
  readonly xlsxTime: Sample;
  readonly hfBuild: Sample;
  readonly hfChange: Sample;
  readonly changeVerified: string;
}

export function countCells(plan: WorkbookPlan) {
  const perSheet = plan.sheets.map((s) => {
    let cells = 0;
    let formulas = 0;
    for (const b of s.blocks) {
      if (b.kind === 'values') cells += b.values.length * (b.values[0]?.length ?? 0);
      else {
        const { rows, cols } = rangeSize(parseRange(b.range));
        cells += rows * cols;
        formulas += rows * cols;
      }
    }
    return { sheet: s.name, cells, formulas };
  });
  return {
    perSheet,
    cells: perSheet.reduce((a, s) => a + s.cells, 0),
    formulaCells: perSheet.reduce((a, s) => a + s.formulas, 0),
    formulaBlocks: plan.sheets.reduce((a, s) => a + s.blocks.filter((b) => b.kind === 'formula').length, 0),
  };
}

export async function benchWorkbook(data: EditionInput, runs: number): Promise<WorkbookResult> {
  const options = { key: 'spuk-2025' as const, gemeente: 'GM0034' as CbsCode };
  const plan = buildWorkbookPlan(data, options);
  const counts = countCells(plan);
  const planTime = await time(runs, () => buildWorkbookPlan(data, options));
  let bytes = 0;
  const xlsxTime = await time(Math.max(3, Math.floor(runs / 2)), async () => {
    bytes = (await renderXlsx(plan)).byteLength;
  });
  const sheets = planToSheets(plan);
  const config = { licenseKey: 'gpl-v3', smartRounding: false };
  const hfBuild = await time(Math.max(3, Math.floor(runs / 2)), () =>
    HyperFormula.buildFromSheets(sheets, config).destroy(),
  );

  // One input change: the weight of the first gemeente on Verdeelsleutel (H11) doubles.
  const hf = HyperFormula.buildFromSheets(sheets, config);
  const vs = hf.getSheetId(SHEETS.verdeelsleutel) ?? 0;
  const al = hf.getSheetId(SHEETS.allocatie) ?? 0;
  const ct = hf.getSheetId(SHEETS.controle) ?? 0;
  const w0 = Number(hf.getCellValue({ sheet: vs, row: 10, col: 7 }));
  const before = hf.getCellValue({ sheet: al, row: 10, col: 4 });
  let flip = false;
  const hfChange = await time(runs, () => {
    flip = !flip;
    hf.setCellContents({ sheet: vs, row: 10, col: 7 }, [[flip ? w0 * 2 : w0]]);
  });
  hf.setCellContents({ sheet: vs, row: 10, col: 7 }, [[w0 * 2]]);
  const after = hf.getCellValue({ sheet: al, row: 10, col: 4 });
  const master = hf.getCellValue({ sheet: ct, row: 3, col: 2 });
  hf.destroy();
  return {
    ...counts,
    planTime,
    xlsxBytes: bytes,
    xlsxTime,
    hfBuild,
    hfChange,
    changeVerified: `Allocatie!E11 ${String(before)} → ${String(after)} after doubling Verdeelsleutel!H11; Controle!C4 = ${String(master)}`,
  };
}
