/**
 * Issue #19: the Realisatie's Uitvoerder as the werkmap's formulas read it, and the domain the same
 * way (`uitvoerderVan`: the whole text, any case, not trimmed). Zwolle is the mandaatgemeente of
 * IJssel-Vecht: its SPUK IZA rows are its own besteding (H35) when the Uitvoerder is empty or Zwolle,
 * or a partner that is no gemeente (GGD IJsselland), a medeoverheid's (H35B) when it names one on
 * the sheet (the region's members are listed from the build on), and refused when spaces stand
 * before or after it: counted as H35 (so the totals stay), with Controle's `realisatie-uitvoerder`
 * (FOUT) and the Verantwoording's signal. HyperFormula proves every formula against the domain as
 * built, and after typing into the table: " Kampen" (a leading space, which SUMIFS does not trim), a
 * region member first typed after the build (Dalfsen: matched live), a misspelt name (a partner).
 */
import { editionInput } from '../../data';
import type { CbsCode } from '../../domain';
import { begrotingKolommen, builtInKey, resolveScenario } from '../../domain';
import type { RealisatieInvoer } from '../../domain/verantwoording';
import { uitvoerderIs } from '../../domain/verantwoording';
import { evaluatePlan, formulaMismatches, verantwoordingLines } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import { parsedRealisatie } from '../../../test/support/parsed';
import { buildWorkbookPlan, planWorkbook, SHEETS } from '..';
import { realisatieKolommen, realisatieTable } from '../realisatie';

const input = editionInput('vws-2026-04');
const years = input.edition.years;
const ZWOLLE = 'GM0193' as CbsCode;
const key = builtInKey('spuk-2025', input.base);
const row = (activiteit: string, uitvoerder: string, amount: number) =>
  `SPUK IZA;;${activiteit};;${uitvoerder};incidenteel;${amount}${';'.repeat(years.length - 1)};;`;
const CSV =
  [
    begrotingKolommen(years).join(';'),
    row('Regioplan', 'GGD IJsselland', 100_000),
    row('Kampen', 'GM0166', 300_000),
    row('Eigen', 'zwolle', 40_000),
    row('Leeg', '', 20_000),
    row('Ommen', '0175', 7_000),
  ].join('\n') + '\n';
const REAL = parsedRealisatie(CSV, input.edition);

/** The realisatie with one row's Uitvoerder as typed in the werkmap (not trimmed: no reader between). */
const typed = (activiteit: string, uitvoerder: string): RealisatieInvoer => ({
  ...REAL,
  regels: REAL.regels.map((r) => (r.activiteit === activiteit ? { ...r, uitvoerder } : r)),
});
const scenario = (realisatie: RealisatieInvoer) =>
  resolveScenario({ edition: input, key, gemeente: ZWOLLE, realisatie });

/** The Verantwoording rows whose first cell passes `match`: their cells B–E. */
const lines = (ev: EvaluatedPlan, match: (a: string) => boolean) => verantwoordingLines(ev, match);

describe('the domain reads the Uitvoerder as SUMIFS compares it', () => {
  it('GGD IJsselland is a partner, no gemeente: own besteding (H35), nothing refused', () => {
    const s = scenario(REAL);
    const iza = s.verantwoording?.regelingen.find((r) => r.regels.post === 'SPUK IZA')?.iza;
    expect(iza?.rol).toBe('mandaatgemeente');
    expect(iza?.onbekend).toEqual([]);
    expect(s.modelChecks['realisatie-uitvoerder']).toBe(0);
    // The total: the five rows without a begrotingsregel (the starter Begroting).
    expect(s.modelChecks['realisatie-sleutel']).toBe(5);
    expect(s.modelChecksTotal).toBe(5);
    expect(s.verantwoording?.signalen.filter((x) => x.soort === 'uitvoerder-onbekend')).toEqual([]);
    // H35 2023: Regioplan (GGD) + Zwolle + empty; H35B: Kampen by code, Ommen without GM.
    expect(iza?.jaren[0]).toMatchObject({ jaar: 2023, eigen: 160_000, h35b: 307_000 });
    // The medeoverheden listed: the region's six other members (Kampen and Ommen among them).
    expect(iza?.lijst.map((m) => m.code)).toEqual([
      'GM0148',
      'GM0160',
      'GM0166',
      'GM0175',
      'GM0180',
      'GM1708',
      'GM1896',
    ]);
  });

  it('166, 0166 and 00166 name Kampen (digits compare as their number, as SUMIFS\'s criterion "0166"); GM166 does not', () => {
    expect(['166', '0166', '00166', 'GM0166', 'gm0166'].map((u) => uitvoerderIs(u, '0166'))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['GM166', '0166 ', '1660', 'Kampen'].map((u) => uitvoerderIs(u, '0166'))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(uitvoerderIs('KAMPEN', 'Kampen')).toBe(true);
    // Issue #17: Excel turns a typed 0166 into the number 166 (the pane reads "166"): Kampen's, H35B.
    const s = scenario(typed('Kampen', '166'));
    const iza = s.verantwoording?.regelingen.find((r) => r.regels.post === 'SPUK IZA')?.iza;
    expect(iza?.onbekend).toEqual([]);
    expect(iza?.jaren[0]).toMatchObject({ jaar: 2023, eigen: 160_000, h35b: 307_000 });
    const gm166 = scenario(typed('Kampen', 'GM166')).verantwoording?.regelingen.find(
      (r) => r.regels.post === 'SPUK IZA',
    );
    expect(gm166?.iza?.jaren[0]).toMatchObject({ eigen: 460_000, h35b: 7_000 });
  });

  it('" Kampen" (a space before it) is no spelling of Kampen: refused, not guessed', () => {
    const s = scenario(typed('Kampen', ' Kampen'));
    const iza = s.verantwoording?.regelingen.find((r) => r.regels.post === 'SPUK IZA')?.iza;
    expect(iza?.onbekend.map((x) => x.uitvoerder)).toEqual([' Kampen']);
    expect(s.modelChecks['realisatie-uitvoerder']).toBe(1);
    expect(s.verantwoording?.signalen.filter((x) => x.soort === 'uitvoerder-onbekend')).toEqual([
      expect.objectContaining({ regeling: 'SPUK IZA', bedrag: 300_000 }),
    ]);
    expect(iza?.jaren[0]).toMatchObject({ eigen: 460_000, h35b: 7_000 });
  });
});

describe('the werkmap agrees (HyperFormula), as built and after typing into the Realisatie table', () => {
  it('counts the unknown Uitvoerders on Besteding, Controle and the Verantwoording like the domain', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, realisatie: REAL });
    const ev = evaluatePlan(plan);
    try {
      expect(formulaMismatches(plan, ev).bad.slice(0, 10)).toEqual([]);
      const count = () => ev.value(SHEETS.besteding, 'B4');
      const total = () => ev.value(SHEETS.controle, 'C4');
      const h35 = () => lines(ev, (a) => a === 'eigen uitvoering').map((l) => l[2]);
      const signal = () => lines(ev, (a) => a.startsWith('Rijen met spaties om de Uitvoerder'))[0]?.[0];
      expect([count(), total(), signal()]).toEqual([0, 5, 0]);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      const table = realisatieTable(years);
      const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
      const uitv = realisatieKolommen(table.yearsAxis).indexOf('Uitvoerder');
      const at = (activiteit: string) => ev.hf.getSheetValues(rid).findIndex((l) => l[2] === activiteit);
      const type = (activiteit: string, uitvoerder: string) =>
        ev.hf.setCellContents({ sheet: rid, row: at(activiteit), col: uitv }, [[uitvoerder]]);
      /** The domain on the same rows: its count and its H35 per year equal the werkmap's. */
      const agrees = (realisatie: RealisatieInvoer) => {
        const s = scenario(realisatie);
        const iza = s.verantwoording?.regelingen.find((r) => r.regels.post === 'SPUK IZA');
        expect(count()).toBe(s.modelChecks['realisatie-uitvoerder']);
        expect(total()).toBe(s.modelChecksTotal);
        expect(h35()).toEqual(
          iza?.jaren.map((j) => j.besteding - (iza.iza?.jaren.find((x) => x.jaar === j.jaar)?.h35b ?? 0)),
        );
      };
      agrees(REAL);
      // A leading space: SUMIFS does not match Kampen; the row counts as H35 and is refused.
      type('Kampen', ' Kampen');
      expect([count(), total(), signal()]).toEqual([1, 6, 1]);
      agrees(typed('Kampen', ' Kampen'));
      // Issue #17: 0166 typed in Excel is the number 166: SUMIFS's criterion "0166" matches it (Kampen,
      // H35B), and the domain reads the "166" the pane gets the same way.
      ev.hf.setCellContents({ sheet: rid, row: at('Kampen'), col: uitv }, [[166]]);
      expect(count()).toBe(0);
      expect(lines(ev, (a) => a === 'GM0166 Kampen')[1]).toEqual([300_000, 0, 0, 0]);
      agrees(typed('Kampen', '166'));
      type('Kampen', 'GM0166');
      // Dalfsen, first typed after the build, is on the sheet already (a member of the region): H35B.
      type('Regioplan', 'Dalfsen');
      expect(count()).toBe(0);
      expect(lines(ev, (a) => a === 'GM0148 Dalfsen')[1]).toEqual([100_000, 0, 0, 0]);
      agrees(typed('Regioplan', 'Dalfsen'));
      expect(total()).toBe(5);
      // A name that is no gemeente (a typo, or a partner): own besteding, as the domain reads it.
      type('Regioplan', 'Dalfsn');
      expect(count()).toBe(0);
      agrees(typed('Regioplan', 'Dalfsn'));
      // A trailing space after a partner's name: refused too (both spaces count once).
      type('Regioplan', ' GGD ');
      expect(count()).toBe(1);
      agrees(typed('Regioplan', ' GGD '));
    } finally {
      ev.destroy();
    }
  });

  it('a gemeente outside the region, named by the rows, is listed when the werkmap is made with them', () => {
    const s = scenario(typed('Regioplan', 'Amsterdam'));
    expect(s.modelChecks['realisatie-uitvoerder']).toBe(0);
    const plan = planWorkbook(s);
    const v = plan.sheets.find((x) => x.name === SHEETS.verantwoording)!;
    const labels = v.blocks.flatMap((b) => (b.kind === 'values' ? b.values.map((r) => r[0]) : []));
    expect(labels).toContain('GM0363 Amsterdam');
  });
});
