/**
 * Translates the plan into queued office-js operations ("write steps"). No business rules: every
 * value, formula, format and name comes from the plan as is.
 *
 * - Two operations at most per block: a value block is one 2D `values` write; a formula block is its
 *   first row as a 2D R1C1 array (an R1C1 formula is the same text in every cell of a block) and one
 *   `copyFrom(firstRow, 'Formulas')` for the rows below (documented to repeat the source and to move
 *   relative references, ExcelApi 1.9).
 * - Number formats and other formats per range, as scalars.
 * - Every step carries its estimated request bytes, so the steps can be cut into batches that each
 *   stay under the request-size budget (value blocks are split by rows when they alone are too big).
 */
import type {
  ChartSpec,
  ConditionalFormatSpec,
  FormatSpec,
  SheetPlan,
  StyleSpec,
  ValidationSpec,
  ValueBlock,
  WorkbookPlan,
} from '../plan';
import {
  columnLetter,
  columnNumber,
  parseCell,
  parseRange,
  PRINT_MARGINS,
  rangeOf,
  rangeSize,
  toR1C1,
} from '../plan';
import { cellInputs } from './cell-input';
import { sheetSetupSteps } from './print-setup';
import type { HostFeatures, OptionalFeature } from './features';
import type {
  HostChart,
  HostProtectionOptions,
  HostRange,
  HostRequestContext,
  HostTable,
  HostWorksheet,
} from './host';
import type { InputWrite } from './inputs';
import type { Assessment } from './ownership';
import { ownershipNameOf } from './ownership';
import { chunkRows, jsonBytes, operationBytes } from './payload';
import { requireSheetRange, sameName } from './refs';
import { addinPart, inAddinRanges, ownedRanges } from './user-owned';

/** Proxies shared by the steps of one batch (one getItem per sheet per batch). */
export class WriteScope {
  private readonly sheets = new Map<string, HostWorksheet>();
  constructor(readonly context: HostRequestContext) {}

  sheet(name: string): HostWorksheet {
    const key = name.toUpperCase();
    let ws = this.sheets.get(key);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(key, ws);
    }
    return ws;
  }

  added(name: string, ws: HostWorksheet): void {
    this.sheets.set(name.toUpperCase(), ws);
  }

  /** A range given as "Blad!$A$1:$B$2". */
  range(reference: string): HostRange {
    const r = requireSheetRange(reference);
    return this.sheet(r.sheet).getRange(r.address);
  }
}

export interface WriteStep {
  readonly label: string;
  readonly bytes: number;
  apply(scope: WriteScope): void;
}

export interface WriteCounts {
  cellsWritten: number;
  formulaCells: number;
}

export interface WritePlan {
  readonly steps: readonly WriteStep[];
  readonly counts: WriteCounts;
  readonly skippedFeatures: readonly OptionalFeature[];
}

/** Existing objects on sheets that are replaced, loaded before writing. */
export interface Leftovers {
  readonly charts: ReadonlyMap<string, readonly HostChart[]>;
  readonly tables: readonly HostTable[];
}

/** Excel column width in characters → points (Calibri 11: 7 px per character + 5 px padding; 0.75 pt/px). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const ALIGN: Readonly<Record<'left' | 'center' | 'right', string>> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** Excel.VerticalAlignment (ExcelApi 1.1): "Top", "Center", "Bottom". */
const VALIGN: Readonly<Record<'top' | 'center' | 'bottom', string>> = {
  top: 'Top',
  center: 'Center',
  bottom: 'Bottom',
};

function topLeft(range: string): string {
  return range.split(':')[0] ?? range;
}

function cellCount(range: string): number {
  const size = rangeSize(parseRange(range));
  return size.rows * size.cols;
}

export function buildWritePlan(
  plan: WorkbookPlan,
  assessment: Assessment,
  inputs: readonly InputWrite[],
  leftovers: Leftovers,
  features: HostFeatures,
  maxBatchBytes: number,
  protectSheets = true,
): WritePlan {
  const steps: WriteStep[] = [];
  const counts: WriteCounts = { cellsWritten: 0, formulaCells: 0 };
  const skipped = new Set<OptionalFeature>();
  const step = (label: string, bytes: number, apply: (scope: WriteScope) => void): void => {
    steps.push({ label, bytes, apply });
  };
  const writeName = (scope: WriteScope, name: string, ref: string, comment: string): void => {
    const formula = `=${ref}`;
    if (assessment.existingNames.has(name.toUpperCase())) {
      // Only what differs: a rewritten comment clears Excel's undo stack (#17 item 9).
      const same = assessment.unchangedNames?.get(name.toUpperCase());
      if (same?.ref === true && same.comment) return;
      const item = scope.context.workbook.names.getItem(name);
      if (same?.ref !== true) item.formula = formula;
      if (same?.comment !== true) item.comment = comment;
    } else {
      scope.context.workbook.names.add(name, formula, comment);
    }
  };
  const nameBytes = (ref: string, comment: string): number => operationBytes([ref, comment]) * 2;

  // User-owned sheets that exist: only what lies inside their add-in ranges is written (user-owned.ts).
  const updated = new Set(
    assessment.sheets.filter((d) => d.action === 'update').map((d) => d.name.toUpperCase()),
  );
  const isUpdated = (sheet: string): boolean => updated.has(sheet.toUpperCase());
  const sheets = plan.sheets.map((s) => (isUpdated(s.name) ? withAddinRowHeights(addinPart(s)) : s));

  // 1. Make room: add missing sheets (each immediately marked as the add-in's), clear replaced ones
  //    (of a user-owned sheet only its add-in ranges).
  for (const decision of assessment.sheets) {
    const sheetPlan = plan.sheets.find((s) => sameName(s.name, decision.name));
    if (!sheetPlan) continue;
    const mark = assessment.names.find((n) => sameName(n.name, ownershipNameOf(sheetPlan.name)));
    if (decision.action === 'update') {
      // Only the cells the add-in writes: what the user typed elsewhere in the add-in ranges stays.
      const ranges = ownedRanges(sheetPlan);
      step(
        `clear ${decision.name} (add-in ranges)`,
        operationBytes(ranges) * 3 + operationBytes(null),
        (s) => {
          const ws = s.sheet(decision.name);
          for (const address of ranges) {
            const range = ws.getRange(address);
            if (features.conditionalFormats) range.conditionalFormats.clearAll();
            if (features.dataValidation) range.dataValidation.clear();
            range.clear('All');
          }
          if (mark) writeName(s, mark.name, mark.ref, mark.comment);
        },
      );
    } else if (decision.action === 'add') {
      step(
        `add ${sheetPlan.name}`,
        operationBytes(sheetPlan.name) + (mark ? nameBytes(mark.ref, mark.comment) : 0),
        (s) => {
          s.added(sheetPlan.name, s.context.workbook.worksheets.add(sheetPlan.name));
          if (mark) writeName(s, mark.name, mark.ref, mark.comment);
        },
      );
    } else {
      const charts = leftovers.charts.get(decision.name.toUpperCase()) ?? [];
      const tables = leftovers.tables;
      const ownTables = assessment.tablesToDelete.filter((t) => sameName(t.sheet, decision.name));
      step(`clear ${decision.name}`, operationBytes(null) * (8 + charts.length + ownTables.length), (s) => {
        const ws = s.sheet(decision.name);
        // Rows an earlier build hid or made taller stay so through `clear` (it clears cells, not rows),
        // and the plan below sets only its own heights: without this a row an earlier plan hid (a
        // rounding or helper row) stays hidden when this plan writes ordinary content there, and a tall
        // row stays tall. So every row of the old used range first becomes visible at the standard
        // height, in two operations per sheet and without a load: `getUsedRange` is evaluated in the
        // batch, before the clear below. Range.rowHidden (ExcelApi 1.2):
        // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-rowhidden-member
        // RangeFormat.useStandardHeight (ExcelApi 1.7; "only intended to be set to true"):
        // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-usestandardheight-member
        // Only here, on a sheet that is wholly the add-in's: a user-owned sheet ('update' above) keeps
        // its row heights and hidden rows, which are the user's (see `withAddinRowHeights`).
        const old = ws.getUsedRange();
        old.rowHidden = false;
        old.format.useStandardHeight = true;
        for (const chart of charts) chart.delete();
        for (const table of tables) {
          if (ownTables.some((t) => sameName(t.name, table.name))) table.delete();
        }
        ws.freezePanes.unfreeze();
        const all = ws.getRange();
        if (features.conditionalFormats) all.conditionalFormats.clearAll();
        if (features.dataValidation) all.dataValidation.clear();
        all.clear('All');
        if (mark) writeName(s, mark.name, mark.ref, mark.comment);
      });
    }
  }

  // 2. Contents of every sheet (an existing user-owned sheet: its add-in ranges only; its tab colour,
  //    print settings, widths, tables and freeze panes were written once, when it was created).
  for (const sheet of sheets) {
    const name = sheet.name;
    const once = !isUpdated(name);
    if (!once) {
      // Created once: nothing of the sheet outside its add-in ranges is touched.
    } else if (features.tabColor) {
      // Also when empty: "" is Excel's automatic colour, so a replaced sheet loses an old colour.
      step(`tab ${name}`, operationBytes(sheet.tabColor), (s) => {
        s.sheet(name).tabColor = sheet.tabColor;
      });
    } else if (sheet.tabColor !== '') skipped.add('tabColor');
    if (!once) {
      // Print settings are the user's once the sheet exists.
    } else if (features.printLayout) {
      const print = sheet.print;
      step(`print ${name}`, operationBytes(print) * 2, (s) => {
        // PageLayout (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
        const layout = s.sheet(name).pageLayout;
        layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        layout.paperSize = 'A4';
        // Margins in points (PageLayout.leftMargin … footerMargin, ExcelApi 1.9), as the .xlsx has them.
        const points = (inches: number): number => Math.round(inches * 72 * 100) / 100;
        layout.leftMargin = points(PRINT_MARGINS.left);
        layout.rightMargin = points(PRINT_MARGINS.right);
        layout.topMargin = points(PRINT_MARGINS.top);
        layout.bottomMargin = points(PRINT_MARGINS.bottom);
        layout.headerMargin = points(PRINT_MARGINS.header);
        layout.footerMargin = points(PRINT_MARGINS.footer);
        // Documented (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions
        // Known issue, office-js #1860 (closed, "in backlog"): on Windows desktop the fit-to-width was
        // reported not to apply unless the Page Layout tab was open. Printing then falls back to 100 %;
        // nothing else depends on it.
        layout.zoom = !print.fitToWidth
          ? { scale: 100 }
          : print.fitToHeight > 0
            ? { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight }
            : { horizontalFitToPages: 1 };
        if (print.area !== undefined) layout.setPrintArea(print.area);
        if (print.titleRows !== undefined) layout.setPrintTitleRows(print.titleRows);
        if (print.titleColumns !== undefined) layout.setPrintTitleColumns(print.titleColumns);
        // One header and footer on every page (HeaderFooterGroup.defaultForAllPages, state "Default"):
        // https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup
        const group = layout.headersFooters;
        group.state = 'Default';
        const page = group.defaultForAllPages;
        page.leftHeader = print.header.left;
        page.centerHeader = print.header.center;
        page.rightHeader = print.header.right;
        page.leftFooter = print.footer.left;
        page.centerFooter = print.footer.center;
        page.rightFooter = print.footer.right;
      });
    } else skipped.add('printLayout');
    for (const group of columnGroups(sheet)) {
      step(`width ${name}!${group.range}`, operationBytes(group.range) * 2, (s) => {
        s.sheet(name).getRange(group.range).format.columnWidth = group.points;
      });
    }
    const existing = assessment.sheets.some((d) => d.action === 'replace' && sameName(d.name, name));
    steps.push(...sheetSetupSteps(sheet, { pageBreaks: once && features.printLayout, existing }));
    for (const group of rowGroups(sheet)) {
      // RowHeightSpec: height 0 = hidden. Hidden with the documented Range.rowHidden (ExcelApi 1.2)
      // rather than a zero height, whose effect the reference does not state; other heights with
      // Range.format.rowHeight (ExcelApi 1.1), in points, which sets the whole rows of the range.
      step(`height ${name}!${group.range}`, operationBytes(group) * 2, (s) => {
        const range = s.sheet(name).getRange(group.range);
        if (group.height === 0) range.rowHidden = true;
        else range.format.rowHeight = group.height;
      });
    }
    for (const block of sheet.blocks) {
      if (block.kind === 'values') {
        for (const part of splitValueBlock(block, maxBatchBytes / 2)) {
          counts.cellsWritten += part.cells;
          step(`values ${name}!${part.range}`, part.bytes, (s) => {
            s.sheet(name).getRange(part.range).values = part.values;
          });
        }
      } else {
        const r1c1 = `=${toR1C1(block.formula, topLeft(block.range))}`;
        const cells = cellCount(block.range);
        counts.cellsWritten += cells;
        counts.formulaCells += cells;
        const fill = formulaFill(block.range, r1c1);
        step(`formula ${name}!${block.range}`, fill.bytes, (s) => {
          const ws = s.sheet(name);
          // Documented only as a 2D array of the range's shape:
          // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulasr1c1-member
          const first = ws.getRange(fill.firstRow);
          first.formulasR1C1 = fill.row;
          // The other rows: a copy of the first row (ExcelApi 1.9). Documented: a destination that is an
          // exact multiple of the source is filled with copies, and `Formulas` "transfers the formulas in
          // the source cells and preserves the relative positioning of those formulas' ranges":
          // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)
          // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste
          if (fill.rest !== undefined) ws.getRange(fill.rest).copyFrom(first, 'Formulas');
        });
      }
    }
    for (const input of inputs.filter((i) => sameName(i.sheet, name))) {
      step(`inputs ${input.name}`, operationBytes([input.address, input.grid]), (s) => {
        s.sheet(name).getRange(input.address).formulasR1C1 = input.grid;
      });
    }
    for (const table of sheet.tables) {
      step(`table ${table.name}`, operationBytes([table.range, table.name, table.style]) * 3, (s) => {
        const t = s.sheet(name).tables.add(table.range, true);
        t.name = table.name;
        t.style = table.style;
      });
    }
    for (const format of sheet.formats) {
      const style = plan.styles[format.style];
      step(`format ${name}!${format.range}`, formatBytes(format, style), (s) => {
        applyStyle(s.sheet(name).getRange(format.range), style);
      });
    }
    if (sheet.conditionalFormats.length > 0) {
      if (features.conditionalFormats) {
        const ordered = [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority);
        ordered.forEach((cf, rank) => {
          step(
            `cf ${name}!${cf.range}`,
            operationBytes([cf.range, cf.formula, cf.fill, cf.fontColor]) * 5,
            (s) => {
              applyConditionalFormat(s.sheet(name).getRange(cf.range), cf, rank);
            },
          );
        });
      } else skipped.add('conditionalFormats');
    }
    if (sheet.validations.length > 0) {
      if (features.dataValidation) {
        for (const v of sheet.validations) {
          step(`validation ${name}!${v.range}`, operationBytes(v) * 3, (s) => {
            applyValidation(s.sheet(name).getRange(v.range), v);
          });
        }
      } else skipped.add('dataValidation');
    }
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
      const { rows, columns } = sheet.freeze;
      step(`freeze ${name}`, operationBytes([rows, columns]), (s) => {
        const panes = s.sheet(name).freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(rangeOf(1, 1, rows, columns));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      });
    }
  }

  // 3. Names (ownership marks were written with their sheets). A name on an existing user-owned sheet
  //    outside its add-in ranges was created once: Excel moves it with the user's rows, so it is kept.
  for (const spec of assessment.names) {
    if (plan.sheets.some((s) => sameName(ownershipNameOf(s.name), spec.name))) continue;
    const ref = requireSheetRange(spec.ref);
    const owner = plan.sheets.find((s) => sameName(s.name, ref.sheet));
    if (
      owner &&
      isUpdated(owner.name) &&
      !inAddinRanges(owner, ref) &&
      assessment.existingNames.has(spec.name.toUpperCase())
    )
      continue;
    step(`name ${spec.name}`, nameBytes(spec.ref, spec.comment), (s) =>
      writeName(s, spec.name, spec.ref, spec.comment),
    );
  }

  // 4. Charts, after every sheet and range they refer to exists.
  for (const sheet of sheets) {
    if (sheet.charts.length === 0) continue;
    if (!features.charts) {
      skipped.add('charts');
      continue;
    }
    for (const chart of sheet.charts) {
      step(`chart ${chart.name}`, operationBytes(chart) * 4, (s) => addChart(s, sheet.name, chart));
    }
  }

  // 5. Show the first sheet.
  const first = plan.sheets[0];
  if (first) step(`activate ${first.name}`, operationBytes(null), (s) => s.sheet(first.name).activate());

  // 6. Protect, after everything on the sheet is written: without a password (the user can lift it);
  //    input cells have an unlocked style. Never a user-owned sheet (the plan does not protect it), and
  //    not at all with `protectSheets` false (RenderOptions.protectSheets).
  for (const decision of assessment.sheets) {
    const sheet = plan.sheets.find((s) => sameName(s.name, decision.name));
    if (!sheet?.protect || decision.action === 'update' || !protectSheets) continue;
    step(`protect ${decision.name}`, operationBytes(PROTECTION_OPTIONS), (s) => {
      s.sheet(decision.name).protection.protect({ ...PROTECTION_OPTIONS });
    });
  }

  return { steps, counts, skippedFeatures: [...skipped] };
}

/**
 * How the add-in protects a sheet (WorksheetProtectionOptions, ExcelApi 1.2:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions): the user can still
 * select every cell, change column widths and row heights and filter; formulas (locked cells)
 * cannot be overwritten by accident. No sorting (issue #17 item 4): Excel cannot sort a range with
 * locked cells (office-js #2135, by design), so sorting only ever worked on unlocked inputs alone, such
 * as the weights Verdeelsleutel!H11:H352, moving each weight to another gemeente without a signal.
 * No password: Controleren > Beveiliging blad opheffen lifts it.
 */
export const PROTECTION_OPTIONS: Readonly<HostProtectionOptions> = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: false,
  selectionMode: 'Normal',
};

/** The add-in's own protection lifted, as the very first operations of the write (before any clear). */
export function unprotectSteps(sheets: readonly string[]): WriteStep[] {
  return sheets.map((name) => ({
    label: `unprotect ${name}`,
    bytes: operationBytes(name),
    apply: (s: WriteScope) => s.sheet(name).protection.unprotect(),
  }));
}

/**
 * A formula block as written: its first row as a 2D `formulasR1C1` array (one R1C1 text, the same in
 * every cell of the block) and the rows below it as a `copyFrom` of that row.
 */
export function formulaFill(
  range: string,
  r1c1: string,
): { firstRow: string; row: string[][]; rest: string | undefined; bytes: number } {
  const rect = parseRange(range);
  const { rows, cols } = rangeSize(rect);
  const firstRow = rangeOf(rect.top, rect.left, 1, cols);
  const rest = rows > 1 ? rangeOf(rect.top + 1, rect.left, rows - 1, cols) : undefined;
  const row = [Array.from({ length: cols }, () => r1c1)];
  const bytes =
    operationBytes([firstRow, row]) + (rest === undefined ? 0 : operationBytes([rest, 'Formulas']));
  return { firstRow, row, rest, bytes };
}

/** Consecutive columns with the same width become one range ("B:F"). */
function columnGroups(sheet: SheetPlan): { range: string; points: number }[] {
  const sorted = [...sheet.columns].sort((a, b) => columnNumber(a.column) - columnNumber(b.column));
  const groups: { first: number; last: number; width: number }[] = [];
  for (const c of sorted) {
    const n = columnNumber(c.column);
    const last = groups[groups.length - 1];
    if (last && last.last === n - 1 && last.width === c.width) last.last = n;
    else groups.push({ first: n, last: n, width: c.width });
  }
  return groups.map((g) => ({
    range: `${columnLetter(g.first)}:${columnLetter(g.last)}`,
    points: columnWidthPoints(g.width),
  }));
}

/**
 * An existing user-owned sheet: only the plan's row heights (and hidden rows) inside the rows of its
 * add-in ranges are set on a refresh. Below them lie the user's table rows, which the user inserts,
 * deletes and sorts: a height the plan gave row 22 when the sheet was created (a wrapped sample text)
 * belongs to another line by now, and a height or hidden row the user chose there is theirs. For the
 * same reason a refresh never resets row heights on such a sheet (step 1 resets them on the add-in's
 * own sheets only).
 */
function withAddinRowHeights(sheet: SheetPlan): SheetPlan {
  const rects = (sheet.userOwned?.addinRanges ?? []).map(parseRange);
  const inAddinRows = (row: number): boolean => rects.some((r) => r.top <= row && row <= r.bottom);
  if (sheet.rowHeights === undefined) return sheet;
  return { ...sheet, rowHeights: sheet.rowHeights.filter((h) => inAddinRows(h.row)) };
}

/** Consecutive rows of the same height as one range ("A12:A40"): one operation instead of one per row. */
function rowGroups(sheet: SheetPlan): { range: string; height: number }[] {
  const sorted = [...(sheet.rowHeights ?? [])].sort((a, b) => a.row - b.row);
  const groups: { first: number; last: number; height: number }[] = [];
  for (const h of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.last === h.row - 1 && last.height === h.height) last.last = h.row;
    else groups.push({ first: h.row, last: h.row, height: h.height });
  }
  return groups.map((g) => ({
    range: g.first === g.last ? `A${g.first}` : `A${g.first}:A${g.last}`,
    height: g.height,
  }));
}

interface ValuePart {
  readonly range: string;
  readonly values: (string | number | boolean)[][];
  readonly bytes: number;
  readonly cells: number;
}

/** One part normally; several row bands when the block alone would exceed `budget`. */
function splitValueBlock(block: ValueBlock, budget: number): ValuePart[] {
  const at = parseCell(block.at);
  const values = cellInputs(block.values);
  const width = values[0]?.length ?? 0;
  const rowBytes = values.map((row) => jsonBytes(row) + 1);
  const total = rowBytes.reduce((a, b) => a + b, 0);
  const chunks = total + 512 <= budget ? [{ start: 0, end: values.length }] : chunkRows(rowBytes, budget);
  return chunks.map(({ start, end }) => {
    const part = values.slice(start, end);
    const range = rangeOf(at.row + start, at.col, end - start, width);
    return {
      range,
      values: part,
      bytes: operationBytes(range) + operationBytes(part),
      cells: part.length * width,
    };
  });
}

function formatBytes(format: FormatSpec, style: StyleSpec): number {
  const props = Object.keys(style).length;
  return operationBytes(format.range) + props * operationBytes(style.numberFormat ?? '#RRGGBB');
}

export function applyStyle(range: HostRange, style: StyleSpec): void {
  if (style.numberFormat !== undefined) range.numberFormat = style.numberFormat;
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = ALIGN[style.horizontalAlignment];
  if (style.verticalAlignment !== undefined) format.verticalAlignment = VALIGN[style.verticalAlignment];
  if (style.borderTop) format.borders.getItem('EdgeTop').style = 'Continuous';
  if (style.borderBottom) format.borders.getItem('EdgeBottom').style = 'Continuous';
  if (style.locked !== undefined) format.protection.locked = style.locked;
}

function applyConditionalFormat(range: HostRange, cf: ConditionalFormatSpec, rank: number): void {
  const format = range.conditionalFormats.add('Custom');
  format.custom.rule.formula = `=${cf.formula}`;
  format.custom.format.fill.color = cf.fill;
  format.custom.format.font.color = cf.fontColor;
  if (cf.bold !== undefined) format.custom.format.font.bold = cf.bold;
  format.priority = rank;
}

function applyValidation(range: HostRange, v: ValidationSpec): void {
  const dv = range.dataValidation;
  if (v.type === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: `=${v.source}` } };
  } else {
    const basic =
      v.max === undefined
        ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' }
        : { formula1: v.min, formula2: v.max, operator: 'Between' };
    dv.rule =
      v.type === 'whole'
        ? { wholeNumber: basic }
        : v.type === 'textLength'
          ? { textLength: basic }
          : { decimal: basic };
  }
  dv.prompt = { showPrompt: v.prompt !== '', message: v.prompt, title: '' };
  dv.errorAlert = { showAlert: true, style: 'Stop', message: v.error, title: '' };
}

function addChart(scope: WriteScope, sheet: string, chart: ChartSpec): void {
  const [first, ...rest] = chart.series;
  if (!first) return;
  const seriesBy = (reference: string): 'Rows' | 'Columns' => {
    const r = requireSheetRange(reference).rect;
    return r.top === r.bottom && r.left !== r.right ? 'Rows' : 'Columns';
  };
  const type = chart.type === 'columnStacked' ? 'ColumnStacked' : 'ColumnClustered';
  const c = scope.sheet(sheet).charts.add(type, scope.range(first.values), seriesBy(first.values));
  c.name = chart.name;
  c.title.text = chart.title;
  c.setPosition(chart.from, chart.to);
  const s0 = c.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(scope.range(chart.categories));
  s0.format.fill.setSolidColor(first.color);
  for (const spec of rest) {
    const s = c.series.add(spec.name);
    s.setValues(scope.range(spec.values));
    s.setXAxisValues(scope.range(chart.categories));
    s.format.fill.setSolidColor(spec.color);
  }
}

/** Greedy cut of the steps into batches of at most `maxBytes` (a single larger step gets its own batch). */
export function batchSteps(steps: readonly WriteStep[], maxBytes: number): WriteStep[][] {
  const batches: WriteStep[][] = [];
  let current: WriteStep[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
