/**
 * The prognose counts per regeling (the domain's basis, `basisOf` in src/domain/verantwoording): a
 * regeling's rows in the prognose year count with their prognose only when one of its own rows has
 * one. The sheet Besteding's per-onderdeel block and the Verantwoording's H35B besteed block followed
 * the werkmap-wide flag (some row of any regeling has a prognose) until session 10: a row of a
 * regeling without a prognose that has text in the column Prognose (counted by Controle's
 * `realisatie-tekst`; the readers refuse it, so the domain never sees it) then dropped out of that
 * regeling's besteding, because it is no row "zonder prognose". Zwolle (vws-2026-04), HyperFormula:
 * every formula equals the domain as built, and with the text the figures stay the domain's.
 */
import type { RealisatieInvoer } from '../../domain/verantwoording';
import { begrotingKolommen } from '../../domain';
import { verantwoording } from '../../domain/verantwoording';
import { evaluatePlan, formulaMismatches, verantwoordingLines } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import { parsedBegroting, parsedRealisatie } from '../../../test/support/parsed';
import { buildWorkbookPlan, SHEETS } from '..';
import type { WorkbookPlan } from '..';
import { realisatieKolommen, realisatieTable } from '../realisatie';
import { BESCHIKKING, input, ledger, ONDERDELEN, perOnderdeel, ZWOLLE } from './zwolle-fixture';

const years = input.edition.years;
const gemeente = input.base.gemeenten.find((g) => g.code === ZWOLLE)!;
const H = begrotingKolommen(years).join(';');
const blanks = (k: number) => ';'.repeat(k);
const table = realisatieTable(years);
const kolommen = realisatieKolommen(table.yearsAxis);

function domain(begroting: string, realisatie: RealisatieInvoer) {
  return verantwoording({
    ledger,
    gemeente,
    gemeenten: input.base.gemeenten,
    beschikking: BESCHIKKING,
    begroting: parsedBegroting(begroting, input.edition),
    realisatie,
  });
}

function plan(begroting: string, realisatie: RealisatieInvoer): WorkbookPlan {
  return buildWorkbookPlan(input, {
    key: 'spuk-2025',
    gemeente: ZWOLLE,
    beschikking: BESCHIKKING,
    begroting: parsedBegroting(begroting, input.edition),
    realisatie,
  });
}

/** Types `text` into the column Prognose of the Realisatie table's row `i` (0-based). */
function typeText(ev: EvaluatedPlan, i: number, text: string): void {
  const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
  ev.hf.setCellContents({ sheet: rid, row: table.firstRow - 1 + i, col: kolommen.indexOf('Prognose') }, [
    [text],
  ]);
}

/** The values of a named range of the plan (its first sheet-qualified reference). */
function named(p: WorkbookPlan, ev: EvaluatedPlan, name: string): unknown[][] {
  const ref = p.names.find((n) => n.name === name)?.ref;
  if (ref === undefined) throw new Error(`No name ${name}`);
  const [sheet, a1] = ref.replace(/'/g, '').split('!') as [string, string];
  const id = ev.hf.getSheetId(sheet) ?? -1;
  const range = ev.hf.simpleCellRangeFromString(a1.replace(/\$/g, ''), id);
  if (range === undefined) throw new Error(`Bad range ${ref}`);
  return ev.hf.getRangeValues(range);
}

describe('a verantwoording drawn up in 2024: SPUK IZA has a prognose, the Brede SPUK has none', () => {
  // Every onderdeel spent its 2023 and 2024 plafond; SPUK IZA's Regioplan expects 50.000 more in 2024.
  const csv = [
    `${H};Prognose 2024`,
    ...ONDERDELEN.map(
      (nr) =>
        `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel;${perOnderdeel(nr, 2023)};${perOnderdeel(nr, 2024)}${blanks(years.length - 2)};;;`,
    ),
    `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;300000;250000${blanks(years.length - 2)};;;300000`,
  ].join('\n');
  const begroting = [
    H,
    ...ONDERDELEN.map(
      (nr) => `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel${blanks(years.length)};;`,
    ),
    `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel${blanks(years.length)};;`,
  ].join('\n');
  const realisatie = parsedRealisatie(csv, input.edition);
  const p = plan(begroting, realisatie);

  it('text in the Prognose of a Brede SPUK onderdeel row: the onderdeel keeps its realisatie, as the domain', () => {
    expect(realisatie.prognoseJaar).toBe(2024);
    const v = domain(begroting, realisatie);
    const brede = v.regelingen.find((x) => x.regels.regeling === 'brede-spuk')!;
    const iza = v.regelingen.find((x) => x.regels.regeling === 'spuk-iza')!;
    // The domain: SPUK IZA 2024 on its prognose, the Brede SPUK and its onderdelen on their realisatie.
    expect(iza.jaren.find((j) => j.jaar === 2024)?.[`basis`]).toBe('prognose');
    expect(brede.jaren.find((j) => j.jaar === 2024)?.basis).toBe('realisatie');
    const perO = brede.onderdelen.map((o) =>
      brede.regels.perOnderdeelJaren.map((y) => o.jaren.find((j) => j.jaar === y)?.besteding ?? 0),
    );
    const first = ONDERDELEN[0] ?? 1;
    expect(perO[0]).toEqual([perOnderdeel(first, 2023), perOnderdeel(first, 2024)]);
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev, [SHEETS.besteding, SHEETS.verantwoording]).bad.slice(0, 10)).toEqual(
        [],
      );
      // "n.v.t." in the column Prognose of onderdeel 1's row: with the werkmap-wide flag its 2024
      // besteding was 0 (no prognose given, and no row "zonder prognose" either).
      typeText(ev, 0, 'n.v.t.');
      expect(named(p, ev, 'Invoer_Besteding_Onderdelen_Brede_SPUK').map((l) => l.slice(0, 2))).toEqual(perO);
      expect(verantwoordingLines(ev, (a) => a === 'Besteding')[0]).toEqual(
        brede.jaren.map((j) => j.besteding),
      );
    } finally {
      ev.destroy();
    }
  });
});

describe('H35B: the Brede SPUK has a prognose 2026, the SPUK IZA has none', () => {
  // Zwolle's SPUK IZA with Kampen (GM0166) as a medeoverheid: 200.000 spent in 2026, no prognose; a
  // Brede SPUK row expects 80.000 in 2026 (so 2026 is the prognose year of the werkmap).
  const h = `${H};Prognose 2026`;
  const row = (cells: string, prognose: string) => `${cells}${blanks(years.length - 4)};;;${prognose}`;
  const csv = [
    h,
    row('SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;400000;400000;400000;400000', ''),
    row('SPUK IZA;;Kampen;;GM0166;incidenteel;100000;150000;180000;200000', ''),
    row('Brede SPUK;;Sport;;Sportbedrijf;incidenteel;;;60000;70000', '80000'),
  ].join('\n');
  const begroting = [
    H,
    `SPUK IZA;;Kampen;;Kampen;incidenteel;500000;500000;500000;500000${blanks(years.length - 4)};;`,
  ].join('\n');
  const realisatie = parsedRealisatie(csv, input.edition);
  const p = plan(begroting, realisatie);

  it("text in the Prognose of Kampen's row: its H35B besteding 2026 stays its realisatie, as the domain", () => {
    expect(realisatie.prognoseJaar).toBe(2026);
    const iza = domain(begroting, realisatie).regelingen.find((x) => x.regels.regeling === 'spuk-iza')!;
    expect(iza.jaren.map((j) => j.basis)).toEqual(['realisatie', 'realisatie', 'realisatie', 'realisatie']);
    const kampen = (iza.iza?.medeoverheden ?? []).filter((m) => m.code === 'GM0166').map((m) => m.besteed);
    expect(kampen).toEqual([100_000, 150_000, 180_000, 200_000]);
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
      typeText(ev, 1, 'n.v.t.');
      // Doorbetaald, then besteed (live): with the werkmap-wide flag 2026 read 0.
      expect(verantwoordingLines(ev, (a) => a === 'GM0166 Kampen')[1]).toEqual(kampen);
      const sisa = verantwoordingLines(ev, (a) => a.startsWith('H35B GM0166'), 3).map((l) => [l[0], l[2]]);
      expect(sisa).toEqual(iza.jaren.map((j, i) => [j.jaar, kampen[i]]));
    } finally {
      ev.destroy();
    }
  });
});
