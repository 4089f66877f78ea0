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

  it('--h35b without a realisatie: the planned split, labelled "gepland, nog geen realisatie" in csv, json and text', async () => {
    const r = await run(['regioverdeling', '--gemeente', 'GM0034', '--h35b', '--jaar', '2026']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('gemeentecode;gemeentenaam;bedrag_2026_eur;status');
    const rs = rows(r.out);
    expect(rs.map((x) => x.gemeentenaam)).toEqual(['Noordoostpolder', 'Urk', 'Dronten', 'Lelystad']);
    expect(new Set(rs.map((x) => x.status))).toEqual(new Set(['gepland, nog geen realisatie']));
    expect(r.err).toBe(
      'Let op: dit is de geplande verdeling (gepland, nog geen realisatie). SiSa H35B vraagt wat elke medeoverheid besteedde: geef --realisatie CSV (en --begroting CSV) voor de besteding.\n',
    );
    const json = await run(['regioverdeling', '--regio', 'flevoland', '--h35b', '--formaat', 'json']);
    const list = JSON.parse(json.out) as Record<string, string | number>[];
    expect(Object.keys(list[0] ?? {})).toEqual([
      'gemeentecode',
      'gemeentenaam',
      ...[2023, 2024, 2025, 2026, 2027, 2028, 2029].map((j) => `bedrag_${j}_eur`),
      'status',
    ]);
    expect(list.find((m) => m.gemeentenaam === 'Lelystad')).toMatchObject({
      bedrag_2025_eur: 687_972,
      status: 'gepland, nog geen realisatie',
    });
    expect(json.err).toContain('Let op: dit is de geplande verdeling (gepland, nog geen realisatie).');
  });

  describe('--h35b --realisatie: what each medeoverheid spent (SiSa H35B), from the verantwoording', () => {
    const H =
      'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
    // Zwolle (IJssel-Vecht) passes on to Kampen (by name) and Dalfsen (by CBS code); realisatie to 2025.
    const files = {
      'b.csv': [
        H,
        'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;500000;500000;;;;;;',
        'SPUK IZA;;Mentale gezondheid;;GM0148;incidenteel;;;300000;300000;;;;;',
      ].join('\n'),
      'r.csv': [
        H,
        'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;420000;510000;;;;;;',
        'SPUK IZA;;Mentale gezondheid;;GM0148;incidenteel;;;300000;;;;;;',
        'SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;;;1000000;;;;;;',
      ].join('\n'),
    };
    const ARGS = ['regioverdeling', '--gemeente', 'Zwolle', '--h35b', '--realisatie', 'r.csv'];

    it('per medeoverheid × year: received, spent, difference, status; the same figures as verantwoording', async () => {
      const r = await run([...ARGS, '--begroting', 'b.csv'], files);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toBe(
        'gemeentecode;gemeentenaam;jaar;sisa;ontvangen_eur;besteed_eur;verschil_eur;status',
      );
      expect(rows(r.out).map((x) => Object.values(x).join(','))).toEqual([
        'GM0148,Dalfsen,2025,H35B,300000,300000,0,realisatie',
        'GM0148,Dalfsen,2026,H35B,300000,0,300000,nog geen realisatie (na het peiljaar)',
        'GM0166,Kampen,2024,H35B,500000,420000,80000,realisatie',
        'GM0166,Kampen,2025,H35B,500000,510000,-10000,realisatie',
      ]);
      expect(r.err.split('\n').slice(0, 2)).toEqual([
        'SiSa H35B van Zwolle (GM0193): wat elke medeoverheid besteedde, uit r.csv (realisatie tot en met 2025).',
        '- SPUK IZA 2024: de medeoverheden besteedden € 80.000 minder dan de mandaatgemeente doorbetaalde (SiSa H35B). Vraag de verantwoording van de medeoverheden op; wat niet besteed is, gaat terug.',
      ]);
      expect(r.err).toMatch(/\n- SPUK IZA 2025: de medeoverheden besteedden € 10\.000 meer dan /);
      const v = await run(
        [
          'verantwoording',
          '--gemeente',
          'Zwolle',
          '--realisatie',
          'r.csv',
          '--begroting',
          'b.csv',
          '--formaat',
          'json',
        ],
        files,
      );
      const iza = (
        JSON.parse(v.out) as {
          regelingen: { iza: { medeoverheden: { code: string; jaar: number; besteed: number }[] } | null }[];
        }
      ).regelingen.find((x) => x.iza !== null)?.iza;
      const json = await run([...ARGS, '--begroting', 'b.csv', '--formaat', 'json'], files);
      const list = JSON.parse(json.out) as { gemeentecode: string; jaar: number; besteed_eur: number }[];
      // Up to the peiljaar (2025) the verantwoording's H35B; after it what was spent so far (0).
      expect(list.map((m) => [m.gemeentecode, m.jaar, m.besteed_eur])).toEqual(
        iza?.medeoverheden.map((m) => [m.code, m.jaar, m.jaar <= 2025 ? m.besteed : 0]),
      );
      const y = await run([...ARGS, '--begroting', 'b.csv', '--jaar', '2024'], files);
      expect(rows(y.out).map((x) => [x.gemeentenaam, x.besteed_eur])).toEqual([['Kampen', '420000']]);
    });

    it('without --begroting: what was passed on is unknown, left empty (not 0) and said so', async () => {
      const r = await run(ARGS, files);
      expect(r.code).toBe(0);
      expect(
        rows(r.out).map((x) => [x.gemeentenaam, x.jaar, x.ontvangen_eur, x.besteed_eur, x.verschil_eur]),
      ).toEqual([
        ['Dalfsen', '2025', '', '300000', ''],
        ['Kampen', '2024', '', '420000', ''],
        ['Kampen', '2025', '', '510000', ''],
      ]);
      expect(r.err).toContain('Zonder --begroting is onbekend wat de mandaatgemeente doorbetaalde');
    });

    it('refuses what does not fit, in Dutch, exit 2', async () => {
      const cases: [string[], RegExp][] = [
        [
          ['regioverdeling', '--gemeente', 'Zwolle', '--realisatie', 'r.csv'],
          /--realisatie hoort bij --h35b/,
        ],
        [[...ARGS, '--methode', 'gewichten'], /--methode hoort bij de geplande verdeling/],
        [
          ['regioverdeling', '--gemeente', 'Zwolle', '--h35b', '--begroting', 'b.csv'],
          /--begroting hoort bij --realisatie/,
        ],
        [
          ['regioverdeling', '--regio', 'IJssel-Vecht', '--h35b', '--realisatie', 'r.csv'],
          /voor IJssel-Vecht: --gemeente Zwolle/,
        ],
        [
          [...ARGS, '--jaar', '2027'],
          /SiSa H35B uit de realisatie gaat over de SPUK IZA, 2023, 2024, 2025, 2026/,
        ],
        [
          ['regioverdeling', '--gemeente', 'Kampen', '--h35b', '--realisatie', 'r.csv'],
          /Kampen \(GM0166\) is geen mandaatgemeente/,
        ],
      ];
      for (const [argv, message] of cases) {
        const r = await run(argv, files);
        expect([argv, r.code, r.out]).toEqual([argv, 2, '']);
        expect(r.err).toMatch(message);
      }
      const bad = await run(ARGS, { 'r.csv': `${H}\nSPUK IZA;;X;;Kampen;incidenteel;;veel;;;;;;;\n` });
      expect([bad.code, bad.out]).toEqual([2, '']);
      expect(bad.err).toMatch(/^Fout in r\.csv: Rij 2: "veel" in kolom 2024 is geen bedrag\./);
    });
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
