/**
 * `spuk-begroting begroting` and `werkboek --beschikking/--begroting` (issue 9 §4, §6): the files are
 * read by the one reader (src/data/begroting-input.ts), checked with the domain's toetsBegroting and
 * refused on bad input with exit 2, Dutch messages naming the file and the row, and nothing written.
 */
import type { WorkbookPlan } from '../plan';
import type { ScenarioRequest } from '../domain';
import * as plan from '../plan';
import ExcelJS from 'exceljs';
import { renderXlsx } from '../xlsx';
import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';

jest.mock('../plan', () => {
  const actual = jest.requireActual<typeof plan>('../plan');
  return { ...actual, planWorkbook: jest.fn(actual.planWorkbook) };
});
const planWorkbook = plan.planWorkbook as jest.MockedFunction<typeof plan.planWorkbook>;

interface Captured {
  code: number;
  out: string;
  err: string;
  written: Map<string, Uint8Array>;
}

async function run(argv: string[], files: Record<string, string> = {}): Promise<Captured> {
  const c = captureIo(files);
  const render = async (p: WorkbookPlan) => new TextEncoder().encode(JSON.stringify(p.meta));
  const code = await runCli(argv, c.io, render);
  return { code, out: c.out(), err: c.err(), written: c.written };
}

const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
const begroting = (...rows: string[]): string => [H, ...rows].join('\n') + '\n';
/** Almere: Brede SPUK 2025 over its Bijlage 2A total (€ 3.478.172) by € 121.828; structural AZWA lasten. */
const OVER = begroting(
  'Brede SPUK;1;Lokaal sportakkoord;;Sportbedrijf;incidenteel;100000;100000;3.600.000;;;;;;',
  'SPUK AZWA lokaal;;Welzijn op recept;6.1;Stichting Welzijn;structureel;;;;;500.000;500.000;500.000;;',
);
const BINNEN = begroting('Brede SPUK;;Preventieakkoord;;GGD;incidenteel;;;1.000.000;1.000.000;;;;;');
const BESCHIKKING = 'regeling;onderdeel;jaar;bedrag_eur\nBrede SPUK;;2025;3.478.172\n';

describe('spuk-begroting begroting', () => {
  it('prints plafond (with source), lasten and saldo per regeling and year, then the signals; exit 1', async () => {
    const r = await run(
      ['begroting', '--invoer', 'b.csv', '--gemeente', 'Almere', '--beschikking', 'k.csv'],
      {
        'b.csv': OVER,
        'k.csv': BESCHIKKING,
      },
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'Begroting Almere (GM0034); editie vws-2026-04; sleutel spuk-2025; 2 activiteiten; beschikking: 1 bedrag.',
    );
    expect(r.out).toMatch(/regeling +jaar +plafond +bron +lasten +doorgeven +saldo\n/);
    expect(r.out).toMatch(/Brede SPUK +2025 +€ 3\.478\.172 +beschikking +€ 3\.600\.000 +€ 0 +€ -121\.828\n/);
    // Almere is Flevoland's mandaatgemeente: what it passes on to the members as planned is no saldo (#18).
    expect(r.out).toMatch(/SPUK IZA +2025 +€ 3\.161\.954 +gepubliceerd +€ 0 +€ 1\.551\.530 +€ 1\.610\.424\n/);
    expect(r.out).toContain('Signalen (5):');
    expect(r.out).toContain(
      '- Brede SPUK, 2025: de lasten liggen € 121.828 boven het plafond. Verlaag de lasten of zoek andere dekking.',
    );
    expect(r.out).toContain(
      '- Na 2029: € 500.000 structurele lasten op de SPUK AZWA zonder dekking vanaf 2030.',
    );
  });

  it('exits 0 without signals, and the edition amount is the plafond without a beschikking', async () => {
    const r = await run(['begroting', '--invoer', 'b.csv', '--gemeente', 'GM0034'], { 'b.csv': BINNEN });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /Brede SPUK +2025 +€ 3\.478\.172 +gepubliceerd +€ 1\.000\.000 +€ 0 +€ 2\.478\.172\n/,
    );
    expect(r.out).toContain('Geen signalen: de begroting blijft binnen de plafonds en regels.');
  });

  it('checks against the national sums without --gemeente', async () => {
    const r = await run(['begroting', '--invoer', 'b.csv'], { 'b.csv': BINNEN });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Begroting heel Nederland (som van alle gemeenten); editie vws-2026-04');
  });

  it('refuses bad rows in both files at once, naming file and row, exit 2, nothing on stdout', async () => {
    const r = await run(
      ['begroting', '--invoer', 'b.csv', '--gemeente', 'Almere', '--beschikking', 'k.csv'],
      {
        'b.csv': begroting('Brede SPUK;16;X;;;;;;;;;;;;'),
        'k.csv': 'regeling;onderdeel;jaar;bedrag_eur\nSPUK AZWA lokaal;;2025;1\n',
      },
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'Fout in b.csv: Rij 2: "16" is geen onderdeel van de Brede SPUK. Gebruik een nummer van 1 tot en met 15, of laat het onderdeel leeg.\n' +
        'Fout in k.csv: Rij 2: de SPUK AZWA lokaal bestaat niet in 2025, alleen 2027–2029. Controleer het jaar of de regeling.\n',
    );
  });

  const usage: [string, string[], Record<string, string>, string][] = [
    [
      'no --invoer',
      ['begroting'],
      {},
      "Fout: Geef met --invoer het CSV-bestand van de begroting, met de kolommen van de tabel Begroting (zie 'spuk-begroting begroting --help').\n",
    ],
    [
      'a file that cannot be read',
      ['begroting', '--invoer', 'weg.csv'],
      {},
      'Fout: Kan het bestand "weg.csv" niet lezen. Controleer pad en rechten.\n',
    ],
    [
      'a beschikking without a gemeente',
      ['begroting', '--invoer', 'b.csv', '--beschikking', 'k.csv'],
      { 'b.csv': BINNEN, 'k.csv': BESCHIKKING },
      'Fout: Een beschikking hoort bij één gemeente: geef ook --gemeente CODE|NAAM.\n',
    ],
    [
      '--invoer twice',
      ['begroting', '--invoer', 'b.csv', '--invoer', 'b.csv'],
      { 'b.csv': BINNEN },
      'Fout: De optie --invoer staat er twee keer. Geef elke optie één keer.\n',
    ],
    [
      '--invoer without a value',
      ['begroting', '--invoer'],
      {},
      "Fout: De optie --invoer heeft een waarde nodig. Zie 'spuk-begroting begroting --help'.\n",
    ],
    [
      'an option of another command',
      ['begroting', '--invoer', 'b.csv', '--h35b'],
      { 'b.csv': BINNEN },
      `Fout: Onbekende optie "--h35b" voor begroting. Zie 'spuk-begroting begroting --help'.\n`,
    ],
    [
      'an unknown gemeente',
      ['begroting', '--invoer', 'b.csv', '--gemeente', 'Nergens'],
      { 'b.csv': BINNEN },
      'Fout: Gemeente "Nergens" niet gevonden. Gebruik een CBS-code (bijvoorbeeld GM0034) of de naam van een gemeente uit de indeling 2025.\n',
    ],
  ];
  it.each(usage)('refuses %s with exit 2', async (_, argv, files, err) => {
    const r = await run(argv, files);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(err);
  });

  it("a mandaatgemeente's row with a member as Uitvoerder: saldo per regeling as the domain's, and the signal (exit 1)", async () => {
    // Zwolle (mandaatgemeente of IJssel-Vecht) budgets SPUK IZA 2025 with Uitvoerder Dalfsen (a member,
    // whose planned share is in the doorgeven already) and GM0148 (the same member by its CBS code).
    const b = begroting(
      'SPUK IZA;;Preventie;7.1;Dalfsen;incidenteel;;;100.000;;;;;;',
      'SPUK IZA;;Preventie;7.1;GM0148;incidenteel;;;50.000;;;;;;',
      'SPUK IZA;;Eigen;7.1;Zwolle;incidenteel;;;10.000;;;;;;',
    );
    const r = await run(['begroting', '--invoer', 'b.csv', '--gemeente', 'Zwolle'], { 'b.csv': b });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    // € 3.023.765 − € 160.000 − € 2.085.724 = € 778.041 (the domain's saldoPerRegeling).
    expect(r.out).toMatch(
      /SPUK IZA +2025 +€ 3\.023\.765 +gepubliceerd +€ 160\.000 +€ 2\.085\.724 +€ 778\.041\n/,
    );
    expect(r.out).toContain(
      "- 2 rijen onder SPUK IZA of SPUK AZWA regionaal hebben een andere ledengemeente van de regio als Uitvoerder. Wat u aan de ledengemeenten doorgeeft, telt al als last mee, volgens de regioverdeling ('spuk-begroting regioverdeling', kolom doorgeven hierboven): zo telt dat geld dubbel",
    );
    expect(r.out).toContain('maak de Uitvoerder dan leeg of vul uw eigen gemeente in.');
    const json = await run(['begroting', '--invoer', 'b.csv', '--gemeente', 'Zwolle', '--formaat', 'json'], {
      'b.csv': b,
    });
    const data = JSON.parse(json.out) as {
      signalen: { soort: string; bedrag_eur: number }[];
      regels: { regeling: string; jaar: number; saldo_eur: number }[];
    };
    expect(data.signalen.filter((s) => s.soort === 'doorbetaling-dubbel')).toMatchObject([{ bedrag_eur: 2 }]);
    expect(data.regels.find((x) => x.regeling === 'SPUK IZA' && x.jaar === 2025)?.saldo_eur).toBe(778_041);
    // Dalfsen itself (a member) passes nothing on: no such signal.
    const lid = await run(['begroting', '--invoer', 'b.csv', '--gemeente', 'Dalfsen'], { 'b.csv': b });
    expect(lid.out).not.toContain('andere ledengemeente');
  });

  it('has --help (stdout, exit 0) and is in the overview', async () => {
    const r = await run(['begroting', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('spuk-begroting begroting --invoer CSV');
    expect((await run(['--help'])).out).toContain('begroting    toets uw begroting');
  });
});

describe('spuk-begroting werkboek --beschikking / --begroting', () => {
  beforeEach(() => planWorkbook.mockClear());
  /** What the werkboek command resolved into the scenario it laid out. */
  const options = (): ScenarioRequest | undefined => planWorkbook.mock.calls[0]?.[0].request;
  /** werkboek for Almere with the beschikking k.csv and the begroting b.csv, written to a.xlsx. */
  const WERKBOEK = [
    'werkboek',
    '--gemeente',
    'Almere',
    '--beschikking',
    'k.csv',
    '--begroting',
    'b.csv',
    '--uit',
    'a.xlsx',
  ];

  it('passes the beschikking and the begroting on to the plan', async () => {
    const r = await run(WERKBOEK, { 'k.csv': BESCHIKKING, 'b.csv': OVER });
    expect(r.code).toBe(0);
    expect(r.written.has('a.xlsx')).toBe(true);
    expect(r.err).toContain('; beschikking: 1 bedrag; begroting: 2 activiteiten).');
    expect(options()?.gemeente).toBe('GM0034');
    expect(options()?.beschikking).toEqual([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 3_478_172 },
    ]);
    expect(options()?.begroting?.regels.map((x) => [x.rij, x.regeling, x.activiteit, x.lasten[2]])).toEqual([
      [2, 'Brede SPUK', 'Lokaal sportakkoord', 3_600_000],
      [3, 'SPUK AZWA lokaal', 'Welzijn op recept', 0],
    ]);
  });

  it('end to end: the written .xlsx holds the activities in the table Begroting and the beschikking in its grid', async () => {
    const c = captureIo({ 'k.csv': BESCHIKKING, 'b.csv': OVER });
    const code = await runCli(WERKBOEK, c.io, renderXlsx);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(c.written.get('a.xlsx') as Uint8Array) as unknown as ExcelJS.Buffer);
    const table = wb.getWorksheet('Begroting');
    expect(table?.getCell('C7').value).toBe('Lokaal sportakkoord');
    expect(table?.getCell('I7').value).toBe(3_600_000);
    expect(table?.getCell('C8').value).toBe('Welzijn op recept');
    // Row BS (the Brede SPUK total) of the grid, column G = 2025.
    const grid = wb.getWorksheet('Beschikking');
    expect(grid?.getCell('A7').value).toBe('BS');
    expect(grid?.getCell('G7').value).toBe(3_478_172);
    // The Begrotingstoets's count (cached result): Brede SPUK 2025 over the plafond, the AZWA lasten structural.
    const count = wb.getWorksheet('Begrotingstoets')?.getCell('C3').value as { result?: unknown } | undefined;
    expect(count?.result).toBeGreaterThan(0);
  });

  it('takes the beschikking file of allocaties (gemeentecode, onderdeel_nr)', async () => {
    const r = await run(['werkboek', '--gemeente', 'GM0034', '--beschikking', 'k.csv'], {
      'k.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,16,2025,3161954\n',
    });
    expect(r.code).toBe(0);
    expect(options()?.beschikking).toEqual([
      { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: 3_161_954 },
    ]);
    expect(options()?.begroting).toBeUndefined();
  });

  it('without the options, passes neither', async () => {
    await run(['werkboek', '--gemeente', 'Almere']);
    expect(options()?.beschikking).toEqual([]);
    expect(options()?.begroting).toBeUndefined();
  });

  const bad: [string, string[], Record<string, string>, string][] = [
    [
      'a bad begroting row',
      ['werkboek', '--begroting', 'b.csv'],
      { 'b.csv': begroting('Brede SPUK;1;X;;;eenmalig;;;;;;;;;') },
      'Fout in b.csv: Rij 2: "eenmalig" is geen aard van lasten. Kies structureel of incidenteel (leeg mag, maar geeft een signaal).\n',
    ],
    [
      'a beschikking of another gemeente',
      ['werkboek', '--gemeente', 'Almere', '--beschikking', 'k.csv'],
      { 'k.csv': 'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0363,1,2024,5\n' },
      'Fout in k.csv: Rij 2: deze rij is van GM0363, maar de gekozen gemeente is GM0034. Laat alleen de rijen van GM0034 staan, of kies gemeente GM0363.\n',
    ],
    [
      'a beschikking without --gemeente',
      ['werkboek', '--beschikking', 'k.csv'],
      { 'k.csv': BESCHIKKING },
      'Fout: Een beschikking hoort bij één gemeente: geef ook --gemeente CODE|NAAM.\n',
    ],
    [
      '--begroting with --alle',
      ['werkboek', '--alle', '--uit', 'map', '--begroting', 'b.csv'],
      { 'b.csv': BINNEN },
      'Fout: Gebruik --begroting met één gemeente (--gemeente), niet met --alle: het bestand hoort bij één gemeente.\n',
    ],
    [
      '--beschikking twice',
      ['werkboek', '--gemeente', 'Almere', '--beschikking', 'k.csv', '--beschikking=k.csv'],
      { 'k.csv': BESCHIKKING },
      'Fout: De optie --beschikking staat er twee keer. Geef elke optie één keer.\n',
    ],
    [
      'an unreadable begroting',
      ['werkboek', '--begroting', 'weg.csv'],
      {},
      'Fout: Kan het bestand "weg.csv" niet lezen. Controleer pad en rechten.\n',
    ],
  ];
  it.each(bad)('refuses %s: exit 2, nothing written, no plan built', async (_, argv, files, err) => {
    const r = await run(argv, files);
    expect(r.code).toBe(2);
    expect(r.written.size).toBe(0);
    expect(r.err).toBe(err);
    expect(planWorkbook).not.toHaveBeenCalled();
  });
});
