/**
 * Sheets the user fills (`SheetPlan.userOwned`, e.g. the Begroting): written whole when the sheet is
 * created; afterwards a refresh clears and rewrites only the add-in's ranges (`addinRanges`). Everything
 * else on the sheet (its table with the user's rows, their formats, column widths, freeze panes, print
 * settings, tab colour) was created once and is never touched again.
 */
import type { RangeRef, SheetPlan } from '../plan';
import { parseRange, rangeAddress } from '../plan';
import type { SheetRange } from './refs';

function inside(outer: RangeRef, inner: RangeRef): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export type Placement = 'inside' | 'outside' | 'straddles';

/** Where a range lies with respect to the add-in's ranges of a user-owned sheet. */
export function placement(addinRanges: readonly string[], range: string): Placement {
  const r = parseRange(range);
  const rects = addinRanges.map(parseRange);
  if (rects.some((a) => inside(a, r))) return 'inside';
  if (rects.some((a) => overlaps(a, r))) return 'straddles';
  return 'outside';
}

/** True when `ref` (a range on `sheet`) lies inside one add-in range of that user-owned sheet. */
export function inAddinRanges(sheet: SheetPlan, ref: SheetRange): boolean {
  const ranges = sheet.userOwned?.addinRanges;
  return ranges !== undefined && placement(ranges, ref.address) === 'inside';
}

/**
 * What a refresh writes on an existing user-owned sheet: the blocks, formats, conditional formats and
 * validations inside its add-in ranges; no columns, tables, charts or freeze panes (created once).
 */
export function addinPart(sheet: SheetPlan): SheetPlan {
  const ranges = sheet.userOwned?.addinRanges ?? [];
  const keep = (range: string): boolean => placement(ranges, range) === 'inside';
  const { freeze: _createdOnce, ...rest } = sheet;
  return {
    ...rest,
    columns: [],
    blocks: sheet.blocks.filter((b) => keep(b.kind === 'values' ? valueBlockRange(b.at, b.values) : b.range)),
    formats: sheet.formats.filter((f) => keep(f.range)),
    conditionalFormats: sheet.conditionalFormats.filter((c) => keep(c.range)),
    validations: sheet.validations.filter((v) => keep(v.range)),
    tables: [],
    charts: [],
    protect: false,
  };
}

/** The rectangle a value block covers ("A1" + 2×3 values → "A1:C2"). */
export function valueBlockRange(at: string, values: readonly (readonly unknown[])[]): string {
  const tl = parseRange(at);
  return rangeAddress({
    top: tl.top,
    left: tl.left,
    bottom: tl.top + Math.max(values.length, 1) - 1,
    right: tl.left + Math.max(values[0]?.length ?? 1, 1) - 1,
  });
}

/**
 * The cells of a user-owned sheet that the add-in owns on a refresh: the ranges its blocks, formats,
 * conditional formats and validations occupy inside the add-in ranges (deduplicated). Only these are
 * cleared; anything else the user typed in the add-in ranges (e.g. a note in rows 1–4 of the Begroting)
 * stays (#17 item 7). Limitation: a cell an earlier plan version wrote and this one does not keeps its
 * old content.
 */
export function ownedRanges(sheet: SheetPlan): string[] {
  const part = addinPart(sheet);
  const ranges = [
    ...part.blocks.map((b) => (b.kind === 'values' ? valueBlockRange(b.at, b.values) : b.range)),
    ...part.formats.map((f) => f.range),
    ...part.conditionalFormats.map((c) => c.range),
    ...part.validations.map((v) => v.range),
  ];
  return [...new Set(ranges.map((r) => rangeAddress(parseRange(r))))];
}
