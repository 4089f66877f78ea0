/**
 * What the Realisatie sheet computes besides the domain's totals, as pure functions: the key of a row
 * (Regeling|Onderdeel|Activiteit, as the sheet's formulas join it), which Realisatie rows have no
 * Begroting row with their key, and the prognose year the sheet starts from.
 */
import type { EditionYear } from '../../domain';
import type { RealisatieInvoer } from '../../domain/verantwoording';
import type { PlanContext } from '../context';

// The key of a row and the rows without a Begroting row are the domain's (Controle's count is the scenario's).
export type { KeyedRow } from '../../domain/verantwoording';
export { keyMisses, keyText } from '../../domain/verantwoording';

/**
 * What the werkmap's search form of a key replaces, in this order: the marker `#` first (so the form
 * is one-to-one), then MATCH's wildcard characters `*`, `?` and `~` (Excel and LibreOffice read them
 * as wildcards and escapes in a lookup value, HyperFormula does not; without them every engine
 * compares the whole text). Each pair is one SUBSTITUTE on the sheet Besteding.
 */
export const ZOEK_VERVANGINGEN: readonly (readonly [string, string])[] = [
  ['#', '#h'],
  ['*', '#s'],
  ['?', '#q'],
  ['~', '#t'],
];

/** The search form of a key (`ZOEK_VERVANGINGEN` applied in order): "Brede SPUK|1|Sport*" → "Brede SPUK|1|Sport#s". */
export function zoekSleutel(key: string): string {
  return ZOEK_VERVANGINGEN.reduce((k, [c, by]) => k.split(c).join(by), key);
}

/**
 * The year of the column Prognose: the realisatie's (`Prognose <jaar>` in the file), else the year of
 * the edition's date (the current year when it was published: 2026 for vws-2026-04), within the
 * edition's years.
 */
export function prognoseJaarOf(ctx: PlanContext, realisatie: RealisatieInvoer): EditionYear {
  if (realisatie.prognoseJaar !== undefined) return realisatie.prognoseJaar;
  const years = ctx.years;
  const jaar = Number(ctx.input.edition.manifest.datum.slice(0, 4));
  const first = years[0] ?? jaar;
  const last = years[years.length - 1] ?? jaar;
  return Math.min(last, Math.max(first, jaar));
}
