/**
 * What the Realisatie sheet computes besides the domain's totals, as pure functions: the key of a row
 * (Regeling|Onderdeel|Activiteit, as the sheet's formulas join it), which Realisatie rows have no
 * Begroting row with their key, and the prognose year the sheet starts from.
 */
import type { EditionYear } from '../../domain';
import type { RealisatieInvoer } from '../../domain/verantwoording';
import type { PlanContext } from '../context';

/** The fields of a row the key is made of. */
export interface KeyedRow {
  readonly regeling: string;
  readonly onderdeel?: number | undefined;
  readonly activiteit: string;
}

/** The key of a row as the sheet writes it: `Brede SPUK|3|Sportakkoord` (no onderdeel: `Brede SPUK||…`). */
export function keyText(r: KeyedRow): string {
  return `${r.regeling}|${r.onderdeel ?? ''}|${r.activiteit}`;
}

/**
 * Per Realisatie row (in order): true when it has an Activiteit and no Begroting row has its key
 * (compared as Excel's MATCH does: without regard to case). The sheet's signal counts these.
 */
export function keyMisses(realisatie: readonly KeyedRow[], begroting: readonly KeyedRow[]): boolean[] {
  const known = new Set(begroting.map((r) => keyText(r).toLowerCase()));
  return realisatie.map((r) => r.activiteit !== '' && !known.has(keyText(r).toLowerCase()));
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
