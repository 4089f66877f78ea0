import { readFileSync } from 'fs';
import type { BegrotingRegel, BegrotingRegeling, CbsCode, EditionYear, TaakveldDekking } from '.';
import {
  BEGROTING_REGELINGEN,
  begrotingMutaties,
  builtInKey,
  euro,
  naarDuizenden,
  resolveScenario,
  TAAKVELDEN,
  taakveldDekking,
} from '.';
import { editionInput, parseBegrotingCsv } from '../data';
import { rowBuilder } from '../../test/support/begroting-rows';

const YEARS = [2023, 2024, 2025, 2026, 2027, 2028, 2029] as EditionYear[];
const { regel } = rowBuilder(YEARS, { eersteRij: 6 });

/**
 * A dekking as the toets builds it (`taakveldDekking` per regeling × year over TAAKVELDEN + "overig"),
 * with `ontvangen` per regeling and year (default: enough for every lasten).
 */
function dekkingVan(
  regels: readonly BegrotingRegel[],
  ontvangen: Partial<Record<BegrotingRegeling, readonly number[]>> = {},
): Record<BegrotingRegeling, TaakveldDekking[]> {
  const codes: string[] = TAAKVELDEN.map((t) => t.code);
  const kolom = (tv: string) => (codes.includes(tv) ? tv : 'overig');
  const out = {} as Record<BegrotingRegeling, TaakveldDekking[]>;
  for (const reg of BEGROTING_REGELINGEN)
    out[reg] = YEARS.map((_, i) =>
      taakveldDekking(
        [...codes, 'overig'].map((c) =>
          euro(
            regels
              .filter((r) => r.regeling === reg && kolom(r.taakveld) === c)
              .reduce((a, r) => a + (r.lasten[i] ?? 0), 0),
          ),
        ),
        euro(ontvangen[reg]?.[i] ?? 1e12),
      ),
    );
  return out;
}

describe('naarDuizenden', () => {
  it('rounds to thousands half away from zero, so −x and x stay opposite', () => {
    expect(naarDuizenden(2_500)).toBe(3);
    expect(naarDuizenden(-2_500)).toBe(-3);
    expect(naarDuizenden(2_499)).toBe(2);
    expect(naarDuizenden(-1_234_567)).toBe(-1_235);
    expect(Object.is(naarDuizenden(0), 0)).toBe(true);
  });
});

describe('begrotingMutaties: the mutations per taakveld, × € 1.000, lasten/baten pairs', () => {
  const regels = [
    regel('Brede SPUK', { 2025: 250_000, 2026: 260_500 }, { activiteit: 'Valpreventie', onderdeel: 7 }),
    regel(
      'Brede SPUK',
      { 2025: 120_000 },
      { activiteit: 'Buurtsportcoach', onderdeel: 1, taakveld: '5.1', aard: 'structureel' },
    ),
    regel('SPUK IZA', { 2025: 1_499 }, { activiteit: 'Regiobeeld', aard: undefined }),
    regel('Brede SPUK', {}, { activiteit: 'Leeg' }),
    regel('SPUK AZWA lokaal', { 2027: 80_000 }, { activiteit: 'Wijkverpleging', taakveld: '6.71' }),
  ];
  const out = begrotingMutaties(regels, YEARS, dekkingVan(regels));

  it('orders taakvelden by Iv3 code and names the known ones', () => {
    expect(out.map((t) => [t.taakveld, t.naam])).toEqual([
      ['5.1', 'Sportbeleid en activering'],
      ['6.71', 'Maatwerkdienstverlening 18+'],
      ['7.1', 'Volksgezondheid'],
    ]);
  });

  it('gives each activity with lasten a lasten line (−, its own aard) and a baten line (+, incidenteel)', () => {
    const vv = out.find((t) => t.taakveld === '7.1');
    expect(vv?.mutaties.map((m) => [m.activiteit, m.soort, m.aard])).toEqual([
      ['Valpreventie', 'lasten', 'incidenteel'],
      ['Valpreventie', 'baten', 'incidenteel'],
      ['Regiobeeld', 'lasten', undefined],
      ['Regiobeeld', 'baten', 'incidenteel'],
    ]);
    expect(vv?.mutaties[0]?.bedragen).toEqual([0, 0, -250_000, -260_500, 0, 0, 0]);
    expect(vv?.mutaties[0]?.duizenden).toEqual([0, 0, -250, -261, 0, 0, 0]);
    expect(vv?.mutaties[1]?.duizenden).toEqual([0, 0, 250, 261, 0, 0, 0]);
    expect(vv?.mutaties[2]?.duizenden[2]).toBe(-1);
    const sport = out.find((t) => t.taakveld === '5.1');
    expect(sport?.mutaties.map((m) => m.aard)).toEqual(['structureel', 'incidenteel']);
  });

  it('each taakveld adds up to 0 in thousands (budgettair neutraal); an activity without lasten is left out', () => {
    for (const t of out) expect(t.totaalDuizenden).toEqual([0, 0, 0, 0, 0, 0, 0]);
    for (const t of out) expect(t.nietGedekt.duizenden).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(out.find((t) => t.taakveld === '7.1')?.baten).toEqual([0, 0, 251_499, 260_500, 0, 0, 0]);
    expect(out.flatMap((t) => t.mutaties).some((m) => m.activiteit === 'Leeg')).toBe(false);
    expect(out.flatMap((t) => t.mutaties)).toHaveLength(8);
  });

  it('refuses a row whose years do not match', () => {
    const r = [regel('Brede SPUK', { 2025: 1 })];
    expect(() => begrotingMutaties(r, YEARS.slice(0, 3), dekkingVan(r))).toThrow(RangeError);
  });
});

describe("begrotingMutaties: lasten the money received does not cover (the toets's dekking)", () => {
  it('a taakveld gets one baten line "niet gedekt" (Σ over the regelingen): baten = the covered share', () => {
    // Brede SPUK 2025: 300.000 + 100.000 lasten, 200.000 received: the dekking splits 150.000 / 50.000.
    const regels = [
      regel('Brede SPUK', { 2025: 300_000 }, { activiteit: 'Valpreventie' }),
      regel('Brede SPUK', { 2025: 100_000 }, { activiteit: 'Sport', taakveld: '5.1', onderdeel: 1 }),
      regel('SPUK IZA', { 2025: 40_000 }, { activiteit: 'Regiobeeld' }),
    ];
    const out = begrotingMutaties(regels, YEARS, dekkingVan(regels, { 'Brede SPUK': [0, 0, 200_000] }));
    const vv = out.find((t) => t.taakveld === '7.1');
    expect(vv?.nietGedekt).toEqual({
      soort: 'baten',
      aard: 'incidenteel',
      bedragen: [0, 0, -150_000, 0, 0, 0, 0],
      duizenden: [0, 0, -150, 0, 0, 0, 0],
    });
    expect(vv?.baten[2]).toBe(190_000);
    expect(vv?.lasten[2]).toBe(340_000);
    expect(vv?.totaalDuizenden[2]).toBe(-150);
    const sport = out.find((t) => t.taakveld === '5.1');
    expect(sport?.nietGedekt.bedragen[2]).toBe(-50_000);
    expect(sport?.baten[2]).toBe(50_000);
    expect(sport?.totaalDuizenden).toEqual([0, 0, -50, 0, 0, 0, 0]);
  });

  it('taakvelden outside TAAKVELDEN are one group "overig" (last), each line with its own code', () => {
    // Overig: 2.1 with 10.001 and 8.1 with 20.002 lasten, 15.000 received: one correction −15.003.
    const regels = [
      regel('SPUK AZWA lokaal', { 2027: 20_002 }, { activiteit: 'B', taakveld: '8.1' }),
      regel('SPUK IZA', { 2027: 1_000 }, { activiteit: 'C', taakveld: '7.1' }),
      regel('SPUK AZWA lokaal', { 2027: 10_001 }, { activiteit: 'A', taakveld: '2.1' }),
    ];
    const d = dekkingVan(regels, { 'SPUK AZWA lokaal': [0, 0, 0, 0, 15_000] });
    const out = begrotingMutaties(regels, YEARS, d);
    expect(out.map((t) => [t.taakveld, t.naam, t.baten[4], t.nietGedekt.bedragen[4]])).toEqual([
      ['7.1', 'Volksgezondheid', 1_000, 0],
      ['overig', undefined, 15_000, -15_003],
    ]);
    expect(out[1]?.mutaties.map((m) => [m.taakveld, m.activiteit, m.soort])).toEqual([
      ['8.1', 'B', 'lasten'],
      ['8.1', 'B', 'baten'],
      ['2.1', 'A', 'lasten'],
      ['2.1', 'A', 'baten'],
    ]);
    expect(out[1]?.totaalDuizenden[4]).toBe(-15);
  });

  it('a negative net lasten on a taakveld (a correction) gets no baten, as in the toets', () => {
    const regels = [
      regel('Brede SPUK', { 2025: 50_000 }, { activiteit: 'Plan' }),
      regel('Brede SPUK', { 2025: -80_000 }, { activiteit: 'Correctie' }),
    ];
    const out = begrotingMutaties(regels, YEARS, dekkingVan(regels));
    expect(out[0]?.baten[2]).toBe(0);
    expect(out[0]?.nietGedekt.bedragen[2]).toBe(30_000);
    // Net lasten −30.000 (voordelig) without baten: the taakveld's total is + 30.
    expect(out[0]?.totaalDuizenden[2]).toBe(30);
  });
});

describe('begrotingMutaties on Zwolle with voorbeelden/begroting.csv (the toets of resolveScenario)', () => {
  const input = editionInput('vws-2026-04');
  const parsed = parseBegrotingCsv(readFileSync('voorbeelden/begroting.csv', 'utf8'), {
    edition: input.edition,
  });
  if (!parsed.ok) throw new Error('voorbeelden/begroting.csv does not parse');
  const s = resolveScenario({
    edition: input,
    key: builtInKey('spuk-2025', input.base),
    gemeente: 'GM0193' as CbsCode,
    begroting: parsed.value,
  });
  const years = s.years;
  const out = begrotingMutaties(parsed.value.regels, years, s.toets.dekking);
  const i2025 = years.indexOf(2025 as EditionYear);
  const i2026 = years.indexOf(2026 as EditionYear);

  it('the Brede SPUK baten are what Zwolle receives (2.035 and 1.733 × € 1.000), not the lasten', () => {
    // Only the Brede SPUK's lasten exceed its money (the toets's nietGedekt is the Brede SPUK's), so
    // the correction lines are the Brede SPUK's.
    for (const reg of ['SPUK IZA', 'SPUK AZWA lokaal'] as const)
      for (const d of s.toets.dekking[reg]) expect(d.gedekt).toBe(d.totaal);
    const brede = out.flatMap((t) => [
      ...t.mutaties.filter((m) => m.regeling === 'Brede SPUK' && m.soort === 'baten'),
      t.nietGedekt,
    ]);
    const som = (i: number) => brede.reduce((a, m) => a + (m.bedragen[i] ?? 0), 0);
    expect(som(i2025)).toBe(2_035_253);
    expect(som(i2026)).toBe(1_732_939);
    expect(s.toets.plafondNaOverheveling['Brede SPUK'][i2025]).toBe(2_035_253);
    const duizend = (i: number) => brede.reduce((a, m) => a + (m.duizenden[i] ?? 0), 0);
    expect(Math.abs(duizend(i2025) - 2_035)).toBeLessThanOrEqual(1);
    expect(Math.abs(duizend(i2026) - 1_733)).toBeLessThanOrEqual(1);
  });

  it("each taakveld's baten are the toets's perTaakveld baten; the correction lines and totals", () => {
    for (const p of s.toets.perTaakveld) {
      const mine = out.filter((t) =>
        p.code === 'overig' ? !TAAKVELDEN.some((k) => k.code === t.taakveld) : t.taakveld === p.code,
      );
      expect(years.map((_, i) => mine.reduce((a, t) => a + (t.baten[i] ?? 0), 0))).toEqual(p.baten);
    }
    const tv = (code: string) => out.find((t) => t.taakveld === code);
    expect(tv('5.1')?.baten[i2025]).toBe(883_223);
    const ng = (code: string) => [i2025, i2026].map((i) => tv(code)?.nietGedekt.duizenden[i]);
    expect(ng('5.1')).toEqual([-267, -235]);
    expect(ng('7.1')).toEqual([-348, -272]);
    expect(ng('6.1')).toEqual([0, 0]);
    expect(tv('6.1')?.totaalDuizenden.every((x) => x === 0)).toBe(true);
    // The taakvelden's totals are the eigen middelen the toets names (nietGedekt), in euros and thousands.
    const eigen = (i: number) => out.reduce((a, t) => a + (t.lasten[i] ?? 0) - (t.baten[i] ?? 0), 0);
    expect(eigen(i2025)).toBe(614_747);
    expect(s.toets.nietGedekt[i2025]).toBe(614_747);
    expect(eigen(i2026)).toBe(s.toets.nietGedekt[i2026]);
    expect(out.reduce((a, t) => a + (t.totaalDuizenden[i2025] ?? 0), 0)).toBe(-615);
  });
});
