import type { CbsCode, EditionLine, EditionYear, Euro, YearReading } from '../domain';
import { weakestLabel } from '../domain';
import { cellAddress, columnLetter, parseRange, rangeAddress, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import { workbookOntvanger } from './columns';
import type { PlanContext } from './context';
import { afterYears, NATIONAL_CODE, PERIOD_COL, SHEETS, yearCol } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { yearHeaders, yearSpan } from './labels';
import type { LandelijkCells } from './sheets-landelijk';
import type { AllocatieCells, VerdeelsleutelCells } from './sheets-gemeenten';
import { bijlageColumn } from './sheets-gemeenten';
import type { IzaCells } from './iza-layout';
import type { ControleCells } from './sheets-controle';
import { TOETS_MASTER } from './begroting/fixed-cells';
import type { ChooserCells } from './chooser';
import { OVERZICHT_FRAME } from './chooser';
import { COLORS } from './styles';
import { formatDate } from '../messages';

const HEADER_ROW = OVERZICHT_FRAME.headerRow;
const TECH_COL = OVERZICHT_FRAME.techCol;
const LIST_COL = OVERZICHT_FRAME.listCol;
const TECH_FIRST = OVERZICHT_FRAME.techFirst;
/**
 * Columns: A nr, B onderdeel, C regeling, D eindjaar regeling, the edition's n years from E, then
 * `total`, `ontvanger`, `flag` (BBV: vastgelegd). For 2023–2029: E..K, L, M, N.
 */
interface OverzichtColumns {
  readonly years: readonly EditionYear[];
  readonly total: number;
  readonly ontvanger: number;
  readonly flag: number;
}

/**
 * Width of column B (the onderdeel names), in characters: 37 (40 before session 11) so the first page,
 * the BBV answer and the amounts the raad reads, prints at 7 pt type or more (#18).
 */
const OVERZICHT_B_WIDTH = 37;

function overzichtColumns(years: readonly EditionYear[]): OverzichtColumns {
  const total = afterYears(years);
  if (total + 2 >= TECH_COL) throw new RangeError(`Overzicht has no room for ${years.length} year columns`);
  return { years, total, ontvanger: total + 1, flag: total + 2 };
}

/**
 * The guard: every formula block in columns D..flag (amounts, totals, readings, flags) is repeated in the
 * hidden columns from AC, on the same rows, as "cell value − its own formula". The repeated formula is
 * the same text, so it refers to the same cells as the visible one; a number typed over a visible
 * formula makes its difference non-zero, and Controle counts it.
 */
const GUARD_FROM = 4;
const GUARD_SHIFT = LIST_COL + 2 - GUARD_FROM;

/** The anchors of Overzicht's sections (rows on Overzicht itself). */
export interface OverzichtCells {
  readonly chooser: ChooserCells;
  /** Per allocated line: amounts per year (the year columns from E). */
  readonly amounts: SheetRange;
  /** The line numbers (column A) of the rows of `amounts`. */
  readonly nrs: SheetRange;
  /** Totals per year: own money (baten) and, apart, what the gemeente receives as mandaatgemeente. */
  readonly eigen: SheetRange;
  readonly alsMandaatgemeente: SheetRange;
}

interface View {
  readonly ctx: PlanContext;
  readonly cols: OverzichtColumns;
  /** The year columns of `rows` rows from `row` (A1, local). */
  yearsRange(row: number, rows?: number): string;
  readonly s: SheetBuilder;
  readonly rows: RowCursor;
  readonly code: CbsCode | undefined;
  readonly lines: readonly EditionLine[];
  /** The lines of the gemeente's own money (the readings cover these). */
  readonly own: readonly EditionLine[];
  amount(nr: number, jaar: EditionYear): Euro;
  level(nr: number): Euro;
  /** The begroting's active signals (shown under the Modelcontrole). */
  readonly signalen: number;
  readonly reading: readonly YearReading[];
  /**
   * Formula ranges (columns D..flag) that show nothing ("") by design in some choices of the chooser:
   * the guard compares them as numbers (N() on both sides), so an empty cell is no difference.
   */
  readonly blankable: Set<string>;
}

export function buildOverzicht(
  ctx: PlanContext,
  chooser: ChooserCells,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'aard' | 'bbvFlags' | 'lineNrs' | 'eindjaar'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly allocatie: AllocatieCells;
    readonly iza: IzaCells;
    readonly controle: ControleCells;
    /** Allocatie's structural-level block: amounts (gemeente rows then NL) and the line numbers above them. */
    readonly levels: { readonly amounts: SheetRange; readonly nrs: SheetRange };
    /** The Begrotingstoets's plafond per begroting post (`BEGROTING_REGELINGEN` rows) × year. */
    readonly plafond: SheetRange;
    /** The begroting's active signals (the domain's count). */
    readonly signalen: number;
    /**
     * The Beschikking's planned share from the mandaatgemeente (`REGIONALE_POSTEN` rows × the
     * edition's years; live from the sheet Regioverdeling): a member's row "Ontvangen van de
     * mandaatgemeente" reads it.
     */
    readonly geplandVanMandaat?: SheetRange | undefined;
    /** Per line: the gemeente's amount (beschikking where entered, else the edition), on the Begrotingstoets. */
    readonly perLine: {
      readonly values: SheetRange;
      /** The source of each amount (same rows), live: `beschikking` where the Beschikking sheet gives it. */
      readonly bron: SheetRange;
      readonly nrs: SheetRange;
      /** The lines the block has; a line without a begroting post is read from Allocatie. */
      readonly lineNrs: readonly number[];
    };
  },
): Built<OverzichtCells> {
  const s = new SheetBuilder(SHEETS.overzicht, 'presentatie');
  const chosen = ctx.chosen;
  const code = chosen === undefined ? undefined : ctx.gemeenten[chosen]?.code;
  // The gemeente's beschikking wins in every amount shown here (the other sheets keep the edition's):
  // the scenario's view, its readings and source labels.
  const scenario = ctx.scenario;
  const ledger = scenario.view;
  const cols = overzichtColumns(ctx.years);
  const view: View = {
    ctx,
    cols,
    yearsRange: (row, rows = 1) => rangeOf(row, PERIOD_COL, rows, ctx.years.length),
    s,
    rows: new RowCursor(HEADER_ROW + 1),
    code,
    lines: ctx.allocLines,
    own: ctx.allocLines.filter((l) => l.ontvanger === 'gemeente'),
    amount: (nr, jaar) => scenario.amount(nr, jaar).bedrag,
    level: (nr) => ledger.structuralLevel(nr, code),
    reading: scenario.readings.eigen,
    signalen: from.signalen,
    blankable: new Set<string>(),
  };

  chooserSection(view, chooser, from);
  // Page 1 as the controller reads it (#18): the answer first (the BBV reading of the own money, its
  // totals filled by `bbvSection`), then the amounts; their sources and the Rijk reading after.
  const top = summaryRows(view);
  const amounts = amountsSection(view, chooser, from);
  const rijk = rijkSection(view, amounts, from.levels, chooser);
  const bbv = bbvSection(view, amounts, rijk, top);
  afloopSection(view, amounts);
  bijlageSection(view, chooser, amounts, from.verdeelsleutel);
  weakestSection(view, top, amounts);
  const open = openPostSection(view, amounts);
  noticeSection(view, top, amounts, { chooser, allocatie: from.allocatie });
  izaSection(view, chooser, from.iza);
  aansluitingSection(view, chooser, amounts, from.plafond);
  legendSection(view);
  chartSection(view, chooser, bbv, open);
  const lastRow = view.rows.next - 1;
  guardSection(view, chooser, lastRow);

  s.freezeAt(HEADER_ROW, 2);
  // On paper (issue #18): landscape, all columns on the page width, as many pages down as it takes,
  // so the text prints at about 7 pt or more; the BBV answer and the amounts come first (page 1).
  s.printAs('landscape', true).printLayout({
    area: `A1:${columnLetter(cols.flag)}${lastRow}`,
    titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    fitToHeight: 0,
  });
  s.hiddenColumn(columnLetter(TECH_COL), 14).hiddenColumn(columnLetter(LIST_COL), 30);
  s.hiddenColumn(columnLetter(HELP_COL), 14);
  // Wide enough for national sums (€ 1.234.567.890) in the NL view and the Rijk level in column D.
  // B: 40 characters, a longer onderdeel name (up to 75: Opgroeien in een Kansrijke Omgeving …) wraps
  // onto two lines; narrow enough that the sheet prints readably on the width of a landscape A4.
  // C: "SPUK AZWA regionaal" whole (#18: 16 cut it); D holds the Rijk level, an amount like the years.
  s.width('A', 6)
    .width('B', OVERZICHT_B_WIDTH)
    .width('C', 19)
    .width('D', code === undefined ? 14 : 12);
  const nY = ctx.years.length;
  // A gemeente's amounts fit 12 characters (€ 31.234.567, the largest mandaatgemeente); national sums
  // need 14. Narrower columns print larger (#18).
  for (let i = 0; i < nY; i++) s.width(columnLetter(PERIOD_COL + i), code === undefined ? 14 : 12);
  s.width(columnLetter(cols.total), 17);
  s.width(columnLetter(cols.ontvanger), 16).width(columnLetter(cols.flag), 16);
  s.wrapLongTexts('B', OVERZICHT_B_WIDTH);
  const cells: OverzichtCells = {
    chooser,
    amounts: SheetRange.at(SHEETS.overzicht, amounts.first, PERIOD_COL, view.lines.length, nY),
    nrs: SheetRange.at(SHEETS.overzicht, amounts.first, 1, view.lines.length),
    eigen: SheetRange.at(SHEETS.overzicht, amounts.eigen, PERIOD_COL, 1, nY),
    alsMandaatgemeente: SheetRange.at(SHEETS.overzicht, amounts.eigen + 1, PERIOD_COL, 1, nY),
  };
  return { sheet: s, cells };
}

function chooserSection(
  v: View,
  chooser: ChooserCells,
  from: {
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly allocatie: AllocatieCells;
    readonly controle: ControleCells;
  },
): void {
  const { ctx, s } = v;
  const m = ctx.input.edition.manifest;
  s.value('A1', 'Overzicht Brede SPUK, SPUK IZA en SPUK AZWA', 'title');
  s.value(
    'A2',
    `Editie ${m.id} (${formatDate(m.datum)}): ${m.naam}. Kies in ${chooser.code.address()} een gemeente (naam of CBS-code, of ${NATIONAL_CODE}: de som van alle gemeenten); alle bedragen volgen. Sleutel: ${ctx.key.id}.`,
    'subtitle',
  );
  s.values('B4', [['Gemeente (naam of CBS-code)'], ['Gekozen'], ['Modelcontrole']], 'rowHeader');
  s.value(chooser.code.address(), v.code ?? NATIONAL_CODE, 'input');
  // The list shows the names (then the codes, so a typed code is accepted too); it lives in the hidden
  // technical column, as do the helper cells.
  const nationalName = 'Nederland (som van de gemeenten)';
  const listItems = [
    ...ctx.gemeenten.map((g) => g.naam),
    nationalName,
    ...ctx.gemeenten.map((g) => g.code as string),
    NATIONAL_CODE,
  ];
  const list = SheetRange.at(SHEETS.overzicht, TECH_FIRST, LIST_COL, listItems.length);
  s.value(`${columnLetter(LIST_COL)}${TECH_FIRST - 1}`, 'Keuzelijst (namen, dan codes)', 'note');
  s.values(
    list.address().split(':')[0] ?? '',
    listItems.map((x) => [x]),
  );
  s.validation({
    range: chooser.code.address(),
    type: 'list',
    source: list.abs(),
    prompt: `Kies een gemeente (naam of CBS-code), of ${NATIONAL_CODE} voor de som van alle gemeenten.`,
    error: `Onbekende gemeente. Kies een naam of CBS-code uit de lijst, of ${NATIONAL_CODE}.`,
  });
  chooserFormulas(v, chooser, from);
}

/** The chooser's lookups (its row in Allocatie, its name), the signals and the master check, the header. */
function chooserFormulas(
  v: View,
  chooser: ChooserCells,
  from: { readonly allocatie: AllocatieCells; readonly controle: ControleCells },
): void {
  const { ctx, s } = v;
  const chosenCode = v.code ?? NATIONAL_CODE;
  const chosenName =
    v.code === undefined ? 'Nederland (som van de gemeenten)' : (ctx.gemeenten[ctx.chosen ?? 0]?.naam ?? '');
  const chosenRow = ctx.chosen === undefined ? ctx.gemeenten.length + 1 : ctx.chosen + 1;
  const row = chooser.row.local().abs();
  const lookup = from.allocatie.byCode;
  const typed = `TRIM(${chooser.code.local().abs()})`;
  s.value(`${columnLetter(TECH_COL)}${TECH_FIRST - 1}`, 'Rij in Allocatie', 'note');
  s.formula(
    chooser.row.address(),
    `IFERROR(MATCH(${typed},${lookup.codes.abs()},0),MATCH(${typed},${lookup.names.abs()},0))`,
    () => chosenRow,
    'integer',
  );
  s.formula(
    chooser.name.address(),
    `INDEX(${lookup.names.abs()},${row})&" ("&INDEX(${lookup.codes.abs()},${row})&")"`,
    () => `${chosenName} (${chosenCode})`,
    'rowHeader',
  );
  const master = from.controle.master.abs();
  // The begroting's signals (the Begrotingstoets is built later; its count sits in a fixed cell).
  s.value('B7', 'Begroting: signalen', 'rowHeader');
  s.formula(
    'C7',
    `IF(${TOETS_MASTER.abs()}=0,"geen",${TOETS_MASTER.abs()}&" (zie blad ${SHEETS.toets})")`,
    () => (v.signalen === 0 ? 'geen' : `${v.signalen} (zie blad ${SHEETS.toets})`),
    // Left-aligned bold: a centred text longer than C ran into B and was cut at its left (#18).
    'rowHeader',
  );
  s.formula(
    chooser.check.address(),
    `IF(${master}=0,"OK","FOUT: zie blad ${SHEETS.controle}")`,
    () => (ctx.scenario.modelChecksTotal === 0 ? 'OK' : `FOUT: zie blad ${SHEETS.controle}`),
    'check',
  );
  const check = chooser.check.local().rel();
  s.conditional({
    range: chooser.check.address(),
    formula: `${check}="OK"`,
    fill: COLORS.structureelFill,
    fontColor: COLORS.structureelText,
    bold: true,
    priority: 1,
  });
  s.conditional({
    range: chooser.check.address(),
    formula: `${check}<>"OK"`,
    fill: COLORS.incidenteelFill,
    fontColor: COLORS.incidenteelText,
    bold: true,
    priority: 2,
  });
  s.values(
    `A${HEADER_ROW}`,
    [
      [
        'Nr',
        'Onderdeel',
        'Regeling',
        'Eindjaar',
        ...yearHeaders(ctx.years),
        `Totaal ${yearSpan(ctx.years)}`,
        'Ontvanger',
        'BBV: vastgelegd',
      ],
    ],
    'header',
  );
}

interface SummaryRows {
  /** Own money (baten) per year, repeated at the top. */
  readonly eigen: number;
  /** First of the four BBV totals (structureel, incidenteel, niet te begroten, risico). */
  readonly bbv: number;
  /** The weakest source of the own money per year (filled by `weakestSection`). */
  readonly bron: number;
  /** The SPUK AZWA status line (raming until a beschikking), when the edition has SPUK AZWA lines. */
  readonly azwa: number | undefined;
  /** The floor warning, when the edition has floor gemeenten the SPUK AZWA raming does not carry on. */
  readonly vloer: number | undefined;
}

/** The regeling id of the SPUK AZWA (lokaal and regionaal). */
const AZWA = 'spuk-azwa';
/** First row of the hidden list of floor gemeenten (CBS codes) in the technical column. */
const VLOER_LIST_ROW = OVERZICHT_FRAME.techFirst + 6;
/** A hidden helper column between the choice list and the guard: the notices' counts and texts. */
const HELP_COL = LIST_COL + 1;

/**
 * The top of Overzicht, right under the chooser: what to do first, then the BBV answer (labelled and
 * explained; its totals filled later). The Rijk reading follows the amounts and their sources
 * (`rijkSection`): information, not the answer for the eigen begroting (#18).
 */
function summaryRows(v: View): SummaryRows {
  const { ctx, s, rows } = v;
  // What to do first and what to watch, right under the chooser (filled by `noticeSection`).
  const azwa = v.lines.some((l) => l.regeling.id === AZWA) ? rows.take() : undefined;
  const vloer = ctx.scenario.vloer.jaar === undefined ? undefined : rows.take();
  if (azwa !== undefined || vloer !== undefined) rows.skip();
  s.value(
    `A${rows.take()}`,
    'Lezing BBV: wat de gemeente in de eigen begroting structureel mag opnemen (€)',
    'rowHeader',
  );
  s.value(
    `A${rows.take()}`,
    `Commissie BBV (notitie incidentele baten en lasten, zie blad Bronnen): geld onder een regeling met een einddatum is incidenteel; structureel is alleen wat een nieuwe regeling vastlegt (kolom BBV: vastgelegd).`,
    'note',
  );
  const eigen = rows.take();
  s.value(`B${eigen}`, `Eigen geld (baten van de gemeente, ${yearSpan(ctx.years)})`, 'rowHeader');
  const bbv = rows.take(4);
  const bron = rows.take();
  s.value(`B${bron}`, 'Bron van de bedragen (de zwakste in het jaar)', 'rowHeader');
  rows.skip();
  return { eigen, bbv, bron, azwa, vloer };
}

interface AmountRows {
  readonly first: number;
  readonly last: number;
  readonly eigen: number;
  /** The first row of the totals per post (begroting post, else regeling), `posts` in that order. */
  readonly regelingen: number;
  readonly posts: readonly string[];
  /** The first row of the source labels per line (same order as the amounts). */
  readonly bron: number;
}

function amountsSection(
  v: View,
  chooser: ChooserCells,
  from: {
    readonly allocatie: AllocatieCells;
    readonly landelijk: Pick<LandelijkCells, 'bbvFlags' | 'lineNrs' | 'eindjaar'>;
    readonly perLine: {
      readonly values: SheetRange;
      /** The source of each amount (same rows), live: `beschikking` where the Beschikking sheet gives it. */
      readonly bron: SheetRange;
      readonly nrs: SheetRange;
      /** The lines the block has; a line without a begroting post is read from Allocatie. */
      readonly lineNrs: readonly number[];
    };
    readonly geplandVanMandaat?: SheetRange | undefined;
  },
): AmountRows {
  const { ctx, s, rows, lines } = v;
  const n = lines.length;
  s.value(`A${rows.take()}`, 'Wat de gemeente ontvangt, per onderdeel en jaar (€)', 'rowHeader');
  const first = rows.take(n);
  const last = first + n - 1;
  s.values(
    `A${first}`,
    // Column C: the begroting post (SPUK AZWA lokaal, the gemeente's own money, apart from regionaal).
    lines.map((l) => [l.nr, l.naam, postLabel(l), l.regeling.eindjaar]),
  );
  // The Begrotingstoets holds each line's amount for the chosen gemeente: the edition's (from
  // Allocatie), or the beschikking where the gemeente entered one (sheet Beschikking).
  const perLine = from.perLine;
  const valuesCol = SheetRange.at(
    perLine.values.sheet,
    perLine.values.top,
    perLine.values.left,
    perLine.values.bottom - perLine.values.top + 1,
  ).fixRow();
  // A line with no begroting post (so no row on the Begrotingstoets, and no beschikking) is read from
  // Allocatie directly, as the toets reads the edition's amount: one block per run of such rows.
  const year = SheetRange.at(SHEETS.overzicht, HEADER_ROW, PERIOD_COL);
  const helper = chooser.row.local().abs();
  const formulaOf = (row: number, inToets: boolean): string =>
    inToets
      ? `INDEX(${valuesCol},MATCH($A${row},${perLine.nrs.abs()},0))`
      : `INDEX(${from.allocatie.byCode.amounts.abs()},${helper},(${year.local().fixRow()}-${year.local().abs()})*COLUMNS(${from.allocatie.lineNrs.abs()})+MATCH($A${row},${from.allocatie.lineNrs.abs()},0))`;
  for (const run of runsOf(lines, (l) => perLine.lineNrs.includes(l.nr))) {
    const row = first + run.from;
    s.formula(
      v.yearsRange(row, run.count),
      formulaOf(row, run.value),
      (ri, c) => v.amount(lines[run.from + ri]?.nr ?? 0, ctx.years[c] as EditionYear),
      'euro',
    );
  }
  const L = columnLetter(v.cols.total);
  const lastYear = columnLetter(v.cols.total - 1);
  s.formula(
    `${L}${first}:${L}${last}`,
    `SUM(E${first}:${lastYear}${first})`,
    (ri) => ctx.years.reduce((a, y) => a + v.amount(lines[ri]?.nr ?? 0, y), 0),
    'euro',
  );
  s.values(
    `${columnLetter(v.cols.ontvanger)}${first}`,
    lines.map((l) => [workbookOntvanger(l.ontvanger)]),
    'center',
  );
  const flag = columnLetter(v.cols.flag);
  s.formula(
    `${flag}${first}:${flag}${last}`,
    `INDEX(${from.landelijk.bbvFlags.abs()},MATCH($A${first},${from.landelijk.lineNrs.abs()},0))`,
    (ri) => ctx.vastgelegd.get(lines[ri]?.nr ?? 0) ?? 0,
    'integer',
  );
  const { eigen, regelingen, posts } = amountTotals(v, first, last, {
    gepland: from.geplandVanMandaat,
    chooser,
    codes: from.allocatie.byCode.codes,
  });
  const bron = bronRows(v, perLine, first);
  return { first, last, eigen, regelingen, posts, bron };
}

/** Totals per year: own money apart from regional money, then per regeling (SUMIF over the line rows). */
function amountTotals(
  v: View,
  first: number,
  last: number,
  member: VanMandaatFrom,
): { eigen: number; regelingen: number; posts: readonly string[] } {
  const { ctx, s, rows, lines } = v;
  const years = ctx.years;
  const nY = years.length;
  const eigen = rows.take(2);
  const M = columnLetter(v.cols.ontvanger);
  const sumOf = (pred: (l: EditionLine) => boolean, c: number): number =>
    c < nY
      ? lines.filter(pred).reduce((a, l) => a + v.amount(l.nr, years[c] as EditionYear), 0)
      : years.reduce((a, y) => a + lines.filter(pred).reduce((b, l) => b + v.amount(l.nr, y), 0), 0);
  s.values(
    `B${eigen}`,
    [['Eigen geld: baten van de gemeente'], ['Als mandaatgemeente ontvangen en door te geven (regionaal)']],
    'rowHeader',
  );
  s.formula(
    rangeOf(eigen, PERIOD_COL, 1, nY + 1),
    `SUMIF($${M}$${first}:$${M}$${last},"gemeente",E$${first}:E$${last})`,
    (_r, c) => sumOf((l) => l.ontvanger === 'gemeente', c),
    'euroTotal',
  );
  s.formula(
    rangeOf(eigen + 1, PERIOD_COL, 1, nY + 1),
    `SUMIF($${M}$${first}:$${M}$${last},"mandaatgemeente",E$${first}:E$${last})`,
    (_r, c) => sumOf((l) => l.ontvanger === 'mandaatgemeente', c),
    'euroTotal',
  );
  const isMember = vanMandaatRows(v, eigen, member);
  const posts = [...new Set(lines.map(postLabel))];
  rows.skip();
  const heading = rows.take();
  // A member's page 1 ends with its rows from the mandaatgemeente; the block per regeling starts page
  // 2 whole (measured in Calibri's metrics: otherwise its first row printed alone on page 1, #18).
  // A mandaatgemeente's page 1 holds the block whole (it has no member rows).
  if (isMember) s.pageBreakBefore(heading);
  s.value(
    `A${heading}`,
    'Per regeling (€; SPUK AZWA lokaal = eigen geld, regionaal = als mandaatgemeente)',
    'rowHeader',
  );
  const reg = rows.take(posts.length);
  s.values(
    `C${reg}`,
    posts.map((p) => [p]),
  );
  s.formula(
    rangeOf(reg, PERIOD_COL, posts.length, nY + 1),
    `SUMIF($C$${first}:$C$${last},$C${reg},E$${first}:E$${last})`,
    (ri, c) => sumOf((l) => postLabel(l) === posts[ri], c),
    'euroTotal',
  );
  return { eigen, regelingen: reg, posts };
}

/** What a member's rows "Ontvangen van de mandaatgemeente" read (see `vanMandaatRows`). */
interface VanMandaatFrom {
  /** The Beschikking's planned share per regional post × year, for the werkmap's own gemeente. */
  readonly gepland: SheetRange | undefined;
  readonly chooser: ChooserCells;
  /** Allocatie's CBS codes (the chooser's row indexes them). */
  readonly codes: SheetRange;
}

/**
 * A hidden helper (beside the notices' helpers): 1 while the chooser shows the werkmap's own gemeente
 * (its CBS code on the chosen row of Allocatie), else 0.
 */
const EIGEN_GEKOZEN = SheetRange.at(SHEETS.overzicht, OVERZICHT_FRAME.techFirst + 6, HELP_COL);
/**
 * The werkmap's own gemeente as values the formulas read (its CBS code; the note shown while another is
 * chosen): values, not text inside the formulas, so every member's Overzicht has the same formulas and
 * a batch patches its values into one package (src/xlsx/batch-xlsx.ts compares formulas in full).
 */
const EIGEN_CODE = SheetRange.at(SHEETS.overzicht, OVERZICHT_FRAME.techFirst + 10, HELP_COL);
const EIGEN_ALLEEN = SheetRange.at(SHEETS.overzicht, OVERZICHT_FRAME.techFirst + 11, HELP_COL);

/**
 * A member gemeente (`regioRol` 'lid', #18): under the totals, what it receives from its
 * mandaatgemeente as planned (the Beschikking's planned share, live from the sheet Regioverdeling;
 * the scenario's `geplandVanMandaat`), the eigen geld plus that, and where the Samenvatting's
 * "Totaal baten" may differ from it. Its own regional rows above are € 0 (source `geen`): the region's
 * money is paid to the mandaatgemeente. Nothing for any other gemeente (returns whether it wrote them).
 *
 * The planned share exists for the werkmap's own gemeente only (the werkmap holds its region's
 * Regioverdeling, no other): while the chooser shows another gemeente the rows are empty and the note
 * under them says whose they are, instead of showing the own gemeente's amounts beside another's.
 */
function vanMandaatRows(v: View, eigen: number, from: VanMandaatFrom): boolean {
  const { ctx, s, rows } = v;
  const { gepland } = from;
  const self = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen];
  if (ctx.scenario.regioRol !== 'lid' || gepland === undefined || self === undefined) return false;
  const values = ctx.scenario.geplandVanMandaat;
  const nY = ctx.years.length;
  const total = columnLetter(v.cols.total);
  const lastYear = columnLetter(v.cols.total - 1);
  const ownIn = (c: number): number =>
    v.own.reduce((a, l) => a + v.amount(l.nr, ctx.years[c] as EditionYear), 0);
  s.value(cellAddress(EIGEN_GEKOZEN.top - 1, HELP_COL), `Gekozen: ${self.naam} (1 = ja)`, 'note');
  s.value(cellAddress(EIGEN_CODE.top - 1, HELP_COL), 'De gemeente van deze werkmap', 'note');
  s.value(EIGEN_CODE.address(), self.code);
  s.formula(
    EIGEN_GEKOZEN.address(),
    `IF(INDEX(${from.codes.abs()},${from.chooser.row.local().abs()})=${EIGEN_CODE.abs()},1,0)`,
    () => 1,
    'integer',
  );
  const shown = (formula: string): string => `IF(${EIGEN_GEKOZEN.abs()}=1,${formula},"")`;
  const r = rows.take(2);
  s.values(
    `B${r}`,
    [
      ['Ontvangen van de mandaatgemeente (gepland aandeel, blad Regioverdeling)'],
      ['Eigen geld en ontvangen van de mandaatgemeente'],
    ],
    'rowHeader',
  );
  const share = v.yearsRange(r);
  const shareTotal = `${total}${r}`;
  const together = rangeOf(r + 1, PERIOD_COL, 1, nY + 1);
  // Σ over the regional posts (one of them has money in a year) of the Beschikking's planned share.
  s.formula(
    share,
    shown(
      Array.from({ length: gepland.bottom - gepland.top + 1 }, (_, k) => gepland.cell(k).fixRow()).join('+'),
    ),
    (_r, c) => values[c] ?? 0,
    'euroTotal',
  );
  s.formula(shareTotal, shown(`SUM(E${r}:${lastYear}${r})`), () => sumOf(values), 'euroTotal');
  s.formula(
    together,
    shown(`E${eigen}+E${r}`),
    (_r, c) =>
      c < nY ? ownIn(c) + (values[c] ?? 0) : ctx.years.reduce((a, _y, k) => a + ownIn(k), 0) + sumOf(values),
    'euroTotal',
  );
  for (const b of [share, shareTotal, together]) v.blankable.add(b);
  const samen =
    'Samen de baten op blad Samenvatting (Totaal baten), behalve een overheveling tussen jaren (blad Begrotingstoets) en een op blad Beschikking ingevuld bedrag in plaats van het geplande aandeel.';
  const alleen = `Deze twee rijen gelden alleen voor ${self.naam}, de gemeente van deze werkmap: kies ${self.naam} in ${from.chooser.code.address()} om ze te zien.`;
  s.value(EIGEN_ALLEEN.address(), alleen);
  s.formula(
    `B${rows.take()}`,
    `IF(${EIGEN_GEKOZEN.abs()}=1,"${samen}",${EIGEN_ALLEEN.abs()})`,
    () => samen,
    'note',
  );
  return true;
}

const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The begroting post of a line (`SPUK AZWA lokaal`, `SPUK AZWA regionaal`, …), else its regeling's name. */
function postLabel(l: EditionLine): string {
  return l.begroting ?? l.regeling.naam;
}

/**
 * Where each amount comes from, live: the Begrotingstoets's source per line (`beschikking` where the
 * Beschikking sheet gives the amount for the gemeente on Overzicht, else the edition's label); a line
 * without a begroting post has no beschikking: the edition's label (a constant).
 */
function bronRows(
  v: View,
  perLine: { readonly bron: SheetRange; readonly nrs: SheetRange; readonly lineNrs: readonly number[] },
  amountFirst: number,
): number {
  const { s, rows, lines } = v;
  const n = lines.length;
  rows.skip();
  s.value(
    `A${rows.take()}`,
    'Bron per onderdeel en jaar (beschikking > gepubliceerd > afgeleid > geschat > raming; open post = geen bedrag bekend)',
    'rowHeader',
  );
  const bron = rows.take(n);
  s.values(
    `A${bron}`,
    lines.map((l) => [l.nr, l.naam]),
  );
  const col = SheetRange.at(
    perLine.bron.sheet,
    perLine.bron.top,
    perLine.bron.left,
    perLine.bron.bottom - perLine.bron.top + 1,
  ).fixRow();
  for (const run of runsOf(lines, (l) => perLine.lineNrs.includes(l.nr))) {
    const row = bron + run.from;
    const runLines = lines.slice(run.from, run.from + run.count);
    if (run.value)
      // A regional line (paid to the mandaatgemeente) whose amount here is € 0: `geen`, not the
      // region's label (the scenario's `cellBron`, #18); the other lines as the Begrotingstoets has it.
      for (const part of runsOf(runLines, (l) => l.ontvanger === 'mandaatgemeente')) {
        const r = row + part.from;
        const src = `INDEX(${col},MATCH($A${r},${perLine.nrs.abs()},0))&""`;
        const amount = `E${amountFirst + (r - bron)}`;
        s.formula(
          v.yearsRange(r, part.count),
          part.value ? `IF(${amount}=0,"geen",${src})` : src,
          (ri, c) => bronOf(v, runLines[part.from + ri] as EditionLine, v.ctx.years[c] as EditionYear),
          'note',
        );
      }
    else
      s.values(
        `E${row}`,
        runLines.map((l) => v.ctx.years.map((y) => bronOf(v, l, y))),
        'note',
      );
  }
  return bron;
}

/** The sources from the weakest to the most certain (`weakestLabel`'s order, reversed). */
const BRONNEN = ['raming', 'geschat', 'afgeleid', 'gepubliceerd', 'beschikking'] as const;

/**
 * The weakest source of the own money per year, live: per source whether an own amount (≠ 0) has
 * that label (1 = ja; MIN(1, COUNTIFS) over the source and amount rows), weakest first, and on the top
 * row the first source that occurs (`weakestLabel` of the domain; '' when none).
 */
function weakestSection(v: View, top: SummaryRows, amounts: AmountRows): void {
  const { ctx, s, rows, own } = v;
  const n = own.length;
  rows.skip();
  const head = rows.take();
  s.value(
    `A${head}`,
    'Bronnen van het eigen geld (1 = komt voor bij een bedrag ≠ 0; zwakste eerst)',
    'rowHeader',
  );
  const first = rows.take(BRONNEN.length);
  // A helper grid (#18): its answer is the "bron" row at the top; hidden on screen and paper, still live.
  s.hideRows(head - 1, first + BRONNEN.length - 1);
  s.values(
    `C${first}`,
    BRONNEN.map((b) => [b]),
  );
  const labelsOf = (y: EditionYear) =>
    own.filter((l) => v.amount(l.nr, y) !== 0).map((l) => ctx.scenario.amount(l.nr, y).bron);
  const bron = `E$${amounts.bron}:E$${amounts.bron + n - 1}`;
  const amount = `E$${amounts.first}:E$${amounts.first + n - 1}`;
  s.formula(
    v.yearsRange(first, BRONNEN.length),
    `MIN(1,COUNTIFS(${bron},$C${first},${amount},"<>0"))`,
    (ri, c) => (labelsOf(ctx.years[c] as EditionYear).includes(BRONNEN[ri] ?? 'geschat') ? 1 : 0),
    'integer',
  );
  const last = first + BRONNEN.length - 1;
  s.formula(
    v.yearsRange(top.bron),
    `IFERROR(INDEX($C$${first}:$C$${last},MATCH(1,E$${first}:E$${last},0)),"")`,
    (_r, c) => weakestLabel(labelsOf(ctx.years[c] as EditionYear)),
    'note',
  );
}

function bronOf(v: View, line: EditionLine, jaar: EditionYear): string {
  return v.ctx.scenario.cellBron(line.nr, jaar);
}

interface RijkRows {
  readonly s: number;
  readonly count: number;
  readonly sumS: number;
}

/**
 * The Rijk's reading of the own money: structural up to the level that continues, the rest incidental.
 * After the amounts and their sources (#18: the controller reads the BBV answer and the amounts on
 * page 1): its heading, what it means and its two totals, then the rows per onderdeel they add up.
 */
function rijkSection(
  v: View,
  amounts: AmountRows,
  levels: { readonly amounts: SheetRange; readonly nrs: SheetRange },
  chooser: ChooserCells,
): RijkRows {
  const { s, rows, own, lines } = v;
  const n = own.length;
  rows.skip(2);
  s.value(`A${rows.take()}`, 'Lezing Rijk: ter informatie, niet voor de eigen begroting (€)', 'rowHeader');
  s.value(
    `A${rows.take()}`,
    'Het Rijk noemt structureel wat het na de regeling wil voortzetten, tot het structurele niveau per onderdeel (hieronder); de rest noemt het incidenteel.',
    'note',
  );
  const sumS = rows.take(2);
  rows.skip();
  s.value(
    `A${rows.take()}`,
    'Lezing Rijk per onderdeel (eigen geld): structureel tot het structurele niveau dat het Rijk wil voortzetten (Structureel niveau), de rest incidenteel',
    'rowHeader',
  );
  // Column D holds the Rijk's structural level here, not the Eindjaar of the header row above: its own heading.
  const levelHeading = rows.take();
  s.value(`D${levelHeading}`, 'Structureel niveau (Rijk)', 'header').rowHeight(levelHeading, 30);
  const first = rows.take(n);
  s.values(
    `A${first}`,
    own.map((l) => [l.nr, l.naam]),
  );
  const lineRow = (l: EditionLine) => amounts.first + lines.indexOf(l);
  if (own.some((l, i) => lineRow(l) !== amounts.first + i))
    throw new Error('Own lines must be the first allocated lines');
  const r = chooser.row.local().abs();
  s.formula(
    `D${first}:D${first + n - 1}`,
    `INDEX(${levels.amounts.abs()},${r},MATCH($A${first},${levels.nrs.abs()},0))`,
    (ri) => v.level(own[ri]?.nr ?? 0),
    'euro',
  );
  s.formula(
    v.yearsRange(first, n),
    // Never below zero: a negative amount (a pasted correction) is incidental, as the domain reads it.
    `MAX(0,MIN(E${amounts.first},$D${first}))`,
    (ri, c) => {
      const l = own[ri];
      return l ? v.ctx.scenario.lineReading(l.nr, v.ctx.years[c] as EditionYear).rijkS : 0;
    },
    'euro',
  );
  s.values(`B${sumS}`, [['Totaal structureel (Rijk)'], ['Totaal incidenteel (Rijk)']], 'rowHeader');
  s.formula(
    v.yearsRange(sumS),
    `SUM(E${first}:E${first + n - 1})`,
    (_r, c) => v.reading[c]?.rijkStructureel ?? 0,
    'euroTotal',
  );
  s.formula(
    v.yearsRange(sumS + 1),
    `SUMIF($${columnLetter(v.cols.ontvanger)}$${amounts.first}:$${columnLetter(v.cols.ontvanger)}$${amounts.last},"gemeente",E$${amounts.first}:E$${amounts.last})-E${sumS}`,
    (_r, c) => v.reading[c]?.rijkIncidenteel ?? 0,
    'euroTotal',
  );
  return { s: first, count: n, sumS };
}

interface BbvRows {
  readonly s: number;
  readonly i: number;
  readonly n: number;
}

/**
 * The BBV reading of the own money (Commissie BBV, notitie incidentele baten en lasten): money under
 * a regeling with an end date is incidental; only what a new regeling makes lasting (the flag column) is
 * structural; money after the regeling's last year (column D) has no regeling: not to be budgeted.
 */
function bbvSection(v: View, amounts: AmountRows, rijk: RijkRows, top: SummaryRows): BbvRows {
  const { s, rows, own } = v;
  const n = own.length;
  const year = `E$${HEADER_ROW}`;
  rows.skip(2);
  s.value(
    `A${rows.take()}`,
    `Lezing BBV per onderdeel (eigen begroting): geld onder een regeling met einddatum is incidenteel; structureel alleen wat een nieuwe regeling vastlegt (blad Landelijk); niet te begroten: na het eindjaar, zonder nieuwe regeling`,
    'rowHeader',
  );
  const sRow = rows.take(n);
  s.values(
    `A${sRow}`,
    own.map((l) => [l.nr, `${l.naam}: structureel (BBV)`]),
  );
  const a = amounts.first;
  const F = `$${columnLetter(v.cols.flag)}${a}`;
  const split = (l: EditionLine, y: EditionYear) => v.ctx.scenario.lineReading(l.nr, y);
  s.formula(
    v.yearsRange(sRow, n),
    `(${F}>0)*(${year}>=${F})*(${year}>$D${a})*E${a}`,
    (ri, c) => {
      const l = own[ri];
      return l ? split(l, v.ctx.years[c] as EditionYear).bbvS : 0;
    },
    'euro',
  );
  const nRow = rows.take(n);
  s.values(
    `A${nRow}`,
    own.map((l) => [l.nr, `${l.naam}: niet te begroten`]),
  );
  s.formula(
    v.yearsRange(nRow, n),
    `(1-(${F}>0)*(${year}>=${F}))*(${year}>$D${a})*E${a}`,
    (ri, c) => {
      const l = own[ri];
      return l ? split(l, v.ctx.years[c] as EditionYear).niet : 0;
    },
    'euro',
  );
  const tot = top.bbv;
  s.formula(v.yearsRange(top.eigen), `E$${amounts.eigen}`, (_r, c) => v.reading[c]?.bedrag ?? 0, 'euroTotal');
  s.values(
    `B${tot}`,
    [
      ['Totaal structureel (BBV): alleen wat een nieuwe regeling vastlegt'],
      ['Totaal incidenteel (BBV)'],
      ['Niet te begroten zolang er geen nieuwe regeling is'],
      ['Risico: structureel bij het Rijk, niet structureel volgens BBV'],
    ],
    'rowHeader',
  );
  s.formula(
    v.yearsRange(tot),
    `SUM(E${sRow}:E${sRow + n - 1})`,
    (_r, c) => v.reading[c]?.bbvStructureel ?? 0,
    'euroTotal',
  );
  s.formula(
    v.yearsRange(tot + 2),
    `SUM(E${nRow}:E${nRow + n - 1})`,
    (_r, c) => v.reading[c]?.nietTeBegroten ?? 0,
    'euroTotal',
  );
  s.formula(
    v.yearsRange(tot + 1),
    `E$${amounts.eigen}-E${tot}-E${tot + 2}`,
    (_r, c) => v.reading[c]?.bbvIncidenteel ?? 0,
    'euroTotal',
  );
  s.formula(
    v.yearsRange(tot + 3),
    `E${rijk.sumS}-E${tot}`,
    (_r, c) => v.reading[c]?.risico ?? 0,
    'euroTotal',
  );
  // Red when there is a risk; a zero in the text colour.
  s.format(v.yearsRange(tot + 3), 'warningEuro');
  return { s: tot, i: tot + 1, n: tot + 2 };
}

/** Afloop: what stops after each year, per onderdeel (own money; after the last year everything stops). */
function afloopSection(v: View, amounts: AmountRows): void {
  const { ctx, s, rows, own } = v;
  const n = own.length;
  const nY = ctx.years.length;
  rows.skip(2);
  s.value(
    `A${rows.take()}`,
    `Afloop: wat valt weg na elk jaar, per onderdeel (€; daling, stijgingen niet verrekend; na ${ctx.years[nY - 1] ?? ''} is niets bekend)`,
    'rowHeader',
  );
  const first = rows.take(n);
  s.values(
    `A${first}`,
    own.map((l) => [l.nr, l.naam]),
  );
  const stops = (l: EditionLine, c: number) => ctx.scenario.afloop(l.nr, ctx.years[c] as EditionYear);
  s.formula(
    rangeOf(first, PERIOD_COL, n, nY - 1),
    `MAX(0,E${amounts.first}-F${amounts.first})`,
    (ri, c) => (own[ri] ? stops(own[ri] as EditionLine, c) : 0),
    'euro',
  );
  const K = columnLetter(PERIOD_COL + nY - 1);
  s.formula(
    `${K}${first}:${K}${first + n - 1}`,
    `MAX(0,${K}${amounts.first})`,
    (ri) => (own[ri] ? stops(own[ri] as EditionLine, nY - 1) : 0),
    'euro',
  );
  const sum = rows.take();
  s.values(`B${sum}`, [['Totaal valt weg na dit jaar']], 'rowHeader');
  s.formula(
    v.yearsRange(sum),
    `SUM(E${first}:E${first + n - 1})`,
    (_r, c) => v.reading[c]?.valtWeg ?? 0,
    'euroTotal',
  );
}

/** The published Bijlage 2A totals against the gemeente's own Brede SPUK amounts. */
function bijlageSection(v: View, chooser: ChooserCells, amounts: AmountRows, vs: VerdeelsleutelCells): void {
  const { ctx, s, rows } = v;
  // The comparison's numbers are the scenario's (published Bijlage 2A against Σ onderdelen).
  const b2aOf = (y: EditionYear) => ctx.scenario.bijlage2A.find((x) => x.jaar === y);
  const b2a = (y: EditionYear) => b2aOf(y)?.gepubliceerd ?? 0;
  const sumBrede = (y: EditionYear) => b2aOf(y)?.onderdelen ?? 0;
  rows.skip(2);
  s.value(
    `A${rows.take()}`,
    'Aansluiting met het gepubliceerde totaal (VWS-brief 12-09-2025, Bijlage 2A)',
    'rowHeader',
  );
  const b = rows.take(3);
  s.values(
    `B${b}`,
    [
      ['Gepubliceerd totaal Brede SPUK (Bijlage 2A)'],
      ['Deze editie: som van de onderdelen 1–15'],
      ['Verschil (0 als de editie Bijlage 2A volgt)'],
    ],
    'rowHeader',
  );
  // The years Bijlage 2A publishes (the scenario's comparison has one entry per published year).
  const years = ctx.scenario.bijlage2A.map((x) => x.jaar);
  const firstYear = years[0];
  if (firstYear === undefined) return;
  const col0 = yearCol(ctx.years, firstYear);
  if (years.some((y, i) => yearCol(ctx.years, y) !== col0 + i))
    throw new Error(`The Bijlage 2A years (${years.join(', ')}) are not contiguous on the year axis`);
  const r = chooser.row.local().abs();
  years.forEach((y, i) =>
    s.formula(cellAddress(b, col0 + i), `INDEX(${bijlageColumn(vs, y).abs()},${r})`, () => b2a(y), 'euro'),
  );
  const G = columnLetter(col0);
  const Hh = columnLetter(col0 + years.length - 1);
  const brede = v.own.filter((l) => l.regeling.id === 'brede-spuk');
  const last = amounts.first + brede.length - 1;
  const yearOf = (c: number) => years[c] ?? firstYear;
  s.formula(
    `${G}${b + 1}:${Hh}${b + 1}`,
    `SUM(${G}${amounts.first}:${G}${last})`,
    (_r, c) => sumBrede(yearOf(c)),
    'euro',
  );
  s.formula(
    `${G}${b + 2}:${Hh}${b + 2}`,
    `${G}${b}-${G}${b + 1}`,
    (_r, c) => b2aOf(yearOf(c))?.verschil ?? 0,
    'euro',
  );
}

/**
 * The cross-sheet checks (issue 16, "one truth"): per begroting post and year, Overzicht's total of the
 * post minus the Begrotingstoets's plafond (which the Samenvatting's baten and the rules read), 0 =
 * the sheets agree. Their count goes to the fixed cell Controle reads (`aansluiting`), so a changed
 * formula or a number typed over an amount on either sheet turns the Modelcontrole into FOUT. The
 * expected values are the domain's (`Scenario.aansluiting`).
 */
function aansluitingSection(v: View, chooser: ChooserCells, amounts: AmountRows, plafond: SheetRange): void {
  const { ctx, s, rows } = v;
  const regels = ctx.scenario.aansluiting;
  rows.skip(2);
  // The checks, the legend and the chart on the last page (a page break above the checks): the
  // legend alone printed on a near-empty page before the chart's (#18).
  const heading = rows.take();
  s.pageBreakBefore(heading);
  s.value(
    `A${heading}`,
    `Aansluiting tussen de bladen: Overzicht min het plafond op de ${SHEETS.toets} (0 = gelijk; telt mee in de Modelcontrole)`,
    'rowHeader',
  );
  const first = rows.take(regels.length);
  s.values(
    `B${first}`,
    regels.map((r) => [`Overzicht − ${SHEETS.toets}`, r.post]),
  );
  regels.forEach((r, i) => {
    const at = amounts.posts.indexOf(r.post);
    const own = at < 0 ? '0' : `E$${amounts.regelingen + at}`;
    const toets = plafond.rows(i).cell().fixRow();
    s.formula(v.yearsRange(first + i), `${own}-${toets}`, (_r, c) => r.verschil[c] ?? 0, 'euro');
  });
  const range = rangeOf(first, PERIOD_COL, regels.length, ctx.years.length);
  s.value(cellAddress(chooser.aansluiting.top - 1, TECH_COL), 'Aansluiting: afwijkingen', 'note');
  s.formula(
    chooser.aansluiting.address(),
    `COUNTIF(${range},"<>0")`,
    () => ctx.scenario.modelChecks.aansluiting,
    'integer',
  );
}

/**
 * The open posts (BRC and Sportakkoord from 2027): one line each with the domain's indicative amount
 * (`Scenario.openPosten`: landelijk × the gemeente's share of the post's lines in the year before),
 * labelled "open post, indicatief" and never in a total; the key and its source on the next row.
 * An open post whose source gives no amount (the BFU in the gemeentefonds from 2030, vws-2026-04)
 * gets a line with the text "open post" in its years: no euro figure, not zero, not in a total.
 * Returns the rows of the amounts (the chart shows them apart).
 */
function openPostSection(v: View, amounts: AmountRows): number[] {
  const { ctx, s, rows, lines } = v;
  const posts = ctx.scenario.openPosten;
  const zonderBedrag = ctx.input.edition.openPosten.filter(
    (p) => p.landelijk === undefined && ctx.years.some((y) => y >= p.vanJaar && y <= p.totEnMetJaar),
  );
  if (posts.length === 0 && zonderBedrag.length === 0) return [];
  rows.skip();
  s.value(
    `A${rows.take()}`,
    'Open posten: geld dat de regeling verlaat zonder bekend bedrag per gemeente (indicatief, niet in de totalen)',
    'rowHeader',
  );
  const indicatief = posts.map((p) => {
    const r = rows.take();
    const key = rows.take();
    s.values(`B${r}`, [[p.post.onderwerp, 'open post, indicatief']]);
    s.format(`C${r}`, 'note');
    const basisCol = columnLetter(yearCol(ctx.years, p.basisJaar));
    const cells = p.post.nrs
      .map((nr) => lines.findIndex((l) => l.nr === nr))
      .filter((i) => i >= 0)
      .map((i) => `$${basisCol}$${amounts.first + i}`);
    s.values(`B${key}`, [
      [
        `Sleutel: landelijk per jaar × aandeel van de gemeente in ${p.basisJaar} (onderdelen ${p.post.nrs.join(' en ')}); hiernaast landelijk per jaar (${p.post.bron}) en landelijk ${p.basisJaar}`,
        p.landelijk,
        p.basisLandelijk,
      ],
    ]);
    s.format(`B${key}`, 'note').format(`C${key}:D${key}`, 'euro');
    const from = yearCol(ctx.years, p.post.vanJaar);
    const count = p.post.totEnMetJaar - p.post.vanJaar + 1;
    s.formula(
      rangeOf(r, from, 1, count),
      `ROUND($C$${key}*(${cells.join('+') || '0'})/$D$${key},0)`,
      (_r, c) => p.perJaar[from - PERIOD_COL + c] ?? 0,
      'euro',
    );
    s.format(v.yearsRange(r), 'warningEuro');
    return r;
  });
  for (const p of zonderBedrag) {
    const r = rows.take();
    s.values(`B${r}`, [[p.onderwerp, 'open post, geen bedrag']]);
    s.format(`C${r}`, 'note');
    // The source on a row of its own, where it runs on over empty cells: beside the years' "open post"
    // it was cut on paper ("… herziene Finan", #18).
    s.value(`B${rows.take()}`, `Bron: ${p.bron}`, 'note');
    s.values(`${columnLetter(PERIOD_COL)}${r}`, [
      ctx.years.map((y) => (y >= p.vanJaar && y <= p.totEnMetJaar ? 'open post' : null)),
    ]);
    s.format(v.yearsRange(r), 'warning');
  }
  return indicatief;
}

/**
 * The notices at the top: SPUK AZWA reads "raming" until a beschikking is entered (live: any SPUK AZWA
 * amount with source beschikking), and the floor warning for a gemeente whose Bijlage 2A amount is a
 * floor (live: the chosen gemeente in the hidden list; the change of its eigen geld into that year).
 */
function noticeSection(
  v: View,
  top: SummaryRows,
  amounts: AmountRows,
  from: { readonly chooser: ChooserCells; readonly allocatie: Pick<AllocatieCells, 'byCode'> },
): void {
  const { ctx, s, lines } = v;
  const help = (row: number) => SheetRange.at(SHEETS.overzicht, row, HELP_COL);
  if (top.azwa !== undefined) {
    const r = top.azwa;
    // A label of one line in B, the source of the raming in the status text that runs on over the
    // empty year columns: in B it wrapped onto three lines, and page 1 lacked the room (#18).
    s.value(`B${r}`, 'SPUK AZWA 2027–2029: bron', 'rowHeader');
    const counts = lines
      .map((l, i) =>
        l.regeling.id === AZWA ? `COUNTIF(${v.yearsRange(amounts.bron + i)},"beschikking")` : '',
      )
      .filter((x) => x !== '');
    const entered = lines.reduce(
      (a, l) =>
        a +
        (l.regeling.id === AZWA
          ? ctx.years.filter((y) => ctx.scenario.amount(l.nr, y).bron === 'beschikking').length
          : 0),
      0,
    );
    const count = help(OVERZICHT_FRAME.techFirst);
    s.value(cellAddress(count.top - 1, HELP_COL), 'SPUK AZWA: bedragen uit de beschikking', 'note');
    s.formula(count.address(), counts.join('+'), () => entered, 'integer');
    const raming = `raming: voer eerst de beschikking SPUK AZWA in (blad ${SHEETS.beschikking}); verdeelsleutel "vooralsnog" (VWS/LZJS aan VNG 22-04-2026)`;
    // The text in a hidden helper cell: a string with quotes ("vooralsnog") in a formula needs doubled
    // quotes, which HyperFormula does not read.
    const ramingText = help(OVERZICHT_FRAME.techFirst + 8);
    s.value(ramingText.address(), raming, 'note');
    s.formula(
      `C${r}`,
      `IF(${count.abs()}>0,"beschikking",${ramingText.abs()})`,
      () => (entered > 0 ? 'beschikking' : raming),
      'warning',
    );
  }
  const { codes, jaar } = ctx.scenario.vloer;
  if (top.vloer === undefined || jaar === undefined) return;
  const r = top.vloer;
  const list = SheetRange.at(SHEETS.overzicht, VLOER_LIST_ROW, TECH_COL, Math.max(1, codes.length));
  s.value(cellAddress(VLOER_LIST_ROW - 1, TECH_COL), 'Vloergemeenten (Bijlage 2A)', 'note');
  s.values(list.address().split(':')[0] ?? '', codes.length === 0 ? [['']] : codes.map((c) => [c as string]));
  const isVloer = v.code !== undefined && codes.includes(v.code);
  const text = help(OVERZICHT_FRAME.techFirst + 2);
  const tekst = `Let op: vloerbedrag in Bijlage 2A; de SPUK AZWA-raming verdeelt zonder vloer. Eigen geld ${jaar - 1} → ${jaar} (verschil):`;
  s.value(text.address(), tekst, 'note');
  const code = `INDEX(${from.allocatie.byCode.codes.abs()},${from.chooser.row.local().abs()})`;
  const hit = `COUNTIF(${list.abs()},${code})>0`;
  s.formula(`B${r}`, `IF(${hit},${text.abs()},"")`, () => (isVloer ? tekst : ''), 'warning');
  const c = yearCol(ctx.years, jaar);
  const eigen = (y: number) => ctx.scenario.readings.eigen[ctx.years.indexOf(y as EditionYear)]?.bedrag ?? 0;
  s.formula(
    cellAddress(r, c),
    `(${hit})*(${columnLetter(c)}$${amounts.eigen}-${columnLetter(c - 1)}$${amounts.eigen})`,
    () => (isVloer ? eigen(jaar) - eigen(jaar - 1) : 0),
    // Not a floor gemeente: 0, not shown (#18: a stray red "€ 0" under the AZWA raming line).
    'warningEuroBlank',
  );
}

/** The SPUK IZA region of the chosen gemeente, its mandaatgemeente and what that receives per year. */
function izaSection(v: View, chooser: ChooserCells, iza: IzaCells): void {
  const { ctx, s, rows } = v;
  const regionLines = ctx.allocLines.filter((l) => l.ontvanger === 'mandaatgemeente');
  const regioNaam = ctx.data.lidmaatschap.find((m) => m.code === v.code)?.regio;
  const allRegions = `alle ${ctx.data.izaRegios.length} regio's`;
  const mandaat = ctx.data.izaRegios.find((r) => r.naam === regioNaam)?.mandaatgemeente;
  rows.skip(2);
  s.value(
    `A${rows.take()}`,
    'Regionaal geld (SPUK IZA tot en met 2026, SPUK AZWA regionaal vanaf 2027): gaat naar de mandaatgemeente, niet naar de ledengemeenten',
    'rowHeader',
  );
  const r = rows.take(2 + regionLines.length);
  s.values(
    `B${r}`,
    [['SPUK IZA-regio'], ['Mandaatgemeente'], ...regionLines.map((l) => [`Regiobudget ${l.naam} (€)`])],
    'rowHeader',
  );
  const chooserRow = chooser.row.local().abs();
  s.formula(
    `C${r}`,
    `IFERROR(INDEX(${iza.members.regions.abs()},${chooserRow}),"${allRegions}")`,
    () => regioNaam ?? allRegions,
  );
  s.formula(
    `C${r + 1}`,
    `IFERROR(INDEX(${iza.mandaat.abs()},MATCH(C${r},${iza.regions.abs()},0)),"de mandaatgemeenten")`,
    () => mandaat ?? 'de mandaatgemeenten',
  );
  const code = chooser.code.local().abs();
  regionLines.forEach((l, i) => {
    const block = iza.regional.find((b) => b.nr === l.nr);
    if (!block) return;
    const col = block.amounts.cols(0).fixRow();
    s.formula(
      v.yearsRange(r + 2 + i),
      `IF(${code}="${NATIONAL_CODE}",SUM(${col}),SUMIF(${iza.regions.abs()},$C$${r},${col}))`,
      (_x, c) => {
        const y = ctx.years[c] as EditionYear;
        return regioNaam === undefined
          ? ctx.data.izaRegios.reduce((a, reg) => a + ctx.ledger.regio(reg.naam, l.nr, y).bedrag, 0)
          : ctx.ledger.regio(regioNaam, l.nr, y).bedrag;
      },
      'euro',
    );
  });
  // A region whose mandaathouder is no gemeente (SamenTwente, an openbaar lichaam, for Twente): say so.
  if (ctx.data.izaRegios.some((x) => x.mandaatgemeenteCode === undefined)) {
    const note = rows.take();
    const text = SheetRange.at(SHEETS.overzicht, OVERZICHT_FRAME.techFirst + 4, HELP_COL);
    const tekst =
      'Let op: het regionale geld van deze regio gaat naar een openbaar lichaam, geen gemeente; de leden ontvangen wat het doorgeeft (verdeelsleutel SPUK AZWA "vooralsnog").';
    s.value(text.address(), tekst, 'note');
    const zonder = ctx.data.izaRegios.find((x) => x.naam === regioNaam)?.mandaatgemeenteCode === undefined;
    s.formula(
      `B${note}`,
      `IFERROR(IF(INDEX(${iza.mandaatCodes.abs()},MATCH($C$${r},${iza.regions.abs()},0))&""="",${text.abs()},""),"")`,
      () => (regioNaam !== undefined && zonder ? tekst : ''),
      'warning',
    );
  }
}

/** The hidden difference blocks (see GUARD_SHIFT) and their count, which Controle reads. */
function guardSection(v: View, chooser: ChooserCells, lastRow: number): void {
  const { s, cols } = v;
  const guarded = s.formulaBlocks().filter((b) => {
    const r = parseRange(b.range);
    return r.left >= GUARD_FROM && r.right <= cols.flag;
  });
  for (const b of guarded) {
    const r = parseRange(b.range);
    const shifted = { ...r, left: r.left + GUARD_SHIFT, right: r.right + GUARD_SHIFT };
    // N(): text typed over an amount counts as 0, so it differs too; a label (text) differs or not.
    // A block that may show nothing ("") is compared as numbers on both sides (empty = 0).
    const cell = cellAddress(r.top, r.left);
    const text = typeof b.expected[0]?.[0] === 'string';
    s.formula(
      rangeAddress(shifted),
      text
        ? `1*(${cell}<>(${b.formula}))`
        : v.blankable.has(b.range)
          ? `N(${cell})-N(${b.formula})`
          : `N(${cell})-(${b.formula})`,
      () => 0,
      'integer',
    );
  }
  const left = GUARD_FROM + GUARD_SHIFT;
  const right = cols.flag + GUARD_SHIFT;
  const top = HEADER_ROW + 1;
  const area = rangeOf(top, left, lastRow - top + 1, right - left + 1);
  s.value(
    cellAddress(HEADER_ROW, left),
    `Technisch: waarde min formule van de cel in kolom ${columnLetter(GUARD_FROM)}..${columnLetter(cols.flag)} (0 = goed)`,
    'note',
  );
  s.value(cellAddress(chooser.overwritten.top - 1, TECH_COL), 'Over een formule getypt', 'note');
  s.formula(
    chooser.overwritten.address(),
    // An error in a difference (text in a cell another formula calculates with) counts once.
    `COUNTIF(${area},"<0")+COUNTIF(${area},">0")+ISERROR(SUM(${area}))`,
    () => 0,
    'integer',
  );
  for (let c = left; c <= right; c++) s.hiddenColumn(columnLetter(c), 10);
}

function legendSection(v: View): void {
  const { s, rows } = v;
  rows.skip(2);
  const lg = rows.take(8);
  s.value(`A${lg}`, 'Legenda', 'rowHeader');
  // The term in B (coloured as on the sheet), its meaning in C: column A is too narrow for a term.
  s.values(`B${lg + 1}`, [
    ['Invoer (geel)', 'mag u wijzigen; alles rekent mee'],
    ['structureel', 'het Rijk zet het onderdeel na de regeling voort op dit niveau'],
    ['deels structureel', 'een deel loopt door, de rest stopt'],
    ['incidenteel', 'stopt met de regeling'],
    [
      'BBV',
      'zolang de regeling een einddatum heeft, is alles incidenteel voor de eigen begroting (Commissie BBV)',
    ],
    [
      'bron',
      'beschikking > gepubliceerd > afgeleid (vaste regel uit gepubliceerde cijfers) > geschat (sleutel × landelijk) > raming (SPUK AZWA: landelijke raming × sleutel "vooralsnog", VWS/LZJS aan VNG 22-04-2026)',
    ],
    [
      'open post',
      'geld dat de regeling verlaat zonder bekend bedrag (BRC en Sportakkoord vanaf 2027); het indicatieve bedrag staat apart, niet in de totalen',
    ],
  ]);
  s.format(`B${lg + 1}`, 'input');
  s.aardRules(`B${lg + 2}:B${lg + 4}`);
}

function chartSection(v: View, chooser: ChooserCells, bbv: BbvRows, open: readonly number[]): void {
  v.rows.skip();
  const top = v.rows.take(20);
  // The chart on the last page, below the checks and the legend (`aansluitingSection` starts that
  // page; 36 rows fit one landscape page): otherwise the national view printed its top on one page
  // and the rest on the next (#18).
  const row = (r: number) => SheetRange.at(SHEETS.overzicht, r, PERIOD_COL, 1, v.ctx.years.length).abs();
  v.s.chart({
    name: 'Afloop',
    type: 'columnStacked',
    title: 'Eigen geld per jaar: lezing BBV (eigen begroting)',
    categories: chooser.periodHeaders.abs(),
    series: [
      { name: 'Structureel (BBV)', values: row(bbv.s), color: COLORS.structureelText },
      { name: 'Incidenteel (BBV)', values: row(bbv.i), color: COLORS.incidenteelText },
      { name: 'Niet te begroten', values: row(bbv.n), color: COLORS.deelsText },
    ],
    from: `B${top}`,
    to: `I${top + 19}`,
  });
  // An open post is no baat: not in the stacked chart (on top of the own money it read as money; review
  // F13). Where it is, under the chart.
  if (open.length > 0)
    v.s.value(
      `B${v.rows.take()}`,
      'De open posten (indicatief, niet in de totalen) staan niet in de grafiek: zie het blok Open posten eerder op dit blad.',
      'note',
    );
}

/** Consecutive runs of items with the same `key` value: where each starts, how many, the value. */
function runsOf<T>(
  items: readonly T[],
  key: (item: T) => boolean,
): { from: number; count: number; value: boolean }[] {
  const out: { from: number; count: number; value: boolean }[] = [];
  items.forEach((item, i) => {
    const value = key(item);
    const last = out[out.length - 1];
    if (last && last.value === value) last.count++;
    else out.push({ from: i, count: 1, value });
  });
  return out;
}
