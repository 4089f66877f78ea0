import type { EditionLine, EditionYear, RoundedSplit } from '../domain';
import { EDITION_YEARS, euro, membershipStatus, splitByWeights } from '../domain';
import { cellAddress, columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import type { RegionKind } from './columns';
import { regionKind, runs } from './columns';
import type { NationalContext } from './context';
import type { GridLayout } from './grid';
import { keySplit } from './grid';
import { PERIOD_COL, SHEETS, YEAR_COUNT } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { yearHeaders } from './labels';
import type { AfrondingCells, VerdeelsleutelCells } from './sheets-gemeenten';
import type { LandelijkCells } from './sheets-landelijk';

const HEADER_ROW = 10;
/** Regional blocks: A regio, B mandaatgemeente, C its CBS code, D leden, E..K years, L weight or status, M note. */
const WEIGHT_COL = 12;
const STATUS_COL = 12;
const NOTE_COL = 13;

/** One regional line (SPUK IZA, SPUK AZWA regionaal): what each region's mandaatgemeente receives. */
export interface RegionalBlock {
  readonly nr: number;
  /** E..K: amount per region and year (€). */
  readonly amounts: SheetRange;
  /** E..K: Σ regions − national (0 = goed). */
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

interface IzaLayout {
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
  /** For each regional line with member-sum years: the first of its 7 share columns in the member table. */
  readonly shareCols: ReadonlyMap<number, number>;
}

function regionalLines(ctx: NationalContext): EditionLine[] {
  return ctx.allocLines.filter((l) => l.ontvanger === 'mandaatgemeente');
}

function kinds(ctx: NationalContext, line: EditionLine): RegionKind[] {
  return EDITION_YEARS.map((y) => regionKind(ctx, line, y));
}

/**
 * Where IZA puts things, before the sheet is filled: Verdeelsleutel and Afronding read the membership
 * table, Allocatie reads the regional amounts and the mandaatgemeente codes.
 */
export function layoutIza(ctx: NationalContext): IzaLayout {
  const nR = ctx.data.izaRegios.length;
  const nG = ctx.gemeenten.length;
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
      next += YEAR_COUNT;
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
        amounts: at(b.first, PERIOD_COL, nR, YEAR_COUNT),
        check: at(b.total + 1, PERIOD_COL, 1, YEAR_COUNT),
        ...(b.round
          ? {
              rounding: {
                corrections: at(b.round.corr, PERIOD_COL, nR, YEAR_COUNT),
                checks: at(b.round.sum + 1, PERIOD_COL, 1, YEAR_COUNT),
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
  };
}

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
  const regios = ctx.data.izaRegios;
  const nR = regios.length;
  const nG = ctx.gemeenten.length;
  const ledger = ctx.ledger;
  const status = membershipStatus(regios, ctx.data.lidmaatschap);
  const membersC = cells.members.regions.abs();
  const membersD = cells.members.methods.abs();
  s.value('A1', 'SPUK IZA en SPUK AZWA regionaal per samenwerkingsregio (naar de mandaatgemeente)', 'title');
  s.value(
    'A2',
    'De mandaatgemeente ontvangt het hele regiobedrag en geeft delen door aan de ledengemeenten en partners; een ledengemeente ontvangt zelf niets van deze regels. De indeling van gemeenten onderaan is afgeleid, niet officieel: pas haar aan waar u het beter weet.',
    'subtitle',
  );

  layout.blocks.forEach((b, bi) => {
    const line = b.line;
    const ks = kinds(ctx, line);
    const lineRow = from.landelijk.national.top + ctx.lines.findIndex((l) => l.nr === line.nr);
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
          ...yearHeaders(),
          bi === 0 ? 'Indeling' : ks.includes('regionKey') ? 'Gewicht (Bijlage 2B)' : '',
          bi === 0 ? 'Opmerking bron' : '',
        ],
      ],
      'header',
    );
    s.value(`B${b.nationalRow}`, 'Landelijk bedrag (blad Landelijk)', 'rowHeader');
    s.formula(
      rangeOf(b.nationalRow, PERIOD_COL, 1, YEAR_COUNT),
      `${SHEETS.landelijk}!E$${lineRow}`,
      (_r, c) => ledger.national(line.nr, EDITION_YEARS[c] as EditionYear).bedrag,
      'euro',
    );
    s.values(
      `A${b.first}`,
      regios.map((r) => [r.naam, r.mandaatgemeente, r.mandaatgemeenteCode ?? '']),
    );
    const expected = (r: number, c: number) =>
      ledger.regio(regios[r]?.naam ?? '', line.nr, EDITION_YEARS[c] as EditionYear).bedrag;
    const col2025 = columnLetter(PERIOD_COL + EDITION_YEARS.indexOf(2025));
    const shareCol = layout.shareCols.get(line.nr);
    const round = b.round;
    const newest = Math.max(...ctx.input.bijlage2B.map((p) => p.jaar)) as EditionYear;
    const weights: number[] = regios.map(
      (r) => ctx.input.bijlage2B.find((p) => p.regio === r.naam && p.jaar === newest)?.bedrag ?? 0,
    );
    const W = weights.reduce((a, w) => a + w, 0);
    const splits = new Map<number, RoundedSplit>();
    const splitOf = (c: number) => {
      let sp = splits.get(c);
      if (!sp) {
        sp = splitByWeights(
          euro(ledger.national(line.nr, EDITION_YEARS[c] as EditionYear).bedrag),
          weights,
          W,
        );
        splits.set(c, sp);
      }
      return sp;
    };
    for (const run of runs(ks, (k) => k)) {
      const col = PERIOD_COL + run.from;
      const L = columnLetter(col);
      const range = (top: number, count: number) => rangeOf(top, col, count, run.count);
      const exp = (r: number, c: number) => expected(r, run.from + c);
      switch (run.kind) {
        case 'published':
          s.values(
            cellAddress(b.first, col),
            regios.map((_r, ri) => Array.from({ length: run.count }, (_x, c) => expected(ri, run.from + c))),
            'euro',
          );
          break;
        case 'as2025':
          s.formula(range(b.first, nR), `$${col2025}${b.first}`, exp, 'euro');
          break;
        case 'members': {
          if (shareCol === undefined) throw new Error('Member shares without columns');
          const share = columnLetter(shareCol + run.from);
          s.formula(
            range(b.first, nR),
            `SUMIF(${membersC},$A${b.first},${share}$${layout.memberFirst}:${share}$${layout.memberFirst + nG - 1})`,
            exp,
            'euro',
          );
          break;
        }
        case 'regionKey': {
          if (!round) throw new Error('Region split without rounding rows');
          const w = `$${columnLetter(WEIGHT_COL)}${b.first}`;
          const Wref = `$${columnLetter(WEIGHT_COL)}$${b.total}`;
          s.formula(
            range(b.first, nR),
            `(${L}$${b.nationalRow}*${w}-${L}${round.rests})/${Wref}+${L}${round.corr}`,
            exp,
            'euro',
          );
          s.formula(
            range(round.d, 1),
            `SUM(${L}$${round.rests}:${L}$${round.rests + nR - 1})/${Wref}`,
            (_r, c) => splitOf(run.from + c).handedOut,
            'integer',
          );
          s.formula(
            range(round.d + 1, 1),
            `LARGE(${L}$${round.rests}:${L}$${round.rests + nR - 1},MAX(${L}$${round.d},1))`,
            (_r, c) => splitOf(run.from + c).threshold,
            'integer',
          );
          s.formula(
            range(round.d + 2, 1),
            `COUNTIF(${L}$${round.rests}:${L}$${round.rests + nR - 1},">"&${L}$${round.d + 1})`,
            (_r, c) => splitOf(run.from + c).above,
            'integer',
          );
          s.formula(
            range(round.rests, nR),
            `MOD(${L}$${b.nationalRow}*$${columnLetter(WEIGHT_COL)}${b.first},${Wref})`,
            (r, c) => splitOf(run.from + c).rests[r] ?? 0,
            'integer',
          );
          s.formula(
            range(round.corr, nR),
            `(${L}$${round.d}>0)*((${L}${round.rests}>${L}$${round.d + 1})+(${L}${round.rests}=${L}$${round.d + 1})*(COUNTIF(${L}$${round.rests}:${L}${round.rests},${L}$${round.d + 1})<=${L}$${round.d}-${L}$${round.d + 2}))`,
            (r, c) => splitOf(run.from + c).corrections[r] ?? 0,
            'integer',
          );
          s.formula(
            range(round.sum, 1),
            `SUM(${L}${round.corr}:${L}${round.corr + nR - 1})`,
            (_r, c) => splitOf(run.from + c).handedOut,
            'integer',
          );
          s.formula(range(round.sum + 1, 1), `${L}${round.sum}-${L}$${round.d}`, () => 0, 'integer');
          break;
        }
        case 'none':
          s.values(
            cellAddress(b.first, col),
            regios.map(() => Array.from({ length: run.count }, () => 0)),
            'euro',
          );
          break;
      }
    }
    if (round) {
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
      for (const run of runs(ks, (k) => k === 'regionKey')) {
        if (run.kind) continue;
        s.values(
          cellAddress(round.sum + 1, PERIOD_COL + run.from),
          [Array.from({ length: run.count }, () => 0)],
          'integer',
        );
      }
      s.values(
        `${columnLetter(WEIGHT_COL)}${b.first}`,
        weights.map((w) => [w]),
        'euro',
      );
      s.formula(
        `${columnLetter(WEIGHT_COL)}${b.total}`,
        `SUM(${columnLetter(WEIGHT_COL)}${b.first}:${columnLetter(WEIGHT_COL)}${b.first + nR - 1})`,
        () => W,
        'euroTotal',
      );
    }
    s.value(`A${b.total}`, 'Totaal', 'rowHeader');
    s.formula(
      rangeOf(b.total, PERIOD_COL, 1, YEAR_COUNT),
      `SUM(E${b.first}:E${b.first + nR - 1})`,
      (_r, c) => regios.reduce((a, _x, r) => a + expected(r, c), 0),
      'euroTotal',
    );
    s.value(`A${b.total + 1}`, "Controle: totaal regio's − landelijk (0 = goed)", 'rowHeader');
    s.formula(
      rangeOf(b.total + 1, PERIOD_COL, 1, YEAR_COUNT),
      `E${b.total}-E$${b.nationalRow}`,
      () => 0,
      'euro',
    );
    if (bi === 0) {
      s.formula(
        `D${b.first}:D${b.first + nR - 1}`,
        `COUNTIF(${membersC},$A${b.first})`,
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
        `${columnLetter(STATUS_COL)}${b.first}:${columnLetter(STATUS_COL)}${b.first + nR - 1}`,
        `IF(D${b.first}=0,"onbekend",CHOOSE(1+(COUNTIFS(${membersC},$A${b.first},${membersD},"naam regiobeeld")<D${b.first}),"bekend","afgeleid"))`,
        (r) => status[r]?.status ?? 'onbekend',
      );
      s.values(
        `${columnLetter(NOTE_COL)}${b.first}`,
        regios.map((r) => [r.opmerking]),
      );
    }
  });

  // The membership table (input) and, where regions sum their members, each member's key share.
  const mf = layout.memberFirst;
  s.value(
    `A${layout.memberTitle}`,
    "Indeling gemeenten in SPUK IZA-regio's (invoer; afgeleid, niet officieel: vervang door bijlage 1 van de regeling)",
    'rowHeader',
  );
  const shareHeaders: string[] = [];
  for (const [nr, col] of layout.shareCols)
    EDITION_YEARS.forEach((y, i) => (shareHeaders[col - PERIOD_COL + i] = `Aandeel ${nr} ${y} (geschat)`));
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
  const methodList = SheetRange.at(SHEETS.iza, HEADER_ROW, 16, 2);
  s.validation({
    range: cells.members.methods.address(),
    type: 'list',
    source: methodList.abs(),
    prompt:
      'Indelingsmethode: "naam regiobeeld" (regiobeeldregio met dezelfde naam en leden: bekend) of "afgeleid" (geschat).',
    error: 'Kies als indelingsmethode "naam regiobeeld" of "afgeleid".',
  });
  s.values(`P${HEADER_ROW - 1}`, [['Indelingsmethoden'], ['naam regiobeeld'], ['afgeleid']], 'note');
  const W = from.verdeelsleutel.weightTotal.abs();
  const weight = from.verdeelsleutel.weights.cell().fixCol();
  const gFirst = from.afronding.rests.top;
  const corrFirst = from.afronding.corrections.top;
  for (const [nr, col0] of layout.shareCols) {
    const li = ctx.allocLines.findIndex((l) => l.nr === nr);
    EDITION_YEARS.forEach((y, yi) => {
      const gc = grid.column(li, y);
      const target = columnLetter(col0 + yi);
      const A = columnLetter(gc.col);
      if (gc.rounding !== 'key') {
        s.values(
          `${target}${mf}`,
          ctx.gemeenten.map(() => [0]),
          'euro',
        );
        return;
      }
      // The member's key share: the same formula as a geschat Allocatie cell, on this gemeente's row.
      const shareOf = (row: number) => keySplit(ctx, gc).amounts[row] ?? 0;
      s.formula(
        `${target}${mf}:${target}${mf + nG - 1}`,
        `(${SHEETS.afronding}!${A}$${from.afronding.national.top}*${weight.replace(/\d+$/, String(gFirst))}-${SHEETS.afronding}!${A}${gFirst})/${W}+${SHEETS.afronding}!${A}${corrFirst}`,
        (r) => shareOf(r),
        'euro',
      );
    });
  }
  s.freezeAt(HEADER_ROW, 1);
  s.printLayout({ titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  // C: the region in the membership table (names up to 27 characters); D: its indelingsmethode.
  s.width('A', 28).width('B', 22).width('C', 28).width('D', 17);
  for (let i = 0; i < YEAR_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 15);
  s.width('L', 21).width('M', 40).width('P', 18);
  return { sheet: s, cells };
}
