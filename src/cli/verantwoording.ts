import { parseRealisatieCsv } from '../data';
import { CSV_KOMMA_HELP, csvKolommen, csvText, csvVorm } from './csv-out';
import type {
  BeschikkingRegel,
  Gemeente,
  InputFailure,
  RealisatieInvoer,
  RegelingVerantwoording,
  ResolvedEdition,
  Scenario,
  Verantwoording,
  VerantwoordingAannames,
  VerantwoordingJaar,
} from '../domain';
import { keyMisses, keyText, sisaCodes, sisaOpgave, verantwoordingRegels } from '../domain';
import {
  BASIS_TEXT,
  beschikkingKenmerkText,
  eindafrekeningText,
  euroOfOnbekend,
  formatEuro,
  limietText,
  verantwoordingSignaalText,
} from '../messages';
import { UsageError } from './args';
import type { CliIo } from './io';
import type { KeyedRow } from '../plan';

/**
 * `spuk-begroting verantwoording`: the realisatie against the begroting and the beschikking per
 * regeling, onderdeel and year, the overheveling against its limit, and the expected terugvordering
 * (src/domain/verantwoording). Resolved through the scenario (edition, gemeente, beschikking,
 * begroting as every command resolves them). Exit 0 without signals, 1 with signals, 2 on bad input.
 */

export function verantwoordingHelp(): string {
  return `spuk-begroting verantwoording --gemeente CODE|NAAM --realisatie CSV [--beschikking CSV] [--begroting CSV]
                              [--editie ID] [--limiet REGELING:JAAR=PCT,...] [--schuifruimte REGELING=PCT,...]
                              [--van-mandaatgemeente JAAR=BEDRAG,...] [--formaat tekst|csv|json]

Schrijft naar stdout: de verantwoording als tekst (standaard), CSV of JSON (--formaat).
Zet de realisatie (wat is besteed) naast de begroting en de beschikking, per regeling, onderdeel
(Brede SPUK 2023–2024) en jaar: verschil, prognose, cumulatieve besteding, overheveling tegen de
limiet, onderbesteding en de verwachte terugvordering bij de eindafrekening (per jaar en
cumulatief), met de regel en de bron van elke limiet. SPUK IZA: de eigen besteding (SiSa H35) en per
medeoverheid wat zij ontving en besteedde (H35B).

  --gemeente CODE|NAAM   de gemeente (verplicht)
  --realisatie CSV       de realisatie: precies de kolommen van de tabel Begroting (kopieer het
                         begrotingsbestand en overschrijf de bedragen met wat besteed is), plus
                         desgewenst één kolom "Prognose JAAR" met de verwachte besteding van dat jaar
  --beschikking CSV      de beschikking (zie 'spuk-begroting werkboek --help'); zonder: de bedragen van de editie.
                         Een ledengemeente: bij SPUK IZA telt wat zij van de mandaatgemeente ontvangt
                         (--van-mandaatgemeente, anders haar geplande aandeel uit de regioverdeling).
  --begroting CSV        de begroting (voor begroting en verschil, en wat aan medeoverheden is doorbetaald)
  --limiet REGELING:JAAR=PCT   uw eigen limiet voor een overheveling die geen bron regelt, bijvoorbeeld
                         brede-spuk:2024=0 of spuk-iza:2024=0,spuk-iza:2025=0
  --schuifruimte REGELING=PCT  de schuifruimte (% van de beschikking van een onderdeel) die u in de
                         terugvordering verrekent, bijvoorbeeld brede-spuk=15; standaard 0: niet verrekend
                         (geen bron regelt de verrekening; het blad Verantwoording zegt het ook)
  --van-mandaatgemeente JAAR=BEDRAG,...   voor een ledengemeente: wat de mandaatgemeente per jaar
                         doorbetaalde, in hele euro's (uit haar brief of raadsbesluit), bijvoorbeeld
                         2023=450000,2024=460000; een jaar dat u weglaat: het geplande aandeel
  --formaat FORMAAT      tekst (standaard): per regeling de tabellen en de signalen;
                         csv: per regeling, onderdeel (leeg = de regeling) en jaar een regel met de kolommen
                         ${csvKolommen(COLUMNS, { indent: ' '.repeat(25), first: 25 })}
                         (de signalen op stderr);
                         json: de regelingen met hun jaren, de SiSa-opgave en de signalen
${CSV_KOMMA_HELP}
Uitkomst: 0 zonder signalen, 1 met signalen (zoals een verwachte terugvordering of een overheveling
boven de limiet), 2 bij een fout in de invoer.
`;
}

/**
 * The regeling with a verantwoording that `id` names (`brede-spuk`, case-insensitive) in an option of
 * `--limiet` or `--schuifruimte`; UsageError (Dutch) listing the regelingen when there is none.
 */
function regelingOf<R extends { readonly regeling: string }>(id: string, regelingen: readonly R[]): R {
  const r = regelingen.find((x) => x.regeling === id.toLowerCase());
  if (!r)
    throw new UsageError(
      `"${id}" is geen regeling met een verantwoording. Kies uit: ${regelingen.map((x) => x.regeling).join(', ')}.`,
    );
  return r;
}

/**
 * A percentage typed in `part` of an option ("15", "12,5" or "12.5") as a number from 0 to 100;
 * UsageError (Dutch, "een `wat` is een percentage van 0 tot en met 100") otherwise.
 */
function percentageOf(text: string, part: string, wat: 'limiet' | 'schuifruimte'): number {
  const pct = Number(text.replace(',', '.'));
  if (!(pct >= 0 && pct <= 100))
    throw new UsageError(`${part}: een ${wat} is een percentage van 0 tot en met 100.`);
  return pct;
}

/** `--limiet brede-spuk:2024=0,spuk-iza:2025=10` → the controller's aannames; UsageError naming the fix. */
export function parseLimieten(
  text: string | undefined,
  regelingen: readonly { regeling: string; jaren: readonly number[]; eindjaar: number }[],
): VerantwoordingAannames {
  if (text === undefined) return {};
  const out: { regeling: string; vanJaar: number; waarde: number }[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^([a-z-]+):(\d{4})=(\d+(?:[.,]\d+)?)%?$/i.exec(part);
    if (!m)
      throw new UsageError(
        `"${part}" is geen limiet. Schrijf REGELING:JAAR=PCT, bijvoorbeeld brede-spuk:2024=0 (regelingen: ${regelingen.map((r) => r.regeling).join(', ')}).`,
      );
    const [, id = '', jaarText = '', pctText = ''] = m;
    const r = regelingOf(id, regelingen);
    const jaar = Number(jaarText);
    if (!r.jaren.includes(jaar) || jaar === r.eindjaar)
      throw new UsageError(
        `${id}: ${jaar} is geen jaar waaruit kan worden overgeheveld. Kies uit: ${r.jaren.filter((y) => y !== r.eindjaar).join(', ')}.`,
      );
    const pct = percentageOf(pctText, part, 'limiet');
    if (out.some((o) => o.regeling === r.regeling && o.vanJaar === jaar))
      throw new UsageError(`${id}:${jaar} staat twee keer in --limiet. Geef elke limiet één keer.`);
    out.push({ regeling: r.regeling, vanJaar: jaar, waarde: pct });
  }
  return { overheveling: out };
}

/**
 * `--schuifruimte brede-spuk=15` → the controller's schuifruimte per regeling (% of an onderdeel's
 * beschikking counted against its overschrijding in the terugvordering; `VerantwoordingRegels.schuifruimte`:
 * no source settles it, default 0). UsageError (Dutch) naming the fix for a bad or repeated part.
 */
export function parseSchuifruimte(
  text: string | undefined,
  regelingen: readonly { regeling: string }[],
): VerantwoordingAannames['schuifruimte'] {
  if (text === undefined) return undefined;
  const out: { regeling: string; waarde: number }[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^([a-z-]+)=(\d+(?:[.,]\d+)?)%?$/i.exec(part);
    if (!m)
      throw new UsageError(
        `"${part}" is geen schuifruimte. Schrijf REGELING=PCT, bijvoorbeeld brede-spuk=15 (regelingen: ${regelingen.map((r) => r.regeling).join(', ')}).`,
      );
    const [, id = '', pctText = ''] = m;
    const r = regelingOf(id, regelingen);
    const pct = percentageOf(pctText, part, 'schuifruimte');
    if (out.some((o) => o.regeling === r.regeling))
      throw new UsageError(`${id} staat twee keer in --schuifruimte. Geef elke regeling één keer.`);
    out.push({ regeling: r.regeling, waarde: pct });
  }
  return out;
}

/** What `--realisatie F [--limiet …]` gives the scenario (`ScenarioRequest.realisatie` and `aannames`). */
export interface RealisatieOpties {
  readonly realisatie: RealisatieInvoer;
  readonly aannames: VerantwoordingAannames;
}

/** A realisatie file that did not read: every failure (src/data) and the file, reported as `Fout in F: …`. */
export interface RealisatieFailed {
  readonly failures: readonly InputFailure[];
  readonly file: string;
}

/**
 * The one place the CLI reads `--realisatie F` and `--limiet …` (`werkboek` and `verantwoording`):
 * undefined without `--realisatie` (then `--limiet` is refused); the file read with
 * `parseRealisatieCsv` against the edition, so the caller reports its failures with the other
 * files' and resolves the scenario once with the result. Throws UsageError (Dutch) for `--limiet`
 * without `--realisatie`, a realisatie without a gemeente, a bad limit or an unreadable file.
 */
export function readRealisatie(
  opts: ReadonlyMap<string, string>,
  io: CliIo,
  edition: ResolvedEdition,
  gemeente: Gemeente | undefined,
): RealisatieOpties | RealisatieFailed | undefined {
  const file = opts.get('--realisatie');
  if (file === undefined) {
    for (const o of ['--limiet', '--schuifruimte'])
      if (opts.has(o)) throw new UsageError(`${o} hoort bij --realisatie (het blad Verantwoording).`);
    return undefined;
  }
  if (gemeente === undefined)
    throw new UsageError(
      'Een verantwoording hoort bij één gemeente: geef --gemeente CODE|NAAM bij --realisatie.',
    );
  const regels = verantwoordingRegels(edition);
  const schuifruimte = parseSchuifruimte(opts.get('--schuifruimte'), regels);
  const aannames: VerantwoordingAannames = {
    ...parseLimieten(opts.get('--limiet'), regels),
    ...(schuifruimte === undefined ? {} : { schuifruimte }),
  };
  const text = io.readFile(file);
  if (text === undefined)
    throw new UsageError(`Kan het bestand "${file}" niet lezen. Controleer pad en rechten.`);
  const realisatie = parseRealisatieCsv(text, { edition });
  return realisatie.ok ? { realisatie: realisatie.value, aannames } : { failures: realisatie.failures, file };
}

/** The text tables of `verantwoording --formaat tekst`: per regeling its years, and its years per onderdeel. */
type Tabel = 'regeling' | 'onderdeel';

/**
 * One figure of a verantwoording year (`VerantwoordingJaar`), once for every output: its CSV column,
 * its value in the records (an unknown figure: ''), and where the text output shows it (`tekst`): its
 * heading, the tables it is in, its cell (euros as `formatEuro`, an unknown limit or terugvordering
 * "onbekend"), and whether it is text (left-aligned; amounts are right-aligned).
 */
interface JaarKolom {
  readonly csv: string;
  readonly waarde: (j: VerantwoordingJaar) => string | number;
  readonly tekst?: {
    readonly kop: string;
    readonly in: readonly Tabel[];
    readonly cel: (j: VerantwoordingJaar) => string;
    readonly links?: true;
  };
}

const opt = (x: number | undefined): string | number => (x === undefined ? '' : x);
const BEIDE: readonly Tabel[] = ['regeling', 'onderdeel'];
const REGELING: readonly Tabel[] = ['regeling'];
/** An amount in euros, in the text tables (`in`) under `kop`. */
const bedrag = (kop: string, in_: readonly Tabel[], f: (j: VerantwoordingJaar) => number) => ({
  kop,
  in: in_,
  cel: (j: VerantwoordingJaar) => formatEuro(f(j)),
});

/** The figures of a year, in the order of the CSV's columns and of the text tables. */
const JAAR_KOLOMMEN: readonly JaarKolom[] = [
  {
    csv: 'jaar',
    waarde: (j) => j.jaar,
    tekst: { kop: 'jaar', in: BEIDE, cel: (j) => String(j.jaar), links: true },
  },
  {
    csv: 'beschikking',
    waarde: (j) => j.beschikking,
    tekst: bedrag('beschikking', BEIDE, (j) => j.beschikking),
  },
  { csv: 'beschikking_bron', waarde: (j) => j.beschikkingBron },
  { csv: 'begroting', waarde: (j) => j.begroting, tekst: bedrag('begroting', REGELING, (j) => j.begroting) },
  { csv: 'realisatie', waarde: (j) => j.realisatie, tekst: bedrag('realisatie', BEIDE, (j) => j.realisatie) },
  { csv: 'verschil', waarde: (j) => j.verschil, tekst: bedrag('verschil', REGELING, (j) => j.verschil) },
  {
    csv: 'prognose',
    waarde: (j) => opt(j.prognose),
    tekst: {
      kop: 'prognose',
      in: REGELING,
      cel: (j) => (j.prognose === undefined ? '' : formatEuro(j.prognose)),
    },
  },
  { csv: 'besteding', waarde: (j) => j.besteding, tekst: bedrag('besteding', REGELING, (j) => j.besteding) },
  {
    csv: 'basis',
    waarde: (j) => j.basis,
    tekst: { kop: 'basis', in: REGELING, cel: (j) => j.basis, links: true },
  },
  {
    csv: 'overheveling_in',
    waarde: (j) => j.overhevelingIn,
    tekst: bedrag('overh. in', BEIDE, (j) => j.overhevelingIn),
  },
  { csv: 'beschikbaar', waarde: (j) => j.beschikbaar },
  { csv: 'saldo', waarde: (j) => j.saldo, tekst: bedrag('saldo', BEIDE, (j) => j.saldo) },
  { csv: 'onbesteed', waarde: (j) => j.onbesteed },
  { csv: 'overschrijding', waarde: (j) => j.overschrijding },
  {
    csv: 'limiet',
    waarde: (j) => opt(j.limiet),
    tekst: { kop: 'limiet', in: BEIDE, cel: (j) => euroOfOnbekend(j.limiet) },
  },
  { csv: 'limiet_grondslag', waarde: (j) => j.limietRegel?.grondslag ?? '' },
  { csv: 'limiet_bron', waarde: (j) => j.limietRegel?.bron ?? '' },
  {
    csv: 'overheveling_uit',
    waarde: (j) => j.overhevelingUit,
    tekst: bedrag('overh. uit', BEIDE, (j) => j.overhevelingUit),
  },
  {
    csv: 'overheveling_gebruikt',
    waarde: (j) => j.gebruikt,
    tekst: bedrag('gebruikt', ['onderdeel'], (j) => j.gebruikt),
  },
  { csv: 'overheveling_teveel', waarde: (j) => j.overhevelingTeveel },
  {
    csv: 'terugvordering',
    waarde: (j) => opt(j.terugvordering),
    tekst: { kop: 'terugvordering', in: BEIDE, cel: (j) => euroOfOnbekend(j.terugvordering) },
  },
  { csv: 'cum_beschikking', waarde: (j) => j.cumBeschikking },
  {
    csv: 'cum_besteding',
    waarde: (j) => j.cumBesteding,
    tekst: bedrag('cum. besteding', REGELING, (j) => j.cumBesteding),
  },
  {
    csv: 'cum_onderbesteding',
    waarde: (j) => j.cumOnderbesteding,
    tekst: bedrag('cum. onderbesteding', REGELING, (j) => j.cumOnderbesteding),
  },
];

/** The CSV's columns: the regeling and onderdeel, a year's figures, the beschikking's nummer and datum. */
const COLUMNS = [
  'regeling',
  'onderdeel',
  ...JAAR_KOLOMMEN.map((k) => k.csv),
  'beschikkingsnummer',
  'beschikkingsdatum',
];

/**
 * The text table `welke` of a regeling's years: the heading row, then per year its cells; `voor`
 * puts columns in front (the onderdeel's number), text columns left-aligned.
 */
function jaarTabel(
  io: CliIo,
  welke: Tabel,
  jaren: readonly { readonly voor: readonly string[]; readonly j: VerantwoordingJaar }[],
  voorKop: readonly string[] = [],
): void {
  const kolommen = JAAR_KOLOMMEN.flatMap((k) => (k.tekst?.in.includes(welke) ? [k.tekst] : []));
  const left = new Set(kolommen.flatMap((k, i) => (k.links ? [voorKop.length + i] : [])));
  tabel(
    io,
    [
      [...voorKop, ...kolommen.map((k) => k.kop)],
      ...jaren.map((x) => [...x.voor, ...kolommen.map((k) => k.cel(x.j))]),
    ],
    left,
  );
}

/** A regeling's beschikkingsnummer and -datum (ISO) as the beschikking file gave them (issue #19 item 4). */
export interface Kenmerk {
  readonly nummer: string | undefined;
  readonly datum: string | undefined;
}

/** The nummer and datum of a regeling (its begroting post) from the beschikking's rows; undefined parts not given. */
export function kenmerkOf(beschikking: readonly BeschikkingRegel[], post: string): Kenmerk {
  const rows = beschikking.filter((b) => b.regeling === post);
  return {
    nummer: rows.find((b) => b.nummer !== undefined)?.nummer,
    datum: rows.find((b) => b.datum !== undefined)?.datum,
  };
}

function record(
  naam: string,
  onderdeel: number | '',
  j: VerantwoordingJaar,
  k: Kenmerk,
): (string | number)[] {
  return [naam, onderdeel, ...JAAR_KOLOMMEN.map((c) => c.waarde(j)), k.nummer ?? '', k.datum ?? ''];
}

/** A year for JSON: unknown figures as null (not left out). */
const jsonJaar = (j: VerantwoordingJaar) => ({
  ...j,
  limiet: j.limiet ?? null,
  limietRegel: j.limietRegel ?? null,
  terugvordering: j.terugvordering ?? null,
  prognose: j.prognose ?? null,
});

/** Whether a regeling concerns the gemeente at all (money, begroting or realisatie in some year). */
const concerns = (r: RegelingVerantwoording): boolean =>
  r.jaren.some((j) => j.beschikking !== 0 || j.begroting !== 0 || j.realisatie !== 0) || r.naEinde.length > 0;

/**
 * Every figure as records: the regeling's years, then its onderdelen (per-onderdeel years); each
 * row ends with the regeling's beschikkingsnummer and -datum (jjjj-mm-dd) from `beschikking`, empty
 * when not given.
 */
export function verantwoordingRecords(
  v: Verantwoording,
  beschikking: readonly BeschikkingRegel[] = [],
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const r of v.regelingen) {
    const k = kenmerkOf(beschikking, r.regels.post);
    for (const j of r.jaren) rows.push(record(r.regels.naam, '', j, k));
    for (const o of r.onderdelen) for (const j of o.jaren) rows.push(record(r.regels.naam, o.nr, j, k));
  }
  return rows;
}

/** A text table: right-aligned amounts. */
function tabel(io: CliIo, rows: readonly (readonly string[])[], left: ReadonlySet<number>): void {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const r of rows)
    io.out(
      r
        .map((v, c) => (left.has(c) ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0)))
        .join('  ')
        .trimEnd() + '\n',
    );
}

function printRegeling(io: CliIo, r: RegelingVerantwoording, edition: ResolvedEdition, k: Kenmerk): void {
  const e = formatEuro;
  io.out(`\n${r.regels.naam} — ${r.regels.regelingBron}\n`);
  if (k.nummer !== undefined || k.datum !== undefined)
    io.out(`${beschikkingKenmerkText(k.nummer, k.datum)}\n`);
  jaarTabel(
    io,
    'regeling',
    r.jaren.map((j) => ({ voor: [], j })),
  );
  const basis = [...new Set(r.jaren.map((j) => j.basis))].filter((b) => b !== 'realisatie');
  if (basis.length > 0)
    io.out(
      `Besteding volgens ${basis.map((b) => BASIS_TEXT[b]).join(' en ')} waar de kolom basis dat zegt.\n`,
    );
  io.out('Overheveling:\n');
  for (const j of r.jaren) io.out(`- ${limietText(j.jaar, j.limietRegel, j.jaar === r.regels.eindjaar)}\n`);
  if (r.onderdelen.length > 0) {
    io.out(`Per onderdeel (${r.regels.perOnderdeelJaren.join(', ')}: per onderdeel verantwoord):\n`);
    const oJaren = r.onderdelen.flatMap((o) =>
      o.jaren
        .filter((j) => j.beschikking !== 0 || j.besteding !== 0)
        .map((j) => ({ voor: [String(o.nr)], j })),
    );
    jaarTabel(io, 'onderdeel', oJaren, ['onderdeel']);
  }
  if (r.iza && r.iza.rol !== 'geen') {
    if (r.iza.rol === 'mandaatgemeente') {
      io.out(
        'SiSa: H35 (eigen uitvoering) en H35B (medeoverheden), beide op de basis van de besteding van het jaar (realisatie, prognose of begroting):\n',
      );
      tabel(
        io,
        [
          ['jaar', 'basis', 'H35 eigen', 'doorbetaald', 'H35B besteed'],
          ...r.iza.jaren.map((j) => [String(j.jaar), j.basis, e(j.eigen), e(j.doorbetaald), e(j.h35b)]),
        ],
        new Set([0, 1]),
      );
      if (r.iza.medeoverheden.length > 0)
        tabel(
          io,
          [
            ['code', 'medeoverheid', 'jaar', 'ontvangen', 'realisatie', 'besteed', 'verschil'],
            ...r.iza.medeoverheden.map((m) => [
              m.code,
              m.naam,
              String(m.jaar),
              e(m.ontvangen),
              e(m.realisatie),
              e(m.besteed),
              e(m.verschil),
            ]),
          ],
          new Set([0, 1]),
        );
    } else {
      const bron = (b: string) =>
        b === 'beschikking'
          ? 'uw bedrag van --van-mandaatgemeente'
          : b === 'afgeleid'
            ? 'gepland aandeel uit de regioverdeling'
            : b;
      io.out(
        `Ledengemeente: de beschikking is wat de mandaatgemeente doorbetaalt: ${r.jaren.map((j) => `${j.jaar} ${e(j.beschikking)} (${bron(j.beschikkingBron)})`).join('; ')}. Een ledengemeente heeft hiervoor geen eigen SiSa-code: de mandaatgemeente verantwoordt deze besteding onder H35B (H35 is haar eigen uitvoering).\n`,
      );
    }
  }
  printSisa(io, r, edition);
  const t = r.terugvordering;
  io.out(
    `Verwachte terugvordering: per jaar ${euroOfOnbekend(t.perJaar)}; cumulatief ${euroOfOnbekend(t.cumulatief)}${t.cumulatief === undefined ? ' (doorbetaling aan de medeoverheden niet ingevuld: zie de signalen)' : ''}.\n${eindafrekeningText(t.regel)}\n`,
  );
}

/** The SiSa opgave: the lines a controller copies into the SiSa bijlage (codes only where a source states them). */
function printSisa(io: CliIo, r: RegelingVerantwoording, edition: ResolvedEdition): void {
  const lines = sisaOpgave(r, sisaCodes(edition, r.regels.regeling));
  if (lines.length === 0) return;
  io.out(
    `SiSa-opgave (indicatornummers en -teksten niet gevonden: volgens invulwijzer SiSa van het jaar — controleer; beschikkingsnummer: uit de beschikking):\n`,
  );
  const rows = lines.map((l) => [
    String(l.jaar),
    l.viaMandaatgemeente ? 'geen eigen code (via mandaatgemeente, H35B)' : (l.code ?? 'code niet gevonden'),
    l.medeoverheid
      ? `${l.medeoverheid.code} ${l.medeoverheid.naam}`
      : l.onderdeel !== undefined
        ? `onderdeel ${l.onderdeel}`
        : 'besteding jaar T',
    formatEuro(l.besteding),
    l.cumulatief === undefined ? '' : formatEuro(l.cumulatief),
    l.eindverantwoording ? 'Ja' : 'Nee',
  ]);
  tabel(
    io,
    [['jaar', 'code', 'regel', 'besteding', 'cumulatief t/m T', 'eindverantwoording'], ...rows],
    new Set([0, 1, 2]),
  );
}

/**
 * The realisatie rows whose key (Regeling|Onderdeel|Activiteit) is no begroting row's (`keyMisses`,
 * the werkmap's Controle check `realisatie-sleutel`), each with its Dutch signal line naming the row
 * and the fix. None without a begroting (`--begroting` not given: nothing to compare with).
 */
export function zonderBegroting(
  realisatie: RealisatieInvoer,
  begroting: { readonly regels: readonly KeyedRow[] } | undefined,
): { readonly rij: number; readonly sleutel: string; readonly tekst: string }[] {
  if (begroting === undefined) return [];
  const misses = keyMisses(realisatie.regels, begroting.regels);
  return realisatie.regels
    .filter((_r, i) => misses[i] === true)
    .map((r) => {
      const sleutel = keyText(r);
      return {
        rij: r.rij,
        sleutel,
        tekst: `Realisatie rij ${r.rij} (${sleutel}): geen regel in de begroting met deze regeling, dit onderdeel en deze activiteit. Deze besteding telt wel mee, maar staat niet naast een begrotingsregel: neem de activiteit op in de begroting of corrigeer Regeling, Onderdeel of Activiteit in de realisatie.`,
      };
    });
}

/**
 * Runs the command. `scenarioFor` is the CLI's own resolution (cli.ts: edition, key, gemeente, the
 * beschikking, begroting and realisatie files read with `readRealisatie`; the exit code 2 after
 * printing their failures): the figures printed are the scenario's `verantwoording`, computed once by
 * `resolveScenario`, the same the werkmap's sheet Verantwoording lays out.
 */
export function runVerantwoording(
  opts: Map<string, string>,
  io: CliIo,
  scenarioFor: () => Scenario | number,
): number {
  const formaat = opts.get('--formaat') ?? 'tekst';
  if (formaat !== 'tekst' && formaat !== 'csv' && formaat !== 'json')
    throw new UsageError(`Onbekend formaat "${formaat}". Kies tekst, csv of json.`);
  const vorm = csvVorm(opts, formaat);
  const gemeenteText = opts.get('--gemeente');
  if (gemeenteText === undefined || gemeenteText.toUpperCase() === 'NL')
    throw new UsageError('Een verantwoording hoort bij één gemeente: geef --gemeente CODE|NAAM.');
  if (!opts.has('--realisatie'))
    throw new UsageError(
      "Geef met --realisatie het CSV-bestand met wat besteed is: de kolommen van de tabel Begroting (zie 'spuk-begroting verantwoording --help').",
    );
  const scenario = scenarioFor();
  if (typeof scenario === 'number') return scenario;
  const g = scenario.gemeente;
  const v = scenario.verantwoording;
  const realisatie = scenario.request.realisatie;
  // Both hold when scenarioFor read --realisatie for one gemeente (readRealisatie refuses otherwise).
  if (g === undefined || v === undefined || realisatie === undefined)
    throw new UsageError('Een verantwoording hoort bij één gemeente: geef --gemeente CODE|NAAM.');
  const edition = scenario.input.edition;
  // Realisatie rows without a begroting row: a signal (Controle's realisatie-sleutel in the werkmap).
  const zonder = zonderBegroting(
    realisatie,
    opts.has('--begroting') ? scenario.request.begroting : undefined,
  );
  const code = v.signalen.length > 0 || zonder.length > 0 ? 1 : 0;
  if (formaat === 'csv') {
    io.out(csvText(COLUMNS, verantwoordingRecords(v, scenario.beschikking), vorm, io.outIsFile === true));
    // The signals beside the data (as begroting --formaat csv writes them): on stderr.
    if (code === 1)
      io.err(
        `Signalen (${v.signalen.length + zonder.length}):\n${[...v.signalen.map((s) => verantwoordingSignaalText(s)), ...zonder.map((z) => z.tekst)].map((t) => `- ${t}\n`).join('')}`,
      );
    return code;
  }
  if (formaat === 'json') {
    io.out(
      JSON.stringify({
        gemeente: { code: g.code, naam: g.naam },
        editie: scenario.editie,
        peiljaar: v.peiljaar ?? null,
        regelingen: v.regelingen.map((r) => ({
          regeling: r.regels.regeling,
          naam: r.regels.naam,
          bron: r.regels.regelingBron,
          beschikkingsnummer: kenmerkOf(scenario.beschikking, r.regels.post).nummer ?? null,
          beschikkingsdatum: kenmerkOf(scenario.beschikking, r.regels.post).datum ?? null,
          jaren: r.jaren.map(jsonJaar),
          onderdelen: r.onderdelen.map((o) => ({ nr: o.nr, jaren: o.jaren.map(jsonJaar) })),
          naEinde: r.naEinde,
          zonderOnderdeel: r.zonderOnderdeel,
          terugvordering: {
            perJaar: r.terugvordering.perJaar ?? null,
            cumulatief: r.terugvordering.cumulatief,
            regel: r.terugvordering.regel ?? null,
          },
          iza: r.iza ?? null,
          sisa: sisaOpgave(r, sisaCodes(edition, r.regels.regeling)).map((l) => ({
            ...l,
            code: l.code ?? null,
            cumulatief: l.cumulatief ?? null,
          })),
        })),
        signalen: v.signalen.map((s) => ({ ...s, tekst: verantwoordingSignaalText(s) })),
        zonderBegroting: zonder,
      }) + '\n',
    );
    return code;
  }
  io.out(
    `Verantwoording ${g.naam} (${g.code}); editie ${scenario.editie}; ${v.peiljaar === undefined ? 'nog geen realisatie' : `realisatie tot en met ${v.peiljaar}`}; ${realisatie.regels.length} ${realisatie.regels.length === 1 ? 'activiteit' : 'activiteiten'}${scenario.beschikking.length > 0 ? `; beschikking: ${scenario.beschikking.length} bedragen` : '; zonder beschikking: de bedragen van de editie'}.\n`,
  );
  for (const r of v.regelingen.filter(concerns))
    printRegeling(io, r, edition, kenmerkOf(scenario.beschikking, r.regels.post));
  if (code === 0) {
    io.out('\nGeen signalen: de besteding blijft binnen de beschikking en de regels.\n');
    return 0;
  }
  io.out(`\nSignalen (${v.signalen.length + zonder.length}):\n`);
  for (const s of v.signalen) io.out(`- ${verantwoordingSignaalText(s)}\n`);
  for (const z of zonder) io.out(`- ${z.tekst}\n`);
  return 1;
}
