import type { EditionYear } from '.';
import { begrotingMutaties, naarDuizenden } from '.';
import { rowBuilder } from '../../test/support/begroting-rows';

const YEARS = [2023, 2024, 2025, 2026, 2027, 2028, 2029] as EditionYear[];
const { regel } = rowBuilder(YEARS, { eersteRij: 6 });

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
  const out = begrotingMutaties(regels, YEARS);

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
    expect(out.flatMap((t) => t.mutaties).some((m) => m.activiteit === 'Leeg')).toBe(false);
    expect(out.flatMap((t) => t.mutaties)).toHaveLength(8);
  });

  it('refuses a row whose years do not match', () => {
    expect(() => begrotingMutaties([regel('Brede SPUK', { 2025: 1 })], YEARS.slice(0, 3))).toThrow(
      RangeError,
    );
  });
});
