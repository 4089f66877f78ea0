import { defaultReferenceData } from '../data';
import type { CbsCode } from '../domain';
import { evaluatePlan } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, cellAddress, parseRange, SHEETS } from '.';
import type { CellValue, WorkbookPlan } from '.';

const data = defaultReferenceData();

/** Compares every formula cell of the plan with the engine's value; money to the euro, mln to the euro. */
function mismatches(plan: WorkbookPlan): { cells: number; bad: string[] } {
  const ev = evaluatePlan(plan);
  const bad: string[] = [];
  let cells = 0;
  try {
    for (const sheet of plan.sheets) {
      for (const b of sheet.blocks) {
        if (b.kind !== 'formula') continue;
        const r = parseRange(b.range);
        b.expected.forEach((line, dr) =>
          line.forEach((expected, dc) => {
            cells++;
            const a1 = cellAddress(r.top + dr, r.left + dc);
            const got = ev.value(sheet.name, a1);
            if (!same(got, expected))
              bad.push(`${sheet.name}!${a1}: got ${String(got)}, engine ${String(expected)} (${b.formula})`);
          }),
        );
      }
    }
  } finally {
    ev.destroy();
  }
  return { cells, bad };
}

function same(got: CellValue, expected: CellValue): boolean {
  if (typeof expected === 'number' && typeof got === 'number') {
    // Euros are compared exactly; mln values and shares to 1e-9 (a thousandth of a euro on a mln).
    return Number.isInteger(expected) ? got === expected : Math.abs(got - expected) < 1e-9;
  }
  if (typeof expected === 'boolean' && typeof got === 'number') return Number(expected) === got;
  return got === expected;
}

describe('formula truth: every formula cell equals the engine value', () => {
  it.each([
    ['spuk-2025', 'GM0034'],
    ['gelijk', undefined],
    ['inwoners', 'GM0363'],
  ] as const)('key %s, gemeente %s', (key, gemeente) => {
    const plan = buildWorkbookPlan(data, { key, gemeente: gemeente as CbsCode | undefined });
    const { cells, bad } = mismatches(plan);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(80_000);
  });

  it('computes the published figures and an OK master check in the sheet itself', () => {
    const plan = buildWorkbookPlan(data, { key: 'spuk-2025', gemeente: 'GM0034' as CbsCode });
    const ev = evaluatePlan(plan);
    try {
      expect(ev.value(SHEETS.overzicht, 'C8')).toBe('OK');
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.value(SHEETS.overzicht, 'C5')).toBe('Almere');
      // Bijlage 2A for Almere, 2025 (published), through the sheet's INDEX/MATCH.
      const row = 11 + data.gemeenten.findIndex((g) => g.code === 'GM0034');
      expect(ev.value(SHEETS.verdeelsleutel, `F${row}`)).toBe(3_478_172);
      expect(ev.value(SHEETS.allocatie, `A${row}`)).toBe('GM0034');
      // Sportakkoord 2023 nationally: 10 mln structural + 3 mln incidental (Rijk), read off Landelijk.
      expect(ev.value(SHEETS.landelijk, 'E5')).toBe(13);
      expect(ev.value(SHEETS.landelijk, 'K5')).toBe('deels structureel');
    } finally {
      ev.destroy();
    }
  });
});
