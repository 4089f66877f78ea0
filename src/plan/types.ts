/**
 * The workbook plan: plain, serialisable data that describes every sheet, cell, format, name,
 * table, conditional format, validation and chart of the workbook. No functions, no office-js
 * or ExcelJS types. Renderers (src/excel, src/xlsx) only translate it.
 *
 * Conventions:
 * - Addresses are A1 strings without sheet ("E11", "E11:CF352"); cross-sheet references live
 *   inside formulas only.
 * - Formulas are English, with "," separators and WITHOUT the leading "=". A formula block holds
 *   the formula of its top-left cell; the other cells are that formula shifted (relative
 *   references move, absolute ones stay), so every block is R1C1-identical by construction.
 *   Use `expandFormula` / `toR1C1` from this layer to expand.
 * - Money cell values are whole euros (numbers) produced by one module (cells.ts).
 */

export type CellValue = string | number | boolean | null;

/** A rectangle of constant values, row-major. */
export interface ValueBlock {
  readonly kind: 'values';
  /** Top-left cell of the block. */
  readonly at: string;
  readonly values: readonly (readonly CellValue[])[];
}

/** A rectangle filled with one relative formula (given for its top-left cell). */
export interface FormulaBlock {
  readonly kind: 'formula';
  /** The whole rectangle, e.g. "E11:CF352". */
  readonly range: string;
  /** English formula of the top-left cell without "=". */
  readonly formula: string;
  /**
   * What every cell must evaluate to (row-major, same shape as `range`), computed by the domain
   * engine. Written as cached results by the .xlsx renderer and checked by the formula-truth test.
   */
  readonly expected: readonly (readonly CellValue[])[];
}

export type Block = ValueBlock | FormulaBlock;

/** Semantic styles; their concrete look is in `WorkbookPlan.styles`. */
export type StyleName =
  | 'title'
  | 'subtitle'
  | 'note'
  | 'header'
  | 'rowHeader'
  | 'input'
  | 'inputEuro'
  | 'inputMln'
  | 'inputText'
  | 'inputDate'
  | 'euro'
  | 'euroTotal'
  | 'mln'
  | 'mlnTotal'
  | 'share'
  | 'percent'
  | 'integer'
  | 'year'
  | 'check'
  | 'warning'
  | 'text'
  | 'wrap'
  /** Centred text next to a number column (so "€ 554.503" and "gemeente" never read as one). */
  | 'center'
  /** Right-aligned: a heading over, or a label under, a column of amounts (it lines up with them). */
  | 'right'
  /** An amount that is a warning when it is not zero (red, bold); zero in the text colour. */
  | 'warningEuro'
  /** An amount that is a warning when it is not zero; zero not shown (a notice with nothing to say). */
  | 'warningEuroBlank'
  /** A count of signals: red and bold when not zero; zero not shown. */
  | 'signalCount'
  /** A count that is a warning when not zero (red, bold); zero reads "geen" in the text colour. */
  | 'warningCount'
  /** A CBS code of four digits typed without GM (0175), held as its number: shown with its zeros. */
  | 'cbsCode'
  /**
   * A key the row's formulas compare with (the Samenvatting's taakveld code beside its label "5.1
   * Sportbeleid …"): kept in the cell, not shown, so screen and print do not repeat the label's code.
   */
  | 'lookupKey';

export interface StyleSpec {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** #RRGGBB */
  readonly fontColor?: string;
  /** #RRGGBB */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontalAlignment?: 'left' | 'center' | 'right';
  /**
   * Absent: Excel's default, bottom. Every cell of a row sits on the same line in both renderers: a
   * wrapped label ends on the line of its number and amounts (as a jaarrekening sets a long post).
   */
  readonly verticalAlignment?: 'top' | 'center' | 'bottom';
  readonly borderTop?: boolean;
  readonly borderBottom?: boolean;
  /** false: the cell stays editable when its sheet is protected (every input style). */
  readonly locked?: boolean;
}

export interface FormatSpec {
  readonly range: string;
  readonly style: StyleName;
}

export interface ColumnSpec {
  /** Column letter, e.g. "A". */
  readonly column: string;
  /** Width in Excel character units. */
  readonly width: number;
  /** A technical column the user does not read (helper cells): hidden. */
  readonly hidden?: boolean;
}

/** A conditional format with a formula written for the top-left cell of `range`. */
export interface ConditionalFormatSpec {
  readonly range: string;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
  readonly bold?: boolean;
  /** Lower wins, as in Excel. */
  readonly priority: number;
}

export type ValidationSpec =
  | {
      readonly range: string;
      readonly type: 'list';
      /** Absolute range (may be on another sheet) holding the allowed values, e.g. "IZA!$A$11:$A$52". */
      readonly source: string;
      readonly prompt: string;
      readonly error: string;
    }
  | {
      readonly range: string;
      /** `textLength`: the number of characters (min..max) of a text input. */
      readonly type: 'whole' | 'decimal' | 'textLength';
      readonly min: number;
      readonly max?: number;
      readonly prompt: string;
      readonly error: string;
    };

/** An Excel table over values only (per-row formulas stay in plain ranges). */
export interface TableSpec {
  readonly name: string;
  /** Including the header row. */
  readonly range: string;
  readonly style: string;
}

export interface ChartSeriesSpec {
  readonly name: string;
  /** Absolute reference to the values, e.g. "Overzicht!$E$40:$I$40". */
  readonly values: string;
  readonly color: string;
}

export interface ChartSpec {
  readonly name: string;
  readonly type: 'columnStacked' | 'columnClustered';
  readonly title: string;
  /** Absolute reference to the category labels. */
  readonly categories: string;
  readonly series: readonly ChartSeriesSpec[];
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly from: string;
  readonly to: string;
}

/** Header or footer: left, centre and right part, with Excel's codes (&P page, &N pages, &D date, &A sheet). */
export interface HeaderFooterSpec {
  readonly left: string;
  readonly center: string;
  readonly right: string;
}

/**
 * One row's height in points (Excel's default row is 15 pt; two lines of 11 pt text need 30 pt).
 * Height 0: the row is hidden (a technical step the reader does not need on screen or paper, e.g.
 * the largest-remainder steps of a split; the row is still there and can be shown again).
 */
export interface RowHeightSpec {
  readonly row: number;
  readonly height: number;
}

/**
 * Page margins of every printed sheet, in inches (Excel's unit in the file; the add-in converts to
 * points). Narrow left and right (0,3"), so a wide sheet on the page width prints larger (#18).
 */
export const PRINT_MARGINS = {
  left: 0.3,
  right: 0.3,
  top: 0.6,
  bottom: 0.6,
  header: 0.25,
  footer: 0.25,
} as const;

/** How a sheet prints on A4. */
export interface PrintSpec {
  readonly orientation: 'landscape' | 'portrait';
  /** Fit all columns of the print area on one page width. */
  readonly fitToWidth: boolean;
  /** With `fitToWidth`: at most this many pages tall (0 = as many as needed). */
  readonly fitToHeight: number;
  /** What prints (address on the sheet); absent: everything used. */
  readonly area?: string;
  /** Rows repeated at the top of every page ("8:8"). */
  readonly titleRows?: string;
  /** Columns repeated at the left of every page ("A:B"). */
  readonly titleColumns?: string;
  readonly header: HeaderFooterSpec;
  readonly footer: HeaderFooterSpec;
}

export type SheetRole = 'invoer' | 'berekening' | 'presentatie' | 'controle' | 'bronnen';

export interface SheetPlan {
  readonly name: string;
  readonly role: SheetRole;
  readonly tabColor: string;
  readonly columns: readonly ColumnSpec[];
  readonly blocks: readonly Block[];
  readonly formats: readonly FormatSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly validations: readonly ValidationSpec[];
  readonly tables: readonly TableSpec[];
  readonly charts: readonly ChartSpec[];
  /**
   * Row heights in points (1-based rows), for rows whose wrapped text needs more than one line
   * (Excel does not fit a row to its wrapped text on open). Absent rows keep the default height.
   */
  readonly rowHeights?: readonly RowHeightSpec[];
  /**
   * Manual page breaks: the rows (1-based, ascending) before which a printed page starts, so a block
   * that must be read whole (the Overzicht's chart) never falls over two pages. Absent: the printer
   * breaks where a page is full. The .xlsx renderer writes them as `rowBreaks`, the add-in with
   * `Worksheet.horizontalPageBreaks` (ExcelApi 1.9).
   */
  readonly pageBreaks?: readonly number[];
  /** Rows and columns frozen at the top-left. */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  /** Printing (for the raad and the accountant) on A4. */
  readonly print: PrintSpec;
  /**
   * Protected without a password (the user can lift it: Controleren > Beveiliging blad opheffen):
   * formulas cannot be overwritten by accident; cells with an unlocked style (inputs) stay editable.
   */
  readonly protect: boolean;
  /** The used range the add-in owns on this sheet (everything it writes lies inside). */
  readonly usedRange: string;
  /**
   * A sheet the user fills (the Begroting): written whole only when it is created. Once it exists,
   * a refresh clears and rewrites only `addinRanges` (with the blocks, formats, conditional formats
   * and validations that lie inside them); everything else on the sheet (its table and the rows the
   * user added, deleted or sorted, formats, column widths) is never touched again. Absent: the
   * add-in owns the whole sheet and rewrites it on every refresh.
   */
  readonly userOwned?: {
    readonly addinRanges: readonly string[];
    /** The schema of the sheet's table (its columns per version), so a later release can migrate it. */
    readonly table?: TableSchema;
  };
}

/**
 * One change from a version of a user-owned table to the next. Changes are applied in order:
 * - `add`: a column `name` at 0-based `index` (in the columns as they are after the changes before it;
 *   `index` = the number of columns appends it); the user's existing rows get `default` (null: empty).
 * - `rename`: the column headed `from` is headed `to` from now on (its cells stay as they are).
 */
export type TableColumnChange =
  | {
      readonly kind: 'add';
      readonly name: string;
      readonly index: number;
      readonly default: CellValue;
    }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

/** From version `from` to version `from + 1` of a user-owned table. */
export interface TableMigration {
  readonly from: number;
  readonly changes: readonly TableColumnChange[];
}

/**
 * The schema of a user-owned table (e.g. the Begroting): created once, then the user's. A refresh reads
 * the table's header row and migrates an earlier version's table to this one (keeping every row), or
 * refuses a shape it does not know. Shape: `{ name: 'Begroting', version: 1, columns: ['Regeling', …],
 * migrations: [], versionCell: 'B4' }`; a version 2 adds `{ from: 1, changes: [{ kind: 'add', … }] }`.
 * The columns of version k are those of version k + 1 with migration k undone, so every version's
 * headings are known; every version must differ from every other in its headings.
 */
export interface TableSchema {
  /** The Excel table's name (one of the sheet's `tables`). */
  readonly name: string;
  /** This plan's version (1, 2, …). */
  readonly version: number;
  /** The headings of this version, left to right. */
  readonly columns: readonly string[];
  /** One per earlier version: `from` 1 … version − 1. */
  readonly migrations: readonly TableMigration[];
  /**
   * The cell (inside an add-in range, so rewritten on every refresh) that shows `version`; the workbook
   * name `tableVersionName(name)` refers to it.
   */
  readonly versionCell: string;
}

/** The workbook name over a user-owned table's version cell: `SPUK_Begroting_Versie`. */
export function tableVersionName(table: string): string {
  return `SPUK_${table}_Versie`;
}

/**
 * A workbook-level name. `input: true` marks a range the user owns: the add-in reads it back
 * before a refresh and writes the user's values again instead of the defaults.
 */
export interface DefinedNameSpec {
  readonly name: string;
  /** Absolute reference with sheet, e.g. "Verdeelsleutel!$H$11:$H$352". */
  readonly ref: string;
  readonly comment: string;
  readonly input: boolean;
  /**
   * For input ranges: a parallel single-column range holding each row's key (e.g. the CBS codes in
   * column A). A refresh maps the user's values by key, so a changed row order never misplaces them.
   */
  readonly keyRef?: string;
  /**
   * With `keyRef`: keys an earlier version of the plan wrote for a row, each mapped to that row's key
   * now (e.g. `BS15` → `BS` on the Beschikking's nummer and datum): a refresh reads an old row under its
   * new key, so nothing typed there is lost. Compared as keys are (trimmed, upper case).
   */
  readonly keyAliases?: Readonly<Record<string, string>>;
}

/** Every sheet the add-in writes carries a workbook name `SPUK_Blad_<sheet name>` over its used range:
 * the visible mark of ownership. A sheet with the same name but without this mark belongs to the user. */
export const OWNERSHIP_NAME_PREFIX = 'SPUK_Blad_';

export interface PlanMeta {
  readonly title: string;
  readonly editionId: string;
  readonly keyId: string;
  /** CBS code of the chosen gemeente, or undefined for the national view. */
  readonly gemeente: string | undefined;
  readonly generator: string;
}

export interface WorkbookPlan {
  readonly meta: PlanMeta;
  readonly styles: Readonly<Record<StyleName, StyleSpec>>;
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly DefinedNameSpec[];
}
