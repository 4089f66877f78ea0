import type { AardLasten, BegrotingRegel, BegrotingRegeling, TaakveldDekking } from './begroting';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN, TAAKVELDEN, taakveldVan } from './begroting';
import type { EditionYear } from './edition';
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
 *   Each taakveld gets one more baten line, "Niet gedekt door de uitkering (eigen middelen)", of
 *   Σ over the regelingen of the covered share − its lasten (≤ 0; 0 where covered) per year, so that
 *   Σ baten lines = the toets's baten of the taakveld (the Samenvatting's row), to the euro, and the
 *   taakveld's total = − its lasten paid from eigen middelen (`BegrotingToets.nietGedekt` summed over
 *   the taakvelden). Where net lasten are negative (a correction typed by the user) the toets gives
 *   them no baten (weight 0), so the same line is positive there;
 * - taakvelden outside `TAAKVELDEN` are one group "overig", as in the dekking and the Samenvatting:
 *   after the named taakvelden, each line with its own code, one correction line and one total;
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
  /** The row's own Iv3 code (in the group "overig" it differs from the group's `taakveld`). */
  readonly taakveld: string;
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
 * The baten line of one taakveld (or the group "overig") for its lasten the money received does not
 * cover ("Niet gedekt door de uitkering (eigen middelen)"): per year Σ over the regelingen of the
 * toets's covered share minus the lasten on the taakveld, whole euros (≤ 0 unless the lasten are
 * negative); 0 where the money covers them.
 */
export interface NietGedektMutatie {
  readonly soort: 'baten';
  /** A correction of incidental baten. */
  readonly aard: 'incidenteel';
  readonly bedragen: readonly number[];
  readonly duizenden: readonly number[];
}

/** One taakveld (beleidsproduct) of the export: `TAAKVELDEN` in order, then the group "overig". */
export interface TaakveldMutaties {
  /** Iv3 code of `TAAKVELDEN`, e.g. "7.1", or "overig" (every other code, as the toets groups them). */
  readonly taakveld: string;
  /** Its name when it is one of `TAAKVELDEN`, else undefined. */
  readonly naam: Maybe<string>;
  /** Per activity with any lasten: its lasten line, then its baten line. */
  readonly mutaties: readonly BegrotingMutatie[];
  /** The correction line after the activities (always there; 0 where the money covers the lasten). */
  readonly nietGedekt: NietGedektMutatie;
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

/** The group of a taakveld: its index in `TAAKVELDEN`, or `TAAKVELDEN.length` ("overig"). */
function groep(taakveld: string): number {
  const k = TAAKVELDEN.findIndex((t) => t.code === taakveld);
  return k < 0 ? TAAKVELDEN.length : k;
}

/**
 * The mutations of the begroting per taakveld (rows beyond `BEGROTING_CAPACITEIT` are left out, as the
 * toets leaves them out). `regels` as in `BegrotingInvoer.regels`, each with lasten per year of
 * `years`; activities without lasten give no line; per taakveld the lines in the table's order.
 * `dekking`: the Begrotingstoets of the same regels (`BegrotingToets.dekking`, per regeling one
 * `TaakveldDekking` per year of `years`, columns `TAAKVELDEN` then "overig"), whose covered shares,
 * summed over the regelingen, are the taakvelden's baten (see the module's rules). Throws RangeError
 * when a row's lasten or the dekking do not match `years`.
 */
export function begrotingMutaties(
  regels: readonly BegrotingRegel[],
  years: readonly EditionYear[],
  dekking: Readonly<Record<BegrotingRegeling, readonly TaakveldDekking[]>>,
): TaakveldMutaties[] {
  const byGroep = new Map<number, BegrotingMutatie[]>();
  for (const r of regels.slice(0, BEGROTING_CAPACITEIT)) {
    if (r.lasten.length !== years.length)
      throw new RangeError(`Row ${r.rij}: lasten need ${years.length} years`);
    if (r.lasten.every((x: Euro) => x === 0)) continue;
    const common = {
      rij: r.rij,
      taakveld: taakveldVan(r),
      regeling: r.regeling,
      onderdeel: r.onderdeel,
      activiteit: r.activiteit,
      uitvoerder: r.uitvoerder,
    };
    const lasten = r.lasten.map((x) => (x === 0 ? 0 : -x));
    const baten = r.lasten.map((x) => x + 0);
    const g = groep(taakveldVan(r));
    const list = byGroep.get(g) ?? [];
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
    byGroep.set(g, list);
  }
  const gedekt = (g: number, i: number): number =>
    BEGROTING_REGELINGEN.reduce((a, reg) => {
      const d = dekking[reg][i];
      if (d === undefined) throw new RangeError(`The dekking of ${reg} has no year ${i + 1}`);
      return a + (d.split.amounts[g] ?? 0);
    }, 0);
  const sum = (lines: readonly { readonly bedragen: readonly number[] }[], i: number): number =>
    lines.reduce((a, m) => a + (m.bedragen[i] ?? 0), 0) + 0;
  return [...byGroep.keys()]
    .sort((a, b) => a - b)
    .map((g) => {
      const mutaties = byGroep.get(g) ?? [];
      const lasten = years.map((_, i) =>
        euro(
          -sum(
            mutaties.filter((m) => m.soort === 'lasten'),
            i,
          ),
        ),
      );
      const bedragen = years.map((_, i) => gedekt(g, i) - (lasten[i] ?? 0) + 0);
      const nietGedekt: NietGedektMutatie = {
        soort: 'baten',
        aard: 'incidenteel',
        bedragen,
        duizenden: bedragen.map(naarDuizenden),
      };
      const lines = [...mutaties, nietGedekt];
      return {
        taakveld: TAAKVELDEN[g]?.code ?? 'overig',
        naam: TAAKVELDEN[g]?.naam,
        mutaties,
        nietGedekt,
        baten: years.map((_, i) =>
          euro(sum([...mutaties.filter((m) => m.soort === 'baten'), nietGedekt], i)),
        ),
        lasten,
        totaalDuizenden: years.map((_, i) => lines.reduce((a, m) => a + (m.duizenden[i] ?? 0), 0) + 0),
      };
    });
}
