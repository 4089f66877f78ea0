import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, SHEETS } from '.';

/**
 * Issue #17 item 4: Controle compares a built-in key's weights with their source on Verdeelsleutel
 * (the columns `builtInKey` takes them from) and counts a difference as FOUT (the integrator's
 * decision: a sorted or overtyped weight changes the published figures without a word; deliberate own
 * weights are an own key, `werkboek --sleutel-bestand`). Proven with HyperFormula: 0 as built, 1 after
 * one weight is typed over and after the weight column alone is sorted, the total FOUT; 0 again when
 * the weights are put back.
 */
const ALMERE = 'GM0034' as CbsCode;
const input = editionInput('vws-2026-04');

function keyRow(ev: EvaluatedPlan): number {
  const controle = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle) ?? -1);
  return controle.findIndex((row) => row[0] === 'Sleutel');
}

describe("Controle: the built-in key's weights against their source (Verdeelsleutel)", () => {
  it.each([
    ['spuk-2025', 'kolom "Bijlage 2A 2025 (€)"'],
    ['gelijk', 'gelijk: 1 per gemeente'],
  ] as const)(
    '%s: 0 when built, 1 (FOUT) after a weight is typed over or the weights are sorted',
    (key, label) => {
      const p = buildWorkbookPlan(input, { key, gemeente: ALMERE });
      const ev = evaluatePlan(p);
      try {
        expect(formulaMismatches(p, ev, [SHEETS.controle]).bad.slice(0, 10)).toEqual([]);
        const row = keyRow(ev);
        expect(row).toBeGreaterThan(0);
        const cid = ev.hf.getSheetId(SHEETS.controle) ?? -1;
        expect(String(ev.hf.getCellValue({ sheet: cid, row, col: 1 }))).toContain(label);
        expect(ev.hf.getCellValue({ sheet: cid, row, col: 2 })).toBe(0);
        expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
        // Almere's weight (column H) typed over with one more.
        const vid = ev.hf.getSheetId(SHEETS.verdeelsleutel) ?? -1;
        const vs = ev.hf.getSheetValues(vid);
        const r = vs.findIndex((x) => x[0] === ALMERE);
        expect(r).toBeGreaterThan(0);
        const w = vs[r]?.[7] as number;
        expect(w).toBe(key === 'gelijk' ? 1 : 3_478_172);
        ev.hf.setCellContents({ sheet: vid, row: r, col: 7 }, [[w + 1]]);
        expect(ev.hf.getCellValue({ sheet: cid, row, col: 2 })).toBe(1);
        expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
        expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
        ev.hf.setCellContents({ sheet: vid, row: r, col: 7 }, [[w]]);
        expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
        // The weight column alone sorted largest first (issue #17 item 4: Zwolle's weight moves to
        // another gemeente): the codes stay, so only this row sees it (with 'gelijk' nothing moves).
        const first = vs.findIndex((x) => /^GM\d{4}$/.test(String(x[0])));
        const weights = vs
          .slice(first)
          .filter((x) => /^GM\d{4}$/.test(String(x[0])))
          .map((x) => x[7] as number);
        const sorted = [...weights].sort((a, b) => b - a);
        ev.hf.setCellContents(
          { sheet: vid, row: first, col: 7 },
          sorted.map((x) => [x]),
        );
        expect(ev.hf.getCellValue({ sheet: cid, row, col: 2 })).toBe(key === 'gelijk' ? 0 : 1);
        expect(ev.value(SHEETS.controle, 'C4')).toBe(key === 'gelijk' ? 0 : 1);
        ev.hf.setCellContents(
          { sheet: vid, row: first, col: 7 },
          weights.map((x) => [x]),
        );
        expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      } finally {
        ev.destroy();
      }
    },
  );
});
