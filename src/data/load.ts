import type {
  AzwaRaming,
  Bijlage2ARow,
  CbsCode,
  Dataset,
  Edition,
  Euro,
  GalaYear,
  Gemeente,
  Hoofdthema,
  IzaRegio,
  MembershipMethod,
  Mutatie,
  Onderdeel,
  PublishedTotal,
  ReferenceData,
  RegioLidmaatschap,
} from '../domain';
import { euro, HOOFDTHEMAS, mlnToEuro, MalformedAmountError } from '../domain';
import type { CsvRecord } from './csv';
import { readCsv } from './csv';
import { DataFileError } from './errors';
import { shippedManifests } from './shipped';
import galaCsv from '../../data/gala-2023/brede_spuk_2023_2026.csv';
import totalsCsv from '../../data/gala-2023/brede_spuk_published_totals.csv';
import verdelingCsv from '../../data/gala-2023/brede_spuk_onderdelen_verdeelsystematiek.csv';
import bijlage2ACsv from '../../data/vws-2025-09/brede_spuk_bedragen_per_gemeente_2025_2026.csv';
import bijlage2BCsv from '../../data/vws-2025-09/spuk_iza_bedragen_per_regio_2025_2026.csv';
import mutatiesCsv from '../../data/vws-2025-09/spuk_mutaties_2025_2026.csv';
import gemeentenCsv from '../../data/gemeenten-2025/gemeenten_2023_2025.csv';
import ledenCsv from '../../data/gemeenten-2025/spuk_iza_regio_leden_afgeleid.csv';
import azwaCsv from '../../data/vws-2026-04/spuk_azwa_2027_2029_raming.csv';
import openPostenCsv from '../../data/vws-2026-04/open_posten_vanaf_2027.csv';
import openPosten2030Csv from '../../data/vws-2026-04/open_posten_2030.csv';

/** The raw texts of an edition's files; every one can be replaced (tests feed malformed ones). */
export interface SourceFiles {
  readonly gala: string;
  readonly totals: string;
  readonly verdeling: string;
  readonly bijlage2A: string;
  readonly bijlage2B: string;
  readonly mutaties: string;
  readonly gemeenten: string;
  readonly leden: string;
  readonly azwa: string;
}

export const EMBEDDED_FILES: SourceFiles = {
  gala: galaCsv,
  totals: totalsCsv,
  verdeling: verdelingCsv,
  bijlage2A: bijlage2ACsv,
  bijlage2B: bijlage2BCsv,
  mutaties: mutatiesCsv,
  gemeenten: gemeentenCsv,
  leden: ledenCsv,
  azwa: azwaCsv,
};

const FILE_NAMES: Record<keyof SourceFiles, string> = {
  gala: 'gala-2023/brede_spuk_2023_2026.csv',
  totals: 'gala-2023/brede_spuk_published_totals.csv',
  verdeling: 'gala-2023/brede_spuk_onderdelen_verdeelsystematiek.csv',
  bijlage2A: 'vws-2025-09/brede_spuk_bedragen_per_gemeente_2025_2026.csv',
  bijlage2B: 'vws-2025-09/spuk_iza_bedragen_per_regio_2025_2026.csv',
  mutaties: 'vws-2025-09/spuk_mutaties_2025_2026.csv',
  gemeenten: 'gemeenten-2025/gemeenten_2023_2025.csv',
  leden: 'gemeenten-2025/spuk_iza_regio_leden_afgeleid.csv',
  azwa: 'vws-2026-04/spuk_azwa_2027_2029_raming.csv',
};

/**
 * Every embedded data file by its repository path (`data/<folder>/<file>`, as a manifest's dataset
 * names it in `bestand`): what the manifests' datasets are checked against (columns) and read from.
 */
export const EMBEDDED_TEXTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    (Object.keys(FILE_NAMES) as (keyof SourceFiles)[]).map((k) => [`data/${FILE_NAMES[k]}`, EMBEDDED_FILES[k]]),
  ),
  'data/vws-2026-04/open_posten_vanaf_2027.csv': openPostenCsv,
  'data/vws-2026-04/open_posten_2030.csv': openPosten2030Csv,
};

function mln(file: string, r: CsvRecord, column: string): Euro | undefined {
  const text = r.optional(column);
  if (text === '') return undefined;
  try {
    return mlnToEuro(text);
  } catch (e) {
    if (e instanceof MalformedAmountError) throw new DataFileError(file, r.line, `"${column}" is not an amount: ${text}`);
    throw e;
  }
}

function required(file: string, r: CsvRecord, column: string): Euro {
  const v = mln(file, r, column);
  if (v === undefined) throw new DataFileError(file, r.line, `empty "${column}"`);
  return v;
}

function wholeEuros(file: string, r: CsvRecord, column: string): Euro {
  const text = r.get(column);
  if (!/^\d+$/.test(text)) throw new DataFileError(file, r.line, `"${column}" is not whole euros: ${text}`);
  return euro(Number(text));
}

function cbs(file: string, r: CsvRecord, column: string): CbsCode {
  const text = r.get(column);
  if (!/^GM\d{4}$/.test(text)) throw new DataFileError(file, r.line, `"${column}" is not a CBS code: ${text}`);
  return text as CbsCode;
}

function hoofdthema(file: string, r: CsvRecord): Hoofdthema {
  const t = r.get('thema');
  if (t === 'IZA' || (HOOFDTHEMAS as readonly string[]).includes(t)) return t as Hoofdthema;
  throw new DataFileError(file, r.line, `unknown hoofdthema: ${t}`);
}

const YEAR_COLUMNS = ['2023', '2024', '2025', '2026'] as const;

function parseOnderdelen(f: SourceFiles): Onderdeel[] {
  const file = FILE_NAMES.gala;
  const verdeling = new Map(
    readCsv(FILE_NAMES.verdeling, f.verdeling, ['nr', 'verdeelbasis_per_gemeente', 'bijzonderheden']).map((r) => [
      r.get('nr'),
      r,
    ]),
  );
  const lines = readCsv(file, f.gala, ['nr', 'onderdeel', 'thema', ...YEAR_COLUMNS, 'structureel']).map((r) => {
    const nr = Number(r.get('nr'));
    if (!Number.isInteger(nr) || nr < 1) throw new DataFileError(file, r.line, `bad line number ${r.get('nr')}`);
    const thema = hoofdthema(file, r);
    const v = verdeling.get(String(nr));
    const amounts = {} as Record<GalaYear, Euro | undefined>;
    for (const y of YEAR_COLUMNS) amounts[Number(y) as GalaYear] = mln(file, r, y);
    return {
      nr,
      naam: r.get('onderdeel'),
      hoofdthema: thema,
      fund: thema === 'IZA' ? ('spuk-iza' as const) : ('brede-spuk' as const),
      amounts,
      structureel: mln(file, r, 'structureel'),
      verdeelbasis: v?.optional('verdeelbasis_per_gemeente') ?? '',
      bijzonderheden: v?.optional('bijzonderheden') ?? '',
    };
  });
  lines.forEach((l, i) => {
    if (l.nr !== i + 1) throw new DataFileError(file, i + 2, `lines must be numbered 1..n in order, found ${l.nr}`);
  });
  return lines;
}

function parseTotals(f: SourceFiles): PublishedTotal[] {
  const file = FILE_NAMES.totals;
  return readCsv(file, f.totals, ['totaal', ...YEAR_COLUMNS, 'structureel']).map((r) => ({
    label: r.get('totaal'),
    values: {
      2023: mln(file, r, '2023'),
      2024: mln(file, r, '2024'),
      2025: mln(file, r, '2025'),
      2026: mln(file, r, '2026'),
      structureel: mln(file, r, 'structureel'),
    },
  }));
}

function parseGemeenten(f: SourceFiles): Gemeente[] {
  const file = FILE_NAMES.gemeenten;
  const rows = readCsv(file, f.gemeenten, [
    'gemeentecode',
    'gemeentenaam',
    'naam_in_vws_brief_2025',
    'provincie',
    'zorgkantoorregio',
    'iza_regiobeeld_regio',
    'inwoners_rso_nl_2025',
  ]).map((r) => {
    const inw = r.get('inwoners_rso_nl_2025');
    if (!/^\d+$/.test(inw)) throw new DataFileError(file, r.line, `inwoners is not a whole number: ${inw}`);
    return {
      code: cbs(file, r, 'gemeentecode'),
      naam: r.get('gemeentenaam'),
      naamVws: r.get('naam_in_vws_brief_2025'),
      provincie: r.get('provincie'),
      zorgkantoorregio: r.get('zorgkantoorregio'),
      regiobeeldRegio: r.get('iza_regiobeeld_regio'),
      inwoners: Number(inw),
      line: r.line,
    };
  });
  const seen = new Set<string>();
  for (const g of rows) {
    if (seen.has(g.code)) throw new DataFileError(file, g.line, `duplicate CBS code ${g.code}`);
    seen.add(g.code);
  }
  return rows
    .map(({ line: _line, ...g }) => g)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function parse2A(f: SourceFiles, known: Set<string>): Bijlage2ARow[] {
  const file = FILE_NAMES.bijlage2A;
  return readCsv(file, f.bijlage2A, ['gemeentecode', 'naam_in_bron', 'totaal_2025_eur', 'totaal_2026_eur']).map((r) => {
    const code = cbs(file, r, 'gemeentecode');
    if (!known.has(code)) throw new DataFileError(file, r.line, `CBS code ${code} is not a gemeente of the edition`);
    return {
      code,
      naamInBron: r.get('naam_in_bron'),
      totaal2025: wholeEuros(file, r, 'totaal_2025_eur'),
      totaal2026: wholeEuros(file, r, 'totaal_2026_eur'),
    };
  });
}

/**
 * Region names as the sources spell them, corrected for display (and used as the name everywhere):
 * Bijlage 2B and the derived membership file write "Midden-Ijssel"; the region is Midden-IJssel
 * (Dutch "IJ" is one letter). The CSV files keep the source's spelling (data/SOURCES.md).
 */
const REGION_SPELLING: Readonly<Record<string, string>> = { 'Midden-Ijssel': 'Midden-IJssel' };

function regionName(raw: string): string {
  return REGION_SPELLING[raw] ?? raw;
}

function parse2B(f: SourceFiles): IzaRegio[] {
  const file = FILE_NAMES.bijlage2B;
  return readCsv(file, f.bijlage2B, [
    'iza_regio',
    'mandaatgemeente',
    'mandaatgemeente_code',
    'totaal_spuk_iza_2025_eur',
    'totaal_spuk_iza_2026_eur',
    'opmerking',
  ]).map((r) => ({
    naam: regionName(r.get('iza_regio')),
    mandaatgemeente: r.get('mandaatgemeente'),
    mandaatgemeenteCode: r.optional('mandaatgemeente_code') === '' ? undefined : cbs(file, r, 'mandaatgemeente_code'),
    totaal2025: wholeEuros(file, r, 'totaal_spuk_iza_2025_eur'),
    totaal2026: wholeEuros(file, r, 'totaal_spuk_iza_2026_eur'),
    opmerking: r.optional('opmerking'),
  }));
}

function parseLeden(f: SourceFiles, known: Set<string>, regios: Set<string>): RegioLidmaatschap[] {
  const file = FILE_NAMES.leden;
  return readCsv(file, f.leden, ['gemeentecode', 'spuk_iza_regio', 'methode']).map((r) => {
    const code = cbs(file, r, 'gemeentecode');
    if (!known.has(code)) throw new DataFileError(file, r.line, `CBS code ${code} is not a gemeente of the edition`);
    const regio = regionName(r.get('spuk_iza_regio'));
    if (!regios.has(regio)) throw new DataFileError(file, r.line, `region "${regio}" is not in Bijlage 2B`);
    const m = r.get('methode');
    let methode: MembershipMethod;
    if (m === 'naam regiobeeld') methode = 'naam regiobeeld';
    else if (m.startsWith('afgeleid')) methode = 'afgeleid';
    else throw new DataFileError(file, r.line, `unknown methode "${m}" (expected "naam regiobeeld" or "afgeleid…")`);
    return { code, regio, methode };
  });
}

function parseMutaties(f: SourceFiles): Mutatie[] {
  const file = FILE_NAMES.mutaties;
  return readCsv(file, f.mutaties, ['jaar', 'spuk', 'onderwerp', 'bedrag_mln_eur']).map((r) => {
    const jaar = Number(r.get('jaar'));
    if (jaar !== 2025 && jaar !== 2026) throw new DataFileError(file, r.line, `unexpected year ${jaar}`);
    const bedrag = mln(file, r, 'bedrag_mln_eur');
    if (bedrag === undefined) throw new DataFileError(file, r.line, 'empty amount');
    return {
      jaar,
      spuk: r.get('spuk'),
      onderwerp: r.get('onderwerp'),
      bedrag,
      herkomst: r.optional('herkomst_middelen'),
      aard: r.optional('incidenteel_of_structureel_volgens_bron'),
    };
  });
}

function parseAzwa(f: SourceFiles): AzwaRaming[] {
  const file = FILE_NAMES.azwa;
  return readCsv(file, f.azwa, ['financieringsmiddel', 'wat', '2027_mln_eur', '2028_mln_eur', '2029_mln_eur']).map(
    (r) => ({
      financieringsmiddel: r.get('financieringsmiddel'),
      wat: r.optional('wat'),
      bedragen: {
        2027: required(file, r, '2027_mln_eur'),
        2028: required(file, r, '2028_mln_eur'),
        2029: required(file, r, '2029_mln_eur'),
      },
    }),
  );
}

/**
 * The provenance of the base data: for each file `loadReferenceData` reads, in its order, the
 * dataset that describes it in the shipped manifests (./shipped.ts: the one place descriptions are
 * written). Throws when a file has no description, or two that differ.
 */
export function baseDataEdition(): Edition {
  const all = shippedManifests().flatMap((m) => m.manifest.datasets);
  const datasets: Dataset[] = (Object.keys(FILE_NAMES) as (keyof SourceFiles)[]).map((k) => {
    const bestand = `data/${FILE_NAMES[k]}`;
    const found = all.filter((d) => d.bestand === bestand);
    const first = found[0];
    if (first === undefined) throw new DataFileError(bestand, 1, 'no shipped manifest describes this file');
    if (found.some((d) => JSON.stringify(d) !== JSON.stringify(first)))
      throw new DataFileError(bestand, 1, 'the shipped manifests describe this file differently');
    return first;
  });
  return {
    id: 'basisgegevens',
    naam: 'De bestanden van de meegeleverde edities',
    datasets,
  };
}

/**
 * Parses and checks the base data's files once (the facade of the data layer): after this the domain
 * trusts the records. Throws DataFileError naming the file and line of the first malformed row.
 */
export function loadReferenceData(files: Partial<SourceFiles> = {}): ReferenceData {
  const f: SourceFiles = { ...EMBEDDED_FILES, ...files };
  const edition = baseDataEdition();
  const gemeenten = parseGemeenten(f);
  const known = new Set<string>(gemeenten.map((g) => g.code));
  const izaRegios = parse2B(f);
  return {
    edition,
    onderdelen: parseOnderdelen(f),
    publishedTotals: parseTotals(f),
    gemeenten,
    bijlage2A: parse2A(f, known),
    izaRegios,
    lidmaatschap: parseLeden(f, known, new Set(izaRegios.map((r) => r.naam))),
    mutaties: parseMutaties(f),
    azwaRaming: parseAzwa(f),
  };
}

let cached: ReferenceData | undefined;

/** The embedded default edition, parsed once. */
export function defaultReferenceData(): ReferenceData {
  cached ??= loadReferenceData();
  return cached;
}
