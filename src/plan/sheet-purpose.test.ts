import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { parsedRealisatie } from '../../test/support/parsed';
import { tweeRijenRealisatieCsv } from '../../test/support/realisatie-sample';
import { buildWorkbookPlan, SHEET_ORDER, SHEET_PURPOSE, SHEETS, sheetPurposes } from '.';
import type { PlanOptions, SheetCondition } from '.';

/**
 * The one list of the werkmap's sheets (./sheet-purpose.ts, shown by `werkboek --help`) is the plan's
 * build order: for each kind of werkmap the plan's sheets are exactly the listed sheets whose condition
 * holds, in the listed order.
 */
const input = editionInput('vws-2026-04');
const vorige = editionInput('vws-2025-09');
const ZWOLLE = 'GM0193' as CbsCode;

function expected(holds: ReadonlySet<SheetCondition>): string[] {
  return sheetPurposes()
    .filter(({ purpose }) => purpose.only === undefined || holds.has(purpose.only))
    .map(({ name }) => name);
}

function built(options: Omit<PlanOptions, 'key'>): string[] {
  return buildWorkbookPlan(input, { key: 'spuk-2025', ...options }).sheets.map((s) => s.name);
}

describe('sheet purposes: the plan builds the listed sheets in the listed order', () => {
  it('lists every sheet of SHEETS once, each with a line of its own', () => {
    expect([...SHEET_ORDER].sort()).toEqual(Object.keys(SHEETS).sort());
    const lines = Object.values(SHEET_PURPOSE).map((p) => p.holds);
    expect(new Set(lines).size).toBe(lines.length);
    for (const line of lines) expect(line).toMatch(/^[^\n]{10,140}[^.]$/);
  });

  it('national, without an earlier edition: 12 sheets, no Regioverdeling, Realisatie or Wat is er veranderd', () => {
    const sheets = built({});
    expect(sheets).toEqual(expected(new Set()));
    expect(sheets).toHaveLength(12);
  });

  it('Zwolle (a mandaatgemeente) with the earlier edition: 14 sheets', () => {
    const sheets = built({ gemeente: ZWOLLE, vorige });
    expect(sheets).toEqual(expected(new Set(['gemeente', 'vorige'])));
    expect(sheets).toHaveLength(14);
  });

  it('Zwolle with a realisatie and the earlier edition: all 17 sheets', () => {
    const realisatie = parsedRealisatie(tweeRijenRealisatieCsv(input.edition.years), input.edition);
    const sheets = built({ gemeente: ZWOLLE, vorige, realisatie });
    expect(sheets).toEqual(expected(new Set(['gemeente', 'vorige', 'realisatie'])));
    expect(sheets).toEqual(SHEET_ORDER.map((k) => SHEETS[k]));
  });
});
