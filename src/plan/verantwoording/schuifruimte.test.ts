/**
 * The schuifruimte on the Verantwoording (issue #19): a labelled input, default 0% (not counted: the
 * aanname of verantwoording-facts §1.4 with its source); set to 15% it lets onderdeel 2's overschrijding
 * of 2023 be covered by what onderdeel 1 would return, and the terugvordering per jaar moves exactly
 * as `verantwoording()` with the same aanname says (HyperFormula).
 */
import { SCHUIFRUIMTE_BRON } from '../../domain/verantwoording';
import type { VerantwoordingAannames } from '../../domain/verantwoording';
import { evaluatePlan, formulaMismatches } from '../../../test/support/evaluate-plan';
import { SHEETS } from '..';
import { H, ONDERDELEN, perOnderdeel, zwollePlan, zwolleVerantwoording } from './zwolle-fixture';

/** Onderdeel 1 spends 50% of 2023, onderdeel 2 spends 2023 + 8.000; the others exactly. */
const CSV =
  [
    H,
    ...ONDERDELEN.map((nr, i) => {
      const a = perOnderdeel(nr, 2023);
      const r23 = i === 0 ? Math.floor(a * 0.5) : i === 1 ? a + 8_000 : a;
      return `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel;${r23};${perOnderdeel(nr, 2024)};;;;;;;`;
    }),
    'Brede SPUK;;Ontschot;;GGD;incidenteel;;;2035253;1732939;;;;;',
  ].join('\n') + '\n';
const brede = (aannames?: VerantwoordingAannames) =>
  zwolleVerantwoording(CSV, aannames).regelingen.find((r) => r.regels.regeling === 'brede-spuk')!;

describe('the schuifruimte: a labelled input, default not counted', () => {
  it('moves the terugvordering per jaar as the domain says when the controller sets it', () => {
    const nul = brede();
    expect(nul.regels.schuifruimte).toMatchObject({
      waarde: 0,
      grondslag: 'aanname',
      bron: SCHUIFRUIMTE_BRON,
    });
    const vijftien = brede({ schuifruimte: [{ regeling: 'brede-spuk', waarde: 15 }] });
    // 8.000 over onderdeel 2's plafond, within 15% of it: covered; 2023's terugvordering 8.000 lower.
    expect(vijftien.onderdelen[1]?.jaren[0]?.schuifruimteGedekt).toBe(8_000);
    expect(vijftien.jaren[0]?.schuifruimteGedekt).toBe(8_000);
    expect(nul.jaren[0]?.terugvordering).toBeGreaterThan(8_000);
    expect(vijftien.jaren[0]?.terugvordering).toBe((nul.jaren[0]?.terugvordering ?? 0) - 8_000);
    // 1%: only 1% of onderdeel 2's beschikking is covered.
    const een = brede({ schuifruimte: [{ regeling: 'brede-spuk', waarde: 1 }] });
    const cap = Math.floor(perOnderdeel(ONDERDELEN[1] ?? 0, 2023) / 100);
    expect(cap).toBeLessThan(8_000);
    expect(een.jaren[0]?.terugvordering).toBe((nul.jaren[0]?.terugvordering ?? 0) - cap);
    expect(() => brede({ schuifruimte: [{ regeling: 'brede-spuk', waarde: 101 }] })).toThrow(RangeError);

    const p = zwollePlan(CSV);
    const name = p.names.find((n) => n.name === 'Invoer_Schuifruimte_Brede_SPUK');
    expect(name?.input).toBe(true);
    const ev = evaluatePlan(p);
    try {
      expect(formulaMismatches(p, ev).bad.slice(0, 10)).toEqual([]);
      const id = ev.hf.getSheetId(SHEETS.verantwoording) ?? -1;
      const terug = () =>
        ev.hf
          .getSheetValues(id)
          .find((l) => l[0] === 'Terugvordering (lezing per jaar)')
          ?.slice(1, 5);
      const m = /!\$([A-Z]+)\$(\d+)$/.exec(name?.ref ?? '') ?? [];
      const at = { sheet: id, row: Number(m[2]) - 1, col: (m[1] ?? 'A').charCodeAt(0) - 65 };
      expect(ev.hf.getCellValue(at)).toBe(0);
      const label = ev.hf.getCellValue({ ...at, col: 0 });
      expect(String(label)).toContain('Schuifruimte verrekend');
      const expected = (b: typeof nul) => b.jaren.map((j) => j.terugvordering ?? 'onbekend');
      expect(terug()).toEqual(expected(nul));
      for (const [pct, b] of [
        [15, vijftien],
        [1, een],
      ] as const) {
        ev.hf.setCellContents(at, [[pct]]);
        expect(terug()).toEqual(expected(b));
      }
    } finally {
      ev.destroy();
    }
  });
});
