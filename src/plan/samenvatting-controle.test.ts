import { editionInput } from '../data';
import type { BeschikkingRegel, CbsCode, Euro } from '../domain';
import { resolveScenario, builtInKey, samenvattingVerschil } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, SHEETS } from '.';

/**
 * Issue 16, "one truth": Controle checks the Samenvatting directly (check `samenvatting`): per year its
 * "Totaal baten" against the Begrotingstoets's baten (plafond na overheveling + van de
 * mandaatgemeente). Proven with HyperFormula: 0 on a built werkmap, FOUT on a planted disagreement.
 */
const ZWOLLE = 'GM0193' as CbsCode;
const input = editionInput('vws-2026-04');
const TOTALEN: readonly BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_100_000 as Euro },
];

describe("Controle checks the Samenvatting against the Begrotingstoets (check samenvatting) and the Beschikking's years (check beschikking-jaren)", () => {
  it('the domain: Zwolle with a beschikking total, every year 0 (the Samenvatting tells the toets)', () => {
    const s = resolveScenario({
      edition: input,
      key: builtInKey('spuk-2025', input.base),
      gemeente: ZWOLLE,
      beschikking: TOTALEN,
    });
    expect(samenvattingVerschil(s.toets)).toEqual(input.edition.years.map(() => 0));
    // Zwolle is mandaatgemeente: its baten 2025 are the Brede SPUK total and the region's SPUK IZA.
    expect(s.toets.plafondNaOverheveling['Brede SPUK'][2]).toBe(2_100_000);
    expect(s.toets.plafondNaOverheveling['SPUK IZA'][2]).toBe(3_023_765);
    expect(s.toets.totaalBaten[2]).toBe(5_123_765);
    expect(s.modelChecks.samenvatting).toBe(0);
  });

  it('HyperFormula: 0 when built; a Samenvatting baten cell changed makes the check 1 and the Modelcontrole FOUT', () => {
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, beschikking: TOTALEN });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.samenvatting, SHEETS.controle]);
      expect(bad.slice(0, 10)).toEqual([]);
      const controle = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle) ?? -1);
      const checkRow = controle.findIndex((row) => row[0] === 'Samenvatting' && typeof row[2] === 'number');
      expect(checkRow).toBeGreaterThan(0);
      expect(controle[checkRow]?.[2]).toBe(0);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      // The Samenvatting's Brede SPUK baten 2025 (column G) typed over: 2.100.000 + 90.747 (Zwolle's
      // overspend of the issue, made to look covered).
      const sid = ev.hf.getSheetId(SHEETS.samenvatting) ?? -1;
      const sv = ev.hf.getSheetValues(sid);
      const row = sv.findIndex((r) => r[0] === '  Brede SPUK' && r[6] === 2_100_000);
      expect(row).toBeGreaterThan(0);
      const totaal = sv.findIndex((r) => r[0] === 'Totaal baten');
      const formula = ev.hf.getCellFormula({ sheet: sid, row, col: 6 });
      ev.hf.setCellContents({ sheet: sid, row, col: 6 }, [[2_190_747]]);
      expect(ev.hf.getCellValue({ sheet: sid, row: totaal, col: 6 })).toBe(
        (sv[totaal]?.[6] as number) + 90_747,
      );
      const after = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle) ?? -1);
      expect(after[checkRow]?.[2]).toBe(1);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      // The difference per year is on Controle's helper row: only 2025 (the third year) is off.
      const helper = after.find((r) => r[0] === null && r[4] === 90_747);
      expect(helper?.slice(2, 2 + input.edition.years.length)).toEqual(
        input.edition.years.map((y) => (y === 2025 ? 90_747 : 0)),
      );
      // Restored: 0 again. Then a SPUK AZWA lokaal beschikking typed for 2030 (a greyed cell: the
      // regeling runs 2027–2029, 2030 is the BFU) is refused: Beschikking!A3 says FOUT, Controle counts 1.
      ev.hf.setCellContents({ sheet: sid, row, col: 6 }, [[formula ?? null]]);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      const bid = ev.hf.getSheetId(SHEETS.beschikking) ?? -1;
      expect(ev.value(SHEETS.beschikking, 'A3')).toBe('');
      const b = ev.hf.getSheetValues(bid);
      const azwa = b.findIndex((r) => r[0] === 'AZWA-L');
      const col2030 = b.find((r) => r[0] === 'Sleutel')?.findIndex((v) => String(v) === '2030') ?? -1;
      expect(col2030).toBe(4 + input.edition.years.indexOf(2030));
      ev.hf.setCellContents({ sheet: bid, row: azwa, col: col2030 }, [[250_000]]);
      expect(String(ev.value(SHEETS.beschikking, 'A3'))).toMatch(
        /^FOUT: 1 bedrag\(en\) in een grijze cel: .*SPUK AZWA lokaal 2027–2029/,
      );
      const jaren = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle) ?? -1);
      expect(jaren.find((r) => r[0] === 'Beschikking')?.[2]).toBe(1);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
      // In 2029 the same amount is a beschikking like any other: no FOUT.
      ev.hf.setCellContents({ sheet: bid, row: azwa, col: col2030 }, [[null]]);
      ev.hf.setCellContents({ sheet: bid, row: azwa, col: col2030 - 1 }, [[250_000]]);
      expect(ev.value(SHEETS.beschikking, 'A3')).toBe('');
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  });
});
