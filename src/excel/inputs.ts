/**
 * User-owned input ranges (names with `input: true`): what the user had is written back over the
 * plan's defaults. Rows are matched by key when the plan gives a key column (`keyRef`), so a new row
 * order never misplaces a value; otherwise by position. Formulas the user typed are kept as R1C1,
 * so their relative references move with the row.
 */
import type { CellValue, DefinedNameSpec, RangeRef, SheetPlan, WorkbookPlan } from '../plan';
import { parseCell, parseRange, toR1C1 } from '../plan';
import type { CellInput } from './cell-input';
import { cellInput, textInput } from './cell-input';
import type { InputToRead } from './ownership';
import { requireSheetRange, sameName } from './refs';

export interface InputSnapshot {
  readonly read: InputToRead;
  /** As loaded from Excel: `formulasR1C1`, `values` and the key column's `values`. */
  readonly formulasR1C1: unknown;
  readonly values: unknown;
  readonly keys: unknown;
}

export interface InputWrite {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  /** R1C1 inputs, exactly the shape of `address`. */
  readonly grid: CellInput[][];
}

/** Reported per input name in `RenderReport.preservedInputs`. */
export interface PreservedInput {
  readonly name: string;
  /** Rows of the new range that received the user's row. */
  readonly restoredRows: number;
  /** Cells where the user's content differs from the plan's default (what was actually kept). */
  readonly changedCells: number;
  /**
   * Keys of old rows that held values but are no longer in the plan (e.g. a gemeente merged away):
   * their values are not written anywhere. (Whether the user typed them or they were the earlier
   * defaults cannot be told apart.)
   */
  readonly droppedKeys: readonly string[];
}

function sheetPlanOf(plan: WorkbookPlan, name: string): SheetPlan | undefined {
  return plan.sheets.find((s) => sameName(s.name, name));
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** What the plan writes into `rect`, as R1C1 inputs (formula cells as "=" + R1C1; empty as ""). */
export function planInputsAt(sheet: SheetPlan | undefined, rect: RangeRef): CellInput[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const grid: CellInput[][] = Array.from({ length: rows }, () => Array<CellInput>(cols).fill(''));
  for (const block of sheet?.blocks ?? []) {
    if (block.kind === 'values') {
      const at = parseCell(block.at);
      block.values.forEach((line, i) =>
        line.forEach((value, j) => {
          const r = at.row + i - rect.top;
          const c = at.col + j - rect.left;
          const row = grid[r];
          if (row && c >= 0 && c < cols) row[c] = cellInput(value);
        }),
      );
    } else {
      const br = parseRange(block.range);
      if (!intersects(br, rect)) continue;
      const r1c1 = `=${toR1C1(block.formula, block.range.split(':')[0] ?? block.range)}`;
      for (let r = Math.max(br.top, rect.top); r <= Math.min(br.bottom, rect.bottom); r++) {
        const row = grid[r - rect.top];
        for (let c = Math.max(br.left, rect.left); c <= Math.min(br.right, rect.right); c++) {
          if (row) row[c - rect.left] = r1c1;
        }
      }
    }
  }
  return grid;
}

/** The plan's values in `rect` (formula cells give their expected result). */
export function planValuesAt(sheet: SheetPlan | undefined, rect: RangeRef): CellValue[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const grid: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  for (const block of sheet?.blocks ?? []) {
    const at = block.kind === 'values' ? parseCell(block.at) : parseCell(block.range.split(':')[0] ?? '');
    const values = block.kind === 'values' ? block.values : block.expected;
    values.forEach((line, i) =>
      line.forEach((value, j) => {
        const target = grid[at.row + i - rect.top];
        const c = at.col + j - rect.left;
        if (target && c >= 0 && c < cols) target[c] = value;
      }),
    );
  }
  return grid;
}

function asGrid(value: unknown): readonly (readonly unknown[])[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.every((row) => Array.isArray(row)) ? (value as unknown[][]) : undefined;
}

/** One cell as read back, turned into what must be written to reproduce it. */
export function userCell(formula: unknown, value: unknown): CellInput {
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) return formula;
  if (typeof value === 'string') return textInput(value);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  return '';
}

function keyOf(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value.trim().toUpperCase() : '';
}

/**
 * The input the workbook keeps: the user's cells (`snapshot`, mapped by key where the name has one)
 * over the plan's defaults. `planGiven` (a paste that gives some cells of the input, e.g. the
 * beschikkingsnummer of one regeling): where the plan's default is not empty the plan's value wins,
 * elsewhere the user's stays (so a number typed for another regeling is not lost).
 */
export function mergeInput(
  plan: WorkbookPlan,
  snapshot: InputSnapshot,
  planGiven = false,
): { write: InputWrite | undefined; report: PreservedInput } {
  const spec: DefinedNameSpec = snapshot.read.spec;
  const target = requireSheetRange(spec.ref);
  const defaults = planInputsAt(sheetPlanOf(plan, target.sheet), target.rect);
  const grid = defaults.map((row) => [...row]);
  const formulas = asGrid(snapshot.formulasR1C1) ?? [];
  const values = asGrid(snapshot.values) ?? [];
  const oldRows = Math.min(formulas.length, values.length);
  const userRow = (i: number): CellInput[] => {
    const f = formulas[i] ?? [];
    const v = values[i] ?? [];
    return Array.from({ length: Math.min(f.length, v.length) }, (_, j) => userCell(f[j], v[j]));
  };

  // Which old row goes to which new row.
  const mapping = new Map<number, number>();
  const droppedKeys: string[] = [];
  const keyGrid = asGrid(snapshot.keys);
  if (spec.keyRef !== undefined && keyGrid !== undefined) {
    const keyPlan = requireSheetRange(spec.keyRef);
    const newKeys = planValuesAt(sheetPlanOf(plan, keyPlan.sheet), keyPlan.rect).map((row) => keyOf(row[0]));
    // A key an earlier plan wrote for a row reads as the row's key now (`keyAliases`).
    const aliases = new Map(
      Object.entries(spec.keyAliases ?? {}).map(([old, now]) => [keyOf(old), keyOf(now)] as const),
    );
    const oldByKey = new Map<string, number>();
    keyGrid.forEach((row, i) => {
      const read = keyOf(row[0]);
      const k = aliases.get(read) ?? read;
      if (k !== '' && !oldByKey.has(k) && i < oldRows) oldByKey.set(k, i);
    });
    newKeys.forEach((k, i) => {
      const old = k === '' ? undefined : oldByKey.get(k);
      if (old !== undefined && i < grid.length) mapping.set(i, old);
    });
    const newKeySet = new Set(newKeys);
    for (const [k, i] of oldByKey) {
      if (!newKeySet.has(k) && userRow(i).some((cell) => cell !== '')) droppedKeys.push(k);
    }
  } else {
    for (let i = 0; i < Math.min(grid.length, oldRows); i++) mapping.set(i, i);
  }

  let changedCells = 0;
  for (const [newRow, oldRow] of mapping) {
    const user = userRow(oldRow);
    const row = grid[newRow];
    const def = defaults[newRow];
    if (!row || !def) continue;
    for (let j = 0; j < Math.min(row.length, user.length); j++) {
      const given = def[j] ?? '';
      const cell = planGiven && given !== '' ? given : (user[j] ?? '');
      row[j] = cell;
      if (cell !== def[j]) changedCells++;
    }
  }
  const report: PreservedInput = { name: spec.name, restoredRows: mapping.size, changedCells, droppedKeys };
  const write =
    changedCells > 0 ? { name: spec.name, sheet: target.sheet, address: target.address, grid } : undefined;
  return { write, report };
}
