/**
 * The sheet Besteding (the add-in's, rewritten on every refresh): begroting against realisatie per
 * regeling and year, live over the user's table Realisatie (its checked capacity,
 * `BEGROTING_CAPACITEIT` rows, by position, so sorting and added rows do not matter), as
 * `verantwoording()` (src/domain/verantwoording) takes them:
 * - the peiljaar: the prognose year (Realisatie!E4) when a row has a prognose, else the last year with
 *   realisatie (0: none), from two hidden helper rows;
 * - per regeling with a verantwoording and year: realisatie (SUMIFS), prognose (in the prognose year:
 *   Σ prognose + the realisatie of rows without one), begroting (SUMIFS over the Begroting table),
 *   besteding (after the peiljaar the begroting, else the prognose where one of the regeling's own
 *   rows gives one, the domain's basis per regeling: a hidden row per regeling, which the
 *   per-onderdeel block and the Verantwoording's H35B block read too, else the realisatie); the
 *   prognose's two helper rows hidden (machinery off paper, #18); and what the sheet Verantwoording reads as its besteding (in the per-onderdeel years: without
 *   the onderdelen's);
 * - per onderdeel in the per-onderdeel years (Brede SPUK 2023–2024): realisatie, begroting and
 *   besteding (a prognose counts per regeling, as the regeling's own besteding);
 * - per table row: the key Regeling|Onderdeel|Activiteit of the Begroting row and of the Realisatie
 *   row, and 1 where a filled Realisatie row's key is no Begroting row's; B3 counts them (the signal,
 *   shown on the sheet Realisatie too), compared in a search form without wildcards; and the Regeling
 *   of each row with a prognose (the regelingen whose prognose counts);
 * - a mandaatgemeente's SPUK IZA: per spelling of the gemeente and of each listed medeoverheid the
 *   rows whose Uitvoerder it matches (COUNTIFS, as the H35B SUMIFS compare); B4 the rows whose
 *   Uitvoerder has spaces before or after it (Controle's `realisatie-uitvoerder`).
 * The blocks sit on their own sheet, not beside the user's table: a row the user inserts across the
 * sheet would move them (a user-owned sheet keeps the add-in's ranges above its table).
 * Expected values: the scenario's verantwoording (every total and besteding), the realisatie's rows
 * (the prognose helpers) and `keyMisses` (the keys).
 */
import type { EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT } from '../../domain';
import type { RealisatieInvoer, RegelingVerantwoording } from '../../domain/verantwoording';
import { uitvoerderIs, uitvoerderSpellingen } from '../../domain/verantwoording';
import { cellAddress, columnLetter } from '../a1';
import { RowCursor, SheetRange } from '../anchors';
import type { BegrotingTableCells } from '../begroting/fixed-cells';
import { begrotingTable } from '../begroting/fixed-cells';
import type { PlanContext } from '../context';
import { SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import type { Built } from '../sheet-builder';
import { linesHeight, wrapText } from '../text-fit';
import type { CellValue } from '../types';
import type { RealisatieTableCells } from './fixed-cells';
import { BESTEDING_UITVOERDER_ONBEKEND, PROGNOSE_KOLOM } from './fixed-cells';
import type { KeyedRow } from './keys';
import { keyMisses, keyText, ZOEK_VERVANGINGEN, zoekSleutel } from './keys';

/** What the sheet Verantwoording reads of one regeling (cells on the sheet Besteding). */
export interface BestedingFeed {
  /** Per year of the regeling: its besteding (per-onderdeel years: without the onderdelen's). */
  readonly invoer: SheetRange;
  /** Onderdelen (the verantwoording's order) × per-onderdeel years: their besteding. */
  readonly onderdelen: SheetRange | undefined;
  /**
   * Per year of the regeling: 1 where its prognose counts (the prognose year, and one of the
   * regeling's own rows has a prognose: the domain's basis per regeling), else 0. A hidden row.
   */
  readonly prognose: SheetRange;
}

export interface BestedingCells {
  /** By regeling id (`brede-spuk`, `spuk-iza`). */
  readonly feed: ReadonlyMap<string, BestedingFeed>;
  readonly peiljaar: SheetRange;
  /** The number of Realisatie rows whose key matches no Begroting row. */
  readonly zonderBegroting: SheetRange;
  /**
   * A mandaatgemeente's SPUK IZA: the number of Realisatie rows whose Uitvoerder is neither empty,
   * the gemeente nor a medeoverheid on the sheet (B4); undefined for another gemeente.
   */
  readonly uitvoerderOnbekend: SheetRange | undefined;
  /**
   * Column A under the printed blocks: where `verantwoordingTekstSection` (checks.ts) lists the
   * Verantwoording's inputs with their text count (on screen, not on paper: #18).
   */
  readonly invoerTekst: SheetRange;
}

/** Column A's width (characters): the labels, an onderdeel's name wraps within it. */
const LABEL_WIDTH = 52;
/** The first row of the blocks (their heading row). */
const HEAD = 5;
/** Label, Regeling and Onderdeel, then the years. */
const FIRST_YEAR_COL = 4;

/** Builds the sheet Besteding over the Realisatie table `table` and the given rows (for the expected values). */
export function buildBesteding(
  ctx: PlanContext,
  table: RealisatieTableCells,
  rows: {
    readonly realisatie: RealisatieInvoer;
    readonly begroting: readonly KeyedRow[];
    readonly regelingen: readonly RegelingVerantwoording[];
    readonly peiljaar: EditionYear | undefined;
  },
): Built<BestedingCells> {
  const s = new SheetBuilder(SHEETS.besteding, 'berekening');
  s.value('A1', 'Besteding: begroting, realisatie en prognose per regeling en jaar', 'title');
  s.value(
    'A2',
    `Uit de tabel op het blad ${SHEETS.realisatie} (de eerste ${BEGROTING_CAPACITEIT} rijen) en de tabel op het blad ${SHEETS.begroting}. Het blad ${SHEETS.verantwoording} rekent met de regels "Naar blad ${SHEETS.verantwoording}". Na het peiljaar telt de begroting.`,
    'subtitle',
  );
  // The key block (and its column of regelingen with a prognose, which the totals read) right of the
  // widest block of totals.
  const keysLeft = totalsRight(ctx, rows.regelingen) + 2;
  const metPrognose = SheetRange.at(SHEETS.besteding, HEAD + 1, keysLeft + 5, BEGROTING_CAPACITEIT);
  const totals = totalsSection(s, ctx, table, rows, metPrognose);
  if (totals.right + 2 !== keysLeft) throw new Error('Besteding: the key block overlaps the totals');
  const keys = keySection(s, ctx, table, rows, keysLeft);
  const uitvoerder = uitvoerderSection(s, ctx, table, rows, totals.right + 9);
  s.width('A', LABEL_WIDTH).width('B', 14).width('C', 10);
  for (let c = FIRST_YEAR_COL; c <= totals.right; c++) s.width(columnLetter(c), 13);
  s.freezeAt(HEAD, 1);
  s.printAs('landscape', true);
  // On one page (the per-onderdeel blocks side by side keep it at 7 pt or more, #18).
  s.printLayout({ area: `A1:${columnLetter(totals.right)}${totals.bottom}`, fitToHeight: 1 });
  return {
    sheet: s,
    cells: {
      feed: totals.feed,
      peiljaar: totals.peiljaar,
      zonderBegroting: keys,
      uitvoerderOnbekend: uitvoerder,
      invoerTekst: SheetRange.at(SHEETS.besteding, totals.bottom + 2, 1),
    },
  };
}

/** The last column of the totals: the last year's, or an onderdelen block's beyond it (`onderdelenBlock`). */
function totalsRight(ctx: PlanContext, regelingen: readonly RegelingVerantwoording[]): number {
  const years = ctx.years;
  let right = FIRST_YEAR_COL + years.length - 1;
  for (const r of regelingen) {
    const m = onderdelenYears(r);
    if (m.length > 0) right = Math.max(right, FIRST_YEAR_COL + years.indexOf(m[0] ?? 0) + 5 * m.length - 1);
  }
  return right;
}

/** The per-onderdeel years of a regeling that has onderdelen (none: no onderdelen block). */
function onderdelenYears(r: RegelingVerantwoording): readonly EditionYear[] {
  const years = r.regels.perOnderdeelJaren.filter((y) => r.regels.jaren.includes(y));
  return r.onderdelen.length === 0 ? [] : years;
}

/**
 * The year and prognose helpers, the peiljaar, and per regeling the rows (and its onderdelen);
 * `metPrognose` the key block's column of the Regeling of each table row with a prognose.
 */
function totalsSection(
  s: SheetBuilder,
  ctx: PlanContext,
  table: RealisatieTableCells,
  from: Parameters<typeof buildBesteding>[2],
  metPrognose: SheetRange,
): {
  readonly feed: Map<string, BestedingFeed>;
  readonly peiljaar: SheetRange;
  readonly right: number;
  readonly bottom: number;
} {
  const years = ctx.years;
  const Y = (y: EditionYear) => FIRST_YEAR_COL + years.indexOf(y);
  const Yl = (y: EditionYear) => columnLetter(Y(y));
  const right = FIRST_YEAR_COL + years.length - 1;
  const y0 = years[0] ?? 0;
  const rows = new RowCursor(HEAD);
  // Column C: the onderdelen's number (a key, not shown: their names are in column A), no heading.
  s.values(`A${rows.take()}`, [['', 'Regeling', '', ...years]], 'header');
  const yearHead = (y: EditionYear) => `${Yl(y)}$${HEAD}`;
  const span = (row: number, from: EditionYear, count: number) =>
    `${cellAddress(row, Y(from))}:${cellAddress(row, Y(from) + count - 1)}`;
  const prog = table.column(PROGNOSE_KOLOM).abs();
  const P = table.prognoseJaar.abs();
  const real = from.realisatie;
  // A year with realisatie: some row has a non-zero amount in it.
  const metReal = rows.take();
  s.value(`A${metReal}`, 'Jaar met realisatie (0: geen)', 'note');
  const yearsCol = table.years.cols(0).fixRow();
  s.formula(
    span(metReal, y0, years.length),
    `IF(COUNTIF(${yearsCol},">0")+COUNTIF(${yearsCol},"<0")>0,${yearHead(y0)},0)`,
    (_r, c) => (real.regels.some((r) => (r.lasten[c] ?? 0) !== 0) ? (years[c] ?? 0) : 0),
  );
  // 1 in the prognose year when a row has a prognose: where the prognose counts.
  const metProg = rows.take();
  s.value(`A${metProg}`, 'Prognosejaar met een prognose (1: ja)', 'note');
  const progFlag = (y: EditionYear | undefined) => (y !== undefined && y === real.prognoseJaar ? 1 : 0);
  s.formula(span(metProg, y0, years.length), `(${yearHead(y0)}=${P})*(COUNT(${prog})>0)`, (_r, c) =>
    progFlag(years[c]),
  );
  // The two rows above are machinery (issue #18: no rekenhulp on paper): hidden, formulas live.
  s.hideRows(metReal, metProg);
  const peilRow = rows.take();
  s.value(
    `A${peilRow}`,
    'Peiljaar (prognosejaar met een prognose, anders het laatste jaar met realisatie)',
    'rowHeader',
  );
  const peiljaar = SheetRange.at(SHEETS.besteding, peilRow, FIRST_YEAR_COL);
  s.formula(
    peiljaar.address(),
    `IF(COUNT(${prog})>0,${P},MAX(${span(metReal, y0, years.length)}))`,
    () => from.peiljaar ?? 0,
  );
  const at: RegelingAt = {
    Y,
    yearHead,
    span,
    prog,
    metProg,
    peil: peiljaar.local().abs(),
    table,
    realisatie: real.regels,
    prognoseJaar: real.prognoseJaar,
    metPrognose: metPrognose.local().abs(),
    lineNames: new Map(ctx.input.edition.lines.map((l) => [l.nr, l.naam] as const)),
  };
  const feed = new Map<string, BestedingFeed>();
  // Years as years (2026, not 2.026); the 0/1 flags read the same in this format.
  s.format(`${Yl(y0)}${metReal}:${columnLetter(right)}${peilRow}`, 'year');
  const top = rows.next;
  const totals: SheetRange[] = [];
  // The last column with amounts: the last year's, or an onderdelen block's beyond it.
  let widest = right;
  for (const r of from.regelingen) {
    rows.skip();
    const written = regelingRows(s, rows, r, real, at);
    feed.set(r.regels.regeling, written.feed);
    totals.push(written.besteding);
    widest = Math.max(widest, written.right);
  }
  // One number format over all the amounts (a format per block costs a write operation each).
  s.format(`${Yl(y0)}${top}:${columnLetter(widest)}${rows.next - 1}`, 'euro');
  for (const t of totals) s.format(t.address(), 'euroTotal');
  tekstRow(s, rows, table, Yl(y0), columnLetter(right));
  return { feed, peiljaar, right: widest, bottom: rows.next - 1 };
}

interface RegelingAt {
  readonly Y: (y: EditionYear) => number;
  readonly yearHead: (y: EditionYear) => string;
  readonly span: (row: number, from: EditionYear, count: number) => string;
  readonly prog: string;
  readonly metProg: number;
  readonly peil: string;
  readonly table: RealisatieTableCells;
  /** The realisatie's rows and prognose year (the expected values of the per-onderdeel prognose). */
  readonly realisatie: RealisatieInvoer['regels'];
  readonly prognoseJaar: EditionYear | undefined;
  /** The key block's column of the Regeling of each table row with a prognose (a number), else "". */
  readonly metPrognose: string;
  /** The edition's name of each onderdeel (line) number. */
  readonly lineNames: ReadonlyMap<number, string>;
}

/** One regeling's rows: realisatie, prognose (two helpers and the sum), begroting, besteding, feed. */
function regelingRows(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  real: RealisatieInvoer,
  at: RegelingAt,
): { readonly feed: BestedingFeed; readonly besteding: SheetRange; readonly right: number } {
  const { table, span, prog } = at;
  const jaren = r.regels.jaren;
  const first = jaren[0] ?? 0;
  const n = jaren.length;
  const post = r.regels.post;
  const row = (label: string): number => {
    const k = rows.take();
    s.values(`A${k}`, [[label, post, null]]);
    return k;
  };
  s.value(`A${rows.take()}`, r.regels.naam, 'rowHeader');
  const exp = (f: (k: number) => CellValue) => (_r: number, c: number) => f(c);
  const jaar = (k: number) => r.jaren[k];
  const realCol = table.years.cols(table.yearsAxis.indexOf(first)).fixRow();
  const reg = table.column('Regeling').abs();
  const C = columnLetter(at.Y(first));
  const flag = `${C}$${at.metProg}`;
  const rows0 = real.regels.filter((x) => x.regeling === post);
  const isP = (k: number) => jaren[k] === real.prognoseJaar;
  const rReal = row('Realisatie');
  s.formula(
    span(rReal, first, n),
    `SUMIFS(${realCol},${reg},$B${rReal})`,
    exp((k) => jaar(k)?.realisatie ?? 0),
  );
  const rOpg = row('Prognose opgegeven (prognosejaar)');
  s.formula(
    span(rOpg, first, n),
    `${flag}*SUMIFS(${prog},${reg},$B${rOpg})`,
    exp((k) => (isP(k) ? rows0.reduce((a, x) => a + (x.prognose ?? 0), 0) : 0)),
  );
  const rZonder = row('Realisatie van rijen zonder prognose (prognosejaar)');
  const yi = (k: number) => table.yearsAxis.indexOf(jaren[k] ?? 0);
  s.formula(
    span(rZonder, first, n),
    `${flag}*SUMIFS(${realCol},${reg},$B${rZonder},${prog},"")`,
    exp((k) =>
      isP(k)
        ? rows0.filter((x) => x.prognose === undefined).reduce((a, x) => a + (x.lasten[yi(k)] ?? 0), 0)
        : 0,
    ),
  );
  // Where the prognose counts for this regeling (the domain's basis per regeling): the prognose year
  // (the flag above) and one of its own rows has a prognose (the key block's column of their Regeling).
  // A regeling without one keeps its realisatie, also when another regeling has a prognose and a row
  // of this one has text in the column Prognose (counted by Controle).
  const rTelt = row('Prognose telt voor deze regeling (1: ja)');
  const telt = (k: number) => (isP(k) && rows0.some((x) => x.prognose !== undefined) ? 1 : 0);
  s.formula(span(rTelt, first, n), `${flag}*(COUNTIF(${at.metPrognose},$B${rTelt})>0)`, exp(telt), 'integer');
  // The three rows above are machinery (issue #18): hidden, formulas live; the Prognose row shows it.
  s.hideRows(rOpg, rTelt);
  const rProg = row('Prognose');
  s.formula(
    span(rProg, first, n),
    `IF(${flag}=1,${C}${rOpg}+${C}${rZonder},"")`,
    exp((k) => jaar(k)?.prognose ?? ''),
  );
  const begr: BegrotingTableCells = begrotingTable(table.yearsAxis);
  const rBegr = row(`Begroting (blad ${SHEETS.begroting})`);
  s.formula(
    span(rBegr, first, n),
    `SUMIFS(${begr.column(String(first)).fixRow()},${begr.column('Regeling').abs()},$B${rBegr})`,
    exp((k) => jaar(k)?.begroting ?? 0),
  );
  const rVerschil = row('Verschil (begroting min realisatie)');
  s.formula(
    span(rVerschil, first, n),
    `${C}${rBegr}-${C}${rReal}`,
    exp((k) => jaar(k)?.verschil ?? 0),
  );
  const rBest = row('Besteding (na het peiljaar: de begroting)');
  // The prognose where it counts for this regeling (`rTelt`), else the realisatie.
  s.formula(
    span(rBest, first, n),
    `IF(${C}$${HEAD}>${at.peil},${C}${rBegr},${C}${rReal}+${C}${rTelt}*(N(${C}${rProg})-${C}${rReal}))`,
    exp((k) => jaar(k)?.besteding ?? 0),
    'euroTotal',
  );
  const onderdelen = onderdelenBlock(s, rows, r, { ...at, telt: rTelt }, begr);
  const rInvoer = row(
    // Whole within column A (52 characters): the per-onderdeel years are named in the block's title.
    `Naar blad ${SHEETS.verantwoording}${onderdelen ? ' (zonder de onderdelen)' : ''}`,
  );
  // The besteding; in the per-onderdeel years without the onderdelen's. One filled formula per run
  // of years of the same kind (a block each, not a cell each).
  const perO = (k: number): boolean => onderdelen !== undefined && onderdelen.years.includes(jaren[k] ?? 0);
  const onderdelenSum = (k: number): number =>
    r.onderdelen.reduce((a, x) => a + (x.jaren.find((z) => z.jaar === jaren[k])?.besteding ?? 0), 0);
  let k0 = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n && perO(k) === perO(k0)) continue;
    const Cy = columnLetter(at.Y(jaren[k0] ?? first));
    const o = onderdelen?.years.indexOf(jaren[k0] ?? first) ?? -1;
    const formula =
      perO(k0) && onderdelen
        ? `${Cy}${rBest}-SUM(${onderdelen.besteding.cols(o).local().fixRow()})`
        : `${Cy}${rBest}`;
    const from = k0;
    s.formula(
      `${Cy}${rInvoer}:${columnLetter(at.Y(jaren[k - 1] ?? first))}${rInvoer}`,
      formula,
      (_r, c) => (jaar(from + c)?.besteding ?? 0) - (perO(from + c) ? onderdelenSum(from + c) : 0),
    );
    k0 = k;
  }
  return {
    feed: {
      invoer: SheetRange.at(SHEETS.besteding, rInvoer, at.Y(first), 1, n),
      onderdelen: onderdelen?.besteding,
      prognose: SheetRange.at(SHEETS.besteding, rTelt, at.Y(first), 1, n),
    },
    besteding: SheetRange.at(SHEETS.besteding, rBest, at.Y(first), 1, n),
    right: onderdelen?.right ?? 0,
  };
}

/**
 * Per onderdeel in the per-onderdeel years: realisatie, begroting and besteding side by side (rows =
 * onderdelen; columns from the first year column: realisatie per year, then begroting, then
 * besteding, each under its own heading), so the sheet prints on one page (#18: 15 onderdelen in
 * three blocks under each other made it two). `right` is the block's last column.
 */
function onderdelenBlock(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  at: RegelingAt & { readonly telt: number },
  begr: BegrotingTableCells,
):
  | { readonly besteding: SheetRange; readonly years: readonly EditionYear[]; readonly right: number }
  | undefined {
  const years = onderdelenYears(r);
  if (years.length === 0) return undefined;
  const first = years[0] ?? 0;
  const nrs = r.onderdelen.map((o) => o.nr);
  const n = nrs.length;
  const m = years.length;
  const left = at.Y(first);
  // The blocks' first columns (realisatie in the years' own columns, under the sheet's heading).
  const [cReal, cBegr, cBest, cOpg, cProg] = [left, left + m, left + 2 * m, left + 3 * m, left + 4 * m];
  s.value(
    `A${rows.take()}`,
    `${r.regels.naam} per onderdeel (${years.join(', ')}: per onderdeel verantwoord)`,
    'rowHeader',
  );
  const headRow = rows.take();
  s.values(
    cellAddress(headRow, cReal),
    [
      ['Realisatie', 'Begroting', 'Besteding', 'Prognose opgegeven', 'Prognose'].flatMap((what) =>
        years.map((y) => `${what} ${y}`),
      ),
    ],
    'header',
  );
  const top = rows.take(n);
  // Column A the onderdeel as the other sheets name it ("12. Eén tegen Eenzaamheid (lokale
  // coalities)"), wrapped where it is longer than the column; column C its number, the SUMIFS key,
  // not shown (`lookupKey`; #18: "12." and "12" printed side by side, the onderdeel's name nowhere).
  const names = nrs.map((nr) => `${nr}. ${at.lineNames.get(nr) ?? ''}`);
  s.values(
    `A${top}`,
    nrs.map((nr, i) => [names[i] ?? '', r.regels.post, nr]),
  );
  s.format(`A${top}:A${top + n - 1}`, 'wrap');
  s.format(`C${top}:C${top + n - 1}`, 'lookupKey');
  names.forEach((t, i) => {
    const lines = wrapText(t, LABEL_WIDTH).length;
    if (lines > 1) s.rowHeight(top + i, linesHeight(lines));
  });
  type Figures = { besteding: number; begroting: number; realisatie: number };
  const none: Figures = { besteding: 0, begroting: 0, realisatie: 0 };
  const exp = (f: (j: Figures) => number) => (row: number, c: number) =>
    f(r.onderdelen[row]?.jaren.find((j) => j.jaar === years[c]) ?? none);
  const range = (c: number) => `${cellAddress(top, c)}:${cellAddress(top + n - 1, c + m - 1)}`;
  const t = at.table;
  s.formula(
    range(cReal),
    `SUMIFS(${t.years.cols(t.yearsAxis.indexOf(first)).fixRow()},${t.column('Regeling').abs()},$B${top},${t.column('Onderdeel').abs()},$C${top})`,
    exp((j) => j.realisatie),
  );
  s.formula(
    range(cBegr),
    `SUMIFS(${begr.column(String(first)).fixRow()},${begr.column('Regeling').abs()},$B${top},${begr.column('Onderdeel').abs()},$C${top})`,
    exp((j) => j.begroting),
  );
  // In the prognose year (flag row `metProg`, e.g. a verantwoording over 2024 drawn up in 2024) an
  // onderdeel's rows' prognose (the domain's prognose): the prognose given, then with the realisatie
  // of the rows without one; without a prognose on any of its rows that is its realisatie.
  const flag = `${columnLetter(cReal)}$${at.metProg}`;
  const ond = `${t.column('Regeling').abs()},$B${top},${t.column('Onderdeel').abs()},$C${top}`;
  const rowsOf = (nr: number) =>
    at.realisatie.filter((x) => x.regeling === r.regels.post && x.onderdeel === nr);
  s.formula(range(cOpg), `${flag}*SUMIFS(${at.prog},${ond})`, (row, c) =>
    years[c] === at.prognoseJaar ? rowsOf(nrs[row] ?? 0).reduce((a, x) => a + (x.prognose ?? 0), 0) : 0,
  );
  s.formula(
    range(cProg),
    `${cellAddress(top, cOpg)}+${flag}*SUMIFS(${t.years.cols(t.yearsAxis.indexOf(first)).fixRow()},${ond},${at.prog},"")`,
    (row, c) =>
      years[c] === at.prognoseJaar
        ? (r.onderdelen[row]?.jaren.find((z) => z.jaar === years[c])?.prognose ?? 0)
        : 0,
  );
  // The year of the column: the sheet's heading above the realisatie block (relative, filled right).
  // The besteding counts the prognose where it counts for the regeling (its row `telt`, the domain's
  // basis per regeling), as the regeling's own rows above.
  const real = cellAddress(top, cReal);
  const telt = `${columnLetter(cReal)}$${at.telt}`;
  s.formula(
    range(cBest),
    `IF(${columnLetter(cReal)}$${HEAD}>${at.peil},${cellAddress(top, cBegr)},${real}+${telt}*(${cellAddress(top, cProg)}-${real}))`,
    exp((j) => j.besteding),
  );
  return { besteding: SheetRange.at(SHEETS.besteding, top, cBest, n, m), years, right: cProg + m - 1 };
}

/**
 * Per table row (the checked capacity): the key of the Begroting row and of the Realisatie row, and 1
 * where a filled Realisatie row's key is no Begroting row's; B3 their count. Returns B3.
 * The match is exact (without regard to case, as the domain's `keyMisses`): MATCH reads `*`, `?` and
 * `~` in its lookup value as wildcards in Excel and LibreOffice (an Activiteit "Sport*" would match
 * "Sportpark") but not in HyperFormula, and `~` escapes are Excel's and LibreOffice's only, so both
 * keys are looked up in their search form (`zoekSleutel`: no wildcard character left, one form per
 * key) in two more columns.
 */
function keySection(
  s: SheetBuilder,
  ctx: PlanContext,
  table: RealisatieTableCells,
  from: Parameters<typeof buildBesteding>[2],
  left: number,
): SheetRange {
  const b = begrotingTable(ctx.years);
  const top = HEAD + 1;
  const cap = BEGROTING_CAPACITEIT;
  s.values(
    cellAddress(HEAD, left),
    [
      [
        'Sleutel begroting',
        'Sleutel realisatie',
        'Zonder begrotingsregel',
        'Zoekvorm begroting',
        'Zoekvorm realisatie',
        'Regeling met prognose',
      ],
    ],
    'header',
  );
  const col = (dc: number) => SheetRange.at(SHEETS.besteding, top, left + dc, cap);
  const key = (reg: SheetRange, ond: SheetRange, act: SheetRange) =>
    `${reg.cell().fixCol()}&"|"&${ond.cell().fixCol()}&"|"&${act.cell().fixCol()}`;
  const bKeys = from.begroting.map(keyText);
  s.formula(
    col(0).address(),
    key(b.column('Regeling'), b.column('Onderdeel'), b.column('Activiteit')),
    (row) => bKeys[row] ?? '||',
    'note',
  );
  const t = (name: string) => table.column(name);
  const regels = from.realisatie.regels;
  const rKeys = regels.map(keyText);
  s.formula(
    col(1).address(),
    key(t('Regeling'), t('Onderdeel'), t('Activiteit')),
    (row) => rKeys[row] ?? '||',
    'note',
  );
  // The search forms, each of the key beside it (relative row, fixed column).
  const searchForm = (k: SheetRange) =>
    ZOEK_VERVANGINGEN.reduce((f, [c, by]) => `SUBSTITUTE(${f},"${c}","${by}")`, k.local().cell().fixCol());
  s.formula(col(3).address(), searchForm(col(0)), (row) => zoekSleutel(bKeys[row] ?? '||'), 'note');
  s.formula(col(4).address(), searchForm(col(1)), (row) => zoekSleutel(rKeys[row] ?? '||'), 'note');
  // The Regeling of a row with a prognose (a number, as COUNT counts it): the totals count per regeling.
  s.formula(
    col(5).address(),
    `IF(ISNUMBER(${t(PROGNOSE_KOLOM).cell().fixCol()}),${t('Regeling').cell().fixCol()},"")`,
    (row) => {
      const r = regels[row];
      return r !== undefined && r.prognose !== undefined ? r.regeling : '';
    },
    'note',
  );
  const misses = keyMisses(regels, from.begroting);
  s.formula(
    col(2).address(),
    // A number, not a boolean: 1 − ISNUMBER (LibreOffice shows --ISNA(…) as TRUE/FALSE).
    `IF(${t('Activiteit').cell().fixCol()}="",0,1-ISNUMBER(MATCH(${col(4).local().cell().fixCol()},${col(3).local().abs()},0)))`,
    (row) => (misses[row] === true ? 1 : 0),
    'integer',
  );
  const count = SheetRange.at(SHEETS.besteding, 3, 2);
  s.value(
    'A3',
    // Whole within column A (the count is in B3); the keys themselves (Regeling|Onderdeel|Activiteit) are in the key block.
    `Rijen van ${SHEETS.realisatie} zonder begrotingsregel`,
    'rowHeader',
  );
  // Its expected value is the domain's count (Controle's `realisatie-sleutel`): the rows above must add up to it.
  s.formula(
    count.address(),
    `SUM(${col(2).local().abs()})`,
    () => ctx.scenario.modelChecks['realisatie-sleutel'],
    'integer',
  );
  for (let c = 0; c < 6; c++) s.width(columnLetter(left + c), 16);
  return count;
}

/**
 * Issue #17: per year, the amounts of the table Realisatie that are text (a pasted "463.920"), which
 * SUMIFS skips, so the besteding above drops without a word; after the regelingen (every regeling's
 * rows: the year tells the controller which column to correct), counted by Controle too
 * (`realisatie-tekst`, with the column Prognose). COUNTA − COUNT: a criterion "*" would also match
 * numbers in LibreOffice. 0 as built: the readers refuse text. `left`..`right`: the year columns.
 */
function tekstRow(
  s: SheetBuilder,
  rows: RowCursor,
  table: RealisatieTableCells,
  left: string,
  right: string,
): void {
  rows.skip();
  const k = rows.take();
  s.value(`A${k}`, `Bedragen op ${SHEETS.realisatie} als tekst (tellen niet mee)`, 'rowHeader');
  const col = table.years.cols(0).fixRow();
  s.formula(`${left}${k}:${right}${k}`, `COUNTA(${col})-COUNT(${col})`, () => 0, 'integer');
}

/**
 * A mandaatgemeente's SPUK IZA (issue #19): whose besteding a Realisatie row is follows its
 * Uitvoerder, compared as SUMIFS does (the whole text, any case, not trimmed): empty or a spelling of
 * the gemeente is its own (H35), a spelling of a medeoverheid on the sheet Verantwoording is that
 * medeoverheid's (H35B), any other text a partner's (own, H35). Per spelling (the gemeente's, then
 * each listed medeoverheid's: the domain's `uitvoerderSpellingen` and `IzaSisa.lijst`) the rows it
 * matches, so the controller sees what is recognised; B4 the rows of the regeling whose Uitvoerder has
 * spaces before or after it (" Kampen", which SUMIFS does not match with Kampen): counted as H35
 * until fixed, and by Controle (`realisatie-uitvoerder`, the domain's `IzaSisa.onbekend`): COUNTIFS
 * with the wildcards " *" and "* " (Excel, LibreOffice's OOXML mode and HyperFormula), the cells with
 * both subtracted once. Undefined (nothing written) for a gemeente that is no mandaatgemeente.
 */
/**
 * Besteding!A4 where a mandaatgemeente's rows have an Uitvoerder with a space before or after it:
 * whole within column A, like A3 (the spellings and their counts are in the block on the right).
 */
export const uitvoerderNietHerkend = (post: string): string => `Uitvoerder niet herkend: rijen ${post}`;

function uitvoerderSection(
  s: SheetBuilder,
  ctx: PlanContext,
  table: RealisatieTableCells,
  from: Parameters<typeof buildBesteding>[2],
  left: number,
): SheetRange | undefined {
  const r = from.regelingen.find((x) => x.iza?.rol === 'mandaatgemeente');
  const self = ctx.scenario.gemeente;
  if (r?.iza === undefined || self === undefined) return undefined;
  const post = r.regels.post;
  const byCode = new Map(ctx.gemeenten.map((g) => [g.code, g] as const));
  const wie = [self, ...r.iza.lijst.map((m) => byCode.get(m.code)).filter((g) => g !== undefined)];
  const rijen = wie.flatMap((g, i) =>
    uitvoerderSpellingen(g).map((sp) => [i === 0 ? `eigen: ${g.naam}` : `${g.code} ${g.naam}`, sp] as const),
  );
  const regels = from.realisatie.regels.filter((x) => x.regeling === post);
  const matches = (sp: string) => regels.filter((x) => uitvoerderIs(x.uitvoerder, sp)).length;
  s.values(cellAddress(HEAD, left), [[`Uitvoerder (${post})`, 'Criterium', 'Rijen']], 'header');
  // The regeling's rows whose Uitvoerder has a space before it, after it, and both (wildcards " *" and
  // "* ": Excel, LibreOffice's OOXML mode, HyperFormula), then per spelling below: each formula within
  // the 125-character house rule; B4 adds the first two and takes the third off (a row counts once).
  const reg = table.column('Regeling').abs();
  const uitv = table.column('Uitvoerder').abs();
  const spaties: readonly [string, string, (u: string) => boolean][] = [
    ['spatie ervoor', `${uitv}," *"`, (u) => u.startsWith(' ')],
    ['spatie erna', `${uitv},"* "`, (u) => u.endsWith(' ')],
    ['spatie ervoor en erna', `${uitv}," *",${uitv},"* "`, (u) => u.startsWith(' ') && u.endsWith(' ')],
  ];
  const top = HEAD + 1 + spaties.length;
  s.values(
    cellAddress(top, left),
    rijen.map(([label, sp]) => [label, sp]),
    'note',
  );
  const crit = columnLetter(left + 1);
  const counts = SheetRange.at(SHEETS.besteding, top, left + 2, rijen.length);
  s.formula(
    counts.address(),
    `COUNTIFS(${reg},"${post}",${uitv},$${crit}${top})`,
    (row) => matches(rijen[row]?.[1] ?? ''),
    'integer',
  );
  spaties.forEach(([label, criteria, has], i) => {
    s.value(cellAddress(HEAD + 1 + i, left), `rijen met ${label}`, 'note');
    s.formula(
      cellAddress(HEAD + 1 + i, left + 2),
      `COUNTIFS(${reg},"${post}",${criteria})`,
      () => regels.filter((x) => has(x.uitvoerder)).length,
      'integer',
    );
  });
  const col = columnLetter(left + 2);
  const cell = BESTEDING_UITVOERDER_ONBEKEND;
  // Said in words and only when there is such a row (#18 review: "Rijen SPUK IZA: spaties om
  // Uitvoerder 0" printed as a line a controller could not read); the count stays in B4 for
  // Controle (`realisatie-uitvoerder`) and the Verantwoording, shown only when it is not 0.
  const count = ctx.scenario.modelChecks['realisatie-uitvoerder'];
  s.formula(
    `A${cell.top}`,
    `IF(${cell.address()}=0,"","${uitvoerderNietHerkend(post)}")`,
    () => (count === 0 ? '' : uitvoerderNietHerkend(post)),
    'warning',
  );
  s.formula(
    cell.address(),
    `$${col}$${HEAD + 1}+$${col}$${HEAD + 2}-$${col}$${HEAD + 3}`,
    () => count,
    'signalCount',
  );
  s.width(columnLetter(left), 28)
    .width(columnLetter(left + 1), 16)
    .width(columnLetter(left + 2), 8);
  return cell;
}
