import Papa from 'papaparse';
import { defaultReferenceData, parseBeschikkingCsv, parseUserKeyCsv } from '../data';
import type { Beschikking, Gemeente, InputFailure, ReferenceData, Verdeelsleutel } from '../domain';
import {
  Allocation,
  BUILT_IN_KEYS,
  builtInKey,
  controle,
  customKey,
  findGemeente,
  isBuiltInKey,
  izaPerRegio,
  nationalAmount,
  PERIODS,
} from '../domain';
import { checkStatusText, failureText, formatEuro, warningText } from '../messages';
import { buildWorkbookPlan } from '../plan';
import type { WorkbookPlan } from '../plan';
import { OPTIONS, parseArgs, UsageError } from './args';
import type { CliIo } from './io';

/**
 * The command line: Dutch verbs for analysts and tests. Exit codes: 0 success, 1 checks failed
 * (controle), 2 bad arguments or input. On failure nothing that looks like data goes to stdout.
 */

const HELP: Record<string, string> = {
  '': `spuk-begroting: Brede SPUK en SPUK IZA per gemeente, met live Excel-formules.

Gebruik: spuk-begroting <opdracht> [opties]

Opdrachten:
  werkboek     schrijf het Excel-werkboek (.xlsx)
  allocaties   bedragen per gemeente × onderdeel × jaar (CSV of JSON)
  iza          SPUK IZA per samenwerkingsregio: gepubliceerd (2025/2026) en geschat uit de ledengemeenten
  controle     controleer de gepubliceerde totalen en meld bijzonderheden in de bronnen

Zie 'spuk-begroting <opdracht> --help' voor de opties.
`,
  werkboek: `spuk-begroting werkboek [--gemeente CODE|NAAM] [--sleutel SLEUTEL | --sleutel-bestand CSV] [--uit BESTAND]

Schrijft het werkboek met de bladen Overzicht, Landelijk, Verdeelsleutel, Allocatie, Afronding,
IZA, Controle en Bronnen. Alle bedragen zijn live formules; het werkboek werkt zonder add-in.

  --gemeente CODE|NAAM   gemeente op het blad Overzicht (standaard: heel Nederland)
  --sleutel SLEUTEL      ${BUILT_IN_KEYS.join(' | ')} (standaard: spuk-2025)
  --sleutel-bestand CSV  eigen sleutel: kolommen gemeentecode en gewicht (of aandeel)
  --uit BESTAND          standaard: spuk-begroting.xlsx
`,
  allocaties: `spuk-begroting allocaties [--gemeente CODE|NAAM] [--sleutel SLEUTEL | --sleutel-bestand CSV]
                           [--beschikking CSV] [--formaat csv|json]

Eén regel per gemeente × onderdeel (1–15, 16 = IZA-middelen) × jaar (2023–2026, structureel), met
kolommen gemeentecode,gemeentenaam,onderdeel_nr,onderdeel,jaar,bedrag_eur,structureel_eur,
incidenteel_eur,bron. Zonder --gemeente: alle 342 gemeenten.

  --beschikking CSV      bedragen uit de eigen beschikking (gemeentecode,onderdeel_nr,jaar,bedrag_eur);
                         die gaan voor (bron: beschikking)
  --formaat csv|json     standaard: csv
`,
  iza: `spuk-begroting iza [--sleutel SLEUTEL | --sleutel-bestand CSV] [--formaat csv|json]

Eén regel per SPUK IZA-regio × jaar (2023–2026, structureel) met kolommen
regio,mandaatgemeente,lidmaatschap,leden,jaar,schatting_eur,gepubliceerd_eur,bedrag_eur,bron.
De schatting is de som van de IZA-bedragen van de ledengemeenten (GALA bijlage 2); bedrag_eur is het
gepubliceerde bedrag (Bijlage 2B) waar dat bestaat, anders de schatting. De indeling van gemeenten in
regio's is afgeleid, niet officieel (lidmaatschap: bekend of afgeleid).
`,
  controle: `spuk-begroting controle [--json]

Telt de onderdelen op per hoofdthema en jaar en vergelijkt met de gepubliceerde totalen (GALA),
meldt het structurele totaal dat de bron leeg laat en bijzonderheden in de bronnen.
Exitcode 0 als alle gepubliceerde totalen aansluiten.
`,
};

type Failed = { failures: readonly InputFailure[] };

function resolveKey(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
): Verdeelsleutel | Failed | string {
  const file = opts.get('--sleutel-bestand');
  const id = opts.get('--sleutel');
  if (file !== undefined) {
    if (id !== undefined && id !== 'eigen') return 'Gebruik --sleutel of --sleutel-bestand, niet allebei.';
    const text = io.readFile(file);
    if (text === undefined) return `Kan het bestand "${file}" niet lezen. Controleer pad en rechten.`;
    const parsed = parseUserKeyCsv(text);
    if (!parsed.ok) return { failures: parsed.failures };
    const maxAmount = Math.max(...data.onderdelen.flatMap((l) => PERIODS.map((p) => nationalAmount(l, p))));
    const key = customKey(parsed.value.rows, data.gemeenten, { maxAmount, shares: parsed.value.shares });
    return key.ok ? key.value : { failures: key.failures };
  }
  const k = id ?? 'spuk-2025';
  if (!isBuiltInKey(k)) return { failures: [{ kind: 'UnknownKey', text: k, known: [...BUILT_IN_KEYS] }] };
  return builtInKey(k, data);
}

function resolveGemeente(data: ReferenceData, opts: Map<string, string>): Gemeente | undefined | Failed {
  const text = opts.get('--gemeente');
  if (text === undefined || text.toUpperCase() === 'NL') return undefined;
  const r = findGemeente(text, data.gemeenten);
  return r.ok ? r.value : { failures: r.failures };
}

function isFailed(x: unknown): x is Failed {
  return typeof x === 'object' && x !== null && 'failures' in x;
}

function reportFailures(io: CliIo, failures: readonly InputFailure[]): number {
  const max = 20;
  failures.slice(0, max).forEach((f) => io.err(`Fout: ${failureText(f)}\n`));
  if (failures.length > max) io.err(`… en nog ${failures.length - max} fouten.\n`);
  return 2;
}

function runControle(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const report = controle(data, builtInKey('spuk-2025', data));
  const checks = report.checks;
  if (opts.has('--json')) {
    io.out(
      JSON.stringify(
        {
          ok: report.ok,
          controles: checks.map((c) => ({
            naam: c.id,
            onderwerp: c.subject,
            periode: c.period ?? null,
            verwacht: c.verwacht ?? null,
            berekend: c.berekend,
            ok: c.status !== 'verschil',
            status: checkStatusText(c),
          })),
          waarschuwingen: report.warnings.map((w) => ({ soort: w.kind, tekst: warningText(w) })),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out('naam\tverwacht\tberekend\tok\n');
    for (const c of checks) {
      const show = (v: number | undefined) =>
        v === undefined ? '(leeg)' : c.id.startsWith('aantal:') ? String(v) : formatEuro(v);
      io.out(`${c.id}\t${show(c.verwacht)}\t${show(c.berekend)}\t${checkStatusText(c)}\n`);
    }
    io.out(`\nWaarschuwingen (${report.warnings.length}):\n`);
    report.warnings.forEach((w) => io.out(`- ${warningText(w)}\n`));
    io.out(
      `\n${report.ok ? 'Alle gepubliceerde totalen sluiten aan.' : 'NIET alle gepubliceerde totalen sluiten aan.'}\n`,
    );
  }
  return report.ok ? 0 : 1;
}

type Formaat = 'csv' | 'json';

function outputFormat(opts: Map<string, string>): Formaat {
  const formaat = opts.get('--formaat') ?? 'csv';
  if (formaat !== 'csv' && formaat !== 'json')
    throw new UsageError(`Onbekend formaat "${formaat}". Kies csv of json.`);
  return formaat;
}

/** Records as CSV (header row) or as a JSON array of objects; an empty field becomes null in JSON. */
function writeRecords(
  io: CliIo,
  formaat: Formaat,
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  if (formaat === 'json') {
    const records = rows.map((r) =>
      Object.fromEntries(columns.map((c, i) => [c, r[i] === '' ? null : r[i]])),
    );
    io.out(JSON.stringify(records) + '\n');
  } else {
    io.out(Papa.unparse({ fields: [...columns], data: rows.map((r) => [...r]) }, { newline: '\n' }) + '\n');
  }
}

const COLUMNS = [
  'gemeentecode',
  'gemeentenaam',
  'onderdeel_nr',
  'onderdeel',
  'jaar',
  'bedrag_eur',
  'structureel_eur',
  'incidenteel_eur',
  'bron',
] as const;

function runAllocaties(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  const key = resolveKey(data, opts, io);
  if (typeof key === 'string') throw new UsageError(key);
  if (isFailed(key)) return reportFailures(io, key.failures);
  const g = resolveGemeente(data, opts);
  if (isFailed(g)) return reportFailures(io, g.failures);
  let beschikkingen: Beschikking[] = [];
  const bFile = opts.get('--beschikking');
  if (bFile !== undefined) {
    const text = io.readFile(bFile);
    if (text === undefined)
      throw new UsageError(`Kan het bestand "${bFile}" niet lezen. Controleer pad en rechten.`);
    const parsed = parseBeschikkingCsv(text, data.gemeenten, data.onderdelen.length);
    if (!parsed.ok) return reportFailures(io, parsed.failures);
    beschikkingen = parsed.value;
  }
  const allocation = new Allocation(data, key, beschikkingen);
  const rows: (string | number)[][] = [];
  const gemeenten = g ? [g] : data.gemeenten;
  for (const gem of gemeenten) {
    const row = allocation.rowIndex(gem.code);
    data.onderdelen.forEach((line, li) => {
      for (const p of PERIODS) {
        const c = allocation.cell(row, li, p);
        rows.push([
          gem.code,
          gem.naam,
          line.nr,
          line.naam,
          p,
          c.amount,
          c.structureel,
          c.incidenteel,
          c.bron,
        ]);
      }
    });
  }
  writeRecords(io, formaat, COLUMNS, rows);
  return 0;
}

const IZA_COLUMNS = [
  'regio',
  'mandaatgemeente',
  'lidmaatschap',
  'leden',
  'jaar',
  'schatting_eur',
  'gepubliceerd_eur',
  'bedrag_eur',
  'bron',
] as const;

function runIza(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  const key = resolveKey(data, opts, io);
  if (typeof key === 'string') throw new UsageError(key);
  if (isFailed(key)) return reportFailures(io, key.failures);
  const regios = izaPerRegio(new Allocation(data, key), data.izaRegios, data.lidmaatschap);
  const rows: (string | number)[][] = [];
  for (const r of regios) {
    for (const p of PERIODS) {
      const pub = r.gepubliceerd[p];
      const est = r.schatting[p];
      const b = r.bedrag[p];
      rows.push([
        r.regio.naam,
        r.regio.mandaatgemeente,
        r.status,
        r.leden.length,
        p,
        est,
        pub ?? '',
        b.amount,
        b.bron,
      ]);
    }
  }
  writeRecords(io, formaat, IZA_COLUMNS, rows);
  return 0;
}

async function runWerkboek(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
  render: (plan: WorkbookPlan) => Promise<Uint8Array>,
): Promise<number> {
  const key = resolveKey(data, opts, io);
  if (typeof key === 'string') throw new UsageError(key);
  if (isFailed(key)) return reportFailures(io, key.failures);
  const g = resolveGemeente(data, opts);
  if (isFailed(g)) return reportFailures(io, g.failures);
  const file = opts.get('--uit') ?? 'spuk-begroting.xlsx';
  if (!file.toLowerCase().endsWith('.xlsx'))
    throw new UsageError(`Het uitvoerbestand moet op .xlsx eindigen: "${file}".`);
  const plan = buildWorkbookPlan(data, { key, gemeente: g?.code });
  const bytes = await render(plan);
  try {
    io.writeFileAtomic(file, bytes);
  } catch {
    io.err(
      `Fout: kan "${file}" niet schrijven. Is het bestand geopend in Excel, of ontbreekt de map? Sluit het en probeer opnieuw.\n`,
    );
    return 2;
  }
  const cells = plan.sheets.reduce(
    (a, s) =>
      a +
      s.blocks.reduce(
        (b, x) =>
          b +
          (x.kind === 'values'
            ? x.values.length * (x.values[0]?.length ?? 0)
            : x.expected.length * (x.expected[0]?.length ?? 0)),
        0,
      ),
    0,
  );
  io.err(
    `Geschreven: ${file} (${plan.sheets.length} bladen, ${cells} cellen; sleutel ${key.id}; ${g ? `gemeente ${g.naam} (${g.code})` : 'heel Nederland'}).\n`,
  );
  return 0;
}

/** Runs the CLI; returns the exit code. `render` writes a plan to .xlsx bytes (injected: src/xlsx). */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  render: (plan: WorkbookPlan) => Promise<Uint8Array>,
): Promise<number> {
  const [command = '', ...rest] = argv;
  if (command === '' || command === '--help' || command === '-h' || command === 'help') {
    // Asked for: help is the output (stdout, exit 0). Not asked for: it explains an error (stderr, exit 2).
    if (command === '') {
      io.err(HELP[''] ?? '');
      return 2;
    }
    io.out(HELP[''] ?? '');
    return 0;
  }
  if (!(command in OPTIONS)) {
    io.err(`Onbekende opdracht "${command}". Kies werkboek, allocaties, iza of controle (zie --help).\n`);
    return 2;
  }
  try {
    const opts = parseArgs(command, rest);
    if (opts.has('--help')) {
      io.out(HELP[command] ?? '');
      return 0;
    }
    const data = defaultReferenceData();
    if (command === 'controle') return runControle(data, opts, io);
    if (command === 'allocaties') return runAllocaties(data, opts, io);
    if (command === 'iza') return runIza(data, opts, io);
    return await runWerkboek(data, opts, io, render);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Fout: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
