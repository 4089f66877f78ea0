/**
 * The CLI's own shell (issue #18): `--version`, ExcelJS loaded only by the commands that write a
 * werkmap, help generated from the plan, and CSV that Excel-NL opens.
 */
import { readFileSync } from 'fs';
import Papa from 'papaparse';
import { captureIo, runCaptured } from '../../test/support/cli-io';
import { CSV_COMMAND_FILES, CSV_COMMANDS } from '../../test/support/csv-commands';
import { defaultEditionId, editionInput } from '../data';
import type { WorkbookPlan } from '../plan';
import { sheetPurposes } from '../plan';
import { OPTIONS } from './args';
import { editieJaren, runCli } from './cli';

const run = (argv: string[], files: Record<string, string> = {}) => runCaptured(argv, files);

describe('spuk-begroting --version', () => {
  it('prints the version of package.json and the editions, the default marked', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^spuk-begroting 0\.1\.0\n/);
    expect(r.out).toContain('  gala-2023 (2023-01-31)\n');
    expect(r.out).toMatch(/ {2}vws-2026-04 \([0-9-]+\) standaard\n/);
    expect((await run(['versie'])).out).toBe(r.out);
  });
});

describe('ExcelJS is loaded only by the commands that write a werkmap', () => {
  it('--help, --version and edities run the entry point without loading exceljs', async () => {
    let loaded = false;
    const argv = process.argv;
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const args of [['--help'], ['--version'], ['edities']]) {
        process.argv = ['node', 'cli.js', ...args];
        await jest.isolateModulesAsync(async () => {
          jest.doMock('exceljs', () => {
            loaded = true;
            return {};
          });
          await import('./main');
          // runCli is asynchronous: let it finish.
          await new Promise((r) => setTimeout(r, 50));
        });
      }
    } finally {
      process.argv = argv;
      write.mockRestore();
      process.exitCode = 0;
    }
    expect(loaded).toBe(false);
    // The same mock is seen when the renderer is asked for (the test can fail).
    await jest.isolateModulesAsync(async () => {
      jest.doMock('exceljs', () => {
        loaded = true;
        return {};
      });
      await import('../xlsx');
    });
    expect(loaded).toBe(true);
  });
});

/** Runs with stdout going to a file (as `> uit.csv`) or not. */
const runTo = (argv: string[], outIsFile: boolean, files: Record<string, string> = {}) =>
  runCaptured(argv, files, { outIsFile });

describe('CSV as Excel-NL opens it', () => {
  it('allocaties: ";" between fields, a BOM only when stdout is a file', async () => {
    const pipe = await runTo(['allocaties', '--gemeente', 'Almere'], false);
    expect(pipe.code).toBe(0);
    expect(pipe.out.split('\n')[0]).toBe(
      'gemeentecode;gemeentenaam;regeling;editie;onderdeel_nr;onderdeel;jaar;bedrag_eur;structureel_eur;incidenteel_eur;bron',
    );
    // Almere's Brede SPUK 2025 (Bijlage 2A) split over the onderdelen: whole euros, no separators.
    expect(pipe.out).toMatch(/\nGM0034;Almere;Brede SPUK;vws-2026-04;1;Sportakkoord;2025;\d+;\d+;\d+;/);
    const file = await runTo(['allocaties', '--gemeente', 'Almere'], true);
    expect(file.out).toBe('\uFEFF' + pipe.out);
  });

  it('verschil: decimals with a comma (4,9 %), JSON keeps numbers', async () => {
    const args = ['verschil', '--van', 'gala-2023', '--naar', 'vws-2025-09', '--gemeente', 'Almere'];
    const r = await runTo(args, false);
    expect(r.code).toBe(0);
    // Brede SPUK 2025: 3.314.890 → 3.478.172 = +4,9 %.
    expect(r.out).toContain('\nBrede SPUK;totaal;Totaal Brede SPUK;2025;3314890;3478172;163282;4,9;nee\n');
  });

  it('--csv-komma gives the old form (",", decimal point, no BOM, also into a file)', async () => {
    const args = ['verschil', '--van', 'gala-2023', '--naar', 'vws-2025-09', '--gemeente', 'Almere'];
    const r = await runTo([...args, '--csv-komma'], true);
    expect(r.out.startsWith('regeling,onderdeel_nr,onderdeel,jaar,')).toBe(true);
    expect(r.out).toContain('\nBrede SPUK,totaal,Totaal Brede SPUK,2025,3314890,3478172,163282,4.9,nee\n');
    const json = await runTo([...args, '--formaat', 'json', '--csv-komma'], false);
    expect(json.code).toBe(2);
    expect(json.err).toBe(
      'Fout: --csv-komma geldt alleen voor CSV-uitvoer; laat het weg bij --formaat json.\n',
    );
  });
});

const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';
/** Almere: Brede SPUK 2025 over its Bijlage 2A total (€ 3.478.172) by € 121.828; structural AZWA lasten. */
const OVER =
  [
    H,
    'Brede SPUK;1;Lokaal sportakkoord;5.1;Sportbedrijf;incidenteel;100000;100000;3.600.000;;;;;;',
    'SPUK AZWA lokaal;;Welzijn op recept;6.1;Stichting Welzijn;structureel;;;;;500.000;500.000;500.000;;',
    'SPUK IZA;;Regiobeeld;7.1;GGD;incidenteel;;;12.500;;;;;;',
  ].join('\n') + '\n';

describe('begroting --formaat csv|json|mutaties', () => {
  const base = ['begroting', '--invoer', 'b.csv', '--gemeente', 'Almere'];
  it('csv: plafond, lasten and saldo per regeling and year; the signals on stderr; exit 1', async () => {
    const r = await runTo([...base, '--formaat', 'csv'], false, { 'b.csv': OVER });
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('regeling;jaar;plafond_eur;bron;lasten_eur;doorgeven_eur;saldo_eur');
    expect(r.out).toContain('\nBrede SPUK;2025;3478172;gepubliceerd;3600000;0;-121828\n');
    expect(r.err).toMatch(/^Signalen \(\d+\):\n- /);
  });

  it('json: the same rows and the signals with their text', async () => {
    const r = await runTo([...base, '--formaat', 'json'], false, { 'b.csv': OVER });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as {
      gemeente: { code: string };
      regels: { regeling: string; jaar: number; saldo_eur: number }[];
      signalen: { soort: string; tekst: string }[];
    };
    expect(j.gemeente.code).toBe('GM0034');
    expect(j.regels.find((x) => x.regeling === 'Brede SPUK' && x.jaar === 2025)?.saldo_eur).toBe(-121_828);
    expect(j.signalen.map((s) => s.soort)).toContain('plafond');
    expect(r.err).toBe('');
  });

  it('mutaties: per taakveld, × € 1.000, a lasten/baten pair per activity, Inc./Struc.; per taakveld a "niet gedekt" line', async () => {
    const r = await runTo([...base, '--formaat', 'mutaties'], true, { 'b.csv': OVER });
    expect(r.code).toBe(1);
    // Almere's Brede SPUK 2025: 3.478.172 received for 3.600.000 lasten: 121.828 eigen middelen on 5.1.
    expect(r.out.split('\n')).toEqual([
      '\uFEFFTaakveld;Omschrijving;Inc.;Struc.;2023;2024;2025;2026;2027;2028;2029;2030',
      '5.1 Sportbeleid en activering;Lokaal sportakkoord (Brede SPUK, onderdeel 1) – lasten;x;;-100;-100;-3600;0;0;0;0;0',
      '5.1 Sportbeleid en activering;Lokaal sportakkoord (Brede SPUK, onderdeel 1) – baten;x;;100;100;3600;0;0;0;0;0',
      '5.1 Sportbeleid en activering;Niet gedekt door de uitkering (eigen middelen);x;;0;0;-122;0;0;0;0;0',
      '5.1 Sportbeleid en activering;Totaal taakveld 5.1;;;0;0;-122;0;0;0;0;0',
      '6.1 Samenkracht en burgerparticipatie;Welzijn op recept (SPUK AZWA lokaal) – lasten;;x;0;0;0;0;-500;-500;-500;0',
      '6.1 Samenkracht en burgerparticipatie;Welzijn op recept (SPUK AZWA lokaal) – baten;x;;0;0;0;0;500;500;500;0',
      '6.1 Samenkracht en burgerparticipatie;Niet gedekt door de uitkering (eigen middelen);x;;0;0;0;0;0;0;0;0',
      '6.1 Samenkracht en burgerparticipatie;Totaal taakveld 6.1;;;0;0;0;0;0;0;0;0',
      '7.1 Volksgezondheid;Regiobeeld (SPUK IZA) – lasten;x;;0;0;-13;0;0;0;0;0',
      '7.1 Volksgezondheid;Regiobeeld (SPUK IZA) – baten;x;;0;0;13;0;0;0;0;0',
      '7.1 Volksgezondheid;Niet gedekt door de uitkering (eigen middelen);x;;0;0;0;0;0;0;0;0',
      '7.1 Volksgezondheid;Totaal taakveld 7.1;;;0;0;0;0;0;0;0;0',
      '',
    ]);
    expect(r.err).toContain('bedragen × € 1.000');
    expect(r.err).toContain('Niet budgettair neutraal');
    expect(r.err).toContain('Eigen middelen nodig: 2025 € 121.828.\n');
    expect(r.err).not.toContain('(budgettair neutraal)');
  });

  it('mutaties without lasten over the money: every taakveld 0, "budgettair neutraal"', async () => {
    const binnen = [
      H,
      'Brede SPUK;1;Lokaal sportakkoord;5.1;Sportbedrijf;incidenteel;;;1.000.000;;;;;;',
    ].join('\n');
    const r = await runTo([...base, '--formaat', 'mutaties'], true, { 'b.csv': binnen + '\n' });
    expect(r.out).toContain(
      '\n5.1 Sportbeleid en activering;Niet gedekt door de uitkering (eigen middelen);x;;0;0;0;0;0;0;0;0\n',
    );
    expect(r.out).toContain('\n5.1 Sportbeleid en activering;Totaal taakveld 5.1;;;0;0;0;0;0;0;0;0\n');
    expect(r.err).toMatch(/^Mutaties per taakveld.*; elk taakveld telt op tot 0 \(budgettair neutraal\)\.\n/);
  });

  it('mutaties of Zwolle with voorbeelden/begroting.csv: the Brede SPUK baten are what Zwolle receives', async () => {
    const csv = readFileSync('voorbeelden/begroting.csv', 'utf8');
    const z = ['begroting', '--invoer', 'b.csv', '--gemeente', 'Zwolle', '--formaat', 'mutaties'];
    const r = await runTo(z, true, { 'b.csv': csv });
    expect(r.code).toBe(1);
    const rows = r.out
      .replace('\uFEFF', '')
      .trim()
      .split('\n')
      .map((l) => l.split(';'));
    const kop = rows[0] ?? [];
    const k2025 = kop.indexOf('2025');
    const k2026 = kop.indexOf('2026');
    // Only the Brede SPUK's lasten exceed its money here (SPUK IZA and AZWA are covered: the eigen
    // middelen below are the Brede SPUK's), so its baten are its activities' baten + the corrections.
    const brede = rows.filter(
      (x) => /\(Brede SPUK[,)].* – baten$/.test(x[1] ?? '') || (x[1] ?? '').startsWith('Niet gedekt'),
    );
    const som = (k: number) => brede.reduce((a, x) => a + Number(x[k]), 0);
    // Zwolle receives € 2.035.253 (2025) and € 1.732.939 (2026), not the 2.650 / 2.240 of its lasten.
    expect(som(k2025)).toBe(2_035);
    expect(som(k2026)).toBe(1_733);
    expect(
      rows.filter((x) => (x[1] ?? '').startsWith('Niet gedekt')).map((x) => [x[0], x[k2025], x[k2026]]),
    ).toEqual([
      ['5.1 Sportbeleid en activering', '-267', '-235'],
      ['6.1 Samenkracht en burgerparticipatie', '0', '0'],
      ['7.1 Volksgezondheid', '-348', '-272'],
    ]);
    const totaal = (tv: string) => rows.find((x) => x[1] === `Totaal taakveld ${tv}`)?.slice(4, 8);
    expect(totaal('5.1')).toEqual(['0', '0', '-267', '-235']);
    expect(totaal('6.1')).toEqual(['0', '0', '0', '0']);
    expect(totaal('7.1')).toEqual(['0', '0', '-348', '-272']);
    expect(r.err).toContain('Eigen middelen nodig: 2025 € 614.747, 2026 € 507.061.\n');
  });

  it('refuses an unknown format, naming the four', async () => {
    const r = await runTo([...base, '--formaat', 'xlsx'], false, { 'b.csv': OVER });
    expect(r.code).toBe(2);
    expect(r.err).toBe('Fout: Onbekend formaat "xlsx". Kies tekst, csv, json of mutaties.\n');
  });
});

describe('help generated from the plan', () => {
  it('werkboek --help lists every sheet the plan builds, in its order (a mandaatgemeente with a realisatie: all 17)', async () => {
    let sheets: string[] = [];
    const realisatie =
      'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking\n' +
      'Brede SPUK;1;Sport;;Sportbedrijf;incidenteel;1000;;;;;;;;\n';
    const c = captureIo({ 'r.csv': realisatie });
    const render = async (plan: WorkbookPlan) => {
      sheets = plan.sheets.map((s) => s.name);
      return new Uint8Array();
    };
    expect(await runCli(['werkboek', '--gemeente', 'Almere', '--realisatie', 'r.csv'], c.io, render)).toBe(0);
    expect(sheets).toHaveLength(17);
    const help = (await run(['werkboek', '--help'])).out;
    const listed = [...help.matchAll(/^ {2}(\S+(?: \S+)*?) {2,}\S/gm)]
      .map((m) => m[1] ?? '')
      .filter((naam) => !naam.startsWith('--'));
    expect(listed).toEqual(sheets);
    // National: the same without the Regioverdeling. Every gemeente's werkmap has the sheet (a member
    // reads its planned share there), not only the mandaatgemeente's (review of session 10, F6).
    expect(help).toMatch(/^ {2}Regioverdeling +met --gemeente: het regiobedrag van de IZA-regio/m);
    // The explanations are the plan's own lines (src/plan/sheet-purpose.ts), wrapped.
    const flat = help.replace(/\n {23}/g, ' ');
    for (const { name, purpose } of sheetPurposes())
      expect(flat).toMatch(new RegExp(`^ {2}${name} +.*${purpose.holds.replace(/[()]/g, '\\$&')}`, 'm'));
    expect(help).not.toContain('alleen bij een mandaatgemeente');
  });

  it("the years in the help are the default edition's, as its data writes them (reviewer, session 8: not 2023–2029 beside 2030 rows)", async () => {
    const years = editionInput(defaultEditionId()).edition.years;
    const span = `${years[0]}–${years[years.length - 1]}`;
    expect(editieJaren().span).toBe(span);
    expect(editieJaren('vws-2025-09').span).toBe('2023–2029');
    // What the default edition writes: allocaties rows per year, and the begroting's year columns.
    const rows = (await run(['allocaties', '--gemeente', 'Almere'])).out.trim().split('\n').slice(1);
    const jaren = [...new Set(rows.map((l) => Number(l.split(';')[6])))].sort();
    expect(`${jaren[0]}–${jaren[jaren.length - 1]}`).toBe(span);
    const spans = (text: string) => [...text.matchAll(/\b(20\d\d)–(20\d\d)\b/g)].map((m) => m[0]);
    const help = (await run(['--help'])).out;
    expect(help).toContain(
      `allocaties   bedragen per gemeente × regeling × onderdeel × jaar ${span} (CSV of JSON)`,
    );
    expect(spans(help)).toEqual([span]);
    const werkboek = (await run(['werkboek', '--help'])).out;
    expect(werkboek).toContain(`met de bladen, ${span}:`);
    expect(werkboek).toContain(`(per jaar ${span} het eigen geld`);
    expect(spans(werkboek)).toEqual([span, span]);
    expect((await run(['allocaties', '--help'])).out).toContain(`(${span} in ${defaultEditionId()})`);
    expect((await run(['verschil', '--help'])).out).toContain(`onderdeel en jaar ${span},`);
    const columns = `${years[0]};…;${years[years.length - 1]}`;
    const begroting = (await run(['begroting', '--help'])).out;
    expect(begroting).toContain(`Aard lasten;${columns};\n`);
    expect(begroting).toContain(`Inc.;Struc.;${columns}, bedragen`);
  });

  it("each command's help says what it writes", async () => {
    for (const command of [
      'allocaties',
      'iza',
      'controle',
      'edities',
      'verschil',
      'regioverdeling',
      'begroting',
    ])
      expect((await run([command, '--help'])).out).toMatch(/\n\nSchrijft naar stdout: /);
    expect((await run(['werkboek', '--help'])).out).toContain(
      '\n\nSchrijft de werkmap (.xlsx, --uit) met de bladen',
    );
  });
});

/** A help text with its column lists on one line (csvKolommen breaks them after a ";"). */
const unwrapped = (help: string) => help.replace(/;\n */g, ';');

describe("each command's help names the columns it writes, as it writes them (review F3)", () => {
  it.each(Object.values(CSV_COMMANDS).map((argv) => [argv.join(' '), argv] as const))(
    '%s',
    async (_, argv) => {
      const r = await runTo([...argv], false, CSV_COMMAND_FILES);
      expect(r.code).toBeLessThan(2);
      const header = r.out.split('\n')[0] ?? '';
      expect(header.split(';').length).toBeGreaterThan(4);
      const help = unwrapped((await run([argv[0] ?? '', '--help'])).out);
      // The mutaties' and the planned H35B list's year columns stand as one "JAAR" or "…" in the help.
      const shown =
        argv.includes('mutaties') || argv.includes('--h35b')
          ? header
              .replace(/;20\d\d;.*;20\d\d$/, `;${editieJaren().columns}`)
              .replace(/(bedrag_20\d\d_eur;)+/, 'bedrag_JAAR_eur;')
          : header;
      expect(help).toContain(shown);
    },
  );

  it('no help lists columns with "," between them (the CSV has ";")', async () => {
    for (const command of Object.keys(OPTIONS)) {
      const help = (await run([command, '--help'])).out;
      expect({ command, lists: help.match(/\b[a-z_]{3,},[a-z_]{3,}\b/g) }).toEqual({
        command,
        lists: null,
      });
    }
  });
});

describe('--csv-komma the same on every command that writes CSV', () => {
  it('every command with --formaat takes it, and is in the list of commands that write CSV', () => {
    const listed = new Set(Object.values(CSV_COMMANDS).map((argv) => argv[0]));
    for (const [command, options] of Object.entries(OPTIONS))
      if (options.includes('--formaat'))
        expect({ command, komma: options.includes('--csv-komma'), listed: listed.has(command) }).toEqual({
          command,
          komma: true,
          listed: true,
        });
    expect(OPTIONS.controle).toContain('--formaat');
  });

  it.each(Object.values(CSV_COMMANDS).map((argv) => [argv.join(' '), argv] as const))(
    '%s --csv-komma: "," between the fields, a decimal point, no BOM; refused with --formaat json',
    async (_, argv) => {
      const nl = await runTo([...argv], true, CSV_COMMAND_FILES);
      const komma = await runTo([...argv, '--csv-komma'], true, CSV_COMMAND_FILES);
      expect(komma.code).toBe(nl.code);
      expect(nl.out.startsWith('\uFEFF')).toBe(true);
      expect(komma.out.startsWith('\uFEFF')).toBe(false);
      const fields = (csv: string) =>
        Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      // The same fields; numbers with a decimal point instead of a comma.
      const asNl = fields(komma.out).map((row) =>
        row.map((f) => (/^-?\d+\.\d+$/.test(f) ? f.replace('.', ',') : f)),
      );
      expect(Papa.unparse(asNl, { delimiter: ';', newline: '\n' })).toBe(
        Papa.unparse(fields(nl.out), { delimiter: ';', newline: '\n' }),
      );
      const withoutFormaat = argv.filter((a, i) => a !== '--formaat' && argv[i - 1] !== '--formaat');
      const json = await runTo(
        [...withoutFormaat, '--formaat', 'json', '--csv-komma'],
        false,
        CSV_COMMAND_FILES,
      );
      expect({ code: json.code, err: json.err, out: json.out }).toEqual({
        code: 2,
        err: 'Fout: --csv-komma geldt alleen voor CSV-uitvoer; laat het weg bij --formaat json.\n',
        out: '',
      });
    },
  );

  it('controle: --formaat csv is its table with numbers (Bijlage 2A 2025: € 310.475.334 as 310475334); --json is --formaat json', async () => {
    const csv = await runTo(['controle', '--formaat', 'csv'], false);
    expect(csv.code).toBe(0);
    const rows = Papa.parse<string[]>(csv.out, { delimiter: ';', skipEmptyLines: true }).data;
    expect(csv.out.split('\n')[0]).toBe(
      'editie;naam;onderwerp;periode;verwacht;berekend;afwijkingen;ok;status',
    );
    const bijlage2a = rows.find((r) => r[1] === '2a:2025');
    expect(bijlage2a?.slice(3, 8)).toEqual(['2025', '310475334', '310475334', '0', 'ja']);
    expect(csv.err).toMatch(/^Waarschuwingen \(\d+\):\n/);
    expect(csv.err).toContain('Alle gepubliceerde bedragen sluiten aan, tot op de euro.');
    const json = await runTo(['controle', '--formaat', 'json'], false);
    expect(json.out).toBe((await runTo(['controle', '--json'], false)).out);
    // One JSON document, indented by 2, ending in a newline.
    expect(json.out).toMatch(/^\{\n {2}"editie": "[^"]+",\n {2}"ok": true,\n[^]*\n\}\n$/);
    expect((JSON.parse(json.out) as { controles: unknown[] }).controles).toHaveLength(rows.length - 1);
    const both = await runTo(['controle', '--json', '--formaat', 'json'], false);
    expect(both.code).toBe(2);
    expect(both.err).toBe('Fout: Geef --json of --formaat, niet beide (--json is --formaat json).\n');
    const tekst = await runTo(['controle', '--csv-komma'], false);
    expect(tekst.err).toBe(
      'Fout: --csv-komma geldt alleen voor CSV-uitvoer; laat het weg bij --formaat tekst.\n',
    );
  });

  it('werkboek: --csv-komma is for the index of --alle; without --alle it is refused', async () => {
    const r = await run(['werkboek', '--gemeente', 'Almere', '--csv-komma']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'Fout: --csv-komma hoort bij --alle: het geldt voor de index index.csv; een werkmap heeft geen CSV.\n',
    );
    expect(r.written.size).toBe(0);
  });
});

describe('round trip', () => {
  it("allocaties written to a file (BOM, ';') is read back as a beschikking with the same amounts", async () => {
    const first = await runTo(['allocaties', '--gemeente', 'Almere'], true);
    expect(first.out.startsWith('\uFEFF')).toBe(true);
    // Rows with bron "open" (no amount) are left out: the beschikking reader wants an amount in each row.
    const known = first.out
      .split('\n')
      .filter((l) => !l.endsWith(';open'))
      .join('\n');
    const again = await runTo(['allocaties', '--gemeente', 'Almere', '--beschikking', 'a.csv'], false, {
      'a.csv': known,
    });
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    // The same amounts, now with bron beschikking wherever an amount was given.
    const amounts = (csv: string) =>
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';').slice(0, 8).join(';'));
    expect(amounts(again.out)).toEqual(amounts(first.out));
    expect(known.length).toBeLessThan(first.out.length);
    expect(again.out).toMatch(/;Sportakkoord;2025;\d+;\d+;\d+;beschikking\n/);
  });
});
