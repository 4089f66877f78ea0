import type {
  AmountSpec,
  Dataset,
  EditionInput,
  EditionLine,
  EditionManifest,
  EditionYear,
  MutatieMapping,
  OnderdeelSpec,
  OpenPost,
  Ontvanger,
  PublishedGemeenteAmount,
  PublishedRegioAmount,
  ReferenceData,
  RegelingSpec,
  ResolvedEdition,
  ResolvedRule,
} from '../domain';
import { EDITION_YEARS, isAmountRule, isEditionYear, mlnToEuro } from '../domain';
import { readCsv } from './csv';
import { DataFileError } from './errors';
import { defaultReferenceData } from './load';
import galaManifest from '../../data/gala-2023/edition.json';
import vws2025Manifest from '../../data/vws-2025-09/edition.json';
import vws2026Manifest from '../../data/vws-2026-04/edition.json';
import openPostenCsv from '../../data/vws-2026-04/open_posten_2027_2029.csv';

/**
 * The embedded editions: one folder under data/ each, with an `edition.json` manifest (see
 * src/domain/edition.ts). Adding an edition = a folder + its manifest + one line here (the bundle
 * needs static imports). Oldest first; the newest is the default.
 */
const MANIFESTS: readonly { readonly file: string; readonly json: unknown }[] = [
  { file: 'data/gala-2023/edition.json', json: galaManifest },
  { file: 'data/vws-2025-09/edition.json', json: vws2025Manifest },
  { file: 'data/vws-2026-04/edition.json', json: vws2026Manifest },
];

/** Data files a manifest may name besides the base datasets (parsed here, by file). */
const EXTRA_FILES: Readonly<Record<string, string>> = {
  'data/vws-2026-04/open_posten_2027_2029.csv': openPostenCsv,
};

const ONTVANGERS: readonly Ontvanger[] = ['gemeente', 'mandaatgemeente', 'landelijk'];

function fail(file: string, problem: string): never {
  throw new DataFileError(file, 1, problem);
}

function obj(file: string, v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(file, `${what} is not an object`);
  return v as Record<string, unknown>;
}

function str(file: string, o: Record<string, unknown>, k: string): string {
  const v = o[k];
  if (typeof v !== 'string' || v === '') fail(file, `"${k}" must be a non-empty string`);
  return v;
}

function arr(file: string, o: Record<string, unknown>, k: string): unknown[] {
  const v = o[k];
  if (!Array.isArray(v)) fail(file, `"${k}" must be a list`);
  return v;
}

function year(file: string, v: unknown): EditionYear {
  if (typeof v !== 'number' || !isEditionYear(v)) fail(file, `${String(v)} is not a year ${EDITION_YEARS[0]}–2029`);
  return v;
}

function parseDataset(file: string, v: unknown): Dataset {
  const o = obj(file, v, 'dataset');
  return {
    id: str(file, o, 'id'),
    titel: str(file, o, 'titel'),
    bron: str(file, o, 'bron'),
    kenmerk: typeof o.kenmerk === 'string' ? o.kenmerk : '',
    datum: str(file, o, 'datum'),
    bestand: str(file, o, 'bestand'),
    kanttekeningen: arr(file, o, 'kanttekeningen').map((k) => {
      if (typeof k !== 'string') fail(file, 'kanttekeningen must be texts');
      return k;
    }),
  };
}

function parseOnderdeel(file: string, v: unknown): OnderdeelSpec {
  const o = obj(file, v, 'onderdeel');
  const nr = o.nr;
  if (typeof nr !== 'number' || !Number.isInteger(nr) || nr < 1) fail(file, `onderdeel nr ${String(nr)}`);
  const ontvanger = o.ontvanger;
  if (!ONTVANGERS.includes(ontvanger as Ontvanger)) fail(file, `onderdeel ${nr}: ontvanger ${String(ontvanger)}`);
  return {
    nr,
    ontvanger: ontvanger as Ontvanger,
    ...(typeof o.naam === 'string' ? { naam: o.naam } : {}),
    ...(typeof o.raming === 'string' ? { raming: o.raming } : {}),
  };
}

function parseRegeling(file: string, v: unknown): RegelingSpec {
  const o = obj(file, v, 'regeling');
  return {
    id: str(file, o, 'id'),
    naam: str(file, o, 'naam'),
    bron: str(file, o, 'bron'),
    eindjaar: year(file, o.eindjaar),
    onderdelen: arr(file, o, 'onderdelen').map((x) => parseOnderdeel(file, x)),
  };
}

function parseAmountSpec(file: string, v: unknown): AmountSpec {
  const o = obj(file, v, 'bedragen');
  const regel = str(file, o, 'regel');
  if (!isAmountRule(regel)) fail(file, `unknown regel "${regel}"`);
  return {
    regeling: str(file, o, 'regeling'),
    jaren: arr(file, o, 'jaren').map((y) => year(file, y)),
    regel,
    datasets: arr(file, o, 'datasets').map((d) => {
      if (typeof d !== 'string') fail(file, 'datasets must be ids');
      return d;
    }),
  };
}

function parseMutatie(file: string, v: unknown): MutatieMapping {
  const o = obj(file, v, 'mutatie');
  const nr = o.nr;
  if (nr !== null && (typeof nr !== 'number' || !Number.isInteger(nr))) fail(file, `mutatie nr ${String(nr)}`);
  return { jaar: year(file, o.jaar), regeling: str(file, o, 'regeling'), onderwerp: str(file, o, 'onderwerp'), nr };
}

/** Checks a manifest's shape (throws DataFileError naming the file). */
export function parseManifest(file: string, json: unknown): EditionManifest {
  const o = obj(file, json, 'manifest');
  const vorige = o.vorige;
  if (vorige !== null && typeof vorige !== 'string') fail(file, '"vorige" must be an edition id or null');
  const datum = str(file, o, 'datum');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(datum)) fail(file, `"datum" must be YYYY-MM-DD, found ${datum}`);
  return {
    id: str(file, o, 'id'),
    naam: str(file, o, 'naam'),
    datum,
    omschrijving: str(file, o, 'omschrijving'),
    vorige,
    datasets: arr(file, o, 'datasets').map((d) => parseDataset(file, d)),
    regelingen: arr(file, o, 'regelingen').map((r) => parseRegeling(file, r)),
    bedragen: arr(file, o, 'bedragen').map((b) => parseAmountSpec(file, b)),
    mutaties: arr(file, o, 'mutaties').map((m) => parseMutatie(file, m)),
  };
}

function parseOpenPosten(file: string, text: string): OpenPost[] {
  return readCsv(file, text, ['onderwerp', 'onderdeel_nrs', 'van_jaar', 'tot_en_met_jaar', 'toelichting', 'bron']).map(
    (r) => {
      const nrs = r
        .get('onderdeel_nrs')
        .split(';')
        .map((x) => Number(x.trim()));
      if (nrs.some((n) => !Number.isInteger(n) || n < 1)) throw new DataFileError(file, r.line, 'onderdeel_nrs: whole numbers separated by ;');
      const y = (c: string): EditionYear => {
        const n = Number(r.get(c));
        if (!isEditionYear(n)) throw new DataFileError(file, r.line, `"${c}" is not a year 2023–2029`);
        return n;
      };
      const mln = r.optional('landelijk_mln_eur');
      return {
        onderwerp: r.get('onderwerp'),
        nrs,
        vanJaar: y('van_jaar'),
        totEnMetJaar: y('tot_en_met_jaar'),
        landelijk: mln === '' ? undefined : mlnToEuro(mln),
        toelichting: r.get('toelichting'),
        bron: r.get('bron'),
      };
    },
  );
}

let manifests: readonly EditionManifest[] | undefined;

/** Every embedded edition's manifest, oldest first (checked once). */
export function editionManifests(): readonly EditionManifest[] {
  manifests ??= MANIFESTS.map((m) => parseManifest(m.file, m.json));
  return manifests;
}

/** The default edition: the newest. */
export function defaultEditionId(): string {
  const all = editionManifests();
  const newest = all[all.length - 1];
  if (!newest) throw new Error('No embedded edition');
  return newest.id;
}

/** True when `id` names an embedded edition. */
export function isEditionId(id: string): boolean {
  return editionManifests().some((m) => m.id === id);
}

/**
 * Resolves an edition over its chain (`vorige`): regelingen and onderdelen accumulate, the newest
 * rule per regeling × year wins, datasets and open posten accumulate. Checks that every rule names a
 * known regeling and dataset, that no edition states a regeling × year twice and that every line is
 * known (GALA table or named in the manifest). Throws DataFileError on a bad manifest; RangeError for
 * an unknown id (callers check `isEditionId` first for user input).
 */
export function resolveEdition(id: string, base: ReferenceData = defaultReferenceData()): ResolvedEdition {
  const all = editionManifests();
  const chain: EditionManifest[] = [];
  for (let m = all.find((x) => x.id === id); m; m = all.find((x) => x.id === m?.vorige)) {
    if (chain.includes(m)) throw new DataFileError(`data/${id}/edition.json`, 1, 'cycle in "vorige"');
    chain.unshift(m);
  }
  const own = chain[chain.length - 1];
  if (!own) throw new RangeError(`Unknown edition ${id}`);
  const file = (m: EditionManifest) => `data/${m.id}/edition.json`;
  const regelingen: RegelingSpec[] = [];
  const datasets: Dataset[] = [];
  const rules = new Map<string, ResolvedRule>();
  const openPosten: OpenPost[] = [];
  for (const m of chain) {
    for (const r of m.regelingen) {
      if (regelingen.some((x) => x.id === r.id)) fail(file(m), `regeling ${r.id} is declared twice`);
      regelingen.push(r);
    }
    for (const d of m.datasets) {
      datasets.push(d);
      const extra = EXTRA_FILES[d.bestand];
      if (extra !== undefined && /\/open_posten[^/]*\.csv$/.test(d.bestand))
        openPosten.push(...parseOpenPosten(d.bestand, extra));
    }
    const stated = new Set<string>();
    for (const spec of m.bedragen) {
      if (!regelingen.some((r) => r.id === spec.regeling)) fail(file(m), `bedragen: unknown regeling ${spec.regeling}`);
      for (const d of spec.datasets)
        if (!datasets.some((x) => x.id === d)) fail(file(m), `bedragen: unknown dataset ${d}`);
      for (const y of spec.jaren) {
        const k = `${spec.regeling}|${y}`;
        if (stated.has(k)) fail(file(m), `bedragen: ${spec.regeling} ${y} stated twice`);
        stated.add(k);
        rules.set(k, { spec, editie: m.id });
      }
    }
  }
  const lines: EditionLine[] = regelingen.flatMap((r) =>
    r.onderdelen.map((o) => {
      const gala = base.onderdelen.find((x) => x.nr === o.nr);
      const naam = gala?.naam ?? o.naam;
      if (naam === undefined) fail(`data/${id}/edition.json`, `onderdeel ${o.nr} has no name (not in the GALA table)`);
      return {
        nr: o.nr,
        naam,
        hoofdthema: gala?.hoofdthema ?? r.naam,
        regeling: r,
        ontvanger: o.ontvanger,
        structureelNiveau: gala?.structureel,
        raming: o.raming,
      };
    }),
  );
  lines.sort((a, b) => a.nr - b.nr);
  lines.forEach((l, i) => {
    if (i > 0 && lines[i - 1]?.nr === l.nr) fail(`data/${id}/edition.json`, `onderdeel ${l.nr} is declared twice`);
  });
  return {
    manifest: own,
    chain,
    lines,
    regelingen,
    rule: (regeling, jaar) => rules.get(`${regeling}|${jaar}`),
    datasets,
    openPosten,
  };
}

/** The published per-gemeente and per-region tables (Bijlage 2A, 2B) in year-generic form. */
export function publishedTables(base: ReferenceData): {
  bijlage2A: PublishedGemeenteAmount[];
  bijlage2B: PublishedRegioAmount[];
} {
  return {
    bijlage2A: base.bijlage2A.flatMap((r) => [
      { code: r.code, jaar: 2025 as const, bedrag: r.totaal2025 },
      { code: r.code, jaar: 2026 as const, bedrag: r.totaal2026 },
    ]),
    bijlage2B: base.izaRegios.flatMap((r) => [
      { regio: r.naam, jaar: 2025 as const, bedrag: r.totaal2025 },
      { regio: r.naam, jaar: 2026 as const, bedrag: r.totaal2026 },
    ]),
  };
}

const inputs = new Map<string, EditionInput>();

/** Everything the domain's `Ledger` needs for an embedded edition, parsed once. */
export function editionInput(id: string): EditionInput {
  const known = inputs.get(id);
  if (known) return known;
  const base = defaultReferenceData();
  const input: EditionInput = { base, edition: resolveEdition(id, base), ...publishedTables(base) };
  inputs.set(id, input);
  return input;
}
