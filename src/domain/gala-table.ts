import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { Check } from './reconciliation';
import type { Hoofdthema, Onderdeel, ReferenceData } from './types';
import { HOOFDTHEMAS } from './types';

/**
 * The GALA table as published (GALA 31-01-2023, p. 38, prijspeil 2023): one row per onderdeel (15
 * Brede SPUK lines and line 16, the IZA-middelen) with a national amount per year 2023–2026 and the
 * structural level the Rijk meant to continue after 2026, and the published total rows per hoofdthema.
 * It is source data: the ledger (`Ledger`) reads it through the rules `gala-tabel` and
 * `gala-structureel`; here only the table's own columns and its own checks live.
 */

/** The year columns of the GALA table (2023–2026). */
export const GALA_YEAR_COLUMNS = [2023, 2024, 2025, 2026] as const;
/** A year column of the GALA table (2023–2026); not the edition's year axis (`EditionYear`). */
export type GalaYear = (typeof GALA_YEAR_COLUMNS)[number];
/** A column of the GALA table: a year, or 'structureel' (the level the Rijk meant to continue after 2026). */
export type GalaColumn = GalaYear | 'structureel';
/** The columns of the GALA table in their published order. */
export const GALA_COLUMNS: readonly GalaColumn[] = [...GALA_YEAR_COLUMNS, 'structureel'];

/** The label of the GALA table's grand total row (all 16 lines). */
export const GRAND_TOTAL_LABEL = 'Brede SPUK inclusief IZA';

/** The national amount of a GALA line in a column of the table, in euros (0 where the table is blank). */
export function galaAmount(line: Onderdeel, column: GalaColumn): Euro {
  return column === 'structureel' ? (line.structureel ?? ZERO) : (line.amounts[column] ?? ZERO);
}

/** The GALA lines of one hoofdthema, in table order. */
export function linesOfHoofdthema(lines: readonly Onderdeel[], thema: Hoofdthema): Onderdeel[] {
  return lines.filter((l) => l.hoofdthema === thema);
}

/** Σ of the given GALA lines per column, in euros: `{ 2023, 2024, 2025, 2026, structureel }`. */
export function galaTotals(lines: readonly Onderdeel[]): Readonly<Record<GalaColumn, Euro>> {
  const sum = (c: GalaColumn): Euro => euro(lines.reduce((a, l) => a + galaAmount(l, c), 0));
  return {
    2023: sum(2023),
    2024: sum(2024),
    2025: sum(2025),
    2026: sum(2026),
    structureel: sum('structureel'),
  };
}

/** The GALA table's own checks: its total rows recomputed from its lines against the published ones. */
export interface GalaTableReport {
  /**
   * One check per total row (each hoofdthema, then `GRAND_TOTAL_LABEL`) × column, in that order; id
   * `totaal:<label>:<column>`; euros. Status `ok` (equal), `verschil` (differs) or `bron leeg` (the
   * source leaves the cell blank while the lines add up to more than zero).
   */
  readonly checks: readonly Check[];
  /** True when no total differs from the published one (a blank source cell is not a difference). */
  readonly ok: boolean;
}

/**
 * The GALA table's own checks, to the euro: Σ of the lines per hoofdthema and in total, per column
 * (2023–2026, structureel), against the published total rows (`data.publishedTotals`). A check on the
 * source, shown on the sheet Landelijk and counted on Controle.
 */
export function galaTableChecks(data: ReferenceData): GalaTableReport {
  const published = new Map(data.publishedTotals.map((t) => [t.label, t]));
  const groups: readonly { label: string; lines: readonly Onderdeel[] }[] = [
    ...HOOFDTHEMAS.map((h) => ({ label: h as string, lines: linesOfHoofdthema(data.onderdelen, h) })),
    { label: GRAND_TOTAL_LABEL, lines: data.onderdelen },
  ];
  const checks: Check[] = [];
  for (const { label, lines } of groups) {
    const totals = galaTotals(lines);
    const pub = published.get(label);
    for (const period of GALA_COLUMNS) {
      const verwacht = pub?.values[period];
      const berekend = totals[period];
      const status =
        verwacht === undefined
          ? berekend === 0
            ? 'ok'
            : 'bron leeg'
          : verwacht === berekend
            ? 'ok'
            : 'verschil';
      checks.push({ id: `totaal:${label}:${period}`, subject: label, period, verwacht, berekend, status });
    }
  }
  return { checks, ok: checks.every((c) => c.status !== 'verschil') };
}
