import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { Period } from './periods';
import { YEARS } from './periods';
import type { Onderdeel } from './types';

/**
 * The Rijk's reading: a line with a structural level continues after 2026. In a year, the part up
 * to that level is structural and the rest incidental; a line without a structural level is
 * incidental in full. The structural level itself is structural by definition.
 */
export function splitStructural(
  amount: Euro,
  structuralLevel: Euro,
  period: Period,
): { structureel: Euro; incidenteel: Euro } {
  if (period === 'structureel') return { structureel: amount, incidenteel: ZERO };
  const s = Math.max(0, Math.min(amount, structuralLevel));
  return { structureel: euro(s), incidenteel: euro(amount - s) };
}

/** How the Rijk's reading labels a line in a period. */
export type Aard = 'geen bedrag' | 'incidenteel' | 'structureel' | 'deels structureel';

export function aardRijk(amount: Euro, structuralLevel: Euro): Aard {
  if (amount <= 0) return 'geen bedrag';
  if (structuralLevel <= 0) return 'incidenteel';
  return amount > structuralLevel ? 'deels structureel' : 'structureel';
}

/** The BBV reading of one amount: structural, incidental, and (after 2026) what may not be budgeted at all. */
export interface BbvSplit {
  readonly structureel: Euro;
  readonly incidenteel: Euro;
  /** After 2026 only: the Rijk's structural level that the gemeente may not yet count on. */
  readonly nietTeBegroten: Euro;
}

/**
 * The BBV reading for the gemeente's own begroting: money under a beschikking with an end date is
 * incidental (Commissie BBV, notitie incidentele baten en lasten; "eindigheid vastgelegd in een
 * toekenningsbesluit"). Only when a new regeling makes a line lasting (`vastgelegd`) does the part
 * that continues after 2026 (the Rijk's structural part) count as structural. After 2026 there is no
 * money under the current beschikking: without a new regeling the structural level cannot be budgeted.
 */
export function splitBbv(amount: Euro, structuralLevel: Euro, period: Period, vastgelegd: boolean): BbvSplit {
  const rijk = splitStructural(amount, structuralLevel, period);
  if (period === 'structureel') {
    return vastgelegd
      ? { structureel: amount, incidenteel: ZERO, nietTeBegroten: ZERO }
      : { structureel: ZERO, incidenteel: ZERO, nietTeBegroten: amount };
  }
  const s = vastgelegd ? rijk.structureel : ZERO;
  return { structureel: s, incidenteel: euro(amount - s), nietTeBegroten: ZERO };
}

/**
 * The label of a whole line in the Rijk's reading: incidenteel (no structural level: it ends),
 * structureel (no year above the level), deels structureel (some year above the level).
 */
export function aardOnderdeel(line: Onderdeel): Exclude<Aard, 'geen bedrag'> {
  const level = line.structureel ?? 0;
  if (level <= 0) return 'incidenteel';
  const max = Math.max(...YEARS.map((y) => line.amounts[y] ?? 0));
  return max > level ? 'deels structureel' : 'structureel';
}
