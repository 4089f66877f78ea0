/**
 * The in-memory workbook of the fake Excel host: sheets with a sparse cell grid, formats, names,
 * tables, conditional formats, data validation, charts, freeze panes, page layout, protection.
 * Plain data plus the few rules Excel applies when a value is typed or a formula is filled.
 */
import type { Rect } from './address';
import {
  MAX_COLS,
  MAX_ROWS,
  a1ToR1C1,
  colToLetters,
  intersects,
  moveReferences,
  parseQualified,
  quoteSheetName,
  r1c1ToA1,
  rectCols,
  rectRows,
  shiftA1,
} from './address';
import { fakeError } from './errors';

export type Scalar = string | number | boolean;

export interface CellStyle {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borderTop?: string;
  borderBottom?: string;
  /** FormatProtection.locked (absent: Excel's default, locked). */
  locked?: boolean;
}

export interface Cell {
  /** Constant value (absent for formula cells). */
  value?: Scalar;
  /** A1 formula with "=". */
  formula?: string;
  style?: CellStyle;
}

export interface ConditionalFormatModel {
  readonly id: number;
  readonly rect: Rect;
  readonly type: string;
  formula: string;
  fill: string | undefined;
  fontColor: string | undefined;
  bold: boolean | undefined;
}

export interface ValidationRuleModel {
  readonly type: 'list' | 'wholeNumber' | 'decimal' | 'textLength';
  readonly source?: string;
  readonly inCellDropDown?: boolean;
  readonly operator?: string;
  readonly formula1?: Scalar;
  readonly formula2?: Scalar;
}

export interface ValidationModel {
  readonly rect: Rect;
  rule: ValidationRuleModel | undefined;
  prompt: { message: string; showPrompt: boolean; title: string } | undefined;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string } | undefined;
}

export interface ChartSeriesModel {
  name: string;
  values: string | undefined;
  xValues: string | undefined;
  color: string | undefined;
}

export interface ChartModel {
  readonly id: number;
  name: string;
  readonly type: string;
  title: string;
  from: string | undefined;
  to: string | undefined;
  readonly series: ChartSeriesModel[];
}

export interface TableModel {
  readonly id: number;
  name: string;
  sheetId: number;
  readonly rect: Rect;
  style: string;
}

export interface NameModel {
  name: string;
  /** With "=". */
  formula: string;
  comment: string;
}

export interface SheetModel {
  readonly id: number;
  name: string;
  readonly cells: Map<number, Cell>;
  readonly columnWidths: Map<number, number>;
  readonly rowHeights: Map<number, number>;
  /** Rows hidden with `Range.rowHidden = true` (1-based). */
  readonly hiddenRows: Set<number>;
  /** Columns hidden with `Range.columnHidden = true` (1-based). */
  readonly hiddenColumns: Set<number>;
  /** Manual page breaks (`Worksheet.horizontalPageBreaks`): the rows a printed page starts at (1-based). */
  readonly pageBreaks: Set<number>;
  tabColor: string;
  freeze: { rows: number; columns: number };
  conditionalFormats: ConditionalFormatModel[];
  validations: ValidationModel[];
  charts: ChartModel[];
  protected: boolean;
  /** The protection's password, when it has one (the user set it in Excel). */
  protectionPassword?: string;
  /**
   * Excel refuses `unprotect()` of this sheet with this code although it has no password: the June 2026
   * regression office-js #6784 (AccessDenied on build 16.0.20026.20182).
   */
  unprotectRefused?: 'AccessDenied' | 'GeneralException';
  /** The options the sheet was protected with (WorksheetProtection.protect). */
  protectionOptions?: Record<string, unknown>;
  /** Worksheet.visibility: "Visible", "Hidden" or "VeryHidden". */
  visibility: string;
  pageLayout: PageLayoutModel;
}

/** Header or footer: left, centre, right text with Excel's codes. */
export interface HeaderFooterModel {
  left: string;
  center: string;
  right: string;
}

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: Record<string, number>;
  /** leftMargin … footerMargin, points (absent: never set). */
  margins: Record<string, number>;
  /** A1 address of the print area, absent when none is set. */
  printArea?: string;
  /** "8:8" (whole rows). */
  printTitleRows?: string;
  /** "A:B" (whole columns). */
  printTitleColumns?: string;
  /** HeaderFooterGroup.state. */
  headerFooterState: string;
  /** `defaultForAllPages`. */
  header: HeaderFooterModel;
  footer: HeaderFooterModel;
}

export function cellKey(row: number, col: number): number {
  return row * (MAX_COLS + 1) + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / (MAX_COLS + 1));
}

export function keyCol(key: number): number {
  return key % (MAX_COLS + 1);
}

/** Limit for operations that touch every cell of a range (protects the fake from unbounded ranges). */
const MAX_TOUCHED_CELLS = 5_000_000;

/**
 * How Excel desktop shows a name's `formula` to an add-in: in the user's language and reference style
 * (office-js issue #2834, open: https://github.com/OfficeDev/office-js/issues/2834). "nl-NL" writes
 * `#VERW!` for `#REF!`; R1C1 style writes `R12C2` (nl-NL: `R12K2`).
 */
export interface NameDisplay {
  locale: 'en-US' | 'nl-NL';
  referenceStyle: 'A1' | 'R1C1';
}

export class WorkbookModel {
  private nextId = 1;
  /** How NamedItem.formula is read back (see NameDisplay). Default: English, A1. */
  readonly nameDisplay: NameDisplay = { locale: 'en-US', referenceStyle: 'A1' };
  readonly sheets: SheetModel[] = [];
  readonly names: NameModel[] = [];
  readonly tables: TableModel[] = [];
  structureProtected = false;
  /**
   * `Application.decimalSeparator` / `thousandsSeparator` (ExcelApi 1.11, "based on the local Excel
   * settings": https://learn.microsoft.com/javascript/api/excel/excel.application): Excel-NL by default.
   */
  decimalSeparator = ',';
  thousandsSeparator = '.';
  activeSheetId: number | undefined;
  /** Bumped on every change; lets an evaluator cache results. */
  version = 0;

  newId(): number {
    return this.nextId++;
  }

  touch(): void {
    this.version++;
  }

  findSheet(name: string): SheetModel | undefined {
    const upper = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === upper);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string, location: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw fakeError('ItemNotFound', location, `sheet ${name}`);
    return sheet;
  }

  addSheet(name: string, location = 'WorksheetCollection.add'): SheetModel {
    if (this.structureProtected) throw fakeError('AccessDenied', location, 'workbook structure is protected');
    if (name === '' || name.length > 31 || /[[\]:*?/\\]/.test(name))
      throw fakeError('InvalidArgument', location, name);
    if (this.findSheet(name)) throw fakeError('ItemAlreadyExists', location, name);
    const sheet: SheetModel = {
      id: this.newId(),
      name,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      pageBreaks: new Set(),
      tabColor: '',
      freeze: { rows: 0, columns: 0 },
      conditionalFormats: [],
      validations: [],
      charts: [],
      protected: false,
      visibility: 'Visible',
      pageLayout: {
        orientation: 'Portrait',
        paperSize: 'Letter',
        zoom: { scale: 100 },
        margins: {},
        headerFooterState: 'Default',
        header: { left: '', center: '', right: '' },
        footer: { left: '', center: '', right: '' },
      },
    };
    this.sheets.push(sheet);
    this.touch();
    return sheet;
  }

  findName(name: string): NameModel | undefined {
    const upper = name.toUpperCase();
    return this.names.find((n) => n.name.toUpperCase() === upper);
  }

  findTable(name: string): TableModel | undefined {
    const upper = name.toUpperCase();
    return this.tables.find((t) => t.name.toUpperCase() === upper);
  }

  addName(name: string, formula: string, comment: string, location = 'NamedItemCollection.add'): NameModel {
    if (
      !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^R\d*C\d*$/i.test(name)
    ) {
      throw fakeError('InvalidArgument', location, `name ${name}`);
    }
    if (this.findName(name) || this.findTable(name)) throw fakeError('ItemAlreadyExists', location, name);
    const model = { name, formula: normaliseReference(formula, location), comment };
    this.names.push(model);
    this.touch();
    return model;
  }
}

/** "=Blad!A1:B2" → "=Blad!$A$1:$B$2" (Excel stores name references absolute as given; we keep text). */
export function normaliseReference(formula: string, location: string): string {
  const text = formula.trim();
  if (!text.startsWith('='))
    throw fakeError('InvalidArgument', location, `reference must start with "=": ${formula}`);
  return text;
}

/** Content of a cell as Excel would store what was typed into it. `undefined` = leave unchanged. */
export type CellContent =
  { kind: 'empty' } | { kind: 'value'; value: Scalar } | { kind: 'formula'; formula: string };

const NUMBER = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const PERCENT = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)\s*%\s*$/;

/**
 * Excel's interpretation of typed input (as `values` / `formulas` / `formulasR1C1` writes are treated):
 * "'text" is text without the apostrophe, "=..." is a formula, numbers and TRUE/FALSE are parsed,
 * "+..."/"-..." that are not numbers become formulas. `null` leaves the cell unchanged.
 */
export function interpretInput(
  input: unknown,
  mode: 'values' | 'formulas' | 'formulasR1C1',
  row: number,
  col: number,
  origin: { row: number; col: number },
  location: string,
): CellContent | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw fakeError('InvalidArgument', location, 'non-finite number');
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string')
    throw fakeError('InvalidArgument', location, `unsupported cell input ${typeof input}`);
  if (input === '') return { kind: 'empty' };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) {
    try {
      if (mode === 'formulasR1C1') return { kind: 'formula', formula: r1c1ToA1(input, row, col) };
      // An A1 formula given once for a multi-cell range is filled: relative references move.
      return { kind: 'formula', formula: shiftA1(input, origin.row, origin.col, row, col) };
    } catch {
      throw fakeError('InvalidArgument', location, `formula ${input}`);
    }
  }
  if (NUMBER.test(input)) return { kind: 'value', value: Number(input) };
  if (PERCENT.test(input)) return { kind: 'value', value: Number(input.replace('%', '')) / 100 };
  if (/^\s*TRUE\s*$/i.test(input)) return { kind: 'value', value: true };
  if (/^\s*FALSE\s*$/i.test(input)) return { kind: 'value', value: false };
  if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1) {
    return interpretInput(
      `=${input}`,
      mode === 'formulasR1C1' ? 'formulasR1C1' : 'formulas',
      row,
      col,
      { row, col },
      location,
    );
  }
  return { kind: 'value', value: input };
}

/** The 2D inputs of a write: a scalar applies to every cell, an array must match the shape exactly. */
export function inputGrid(
  input: unknown,
  rect: Rect,
  location: string,
): (row: number, col: number) => unknown {
  const rows = rectRows(rect);
  const cols = rectCols(rect);
  if (!Array.isArray(input)) {
    if (input !== null && typeof input === 'object')
      throw fakeError('InvalidArgument', location, 'not a value or 2D array');
    return () => input;
  }
  const grid: unknown[] = input;
  if (grid.length !== rows || !grid.every((line) => Array.isArray(line) && line.length === cols)) {
    throw fakeError(
      'InvalidArgument',
      location,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols})`,
    );
  }
  return (r, c) => (grid[r] as unknown[])[c];
}

export function assertCellCount(rect: Rect, location: string): void {
  if (rectRows(rect) * rectCols(rect) > MAX_TOUCHED_CELLS) throw fakeError('RangeExceedsLimit', location);
}

export function writeContent(sheet: SheetModel, row: number, col: number, content: CellContent): void {
  const key = cellKey(row, col);
  const cell = sheet.cells.get(key);
  if (content.kind === 'empty') {
    if (cell?.style) sheet.cells.set(key, { style: cell.style });
    else sheet.cells.delete(key);
    return;
  }
  const next: Cell = content.kind === 'value' ? { value: content.value } : { formula: content.formula };
  if (cell?.style) next.style = cell.style;
  sheet.cells.set(key, next);
}

export function styleCells(
  sheet: SheetModel,
  rect: Rect,
  location: string,
  apply: (style: CellStyle) => void,
): void {
  assertCellCount(rect, location);
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const key = cellKey(r, c);
      const cell = sheet.cells.get(key) ?? {};
      const style = { ...(cell.style ?? {}) };
      apply(style);
      sheet.cells.set(key, { ...cell, style });
    }
  }
}

/** Cells of `rect` that exist, without iterating empty space. */
export function existingCells(sheet: SheetModel, rect: Rect): [number, Cell][] {
  const out: [number, Cell][] = [];
  for (const [key, cell] of sheet.cells) {
    const r = keyRow(key);
    const c = keyCol(key);
    if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right) out.push([key, cell]);
  }
  return out;
}

export function clearCells(sheet: SheetModel, rect: Rect): void {
  for (const [key] of existingCells(sheet, rect)) sheet.cells.delete(key);
}

export function removeIntersecting<T extends { readonly rect: Rect }>(items: T[], rect: Rect): T[] {
  return items.filter((item) => !intersects(item.rect, rect));
}

/** The formula of a cell in R1C1 form, or its value, or "" (what `formulasR1C1` reads). */
export function readFormulaR1C1(cell: Cell | undefined, row: number, col: number): Scalar {
  if (cell?.formula !== undefined) return a1ToR1C1(cell.formula, row, col);
  return cell?.value ?? '';
}

/** Rewrites sheet references in name formulas after a rename or delete (what Excel does). */
export function retargetNames(model: WorkbookModel, oldName: string, newName: string | undefined): void {
  for (const n of model.names) {
    const ref = parseQualified(n.formula);
    if (!ref || ref.sheet === undefined || ref.sheet.toUpperCase() !== oldName.toUpperCase()) continue;
    const address = n.formula.slice(n.formula.lastIndexOf('!') + 1);
    n.formula = newName === undefined ? `=#REF!${address}` : `=${quoteSheetName(newName)}!${address}`;
  }
}

/** "$A$1:$D$10" (a name's reference as Excel keeps it). */
function absoluteRef(rect: Rect): string {
  const corner = (row: number, col: number): string => `$${colToLetters(col)}$${row}`;
  const tl = corner(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right
    ? tl
    : `${tl}:${corner(rect.bottom, rect.right)}`;
}

/** The headings of a table, as its header cells hold them. */
export function tableHeadings(sheet: SheetModel, table: TableModel): string[] {
  const out: string[] = [];
  for (let c = table.rect.left; c <= table.rect.right; c++) {
    const value = sheet.cells.get(cellKey(table.rect.top, c))?.value;
    out.push(value === undefined ? '' : String(value));
  }
  return out;
}

/**
 * `TableColumnCollection.add(index, values, name)` (ExcelApi 1.1; `-1` and `name` since 1.4), as
 * documented at https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1):
 * "index: Specifies the relative position of the new column. If null or -1, the addition happens at the
 * end. Columns with a higher index will be shifted to the side. Zero-indexed"; "ExcelApi 1.1 requires an
 * index smaller than the total column count". `values`: "A 2D array of unformatted values of the table
 * column", the heading first (the example at
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables#add-a-column-to-a-table).
 *
 * The fake inserts the column as Excel's Insert > Table Columns to the Left does: within the table's
 * rows only, every cell from the new column rightwards (with its style) moves one column to the right;
 * the table grows by one column; conditional formats, validations and workbook names that lie within the
 * table's rows move (right of the new column) or grow (spanning it). Rows above and below the table and
 * the sheet's column widths do not move. Refused (InvalidArgument): an index outside 0 … count − 1 other
 * than -1 / null, `values` that are not one column of the table's height, a heading the table has already
 * (not documented; Excel would number it), cells pushed past the last column. Not modelled (refused with
 * InvalidOperation): another table beside it in the same rows.
 *
 * References in formulas (every sheet) follow the cells as Excel adjusts them when cells are inserted
 * and shifted right (https://support.microsoft.com/office/insert-or-delete-cells-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246:
 * "Insert Cells & Shift Cells Right"; Excel moves a reference only when it lies wholly within the rows
 * that shift): a reference within the table's rows and right of the new column moves one column right, one
 * spanning the new column grows; one that reaches above or below the table's rows (e.g. a column
 * reference over 500 rows on a table of 10) stays where it is and now reads the cells that moved into it
 * (issue #17 item 2: SUMIFS over Begroting!G$7:G$506 then reads the inserted column).
 */
export function insertTableColumn(
  model: WorkbookModel,
  table: TableModel,
  index: number | null | undefined,
  values: unknown,
  name: string | null | undefined,
  location = 'TableColumnCollection.add',
): void {
  const sheet = model.sheetById(table.sheetId);
  if (!sheet) throw fakeError('ItemNotFound', location, table.name);
  const count = rectCols(table.rect);
  const atEnd = index === undefined || index === null || index === -1;
  if (!atEnd && (!Number.isInteger(index) || index < 0 || index >= count))
    throw fakeError('InvalidArgument', location, `index ${String(index)} (table has ${count} columns)`);
  const at = atEnd ? count : index;
  const col = table.rect.left + at;
  const { top, bottom } = table.rect;
  const height = bottom - top + 1;
  let grid: unknown[][] | undefined;
  if (values !== undefined && values !== null) {
    if (
      !Array.isArray(values) ||
      values.length !== height ||
      !values.every((row) => Array.isArray(row) && row.length === 1)
    )
      throw fakeError('InvalidArgument', location, `values must be ${height} rows of 1 column`);
    grid = values as unknown[][];
  }
  const given = typeof name === 'string' && name !== '' ? name : grid?.[0]?.[0];
  const headings = tableHeadings(sheet, table);
  let heading = given === undefined || given === null || given === '' ? '' : String(given);
  if (heading === '') {
    for (let n = count + 1; heading === '' || headings.includes(heading); n++) heading = `Column${n}`;
  }
  if (headings.some((h) => h.toUpperCase() === heading.toUpperCase()))
    throw fakeError('InvalidArgument', location, `the table has a column ${heading} already`);
  const inRows = (rect: Rect): boolean => rect.top >= top && rect.bottom <= bottom;
  if (
    model.tables.some(
      (t) =>
        t !== table &&
        t.sheetId === sheet.id &&
        t.rect.top <= bottom &&
        t.rect.bottom >= top &&
        t.rect.right >= col,
    )
  )
    throw fakeError('InvalidOperation', location, 'another table beside it (not modelled)');
  const moved: [number, Cell][] = [];
  for (const [key, cell] of sheet.cells) {
    const r = keyRow(key);
    const c = keyCol(key);
    if (r < top || r > bottom || c < col) continue;
    if (c >= MAX_COLS) throw fakeError('InvalidArgument', location, 'cells would leave the sheet');
    moved.push([key, cell]);
  }
  for (const [key] of moved) sheet.cells.delete(key);
  for (const [key, cell] of moved) sheet.cells.set(cellKey(keyRow(key), keyCol(key) + 1), cell);
  writeContent(sheet, top, col, { kind: 'value', value: heading });
  for (let r = top + 1; r <= bottom; r++) {
    const content = grid
      ? interpretInput(grid[r - top]?.[0], 'values', r, col, { row: r, col }, location)
      : undefined;
    if (content) writeContent(sheet, r, col, content);
  }
  const shift = (rect: Rect): Rect =>
    !inRows(rect) || rect.right < col
      ? rect
      : rect.left >= col
        ? { ...rect, left: rect.left + 1, right: rect.right + 1 }
        : { ...rect, right: rect.right + 1 };
  model.tables[model.tables.indexOf(table)] = {
    ...table,
    rect: { ...table.rect, right: table.rect.right + 1 },
  };
  for (const other of model.sheets)
    for (const cell of other.cells.values())
      if (cell.formula !== undefined)
        cell.formula = moveReferences(cell.formula, other.name, sheet.name, shift);
  sheet.conditionalFormats = sheet.conditionalFormats.map((f) => ({ ...f, rect: shift(f.rect) }));
  sheet.validations = sheet.validations.map((v) => ({ ...v, rect: shift(v.rect) }));
  for (const n of model.names) {
    const ref = parseQualified(n.formula);
    if (!ref || ref.sheet === undefined || ref.sheet.toUpperCase() !== sheet.name.toUpperCase()) continue;
    const next = shift(ref.rect);
    if (next !== ref.rect) n.formula = `=${quoteSheetName(sheet.name)}!${absoluteRef(next)}`;
  }
  model.touch();
}

/**
 * `TableColumn.name` set (ExcelApi 1.4: "1.1 for getting the name; 1.4 for setting it",
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-name-member):
 * the heading cell gets the new name. Refused (InvalidArgument, not documented): an empty name or one
 * the table has already.
 */
export function renameTableColumn(
  model: WorkbookModel,
  table: TableModel,
  from: string,
  to: string,
  location = 'TableColumn.name',
): void {
  const sheet = model.sheetById(table.sheetId);
  if (!sheet) throw fakeError('ItemNotFound', location, table.name);
  const headings = tableHeadings(sheet, table);
  const at = headings.findIndex((h) => h.toUpperCase() === from.toUpperCase());
  if (at < 0) throw fakeError('ItemNotFound', location, from);
  if (
    typeof to !== 'string' ||
    to === '' ||
    headings.some((h, i) => i !== at && h.toUpperCase() === to.toUpperCase())
  )
    throw fakeError('InvalidArgument', location, String(to));
  writeContent(sheet, table.rect.top, table.rect.left + at, { kind: 'value', value: to });
  model.touch();
}

/**
 * `TableRowCollection.add(index, values)` at the end (ExcelApi 1.1), as documented at
 * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1):
 * "If null or -1, the addition happens at the end. Any rows below the inserted row are shifted
 * downwards"; `values`: "A 2D array of unformatted values of the table row". The fake adds the rows as
 * Excel's table does when it grows: within the table's columns only, the cells below the table move down
 * by the number of rows; the new rows get the style of the table's last row (Excel extends a table
 * column's formatting) and `values`; the table grows; validations and conditional formats within the
 * table's columns that reach its last row grow with it, those below it move down. Refused
 * (InvalidArgument): an index other than null / undefined / -1 (not modelled), `values` that are not
 * rows of the table's width. References in formulas are not rewritten (the renderer adds rows before it
 * writes the plan's formulas at their plan addresses).
 */
export function appendTableRows(
  model: WorkbookModel,
  table: TableModel,
  index: number | null | undefined,
  values: unknown,
  location = 'TableRowCollection.add',
): void {
  const sheet = model.sheetById(table.sheetId);
  if (!sheet) throw fakeError('ItemNotFound', location, table.name);
  if (index !== undefined && index !== null && index !== -1)
    throw fakeError('InvalidArgument', location, `index ${String(index)} (the fake only appends)`);
  const width = rectCols(table.rect);
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    !values.every((row) => Array.isArray(row) && row.length === width)
  )
    throw fakeError('InvalidArgument', location, `values must be rows of ${width} columns`);
  const grid = values as unknown[][];
  const k = grid.length;
  const { left, right, bottom } = table.rect;
  if (bottom + k > MAX_ROWS) throw fakeError('InvalidArgument', location, 'rows would leave the sheet');
  const below: [number, Cell][] = [];
  for (const [key, cell] of sheet.cells) {
    const r = keyRow(key);
    const c = keyCol(key);
    if (r > bottom && c >= left && c <= right) below.push([key, cell]);
  }
  for (const [key] of below) sheet.cells.delete(key);
  for (const [key, cell] of below) sheet.cells.set(cellKey(keyRow(key) + k, keyCol(key)), cell);
  for (let i = 0; i < k; i++) {
    const r = bottom + 1 + i;
    for (let c = left; c <= right; c++) {
      const style = sheet.cells.get(cellKey(bottom, c))?.style;
      if (style) sheet.cells.set(cellKey(r, c), { style: { ...style } });
      const content = interpretInput(grid[i]?.[c - left], 'values', r, c, { row: r, col: c }, location);
      if (content) writeContent(sheet, r, c, content);
    }
  }
  const within = (rect: Rect): boolean => rect.left >= left && rect.right <= right;
  const grow = (rect: Rect): Rect =>
    !within(rect)
      ? rect
      : rect.top > bottom
        ? { ...rect, top: rect.top + k, bottom: rect.bottom + k }
        : rect.bottom >= bottom
          ? { ...rect, bottom: rect.bottom + k }
          : rect;
  sheet.conditionalFormats = sheet.conditionalFormats.map((f) => ({ ...f, rect: grow(f.rect) }));
  sheet.validations = sheet.validations.map((v) => ({ ...v, rect: grow(v.rect) }));
  model.tables[model.tables.indexOf(table)] = { ...table, rect: { ...table.rect, bottom: bottom + k } };
  model.touch();
}
