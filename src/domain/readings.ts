import type { EditionLine, EditionYear, ResolvedEdition } from './edition';
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
 *   toekenningsbesluit"), also when the Rijk calls it structural: every year up to the regeling's
 *   end year is incidental, whatever the flag says. Money the edition shows after the regeling's end
 *   year (the Rijk's intended level, gala-2023) has no regeling at all: it cannot be budgeted
 *   (`nietTeBegroten`), unless a new regeling has made the line lasting in that year (`vastgelegd`,
 *   the user's flag per line and year, see `Vastlegging`): then it is structural.
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

/**
 * The BBV flag per line (Landelijk, "BBV vastgelegd vanaf"): line nr → 1 (a new regeling makes the
 * line lasting from the first year after its regeling's end year) or a year (from that year on).
 * A line that is not in the map is not vastgelegd. Only years after the regeling's end year can be
 * vastgelegd: before, the regeling's own end date makes the money incidental (`isVastgelegd`).
 */
export type Vastlegging = ReadonlyMap<number, number>;

/** A line flagged from a given year on (`vanaf`: 1 = from the first year after its regeling's end). */
export interface BbvVastlegging {
  readonly nr: number;
  readonly vanaf: number;
}

/**
 * The flags as a map: a bare line number means 1 (from the first year after the end), `{ nr, vanaf }`
 * from `vanaf`; 0 (or less) means not vastgelegd and is left out. Throws RangeError for a line stated
 * twice or a `vanaf` that is not a whole number.
 */
export function vastlegging(
  flags: readonly (number | BbvVastlegging)[] | ReadonlySet<number> = [],
): Vastlegging {
  const out = new Map<number, number>();
  for (const f of flags) {
    const { nr, vanaf } = typeof f === 'number' ? { nr: f, vanaf: 1 } : f;
    if (out.has(nr)) throw new RangeError(`BBV flag for line ${nr} stated twice`);
    if (!Number.isInteger(vanaf)) throw new RangeError(`BBV flag for line ${nr}: ${vanaf} is not a year`);
    if (vanaf > 0) out.set(nr, vanaf);
  }
  return out;
}

/**
 * Whether a line's money in `jaar` counts as vastgelegd under the BBV: flagged (`vanaf` > 0), after
 * its regeling's end year, and from `vanaf` on (1: every year after the end). The sheet's formula:
 * (F>0)*(jaar>=F)*(jaar>D), F the flag, D the end year.
 */
export function isVastgelegd(
  vanaf: Maybe<number>,
  jaar: EditionYear,
  eindjaar: EditionYear,
  heeftGeld = true,
): boolean {
  return heeftGeld && vanaf !== undefined && vanaf > 0 && jaar >= vanaf && jaar > eindjaar;
}

/**
 * Whether a regeling has money in a year of the edition: a rule for that year that is not
 * `beeindigd` (the edition's data: e.g. the SPUK AZWA 2027–2029 in vws-2026-04, not 2030, whose money
 * is the BFU in the gemeentefonds; the Brede SPUK's BRC after 2026 is an open post, no SPUK money).
 * The BBV flag acts only in such years (`isVastgelegd`'s `heeftGeld`, `bbvJaren`).
 */
export function regelingHeeftGeld(edition: ResolvedEdition, regeling: string, jaar: EditionYear): boolean {
  const rule = edition.rule(regeling, jaar);
  return rule !== undefined && rule.spec.regel !== 'beeindigd';
}

/**
 * The years of an axis in which a line of a regeling ending in `eindjaar` can be vastgelegd (after
 * the end year, and only where the regeling has money: `heeftGeld`, see `regelingHeeftGeld`); empty
 * where the regeling runs to the axis's last year (SPUK AZWA on 2023–2029) or has no money after its
 * end (SPUK AZWA in 2030 of vws-2026-04: the BFU): the flag then has no year to act on.
 */
export function bbvJaren(
  eindjaar: EditionYear,
  years: readonly EditionYear[],
  heeftGeld: (jaar: EditionYear) => boolean = () => true,
): EditionYear[] {
  return years.filter((y) => y > eindjaar && heeftGeld(y));
}

export interface ReadingOptions {
  /** The BBV flags per line (a set of line numbers: each from the first year after its end). */
  readonly vastgelegd?: Vastlegging | ReadonlySet<number>;
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

/**
 * Rijk and BBV split of one amount of a line in a year (see the module docstring). `vastgelegd`:
 * the line is vastgelegd in this year (`isVastgelegd`); it counts only after the end year: up to it
 * the money is incidental under the BBV whatever the flag.
 */
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
  return { rijkS, rijkI, bbvS: euro(0), bbvI: bedrag, niet: euro(0) };
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
  const given = options.vastgelegd ?? new Map<number, number>();
  const flags: Vastlegging = given instanceof Map ? given : vastlegging([...given.keys()]);
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
      const eind = line.regeling.eindjaar;
      const geld = regelingHeeftGeld(ledger.input.edition, line.regeling.id, jaar);
      const r = splitReadings(a, level, jaar, eind, isVastgelegd(flags.get(line.nr), jaar, eind, geld));
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
