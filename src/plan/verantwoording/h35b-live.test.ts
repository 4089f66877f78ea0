/**
 * SiSa H35B live over the Realisatie table (issue #19): Zwolle's SPUK IZA with Kampen (GM0166) as a
 * medeoverheid that received 500.000 a year and spent less; its Realisatie rows spelled by CBS code
 * and by name (lower case), and a Brede SPUK row carried out by Kampen (not H35B). HyperFormula:
 * every formula equals the domain (the helper blocks per spelling included), and a figure typed into
 * the Realisatie table moves the H35B line, the H35 line and the terugvordering as the domain says.
 */
import { defaultReferenceData, editionInput } from '../../data';
import type { CbsCode } from '../../domain';
import { builtInKey, Ledger, plafonds } from '../../domain';
import { verantwoording } from '../../domain/verantwoording';
import { evaluatePlan, formulaMismatches, verantwoordingLines } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import { parsedBegroting, parsedRealisatie } from '../../../test/support/parsed';
import { buildWorkbookPlan, SHEETS } from '..';
import { realisatieKolommen, realisatieTable } from '../realisatie';

const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
const ZWOLLE = 'GM0193' as CbsCode;
const zwolle = input.base.gemeenten.find((g) => g.code === ZWOLLE)!;
const IZA = [2023, 2024, 2025, 2026].map(
  (y) => plafonds(ledger, ZWOLLE, []).perRegeling['SPUK IZA'][y - 2023]?.bedrag ?? 0,
);
const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
const BEGROTING = `${H}\nSPUK IZA;;Kampen;;Kampen;incidenteel;500000;500000;500000;500000;;;;;\n`;

/** Kampen: 300.000 (by code) + 100.000 (by name) in 2023, 450.000 (by name) in 2024. */
const realCsv = (kampenCode2023: number) =>
  [
    H,
    `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA[0]};${IZA[1]};${IZA[2]};${IZA[3]};;;;;`,
    `SPUK IZA;;Kampen;;GM0166;incidenteel;${kampenCode2023};;;;;;;;`,
    'SPUK IZA;;Kampen zorg;;kampen;incidenteel;100000;450000;;;;;;;',
    'Brede SPUK;;Sport;;Kampen;incidenteel;70000;;;;;;;;',
  ].join('\n') + '\n';

const begroting = parsedBegroting(BEGROTING, input.edition);
const realisatie = (csv: string) => parsedRealisatie(csv, input.edition);
const domain = (csv: string) =>
  verantwoording({
    ledger,
    gemeente: zwolle,
    gemeenten: input.base.gemeenten,
    beschikking: [],
    begroting,
    realisatie: realisatie(csv),
  }).regelingen.find((r) => r.regels.regeling === 'spuk-iza')!;

/** The Verantwoording rows whose first cell passes `match`: their cells B–G. */
const lines = (ev: EvaluatedPlan, match: (a: string) => boolean) => verantwoordingLines(ev, match, 6);

describe('H35B besteding per medeoverheid, live over the Realisatie table', () => {
  it('equals the domain, and follows a figure typed into the Realisatie table', () => {
    const p = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ZWOLLE,
      begroting,
      realisatie: realisatie(realCsv(300_000)),
    });
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
      const iza = domain(realCsv(300_000));
      const kampen = iza.iza?.medeoverheden.filter((m) => m.code === 'GM0166') ?? [];
      // Both spellings count, the Brede SPUK row does not: 400.000 and 450.000, less than the 500.000 received.
      expect(kampen.map((m) => [m.jaar, m.ontvangen, m.besteed])).toEqual([
        [2023, 500_000, 400_000],
        [2024, 500_000, 450_000],
        [2025, 500_000, 0],
        [2026, 500_000, 0],
      ]);
      const besteed = lines(ev, (a) => a === 'GM0166 Kampen');
      // Doorbetaald (input), besteed (live), then per kind (realisatie; prognose, none given; realisatie
      // of the rows without a prognose) the helper rows by code with GM, without GM and by name (exact
      // spellings: no wildcard).
      expect(besteed.map((l) => l.slice(0, 4))).toEqual([
        [500_000, 500_000, 500_000, 500_000],
        [400_000, 450_000, 0, 0],
        // realisatie: GM0166, 0166, Kampen
        [300_000, 0, 0, 0],
        [0, 0, 0, 0],
        [100_000, 450_000, 0, 0],
        // prognose (none given)
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        // realisatie of the rows without a prognose
        [300_000, 0, 0, 0],
        [0, 0, 0, 0],
        [100_000, 450_000, 0, 0],
      ]);
      expect(p.names.find((n) => n.name === 'Invoer_H35B_Besteed_SPUK_IZA')?.input).toBe(false);
      expect(p.names.find((n) => n.name === 'Invoer_H35B_Doorbetaald_SPUK_IZA')?.input).toBe(true);
      const sisa = () =>
        lines(ev, (a) => a.startsWith('H35B GM0166') || a === 'eigen uitvoering').map((l) => [l[0], l[2]]);
      const expected = (v: typeof iza) =>
        v.jaren.flatMap((j) => {
          const m = v.iza?.medeoverheden.find((x) => x.jaar === j.jaar)?.besteed ?? 0;
          return [
            [j.jaar, j.besteding - m],
            [j.jaar, m],
          ];
        });
      expect(sisa()).toEqual(expected(iza));

      // Typed into the Realisatie table: Kampen's row by code spends 500.000 in 2023 instead of 300.000.
      const table = realisatieTable(input.edition.years);
      const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
      const uitv = realisatieKolommen(table.yearsAxis).indexOf('Uitvoerder');
      const row = ev.hf.getSheetValues(rid).findIndex((l) => l[uitv] === 'GM0166');
      expect(row).toBeGreaterThanOrEqual(table.firstRow - 1);
      ev.hf.setCellContents({ sheet: rid, row, col: table.years.left - 1 }, [[500_000]]);
      const typed = domain(realCsv(500_000));
      expect(typed.iza?.medeoverheden.find((m) => m.jaar === 2023)?.besteed).toBe(600_000);
      expect(lines(ev, (a) => a === 'GM0166 Kampen')[1]?.slice(0, 4)).toEqual([600_000, 450_000, 0, 0]);
      expect(sisa()).toEqual(expected(typed));
      // The H35B signal: passed on 500.000, spent 600.000 in 2023.
      expect(lines(ev, (a) => a === 'H35B-totaal ongelijk aan doorbetaald')[0]?.slice(0, 2)).toEqual([
        -100_000, 50_000,
      ]);
      expect(lines(ev, (a) => a === 'Terugvordering (lezing per jaar)')[1]?.slice(0, 4)).toEqual(
        typed.jaren.map((j) => j.terugvordering ?? 'onbekend'),
      );
      expect(lines(ev, (a) => a === 'Verwachte terugvordering: cumulatief over de looptijd')[1]?.[0]).toBe(
        typed.terugvordering.cumulatief,
      );
    } finally {
      ev.destroy();
    }
  });
});
