import type { Period } from '../domain';
import { IZA_LINE_NR, izaPerRegio, PERIODS } from '../domain';
import { columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import type { PlanContext } from './context';
import { PERIOD_COL, PERIOD_COUNT, SHEETS } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { periodHeaders } from './labels';
import type { AllocatieCells } from './sheets-gemeenten';

const HEADER_ROW = 10;

/** What IZA exposes: the regions block (one row per region), its totals and check, and the membership table. */
export interface IzaCells {
  /** A: region names (the list a membership must choose from). */
  readonly regions: SheetRange;
  /** B: mandaatgemeente per region. */
  readonly mandaat: SheetRange;
  /** E..I: estimate per region and period (€). */
  readonly estimates: SheetRange;
  /** J..K: Bijlage 2B per region, 2025 and 2026 (€). */
  readonly published: SheetRange;
  /** D: number of member gemeenten, all regions together. */
  readonly memberCount: SheetRange;
  /** E..I: Σ regions per period. */
  readonly estimateTotals: SheetRange;
  /** J..K: Σ Bijlage 2B, 2025 and 2026. */
  readonly publishedTotals: SheetRange;
  /** E..I: Σ regions − national IZA (0 = goed). */
  readonly check: SheetRange;
  /** P: the allowed membership methods. */
  readonly methods: SheetRange;
  /** The membership table, one row per gemeente in CBS order: code (A), region (C, input), method (D, input). */
  readonly members: {
    readonly codes: SheetRange;
    readonly regions: SheetRange;
    readonly methods: SheetRange;
  };
}

/**
 * Where IZA puts things, before the sheet is filled: Verdeelsleutel and Afronding (built before
 * Allocatie) read the membership table, while IZA's estimates read Allocatie.
 */
export function layoutIza(ctx: PlanContext): IzaCells {
  const nR = ctx.data.izaRegios.length;
  const nG = ctx.gemeenten.length;
  const rows = new RowCursor(HEADER_ROW + 1);
  const first = rows.take(nR);
  const total = rows.take();
  const check = rows.take();
  rows.skip(3);
  rows.take(2); // the membership table's title and header
  const memberFirst = rows.take(nG);
  const at = (top: number, col: number, count: number, cols = 1) =>
    SheetRange.at(SHEETS.iza, top, col, count, cols);
  return {
    regions: at(first, 1, nR),
    mandaat: at(first, 2, nR),
    estimates: at(first, PERIOD_COL, nR, PERIOD_COUNT),
    published: at(first, 10, nR, 2),
    memberCount: at(total, 4, 1),
    estimateTotals: at(total, PERIOD_COL, 1, PERIOD_COUNT),
    publishedTotals: at(total, 10, 1, 2),
    check: at(check, PERIOD_COL, 1, PERIOD_COUNT),
    methods: at(first, 16, 2),
    members: {
      codes: at(memberFirst, 1, nG),
      regions: at(memberFirst, 3, nG),
      methods: at(memberFirst, 4, nG),
    },
  };
}

export function buildIza(ctx: PlanContext, cells: IzaCells, allocatie: AllocatieCells): Built<IzaCells> {
  const s = new SheetBuilder(SHEETS.iza, 'invoer');
  const regios = ctx.data.izaRegios;
  const R = {
    first: cells.regions.top,
    last: cells.regions.bottom,
    total: cells.estimateTotals.top,
    check: cells.check.top,
    memberHeader: cells.members.codes.top - 1,
    memberFirst: cells.members.codes.top,
    memberLast: cells.members.codes.bottom,
  };
  const lineIndex = ctx.lines.findIndex((l) => l.nr === IZA_LINE_NR);
  const estimates = izaPerRegio(ctx.allocation, regios, ctx.data.lidmaatschap);
  const memberRegions = cells.members.regions.local().abs();
  const memberMethods = cells.members.methods.local().abs();
  const izaAmounts = allocatie.lineAmounts(lineIndex).cols(0);
  const izaTotal = allocatie.lineTotals(lineIndex).cell();
  s.value('A1', 'SPUK IZA per samenwerkingsregio (via de mandaatgemeente)', 'title');
  s.value(
    'A2',
    'Schatting per regio = som van de IZA-bedragen van de ledengemeenten (GALA bijlage 2). 2025 en 2026 zijn gepubliceerd (Bijlage 2B). De indeling onderaan is afgeleid, niet officieel: pas haar aan waar u het beter weet.',
    'subtitle',
  );
  s.values(
    `A${HEADER_ROW}`,
    [
      [
        'Regio',
        'Mandaatgemeente',
        'Lidmaatschap',
        'Leden',
        ...periodHeaders().map((h) => `Schatting ${h}`),
        'Bijlage 2B 2025 (€)',
        'Bijlage 2B 2026 (€)',
        'Schatting − 2B 2025',
        'Schatting − 2B 2026',
        'Opmerking bron',
      ],
    ],
    'header',
  );
  s.values(
    `A${R.first}`,
    regios.map((r) => [r.naam, r.mandaatgemeente]),
  );
  s.formula(
    `D${R.first}:D${R.last}`,
    `COUNTIF(${memberRegions},$A${R.first})`,
    (r) => estimates[r]?.leden.length ?? 0,
    'integer',
  );
  s.formula(
    `C${R.first}:C${R.last}`,
    `IF(D${R.first}=0,"onbekend",CHOOSE(1+(COUNTIFS(${memberRegions},$A${R.first},${memberMethods},"naam regiobeeld")<D${R.first}),"bekend","afgeleid"))`,
    (r) => estimates[r]?.status ?? 'onbekend',
  );
  s.formula(
    cells.estimates.address(),
    `SUMIF(${memberRegions},$A${R.first},${izaAmounts.fixRow()})`,
    (r, c) => estimates[r]?.schatting[PERIODS[c] as Period] ?? 0,
    'euro',
  );
  s.values(
    `J${R.first}`,
    regios.map((r) => [r.totaal2025, r.totaal2026]),
    'inputEuro',
  );
  s.formula(
    `L${R.first}:M${R.last}`,
    `G${R.first}-J${R.first}`,
    (r, c) => {
      const e = estimates[r];
      if (!e) return 0;
      return c === 0 ? e.schatting[2025] - e.regio.totaal2025 : e.schatting[2026] - e.regio.totaal2026;
    },
    'euro',
  );
  s.values(
    `N${R.first}`,
    regios.map((r) => [r.opmerking]),
  );
  s.value(`A${R.total}`, 'Totaal', 'rowHeader');
  const sum = (c: number) => estimates.reduce((a, e) => a + e.schatting[PERIODS[c] as Period], 0);
  const pub = [regios.reduce((a, r) => a + r.totaal2025, 0), regios.reduce((a, r) => a + r.totaal2026, 0)];
  s.formula(
    `D${R.total}`,
    `SUM(D${R.first}:D${R.last})`,
    () => estimates.reduce((a, e) => a + e.leden.length, 0),
    'integer',
  );
  s.formula(
    rangeOf(R.total, PERIOD_COL, 1, 9),
    `SUM(E${R.first}:E${R.last})`,
    (_r, c) => {
      if (c < PERIOD_COUNT) return sum(c);
      if (c < PERIOD_COUNT + 2) return pub[c - PERIOD_COUNT] ?? 0;
      return sum(c === 7 ? 2 : 3) - (pub[c - 7] ?? 0);
    },
    'euroTotal',
  );
  s.value(`A${R.check}`, "Controle: totaal regio's − landelijk IZA (0 = goed)", 'rowHeader');
  s.formula(cells.check.address(), `E${R.total}-${izaTotal.fixRow()}`, () => 0, 'euro');

  s.value(
    `A${R.memberHeader - 1}`,
    "Indeling gemeenten in SPUK IZA-regio's (invoer; afgeleid, niet officieel: vervang door bijlage 1 van de regeling)",
    'rowHeader',
  );
  s.values(`A${R.memberHeader}`, [['CBS-code', 'Gemeente', 'SPUK IZA-regio', 'Methode']], 'header');
  const byCode = new Map(ctx.data.lidmaatschap.map((m) => [m.code, m]));
  s.values(
    `A${R.memberFirst}`,
    ctx.gemeenten.map((g) => [g.code, g.naam]),
  );
  s.values(
    `C${R.memberFirst}`,
    ctx.gemeenten.map((g) => [byCode.get(g.code)?.regio ?? '', byCode.get(g.code)?.methode ?? '']),
    'input',
  );
  s.table({ name: 'IZA_Indeling', range: `A${R.memberHeader}:D${R.memberLast}`, style: 'TableStyleLight1' });
  s.validation({
    range: `C${R.memberFirst}:C${R.memberLast}`,
    type: 'list',
    source: cells.regions.abs(),
    prompt: 'Kies de SPUK IZA-regio van deze gemeente.',
    error: 'Onbekende regio. Kies een regio uit de lijst (kolom A, bovenaan dit blad).',
  });
  s.validation({
    range: `D${R.memberFirst}:D${R.memberLast}`,
    type: 'list',
    source: cells.methods.abs(),
    prompt: 'naam regiobeeld = bekend; afgeleid = schatting.',
    error: 'Kies "naam regiobeeld" of "afgeleid".',
  });
  s.values(`P${R.first - 1}`, [['Methoden'], ['naam regiobeeld'], ['afgeleid']], 'note');
  s.freezeAt(HEADER_ROW, 1);
  s.width('A', 28).width('B', 22).width('C', 26).width('D', 16);
  for (let i = 0; i < PERIOD_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 16);
  s.width('J', 16).width('K', 16).width('L', 16).width('M', 16).width('N', 50).width('P', 18);
  return { sheet: s, cells };
}
