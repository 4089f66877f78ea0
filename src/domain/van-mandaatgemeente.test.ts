import { editionInput } from '../data';
import type { CbsCode, Euro } from './index';
import {
  builtInKey,
  geplandAandeel,
  Ledger,
  legeBegroting,
  resolveScenario,
  vanMandaatgemeente,
} from './index';

/**
 * `vanMandaatgemeente` (#18): only a member gemeente receives from its mandaatgemeente. For a member
 * (Dalfsen) a typed amount wins over the planned share; a mandaatgemeente (Zwolle), a gemeente in no
 * region and the national view receive 0 (`geen`) in every year, and an amount typed for them is
 * refused, as the werkmap counts it as FOUT (the member block is hidden there) and the CLI refuses
 * `--van-mandaatgemeente`.
 */
const input = editionInput('vws-2026-04');
const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
const years = input.edition.years;
const DALFSEN = 'GM0148' as CbsCode;
const ZWOLLE = 'GM0193' as CbsCode;
const at2025 = (bedrag: number) => years.map((y) => (y === 2025 ? (bedrag as Euro) : undefined));

describe('vanMandaatgemeente: only a member receives from its mandaatgemeente', () => {
  it('a member (Dalfsen): the typed amount in 2025, the planned share in the other years', () => {
    const v = vanMandaatgemeente(ledger, DALFSEN, { 'SPUK IZA': at2025(15_000) });
    const i = years.indexOf(2025);
    const gepland = geplandAandeel(ledger, DALFSEN, 'SPUK IZA', 2025)?.bedrag ?? 0;
    expect(gepland).toBeGreaterThan(0);
    expect(v['SPUK IZA'][i]).toEqual({ bedrag: 15_000, bron: 'ingevuld', gepland });
    const g2026 = geplandAandeel(ledger, DALFSEN, 'SPUK IZA', 2026)?.bedrag ?? 0;
    expect(v['SPUK IZA'][years.indexOf(2026)]).toEqual({
      bedrag: g2026,
      bron: 'regioverdeling',
      gepland: g2026,
    });
  });

  it('the mandaatgemeente (Zwolle) and the national view: 0 (geen) every year without a typed amount', () => {
    for (const code of [ZWOLLE, undefined]) {
      const v = vanMandaatgemeente(ledger, code, undefined);
      for (const post of ['SPUK IZA', 'SPUK AZWA regionaal'] as const)
        expect(v[post]).toEqual(years.map(() => ({ bedrag: 0, bron: 'geen', gepland: 0 })));
    }
    // An input with every year empty is no typed amount.
    expect(
      vanMandaatgemeente(ledger, ZWOLLE, { 'SPUK IZA': years.map(() => undefined) })['SPUK IZA'][2],
    ).toEqual({
      bedrag: 0,
      bron: 'geen',
      gepland: 0,
    });
  });

  it('an amount typed for the mandaatgemeente or nationally is refused (RangeError), also through resolveScenario', () => {
    expect(() => vanMandaatgemeente(ledger, ZWOLLE, { 'SPUK IZA': at2025(15_000) })).toThrow(
      /only a member gemeente receives from a mandaatgemeente/,
    );
    expect(() => vanMandaatgemeente(ledger, undefined, { 'SPUK AZWA regionaal': at2025(1) })).toThrow(
      RangeError,
    );
    expect(() =>
      resolveScenario({
        edition: input,
        key: builtInKey('spuk-2025', input.base),
        gemeente: ZWOLLE,
        begroting: { ...legeBegroting(input.edition), vanMandaatgemeente: { 'SPUK IZA': at2025(15_000) } },
      }),
    ).toThrow(RangeError);
  });
});
