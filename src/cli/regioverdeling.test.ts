import Papa from 'papaparse';
import { captureIo } from '../../test/support/cli-io';
import { editionInput } from '../data';
import type { ResolvedEdition } from '../domain';
import { builtInKey, resolveScenario, sisaCodes } from '../domain';
import { runCli } from './cli';
import {
  REGIOVERDELING_COLUMNS,
  regioSplits,
  regioverdelingRows,
  regiosFor,
  unknownSisa,
} from './regioverdeling';

async function run(argv: string[], files: Record<string, string> = {}) {
  const c = captureIo(files, { failWrite: true });
  const code = await runCli(argv, c.io, async () => new Uint8Array());
  return { code, out: c.out(), err: c.err() };
}
const rows = (out: string) => Papa.parse<Record<string, string>>(out.trim(), { header: true }).data;
const sumBy = (rs: Record<string, string>[]) => rs.reduce((a, r) => a + Number(r.bedrag_eur), 0);

describe('spuk-begroting regioverdeling', () => {
  it('--regio Flevoland --jaar 2025: Bijlage 2B € 3.161.954 over the 5 members pro rata Brede SPUK, rounding shown', async () => {
    const r = await run(['regioverdeling', '--regio', 'Flevoland', '--jaar', '2025']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const rs = rows(r.out);
    expect(rs).toHaveLength(5);
    expect(sumBy(rs)).toBe(3_161_954);
    expect(rs[0]).toEqual({
      regio: 'Flevoland',
      mandaatgemeente: 'Almere',
      lidmaatschap: 'afgeleid',
      editie: 'vws-2026-04',
      jaar: '2025',
      regeling: 'SPUK IZA',
      onderdeel_nr: '16',
      regiobedrag_eur: '3161954',
      bron: 'gepubliceerd',
      methode: 'aandeel',
      soort: 'lid',
      gemeentecode: 'GM0034',
      naam: 'Almere',
      sisa: 'H35',
      gewicht: '3478172',
      totaal_gewicht: '6829144',
      exact_eur: '1610424,3618',
      omlaag_eur: '1610424',
      rest: '2471032',
      correctie_eur: '0',
      bedrag_eur: '1610424',
    });
    expect(rs.find((x) => x.naam === 'Lelystad')).toMatchObject({
      sisa: 'H35B',
      correctie_eur: '1',
      bedrag_eur: '687972',
    });
  });

  it('--gemeente Zwolle: IJssel-Vecht, every year 2023–2029, each year summing to the region amount', async () => {
    const r = await run(['regioverdeling', '--gemeente', 'Zwolle']);
    expect(r.code).toBe(0);
    const rs = rows(r.out);
    expect(new Set(rs.map((x) => x.regio))).toEqual(new Set(['IJssel-Vecht']));
    expect(rs).toHaveLength(8 * 7);
    for (const jaar of ['2023', '2024', '2025', '2026', '2027', '2028', '2029']) {
      const y = rs.filter((x) => x.jaar === jaar);
      expect(sumBy(y)).toBe(Number(y[0]?.regiobedrag_eur));
      expect(y[0]?.onderdeel_nr).toBe(Number(jaar) <= 2026 ? '16' : '18');
      expect(
        y.every((x) => x.sisa === (Number(jaar) > 2026 ? '' : x.naam === 'Zwolle' ? 'H35' : 'H35B')),
      ).toBe(true);
    }
  });

  it('--gemeente Zwolle: says that the SiSa code of the SPUK AZWA is unknown rather than inventing one', async () => {
    const r = await run(['regioverdeling', '--gemeente', 'Zwolle']);
    expect(r.err).toBe(
      'SiSa-code onbekend voor SPUK AZWA 2027–2029: editie vws-2026-04 noemt geen SiSa-code (geen bron gevonden); de kolom sisa is daar leeg.\n',
    );
  });

  it('--h35b: the medeoverheden with an amount per year', async () => {
    const r = await run(['regioverdeling', '--gemeente', 'GM0034', '--h35b', '--jaar', '2026']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('gemeentecode;gemeentenaam;bedrag_2026_eur');
    const rs = rows(r.out);
    expect(rs.map((x) => x.gemeentenaam)).toEqual(['Noordoostpolder', 'Urk', 'Dronten', 'Lelystad']);
    const json = await run(['regioverdeling', '--regio', 'flevoland', '--h35b', '--formaat', 'json']);
    const list = JSON.parse(json.out) as Record<string, string | number>[];
    expect(Object.keys(list[0] ?? {})).toEqual([
      'gemeentecode',
      'gemeentenaam',
      ...[2023, 2024, 2025, 2026, 2027, 2028, 2029].map((j) => `bedrag_${j}_eur`),
    ]);
    expect(list.find((m) => m.gemeentenaam === 'Lelystad')?.bedrag_2025_eur).toBe(687_972);
  });

  it('--methode vast --invoer: fixed activities first, the rest by weights', async () => {
    const csv =
      'gemeentecode;gewicht;activiteit;bedrag_eur\n' +
      ';;Regionale coördinatie;250.000\n' +
      ';;Netwerkbureau;111.954\n' +
      'GM0034;3;;\nGM0171;1;;\nGM0184;1;;\nGM0303;1;;\nGM0995;1;;\n';
    const r = await run(
      ['regioverdeling', '--regio', 'Flevoland', '--jaar', '2025', '--methode', 'vast', '--invoer', 'v.csv'],
      {
        'v.csv': csv,
      },
    );
    expect(r.code).toBe(0);
    const rs = rows(r.out);
    expect(rs.map((x) => [x.soort, x.naam, x.sisa, x.bedrag_eur])).toEqual([
      ['activiteit', 'Regionale coördinatie', 'H35', '250000'],
      ['activiteit', 'Netwerkbureau', 'H35', '111954'],
      ['lid', 'Almere', 'H35', '1200000'],
      ['lid', 'Noordoostpolder', 'H35B', '400000'],
      ['lid', 'Urk', 'H35B', '400000'],
      ['lid', 'Dronten', 'H35B', '400000'],
      ['lid', 'Lelystad', 'H35B', '400000'],
    ]);
    expect(rs[0]?.methode).toBe('vast + gewichten');
  });

  it('refuses with Dutch messages, exit 2 and nothing on stdout', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['regioverdeling'], {}, /Geef --regio NAAM .* of --gemeente/],
      [['regioverdeling', '--regio', 'Flevoland', '--gemeente', 'Almere'], {}, /één van beide/],
      [['regioverdeling', '--regio', 'Brabant'], {}, /Bedoelt u: Hart van Brabant, Noordoost Brabant/],
      [['regioverdeling', '--gemeente', 'Lelystad'], {}, /Lelystad \(GM0995\) is geen mandaatgemeente/],
      [['regioverdeling', '--regio', 'Flevoland', '--jaar', '2031'], {}, /Onbekend jaar "2031"/],
      [
        ['regioverdeling', '--regio', 'Flevoland', '--jaar', '2030'],
        {},
        /In 2030 verdeelt de regio geen SPUK-geld/,
      ],
      [['regioverdeling', '--regio', 'Flevoland', '--methode', 'gelijk'], {}, /Onbekende methode "gelijk"/],
      [
        ['regioverdeling', '--regio', 'Flevoland', '--methode', 'gewichten'],
        {},
        /heeft een invoerbestand nodig/,
      ],
      [
        ['regioverdeling', '--regio', 'Flevoland', '--invoer', 'x.csv'],
        {},
        /Kan het bestand "x.csv" niet lezen/,
      ],
      [
        ['regioverdeling', '--regio', 'Flevoland', '--methode', 'vast', '--invoer', 'v.csv'],
        { 'v.csv': 'activiteit;bedrag_eur\nCoördinatie;4.000.000\n' },
        /De vaste bedragen \(€ 4\.000\.000\) zijn hoger dan wat Flevoland in 2023 ontvangt/,
      ],
      [
        ['regioverdeling', '--regio', 'Flevoland', '--methode', 'gewichten', '--invoer', 'w.csv'],
        { 'w.csv': 'gemeentecode;gewicht\nGM0034;1\nGM0363;-1\n' },
        /Rij 3: het gewicht -1 is negatief/,
      ],
      [['regioverdeling', '--regio', 'Flevoland', '--h35b=ja'], {}, /De optie --h35b heeft geen waarde/],
    ];
    for (const [argv, files, message] of cases) {
      const r = await run(argv, files);
      expect([argv, r.code, r.out]).toEqual([argv, 2, '']);
      expect(r.err).toMatch(/^Fout: /);
      expect(r.err).toMatch(message);
    }
  });

  it('has --help', async () => {
    const r = await run(['regioverdeling', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--methode METHODE');
    expect((await run(['--help'])).out).toContain('regioverdeling');
  });
});

describe('regioverdelingRows: the SiSa codes are the edition’s (manifest `regelingen[].sisa`)', () => {
  const input = editionInput('vws-2026-04');
  const ledger = resolveScenario({ edition: input, key: builtInKey('spuk-2025', input.base) }).ledger;
  const regios = regiosFor(ledger, 'Flevoland', undefined);
  if (!regios.ok) throw new Error('Flevoland');
  const splits = regioSplits(ledger, regios.value, [2025], {});
  if (!splits.ok) throw new Error('split');
  const sisaColumn = REGIOVERDELING_COLUMNS.indexOf('sisa');
  /** The edition with the SPUK IZA's SiSa codes replaced (undefined: no source states them). */
  const withIzaSisa = (sisa: ResolvedEdition['regelingen'][number]['sisa']): ResolvedEdition => ({
    ...input.edition,
    regelingen: input.edition.regelingen.map((r) => (r.id === 'spuk-iza' ? { ...r, sisa } : r)),
  });
  const column = (edition: ResolvedEdition) =>
    regioverdelingRows(splits.value, edition).map((r) => r[sisaColumn]);

  it('the shipped editions: H35 for the mandaatgemeente, H35B for the medeoverheden (DUS-I)', () => {
    expect(sisaCodes(input.edition, 'spuk-iza')?.map((c) => [c.code, c.deel])).toEqual([
      ['H35', 'eigen uitvoering'],
      ['H35B', 'medeoverheden'],
    ]);
    expect(column(input.edition)).toEqual(['H35', 'H35B', 'H35B', 'H35B', 'H35B']);
    expect(unknownSisa(input.edition, splits.value)).toEqual([]);
  });

  it('another code in the edition is printed as stated', () => {
    const edition = withIzaSisa([
      { code: 'X1', omschrijving: 'eigen uitvoering', deel: 'eigen uitvoering', bron: 'test' },
      { code: 'X2', omschrijving: 'medeoverheden', deel: 'medeoverheden', bron: 'test' },
    ]);
    expect(column(edition)).toEqual(['X1', 'X2', 'X2', 'X2', 'X2']);
  });

  it('no codes in the edition: empty, and named as unknown', () => {
    const edition = withIzaSisa(undefined);
    expect(column(edition)).toEqual(['', '', '', '', '']);
    expect(unknownSisa(edition, splits.value)).toEqual(['SPUK IZA 2025']);
  });
});
