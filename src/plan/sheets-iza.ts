/**
 * The sheet IZA: per regional line (SPUK IZA, SPUK AZWA regionaal) the amount per region and year to
 * the mandaatgemeente (published, as 2025, Σ of members, or split with the SPUK IZA key with its
 * rounding rows), the editable membership table and, where regions sum their members, each member's
 * key share. Its layout (iza-layout.ts) is known before it is filled.
 */
import type { EditionYear, RoundedSplit } from '../domain';
import { euro, membershipStatus, splitByWeights } from '../domain';
import { cellAddress, columnLetter, rangeOf } from './a1';
import { SheetRange } from './anchors';
import type { RegionKind } from './columns';
import { runs } from './columns';
import type { NationalContext } from './context';
import type { GridLayout } from './grid';
import { keySplit } from './grid';
import { PERIOD_COL, SHEETS, yearCol } from './layout';
import type { IzaCells, IzaLayout } from './iza-layout';
import { HEADER_ROW, kinds } from './iza-layout';
import { REMAINDER_FORMULAS, RemainderSteps } from './largest-remainder';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { yearHeaders } from './labels';
import { linesHeight } from './text-fit';
import type { AfrondingCells, VerdeelsleutelCells } from './sheets-gemeenten';
import type { LandelijkCells } from './sheets-landelijk';

export { layoutIza } from './iza-layout';

type Block = IzaLayout['blocks'][number];

/** The year whose published regional amounts the rule `bijlage-2b-2025` repeats (a fact of that rule). */
const AS_YEAR: EditionYear = 2025;

/** What every section of the sheet shares. */
interface Iza {
  readonly ctx: NationalContext;
  readonly s: SheetBuilder;
  readonly layout: IzaLayout;
  /** The membership table's regions (C) and methods (D), absolute. */
  readonly membersC: string;
  readonly membersD: string;
}

/**
 * Builds IZA on its `layout`; `grid` says which Allocatie/Afronding column holds each line × year (the
 * member shares repeat Allocatie's formula); `from` gives the national amounts and the key.
 */
export function buildIza(
  ctx: NationalContext,
  layout: IzaLayout,
  grid: GridLayout,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'national'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly afronding: AfrondingCells;
  },
): Built<IzaCells> {
  const s = new SheetBuilder(SHEETS.iza, 'invoer');
  const cells = layout.cells;
  const v: Iza = {
    ctx,
    s,
    layout,
    membersC: cells.members.regions.abs(),
    membersD: cells.members.methods.abs(),
  };
  s.value('A1', 'SPUK IZA en SPUK AZWA regionaal per samenwerkingsregio (naar de mandaatgemeente)', 'title');
  s.value(
    'A2',
    'De mandaatgemeente ontvangt het hele regiobedrag en geeft delen door aan de ledengemeenten en partners; een ledengemeente ontvangt zelf niets van deze regels. De indeling van gemeenten onderaan is afgeleid, niet officieel: pas haar aan waar u het beter weet.',
    'subtitle',
  );
  layout.blocks.forEach((b, bi) => regionalSection(v, b, bi, from.landelijk));
  membersSection(v);
  shareSection(v, grid, from);
  s.freezeAt(HEADER_ROW, 1);
  // On paper (issue #18): landscape on the page width, the regions' amounts up to the weight column
  // (the notes and indelingsmethoden after it stay on screen), so the text prints at about 7 pt or more.
  // Each regional line starts a page under its own heading (#18: page 2 repeated the SPUK IZA block's
  // heading, "Indeling", above the AZWA block's weights). No repeated title rows: the sheet's two blocks
  // have different headings, and each fits its page (the AZWA rounding rows are hidden).
  s.printAs('landscape', true).printLayout({ fitToHeight: 0 });
  // The break at the first of the two empty rows between the blocks: a page ends with the check row.
  for (const b of layout.blocks.slice(1)) s.pageBreakBefore(b.title - 2);
  // The membership table (342 rows of input, about five pages) stays on screen, off the printed pages
  // (#18: technical and input tables out of the default print); the last printed row says so.
  const note = layout.memberTitle - 2;
  s.value(
    `A${note}`,
    "De indeling van de gemeenten in regio's (onder deze regel) is invoer op het scherm en wordt niet afgedrukt.",
    'note',
  );
  s.printColumns('A', columnLetter(layout.columns.weight), note);
  // C: the region in the membership table (names up to 27 characters); D: its indelingsmethode.
  s.width('A', 28).width('B', 22).width('C', 28).width('D', 17);
  // Amounts up to "€ 153.213.599" (the national row): 14 wide fits them, and keeps eight years
  // (2023–2030) printing at 7 pt or more.
  for (let i = 0; i < ctx.years.length; i++) s.width(columnLetter(PERIOD_COL + i), 14);
  const right = layout.columns;
  s.width(columnLetter(right.weight), 18)
    .width(columnLetter(right.note), 40)
    .width(columnLetter(right.methods), 18);
  return { sheet: s, cells };
}

/**
 * The heading of the regions' weight column: "Bijlage 2B" joined by a no-break space, so it wraps as
 * "Gewicht" / "(Bijlage 2B)", never with "2B)" alone on its second line.
 */
const WEIGHT_HEADER = 'Gewicht (Bijlage\u00a02B)';

/** The SPUK IZA key: each region's newest Bijlage 2B amount, and the split of a year's national amount. */
function regionKey(
  ctx: NationalContext,
  nr: number,
): { weights: number[]; W: number; split(c: number): RoundedSplit } {
  const regios = ctx.data.izaRegios;
  const newest = Math.max(...ctx.input.bijlage2B.map((p) => p.jaar)) as EditionYear;
  const weights: number[] = regios.map(
    (r) => ctx.input.bijlage2B.find((p) => p.regio === r.naam && p.jaar === newest)?.bedrag ?? 0,
  );
  const W = weights.reduce((a, w) => a + w, 0);
  const splits = new Map<number, RoundedSplit>();
  const split = (c: number) => {
    let sp = splits.get(c);
    if (!sp) {
      sp = splitByWeights(euro(ctx.ledger.national(nr, ctx.years[c] as EditionYear).bedrag), weights, W);
      splits.set(c, sp);
    }
    return sp;
  };
  return { weights, W, split };
}

/** One regional line: heading, national amount, the amount per region and year, totals and check. */
function regionalSection(v: Iza, b: Block, bi: number, landelijk: Pick<LandelijkCells, 'national'>): void {
  const { ctx, s } = v;
  const regios = ctx.data.izaRegios;
  const nR = regios.length;
  const line = b.line;
  const ks = kinds(ctx, line);
  const lineRow = landelijk.national.top + ctx.lines.findIndex((l) => l.nr === line.nr);
  s.value(
    `A${b.title}`,
    `${line.naam} (onderdeel ${line.nr}, ${line.regeling.naam}): bedrag naar de mandaatgemeente (€)`,
    'rowHeader',
  );
  s.values(
    `A${b.title + 1}`,
    [
      [
        'Regio',
        'Mandaatgemeente',
        'CBS-code mandaatgemeente',
        'Leden',
        ...yearHeaders(ctx.years),
        bi === 0 ? 'Indeling' : ks.includes('regionKey') ? WEIGHT_HEADER : '',
        bi === 0 ? 'Opmerking bron' : '',
      ],
    ],
    'header',
  );
  // The weight's heading wraps in its column: two lines high (a one-line row printed its first line
  // over the title row, "2B)" alone in the header; review F10).
  if (bi !== 0 && ks.includes('regionKey')) s.rowHeight(b.title + 1, linesHeight(2));
  s.value(`B${b.nationalRow}`, 'Landelijk bedrag (blad Landelijk)', 'rowHeader');
  s.formula(
    rangeOf(b.nationalRow, PERIOD_COL, 1, ctx.years.length),
    `${SHEETS.landelijk}!E$${lineRow}`,
    (_r, c) => ctx.ledger.national(line.nr, ctx.years[c] as EditionYear).bedrag,
    'euro',
  );
  s.values(
    `A${b.first}`,
    regios.map((r) => [r.naam, r.mandaatgemeente, r.mandaatgemeenteCode ?? '']),
  );
  const key = regionKey(ctx, line.nr);
  for (const run of runs(ks, (k) => k)) regionRun(v, b, key, run);
  if (b.round) roundingLabels(v, b, b.round, key);
  const expected = (r: number, c: number) =>
    ctx.ledger.regio(regios[r]?.naam ?? '', line.nr, ctx.years[c] as EditionYear).bedrag;
  s.value(`A${b.total}`, 'Totaal', 'rowHeader');
  s.formula(
    rangeOf(b.total, PERIOD_COL, 1, ctx.years.length),
    `SUM(E${b.first}:E${b.first + nR - 1})`,
    (_r, c) => regios.reduce((a, _x, r) => a + expected(r, c), 0),
    'euroTotal',
  );
  s.value(`A${b.total + 1}`, "Controle: totaal regio's − landelijk (0 = goed)", 'rowHeader');
  s.formula(
    rangeOf(b.total + 1, PERIOD_COL, 1, ctx.years.length),
    `E${b.total}-E$${b.nationalRow}`,
    () => 0,
    'euro',
  );
  if (bi === 0) memberCounts(v, b);
}

/** A run of years of the same kind: published values, as 2025, Σ of members, the key split, or none. */
function regionRun(
  v: Iza,
  b: Block,
  key: ReturnType<typeof regionKey>,
  run: { kind: RegionKind; from: number; count: number },
): void {
  const { ctx, s, layout } = v;
  const regios = ctx.data.izaRegios;
  const nR = regios.length;
  const col = PERIOD_COL + run.from;
  const range = (top: number, count: number) => rangeOf(top, col, count, run.count);
  const expected = (r: number, c: number) =>
    ctx.ledger.regio(regios[r]?.naam ?? '', b.line.nr, ctx.years[c] as EditionYear).bedrag;
  const exp = (r: number, c: number) => expected(r, run.from + c);
  switch (run.kind) {
    case 'published':
      s.values(
        cellAddress(b.first, col),
        regios.map((_r, ri) => Array.from({ length: run.count }, (_x, c) => expected(ri, run.from + c))),
        'euro',
      );
      return;
    case 'as2025':
      s.formula(range(b.first, nR), `$${columnLetter(yearCol(ctx.years, AS_YEAR))}${b.first}`, exp, 'euro');
      return;
    case 'members': {
      const shareCol = layout.shareCols.get(b.line.nr);
      if (shareCol === undefined) throw new Error('Member shares without columns');
      const share = columnLetter(shareCol + run.from);
      const mf = layout.memberFirst;
      const nG = ctx.gemeenten.length;
      s.formula(
        range(b.first, nR),
        `SUMIF(${v.membersC},$A${b.first},${share}$${mf}:${share}$${mf + nG - 1})`,
        exp,
        'euro',
      );
      return;
    }
    case 'regionKey':
      regionKeyRun(v, b, key, run);
      return;
    case 'none':
      s.values(
        cellAddress(b.first, col),
        regios.map(() => Array.from({ length: run.count }, () => 0)),
        'euro',
      );
      return;
  }
}

/** Years split over the regions with the SPUK IZA key: the amounts and the largest-remainder steps. */
function regionKeyRun(
  v: Iza,
  b: Block,
  key: ReturnType<typeof regionKey>,
  run: { kind: RegionKind; from: number; count: number },
): void {
  const { ctx, s } = v;
  const nR = ctx.data.izaRegios.length;
  const col = PERIOD_COL + run.from;
  const range = (top: number, count: number) => rangeOf(top, col, count, run.count);
  const exp = (r: number, c: number) =>
    ctx.ledger.regio(ctx.data.izaRegios[r]?.naam ?? '', b.line.nr, ctx.years[run.from + c] as EditionYear)
      .bedrag;
  const round = b.round;
  if (!round) throw new Error('Region split without rounding rows');
  const on = (row: number, rows = 1) => SheetRange.at(SHEETS.iza, row, col, rows, run.count);
  const w = `$${columnLetter(v.layout.columns.weight)}${b.first}`;
  const W = `$${columnLetter(v.layout.columns.weight)}$${b.total}`;
  const national = on(b.nationalRow).local().cell().fixRow();
  const first = (row: number) => on(row).local().cell().rel();
  const f = REMAINDER_FORMULAS.amount(national, w, first(round.rests), W, first(round.corr));
  s.formula(range(b.first, nR), f, exp, 'euro');
  const total = on(round.sum);
  new RemainderSteps(
    s,
    {
      members: 'rows',
      rests: on(round.rests, nR),
      corrections: on(round.corr, nR),
      handedOut: on(round.d),
      threshold: on(round.d + 1),
      above: on(round.d + 2),
    },
    (c) => key.split(run.from + c),
  )
    .handedOut(W)
    .threshold()
    .above()
    .rests(national, w, W)
    .corrections()
    .total(total)
    .check(on(round.sum + 1), total);
  // The largest-remainder steps hidden (d to the check): on screen and paper the regions' amounts;
  // Controle still checks the steps (#18: technical rows out of print).
  s.hideRows(round.d, round.sum + 1);
}

/** The labels of a key split's rounding rows, zeros where no year is split, and the key's weights. */
function roundingLabels(
  v: Iza,
  b: Block,
  round: NonNullable<Block['round']>,
  key: ReturnType<typeof regionKey>,
): void {
  const { ctx, s } = v;
  const regios = ctx.data.izaRegios;
  s.values(
    `B${round.d}`,
    [["Uit te delen euro's (d)"], ['Drempel-rest (t)'], ['Resten boven t (g)']],
    'rowHeader',
  );
  s.value(
    `A${round.rests - 1}`,
    "Afronding over de regio's: rest = (landelijk × gewicht) mod Σ gewichten; correctie 1 = één euro extra",
    'note',
  );
  s.values(
    `A${round.rests}`,
    regios.map((r) => [r.naam]),
  );
  s.values(
    `A${round.corr}`,
    regios.map((r) => [r.naam]),
  );
  s.values(
    `B${round.sum}`,
    [['Totaal correctie'], ['Controle: totaal correctie − d (0 = goed)']],
    'rowHeader',
  );
  // Years without a region split: zeros, so the check row counts only real differences.
  for (const run of runs(kinds(ctx, b.line), (k) => k === 'regionKey')) {
    if (run.kind) continue;
    s.values(
      cellAddress(round.sum + 1, PERIOD_COL + run.from),
      [Array.from({ length: run.count }, () => 0)],
      'integer',
    );
  }
  const Wc = columnLetter(v.layout.columns.weight);
  s.values(
    `${Wc}${b.first}`,
    key.weights.map((w) => [w]),
    'euro',
  );
  s.formula(
    `${Wc}${b.total}`,
    `SUM(${Wc}${b.first}:${Wc}${b.first + regios.length - 1})`,
    () => key.W,
    'euroTotal',
  );
}

/** The first block's member count per region and its status (bekend, afgeleid, onbekend), with notes. */
function memberCounts(v: Iza, b: Block): void {
  const { ctx, s } = v;
  const regios = ctx.data.izaRegios;
  const nR = regios.length;
  const status = membershipStatus(regios, ctx.data.lidmaatschap);
  s.formula(
    `D${b.first}:D${b.first + nR - 1}`,
    `COUNTIF(${v.membersC},$A${b.first})`,
    (r) => status[r]?.leden.length ?? 0,
    'integer',
  );
  s.formula(
    `D${b.total}`,
    `SUM(D${b.first}:D${b.first + nR - 1})`,
    () => status.reduce((a, e) => a + e.leden.length, 0),
    'integer',
  );
  s.formula(
    `${columnLetter(v.layout.columns.status)}${b.first}:${columnLetter(v.layout.columns.status)}${b.first + nR - 1}`,
    `IF(D${b.first}=0,"onbekend",CHOOSE(1+(COUNTIFS(${v.membersC},$A${b.first},${v.membersD},"naam regiobeeld")<D${b.first}),"bekend","afgeleid"))`,
    (r) => status[r]?.status ?? 'onbekend',
    // Centred: right after the last year's amount a left-aligned status read as "€ 0bekend" (review F10).
    'center',
  );
  s.values(
    `${columnLetter(v.layout.columns.note)}${b.first}`,
    regios.map((r) => [r.opmerking]),
  );
}

/** The membership table (input): CBS code, name, region and method per gemeente, with its lists. */
function membersSection(v: Iza): void {
  const { ctx, s, layout } = v;
  const cells = layout.cells;
  const mf = layout.memberFirst;
  const nG = ctx.gemeenten.length;
  s.value(
    `A${layout.memberTitle}`,
    "Indeling gemeenten in SPUK IZA-regio's (invoer; afgeleid, niet officieel: vervang door bijlage 1 van de regeling)",
    'rowHeader',
  );
  const shareHeaders: string[] = [];
  for (const [nr, col] of layout.shareCols)
    ctx.years.forEach((y, i) => (shareHeaders[col - PERIOD_COL + i] = `Aandeel ${nr} ${y} (geschat)`));
  s.values(
    `A${layout.memberTitle + 1}`,
    [['CBS-code', 'Gemeente', 'SPUK IZA-regio', 'Indelingsmethode', ...shareHeaders]],
    'header',
  );
  const byCode = new Map(ctx.data.lidmaatschap.map((m) => [m.code, m]));
  s.values(
    `A${mf}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.values(
    `C${mf}`,
    ctx.gemeenten.map((g) => [byCode.get(g.code)?.regio ?? '', byCode.get(g.code)?.methode ?? '']),
    'input',
  );
  s.table({
    name: 'IZA_Indeling',
    range: `A${layout.memberTitle + 1}:D${mf + nG - 1}`,
    style: 'TableStyleLight1',
  });
  s.validation({
    range: cells.members.regions.address(),
    type: 'list',
    source: cells.regions.abs(),
    prompt: 'Kies de SPUK IZA-regio van deze gemeente.',
    error: 'Onbekende regio. Kies een regio uit de lijst (kolom A, bovenaan dit blad).',
  });
  const methods = layout.columns.methods;
  const methodList = SheetRange.at(SHEETS.iza, HEADER_ROW, methods, 2);
  s.validation({
    range: cells.members.methods.address(),
    type: 'list',
    source: methodList.abs(),
    prompt:
      'Indelingsmethode: "naam regiobeeld" (regiobeeldregio met dezelfde naam en leden: bekend) of "afgeleid" (geschat).',
    error: 'Kies als indelingsmethode "naam regiobeeld" of "afgeleid".',
  });
  s.values(
    cellAddress(HEADER_ROW - 1, methods),
    [['Indelingsmethoden'], ['naam regiobeeld'], ['afgeleid']],
    'note',
  );
}

/**
 * Where regions sum their members: each member's key share per year, the same formula as a geschat
 * Allocatie cell (from Afronding's rests and corrections), on this gemeente's row.
 */
function shareSection(
  v: Iza,
  grid: GridLayout,
  from: { readonly verdeelsleutel: VerdeelsleutelCells; readonly afronding: AfrondingCells },
): void {
  const { ctx, s, layout } = v;
  const mf = layout.memberFirst;
  const nG = ctx.gemeenten.length;
  const W = from.verdeelsleutel.weightTotal.abs();
  const afr = from.afronding;
  // Afronding's gemeente rows are the same rows as Verdeelsleutel's (the per-gemeente convention).
  const weight = from.verdeelsleutel.weights.cell().fixCol();
  for (const [nr, col0] of layout.shareCols) {
    const li = ctx.allocLines.findIndex((l) => l.nr === nr);
    ctx.years.forEach((y, yi) => {
      const gc = grid.column(li, y);
      const target = columnLetter(col0 + yi);
      if (gc.rounding !== 'key') {
        s.values(
          `${target}${mf}`,
          ctx.gemeenten.map(() => [0]),
          'euro',
        );
        return;
      }
      const column = (range: SheetRange) => range.cols(gc.col - range.left);
      const f = REMAINDER_FORMULAS.amount(
        column(afr.national).fixRow(),
        weight.replace(/\d+$/, String(afr.rests.top)),
        column(afr.rests).cell().rel(),
        W,
        column(afr.corrections).cell().rel(),
      );
      s.formula(
        `${target}${mf}:${target}${mf + nG - 1}`,
        f,
        (r) => keySplit(ctx, gc).amounts[r] ?? 0,
        'euro',
      );
    });
  }
}
