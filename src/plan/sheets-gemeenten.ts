import type { Period } from '../domain';
import { aardRijk, nationalAmount, PERIODS } from '../domain';
import { columnLetter, rangeOf } from './a1';
import { euroCell } from './cells';
import type { PlanContext } from './context';
import {
  ALLOC_HEADER as H,
  G_FIRST,
  gLast,
  LANDELIJK,
  NATIONAL_CODE,
  PERIOD_COL,
  PERIOD_COUNT,
  SHEETS,
  totalRow,
  VERDEELSLEUTEL as V,
} from './layout';
import { SheetBuilder } from './sheet-builder';
import { keyDescription } from './key-labels';
import { izaRows } from './sheets-iza';

/** Largest weight the sheet accepts: N · w + W must stay below 2^53 for the exact rounding. */
export const MAX_SHEET_WEIGHT = 50_000_000;

const W_REF = (n: number): string => `${SHEETS.verdeelsleutel}!$${columnLetter(V.weightCol)}$${totalRow(n)}`;
const weightRef = (row: number): string => `${SHEETS.verdeelsleutel}!$${columnLetter(V.weightCol)}${row}`;

export function buildVerdeelsleutel(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.verdeelsleutel, 'invoer');
  const n = ctx.gemeenten.length;
  const last = gLast(n);
  const tot = totalRow(n);
  const byCode = new Map(ctx.data.bijlage2A.map((r) => [r.code, r]));
  s.value('A1', 'Verdeelsleutel', 'title');
  s.value('A2', keyDescription(ctx.key.id), 'subtitle');
  s.value(
    'A3',
    'Gewichten (kolom H, geel) zijn invoer: typ een ander gewicht en alle bedragen rekenen mee. Hele getallen, 0 of meer.',
    'note',
  );
  s.values('A5', [['Sleutel', ctx.key.id]]);
  s.format('A5', 'rowHeader');
  s.values('A6', [['Editie', ctx.data.edition.naam]]);
  s.format('A6', 'rowHeader');
  s.values(
    `A${V.headerRow}`,
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
  const members = izaRows(ctx.data.izaRegios.length, n).memberFirst;
  const regioOf = new Map(ctx.data.lidmaatschap.map((m) => [m.code as string, m.regio]));
  s.values(
    `J${G_FIRST}`,
    ctx.gemeenten.map((g) => [g.regiobeeldRegio]),
  );
  s.formula(
    `K${G_FIRST}:K${last}`,
    `${SHEETS.iza}!$C${members}`,
    (r) => regioOf.get(ctx.gemeenten[r]?.code ?? '') ?? '',
  );
  s.values(
    `A${G_FIRST}`,
    ctx.gemeenten.map((g) => [g.code, g.naam, g.provincie, g.zorgkantoorregio, g.inwoners]),
  );
  s.values(
    `F${G_FIRST}`,
    ctx.gemeenten.map((g) => [byCode.get(g.code)?.totaal2025 ?? 0, byCode.get(g.code)?.totaal2026 ?? 0]),
    'euro',
  );
  s.format(rangeOf(G_FIRST, V.inwonersCol, n, 1), 'integer');
  const w = columnLetter(V.weightCol);
  s.values(
    `${w}${G_FIRST}`,
    ctx.key.weights.map((x) => [x]),
    'input',
  );
  s.format(`${w}${G_FIRST}:${w}${last}`, 'integer');
  s.validation({
    range: `${w}${G_FIRST}:${w}${last}`,
    type: 'whole',
    min: 0,
    max: MAX_SHEET_WEIGHT,
    prompt:
      "Gewicht van deze gemeente: een heel getal van 0 tot 50.000.000 (bijvoorbeeld inwoners of euro's).",
    error:
      'Typ een heel getal van 0 tot 50.000.000. Werk met aandelen? Vermenigvuldig ze eerst met 1.000.000.',
  });
  const sh = columnLetter(V.shareCol);
  s.formula(
    `${sh}${G_FIRST}:${sh}${last}`,
    `${w}${G_FIRST}/$${w}$${tot}`,
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
    rangeOf(tot, V.inwonersCol, 1, 4),
    `SUM(E${G_FIRST}:E${last})`,
    (_r, c) => sums[c] ?? 0,
    'euroTotal',
  );
  s.format(`E${tot}`, 'integer').format(`${w}${tot}`, 'integer');
  s.formula(`${sh}${tot}`, `SUM(${sh}${G_FIRST}:${sh}${last})`, () => shareSum(ctx), 'share');
  s.freezeAt(V.headerRow, 2);
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
  return s;
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

export function afrondingRows(n: number) {
  const correctionFirst = totalRow(n) + 3;
  return {
    correctionHeader: correctionFirst - 1,
    correctionFirst,
    correctionLast: correctionFirst + n - 1,
    correctionTotal: correctionFirst + n,
    correctionCheck: correctionFirst + n + 1,
  };
}

export function buildAfronding(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.afronding, 'berekening');
  s.printAs('landscape', false);
  const n = ctx.gemeenten.length;
  const width = ctx.lines.length * PERIOD_COUNT;
  const last = gLast(n);
  const grid = (row: number, rows = 1) => rangeOf(row, PERIOD_COL, rows, width);
  const r = afrondingRows(n);
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
    `ROUND(INDEX(${SHEETS.landelijk}!$E$${LANDELIJK.firstLine}:$I$${LANDELIJK.firstLine + ctx.lines.length - 1},E$${H.nr},E$${H.periodIndex})*1000000,0)`,
    (_r, c) => {
      const { li, p } = lp(ctx, c);
      const line = ctx.lines[li];
      return line ? euroCell(nationalAmount(line, p)) : 0;
    },
    'euro',
  );
  s.values(`A${H.second}`, [["Uit te delen euro's (d)"]], 'rowHeader');
  s.formula(
    grid(H.second),
    `SUM(E$${G_FIRST}:E$${last})/${W_REF(n)}`,
    (_r, c) => split(ctx, c).handedOut,
    'integer',
  );
  s.values(`A${H.third}`, [['Drempel-rest (t)']], 'rowHeader');
  s.formula(
    grid(H.third),
    `LARGE(E$${G_FIRST}:E$${last},MAX(E$${H.second},1))`,
    (_r, c) => split(ctx, c).threshold,
    'integer',
  );
  s.values(`A${H.fourth}`, [['Resten boven t (g)']], 'rowHeader');
  s.formula(
    grid(H.fourth),
    `COUNTIF(E$${G_FIRST}:E$${last},">"&E$${H.third})`,
    (_r, c) => split(ctx, c).above,
    'integer',
  );
  s.values(
    `A${G_FIRST}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  // Row order guard: every per-gemeente sheet must keep the gemeente of this row (a sort breaks the model).
  const memberFirst = izaRows(ctx.data.izaRegios.length, n).memberFirst;
  s.value(`C${H.fourth}`, 'Volgorde', 'header');
  s.formula(
    `C${G_FIRST}:C${gLast(n)}`,
    `($A${G_FIRST}<>${SHEETS.verdeelsleutel}!$A${G_FIRST})+($A${G_FIRST}<>${SHEETS.allocatie}!$A${G_FIRST})+($A${G_FIRST}<>${SHEETS.iza}!$A${memberFirst})`,
    () => 0,
    'integer',
  );
  s.formula(
    grid(G_FIRST, n),
    `MOD(E$${H.national}*${weightRef(G_FIRST)},${W_REF(n)})`,
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
    `(E$${H.second}>0)*((E${G_FIRST}>E$${H.third})+(E${G_FIRST}=E$${H.third})*(COUNTIF(E$${G_FIRST}:E${G_FIRST},E$${H.third})<=E$${H.second}-E$${H.fourth}))`,
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
  return s;
}

function split(ctx: PlanContext, col: number) {
  const { li, p } = lp(ctx, col);
  return ctx.allocation.split(li, p);
}

export function buildAllocatie(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.allocatie, 'berekening');
  s.printAs('landscape', false);
  const n = ctx.gemeenten.length;
  const width = ctx.lines.length * PERIOD_COUNT;
  const last = gLast(n);
  const tot = totalRow(n);
  const grid = (row: number, rows = 1) => rangeOf(row, PERIOD_COL, rows, width);
  const ar = afrondingRows(n);
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
    `${SHEETS.afronding}!E${H.national}`,
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
    `ROUND(INDEX(${SHEETS.landelijk}!$I$${LANDELIJK.firstLine}:$I$${LANDELIJK.firstLine + ctx.lines.length - 1},E$${H.nr})*1000000,0)`,
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
    `A${G_FIRST}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.formula(
    `C${G_FIRST}:C${last}`,
    `${SHEETS.verdeelsleutel}!${columnLetter(V.shareCol)}${G_FIRST}`,
    (r) => (ctx.key.weights[r] ?? 0) / ctx.key.total,
    'share',
  );
  s.values(
    `D${G_FIRST}`,
    ctx.gemeenten.map(() => ['geschat']),
  );
  s.formula(
    grid(G_FIRST, n),
    `(E$${H.national}*${weightRef(G_FIRST)}-${SHEETS.afronding}!E${G_FIRST})/${W_REF(n)}+${SHEETS.afronding}!E${ar.correctionFirst}`,
    (row, c) => {
      const { li, p } = lp(ctx, c);
      return ctx.allocation.estimate(row, li, p);
    },
    'euro',
  );
  s.values(`A${tot}`, [[NATIONAL_CODE, 'Nederland (totaal)', null, 'gepubliceerd']], 'rowHeader');
  s.formula(`C${tot}`, `SUM(C${G_FIRST}:C${last})`, () => shareSum(ctx), 'share');
  s.formula(
    grid(tot),
    `SUM(E${G_FIRST}:E${last})`,
    (_r, c) => {
      const { li, p } = lp(ctx, c);
      return ctx.allocation.columnTotal(li, p);
    },
    'euroTotal',
  );
  s.values(`A${tot + 1}`, [['Controle: totaal − landelijk (0 = goed)']], 'rowHeader');
  s.formula(grid(tot + 1), `E${tot}-E$${H.national}`, () => 0, 'euro');
  s.values(`A${tot + 2}`, [['Waarvan door afronding uitgedeeld (€)']], 'rowHeader');
  s.formula(
    grid(tot + 2),
    `${SHEETS.afronding}!E${ar.correctionTotal}`,
    (_r, c) => split(ctx, c).handedOut,
    'euro',
  );
  s.freezeAt(H.fourth, 2);
  s.width('A', 10).width('B', 28).width('C', 10).width('D', 10);
  for (let c = PERIOD_COL; c <= PERIOD_COL + width - 1; c++) s.width(columnLetter(c), 14);
  return s;
}

/** Σ of the displayed shares in row order, as a spreadsheet adds them (1 up to float rounding). */
function shareSum(ctx: PlanContext): number {
  return ctx.key.weights.reduce((a, w) => a + w / ctx.key.total, 0);
}

export { W_REF, weightRef };
