/**
 * The fake Excel host: an in-memory workbook behind the office-js subset in src/excel/host.ts.
 *
 * - `run` stands in for `Excel.run`; `requirements` for `Office.context.requirements`.
 * - Every `context.sync()` is recorded as a batch: operations, estimated request bytes (JSON of the
 *   actions and object paths, as office-js would send them), response bytes, operation counts.
 * - Like Excel: operations run in order and a failing one stops the batch (earlier writes stay applied,
 *   but none of the batch's loads is fulfilled: a `getItem` of a missing sheet or name fails the whole
 *   read batch with `ItemNotFound`, and its proxies keep what earlier batches loaded);
 *   a 2D write whose shape differs from the range fails with `InvalidArgument`; a single value is
 *   applied to every cell; text is parsed as if typed; writes to a protected sheet fail with
 *   `AccessDenied`; in cell-edit mode every sync fails with `InvalidOperationInCellEditMode`;
 *   requests over 5 MB fail with `RequestPayloadSizeLimitExceeded`. A sync can be made to hang.
 * - User actions (typing, renaming, protecting, sorting) change the workbook directly, as a person would.
 *
 * Browser-compatible: no Node APIs, so the task-pane browser test can bundle it.
 */
import type {
  ExcelRunner,
  HostRequestContext,
  HostScalar,
  RequirementChecker,
} from '../../../src/excel/host';
import type { Rect } from './address';
import {
  a1,
  a1ToR1C1,
  lettersToCol,
  parseQualified,
  parseRect,
  quoteSheetName,
  r1c1ToA1,
  rectCols,
  rectRows,
} from './address';
import type { FakeErrorCode } from './errors';
import { FakeOfficeError, fakeError } from './errors';
import type { Cell, CellStyle, SheetModel } from './model';
import {
  WorkbookModel,
  cellKey,
  insertTableColumn,
  interpretInput,
  keyCol,
  keyRow,
  retargetNames,
  writeContent,
} from './model';
import type { BatchHost, QueuedOperation } from './proxies';
import { FakeRequestContext, utf8Bytes } from './proxies';
import type { CellSnapshot, WorkbookSnapshot } from './snapshot';
import { snapshotWorkbook } from './snapshot';

/** Computes formula results from a snapshot (e.g. with HyperFormula in Node tests). */
export type FormulaEvaluator = (
  snapshot: WorkbookSnapshot,
) => (sheet: string, row: number, col: number) => HostScalar;

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set this host supports. Default "1.17". */
  readonly apiVersion?: string;
  /** Default 5 MB, as Excel on the web. */
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  readonly evaluator?: FormulaEvaluator;
}

export interface BatchRecord {
  /** 1-based sync number. */
  readonly sync: number;
  readonly operations: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** Operations per kind, e.g. { "Range.values": 12 }. */
  readonly operationCounts: Readonly<Record<string, number>>;
  /** The kind of every operation, in queue order (index k = operation k of `failAtOperation`). */
  readonly operationNames: readonly string[];
  readonly calcSuspended: boolean;
  /** "ok", "hung", or the error code the sync failed with. */
  readonly outcome: string;
  /** A sync that Excel.run made itself because operations were left queued. */
  readonly implicit: boolean;
}

export const FIVE_MB = 5 * 1024 * 1024;

/**
 * Operations after which the user can no longer undo (Ctrl+Z) what came before them: Microsoft's undo
 * page for add-ins lists the APIs without undo support and says calling one clears the user's undo
 * stack from that call on (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities,
 * "Unsupported APIs"; office-js #6170, #3141). These are the kinds of the renderer's operations that the
 * #17 report counted in a refresh (sheet protection, sheet delete, visibility, name comments). Adding
 * or deleting a name, writing values, formulas and formats are not among them.
 */
export const UNDO_CLEARING_OPERATIONS: readonly string[] = [
  'WorksheetProtection.protect',
  'WorksheetProtection.unprotect',
  'Worksheet.delete',
  'Worksheet.visibility',
  'NamedItem.comment',
];

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class FakeExcel implements BatchHost {
  readonly model = new WorkbookModel();
  readonly batches: BatchRecord[] = [];
  /** While true, every sync fails like Excel does when the user is editing a cell. */
  cellEditMode = false;
  apiVersion: string;
  requestLimitBytes: number;
  responseLimitBytes: number;
  evaluator: FormulaEvaluator | undefined;
  private hangs = 0;
  private readonly injected: FakeErrorCode[] = [];
  private operationFailure:
    { at: number; code: FakeErrorCode; applies: (ops: readonly QueuedOperation[]) => boolean } | undefined;
  private beforeSync: ((sync: number) => void) | undefined;
  private implicitSync = false;
  private evaluation:
    { version: number; read: (sheet: string, row: number, col: number) => HostScalar } | undefined;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.17';
    this.requestLimitBytes = options.requestLimitBytes ?? FIVE_MB;
    this.responseLimitBytes = options.responseLimitBytes ?? FIVE_MB;
    this.evaluator = options.evaluator;
  }

  // ------------------------------------------------------------ office-js entry points

  /** Stands in for `Excel.run`. */
  readonly run: ExcelRunner = (batch) => this.runBatch(batch);

  /** Stands in for `Office.context.requirements`. */
  readonly requirements: RequirementChecker = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      name === 'ExcelApi' && compareVersions(minVersion ?? '1.1', this.apiVersion) <= 0,
  };

  /** Minimal globals for a page that expects office.js (assign them to window.Excel / window.Office). */
  officeStubs(): {
    excel: { run: ExcelRunner };
    office: {
      onReady: () => Promise<{ host: string; platform: string }>;
      context: { requirements: RequirementChecker; host: string };
    };
  } {
    return {
      excel: { run: this.run },
      office: {
        onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
        context: { requirements: this.requirements, host: 'Excel' },
      },
    };
  }

  private async runBatch<T>(batch: (context: HostRequestContext) => Promise<T>): Promise<T> {
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    if (context.queue.length > 0) {
      this.implicitSync = true;
      await context.sync();
    }
    return result;
  }

  // ------------------------------------------------------------ switches

  /** The next `count` syncs never settle (Excel on the web, office-js #6678). */
  hangNextSync(count = 1): void {
    this.hangs += count;
  }

  /** The next sync fails with this code before running anything. */
  failNextSync(code: FakeErrorCode): void {
    this.injected.push(code);
  }

  /**
   * The next sync that `applies` to (default: one that writes, i.e. has an operation other than a
   * load) fails at its operation number `at` (0-based) with `code`: operations before it stay applied,
   * as Excel does not roll a failed batch back.
   */
  failAtOperation(
    at: number,
    code: FakeErrorCode = 'GeneralException',
    applies: (ops: readonly QueuedOperation[]) => boolean = (ops) =>
      ops.some((op) => !op.name.endsWith('.load')),
  ): void {
    this.operationFailure = { at, code, applies };
  }

  /**
   * Runs `action` (a user or co-author changing the workbook) just before every sync is executed: a
   * co-author's write between two syncs of the add-in, which office-js does not prevent (office-js
   * #108: values read in one sync may be stale by the next; co-authoring merges the other person's
   * change at any time). `sync` is the 1-based number of the sync about to run.
   */
  onBeforeSync(action: ((sync: number) => void) | undefined): void {
    this.beforeSync = action;
  }

  /** How Excel shows name formulas to the add-in (language, reference style): office-js #2834. */
  displayNames(locale: 'en-US' | 'nl-NL', referenceStyle: 'A1' | 'R1C1' = 'A1'): this {
    this.model.nameDisplay.locale = locale;
    this.model.nameDisplay.referenceStyle = referenceStyle;
    return this;
  }

  get syncCount(): number {
    return this.batches.length;
  }

  /**
   * Undo-clearing operations (UNDO_CLEARING_OPERATIONS) that Excel ran in the batches from sync
   * `fromSync` (0-based index into `batches`) on, per kind. A failed batch counts up to its failure.
   */
  undoClearing(fromSync = 0): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const batch of this.batches.slice(fromSync)) {
      const ran = batch.outcome === 'ok' ? batch.operationNames : [];
      for (const name of ran) {
        if (UNDO_CLEARING_OPERATIONS.includes(name)) counts[name] = (counts[name] ?? 0) + 1;
      }
    }
    return counts;
  }

  // ------------------------------------------------------------ BatchHost

  requireApi(version: string, location: string): void {
    if (compareVersions(version, this.apiVersion) > 0)
      throw fakeError('ApiNotFound', location, `needs ExcelApi ${version}`);
  }

  formulaValue(sheet: SheetModel, row: number, col: number): HostScalar {
    if (!this.evaluator) return '';
    if (!this.evaluation || this.evaluation.version !== this.model.version) {
      this.evaluation = { version: this.model.version, read: this.evaluator(this.snapshot()) };
    }
    return this.evaluation.read(sheet.name, row, col);
  }

  async execute(context: FakeRequestContext): Promise<void> {
    const operations = context.queue;
    const paths = context.paths;
    context.queue = [];
    context.paths = [];
    const implicit = this.implicitSync;
    this.implicitSync = false;
    const requestBytes = estimateRequestBytes(operations, paths);
    const operationCounts: Record<string, number> = {};
    for (const op of operations) operationCounts[op.name] = (operationCounts[op.name] ?? 0) + 1;
    const record = (outcome: string): void => {
      this.batches.push({
        sync: this.batches.length + 1,
        operations: operations.length,
        requestBytes,
        responseBytes: context.responseBytes,
        operationCounts,
        operationNames: operations.map((op) => op.name),
        calcSuspended: context.calcSuspended,
        outcome,
        implicit,
      });
    };
    context.responseBytes = 0;
    context.calcSuspended = false;
    context.pendingLoads = [];
    await Promise.resolve();
    this.beforeSync?.(this.batches.length + 1);

    if (this.cellEditMode) {
      record('InvalidOperationInCellEditMode');
      throw fakeError('InvalidOperationInCellEditMode', 'RequestContext.sync');
    }
    if (this.hangs > 0) {
      this.hangs--;
      record('hung');
      return new Promise<void>(() => undefined);
    }
    const injected = this.injected.shift();
    if (injected !== undefined) {
      record(injected);
      throw fakeError(injected, 'RequestContext.sync');
    }
    if (requestBytes > this.requestLimitBytes) {
      record('RequestPayloadSizeLimitExceeded');
      throw fakeError('RequestPayloadSizeLimitExceeded', 'RequestContext.sync', `${requestBytes} bytes`);
    }
    const failure = this.operationFailure?.applies(operations) ? this.operationFailure : undefined;
    if (failure) this.operationFailure = undefined;
    for (const [index, op] of operations.entries()) {
      try {
        if (failure && index === failure.at) throw fakeError(failure.code, op.name, `injected at ${index}`);
        op.run();
      } catch (error) {
        const officeError =
          error instanceof FakeOfficeError ? error : fakeError('GeneralException', op.name, String(error));
        record(officeError.code);
        throw officeError;
      }
    }
    if (context.responseBytes > this.responseLimitBytes) {
      record('ResponsePayloadSizeLimitExceeded');
      throw fakeError('ResponsePayloadSizeLimitExceeded', 'RequestContext.sync');
    }
    const loads = context.pendingLoads;
    context.pendingLoads = [];
    for (const apply of loads) apply();
    record('ok');
  }

  // ------------------------------------------------------------ user actions (no API, no sync)

  addSheet(name: string): this {
    this.model.addSheet(name, 'user');
    return this;
  }

  /** Types into one cell, or a 2D block starting at `address`, as a person would. */
  type(sheet: string, address: string, input: HostScalar | readonly (readonly HostScalar[])[]): this {
    const s = this.model.requireSheet(sheet, 'user');
    const rect = this.rect(address);
    const grid = Array.isArray(input)
      ? (input as readonly (readonly HostScalar[])[])
      : [[input as HostScalar]];
    grid.forEach((line, i) =>
      line.forEach((value, j) => {
        const r = rect.top + i;
        const c = rect.left + j;
        const content = interpretInput(value, 'values', r, c, { row: r, col: c }, 'user');
        if (content) writeContent(s, r, c, content);
      }),
    );
    this.model.touch();
    return this;
  }

  renameSheet(from: string, to: string): this {
    const s = this.model.requireSheet(from, 'user');
    if (this.model.findSheet(to)) throw fakeError('ItemAlreadyExists', 'user', to);
    retargetNames(this.model, s.name, to);
    s.name = to;
    this.model.touch();
    return this;
  }

  deleteSheet(name: string): this {
    const s = this.model.requireSheet(name, 'user');
    retargetNames(this.model, s.name, undefined);
    this.model.sheets.splice(this.model.sheets.indexOf(s), 1);
    for (const t of this.model.tables.filter((x) => x.sheetId === s.id))
      this.model.tables.splice(this.model.tables.indexOf(t), 1);
    this.model.touch();
    return this;
  }

  /** Review > Protect Sheet (optionally with a password) or, with `on` false, Unprotect Sheet. */
  protectSheet(name: string, on = true, password?: string): this {
    const sheet = this.model.requireSheet(name, 'user');
    sheet.protected = on;
    sheet.protectionPassword = on ? password : undefined;
    if (!on) sheet.protectionOptions = undefined;
    return this;
  }

  /**
   * From now on Excel refuses `WorksheetProtection.unprotect()` of `sheet` with `code` even without a
   * password: the regression office-js #6784 (`unprotect()` AccessDenied on build 16.0.20026.20182,
   * June 2026). `refuse` false ends it.
   */
  refuseUnprotect(
    sheet: string,
    refuse = true,
    code: 'AccessDenied' | 'GeneralException' = 'AccessDenied',
  ): this {
    this.model.requireSheet(sheet, 'user').unprotectRefused = refuse ? code : undefined;
    return this;
  }

  protectWorkbook(on = true): this {
    this.model.structureProtected = on;
    return this;
  }

  addName(name: string, formula: string, comment = ''): this {
    this.model.addName(name, formula, comment, 'user');
    return this;
  }

  /** Formulas > Name Manager > Delete. */
  deleteName(name: string): this {
    const n = this.model.findName(name);
    if (!n) throw fakeError('ItemNotFound', 'user', name);
    this.model.names.splice(this.model.names.indexOf(n), 1);
    this.model.touch();
    return this;
  }

  addTable(sheet: string, address: string, name: string): this {
    const s = this.model.requireSheet(sheet, 'user');
    this.model.tables.push({
      id: this.model.newId(),
      name,
      sheetId: s.id,
      rect: this.rect(address),
      style: 'TableStyleLight1',
    });
    return this;
  }

  renameTable(from: string, to: string): this {
    const table = this.model.findTable(from);
    if (!table) throw fakeError('ItemNotFound', 'user', from);
    table.name = to;
    return this;
  }

  /**
   * Table Design / right-click > Insert > Table Columns to the Left (or typing a heading right of the
   * table): a column `heading` at 0-based `index` of table `name` (-1: at the end), as model.ts
   * `insertTableColumn` does it for `TableColumnCollection.add`.
   */
  insertTableColumn(name: string, index: number, heading: string): this {
    const table = this.model.findTable(name);
    if (!table) throw fakeError('ItemNotFound', 'user', name);
    insertTableColumn(this.model, table, index, undefined, heading, 'user');
    return this;
  }

  /**
   * Sorts the rows of `address` by the value in column `byColumn` (0-based within the range), as
   * Data > Sort does: whole rows move, relative references in formulas follow their cells.
   */
  sortRows(sheet: string, address: string, byColumn: number, descending = false): this {
    const s = this.model.requireSheet(sheet, 'user');
    const rect = this.rect(address);
    const rows = Array.from({ length: rectRows(rect) }, (_, i) =>
      Array.from({ length: rectCols(rect) }, (_, j) => s.cells.get(cellKey(rect.top + i, rect.left + j))),
    );
    const order = rows
      .map((cells, i) => ({ cells, i }))
      .sort((x, y) => {
        const a = x.cells[byColumn]?.value ?? '';
        const b = y.cells[byColumn]?.value ?? '';
        const d = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
        return (descending ? -d : d) || x.i - y.i;
      });
    order.forEach(({ cells, i: from }, to) =>
      cells.forEach((cell, j) => {
        const r = rect.top + to;
        const c = rect.left + j;
        const key = cellKey(r, c);
        if (!cell) {
          s.cells.delete(key);
          return;
        }
        const moved: Cell = { ...cell };
        if (cell.formula !== undefined)
          moved.formula = r1c1ToA1(a1ToR1C1(cell.formula, rect.top + from, c), r, c);
        s.cells.set(key, moved);
      }),
    );
    this.model.touch();
    return this;
  }

  /**
   * Types rows directly below table `name`, as a person does: Excel's AutoCorrect option "Include new
   * rows and columns in table" (on by default) grows the table over them (support.microsoft.com,
   * "Resize a table by adding or removing rows and columns"). The table's rect grows; nothing else moves.
   */
  appendTableRows(name: string, rows: readonly (readonly HostScalar[])[]): this {
    const table = this.model.findTable(name);
    if (!table) throw fakeError('ItemNotFound', 'user', name);
    const sheet = this.model.sheetById(table.sheetId);
    if (!sheet) throw fakeError('ItemNotFound', 'user', name);
    this.type(sheet.name, a1(table.rect.bottom + 1, table.rect.left), rows);
    const index = this.model.tables.indexOf(table);
    this.model.tables[index] = { ...table, rect: { ...table.rect, bottom: table.rect.bottom + rows.length } };
    this.model.touch();
    return this;
  }

  /**
   * Home > Insert > Insert Sheet Rows: `count` whole rows before row `at`. Cells below move down; a
   * table, name, conditional format or validation that spans row `at` grows, one below it moves.
   * (Formulas in cells are not rewritten: the tests that use this hold values in the moved rows.)
   */
  insertRows(sheet: string, at: number, count = 1): this {
    const s = this.model.requireSheet(sheet, 'user');
    const move = (rect: Rect): Rect =>
      rect.top >= at
        ? { ...rect, top: rect.top + count, bottom: rect.bottom + count }
        : rect.bottom >= at
          ? { ...rect, bottom: rect.bottom + count }
          : rect;
    this.moveRows(s, (row) => (row >= at ? row + count : row), move);
    return this;
  }

  /**
   * Home > Delete > Delete Sheet Rows: rows `at`..`at + count - 1`. Their cells go, cells below move
   * up; tables, names, conditional formats and validations shrink or move; a name whose rows are all
   * deleted becomes `#REF!`, such a table, format or validation disappears.
   */
  deleteRows(sheet: string, at: number, count = 1): this {
    const s = this.model.requireSheet(sheet, 'user');
    const last = at + count - 1;
    const cut = (rect: Rect): Rect | undefined => {
      if (rect.top >= at && rect.bottom <= last) return undefined;
      const top = rect.top < at ? rect.top : rect.top > last ? rect.top - count : at;
      const bottom = rect.bottom < at ? rect.bottom : rect.bottom > last ? rect.bottom - count : at - 1;
      return { ...rect, top, bottom };
    };
    this.moveRows(s, (row) => (row < at ? row : row > last ? row - count : undefined), cut);
    return this;
  }

  /** Formats cells as a person does (Home > font, fill, number format): merged into their style. */
  formatCells(sheet: string, address: string, style: CellStyle): this {
    const s = this.model.requireSheet(sheet, 'user');
    const rect = this.rect(address);
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const key = cellKey(r, c);
        const cell = s.cells.get(key) ?? {};
        s.cells.set(key, { ...cell, style: { ...(cell.style ?? {}), ...style } });
      }
    }
    this.model.touch();
    return this;
  }

  /** Drags a column border: the width of column `letter` in points. */
  setColumnWidth(sheet: string, letter: string, points: number): this {
    this.model.requireSheet(sheet, 'user').columnWidths.set(lettersToCol(letter), points);
    return this;
  }

  /** Drags a row border: the height of row `row` in points. */
  setRowHeight(sheet: string, row: number, points: number): this {
    this.model.requireSheet(sheet, 'user').rowHeights.set(row, points);
    return this;
  }

  /** Home > Format > Hide & Unhide > Hide Rows: rows `at`..`at + count - 1`. */
  hideRows(sheet: string, at: number, count = 1): this {
    const s = this.model.requireSheet(sheet, 'user');
    for (let r = at; r < at + count; r++) s.hiddenRows.add(r);
    return this;
  }

  private moveRows(
    s: SheetModel,
    row: (row: number) => number | undefined,
    rect: (rect: Rect) => Rect | undefined,
  ): void {
    const cells = [...s.cells];
    s.cells.clear();
    for (const [key, cell] of cells) {
      const to = row(keyRow(key));
      if (to !== undefined) s.cells.set(cellKey(to, keyCol(key)), cell);
    }
    const model = this.model;
    for (const table of model.tables.filter((t) => t.sheetId === s.id)) {
      const next = rect(table.rect);
      const index = model.tables.indexOf(table);
      if (next) model.tables[index] = { ...table, rect: next };
      else model.tables.splice(index, 1);
    }
    s.conditionalFormats = s.conditionalFormats.flatMap((f) => {
      const next = rect(f.rect);
      return next ? [{ ...f, rect: next }] : [];
    });
    s.validations = s.validations.flatMap((v) => {
      const next = rect(v.rect);
      return next ? [{ ...v, rect: next }] : [];
    });
    for (const n of model.names) {
      const ref = parseQualified(n.formula);
      if (!ref || ref.sheet === undefined || ref.sheet.toUpperCase() !== s.name.toUpperCase()) continue;
      const next = rect(ref.rect);
      const address = next ? absoluteA1(next) : absoluteA1(ref.rect);
      n.formula = next ? `=${quoteSheetName(s.name)}!${address}` : `=#REF!${address}`;
    }
    model.touch();
  }

  // ------------------------------------------------------------ read-back

  snapshot(): WorkbookSnapshot {
    return snapshotWorkbook(this.model);
  }

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  cell(sheet: string, address: string): CellSnapshot | undefined {
    const rect = this.rect(address);
    const s = this.model.requireSheet(sheet, 'read');
    const cell = s.cells.get(cellKey(rect.top, rect.left));
    if (!cell) return undefined;
    return {
      ...(cell.value !== undefined ? { value: cell.value } : {}),
      ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
      ...(cell.style ? { style: { ...cell.style } } : {}),
    };
  }

  /** Values as `Range.values` reads them (formula cells through the evaluator, else ""). */
  values(sheet: string, address: string): HostScalar[][] {
    const s = this.model.requireSheet(sheet, 'read');
    return this.grid(address, (r, c) => {
      const cell = s.cells.get(cellKey(r, c));
      return cell?.formula !== undefined ? this.formulaValue(s, r, c) : (cell?.value ?? '');
    });
  }

  /** Formulas (A1, with "=") or values, as `Range.formulas` reads them. */
  formulas(sheet: string, address: string): HostScalar[][] {
    const s = this.model.requireSheet(sheet, 'read');
    return this.grid(address, (r, c) => {
      const cell = s.cells.get(cellKey(r, c));
      return cell?.formula ?? cell?.value ?? '';
    });
  }

  name(name: string): { name: string; formula: string; comment: string } | undefined {
    const n = this.model.findName(name);
    return n ? { ...n } : undefined;
  }

  private grid(address: string, read: (row: number, col: number) => HostScalar): HostScalar[][] {
    const rect = this.rect(address);
    return Array.from({ length: rectRows(rect) }, (_, i) =>
      Array.from({ length: rectCols(rect) }, (_, j) => read(rect.top + i, rect.left + j)),
    );
  }

  private rect(address: string): Rect {
    const rect = parseRect(address) ?? parseQualified(address)?.rect;
    if (!rect) throw new RangeError(`Bad address ${address} (${a1(1, 1)}-style expected)`);
    return rect;
  }
}

/** JSON size of what office-js would send: one action per operation and one object path per proxy. */
function estimateRequestBytes(
  operations: readonly QueuedOperation[],
  paths: readonly { name: string; args: unknown }[],
): number {
  let id = 0;
  let bytes = 128; // envelope
  for (const p of paths) {
    id++;
    bytes += utf8Bytes({
      Id: id,
      ObjectPathType: 3,
      Name: p.name,
      ParentObjectPathId: id - 1,
      ArgumentInfo: { Arguments: p.args ?? [] },
    });
  }
  for (const op of operations) {
    id++;
    bytes += utf8Bytes({
      Id: id,
      ActionType: 1,
      Name: op.name,
      ObjectPathId: id,
      ArgumentInfo: { Arguments: [op.args] },
    });
  }
  return bytes;
}

/** "$A$1:$D$10" (a name's reference as Excel keeps it). */
function absoluteA1(rect: Rect): string {
  const corner = (row: number, col: number): string => a1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const tl = corner(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? tl
    : `${tl}:${corner(rect.bottom, rect.right)}`;
}
