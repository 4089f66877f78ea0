/**
 * Review #18 on Zwolle with the samples (werkboek --begroting voorbeelden/begroting.csv --realisatie
 * voorbeelden/realisatie.csv): the werkmap counted 3 + 0 signals where the CLI listed 8 from the same
 * domain, and it showed a SPUK IZA terugvordering of € 10.488.419 as "in orde" while nothing was
 * doorbetaald to the 7 members the Regioverdeling plans € 2,1–2,2 mln a year for. The werkmap's
 * signals are the domain's, one for one; a missing doorbetaling is refused (signal, terugvordering
 * "onbekend"), not counted as € 0.
 */
import { defaultReferenceData } from '../../data';
import { builtInKey, doorTeGevenAanLeden, Ledger } from '../../domain';
import { verantwoording } from '../../domain/verantwoording';
import { evaluatePlan, formulaMismatches } from '../../../test/support/evaluate-plan';
import type { EvaluatedPlan } from '../../../test/support/evaluate-plan';
import {
  begroting,
  input,
  realisatie,
  ZWOLLE,
  zwolleVoorbeeldenPlan,
} from '../../../test/support/zwolle-voorbeelden';
import { SHEETS } from '..';

const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
const GEPLAND = doorTeGevenAanLeden(ledger, ZWOLLE)['SPUK IZA'].slice(0, 4);

/** The values right of every row of the Verantwoording whose first cell is `label` (one per regeling). */
function valuesOf(ev: EvaluatedPlan, label: string): unknown[][] {
  const id = ev.hf.getSheetId(SHEETS.verantwoording) ?? -1;
  return ev.hf
    .getSheetValues(id)
    .filter((line) => line[0] === label)
    .map((line) => line.slice(1, 5));
}

describe('the Verantwoording’s signals are the domain’s (Zwolle with the samples, review #18)', () => {
  it('counts every signal the CLI lists, refuses the SPUK IZA terugvordering without doorbetaling, and follows a typed one', () => {
    const domain = verantwoording({
      ledger,
      gemeente: input.base.gemeenten.find((g) => g.code === ZWOLLE)!,
      gemeenten: input.base.gemeenten,
      beschikking: [],
      begroting,
      realisatie,
    });
    const count = (naam: string) => domain.signalen.filter((x) => x.regeling === naam).length;
    // Brede SPUK: onderdelen 1 and 2 above their beschikking in 2023 and 2024, 2024's limit unknown,
    // 2026 above the beschikking, the terugvordering; SPUK IZA: the doorbetaling missing 2023–2026.
    expect([count('Brede SPUK'), count('SPUK IZA')]).toEqual([7, 4]);
    expect(domain.signalen.filter((x) => x.regeling === 'SPUK IZA').map((x) => [x.soort, x.jaar])).toEqual(
      [2023, 2024, 2025, 2026].map((y) => ['doorbetaling-ontbreekt', y]),
    );
    expect(GEPLAND.every((x) => x > 2_000_000 && x < 2_300_000)).toBe(true);
    const p = zwolleVoorbeeldenPlan();
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev);
      expect(bad.slice(0, 10)).toEqual([]);
      // Main: [3, 0] (per year, no limit, terugvordering or doorbetaling signal).
      expect(valuesOf(ev, 'Aantal signalen (0 = in orde)').map((r) => r[0])).toEqual([7, 4]);
      expect(valuesOf(ev, 'Doorbetaling aan medeoverheden niet ingevuld')).toEqual([GEPLAND]);
      expect(valuesOf(ev, 'Gepland door te geven (blad Regioverdeling)')).toEqual([GEPLAND]);
      const cumulatief = () =>
        valuesOf(ev, 'Verwachte terugvordering: cumulatief over de looptijd').map((r) => r[0]);
      expect(cumulatief()).toEqual([786_966, 'onbekend']);
      expect(domain.regelingen.map((r) => r.terugvordering.cumulatief)).toEqual([786_966, undefined]);
      // The controller types what was doorbetaald to Kampen (H35B input): the refusal lifts, the
      // terugvordering is stated again and Kampen's missing verantwoording is a signal per year.
      const ref = p.names.find((x) => x.name === 'Invoer_H35B_Doorbetaald_SPUK_IZA')?.ref ?? '';
      const m = /^'?([^'!]+)'?!\$([A-Z]+)\$(\d+)/.exec(ref) ?? [];
      const codes = p.names.find((x) => x.name === 'Invoer_H35B_Doorbetaald_SPUK_IZA')?.keyRef ?? '';
      expect(codes).not.toBe('');
      const sheet = ev.hf.getSheetId(m[1] ?? '') ?? -1;
      const labels = ev.hf.getSheetValues(sheet).map((line) => line[0]);
      const kampen = labels.indexOf('GM0166 Kampen', Number(m[3]) - 1);
      expect(kampen).toBeGreaterThanOrEqual(Number(m[3]) - 1);
      ev.hf.setCellContents({ sheet, row: kampen, col: (m[2] ?? 'B').charCodeAt(0) - 65 }, [
        [300_000, 300_000, 300_000, 300_000],
      ]);
      expect(valuesOf(ev, 'Doorbetaling aan medeoverheden niet ingevuld')).toEqual([[0, 0, 0, 0]]);
      expect(cumulatief()).toEqual([786_966, 10_488_419]);
      expect(valuesOf(ev, 'Aantal signalen (0 = in orde)').map((r) => r[0])).toEqual([7, 5]);
    } finally {
      ev.destroy();
    }
  });
});
