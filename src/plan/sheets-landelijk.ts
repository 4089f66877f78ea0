import type { Euro, Period } from '../domain';
import {
  euro,
  aardOnderdeel,
  HOOFDTHEMAS,
  linesOfHoofdthema,
  nationalTotals,
  PERIODS,
  GRAND_TOTAL_LABEL,
} from '../domain';
import { columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import { mlnCell, mlnResult } from './cells';
import type { PlanContext } from './context';
import { PERIOD_COL, PERIOD_COUNT, SHEETS } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { periodHeaders } from './labels';

/** Columns: A nr, B onderdeel, C hoofdthema, D regeling, E..I periods (mln), J total, K aard, L BBV flag, M note. */
const HEADER_ROW = 4;
const TOTAL_COL = 10;
const AARD_COL = 11;
const BBV_COL = 12;
const NOTE_COL = 13;

export const TOTAL_LABELS = [...HOOFDTHEMAS, GRAND_TOTAL_LABEL] as const;

/** What Landelijk exposes: the per-line inputs and columns, and the published-totals status. */
export interface LandelijkCells {
  /** A: the line numbers, one row per line (the key of the per-line inputs). */
  readonly lineNrs: SheetRange;
  /** E..I: national amount per line and period, mln (input). */
  readonly national: SheetRange;
  /** I: the structural level per line, mln (the last period column of `national`). */
  readonly structural: SheetRange;
  /** K: the line's aard (Rijk): structureel / deels structureel / incidenteel. */
  readonly aard: SheetRange;
  /** L: BBV flag per line, 1 = a new regeling has made it lasting (input). */
  readonly bbvFlags: SheetRange;
  /** E..I: OK / VERSCHIL / BRON LEEG per total label (rows, as TOTAL_LABELS) and period. */
  readonly status: SheetRange;
}

export function buildLandelijk(ctx: PlanContext): Built<LandelijkCells> {
  const s = new SheetBuilder(SHEETS.landelijk, 'invoer');
  const n = ctx.lines.length;
  const periodRange = (row: number, count = 1) => rangeOf(row, PERIOD_COL, count, PERIOD_COUNT);
  const rows = new RowCursor(HEADER_ROW + 1);
  const first = rows.take(n);
  const last = first + n - 1;
  // Totals: computed (3 hoofdthema rows, grand total, Brede SPUK excl. IZA), published, difference, status.
  const computedHeader = rows.skip().take();
  const c = rows.take(TOTAL_LABELS.length + 1);
  const publishedHeader = rows.skip().take();
  const p = rows.take(TOTAL_LABELS.length);
  const diffHeader = rows.skip().take();
  const d = rows.take(TOTAL_LABELS.length);
  const statusHeader = rows.take();
  const st = rows.take(TOTAL_LABELS.length);
  const lineCol = (col: number, cols = 1) => SheetRange.at(SHEETS.landelijk, first, col, n, cols);
  const national = lineCol(PERIOD_COL, PERIOD_COUNT);
  const cells: LandelijkCells = {
    lineNrs: lineCol(1),
    national,
    structural: national.cols(PERIOD_COUNT - 1),
    aard: lineCol(AARD_COL),
    bbvFlags: lineCol(BBV_COL),
    status: SheetRange.at(SHEETS.landelijk, st, PERIOD_COL, TOTAL_LABELS.length, PERIOD_COUNT),
  };

  s.value('A1', 'Landelijk budget per onderdeel (x € 1 mln)', 'title');
  s.value(
    'A2',
    'Bron: GALA, 31-01-2023, p. 38 (Stcrt. 2023, 4245). Gele cellen zijn invoer; de rest rekent mee.',
    'subtitle',
  );
  s.values(
    `A${HEADER_ROW}`,
    [
      [
        'Nr',
        'Onderdeel',
        'Hoofdthema',
        'Regeling',
        ...periodHeaders(),
        'Totaal 2023–2026',
        'Aard (Rijk)',
        'BBV: vastgelegd na 2026 (1 = ja)',
        'Verdeelbasis volgens bronnen',
      ],
    ],
    'header',
  );
  s.values(
    `A${first}`,
    ctx.lines.map((l) => [l.nr, l.naam, l.hoofdthema, l.fund === 'spuk-iza' ? 'SPUK IZA' : 'Brede SPUK']),
  );
  s.values(
    national.cell().address(),
    ctx.lines.map((l) => PERIODS.map((p) => mlnCell(p === 'structureel' ? l.structureel : l.amounts[p]))),
    'inputMln',
  );
  // The engine splits whole euros of 0 or more; a negative national amount has no meaning (and no split).
  s.validation({
    range: national.address(),
    type: 'decimal',
    min: 0,
    prompt: 'Landelijk bedrag van dit onderdeel in deze periode, in miljoenen euro: 0 of meer.',
    error:
      'Typ een bedrag in miljoenen euro van 0 of meer, bijvoorbeeld 12,5. Negatieve bedragen zijn niet toegestaan.',
  });
  const tot = columnLetter(TOTAL_COL);
  s.formula(
    `${tot}${first}:${tot}${last}`,
    `SUM(E${first}:H${first})`,
    (r) => mlnResult(yearsTotal(ctx, r)),
    'mln',
  );
  const aard = columnLetter(AARD_COL);
  s.formula(
    cells.aard.address(),
    `CHOOSE(1+(I${first}>0)*(1+(MAX(E${first}:H${first})>I${first})),"incidenteel","structureel","deels structureel")`,
    (r) => lineAard(ctx, r),
  );
  s.aardRules(cells.aard.address());
  const bbv = columnLetter(BBV_COL);
  s.values(
    cells.bbvFlags.cell().address(),
    ctx.lines.map((l) => [ctx.vastgelegd.has(l.nr) ? 1 : 0]),
    'input',
  );
  s.validation({
    range: cells.bbvFlags.address(),
    type: 'whole',
    min: 0,
    max: 1,
    prompt: 'Vul 1 in als een nieuwe regeling dit onderdeel na 2026 structureel vastlegt; anders 0.',
    error: 'Alleen 0 (nee) of 1 (ja) is toegestaan.',
  });
  const note = columnLetter(NOTE_COL);
  s.values(
    `${note}${first}`,
    ctx.lines.map((l) => [l.verdeelbasis]),
  );

  // Computed totals per hoofdthema, grand total and Brede SPUK excl. IZA.
  s.value(`A${computedHeader}`, 'Totalen (berekend uit de regels)', 'rowHeader');
  s.values(`B${c}`, [
    ...HOOFDTHEMAS.map((h) => [h]),
    [GRAND_TOTAL_LABEL],
    ['waarvan Brede SPUK (zonder IZA)'],
  ]);
  const totals = TOTAL_LABELS.map((label) =>
    label === GRAND_TOTAL_LABEL
      ? nationalTotals(ctx.lines)
      : nationalTotals(linesOfHoofdthema(ctx.lines, label)),
  );
  s.formula(
    periodRange(c, HOOFDTHEMAS.length),
    `SUMIF($C$${first}:$C$${last},$B${c},E$${first}:E$${last})`,
    (r, col) => mlnResult(totals[r]?.perPeriod[PERIODS[col] as Period] ?? 0),
    'mlnTotal',
  );
  const g = c + HOOFDTHEMAS.length;
  s.formula(
    periodRange(g),
    `SUM(E${first}:E${last})`,
    (_r, col) => mlnResult(totals[3]?.perPeriod[PERIODS[col] as Period] ?? 0),
    'mlnTotal',
  );
  const brede = nationalTotals(ctx.lines.filter((l) => l.fund === 'brede-spuk'));
  s.formula(
    periodRange(g + 1),
    `SUM(E${c}:E${g - 1})`,
    (_r, col) => mlnResult(brede.perPeriod[PERIODS[col] as Period]),
    'mln',
  );

  // Published totals (input) and the reconciliation.
  s.value(
    `A${publishedHeader}`,
    'Gepubliceerde totalen (GALA p. 38; lege cel = de bron laat het leeg)',
    'rowHeader',
  );
  const published = TOTAL_LABELS.map((label) => ctx.data.publishedTotals.find((t) => t.label === label));
  s.values(
    `B${p}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  s.values(
    `E${p}`,
    published.map((t) => PERIODS.map((per) => mlnCell(t?.values[per]))),
    'inputMln',
  );
  s.value(`A${diffHeader}`, 'Verschil berekend − gepubliceerd (€, tot op de euro)', 'rowHeader');
  s.values(
    `B${d}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  s.formula(
    periodRange(d, TOTAL_LABELS.length),
    `ROUND((E${c}-E${p})*1000000,0)`,
    (r, col) => {
      const per = PERIODS[col] as Period;
      return (totals[r]?.perPeriod[per] ?? 0) - (published[r]?.values[per] ?? 0);
    },
    'euro',
  );
  s.value(`A${statusHeader}`, 'Controle (OK / VERSCHIL / BRON LEEG)', 'rowHeader');
  s.values(
    `B${st}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  s.formula(
    cells.status.address(),
    `CHOOSE(1+(E${d}<>0)*(1+ISBLANK(E${p})),"OK","VERSCHIL","BRON LEEG")`,
    (r, col) => {
      const per = PERIODS[col] as Period;
      const check = ctx.report.checks.find((k) => k.id === `totaal:${TOTAL_LABELS[r]}:${per}`);
      return check?.status === 'ok' ? 'OK' : check?.status === 'verschil' ? 'VERSCHIL' : 'BRON LEEG';
    },
    'check',
  );
  s.freezeAt(HEADER_ROW, 2);
  s.width('A', 6).width('B', 44).width('C', 26).width('D', 12);
  for (let i = 0; i < PERIOD_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 13);
  s.width(tot, 14).width(aard, 18).width(bbv, 16).width(note, 60);
  return { sheet: s, cells };
}

function yearsTotal(ctx: PlanContext, lineIndex: number): Euro {
  const l = ctx.lines[lineIndex];
  return l ? nationalTotals([l]).meerjarig : euro(0);
}

/** The line-level label: structureel / deels structureel / incidenteel (what the K column says). */
export function lineAard(ctx: PlanContext, lineIndex: number): string {
  const l = ctx.lines[lineIndex];
  return l ? aardOnderdeel(l) : '';
}
