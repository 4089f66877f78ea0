/**
 * How many rows of a user-owned table hold something the user typed (a row with any non-empty cell),
 * read apart from a render: the task pane asks before the option "Bladen Realisatie en Verantwoording
 * toevoegen" may be unticked (a table with rows keeps its sheets, `removeEmptyTables`).
 *
 * | Sync | What                                                                                   |
 * | ---- | -------------------------------------------------------------------------------------- |
 * | 1    | the workbook's tables by name (`TableCollection.load('items/name')`, ExcelApi 1.1)       |
 * | 2    | only when the table exists: its data rows' `values` (`Table.getDataBodyRange`, 1.1)      |
 *
 * Returns undefined when the table does not exist (1 sync) or vanished between the syncs. Throws
 * `ExcelFailureError` as `readBuiltWith` does (`readOnly`: outside Excel, Timeout, cell-edit mode, …).
 */
import { isSpeculationMiss } from './failures';
import type { ExcelRunner, HostRequestContext } from './host';
import { sameName } from './refs';
import { readOnly } from './read-only';
import type { Watchdog } from './watchdog';

export interface ReadTableRowsOptions {
  /** Defaults to `Excel.run`. Tests pass the fake host's runner. */
  readonly run?: ExcelRunner;
  readonly timeoutMs?: number;
}

export function readTableRows(
  table: string,
  options: ReadTableRowsOptions = {},
): Promise<number | undefined> {
  return readOnly(options.run, options.timeoutMs, (context, watchdog) =>
    readInContext(context, table, watchdog),
  );
}

async function readInContext(
  context: HostRequestContext,
  table: string,
  watchdog: Watchdog,
): Promise<number | undefined> {
  watchdog.kick();
  const tables = context.workbook.tables;
  tables.load('items/name');
  await watchdog.sync(context);
  if (!tables.items.some((t) => sameName(t.name, table))) return undefined;
  const rows = [tables.getItem(table).getDataBodyRange()];
  for (const range of rows) range.load('values');
  try {
    await watchdog.sync(context);
  } catch (error) {
    // Only a read: a table deleted since sync 1 means "no table".
    if (isSpeculationMiss(error)) return undefined;
    throw error;
  }
  const values: unknown = rows[0]?.values;
  const grid = Array.isArray(values) ? (values as unknown[][]) : [];
  return grid.filter((row) => row.some((v) => v !== '' && v !== null && v !== undefined)).length;
}
