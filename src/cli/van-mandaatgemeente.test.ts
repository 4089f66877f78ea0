/**
 * `--van-mandaatgemeente JAAR=BEDRAG,…` (`begroting`, `werkboek`): a member gemeente types what its
 * mandaatgemeente passes on (`BegrotingInvoer.vanMandaatgemeente`). Rozendaal (GM0277, region Arnhem,
 * vws-2026-04): its planned share (Regioverdeling, methode aandeel) is SPUK IZA 2025 € 33.248 and SPUK
 * AZWA regionaal 2027 € 45.139 / 2028 € 54.679; with 30.000 and 25.000 of lasten there are no signals;
 * typed 20.000 (2025), 20.000 (2027) and 30.000 (2028) the toets gives two signals (€ 10.000, € 5.000).
 */
import Papa from 'papaparse';
import { captureIo } from '../../test/support/cli-io';
import type { WorkbookPlan } from '../plan';
import { runCli } from './cli';

const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
const B = [
  H,
  'SPUK IZA;;Valpreventie;6.1;Gemeente;incidenteel;;;30000;30000;;;;;',
  'SPUK AZWA regionaal;;Mentale gezondheid;6.1;Gemeente;incidenteel;;;;;25000;25000;;;',
].join('\n');

async function run(argv: string[]) {
  let plan: WorkbookPlan | undefined;
  const c = captureIo({ 'b.csv': B });
  const code = await runCli(argv, c.io, async (p) => {
    plan = p;
    return new Uint8Array();
  });
  return { code, out: c.out(), err: c.err(), plan };
}

const BASE = ['begroting', '--invoer', 'b.csv', '--gemeente', 'Rozendaal'];
const VAN = ['--van-mandaatgemeente', '2025=20000,2027=20.000;2028=30000'];
/** The CSV overview's regional rows: regeling, jaar, plafond, bron, lasten, saldo. */
const regional = (out: string) =>
  Papa.parse<string[]>(out.trim(), { delimiter: ';' })
    .data.filter((r) => r[0] === 'SPUK IZA' || r[0] === 'SPUK AZWA regionaal')
    .filter((r) => ['2025', '2027', '2028'].includes(r[1] ?? ''))
    .map((r) => r.join(','));

describe('--van-mandaatgemeente', () => {
  it('begroting: without it the planned share counts, with it the typed amounts (Rozendaal, region Arnhem)', async () => {
    const planned = await run([...BASE, '--formaat', 'csv']);
    expect(planned.code).toBe(0);
    expect(regional(planned.out)).toEqual([
      'SPUK IZA,2025,33248,van mandaatgemeente (gepland aandeel),30000,0,3248',
      'SPUK AZWA regionaal,2027,45139,van mandaatgemeente (gepland aandeel),25000,0,20139',
      'SPUK AZWA regionaal,2028,54679,van mandaatgemeente (gepland aandeel),25000,0,29679',
    ]);
    const typed = await run([...BASE, ...VAN, '--formaat', 'csv']);
    expect(typed.code).toBe(1);
    expect(regional(typed.out)).toEqual([
      'SPUK IZA,2025,20000,van mandaatgemeente (ingevuld),30000,0,-10000',
      'SPUK AZWA regionaal,2027,20000,van mandaatgemeente (ingevuld),25000,0,-5000',
      'SPUK AZWA regionaal,2028,30000,van mandaatgemeente (ingevuld),25000,0,5000',
    ]);
    const text = await run([...BASE, ...VAN]);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(
      /\nSPUK IZA +2026 +€ 41\.803 +van mandaatgemeente \(gepland aandeel\) +€ 30\.000 +€ 0 +€ 11\.803\n/,
    );
    expect(text.out).toContain('Signalen (2):');
    expect(text.out).toContain('- SPUK IZA, 2025: de lasten liggen € 10.000 boven het plafond.');
    expect(text.out).toContain('- SPUK AZWA regionaal, 2027: de lasten liggen € 5.000 boven het plafond.');
    const json = JSON.parse((await run([...BASE, ...VAN, '--formaat', 'json'])).out) as {
      signalen: { soort: string; regeling: string; jaar: number; bedrag_eur: number }[];
    };
    expect(json.signalen.map((s) => [s.soort, s.regeling, s.jaar, s.bedrag_eur])).toEqual([
      ['plafond', 'SPUK IZA', 2025, 10_000],
      ['plafond', 'SPUK AZWA regionaal', 2027, 5_000],
    ]);
  });

  it('werkboek --begroting: the amounts land in Invoer_Van_Mandaatgemeente on the Beschikking sheet', async () => {
    const r = await run([
      'werkboek',
      '--gemeente',
      'Rozendaal',
      '--begroting',
      'b.csv',
      ...VAN,
      '--uit',
      'r.xlsx',
    ]);
    expect(r.err).toMatch(/^Geschreven: r\.xlsx/);
    expect(r.code).toBe(0);
    const ref = r.plan?.names.find((n) => n.name === 'Invoer_Van_Mandaatgemeente')?.ref ?? '';
    const [sheetName, range] = ref.replace(/\$/g, '').split('!');
    const topLeft = range?.split(':')[0] ?? '';
    const sheet = r.plan?.sheets.find((s) => `'${s.name}'` === sheetName || s.name === sheetName);
    const block = sheet?.blocks.find((b) => b.kind === 'values' && b.at === topLeft);
    // Rows SPUK IZA, SPUK AZWA regionaal; columns the edition's years 2023–2030 (empty = planned share).
    expect(block?.kind === 'values' ? block.values : undefined).toEqual([
      [null, null, 20_000, null, null, null, null, null],
      [null, null, null, null, 20_000, 30_000, null, null],
    ]);
  });

  it('refuses in Dutch, naming the fix (exit 2, nothing on stdout)', async () => {
    const cases: [string[], string][] = [
      [
        ['begroting', '--invoer', 'b.csv', '--gemeente', 'Arnhem', '--van-mandaatgemeente', '2025=1'],
        "Fout: Arnhem is de mandaatgemeente van Arnhem: zij ontvangt het regiobedrag zelf. --van-mandaatgemeente is voor een ledengemeente; laat het weg (de verdeling: 'spuk-begroting regioverdeling --gemeente Arnhem').\n",
      ],
      [
        ['begroting', '--invoer', 'b.csv', '--van-mandaatgemeente', '2025=1'],
        'Fout: --van-mandaatgemeente hoort bij één ledengemeente van een SPUK IZA-regio: geef ook --gemeente CODE|NAAM.\n',
      ],
      [
        [...BASE, '--van-mandaatgemeente', '2025:20000'],
        `Fout: "2025:20000" in --van-mandaatgemeente is geen bedrag per jaar. Schrijf JAAR=BEDRAG in hele euro's, gescheiden door komma's, bijvoorbeeld 2025=120000,2027=20000.\n`,
      ],
      [
        [...BASE, '--van-mandaatgemeente', '2025=20000,50'],
        `Fout: "50" in --van-mandaatgemeente is geen bedrag per jaar. Schrijf JAAR=BEDRAG in hele euro's, gescheiden door komma's, bijvoorbeeld 2025=120000,2027=20000.\n`,
      ],
      [
        [...BASE, '--van-mandaatgemeente', '2025=-5'],
        `Fout: "2025=-5" in --van-mandaatgemeente is geen bedrag per jaar. Schrijf JAAR=BEDRAG in hele euro's, gescheiden door komma's, bijvoorbeeld 2025=120000,2027=20000.\n`,
      ],
      [
        [...BASE, '--van-mandaatgemeente', '2030=5'],
        'Fout: In 2030 ontvangt de regio Arnhem geen regionaal SPUK-geld: er is dan niets door te geven. Kies uit 2023, 2024, 2025, 2026, 2027, 2028, 2029.\n',
      ],
      [
        [...BASE, '--van-mandaatgemeente', '2025=5,2025=6'],
        'Fout: 2025 staat twee keer in --van-mandaatgemeente. Geef elk jaar één keer.\n',
      ],
      [
        ['werkboek', '--gemeente', 'Rozendaal', ...VAN],
        'Fout: --van-mandaatgemeente hoort bij uw begroting (het blad Beschikking ernaast): geef ook --begroting CSV.\n',
      ],
      [
        ['werkboek', '--alle', '--uit', 'map', ...VAN],
        'Fout: Gebruik --van-mandaatgemeente met één gemeente (--gemeente), niet met --alle: de bedragen zijn wat één ledengemeente van haar mandaatgemeente ontvangt.\n',
      ],
      [
        ['werkboek', '--alle', '--uit', 'map', '--limiet', 'Brede SPUK:2025=20'],
        'Fout: Gebruik --limiet met één gemeente (--gemeente), niet met --alle: de limieten gelden voor de Verantwoording van één gemeente (met --realisatie).\n',
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect([argv, r.code, r.out, r.err]).toEqual([argv, 2, '', message]);
    }
  });
});
