import type { AardLasten, BegrotingRegel, BegrotingRegeling } from './begroting';
import { BEGROTING_CAPACITEIT, TAAKVELDEN } from './begroting';
import type { EditionYear } from './edition';
import type { Euro } from './money';
import type { Maybe } from './types';

/**
 * The begroting's mutations in the shape gemeenten put in their own begroting (begroting-practice.md,
 * layout 3, a najaarsnota per beleidsproduct = Iv3 taakveld): "bedragen × 1.000", per mutation a pair
 * "… – lasten" / "… – baten", a column Inc. and a column Struc., the years, and the sign convention
 * "+ = voordelig / − = nadelig", so that each taakveld adds up to 0 (budgettair neutraal).
 *
 * Rules, each from a source:
 * - the baten of an activity are the SPUK money that covers it, booked on the taakveld of its lasten
 *   (BBV art. 19/28; the same reading as `BegrotingToets.perTaakveld`, whose baten are its lasten):
 *   lasten above the plafond are not split off here, the toets signals them;
 * - the baten are incidental: the regelingen end (Brede SPUK and SPUK IZA 2026, SPUK AZWA 2029), so
 *   for the structureel evenwicht (BBV) they are incidental money whatever the Rijk's reading;
 * - the lasten are incidental or structural as the user entered (`Aard lasten`); empty stays empty.
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

/** One taakveld (beleidsproduct) of the export, in ascending Iv3 order. */
export interface TaakveldMutaties {
  /** Iv3 code as entered, e.g. "7.1". */
  readonly taakveld: string;
  /** Its name when it is one of `TAAKVELDEN`, else undefined. */
  readonly naam: Maybe<string>;
  /** Per activity with any lasten: its lasten line, then its baten line. */
  readonly mutaties: readonly BegrotingMutatie[];
  /** Σ per year of `duizenden` (0 when every pair is whole: budgettair neutraal). */
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

/**
 * The mutations of the begroting per taakveld (rows beyond `BEGROTING_CAPACITEIT` are left out, as the
 * toets leaves them out). `regels` as in `BegrotingInvoer.regels`, each with lasten per year of
 * `years`; activities without lasten give no line. Throws RangeError when a row's lasten do not
 * match `years`.
 */
export function begrotingMutaties(
  regels: readonly BegrotingRegel[],
  years: readonly EditionYear[],
): TaakveldMutaties[] {
  const byTaakveld = new Map<string, BegrotingMutatie[]>();
  for (const r of regels.slice(0, BEGROTING_CAPACITEIT)) {
    if (r.lasten.length !== years.length)
      throw new RangeError(`Row ${r.rij}: lasten need ${years.length} years`);
    if (r.lasten.every((x: Euro) => x === 0)) continue;
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
  return [...byTaakveld.keys()].sort(compareTaakveld).map((taakveld) => {
    const mutaties = byTaakveld.get(taakveld) ?? [];
    return {
      taakveld,
      naam: TAAKVELDEN.find((t) => t.code === taakveld)?.naam,
      mutaties,
      totaalDuizenden: years.map((_, i) => mutaties.reduce((a, m) => a + (m.duizenden[i] ?? 0), 0) + 0),
    };
  });
}
