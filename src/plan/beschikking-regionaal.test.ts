import { editionInput } from '../data';
import type { BeschikkingRegel, CbsCode, Euro } from '../domain';
import { builtInKey, Ledger, plafonds, regioRol, resolveScenario } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, SHEETS } from '.';
import type { WorkbookPlan } from '.';

/**
 * #18: regional money (SPUK IZA to 2026, SPUK AZWA regionaal from 2027) is on the beschikking of the
 * region's mandaatgemeente only. A member (Dalfsen, region IJssel-Vecht, whose mandaatgemeente is
 * Zwolle) and a gemeente in no region do not see those rows: the Beschikking's IZA and AZWA-R rows
 * (and their nummer and datum) and the Samenvatting's plafond rows of SPUK IZA and SPUK AZWA regionaal
 * are hidden, not removed. An amount planted in the hidden Beschikking rows is FOUT on the sheet and in
 * Controle (HyperFormula); the domain refuses it as a plafond (`plafonds`). Zwolle sees them all.
 */
const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
const years = input.edition.years;
const DALFSEN = 'GM0148' as CbsCode;
const ZWOLLE = 'GM0193' as CbsCode;

const planOf = (code: CbsCode): WorkbookPlan =>
  buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: code });
const hiddenRows = (p: WorkbookPlan, sheet: string): number[] =>
  (p.sheets.find((s) => s.name === sheet)?.rowHeights ?? [])
    .filter((h) => h.height === 0)
    .map((h) => h.row)
    .sort((a, b) => a - b);
/** The 1-based rows whose column A is `text`, as the plan writes them (HyperFormula's values). */
const rowsOf = (ev: EvaluatedPlan, sheet: string, text: string): number[] =>
  ev.hf.getSheetValues(ev.hf.getSheetId(sheet) ?? -1).flatMap((r, i) => (r[0] === text ? [i + 1] : []));

describe('regional money on the Beschikking and the Samenvatting of a member gemeente (#18)', () => {
  it('the roles: Dalfsen is a member, Zwolle the mandaatgemeente', () => {
    expect([regioRol(ledger, DALFSEN), regioRol(ledger, ZWOLLE)]).toEqual(['lid', 'mandaatgemeente']);
  });

  it('the domain refuses regional money as the plafond of a member: plafonds and resolveScenario throw; Zwolle takes it', () => {
    const iza: BeschikkingRegel = {
      regeling: 'SPUK IZA',
      onderdeel: undefined,
      jaar: 2025,
      bedrag: 250_000 as Euro,
    };
    const azwa: BeschikkingRegel = { ...iza, regeling: 'SPUK AZWA regionaal', jaar: 2028 };
    for (const b of [iza, azwa]) {
      expect(() => plafonds(ledger, DALFSEN, [b])).toThrow(/regional money, only on a mandaatgemeente/);
      expect(() =>
        resolveScenario({
          edition: input,
          key: builtInKey('spuk-2025', input.base),
          gemeente: DALFSEN,
          beschikking: [b],
        }),
      ).toThrow(RangeError);
    }
    // The SPUK AZWA lokaal is the member's own: its beschikking is its plafond.
    const lokaal: BeschikkingRegel = { ...azwa, regeling: 'SPUK AZWA lokaal' };
    expect(plafonds(ledger, DALFSEN, [lokaal]).perRegeling['SPUK AZWA lokaal'][years.indexOf(2028)]).toEqual({
      bedrag: 250_000,
      bron: 'beschikking',
    });
    expect(plafonds(ledger, ZWOLLE, [iza]).perRegeling['SPUK IZA'][years.indexOf(2025)]).toEqual({
      bedrag: 250_000,
      bron: 'beschikking',
    });
  });

  it('Dalfsen: the IZA and AZWA-R rows hidden, the plan equals the domain; an amount planted there is FOUT on Beschikking and in Controle', () => {
    const p = planOf(DALFSEN);
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.beschikking, SHEETS.samenvatting, SHEETS.controle]);
      expect(bad.slice(0, 10)).toEqual([]);
      const iza = rowsOf(ev, SHEETS.beschikking, 'IZA');
      const azwaR = rowsOf(ev, SHEETS.beschikking, 'AZWA-R');
      const azwaL = rowsOf(ev, SHEETS.beschikking, 'AZWA-L');
      // The grid's row and the nummer-en-datum table's row of each regional regeling.
      expect([iza.length, azwaR.length, azwaL.length]).toEqual([2, 2, 2]);
      const hidden = hiddenRows(p, SHEETS.beschikking);
      for (const r of [...iza, ...azwaR]) expect([r, hidden.includes(r)]).toEqual([r, true]);
      for (const r of azwaL) expect([r, hidden.includes(r)]).toEqual([r, false]);
      // The Samenvatting: the regional plafond rows and their sources hidden, the rest shown.
      const sHidden = hiddenRows(p, SHEETS.samenvatting);
      const sv = (t: string) => rowsOf(ev, SHEETS.samenvatting, t);
      for (const t of [
        '  SPUK IZA',
        '  bron SPUK IZA',
        '  SPUK AZWA regionaal',
        '  bron SPUK AZWA regionaal',
      ])
        expect([t, sHidden.includes(sv(t)[0] ?? -1)]).toEqual([t, true]);
      for (const t of ['  Brede SPUK', '  SPUK AZWA lokaal', '  SPUK IZA: ontvangen van de mandaatgemeente'])
        expect([t, sHidden.includes(sv(t)[0] ?? -1)]).toEqual([t, false]);
      // The lasten rows of the regional regelingen stay (a member's own activities): the second "  SPUK IZA".
      expect(sv('  SPUK IZA')).toHaveLength(2);
      expect(sHidden.includes(sv('  SPUK IZA')[1] ?? -1)).toBe(false);

      expect(ev.value(SHEETS.beschikking, 'A3')).toBe('');
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      const bid = ev.hf.getSheetId(SHEETS.beschikking) ?? -1;
      const col = (jaar: number) => 4 + years.indexOf(jaar as never);
      const controleBeschikking = () =>
        ev.hf
          .getSheetValues(ev.hf.getSheetId(SHEETS.controle) ?? -1)
          .find((r) => r[0] === 'Beschikking')?.[2];
      // € 250.000 SPUK IZA 2025 typed into the hidden grid row: FOUT naming the rows, Controle counts 1.
      ev.hf.setCellContents({ sheet: bid, row: (iza[0] ?? 0) - 1, col: col(2025) }, [[250_000]]);
      expect(String(ev.value(SHEETS.beschikking, 'A3'))).toMatch(
        new RegExp(
          `^FOUT: 1 bedrag\\(en\\).* Of in de verborgen rijen ${iza[0] ?? 0} en ${azwaR[0] ?? 0} \\(SPUK IZA en SPUK AZWA regionaal: regionaal geld, alleen op de beschikking van de mandaatgemeente\\)`,
        ),
      );
      expect(controleBeschikking()).toBe(1);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      // In a greyed year of the row (SPUK IZA 2028) it counts once, not twice; AZWA-R 2028 counts too.
      ev.hf.setCellContents({ sheet: bid, row: (iza[0] ?? 0) - 1, col: col(2028) }, [[10_000]]);
      ev.hf.setCellContents({ sheet: bid, row: (azwaR[0] ?? 0) - 1, col: col(2028) }, [[40_000]]);
      expect(controleBeschikking()).toBe(3);
      expect(String(ev.value(SHEETS.beschikking, 'A3'))).toMatch(/^FOUT: 3 bedrag\(en\)/);
      // Emptied: 0 again.
      for (const [row, jaar] of [
        [iza[0], 2025],
        [iza[0], 2028],
        [azwaR[0], 2028],
      ] as const)
        ev.hf.setCellContents({ sheet: bid, row: (row ?? 0) - 1, col: col(jaar) }, [[null]]);
      expect(controleBeschikking()).toBe(0);
      expect(ev.value(SHEETS.beschikking, 'A3')).toBe('');
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  }, 300_000);

  it('Zwolle (the mandaatgemeente): the regional rows shown, a regional beschikking is no FOUT', () => {
    const p = planOf(ZWOLLE);
    const ev = evaluatePlan(p);
    try {
      const hidden = hiddenRows(p, SHEETS.beschikking);
      const iza = rowsOf(ev, SHEETS.beschikking, 'IZA');
      const azwaR = rowsOf(ev, SHEETS.beschikking, 'AZWA-R');
      for (const r of [...iza, ...azwaR]) expect([r, hidden.includes(r)]).toEqual([r, false]);
      const sHidden = hiddenRows(p, SHEETS.samenvatting);
      for (const t of [
        '  SPUK IZA',
        '  bron SPUK IZA',
        '  SPUK AZWA regionaal',
        '  bron SPUK AZWA regionaal',
      ])
        expect([t, sHidden.includes(rowsOf(ev, SHEETS.samenvatting, t)[0] ?? -1)]).toEqual([t, false]);
      const bid = ev.hf.getSheetId(SHEETS.beschikking) ?? -1;
      ev.hf.setCellContents({ sheet: bid, row: (iza[0] ?? 0) - 1, col: 4 + years.indexOf(2025 as never) }, [
        [3_000_000],
      ]);
      expect(ev.value(SHEETS.beschikking, 'A3')).toBe('');
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  }, 300_000);
});
