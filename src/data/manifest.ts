import type {
  Grondslag,
  AlternatieveLezing,
  AmountSpec,
  BegrotingPost,
  Cofinanciering,
  Dataset,
  EditionManifest,
  EditionYear,
  MutatieMapping,
  OnderdeelSpec,
  Ontvanger,
  OverhevelingRule,
  RegelingPatch,
  RegelParameters,
  RuleParameter,
  SisaCode,
  SisaDeel,
} from '../domain';
import { BEGROTING_POSTEN, euro, GRONDSLAGEN, isAmountRule, ONTVANGERS, REGEL_NAMEN, SISA_DELEN } from '../domain';
import type {
  Eindafrekening,
  OverhevelingsLimiet,
  VerantwoordingBron,
  VerantwoordingManifest,
  VerantwoordingRegelingManifest,
  Vervaldatum,
} from '../domain/verantwoording/regels';
import { VERANTWOORDING_GRONDSLAGEN } from '../domain/verantwoording/regels';
import { DataFileError } from './errors';

/**
 * The schema of an edition's manifest (`data/<id>/edition.json`), checked field by field. Every
 * error names the file and the field's path, e.g.
 * `data/vws-2026-04/edition.json: regelingen[0].regels.schuifruimte.waarde: must be a percentage 0–100, found 150`.
 * The shape (all keys; `?` = optional):
 *
 *   id, naam, datum (YYYY-MM-DD), omschrijving: text; vorige: edition id or null;
 *   jaren?: [year]                   the years this edition adds to the axis (union over the chain)
 *   datasets: [{ id, titel, bron, kenmerk?, datum, bestand, kolommen: [text], kanttekeningen: [text] }]
 *   (each rule parameter may say its `grondslag`: regeling | brief | praktijk | aanname — what kind of
 *    source states it — and `artikel`, the regeling's article; grondslag regeling requires the article)
 *   regelingen: [{ id, naam?, bron?, jaren?: [year], eindjaar?: year,
 *                  onderdelen?: [{ nr, ontvanger: gemeente|mandaatgemeente|ggd|landelijk, naam?, raming?,
 *                                  begroting?: Brede SPUK|SPUK IZA|SPUK AZWA lokaal|SPUK AZWA regionaal }],
 *                  regels?: { schuifruimte?: { waarde: %, jaren: [year], bron, datum },
 *                             perOnderdeel?: { jaren: [year], bron, datum },
 *                             overheveling?: [{ vanJaar: year, waarde: %, per: onderdeel|regeling, bron, datum }],
 *                             cofinanciering?: { waarde: %, jaren: [year], onderdelen: [nr], bron, datum } },
 *                  sisa?: [{ code, omschrijving, deel?: eigen uitvoering|medeoverheden, bron }] }]
 *   lezingen?: [{ nr, jaren: [year], bedrag: whole euros, onderwerp, wie, toelichting?, bron }]
 *                                    another source's reading of a GALA figure (a warning, never used)
 *   bedragen: [{ regeling, jaren: [year], regel: AmountRule, datasets: [dataset id] }]
 *   mutaties: [{ jaar, regeling, onderwerp, nr: line or null }]
 *   verantwoording?: { regelingen: [{ regeling,
 *                  overheveling?: [{ vanJaar, waarde: % or null, per: onderdeel|regeling, bron, datum, grondslag }],
 *                  eindafrekening?: { jaar: year or null, wijze: per-jaar|cumulatief|null, bron, datum, grondslag },
 *                  vervaldatum?: { vervalt: YYYY-MM-DD or null, bron, datum, grondslag } }] }
 *                                    the rules of the realisatie and terugvordering; grondslag regeling|brief|
 *                                    praktijk|aanname, and null (not found) only with grondslag aanname
 *
 * A regeling the chain does not know yet must have every field but `regels` and `sisa` (checked
 * by `resolveEdition`); a regeling an earlier edition declared may name only what it overrides.
 * Years are whole numbers 2000–2100; which years exist is the edition's data, not the schema's.
 */
export class ManifestError extends DataFileError {
  constructor(
    file: string,
    readonly field: string,
    problem: string,
  ) {
    super(file, 1, problem);
    this.message = field === '' ? `${file}: ${problem}` : `${file}: ${field}: ${problem}`;
    this.name = 'ManifestError';
  }
}

/** Reads one manifest file: `at(path)` names the field, every check throws ManifestError. */
class Reader {
  constructor(readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new ManifestError(this.file, field, problem);
  }

  obj(v: unknown, field: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(field, 'must be an object');
    return v as Record<string, unknown>;
  }

  /** Rejects keys the schema does not have (a typo must not be ignored silently). */
  keys(o: Record<string, unknown>, field: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!allowed.includes(k)) this.fail(join(field, k), `unknown field (expected one of ${allowed.join(', ')})`);
  }

  has(o: Record<string, unknown>, k: string): boolean {
    return o[k] !== undefined;
  }

  str(o: Record<string, unknown>, k: string, field: string): string {
    const v = o[k];
    if (v === undefined) this.fail(join(field, k), 'missing');
    if (typeof v !== 'string' || v.trim() === '') this.fail(join(field, k), `must be a non-empty text, found ${show(v)}`);
    return v;
  }

  optStr(o: Record<string, unknown>, k: string, field: string): string | undefined {
    return o[k] === undefined ? undefined : this.str(o, k, field);
  }

  date(o: Record<string, unknown>, k: string, field: string): string {
    const d = this.str(o, k, field);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) this.fail(join(field, k), `must be a date YYYY-MM-DD, found ${d}`);
    return d;
  }

  arr(o: Record<string, unknown>, k: string, field: string): unknown[] {
    const v = o[k];
    if (v === undefined) this.fail(join(field, k), 'missing');
    if (!Array.isArray(v)) this.fail(join(field, k), `must be a list, found ${show(v)}`);
    return v;
  }

  texts(o: Record<string, unknown>, k: string, field: string): string[] {
    return this.arr(o, k, field).map((x, i) => {
      if (typeof x !== 'string') this.fail(`${join(field, k)}[${i}]`, `must be a text, found ${show(x)}`);
      return x;
    });
  }

  year(v: unknown, field: string): EditionYear {
    if (v === undefined) this.fail(field, 'missing');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 2000 || v > 2100)
      this.fail(field, `must be a year (a whole number 2000–2100), found ${show(v)}`);
    return v;
  }

  years(o: Record<string, unknown>, k: string, field: string): EditionYear[] {
    const out = this.arr(o, k, field).map((y, i) => this.year(y, `${join(field, k)}[${i}]`));
    out.forEach((y, i) => {
      if (i > 0 && y <= (out[i - 1] ?? 0)) this.fail(join(field, k), 'years must be ascending, each once');
    });
    return out;
  }

  pct(o: Record<string, unknown>, k: string, field: string): number {
    const v = o[k];
    if (v === undefined) this.fail(join(field, k), 'missing');
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)
      this.fail(join(field, k), `must be a percentage 0–100, found ${show(v)}`);
    return v;
  }

  nr(v: unknown, field: string): number {
    if (v === undefined) this.fail(field, 'missing');
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) this.fail(field, `must be a line number ≥ 1, found ${show(v)}`);
    return v;
  }
}

function join(field: string, k: string): string {
  return field === '' ? k : `${field}.${k}`;
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}

function parseDataset(r: Reader, v: unknown, field: string): Dataset {
  const o = r.obj(v, field);
  r.keys(o, field, ['id', 'titel', 'bron', 'kenmerk', 'datum', 'bestand', 'kolommen', 'kanttekeningen']);
  const kolommen = r.texts(o, 'kolommen', field);
  if (kolommen.length === 0) r.fail(join(field, 'kolommen'), 'must name the columns of the file');
  return {
    id: r.str(o, 'id', field),
    titel: r.str(o, 'titel', field),
    bron: r.str(o, 'bron', field),
    kenmerk: o.kenmerk === undefined || o.kenmerk === '' ? '' : r.str(o, 'kenmerk', field),
    datum: r.str(o, 'datum', field),
    bestand: r.str(o, 'bestand', field),
    kolommen,
    kanttekeningen: r.texts(o, 'kanttekeningen', field),
  };
}

function parseLezing(r: Reader, v: unknown, field: string): AlternatieveLezing {
  const o = r.obj(v, field);
  r.keys(o, field, ['nr', 'jaren', 'bedrag', 'onderwerp', 'wie', 'toelichting', 'bron']);
  const bedrag = o.bedrag;
  if (typeof bedrag !== 'number' || !Number.isSafeInteger(bedrag) || bedrag < 0)
    r.fail(join(field, 'bedrag'), `must be whole euros ≥ 0, found ${show(bedrag)}`);
  return {
    nr: r.nr(o.nr, join(field, 'nr')),
    jaren: r.years(o, 'jaren', field),
    bedrag: euro(bedrag),
    onderwerp: r.str(o, 'onderwerp', field),
    wie: r.str(o, 'wie', field),
    toelichting: r.optStr(o, 'toelichting', field) ?? '',
    bron: r.str(o, 'bron', field),
  };
}

function parseOnderdeel(r: Reader, v: unknown, field: string): OnderdeelSpec {
  const o = r.obj(v, field);
  r.keys(o, field, ['nr', 'ontvanger', 'naam', 'raming', 'begroting']);
  const nr = r.nr(o.nr, join(field, 'nr'));
  const ontvanger = r.str(o, 'ontvanger', field);
  if (!(ONTVANGERS as readonly string[]).includes(ontvanger))
    r.fail(join(field, 'ontvanger'), `unknown recipient "${ontvanger}" (expected ${ONTVANGERS.join(', ')})`);
  const begroting = r.optStr(o, 'begroting', field);
  if (begroting !== undefined && !(BEGROTING_POSTEN as readonly string[]).includes(begroting))
    r.fail(join(field, 'begroting'), `unknown begroting post "${begroting}" (expected ${BEGROTING_POSTEN.join(', ')})`);
  const naam = r.optStr(o, 'naam', field);
  const raming = r.optStr(o, 'raming', field);
  return {
    nr,
    ontvanger: ontvanger as Ontvanger,
    ...(naam !== undefined ? { naam } : {}),
    ...(raming !== undefined ? { raming } : {}),
    ...(begroting !== undefined ? { begroting: begroting as BegrotingPost } : {}),
  };
}

/** The provenance fields every rule parameter may have (besides its own). */
const PARAMETER_FIELDS = ['bron', 'datum', 'grondslag', 'artikel'] as const;

/**
 * A rule's provenance. A rule whose `grondslag` is `regeling` must name the article that states it
 * (`artikel`, "art. …" or "artikel …", as the regeling numbers it): the regeling cannot be the basis
 * of a rule whose article nobody read. An article with another grondslag is refused too: what the
 * regeling states is grondslag `regeling`.
 */
function parseParameter(r: Reader, o: Record<string, unknown>, field: string): RuleParameter {
  const grondslag = r.optStr(o, 'grondslag', field);
  if (grondslag !== undefined && !(GRONDSLAGEN as readonly string[]).includes(grondslag))
    r.fail(join(field, 'grondslag'), `unknown basis "${grondslag}" (expected ${GRONDSLAGEN.join(', ')})`);
  const artikel = r.optStr(o, 'artikel', field);
  if (artikel !== undefined && !/^(art\.|artikel|bijlage) \S/i.test(artikel))
    r.fail(join(field, 'artikel'), `must name the article as the regeling does ("art. 4.3", "artikel 4.3 lid 2", "bijlage 4"), found ${show(artikel)}`);
  if (grondslag === 'regeling' && artikel === undefined)
    r.fail(join(field, 'artikel'), 'missing: a rule with grondslag "regeling" names the article that states it (no article read: grondslag brief, praktijk or aanname)');
  if (artikel !== undefined && grondslag !== 'regeling')
    r.fail(join(field, 'grondslag'), `must be "regeling" for a rule that cites ${artikel}, found ${show(grondslag)}`);
  return {
    bron: r.str(o, 'bron', field),
    datum: r.date(o, 'datum', field),
    ...(grondslag === undefined ? {} : { grondslag: grondslag as Grondslag }),
    ...(artikel === undefined ? {} : { artikel }),
  };
}

function parseRegels(r: Reader, v: unknown, field: string): RegelParameters {
  const o = r.obj(v, field);
  r.keys(o, field, REGEL_NAMEN);
  const out: {
    schuifruimte?: RuleParameter & { waarde: number };
    perOnderdeel?: RuleParameter & { readonly jaren: readonly EditionYear[] };
    overheveling?: OverhevelingRule[];
    cofinanciering?: Cofinanciering;
  } = {};
  if (r.has(o, 'schuifruimte')) {
    const f = join(field, 'schuifruimte');
    const p = r.obj(o.schuifruimte, f);
    r.keys(p, f, ['waarde', 'jaren', ...PARAMETER_FIELDS]);
    out.schuifruimte = { waarde: r.pct(p, 'waarde', f), jaren: r.years(p, 'jaren', f), ...parseParameter(r, p, f) };
  }
  if (r.has(o, 'perOnderdeel')) {
    const f = join(field, 'perOnderdeel');
    const p = r.obj(o.perOnderdeel, f);
    r.keys(p, f, ['jaren', ...PARAMETER_FIELDS]);
    const jaren = r.years(p, 'jaren', f);
    out.perOnderdeel = { jaren, ...parseParameter(r, p, f) };
  }
  if (r.has(o, 'overheveling')) {
    const list = r.arr(o, 'overheveling', field).map((x, i): OverhevelingRule => {
      const f = `${join(field, 'overheveling')}[${i}]`;
      const p = r.obj(x, f);
      r.keys(p, f, ['vanJaar', 'waarde', 'per', ...PARAMETER_FIELDS]);
      const per = r.str(p, 'per', f);
      if (per !== 'onderdeel' && per !== 'regeling')
        r.fail(join(f, 'per'), `must be "onderdeel" or "regeling", found ${show(per)}`);
      return { vanJaar: r.year(p.vanJaar, join(f, 'vanJaar')), waarde: r.pct(p, 'waarde', f), per, ...parseParameter(r, p, f) };
    });
    list.forEach((x, i) => {
      if (list.findIndex((y) => y.vanJaar === x.vanJaar) !== i)
        r.fail(`${join(field, 'overheveling')}[${i}].vanJaar`, `${x.vanJaar} is stated twice`);
    });
    out.overheveling = list;
  }
  if (r.has(o, 'cofinanciering')) {
    const f = join(field, 'cofinanciering');
    const p = r.obj(o.cofinanciering, f);
    r.keys(p, f, ['waarde', 'jaren', 'onderdelen', ...PARAMETER_FIELDS]);
    const onderdelen = r.arr(p, 'onderdelen', f).map((x, i) => r.nr(x, `${join(f, 'onderdelen')}[${i}]`));
    if (onderdelen.length === 0) r.fail(join(f, 'onderdelen'), 'must name the lines the cofinanciering is asked for');
    out.cofinanciering = { waarde: r.pct(p, 'waarde', f), jaren: r.years(p, 'jaren', f), onderdelen, ...parseParameter(r, p, f) };
  }
  return out;
}

function parseSisa(r: Reader, o: Record<string, unknown>, field: string): SisaCode[] {
  return r.arr(o, 'sisa', field).map((x, i) => {
    const f = `${join(field, 'sisa')}[${i}]`;
    const p = r.obj(x, f);
    r.keys(p, f, ['code', 'omschrijving', 'deel', 'bron']);
    const deel = r.optStr(p, 'deel', f);
    if (deel !== undefined && !(SISA_DELEN as readonly string[]).includes(deel))
      r.fail(join(f, 'deel'), `unknown part "${deel}" (expected ${SISA_DELEN.join(', ')})`);
    return {
      code: r.str(p, 'code', f),
      omschrijving: r.str(p, 'omschrijving', f),
      ...(deel !== undefined ? { deel: deel as SisaDeel } : {}),
      bron: r.str(p, 'bron', f),
    };
  });
}

const REGELING_FIELDS = ['id', 'naam', 'bron', 'jaren', 'eindjaar', 'onderdelen', 'regels', 'sisa'] as const;

function parseRegeling(r: Reader, v: unknown, field: string): RegelingPatch {
  const o = r.obj(v, field);
  r.keys(o, field, REGELING_FIELDS);
  const out: { -readonly [K in keyof RegelingPatch]: RegelingPatch[K] } = { id: r.str(o, 'id', field) };
  if (r.has(o, 'naam')) out.naam = r.str(o, 'naam', field);
  if (r.has(o, 'bron')) out.bron = r.str(o, 'bron', field);
  if (r.has(o, 'jaren')) out.jaren = r.years(o, 'jaren', field);
  if (r.has(o, 'eindjaar')) out.eindjaar = r.year(o.eindjaar, join(field, 'eindjaar'));
  if (r.has(o, 'onderdelen'))
    out.onderdelen = r.arr(o, 'onderdelen', field).map((x, i) => parseOnderdeel(r, x, `${join(field, 'onderdelen')}[${i}]`));
  if (r.has(o, 'regels')) out.regels = parseRegels(r, o.regels, join(field, 'regels'));
  if (r.has(o, 'sisa')) out.sisa = parseSisa(r, o, field);
  if (out.jaren !== undefined && out.eindjaar !== undefined && out.jaren[out.jaren.length - 1] !== out.eindjaar)
    r.fail(join(field, 'eindjaar'), `must be the last of "jaren" (${out.jaren.join(', ')}), found ${out.eindjaar}`);
  return out;
}

/** The fields a regeling new to the chain must state (`regels` and `sisa` may be absent: unknown). */
export const REQUIRED_REGELING_FIELDS = ['naam', 'bron', 'jaren', 'eindjaar', 'onderdelen'] as const;

function parseAmountSpec(r: Reader, v: unknown, field: string): AmountSpec {
  const o = r.obj(v, field);
  r.keys(o, field, ['regeling', 'jaren', 'regel', 'datasets']);
  const regel = r.str(o, 'regel', field);
  if (!isAmountRule(regel)) r.fail(join(field, 'regel'), `unknown rule "${regel}"`);
  return {
    regeling: r.str(o, 'regeling', field),
    jaren: r.years(o, 'jaren', field),
    regel,
    datasets: r.texts(o, 'datasets', field),
  };
}

function parseMutatie(r: Reader, v: unknown, field: string): MutatieMapping {
  const o = r.obj(v, field);
  r.keys(o, field, ['jaar', 'regeling', 'onderwerp', 'nr']);
  const nr = o.nr === null ? null : r.nr(o.nr, join(field, 'nr'));
  return {
    jaar: r.year(o.jaar, join(field, 'jaar')),
    regeling: r.str(o, 'regeling', field),
    onderwerp: r.str(o, 'onderwerp', field),
    nr,
  };
}

/** Checks a manifest's shape (throws ManifestError naming the file and the field). */
export function parseManifest(file: string, json: unknown): EditionManifest {
  const r = new Reader(file);
  const o = r.obj(json, '');
  r.keys(o, '', [
    'id',
    'naam',
    'datum',
    'omschrijving',
    'vorige',
    'jaren',
    'datasets',
    'lezingen',
    'regelingen',
    'bedragen',
    'mutaties',
    'verantwoording',
  ]);
  const vorige: unknown = o.vorige;
  if (vorige === undefined) r.fail('vorige', 'missing (an edition id, or null for the first edition)');
  if (vorige !== null && (typeof vorige !== 'string' || vorige === ''))
    r.fail('vorige', `must be an edition id or null, found ${show(vorige)}`);
  const id = r.str(o, 'id', '');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) r.fail('id', `must be lower case letters, digits and -, found ${id}`);
  return {
    id,
    naam: r.str(o, 'naam', ''),
    datum: r.date(o, 'datum', ''),
    omschrijving: r.str(o, 'omschrijving', ''),
    vorige: vorige as string | null,
    jaren: r.has(o, 'jaren') ? r.years(o, 'jaren', '') : [],
    datasets: r.arr(o, 'datasets', '').map((d, i) => parseDataset(r, d, `datasets[${i}]`)),
    lezingen: r.has(o, 'lezingen') ? r.arr(o, 'lezingen', '').map((x, i) => parseLezing(r, x, `lezingen[${i}]`)) : [],
    regelingen: r.arr(o, 'regelingen', '').map((x, i) => parseRegeling(r, x, `regelingen[${i}]`)),
    bedragen: r.arr(o, 'bedragen', '').map((b, i) => parseAmountSpec(r, b, `bedragen[${i}]`)),
    mutaties: r.arr(o, 'mutaties', '').map((m, i) => parseMutatie(r, m, `mutaties[${i}]`)),
    ...(r.has(o, 'verantwoording') ? { verantwoording: parseVerantwoording(r, o.verantwoording, 'verantwoording') } : {}),
  };
}

/** Source, date and grondslag of a verantwoording rule; `unknown` (a null value) needs grondslag `aanname`. */
function parseVerantwoordingBron(
  r: Reader,
  o: Record<string, unknown>,
  field: string,
  unknown: boolean,
  valueField: string,
): VerantwoordingBron {
  const grondslag = r.str(o, 'grondslag', field);
  if (!(VERANTWOORDING_GRONDSLAGEN as readonly string[]).includes(grondslag))
    r.fail(join(field, 'grondslag'), `unknown basis "${grondslag}" (expected ${VERANTWOORDING_GRONDSLAGEN.join(', ')})`);
  if (unknown && grondslag !== 'aanname')
    r.fail(join(field, valueField), `null (not found) needs grondslag "aanname", found "${grondslag}"`);
  return { bron: r.str(o, 'bron', field), datum: r.date(o, 'datum', field), grondslag: grondslag as VerantwoordingBron['grondslag'] };
}

function parseVerantwoordingRegeling(r: Reader, v: unknown, field: string): VerantwoordingRegelingManifest {
  const o = r.obj(v, field);
  r.keys(o, field, ['regeling', 'overheveling', 'eindafrekening', 'vervaldatum']);
  const out: { -readonly [K in keyof VerantwoordingRegelingManifest]: VerantwoordingRegelingManifest[K] } = {
    regeling: r.str(o, 'regeling', field),
  };
  if (r.has(o, 'overheveling')) {
    const list = r.arr(o, 'overheveling', field).map((x, i): OverhevelingsLimiet => {
      const f = `${join(field, 'overheveling')}[${i}]`;
      const p = r.obj(x, f);
      r.keys(p, f, ['vanJaar', 'waarde', 'per', 'bron', 'datum', 'grondslag']);
      const per = r.str(p, 'per', f);
      if (per !== 'onderdeel' && per !== 'regeling')
        r.fail(join(f, 'per'), `must be "onderdeel" or "regeling", found ${show(per)}`);
      if (!('waarde' in p)) r.fail(join(f, 'waarde'), 'missing (a percentage 0–100, or null when no source states it)');
      const waarde = p.waarde === null ? null : r.pct(p, 'waarde', f);
      return { vanJaar: r.year(p.vanJaar, join(f, 'vanJaar')), waarde, per, ...parseVerantwoordingBron(r, p, f, waarde === null, 'waarde') };
    });
    list.forEach((x, i) => {
      if (list.findIndex((y) => y.vanJaar === x.vanJaar) !== i)
        r.fail(`${join(field, 'overheveling')}[${i}].vanJaar`, `${x.vanJaar} is stated twice`);
    });
    out.overheveling = list;
  }
  if (r.has(o, 'eindafrekening')) {
    const f = join(field, 'eindafrekening');
    const p = r.obj(o.eindafrekening, f);
    r.keys(p, f, ['jaar', 'wijze', 'bron', 'datum', 'grondslag']);
    if (!('jaar' in p)) r.fail(join(f, 'jaar'), 'missing (a year, or null when no source states it)');
    if (!('wijze' in p)) r.fail(join(f, 'wijze'), 'missing ("per-jaar", "cumulatief", or null when no source states it)');
    const jaar = p.jaar === null ? null : r.year(p.jaar, join(f, 'jaar'));
    const wijze = p.wijze;
    if (wijze !== null && wijze !== 'per-jaar' && wijze !== 'cumulatief')
      r.fail(join(f, 'wijze'), `must be "per-jaar", "cumulatief" or null, found ${show(wijze)}`);
    const e: Eindafrekening = { jaar, wijze, ...parseVerantwoordingBron(r, p, f, jaar === null || wijze === null, jaar === null ? "jaar" : "wijze") };
    out.eindafrekening = e;
  }
  if (r.has(o, 'vervaldatum')) {
    const f = join(field, 'vervaldatum');
    const p = r.obj(o.vervaldatum, f);
    r.keys(p, f, ['vervalt', 'bron', 'datum', 'grondslag']);
    if (!('vervalt' in p)) r.fail(join(f, 'vervalt'), 'missing (a date YYYY-MM-DD, or null when no source states it)');
    const vervalt = p.vervalt === null ? null : r.date(p, 'vervalt', f);
    const d: Vervaldatum = { vervalt, ...parseVerantwoordingBron(r, p, f, vervalt === null, 'vervalt') };
    out.vervaldatum = d;
  }
  return out;
}

function parseVerantwoording(r: Reader, v: unknown, field: string): VerantwoordingManifest {
  const o = r.obj(v, field);
  r.keys(o, field, ['regelingen']);
  const regelingen = r
    .arr(o, 'regelingen', field)
    .map((x, i) => parseVerantwoordingRegeling(r, x, `${join(field, 'regelingen')}[${i}]`));
  regelingen.forEach((x, i) => {
    if (regelingen.findIndex((y) => y.regeling === x.regeling) !== i)
      r.fail(`${join(field, 'regelingen')}[${i}].regeling`, `${x.regeling} is stated twice`);
  });
  return { regelingen };
}
