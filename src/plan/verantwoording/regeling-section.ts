/**
 * Verantwoording, one regeling: per year of the regeling the chain of `verantwoording()`
 * (src/domain/verantwoording/verantwoording.ts, where every rule is stated) as live formulas, with
 * the rule and its source beside each figure:
 * beschikking (the Begrotingstoets's plafond) and its source; besteding (input); overheveling in
 * (last year's uit); beschikbaar = beschikking + in; saldo = beschikbaar − besteding; onbesteed =
 * MAX(0, saldo) (per onderdeel summed in the per-onderdeel years); limiet % (input, from the edition,
 * blank where no source settles it) and limiet = INT(beschikking × % / 100) (0 in the last year);
 * gebruikt = MIN(onbesteed, MAX(0, besteding − beschikking of the next year)); uit = MIN(onbesteed,
 * limiet), or gebruikt where the limit is unknown; boven de limiet; terugvordering per jaar and the
 * cumulative figures; the expected terugvordering in both readings.
 */
import type { EditionYear } from '../../domain';
import { BEGROTING_REGELINGEN } from '../../domain';
import type { RegelingVerantwoording, VerantwoordingJaar } from '../../domain/verantwoording';
import { BASIS_TEXT, eindafrekeningText, grondslagText, limietText } from '../../messages/verantwoording.nl';
import { cellAddress, columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import type { RowCursor } from '../anchors';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { CellValue } from '../types';
import type { BestedingFeed } from '../realisatie';
import type { OnderdelenCells, OnderdelenFrom } from './onderdelen-section';
import { onderdelenSection } from './onderdelen-section';

/** The first year column of the sheet (B). */
export const FIRST_COL = 2;

/** The anchors of one regeling: its input rows and the figures the tests and the SiSa block read. */
export interface RegelingCells {
  /** Besteding per year (input; in the per-onderdeel years: what was spent outside the onderdelen). */
  readonly besteding: SheetRange;
  /** The besteding per year: the input, plus Σ of the onderdelen in the per-onderdeel years. */
  readonly bestedingTotaal: SheetRange;
  /** The limit % per year but the last (input). */
  readonly pct: SheetRange | undefined;
  readonly terugvordering: SheetRange;
  readonly cumBesteding: SheetRange;
  /** The expected terugvordering: per year (Σ) and cumulative, one cell each. */
  readonly terugPerJaar: SheetRange;
  readonly terugCumulatief: SheetRange;
  readonly onderdelen: OnderdelenCells | undefined;
}

export interface RegelingFrom {
  readonly plafond: SheetRange;
  readonly plafondBron: SheetRange;
  readonly perLine: OnderdelenFrom['perLine'];
  readonly years: readonly EditionYear[];
  readonly labels: ReadonlyMap<number, string>;
  /** The column of the rules and sources. */
  readonly ruleCol: number;
  /** Per regeling id: the Realisatie sheet's totals the besteding reads (absent: the besteding is typed). */
  readonly besteding?: ReadonlyMap<string, BestedingFeed>;
}

const ROWS = [
  ['besch', 'Beschikking (plafond, Begrotingstoets)'],
  ['bron', 'Bron van de beschikking'],
  ['invoer', 'Besteding (invoer)'],
  ['best', 'Besteding'],
  ['basis', 'Besteding volgens (bij het maken)'],
  ['inn', 'Overheveling uit het vorige jaar'],
  ['beschikbaar', 'Beschikbaar'],
  ['saldo', 'Saldo (negatief: overschreden)'],
  ['onbesteed', 'Onbesteed'],
  ['pct', 'Limiet overheveling naar het volgende jaar (%, invoer)'],
  ['limiet', 'Limiet overheveling (€)'],
  ['gebruikt', 'Overheveling gebruikt in het volgende jaar'],
  ['uit', 'Overheveling naar het volgende jaar'],
  ['teveel', 'Overheveling boven de limiet'],
  ['terug', 'Terugvordering (lezing per jaar)'],
  ['cumB', 'Cumulatieve beschikking'],
  ['cumS', 'Cumulatieve besteding'],
  ['cumO', 'Cumulatieve onderbesteding (negatief: overbesteed)'],
] as const;
type RowId = (typeof ROWS)[number][0];

const onbekend = (x: number | undefined): CellValue => (x === undefined ? 'onbekend' : x);

/** The rows with one formula for every year (filled), and each year's expected value. */
const FILLED: Partial<Record<RowId, (j: VerantwoordingJaar) => CellValue>> = {
  besch: (j) => j.beschikking,
  bron: (j) => j.beschikkingBron,
  beschikbaar: (j) => j.beschikbaar,
  saldo: (j) => j.saldo,
  terug: (j) => onbekend(j.terugvordering),
  cumB: (j) => j.cumBeschikking,
  cumS: (j) => j.cumBesteding,
  cumO: (j) => j.cumOnderbesteding,
};

/** Writes one regeling's block (and its onderdelen block) and returns its anchors. */
export function regelingSection(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  from: RegelingFrom,
): RegelingCells {
  const jaren = r.regels.jaren;
  const n = jaren.length;
  const col = (y: EditionYear) => FIRST_COL + jaren.indexOf(y);
  s.value(`A${rows.take()}`, `${r.regels.naam}: ${r.regels.regelingBron}`, 'rowHeader');
  s.values(`A${rows.take()}`, [['Jaar', ...jaren]], 'header');
  s.value(cellAddress(rows.next - 1, from.ruleCol), 'Regel en bron', 'header');
  const top = rows.take(ROWS.length);
  const row = (id: RowId) => top + ROWS.findIndex(([k]) => k === id);
  s.values(
    `A${top}`,
    ROWS.map(([, label]) => [label]),
  );
  const lastCol = FIRST_COL + n - 1;
  const pctRow = SheetRange.at(SHEETS.verantwoording, row('pct'), FIRST_COL, 1, n - 1);
  const pctOf = (y: EditionYear) => (jaren.indexOf(y) < n - 1 ? pctRow.cell(0, jaren.indexOf(y)) : undefined);
  rows.skip();
  const totalsRow = rows.take(3);
  rows.skip();
  const onderdelen =
    r.onderdelen.length > 0 ? onderdelenSection(s, rows, r, { ...from, pct: pctOf, col }) : undefined;
  jaren.forEach((jaar, k) =>
    yearColumn(s, r, { jaar, k, col: FIRST_COL + k, row, onderdelen, from, pct: pctOf(jaar) }),
  );
  rules(s, r, row, from.ruleCol);
  formats(s, r, row);
  // The expected terugvordering, both readings, and the eindafrekening rule.
  const terug = `${columnLetter(FIRST_COL)}${row('terug')}:${columnLetter(lastCol)}${row('terug')}`;
  s.values(`A${totalsRow}`, [
    ['Verwachte terugvordering: som van de jaren (lezing per jaar)'],
    ['Verwachte terugvordering: cumulatief over de looptijd'],
    ['Gevolg voor de jaarrekening (BBV)'],
  ]);
  s.format(`A${totalsRow}:A${totalsRow + 1}`, 'rowHeader');
  const B = columnLetter(FIRST_COL);
  s.formula(
    `${B}${totalsRow}`,
    `IF(COUNT(${terug})=COLUMNS(${terug}),SUM(${terug}),"onbekend")`,
    () => onbekend(r.terugvordering.perJaar),
    'euroTotal',
  );
  const L = columnLetter(lastCol);
  s.formula(
    `${B}${totalsRow + 1}`,
    `MAX(0,${L}${row('cumB')}-${L}${row('cumS')})`,
    () => r.terugvordering.cumulatief,
    'euroTotal',
  );
  s.value(cellAddress(totalsRow, from.ruleCol), eindafrekeningText(r.terugvordering.regel), 'note');
  s.value(
    `${B}${totalsRow + 2}`,
    'Onbesteed geld staat tot de eindafrekening als vooruit ontvangen op de balans (BBV art. 49); wat terug moet is een terugbetalingsverplichting.',
    'note',
  );
  const at = (id: RowId) => SheetRange.at(SHEETS.verantwoording, row(id), FIRST_COL, 1, n);
  return {
    besteding: at('invoer'),
    bestedingTotaal: at('best'),
    pct: n > 1 ? pctRow : undefined,
    terugvordering: at('terug'),
    cumBesteding: at('cumS'),
    terugPerJaar: SheetRange.at(SHEETS.verantwoording, totalsRow, FIRST_COL),
    terugCumulatief: SheetRange.at(SHEETS.verantwoording, totalsRow + 1, FIRST_COL),
    onderdelen,
  };
}

interface YearAt {
  readonly jaar: EditionYear;
  readonly k: number;
  readonly col: number;
  readonly row: (id: RowId) => number;
  readonly onderdelen: OnderdelenCells | undefined;
  readonly from: RegelingFrom;
  readonly pct: SheetRange | undefined;
}

/** One year's column of the regeling block. */
function yearColumn(s: SheetBuilder, r: RegelingVerantwoording, at: YearAt): void {
  const { jaar, k, col, row, onderdelen, from } = at;
  const j = r.jaren[k] as VerantwoordingJaar;
  const C = columnLetter(col);
  const c = (id: RowId) => `${C}${row(id)}`;
  const N = columnLetter(col + 1);
  // A row whose formula is the same in every year is written once, filled over the years (one
  // write operation instead of one per year); the others per year.
  const lastL = columnLetter(FIRST_COL + r.jaren.length - 1);
  // No format per cell: one per row over the years (`formats`).
  const f = (id: RowId, formula: string, value: CellValue) => {
    const fill = FILLED[id];
    if (fill === undefined) s.formula(c(id), formula, () => value);
    else if (k === 0)
      s.formula(`${c(id)}:${lastL}${row(id)}`, formula, (_r, cc) => fill(r.jaren[cc] as VerantwoordingJaar));
  };
  const v = (id: RowId, value: CellValue) => s.value(c(id), value);
  const reg = BEGROTING_REGELINGEN.indexOf(r.regels.post);
  const yi = from.years.indexOf(jaar);
  f('besch', from.plafond.cell(reg, yi).rel(), j.beschikking);
  f('bron', `${from.plafondBron.cell(reg, yi).rel()}&""`, j.beschikkingBron);
  const oj = onderdelen === undefined ? -1 : r.regels.perOnderdeelJaren.indexOf(jaar);
  // In the per-onderdeel years the onderdelen's besteding is entered per onderdeel (below).
  const perOnderdeel = r.onderdelen.reduce(
    (a, x) => a + (oj >= 0 ? (x.jaren.find((y) => y.jaar === jaar)?.besteding ?? 0) : 0),
    0,
  );
  const feed = from.besteding?.get(r.regels.regeling)?.invoer.cell(0, k).rel();
  if (feed === undefined) v('invoer', j.besteding - perOnderdeel);
  else s.formula(c('invoer'), feed, () => j.besteding - perOnderdeel);
  f(
    'best',
    oj >= 0 && onderdelen ? `${c('invoer')}+SUM(${onderdelen.invoer.cols(oj).local().abs()})` : c('invoer'),
    j.besteding,
  );
  if (k === 0) v('inn', 0);
  else f('inn', `${columnLetter(col - 1)}${row('uit')}`, j.overhevelingIn);
  f('beschikbaar', `${c('besch')}+${c('inn')}`, j.beschikbaar);
  f('saldo', `${c('beschikbaar')}-${c('best')}`, j.saldo);
  const last = k === r.jaren.length - 1 || jaar === r.regels.eindjaar;
  const rule = last ? undefined : r.regels.overheveling(jaar);
  const o = onderdelen !== undefined && r.regels.perOnderdeelJaren.includes(jaar);
  const perO = o && rule?.per === 'onderdeel';
  const sum = (k2: Parameters<OnderdelenCells['kolom']>[1]) =>
    `SUM(${onderdelen?.kolom(jaar, k2).local().abs() ?? ''})`;
  f('onbesteed', o ? sum('Onbesteed') : `MAX(0,${c('saldo')})`, j.onbesteed);
  const pct = at.pct?.local().rel();
  if (last || pct === undefined) {
    v('limiet', 0);
  } else {
    f(
      'limiet',
      perO
        ? `IF(ISNUMBER(${pct}),${sum('Limiet (€)')},"onbekend")`
        : `IF(ISNUMBER(${pct}),INT(MAX(0,${c('besch')})*${pct}/100),"onbekend")`,
      onbekend(j.limiet),
    );
  }
  const nextO = r.regels.perOnderdeelJaren.includes(r.regels.jaren[k + 1] ?? 0);
  if (last) v('gebruikt', 0);
  else
    f(
      'gebruikt',
      perO && nextO
        ? sum('Gebruikt volgend jaar')
        : `MIN(${c('onbesteed')},MAX(0,${N}${row('best')}-${N}${row('besch')}))`,
      j.gebruikt,
    );
  const lim = c('limiet');
  f(
    'uit',
    perO ? sum('Overheveling uit') : `IF(ISNUMBER(${lim}),MIN(${c('onbesteed')},${lim}),${c('gebruikt')})`,
    j.overhevelingUit,
  );
  f(
    'teveel',
    perO && nextO ? sum('Boven de limiet') : `IF(ISNUMBER(${lim}),MAX(0,${c('gebruikt')}-${c('uit')}),0)`,
    j.overhevelingTeveel,
  );
  f(
    'terug',
    `IF(OR(ISNUMBER(${lim}),${c('onbesteed')}=0),MAX(0,${c('onbesteed')}-${c('uit')}),"onbekend")`,
    onbekend(j.terugvordering),
  );
  const B = columnLetter(FIRST_COL);
  f('cumB', `SUM($${B}${row('besch')}:${c('besch')})`, j.cumBeschikking);
  f('cumS', `SUM($${B}${row('best')}:${c('best')})`, j.cumBesteding);
  f('cumO', `${c('cumB')}-${c('cumS')}`, j.cumOnderbesteding);
}

/**
 * The constants of the year rows (basis, limit %) and the formats: one per row over the years
 * (the Excel write costs one operation per format range).
 */
function formats(s: SheetBuilder, r: RegelingVerantwoording, row: (id: RowId) => number): void {
  const n = r.jaren.length;
  const B = columnLetter(FIRST_COL);
  const L = columnLetter(FIRST_COL + n - 1);
  const line = (id: RowId) => `${B}${row(id)}:${L}${row(id)}`;
  s.values(`${B}${row('basis')}`, [r.jaren.map((j) => BASIS_TEXT[j.basis])]);
  const pcts = r.regels.jaren.slice(0, n - 1).map((y) => r.regels.overheveling(y)?.waarde ?? null);
  s.values(`${B}${row('pct')}`, [[...pcts, 'einde']]);
  s.format(`${B}${row('besch')}:${L}${row('cumO')}`, 'euro');
  for (const id of ['bron', 'basis'] as const) s.format(line(id), 'note');
  s.format(line('invoer'), 'inputEuro');
  if (n > 1) s.format(`${B}${row('pct')}:${columnLetter(FIRST_COL + n - 2)}${row('pct')}`, 'input');
  s.format(`${L}${row('pct')}`, 'note');
}

/** The rule and its source beside the figures (constants: the edition's rules). */
function rules(
  s: SheetBuilder,
  r: RegelingVerantwoording,
  row: (id: RowId) => number,
  ruleCol: number,
): void {
  const R = columnLetter(ruleCol);
  const regels = r.regels;
  const limieten = regels.jaren
    .map((y, i) =>
      limietText(y, regels.overheveling(y), i === regels.jaren.length - 1 || y === regels.eindjaar),
    )
    .join(' | ');
  const eerste = regels.overheveling(regels.jaren[0] ?? 0);
  const texts: [RowId, string][] = [
    ['besch', 'De beschikking waar ingevoerd (blad Beschikking), anders het bedrag van de editie.'],
    [
      'invoer',
      `Realisatie; in het prognosejaar de prognose; na de laatste realisatie de begroting. Vul hier wat besteed is${regels.perOnderdeelJaren.length > 0 ? `; ${regels.perOnderdeelJaren.join(' en ')}: alleen wat buiten de onderdelen is besteed (per onderdeel: hieronder)` : ''}.`,
    ],
    ['best', 'De invoer, plus de besteding per onderdeel in de jaren per onderdeel.'],
    [
      'onbesteed',
      `Niet besteed, ≥ 0${regels.perOnderdeelJaren.length > 0 ? `; ${regels.perOnderdeelJaren.join(' en ')}: per onderdeel opgeteld (een overschreden onderdeel dekt geen ander)` : ''}.`,
    ],
    ['pct', `Per jaar: ${limieten}`],
    [
      'limiet',
      `INT(beschikking × % / 100); leeg %: onbekend (geen bron), stel het zelf in${eerste ? ` (${grondslagText(eerste)})` : ''}.`,
    ],
    [
      'uit',
      'Het kleinste van onbesteed en limiet; bij een onbekende limiet wat het volgende jaar gebruikte.',
    ],
    ['terug', 'Onbesteed min overheveling uit (per jaar).'],
    ['cumO', 'Cumulatieve beschikking min cumulatieve besteding.'],
  ];
  for (const [id, text] of texts) s.value(`${R}${row(id)}`, text, 'note');
}
