/**
 * Migrating a user-owned table (`SheetPlan.userOwned.table`) on a refresh.
 *
 * - Read: the table's header row (`Table.getHeaderRowRange()`, `values` and `address`) and the number of
 *   its data rows (`Table.getDataBodyRange()`, `rowCount`), queued with the first sync's speculation,
 *   so a refresh stays at 2 round trips.
 * - Decide (table-schema.ts): the current headings → nothing; a known earlier (or half-migrated) shape →
 *   the remaining changes; anything else → `TableShapeUnknown` before anything is written.
 * - Write: the remaining changes as the first operations after the restore point (before any formula
 *   that refers to the table is written, because Excel moves references with the cells it shifts), each
 *   documented office-js:
 *   - add: `TableColumnCollection.add(index, values, name)`
 *     (https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1);
 *     `index` -1 appends, ExcelApi 1.4); `values` only for a non-empty default (the heading, then the
 *     default once per data row, as in
 *     https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables#add-a-column-to-a-table);
 *   - rename: `TableColumn.name` (ExcelApi 1.4,
 *     https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-name-member).
 *   Excel inserts a table column within the table's rows: every row of the user keeps its cells, values
 *   and order; nothing is cleared.
 * A write that stops part-way leaves one of the known intermediate shapes; the next refresh finishes it.
 */
import type { SheetPlan, TableColumnChange, TableSchema, WorkbookPlan } from '../plan';
import { cellInputs } from './cell-input';
import type { ExcelFailure } from './failures';
import type { HostRange, HostScalar, HostWorkbook } from './host';
import type { Assessment } from './ownership';
import { operationBytes } from './payload';
import { parseSheetRange, sameName } from './refs';
import type { TableShape } from './table-schema';
import { decideTable } from './table-schema';
import type { WriteStep } from './write';

/** What is read of one table: `header` (values, address) and `body` (rowCount). */
export interface TableRead {
  readonly header: HostRange;
  readonly body: HostRange;
}

/** A user-owned sheet of the plan that declares its table's schema. */
export interface SchemaSheet {
  readonly sheet: SheetPlan;
  readonly schema: TableSchema;
}

export function schemaSheets(plan: WorkbookPlan): SchemaSheet[] {
  return plan.sheets.flatMap((sheet) => {
    const schema = sheet.userOwned?.table;
    return schema ? [{ sheet, schema }] : [];
  });
}

/**
 * Queues the reads of a table by name (a missing table fails the whole batch at sync: ItemNotFound).
 * `withRows`: the data rows' values and address too (rows given for the table, table-rows.ts).
 */
export function queueTableRead(workbook: HostWorkbook, name: string, withRows = false): TableRead {
  const table = workbook.tables.getItem(name);
  const header = table.getHeaderRowRange();
  header.load('address,values');
  const body = table.getDataBodyRange();
  if (withRows) body.load('rowCount,address,values');
  else body.load('rowCount');
  return { header, body };
}

/** A table to migrate: on `sheet` (its name in the workbook), from `from` by its remaining changes. */
export interface TableMigrationPlan {
  readonly sheet: string;
  readonly schema: TableSchema;
  readonly from: TableShape;
  /** Data rows of the table as read (for the values of a column with a default). */
  readonly rows: number;
}

/**
 * The user-owned tables a refresh must check: the plan declares their schema, their sheet is `update`d
 * and the workbook has the table on that sheet (`tables` from the check). A table the user deleted or
 * renamed is not checked (there is nothing to migrate; the refresh writes the add-in ranges as before).
 */
export function tablesToCheck(
  plan: WorkbookPlan,
  assessment: Assessment,
  tables: readonly { readonly name: string; readonly sheet: string }[],
): { readonly sheet: string; readonly schema: TableSchema }[] {
  const out: { sheet: string; schema: TableSchema }[] = [];
  for (const { sheet, schema } of schemaSheets(plan)) {
    const decision = assessment.sheets.find((d) => sameName(d.name, sheet.name));
    if (decision?.action !== 'update') continue;
    const table = tables.find((t) => sameName(t.name, schema.name));
    if (table && sameName(table.sheet, decision.name)) out.push({ sheet: decision.name, schema });
  }
  return out;
}

/** True when `read` is the table on `sheet` (its header's address is on that sheet). */
export function readIsOn(read: TableRead | undefined, sheet: string): read is TableRead {
  const at = read ? parseSheetRange(read.header.address) : undefined;
  return at !== undefined && sameName(at.sheet, sheet);
}

/**
 * Decides one table from what was read: undefined (current, nothing to do), a migration, or the
 * failure `TableShapeUnknown` (nothing may be written).
 */
export function planTableMigration(
  check: { readonly sheet: string; readonly schema: TableSchema },
  read: TableRead,
): { readonly migration?: TableMigrationPlan; readonly failure?: ExcelFailure } {
  const values = read.header.values;
  const row: readonly unknown[] = Array.isArray(values)
    ? ((values as readonly unknown[][])[0] ?? [])
    : [values];
  const decision = decideTable(check.schema, row);
  if (decision.kind === 'current') return {};
  if (decision.kind === 'unknown') {
    return {
      failure: {
        kind: 'TableShapeUnknown',
        sheet: check.sheet,
        table: check.schema.name,
        found: decision.found,
        expected: decision.closest.columns,
      },
    };
  }
  const rows: unknown = read.body.rowCount;
  return {
    migration: {
      sheet: check.sheet,
      schema: check.schema,
      from: decision.from,
      rows: typeof rows === 'number' ? rows : 0,
    },
  };
}

/**
 * The write steps of a migration, one per change, in order. `index` of an add is its position in the
 * columns as they are at that moment; at the end it is -1 ("the addition happens at the end").
 */
export function migrationSteps(migration: TableMigrationPlan): WriteStep[] {
  const name = migration.schema.name;
  let width = migration.from.columns.length;
  return migration.from.remaining.map((change: TableColumnChange): WriteStep => {
    if (change.kind === 'rename') {
      return {
        label: `table ${name}: rename ${change.from} → ${change.to}`,
        bytes: operationBytes([name, change.from, change.to]) * 2,
        apply: (s) => {
          s.context.workbook.tables.getItem(name).columns.getItem(change.from).name = change.to;
        },
      };
    }
    const index = change.index >= width ? -1 : change.index;
    width++;
    const fill = change.default;
    const values: HostScalar[][] | undefined =
      fill === null
        ? undefined
        : cellInputs([[change.name], ...Array.from({ length: migration.rows }, () => [fill])]);
    return {
      label: `table ${name}: add ${change.name}`,
      bytes: operationBytes([name, index, values ?? null, change.name]) * 2,
      apply: (s) => {
        s.context.workbook.tables.getItem(name).columns.add(index, values, change.name);
      },
    };
  });
}
