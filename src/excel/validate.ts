/** A structural check of the plan before anything touches the workbook (a malformed plan is our bug). */
import type { WorkbookPlan } from '../plan';
import { parseCell, parseRange } from '../plan';
import type { ExcelFailure } from './failures';
import { parseSheetRange, sameName } from './refs';

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
