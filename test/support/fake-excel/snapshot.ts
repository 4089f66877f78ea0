/** Plain, comparable read-back of the fake workbook (for assertions and idempotence checks). */
import { MAX_COLS, MAX_ROWS, a1, colToLetters, rectToA1 } from './address';
import type { CellStyle, PageLayoutModel, ValidationRuleModel, WorkbookModel } from './model';
import { existingCells, keyCol, keyRow } from './model';

export interface CellSnapshot {
  readonly value?: string | number | boolean;
  /** A1 formula with "=". */
  readonly formula?: string;
  readonly style?: CellStyle;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly tabColor: string;
  /** Non-empty cells (content or format), keyed by A1 address, row-major. */
  readonly cells: Readonly<Record<string, CellSnapshot>>;
  /** Points, keyed by column letter. */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Row (1-based) → height in points, for the rows given one. */
  readonly rowHeights: Readonly<Record<string, number>>;
  /** Rows hidden with `Range.rowHidden` (1-based, ascending). */
  readonly hiddenRows: readonly number[];
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly conditionalFormats: readonly {
    readonly range: string;
    readonly formula: string;
    readonly fill: string | undefined;
    readonly fontColor: string | undefined;
    readonly bold: boolean | undefined;
  }[];
  readonly validations: readonly {
    readonly range: string;
    readonly rule: ValidationRuleModel | undefined;
    readonly prompt: string | undefined;
    readonly error: string | undefined;
  }[];
  readonly tables: readonly { readonly name: string; readonly range: string; readonly style: string }[];
  readonly charts: readonly {
    readonly name: string;
    readonly type: string;
    readonly title: string;
    readonly from: string | undefined;
    readonly to: string | undefined;
    readonly series: readonly {
      name: string;
      values: string | undefined;
      xValues: string | undefined;
      color: string | undefined;
    }[];
  }[];
  readonly protected: boolean;
  readonly pageLayout: Readonly<PageLayoutModel>;
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly { readonly name: string; readonly formula: string; readonly comment: string }[];
  readonly activeSheet: string | undefined;
}

const WHOLE = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };

export function snapshotWorkbook(model: WorkbookModel): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((sheet) => {
      const cells: Record<string, CellSnapshot> = {};
      const sorted = existingCells(sheet, WHOLE).sort((x, y) => x[0] - y[0]);
      for (const [key, cell] of sorted) {
        const style = cell.style && Object.keys(cell.style).length > 0 ? { ...cell.style } : undefined;
        if (cell.value === undefined && cell.formula === undefined && style === undefined) continue;
        cells[a1(keyRow(key), keyCol(key))] = {
          ...(cell.value !== undefined ? { value: cell.value } : {}),
          ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
          ...(style ? { style } : {}),
        };
      }
      const columnWidths: Record<string, number> = {};
      for (const [col, width] of [...sheet.columnWidths].sort((x, y) => x[0] - y[0]))
        columnWidths[colToLetters(col)] = width;
      return {
        name: sheet.name,
        tabColor: sheet.tabColor,
        cells,
        columnWidths,
        rowHeights: Object.fromEntries([...sheet.rowHeights].sort((x, y) => x[0] - y[0])),
        hiddenRows: [...sheet.hiddenRows].sort((x, y) => x - y),
        freeze: { ...sheet.freeze },
        conditionalFormats: sheet.conditionalFormats.map((f) => ({
          range: rectToA1(f.rect),
          formula: f.formula,
          fill: f.fill,
          fontColor: f.fontColor,
          bold: f.bold,
        })),
        validations: sheet.validations.map((v) => ({
          range: rectToA1(v.rect),
          rule: v.rule,
          prompt: v.prompt?.message,
          error: v.errorAlert?.message,
        })),
        tables: model.tables
          .filter((t) => t.sheetId === sheet.id)
          .map((t) => ({ name: t.name, range: rectToA1(t.rect), style: t.style })),
        charts: sheet.charts.map((c) => ({
          name: c.name,
          type: c.type,
          title: c.title,
          from: c.from,
          to: c.to,
          series: c.series.map((s) => ({ ...s })),
        })),
        protected: sheet.protected,
        pageLayout: {
          ...sheet.pageLayout,
          zoom: { ...sheet.pageLayout.zoom },
          margins: { ...sheet.pageLayout.margins },
          header: { ...sheet.pageLayout.header },
          footer: { ...sheet.pageLayout.footer },
        },
      };
    }),
    names: model.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    activeSheet: model.sheets.find((s) => s.id === model.activeSheetId)?.name,
  };
}
