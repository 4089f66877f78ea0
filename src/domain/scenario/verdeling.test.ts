import { editionInput } from '../../data';
import type { BeschikkingRegel, CbsCode, Euro } from '..';
import { builtInKey, resolveScenario } from '..';

const ZWOLLE = 'GM0193' as CbsCode;

describe('a Brede SPUK total of the beschikking is spread over the onderdelen (largest remainder, pro rata the edition)', () => {
  const input = editionInput('vws-2026-04');
  const request = (beschikking: readonly BeschikkingRegel[]) =>
    resolveScenario({
      edition: input,
      key: builtInKey('spuk-2025', input.base),
      gemeente: ZWOLLE,
      beschikking,
    });
  const brede = input.edition.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr);

  it('Zwolle 2025 € 2.100.000 and 2026 € 1.800.000: the view, sources, readings and afloop follow', () => {
    const before = request([]);
    const sc = request([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_100_000 as Euro },
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 1_800_000 as Euro },
    ]);
    const sum = (jaar: 2025 | 2026) => brede.reduce((a, nr) => a + sc.amount(nr, jaar).bedrag, 0);
    expect(sum(2025)).toBe(2_100_000);
    expect(sum(2026)).toBe(1_800_000);
    expect(brede.every((nr) => sc.amount(nr, 2025).bron === 'beschikking')).toBe(true);
    // Eigen geld before: the edition's 2.035.253 and 1.732.939 (afgeleid).
    const eigen = (s: typeof sc, i: number) => s.readings.eigen[i]?.bedrag;
    expect([eigen(before, 2), eigen(before, 3)]).toEqual([2_035_253, 1_732_939]);
    expect([eigen(sc, 2), eigen(sc, 3)]).toEqual([2_100_000, 1_800_000]);
    expect(sc.toets.plafond['Brede SPUK'][2]).toEqual({ bedrag: 2_100_000, bron: 'beschikking' });
    expect(sc.toets.verschilTotaalOnderdelen.every((x) => x === 0)).toBe(true);
    expect(sc.sources.beschikking).toBe(
      [2025, 2026].reduce(
        (a, j) => a + brede.filter((nr) => sc.amount(nr, j as 2025).bedrag !== 0).length,
        0,
      ),
    );
  });

  it('an onderdeel with its own amount keeps it; a total below the onderdelen is not spread (signal)', () => {
    const sc = request([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_100_000 as Euro },
      { regeling: 'Brede SPUK', onderdeel: 2, jaar: 2025, bedrag: 700_000 as Euro },
    ]);
    expect(sc.amount(2, 2025).bedrag).toBe(700_000);
    expect(brede.reduce((a, nr) => a + sc.amount(nr, 2025).bedrag, 0)).toBe(2_100_000);
    const low = request([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 100_000 as Euro },
      { regeling: 'Brede SPUK', onderdeel: 2, jaar: 2025, bedrag: 300_000 as Euro },
    ]);
    expect(low.amount(3, 2025)).toEqual(request([]).amount(3, 2025));
    expect(low.toets.signalen.filter((s) => s.soort === 'beschikking-totaal')).toHaveLength(1);
  });
});
