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
import type { WorkbookPlan } from '../plan';
import { SHEETS } from '../plan';
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
  rows.push(`SPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA.join(';')};;;;;`);
  return [kop, ...rows, ...extra].join('\n') + '\n';
}

async function run(argv: string[], files: Record<string, string>) {
  const c = captureIo(files);
  const code = await runCli(argv, c.io, async () => new Uint8Array());
  return { code, out: c.out(), err: c.err() };
}
const ARGS = ['verantwoording', '--gemeente', 'Zwolle', '--beschikking', 'k.csv', '--realisatie', 'r.csv'];

/**
 * The expected values (the domain's, as the .xlsx caches them) right of every row of the werkmap's
 * sheet Verantwoording whose first cell is `label`: one per regeling, in sheet order.
 */
function werkmapFigures(plan: WorkbookPlan, label: string): unknown[] {
  const sheet = plan.sheets.find((x) => x.name === SHEETS.verantwoording);
  if (sheet === undefined) throw new Error('no sheet Verantwoording');
  const rows: number[] = [];
  for (const b of sheet.blocks)
    if (b.kind === 'values' && b.at.startsWith('A'))
      b.values.forEach((line, i) => {
        if (line[0] === label) rows.push(Number(b.at.slice(1)) + i);
      });
  return rows.map((row) => {
    const f = sheet.blocks.find((b) => b.kind === 'formula' && b.range.split(':')[0] === `B${row}`);
    return f?.kind === 'formula' ? f.expected[0]?.[0] : undefined;
  });
}

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
    // The signals beside the CSV, on stderr, as the text gives them.
    expect(csv.err).toContain(
      '- Brede SPUK: verwachte terugvordering bij de eindafrekening € 31.728 (cumulatief: beschikking min besteding over de looptijd).',
    );
    expect(csv.err).toMatch(/^Signalen \(\d+\):\n/);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe(
      'regeling;onderdeel;jaar;beschikking;beschikking_bron;begroting;realisatie;verschil;prognose;besteding;basis;overheveling_in;beschikbaar;saldo;onbesteed;overschrijding;limiet;limiet_grondslag;limiet_bron;overheveling_uit;overheveling_gebruikt;overheveling_teveel;terugvordering;cum_beschikking;cum_besteding;cum_onderbesteding;beschikkingsnummer;beschikkingsdatum',
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
    // Kampen received and spent € 100.000 in 2024 (a doorbetaling: without one the unspent money of a
    // mandaatgemeente is refused, `doorbetaling-ontbreekt`, as in the next test).
    const files = {
      'k.csv': BESCHIKKING,
      'b.csv': [H, 'SPUK IZA;;Lokaal;;Kampen;incidenteel;;100000;;;;;;;'].join('\n'),
      'r.csv': realisatie(2_035_253, 1_732_939).replace(
        `SPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA[0]};${IZA[1]};`,
        `SPUK IZA;;Lokaal;;Kampen;incidenteel;;100000;;;;;;;\nSPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA[0]};${(IZA[1] ?? 0) - 150_000};`,
      ),
    };
    const nee = await run(ARGS, {
      'k.csv': files['k.csv'],
      'r.csv': files['r.csv']
        .replace(/^SPUK IZA;;Lokaal.*\n/m, '')
        .replace(`${(IZA[1] ?? 0) - 150_000}`, `${(IZA[1] ?? 0) - 50_000}`),
    });
    // Nothing passed on to the members while the Regioverdeling plans it: refused, not € 50.000.
    expect(nee.out).toContain('cumulatief onbekend (doorbetaling aan de medeoverheden niet ingevuld');
    expect(nee.out).toMatch(
      /- SPUK IZA 2024: niets doorbetaald aan of besteed door de medeoverheden ingevuld, terwijl de Regioverdeling € 2\.085\.723 /,
    );
    const B = ['--begroting', 'b.csv'];
    const r = await run([...ARGS, ...B], files);
    expect(r.code).toBe(1);
    // The edition's rule for SPUK IZA 2024 → 2025 is 0% as a flagged aanname (no source): the € 50.000 goes back.
    expect(r.out).toContain('Verwachte terugvordering: per jaar € 50.000; cumulatief € 50.000.');
    expect(r.out).toMatch(/2024 → 2025: max\. 0% van de beschikking 2024 \(aanname/);
    const w = await run([...ARGS, ...B, '--limiet', 'spuk-iza:2024=10'], files);
    expect(w.out).toContain('Ingesteld door de controller');
    // 10%: the € 50.000 is carried into 2025 and left there, a year with nothing doorbetaald: refused.
    expect(w.out).toContain('Verwachte terugvordering: per jaar onbekend; cumulatief onbekend');
    expect(w.out).toMatch(/- SPUK IZA 2025: niets doorbetaald aan of besteed door de medeoverheden/);
    // Refused in Dutch: above 100, an unknown regeling (the same checks as --schuifruimte's).
    expect((await run([...ARGS, '--limiet', 'spuk-iza:2024=120'], files)).err).toBe(
      'Fout: spuk-iza:2024=120: een limiet is een percentage van 0 tot en met 100.\n',
    );
    expect((await run([...ARGS, '--limiet', 'gala:2024=0'], files)).err).toContain(
      '"gala" is geen regeling met een verantwoording. Kies uit: brede-spuk, spuk-iza',
    );
  });

  it('an Uitvoerder that names no gemeente (a partner: GGD IJsselland) is own besteding (H35), as Zwolle itself (#19)', async () => {
    const own = await run(ARGS, { 'k.csv': BESCHIKKING, 'r.csv': realisatie(2_035_253, 1_732_939) });
    const r = await run(ARGS, {
      'k.csv': BESCHIKKING,
      'r.csv': realisatie(2_035_253, 1_732_939).replace('Regioplan;;Zwolle;', 'Regioplan;;GGD IJsselland;'),
    });
    expect(r.out).not.toContain('spaties voor of na de Uitvoerder');
    expect([r.code, r.out.replace(/GGD IJsselland/g, 'Zwolle')]).toEqual([own.code, own.out]);
  });

  it('a medeoverheid that spent less than it received (H35B), from the begroting and the realisatie', async () => {
    const begroting = [H, 'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;500000;;;;;;;'].join('\n');
    const files = {
      'k.csv': BESCHIKKING,
      'b.csv': begroting,
      'r.csv': realisatie(2_035_253, 1_732_939, [
        'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;420000;;;;;;;',
      ]).replace(
        `SPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA[0]};${IZA[1]};`,
        `SPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA[0]};${(IZA[1] ?? 0) - 500_000};`,
      ),
    };
    const r = await run([...ARGS, '--begroting', 'b.csv', '--limiet', 'spuk-iza:2024=0'], files);
    expect(r.code).toBe(1);
    // ontvangen, realisatie, besteed (the year's basis: here the realisatie), verschil.
    expect(r.out).toMatch(/GM0166 +Kampen +2024 +€ 500\.000 +€ 420\.000 +€ 420\.000 +€ 80\.000\n/);
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

  it('the CLI and werkboek --realisatie read the files once, the same way: the same terugvordering to the euro', async () => {
    // A medeoverheid (Kampen) that spent € 80.000 less than it received, an underspend carried at the
    // limit, and the controller's own limit: every input the two commands share.
    const files = {
      'k.csv': BESCHIKKING,
      'b.csv': [H, 'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;500000;;;;;;;'].join('\n'),
      'r.csv': realisatie(1_800_000, 1_732_939 + 203_525, [
        'SPUK IZA;;Valpreventie;;Kampen;incidenteel;;420000;;;;;;;',
      ]).replace(
        `SPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA[0]};${IZA[1]};`,
        `SPUK IZA;;Regioplan;;Zwolle;incidenteel;${IZA[0]};${(IZA[1] ?? 0) - 500_000};`,
      ),
    };
    const shared = ['--begroting', 'b.csv', '--limiet', 'spuk-iza:2024=0'];
    const cli = await run([...ARGS, ...shared, '--formaat', 'json'], files);
    expect(cli.code).toBe(1);
    const json = JSON.parse(cli.out) as {
      regelingen: { naam: string; terugvordering: { perJaar: number | null; cumulatief: number } }[];
    };
    expect(
      json.regelingen.map((r) => [r.naam, r.terugvordering.perJaar, r.terugvordering.cumulatief]),
    ).toEqual([
      ['Brede SPUK', 31_728, 31_728],
      ['SPUK IZA', 80_000, 80_000],
    ]);
    let plan: WorkbookPlan | undefined;
    const c = captureIo(files);
    const werkboek = ['werkboek', '--gemeente', 'Zwolle', '--beschikking', 'k.csv', '--realisatie', 'r.csv'];
    const code = await runCli([...werkboek, ...shared, '--uit', 'w.xlsx'], c.io, async (p) => {
      plan = p;
      return new Uint8Array();
    });
    expect(c.err()).toMatch(/^Geschreven: w\.xlsx/);
    expect(code).toBe(0);
    if (plan === undefined) throw new Error('no plan');
    expect(werkmapFigures(plan, 'Verwachte terugvordering: som van de jaren (lezing per jaar)')).toEqual(
      json.regelingen.map((r) => r.terugvordering.perJaar),
    );
    expect(werkmapFigures(plan, 'Verwachte terugvordering: cumulatief over de looptijd')).toEqual(
      json.regelingen.map((r) => r.terugvordering.cumulatief),
    );
    // The same bad realisatie is refused the same way by both commands (one reader, one report).
    const bad = { ...files, 'r.csv': realisatie(0, 0, ['Brede SPUK;;Extra;;GGD;incidenteel;;;veel;;;;;;']) };
    const v = await run([...ARGS, ...shared], bad);
    const w = await run([...werkboek, ...shared, '--uit', 'w.xlsx'], bad);
    expect([v.code, w.code]).toEqual([2, 2]);
    expect(w.err).toBe(v.err);
    expect(v.err).toMatch(/^Fout in r\.csv: Rij 19: "veel" in kolom 2025 is geen bedrag\./);
    const noLimiet = await run([...werkboek.slice(0, 5), '--limiet', 'spuk-iza:2024=0'], files);
    expect(noLimiet.err).toBe('Fout: --limiet hoort bij --realisatie (het blad Verantwoording).\n');
  });

  it('prints the beschikkingsnummer and -datum where the beschikking gives them (tekst, csv, json)', async () => {
    const files = {
      'k.csv':
        'regeling;onderdeel;jaar;bedrag_eur;beschikkingsnummer;beschikkingsdatum\n' +
        'Brede SPUK;;2025;2035253;1234567-202345-PG;15-03-2025\n' +
        'Brede SPUK;;2026;1732939;;\n',
      'r.csv': realisatie(2_035_253, 1_732_939),
    };
    const tekst = await run(ARGS, files);
    expect(tekst.code).toBe(0);
    expect(tekst.out).toContain('Brede SPUK — ');
    expect(tekst.out).toContain('\nBeschikking nr 1234567-202345-PG van 15-03-2025\n');
    // The SPUK IZA has none: no line for it.
    expect(tekst.out.match(/Beschikking nr/g)).toHaveLength(1);
    const csv = await run([...ARGS, '--formaat', 'csv'], files);
    const rows = Papa.parse<string[]>(csv.out.trim(), { delimiter: ';' }).data;
    const at = (l: string[]) => l.slice(-2);
    expect(rows.filter((l) => l[0] === 'Brede SPUK').map(at)).toContainEqual([
      '1234567-202345-PG',
      '2025-03-15',
    ]);
    expect(new Set(rows.filter((l) => l[0] === 'Brede SPUK').map((l) => at(l).join('|')))).toEqual(
      new Set(['1234567-202345-PG|2025-03-15']),
    );
    expect(rows.filter((l) => l[0] === 'SPUK IZA').every((l) => at(l).join('') === '')).toBe(true);
    const json = JSON.parse((await run([...ARGS, '--formaat', 'json'], files)).out) as {
      regelingen: { naam: string; beschikkingsnummer: string | null; beschikkingsdatum: string | null }[];
    };
    expect(json.regelingen.map((r) => [r.naam, r.beschikkingsnummer, r.beschikkingsdatum])).toEqual([
      ['Brede SPUK', '1234567-202345-PG', '2025-03-15'],
      ['SPUK IZA', null, null],
    ]);
    // A date the reader cannot read: exit 2, the row and the fix.
    const bad = await run(ARGS, { ...files, 'k.csv': files['k.csv'].replace('15-03-2025', '2025/15/03') });
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain(
      'Rij 2: de beschikkingsdatum "2025/15/03" is geen datum. Schrijf de datum als dd-mm-jjjj',
    );
  });

  it('--schuifruimte: an onderdeel’s overspend within the % is not reclaimed; the werkmap gets the same input', async () => {
    // 2024 (no carry-over: --limiet brede-spuk:2024=0): onderdeel 1 spends 10.000 less, onderdeel 2
    // 5.000 more (well within 15% of its plafond); 2023 as beschikt.
    const [o1 = 1, o2 = 2] = ONDERDELEN;
    const r = realisatie(2_035_253, 1_732_939)
      .replace(
        `Brede SPUK;${o1};Onderdeel ${o1};;Sportbedrijf;incidenteel;${perOnderdeel(o1, 2023)};${perOnderdeel(o1, 2024)};`,
        `Brede SPUK;${o1};Onderdeel ${o1};;Sportbedrijf;incidenteel;${perOnderdeel(o1, 2023)};${perOnderdeel(o1, 2024) - 10_000};`,
      )
      .replace(
        `Brede SPUK;${o2};Onderdeel ${o2};;Sportbedrijf;incidenteel;${perOnderdeel(o2, 2023)};${perOnderdeel(o2, 2024)};`,
        `Brede SPUK;${o2};Onderdeel ${o2};;Sportbedrijf;incidenteel;${perOnderdeel(o2, 2023)};${perOnderdeel(o2, 2024) + 5_000};`,
      );
    expect(perOnderdeel(o2, 2024) * 0.15).toBeGreaterThan(5_000);
    const files = { 'k.csv': BESCHIKKING, 'r.csv': r };
    const perJaar = async (extra: string[]) => {
      const cli = await run([...ARGS, '--limiet', 'brede-spuk:2024=0', ...extra, '--formaat', 'json'], files);
      const json = JSON.parse(cli.out) as {
        regelingen: { naam: string; terugvordering: { perJaar: number | null; cumulatief: number } }[];
      };
      const t = json.regelingen.find((x) => x.naam === 'Brede SPUK')?.terugvordering;
      return [t?.perJaar, t?.cumulatief];
    };
    expect(await perJaar([])).toEqual([10_000, 5_000]);
    expect(await perJaar(['--schuifruimte', 'brede-spuk=15'])).toEqual([5_000, 5_000]);
    // werkboek --schuifruimte: the sheet's input holds the controller's 15.
    let plan: WorkbookPlan | undefined;
    const c = captureIo(files);
    const werkboek = ['werkboek', '--gemeente', 'Zwolle', '--beschikking', 'k.csv', '--realisatie', 'r.csv'];
    await runCli([...werkboek, '--schuifruimte', 'brede-spuk=15', '--uit', 'w.xlsx'], c.io, async (p) => {
      plan = p;
      return new Uint8Array();
    });
    const ref = plan?.names.find((n) => n.name === 'Invoer_Schuifruimte_Brede_SPUK')?.ref ?? '';
    const sheet = plan?.sheets.find((x) => x.name === SHEETS.verantwoording);
    const cell = ref.replace(/\$/g, '').split('!')[1];
    const block = sheet?.blocks.find((b) => b.kind === 'values' && b.at === cell);
    expect(block?.kind === 'values' && block.values[0]?.[0]).toBe(15);
    // Refused in Dutch: above 100, an unknown regeling, without --realisatie.
    expect((await run([...ARGS, '--schuifruimte', 'brede-spuk=120'], files)).err).toContain(
      'een schuifruimte is een percentage van 0 tot en met 100',
    );
    expect((await run([...ARGS, '--schuifruimte', 'gala=15'], files)).err).toContain(
      '"gala" is geen regeling met een verantwoording',
    );
    const zonder = await run(
      ['verantwoording', '--gemeente', 'Zwolle', '--schuifruimte', 'brede-spuk=15'],
      files,
    );
    expect(zonder.code).toBe(2);
  });
});
