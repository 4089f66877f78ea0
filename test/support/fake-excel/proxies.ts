/**
 * Proxy objects of the fake Excel host, mirroring office-js: creating objects, setting properties
 * and calling methods only QUEUES operations on the request context; `context.sync()` executes the
 * queue in order against the in-memory workbook. Reading a property that was not loaded throws
 * `PropertyNotLoaded`, as office-js does. Loaded values reach the proxies only when the whole batch
 * succeeds: a batch that fails (e.g. `ItemNotFound` from a `getItem` of a missing sheet or name)
 * fulfils none of its loads, as in office-js. Implements exactly the subset in src/excel/host.ts.
 */
import type {
  HostApplication,
  HostChart,
  HostChartCollection,
  HostChartSeries,
  HostChartSeriesCollection,
  HostChartType,
  HostCopySource,
  HostConditionalFormat,
  HostConditionalFormatCollection,
  HostDataValidation,
  HostDataValidationRule,
  HostFreezePanes,
  HostGrid,
  HostHeaderFooter,
  HostHeaderFooterGroup,
  HostNamedItem,
  HostNamedItemCollection,
  HostPageLayout,
  HostProtectionOptions,
  HostRange,
  HostRangeBorder,
  HostRangeBorderCollection,
  HostRangeFill,
  HostRangeFont,
  HostRangeFormat,
  HostRequestContext,
  HostScalar,
  HostTable,
  HostTableCollection,
  HostTableColumn,
  HostTableColumnCollection,
  HostWorkbook,
  HostWorkbookProtection,
  HostWorksheet,
  HostWorksheetCollection,
  HostWorksheetProtection,
} from '../../../src/excel/host';
import type { Rect } from './address';
import {
  MAX_COLS,
  MAX_ROWS,
  intersects,
  parseQualified,
  parseRect,
  quoteSheetName,
  rectCols,
  rectRows,
  a1ToR1C1,
  r1c1ToA1,
  rectToA1,
} from './address';
import { fakeError } from './errors';
import type {
  CellContent,
  CellStyle,
  ChartModel,
  ChartSeriesModel,
  ConditionalFormatModel,
  NameDisplay,
  NameModel,
  SheetModel,
  TableModel,
  ValidationModel,
  ValidationRuleModel,
  WorkbookModel,
} from './model';
import {
  assertCellCount,
  cellKey,
  clearCells,
  existingCells,
  inputGrid,
  insertTableColumn,
  appendTableRows,
  interpretInput,
  readFormulaR1C1,
  removeIntersecting,
  renameTableColumn,
  styleCells,
  tableHeadings,
  writeContent,
} from './model';

/** What the context needs from the host (kept minimal to avoid an import cycle). */
export interface BatchHost {
  readonly model: WorkbookModel;
  execute(context: FakeRequestContext): Promise<void>;
  /** Throws ApiNotFound when the fake's API version is below `version`. */
  requireApi(version: string, location: string): void;
  formulaValue(sheet: SheetModel, row: number, col: number): HostScalar;
}

export interface QueuedOperation {
  readonly name: string;
  readonly args: unknown;
  readonly run: () => void;
}

export class FakeRequestContext implements HostRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  queue: QueuedOperation[] = [];
  /** Object paths created since the last sync (each is sent with the request). */
  paths: { name: string; args: unknown }[] = [];
  responseBytes = 0;
  calcSuspended = false;
  /** Loaded values of the running batch, handed to the proxies only when the whole batch succeeds. */
  pendingLoads: (() => void)[] = [];
  private nextObjectId = 1;

  constructor(readonly host: BatchHost) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  objectId(): number {
    return this.nextObjectId++;
  }

  /** Queues an operation; `minApi` is the ExcelApi version it needs. */
  enqueue(name: string, args: unknown, run: () => void, minApi?: string): void {
    this.queue.push({
      name,
      args,
      run: () => {
        if (minApi !== undefined) this.host.requireApi(minApi, name);
        run();
      },
    });
  }

  path(name: string, args?: unknown): void {
    this.paths.push({ name, args });
  }

  /** Stages a loaded value; `execute` applies the staged values after the last operation succeeded. */
  onCommit(apply: () => void): void {
    this.pendingLoads.push(apply);
  }

  sync(): Promise<void> {
    return this.host.execute(this);
  }
}

const encoder = new TextEncoder();
export function utf8Bytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

function splitLoad(propertyNames: string | string[] | undefined): string[][] {
  const list = Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(',');
  return list
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split(/[/.]/));
}

abstract class FakeObject {
  protected readonly loadedProps = new Map<string, unknown>();
  private readonly objectId: number;

  protected constructor(
    protected readonly ctx: FakeRequestContext,
    protected readonly typeName: string,
  ) {
    this.objectId = ctx.objectId();
    ctx.path(typeName);
  }

  /** Reads a scalar property from the model, during sync. */
  protected readScalar(name: string): unknown {
    throw fakeError('InvalidArgument', `${this.typeName}.load`, `unknown property ${name}`);
  }

  protected navigate(name: string): FakeObject {
    throw fakeError('InvalidArgument', `${this.typeName}.load`, `unknown navigation ${name}`);
  }

  applyLoad(path: readonly string[]): void {
    const [head, ...rest] = path;
    if (head === undefined) return;
    if (rest.length === 0) {
      const value = this.readScalar(head);
      this.ctx.responseBytes += utf8Bytes(value) + head.length + 4;
      this.ctx.onCommit(() => this.loadedProps.set(head, value));
    } else {
      this.navigate(head).applyLoad(rest);
    }
  }

  load(propertyNames?: string | string[]): this {
    const paths = splitLoad(propertyNames);
    this.ctx.enqueue(`${this.typeName}.load`, propertyNames ?? '', () => {
      this.beginLoad();
      for (const p of paths) this.applyLoad(p);
    });
    return this;
  }

  /** Called once at the start of a load operation. */
  protected beginLoad(): void {
    // nothing to reset for plain objects
  }

  protected loaded(name: string): unknown {
    if (!this.loadedProps.has(name)) {
      throw fakeError(
        'PropertyNotLoaded',
        `${this.typeName}.${name}`,
        `The property '${name}' is not available. Call load() and sync() first.`,
      );
    }
    return this.loadedProps.get(name);
  }

  /** How this proxy appears inside a request (office-js sends an object path id). */
  toJSON(): unknown {
    return { _ObjectPathId: this.objectId };
  }
}

abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private loadedItems: T[] | undefined;
  /** The items materialized by the load operation that is running (committed with the batch). */
  private stagedItems: T[] | undefined;

  get items(): T[] {
    if (!this.loadedItems) throw fakeError('PropertyNotLoaded', `${this.typeName}.items`);
    return this.loadedItems;
  }

  protected abstract materialize(): T[];

  protected override beginLoad(): void {
    this.stagedItems = undefined;
  }

  override applyLoad(path: readonly string[]): void {
    const [head, ...rest] = path;
    if (head !== 'items') {
      super.applyLoad(path);
      return;
    }
    let items = this.stagedItems;
    if (!items) {
      const materialized = this.materialize();
      this.stagedItems = items = materialized;
      this.ctx.onCommit(() => {
        this.loadedItems = materialized;
      });
    }
    if (rest.length > 0) for (const item of items) item.applyLoad(rest);
  }
}

function requireColor(value: unknown, location: string): string {
  if (typeof value === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(value) || /^[A-Za-z]+$/.test(value)))
    return value;
  throw fakeError('InvalidArgument', location, `color ${String(value)}`);
}

function guardWrite(sheet: SheetModel, location: string): void {
  if (sheet.protected) throw fakeError('AccessDenied', location, `sheet ${sheet.name} is protected`);
}

function qualified(sheet: SheetModel, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${rectToA1(rect)}`;
}

// ---------------------------------------------------------------- workbook & application

export class FakeApplication extends FakeObject implements HostApplication {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Application');
  }

  get decimalSeparator(): string {
    return this.loaded('decimalSeparator') as string;
  }

  get thousandsSeparator(): string {
    return this.loaded('thousandsSeparator') as string;
  }

  protected override readScalar(name: string): unknown {
    if (name === 'decimalSeparator') return this.ctx.model.decimalSeparator;
    if (name === 'thousandsSeparator') return this.ctx.model.thousandsSeparator;
    return super.readScalar(name);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(
      'Application.suspendApiCalculationUntilNextSync',
      [],
      () => {
        this.ctx.calcSuspended = true;
      },
      '1.6',
    );
  }
}

export class FakeWorkbook extends FakeObject implements HostWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeWorkbookProtection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, 'Workbook');
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, undefined);
    this.protection = new FakeWorkbookProtection(ctx);
  }
}

export class FakeWorkbookProtection extends FakeObject implements HostWorkbookProtection {
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorkbookProtection');
  }

  get protected(): boolean {
    return this.loaded('protected') as boolean;
  }

  protected override readScalar(name: string): unknown {
    if (name === 'protected') return this.ctx.model.structureProtected;
    return super.readScalar(name);
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection
  extends FakeCollection<FakeWorksheet>
  implements HostWorksheetCollection
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'WorksheetCollection');
  }

  protected materialize(): FakeWorksheet[] {
    return this.ctx.model.sheets.map((s) => FakeWorksheet.byId(this.ctx, s.id));
  }

  getItem(key: string): FakeWorksheet {
    this.ctx.path('WorksheetCollection.getItem', [key]);
    return new FakeWorksheet(this.ctx, () => this.ctx.model.requireSheet(key, 'WorksheetCollection.getItem'));
  }

  add(name?: string): FakeWorksheet {
    let created: number | undefined;
    this.ctx.path('WorksheetCollection.add', [name]);
    this.ctx.enqueue('WorksheetCollection.add', [name], () => {
      const model = this.ctx.model;
      const sheetName = name ?? nextFreeName(model, 'Sheet');
      created = model.addSheet(sheetName).id;
    });
    return new FakeWorksheet(this.ctx, () => {
      const sheet = created === undefined ? undefined : this.ctx.model.sheetById(created);
      if (!sheet) throw fakeError('ItemNotFound', 'Worksheet', 'added sheet does not exist (yet)');
      return sheet;
    });
  }
}

function nextFreeName(model: WorkbookModel, base: string): string {
  for (let i = 1; ; i++) if (!model.findSheet(`${base}${i}`)) return `${base}${i}`;
}

export class FakeWorksheet extends FakeObject implements HostWorksheet {
  private protectionProxy: FakeWorksheetProtection | undefined;
  private freezeProxy: FakeFreezePanes | undefined;
  private tablesProxy: FakeTableCollection | undefined;
  private chartsProxy: FakeChartCollection | undefined;
  private layoutProxy: FakePageLayout | undefined;
  private breaksProxy: FakePageBreakCollection | undefined;

  constructor(
    ctx: FakeRequestContext,
    readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'Worksheet');
  }

  static byId(ctx: FakeRequestContext, id: number): FakeWorksheet {
    return FakeWorksheet.byIdLazy(ctx, () => id);
  }

  /** A worksheet known by id (the id may only be known when the batch runs). */
  static byIdLazy(ctx: FakeRequestContext, id: () => number): FakeWorksheet {
    return new FakeWorksheet(ctx, () => {
      const sheet = ctx.model.sheetById(id());
      if (!sheet) throw fakeError('ItemNotFound', 'Worksheet', 'deleted');
      return sheet;
    });
  }

  get name(): string {
    return this.loaded('name') as string;
  }

  get tabColor(): string {
    return this.loaded('tabColor') as string;
  }

  set tabColor(color: string) {
    this.ctx.enqueue(
      'Worksheet.tabColor',
      color,
      () => {
        const sheet = this.resolve();
        guardWrite(sheet, 'Worksheet.tabColor');
        sheet.tabColor = color === '' ? '' : requireColor(color, 'Worksheet.tabColor');
      },
      '1.7',
    );
  }

  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.ctx, this.resolve));
  }

  get freezePanes(): FakeFreezePanes {
    return (this.freezeProxy ??= new FakeFreezePanes(this.ctx, this.resolve));
  }

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.ctx, this.resolve));
  }

  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.ctx, this.resolve));
  }

  get pageLayout(): FakePageLayout {
    return (this.layoutProxy ??= new FakePageLayout(this.ctx, this.resolve));
  }

  get horizontalPageBreaks(): FakePageBreakCollection {
    return (this.breaksProxy ??= new FakePageBreakCollection(this.ctx, this.resolve));
  }

  getRange(address?: string): FakeRange {
    this.ctx.path('Worksheet.getRange', [address]);
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      if (address === undefined)
        return { sheet, rect: { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
      const ref = parseQualified(address);
      if (!ref || (ref.sheet !== undefined && ref.sheet.toUpperCase() !== sheet.name.toUpperCase())) {
        throw fakeError('InvalidArgument', 'Worksheet.getRange', address);
      }
      return { sheet, rect: ref.rect };
    });
  }

  /** ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member). */
  get visibility(): string {
    return this.loaded('visibility') as string;
  }

  /**
   * Like Excel: a protected workbook structure (Review > Protect Workbook) forbids hiding and unhiding
   * sheets, as it forbids adding and deleting them ("Protect a workbook",
   * https://support.microsoft.com/office/protect-a-workbook-7e365a4d-4e89-4616-84ca-1931257c1517;
   * `Workbook.protection`: https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection).
   */
  set visibility(value: string) {
    this.ctx.enqueue('Worksheet.visibility', value, () => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value))
        throw fakeError('InvalidArgument', 'Worksheet.visibility', value);
      const sheet = this.resolve();
      if (this.ctx.model.structureProtected && sheet.visibility !== value)
        throw fakeError('AccessDenied', 'Worksheet.visibility', 'workbook structure is protected');
      sheet.visibility = value;
    });
  }

  /**
   * ExcelApi 1.1: the smallest range that holds every cell with a value or format; "A1" for an empty
   * sheet (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)).
   */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.ctx.path('Worksheet.getUsedRange', [valuesOnly]);
    return new FakeRange(this.ctx, () => {
      const sheet = this.resolve();
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      for (const [key, cell] of sheet.cells) {
        if (valuesOnly === true && cell.value === undefined && cell.formula === undefined) continue;
        const r = Math.floor(key / (MAX_COLS + 1));
        const c = key % (MAX_COLS + 1);
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      if (bottom === 0) return { sheet, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
      return { sheet, rect: { top, left, bottom, right } };
    });
  }

  /**
   * ExcelApi 1.1. Like Excel: a very hidden sheet cannot be deleted ("InvalidOperation"; make it
   * visible or hidden first): https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
   */
  delete(): void {
    this.ctx.enqueue('Worksheet.delete', [], () => {
      const sheet = this.resolve();
      const model = this.ctx.model;
      if (sheet.visibility === 'VeryHidden')
        throw fakeError('InvalidOperation', 'Worksheet.delete', `${sheet.name} is very hidden`);
      if (model.structureProtected) throw fakeError('AccessDenied', 'Worksheet.delete', 'structure');
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      // The sheet's tables go with it (its cells are gone; `workbook.tables` no longer lists them).
      for (let i = model.tables.length - 1; i >= 0; i--)
        if (model.tables[i]?.sheetId === sheet.id) model.tables.splice(i, 1);
      for (const n of model.names) {
        const ref = parseQualified(n.formula);
        if (ref?.sheet !== undefined && ref.sheet.toUpperCase() === sheet.name.toUpperCase())
          n.formula = `=#REF!${n.formula.slice(n.formula.lastIndexOf('!') + 1)}`;
      }
      model.touch();
    });
  }

  activate(): void {
    this.ctx.enqueue('Worksheet.activate', [], () => {
      this.ctx.model.activeSheetId = this.resolve().id;
    });
  }

  protected override readScalar(name: string): unknown {
    const sheet = this.resolve();
    if (name === 'name') return sheet.name;
    if (name === 'tabColor') return sheet.tabColor;
    if (name === 'visibility') return sheet.visibility;
    if (name === 'position') return this.ctx.model.sheets.indexOf(sheet);
    return super.readScalar(name);
  }

  protected override navigate(name: string): FakeObject {
    if (name === 'protection') return this.protection;
    if (name === 'tables') return this.tables;
    if (name === 'charts') return this.charts;
    return super.navigate(name);
  }
}

/**
 * `Worksheet.protection` (ExcelApi 1.2): https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
 * - `protect(options)`: "Protects a worksheet. Fails if the worksheet has already been protected."
 *   (the fake fails with InvalidOperation; the code is not documented).
 * - `unprotect()` without a password lifts a protection without one. For a protection with a password
 *   the fake fails with InvalidArgument and leaves the sheet protected: not documented for `unprotect`;
 *   the same page documents InvalidArgument for `pauseProtection` with a wrong password. The renderer
 *   does not depend on the code (it reads the protection state back, see render.ts).
 */
export class FakeWorksheetProtection extends FakeObject implements HostWorksheetProtection {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'WorksheetProtection');
  }

  get protected(): boolean {
    return this.loaded('protected') as boolean;
  }

  protect(options?: HostProtectionOptions): void {
    this.ctx.enqueue(
      'WorksheetProtection.protect',
      [options],
      () => {
        const sheet = this.resolve();
        if (sheet.protected)
          throw fakeError('InvalidOperation', 'WorksheetProtection.protect', `${sheet.name} is protected`);
        sheet.protected = true;
        sheet.protectionPassword = undefined;
        sheet.protectionOptions = { ...(options ?? {}) };
      },
      '1.2',
    );
  }

  unprotect(): void {
    this.ctx.enqueue(
      'WorksheetProtection.unprotect',
      [],
      () => {
        const sheet = this.resolve();
        if (sheet.protectionPassword !== undefined)
          throw fakeError('InvalidArgument', 'WorksheetProtection.unprotect', 'a password is needed');
        if (sheet.protected && sheet.unprotectRefused !== undefined)
          throw fakeError(sheet.unprotectRefused, 'WorksheetProtection.unprotect', 'office-js #6784');
        sheet.protected = false;
        sheet.protectionOptions = undefined;
      },
      '1.2',
    );
  }

  protected override readScalar(name: string): unknown {
    if (name === 'protected') return this.resolve().protected;
    return super.readScalar(name);
  }
}

export class FakeFreezePanes extends FakeObject implements HostFreezePanes {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'WorksheetFreezePanes');
  }

  private set(
    name: string,
    args: unknown,
    next: (sheet: SheetModel) => { rows: number; columns: number },
  ): void {
    this.ctx.enqueue(
      `WorksheetFreezePanes.${name}`,
      args,
      () => {
        const sheet = this.resolve();
        sheet.freeze = next(sheet);
      },
      '1.7',
    );
  }

  freezeAt(frozenRange: string): void {
    this.set('freezeAt', [frozenRange], () => {
      const rect = parseRect(frozenRange);
      if (!rect || rect.top !== 1 || rect.left !== 1)
        throw fakeError('InvalidArgument', 'WorksheetFreezePanes.freezeAt', frozenRange);
      return { rows: rect.bottom, columns: rect.right };
    });
  }

  freezeRows(count = 1): void {
    this.set('freezeRows', [count], () => ({ rows: count, columns: 0 }));
  }

  freezeColumns(count = 1): void {
    this.set('freezeColumns', [count], () => ({ rows: 0, columns: count }));
  }

  unfreeze(): void {
    this.set('unfreeze', [], () => ({ rows: 0, columns: 0 }));
  }
}

const ORIENTATIONS = ['Portrait', 'Landscape'];
const PAPER = ['A3', 'A4', 'A5', 'Letter', 'Legal'];
const MARGINS = [
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'headerMargin',
  'footerMargin',
] as const;

/**
 * `Worksheet.pageLayout` (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * - `setPrintArea(string)`: "Sets the worksheet's print area"; the fake takes an A1 address on the sheet.
 * - `setPrintTitleRows` / `setPrintTitleColumns`: "The range must span the entire row" (column) "to be
 *   valid": anything else is refused with InvalidArgument.
 * - `headersFooters` (HeaderFooterGroup, https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup):
 *   `defaultForAllPages` is "the general header/footer, used for all pages unless even/odd or first
 *   page is specified" (`state` "Default").
 * Like every other write, refused on a protected sheet.
 */
export class FakePageLayout extends FakeObject implements HostPageLayout {
  readonly headersFooters: FakeHeaderFooterGroup;
  // The margins in points: one accessor pair for all six (the static block below, instead of six
  // copies), read after a load like every property, written through `setMargin` (0–1000 points,
  // else InvalidArgument).
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;

  static {
    for (const name of MARGINS)
      Object.defineProperty(FakePageLayout.prototype, name, {
        configurable: true,
        get(this: FakePageLayout): number {
          return this.loaded(name) as number;
        },
        set(this: FakePageLayout, points: number) {
          this.setMargin(name, points);
        },
      });
  }

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'PageLayout');
    this.headersFooters = new FakeHeaderFooterGroup(ctx, resolve);
  }

  setPrintArea(printArea: string): void {
    this.write('setPrintArea', [printArea], (sheet) => {
      const rect = typeof printArea === 'string' ? parseRect(printArea) : undefined;
      if (!rect) throw fakeError('InvalidArgument', 'PageLayout.setPrintArea', String(printArea));
      sheet.pageLayout.printArea = rectToA1(rect);
    });
  }

  setPrintTitleRows(printTitleRows: string): void {
    this.write('setPrintTitleRows', [printTitleRows], (sheet) => {
      const rect = typeof printTitleRows === 'string' ? parseRect(printTitleRows) : undefined;
      if (!rect || rect.left !== 1 || rect.right !== MAX_COLS)
        throw fakeError('InvalidArgument', 'PageLayout.setPrintTitleRows', String(printTitleRows));
      sheet.pageLayout.printTitleRows = rectToA1(rect);
    });
  }

  setPrintTitleColumns(printTitleColumns: string): void {
    this.write('setPrintTitleColumns', [printTitleColumns], (sheet) => {
      const rect = typeof printTitleColumns === 'string' ? parseRect(printTitleColumns) : undefined;
      if (!rect || rect.top !== 1 || rect.bottom !== MAX_ROWS)
        throw fakeError('InvalidArgument', 'PageLayout.setPrintTitleColumns', String(printTitleColumns));
      sheet.pageLayout.printTitleColumns = rectToA1(rect);
    });
  }

  private write(name: string, value: unknown, apply: (sheet: SheetModel) => void): void {
    this.ctx.enqueue(
      `PageLayout.${name}`,
      value,
      () => {
        const sheet = this.resolve();
        guardWrite(sheet, `PageLayout.${name}`);
        apply(sheet);
      },
      '1.9',
    );
  }

  private setMargin(name: string, points: number): void {
    this.write(name, points, (sheet) => {
      if (typeof points !== 'number' || !(points >= 0) || points > 1000)
        throw fakeError('InvalidArgument', `PageLayout.${name}`, String(points));
      sheet.pageLayout.margins[name] = points;
    });
  }

  get orientation(): string {
    return this.loaded('orientation') as string;
  }

  set orientation(value: string) {
    this.write('orientation', value, (sheet) => {
      if (!ORIENTATIONS.includes(value)) throw fakeError('InvalidArgument', 'PageLayout.orientation', value);
      sheet.pageLayout.orientation = value;
    });
  }

  get paperSize(): string {
    return this.loaded('paperSize') as string;
  }

  set paperSize(value: string) {
    this.write('paperSize', value, (sheet) => {
      if (!PAPER.includes(value)) throw fakeError('InvalidArgument', 'PageLayout.paperSize', value);
      sheet.pageLayout.paperSize = value;
    });
  }

  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.loaded('zoom') as Record<string, number>;
  }

  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.write('zoom', value, (sheet) => {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      const ok = entries.every(
        ([k, v]) =>
          (k === 'scale' && typeof v === 'number' && v >= 10 && v <= 400) ||
          ((k === 'horizontalFitToPages' || k === 'verticalFitToPages') &&
            typeof v === 'number' &&
            Number.isInteger(v) &&
            v >= 1),
      );
      if (!ok || entries.length === 0)
        throw fakeError('InvalidArgument', 'PageLayout.zoom', JSON.stringify(value));
      sheet.pageLayout.zoom = Object.fromEntries(entries) as Record<string, number>;
    });
  }
}

const HEADER_FOOTER_STATES = ['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'];

/**
 * `Worksheet.horizontalPageBreaks` (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection.
 * `add(range)` puts a manual break above the range's top-left cell ("Adds a page break before the
 * top-left cell of the range specified"); a break above row 1 is refused (there is no page before it).
 * `removePageBreaks()` "Resets all manual page breaks in the collection".
 */
export class FakePageBreakCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'PageBreakCollection');
  }

  add(pageBreakRange: string): void {
    this.ctx.enqueue(
      'PageBreakCollection.add',
      pageBreakRange,
      () => {
        const sheet = this.resolve();
        guardWrite(sheet, 'PageBreakCollection.add');
        const rect = parseRect(pageBreakRange);
        if (!rect || rect.top < 2)
          throw fakeError('InvalidArgument', 'PageBreakCollection.add', pageBreakRange);
        sheet.pageBreaks.add(rect.top);
      },
      '1.9',
    );
  }

  removePageBreaks(): void {
    this.ctx.enqueue(
      'PageBreakCollection.removePageBreaks',
      null,
      () => {
        const sheet = this.resolve();
        guardWrite(sheet, 'PageBreakCollection.removePageBreaks');
        sheet.pageBreaks.clear();
      },
      '1.9',
    );
  }
}

/** `PageLayout.headersFooters` (ExcelApi 1.9). Only `state` and `defaultForAllPages` are modelled. */
export class FakeHeaderFooterGroup extends FakeObject implements HostHeaderFooterGroup {
  readonly defaultForAllPages: FakeHeaderFooter;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'HeaderFooterGroup');
    this.defaultForAllPages = new FakeHeaderFooter(ctx, resolve);
  }

  get state(): string {
    return this.loaded('state') as string;
  }

  set state(value: string) {
    this.ctx.enqueue(
      'HeaderFooterGroup.state',
      value,
      () => {
        const sheet = this.resolve();
        guardWrite(sheet, 'HeaderFooterGroup.state');
        if (!HEADER_FOOTER_STATES.includes(value))
          throw fakeError('InvalidArgument', 'HeaderFooterGroup.state', value);
        sheet.pageLayout.headerFooterState = value;
      },
      '1.9',
    );
  }
}

/**
 * `HeaderFooter` (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.headerfooter):
 * six texts with Excel's codes (&P, &N, &D, &A), kept as given.
 */
export class FakeHeaderFooter extends FakeObject implements HostHeaderFooter {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => SheetModel,
  ) {
    super(ctx, 'HeaderFooter');
  }

  private part(name: string, value: string, apply: (layout: SheetModel['pageLayout']) => void): void {
    this.ctx.enqueue(
      `HeaderFooter.${name}`,
      value,
      () => {
        const sheet = this.resolve();
        guardWrite(sheet, `HeaderFooter.${name}`);
        if (typeof value !== 'string' || value.length > 255)
          throw fakeError('InvalidArgument', `HeaderFooter.${name}`, String(value));
        apply(sheet.pageLayout);
      },
      '1.9',
    );
  }

  get leftHeader(): string {
    return this.loaded('leftHeader') as string;
  }
  set leftHeader(value: string) {
    this.part('leftHeader', value, (l) => (l.header.left = value));
  }
  get centerHeader(): string {
    return this.loaded('centerHeader') as string;
  }
  set centerHeader(value: string) {
    this.part('centerHeader', value, (l) => (l.header.center = value));
  }
  get rightHeader(): string {
    return this.loaded('rightHeader') as string;
  }
  set rightHeader(value: string) {
    this.part('rightHeader', value, (l) => (l.header.right = value));
  }
  get leftFooter(): string {
    return this.loaded('leftFooter') as string;
  }
  set leftFooter(value: string) {
    this.part('leftFooter', value, (l) => (l.footer.left = value));
  }
  get centerFooter(): string {
    return this.loaded('centerFooter') as string;
  }
  set centerFooter(value: string) {
    this.part('centerFooter', value, (l) => (l.footer.center = value));
  }
  get rightFooter(): string {
    return this.loaded('rightFooter') as string;
  }
  set rightFooter(value: string) {
    this.part('rightFooter', value, (l) => (l.footer.right = value));
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

type WriteMode = 'values' | 'formulasR1C1';

export class FakeRange extends FakeObject implements HostRange {
  private formatProxy: FakeRangeFormat | undefined;
  private cfProxy: FakeConditionalFormatCollection | undefined;
  private dvProxy: FakeDataValidation | undefined;

  constructor(
    ctx: FakeRequestContext,
    readonly target: () => RangeTarget,
  ) {
    super(ctx, 'Range');
  }

  get address(): string {
    return this.loaded('address') as string;
  }

  get rowCount(): number {
    return this.loaded('rowCount') as number;
  }

  get values(): HostGrid | HostScalar {
    return this.loaded('values') as HostGrid;
  }

  set values(input: HostGrid | HostScalar) {
    this.writeCells('values', input);
  }

  get formulasR1C1(): HostGrid {
    return this.loaded('formulasR1C1') as HostGrid;
  }

  get rowHidden(): boolean {
    return this.loaded('rowHidden') as boolean;
  }

  get columnHidden(): boolean {
    return this.loaded('columnHidden') as boolean;
  }

  /**
   * `Range.columnHidden` (ExcelApi 1.2): hides or shows every column of the range ("Represents if all
   * columns in the current range are hidden"):
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden-member
   */
  set columnHidden(hidden: boolean) {
    this.ctx.enqueue(
      'Range.columnHidden',
      hidden,
      () => {
        const { sheet, rect } = this.target();
        guardWrite(sheet, 'Range.columnHidden');
        if (typeof hidden !== 'boolean')
          throw fakeError('InvalidArgument', 'Range.columnHidden', String(hidden));
        for (let c = rect.left; c <= rect.right; c++) {
          if (hidden) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
      },
      '1.2',
    );
  }

  /** `Range.rowHidden` (ExcelApi 1.2): hides or shows every row of the range. */
  set rowHidden(hidden: boolean) {
    wholeLineOp(
      this.ctx,
      this.target,
      'Range.rowHidden',
      hidden,
      'rows',
      typeof hidden === 'boolean',
      (sheet, r) => {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      },
    );
  }

  /**
   * Only a 2D array of the range's shape is accepted. Excel also fills one value into every cell of a
   * multi-cell range, but that is not documented for `formulasR1C1` (office-js-docs-reference #578;
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulasr1c1-member),
   * so the fake refuses it: no code may rely on it.
   */
  set formulasR1C1(input: HostGrid) {
    if (!Array.isArray(input)) {
      this.ctx.enqueue('Range.formulasR1C1', input, () => {
        throw fakeError(
          'InvalidArgument',
          'Range.formulasR1C1',
          'one value for formulasR1C1 is not documented (office-js-docs-reference #578): write a 2D array',
        );
      });
      return;
    }
    this.writeCells('formulasR1C1', input);
  }

  /**
   * `Range.copyFrom(source, 'Formulas')` (ExcelApi 1.9) as documented:
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)
   * - "The destination is expanded automatically if it's smaller than the source"; "if the destination
   *   range is an exact multiple greater than the source range in either rows or columns, then the
   *   source content is replicated multiple times" (otherwise, as a paste in Excel, one copy);
   * - `Formulas` "transfers the formulas in the source cells and preserves the relative positioning of
   *   those formulas' ranges. Any non-formula entries are copied as-is"
   *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste); blank
   *   source cells are copied as blanks (`skipBlanks` defaults to false). Formats are not copied.
   */
  copyFrom(sourceRange: HostCopySource, copyType: 'Formulas' | 'Values'): void {
    this.ctx.enqueue(
      'Range.copyFrom',
      [sourceRange, copyType],
      () => {
        if (!(sourceRange instanceof FakeRange))
          throw fakeError('InvalidArgument', 'Range.copyFrom', 'the fake copies only from a Range proxy');
        if (copyType !== 'Formulas' && copyType !== 'Values')
          throw fakeError('InvalidArgument', 'Range.copyFrom', String(copyType));
        const source = sourceRange.target();
        const { sheet, rect } = this.target();
        guardWrite(sheet, 'Range.copyFrom');
        const srcRows = rectRows(source.rect);
        const srcCols = rectCols(source.rect);
        const span = (dest: number, src: number): number => (dest >= src && dest % src === 0 ? dest : src);
        const rows = span(rectRows(rect), srcRows);
        const cols = span(rectCols(rect), srcCols);
        const dest = {
          top: rect.top,
          left: rect.left,
          bottom: rect.top + rows - 1,
          right: rect.left + cols - 1,
        };
        if (dest.bottom > MAX_ROWS || dest.right > MAX_COLS)
          throw fakeError('InvalidArgument', 'Range.copyFrom', 'destination beyond the sheet');
        assertCellCount(dest, 'Range.copyFrom');
        // Read the whole source before writing: source and destination may overlap.
        const at = (
          i: number,
          j: number,
        ): { row: number; col: number; content: CellContent | { kind: 'r1c1'; r1c1: string } } => {
          const row = source.rect.top + i;
          const col = source.rect.left + j;
          const cell = source.sheet.cells.get(cellKey(row, col));
          // A formula keeps its R1C1 text: relative references land relative to each copy.
          // `Values` (RangeCopyType.values: "Copy only the values") pastes what a formula shows.
          const content: CellContent | { kind: 'r1c1'; r1c1: string } =
            cell?.formula !== undefined && copyType === 'Values'
              ? { kind: 'value', value: this.ctx.host.formulaValue(source.sheet, row, col) }
              : cell?.formula !== undefined
                ? { kind: 'r1c1', r1c1: a1ToR1C1(cell.formula, row, col) }
                : cell?.value !== undefined
                  ? { kind: 'value', value: cell.value }
                  : { kind: 'empty' };
          return { row, col, content };
        };
        const pattern = Array.from({ length: srcRows }, (_, i) =>
          Array.from({ length: srcCols }, (_, j) => at(i, j)),
        );
        for (let r = dest.top; r <= dest.bottom; r++) {
          for (let c = dest.left; c <= dest.right; c++) {
            const from = pattern[(r - dest.top) % srcRows]?.[(c - dest.left) % srcCols];
            if (!from) continue;
            const content: CellContent =
              from.content.kind === 'r1c1'
                ? { kind: 'formula', formula: r1c1ToA1(from.content.r1c1, r, c) }
                : from.content;
            writeContent(sheet, r, c, content);
          }
        }
        this.ctx.model.touch();
      },
      '1.9',
    );
  }

  get numberFormat(): HostGrid | HostScalar {
    return this.loaded('numberFormat') as HostGrid;
  }

  set numberFormat(input: HostGrid | HostScalar) {
    this.ctx.enqueue('Range.numberFormat', input, () => {
      const { sheet, rect } = this.target();
      guardWrite(sheet, 'Range.numberFormat');
      const at = inputGrid(input, rect, 'Range.numberFormat');
      styleCells(sheet, rect, 'Range.numberFormat', () => undefined);
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const format = at(r - rect.top, c - rect.left);
          if (format === null) continue;
          if (typeof format !== 'string')
            throw fakeError('InvalidArgument', 'Range.numberFormat', String(format));
          const cell = sheet.cells.get(cellKey(r, c));
          if (cell?.style) cell.style.numberFormat = format;
        }
      }
    });
  }

  private writeCells(mode: WriteMode, input: unknown): void {
    const location = `Range.${mode}`;
    this.ctx.enqueue(location, input, () => {
      const { sheet, rect } = this.target();
      guardWrite(sheet, location);
      assertCellCount(rect, location);
      const at = inputGrid(input, rect, location);
      // Interpret everything first: Excel rejects the whole write when one cell is invalid.
      const contents: [number, number, CellContent][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const content = interpretInput(
            at(r - rect.top, c - rect.left),
            mode,
            r,
            c,
            { row: rect.top, col: rect.left },
            location,
          );
          if (content) contents.push([r, c, content]);
        }
      }
      for (const [r, c, content] of contents) writeContent(sheet, r, c, content);
      this.ctx.model.touch();
    });
  }

  getEntireRow(): FakeRange {
    this.ctx.path('Range.getEntireRow');
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { top: rect.top, bottom: rect.bottom, left: 1, right: MAX_COLS } };
    });
  }

  /** `column` is 0-based within this range, as in office-js. */
  getColumn(column: number): FakeRange {
    this.ctx.path('Range.getColumn', [column]);
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.target();
      const col = rect.left + column;
      if (!Number.isInteger(column) || column < 0 || col > rect.right)
        throw fakeError('InvalidArgument', 'Range.getColumn', String(column));
      return { sheet, rect: { top: rect.top, bottom: rect.bottom, left: col, right: col } };
    });
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.ctx, this.target));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.ctx, this.target));
  }

  get dataValidation(): FakeDataValidation {
    return (this.dvProxy ??= new FakeDataValidation(this.ctx, this.target));
  }

  clear(applyTo: 'All'): void {
    this.ctx.enqueue('Range.clear', [applyTo], () => {
      const { sheet, rect } = this.target();
      guardWrite(sheet, 'Range.clear');
      if (applyTo !== 'All') throw fakeError('InvalidArgument', 'Range.clear', String(applyTo));
      clearCells(sheet, rect);
      this.ctx.model.touch();
    });
  }

  protected override readScalar(name: string): unknown {
    const { sheet, rect } = this.target();
    if (name === 'address') return qualified(sheet, rect);
    if (name === 'rowCount') return rectRows(rect);
    if (name === 'columnCount') return rectCols(rect);
    assertCellCount(rect, `Range.${name}`);
    const grid = (read: (row: number, col: number) => unknown): unknown[][] =>
      Array.from({ length: rectRows(rect) }, (_, i) =>
        Array.from({ length: rectCols(rect) }, (_, j) => read(rect.top + i, rect.left + j)),
      );
    const cell = (r: number, c: number) => sheet.cells.get(cellKey(r, c));
    switch (name) {
      case 'values':
        return grid((r, c) => {
          const x = cell(r, c);
          return x?.formula !== undefined ? this.ctx.host.formulaValue(sheet, r, c) : (x?.value ?? '');
        });
      case 'formulas':
        return grid((r, c) => cell(r, c)?.formula ?? cell(r, c)?.value ?? '');
      case 'formulasR1C1':
        return grid((r, c) => readFormulaR1C1(cell(r, c), r, c));
      case 'numberFormat':
        return grid((r, c) => cell(r, c)?.style?.numberFormat ?? 'General');
      default:
        return super.readScalar(name);
    }
  }
}

export class FakeRangeFormat extends FakeObject implements HostRangeFormat {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;
  /** FormatProtection (ExcelApi 1.2): https://learn.microsoft.com/javascript/api/excel/excel.formatprotection */
  readonly protection: { locked: boolean };

  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx, 'RangeFormat');
    this.font = new FakeRangeFont(ctx, target);
    this.fill = new FakeRangeFill(ctx, target);
    this.borders = new FakeRangeBorderCollection(ctx, target);
    this.protection = {
      get locked(): boolean {
        throw fakeError('PropertyNotLoaded', 'FormatProtection.locked');
      },
      set locked(value: boolean) {
        styleOp(ctx, target, 'FormatProtection.locked', value, (s) => {
          if (typeof value !== 'boolean') throw fakeError('InvalidArgument', 'FormatProtection.locked');
          s.locked = value;
        });
      },
    };
  }

  get columnWidth(): number {
    return this.loaded('columnWidth') as number;
  }

  set columnWidth(points: number) {
    const valid = typeof points === 'number' && points >= 0 && points <= 1800;
    wholeLineOp(this.ctx, this.target, 'RangeFormat.columnWidth', points, 'columns', valid, (sheet, c) =>
      sheet.columnWidths.set(c, points),
    );
  }

  get rowHeight(): number {
    return this.loaded('rowHeight') as number;
  }

  set rowHeight(points: number) {
    const valid = typeof points === 'number' && points >= 0 && points <= 409;
    wholeLineOp(this.ctx, this.target, 'RangeFormat.rowHeight', points, 'rows', valid, (sheet, r) =>
      sheet.rowHeights.set(r, points),
    );
  }

  get useStandardHeight(): boolean {
    return this.loaded('useStandardHeight') as boolean;
  }

  /**
   * `RangeFormat.useStandardHeight` (ExcelApi 1.7): true gives every row of the range the sheet's
   * standard height again (the fake forgets the row's own height); "This property is only intended to
   * be set to `true`. Setting it to `false` has no effect."
   * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-usestandardheight-member
   * Whether it also shows a hidden row is not documented, so the fake leaves hidden rows hidden: only
   * `Range.rowHidden = false` shows them (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member).
   */
  set useStandardHeight(standard: boolean) {
    wholeLineOp(
      this.ctx,
      this.target,
      'RangeFormat.useStandardHeight',
      standard,
      'rows',
      typeof standard === 'boolean',
      (sheet, r) => {
        if (standard) sheet.rowHeights.delete(r);
      },
      '1.7',
    );
  }

  get wrapText(): boolean {
    return this.loaded('wrapText') as boolean;
  }

  set wrapText(value: boolean) {
    styleOp(this.ctx, this.target, 'RangeFormat.wrapText', value, (s) => {
      s.wrap = value;
    });
  }

  get horizontalAlignment(): string {
    return this.loaded('horizontalAlignment') as string;
  }

  set horizontalAlignment(value: string) {
    styleOp(this.ctx, this.target, 'RangeFormat.horizontalAlignment', value, (s) => {
      const allowed = [
        'General',
        'Left',
        'Center',
        'Right',
        'Fill',
        'Justify',
        'CenterAcrossSelection',
        'Distributed',
      ];
      if (!allowed.includes(value))
        throw fakeError('InvalidArgument', 'RangeFormat.horizontalAlignment', value);
      s.horizontalAlignment = value;
    });
  }

  get verticalAlignment(): string {
    return this.loaded('verticalAlignment') as string;
  }

  set verticalAlignment(value: string) {
    styleOp(this.ctx, this.target, 'RangeFormat.verticalAlignment', value, (s) => {
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(value))
        throw fakeError('InvalidArgument', 'RangeFormat.verticalAlignment', value);
      s.verticalAlignment = value;
    });
  }
}

/**
 * A property of whole rows or whole columns set through a range (`Range.rowHidden`,
 * `RangeFormat.rowHeight`, `RangeFormat.useStandardHeight`, `RangeFormat.columnWidth`): one queued operation that refuses a protected
 * sheet (AccessDenied) and an invalid value (InvalidArgument, checked when the batch runs, as Excel
 * does), then applies the value to every row or column the range spans.
 */
function wholeLineOp(
  ctx: FakeRequestContext,
  target: () => RangeTarget,
  location: string,
  value: unknown,
  lines: 'rows' | 'columns',
  valid: boolean,
  apply: (sheet: SheetModel, index: number) => void,
  minApi?: string,
): void {
  ctx.enqueue(
    location,
    value,
    () => {
      const { sheet, rect } = target();
      guardWrite(sheet, location);
      if (!valid) throw fakeError('InvalidArgument', location, String(value));
      const [from, to] = lines === 'rows' ? [rect.top, rect.bottom] : [rect.left, rect.right];
      for (let i = from; i <= to; i++) apply(sheet, i);
    },
    minApi,
  );
}

function styleOp(
  ctx: FakeRequestContext,
  target: () => RangeTarget,
  location: string,
  value: unknown,
  apply: (style: CellStyle) => void,
): void {
  ctx.enqueue(location, value, () => {
    const { sheet, rect } = target();
    guardWrite(sheet, location);
    styleCells(sheet, rect, location, apply);
  });
}

export class FakeRangeFont extends FakeObject implements HostRangeFont {
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx, 'RangeFont');
  }

  get bold(): boolean {
    return this.loaded('bold') as boolean;
  }

  set bold(value: boolean) {
    styleOp(this.ctx, this.target, 'RangeFont.bold', value, (s) => {
      s.bold = value;
    });
  }

  get italic(): boolean {
    return this.loaded('italic') as boolean;
  }

  set italic(value: boolean) {
    styleOp(this.ctx, this.target, 'RangeFont.italic', value, (s) => {
      s.italic = value;
    });
  }

  get size(): number {
    return this.loaded('size') as number;
  }

  set size(value: number) {
    styleOp(this.ctx, this.target, 'RangeFont.size', value, (s) => {
      if (!(value >= 1 && value <= 409)) throw fakeError('InvalidArgument', 'RangeFont.size', String(value));
      s.fontSize = value;
    });
  }

  get color(): string {
    return this.loaded('color') as string;
  }

  set color(value: string) {
    styleOp(this.ctx, this.target, 'RangeFont.color', value, (s) => {
      s.fontColor = requireColor(value, 'RangeFont.color');
    });
  }
}

export class FakeRangeFill extends FakeObject implements HostRangeFill {
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx, 'RangeFill');
  }

  get color(): string {
    return this.loaded('color') as string;
  }

  set color(value: string) {
    styleOp(this.ctx, this.target, 'RangeFill.color', value, (s) => {
      s.fill = requireColor(value, 'RangeFill.color');
    });
  }
}

export class FakeRangeBorderCollection extends FakeObject implements HostRangeBorderCollection {
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx, 'RangeBorderCollection');
  }

  getItem(index: 'EdgeTop' | 'EdgeBottom'): FakeRangeBorder {
    this.ctx.path('RangeBorderCollection.getItem', [index]);
    return new FakeRangeBorder(this.ctx, this.target, index);
  }
}

const BORDER_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];

export class FakeRangeBorder extends FakeObject implements HostRangeBorder {
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
    private readonly edge: 'EdgeTop' | 'EdgeBottom',
  ) {
    super(ctx, 'RangeBorder');
  }

  get style(): string {
    return this.loaded('style') as string;
  }

  set style(value: string) {
    const location = 'RangeBorder.style';
    this.ctx.enqueue(location, value, () => {
      const { sheet, rect } = this.target();
      guardWrite(sheet, location);
      if (!BORDER_STYLES.includes(value)) throw fakeError('InvalidArgument', location, value);
      const row = this.edge === 'EdgeTop' ? rect.top : rect.bottom;
      styleCells(sheet, { ...rect, top: row, bottom: row }, location, (s) => {
        if (this.edge === 'EdgeTop') s.borderTop = value;
        else s.borderBottom = value;
      });
    });
  }
}

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatCollection extends FakeObject implements HostConditionalFormatCollection {
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx, 'ConditionalFormatCollection');
  }

  add(type: 'Custom'): FakeConditionalFormat {
    let created: { sheet: SheetModel; id: number } | undefined;
    this.ctx.path('ConditionalFormatCollection.add', [type]);
    this.ctx.enqueue(
      'ConditionalFormatCollection.add',
      [type],
      () => {
        const { sheet, rect } = this.target();
        guardWrite(sheet, 'ConditionalFormatCollection.add');
        if (type !== 'Custom')
          throw fakeError('InvalidArgument', 'ConditionalFormatCollection.add', String(type));
        assertCellCount(rect, 'ConditionalFormatCollection.add');
        const model: ConditionalFormatModel = {
          id: this.ctx.model.newId(),
          rect,
          type,
          formula: '',
          fill: undefined,
          fontColor: undefined,
          bold: undefined,
        };
        sheet.conditionalFormats.unshift(model); // a new rule goes on top (priority 0)
        created = { sheet, id: model.id };
      },
      '1.6',
    );
    return new FakeConditionalFormat(this.ctx, () => {
      const format = created && created.sheet.conditionalFormats.find((f) => f.id === created?.id);
      if (!created || !format) throw fakeError('ItemNotFound', 'ConditionalFormat');
      return { sheet: created.sheet, format };
    });
  }

  clearAll(): void {
    this.ctx.enqueue(
      'ConditionalFormatCollection.clearAll',
      [],
      () => {
        const { sheet, rect } = this.target();
        guardWrite(sheet, 'ConditionalFormatCollection.clearAll');
        sheet.conditionalFormats = removeIntersecting(sheet.conditionalFormats, rect);
      },
      '1.6',
    );
  }
}

type CfTarget = () => { sheet: SheetModel; format: ConditionalFormatModel };

export class FakeConditionalFormat extends FakeObject implements HostConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string; bold: boolean } };
  };

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: CfTarget,
  ) {
    super(ctx, 'ConditionalFormat');
    const set = (location: string, value: unknown, apply: (f: ConditionalFormatModel) => void): void =>
      ctx.enqueue(location, value, () => apply(resolve().format), '1.6');
    const notLoaded = (name: string): never => {
      throw fakeError('PropertyNotLoaded', name);
    };
    this.custom = {
      rule: {
        get formula(): string {
          return notLoaded('ConditionalFormatRule.formula');
        },
        set formula(value: string) {
          set('ConditionalFormatRule.formula', value, (f) => {
            if (typeof value !== 'string' || !value.startsWith('=') || value.length < 2) {
              throw fakeError('InvalidArgument', 'ConditionalFormatRule.formula', String(value));
            }
            f.formula = value;
          });
        },
      },
      format: {
        fill: {
          get color(): string {
            return notLoaded('ConditionalRangeFill.color');
          },
          set color(value: string) {
            set('ConditionalRangeFill.color', value, (f) => {
              f.fill = requireColor(value, 'ConditionalRangeFill.color');
            });
          },
        },
        font: {
          get color(): string {
            return notLoaded('ConditionalRangeFont.color');
          },
          set color(value: string) {
            set('ConditionalRangeFont.color', value, (f) => {
              f.fontColor = requireColor(value, 'ConditionalRangeFont.color');
            });
          },
          get bold(): boolean {
            return notLoaded('ConditionalRangeFont.bold');
          },
          set bold(value: boolean) {
            set('ConditionalRangeFont.bold', value, (f) => {
              f.bold = value;
            });
          },
        },
      },
    };
  }

  get priority(): number {
    return this.loaded('priority') as number;
  }

  set priority(value: number) {
    this.ctx.enqueue(
      'ConditionalFormat.priority',
      value,
      () => {
        const { sheet, format } = this.resolve();
        if (!Number.isInteger(value) || value < 0)
          throw fakeError('InvalidArgument', 'ConditionalFormat.priority', String(value));
        const list = sheet.conditionalFormats.filter((f) => f !== format);
        list.splice(Math.min(value, list.length), 0, format);
        sheet.conditionalFormats = list;
      },
      '1.6',
    );
  }
}

// ---------------------------------------------------------------- data validation

const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

function validationRule(rule: HostDataValidationRule): ValidationRuleModel {
  const location = 'DataValidation.rule';
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1)
    throw fakeError('InvalidArgument', location, `exactly one rule type expected, got ${keys.join(',')}`);
  if (rule.list) {
    const source = rule.list.source;
    if (typeof source !== 'string' || source === '')
      throw fakeError('InvalidArgument', location, 'list source');
    if (source.startsWith('=') && !parseQualified(source))
      throw fakeError('InvalidArgument', location, `list source ${source}`);
    return { type: 'list', source, inCellDropDown: rule.list.inCellDropDown };
  }
  const basic = rule.wholeNumber ?? rule.decimal ?? rule.textLength;
  const type = rule.wholeNumber
    ? 'wholeNumber'
    : rule.decimal
      ? 'decimal'
      : rule.textLength
        ? 'textLength'
        : undefined;
  if (!basic || !type) throw fakeError('InvalidArgument', location, `unsupported rule ${keys.join(',')}`);
  const scalar = (v: unknown): v is number | string =>
    typeof v === 'number' || (typeof v === 'string' && v !== '');
  if (!OPERATORS.includes(basic.operator) || !scalar(basic.formula1))
    throw fakeError('InvalidArgument', location, JSON.stringify(basic));
  const needsTwo = basic.operator === 'Between' || basic.operator === 'NotBetween';
  if (needsTwo !== scalar(basic.formula2))
    throw fakeError('InvalidArgument', location, JSON.stringify(basic));
  const formula2 = scalar(basic.formula2) ? basic.formula2 : undefined;
  return formula2 === undefined
    ? { type, operator: basic.operator, formula1: basic.formula1 }
    : { type, operator: basic.operator, formula1: basic.formula1, formula2 };
}

export class FakeDataValidation extends FakeObject implements HostDataValidation {
  constructor(
    ctx: FakeRequestContext,
    private readonly target: () => RangeTarget,
  ) {
    super(ctx, 'DataValidation');
  }

  /** The validation entry for exactly this range (others that overlap it are replaced). */
  private entry(sheet: SheetModel, rect: Rect): ValidationModel {
    const same = sheet.validations.find(
      (v) =>
        v.rect.top === rect.top &&
        v.rect.left === rect.left &&
        v.rect.bottom === rect.bottom &&
        v.rect.right === rect.right,
    );
    if (same) return same;
    const created: ValidationModel = { rect, rule: undefined, prompt: undefined, errorAlert: undefined };
    sheet.validations = [...removeIntersecting(sheet.validations, rect), created];
    return created;
  }

  private write(name: string, value: unknown, apply: (v: ValidationModel) => void): void {
    this.ctx.enqueue(
      `DataValidation.${name}`,
      value,
      () => {
        const { sheet, rect } = this.target();
        guardWrite(sheet, `DataValidation.${name}`);
        assertCellCount(rect, `DataValidation.${name}`);
        apply(this.entry(sheet, rect));
      },
      '1.8',
    );
  }

  get rule(): HostDataValidationRule {
    return this.loaded('rule') as HostDataValidationRule;
  }

  set rule(value: HostDataValidationRule) {
    this.write('rule', value, (v) => {
      v.rule = validationRule(value);
    });
  }

  get prompt(): { message: string; showPrompt: boolean; title: string } {
    return this.loaded('prompt') as { message: string; showPrompt: boolean; title: string };
  }

  set prompt(value: { message: string; showPrompt: boolean; title: string }) {
    this.write('prompt', value, (v) => {
      if (value.message.length > 255 || value.title.length > 32)
        throw fakeError('InvalidArgument', 'DataValidation.prompt', 'too long');
      v.prompt = { ...value };
    });
  }

  get errorAlert(): { message: string; showAlert: boolean; style: string; title: string } {
    return this.loaded('errorAlert') as { message: string; showAlert: boolean; style: string; title: string };
  }

  set errorAlert(value: { message: string; showAlert: boolean; style: string; title: string }) {
    this.write('errorAlert', value, (v) => {
      const ok = ['Stop', 'Warning', 'Information'].includes(value.style);
      if (!ok || value.message.length > 255 || value.title.length > 32) {
        throw fakeError('InvalidArgument', 'DataValidation.errorAlert', JSON.stringify(value));
      }
      v.errorAlert = { ...value };
    });
  }

  clear(): void {
    this.ctx.enqueue(
      'DataValidation.clear',
      [],
      () => {
        const { sheet, rect } = this.target();
        guardWrite(sheet, 'DataValidation.clear');
        sheet.validations = removeIntersecting(sheet.validations, rect);
      },
      '1.8',
    );
  }
}

// ---------------------------------------------------------------- tables

export class FakeTableCollection extends FakeCollection<FakeTable> implements HostTableCollection {
  constructor(
    ctx: FakeRequestContext,
    /** Undefined: the workbook's collection. */
    private readonly sheet: (() => SheetModel) | undefined,
  ) {
    super(ctx, 'TableCollection');
  }

  protected materialize(): FakeTable[] {
    const sheetId = this.sheet?.().id;
    return this.ctx.model.tables
      .filter((t) => sheetId === undefined || t.sheetId === sheetId)
      .map((t) => FakeTable.byId(this.ctx, t.id));
  }

  /**
   * ExcelApi 1.1: "Gets a table by name or ID"; a missing one fails the batch (ItemNotFound):
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-getitem-member(1)
   * The table is found when the batch runs (by name, then followed by id).
   */
  getItem(key: string): FakeTable {
    this.ctx.path('TableCollection.getItem', [key]);
    let id: number | undefined;
    return new FakeTable(this.ctx, () => {
      const model = this.ctx.model;
      const found = id !== undefined ? model.tables.find((t) => t.id === id) : model.findTable(key);
      const sheetId = this.sheet?.().id;
      if (!found || (sheetId !== undefined && found.sheetId !== sheetId))
        throw fakeError('ItemNotFound', 'TableCollection.getItem', key);
      id = found.id;
      return found;
    });
  }

  add(address: string, hasHeaders: boolean): FakeTable {
    let created: number | undefined;
    this.ctx.path('TableCollection.add', [address, hasHeaders]);
    this.ctx.enqueue('TableCollection.add', [address, hasHeaders], () => {
      const model = this.ctx.model;
      const ref = parseQualified(address);
      const sheet = this.sheet
        ? this.sheet()
        : ref?.sheet !== undefined
          ? model.requireSheet(ref.sheet, 'TableCollection.add')
          : undefined;
      if (
        !ref ||
        !sheet ||
        (ref.sheet !== undefined && ref.sheet.toUpperCase() !== sheet.name.toUpperCase())
      ) {
        throw fakeError('InvalidArgument', 'TableCollection.add', address);
      }
      guardWrite(sheet, 'TableCollection.add');
      if (model.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, ref.rect))) {
        throw fakeError('InvalidArgument', 'TableCollection.add', 'overlaps another table');
      }
      if (hasHeaders) {
        for (let c = ref.rect.left; c <= ref.rect.right; c++) {
          const cell = sheet.cells.get(cellKey(ref.rect.top, c));
          const text =
            cell?.value === undefined || cell.value === ''
              ? `Column${c - ref.rect.left + 1}`
              : String(cell.value);
          writeContent(sheet, ref.rect.top, c, { kind: 'value', value: text });
        }
      }
      let n = model.tables.length + 1;
      while (model.findTable(`Table${n}`) || model.findName(`Table${n}`)) n++;
      const table: TableModel = {
        id: model.newId(),
        name: `Table${n}`,
        sheetId: sheet.id,
        rect: ref.rect,
        style: 'TableStyleMedium2',
      };
      model.tables.push(table);
      model.touch();
      created = table.id;
    });
    return new FakeTable(this.ctx, () => {
      const table = created === undefined ? undefined : this.ctx.model.tables.find((t) => t.id === created);
      if (!table) throw fakeError('ItemNotFound', 'Table');
      return table;
    });
  }
}

export class FakeTable extends FakeObject implements HostTable {
  private worksheetProxy: FakeWorksheet | undefined;
  private columnsProxy: FakeTableColumnCollection | undefined;
  private rowsProxy: FakeTableRowCollection | undefined;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => TableModel,
  ) {
    super(ctx, 'Table');
  }

  static byId(ctx: FakeRequestContext, id: number): FakeTable {
    return new FakeTable(ctx, () => {
      const table = ctx.model.tables.find((t) => t.id === id);
      if (!table) throw fakeError('ItemNotFound', 'Table', 'deleted');
      return table;
    });
  }

  get name(): string {
    return this.loaded('name') as string;
  }

  set name(value: string) {
    this.ctx.enqueue('Table.name', value, () => {
      const table = this.resolve();
      const model = this.ctx.model;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value)) throw fakeError('InvalidArgument', 'Table.name', value);
      const other = model.findTable(value);
      if ((other && other !== table) || model.findName(value))
        throw fakeError('ItemAlreadyExists', 'Table.name', value);
      table.name = value;
    });
  }

  get style(): string {
    return this.loaded('style') as string;
  }

  set style(value: string) {
    this.ctx.enqueue('Table.style', value, () => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(value))
        throw fakeError('InvalidArgument', 'Table.style', value);
      this.resolve().style = value;
    });
  }

  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= FakeWorksheet.byIdLazy(this.ctx, () => this.resolve().sheetId));
  }

  get columns(): FakeTableColumnCollection {
    return (this.columnsProxy ??= new FakeTableColumnCollection(this.ctx, this.resolve));
  }

  /**
   * ExcelApi 1.1: the header row, as the table is when the batch runs:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getheaderrowrange-member(1)
   */
  getHeaderRowRange(): FakeRange {
    this.ctx.path('Table.getHeaderRowRange');
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.place('Table.getHeaderRowRange');
      return { sheet, rect: { ...rect, bottom: rect.top } };
    });
  }

  /**
   * ExcelApi 1.1: the rows below the header:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getdatabodyrange-member(1)
   */
  getDataBodyRange(): FakeRange {
    this.ctx.path('Table.getDataBodyRange');
    return new FakeRange(this.ctx, () => {
      const { sheet, rect } = this.place('Table.getDataBodyRange');
      return { sheet, rect: { ...rect, top: Math.min(rect.top + 1, rect.bottom) } };
    });
  }

  /**
   * ExcelApi 1.1: the whole table:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getrange-member(1)
   */
  getRange(): FakeRange {
    this.ctx.path('Table.getRange');
    return new FakeRange(this.ctx, () => this.place('Table.getRange'));
  }

  /** ExcelApi 1.1: https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection */
  get rows(): FakeTableRowCollection {
    return (this.rowsProxy ??= new FakeTableRowCollection(this.ctx, this.resolve));
  }

  private place(location: string): { sheet: SheetModel; rect: Rect } {
    const table = this.resolve();
    const sheet = this.ctx.model.sheetById(table.sheetId);
    if (!sheet) throw fakeError('ItemNotFound', location, table.name);
    return { sheet, rect: table.rect };
  }

  delete(): void {
    this.ctx.enqueue('Table.delete', [], () => {
      const table = this.resolve();
      const sheet = this.ctx.model.sheetById(table.sheetId);
      if (sheet) {
        guardWrite(sheet, 'Table.delete');
        clearCells(sheet, table.rect);
      }
      this.ctx.model.tables.splice(this.ctx.model.tables.indexOf(table), 1);
      this.ctx.model.touch();
    });
  }

  protected override readScalar(name: string): unknown {
    const table = this.resolve();
    if (name === 'name') return table.name;
    if (name === 'style') return table.style;
    return super.readScalar(name);
  }

  protected override navigate(name: string): FakeObject {
    if (name === 'worksheet') return this.worksheet;
    return super.navigate(name);
  }
}

/**
 * `Table.columns` (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection.
 * `add` inserts a column as model.ts `insertTableColumn` describes; `getItem` finds a column by its
 * heading (ItemNotFound at sync when there is none).
 */
export class FakeTableColumnCollection extends FakeObject implements HostTableColumnCollection {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => TableModel,
  ) {
    super(ctx, 'TableColumnCollection');
  }

  add(index?: number | null, values?: HostScalar[][] | null, name?: string | null): FakeTableColumn {
    this.ctx.path('TableColumnCollection.add', [index, name]);
    let heading = typeof name === 'string' && name !== '' ? name : undefined;
    this.ctx.enqueue(
      'TableColumnCollection.add',
      [index, values, name],
      () => {
        const table = this.table();
        const sheet = this.ctx.model.sheetById(table.sheetId);
        if (sheet) guardWrite(sheet, 'TableColumnCollection.add');
        insertTableColumn(this.ctx.model, table, index, values, name);
        if (sheet && heading === undefined) {
          const grown = this.table();
          heading = tableHeadingAt(sheet, grown, index);
        }
      },
      // -1 (append) and `name` need ExcelApi 1.4.
      index === -1 || index === null || index === undefined || name !== undefined ? '1.4' : '1.1',
    );
    return new FakeTableColumn(this.ctx, this.table, () => {
      if (heading === undefined) throw fakeError('ItemNotFound', 'TableColumn', 'not added (yet)');
      return heading;
    });
  }

  getItem(key: string): FakeTableColumn {
    this.ctx.path('TableColumnCollection.getItem', [key]);
    return new FakeTableColumn(this.ctx, this.table, () => key);
  }
}

/**
 * `Table.rows` (ExcelApi 1.1): https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection.
 * `add` appends rows as model.ts `appendTableRows` describes.
 */
export class FakeTableRowCollection extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => TableModel,
  ) {
    super(ctx, 'TableRowCollection');
  }

  add(index: number | undefined, values: HostScalar[][]): void {
    this.ctx.enqueue('TableRowCollection.add', [index, values], () => {
      const table = this.table();
      const sheet = this.ctx.model.sheetById(table.sheetId);
      if (sheet) guardWrite(sheet, 'TableRowCollection.add');
      appendTableRows(this.ctx.model, table, index, values);
    });
  }
}

function tableHeadingAt(sheet: SheetModel, table: TableModel, index: number | null | undefined): string {
  const col =
    index === undefined || index === null || index === -1 ? table.rect.right : table.rect.left + index;
  const value = sheet.cells.get(cellKey(table.rect.top, col))?.value;
  return value === undefined ? '' : String(value);
}

/** `TableColumn` (https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn): its heading, by name. */
export class FakeTableColumn extends FakeObject implements HostTableColumn {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => TableModel,
    private readonly heading: () => string,
  ) {
    super(ctx, 'TableColumn');
  }

  get name(): string {
    return this.loaded('name') as string;
  }

  /** ExcelApi 1.4 (model.ts `renameTableColumn`). */
  set name(value: string) {
    this.ctx.enqueue(
      'TableColumn.name',
      value,
      () => {
        const table = this.table();
        const sheet = this.ctx.model.sheetById(table.sheetId);
        if (sheet) guardWrite(sheet, 'TableColumn.name');
        renameTableColumn(this.ctx.model, table, this.heading(), value);
      },
      '1.4',
    );
  }

  protected override readScalar(name: string): unknown {
    if (name === 'name') {
      const table = this.table();
      const sheet = this.ctx.model.sheetById(table.sheetId);
      const heading = this.heading();
      const found = sheet
        ? tableHeadings(sheet, table).find((h) => h.toUpperCase() === heading.toUpperCase())
        : undefined;
      if (found === undefined) throw fakeError('ItemNotFound', 'TableColumn', heading);
      return found;
    }
    return super.readScalar(name);
  }
}

// ---------------------------------------------------------------- charts

const CHART_TYPES = ['ColumnStacked', 'ColumnClustered', 'BarClustered', 'BarStacked', 'Line', 'Pie'];

function rangeTarget(range: unknown, location: string): RangeTarget {
  if (!(range instanceof FakeRange))
    throw fakeError('InvalidArgument', location, 'not a Range of this context');
  return range.target();
}

export class FakeChartCollection extends FakeCollection<FakeChart> implements HostChartCollection {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx, 'ChartCollection');
  }

  protected materialize(): FakeChart[] {
    const sheet = this.sheet();
    return sheet.charts.map((c) => FakeChart.byId(this.ctx, this.sheet, c.id));
  }

  add(type: HostChartType, sourceData: HostRange, seriesBy: 'Rows' | 'Columns'): FakeChart {
    let created: number | undefined;
    this.ctx.path('ChartCollection.add', [type, sourceData, seriesBy]);
    this.ctx.enqueue('ChartCollection.add', [type, sourceData, seriesBy], () => {
      const sheet = this.sheet();
      guardWrite(sheet, 'ChartCollection.add');
      if (!CHART_TYPES.includes(type)) throw fakeError('InvalidArgument', 'ChartCollection.add', type);
      const source = rangeTarget(sourceData, 'ChartCollection.add');
      const { rect } = source;
      const series =
        seriesBy === 'Rows'
          ? Array.from({ length: rectRows(rect) }, (_, i) => ({
              ...rect,
              top: rect.top + i,
              bottom: rect.top + i,
            }))
          : Array.from({ length: rectCols(rect) }, (_, j) => ({
              ...rect,
              left: rect.left + j,
              right: rect.left + j,
            }));
      const chart: ChartModel = {
        id: this.ctx.model.newId(),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: '',
        from: undefined,
        to: undefined,
        series: series.map((r, i) => ({
          name: `Series${i + 1}`,
          values: qualified(source.sheet, r),
          xValues: undefined,
          color: undefined,
        })),
      };
      sheet.charts.push(chart);
      created = chart.id;
    });
    return new FakeChart(this.ctx, () => {
      const chart = this.sheet().charts.find((c) => c.id === created);
      if (!chart) throw fakeError('ItemNotFound', 'Chart');
      return { sheet: this.sheet(), chart };
    });
  }
}

type ChartTarget = () => { sheet: SheetModel; chart: ChartModel };

export class FakeChart extends FakeObject implements HostChart {
  readonly title: { text: string };
  readonly series: FakeChartSeriesCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: ChartTarget,
  ) {
    super(ctx, 'Chart');
    this.title = {
      get text(): string {
        throw fakeError('PropertyNotLoaded', 'ChartTitle.text');
      },
      set text(value: string) {
        ctx.enqueue('ChartTitle.text', value, () => {
          resolve().chart.title = value;
        });
      },
    };
    this.series = new FakeChartSeriesCollection(ctx, resolve);
  }

  static byId(ctx: FakeRequestContext, sheet: () => SheetModel, id: number): FakeChart {
    return new FakeChart(ctx, () => {
      const s = sheet();
      const chart = s.charts.find((c) => c.id === id);
      if (!chart) throw fakeError('ItemNotFound', 'Chart', 'deleted');
      return { sheet: s, chart };
    });
  }

  get name(): string {
    return this.loaded('name') as string;
  }

  set name(value: string) {
    this.ctx.enqueue('Chart.name', value, () => {
      this.resolve().chart.name = value;
    });
  }

  setPosition(startCell: string, endCell: string): void {
    this.ctx.enqueue('Chart.setPosition', [startCell, endCell], () => {
      const { chart } = this.resolve();
      if (!parseRect(startCell) || !parseRect(endCell))
        throw fakeError('InvalidArgument', 'Chart.setPosition', `${startCell} ${endCell}`);
      chart.from = startCell;
      chart.to = endCell;
    });
  }

  delete(): void {
    this.ctx.enqueue('Chart.delete', [], () => {
      const { sheet, chart } = this.resolve();
      guardWrite(sheet, 'Chart.delete');
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }

  protected override readScalar(name: string): unknown {
    if (name === 'name') return this.resolve().chart.name;
    return super.readScalar(name);
  }
}

export class FakeChartSeriesCollection extends FakeObject implements HostChartSeriesCollection {
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: ChartTarget,
  ) {
    super(ctx, 'ChartSeriesCollection');
  }

  add(name: string): FakeChartSeries {
    let index: number | undefined;
    this.ctx.path('ChartSeriesCollection.add', [name]);
    this.ctx.enqueue(
      'ChartSeriesCollection.add',
      [name],
      () => {
        const { chart } = this.chart();
        chart.series.push({ name, values: undefined, xValues: undefined, color: undefined });
        index = chart.series.length - 1;
      },
      '1.7',
    );
    return new FakeChartSeries(this.ctx, () => {
      const series = index === undefined ? undefined : this.chart().chart.series[index];
      if (!series) throw fakeError('ItemNotFound', 'ChartSeries');
      return series;
    });
  }

  getItemAt(index: number): FakeChartSeries {
    this.ctx.path('ChartSeriesCollection.getItemAt', [index]);
    return new FakeChartSeries(this.ctx, () => {
      const series = this.chart().chart.series[index];
      if (!series) throw fakeError('ItemNotFound', 'ChartSeriesCollection.getItemAt', String(index));
      return series;
    });
  }
}

export class FakeChartSeries extends FakeObject implements HostChartSeries {
  readonly format: { readonly fill: { setSolidColor(color: string): void } };

  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => ChartSeriesModel,
  ) {
    super(ctx, 'ChartSeries');
    this.format = {
      fill: {
        setSolidColor: (color: string): void => {
          ctx.enqueue('ChartFill.setSolidColor', [color], () => {
            resolve().color = requireColor(color, 'ChartFill.setSolidColor');
          });
        },
      },
    };
  }

  get name(): string {
    return this.loaded('name') as string;
  }

  set name(value: string) {
    this.ctx.enqueue('ChartSeries.name', value, () => {
      this.resolve().name = value;
    });
  }

  setValues(sourceData: HostRange): void {
    this.ctx.enqueue(
      'ChartSeries.setValues',
      [sourceData],
      () => {
        const { sheet, rect } = rangeTarget(sourceData, 'ChartSeries.setValues');
        this.resolve().values = qualified(sheet, rect);
      },
      '1.7',
    );
  }

  setXAxisValues(sourceData: HostRange): void {
    this.ctx.enqueue(
      'ChartSeries.setXAxisValues',
      [sourceData],
      () => {
        const { sheet, rect } = rangeTarget(sourceData, 'ChartSeries.setXAxisValues');
        this.resolve().xValues = qualified(sheet, rect);
      },
      '1.7',
    );
  }
}

// ---------------------------------------------------------------- names

/**
 * `NamedItem.type` (https://learn.microsoft.com/javascript/api/excel/excel.nameditemtype): "Range" for
 * a reference, "Error" for a lost one (`#REF!`, e.g. its sheet was deleted). Language-independent.
 */
function nameType(formula: string): string {
  if (formula.toUpperCase().includes('#REF!')) return 'Error';
  if (parseQualified(formula)) return 'Range';
  return 'String';
}

const R1C1_COLUMN_LETTER: Readonly<Record<NameDisplay['locale'], string>> = { 'en-US': 'C', 'nl-NL': 'K' };

/**
 * `NamedItem.formula` as Excel desktop returns it: in the user's language and reference style
 * (office-js #2834). The model keeps the English A1 text.
 */
export function displayNameFormula(formula: string, display: NameDisplay): string {
  let text = formula;
  if (display.referenceStyle === 'R1C1') {
    const col = R1C1_COLUMN_LETTER[display.locale];
    text = text.replace(/\$?([A-Z]{1,3})\$?(\d+)(?![A-Za-z0-9_(])/g, (_, letters: string, row: string) => {
      let n = 0;
      for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
      return `R${row}${col}${n}`;
    });
  }
  if (display.locale === 'nl-NL') text = text.replace(/#REF!/gi, '#VERW!');
  return text;
}

export class FakeNamedItemCollection
  extends FakeCollection<FakeNamedItem>
  implements HostNamedItemCollection
{
  constructor(ctx: FakeRequestContext) {
    super(ctx, 'NamedItemCollection');
  }

  protected materialize(): FakeNamedItem[] {
    return this.ctx.model.names.map((n) => FakeNamedItem.of(this.ctx, n));
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.ctx.path('NamedItemCollection.add', [name, reference, comment]);
    this.ctx.enqueue(
      'NamedItemCollection.add',
      [name, reference, comment],
      () => {
        this.ctx.model.addName(name, reference, comment ?? '');
      },
      '1.4',
    );
    return this.getItemQuiet(name);
  }

  getItem(name: string): FakeNamedItem {
    this.ctx.path('NamedItemCollection.getItem', [name]);
    return this.getItemQuiet(name);
  }

  /**
   * Like office-js: never fails. A load of the returned item (any property, or `isNullObject`) tells
   * after the sync whether the name exists; a missing one loads every property as null. Anything
   * chained off a null object (e.g. `getRange()`) fails the batch with `InvalidObjectPath`.
   */
  getItemOrNullObject(name: string): FakeNamedItem {
    this.ctx.path('NamedItemCollection.getItemOrNullObject', [name]);
    return FakeNamedItem.orNull(this.ctx, () => this.ctx.model.findName(name));
  }

  private getItemQuiet(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => {
      const item = this.ctx.model.findName(name);
      if (!item) throw fakeError('ItemNotFound', 'NamedItemCollection.getItem', name);
      return item;
    });
  }
}

export class FakeNamedItem extends FakeObject implements HostNamedItem {
  private readonly resolve: () => NameModel;

  /** `find`: set for an item of `getItemOrNullObject` (undefined when the name does not exist). */
  constructor(
    ctx: FakeRequestContext,
    resolve: () => NameModel,
    private readonly find?: () => NameModel | undefined,
  ) {
    super(ctx, 'NamedItem');
    this.resolve = resolve;
  }

  static of(ctx: FakeRequestContext, model: NameModel): FakeNamedItem {
    return new FakeNamedItem(ctx, () => {
      if (!ctx.model.names.includes(model)) throw fakeError('ItemNotFound', 'NamedItem', 'deleted');
      return model;
    });
  }

  static orNull(ctx: FakeRequestContext, find: () => NameModel | undefined): FakeNamedItem {
    const resolve = (): NameModel => {
      const item = find();
      if (!item) throw fakeError('InvalidObjectPath', 'NamedItem', 'used a null object');
      return item;
    };
    return new FakeNamedItem(ctx, resolve, find);
  }

  /** PropertyNotLoaded until a load of this item was synced, as in office-js. */
  get isNullObject(): boolean {
    return this.loaded('isNullObject') as boolean;
  }

  protected override beginLoad(): void {
    if (this.find) this.ctx.host.requireApi('1.4', 'NamedItemCollection.getItemOrNullObject');
    const isNull = this.find !== undefined && this.find() === undefined;
    this.ctx.onCommit(() => this.loadedProps.set('isNullObject', isNull));
  }

  get name(): string {
    return this.loaded('name') as string;
  }

  get type(): string {
    return this.loaded('type') as string;
  }

  get formula(): unknown {
    return this.loaded('formula');
  }

  set formula(value: unknown) {
    this.ctx.enqueue(
      'NamedItem.formula',
      value,
      () => {
        if (typeof value !== 'string' || !value.startsWith('='))
          throw fakeError('InvalidArgument', 'NamedItem.formula', String(value));
        this.resolve().formula = value;
        this.ctx.model.touch();
      },
      '1.7',
    );
  }

  get comment(): string {
    return this.loaded('comment') as string;
  }

  /**
   * The range the name refers to now. Like Excel: a name whose reference was lost (`#REF!`, e.g. its
   * sheet was deleted) fails with `InvalidReference`; a name that is not a single range (a constant
   * or formula) with `InvalidArgument`; a deleted name with `ItemNotFound` (from the item itself).
   */
  getRange(): FakeRange {
    this.ctx.path('NamedItem.getRange');
    return new FakeRange(this.ctx, () => {
      const item = this.resolve();
      if (item.formula.toUpperCase().includes('#REF!'))
        throw fakeError('InvalidReference', 'NamedItem.getRange', item.name);
      const ref = parseQualified(item.formula);
      const sheet = ref?.sheet === undefined ? undefined : this.ctx.model.findSheet(ref.sheet);
      if (!ref || !sheet) throw fakeError('InvalidArgument', 'NamedItem.getRange', item.name);
      return { sheet, rect: ref.rect };
    });
  }

  /** ExcelApi 1.4. */
  delete(): void {
    this.ctx.enqueue(
      'NamedItem.delete',
      [],
      () => {
        const item = this.resolve();
        this.ctx.model.names.splice(this.ctx.model.names.indexOf(item), 1);
        this.ctx.model.touch();
      },
      '1.4',
    );
  }

  set comment(value: string) {
    this.ctx.enqueue(
      'NamedItem.comment',
      value,
      () => {
        this.resolve().comment = value;
      },
      '1.4',
    );
  }

  protected override readScalar(name: string): unknown {
    if (name === 'isNullObject') return this.find !== undefined && this.find() === undefined;
    if (this.find !== undefined && this.find() === undefined) return null;
    const item = this.resolve();
    switch (name) {
      case 'name':
        return item.name;
      case 'formula':
        return displayNameFormula(item.formula, this.ctx.model.nameDisplay);
      case 'comment':
        return item.comment;
      case 'type':
        return nameType(item.formula);
      case 'visible':
        return true;
      default:
        return super.readScalar(name);
    }
  }
}

/** Existing cells in the whole sheet (used by tests through the host, not by the renderer). */
export function sheetCells(sheet: SheetModel): ReturnType<typeof existingCells> {
  return existingCells(sheet, { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS });
}
