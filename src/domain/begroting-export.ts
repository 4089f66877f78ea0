import type { AardLasten, BegrotingRegel, BegrotingRegeling, TaakveldDekking } from './begroting';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN, TAAKVELDEN } from './begroting';
import type { EditionYear } from './edition';
import { splitByWeights } from './largest-remainder';
import type { Euro } from './money';
import { euro } from './money';
import type { Maybe } from './types';

/**
 * The begroting's mutations in the shape gemeenten put in their own begroting (begroting-practice.md,
 * layout 3, a najaarsnota per beleidsproduct = Iv3 taakveld): "bedragen × 1.000", per mutation a pair
 * "… – lasten" / "… – baten", a column Inc. and a column Struc., the years, and the sign convention
 * "+ = voordelig / − = nadelig". A taakveld adds up to 0 (budgettair neutraal) only where the money
 * received covers its lasten; otherwise its total is the eigen middelen it needs (nadelig).
 *
 * Rules, each from a source:
 * - per activity a lasten line (its lasten, −) and a baten line (the SPUK money booked against it, +,
 *   as gemeenten write a mutation: begroting-practice.md, layout 3);
 * - the baten of a taakveld are what the regeling's money received covers there, never more (BBV
 *   art. 19: a baat is what the gemeente receives). The figure is the Begrotingstoets's own
 *   (`BegrotingToets.dekking`, per regeling × year: `taakveldDekking`, the same figures as
 *   `perTaakveld[].baten` and the Samenvatting's per-taakveld baten); it is not computed again here.
 *   Where a regeling's lasten on a taakveld exceed its covered share, the taakveld gets one more baten
 *   line per regeling, "niet gedekt door de uitkering (eigen middelen)", of covered share − lasten
 *   (≤ 0) per year, so that Σ baten lines = the toets's baten of the taakveld, to the euro, and the
 *   taakveld's total = − its lasten paid from eigen middelen (`BegrotingToets.nietGedekt` summed over
 *   the taakvelden). Where a regeling's net lasten on a taakveld are negative (a correction typed by the
 *   user) the toets gives it no baten (its weight is 0), so the same line is positive there;
 * - taakvelden outside `TAAKVELDEN` are one group "overig" in the dekking. Each of them gets its share
 *   of the group's covered amount pro rata its own lasten (max(0, lasten) per regeling and year),
 *   largest remainder, ties to the earlier taakveld in Iv3 order: the dekking's own rule
 *   (`taakveldDekking`'s `split`) applied inside the group, so the group's lines add up to the toets's
 *   "overig" baten to the euro; with one such taakveld (the usual case) it gets the group's figure;
 * - the baten (and their correction) are incidental: the regelingen end (Brede SPUK and SPUK IZA 2026,
 *   SPUK AZWA 2029), so for the structureel evenwicht (BBV) they are incidental money whatever the
 *   Rijk's reading;
 * - the lasten are incidental or structural as the user entered (`Aard lasten`); empty stays empty;
 * - thousands are rounded per amount, half away from zero (`naarDuizenden`), so a pair stays 0 and the
 *   totals are sums of the rounded lines (as a gemeente's table adds up its printed figures).
 */

/** One line of the export: the lasten or the baten of one activity (one row of the table Begroting). */
export interface BegrotingMutatie {
  /** The row of the table or file the activity came from. */
  readonly rij: number;
  readonly regeling: BegrotingRegeling;
  readonly onderdeel: Maybe<number>;
  readonly activiteit: string;
  readonly uitvoerder: string;
  readonly soort: 'lasten' | 'baten';
  /** Incidental or structural; undefined for lasten whose aard the user left empty. */
  readonly aard: Maybe<AardLasten>;
  /** Whole euros per year (the edition's years), + = voordelig (baten), − = nadelig (lasten). */
  readonly bedragen: readonly number[];
  /** The same in thousands of euros, rounded per amount half away from zero, so a pair stays 0. */
  readonly duizenden: readonly number[];
}

/**
 * The baten line of one regeling on one taakveld for its lasten the money received does not cover
 * ("<regeling>: niet gedekt door de uitkering (eigen middelen)"): per year the toets's covered share
 * minus the regeling's lasten on the taakveld, whole euros (≤ 0 unless the lasten are negative).
 */
export interface NietGedektMutatie {
  readonly regeling: BegrotingRegeling;
  readonly soort: 'baten';
  /** A correction of incidental baten. */
  readonly aard: 'incidenteel';
  readonly bedragen: readonly number[];
  readonly duizenden: readonly number[];
}

/** One taakveld (beleidsproduct) of the export, in ascending Iv3 order. */
export interface TaakveldMutaties {
  /** Iv3 code as entered, e.g. "7.1". */
  readonly taakveld: string;
  /** Its name when it is one of `TAAKVELDEN`, else undefined. */
  readonly naam: Maybe<string>;
  /** Per activity with any lasten: its lasten line, then its baten line. */
  readonly mutaties: readonly BegrotingMutatie[];
  /**
   * Per regeling (in `BEGROTING_REGELINGEN` order) whose lasten here are not all covered in some year:
   * the correction line, after the activities. Empty where the money received covers everything.
   */
  readonly nietGedekt: readonly NietGedektMutatie[];
  /** Per year, whole euros: Σ baten lines incl. `nietGedekt` = the toets's covered share on this taakveld. */
  readonly baten: readonly Euro[];
  /** Per year, whole euros: Σ lasten (positive, as entered). */
  readonly lasten: readonly Euro[];
  /** Σ per year of every line's `duizenden`: 0 when covered (budgettair neutraal), else − eigen middelen. */
  readonly totaalDuizenden: readonly number[];
}

/**
 * Thousands of euros, rounded half away from zero: −2.500 → −3, 2.500 → 3, so that the lasten and the
 * baten of a pair round to opposite numbers. Input whole euros; output a whole number of thousands.
 */
export function naarDuizenden(bedrag: number): number {
  const r = Math.round(Math.abs(bedrag) / 1000);
  return bedrag < 0 ? -r : r;
}

/** Orders Iv3 codes as numbers per part ("6.1" < "6.71" < "7.1"), then as text. */
function compareTaakveld(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a.localeCompare(b);
    if (x !== y) return x - y;
  }
  return a.localeCompare(b);
}

/** The index of a taakveld in the dekking's columns (`TAAKVELDEN`, then "overig"). */
function dekkingKolom(taakveld: string): number {
  const k = TAAKVELDEN.findIndex((t) => t.code === taakveld);
  return k < 0 ? TAAKVELDEN.length : k;
}

/**
 * The toets's covered share (baten) of one regeling per taakveld per year, in whole euros, for the
 * taakvelden of the begroting (`lastenPerTaakveld`: the regeling's lasten per taakveld per year, Iv3
 * order). A taakveld of `TAAKVELDEN` gets its column of `dekking[i].split`; the others share the
 * "overig" column pro rata max(0, lasten) (see the module's rules). Throws RangeError when the dekking
 * does not cover the years.
 */
function gedektPerTaakveld(
  lastenPerTaakveld: ReadonlyMap<string, readonly number[]>,
  dekking: readonly TaakveldDekking[],
  jaren: number,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const overig = [...lastenPerTaakveld.keys()]
    .filter((t) => dekkingKolom(t) === TAAKVELDEN.length)
    .sort(compareTaakveld);
  for (const t of lastenPerTaakveld.keys()) out.set(t, new Array<number>(jaren).fill(0));
  for (let i = 0; i < jaren; i++) {
    const d = dekking[i];
    if (d === undefined) throw new RangeError(`The dekking has no year ${i + 1} of ${jaren}`);
    for (const t of lastenPerTaakveld.keys()) {
      const k = dekkingKolom(t);
      if (k < TAAKVELDEN.length) (out.get(t) ?? [])[i] = d.split.amounts[k] ?? 0;
    }
    const groep = d.split.amounts[TAAKVELDEN.length] ?? 0;
    const gewichten = overig.map((t) => Math.max(0, lastenPerTaakveld.get(t)?.[i] ?? 0));
    const totaal = gewichten.reduce((a, b) => a + b, 0);
    if (groep === 0 || totaal === 0) continue;
    const split = splitByWeights(euro(groep), gewichten, totaal);
    overig.forEach((t, j) => ((out.get(t) ?? [])[i] = split.amounts[j] ?? 0));
  }
  return out;
}

/**
 * The mutations of the begroting per taakveld (rows beyond `BEGROTING_CAPACITEIT` are left out, as the
 * toets leaves them out). `regels` as in `BegrotingInvoer.regels`, each with lasten per year of
 * `years`; activities without lasten give no line. `dekking`: the Begrotingstoets of the same regels
 * (`BegrotingToets.dekking`, per regeling one `TaakveldDekking` per year of `years`), whose covered
 * shares become the taakvelden's baten (see the module's rules). Throws RangeError when a row's lasten
 * or the dekking do not match `years`.
 */
export function begrotingMutaties(
  regels: readonly BegrotingRegel[],
  years: readonly EditionYear[],
  dekking: Readonly<Record<BegrotingRegeling, readonly TaakveldDekking[]>>,
): TaakveldMutaties[] {
  const byTaakveld = new Map<string, BegrotingMutatie[]>();
  // Per regeling: its lasten per taakveld per year (every row, also those that net to 0).
  const lastenPer = new Map<BegrotingRegeling, Map<string, number[]>>();
  for (const r of regels.slice(0, BEGROTING_CAPACITEIT)) {
    if (r.lasten.length !== years.length)
      throw new RangeError(`Row ${r.rij}: lasten need ${years.length} years`);
    if (r.lasten.every((x: Euro) => x === 0)) continue;
    const perTv = lastenPer.get(r.regeling) ?? new Map<string, number[]>();
    const som = perTv.get(r.taakveld) ?? new Array<number>(years.length).fill(0);
    r.lasten.forEach((x, i) => (som[i] = (som[i] ?? 0) + x));
    perTv.set(r.taakveld, som);
    lastenPer.set(r.regeling, perTv);
    const common = {
      rij: r.rij,
      regeling: r.regeling,
      onderdeel: r.onderdeel,
      activiteit: r.activiteit,
      uitvoerder: r.uitvoerder,
    };
    const lasten = r.lasten.map((x) => (x === 0 ? 0 : -x));
    const baten = r.lasten.map((x) => x + 0);
    const list = byTaakveld.get(r.taakveld) ?? [];
    list.push(
      { ...common, soort: 'lasten', aard: r.aard, bedragen: lasten, duizenden: lasten.map(naarDuizenden) },
      {
        ...common,
        soort: 'baten',
        aard: 'incidenteel',
        bedragen: baten,
        duizenden: baten.map(naarDuizenden),
      },
    );
    byTaakveld.set(r.taakveld, list);
  }
  const correcties = new Map<string, NietGedektMutatie[]>();
  for (const regeling of BEGROTING_REGELINGEN) {
    const perTv = lastenPer.get(regeling);
    if (perTv === undefined) continue;
    const gedekt = gedektPerTaakveld(perTv, dekking[regeling], years.length);
    for (const [taakveld, lasten] of [...perTv].sort(([a], [b]) => compareTaakveld(a, b))) {
      const bedragen = lasten.map((l, i) => (gedekt.get(taakveld)?.[i] ?? 0) - l + 0);
      if (bedragen.every((b) => b === 0)) continue;
      const list = correcties.get(taakveld) ?? [];
      list.push({
        regeling,
        soort: 'baten',
        aard: 'incidenteel',
        bedragen,
        duizenden: bedragen.map(naarDuizenden),
      });
      correcties.set(taakveld, list);
    }
  }
  const sum = (lines: readonly { readonly bedragen: readonly number[] }[], i: number): number =>
    lines.reduce((a, m) => a + (m.bedragen[i] ?? 0), 0) + 0;
  return [...byTaakveld.keys()].sort(compareTaakveld).map((taakveld) => {
    const mutaties = byTaakveld.get(taakveld) ?? [];
    const nietGedekt = correcties.get(taakveld) ?? [];
    const lines = [...mutaties, ...nietGedekt];
    return {
      taakveld,
      naam: TAAKVELDEN.find((t) => t.code === taakveld)?.naam,
      mutaties,
      nietGedekt,
      baten: years.map((_, i) =>
        euro(sum([...mutaties.filter((m) => m.soort === 'baten'), ...nietGedekt], i)),
      ),
      lasten: years.map((_, i) =>
        euro(
          -sum(
            mutaties.filter((m) => m.soort === 'lasten'),
            i,
          ),
        ),
      ),
      totaalDuizenden: years.map((_, i) => lines.reduce((a, m) => a + (m.duizenden[i] ?? 0), 0) + 0),
    };
  });
}
