/**
 * The key that joins a Realisatie row to its Begroting row (Regeling|Onderdeel|Activiteit), and the
 * Realisatie rows without one: Controle's check `realisatie-sleutel` and the sheet Besteding's
 * signal (issue #17, #19). Pure.
 */

/** The fields of a row the key is made of (a `BegrotingRegel` or `RealisatieRegel` has them). */
export interface KeyedRow {
  readonly regeling: string;
  readonly onderdeel?: number | undefined;
  readonly activiteit: string;
}

/** The key of a row as the werkmap's formulas join it: `Brede SPUK|3|Sportakkoord` (no onderdeel: `Brede SPUK||…`). */
export function keyText(r: KeyedRow): string {
  return `${r.regeling}|${r.onderdeel ?? ''}|${r.activiteit}`;
}

/**
 * Per Realisatie row (in order): true when it has an Activiteit and no Begroting row has its key,
 * compared as Excel's MATCH does (without regard to case), so the werkmap's count agrees.
 */
export function keyMisses(realisatie: readonly KeyedRow[], begroting: readonly KeyedRow[]): boolean[] {
  const known = new Set(begroting.map((r) => keyText(r).toLowerCase()));
  return realisatie.map((r) => r.activiteit !== '' && !known.has(keyText(r).toLowerCase()));
}

/** How many Realisatie rows have no Begroting row with their key (`keyMisses`). */
export function zonderBegroting(realisatie: readonly KeyedRow[], begroting: readonly KeyedRow[]): number {
  return keyMisses(realisatie, begroting).filter((x) => x).length;
}
