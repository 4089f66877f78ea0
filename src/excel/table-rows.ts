/**
 * Rows the caller gives for an existing user-owned table (`RenderOptions.tableRows`): appended to it,
 * or replacing its rows, in the write batch of the render (no extra round trip). The renderer holds no
 * business rule here: which columns make a row's key, how many rows the user agreed to replace and
 * where the previous rows are kept all come from the caller (the task pane's realisatie paste).
 *
 * Read (with the table's header row, `table-migration.ts` `queueTableRead`): the data body's `values`
 * and `address` (`Table.getDataBodyRange()`, ExcelApi 1.1). Rows whose every cell is empty do not count.
 *
 * Decide, before anything is written:
 * - `append`: a given row whose key (the `keyColumns`, compared trimmed and without regard to case) is
 *   the key of a row the table holds already → `TableRowsExist` naming both rows (appending the same
 *   rows twice would count them twice);
 * - `replace`: when the table holds rows and `expectRows` is not their number (not asked yet, or the
 *   table changed since the user agreed) → `TableRowsToReplace { existing, given }`, so the caller asks
 *   "N rows replaced by M?" and renders again with `expectRows: N`.
 *
 * Write (after the restore point and any table migration, before the plan's own contents):
 * - `replace` with rows: the previous rows are copied first to a new sheet (`keep.sheet`, or
 *   "`keep.sheet` 2", … when taken; `WorksheetCollection.add`, ExcelApi 1.1) as values
 *   (`Range.copyFrom(table range, 'Values')`, ExcelApi 1.9:
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1),
 *   https://learn.microsoft.com/javascript/api/excel/excel.rangecopytype) under the caller's title. The
 *   sheet has no ownership mark: the add-in never rewrites or removes it (ownership.ts).
 * - the table gets the empty rows it lacks at its end (`TableRowCollection.add(null, blanks)`,
 *   ExcelApi 1.1: "If null or -1, the addition happens at the end",
 *   https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1));
 * - then **one** `values` write puts the rows in: `append` into the empty rows at the table's end,
 *   `replace` over the whole data body (the given rows, then empty cells for the rows left over, which
 *   stay as empty table rows: deleting table rows needs ExcelApi 1.16 `deleteRowsAt`).
 * So the table's content changes in one operation: a write that stops before it leaves the table's rows
 * as they were (at most some empty rows more), after it they are complete. The retry after an
 * interrupted write (the restore point's "under way" name) recognises rows already written (every
 * given row in the table, identical, as one block) and writes nothing to the table again.
 */
import type { CellValue } from '../plan';
import { cellInputs } from './cell-input';
import type { ExcelFailure } from './failures';
import type { HostScalar } from './host';
import { operationBytes } from './payload';
import { parseSheetRange, sameName } from './refs';
import { rangeAddress } from '../plan';
import type { TableRead } from './table-migration';
import type { WriteStep } from './write';

/** What the caller gives (`RenderOptions.tableRows`). */
export interface TableRowsOption {
  /** The user-owned table (a plan sheet's `userOwned.table`), e.g. `Realisatie`. */
  readonly table: string;
  readonly mode: 'append' | 'replace';
  /** The rows, in the order of the table's columns as the plan declares them (its schema). */
  readonly rows: readonly (readonly CellValue[])[];
  /** 0-based columns that make a row's key (append: no two rows with one key). */
  readonly keyColumns: readonly number[];
  /** replace: the number of (non-empty) rows the user agreed to replace. */
  readonly expectRows?: number;
  /** replace: where the previous rows are kept (a new sheet, ≤ 27 characters) and its title (A1). */
  readonly keep?: { readonly sheet: string; readonly title: string };
}

/** What the render reports about the rows (`RenderSuccess.tableRows`). */
export interface TableRowsReport {
  readonly table: string;
  readonly mode: 'append' | 'replace';
  /** Rows written (0 when a retry found them written already). */
  readonly written: number;
  /** replace: the rows replaced, and the sheet that keeps them (none when the table held no row). */
  readonly replaced: number;
  readonly keptOn?: string;
  /** Empty table rows left below the given rows (replace with fewer rows than before). */
  readonly emptyRowsLeft: number;
}

/** The decided write: steps and report. */
export interface TableRowsPlan {
  readonly steps: readonly WriteStep[];
  readonly report: TableRowsReport;
}

type Grid = readonly (readonly unknown[])[];

function gridOf(values: unknown): Grid {
  return Array.isArray(values) ? (values as unknown[][]) : [];
}

function norm(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toUpperCase() : '';
}

function isEmptyRow(row: readonly unknown[]): boolean {
  return row.every((v) => norm(v) === '');
}

/** Every given row equals a table row cell for cell (normalised), as one block of rows in order. */
function alreadyWritten(body: Grid, rows: readonly (readonly CellValue[])[]): boolean {
  if (rows.length === 0) return false;
  const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
    b.every((v, j) => norm(v) === norm(a[j]));
  for (let start = 0; start + rows.length <= body.length; start++) {
    if (rows.every((row, i) => same(body[start + i] ?? [], row))) return true;
  }
  return false;
}

/** The first free sheet name: `base`, `base 2`, `base 3`, … */
export function freeSheetName(base: string, sheets: readonly string[]): string {
  const taken = (name: string): boolean => sheets.some((s) => sameName(s, name));
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base} ${n}`)) return `${base} ${n}`;
}

/**
 * Decides the rows for a table read in this render: a failure (nothing may be written) or the steps.
 * `pending`: a write stopped part-way before (rows found written already are not written again).
 * `width`: the table's columns after any migration of this render (the schema's).
 */
export function planTableRows(
  option: TableRowsOption,
  read: TableRead,
  context: { readonly width: number; readonly pending: boolean; readonly sheets: readonly string[] },
): { readonly failure: ExcelFailure } | { readonly plan: TableRowsPlan } {
  const { table, mode, rows } = option;
  const body = gridOf(read.body.values);
  const at = parseSheetRange(read.body.address);
  const width = context.width;
  if (!at || rows.some((r) => r.length !== width))
    return { failure: { kind: 'InvalidPlan', sheet: at?.sheet, where: `rows for table ${table}` } };
  // Excel's data body of a table without rows is its one empty row; every row counts only when filled.
  const filled = body.map((row, i) => ({ row, i })).filter(({ row }) => !isEmptyRow(row));
  const sheetRow = (i: number): number => at.rect.top + i;
  const report = (written: number, extra: Partial<TableRowsReport> = {}): TableRowsReport => ({
    table,
    mode,
    written,
    replaced: 0,
    emptyRowsLeft: 0,
    ...extra,
  });
  if (context.pending && alreadyWritten(body, rows))
    return { plan: { steps: [], report: report(0, { replaced: 0 }) } };

  if (mode === 'append') {
    const key = (row: readonly unknown[]): string => option.keyColumns.map((k) => norm(row[k])).join('|');
    const existing = new Map<string, number>();
    for (const { row, i } of filled) if (!existing.has(key(row))) existing.set(key(row), sheetRow(i));
    const clashes = rows.flatMap((row, i) => {
      const found = existing.get(key(row));
      return found === undefined
        ? []
        : [{ row: i + 1, key: option.keyColumns.map((k) => String(row[k] ?? '')), tableRow: found }];
    });
    if (clashes.length > 0)
      return { failure: { kind: 'TableRowsExist', sheet: at.sheet, table, rows: clashes } };
    // The empty rows at the table's end take the rows; the table grows by what they lack.
    let tail = 0;
    while (tail < body.length && isEmptyRow(body[body.length - 1 - tail] ?? [])) tail++;
    const grow = Math.max(0, rows.length - tail);
    const top = at.rect.top + body.length - tail;
    return {
      plan: {
        steps: rowSteps(table, at.sheet, { left: at.rect.left, width, top }, grow, cellInputs(rows)),
        report: report(rows.length),
      },
    };
  }

  // replace
  if (filled.length > 0 && option.expectRows !== filled.length)
    return {
      failure: {
        kind: 'TableRowsToReplace',
        sheet: at.sheet,
        table,
        existing: filled.length,
        given: rows.length,
      },
    };
  const grow = Math.max(0, rows.length - body.length);
  const height = Math.max(rows.length, body.length);
  const grid: HostScalar[][] = [
    ...cellInputs(rows),
    ...Array.from({ length: height - rows.length }, () => Array.from({ length: width }, () => '')),
  ];
  const keepOn =
    filled.length > 0 && option.keep ? freeSheetName(option.keep.sheet, context.sheets) : undefined;
  const keepSteps: WriteStep[] = keepOn && option.keep ? [keepStep(table, keepOn, option.keep.title)] : [];
  return {
    plan: {
      steps: [
        ...keepSteps,
        ...rowSteps(table, at.sheet, { left: at.rect.left, width, top: at.rect.top }, grow, grid),
      ],
      report: report(rows.length, {
        replaced: filled.length,
        ...(keepOn ? { keptOn: keepOn } : {}),
        emptyRowsLeft: height - rows.length,
      }),
    },
  };
}

/** The previous rows to a new sheet (title in A1, the table's header and rows as values from A3). */
function keepStep(table: string, sheet: string, title: string): WriteStep {
  return {
    label: `table ${table}: keep rows on ${sheet}`,
    bytes: operationBytes([table, sheet, title]) * 4,
    apply: (s) => {
      const ws = s.context.workbook.worksheets.add(sheet);
      s.added(sheet, ws);
      ws.getRange('A1').values = [[cellInputs([[title]])[0]?.[0] ?? '']];
      ws.getRange('A3').copyFrom(s.context.workbook.tables.getItem(table).getRange(), 'Values');
    },
  };
}

/**
 * Empty rows added at the table's end (if any), then one `values` write of `grid` at the table's columns
 * (`left` …) from sheet row `top`.
 */
function rowSteps(
  table: string,
  sheet: string,
  place: { readonly left: number; readonly width: number; readonly top: number },
  grow: number,
  grid: readonly (readonly HostScalar[])[],
): WriteStep[] {
  const steps: WriteStep[] = [];
  if (grow > 0) {
    const blanks = Array.from({ length: grow }, () => Array.from({ length: place.width }, () => ''));
    steps.push({
      label: `table ${table}: ${grow} rows`,
      bytes: operationBytes([table, blanks]) * 2,
      apply: (s) => {
        s.context.workbook.tables.getItem(table).rows.add(undefined, blanks);
      },
    });
  }
  if (grid.length > 0) {
    const address = rangeAddress({
      top: place.top,
      bottom: place.top + grid.length - 1,
      left: place.left,
      right: place.left + place.width - 1,
    });
    steps.push({
      label: `table ${table}: rows`,
      bytes: operationBytes([sheet, address, grid]) * 2,
      apply: (s) => {
        s.sheet(sheet).getRange(address).values = grid.map((r) => [...r]);
      },
    });
  }
  return steps;
}
