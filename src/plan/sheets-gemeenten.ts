import type { EditionYear } from '../domain';
import { cellAddress, columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import type { NationalContext } from './context';
import { runs } from './columns';
import type { GridColumn, GridLayout } from './grid';
import { columnNational, gridAmount, keySplit, rowSplit } from './grid';
import type { GemeenteRows } from './layout';
import { gemeenteCodes, NATIONAL_CODE, SHEETS } from './layout';
import { REMAINDER_FORMULAS, RemainderSteps } from './largest-remainder';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { keyDescription } from './key-labels';
import { wrapText } from './text-fit';
import type { IzaCells } from './iza-layout';
import type { LandelijkCells } from './sheets-landelijk';

/**
 * Largest weight the sheet accepts: N · w + W must stay below 2^53 for the exact rounding, with N up
 * to the largest national amount split by the key (the SPUK AZWA lokaal raming, 321 mln).
 */
export const MAX_SHEET_WEIGHT = 25_000_000;

/** Rows above the gemeenten on Afronding and Allocatie (the same on both). */
const H = {
  nr: 3,
  yearIndex: 4,
  naam: 5,
  jaar: 6,
  national: 7,
  /** Afronding: d (key split) or C = Σ samenstelling (row split). Allocatie: bron. */
  second: 8,
  /** Afronding: threshold t. Allocatie: regel. */
  third: 9,
  /** Afronding: g (rests above t). Allocatie: column headers. */
  fourth: 10,
} as const;

/** Verdeelsleutel columns: A code, B naam, C provincie, D zorgkantoorregio, E inwoners, F 2A 2025, G 2A 2026, H gewicht, I aandeel. */
const HEADER_ROW = 10;
/** The width of Verdeelsleutel's printed columns A..L (their widths below, L Excel's default). */
const VERDEELSLEUTEL_PRINT_WIDTH = 10 + 28 + 16 + 26 + 14 + 20 + 20 + 18 + 11 + 26 + 30 + 8.43;
const KEY_ROW = 5;
const INWONERS_COL = 5;
const BIJLAGE_2025_COL = 6;
const BIJLAGE_2026_COL = 7;
const WEIGHT_COL = 8;
const SHARE_COL = 9;

/** What Verdeelsleutel exposes (gemeente rows unless said otherwise). */
export interface VerdeelsleutelCells {
  /** B5: the id of the key the workbook was built with. */
  readonly keyId: SheetRange;
  /** B6: the id of the edition the workbook was built with. */
  readonly editionId: SheetRange;
  /** A: CBS codes. */
  readonly codes: SheetRange;
  /** A: CBS codes and then NL (what Overzicht's chooser accepts). */
  readonly choices: SheetRange;
  /** F: Bijlage 2A 2025 per gemeente and then the NL total. */
  readonly bijlage2025: SheetRange;
  /** G: Bijlage 2A 2026 per gemeente and then the NL total. */
  readonly bijlage2026: SheetRange;
  /** H: the key's weights (input). */
  readonly weights: SheetRange;
  /** H on the NL row: Σ weights. */
  readonly weightTotal: SheetRange;
  /** I: each gemeente's share. */
  readonly shares: SheetRange;
  /**
   * What a built-in key's weights are made of (`builtInKey`), for Controle to compare: E (inwoners),
   * F or G (Bijlage 2A 2025 or 2026) on the gemeente rows, or 1 (`gelijk`); undefined for the user's
   * own key, which has no source on this sheet.
   */
  readonly keySource: { readonly range: SheetRange; readonly label: string } | 1 | undefined;
}

/** Rows of Verdeelsleutel known before it is built (Landelijk checks its derivation against the 2A totals). */
export function bijlage2ATotals(rows: GemeenteRows): { total2025: SheetRange; total2026: SheetRange } {
  return {
    total2025: SheetRange.at(SHEETS.verdeelsleutel, rows.total, BIJLAGE_2025_COL),
    total2026: SheetRange.at(SHEETS.verdeelsleutel, rows.total, BIJLAGE_2026_COL),
  };
}

/** What Afronding exposes: its rows over the grid columns (E onwards). */
export interface AfrondingCells {
  /** The national amount per column (€). */
  readonly national: SheetRange;
  /** Per column: d, the euros handed out (key split), or C, Σ composition (row split). */
  readonly handedOut: SheetRange;
  /** Rest per gemeente and column. */
  readonly rests: SheetRange;
  /** 0/1 correction per gemeente and column. */
  readonly corrections: SheetRange;
  /** Σ corrections − d per key-split column (0 = goed; 0 elsewhere). */
  readonly correctionChecks: SheetRange;
  /** Per row-split year: Σ corrections − d per gemeente (0 = goed). */
  readonly rowCorrectionChecks: readonly SheetRange[];
  /** Per row-split year: Σ onderdelen (Allocatie) − Bijlage 2A per gemeente (0 = goed). */
  readonly bijlage2AChecks: readonly SheetRange[];
  /** C: per gemeente row, how many per-gemeente sheets hold another gemeente there (0 = goed). */
  readonly order: SheetRange;
}

/** What Allocatie exposes: amounts per gemeente (rows) and grid column. */
export interface AllocatieCells {
  /** A: CBS codes. */
  readonly codes: SheetRange;
  /** Amount per gemeente and column (€). */
  readonly amounts: SheetRange;
  /** The NL row: Σ gemeenten per column. */
  readonly totals: SheetRange;
  /** Σ gemeenten − national per key-split column (0 = goed; 0 elsewhere). */
  readonly checks: SheetRange;
  /** Row 3 of the first year block: the line numbers (what Overzicht matches a line in). */
  readonly lineNrs: SheetRange;
  /** What Overzicht looks a gemeente (or NL) up in: codes, names and amounts, gemeente rows and then NL. */
  readonly byCode: { readonly codes: SheetRange; readonly names: SheetRange; readonly amounts: SheetRange };
  /** The structural-level block: one column per allocated line (gemeente rows then NL), its line numbers on row 3. */
  readonly levels: { readonly amounts: SheetRange; readonly nrs: SheetRange };
}

/**
 * Builds Verdeelsleutel: one row per gemeente (CBS code, name, region data, Bijlage 2A 2025/2026, the
 * key's weights as input and the shares), the NL total below; the edition and key ids on top.
 */
export function buildVerdeelsleutel(
  ctx: NationalContext,
  rows: GemeenteRows,
  iza: Pick<IzaCells, 'members'>,
): Built<VerdeelsleutelCells> {
  const s = new SheetBuilder(SHEETS.verdeelsleutel, 'invoer');
  const { count: n, first, total: tot } = rows;
  const column = (col: number) => SheetRange.at(SHEETS.verdeelsleutel, first, col, n);
  const cells: VerdeelsleutelCells = {
    keyId: SheetRange.at(SHEETS.verdeelsleutel, KEY_ROW, 2),
    editionId: SheetRange.at(SHEETS.verdeelsleutel, KEY_ROW + 1, 2),
    codes: column(1),
    choices: column(1).through(tot),
    bijlage2025: column(BIJLAGE_2025_COL).through(tot),
    bijlage2026: column(BIJLAGE_2026_COL).through(tot),
    weights: column(WEIGHT_COL),
    weightTotal: SheetRange.at(SHEETS.verdeelsleutel, tot, WEIGHT_COL),
    shares: column(SHARE_COL),
    keySource: keySourceOf(ctx.key.id, column),
  };
  verdeelsleutelHeading(ctx, s);
  gemeenteColumns(ctx, s, rows, iza);
  keyColumns(ctx, s, rows, cells);
  verdeelsleutelTotals(ctx, s, rows);
  s.freezeAt(HEADER_ROW, 2);
  // Technical (342 gemeenten, six pages): the default print is its heading (the key and the edition),
  // so a gemeente's werkmap stays within 40 pages (#18); the table is on screen and prints by a chosen area.
  // Landscape: the heading's columns A..L are wider than a portrait page at reading size. (An empty
  // print area does not take the sheet out of the print: LibreOffice then prints the whole sheet,
  // measured in review 12; see src/plan/README.md "Print (#18)".)
  s.printAs('landscape', true).printLayout({ area: 'A1:L6' });
  s.width('A', 10)
    .width('B', 28)
    .width('C', 16)
    .width('D', 26)
    .width('E', 14)
    .width('F', 20)
    .width('G', 20)
    .width('H', 18)
    .width('I', 11)
    .width('J', 26)
    .width('K', 30);
  return { sheet: s, cells };
}

/** Verdeelsleutel's heading of the weights (column H), by which texts on paper name that column. */
export const GEWICHT_KOLOM = 'Gewicht (invoer)';
const INWONERS_KOP = 'Inwoners 2025';
const BIJLAGE_2025_KOP = 'Bijlage 2A 2025 (€)';
const BIJLAGE_2026_KOP = 'Bijlage 2A 2026 (€)';

/** Title, the key's description, the key and edition ids, the header row. */
function verdeelsleutelHeading(ctx: NationalContext, s: SheetBuilder): void {
  s.value('A1', 'Verdeelsleutel', 'title');
  s.value('A2', keyDescription(ctx.key.id), 'subtitle');
  // The note runs on over the printed columns (A..L), a line per row in A3 and A4, measured in the
  // font at 85 % of their width (LibreOffice's wider fallback font): it was cut at the page's edge (#18).
  const note = wrapText(
    `Gewichten (kolom "${GEWICHT_KOLOM}", geel) rekenen live mee: hele getallen, 0 of meer. Bij een ingebouwde sleutel telt Controle een gewicht dat niet dat van de bron is (overtypt of gesorteerd) als FOUT; rekent u bewust met andere gewichten, maak er dan een eigen sleutel van (een sleutelbestand, opgegeven bij het maken van de werkmap). Bijlage 2A is gepubliceerd; inwoners zijn indicatief. De tabel per gemeente staat op het scherm.`,
    VERDEELSLEUTEL_PRINT_WIDTH,
    {},
    0.85,
  );
  s.values('A3', [[note[0] ?? ''], [note.slice(1).join(' ')]], 'note');
  s.values(`A${KEY_ROW}`, [['Sleutel', ctx.key.id]]);
  s.format(`A${KEY_ROW}`, 'rowHeader');
  s.values('A6', [['Editie', ctx.input.edition.manifest.id, ctx.input.edition.manifest.naam]]);
  s.format('A6', 'rowHeader');
  s.values(
    `A${HEADER_ROW}`,
    [
      [
        'CBS-code',
        'Gemeente',
        'Provincie',
        'Zorgkantoorregio',
        INWONERS_KOP,
        BIJLAGE_2025_KOP,
        BIJLAGE_2026_KOP,
        GEWICHT_KOLOM,
        'Aandeel',
        'IZA-regiobeeldregio (38)',
        'SPUK IZA-regio (42; blad IZA)',
      ],
    ],
    'header',
  );
}

/** The column a built-in key's weights are taken from (`builtInKey` in the domain), by the key's id. */
function keySourceOf(id: string, column: (col: number) => SheetRange): VerdeelsleutelCells['keySource'] {
  switch (id) {
    case 'spuk-2025':
      return { range: column(BIJLAGE_2025_COL), label: `kolom "${BIJLAGE_2025_KOP}"` };
    case 'spuk-2026':
      return { range: column(BIJLAGE_2026_COL), label: `kolom "${BIJLAGE_2026_KOP}"` };
    case 'inwoners':
      return { range: column(INWONERS_COL), label: `kolom "${INWONERS_KOP}"` };
    case 'gelijk':
      return 1;
    default:
      return undefined;
  }
}

/** Per gemeente: the regions (the SPUK IZA region from IZA's membership table), CBS data, Bijlage 2A. */
function gemeenteColumns(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  iza: Pick<IzaCells, 'members'>,
): void {
  const { first, last } = rows;
  const byCode = new Map(ctx.data.bijlage2A.map((r) => [r.code, r]));
  const regioOf = new Map(ctx.data.lidmaatschap.map((m) => [m.code as string, m.regio]));
  s.values(
    `J${first}`,
    ctx.gemeenten.map((g) => [g.regiobeeldRegio]),
  );
  s.formula(
    `K${first}:K${last}`,
    iza.members.regions.cell().fixCol(),
    (r) => regioOf.get(ctx.gemeenten[r]?.code ?? '') ?? '',
  );
  s.values(
    `A${first}`,
    ctx.gemeenten.map((g) => [g.code, g.naam, g.provincie, g.zorgkantoorregio, g.inwoners]),
  );
  s.values(
    `F${first}`,
    ctx.gemeenten.map((g) => [byCode.get(g.code)?.totaal2025 ?? 0, byCode.get(g.code)?.totaal2026 ?? 0]),
    'euro',
  );
  s.format(rangeOf(first, INWONERS_COL, rows.count, 1), 'integer');
}

/** The key's weights (input, validated) and each gemeente's share. */
function keyColumns(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  cells: VerdeelsleutelCells,
): void {
  s.values(
    cells.weights.cell().address(),
    ctx.key.weights.map((x) => [x]),
    'input',
  );
  s.format(cells.weights.address(), 'integer');
  s.validation({
    range: cells.weights.address(),
    type: 'whole',
    min: 0,
    max: MAX_SHEET_WEIGHT,
    prompt:
      "Gewicht van deze gemeente: een heel getal van 0 tot 25.000.000 (bijvoorbeeld inwoners of euro's).",
    error:
      'Typ een heel getal van 0 tot 25.000.000. Werk met aandelen? Vermenigvuldig ze eerst met 1.000.000.',
  });
  s.formula(
    cells.shares.address(),
    `${cells.weights.local().cell().rel()}/${cells.weightTotal.local().abs()}`,
    (r) => (ctx.key.weights[r] ?? 0) / ctx.key.total,
    'share',
  );
}

/** The NL row: Σ inwoners, Bijlage 2A, weights and shares. */
function verdeelsleutelTotals(ctx: NationalContext, s: SheetBuilder, rows: GemeenteRows): void {
  const { first, last, total: tot } = rows;
  const w = columnLetter(WEIGHT_COL);
  const sh = columnLetter(SHARE_COL);
  s.values(`A${tot}`, [[NATIONAL_CODE, 'Nederland (totaal)']], 'rowHeader');
  const sums = [
    ctx.gemeenten.reduce((a, g) => a + g.inwoners, 0),
    ctx.data.bijlage2A.reduce((a, r) => a + r.totaal2025, 0),
    ctx.data.bijlage2A.reduce((a, r) => a + r.totaal2026, 0),
    ctx.key.total,
  ];
  s.formula(
    rangeOf(tot, INWONERS_COL, 1, 4),
    `SUM(E${first}:E${last})`,
    (_r, c) => sums[c] ?? 0,
    'euroTotal',
  );
  s.format(`E${tot}`, 'integer').format(`${w}${tot}`, 'integer');
  s.formula(`${sh}${tot}`, `SUM(${sh}${first}:${sh}${last})`, () => shareSum(ctx), 'share');
}

/**
 * The Bijlage 2A column of Verdeelsleutel (gemeente rows, then NL) for a year the dataset publishes
 * (2025 and 2026: its columns `totaal2025`, `totaal2026`). Throws RangeError for another year.
 */
export function bijlageColumn(vs: VerdeelsleutelCells, jaar: EditionYear): SheetRange {
  if (jaar === 2025) return vs.bijlage2025;
  if (jaar === 2026) return vs.bijlage2026;
  throw new RangeError(`No Bijlage 2A column for ${jaar}`);
}

function headerRows(grid: GridLayout, s: SheetBuilder): void {
  const cols = grid.columns;
  s.values(`A${H.nr}`, [['Onderdeel nr', '', '', '', ...cols.map((c) => c.line.nr)]]);
  s.values(`A${H.yearIndex}`, [
    ['Jaarindex (kolom op Landelijk)', '', '', '', ...cols.map((c) => c.yearIndex)],
  ]);
  s.values(`A${H.naam}`, [['Onderdeel', '', '', '', ...cols.map((c) => c.line.naam)]]);
  s.values(`A${H.jaar}`, [
    ['Jaar', '', '', '', ...cols.map((c) => (c.jaar === 'niveau' ? 'Structureel niveau (Rijk)' : c.jaar))],
  ]);
  s.format(rangeOf(H.nr, 1, 2, 4 + grid.width), 'note');
  s.format(rangeOf(H.naam, 1, 2, 4 + grid.width), 'header');
}

/** Formula blocks over runs of grid columns with the same kind (one block per run and row band). */
function byRun<K>(
  grid: GridLayout,
  kindOf: (c: GridColumn) => K,
  each: (kind: K, from: GridColumn, count: number) => void,
): void {
  for (const run of runs(grid.columns, kindOf)) {
    const from = grid.columns[run.from];
    if (from) each(run.kind, from, run.count);
  }
}

/** Afronding in words (printed with the sheet's heading; the letters are the row labels of the grid). */
const AFRONDING_UITLEG = [
  "Hoe de afronding op hele euro's werkt (grootste-restmethode)",
  "1. Deel vóór afronding: landelijk bedrag × gewicht / Σ gewichten. Elke gemeente krijgt eerst dat deel, afgerond omlaag op hele euro's.",
  '2. Rest: wat bij dat omlaag afronden wegvalt, per gemeente (in de tabel per gemeente op dit blad, in Σ gewichten gemeten).',
  "3. Extra euro's (d): hoeveel euro's er na het omlaag afronden nog over zijn om uit te delen (Σ resten / Σ gewichten).",
  '4. Drempel (t): de kleinste rest die nog een euro krijgt (de d-de grootste rest); g: het aantal resten boven die drempel.',
  '5. Extra euro: een gemeente met een rest boven de drempel krijgt één euro extra; bij een rest gelijk aan de drempel',
  '    gaan de bovenste rijen voor, tot d op is.',
  '6. Zo is de som van de gemeenten precies het landelijke bedrag; blad Controle telt elke afwijking (Extra − d, 0 = goed).',
  '7. Afgeleid uit Bijlage 2A (op het scherm per jaar d, t en g naast de tabel): hetzelfde per gemeente over de onderdelen van',
  '    één jaar, met Σ samenstelling (C) in plaats van Σ gewichten: de onderdelen zijn samen precies het totaal van de gemeente.',
];

/** Where Afronding puts its rows (below the gemeenten) and the per-gemeente helpers of each row-split year. */
interface AfrondingLayout {
  readonly correctionHeader: number;
  readonly correctionFirst: number;
  readonly correctionTotal: number;
  readonly correctionCheck: number;
  readonly explanation: number;
  /** Per row-split year: its grid columns and the first of its five helper columns (d, t, g, checks). */
  readonly helpers: readonly {
    readonly jaar: EditionYear;
    readonly from: number;
    readonly count: number;
    readonly col: number;
  }[];
}

function afrondingLayout(rows: GemeenteRows, grid: GridLayout): AfrondingLayout {
  const cursor = new RowCursor(rows.total + 1).skip();
  const correctionHeader = cursor.take();
  const correctionFirst = cursor.take(rows.count);
  const correctionTotal = cursor.take();
  const correctionCheck = cursor.take();
  cursor.skip(2);
  const explanation = cursor.take(AFRONDING_UITLEG.length);
  // Per row-split year: d, t, g per gemeente, Σ corrections − d, Σ onderdelen − 2A (right of the grid).
  const helperCol = 5 + grid.width + 1;
  const helpers = grid.rowSplits.map((r, i) => ({ ...r, col: helperCol + i * 5 }));
  return { correctionHeader, correctionFirst, correctionTotal, correctionCheck, explanation, helpers };
}

/** The largest-remainder steps of a row-split year: per gemeente (rows) over its onderdelen (columns). */
function rowSplitSteps(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  at: AfrondingLayout,
  h: AfrondingLayout['helpers'][number],
  count: number,
): RemainderSteps {
  const n = rows.count;
  const on = (row: number, col: number, cols = 1) => SheetRange.at(SHEETS.afronding, row, col, n, cols);
  return new RemainderSteps(
    s,
    {
      members: 'columns',
      rests: on(rows.first, h.from, count),
      corrections: on(at.correctionFirst, h.from, count),
      handedOut: on(rows.first, h.col),
      threshold: on(rows.first, h.col + 1),
      above: on(rows.first, h.col + 2),
    },
    (row) => rowSplit(ctx, h.jaar, row),
  );
}

export function buildAfronding(
  ctx: NationalContext,
  rows: GemeenteRows,
  grid: GridLayout,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'national' | 'structural' | 'lineNrs'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    /** Allocatie is built after Afronding; its code column is the per-gemeente convention (`gemeenteCodes`). */
    readonly allocatieCodes: SheetRange;
    readonly iza: Pick<IzaCells, 'members'>;
  },
): Built<AfrondingCells> {
  const s = new SheetBuilder(SHEETS.afronding, 'berekening');
  const n = rows.count;
  const first = rows.first;
  const block = (row: number, count = 1) => SheetRange.at(SHEETS.afronding, row, 5, count, grid.width);
  const at = afrondingLayout(rows, grid);
  // Technical (342 gemeenten × every line and year): the print is the heading and the explanation in
  // words, not the grid.
  s.printAs('landscape', true).printLayout({
    area: `A${at.explanation}:L${at.explanation + AFRONDING_UITLEG.length - 1}`,
    titleRows: '1:2',
  });
  const cells: AfrondingCells = {
    national: block(H.national),
    handedOut: block(H.second),
    rests: block(first, n),
    corrections: block(at.correctionFirst, n),
    correctionChecks: block(at.correctionCheck),
    rowCorrectionChecks: at.helpers.map((h) => SheetRange.at(SHEETS.afronding, first, h.col + 3, n)),
    bijlage2AChecks: at.helpers.map((h) => SheetRange.at(SHEETS.afronding, first, h.col + 4, n)),
    order: SheetRange.at(SHEETS.afronding, first, 3, n),
  };
  afrondingHeading(ctx, s, rows, grid, at, from);
  byRun(
    grid,
    (c) => c.rounding,
    (kind, c0, count) => {
      if (kind === 'key') keySplitRun(ctx, s, rows, grid, at, from.verdeelsleutel, c0, count);
      else if (kind === 'row2a') rowSplitRun(ctx, s, rows, grid, at, from.verdeelsleutel, c0, count);
      else
        s.values(
          cellAddress(at.correctionCheck, c0.col),
          [Array.from({ length: count }, () => 0)],
          'integer',
        );
    },
  );
  for (const h of at.helpers) rowSplitHelpers(ctx, s, rows, at, from.verdeelsleutel, h);
  s.freezeAt(H.fourth, 2);
  s.width('A', 10).width('B', 28).width('C', 10).width('D', 4);
  for (let c = 5; c < 5 + grid.width; c++) s.width(columnLetter(c), 13);
  for (const h of at.helpers) for (let k = 0; k < 5; k++) s.width(columnLetter(h.col + k), 24);
  return { sheet: s, cells };
}

/** The heading, the explanation in words, the national amount per column and the row labels. */
function afrondingHeading(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  grid: GridLayout,
  at: AfrondingLayout,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'national' | 'structural' | 'lineNrs'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly allocatieCodes: SheetRange;
    readonly iza: Pick<IzaCells, 'members'>;
  },
): void {
  const first = rows.first;
  const nrs = from.landelijk.lineNrs.abs();
  s.value(
    'A1',
    "Afronding op hele euro's (grootste-restmethode): technisch blad, afgedrukt alleen de uitleg",
    'title',
  );
  s.value(
    'A2',
    // Printed as the explanation's title rows: no screen row numbers (#18 review 12).
    'Zo tellen de bedragen per gemeente precies op tot het landelijke bedrag. De berekening per gemeente staat op het scherm, de uitleg in woorden onder de tabel.',
    'subtitle',
  );
  s.values(
    `A${at.explanation}`,
    AFRONDING_UITLEG.map((t) => [t]),
  );
  s.format(`A${at.explanation}`, 'rowHeader');
  headerRows(grid, s);
  s.values(`A${H.national}`, [['Landelijk bedrag of gewicht (€)']], 'rowHeader');
  const years = grid.columns.filter((c) => c.jaar !== 'niveau');
  const levels = grid.columns.filter((c) => c.jaar === 'niveau');
  const yearStart = years[0]?.col ?? 5;
  const levelStart = levels[0]?.col ?? 5;
  s.formula(
    rangeOf(H.national, yearStart, 1, years.length),
    `INDEX(${from.landelijk.national.abs()},MATCH(${columnLetter(yearStart)}$${H.nr},${nrs},0),${columnLetter(yearStart)}$${H.yearIndex})`,
    (_r, c) => columnNational(ctx, years[c] as GridColumn),
    'euro',
  );
  s.formula(
    rangeOf(H.national, levelStart, 1, levels.length),
    `0+INDEX(${from.landelijk.structural.abs()},MATCH(${columnLetter(levelStart)}$${H.nr},${nrs},0))`,
    (_r, c) => columnNational(ctx, levels[c] as GridColumn),
    'euro',
  );
  s.values(`A${H.second}`, [["Extra euro's uit te delen (d); afgeleid: Σ samenstelling (C)"]], 'rowHeader');
  s.values(`A${H.third}`, [['Drempel: kleinste rest die nog een euro krijgt (t)']], 'rowHeader');
  s.values(`A${H.fourth}`, [['Aantal resten boven de drempel (g)']], 'rowHeader');
  s.values(
    `A${first}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  const sameRow = [from.verdeelsleutel.codes, from.allocatieCodes, from.iza.members.codes].map(
    (codes) => `($A${first}<>${codes.cell().fixCol()})`,
  );
  s.value(`C${H.fourth}`, 'Volgorde', 'header');
  s.formula(
    SheetRange.at(SHEETS.afronding, first, 3, rows.count).address(),
    sameRow.join('+'),
    () => 0,
    'integer',
  );
  s.value(`A${at.correctionHeader}`, 'Extra euro (1 = deze gemeente krijgt één euro extra)', 'rowHeader');
  s.values(
    `A${at.correctionFirst}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.values(`A${at.correctionTotal}`, [['Totaal correctie']], 'rowHeader');
  s.values(`A${at.correctionCheck}`, [['Controle: totaal correctie − d (0 = goed)']], 'rowHeader');
}

/** A run of key-split columns: d, t, g on the header rows, rests and corrections per gemeente, the check. */
function keySplitRun(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  grid: GridLayout,
  at: AfrondingLayout,
  vs: VerdeelsleutelCells,
  c0: GridColumn,
  count: number,
): void {
  const on = (row: number, rowsN = 1) => SheetRange.at(SHEETS.afronding, row, c0.col, rowsN, count);
  const col = (i: number) => grid.columns[grid.columns.indexOf(c0) + i] as GridColumn;
  const W = vs.weightTotal.abs();
  const total = on(at.correctionTotal);
  new RemainderSteps(
    s,
    {
      members: 'rows',
      rests: on(rows.first, rows.count),
      corrections: on(at.correctionFirst, rows.count),
      handedOut: on(H.second),
      threshold: on(H.third),
      above: on(H.fourth),
    },
    (i) => keySplit(ctx, col(i)),
  )
    .handedOut(W)
    .threshold()
    .above()
    .rests(on(H.national).local().cell().fixRow(), vs.weights.cell().fixCol(), W)
    .corrections()
    .total(total)
    .check(on(at.correctionCheck), total);
}

/** A run of a row-split year's columns: Σ composition (C), rests and corrections per gemeente. */
function rowSplitRun(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  grid: GridLayout,
  at: AfrondingLayout,
  vs: VerdeelsleutelCells,
  c0: GridColumn,
  count: number,
): void {
  const split = at.helpers.find((h) => h.from === c0.col);
  if (!split) throw new Error('Row-split run without helpers');
  const national = SheetRange.at(SHEETS.afronding, H.national, c0.col, 1, count).local();
  s.formula(
    rangeOf(H.second, c0.col, 1, count),
    `SUM(${national.abs()})`,
    () =>
      grid.columns
        .filter((c) => c.jaar === split.jaar && c.kind === 'row2a')
        .reduce((a, c) => a + columnNational(ctx, c), 0),
    'euro',
  );
  const T = bijlageColumn(vs, split.jaar).cell().fixCol();
  rowSplitSteps(ctx, s, rows, at, split, count)
    .rests(T, national.cell().fixRow(), SheetRange.at(SHEETS.afronding, H.second, c0.col).local().fixRow())
    .corrections();
  s.values(cellAddress(at.correctionCheck, c0.col), [Array.from({ length: count }, () => 0)], 'integer');
}

/** The per-gemeente helpers of a row-split year: d, t, g, Σ corrections − d, Σ onderdelen − 2A. */
function rowSplitHelpers(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  at: AfrondingLayout,
  vs: VerdeelsleutelCells,
  h: AfrondingLayout['helpers'][number],
): void {
  const first = rows.first;
  const on = (k: number) => SheetRange.at(SHEETS.afronding, first, h.col + k, rows.count);
  s.values(
    cellAddress(H.fourth, h.col),
    [
      [
        `Extra euro's ${h.jaar} (d)`,
        `Drempel-rest ${h.jaar} (t)`,
        `Boven drempel ${h.jaar} (g)`,
        `Extra − d ${h.jaar} (0 = goed)`,
        `Onderdelen − 2A ${h.jaar} (0 = goed)`,
      ],
    ],
    'header',
  );
  rowSplitSteps(ctx, s, rows, at, h, h.count)
    .handedOut(SheetRange.at(SHEETS.afronding, H.second, h.from).local().abs())
    .threshold()
    .above()
    .check(on(3));
  const T = bijlageColumn(vs, h.jaar).cell().fixCol();
  const onderdelen = SheetRange.at(SHEETS.allocatie, first, h.from, 1, h.count).fixCol();
  s.formula(on(4).address(), `SUM(${onderdelen})-${T}`, () => 0, 'integer');
}

export function buildAllocatie(
  ctx: NationalContext,
  rows: GemeenteRows,
  grid: GridLayout,
  from: {
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly afronding: AfrondingCells;
    readonly iza: Pick<IzaCells, 'mandaatCodes' | 'regional'>;
  },
): Built<AllocatieCells> {
  const s = new SheetBuilder(SHEETS.allocatie, 'berekening');
  // Technical (342 gemeenten × every line and year): the default print is its heading only.
  s.printAs('landscape', true).printLayout({ area: 'A1:L2' });
  const n = rows.count;
  const first = rows.first;
  const last = rows.last;
  const tot = rows.total;
  const block = (row: number, count = 1) => SheetRange.at(SHEETS.allocatie, row, 5, count, grid.width);
  const amounts = block(first, n);
  const cells: AllocatieCells = {
    codes: gemeenteCodes(SHEETS.allocatie, rows),
    amounts,
    totals: block(tot),
    checks: block(tot + 1),
    lineNrs: SheetRange.at(SHEETS.allocatie, H.nr, 5, 1, grid.lineCount),
    byCode: {
      codes: gemeenteCodes(SHEETS.allocatie, rows).through(tot),
      names: gemeenteCodes(SHEETS.allocatie, rows).cols(1).through(tot),
      amounts: amounts.through(tot),
    },
    levels: {
      amounts: SheetRange.at(SHEETS.allocatie, first, grid.column(0, 'niveau').col, n + 1, grid.lineCount),
      nrs: SheetRange.at(SHEETS.allocatie, H.nr, grid.column(0, 'niveau').col, 1, grid.lineCount),
    },
  };
  allocatieHeading(ctx, s, rows, grid, from);
  byRun(
    grid,
    (c) => (c.kind === 'mandaat' ? `mandaat:${c.col}` : c.kind),
    (kind, c0, count) => allocatieRun(ctx, s, rows, grid, from, kind, c0, count),
  );
  s.values(`A${tot}`, [[NATIONAL_CODE, 'Nederland (som van de gemeenten)']], 'rowHeader');
  s.formula(`C${tot}`, `SUM(C${first}:C${last})`, () => shareSum(ctx), 'share');
  s.values(
    `A${tot + 1}`,
    [
      [
        grid.columns.some((c) => c.kind === 'table')
          ? 'Controle: totaal − landelijk (0 = goed; bij geschatte kolommen, bedragen per gemeente en regionaal geld)'
          : 'Controle: totaal − landelijk (0 = goed; bij geschatte kolommen en regionaal geld)',
      ],
    ],
    'rowHeader',
  );
  s.freezeAt(H.fourth, 2);
  s.width('A', 10).width('B', 28).width('C', 10).width('D', 4);
  for (let c = 5; c < 5 + grid.width; c++) s.width(columnLetter(c), 14);
  return { sheet: s, cells };
}

/** The heading rows (line, year, national amount, source, rule per column) and the gemeenten's shares. */
function allocatieHeading(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  grid: GridLayout,
  from: { readonly verdeelsleutel: VerdeelsleutelCells; readonly afronding: AfrondingCells },
): void {
  const { first, last } = rows;
  const block = (row: number) => SheetRange.at(SHEETS.allocatie, row, 5, 1, grid.width);
  const afr = from.afronding;
  s.value(
    'A1',
    'Bedrag per gemeente, jaar en onderdeel (€): technisch blad, afgedrukt alleen deze kop',
    'title',
  );
  s.value(
    'A2',
    `Op het scherm de tabel per gemeente, per kolom met bron en regel. Geschat: sleutel ${ctx.key.id} × landelijk bedrag (blad ${SHEETS.afronding}). Afgeleid: Bijlage 2A over de onderdelen.`,
    'subtitle',
  );
  headerRows(grid, s);
  s.values(`A${H.national}`, [['Landelijk bedrag (€)']], 'rowHeader');
  s.formula(
    block(H.national).address(),
    afr.national.cell().rel(),
    (_r, c) => columnNational(ctx, grid.columns[c] as GridColumn),
    'euro',
  );
  s.values(`A${H.second}`, [['Bron']], 'rowHeader');
  s.values(`E${H.second}`, [grid.columns.map((c) => bronLabel(ctx, c))], 'note');
  s.values(`A${H.third}`, [['Regel']], 'rowHeader');
  s.values(`E${H.third}`, [grid.columns.map((c) => ruleLabel(ctx, c))], 'note');
  s.values(`A${H.fourth}`, [['CBS-code', 'Gemeente', 'Aandeel', '']], 'header');
  s.values(
    `A${first}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.formula(
    `C${first}:C${last}`,
    from.verdeelsleutel.shares.cell().rel(),
    (r) => (ctx.key.weights[r] ?? 0) / ctx.key.total,
    'share',
  );
}

/**
 * One run of Allocatie's columns of the same kind: a key split or a Bijlage 2A year (floor +
 * correction from Afronding's steps), the published amounts per gemeente (values), a regional line
 * (SUMIF of the regions the gemeente is mandaatgemeente of), or no money (zeros); with the check row
 * under the NL total.
 */
function allocatieRun(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  grid: GridLayout,
  from: {
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly afronding: AfrondingCells;
    readonly iza: Pick<IzaCells, 'mandaatCodes' | 'regional'>;
  },
  kind: string,
  c0: GridColumn,
  count: number,
): void {
  const { first, total: tot, count: n } = rows;
  const at = (row: number, rowsN = 1) => rangeOf(row, c0.col, rowsN, count);
  const topLeft = (row: number) => cellAddress(row, c0.col);
  const zeros = (rowsN: number) =>
    Array.from({ length: rowsN }, () => Array.from({ length: count }, () => 0));
  const col = (i: number) => grid.columns[grid.columns.indexOf(c0) + i] as GridColumn;
  const expected = (row: number, i: number) => gridAmount(ctx, col(i), row);
  const afr = from.afronding;
  const column = (range: SheetRange) => range.cols(c0.col - range.left);
  const rest = column(afr.rests).cell().rel();
  const corr = column(afr.corrections).cell().rel();
  const national = SheetRange.at(SHEETS.allocatie, H.national, c0.col).local().fixRow();
  const vs = from.verdeelsleutel;
  allocatieTotals(ctx, s, rows, from, kind, { c0, count, col });
  if (kind === 'key') {
    const W = vs.weightTotal.abs();
    const f = REMAINDER_FORMULAS.amount(national, vs.weights.cell().fixCol(), rest, W, corr);
    s.formula(at(first, n), f, expected, 'euro');
    s.formula(at(tot + 1), `${columnLetter(c0.col)}${tot}-${national}`, () => 0, 'euro');
  } else if (kind === 'row2a') {
    const T = bijlageColumn(vs, c0.jaar as EditionYear)
      .cell()
      .fixCol();
    const C = column(afr.handedOut).cell().fixRow();
    s.formula(at(first, n), REMAINDER_FORMULAS.amount(T, national, rest, C, corr), expected, 'euro');
    s.values(topLeft(tot + 1), zeros(1), 'euro');
  } else if (kind === 'table') {
    // Published per gemeente (rule tabel-per-gemeente): the values; their sum must be the national amount.
    s.values(
      topLeft(first),
      Array.from({ length: n }, (_r, row) => Array.from({ length: count }, (_c, i) => expected(row, i))),
      'euro',
    );
    s.formula(at(tot + 1), `${columnLetter(c0.col)}${tot}-${national}`, () => 0, 'euro');
  } else if (kind.startsWith('mandaat:')) {
    const regional = from.iza.regional.find((r) => r.nr === c0.line.nr);
    if (!regional || c0.jaar === 'niveau') throw new Error(`No regional block for line ${c0.line.nr}`);
    const year = regional.amounts.cols(c0.yearIndex - 1).abs();
    s.formula(at(first, n), `SUMIF(${from.iza.mandaatCodes.abs()},$A${first},${year})`, expected, 'euro');
    // The NL row (every region, SamenTwente's included) against the national amount: the national view
    // adds up to the published total (Σ Bijlage 2B, the SPUK AZWA raming).
    s.formula(at(tot + 1), `${columnLetter(c0.col)}${tot}-${national}`, () => 0, 'euro');
  } else {
    s.values(topLeft(first), zeros(n), 'euro');
    s.values(topLeft(tot + 1), zeros(1), 'euro');
  }
}

/**
 * The NL row of one run: Σ of the gemeenten; on a regional line Σ of every region (IZA), so a region
 * whose mandaathouder is no gemeente (SamenTwente for Twente) counts: the national view adds up to the
 * published totals (SPUK IZA 2023–2025 142.900.002 = Σ Bijlage 2B; the domain's `sumOntvangers`).
 */
function allocatieTotals(
  ctx: NationalContext,
  s: SheetBuilder,
  rows: GemeenteRows,
  from: { readonly iza: Pick<IzaCells, 'regional'> },
  kind: string,
  run: { readonly c0: GridColumn; readonly count: number; col(i: number): GridColumn },
): void {
  const { first, last, total: tot } = rows;
  const { c0, count } = run;
  const at = rangeOf(tot, c0.col, 1, count);
  const regional = from.iza.regional.find((r) => r.nr === c0.line.nr);
  if (kind.startsWith('mandaat:') && regional && c0.jaar !== 'niveau') {
    const jaar = c0.jaar;
    s.formula(
      at,
      `SUM(${regional.amounts.cols(c0.yearIndex - 1).abs()})`,
      () => ctx.ledger.sumOntvangers(c0.line.nr, jaar),
      'euroTotal',
    );
    return;
  }
  const L = columnLetter(c0.col);
  s.formula(
    at,
    `SUM(${L}${first}:${L}${last})`,
    (_r, c) => ctx.gemeenten.reduce((a, _g, row) => a + gridAmount(ctx, run.col(c), row), 0),
    'euroTotal',
  );
}

function bronLabel(ctx: NationalContext, c: GridColumn): string {
  if (c.jaar === 'niveau') return c.kind === 'none' ? '' : 'geschat';
  if (c.kind === 'none') {
    const open = ctx.ledger.openPost(c.line.nr, c.jaar);
    return open ? 'open post' : '';
  }
  // The same rule holds for every gemeente (and region) of the column: show the first one's label.
  if (c.kind === 'mandaat')
    return ctx.ledger.regio(ctx.data.izaRegios[0]?.naam ?? '', c.line.nr, c.jaar).bron;
  const first = ctx.gemeenten[0];
  return first ? (ctx.ledger.gemeente(first.code, c.line.nr, c.jaar)?.bron ?? '') : '';
}

function ruleLabel(ctx: NationalContext, c: GridColumn): string {
  if (c.jaar === 'niveau') return c.kind === 'none' ? '' : 'GALA structureel × sleutel';
  return ctx.input.edition.rule(c.line.regeling.id, c.jaar)?.spec.regel ?? '';
}

/** Σ of the displayed shares in row order, as a spreadsheet adds them (1 up to float rounding). */
function shareSum(ctx: NationalContext): number {
  return ctx.key.weights.reduce((a, w) => a + w / ctx.key.total, 0);
}
