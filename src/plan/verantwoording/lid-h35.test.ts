/**
 * The sheet Verantwoording's SPUK IZA for a mandaatgemeente without medeoverheden and for a member
 * gemeente (issue #19), on the sample files (voorbeelden/): HyperFormula proves every formula equals
 * the domain, and the figures follow the inputs as the domain does.
 * - Zwolle (mandaatgemeente IJssel-Vecht, no medeoverheid rows): the SiSa line "eigen uitvoering"
 *   (H35) is a formula on the regeling's besteding, so a figure typed into the Realisatie moves it.
 * - Kampen (member of IJssel-Vecht): its SPUK IZA beschikking is what the mandaatgemeente passes on,
 *   its planned share (462.989 / 462.990 / 462.989 / 496.419, bron afgeleid) until an amount is typed
 *   on the Beschikking (then that, bron beschikking); its SiSa line carries no H35.
 */
import { parseBegrotingCsv } from '../../data/begroting-input';
import { parseRealisatieCsv } from '../../data/realisatie-input';
import type { CbsCode } from '../../domain';
import { evaluatePlan, formulaMismatches, verantwoordingLines } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import { parsed } from '../../../test/support/parsed';
import { input, realisatie, zwolleVoorbeeldenPlan } from '../../../test/support/zwolle-voorbeelden';
import { buildWorkbookPlan, SHEETS } from '..';
import type { WorkbookPlan } from '..';
import { parseRange } from '../a1';
import { realisatieKolommen, realisatieTable } from '../realisatie';

/** The Verantwoording rows whose first cell passes `match`: their cells B–E. */
const lines = (ev: EvaluatedPlan, match: (a: string) => boolean) => verantwoordingLines(ev, match);

/** The cell (0-based) of row `r`, column `c` of a defined name's range. */
function nameCell(p: WorkbookPlan, ev: EvaluatedPlan, name: string, r: number, c: number) {
  const ref = p.names.find((n) => n.name === name)?.ref ?? '';
  const [sheet = '', a1 = ''] = ref.split('!');
  const range = parseRange(a1.replace(/\$/g, ''));
  return {
    sheet: ev.hf.getSheetId(sheet.replace(/'/g, '')) ?? -1,
    row: range.top - 1 + r,
    col: range.left - 1 + c,
  };
}

describe('Verantwoording SPUK IZA: H35 of a mandaatgemeente without medeoverheden', () => {
  it('Zwolle: the H35 line reads the besteding (a formula) and follows a figure typed into the Realisatie', () => {
    const p = zwolleVoorbeeldenPlan();
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
      const eigen = () => lines(ev, (a) => a === 'eigen uitvoering').map((l) => [l[0], l[2]]);
      // 2026: the prognose (495.000) is the year's besteding.
      expect(eigen()).toEqual([
        [2023, 410_250],
        [2024, 455_800],
        [2025, 463_920],
        [2026, 495_000],
      ]);
      const sheet = p.sheets.find((s) => s.name === SHEETS.verantwoording);
      const row = (ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.verantwoording) ?? -1) ?? []).findIndex(
        (l) => l[0] === 'eigen uitvoering',
      );
      const formulaAt = sheet?.blocks.some((b) => {
        if (b.kind !== 'formula') return false;
        const r = parseRange(b.range);
        return r.left <= 4 && r.right >= 4 && r.top <= row + 1 && r.bottom >= row + 1;
      });
      expect(formulaAt).toBe(true);
      // Typed: the SPUK IZA row spends 300.000 in 2023 (the reviewer's Realisatie!G10).
      const table = realisatieTable(input.edition.years);
      const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
      const act = realisatieKolommen(table.yearsAxis).indexOf('Activiteit');
      const r = ev.hf.getSheetValues(rid).findIndex((l) => l[act] === 'Regionale coördinatie');
      ev.hf.setCellContents({ sheet: rid, row: r, col: table.years.left - 1 }, [[300_000]]);
      expect(eigen()[0]).toEqual([2023, 300_000]);
    } finally {
      ev.destroy();
    }
  });
});

describe('Verantwoording SPUK IZA of a member gemeente', () => {
  it('Kampen: the beschikking is its planned share (afgeleid), or the amount typed on the Beschikking', () => {
    const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0166' as CbsCode, realisatie });
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
      const iza = () => lines(ev, (a) => a === 'Beschikking (plafond, Begrotingstoets)')[1];
      const bron = () => lines(ev, (a) => a === 'Bron van de beschikking')[1];
      expect(iza()).toEqual([462_989, 462_990, 462_989, 496_419]);
      expect(bron()).toEqual(['afgeleid', 'afgeleid', 'afgeleid', 'afgeleid']);
      // No "besteding above the beschikking" for 2023: 410.250 spent of 462.989.
      expect(lines(ev, (a) => a === 'Saldo (negatief: overschreden)')[1]?.[0]).toBe(52_739);
      // Its SiSa lines: no code of its own (the besteding reaches SiSa through the mandaatgemeente's H35B).
      const sisa = lines(ev, (a) => a.startsWith('besteding jaar T (ledengemeente'));
      expect(sisa.map((l) => [l[0], l[1], l[2]])).toEqual([
        [2023, 'geen eigen', 410_250],
        [2024, 'geen eigen', 455_800],
        [2025, 'geen eigen', 463_920],
        [2026, 'geen eigen', 495_000],
      ]);
      // Typed on the Beschikking (what the mandaatgemeente's letter says): 2025 = 400.000.
      const at = nameCell(p, ev, 'Invoer_Van_Mandaatgemeente', 0, input.edition.years.indexOf(2025));
      ev.hf.setCellContents(at, [[400_000]]);
      expect(iza()).toEqual([462_989, 462_990, 400_000, 496_419]);
      expect(bron()).toEqual(['afgeleid', 'afgeleid', 'beschikking', 'afgeleid']);
    } finally {
      ev.destroy();
    }
  });
});

/** The reviewer's case (Zwolle, Kampen a medeoverheid with 2026 realisatie 100.000 and Prognose 2026 350.000). */
const H35B_BEGROTING = `Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking
SPUK IZA;;Regionale coördinatie;7.1;GGD;incidenteel;;;500.000;500.000;;;;;
SPUK IZA;;Doorbetaald aan Kampen;7.1;Kampen;incidenteel;;;300.000;350.000;;;;;
`;
const H35B_REALISATIE = `Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking;Prognose 2026
SPUK IZA;;Regionale coördinatie;7.1;GGD;incidenteel;410.250;455.800;463.920;371.460;;;;;;495.000
SPUK IZA;;Doorbetaald aan Kampen;7.1;Kampen;incidenteel;200.000;250.000;300.000;100.000;;;;;;350.000
`;

describe('Verantwoording SPUK IZA: H35 and H35B on one basis', () => {
  it('Zwolle with Kampen: in the prognose year both H35 and H35B are the prognose (495.000 + 350.000 = the besteding)', () => {
    const b = parsed(parseBegrotingCsv(H35B_BEGROTING, { edition: input.edition }));
    const real = parsed(parseRealisatieCsv(H35B_REALISATIE, { edition: input.edition }));
    const p = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: 'GM0193' as CbsCode,
      begroting: b,
      realisatie: real,
    });
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
      const sisa = () =>
        lines(ev, (a) => a === 'eigen uitvoering' || a.startsWith('H35B GM0166')).map((l) => [l[0], l[2]]);
      expect(sisa()).toEqual([
        [2023, 410_250],
        [2023, 200_000],
        [2024, 455_800],
        [2024, 250_000],
        [2025, 463_920],
        [2025, 300_000],
        [2026, 495_000],
        [2026, 350_000],
      ]);
      // Kampen's prognose typed lower (300.000): H35B 2026 follows, H35 stays Zwolle's own 495.000.
      const table = realisatieTable(input.edition.years);
      const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
      const act = realisatieKolommen(table.yearsAxis).indexOf('Activiteit');
      const prog = realisatieKolommen(table.yearsAxis).indexOf('Prognose');
      const r = ev.hf.getSheetValues(rid).findIndex((l) => l[act] === 'Doorbetaald aan Kampen');
      ev.hf.setCellContents({ sheet: rid, row: r, col: prog }, [[300_000]]);
      expect(sisa().slice(6)).toEqual([
        [2026, 495_000],
        [2026, 300_000],
      ]);
    } finally {
      ev.destroy();
    }
  });
});
