/**
 * Begrotingstoets, section 5: in the edition's per-onderdeel years (2023, 2024 shipped) the Brede
 * SPUK is spent per onderdeel (the schuifruimte, 15 % shipped, may shift within a hoofdthema) and the
 * carry-over per onderdeel is at most its percentage (20 % shipped). A table of its own with its own
 * columns, for m per-onderdeel years: A nr, B onderdeel, C hoofdthema, from E m columns each of
 * plafond, after carry-over, lasten, above the schuifruimte, then one of carry-over above the maximum
 * (E:F, G:H, I:J, K:L, M shipped); then one row per hoofdthema.
 */
import type { EditionYear } from '../../domain';
import { regelingLines } from '../../domain';
import { SheetRange } from '../anchors';
import { PERIOD_COL, SHEETS } from '../layout';
import { wrapText } from '../text-fit';
import { onderdeelKey } from './keys';
import type { ToetsInputs } from './toets-invoer';
import type { PerLineCells, ToetsParameters } from './toets-plafond';
import type { ToetsSection } from './toets-section';
import { nextYear, sectionTitle, yearIndex } from './toets-section';

/** The width (Excel units) a note line may take: well within the sheet's printed columns (A..the counts). */
const NOTE_WIDTH = 150;

/** The column blocks of the onderdelen table. */
type Col = 'nr' | 'hoofdthema' | 'plafond' | 'na' | 'lasten' | 'boven' | 'overheveling';

/** The columns of the onderdelen table for m per-onderdeel years: first column and width of each block. */
function columns(m: number): Readonly<Record<Col, readonly [number, number]>> {
  const from = (k: number): readonly [number, number] => [PERIOD_COL + k * m, m];
  return {
    nr: [1, 1],
    hoofdthema: [3, 1],
    plafond: from(0),
    na: from(1),
    lasten: from(2),
    boven: from(3),
    overheveling: [PERIOD_COL + 4 * m, 1],
  };
}

/** What the section exposes: the lasten per onderdeel in the per-onderdeel years. */
export interface OnderdeelCells {
  readonly lasten: SheetRange;
}

/** 5. The per-onderdeel years: per onderdeel and per hoofdthema. */
export function onderdelenSection(
  v: ToetsSection,
  from: { readonly perLine: PerLineCells; readonly inputs: ToetsInputs; readonly params: ToetsParameters },
): OnderdeelCells {
  const { ctx, s, rows, t, regels } = v;
  const jaren = regels.onderdeelJaren;
  const m = jaren.length;
  const COLS = columns(m);
  const carry = regels.overhevelingPerOnderdeel;
  const pct = (y: EditionYear) => 100 + regels.schuifruimtePct(y);
  rows.skip();
  sectionTitle(
    v,
    `Tot en met ${jaren[m - 1] ?? ''}: per onderdeel (${regels.schuifruimte?.waarde ?? 0}% schuiven binnen het hoofdthema) en per hoofdthema`,
  );
  const headers = [
    'Nr',
    'Onderdeel',
    'Hoofdthema',
    '',
    ...jaren.map((y) => `Plafond ${y}`),
    ...jaren.map((y) => `Na overheveling ${y}`),
    ...jaren.map((y) => `Lasten ${y}`),
    ...jaren.map((y) => `Boven ${pct(y)}% ${y}`),
    `Overheveling boven ${carry.pct}%`,
  ];
  s.values(`A${rows.take()}`, [headers], 'header');
  const onderdelen = regels.onderdelen;
  const n = onderdelen.length;
  const top = rows.take(n);
  const col = (c: Col) => SheetRange.at(SHEETS.toets, top, COLS[c][0], n, COLS[c][1]);
  const brede = regelingLines(ctx.lines, 'Brede SPUK');
  s.values(
    `A${top}`,
    onderdelen.map((nr) => {
      const l = brede.find((x) => x.nr === nr);
      return [nr, l?.naam ?? String(nr), l?.hoofdthema ?? ''];
    }),
  );
  const o = t.onderdelen;
  const cell = (c: Col, dc = 0) => col(c).local().cell(0, dc).rel();
  const o23 = from.inputs.overheveling2023.local().cell().rel();
  const y0 = yearIndex(v, jaren[0] ?? 0);
  const first = from.perLine.row(onderdeelKey(onderdelen[0] ?? 1)).local();
  s.formula(col('plafond').address(), first.cell(0, y0).rel(), (r, c) => o.plafond[r]?.[c] ?? 0, 'euro');
  // After carry-over: the carry-over leaves its year and joins the next one (one block per year).
  jaren.forEach((y, j) => {
    const term = y === carry.vanJaar ? `-${o23}` : y === nextYear(v, carry.vanJaar) ? `+${o23}` : '';
    s.formula(
      col('na').cols(j).address(),
      `${cell('plafond', j)}${term}`,
      (r) => o.plafondNaOverheveling[r]?.[j] ?? 0,
      'euro',
    );
  });
  const table = v.table;
  s.formula(
    col('lasten').address(),
    `SUMIFS(${table.years.cols(y0).fixRow()},${table.column('Regeling').abs()},"Brede SPUK",${table.column('Onderdeel').abs()},${col('nr').local().cell().fixCol()})`,
    (r, c) => o.lasten[r]?.[c] ?? 0,
    'euro',
  );
  bovenColumns(v, col, from.params);
  // The carry-over is checked against the plafond of its year (in this table, else on the per-line rows).
  const jc = jaren.indexOf(carry.vanJaar);
  const budget =
    jc >= 0 ? cell('plafond', jc) : first.cell(0, Math.max(0, yearIndex(v, carry.vanJaar))).rel();
  s.formula(
    col('overheveling').address(),
    `MAX(0,${o23}-INT(${budget}*${from.params.overheveling2023.local().abs()}/100))`,
    (r) => t.overheveling2023Teveel[r] ?? 0,
    'euro',
  );
  const checked = SheetRange.at(SHEETS.toets, top, COLS.boven[0], n, COLS.boven[1] + COLS.overheveling[1]);
  v.checks.push({
    range: checked,
    value: (r, c) => (c < m ? (o.overschrijding[r]?.[c] ?? 0) : (t.overheveling2023Teveel[r] ?? 0)),
  });
  hoofdthemaRows(v, col, COLS);
  // The three rules a line each, wrapped within the printed columns (as one run-on line the text ran past
  // the page edge once B and C were narrowed for print, #18).
  for (const rule of [v.uitleg.onderdeel, v.uitleg.hoofdthema, v.uitleg['overheveling-2023']])
    for (const line of wrapText(rule, NOTE_WIDTH)) s.value(`A${rows.take()}`, line, 'note');
  s.format(checked.address(), 'euro');
  return { lasten: col('lasten') };
}

/**
 * Lasten above the plafond after carry-over plus the schuifruimte (rounded down; a negative plafond
 * allows nothing). One block over the years when the schuifruimte applies to all of them (its
 * parameter cell), else one per year (0 % in the years it does not apply to, as in the domain).
 */
function bovenColumns(v: ToetsSection, col: (c: Col) => SheetRange, params: ToetsParameters): void {
  const { s, t, regels } = v;
  const jaren = regels.onderdeelJaren;
  const o = t.onderdelen;
  const c0 = (c: Col) => col(c).local().cell().rel();
  const param = params.schuifruimte.local().abs();
  const formula = (pct: string) => `MAX(0,${c0('lasten')}-INT(MAX(0,${c0('na')})*(100+${pct})/100))`;
  const all = jaren.every((y) => regels.schuifruimtePct(y) === (regels.schuifruimte?.waarde ?? 0));
  if (all) {
    s.formula(col('boven').address(), formula(param), (r, c) => o.overschrijding[r]?.[c] ?? 0, 'euro');
    return;
  }
  jaren.forEach((y, j) =>
    s.formula(
      col('boven').cols(j).address(),
      formula(regels.schuifruimtePct(y) === 0 ? '0' : param),
      (r) => o.overschrijding[r]?.[j] ?? 0,
      'euro',
    ),
  );
}

/** Per hoofdthema: Σ lasten above Σ plafonds after carry-over (per-onderdeel years; a check). */
function hoofdthemaRows(
  v: ToetsSection,
  col: (c: Col) => SheetRange,
  COLS: Readonly<Record<Col, readonly [number, number]>>,
): void {
  const { s, rows, t } = v;
  const nh = t.hoofdthemas.length;
  const top = rows.take(nh);
  s.values(
    `A${top}`,
    t.hoofdthemas.map((h) => [null, `Hoofdthema: ${h.naam}`, h.naam]),
    'rowHeader',
  );
  const hc = col('hoofdthema').local().abs();
  const naam = SheetRange.at(SHEETS.toets, top, COLS.hoofdthema[0]).local().fixCol();
  const lasten = col('lasten').local().cols(0).fixRow();
  const na = col('na').local().cols(0).fixRow();
  const range = SheetRange.at(SHEETS.toets, top, COLS.boven[0], nh, COLS.boven[1]);
  s.formula(
    range.address(),
    `MAX(0,SUMIF(${hc},${naam},${lasten})-SUMIF(${hc},${naam},${na}))`,
    (r, c) => t.hoofdthemas[r]?.overschrijding[c] ?? 0,
    'euro',
  );
  v.checks.push({ range, value: (r, c) => t.hoofdthemas[r]?.overschrijding[c] ?? 0 });
}
