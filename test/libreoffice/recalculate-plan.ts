/**
 * The setup the LibreOffice tests on typed inputs share: a plan with some input cells changed, rendered
 * with ExcelJS, stripped of every cached result and recalculated by LibreOffice, so that every value read
 * back is LibreOffice's own (see ./soffice). The tests that use it: invoer-text, beschikking-total,
 * begroting-column, begroting-text, beschikking-gepland, realisatie and realisatie-checks.
 */
import type { CellValue, ValueBlock, WorkbookPlan } from '../../src/plan';
import { parseCell } from '../../src/plan/a1';
import { renderXlsx } from '../../src/xlsx';
import type { CalcValue, CsvField } from './csv-cells';
import { calcValue, parseCsv } from './csv-cells';
import { recalculateToCsv, stripCachedResults } from './soffice';

/**
 * A copy of `plan` with every value block of the sheet `sheet` replaced by `edit(block)`; other sheets
 * and blocks are the same objects.
 */
export function withValueBlocks(
  plan: WorkbookPlan,
  sheet: string,
  edit: (block: ValueBlock) => ValueBlock,
): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s.name !== sheet ? s : { ...s, blocks: s.blocks.map((b) => (b.kind === 'values' ? edit(b) : b)) },
    ),
  };
}

/**
 * A copy of `plan` with one input cell (`sheet`!`address`, 1-based A1) set to `value`: the cell must lie
 * in a value block of the sheet (an input the user types in). Throws when it does not.
 */
export function withInput(
  plan: WorkbookPlan,
  sheet: string,
  address: string,
  value: CellValue,
): WorkbookPlan {
  const target = parseCell(address);
  let found = false;
  const typed = withValueBlocks(plan, sheet, (b) => {
    const at = parseCell(b.at);
    const r = target.row - at.row;
    const c = target.col - at.col;
    const row = b.values[r];
    if (r < 0 || c < 0 || row === undefined || c >= row.length) return b;
    found = true;
    return {
      ...b,
      values: b.values.map((line, i) => (i === r ? line.map((v, j) => (j === c ? value : v)) : line)),
    };
  });
  if (!found) throw new Error(`${sheet}!${address} is no input cell of the plan`);
  return typed;
}

/**
 * The value of the input cell `sheet`!`address` (1-based A1) of `plan`: the cell must lie in a value
 * block of the sheet, as for withInput. Throws when it does not.
 */
export function inputValue(plan: WorkbookPlan, sheet: string, address: string): CellValue {
  const target = parseCell(address);
  for (const b of plan.sheets.find((s) => s.name === sheet)?.blocks ?? []) {
    if (b.kind !== 'values') continue;
    const at = parseCell(b.at);
    const c = target.col - at.col;
    const row = target.row < at.row ? undefined : b.values[target.row - at.row];
    if (c >= 0 && row !== undefined && c < row.length) return row[c] as CellValue;
  }
  throw new Error(`${sheet}!${address} is no input cell of the plan`);
}

/**
 * Renders `plan` to .xlsx (ExcelJS), strips every cached formula result and lets LibreOffice
 * recalculate it: the CSV fields of each sheet in `names` (a sheet LibreOffice wrote nothing for throws,
 * see recalculateToCsv).
 */
export async function recalculatedFields(
  plan: WorkbookPlan,
  names: readonly string[],
): Promise<Map<string, CsvField[][]>> {
  return (await recalculatedPlan(plan, names)).fields;
}

/**
 * As recalculatedFields (`fields`), with `formulas`: the number of formula cells whose cached result
 * was stripped (`stripCachedResults`), the count a comparison of every formula cell must reach.
 */
export async function recalculatedPlan(
  plan: WorkbookPlan,
  names: readonly string[],
): Promise<{ fields: Map<string, CsvField[][]>; formulas: number }> {
  const stripped = await stripCachedResults(await renderXlsx(plan));
  const csv = await recalculateToCsv(stripped.bytes, names);
  return {
    fields: new Map(names.map((name) => [name, parseCsv(csv.get(name) ?? '')])),
    formulas: stripped.formulas,
  };
}

/** A cell LibreOffice computed, as a plain value: the number, text, boolean or error text; undefined when blank. */
export type PlainValue = number | string | boolean | undefined;

/** The plain value of a computed cell (`calcValue`): its value, undefined for a blank (or no) cell. */
export function plainValue(v: CalcValue | undefined): PlainValue {
  return v && 'value' in v ? v.value : undefined;
}

/**
 * As recalculatedFields, each sheet as rows of plain values (`plainValue(calcValue(field))`): `sheet(name)`
 * gives the rows of one of `names` ([] for any other name).
 */
export async function recalculatedValues(
  plan: WorkbookPlan,
  names: readonly string[],
): Promise<(name: string) => PlainValue[][]> {
  const fields = await recalculatedFields(plan, names);
  const sheets = new Map(
    [...fields].map(([name, rows]) => [name, rows.map((row) => row.map((f) => plainValue(calcValue(f))))]),
  );
  return (name) => sheets.get(name) ?? [];
}
