/** A structural check of the plan before anything touches the workbook (a malformed plan is our bug). */
import type { RangeRef, SheetPlan, WorkbookPlan } from '../plan';
import { parseCell, parseRange } from '../plan';
import type { ExcelFailure } from './failures';
import { parseSheetRange, sameName } from './refs';
import { schemaError } from './table-schema';
import { placement, valueBlockRange } from './user-owned';

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

function parses(address: string): boolean {
  try {
    const r = parseRange(address);
    return r.top <= r.bottom && r.left <= r.right && r.bottom <= 1048576;
  } catch {
    return false;
  }
}

export function validatePlan(plan: WorkbookPlan): ExcelFailure | undefined {
  const bad = (sheet: string | undefined, where: string): ExcelFailure => ({
    kind: 'InvalidPlan',
    sheet,
    where,
  });
  const seen: string[] = [];
  for (const sheet of plan.sheets) {
    const s = sheet.name;
    if (s === '' || s.length > 31 || BAD_SHEET_CHARS.test(s) || seen.some((n) => sameName(n, s))) {
      return bad(s, 'sheet name');
    }
    seen.push(s);
    if (!parses(sheet.usedRange)) return bad(s, sheet.usedRange);
    for (const block of sheet.blocks) {
      if (block.kind === 'values') {
        try {
          parseCell(block.at);
        } catch {
          return bad(s, block.at);
        }
        const width = block.values[0]?.length ?? 0;
        if (width === 0 || block.values.some((row) => row.length !== width)) return bad(s, block.at);
      } else {
        if (!parses(block.range) || block.formula.trim() === '' || block.formula.startsWith('=')) {
          return bad(s, block.range);
        }
      }
    }
    for (const f of sheet.formats) {
      if (!parses(f.range) || plan.styles[f.style] === undefined) return bad(s, f.range);
    }
    for (const cf of sheet.conditionalFormats) if (!parses(cf.range)) return bad(s, cf.range);
    for (const v of sheet.validations) if (!parses(v.range)) return bad(s, v.range);
    for (const t of sheet.tables) if (!parses(t.range) || t.name === '') return bad(s, t.range);
    for (const c of sheet.columns)
      if (!/^[A-Z]{1,3}$/.test(c.column) || !(c.width >= 0)) return bad(s, c.column);
    for (const chart of sheet.charts) {
      const refs = [chart.categories, ...chart.series.map((x) => x.values)];
      if (refs.some((r) => parseSheetRange(r) === undefined) || !parses(chart.from) || !parses(chart.to)) {
        return bad(s, chart.name);
      }
    }
  }
  for (const sheet of plan.sheets) {
    const invalid = validateUserOwned(plan, sheet);
    if (invalid !== undefined) return bad(sheet.name, invalid);
  }
  for (const name of plan.names) {
    const ref = parseSheetRange(name.ref);
    if (!ref || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name.name)) return bad(undefined, name.name);
    if (name.keyRef !== undefined) {
      const key = parseSheetRange(name.keyRef);
      const rows = ref.rect.bottom - ref.rect.top;
      if (!key || key.rect.left !== key.rect.right || key.rect.bottom - key.rect.top !== rows) {
        return bad(undefined, name.name);
      }
    }
  }
  return undefined;
}

/**
 * A user-owned sheet (`SheetPlan.userOwned`): on a refresh only its add-in ranges are cleared and
 * rewritten, so everything the plan puts there must lie wholly inside one of them or wholly outside all
 * (created once, never needed again):
 * - add-in ranges parse, lie inside the used range and do not overlap;
 * - no block, format, conditional format or validation straddles an add-in range's boundary;
 * - tables lie outside the add-in ranges and below them: rows the user inserts, deletes or adds in a
 *   table move everything below it, so an add-in range there would no longer be where the plan says;
 * - an input name on the sheet lies inside an add-in range (a refresh reads and rewrites inputs;
 *   outside them it would write into the user's rows);
 * - no charts (a refresh neither deletes nor adds them; they would be created once at a fixed place);
 * - a table schema (`userOwned.table`) is consistent (table-schema.ts `schemaError`), names one of the
 *   sheet's tables, as wide as its columns, and its version cell lies inside an add-in range.
 * Returns where it is wrong, or undefined.
 */
function validateUserOwned(plan: WorkbookPlan, sheet: SheetPlan): string | undefined {
  const ranges = sheet.userOwned?.addinRanges;
  if (ranges === undefined) return undefined;
  if (ranges.length === 0) return 'userOwned.addinRanges';
  const used = parseRange(sheet.usedRange);
  const rects: RangeRef[] = [];
  for (const range of ranges) {
    if (!parses(range)) return range;
    const r = parseRange(range);
    if (r.top < used.top || r.left < used.left || r.bottom > used.bottom || r.right > used.right)
      return range;
    if (rects.some((o) => o.top <= r.bottom && r.top <= o.bottom && o.left <= r.right && r.left <= o.right))
      return range;
    rects.push(r);
  }
  const straddles = (range: string): boolean => placement(ranges, range) === 'straddles';
  for (const b of sheet.blocks) {
    const range = b.kind === 'values' ? valueBlockRange(b.at, b.values) : b.range;
    if (straddles(range)) return range;
  }
  for (const f of sheet.formats) if (straddles(f.range)) return f.range;
  for (const cf of sheet.conditionalFormats) if (straddles(cf.range)) return cf.range;
  for (const v of sheet.validations) if (straddles(v.range)) return v.range;
  const lowest = Math.max(...rects.map((r) => r.bottom));
  for (const t of sheet.tables) {
    if (placement(ranges, t.range) !== 'outside' || parseRange(t.range).top <= lowest) return t.range;
  }
  if (sheet.charts.length > 0) return sheet.charts[0]?.name ?? 'charts';
  const schema = sheet.userOwned?.table;
  if (schema !== undefined) {
    const error = schemaError(schema);
    if (error !== undefined) return `userOwned.table: ${error}`;
    const table = sheet.tables.find((t) => sameName(t.name, schema.name));
    if (!table) return `userOwned.table: no table ${schema.name}`;
    const r = parseRange(table.range);
    if (r.right - r.left + 1 !== schema.columns.length) return table.range;
    if (!parses(schema.versionCell) || placement(ranges, schema.versionCell) !== 'inside')
      return schema.versionCell;
  }
  for (const name of plan.names) {
    const ref = parseSheetRange(name.ref);
    if (!name.input || !ref || !sameName(ref.sheet, sheet.name)) continue;
    if (placement(ranges, ref.address) !== 'inside') return name.name;
  }
  return undefined;
}
