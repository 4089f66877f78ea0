import type {
  AlternatieveLezing,
  AmountSpec,
  CbsCode,
  Dataset,
  EditionInput,
  EditionLine,
  EditionManifest,
  EditionYear,
  OnderdeelSpec,
  OpenPost,
  OverhevelingRule,
  PublishedGemeenteAmount,
  PublishedRegioAmount,
  ReferenceData,
  RegelingPatch,
  RegelingSpec,
  RegelParameters,
  ResolvedEdition,
  ResolvedRule,
  TableAmount,
} from '../domain';
import { euro, mlnToEuro } from '../domain';
import { readCsv } from './csv';
import { DataFileError } from './errors';
import { defaultReferenceData, EMBEDDED_TEXTS } from './load';
import { ManifestError, parseManifest, REQUIRED_REGELING_FIELDS } from './manifest';
import { shippedManifests } from './shipped';

/**
 * The editions: one folder under data/ each, with an `edition.json` manifest (schema: ./manifest.ts)
 * and the data files its datasets name; the shipped ones are listed in ./shipped.ts, oldest first,
 * and the newest shipped edition is the default. The CLI can add an edition folder at run time
 * (`registerEditionFolder`, option --edities-map).
 */

/** A checked manifest with where it came from and the texts of its files (by repository path). */
interface EditionSource {
  readonly file: string;
  readonly manifest: EditionManifest;
  readonly texts: Readonly<Record<string, string>>;
  readonly embedded: boolean;
  /** The folder it was read from (registered at run time only). */
  readonly folder?: EditionFolder;
}

/**
 * An edition folder read from disk (the CLI's --edities-map): its manifest as parsed JSON and the
 * texts of its files by file name. Its datasets name their files `data/<edition id>/<file name>`
 * like a shipped edition's; they are read from this folder.
 */
export interface EditionFolder {
  /** The folder as the user named it (for messages). */
  readonly dir: string;
  readonly manifest: unknown;
  readonly files: Readonly<Record<string, string>>;
}

let embedded: readonly EditionSource[] | undefined;
const registered: EditionSource[] = [];

function sources(): readonly EditionSource[] {
  embedded ??= shippedManifests().map((m) => ({
    file: m.file,
    manifest: m.manifest,
    texts: EMBEDDED_TEXTS,
    embedded: true,
  }));
  return registered.length === 0 ? embedded : [...embedded, ...registered];
}

function sourceOf(id: string): EditionSource | undefined {
  return sources().find((s) => s.manifest.id === id);
}

/** Every edition's manifest: the shipped ones oldest first, then those registered at run time. */
export function editionManifests(): readonly EditionManifest[] {
  return sources().map((s) => s.manifest);
}

/** The default edition: the newest shipped one (a registered folder is chosen with --editie). */
export function defaultEditionId(): string {
  const shipped = sources().filter((s) => s.embedded);
  const newest = shipped[shipped.length - 1];
  if (!newest) throw new Error('No embedded edition');
  return newest.manifest.id;
}

/** True when `id` names a known edition (shipped or registered). */
export function isEditionId(id: string): boolean {
  return sourceOf(id) !== undefined;
}

/**
 * Adds an edition folder (see EditionFolder) for the rest of the process, after checking its
 * manifest and resolving it over its chain (so every error shows now, naming file and field).
 * Registering the same folder again is a no-op; another manifest with a known id is refused.
 * Returns the edition's id. Throws ManifestError / DataFileError.
 */
export function registerEditionFolder(folder: EditionFolder): string {
  const file = `${folder.dir.replace(/[\\/]+$/, '')}/edition.json`;
  const manifest = parseManifest(file, folder.manifest);
  const known = sourceOf(manifest.id);
  if (known) {
    if (!known.embedded && JSON.stringify(known.manifest) === JSON.stringify(manifest)) return manifest.id;
    throw new ManifestError(file, 'id', `edition "${manifest.id}" is already known (${known.file})`);
  }
  const texts: Record<string, string> = {};
  manifest.datasets.forEach((d, i) => {
    const prefix = `data/${manifest.id}/`;
    if (!d.bestand.startsWith(prefix))
      throw new ManifestError(file, `datasets[${i}].bestand`, `must be ${prefix}<file name> (a file of this folder), found ${d.bestand}`);
    const name = d.bestand.slice(prefix.length);
    const text = folder.files[name];
    if (text === undefined) throw new ManifestError(file, `datasets[${i}].bestand`, `file ${name} not found in ${folder.dir}`);
    texts[d.bestand] = text;
  });
  const source: EditionSource = { file, manifest, texts: { ...EMBEDDED_TEXTS, ...texts }, embedded: false, folder };
  registered.push(source);
  try {
    resolveEdition(manifest.id);
  } catch (e) {
    registered.splice(registered.indexOf(source), 1);
    throw e;
  }
  return manifest.id;
}

/**
 * The edition folders registered in this thread (`registerEditionFolder`), in order: plain data, so a
 * worker thread can register the same folders (the registry is per thread; `werkboek --alle`).
 */
export function registeredEditionFolders(): readonly EditionFolder[] {
  return registered.flatMap((s) => (s.folder ? [s.folder] : []));
}

/**
 * An edition's open posten (CSV `onderwerp,onderdeel_nrs,van_jaar,tot_en_met_jaar,…`). An empty
 * `tot_en_met_jaar` means the source names no end: the post runs to `lastYear` (the last year of the
 * edition's axis) and is marked `zonderEinde`.
 */
function parseOpenPosten(file: string, text: string, lastYear: EditionYear): OpenPost[] {
  return readCsv(file, text, ['onderwerp', 'onderdeel_nrs', 'van_jaar', 'tot_en_met_jaar', 'toelichting', 'bron']).map(
    (r) => {
      const nrs = r
        .get('onderdeel_nrs')
        .split(';')
        .map((x) => Number(x.trim()));
      if (nrs.some((n) => !Number.isInteger(n) || n < 1))
        throw new DataFileError(file, r.line, 'onderdeel_nrs: whole numbers separated by ;');
      const y = (c: string): EditionYear => {
        const text = r.get(c);
        if (!/^\d{4}$/.test(text)) throw new DataFileError(file, r.line, `"${c}" is not a year: ${text}`);
        return Number(text);
      };
      const mln = r.optional('landelijk_mln_eur');
      const open = r.optional('tot_en_met_jaar') === '';
      return {
        onderwerp: r.get('onderwerp'),
        nrs,
        vanJaar: y('van_jaar'),
        totEnMetJaar: open ? lastYear : y('tot_en_met_jaar'),
        ...(open ? { zonderEinde: true as const } : {}),
        landelijk: mln === '' ? undefined : mlnToEuro(mln),
        toelichting: r.get('toelichting'),
        bron: r.get('bron'),
      };
    },
  );
}

/** The columns of a `tabel-per-gemeente` dataset (long form: one row per gemeente × line × year). */
export const TABEL_PER_GEMEENTE_KOLOMMEN = ['gemeentecode', 'onderdeel_nr', 'jaar', 'bedrag_eur'] as const;

/** Reads a `tabel-per-gemeente` dataset: whole euros per known gemeente, line of the regeling and year of the rule. */
function parseTabel(
  file: string,
  text: string,
  spec: AmountSpec,
  nrs: readonly number[],
  gemeenten: ReadonlySet<string>,
): TableAmount[] {
  const seen = new Set<string>();
  return readCsv(file, text, TABEL_PER_GEMEENTE_KOLOMMEN).map((r) => {
    const code = r.get('gemeentecode');
    if (!gemeenten.has(code)) throw new DataFileError(file, r.line, `"gemeentecode" ${code} is not a gemeente`);
    const nr = Number(r.get('onderdeel_nr'));
    if (!nrs.includes(nr))
      throw new DataFileError(file, r.line, `"onderdeel_nr" ${r.get('onderdeel_nr')} is not a line of ${spec.regeling} (${nrs.join(', ')})`);
    const jaar = Number(r.get('jaar'));
    if (!spec.jaren.includes(jaar))
      throw new DataFileError(file, r.line, `"jaar" ${r.get('jaar')} is not a year of the rule (${spec.jaren.join(', ')})`);
    const b = r.get('bedrag_eur');
    if (!/^\d+$/.test(b)) throw new DataFileError(file, r.line, `"bedrag_eur" is not whole euros: ${b}`);
    const k = `${code}|${nr}|${jaar}`;
    if (seen.has(k)) throw new DataFileError(file, r.line, `${code}, line ${nr}, ${jaar} stated twice`);
    seen.add(k);
    return { code: code as CbsCode, nr, jaar, bedrag: euro(Number(b)) };
  });
}

/** Merges rule parameters: a stated parameter replaces the inherited one; overheveling per `vanJaar`. */
function mergeRegels(old: RegelParameters, patch: RegelParameters | undefined): RegelParameters {
  if (patch === undefined) return old;
  const overheveling: OverhevelingRule[] = [...(old.overheveling ?? [])];
  for (const o of patch.overheveling ?? []) {
    const i = overheveling.findIndex((x) => x.vanJaar === o.vanJaar);
    if (i >= 0) overheveling[i] = o;
    else overheveling.push(o);
  }
  overheveling.sort((a, b) => a.vanJaar - b.vanJaar);
  const schuifruimte = patch.schuifruimte ?? old.schuifruimte;
  const perOnderdeel = patch.perOnderdeel ?? old.perOnderdeel;
  const cofinanciering = patch.cofinanciering ?? old.cofinanciering;
  return {
    ...(schuifruimte ? { schuifruimte } : {}),
    ...(perOnderdeel ? { perOnderdeel } : {}),
    ...(overheveling.length > 0 ? { overheveling } : {}),
    ...(cofinanciering ? { cofinanciering } : {}),
  };
}

/** Merges onderdelen by nr: a stated line replaces the inherited one with that nr, new ones are added. */
function mergeOnderdelen(old: readonly OnderdeelSpec[], patch: readonly OnderdeelSpec[] | undefined): OnderdeelSpec[] {
  const out = [...old];
  for (const o of patch ?? []) {
    const i = out.findIndex((x) => x.nr === o.nr);
    if (i >= 0) out[i] = o;
    else out.push(o);
  }
  return out;
}

/**
 * Resolves an edition over its chain (`vorige`), oldest first. Inheritance (field-level):
 * - `jaren` (the year axis): the union over the chain;
 * - a regeling new to the chain states naam, bron, jaren, eindjaar and onderdelen (regels and sisa
 *   may be absent: unknown); a regeling an earlier edition declared may restate any field: naam,
 *   bron, jaren, eindjaar and sisa replace the inherited value; `onderdelen` merge by nr;
 *   `regels` merge per parameter (schuifruimte, perOnderdeel) and per `vanJaar` (overheveling);
 * - `bedragen`: the newest rule per regeling × year wins; datasets, open posten, lezingen and tables
 *   accumulate.
 * Checks: every year on the axis, every rule's regeling and datasets known, no regeling × year twice
 * in one manifest, every line named (GALA table or manifest), each dataset's file with exactly its
 * `kolommen`. Throws ManifestError (file and field) or DataFileError (file and line); RangeError for
 * an unknown id (callers check `isEditionId` first for user input).
 */
export function resolveEdition(id: string, base: ReferenceData = defaultReferenceData()): ResolvedEdition {
  const chainSources: EditionSource[] = [];
  let s = sourceOf(id);
  if (!s) throw new RangeError(`Unknown edition ${id}`);
  for (; s; ) {
    const cur: EditionSource = s;
    if (chainSources.includes(cur)) throw new ManifestError(cur.file, 'vorige', `cycle in "vorige" (${cur.manifest.id})`);
    chainSources.unshift(cur);
    const vorige = cur.manifest.vorige;
    if (vorige === null) break;
    s = sourceOf(vorige);
    if (!s)
      throw new ManifestError(
        cur.file,
        'vorige',
        `unknown edition "${vorige}" (known: ${editionManifests()
          .map((m) => m.id)
          .join(', ')})`,
      );
  }
  const chain = chainSources.map((x) => x.manifest);
  const own = chain[chain.length - 1] as EditionManifest;
  const years = [...new Set(chain.flatMap((m) => m.jaren))].sort((a, b) => a - b);
  const span = years.length === 0 ? 'none' : `${years[0]}–${years[years.length - 1]}`;
  const gemeenten = new Set<string>(base.gemeenten.map((g) => g.code));
  const regelingen: RegelingSpec[] = [];
  const datasets: Dataset[] = [];
  const rules = new Map<string, ResolvedRule>();
  const openPosten: OpenPost[] = [];
  const lezingen: AlternatieveLezing[] = [];
  const tabellen: TableAmount[] = [];
  for (const src of chainSources) {
    const m = src.manifest;
    const fail: (field: string, problem: string) => never = (field, problem) => {
      throw new ManifestError(src.file, field, problem);
    };
    const onAxis = (field: string, ys: readonly EditionYear[]) => {
      for (const y of ys) if (!years.includes(y)) fail(field, `${y} is not a year of the edition (${span}; add it to "jaren")`);
    };
    m.regelingen.forEach((patch: RegelingPatch, i) => {
      const field = `regelingen[${i}]`;
      if (m.regelingen.findIndex((x) => x.id === patch.id) !== i) fail(`${field}.id`, `regeling ${patch.id} is stated twice`);
      const at = regelingen.findIndex((x) => x.id === patch.id);
      const old = regelingen[at];
      let merged: RegelingSpec;
      if (old === undefined) {
        for (const k of REQUIRED_REGELING_FIELDS)
          if (patch[k] === undefined)
            fail(`${field}.${k}`, `missing (a regeling new to the chain states ${REQUIRED_REGELING_FIELDS.join(', ')})`);
        merged = {
          id: patch.id,
          naam: patch.naam ?? '',
          bron: patch.bron ?? '',
          jaren: patch.jaren ?? [],
          eindjaar: patch.eindjaar ?? 0,
          onderdelen: patch.onderdelen ?? [],
          regels: mergeRegels({}, patch.regels),
          sisa: patch.sisa,
        };
      } else {
        merged = {
          id: old.id,
          naam: patch.naam ?? old.naam,
          bron: patch.bron ?? old.bron,
          jaren: patch.jaren ?? old.jaren,
          eindjaar: patch.eindjaar ?? old.eindjaar,
          onderdelen: mergeOnderdelen(old.onderdelen, patch.onderdelen),
          regels: mergeRegels(old.regels, patch.regels),
          sisa: patch.sisa ?? old.sisa,
        };
      }
      if (merged.jaren[merged.jaren.length - 1] !== merged.eindjaar)
        fail(`${field}.eindjaar`, `must be the last year of the regeling's "jaren" (${merged.jaren.join(', ')}), found ${merged.eindjaar}`);
      onAxis(`${field}.jaren`, merged.jaren);
      const r = merged.regels;
      if (r.schuifruimte) onAxis(`${field}.regels.schuifruimte.jaren`, r.schuifruimte.jaren ?? []);
      if (r.perOnderdeel) onAxis(`${field}.regels.perOnderdeel.jaren`, r.perOnderdeel.jaren);
      (r.overheveling ?? []).forEach((o, j) => {
        if (!merged.jaren.includes(o.vanJaar) || !merged.jaren.includes(o.vanJaar + 1))
          fail(`${field}.regels.overheveling[${j}].vanJaar`, `${o.vanJaar} → ${o.vanJaar + 1} is not within the regeling's years (${merged.jaren.join(', ')})`);
      });
      if (r.cofinanciering) {
        onAxis(`${field}.regels.cofinanciering.jaren`, r.cofinanciering.jaren);
        r.cofinanciering.onderdelen.forEach((nr, j) => {
          if (!merged.onderdelen.some((o) => o.nr === nr))
            fail(`${field}.regels.cofinanciering.onderdelen[${j}]`, `${nr} is not a line of the regeling`);
        });
      }
      if (old === undefined) regelingen.push(merged);
      else regelingen[at] = merged;
    });
    m.datasets.forEach((d, i) => {
      const text = src.texts[d.bestand];
      if (text === undefined) fail(`datasets[${i}].bestand`, `file ${d.bestand} not found`);
      const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').split(',').map((h) => h.trim());
      if (header.join(',') !== d.kolommen.join(','))
        fail(`datasets[${i}].kolommen`, `${d.bestand} has the columns ${header.join(', ')}; the manifest says ${d.kolommen.join(', ')}`);
      datasets.push(d);
      if (/\/open_posten[^/]*\.csv$/.test(d.bestand)) {
        const posts = parseOpenPosten(d.bestand, text, years[years.length - 1] ?? 0);
        posts.forEach((p) => onAxis(`datasets[${i}] (${d.bestand})`, [p.vanJaar, p.totEnMetJaar]));
        openPosten.push(...posts);
      }
    });
    onAxis('jaren', m.jaren);
    m.lezingen.forEach((l, i) => {
      if (!base.onderdelen.some((o) => o.nr === l.nr)) fail(`lezingen[${i}].nr`, `${l.nr} is not a line of the GALA table`);
      onAxis(`lezingen[${i}].jaren`, l.jaren);
      lezingen.push(l);
    });
    const stated = new Set<string>();
    m.bedragen.forEach((spec, i) => {
      const field = `bedragen[${i}]`;
      const regeling = regelingen.find((r) => r.id === spec.regeling);
      if (!regeling) fail(`${field}.regeling`, `unknown regeling "${spec.regeling}"`);
      spec.datasets.forEach((d, j) => {
        if (!datasets.some((x) => x.id === d)) fail(`${field}.datasets[${j}]`, `unknown dataset "${d}"`);
      });
      onAxis(`${field}.jaren`, spec.jaren);
      for (const y of spec.jaren) {
        const k = `${spec.regeling}|${y}`;
        if (stated.has(k)) fail(`${field}.jaren`, `${spec.regeling} ${y} is stated twice`);
        stated.add(k);
        rules.set(k, { spec, editie: m.id });
      }
      if (spec.regel === 'tabel-per-gemeente') {
        const nrs = regeling.onderdelen.map((o) => o.nr);
        regeling.onderdelen.forEach((o) => {
          if (o.ontvanger !== 'gemeente')
            fail(`${field}.regel`, `tabel-per-gemeente needs lines paid to each gemeente; line ${o.nr} goes to ${o.ontvanger}`);
        });
        if (spec.datasets.length === 0) fail(`${field}.datasets`, 'tabel-per-gemeente needs a dataset');
        for (const dId of spec.datasets) {
          const d = datasets.find((x) => x.id === dId) as Dataset;
          const rows = parseTabel(d.bestand, src.texts[d.bestand] ?? '', spec, nrs, gemeenten);
          for (const row of rows) {
            const i2 = tabellen.findIndex((t) => t.code === row.code && t.nr === row.nr && t.jaar === row.jaar);
            if (i2 >= 0) tabellen[i2] = row;
            else tabellen.push(row);
          }
        }
      }
    });
  }
  const ownFile = chainSources[chainSources.length - 1]?.file ?? `data/${id}/edition.json`;
  const lines: EditionLine[] = regelingen.flatMap((r) =>
    r.onderdelen.map((o) => {
      const gala = base.onderdelen.find((x) => x.nr === o.nr);
      const naam = gala?.naam ?? o.naam;
      if (naam === undefined) throw new ManifestError(ownFile, 'regelingen', `onderdeel ${o.nr} has no naam (not in the GALA table)`);
      return {
        nr: o.nr,
        naam,
        hoofdthema: gala?.hoofdthema ?? r.naam,
        regeling: r,
        ontvanger: o.ontvanger,
        begroting: o.begroting,
        structureelNiveau: gala?.structureel,
        raming: o.raming,
      };
    }),
  );
  lines.sort((a, b) => a.nr - b.nr);
  lines.forEach((l, i) => {
    if (i > 0 && lines[i - 1]?.nr === l.nr) throw new ManifestError(ownFile, 'regelingen', `onderdeel ${l.nr} is declared twice`);
  });
  return {
    manifest: own,
    chain,
    years,
    lines,
    regelingen,
    rule: (regeling, jaar) => rules.get(`${regeling}|${jaar}`),
    datasets,
    openPosten,
    lezingen,
    tabellen,
  };
}

/** The published per-gemeente and per-region tables (Bijlage 2A, 2B) in year-generic form. */
export function publishedTables(base: ReferenceData): {
  bijlage2A: PublishedGemeenteAmount[];
  bijlage2B: PublishedRegioAmount[];
} {
  return {
    bijlage2A: base.bijlage2A.flatMap((r) => [
      { code: r.code, jaar: 2025, bedrag: r.totaal2025 },
      { code: r.code, jaar: 2026, bedrag: r.totaal2026 },
    ]),
    bijlage2B: base.izaRegios.flatMap((r) => [
      { regio: r.naam, jaar: 2025, bedrag: r.totaal2025 },
      { regio: r.naam, jaar: 2026, bedrag: r.totaal2026 },
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
