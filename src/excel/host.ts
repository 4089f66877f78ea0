/**
 * The exact subset of the office-js Excel API that the renderer uses, as structural interfaces.
 *
 * The renderer is written against these interfaces only, so that
 * - the real `Excel.RequestContext` can be passed in (checked at compile time below), and
 * - the typed fake host in test/support/fake-excel implements exactly this subset, nothing more.
 *
 * Property types are as wide as office-js declares them where it matters for assignability
 * (office-js types many of them as `any`); the renderer narrows what it reads at runtime.
 */

/** A 2D grid as office-js accepts it, or a single value that Excel applies to every cell of the range. */
export type HostGrid = readonly (readonly unknown[])[];
export type HostScalar = string | number | boolean;

export interface HostRequestContext {
  readonly workbook: HostWorkbook;
  readonly application: HostApplication;
  sync(): Promise<unknown>;
}

export interface HostApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /**
   * ExcelApi 1.11, after `load`: the separators Excel shows numbers with ("based on the local Excel
   * settings": https://learn.microsoft.com/javascript/api/excel/excel.application#excel-excel-application-decimalseparator-member).
   */
  readonly decimalSeparator: string;
  readonly thousandsSeparator: string;
  load(propertyNames: string): unknown;
}

export interface HostWorkbook {
  readonly worksheets: HostWorksheetCollection;
  readonly names: HostNamedItemCollection;
  readonly tables: HostTableCollection;
  readonly protection: HostWorkbookProtection;
}

export interface HostWorkbookProtection {
  /** ExcelApi 1.7. */
  readonly protected: boolean;
  load(propertyNames: string): unknown;
}

export interface HostWorksheetCollection {
  readonly items: readonly HostWorksheet[];
  load(propertyNames: string): unknown;
  getItem(key: string): HostWorksheet;
  add(name?: string): HostWorksheet;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions (ExcelApi 1.2). */
export interface HostProtectionOptions {
  allowAutoFilter?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowSort?: boolean;
  /** "Normal": locked and unlocked cells can be selected. */
  selectionMode?: string;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection (ExcelApi 1.2). */
export interface HostWorksheetProtection {
  readonly protected: boolean;
  /** Without a password: the user can lift it. Documented to fail when the sheet is already protected. */
  protect(options?: HostProtectionOptions): void;
  /** Without a password: fails for a sheet protected with one (the sheet stays protected). */
  unprotect(): void;
  load(propertyNames: string): unknown;
}

export interface HostWorksheet {
  readonly name: string;
  /**
   * ExcelApi 1.1: "Visible", "Hidden" or "VeryHidden" (a very hidden sheet cannot be shown from the
   * Excel UI): https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility
   */
  visibility: string;
  /** ExcelApi 1.7. */
  tabColor: string;
  readonly protection: HostWorksheetProtection;
  readonly freezePanes: HostFreezePanes;
  readonly tables: HostTableCollection;
  readonly charts: HostChartCollection;
  /** ExcelApi 1.9. */
  readonly pageLayout: HostPageLayout;
  /** Without an address: the whole sheet. */
  getRange(address?: string): HostRange;
  /**
   * ExcelApi 1.1: the smallest range holding every used cell ("A1" for an empty sheet):
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1)
   */
  getUsedRange(valuesOnly?: boolean): HostRange;
  /**
   * ExcelApi 1.1. Fails for a very hidden sheet: make it hidden first
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)).
   */
  delete(): void;
  activate(): void;
}

/** ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.pagelayout */
export interface HostPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Margins in points. */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  /** https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup */
  readonly headersFooters: HostHeaderFooterGroup;
  /** The range(s) to print, e.g. "A1:L40". */
  setPrintArea(printArea: string): void;
  /** Rows repeated at the top of every page; "must span the entire row", e.g. "8:8". */
  setPrintTitleRows(printTitleRows: string): void;
  /** Columns repeated at the left of every page; "must span the entire column", e.g. "A:B". */
  setPrintTitleColumns(printTitleColumns: string): void;
}

/** ExcelApi 1.9. `state` "Default": one header/footer (`defaultForAllPages`) on every page. */
export interface HostHeaderFooterGroup {
  state: string;
  readonly defaultForAllPages: HostHeaderFooter;
}

/**
 * ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.headerfooter. The texts take
 * Excel's header/footer codes (&P page, &N pages, &D date, &A sheet name).
 */
export interface HostHeaderFooter {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface HostFreezePanes {
  freezeAt(frozenRange: string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  unfreeze(): void;
}

/**
 * The source of `HostRange.copyFrom`: the renderer always passes a `HostRange` of the same batch. The
 * type is widened (`object | string`) only so that office-js's own parameter (`Range | RangeAreas |
 * string`) satisfies the interface; the fake host accepts nothing but its own range proxies.
 */
export type HostCopySource = HostRange | object | string;

export interface HostRange {
  readonly address: string;
  /** ExcelApi 1.1: the number of rows. */
  readonly rowCount: number;
  /** Written as a 2D array of exactly the range's shape. */
  values: HostGrid | HostScalar;
  /**
   * Written as a 2D array of exactly the range's shape (the only form documented:
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulasr1c1-member).
   */
  formulasR1C1: HostGrid;
  /** Written as one scalar (applied to every cell). */
  numberFormat: HostGrid | HostScalar;
  /**
   * ExcelApi 1.2: "Represents if all rows in the current range are hidden"; set true to hide whole rows.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member
   */
  rowHidden: boolean;
  readonly format: HostRangeFormat;
  readonly conditionalFormats: HostConditionalFormatCollection;
  readonly dataValidation: HostDataValidation;
  load(propertyNames: string): unknown;
  clear(applyTo: 'All'): void;
  /** The same rows, every column (ExcelApi 1.1). */
  getEntireRow(): HostRange;
  /** One column of this range, 0-based (ExcelApi 1.1). */
  getColumn(column: number): HostRange;
  /**
   * Copies `sourceRange` into this range (ExcelApi 1.9). Documented: "Like the copy functionality in
   * the Excel UI, if the destination range is an exact multiple greater than the source range in either
   * rows or columns, then the source content is replicated multiple times"; with `'Formulas'` formulas
   * are copied, and, as a copy in Excel does, relative references move with each copy.
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)
   * https://learn.microsoft.com/javascript/api/excel/excel.rangecopytype
   */
  copyFrom(sourceRange: HostCopySource, copyType: 'Formulas' | 'Values'): void;
}

export interface HostRangeFormat {
  /** Points. */
  columnWidth: number;
  /** Points (the rows of the range). */
  rowHeight: number;
  /**
   * ExcelApi 1.7: "Determines if the row height of the `Range` object equals the standard height of the
   * sheet. […] Note: This property is only intended to be set to `true`. Setting it to `false` has no
   * effect." Set true to give the rows of the range the sheet's standard height again:
   * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-usestandardheight-member
   */
  useStandardHeight: boolean;
  /**
   * ExcelApi 1.2: `locked` false keeps a cell editable on a protected sheet:
   * https://learn.microsoft.com/javascript/api/excel/excel.formatprotection
   */
  readonly protection: { locked: boolean };
  wrapText: boolean;
  horizontalAlignment: string;
  /** ExcelApi 1.1: "Top", "Center", "Bottom", "Justify", "Distributed". */
  verticalAlignment: string;
  readonly font: HostRangeFont;
  readonly fill: HostRangeFill;
  readonly borders: HostRangeBorderCollection;
}

export interface HostRangeFont {
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface HostRangeFill {
  color: string;
}

export interface HostRangeBorderCollection {
  getItem(index: 'EdgeTop' | 'EdgeBottom'): HostRangeBorder;
}

export interface HostRangeBorder {
  style: string;
}

export interface HostConditionalFormatCollection {
  /** ExcelApi 1.6. */
  add(type: 'Custom'): HostConditionalFormat;
  clearAll(): void;
}

export interface HostConditionalFormat {
  priority: number;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: {
      readonly fill: { color: string };
      readonly font: { color: string; bold: boolean };
    };
  };
}

export interface HostBasicValidation {
  formula1: unknown;
  formula2?: unknown;
  operator: string;
}

export interface HostDataValidationRule {
  list?: { inCellDropDown: boolean; source: unknown };
  wholeNumber?: HostBasicValidation;
  decimal?: HostBasicValidation;
  textLength?: HostBasicValidation;
}

/** ExcelApi 1.8. */
export interface HostDataValidation {
  rule: HostDataValidationRule;
  prompt: { message: string; showPrompt: boolean; title: string };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  clear(): void;
}

export interface HostTableCollection {
  readonly items: readonly HostTable[];
  load(propertyNames: string): unknown;
  add(address: string, hasHeaders: boolean): HostTable;
  /**
   * ExcelApi 1.1: a table by name or id; a missing one fails the whole batch at sync (ItemNotFound):
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-getitem-member(1)
   */
  getItem(key: string): HostTable;
}

export interface HostTable {
  name: string;
  style: string;
  readonly worksheet: { readonly name: string };
  /** ExcelApi 1.1: https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection */
  readonly columns: HostTableColumnCollection;
  /**
   * ExcelApi 1.1: the table's header row:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getheaderrowrange-member(1)
   */
  getHeaderRowRange(): HostRange;
  /**
   * ExcelApi 1.1: the table's rows without the header:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getdatabodyrange-member(1)
   */
  getDataBodyRange(): HostRange;
  /**
   * ExcelApi 1.1: the whole table (header, rows, totals):
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getrange-member(1)
   */
  getRange(): HostRange;
  /** ExcelApi 1.1: https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection */
  readonly rows: HostTableRowCollection;
  delete(): void;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection (ExcelApi 1.1). */
export interface HostTableRowCollection {
  /**
   * Adds rows (ExcelApi 1.1): "index: Specifies the relative position of the new row. If null or -1,
   * the addition happens at the end. Any rows below the inserted row are shifted downwards.
   * Zero-indexed."; `values`: "A 2D array of unformatted values of the table row."
   * https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
   */
  add(index: number | undefined, values: HostScalar[][]): unknown;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection (ExcelApi 1.1). */
export interface HostTableColumnCollection {
  /**
   * Adds a column (ExcelApi 1.1; `index` -1 = at the end and `name` since 1.4):
   * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)
   * "index: Specifies the relative position of the new column. If null or -1, the addition happens at
   * the end. Columns with a higher index will be shifted to the side. Zero-indexed." `values`: "A 2D
   * array of unformatted values of the table column", the heading first (as in
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables#add-a-column-to-a-table).
   */
  add(index: number, values: HostScalar[][] | undefined, name: string): HostTableColumn;
  /** ExcelApi 1.1: a column by name or id (ItemNotFound at sync when missing). */
  getItem(key: string): HostTableColumn;
}

/** https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn */
export interface HostTableColumn {
  /** "ExcelApi 1.1 for getting the name; 1.4 for setting it": setting it renames the heading. */
  name: string;
}

export type HostChartType = 'ColumnStacked' | 'ColumnClustered';

export interface HostChartCollection {
  readonly items: readonly HostChart[];
  load(propertyNames: string): unknown;
  add(type: HostChartType, sourceData: HostRange, seriesBy: 'Rows' | 'Columns'): HostChart;
}

export interface HostChart {
  name: string;
  readonly title: { text: string };
  readonly series: HostChartSeriesCollection;
  setPosition(startCell: string, endCell: string): void;
  delete(): void;
}

export interface HostChartSeriesCollection {
  /** ExcelApi 1.7. */
  add(name: string): HostChartSeries;
  getItemAt(index: number): HostChartSeries;
}

export interface HostChartSeries {
  name: string;
  setValues(sourceData: HostRange): void;
  setXAxisValues(sourceData: HostRange): void;
  readonly format: { readonly fill: { setSolidColor(color: string): void } };
}

export interface HostNamedItemCollection {
  readonly items: readonly HostNamedItem[];
  load(propertyNames: string): unknown;
  /** ExcelApi 1.4. `reference` is a formula such as "=Blad!$A$1:$B$2". */
  add(name: string, reference: string, comment?: string): HostNamedItem;
  getItem(name: string): HostNamedItem;
  /**
   * ExcelApi 1.4. Never fails for a missing name: after a load and a sync, `isNullObject` says whether
   * it exists. Nothing may be chained off it (e.g. `getRange()`) before that sync has shown it exists.
   */
  getItemOrNullObject(name: string): HostNamedItem;
}

export interface HostNamedItem {
  /** Known after a load and a sync: true when `getItemOrNullObject` found no such name. */
  readonly isNullObject: boolean;
  readonly name: string;
  /**
   * ExcelApi 1.1: "Range", "Error" (a lost reference), "String", … Language-independent, unlike
   * `formula`: https://learn.microsoft.com/javascript/api/excel/excel.nameditemtype
   */
  readonly type: string;
  /**
   * ExcelApi 1.7 (settable, always in English when written). Starts with "=". Read back, Excel desktop
   * gives it in the user's language and reference style (`=#VERW!$B$12` in Dutch, `R12C2` in R1C1
   * style: office-js #2834), so the renderer never takes a reference from it: it uses `type` and
   * `getRange().address`. Only its sheet part (the sheet's own name, the same in every language and
   * style) is read, to recognise left-over add-in sheets (ownership.ts `removableSheets`).
   */
  formula: unknown;
  comment: string;
  load(propertyNames: string): unknown;
  /**
   * ExcelApi 1.1: the range the name refers to now. Fails the whole batch at sync when the name's
   * reference is lost (`#REF!`) or is not a range.
   */
  getRange(): HostRange;
  /** ExcelApi 1.4. */
  delete(): void;
}

/** Runs a batch function against a request context, like `Excel.run`. */
export type ExcelRunner = <T>(batch: (context: HostRequestContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements`, or the fake host's equivalent. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

// Compile-time proof that the real office-js objects provide this subset (no runtime code).
type Assignable<T extends U, U> = T;
export type RealContextIsHost = Assignable<Excel.RequestContext, HostRequestContext>;
export type RealRangeIsHost = Assignable<Excel.Range, HostRange>;
export type RealTableIsHost = Assignable<Excel.Table, HostTable>;
