import { defaultReferenceData } from '../data';
import type { CbsCode } from '../domain';
import { Allocation, builtInKey, izaPerRegio, PERIODS } from '../domain';
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
    ['spuk-2025', 'GM0034', []],
    ['gelijk', undefined, []],
    ['inwoners', 'GM0363', [7, 16]],
  ] as const)('key %s, gemeente %s, BBV vastgelegd %j', (key, gemeente, flags) => {
    const plan = buildWorkbookPlan(data, {
      key,
      gemeente: gemeente as CbsCode | undefined,
      bbvVastgelegd: flags,
    });
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

  it('follows a changed input like the engine does: a weight and an IZA region membership', () => {
    const plan = buildWorkbookPlan(data, { key: 'spuk-2025', gemeente: 'GM0034' as CbsCode });
    const ev = evaluatePlan(plan);
    try {
      const hf = ev.hf;
      const row = data.gemeenten.findIndex((g) => g.code === 'GM0034');
      const sheet = (name: string) => hf.getSheetId(name) ?? -1;
      // The user doubles Almere's weight on Verdeelsleutel (column H).
      const key = builtInKey('spuk-2025', data);
      const weights = key.weights.map((w, i) => (i === row ? w * 2 : w));
      hf.setCellContents({ sheet: sheet(SHEETS.verdeelsleutel), row: 10 + row, col: 7 }, [
        [weights[row] ?? 0],
      ]);
      const changed = new Allocation(data, {
        ...key,
        id: 'eigen',
        weights,
        total: weights.reduce((a, b) => a + b, 0),
      });
      for (let li = 0; li < data.onderdelen.length; li++)
        for (const [pi, p] of PERIODS.entries()) {
          const v = ev.value(SHEETS.allocatie, cellAddress(11 + row, 5 + li * 5 + pi));
          expect([li, p, v]).toEqual([li, p, changed.estimate(row, li, p)]);
        }
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      // The user moves Almere from Flevoland to Gooi en Vechtstreek in the IZA membership table.
      const iza = sheet(SHEETS.iza);
      const memberRow = hf
        .getSheetValues(iza)
        .findIndex((line) => line[0] === 'GM0034' && line[2] === 'Flevoland');
      hf.setCellContents({ sheet: iza, row: memberRow, col: 2 }, [['Gooi en Vechtstreek']]);
      const leden = data.lidmaatschap.map((m) =>
        m.code === 'GM0034' ? { ...m, regio: 'Gooi en Vechtstreek' } : m,
      );
      const expected = izaPerRegio(changed, data.izaRegios, leden);
      for (const [i, e] of expected.entries())
        for (const [pi, p] of PERIODS.entries())
          expect([e.regio.naam, p, ev.value(SHEETS.iza, cellAddress(11 + i, 5 + pi))]).toEqual([
            e.regio.naam,
            p,
            e.schatting[p],
          ]);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  });

  it('flags a sorted Verdeelsleutel on Controle and Overzicht instead of moving money silently', () => {
    const plan = buildWorkbookPlan(data, { key: 'spuk-2025', gemeente: 'GM0034' as CbsCode });
    const ev = evaluatePlan(plan);
    try {
      const vs = ev.hf.getSheetId(SHEETS.verdeelsleutel) ?? -1;
      // Swap the first two gemeenten (code, name, … and weight) as a sort would.
      const plain = (line: readonly unknown[]) =>
        line.slice(0, 8).map((v) => (typeof v === 'string' || typeof v === 'number' ? v : null));
      const rows = ev.hf.getSheetValues(vs).slice(10, 12).map(plain);
      ev.hf.setCellContents({ sheet: vs, row: 10, col: 0 }, [rows[1]!]);
      ev.hf.setCellContents({ sheet: vs, row: 11, col: 0 }, [rows[0]!]);
      expect(ev.value(SHEETS.controle, 'C4')).toBeGreaterThan(0);
      expect(ev.value(SHEETS.overzicht, 'C8')).toBe('FOUT: zie blad Controle');
    } finally {
      ev.destroy();
    }
  });
});
