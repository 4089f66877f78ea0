import type { EditionLine, EditionYear } from './edition';
import { isNationalOnly } from './edition';
import type { Ledger } from './ledger';
import type { Euro } from './money';
import { euro } from './money';
import type { CbsCode, Maybe } from './types';

/**
 * The two readings of structural and incidental money, per year 2023–2029, for a gemeente (what it
 * receives) or nationally, plus the afloop: what stops after each year.
 *
 * - Rijk: the part of a line up to the structural level the Rijk states (GALA "structureel") is
 *   structural, the rest incidental; a line without a stated level (SPUK AZWA) is incidental.
 * - BBV (the gemeente's own begroting): money under a regeling with an end date is incidental
 *   (Commissie BBV, notitie incidentele baten en lasten: "eindigheid vastgelegd in een
 *   toekenningsbesluit"), also when the Rijk calls it structural. Only a line a new regeling has made
 *   lasting (`vastgelegd`, the user's flag) counts its Rijk-structural part as structural. Money the
 *   edition shows after the regeling's end year (the Rijk's intended level, gala-2023) has no
 *   regeling at all: it cannot be budgeted (`nietTeBegroten`).
 */
export interface YearReading {
  readonly jaar: EditionYear;
  readonly bedrag: Euro;
  readonly rijkStructureel: Euro;
  readonly rijkIncidenteel: Euro;
  readonly bbvStructureel: Euro;
  readonly bbvIncidenteel: Euro;
  readonly nietTeBegroten: Euro;
  /** Rijk structural but not structural under the BBV: the risk for the begroting. */
  readonly risico: Euro;
  /** What stops after this year (Σ over lines of the decrease to the next year; after 2029 everything). */
  readonly valtWeg: Euro;
}

export interface ReadingOptions {
  /** Line numbers a new regeling has made lasting (BBV). */
  readonly vastgelegd?: ReadonlySet<number>;
  /** Only these regelingen (ids); default all. */
  readonly regelingen?: readonly string[];
  /** Include what a mandaatgemeente receives for its region (default: own money only). */
  readonly regionaal?: boolean;
  /**
   * Without a gemeente: 'landelijk' (default) reads the national amounts of every line; 'gemeenten'
   * reads Σ over all gemeenten of their own money (the workbook's NL view).
   */
  readonly scope?: 'landelijk' | 'gemeenten';
}

/** Rijk and BBV split of one amount of a line in a year (see the module docstring). */
export function splitReadings(
  bedrag: Euro,
  level: Euro,
  jaar: EditionYear,
  eindjaar: EditionYear,
  vastgelegd: boolean,
): { rijkS: Euro; rijkI: Euro; bbvS: Euro; bbvI: Euro; niet: Euro } {
  const rijkS = euro(Math.max(0, Math.min(bedrag, level)));
  const rijkI = euro(bedrag - rijkS);
  if (jaar > eindjaar) {
    return vastgelegd
      ? { rijkS, rijkI, bbvS: bedrag, bbvI: euro(0), niet: euro(0) }
      : { rijkS, rijkI, bbvS: euro(0), bbvI: euro(0), niet: bedrag };
  }
  const bbvS = vastgelegd ? rijkS : euro(0);
  return { rijkS, rijkI, bbvS, bbvI: euro(bedrag - bbvS), niet: euro(0) };
}

/** The lines a reading covers for a gemeente (undefined: nationally). */
function linesOf(ledger: Ledger, code: Maybe<CbsCode>, options: ReadingOptions): EditionLine[] {
  return ledger.lines.filter((l) => {
    if (options.regelingen && !options.regelingen.includes(l.regeling.id)) return false;
    if (code === undefined && options.scope === 'gemeenten')
      return l.ontvanger === 'gemeente' || (l.ontvanger === 'mandaatgemeente' && options.regionaal === true);
    if (code === undefined) return true;
    if (isNationalOnly(l.ontvanger)) return false;
    return l.ontvanger === 'gemeente' || options.regionaal === true;
  });
}

function amountOf(
  ledger: Ledger,
  line: EditionLine,
  jaar: EditionYear,
  code: Maybe<CbsCode>,
  scope: ReadingOptions['scope'],
): Euro {
  if (code === undefined)
    return scope === 'gemeenten' ? ledger.sumGemeenten(line.nr, jaar) : ledger.national(line.nr, jaar).bedrag;
  return ledger.gemeente(code, line.nr, jaar)?.bedrag ?? euro(0);
}

/** Both readings and the afloop per year of the edition (2023–2029 for the shipped ones) for a gemeente (or nationally when `code` is undefined). */
export function readings(ledger: Ledger, code: Maybe<CbsCode>, options: ReadingOptions = {}): YearReading[] {
  const lines = linesOf(ledger, code, options);
  const flags = options.vastgelegd ?? new Set<number>();
  const years = ledger.years;
  return years.map((jaar, yi) => {
    const next = years[yi + 1];
    let bedrag = 0;
    let rijkS = 0;
    let rijkI = 0;
    let bbvS = 0;
    let bbvI = 0;
    let niet = 0;
    let valtWeg = 0;
    for (const line of lines) {
      const a = amountOf(ledger, line, jaar, code, options.scope);
      const level = ledger.structuralLevel(line.nr, code);
      const r = splitReadings(a, level, jaar, line.regeling.eindjaar, flags.has(line.nr));
      bedrag += a;
      rijkS += r.rijkS;
      rijkI += r.rijkI;
      bbvS += r.bbvS;
      bbvI += r.bbvI;
      niet += r.niet;
      const after = next === undefined ? 0 : amountOf(ledger, line, next, code, options.scope);
      valtWeg += Math.max(0, a - after);
    }
    return {
      jaar,
      bedrag: euro(bedrag),
      rijkStructureel: euro(rijkS),
      rijkIncidenteel: euro(rijkI),
      bbvStructureel: euro(bbvS),
      bbvIncidenteel: euro(bbvI),
      nietTeBegroten: euro(niet),
      risico: euro(rijkS - bbvS),
      valtWeg: euro(valtWeg),
    };
  });
}

/**
 * How the Rijk's reading labels a whole line of an edition: incidenteel (no structural level stated:
 * it ends), structureel (no year above the level), deels structureel (some year above the level).
 */
export function aardLine(ledger: Ledger, nr: number): 'incidenteel' | 'structureel' | 'deels structureel' {
  const level = ledger.line(nr).structureelNiveau ?? 0;
  if (level <= 0) return 'incidenteel';
  const max = Math.max(...ledger.years.map((y) => ledger.national(nr, y).bedrag));
  return max > level ? 'deels structureel' : 'structureel';
}
