/**
 * What the begroting sheets share besides anchors: the keys of the beschikking grid (one row per
 * regeling total and Brede SPUK onderdeel), the years a regeling has money, and the starter rows of
 * a new Begroting table. Pure functions of the edition; no rows or columns.
 */
import type { BegrotingInvoer, BegrotingRegeling, BegrotingRegels, EditionYear } from '../../domain';
import { regelingLines, werkmapBegroting } from '../../domain';
import type { PlanContext } from '../context';
import { begrotingTable } from './fixed-cells';

/** Keys of the beschikking grid: the Brede SPUK total, its onderdelen, then one line per other regeling. */
export interface BeschikkingKey {
  readonly key: string;
  readonly regeling: BegrotingRegeling;
  /** Edition line for the plafond per line; undefined for the Brede SPUK total. */
  readonly nr: number | undefined;
  readonly omschrijving: string;
}

/** The key of a Brede SPUK onderdeel's row in the beschikking grid: `BS01` for onderdeel 1. */
export function onderdeelKey(nr: number): string {
  return `BS${String(nr).padStart(2, '0')}`;
}

/**
 * The beschikking grid's keys in row order: `BS`, one per Brede SPUK onderdeel of the edition
 * (`regels.onderdelen`: `BS01`..`BS15` shipped), `IZA`, `AZWA-L`, `AZWA-R`.
 */
export function beschikkingKeys(ctx: PlanContext, regels: BegrotingRegels): BeschikkingKey[] {
  const naam = (nr: number): string => ctx.lines.find((l) => l.nr === nr)?.naam ?? `Onderdeel ${nr}`;
  const single = (regeling: BegrotingRegeling, key: string): BeschikkingKey[] => {
    const line = regelingLines(ctx.lines, regeling)[0];
    return [{ key, regeling, nr: line?.nr ?? undefined, omschrijving: `${regeling} (totaal)` }];
  };
  return [
    { key: 'BS', regeling: 'Brede SPUK', nr: undefined, omschrijving: 'Brede SPUK (totaal)' },
    ...regels.onderdelen.map((nr) => ({
      key: onderdeelKey(nr),
      regeling: 'Brede SPUK' as const,
      nr,
      omschrijving: `${nr}. ${naam(nr)}`,
    })),
    ...single('SPUK IZA', 'IZA'),
    ...single('SPUK AZWA lokaal', 'AZWA-L'),
    ...single('SPUK AZWA regionaal', 'AZWA-R'),
  ];
}

/** The key of a regeling's single line in the beschikking grid (all but the Brede SPUK). */
export function regelingKey(regeling: Exclude<BegrotingRegeling, 'Brede SPUK'>): string {
  return regeling === 'SPUK IZA' ? 'IZA' : regeling === 'SPUK AZWA lokaal' ? 'AZWA-L' : 'AZWA-R';
}

/** The years in which a regeling has money (Brede SPUK and SPUK IZA to 2026, SPUK AZWA from 2027). */
export function regelingYears(ctx: PlanContext, regeling: BegrotingRegeling): readonly EditionYear[] {
  const lines = regelingLines(ctx.lines, regeling);
  return ctx.years.filter((y) =>
    lines.some((l) => ctx.input.edition.rule(l.regeling.id, y) !== undefined && y <= l.regeling.eindjaar),
  );
}

/**
 * The begroting a plan shows: the given one, or the starter rows without amounts; which rows is the
 * domain's decision (`werkmapBegroting`: Controle's `realisatie-sleutel` counts against the same rows).
 * The starter rows get the sheet rows of the table.
 */
export function planBegroting(ctx: PlanContext, begroting: BegrotingInvoer | undefined): BegrotingInvoer {
  if (begroting !== undefined) return begroting;
  const starter = werkmapBegroting(ctx.input.edition, undefined);
  const firstRow = begrotingTable(ctx.years).firstRow;
  return { ...starter, regels: starter.regels.map((r, i) => ({ ...r, rij: firstRow + i })) };
}
