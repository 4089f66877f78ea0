import type { EditionLine, EditionYear, RoundedSplit } from '../domain';
import { euro, splitByWeights } from '../domain';
import type { ColumnKind } from './columns';
import { columnKind, regionKind } from './columns';
import type { NationalContext } from './context';
import { PERIOD_COL } from './layout';

/** One column of the per-gemeente grid on Afronding and Allocatie (the same letter on both sheets). */
export interface GridColumn {
  readonly col: number;
  readonly line: EditionLine;
  /** Position of the line among the allocated lines (0-based). */
  readonly li: number;
  /** A year, or 'niveau': the Rijk's structural level of the line for the gemeente. */
  readonly jaar: EditionYear | 'niveau';
  /** 1-based index of the year on the edition's axis (its column from E on Landelijk); 0 for the level block. */
  readonly yearIndex: number;
  /** What Allocatie computes here. */
  readonly kind: ColumnKind;
  /** What Afronding computes here: a key split also for a regional line whose regions sum their members. */
  readonly rounding: 'key' | 'row2a' | 'none';
}

/**
 * The column layout shared by Afronding and Allocatie: year-major blocks (the edition's years) of one
 * column per allocated line, then one block with each line's structural level (Rijk). Year-major
 * keeps each year's Brede SPUK onderdelen side by side, so a gemeente's Bijlage 2A total can be
 * split over them with a per-row largest remainder (a contiguous range per row).
 */
export interface GridLayout {
  readonly columns: readonly GridColumn[];
  readonly lineCount: number;
  readonly width: number;
  column(li: number, jaar: EditionYear | 'niveau'): GridColumn;
  /** The row-split years, each with its contiguous run of columns. */
  readonly rowSplits: readonly {
    readonly jaar: EditionYear;
    readonly from: number;
    readonly count: number;
  }[];
}

export function gridLayout(ctx: NationalContext): GridLayout {
  const nA = ctx.allocLines.length;
  const columns: GridColumn[] = [];
  ctx.years.forEach((jaar, yi) =>
    ctx.allocLines.forEach((line, li) => {
      const kind = columnKind(ctx, line, jaar);
      const members = kind === 'mandaat' && regionKind(ctx, line, jaar) === 'members';
      columns.push({
        col: PERIOD_COL + yi * nA + li,
        line,
        li,
        jaar,
        yearIndex: yi + 1,
        kind,
        rounding: kind === 'key' || members ? 'key' : kind === 'row2a' ? 'row2a' : 'none',
      });
    }),
  );
  ctx.allocLines.forEach((line, li) => {
    const level = line.ontvanger === 'gemeente' && (line.structureelNiveau ?? 0) > 0;
    columns.push({
      col: PERIOD_COL + ctx.years.length * nA + li,
      line,
      li,
      jaar: 'niveau',
      yearIndex: 0,
      kind: level ? 'key' : 'none',
      rounding: level ? 'key' : 'none',
    });
  });
  const rowSplits = ctx.years.flatMap((jaar) => {
    const cols = columns.filter((c) => c.jaar === jaar && c.kind === 'row2a');
    const first = cols[0];
    if (!first) return [];
    const from = first.col;
    if (cols.some((c, i) => c.col !== from + i))
      throw new Error(`Row-split columns of ${jaar} are not contiguous`);
    return [{ jaar, from, count: cols.length }];
  });
  return {
    columns,
    lineCount: nA,
    width: columns.length,
    column(li, jaar) {
      const c = columns.find((x) => x.li === li && x.jaar === jaar);
      if (!c) throw new RangeError(`No grid column for line ${li}, ${jaar}`);
      return c;
    },
    rowSplits,
  };
}

/** The national amount a grid column splits or shows (€): the line's amount in the year, or its level. */
export function columnNational(ctx: NationalContext, c: GridColumn): number {
  if (c.jaar === 'niveau') return c.line.structureelNiveau ?? 0;
  return ctx.ledger.national(c.line.nr, c.jaar).bedrag;
}

const keySplits = new WeakMap<NationalContext, Map<number, RoundedSplit>>();

/** The key split of a column's national amount (every rounding step), computed by the domain rule. */
export function keySplit(ctx: NationalContext, c: GridColumn): RoundedSplit {
  let cache = keySplits.get(ctx);
  if (!cache) keySplits.set(ctx, (cache = new Map()));
  const known = cache.get(c.col);
  if (known) return known;
  const split = splitByWeights(euro(columnNational(ctx, c)), ctx.key.weights, ctx.key.total);
  cache.set(c.col, split);
  return split;
}

const rowSplitCache = new WeakMap<NationalContext, Map<string, RoundedSplit>>();

/** The per-gemeente split of its Bijlage 2A total over the onderdelen of a row-split year. */
export function rowSplit(ctx: NationalContext, jaar: EditionYear, row: number): RoundedSplit {
  let cache = rowSplitCache.get(ctx);
  if (!cache) rowSplitCache.set(ctx, (cache = new Map()));
  const id = `${jaar}|${row}`;
  const known = cache.get(id);
  if (known) return known;
  const lines = ctx.allocLines.filter((l) => columnKind(ctx, l, jaar) === 'row2a');
  const weights = lines.map((l) => ctx.ledger.national(l.nr, jaar).bedrag as number);
  const code = ctx.gemeenten[row]?.code;
  const total = ctx.input.bijlage2A.find((p) => p.code === code && p.jaar === jaar)?.bedrag ?? euro(0);
  const split = splitByWeights(
    total,
    weights,
    weights.reduce((a, b) => a + b, 0),
  );
  cache.set(id, split);
  return split;
}

/** What Allocatie shows for a gemeente (row) in a column: the domain's amount. */
export function gridAmount(ctx: NationalContext, c: GridColumn, row: number): number {
  const code = ctx.gemeenten[row]?.code;
  if (code === undefined) return 0;
  if (c.jaar === 'niveau') return c.kind === 'none' ? 0 : ctx.ledger.structuralLevel(c.line.nr, code);
  if (c.kind === 'none') return 0;
  return ctx.ledger.gemeente(code, c.line.nr, c.jaar)?.bedrag ?? 0;
}
