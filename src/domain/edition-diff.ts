import type { EditionLine, EditionYear } from './edition';
import type { Ledger } from './ledger';
import type { Euro } from './money';
import { euro } from './money';
import type { CbsCode, Maybe } from './types';

/** A change above this share (in %) of the earlier amount is flagged. */
export const DIFF_SIGNAL_PCT = 5;

/** The post of the net row of own money (Brede SPUK, SPUK AZWA lokaal: lines paid to each gemeente). */
export const EIGEN_GELD_NETTO = 'Eigen geld (netto)';

/**
 * What a row of "wat is er veranderd" is: a line (`onderdeel`), the total of a post per year
 * (`totaal`), or the net change of the gemeente's own money per year (`eigen-geld`).
 */
export type EditionDiffSoort = 'onderdeel' | 'totaal' | 'eigen-geld';

/** One row of "wat is er veranderd": a line, a post's total or the own money's net row, in a year (euros). */
export interface EditionDiffRow {
  readonly soort: EditionDiffSoort;
  /** The regeling's id ('' for the own money's net row, which spans regelingen). */
  readonly regeling: string;
  readonly regelingNaam: string;
  /**
   * The group the row belongs to, as the rest of the product keeps the money apart: the line's
   * begroting post (`Brede SPUK`, `SPUK IZA`, `SPUK AZWA lokaal`, `SPUK AZWA regionaal`); for a line
   * on no gemeente's begroting the regeling's name, with " (landelijk)" when the regeling also
   * has lines on a begroting post; `EIGEN_GELD_NETTO` for the net row.
   */
  readonly post: string;
  /** Undefined for a total and for the net row. */
  readonly nr: Maybe<number>;
  readonly onderdeel: string;
  readonly jaar: EditionYear;
  /** The amount in the older edition (0 where it is an open post: see `open`). */
  readonly van: Euro;
  /** The amount in the newer edition (0 where it is an open post: see `open`). */
  readonly naar: Euro;
  /**
   * `naar − van`; undefined on a line whose amount is an open post in either edition (money leaving
   * the regeling with no known amount is no fall to 0). On a total and the net row: the change of the
   * amounts of the lines without an open post in either edition (`open` says one was left out).
   */
  readonly verschil: Maybe<Euro>;
  /** Change in % of `van`, rounded to 0,1; undefined when `van` is 0 or `verschil` is undefined. */
  readonly procent: Maybe<number>;
  /**
   * |procent| above DIFF_SIGNAL_PCT, money appearing from (or vanishing to) nothing, or a known amount
   * becoming an open post (or the reverse).
   */
  readonly signaal: boolean;
  /**
   * Which edition has an open post here (the edition's `openPosten`: money leaving the regeling with
   * no known amount, "open post, geen nul"): on a line its amount in that edition is unknown, not 0;
   * on a total or the net row at least one of its lines is, and that line is in neither edition's sum.
   */
  readonly open: Maybe<DiffOpen>;
}

/** Which edition of a diff row has an open post (`EditionDiffRow.open`). */
export type DiffOpen = 'van' | 'naar' | 'beide';

function openOf(van: boolean, naar: boolean): Maybe<DiffOpen> {
  if (van && naar) return 'beide';
  if (van) return 'van';
  return naar ? 'naar' : undefined;
}

function row(
  soort: EditionDiffSoort,
  line: { readonly regeling: string; readonly regelingNaam: string; readonly post: string },
  nr: Maybe<number>,
  onderdeel: string,
  jaar: EditionYear,
  van: number,
  naar: number,
  open: Maybe<DiffOpen> = undefined,
): EditionDiffRow {
  // A line with an open post has no known difference; a total or net row sums the known amounts.
  const unknown = soort === 'onderdeel' && open !== undefined;
  const verschil = unknown ? undefined : naar - van;
  const procent =
    verschil === undefined || van === 0 ? undefined : Math.round((verschil / Math.abs(van)) * 1000) / 10;
  const signaal = unknown
    ? open !== 'beide' && (open === 'naar' ? van !== 0 : naar !== 0)
    : procent === undefined
      ? naar !== 0
      : Math.abs(procent) > DIFF_SIGNAL_PCT;
  return {
    soort,
    ...line,
    nr,
    onderdeel,
    jaar,
    van: euro(van),
    naar: euro(naar),
    verschil: verschil === undefined ? undefined : euro(verschil),
    procent,
    signaal,
    open,
  };
}

/** The post a line's diff rows are grouped under (see `EditionDiffRow.post`). */
function postOf(line: EditionLine, lines: readonly EditionLine[]): string {
  if (line.begroting !== undefined) return line.begroting;
  const mixed = lines.some((l) => l.regeling.id === line.regeling.id && l.begroting !== undefined);
  return mixed ? `${line.regeling.naam} (landelijk)` : line.regeling.naam;
}

/**
 * What changed from one edition to another, per post, onderdeel and year (the union of both
 * editions' year axes): for a gemeente (what it receives, as mandaatgemeente included) or nationally
 * (`code` undefined: the national amounts, Twente's region included). Lines only one edition knows
 * count as 0 in the other. Rows, in this order: per post (the begroting post, so SPUK AZWA lokaal,
 * the gemeente's own money, stays apart from SPUK AZWA regionaal, which a mandaatgemeente passes on)
 * its lines per year and then its total per year; last, per year, `EIGEN_GELD_NETTO`: the change of
 * the gemeente's own money (lines paid to each gemeente, `ontvanger` `gemeente`), nationally Σ over
 * the gemeenten of their own money. A line's amount that is an open post in an edition (BRC and
 * Sportakkoord from 2027 in vws-2026-04) marks its row (`open`): such a line has no difference and no
 * percentage, it did not fall to 0; a total or net row then compares like with like, that line left
 * out of both editions' sums. Both ledgers must use the same key (the comparison is about the
 * editions, not the key). Amounts in whole euros.
 */
export function editionDiff(van: Ledger, naar: Ledger, code?: CbsCode): EditionDiffRow[] {
  const has = (l: Ledger, nr: number): boolean => l.lines.some((x) => x.nr === nr);
  const amount = (l: Ledger, nr: number, jaar: EditionYear): number => {
    if (!has(l, nr)) return 0;
    return code === undefined ? l.national(nr, jaar).bedrag : (l.gemeente(code, nr, jaar)?.bedrag ?? 0);
  };
  /** Own money of the gemeente (nationally: Σ over the gemeenten) on a line paid to each gemeente. */
  const own = (l: Ledger, nr: number, jaar: EditionYear): number => {
    if (!has(l, nr) || l.line(nr).ontvanger !== 'gemeente') return 0;
    return code === undefined ? l.sumGemeenten(nr, jaar) : (l.gemeente(code, nr, jaar)?.bedrag ?? 0);
  };
  /** The line's amount in the year is an open post of the edition (no known amount, not 0). */
  const isOpen = (l: Ledger, nr: number, jaar: EditionYear): boolean =>
    has(l, nr) && l.openPost(nr, jaar) !== undefined;
  const openIn = (nrs: readonly number[], jaar: EditionYear): Maybe<DiffOpen> =>
    openOf(
      nrs.some((nr) => isOpen(van, nr, jaar)),
      nrs.some((nr) => isOpen(naar, nr, jaar)),
    );
  const receives = (l: Ledger, nr: number): boolean => {
    const line = l.lines.find((x) => x.nr === nr);
    if (!line) return false;
    if (code === undefined) return true;
    return (
      line.ontvanger === 'gemeente' || (line.ontvanger === 'mandaatgemeente' && l.mandaatVan(code).length > 0)
    );
  };
  const byNr = new Map([...van.lines, ...naar.lines].map((l) => [l.nr, l]));
  const all = [...byNr.values()];
  const lines = all.filter((l) => receives(van, l.nr) || receives(naar, l.nr)).sort((a, b) => a.nr - b.nr);
  // Posts in the order of their first line.
  const posts = [...new Set(lines.map((l) => postOf(l, all)))];
  // The year axis of both editions (a later edition may add a year).
  const years = [...new Set([...van.years, ...naar.years])].sort((a, b) => a - b);
  const out: EditionDiffRow[] = [];
  for (const post of posts) {
    const group = lines.filter((l) => postOf(l, all) === post);
    const first = group[0];
    if (first === undefined) continue;
    const regelingen = new Set(group.map((l) => l.regeling.id));
    const id = {
      regeling: regelingen.size === 1 ? first.regeling.id : '',
      regelingNaam: regelingen.size === 1 ? first.regeling.naam : post,
      post,
    };
    for (const l of group)
      for (const jaar of years)
        out.push(
          row(
            'onderdeel',
            { regeling: l.regeling.id, regelingNaam: l.regeling.naam, post },
            l.nr,
            l.naam,
            jaar,
            amount(van, l.nr, jaar),
            amount(naar, l.nr, jaar),
            openIn([l.nr], jaar),
          ),
        );
    for (const jaar of years) {
      // Like with like: a line that is an open post in either edition is in neither sum.
      const known = group.filter((l) => openIn([l.nr], jaar) === undefined);
      const a = known.reduce((s, l) => s + amount(van, l.nr, jaar), 0);
      const b = known.reduce((s, l) => s + amount(naar, l.nr, jaar), 0);
      const open = openIn(
        group.map((l) => l.nr),
        jaar,
      );
      out.push(row('totaal', id, undefined, `Totaal ${post}`, jaar, a, b, open));
    }
  }
  const ownLines = all.filter((l) => l.ontvanger === 'gemeente').sort((a, b) => a.nr - b.nr);
  const netto = { regeling: '', regelingNaam: EIGEN_GELD_NETTO, post: EIGEN_GELD_NETTO };
  // e.g. "Eigen geld (netto): Brede SPUK + SPUK AZWA lokaal".
  const label = `${EIGEN_GELD_NETTO}: ${[...new Set(ownLines.map((l) => postOf(l, all)))].join(' + ')}`;
  for (const jaar of years) {
    const known = ownLines.filter((l) => openIn([l.nr], jaar) === undefined);
    const a = known.reduce((s, l) => s + own(van, l.nr, jaar), 0);
    const b = known.reduce((s, l) => s + own(naar, l.nr, jaar), 0);
    const open = openIn(
      ownLines.map((l) => l.nr),
      jaar,
    );
    out.push(row('eigen-geld', netto, undefined, label, jaar, a, b, open));
  }
  return out;
}
