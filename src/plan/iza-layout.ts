/**
 * Where the IZA sheet puts things, known before it is filled: Verdeelsleutel and Afronding read its
 * membership table, Allocatie its regional amounts and the mandaatgemeente codes. A module of its own
 * (no sheet imports), so the sheets that read IZA's anchors and the IZA sheet itself form no circle.
 */
import type { EditionLine, EditionYear } from '../domain';
import { RowCursor, SheetRange } from './anchors';
import type { RegionKind } from './columns';
import { regionKind } from './columns';
import type { NationalContext } from './context';
import { afterYears, PERIOD_COL, SHEETS } from './layout';

export const HEADER_ROW = 10;

/**
 * The columns right of the years (n of them from E) on IZA: `weight` (the SPUK IZA key's weight) and
 * `status` (membership status) share the first column after the years, `note` the next; `methods`
 * (the list of indelingsmethoden) three further. For the seven years 2023–2029: L, L, M, P.
 */
export interface IzaColumns {
  readonly weight: number;
  readonly status: number;
  readonly note: number;
  readonly methods: number;
}

/** Regional blocks: A regio, B mandaatgemeente, C its CBS code, D leden, the years from E, then `IzaColumns`. */
export function izaColumns(years: readonly EditionYear[]): IzaColumns {
  const after = afterYears(years);
  return { weight: after, status: after, note: after + 1, methods: after + 4 };
}

/** One regional line (SPUK IZA, SPUK AZWA regionaal): what each region's mandaatgemeente receives. */
export interface RegionalBlock {
  readonly nr: number;
  /** The year columns (from E): amount per region and year (€). */
  readonly amounts: SheetRange;
  /** The year columns: Σ regions − national (0 = goed). */
  readonly check: SheetRange;
  /** Where the line's split over the regions is computed (regionKey years), if any. */
  readonly rounding?: { readonly corrections: SheetRange; readonly checks: SheetRange };
}

/** What IZA exposes. */
export interface IzaCells {
  /** A: region names (the list a membership must choose from). */
  readonly regions: SheetRange;
  /** B: mandaatgemeente per region. */
  readonly mandaat: SheetRange;
  /** C: the mandaatgemeente's CBS code (empty for an openbaar lichaam such as SamenTwente). */
  readonly mandaatCodes: SheetRange;
  /** D: members per region; D on the total row: all members. */
  readonly memberCount: SheetRange;
  readonly regional: readonly RegionalBlock[];
  /** The membership table, one row per gemeente in CBS order: code (A), region (C, input), method (D, input). */
  readonly members: {
    readonly codes: SheetRange;
    readonly regions: SheetRange;
    readonly methods: SheetRange;
  };
}

export interface IzaLayout {
  readonly cells: IzaCells;
  readonly blocks: readonly {
    readonly line: EditionLine;
    readonly title: number;
    readonly first: number;
    readonly total: number;
    readonly nationalRow: number;
    readonly round?: {
      readonly d: number;
      readonly rests: number;
      readonly corr: number;
      readonly sum: number;
    };
  }[];
  readonly memberTitle: number;
  readonly memberFirst: number;
  /** For each regional line with member-sum years: the first of its share columns (one per year) in the member table. */
  readonly shareCols: ReadonlyMap<number, number>;
  /** The columns right of the years. */
  readonly columns: IzaColumns;
}

export function regionalLines(ctx: NationalContext): EditionLine[] {
  return ctx.allocLines.filter((l) => l.ontvanger === 'mandaatgemeente');
}

/** How each year of a regional line is computed per region. */
export function kinds(ctx: NationalContext, line: EditionLine): RegionKind[] {
  return ctx.years.map((y) => regionKind(ctx, line, y));
}

/**
 * Where IZA puts things, before the sheet is filled: Verdeelsleutel and Afronding read the membership
 * table, Allocatie reads the regional amounts and the mandaatgemeente codes.
 */
export function layoutIza(ctx: NationalContext): IzaLayout {
  const nR = ctx.data.izaRegios.length;
  const nG = ctx.gemeenten.length;
  const nY = ctx.years.length;
  const rows = new RowCursor(HEADER_ROW + 1);
  const at = (top: number, col: number, count: number, cols = 1) =>
    SheetRange.at(SHEETS.iza, top, col, count, cols);
  const blocks = regionalLines(ctx).map((line, i) => {
    if (i > 0) rows.skip(2);
    const title = i === 0 ? HEADER_ROW - 1 : rows.take(2);
    const nationalRow = rows.take();
    const first = rows.take(nR);
    const total = rows.take();
    rows.take(); // check
    const needsRounding = kinds(ctx, line).includes('regionKey');
    const round = needsRounding
      ? (() => {
          rows.skip();
          const d = rows.take(3);
          const rests = rows.take(nR);
          const corr = rows.take(nR);
          const sum = rows.take();
          rows.take(); // sum − d
          return { d, rests, corr, sum };
        })()
      : undefined;
    return { line, title, first, total, nationalRow, ...(round ? { round } : {}) };
  });
  rows.skip(3);
  const memberTitle = rows.take(2);
  const memberFirst = rows.take(nG);
  const shareCols = new Map<number, number>();
  let next = PERIOD_COL;
  for (const line of regionalLines(ctx))
    if (kinds(ctx, line).includes('members')) {
      shareCols.set(line.nr, next);
      next += nY;
    }
  const firstBlock = blocks[0];
  const top = firstBlock?.first ?? HEADER_ROW + 1;
  return {
    cells: {
      regions: at(top, 1, nR),
      mandaat: at(top, 2, nR),
      mandaatCodes: at(top, 3, nR),
      memberCount: at(firstBlock?.total ?? top + nR, 4, 1),
      regional: blocks.map((b) => ({
        nr: b.line.nr,
        amounts: at(b.first, PERIOD_COL, nR, nY),
        check: at(b.total + 1, PERIOD_COL, 1, nY),
        ...(b.round
          ? {
              rounding: {
                corrections: at(b.round.corr, PERIOD_COL, nR, nY),
                checks: at(b.round.sum + 1, PERIOD_COL, 1, nY),
              },
            }
          : {}),
      })),
      members: {
        codes: at(memberFirst, 1, nG),
        regions: at(memberFirst, 3, nG),
        methods: at(memberFirst, 4, nG),
      },
    },
    blocks,
    memberTitle,
    memberFirst,
    shareCols,
    columns: izaColumns(ctx.years),
  };
}
