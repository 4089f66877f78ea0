/**
 * The per-year signals follow the live peiljaar (issue #19): Zwolle's SPUK IZA with a realisatie in
 * 2023 only (peiljaar 2023: 2024–2026 count the begroting, no signal); typing a 2025 amount into the
 * Realisatie table moves the peiljaar to 2025, and 2024 (a beschikking, nothing spent) becomes a
 * "Jaar zonder realisatie" exactly as `verantwoording()` says for the same rows (HyperFormula).
 */
import { editionInput } from '../../data';
import type { CbsCode } from '../../domain';
import { builtInKey, Ledger, legeBegroting } from '../../domain';
import { defaultReferenceData } from '../../data';
import { verantwoording } from '../../domain/verantwoording';
import { evaluatePlan, formulaMismatches } from '../../../test/support/evaluate-plan';
import { parsedRealisatie } from '../../../test/support/parsed';
import { buildWorkbookPlan, SHEETS } from '..';
import { realisatieKolommen, realisatieTable } from '../realisatie';

const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
const ZWOLLE = 'GM0193' as CbsCode;
const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
const csv = (r2025: string) =>
  `${H}\nSPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;250000;;${r2025};;;;;;\n`;
const realisatie = (text: string) => parsedRealisatie(text, input.edition);
const domain = (text: string) =>
  verantwoording({
    ledger,
    gemeente: input.base.gemeenten.find((g) => g.code === ZWOLLE)!,
    gemeenten: input.base.gemeenten,
    beschikking: [],
    begroting: legeBegroting(input.edition),
    realisatie: realisatie(text),
  });

it('the signal "Jaar zonder realisatie" follows a realisatie typed in a later year', () => {
  const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, realisatie: realisatie(csv('')) });
  const ev = evaluatePlan(p);
  try {
    expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
    const id = ev.hf.getSheetId(SHEETS.verantwoording) ?? -1;
    const geen = () =>
      ev.hf
        .getSheetValues(id)
        .filter((l) => l[0] === 'Jaar zonder realisatie')
        .map((l) => l.slice(1, 5));
    const expected = (text: string) => {
      const v = domain(text);
      return v.regelingen.map((r) =>
        r.regels.jaren.map(
          (y) =>
            v.signalen.find(
              (x) => x.soort === 'geen-realisatie' && x.regeling === r.regels.naam && x.jaar === y,
            )?.bedrag ?? 0,
        ),
      );
    };
    expect(domain(csv('')).peiljaar).toBe(2023);
    expect(geen()).toEqual(expected(csv('')));
    expect(geen()[1]).toEqual([0, 0, 0, 0]);
    // Typed: 300.000 spent in 2025 on the Regioplan row.
    const table = realisatieTable(input.edition.years);
    const rid = ev.hf.getSheetId(SHEETS.realisatie) ?? -1;
    const act = realisatieKolommen(table.yearsAxis).indexOf('Activiteit');
    const row = ev.hf.getSheetValues(rid).findIndex((l) => l[act] === 'Regioplan');
    expect(row).toBeGreaterThanOrEqual(table.firstRow - 1);
    ev.hf.setCellContents({ sheet: rid, row, col: table.years.left - 1 + 2 }, [[300_000]]);
    const typed = csv('300000');
    expect(domain(typed).peiljaar).toBe(2025);
    const after = expected(typed);
    expect(after[1]?.[1]).toBeGreaterThan(0);
    expect(geen()).toEqual(after);
  } finally {
    ev.destroy();
  }
});
