import type { EditionLine, EditionYear, GalaColumn, Ledger } from '../domain';
import {
  aardLine,
  bbvJaren,
  regelingHeeftGeld,
  euro,
  galaTotals,
  GRAND_TOTAL_LABEL,
  HOOFDTHEMAS,
  linesOfHoofdthema,
  GALA_COLUMNS,
} from '../domain';
import { formatDate, openPostJaren } from '../messages';
import { cellAddress, columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import { mlnCell, mlnResult, ramingAmount, ramingYears } from './cells';
import { workbookOntvanger } from './columns';
import type { NationalContext } from './context';
import { afterYears, PERIOD_COL, SHEETS, yearCol } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { yearHeaders, yearSpan } from './labels';
import { BODY_SIZE, wrapText } from './text-fit';

const HEADER_ROW = 4;

/** The widths of the printed columns B, C, D, each year and the level and total columns. */
const LANDELIJK_WIDTHS = { B: 40, C: 20, D: 14, year: 14, level: 18 } as const;
/**
 * The rows a landscape page holds with the text at about 7 pt (pdftotext's word box; the page width's
 * scale prints 7.1 pt in LibreOffice with DejaVu Sans, 9.0 pt with Carlito, Calibri's metrics).
 */
const LANDELIJK_ROWS_PER_PAGE = 56;

/**
 * Columns: A nr, B onderdeel, C hoofdthema, D regeling, the edition's n years from E (€, input),
 * then the Rijk's structural level (€, input), total, aard (Rijk), BBV flag (input), the regeling's
 * last year, who receives the money, the verdeelbasis. For 2023–2029: E..K, then L..R.
 */
interface LandelijkColumns {
  readonly years: readonly EditionYear[];
  readonly level: number;
  readonly total: number;
  readonly aard: number;
  readonly bbv: number;
  readonly end: number;
  readonly ontvanger: number;
  readonly note: number;
}

function landelijkColumns(years: readonly EditionYear[]): LandelijkColumns {
  const level = afterYears(years);
  return {
    years,
    level,
    total: level + 1,
    aard: level + 2,
    bbv: level + 3,
    end: level + 4,
    ontvanger: level + 5,
    note: level + 6,
  };
}

export const TOTAL_LABELS = [...HOOFDTHEMAS, GRAND_TOTAL_LABEL] as const;

/** What Landelijk exposes: the per-line inputs and columns, and the data checks. */
export interface LandelijkCells {
  /** A: the line numbers, one row per line of the edition (the key of the per-line inputs). */
  readonly lineNrs: SheetRange;
  /** The year columns (from E): national amount per line and year, € (input). */
  readonly national: SheetRange;
  /** The column after the years: the Rijk's structural level per line, € (input; blank: none). */
  readonly structural: SheetRange;
  /** The years and the level: every national input. */
  readonly inputs: SheetRange;
  /** The line's aard (Rijk). */
  readonly aard: SheetRange;
  /**
   * BBV flag per line (input): 0 no; 1 a new regeling makes it lasting from the first year after
   * the regeling's end year; a year: from that year on (only years after the end year count).
   */
  readonly bbvFlags: SheetRange;
  /** The last year of the line's regeling. */
  readonly eindjaar: SheetRange;
  /** The GALA table's hoofdthema totals: OK / VERSCHIL / BRON LEEG per label and period. */
  readonly galaStatus: SheetRange;
  /** Σ samenstelling − Σ Bijlage 2A per derived year (0 = the derivation adds up), if the edition has one. */
  readonly compositionCheck: SheetRange | undefined;
  /** Σ raming lines − the raming's published total per year (0 = goed), if the edition has a raming. */
  readonly ramingCheck: SheetRange | undefined;
}

/** The per-line columns of Landelijk (one row per line of the edition). */
type LineCells = Omit<LandelijkCells, 'galaStatus' | 'compositionCheck' | 'ramingCheck'>;

/**
 * Builds Landelijk: per line the national amounts (input), the Rijk's structural level, aard, BBV flag
 * and receiver; the source per amount; totals per regeling; the GALA table, the derivation of the
 * composition (checked against Verdeelsleutel's `bijlage2A` totals), the AZWA raming, open posten.
 */
export function buildLandelijk(
  ctx: NationalContext,
  bijlage2A: { readonly total2025: SheetRange; readonly total2026: SheetRange },
): Built<LandelijkCells> {
  const s = new SheetBuilder(SHEETS.landelijk, 'invoer');
  const rows = new RowCursor(HEADER_ROW + 1);
  const cols = landelijkColumns(ctx.years);
  const edition = ctx.input.edition;
  s.value('A1', 'Landelijk bedrag per onderdeel en jaar (€)', 'title');
  s.value(
    'A2',
    `Editie ${edition.manifest.id}: ${edition.manifest.naam} (${formatDate(edition.manifest.datum)}). Gele cellen zijn invoer; de rest rekent mee. Onder de tabel: de bron per bedrag en hoe afgeleide bedragen zijn gemaakt.`,
    'subtitle',
  );
  s.values(`A${HEADER_ROW}`, [lineHeaders(ctx.years)], 'header');
  const lines = linesSection(ctx, s, rows, cols);
  bronSection(ctx, s, rows);
  regelingTotals(ctx, s, rows, lines);
  bbvPerRegeling(ctx, s, rows);
  const galaStatus = galaTable(ctx, s, rows, cols);
  const compositionCheck = compositionBlock(ctx, s, rows, lines.national, bijlage2A);
  const ramingCheck = ramingBlock(ctx, s, rows);
  openPosten(ctx, s, rows);
  cofinanciering(ctx, s, rows);

  s.freezeAt(HEADER_ROW, 2);
  // On paper (issue #18): landscape on the page width, the amounts up to the total (the classification
  // and note columns after them stay on screen), so the text prints at about 7 pt or more.
  s.printAs('landscape', true).printLayout({
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    // As many pages tall as the rows need at about 7 pt: 4 for vws-2026-04's 218 rows (Calibri metrics
    // printed 4.9 pages at the width's 6.9 pt: a fifth page for the last rows, #18).
    fitToHeight: Math.ceil((rows.next - 1) / LANDELIJK_ROWS_PER_PAGE),
  });
  s.printColumns('A', columnLetter(cols.total));
  // B: 40 characters, a longer onderdeel name (up to 75) wraps; C: the hoofdthema, wrapped likewise.
  const w = LANDELIJK_WIDTHS;
  s.width('A', 6).width('B', w.B).width('C', w.C).width('D', w.D);
  for (let i = 0; i < ctx.years.length; i++) s.width(columnLetter(PERIOD_COL + i), w.year);
  s.width(columnLetter(cols.level), w.level).width(columnLetter(cols.total), w.level);
  s.width(columnLetter(cols.aard), 19).width(columnLetter(cols.bbv), 23);
  s.width(columnLetter(cols.end), 10)
    .width(columnLetter(cols.ontvanger), 16)
    .width(columnLetter(cols.note), 60);
  // D: a long regeling (Subsidie Gezonde School) wraps too (#18: it printed "Subsidie Gezonde").
  s.wrapLongTexts('B', 40).wrapLongTexts('C', 20).wrapLongTexts('D', 14);
  return { sheet: s, cells: { ...lines, galaStatus, compositionCheck, ramingCheck } };
}

/** The heading of the structural level, by which the GALA table's title names its column (#18). */
const STRUCTUREEL_KOP = 'Structureel (Rijk)';

/** The header row: the line columns, the edition's years, the columns after them. */
function lineHeaders(years: readonly EditionYear[]): (string | number)[] {
  return [
    'Nr',
    'Onderdeel',
    'Hoofdthema',
    'Regeling',
    ...yearHeaders(years),
    STRUCTUREEL_KOP,
    `Totaal ${yearSpan(years)}`,
    'Aard (Rijk)',
    'BBV vastgelegd vanaf (jaar; 1 = na eindjaar)',
    'Eindjaar',
    'Ontvanger',
    'Verdeelbasis volgens bronnen',
  ];
}

/** One row per line: the national amounts and the structural level (inputs), then the derived columns. */
function linesSection(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  cols: LandelijkColumns,
): LineCells {
  const n = ctx.lines.length;
  const nY = ctx.years.length;
  const first = rows.take(n);
  const lineCol = (col: number, count = 1) => SheetRange.at(SHEETS.landelijk, first, col, n, count);
  const national = lineCol(PERIOD_COL, nY);
  const structural = lineCol(cols.level);
  const ledger = ctx.ledger;
  s.values(
    `A${first}`,
    ctx.lines.map((l) => [l.nr, l.naam, l.hoofdthema, l.regeling.naam]),
  );
  s.values(
    national.cell().address(),
    ctx.lines.map((l) => ctx.years.map((y) => ledger.national(l.nr, y).bedrag)),
    'inputEuro',
  );
  s.values(
    structural.cell().address(),
    ctx.lines.map((l) => [l.structureelNiveau ?? null]),
    'inputEuro',
  );
  const inputs = lineCol(PERIOD_COL, nY + 1);
  s.validation({
    range: inputs.address(),
    type: 'whole',
    min: 0,
    prompt:
      "Landelijk bedrag in hele euro's: 0 of meer. Leeg bij het structurele niveau: het Rijk noemt er geen.",
    error:
      "Typ een bedrag in hele euro's van 0 of meer, bijvoorbeeld 12500000. Negatieve bedragen zijn niet toegestaan.",
  });
  const years = national.local().rows(0).rel();
  const level = structural.local().cell().rel();
  s.formula(
    lineCol(cols.total).address(),
    `SUM(${years})`,
    (r) => ctx.years.reduce((a, y) => a + ledger.national(ctx.lines[r]?.nr ?? 0, y).bedrag, 0),
    'euro',
  );
  const aard = lineCol(cols.aard);
  s.formula(
    aard.address(),
    `CHOOSE(1+(${level}>0)*(1+(MAX(${years})>${level})),"incidenteel","structureel","deels structureel")`,
    (r) => aardLine(ledger, ctx.lines[r]?.nr ?? 0),
  );
  s.aardRules(aard.address()).format(aard.address(), 'center');
  const bbvFlags = lineCol(cols.bbv);
  s.values(
    bbvFlags.cell().address(),
    ctx.lines.map((l) => [ctx.vastgelegd.get(l.nr) ?? 0]),
    'input',
  );
  bbvValidation(ctx, s, bbvFlags.address());
  const eindjaar = lineCol(cols.end);
  s.values(
    eindjaar.cell().address(),
    ctx.lines.map((l) => [l.regeling.eindjaar, workbookOntvanger(l.ontvanger), verdeelbasis(ctx, l.nr)]),
  );
  s.format(rangeOf(first, cols.end, n, 2), 'center');
  return { lineNrs: lineCol(1), national, structural, inputs, aard, bbvFlags, eindjaar };
}

/**
 * The BBV flag per line (Commissie BBV: money under a regeling with an end date is incidental): it
 * can only make the years after the regeling's end year structural (`bbvJaren`). One validation over
 * the whole column (the plan linter guards every input range with exactly one): 0 (nee), 1 (vanaf het
 * eerste jaar na het eindjaar) or a year up to the last year of the werkmap; a year at or before the
 * end year reads as 1. Where the regeling runs to the last year (SPUK AZWA on 2023–2029) no year is
 * left: the flag has no effect, the prompt and the BBV row per regeling (`bbvPerRegeling`) say so.
 */
function bbvValidation(ctx: NationalContext, s: SheetBuilder, range: string): void {
  const last = ctx.years[ctx.years.length - 1] ?? 0;
  const zonder = [
    ...new Set(
      ctx.lines
        .filter(
          (l) =>
            bbvJaren(l.regeling.eindjaar, ctx.years, (y) =>
              regelingHeeftGeld(ctx.input.edition, l.regeling.id, y),
            ).length === 0,
        )
        .map((l) => l.regeling.naam),
    ),
  ];
  s.validation({
    range,
    type: 'whole',
    min: 0,
    max: last,
    prompt: `BBV: t/m het eindjaar incidenteel. Legt een nieuwe regeling het daarna vast: 1 (vanaf het jaar na het eindjaar) of het jaar vanaf wanneer; anders 0.${zonder.length > 0 ? ` Geen effect (geen geld na het eindjaar): ${zonder.join(', ')}.` : ''}`,
    error: `Vul 0 (nee), 1 (vanaf het jaar na het eindjaar) of een jaar tot en met ${last} in.`,
  });
}

/** Where every amount comes from (the rule and derivation are on Bronnen). */
function bronSection(ctx: NationalContext, s: SheetBuilder, rows: RowCursor): void {
  const n = ctx.lines.length;
  const edition = ctx.input.edition;
  rows.skip();
  const bronHeader = rows.take();
  const bronFirst = rows.take(n);
  s.value(`A${bronHeader}`, 'Bron per onderdeel en jaar (regel en afleiding: blad Bronnen)', 'rowHeader');
  s.values(
    `A${bronFirst}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  s.values(
    `E${bronFirst}`,
    ctx.lines.map((l) =>
      ctx.years.map((y) => (edition.rule(l.regeling.id, y) ? ctx.ledger.national(l.nr, y).bron : '')),
    ),
    'note',
  );
}

/** Totals per regeling (SUMIF over the lines' regeling column). */
function regelingTotals(ctx: NationalContext, s: SheetBuilder, rows: RowCursor, lines: LineCells): void {
  rows.skip();
  const regelingen = [...new Map(ctx.lines.map((l) => [l.regeling.id, l.regeling])).values()];
  const regHeader = rows.take();
  const regFirst = rows.take(regelingen.length);
  s.value(`A${regHeader}`, 'Totaal per regeling (€)', 'rowHeader');
  s.values(
    `D${regFirst}`,
    regelingen.map((r) => [r.naam]),
  );
  // D: the regeling of each line.
  const regeling = SheetRange.at(SHEETS.landelijk, lines.lineNrs.top, 4, ctx.lines.length).local();
  s.formula(
    rangeOf(regFirst, PERIOD_COL, regelingen.length, ctx.years.length),
    `SUMIF(${regeling.abs()},$D${regFirst},${lines.national.local().cols(0).fixRow()})`,
    (r, c) =>
      ctx.lines
        .filter((l) => l.regeling.id === regelingen[r]?.id)
        .reduce((a, l) => a + ctx.ledger.national(l.nr, ctx.years[c] as EditionYear).bedrag, 0),
    'euroTotal',
  );
}

/**
 * The BBV status per regeling and year (Commissie BBV, notitie incidentele baten en lasten): in the
 * regeling's years "incidenteel" (a regeling with an end date, whatever the Rijk calls structural);
 * after its end year "na eindjaar": only there does the flag (column `cols.bbv`, named by its heading on paper) make a line
 * structural, from the year it names; before the regeling starts nothing.
 */
function bbvPerRegeling(ctx: NationalContext, s: SheetBuilder, rows: RowCursor): void {
  const regelingen = [...new Map(ctx.lines.map((l) => [l.regeling.id, l.regeling])).values()];
  rows.skip();
  s.value(
    `A${rows.take()}`,
    `Lezing BBV per regeling en jaar: incidenteel zolang de regeling loopt (einddatum); na het eindjaar telt alleen wat de kolom "BBV vastgelegd vanaf" (op het scherm) vastlegt als structureel, de rest is niet te begroten`,
    'rowHeader',
  );
  const first = rows.take(regelingen.length);
  s.values(
    `D${first}`,
    regelingen.map((r) => [
      r.naam,
      ...ctx.years.map((y) => (r.jaren.includes(y) ? 'incidenteel' : y > r.eindjaar ? 'na eindjaar' : '')),
    ]),
    'center',
  );
}

function verdeelbasis(ctx: NationalContext, nr: number): string {
  const gala = ctx.data.onderdelen.find((o) => o.nr === nr);
  if (gala) return gala.verdeelbasis;
  const line = ctx.lines.find((l) => l.nr === nr);
  if (line?.ontvanger === 'gemeente') return 'Brede SPUK-sleutel (verdeelsleutel) × landelijke raming';
  if (line?.ontvanger === 'mandaatgemeente')
    return 'SPUK IZA-sleutel (aandeel regio in Bijlage 2B 2026) × landelijke raming, naar de mandaatgemeente';
  return 'Alleen landelijk: komt niet bij een gemeente terecht';
}

/** One formula block per contiguous run of the GALA period columns (E..H, then the level column). */
function perPeriod(
  s: SheetBuilder,
  level: number,
  row: number,
  count: number,
  formula: (col: string) => string,
  expected: (r: number, p: GalaColumn) => number | string,
  style: Parameters<SheetBuilder['formula']>[3],
): void {
  s.formula(
    rangeOf(row, PERIOD_COL, count, 4),
    formula('E'),
    (r, c) => expected(r, GALA_COLUMNS[c] as GalaColumn),
    style,
  );
  s.formula(
    rangeOf(row, level, count, 1),
    formula(columnLetter(level)),
    (r) => expected(r, 'structureel'),
    style,
  );
}

/** The GALA totals per hoofdthema and in all, as the domain computes them from the lines. */
function totalsPerLabel(ctx: NationalContext): Readonly<Record<GalaColumn, number>>[] {
  const gala = ctx.data.onderdelen;
  return TOTAL_LABELS.map((label) =>
    label === GRAND_TOTAL_LABEL ? galaTotals(gala) : galaTotals(linesOfHoofdthema(gala, label)),
  );
}

/** The GALA table as published (mln) with its hoofdthema totals reconciled: a check on the source data. */
function galaTable(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  cols: LandelijkColumns,
): SheetRange {
  const level = cols.level;
  const source = galaSource(ctx, s, rows, level);
  const computed = galaComputed(ctx, s, rows, source, level);
  const published = galaPublished(ctx, s, rows, level);
  return galaChecks(ctx, s, rows, { c: computed, p: published, level });
}

/**
 * The lines of the GALA table (mln per period in E..H, the structural level in the `level` column);
 * returns their rows.
 */
function galaSource(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  level: number,
): { first: number; last: number } {
  const gala = ctx.data.onderdelen;
  rows.skip();
  const header = rows.take();
  const first = rows.take(gala.length);
  s.value(
    `A${header}`,
    `GALA-tabel zoals gepubliceerd (x € 1 mln; GALA 31-01-2023, p. 38; structureel niveau in de kolom "${STRUCTUREEL_KOP}")`,
    'rowHeader',
  );
  s.values(
    `A${first}`,
    gala.map((l) => [l.nr, l.naam, l.hoofdthema]),
  );
  s.values(
    `E${first}`,
    gala.map((l) => GALA_COLUMNS.slice(0, 4).map((p) => mlnCell(l.amounts[p as 2023]))),
    'mln',
  );
  s.values(
    cellAddress(first, level),
    gala.map((l) => [mlnCell(l.structureel)]),
    'mln',
  );
  return { first, last: first + gala.length - 1 };
}

/** The totals computed from the lines: per hoofdthema, in all, and the Brede SPUK; returns the first row. */
function galaComputed(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  source: { first: number; last: number },
  level: number,
): number {
  const { first, last } = source;
  const totals = totalsPerLabel(ctx);
  const brede = galaTotals(ctx.data.onderdelen.filter((l) => l.fund === 'brede-spuk'));
  rows.skip();
  const cHeader = rows.take();
  const c = rows.take(TOTAL_LABELS.length + 1);
  s.value(`A${cHeader}`, 'Totalen van de GALA-tabel (berekend uit de regels)', 'rowHeader');
  s.values(`B${c}`, [
    ...HOOFDTHEMAS.map((h) => [h]),
    [GRAND_TOTAL_LABEL],
    ['waarvan Brede SPUK (zonder IZA)'],
  ]);
  perPeriod(
    s,
    level,
    c,
    HOOFDTHEMAS.length,
    (col) => `SUMIF($C$${first}:$C$${last},$B${c},${col}$${first}:${col}$${last})`,
    (r, p) => mlnResult(totals[r]?.[p] ?? 0),
    'mlnTotal',
  );
  const g = c + HOOFDTHEMAS.length;
  perPeriod(
    s,
    level,
    g,
    1,
    (col) => `SUM(${col}${first}:${col}${last})`,
    (_r, p) => mlnResult(totals[3]?.[p] ?? 0),
    'mlnTotal',
  );
  perPeriod(
    s,
    level,
    g + 1,
    1,
    (col) => `SUM(${col}${c}:${col}${g - 1})`,
    (_r, p) => mlnResult(brede[p]),
    'mln',
  );
  return c;
}

/** The published totals (GALA p. 38; an empty cell where the source leaves it empty); returns the first row. */
function galaPublished(ctx: NationalContext, s: SheetBuilder, rows: RowCursor, level: number): number {
  rows.skip();
  const pHeader = rows.take();
  const p = rows.take(TOTAL_LABELS.length);
  s.value(`A${pHeader}`, 'Gepubliceerde totalen (GALA p. 38; lege cel = de bron laat het leeg)', 'rowHeader');
  const published = TOTAL_LABELS.map((label) => ctx.data.publishedTotals.find((t) => t.label === label));
  s.values(
    `B${p}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  s.values(
    `E${p}`,
    published.map((t) => GALA_COLUMNS.slice(0, 4).map((per) => mlnCell(t?.values[per]))),
    'mln',
  );
  s.values(
    cellAddress(p, level),
    published.map((t) => [mlnCell(t?.values.structureel)]),
    'mln',
  );
  return p;
}

/** Computed − published (€) and the status per label and period (OK / VERSCHIL / BRON LEEG). */
function galaChecks(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  at: { readonly c: number; readonly p: number; readonly level: number },
): SheetRange {
  const { c, p, level } = at;
  const totals = totalsPerLabel(ctx);
  const published = TOTAL_LABELS.map((label) => ctx.data.publishedTotals.find((t) => t.label === label));
  rows.skip();
  const dHeader = rows.take();
  const d = rows.take(TOTAL_LABELS.length);
  s.value(`A${dHeader}`, 'Verschil berekend − gepubliceerd (€, tot op de euro)', 'rowHeader');
  s.values(
    `B${d}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  perPeriod(
    s,
    level,
    d,
    TOTAL_LABELS.length,
    (col) => `ROUND((${col}${c}-${col}${p})*1000000,0)`,
    (r, per) => (totals[r]?.[per] ?? 0) - (published[r]?.values[per] ?? 0),
    'euro',
  );
  const stHeader = rows.take();
  const st = rows.take(TOTAL_LABELS.length);
  s.value(`A${stHeader}`, 'Controle van de bron (OK / VERSCHIL / BRON LEEG)', 'rowHeader');
  s.values(
    `B${st}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  perPeriod(
    s,
    level,
    st,
    TOTAL_LABELS.length,
    (col) => `CHOOSE(1+(${col}${d}<>0)*(1+ISBLANK(${col}${p})),"OK","VERSCHIL","BRON LEEG")`,
    (r, per) => {
      const check = ctx.galaReport.checks.find((k) => k.id === `totaal:${TOTAL_LABELS[r]}:${per}`);
      return check?.status === 'ok' ? 'OK' : check?.status === 'verschil' ? 'VERSCHIL' : 'BRON LEEG';
    },
    'check',
  );
  return SheetRange.at(SHEETS.landelijk, st, PERIOD_COL, TOTAL_LABELS.length, level - PERIOD_COL + 1);
}

/**
 * The derivation of the Brede SPUK's national composition (rules gala-plus-lpo and bijlage-2a): GALA,
 * the loon- en prijsbijstelling and the Bijlage 1 mutations per onderdeel as the domain derived them,
 * their sum, how far the input above differs from it (information: a user may enter a mutation), and
 * Σ samenstelling − Σ Bijlage 2A for the years split from Bijlage 2A (a check).
 */
function compositionBlock(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  national: SheetRange,
  bijlage2A: { readonly total2025: SheetRange; readonly total2026: SheetRange },
): SheetRange | undefined {
  const derived = ctx.years.map((y) => ctx.input.edition.rule('brede-spuk', y)?.spec.regel);
  const yearsIdx = ctx.years
    .map((_, i) => i)
    .filter((i) => derived[i] === 'gala-plus-lpo' || derived[i] === 'bijlage-2a');
  if (yearsIdx.length === 0) return undefined;
  const lines = ctx.lines.filter((l) => l.regeling.id === 'brede-spuk');
  const n = lines.length;
  const parts = new Map(
    yearsIdx.map((i) => {
      const y = ctx.years[i] as EditionYear;
      return [i, ctx.ledger.compositionParts('brede-spuk', y, derived[i] === 'bijlage-2a')] as const;
    }),
  );
  rows.skip();
  s.value(
    `A${rows.take()}`,
    'Hoe de landelijke bedragen van de Brede SPUK zijn afgeleid (€): GALA + loon- en prijsbijstelling 2024 + mutaties Bijlage 1',
    'rowHeader',
  );
  const blocks: readonly [string, 'gala' | 'lpo' | 'mutaties'][] = [
    ['GALA (prijspeil 2023)', 'gala'],
    [
      'Loon- en prijsbijstelling 2024 (afgeleid: Σ Bijlage 2A 2025 − GALA 2025 − eenmalige mutaties 2025, naar rato van GALA)',
      'lpo',
    ],
    [
      'Mutaties Bijlage 1 (VWS-brief 12-09-2025; de korting 2026 naar rato van GALA + loon- en prijsbijstelling)',
      'mutaties',
    ],
  ];
  const starts: number[] = [];
  for (const [title, part] of blocks) {
    rows.skip();
    s.value(`B${rows.take()}`, title, 'rowHeader');
    const first = rows.take(n);
    starts.push(first);
    s.values(
      `A${first}`,
      lines.map((l) => [l.nr, l.naam]),
    );
    for (const i of yearsIdx) {
      const ps = parts.get(i) ?? [];
      s.values(
        `${columnLetter(PERIOD_COL + i)}${first}`,
        lines.map((l) => [ps.find((x) => x.nr === l.nr)?.[part] ?? 0]),
        'euro',
      );
    }
  }
  return compositionChecks(ctx, s, rows, { lines, yearsIdx, parts, starts }, national, bijlage2A);
}

/**
 * The composition per line (GALA + loon- en prijsbijstelling + mutaties) in the derived years, the
 * input minus it (information), Σ composition and Σ composition − Σ Bijlage 2A (the check, returned).
 */
function compositionChecks(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: RowCursor,
  derivation: {
    readonly lines: readonly EditionLine[];
    readonly yearsIdx: readonly number[];
    readonly parts: ReadonlyMap<number, ReturnType<Ledger['compositionParts']>>;
    /** The first rows of the GALA, loon- en prijsbijstelling and mutaties blocks. */
    readonly starts: readonly number[];
  },
  national: SheetRange,
  bijlage2A: { readonly total2025: SheetRange; readonly total2026: SheetRange },
): SheetRange {
  const { lines, yearsIdx, parts, starts } = derivation;
  const n = lines.length;
  const lineRow = (nr: number) => national.top + ctx.lines.findIndex((l) => l.nr === nr);
  rows.skip();
  s.value(`B${rows.take()}`, 'Samenstelling = GALA + loon- en prijsbijstelling + mutaties', 'rowHeader');
  const sum = rows.take(n);
  s.values(
    `A${sum}`,
    lines.map((l) => [l.nr, l.naam]),
  );
  const [gFirst = 0, lFirst = 0, mFirst = 0] = starts;
  const composition = (li: number, i: number) => {
    const p = parts.get(i)?.find((x) => x.nr === lines[li]?.nr);
    return p ? p.gala + p.lpo + p.mutaties : 0;
  };
  rows.skip();
  s.value(
    `B${rows.take()}`,
    'Landelijk bedrag (de tabel bovenaan) − samenstelling (informatie: een zelf ingevoerde mutatie staat hier)',
    'rowHeader',
  );
  const diff = rows.take(n);
  s.values(
    `A${diff}`,
    lines.map((l) => [l.nr, l.naam]),
  );
  rows.skip();
  const check = rows.take(2);
  s.values(
    `B${check}`,
    [['Σ samenstelling'], ['Σ samenstelling − Σ Bijlage 2A (0 = de afleiding sluit)']],
    'rowHeader',
  );
  for (const run of contiguous(yearsIdx)) {
    const col = columnLetter(PERIOD_COL + run.from);
    const range = (top: number, count: number) => rangeOf(top, PERIOD_COL + run.from, count, run.count);
    s.formula(
      range(sum, n),
      `${col}${gFirst}+${col}${lFirst}+${col}${mFirst}`,
      (r, c) => composition(r, run.from + c),
      'euro',
    );
    s.formula(range(diff, n), `${col}${lineRow(lines[0]?.nr ?? 1)}-${col}${sum}`, () => 0, 'euro');
    s.formula(
      range(check, 1),
      `SUM(${col}${sum}:${col}${sum + n - 1})`,
      (_r, c) => lines.reduce((a, _l, li) => a + composition(li, run.from + c), 0),
      'euroTotal',
    );
  }
  bijlage2ACheck(ctx.years, s, check, yearsIdx, bijlage2A);
  // The input rows are not contiguous with the brede lines' rows unless lines start at 1: check.
  if (
    ctx.lines.findIndex((l) => l.nr === lines[0]?.nr) !== 0 ||
    lines.some((l, i) => ctx.lines[i]?.nr !== l.nr)
  )
    throw new Error('The Brede SPUK lines must be the first lines of the edition');
  return SheetRange.at(SHEETS.landelijk, check + 1, PERIOD_COL, 1, ctx.years.length);
}

/**
 * Σ samenstelling − Σ Bijlage 2A on the row below `sumRow` (Σ samenstelling). Σ Bijlage 2A exists for 2025 and 2026 only: the check
 * compares those; every other year shows 0 (a blank would count as a deviation on Controle).
 */
function bijlage2ACheck(
  years: readonly EditionYear[],
  s: SheetBuilder,
  sumRow: number,
  yearsIdx: readonly number[],
  bijlage2A: { readonly total2025: SheetRange; readonly total2026: SheetRange },
): void {
  const check = sumRow;
  for (const i of years.keys()) {
    const y = years[i];
    const col = columnLetter(PERIOD_COL + i);
    const total = y === 2025 ? bijlage2A.total2025 : y === 2026 ? bijlage2A.total2026 : undefined;
    if (total && yearsIdx.includes(i))
      s.formula(`${col}${check + 1}`, `${col}${check}-${total.abs()}`, () => 0, 'euro');
    else s.value(`${col}${check + 1}`, 0, 'euro');
  }
}

/** The SPUK AZWA raming as published (mln) with its column totals checked. */
function ramingBlock(ctx: NationalContext, s: SheetBuilder, rows: RowCursor): SheetRange | undefined {
  if (!ctx.lines.some((l) => l.raming !== undefined)) return undefined;
  const raming = ctx.data.azwaRaming;
  const body = raming.filter((r) => r.financieringsmiddel !== 'Totaal');
  const total = raming.find((r) => r.financieringsmiddel === 'Totaal');
  const years = ramingYears(raming);
  const col0 = yearCol(ctx.years, years[0] ?? 0);
  if (years.some((y, i) => yearCol(ctx.years, y) !== col0 + i))
    throw new Error(`The raming's years (${years.join(', ')}) are not contiguous on the year axis`);
  const nY = years.length;
  rows.skip();
  s.value(
    `A${rows.take()}`,
    'Raming SPUK AZWA zoals gepubliceerd (x € 1 mln; VWS/LZJS aan VNG 22-04-2026, 1097348-DMO, par. 4)',
    'rowHeader',
  );
  const first = rows.take(body.length);
  s.values(
    `B${first}`,
    body.map((r) => [`${r.financieringsmiddel}: ${r.wat}`]),
  );
  s.values(
    cellAddress(first, col0),
    body.map((r) => years.map((y) => mlnCell(ramingAmount(r, y)))),
    'mln',
  );
  const t = rows.take(3);
  s.values(
    `B${t}`,
    [['Σ regels'], ['Totaal volgens de bron'], ['Σ regels − totaal (€, 0 = goed)']],
    'rowHeader',
  );
  const c = columnLetter(col0);
  s.formula(
    rangeOf(t, col0, 1, nY),
    `SUM(${c}${first}:${c}${first + body.length - 1})`,
    (_r, i) => mlnResult(body.reduce((a, r) => a + ramingAmount(r, years[i]), 0)),
    'mlnTotal',
  );
  s.values(
    cellAddress(t + 1, col0),
    [years.map((y) => mlnCell(total ? ramingAmount(total, y) : euro(0)))],
    'mln',
  );
  s.formula(rangeOf(t + 2, col0, 1, nY), `ROUND((${c}${t}-${c}${t + 1})*1000000,0)`, () => 0, 'euro');
  return SheetRange.at(SHEETS.landelijk, t + 2, col0, 1, nY);
}

function openPosten(ctx: NationalContext, s: SheetBuilder, rows: RowCursor): void {
  const posts = ctx.input.edition.openPosten;
  if (posts.length === 0) return;
  rows.skip();
  s.value(
    `A${rows.take()}`,
    'Open posten: geld dat de regeling verlaat zonder bekend bedrag (geen nul)',
    'rowHeader',
  );
  const lines = posts.flatMap((p) =>
    noteLines(
      ctx,
      `${p.onderwerp} (onderdeel ${p.nrs.join(' en ')}, ${openPostJaren(p)}): ${p.toelichting} Bron: ${p.bron}.`,
    ),
  );
  s.values(
    `B${rows.take(lines.length)}`,
    lines.map((l) => [l]),
    'warning',
  );
}

/**
 * A note under the tables in lines that run on from B over the printed columns (B to the total), one
 * row per line (#18: wrapped in B's 40 units, a note took 17 rows and the sheet a page of its own). The
 * lines are measured in the body font at 85 % of the room (LibreOffice prints a wider fallback font).
 */
function noteLines(ctx: NationalContext, text: string): string[] {
  return wrapText(text, landelijkPrintRoom(ctx.years.length), { size: BODY_SIZE }, 0.85);
}

/** The width units from B to the total column (the printed columns the notes run on over). */
function landelijkPrintRoom(yearCount: number): number {
  return (
    LANDELIJK_WIDTHS.B +
    LANDELIJK_WIDTHS.C +
    LANDELIJK_WIDTHS.D +
    LANDELIJK_WIDTHS.year * yearCount +
    2 * LANDELIJK_WIDTHS.level
  );
}

/** Contiguous runs of sorted indexes. */
function contiguous(idx: readonly number[]): { from: number; count: number }[] {
  const out: { from: number; count: number }[] = [];
  for (const i of idx) {
    const last = out[out.length - 1];
    if (last && last.from + last.count === i) last.count++;
    else out.push({ from: i, count: 1 });
  }
  return out;
}

/**
 * Cofinanciering the agreements ask of the gemeente, per regeling that states it (edition rule
 * `cofinanciering`, e.g. BRC 60 % 2023–2026, VNG on Sportakkoord II): information for the begroting,
 * never a signal or a check.
 */
function cofinanciering(ctx: NationalContext, s: SheetBuilder, rows: RowCursor): void {
  const rules = ctx.input.edition.regelingen.flatMap((r) =>
    r.regels.cofinanciering === undefined ? [] : [{ r, c: r.regels.cofinanciering }],
  );
  if (rules.length === 0) return;
  rows.skip();
  s.value(`A${rows.take()}`, 'Cofinanciering: informatie voor de begroting, geen signaal', 'rowHeader');
  const naam = (nr: number) => ctx.lines.find((l) => l.nr === nr)?.naam ?? `onderdeel ${nr}`;
  const lines = rules.flatMap(({ r, c }) =>
    noteLines(
      ctx,
      `${r.naam}, ${c.onderdelen.map(naam).join(' en ')}, ${yearSpan(c.jaren)}: ${c.waarde}% eigen bijdrage van de gemeente (${c.grondslag ?? 'grondslag niet vermeld'}, ${formatDate(c.datum)}). ${c.bron}`,
    ),
  );
  s.values(
    `B${rows.take(lines.length)}`,
    lines.map((l) => [l]),
  );
}
