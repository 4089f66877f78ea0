import ExcelJS from 'exceljs';
import type {
  CellValue,
  HeaderFooterSpec,
  SheetPlan,
  StyleSpec,
  WorkbookPlan,
  ValidationSpec,
} from '../plan';
import { columnLetter, expandFormula, parseCell, parseRange, PRINT_MARGINS, tableVersionName } from '../plan';
import { addCharts } from './charts';

/**
 * The Node renderer: writes a WorkbookPlan to an .xlsx package with ExcelJS. It only translates the
 * plan: formulas get the engine's value as cached result (ExcelJS never computes), and Excel is
 * told to recalculate on open. Charts are added afterwards by ./charts (ExcelJS cannot write them).
 */

type Argb = { argb: string };

/**
 * Every font in the package names its face and size. Excel's default body font for a new workbook is
 * Calibri 11 (ExcelJS writes the same as its font 0); a font without a name makes LibreOffice fall back
 * to its own default, a serif face.
 */
export const FONT_NAME = 'Calibri';
export const FONT_SIZE = 11;
/** OOXML font family 2: Swiss (sans serif), as Excel writes it for Calibri. */
const FONT_FAMILY = 2;
const argb = (hex: string): Argb => ({ argb: `FF${hex.replace('#', '').toUpperCase()}` });

function cellStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (spec.numberFormat) style.numFmt = spec.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (spec.bold) font.bold = true;
  if (spec.italic) font.italic = true;
  if (spec.fontSize) font.size = spec.fontSize;
  if (spec.fontColor) font.color = argb(spec.fontColor);
  if (Object.keys(font).length > 0) style.font = font;
  if (spec.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(spec.fill) };
  if (spec.wrap || spec.horizontalAlignment || spec.verticalAlignment) {
    // ExcelJS names centre "middle"; absent, the cell keeps Excel's default (bottom), as in office-js.
    const vertical = spec.verticalAlignment === 'center' ? 'middle' : spec.verticalAlignment;
    style.alignment = {
      ...(spec.wrap ? { wrapText: true } : {}),
      ...(spec.horizontalAlignment ? { horizontal: spec.horizontalAlignment } : {}),
      ...(vertical ? { vertical } : {}),
    };
  }
  if (spec.locked === false) style.protection = { locked: false };
  if (spec.borderTop || spec.borderBottom) {
    style.border = {
      ...(spec.borderTop ? { top: { style: 'thin' as const } } : {}),
      ...(spec.borderBottom ? { bottom: { style: 'thin' as const } } : {}),
    };
  }
  return style;
}

function merge(a: Partial<ExcelJS.Style> | undefined, b: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  if (!a) return b;
  return {
    ...a,
    ...b,
    ...(a.font || b.font ? { font: { ...a.font, ...b.font } } : {}),
    ...(a.alignment || b.alignment ? { alignment: { ...a.alignment, ...b.alignment } } : {}),
    ...(a.border || b.border ? { border: { ...a.border, ...b.border } } : {}),
    ...(a.protection || b.protection ? { protection: { ...a.protection, ...b.protection } } : {}),
  };
}

/** The style with a font that names its face, size and family (the plan's size wins over the default). */
function withFullFont(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return {
    ...style,
    font: { name: FONT_NAME, family: FONT_FAMILY, size: FONT_SIZE, ...style.font },
  };
}

/**
 * Conditional-format priorities are unique per sheet in a file Excel writes (lower wins). The plan
 * numbers them per block (several blocks of one sheet start at 1), so they are renumbered 1, 2, 3, …
 * per sheet: by the plan's priority, ties in the order of the sheet's list. Within one block the order
 * is kept; the office-js renderer ranks them the same way (src/excel/write.ts).
 */
export function sheetPriorities(priorities: readonly number[]): number[] {
  const order = priorities.map((priority, index) => ({ priority, index }));
  order.sort((a, b) => a.priority - b.priority || a.index - b.index);
  const out = Array<number>(priorities.length).fill(0);
  order.forEach(({ index }, rank) => {
    out[index] = rank + 1;
  });
  return out;
}

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  return v;
}

function validation(spec: ValidationSpec): ExcelJS.DataValidation {
  const messages = {
    showInputMessage: true,
    prompt: spec.prompt,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    errorTitle: 'Ongeldige invoer',
    error: spec.error,
  };
  if (spec.type === 'list') return { type: 'list', allowBlank: false, formulae: [spec.source], ...messages };
  return spec.max === undefined
    ? {
        type: spec.type,
        operator: 'greaterThanOrEqual',
        allowBlank: false,
        formulae: [spec.min],
        ...messages,
      }
    : {
        type: spec.type,
        operator: 'between',
        allowBlank: false,
        formulae: [spec.min, spec.max],
        ...messages,
      };
}

interface DataValidationsLike {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

/**
 * What the user may still do on a protected sheet: select every cell, change column widths and row
 * heights and filter (ExcelJS: true = allowed). Not sort: a sort of the unlocked weights alone would
 * move them between gemeenten (issue #17 item 4). The same as the office-js renderer's options.
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  autoFilter: true,
  sort: false,
};

/** A header or footer in Excel's notation: "&L…&C…&R…". */
export function headerFooter(spec: HeaderFooterSpec): string {
  return `&L${spec.left}&C${spec.center}&R${spec.right}`;
}

/** Writes the plan to an .xlsx package in memory. */
export async function renderXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const buffer = await writePackage(plan, plan.sheets, true);
  return addCharts(buffer, plan);
}

/**
 * The package without charts: the given sheets of the plan (all of them, or a subset that the batch
 * renderer transplants into a shared package) and, when asked, the plan's defined names. `stored`
 * skips compression, for a package that is only read back in memory.
 */
export async function writePackage(
  plan: WorkbookPlan,
  sheets: readonly SheetPlan[],
  withNames: boolean,
  stored = false,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.meta.generator;
  wb.title = plan.meta.title;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      properties: { tabColor: argb(sheet.tabColor) },
      views: sheet.freeze
        ? [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [],
    });
    const print = sheet.print;
    ws.pageSetup.orientation = print.orientation;
    ws.pageSetup.paperSize = 9; // A4
    ws.pageSetup.margins = { ...PRINT_MARGINS };
    if (print.fitToWidth) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = print.fitToHeight;
    } else {
      // ExcelJS defaults both to 1 and writes them on <pageSetup> even without fitToPage; Excel and
      // LibreOffice ignore them then, but a reader of the file (or another tool) should not see a
      // fit-to-page setting the sheet does not have (#18). Undefined attributes are not written.
      ws.pageSetup.fitToWidth = undefined;
      ws.pageSetup.fitToHeight = undefined;
    }
    // ExcelJS writes "$" + each corner: "A$1:L$2" becomes the absolute "$A$1:$L$2" that Excel and LibreOffice read.
    if (print.area) ws.pageSetup.printArea = print.area.replace(/([A-Z]+)(\d+)/g, '$1$$$2');
    if (print.titleRows) ws.pageSetup.printTitlesRow = print.titleRows;
    if (print.titleColumns) ws.pageSetup.printTitlesColumn = print.titleColumns;
    ws.headerFooter.oddHeader = headerFooter(print.header);
    ws.headerFooter.oddFooter = headerFooter(print.footer);
    for (const h of sheet.rowHeights ?? []) {
      // Height 0: a hidden row (RowHeightSpec), written as Excel does (hidden="1"), so it does not print.
      if (h.height === 0) ws.getRow(h.row).hidden = true;
      else ws.getRow(h.row).height = h.height;
    }
    // A manual page break above row r (SheetPlan.pageBreaks): OOXML's `<brk id>` names the last row of
    // the page before it (ExcelJS's Row.addPageBreak writes the row's own number).
    for (const r of sheet.pageBreaks ?? []) ws.getRow(r - 1).addPageBreak();
    for (const c of sheet.columns) {
      const column = ws.getColumn(c.column);
      column.width = c.width;
      if (c.hidden) column.hidden = true;
    }
    for (const b of sheet.blocks) {
      if (b.kind === 'values') {
        const tl = parseCell(b.at);
        b.values.forEach((line, r) =>
          line.forEach((v, c) => {
            if (v !== null) ws.getCell(tl.row + r, tl.col + c).value = toExcelValue(v);
          }),
        );
      } else {
        const r = parseRange(b.range);
        expandFormula(b.formula, b.range).forEach((line, dr) =>
          line.forEach((formula, dc) => {
            const result = b.expected[dr]?.[dc] ?? null;
            ws.getCell(r.top + dr, r.left + dc).value = {
              formula,
              ...(result === null ? {} : { result: result as number | string | boolean }),
            } as ExcelJS.CellFormulaValue;
          }),
        );
      }
    }
    // Styles: later specs add to earlier ones on the same cell.
    const styles = new Map<string, Partial<ExcelJS.Style>>();
    for (const f of sheet.formats) {
      const style = cellStyle(plan.styles[f.style]);
      const r = parseRange(f.range);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++)
          styles.set(`${row},${col}`, merge(styles.get(`${row},${col}`), style));
    }
    for (const [key, style] of styles) {
      const [row, col] = key.split(',').map(Number) as [number, number];
      ws.getCell(row, col).style = withFullFont(style);
    }
    const priorities = sheetPriorities(sheet.conditionalFormats.map((cf) => cf.priority));
    sheet.conditionalFormats.forEach((cf, i) =>
      ws.addConditionalFormatting({
        ref: cf.range,
        rules: [
          {
            type: 'expression',
            priority: priorities[i] ?? i + 1,
            formulae: [cf.formula],
            style: {
              fill: { type: 'pattern', pattern: 'solid', bgColor: argb(cf.fill) },
              font: { color: argb(cf.fontColor), ...(cf.bold ? { bold: true } : {}) },
            },
          },
        ],
      }),
    );
    // Sheet protection (plan: `protect`), without a password: formulas cannot be overwritten by accident,
    // input cells have an unlocked style; the user can lift it (Controleren > Beveiliging blad opheffen).
    // The office-js renderer recognises this protection on its own marked sheets and lifts it on a refresh.
    if (sheet.protect) await ws.protect('', PROTECTION);
    const dv = (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations;
    for (const v of sheet.validations) dv.add(v.range, validation(v));
    for (const t of sheet.tables) {
      const r = parseRange(t.range);
      const header: string[] = [];
      for (let col = r.left; col <= r.right; col++)
        header.push(String(ws.getCell(r.top, col).value ?? `Kolom${col}`));
      const rows: ExcelJS.CellValue[][] = [];
      for (let row = r.top + 1; row <= r.bottom; row++) {
        const line: ExcelJS.CellValue[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(ws.getCell(row, col).value);
        rows.push(line);
      }
      ws.addTable({
        name: t.name,
        ref: t.range.split(':')[0] ?? 'A1',
        headerRow: true,
        style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
        columns: header.map((name) => ({ name, filterButton: true })),
        rows,
      });
    }
  }
  if (withNames) {
    for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
    // A fresh file always has the newest version of a user-owned table: the plan writes it in the table's
    // version cell (an add-in range), the name `SPUK_<table>_Versie` points at it (as the add-in does).
    for (const sheet of plan.sheets) {
      const schema = sheet.userOwned?.table;
      if (schema)
        wb.definedNames.add(versionRef(sheet.name, schema.versionCell), tableVersionName(schema.name));
    }
  }
  return new Uint8Array(
    await wb.xlsx.writeBuffer(stored ? ({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions) : {}),
  );
}

/** "Begroting!$B$4" (the sheet quoted when it needs it). */
function versionRef(sheet: string, cell: string): string {
  const { row, col } = parseCell(cell);
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!$${columnLetter(col)}$${row}`;
}
