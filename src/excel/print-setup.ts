/**
 * What the add-in writes of a sheet's layout besides widths, heights and the page setup (write.ts):
 * the plan's hidden columns and manual page breaks, as queued write steps of the same batch (no load,
 * no extra sync). No business rules: both come from the plan as is (`ColumnSpec.hidden`,
 * `SheetPlan.pageBreaks`), as the .xlsx renderer writes them.
 *
 * - Hidden columns: `Range.columnHidden = true` over each run of adjacent hidden columns ("G:H").
 *   ExcelApi 1.2 (below the manifest's floor 1.9, so never gated): "Represents if all columns in the
 *   current range are hidden", https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-columnhidden-member
 * - Page breaks: `Worksheet.horizontalPageBreaks` (PageBreakCollection, ExcelApi 1.9, the manifest's
 *   floor): `removePageBreaks()` ("Resets all manual page breaks in the collection", so a refresh does
 *   not keep a break that moved) then `add("A<row>")` per break ("Adds a page break before the
 *   top-left cell of the range specified"), https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection
 *   They belong to the print settings: written with them (a sheet the add-in rewrites, gated on the
 *   `printLayout` feature, ExcelApi 1.9, as the PageLayout is), never on an existing user-owned sheet.
 */
import type { SheetPlan } from '../plan';
import { columnLetter, columnNumber } from '../plan';
import type { HostWorksheet } from './host';
import { operationBytes } from './payload';

/** `Worksheet.horizontalPageBreaks` (ExcelApi 1.9): the part the add-in uses. */
export interface HostPageBreakCollection {
  /** A manual page break above the top-left cell of `pageBreakRange` ("A40": a page starts at row 40). */
  add(pageBreakRange: string): unknown;
  /** Removes every manual page break of the collection. */
  removePageBreaks(): void;
}

// The two office-js members this module uses, added to the host's types here (module augmentation), so
// the host interface file stays as it is: Excel.Worksheet and Excel.Range have both.
declare module './host' {
  interface HostWorksheet {
    /** ExcelApi 1.9: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-horizontalpagebreaks-member */
    readonly horizontalPageBreaks: HostPageBreakCollection;
  }
  interface HostRange {
    /** ExcelApi 1.2: set true to hide every column of the range. */
    columnHidden: boolean;
  }
}

/** One queued write (the shape of write.ts's `WriteStep`, structurally: no import back into write.ts). */
export interface SheetSetupStep {
  readonly label: string;
  readonly bytes: number;
  apply(scope: { sheet(name: string): HostWorksheet }): void;
}

/** Runs of adjacent hidden columns as whole-column ranges, left to right: ["G:H", "K:K"]. */
export function hiddenColumnRanges(sheet: Pick<SheetPlan, 'columns'>): string[] {
  const hidden = [...new Set(sheet.columns.filter((c) => c.hidden).map((c) => columnNumber(c.column)))];
  hidden.sort((a, b) => a - b);
  const runs: { first: number; last: number }[] = [];
  for (const n of hidden) {
    const last = runs[runs.length - 1];
    if (last && last.last === n - 1) last.last = n;
    else runs.push({ first: n, last: n });
  }
  return runs.map((r) => `${columnLetter(r.first)}:${columnLetter(r.last)}`);
}

/**
 * The steps for `sheet`: its hidden columns (always, as its widths) and, when `pageBreaks` (the sheet's
 * print settings are written in this batch and the host has ExcelApi 1.9), its manual page breaks:
 * the old ones reset, the plan's added. `existing`: the sheet was there before this build (replaced,
 * not added), so its breaks are reset even when the plan has none. A new sheet without hidden columns
 * or breaks gets no step (no operation).
 */
export function sheetSetupSteps(
  sheet: SheetPlan,
  options: { readonly pageBreaks: boolean; readonly existing?: boolean },
): SheetSetupStep[] {
  const name = sheet.name;
  const steps: SheetSetupStep[] = hiddenColumnRanges(sheet).map((range) => ({
    label: `hide ${name}!${range}`,
    bytes: operationBytes([range, true]) * 2,
    apply: (s) => {
      s.sheet(name).getRange(range).columnHidden = true;
    },
  }));
  const breaks = sheet.pageBreaks ?? [];
  // A sheet that existed before this build (`existing`: cleared and rewritten) may hold breaks an
  // earlier plan set: reset them even when this plan has none, or they would stay for good.
  if (options.pageBreaks && (breaks.length > 0 || options.existing === true))
    steps.push({
      label: `page breaks ${name}`,
      bytes: operationBytes(breaks) * (breaks.length + 1),
      apply: (s) => {
        const collection = s.sheet(name).horizontalPageBreaks;
        collection.removePageBreaks();
        for (const row of breaks) collection.add(`A${row}`);
      },
    });
  return steps;
}
