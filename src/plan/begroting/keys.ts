/**
 * What the begroting sheets share besides anchors: the keys of the beschikking grid (one row per
 * regeling total and Brede SPUK onderdeel), the years a regeling has money, and the starter rows of
 * a new Begroting table. Pure functions of the edition; no rows or columns.
 */
import type {
  BegrotingInvoer,
  BegrotingRegel,
  BegrotingRegeling,
  BegrotingRegels,
  EditionYear,
} from '../../domain';
import { begrotingRegels, defaultTaakveld, euro, legeBegroting, regelingLines } from '../../domain';
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

/** Starter rows of a new Begroting table: one per Brede SPUK onderdeel and per other regeling the gemeente has. */
function starterRows(ctx: PlanContext): BegrotingRegel[] {
  const rows: BegrotingRegel[] = [];
  const zero = ctx.years.map(() => euro(0));
  const firstRow = begrotingTable(ctx.years).firstRow;
  const add = (regeling: BegrotingRegeling, onderdeel: number | undefined, activiteit: string) =>
    rows.push({
      rij: firstRow + rows.length,
      regeling,
      onderdeel,
      activiteit,
      taakveld: defaultTaakveld(regeling, onderdeel),
      uitvoerder: '',
      aard: 'incidenteel',
      lasten: zero,
      andereDekking: '',
      opmerking: '',
    });
  for (const nr of begrotingRegels(ctx.input.edition).onderdelen) {
    const line = ctx.lines.find((l) => l.nr === nr);
    if (line) add('Brede SPUK', nr, line.naam);
  }
  // The same starter rows for every gemeente (one workbook per gemeente shares the sheet): regional
  // money only counts on the mandaatgemeente's begroting, which the row says.
  for (const regeling of ['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const) {
    const line = regelingLines(ctx.lines, regeling)[0];
    if (!line) continue;
    add(
      regeling,
      undefined,
      line.ontvanger === 'mandaatgemeente' ? `${line.naam} (alleen als mandaatgemeente)` : line.naam,
    );
  }
  return rows;
}

/** The begroting a plan shows: the given one, or the starter rows without amounts. */
export function planBegroting(ctx: PlanContext, begroting: BegrotingInvoer | undefined): BegrotingInvoer {
  return begroting ?? { ...legeBegroting(ctx.input.edition), regels: starterRows(ctx) };
}
