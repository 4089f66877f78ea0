import type { EditionYear } from './edition';
import type { Ledger } from './ledger';
import type { Euro } from './money';
import { euro } from './money';
import type { CbsCode, Maybe } from './types';

/** A change above this share (in %) of the earlier amount is flagged. */
export const DIFF_SIGNAL_PCT = 5;

/** One row of "wat is er veranderd": a line (or a regeling total, `nr` undefined) in a year. */
export interface EditionDiffRow {
  readonly regeling: string;
  readonly regelingNaam: string;
  /** Undefined for the regeling's total. */
  readonly nr: Maybe<number>;
  readonly onderdeel: string;
  readonly jaar: EditionYear;
  readonly van: Euro;
  readonly naar: Euro;
  readonly verschil: Euro;
  /** Change in % of `van`, rounded to 0,1; undefined when `van` is 0. */
  readonly procent: Maybe<number>;
  /** |procent| above DIFF_SIGNAL_PCT, or money appearing from (or vanishing to) nothing. */
  readonly signaal: boolean;
}

function row(
  regeling: string,
  regelingNaam: string,
  nr: Maybe<number>,
  onderdeel: string,
  jaar: EditionYear,
  van: number,
  naar: number,
): EditionDiffRow {
  const verschil = naar - van;
  const procent = van === 0 ? undefined : Math.round((verschil / Math.abs(van)) * 1000) / 10;
  const signaal = procent === undefined ? naar !== 0 : Math.abs(procent) > DIFF_SIGNAL_PCT;
  return {
    regeling,
    regelingNaam,
    nr,
    onderdeel,
    jaar,
    van: euro(van),
    naar: euro(naar),
    verschil: euro(verschil),
    procent,
    signaal,
  };
}

/**
 * What changed from one edition to another, per regeling, onderdeel and year 2023–2029: for a
 * gemeente (what it receives, as mandaatgemeente included) or nationally (`code` undefined). Lines
 * only one edition knows count as 0 in the other. Each regeling also gets a total row per year.
 * Both ledgers must use the same key (the comparison is about the editions, not the key).
 */
export function editionDiff(van: Ledger, naar: Ledger, code?: CbsCode): EditionDiffRow[] {
  const amount = (l: Ledger, nr: number, jaar: EditionYear): number => {
    if (!l.lines.some((x) => x.nr === nr)) return 0;
    return code === undefined ? l.national(nr, jaar).bedrag : (l.gemeente(code, nr, jaar)?.bedrag ?? 0);
  };
  const receives = (l: Ledger, nr: number): boolean => {
    const line = l.lines.find((x) => x.nr === nr);
    if (!line) return false;
    if (code === undefined) return true;
    return (
      line.ontvanger === 'gemeente' || (line.ontvanger === 'mandaatgemeente' && l.mandaatVan(code).length > 0)
    );
  };
  const byNr = new Map([...van.lines, ...naar.lines].map((l) => [l.nr, l]));
  const lines = [...byNr.values()]
    .filter((l) => receives(van, l.nr) || receives(naar, l.nr))
    .sort((a, b) => a.nr - b.nr);
  const regelingen = [...new Map(lines.map((l) => [l.regeling.id, l.regeling])).values()];
  // The year axis of both editions (a later edition may add a year).
  const years = [...new Set([...van.years, ...naar.years])].sort((a, b) => a - b);
  const out: EditionDiffRow[] = [];
  for (const reg of regelingen) {
    const own = lines.filter((l) => l.regeling.id === reg.id);
    for (const l of own)
      for (const jaar of years)
        out.push(
          row(reg.id, reg.naam, l.nr, l.naam, jaar, amount(van, l.nr, jaar), amount(naar, l.nr, jaar)),
        );
    for (const jaar of years) {
      const a = own.reduce((s, l) => s + amount(van, l.nr, jaar), 0);
      const b = own.reduce((s, l) => s + amount(naar, l.nr, jaar), 0);
      out.push(row(reg.id, reg.naam, undefined, `Totaal ${reg.naam}`, jaar, a, b));
    }
  }
  return out;
}
