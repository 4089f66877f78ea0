/**
 * `spuk-begroting verantwoording` on generated realisaties for Zwolle (Brede SPUK 2025 € 2.035.253
 * and 2026 € 1.732.939, Bijlage 2A; SPUK IZA IJssel-Vecht € 3.023.765, Bijlage 2B): exit 0 when clean,
 * 1 with signals (terugvordering, overheveling above its limit), 2 on bad input with the Dutch message
 * naming the file and the row and nothing on stdout; csv and json carry the same figures.
 */
import Papa from 'papaparse';
import { defaultReferenceData, editionInput } from '../data';
import type { CbsCode } from '../domain';
import { builtInKey, Ledger, plafonds } from '../domain';
import { captureIo } from '../../test/support/cli-io';
import { runCli } from './cli';

const ledger = new Ledger(editionInput('vws-2026-04'), builtInKey('spuk-2025', defaultReferenceData()));
const ZWOLLE = 'GM0193' as CbsCode;
const BESCHIKKING =
  'regeling;onderdeel;jaar;bedrag_eur\nBrede SPUK;;2025;2035253\nBrede SPUK;;2026;1732939\n';
const { perOnderdeel, perRegeling } = plafonds(ledger, ZWOLLE, [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_035_253 as never },
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 1_732_939 as never },
]);
const IZA = [2023, 2024, 2025, 2026].map((y) => perRegeling['SPUK IZA'][y - 2023]?.bedrag ?? 0);
const ONDERDELEN = ledger.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr);
const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';

/** A realisatie that spends every beschikking exactly, with the Brede SPUK 2025/2026 and extra rows given. */
function realisatie(brede2025: number, brede2026: number, extra: string[] = [], kop = H): string {
  const rows = ONDERDELEN.map(
    (nr) =>
      `Brede SPUK;${nr};Onderdeel ${nr};;Sportbedrijf;incidenteel;${perOnderdeel(nr, 2023)};${perOnderdeel(nr, 2024)};;;;;;;`,
  );
  rows.push(`Brede SPUK;;Ontschot;;GGD;incidenteel;;;${brede2025};${brede2026};;;;;`);
  rows.push(`SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA.join(';')};;;;;`);
  return [kop, ...rows, ...extra].join('\n') + '\n';
}

async function run(argv: string[], files: Record<string, string>) {
  const c = captureIo(files);
  const code = await runCli(argv, c.io, async () => new Uint8Array());
  return { code, out: c.out(), err: c.err() };
}
const ARGS = ['verantwoording', '--gemeente', 'Zwolle', '--beschikking', 'k.csv', '--realisatie', 'r.csv'];

describe('spuk-begroting verantwoording', () => {
  it('everything spent as beschikt: no signals, exit 0', async () => {
    const r = await run(ARGS, { 'k.csv': BESCHIKKING, 'r.csv': realisatie(2_035_253, 1_732_939) });
    expect(r.err).toBe('');
    expect(r.out).toContain(
      'Verantwoording Zwolle (GM0193); editie vws-2026-04; realisatie tot en met 2026; 17 activiteiten; beschikking: 2 bedragen.',
    );
    expect(r.out).toContain('Verwachte terugvordering: per jaar € 0; cumulatief € 0.');
    expect(r.out).toContain('Geen signalen');
    expect(r.code).toBe(0);
  });

  it('underspend 2025 carried at the 10% limit: terugvordering € 31.728, exit 1; csv and json agree', async () => {
    const files = { 'k.csv': BESCHIKKING, 'r.csv': realisatie(1_800_000, 1_732_939 + 203_525) };
    const r = await run(ARGS, files);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /\n2025 +€ 2\.035\.253 +€ 0 +€ 1\.800\.000 +€ -1\.800\.000 +€ 1\.800\.000 +realisatie +€ 0 +€ 235\.253 +€ 203\.525 +€ 203\.525 +€ 31\.728 /,
    );
    expect(r.out).toContain('Verwachte terugvordering: per jaar € 31.728; cumulatief € 31.728.');
    expect(r.out).toContain('- 2025 → 2026: max. 10% van de beschikking 2025 (brief van de minister).');
    expect(r.out).toContain(
      '- Brede SPUK: verwachte terugvordering bij de eindafrekening € 31.728 (cumulatief: beschikking min besteding over de looptijd).',
    );
    const csv = await run([...ARGS, '--formaat', 'csv'], files);
    expect(csv.code).toBe(1);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe(
      'regeling;onderdeel;jaar;beschikking;beschikking_bron;begroting;realisatie;verschil;prognose;besteding;basis;overheveling_in;beschikbaar;saldo;onbesteed;overschrijding;limiet;limiet_grondslag;limiet_bron;overheveling_uit;overheveling_gebruikt;overheveling_teveel;terugvordering;cum_beschikking;cum_besteding;cum_onderbesteding',
    );
    const y25 =
      Papa.parse<string[]>(csv.out, { delimiter: ';' }).data.find(
        (l) => l[0] === 'Brede SPUK' && l[2] === '2025',
      ) ?? [];
    expect(y25.slice(0, 18).join(',')).toBe(
      'Brede SPUK,,2025,2035253,beschikking,0,1800000,-1800000,,1800000,realisatie,0,2035253,235253,235253,0,203525,brief',
    );
    expect(y25[18]).toMatch(
      /^VWS-brief 12-09-2025.*"Van 2025 naar 2026 kunnen gemeenten tot een maximum van 10%/,
    );
    expect(y25.slice(19, 23)).toEqual(['203525', '203525', '0', '31728']);
    expect(y25[25]).toBe('235253');
    const json = await run([...ARGS, '--formaat', 'json'], files);
    const parsed = JSON.parse(json.out) as {
      regelingen: { naam: string; terugvordering: { perJaar: number; cumulatief: number } }[];
    };
    expect(
      parsed.regelingen.map((x) => [x.naam, x.terugvordering.perJaar, x.terugvordering.cumulatief]),
    ).toEqual([
      ['Brede SPUK', 31_728, 31_728],
      ['SPUK IZA', 0, 0],
    ]);
  });

  it('2024 unspent with no rule: per jaar onbekend until the controller sets --limiet', async () => {
    const files = {
      'k.csv': BESCHIKKING,
      'r.csv': realisatie(2_035_253, 1_732_939).replace(
        `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA[0]};${IZA[1]};`,
        `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA[0]};${(IZA[1] ?? 0) - 50_000};`,
      ),
    };
    const r = await run(ARGS, files);
    expect(r.code).toBe(1);
    // The edition's rule for SPUK IZA 2024 → 2025 is 0% as a flagged aanname (no source): the € 50.000 goes back.
    expect(r.out).toContain('Verwachte terugvordering: per jaar € 50.000; cumulatief € 50.000.');
    expect(r.out).toMatch(/2024 → 2025: max\. 0% van de beschikking 2024 \(aanname/);
    const w = await run([...ARGS, '--limiet', 'spuk-iza:2024=10'], files);
    expect(w.out).toContain('Ingesteld door de controller');
    expect(w.out).toContain('Verwachte terugvordering: per jaar € 50.000; cumulatief € 50.000.');
  });

  it('a medeoverheid that spent less than it received (H35B), from the begroting and the realisatie', async () => {
    const begroting = [H, 'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;500000;;;;;;;'].join('\n');
    const files = {
      'k.csv': BESCHIKKING,
      'b.csv': begroting,
      'r.csv': realisatie(2_035_253, 1_732_939, [
        'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;420000;;;;;;;',
      ]).replace(
        `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA[0]};${IZA[1]};`,
        `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;${IZA[0]};${(IZA[1] ?? 0) - 500_000};`,
      ),
    };
    const r = await run([...ARGS, '--begroting', 'b.csv', '--limiet', 'spuk-iza:2024=0'], files);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/GM0166 +Kampen +2024 +€ 500\.000 +€ 420\.000 +€ 80\.000\n/);
    expect(r.out).toMatch(/\n2024 +H35B +GM0166 Kampen +€ 420\.000 +Nee\n/);
    expect(r.out).toMatch(/\n2026 +H35 +besteding jaar T +€ [\d.]+ +€ [\d.]+ +Ja\n/);
    expect(r.out).toContain(
      '- SPUK IZA 2024: de medeoverheden besteedden € 80.000 minder dan de mandaatgemeente doorbetaalde (SiSa H35B).',
    );
    expect(r.out).toContain('Verwachte terugvordering: per jaar € 80.000; cumulatief € 80.000.');
  });

  it('bad input: exit 2, the Dutch message with file and row, nothing on stdout', async () => {
    const bad = await run(ARGS, {
      'k.csv': BESCHIKKING,
      'r.csv': realisatie(2_035_253, 1_732_939, ['Brede SPUK;;Extra;;GGD;incidenteel;;;veel;;;;;;']),
    });
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toMatch(/^Fout in r\.csv: Rij 19: "veel" in kolom 2025 is geen bedrag\./);
    const noFile = await run(['verantwoording', '--gemeente', 'Zwolle'], {});
    expect(noFile.code).toBe(2);
    expect(noFile.err).toContain('Fout: Geef met --realisatie het CSV-bestand');
    const noGemeente = await run(['verantwoording', '--realisatie', 'r.csv'], { 'r.csv': realisatie(0, 0) });
    expect(noGemeente.code).toBe(2);
    expect(noGemeente.err).toBe(
      'Fout: Een verantwoording hoort bij één gemeente: geef --gemeente CODE|NAAM.\n',
    );
    const limiet = await run([...ARGS, '--limiet', 'brede-spuk:2026=5'], {
      'k.csv': BESCHIKKING,
      'r.csv': realisatie(0, 0),
    });
    expect(limiet.code).toBe(2);
    expect(limiet.err).toBe(
      'Fout: brede-spuk: 2026 is geen jaar waaruit kan worden overgeheveld. Kies uit: 2023, 2024, 2025.\n',
    );
    const beschikking = await run(ARGS, {
      'k.csv': 'regeling;onderdeel;jaar;bedrag_eur\nBrede SPUK;;2031;5\n',
      'r.csv': realisatie(0, 0),
    });
    expect(beschikking.code).toBe(2);
    expect(beschikking.err).toMatch(/^Fout in k\.csv: Rij 2/);
  });
});
