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
import { mlnCell, mlnResult } from './cells';
import type { PlanContext } from './context';
import { LANDELIJK, PERIOD_COL, PERIOD_COUNT, SHEETS } from './layout';
import { SheetBuilder } from './sheet-builder';
import { periodHeaders } from './labels';

/** Rows of the totals blocks, derived from the number of lines. */
export function landelijkRows(lineCount: number) {
  const lastLine = LANDELIJK.firstLine + lineCount - 1;
  const computed = lastLine + 3; // 3 hoofdthema rows, then grand total, then Brede SPUK excl. IZA
  const published = computed + 7;
  const diff = published + 6;
  const status = diff + 5;
  return { lastLine, computedHeader: computed - 1, computed, published, diff, status };
}

export const TOTAL_LABELS = [...HOOFDTHEMAS, GRAND_TOTAL_LABEL] as const;

export function buildLandelijk(ctx: PlanContext): SheetBuilder {
  const s = new SheetBuilder(SHEETS.landelijk, 'invoer');
  const n = ctx.lines.length;
  const L = LANDELIJK;
  const rows = landelijkRows(n);
  const periodRange = (row: number, count = 1) => rangeOf(row, PERIOD_COL, count, PERIOD_COUNT);
  const first = L.firstLine;
  const last = rows.lastLine;

  s.value('A1', 'Landelijk budget per onderdeel (x € 1 mln)', 'title');
  s.value(
    'A2',
    'Bron: GALA, 31-01-2023, p. 38 (Stcrt. 2023, 4245). Gele cellen zijn invoer; de rest rekent mee.',
    'subtitle',
  );
  s.values(
    `A${L.headerRow}`,
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
    `E${first}`,
    ctx.lines.map((l) => PERIODS.map((p) => mlnCell(p === 'structureel' ? l.structureel : l.amounts[p]))),
    'inputMln',
  );
  const tot = columnLetter(L.totalCol);
  s.formula(
    `${tot}${first}:${tot}${last}`,
    `SUM(E${first}:H${first})`,
    (r) => mlnResult(yearsTotal(ctx, r)),
    'mln',
  );
  const aard = columnLetter(L.aardCol);
  s.formula(
    `${aard}${first}:${aard}${last}`,
    `CHOOSE(1+(I${first}>0)*(1+(MAX(E${first}:H${first})>I${first})),"incidenteel","structureel","deels structureel")`,
    (r) => lineAard(ctx, r),
  );
  s.aardRules(`${aard}${first}:${aard}${last}`);
  const bbv = columnLetter(L.bbvCol);
  s.values(
    `${bbv}${first}`,
    ctx.lines.map((l) => [ctx.vastgelegd.has(l.nr) ? 1 : 0]),
    'input',
  );
  s.validation({
    range: `${bbv}${first}:${bbv}${last}`,
    type: 'whole',
    min: 0,
    max: 1,
    prompt: 'Vul 1 in als een nieuwe regeling dit onderdeel na 2026 structureel vastlegt; anders 0.',
    error: 'Alleen 0 (nee) of 1 (ja) is toegestaan.',
  });
  const note = columnLetter(L.noteCol);
  s.values(
    `${note}${first}`,
    ctx.lines.map((l) => [l.verdeelbasis]),
  );

  // Computed totals per hoofdthema, grand total and Brede SPUK excl. IZA.
  s.value(`A${rows.computedHeader}`, 'Totalen (berekend uit de regels)', 'rowHeader');
  const c = rows.computed;
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
  const p = rows.published;
  s.value(`A${p - 1}`, 'Gepubliceerde totalen (GALA p. 38; lege cel = de bron laat het leeg)', 'rowHeader');
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
  const d = rows.diff;
  s.value(`A${d - 1}`, 'Verschil berekend − gepubliceerd (€, tot op de euro)', 'rowHeader');
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
  const st = rows.status;
  s.value(`A${st - 1}`, 'Controle (OK / VERSCHIL / BRON LEEG)', 'rowHeader');
  s.values(
    `B${st}`,
    TOTAL_LABELS.map((l) => [l]),
  );
  s.formula(
    periodRange(st, TOTAL_LABELS.length),
    `CHOOSE(1+(E${d}<>0)*(1+ISBLANK(E${p})),"OK","VERSCHIL","BRON LEEG")`,
    (r, col) => {
      const per = PERIODS[col] as Period;
      const check = ctx.report.checks.find((k) => k.id === `totaal:${TOTAL_LABELS[r]}:${per}`);
      return check?.status === 'ok' ? 'OK' : check?.status === 'verschil' ? 'VERSCHIL' : 'BRON LEEG';
    },
    'check',
  );
  s.freezeAt(L.headerRow, 2);
  s.width('A', 6).width('B', 44).width('C', 26).width('D', 12);
  for (let i = 0; i < PERIOD_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 13);
  s.width(tot, 14).width(aard, 18).width(bbv, 16).width(note, 60);
  return s;
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
