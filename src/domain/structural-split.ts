import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { Period } from './periods';

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

/**
 * The BBV reading for the gemeente's own begroting: money under a beschikking with an end date is
 * incidental until a new regeling makes it lasting (Commissie BBV, notitie incidentele baten en lasten).
 * `vastgelegd` says whether a regeling after 2026 has made the line lasting.
 */
export function splitBbv(amount: Euro, vastgelegd: boolean): { structureel: Euro; incidenteel: Euro } {
  return vastgelegd ? { structureel: amount, incidenteel: ZERO } : { structureel: ZERO, incidenteel: amount };
}
