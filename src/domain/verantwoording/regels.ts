import type { EditionYear, ResolvedEdition } from '../edition';
import { regels as regelParameters } from '../edition';
import type { BegrotingRegeling } from '../begroting';
import type { Maybe } from '../types';

/**
 * The rule parameters of the verantwoording (realisatie, overheveling, terugvordering) as edition
 * data: the block `verantwoording` of `data/<edition>/edition.json`, checked by src/data/manifest.ts.
 * Each parameter names its source, the source's date and its grondslag. Where no source settles a
 * rule (verantwoording-facts.md marks it [not found]) the manifest states it with `waarde: null`
 * and grondslag `aanname`: the domain then computes nothing from it (the figure is "onbekend") and
 * raises a signal until the controller sets it (`VerantwoordingAannames`). Never a guessed percentage.
 */

/**
 * What kind of source states a verantwoording rule: the regeling, a minister's letter, practice (a
 * gemeente or adviser), or `aanname`: no source found, the controller must decide.
 */
export const VERANTWOORDING_GRONDSLAGEN = ['regeling', 'brief', 'praktijk', 'aanname'] as const;
export type VerantwoordingGrondslag = (typeof VERANTWOORDING_GRONDSLAGEN)[number];

/** Source, date (YYYY-MM-DD) and grondslag of one verantwoording rule. */
export interface VerantwoordingBron {
  readonly bron: string;
  readonly datum: string;
  readonly grondslag: VerantwoordingGrondslag;
}

/**
 * A carry-over limit from `vanJaar` into the next year: at most `waarde` % of the beschikking of
 * `vanJaar` (per onderdeel or over the regeling's total); `waarde` null = not found (aanname).
 */
export interface OverhevelingsLimiet extends VerantwoordingBron {
  readonly vanJaar: EditionYear;
  readonly waarde: number | null;
  readonly per: 'onderdeel' | 'regeling';
}

/**
 * The eindafrekening: the year the Rijk settles the whole period (`jaar`, null = not found) and how
 * (`wijze`: each year on its own, or cumulative over the period; null = not found: both are shown).
 */
export interface Eindafrekening extends VerantwoordingBron {
  readonly jaar: EditionYear | null;
  readonly wijze: 'per-jaar' | 'cumulatief' | null;
}

/** The lapse date of the regeling (YYYY-MM-DD), null = not found. */
export interface Vervaldatum extends VerantwoordingBron {
  readonly vervalt: string | null;
}

/** The verantwoording rules of one regeling as one manifest states them (all optional; later editions override). */
export interface VerantwoordingRegelingManifest {
  /** The regeling id of `regelingen[].id` (brede-spuk, spuk-iza). */
  readonly regeling: string;
  /** Carry-over limits, replaced per `vanJaar` by later editions. */
  readonly overheveling?: readonly OverhevelingsLimiet[];
  readonly eindafrekening?: Eindafrekening;
  readonly vervaldatum?: Vervaldatum;
}

/** The block `verantwoording` of a manifest. */
export interface VerantwoordingManifest {
  readonly regelingen: readonly VerantwoordingRegelingManifest[];
}

/** The resolved verantwoording rules of one regeling of an edition. */
export interface VerantwoordingRegels {
  readonly regeling: string;
  readonly naam: string;
  /** The begroting post its lines are charged to (Brede SPUK, SPUK IZA). */
  readonly post: BegrotingRegeling;
  /** The regeling's years (2023–2026) and last year (money spent after it has no regeling). */
  readonly jaren: readonly EditionYear[];
  readonly eindjaar: EditionYear;
  /** The regeling's own source text (manifest `regelingen[].bron`). */
  readonly regelingBron: string;
  /** The years spent and accounted per onderdeel (Brede SPUK 2023, 2024); empty for one total. */
  readonly perOnderdeelJaren: readonly EditionYear[];
  /** The carry-over limit from a year, with its source; undefined where no source states any rule. */
  readonly overheveling: (vanJaar: EditionYear) => Maybe<OverhevelingsLimiet>;
  readonly eindafrekening: Maybe<Eindafrekening>;
  readonly vervaldatum: Maybe<Vervaldatum>;
  /**
   * The schuifruimte counted in the terugvordering per jaar in the per-onderdeel years: an
   * onderdeel's overschrijding up to `waarde` % of its beschikking is covered by what the other
   * onderdelen would return (`verantwoording()`). No source settles whether or how the eindafrekening
   * counts it (../shared/docs/verantwoording-facts.md §1.4): default 0 (not counted), grondslag
   * `aanname`; the controller sets it (`VerantwoordingAannames.schuifruimte`).
   */
  readonly schuifruimte: VerantwoordingBron & { readonly waarde: number };
}

/**
 * The controller's own decision on a rule no source settles: a carry-over limit (%) per regeling id
 * and `vanJaar`, e.g. `{ overheveling: [{ regeling: 'brede-spuk', vanJaar: 2024, waarde: 0 }] }`.
 * It replaces the edition's parameter and is shown with grondslag `aanname` and source "controller".
 */
export interface VerantwoordingAannames {
  readonly overheveling?: readonly {
    readonly regeling: string;
    readonly vanJaar: EditionYear;
    readonly waarde: number;
  }[];
  /** The schuifruimte % counted in the terugvordering (see `VerantwoordingRegels.schuifruimte`). */
  readonly schuifruimte?: readonly { readonly regeling: string; readonly waarde: number }[];
}

/**
 * Where the schuifruimte comes from when the controller set none: verantwoording-facts.md §1.4 reads
 * the 15% only at a secondary source (innofunding 28-10-2025) and finds neither its base nor whether
 * the eindafrekening counts it.
 */
export const SCHUIFRUIMTE_BRON =
  'Aanname: de schuifruimte (max. 15% tussen onderdelen van een hoofdthema tot 2025; innofunding 28-10-2025, secundair) wordt niet verrekend: grondslag en verrekening in de eindafrekening niet gevonden (verantwoording-facts §1.4).';

/**
 * The verantwoording rules of every regeling the edition chain states a `verantwoording` block for
 * (oldest manifest first; a later one replaces `eindafrekening`/`vervaldatum` and each `overheveling`
 * per `vanJaar`), with the controller's aannames on top. The carry-over limits of the begroting
 * (`regelingen[].regels.overheveling`, shared with the toets) win over the block's for the same
 * year, so one parameter is never stated twice with two values; the block fills the years they lack.
 * Only regelingen with lines charged to a begroting post are returned (shipped: Brede SPUK, SPUK IZA).
 */
export function verantwoordingRegels(
  edition: ResolvedEdition,
  aannames: VerantwoordingAannames = {},
): readonly VerantwoordingRegels[] {
  const byId = new Map<
    string,
    { overheveling: Map<EditionYear, OverhevelingsLimiet>; eind?: Eindafrekening; verval?: Vervaldatum }
  >();
  for (const m of edition.chain)
    for (const r of m.verantwoording?.regelingen ?? []) {
      const cur = byId.get(r.regeling) ?? { overheveling: new Map<EditionYear, OverhevelingsLimiet>() };
      for (const o of r.overheveling ?? []) cur.overheveling.set(o.vanJaar, o);
      if (r.eindafrekening) cur.eind = r.eindafrekening;
      if (r.vervaldatum) cur.verval = r.vervaldatum;
      byId.set(r.regeling, cur);
    }
  const out: VerantwoordingRegels[] = [];
  for (const [id, v] of byId) {
    const spec = edition.regelingen.find((r) => r.id === id);
    const post = edition.lines.find((l) => l.regeling.id === id && l.begroting !== undefined)?.begroting;
    if (spec === undefined || post === undefined) continue;
    const begroting = regelParameters(edition, id);
    for (const o of begroting.overheveling ?? [])
      v.overheveling.set(o.vanJaar, {
        vanJaar: o.vanJaar,
        waarde: o.waarde,
        per: o.per,
        bron: o.bron,
        datum: o.datum,
        grondslag: o.grondslag ?? 'praktijk',
      });
    for (const a of aannames.overheveling ?? [])
      if (a.regeling === id) {
        const was = v.overheveling.get(a.vanJaar);
        v.overheveling.set(a.vanJaar, {
          vanJaar: a.vanJaar,
          waarde: a.waarde,
          per: was?.per ?? 'regeling',
          bron: `Ingesteld door de controller${was ? ` (editie: ${was.waarde === null ? 'niet gevonden' : `${was.waarde}%`}; ${was.bron})` : ''}`,
          datum: was?.datum ?? edition.manifest.datum,
          grondslag: 'aanname',
        });
      }
    const perOnderdeel = post === 'Brede SPUK' ? (begroting.perOnderdeel?.jaren ?? []) : [];
    out.push({
      regeling: id,
      naam: spec.naam,
      post,
      jaren: spec.jaren.filter((y) => edition.years.includes(y)),
      eindjaar: spec.eindjaar,
      regelingBron: spec.bron,
      perOnderdeelJaren: perOnderdeel.filter((y) => spec.jaren.includes(y)),
      overheveling: (vanJaar) => v.overheveling.get(vanJaar),
      eindafrekening: v.eind,
      vervaldatum: v.verval,
      schuifruimte: schuifruimteOf(id, edition.manifest.datum, aannames),
    });
  }
  return out;
}

/** The schuifruimte of regeling `id`: the controller's where set, else 0 (not counted; `SCHUIFRUIMTE_BRON`). */
function schuifruimteOf(
  id: string,
  datum: string,
  aannames: VerantwoordingAannames,
): VerantwoordingBron & { readonly waarde: number } {
  const set = aannames.schuifruimte?.find((a) => a.regeling === id);
  if (set !== undefined && !(Number.isFinite(set.waarde) && set.waarde >= 0 && set.waarde <= 100))
    throw new RangeError(`Schuifruimte ${set.waarde}: needs 0–100 (%)`);
  return set === undefined
    ? { waarde: 0, bron: SCHUIFRUIMTE_BRON, datum, grondslag: 'aanname' }
    : {
        waarde: set.waarde,
        bron: `Ingesteld door de controller (${set.waarde}% van de beschikking van het onderdeel); ${SCHUIFRUIMTE_BRON.replace('Aanname: ', 'anders: ')}`,
        datum,
        grondslag: 'aanname',
      };
}
