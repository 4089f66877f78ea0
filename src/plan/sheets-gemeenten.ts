import type { Period } from '../domain';
import { aardRijk, nationalAmount, PERIODS } from '../domain';
import { columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import { euroCell } from './cells';
import type { PlanContext } from './context';
import type { GemeenteRows } from './layout';
import { gemeenteCodes, NATIONAL_CODE, PERIOD_COL, PERIOD_COUNT, SHEETS } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { keyDescription } from './key-labels';
import type { IzaCells } from './sheets-iza';
import type { LandelijkCells } from './sheets-landelijk';

/** Largest weight the sheet accepts: N · w + W must stay below 2^53 for the exact rounding. */
export const MAX_SHEET_WEIGHT = 50_000_000;

/** Rows above the gemeenten on Afronding and Allocatie (the same on both). */
const H = {
  nr: 3,
  periodIndex: 4,
  naam: 5,
  period: 6,
  national: 7,
  /** Allocatie: structural level of the line. Afronding: d (euros handed out). */
  second: 8,
  /** Allocatie: aard (Rijk). Afronding: threshold t. */
  third: 9,
  /** Afronding: g (rests above t). Allocatie: column headers. */
  fourth: 10,
} as const;

/** Verdeelsleutel columns: A code, B naam, C provincie, D zorgkantoorregio, E inwoners, F 2A 2025, G 2A 2026, H gewicht, I aandeel. */
const HEADER_ROW = 10;
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
}

/** What Afronding exposes: its rows over the line × period columns (E onwards). */
export interface AfrondingCells {
  /** The national amount per column (€). */
  readonly national: SheetRange;
  /** Rest per gemeente and column. */
  readonly rests: SheetRange;
  /** 0/1 correction per gemeente and column. */
  readonly corrections: SheetRange;
  /** Σ corrections per column. */
  readonly correctionTotals: SheetRange;
  /** Σ corrections − d per column (0 = goed). */
  readonly correctionChecks: SheetRange;
  /** C: per gemeente row, how many per-gemeente sheets hold another gemeente there (0 = goed). */
  readonly order: SheetRange;
}

/** What Allocatie exposes: amounts per gemeente (rows) and line × period (columns E onwards). */
export interface AllocatieCells {
  /** A: CBS codes. */
  readonly codes: SheetRange;
  /** Amount per gemeente and column (€). */
  readonly amounts: SheetRange;
  /** The NL row: Σ gemeenten per column. */
  readonly totals: SheetRange;
  /** Σ gemeenten − national per column (0 = goed). */
  readonly checks: SheetRange;
  /** What Overzicht looks a gemeente (or NL) up in: codes, names and amounts, gemeente rows and then NL. */
  readonly byCode: { readonly codes: SheetRange; readonly names: SheetRange; readonly amounts: SheetRange };
  /** The five period columns of one line, gemeente rows. */
  lineAmounts(lineIndex: number): SheetRange;
  /** The five period columns of one line, NL row. */
  lineTotals(lineIndex: number): SheetRange;
}

export function buildVerdeelsleutel(
  ctx: PlanContext,
  rows: GemeenteRows,
  iza: Pick<IzaCells, 'members'>,
): Built<VerdeelsleutelCells> {
  const s = new SheetBuilder(SHEETS.verdeelsleutel, 'invoer');
  const n = rows.count;
  const first = rows.first;
  const last = rows.last;
  const tot = rows.total;
  const column = (col: number) => SheetRange.at(SHEETS.verdeelsleutel, first, col, n);
  const cells: VerdeelsleutelCells = {
    keyId: SheetRange.at(SHEETS.verdeelsleutel, KEY_ROW, 2),
    codes: column(1),
    choices: column(1).through(tot),
    bijlage2025: column(BIJLAGE_2025_COL).through(tot),
    bijlage2026: column(BIJLAGE_2026_COL).through(tot),
    weights: column(WEIGHT_COL),
    weightTotal: SheetRange.at(SHEETS.verdeelsleutel, tot, WEIGHT_COL),
    shares: column(SHARE_COL),
  };
  const byCode = new Map(ctx.data.bijlage2A.map((r) => [r.code, r]));
  s.value('A1', 'Verdeelsleutel', 'title');
  s.value('A2', keyDescription(ctx.key.id), 'subtitle');
  s.value(
    'A3',
    'Gewichten (kolom H, geel) zijn invoer: typ een ander gewicht en alle bedragen rekenen mee. Hele getallen, 0 of meer.',
    'note',
  );
  s.values(`A${KEY_ROW}`, [['Sleutel', ctx.key.id]]);
  s.format(`A${KEY_ROW}`, 'rowHeader');
  s.values('A6', [['Editie', ctx.data.edition.naam]]);
  s.format('A6', 'rowHeader');
  s.values(
    `A${HEADER_ROW}`,
    [
      [
        'CBS-code',
        'Gemeente',
        'Provincie',
        'Zorgkantoorregio',
        'Inwoners 2025 (indicatief)',
        'Bijlage 2A 2025 (€)',
        'Bijlage 2A 2026 (€)',
        'Gewicht (invoer)',
        'Aandeel',
        'IZA-regiobeeldregio (38)',
        'SPUK IZA-regio (42; blad IZA)',
      ],
    ],
    'header',
  );
  // The regions: regiobeeld as published; the SPUK IZA region follows the (editable) membership on IZA.
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
  s.format(rangeOf(first, INWONERS_COL, n, 1), 'integer');
  const w = columnLetter(WEIGHT_COL);
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
      "Gewicht van deze gemeente: een heel getal van 0 tot 50.000.000 (bijvoorbeeld inwoners of euro's).",
    error:
      'Typ een heel getal van 0 tot 50.000.000. Werk met aandelen? Vermenigvuldig ze eerst met 1.000.000.',
  });
  const sh = columnLetter(SHARE_COL);
  s.formula(
    cells.shares.address(),
    `${w}${first}/$${w}$${tot}`,
    (r) => (ctx.key.weights[r] ?? 0) / ctx.key.total,
    'share',
  );
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
  s.freezeAt(HEADER_ROW, 2);
  s.width('A', 10)
    .width('B', 28)
    .width('C', 16)
    .width('D', 26)
    .width('E', 14)
    .width('F', 16)
    .width('G', 16)
    .width('H', 16)
    .width('I', 11)
    .width('J', 26)
    .width('K', 28);
  return { sheet: s, cells };
}

function headerRows(ctx: PlanContext, s: SheetBuilder): void {
  const width = ctx.lines.length * PERIOD_COUNT;
  const nrs: number[] = [];
  const idx: number[] = [];
  const names: string[] = [];
  const periods: (number | string)[] = [];
  ctx.lines.forEach((l) =>
    PERIODS.forEach((p, pi) => {
      nrs.push(l.nr);
      idx.push(pi + 1);
      names.push(l.naam);
      periods.push(p === 'structureel' ? 'Structureel' : p);
    }),
  );
  s.values(`A${H.nr}`, [['Onderdeel nr', '', '', '', ...nrs]]);
  s.values(`A${H.periodIndex}`, [['Periode-index', '', '', '', ...idx]]);
  s.values(`A${H.naam}`, [['Onderdeel', '', '', '', ...names]]);
  s.values(`A${H.period}`, [['Periode', '', '', '', ...periods]]);
  s.format(rangeOf(H.nr, 1, 2, PERIOD_COL - 1 + width), 'note');
  s.format(rangeOf(H.naam, 1, 2, PERIOD_COL - 1 + width), 'header');
}

/** Expected value helper over the line × period grid. */
function lp(ctx: PlanContext, col: number): { li: number; p: Period } {
  return { li: Math.floor(col / PERIOD_COUNT), p: PERIODS[col % PERIOD_COUNT] as Period };
}

export function buildAfronding(
  ctx: PlanContext,
  rows: GemeenteRows,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'national'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    /** Allocatie is built after Afronding; its code column is the per-gemeente convention (`gemeenteCodes`). */
    readonly allocatieCodes: SheetRange;
    readonly iza: Pick<IzaCells, 'members'>;
  },
): Built<AfrondingCells> {
  const s = new SheetBuilder(SHEETS.afronding, 'berekening');
  s.printAs('landscape', false);
  const n = rows.count;
  const first = rows.first;
  const width = ctx.lines.length * PERIOD_COUNT;
  const last = rows.last;
  const grid = (row: number, count = 1) => rangeOf(row, PERIOD_COL, count, width);
  const block = (row: number, count = 1) => SheetRange.at(SHEETS.afronding, row, PERIOD_COL, count, width);
  // Below the rests (gemeente rows) and the NL row: one blank row, the corrections, their total and check.
  const cursor = new RowCursor(rows.total + 1).skip();
  const correctionHeader = cursor.take();
  const correctionFirst = cursor.take(n);
  const cells: AfrondingCells = {
    national: block(H.national),
    rests: block(first, n),
    corrections: block(correctionFirst, n),
    correctionTotals: block(cursor.take()),
    correctionChecks: block(cursor.take()),
    order: SheetRange.at(SHEETS.afronding, first, 3, n),
  };
  const r = {
    correctionHeader,
    correctionFirst,
    correctionLast: cells.corrections.bottom,
    correctionTotal: cells.correctionTotals.top,
    correctionCheck: cells.correctionChecks.top,
  };
  const W = from.verdeelsleutel.weightTotal.abs();
  const weight = from.verdeelsleutel.weights.cell().fixCol();
  s.value('A1', "Afronding op hele euro's (grootste-restmethode)", 'title');
  s.value(
    'A2',
    'Per kolom: rest = (landelijk bedrag × gewicht) mod Σ gewichten. De d grootste resten krijgen één euro extra (bij gelijke rest: de bovenste rij eerst), zodat de gemeenten samen precies het landelijke bedrag krijgen.',
    'subtitle',
  );
  headerRows(ctx, s);
  s.values(`A${H.national}`, [['Landelijk bedrag (€)']], 'rowHeader');
  s.formula(
    grid(H.national),
    `ROUND(INDEX(${from.landelijk.national.abs()},E$${H.nr},E$${H.periodIndex})*1000000,0)`,
    (_r, c) => {
      const { li, p } = lp(ctx, c);
      const line = ctx.lines[li];
      return line ? euroCell(nationalAmount(line, p)) : 0;
    },
    'euro',
  );
  s.values(`A${H.second}`, [["Uit te delen euro's (d)"]], 'rowHeader');
  s.formula(grid(H.second), `SUM(E$${first}:E$${last})/${W}`, (_r, c) => split(ctx, c).handedOut, 'integer');
  s.values(`A${H.third}`, [['Drempel-rest (t)']], 'rowHeader');
  s.formula(
    grid(H.third),
    `LARGE(E$${first}:E$${last},MAX(E$${H.second},1))`,
    (_r, c) => split(ctx, c).threshold,
    'integer',
  );
  s.values(`A${H.fourth}`, [['Resten boven t (g)']], 'rowHeader');
  s.formula(
    grid(H.fourth),
    `COUNTIF(E$${first}:E$${last},">"&E$${H.third})`,
    (_r, c) => split(ctx, c).above,
    'integer',
  );
  s.values(
    `A${first}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  // Row order guard: every per-gemeente sheet must keep the gemeente of this row (a sort breaks the model).
  const sameRow = [from.verdeelsleutel.codes, from.allocatieCodes, from.iza.members.codes].map(
    (codes) => `($A${first}<>${codes.cell().fixCol()})`,
  );
  s.value(`C${H.fourth}`, 'Volgorde', 'header');
  s.formula(cells.order.address(), sameRow.join('+'), () => 0, 'integer');
  s.formula(
    grid(first, n),
    `MOD(E$${H.national}*${weight},${W})`,
    (row, c) => split(ctx, c).rests[row] ?? 0,
    'integer',
  );
  s.value(`A${r.correctionHeader}`, 'Afrondingscorrectie (1 = krijgt één euro extra)', 'rowHeader');
  s.values(
    `A${r.correctionFirst}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.formula(
    grid(r.correctionFirst, n),
    `(E$${H.second}>0)*((E${first}>E$${H.third})+(E${first}=E$${H.third})*(COUNTIF(E$${first}:E${first},E$${H.third})<=E$${H.second}-E$${H.fourth}))`,
    (row, c) => split(ctx, c).corrections[row] ?? 0,
    'integer',
  );
  s.values(`A${r.correctionTotal}`, [['Totaal correctie']], 'rowHeader');
  s.formula(
    grid(r.correctionTotal),
    `SUM(E${r.correctionFirst}:E${r.correctionLast})`,
    (_r, c) => split(ctx, c).handedOut,
    'integer',
  );
  s.values(`A${r.correctionCheck}`, [['Controle: totaal correctie − d (0 = goed)']], 'rowHeader');
  s.formula(grid(r.correctionCheck), `E${r.correctionTotal}-E$${H.second}`, () => 0, 'integer');
  s.freezeAt(H.fourth, 2);
  s.width('A', 10).width('B', 28).width('C', 10).width('D', 4);
  for (let c = PERIOD_COL; c <= PERIOD_COL + width - 1; c++) s.width(columnLetter(c), 13);
  return { sheet: s, cells };
}

function split(ctx: PlanContext, col: number) {
  const { li, p } = lp(ctx, col);
  return ctx.allocation.split(li, p);
}

export function buildAllocatie(
  ctx: PlanContext,
  rows: GemeenteRows,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'structural'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly afronding: AfrondingCells;
  },
): Built<AllocatieCells> {
  const s = new SheetBuilder(SHEETS.allocatie, 'berekening');
  s.printAs('landscape', false);
  const n = rows.count;
  const first = rows.first;
  const width = ctx.lines.length * PERIOD_COUNT;
  const last = rows.last;
  const tot = rows.total;
  const grid = (row: number, count = 1) => rangeOf(row, PERIOD_COL, count, width);
  const block = (row: number, count = 1) => SheetRange.at(SHEETS.allocatie, row, PERIOD_COL, count, width);
  const amounts = block(first, n);
  const totals = block(tot);
  const line = (range: SheetRange, lineIndex: number) => range.cols(lineIndex * PERIOD_COUNT, PERIOD_COUNT);
  const cells: AllocatieCells = {
    codes: gemeenteCodes(SHEETS.allocatie, rows),
    amounts,
    totals,
    checks: block(tot + 1),
    byCode: {
      codes: gemeenteCodes(SHEETS.allocatie, rows).through(tot),
      names: gemeenteCodes(SHEETS.allocatie, rows).cols(1).through(tot),
      amounts: amounts.through(tot),
    },
    lineAmounts: (lineIndex) => line(amounts, lineIndex),
    lineTotals: (lineIndex) => line(totals, lineIndex),
  };
  const W = from.verdeelsleutel.weightTotal.abs();
  const weight = from.verdeelsleutel.weights.cell().fixCol();
  const afr = from.afronding;
  s.value('A1', 'Allocatie per gemeente, onderdeel en periode (€, geschat met de verdeelsleutel)', 'title');
  s.value(
    'A2',
    `Bedrag = (landelijk bedrag × gewicht − rest) / Σ gewichten + afrondingscorrectie (blad ${SHEETS.afronding}). Sleutel: ${ctx.key.id}. Bron van elk bedrag: geschat.`,
    'subtitle',
  );
  headerRows(ctx, s);
  s.values(`A${H.national}`, [['Landelijk bedrag (€)']], 'rowHeader');
  s.formula(
    grid(H.national),
    afr.national.cell().rel(),
    (_r, c) => {
      const { li, p } = lp(ctx, c);
      const line = ctx.lines[li];
      return line ? nationalAmount(line, p) : 0;
    },
    'euro',
  );
  s.values(`A${H.second}`, [['Structureel niveau van het onderdeel (€)']], 'rowHeader');
  s.formula(
    grid(H.second),
    `ROUND(INDEX(${from.landelijk.structural.abs()},E$${H.nr})*1000000,0)`,
    (_r, c) => {
      const line = ctx.lines[lp(ctx, c).li];
      return line ? nationalAmount(line, 'structureel') : 0;
    },
    'euro',
  );
  s.values(`A${H.third}`, [['Aard (Rijk)']], 'rowHeader');
  s.formula(
    grid(H.third),
    `CHOOSE(1+(E$${H.national}>0)*(1+(E$${H.second}>0)*(1+(E$${H.national}>E$${H.second}))),"geen bedrag","incidenteel","structureel","deels structureel")`,
    (_r, c) => {
      const { li, p } = lp(ctx, c);
      const line = ctx.lines[li];
      return line ? aardRijk(nationalAmount(line, p), nationalAmount(line, 'structureel')) : '';
    },
  );
  s.aardRules(grid(H.third));
  s.values(`A${H.fourth}`, [['CBS-code', 'Gemeente', 'Aandeel', 'Bron']], 'header');
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
  s.values(
    `D${first}`,
    ctx.gemeenten.map(() => ['geschat']),
  );
  s.formula(
    grid(first, n),
    `(E$${H.national}*${weight}-${afr.rests.cell().rel()})/${W}+${afr.corrections.cell().rel()}`,
    (row, c) => {
      const { li, p } = lp(ctx, c);
      return ctx.allocation.estimate(row, li, p);
    },
    'euro',
  );
  s.values(`A${tot}`, [[NATIONAL_CODE, 'Nederland (totaal)', null, 'gepubliceerd']], 'rowHeader');
  s.formula(`C${tot}`, `SUM(C${first}:C${last})`, () => shareSum(ctx), 'share');
  s.formula(
    totals.address(),
    `SUM(E${first}:E${last})`,
    (_r, c) => {
      const { li, p } = lp(ctx, c);
      return ctx.allocation.columnTotal(li, p);
    },
    'euroTotal',
  );
  s.values(`A${tot + 1}`, [['Controle: totaal − landelijk (0 = goed)']], 'rowHeader');
  s.formula(cells.checks.address(), `E${tot}-E$${H.national}`, () => 0, 'euro');
  s.values(`A${tot + 2}`, [['Waarvan door afronding uitgedeeld (€)']], 'rowHeader');
  s.formula(grid(tot + 2), afr.correctionTotals.cell().rel(), (_r, c) => split(ctx, c).handedOut, 'euro');
  s.freezeAt(H.fourth, 2);
  s.width('A', 10).width('B', 28).width('C', 10).width('D', 10);
  for (let c = PERIOD_COL; c <= PERIOD_COL + width - 1; c++) s.width(columnLetter(c), 14);
  return { sheet: s, cells };
}

/** Σ of the displayed shares in row order, as a spreadsheet adds them (1 up to float rounding). */
function shareSum(ctx: PlanContext): number {
  return ctx.key.weights.reduce((a, w) => a + w / ctx.key.total, 0);
}
