/**
 * The README's examples run on the sample files in voorbeelden/ (issue #18): every command in the
 * README that names a file in voorbeelden/ is taken from the README's text and run as the CLI runs
 * it (the files read from disk, the werkmap rendered by a stub), with the outcome the README states.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkbookPlan } from '../plan';
import { runCli } from './cli';
import type { CliIo } from './io';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** `npm run [-s] werkboek -- ARGS`, `npm run [-s] cli -- ARGS` or `node dist/cli.js ARGS` as the CLI's argv (and a `> file`, only with `-s` for npm). */
function parseCommand(text: string): { argv: string[]; redirect?: string } {
  const [command, redirect] = text.split(/\s+>\s+/) as [string, string | undefined];
  const words = command.trim().split(/\s+/);
  const rest = (n: number) => words.slice(n);
  // npm prints its banner ("> spuk-begroting@… cli", the command) on stdout: an example that sends
  // stdout to a file must run npm silently (`npm run -s`), or the file starts with the banner and
  // the BOM is not its first byte (review of session 10, F1).
  const silent = words[2] === '-s';
  if (silent) words.splice(2, 1);
  if (redirect !== undefined && words[0] === 'npm' && !silent)
    throw new Error(
      `A README example redirects npm's output without -s (the banner lands in the file): ${text}`,
    );
  let argv: string[];
  if (words.slice(0, 4).join(' ') === 'npm run werkboek --') argv = ['werkboek', ...rest(4)];
  else if (words.slice(0, 3).join(' ') === 'npm run cli') argv = rest(4);
  else if (words.slice(0, 2).join(' ') === 'node dist/cli.js') argv = rest(2);
  else throw new Error(`Not a CLI command: ${text}`);
  return redirect === undefined ? { argv } : { argv, redirect };
}

async function runExample(argv: string[], outIsFile: boolean) {
  let out = '';
  let err = '';
  const written = new Map<string, Uint8Array>();
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => {
      try {
        return fs.readFileSync(path.join(ROOT, p));
      } catch {
        return undefined;
      }
    },
    writeFileAtomic: (p, d) => void written.set(p, d),
    pathKind: () => undefined,
    errIsTty: false,
    outIsFile,
  };
  const render = async (plan: WorkbookPlan) =>
    new TextEncoder().encode(plan.sheets.map((s) => s.name).join('\n'));
  const code = await runCli(argv, io, render);
  return { code, out, err, written };
}

const examples = [...README.matchAll(/`((?:npm run|node dist\/cli\.js) [^`]*voorbeelden\/[^`]*)`/g)].map(
  (m) => m[1] ?? '',
);

describe("the README's examples on voorbeelden/", () => {
  it('finds the five examples and the sample files exist', () => {
    expect(examples).toHaveLength(5);
    for (const file of ['begroting.csv', 'beschikking.csv', 'realisatie.csv'])
      expect(fs.existsSync(path.join(ROOT, 'voorbeelden', file))).toBe(true);
  });

  it("the sample beschikking (Almere's, a mandaatgemeente) is refused for a member: Dalfsen, nothing written (exit 2)", async () => {
    const r = await runExample(
      [
        'werkboek',
        '--gemeente',
        'Dalfsen',
        '--beschikking',
        'voorbeelden/beschikking.csv',
        '--uit',
        'dalfsen.xlsx',
      ],
      false,
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'Rij 4: de SPUK IZA wordt per IZA-regio aan de mandaatgemeente betaald, en Dalfsen is geen mandaatgemeente.',
    );
    expect(r.written.size).toBe(0);
  });

  it('werkboek fills the Beschikking and Begroting of Almere (exit 0, the werkmap written)', async () => {
    const { argv } = parseCommand(examples[0] ?? '');
    const r = await runExample(argv, false);
    expect(r.err).toContain('Geschreven: almere.xlsx');
    expect(r.err).toContain('gemeente Almere (GM0034); beschikking: 3 bedragen; begroting: 5 activiteiten');
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(r.written.get('almere.xlsx'))).toContain('Regioverdeling');
  });

  it('begroting: the plafonds of the beschikking, the lasten, and the 3 signals the README names (exit 1)', async () => {
    const { argv } = parseCommand(examples[1] ?? '');
    const r = await runExample(argv, false);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Brede SPUK +2025 +€ 3\.478\.172 +beschikking +€ 2\.650\.000 +€ 0 +€ 828\.172\n/);
    // Almere is mandaatgemeente: what it passes on to the members (Regioverdeling) is no saldo of its own.
    expect(r.out).toMatch(
      /SPUK IZA +2025 +€ 3\.161\.954 +beschikking +€ 500\.000 +€ 1\.551\.530 +€ 1\.110\.424\n/,
    );
    expect(r.out).toContain('\nSignalen (3):\n');
  });

  it('begroting --formaat mutaties > mutaties.csv: the Excel-NL CSV with a BOM, each taakveld 0', async () => {
    const { argv, redirect } = parseCommand(examples[2] ?? '');
    expect(redirect).toBe('mutaties.csv');
    const r = await runExample(argv, true);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('\uFEFFTaakveld;Omschrijving;Inc.;Struc.;2023;2024;2025;2026;2027;2028;2029;2030');
    expect(lines).toContain(
      '5.1 Sportbeleid en activering;Buurtsportcoaches (Brede SPUK, onderdeel 2) – lasten;;x;0;0;-1000;-900;0;0;0;0',
    );
    expect(lines.filter((l) => l.includes(';Totaal taakveld '))).toEqual([
      '5.1 Sportbeleid en activering;Totaal taakveld 5.1;;;0;0;0;0;0;0;0;0',
      '6.1 Samenkracht en burgerparticipatie;Totaal taakveld 6.1;;;0;0;0;0;0;0;0;0',
      '7.1 Volksgezondheid;Totaal taakveld 7.1;;;0;0;0;0;0;0;0;0',
    ]);
  });

  it('werkboek --realisatie: the sheets Realisatie, Besteding and Verantwoording in the werkmap of Almere (exit 0)', async () => {
    const { argv } = parseCommand(examples[3] ?? '');
    expect(argv).toContain('voorbeelden/realisatie.csv');
    const r = await runExample(argv, false);
    expect(r.err).toContain('Geschreven: almere.xlsx');
    expect(r.err).toContain('begroting: 5 activiteiten');
    expect(r.code).toBe(0);
    const sheets = new TextDecoder().decode(r.written.get('almere.xlsx')).split('\n');
    expect(sheets).toEqual(
      expect.arrayContaining(['Begroting', 'Realisatie', 'Besteding', 'Verantwoording']),
    );
  });

  it('verantwoording on the sample realisatie: besteding per year, the prognose 2026, the terugvordering and 6 signals (exit 1)', async () => {
    const { argv } = parseCommand(examples[4] ?? '');
    const r = await runExample(argv, false);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'Verantwoording Almere (GM0034); editie vws-2026-04; realisatie tot en met 2026; 5 activiteiten; beschikking: 3 bedragen.',
    );
    // Brede SPUK 2025: beschikking (Bijlage 2A), begroting and realisatie of the samples (142.350 + 1.000.000 + 1.318.740).
    expect(r.out).toMatch(/\n2025 +€ 3\.478\.172 +€ 2\.650\.000 +€ 2\.461\.090 +€ 188\.910 /);
    // 2026: realisatie to November, besteding = the prognose (138.000 + 900.000 + 1.150.000).
    expect(r.out).toMatch(
      /\n2026 +€ 2\.961\.529 +€ 2\.240\.000 +€ 1\.796\.015 +€ 443\.985 +€ 2\.188\.000 +€ 2\.188\.000 +prognose/,
    );
    // SPUK IZA (H35, Almere's own): 410.250, 455.800, 463.920 and the prognose 495.000.
    expect(r.out).toMatch(/\n2026 +H35 +besteding jaar T +€ 495\.000 +€ 1\.824\.970 +Ja\n/);
    expect(r.out).toContain('Verwachte terugvordering: per jaar onbekend; cumulatief € 6.279.362.');
    // SPUK IZA: Almere passed nothing on to its members while the Regioverdeling plans it: refused.
    expect(r.out).toContain(
      'Verwachte terugvordering: per jaar onbekend; cumulatief onbekend (doorbetaling aan de medeoverheden niet ingevuld: zie de signalen).',
    );
    expect(r.out).toContain(
      '\n- SPUK IZA 2026: niets doorbetaald aan of besteed door de medeoverheden ingevuld, terwijl de Regioverdeling € 1.663.557 ',
    );
    expect(r.out).toContain('\nSignalen (6):\n');
  });
});
