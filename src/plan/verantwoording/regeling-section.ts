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
import { BEGROTING_REGELINGEN, REGIONALE_POSTEN } from '../../domain';
import type {
  RegelingVerantwoording,
  VerantwoordingJaar,
  VerantwoordingSignaalSoort,
} from '../../domain/verantwoording';
import {
  BASIS_TEXT,
  beschikkingKenmerkText,
  DATUM_ONTBREEKT,
  excelSerial,
  KENMERK_LEEG,
  NUMMER_ONTBREEKT,
  kenmerkDatum,
  eindafrekeningText,
  grondslagText,
  limietBronKort,
} from '../../messages/verantwoording.nl';
import { cellAddress, columnLetter, toR1C1 } from '../a1';
import { SheetRange } from '../anchors';
import type { RowCursor } from '../anchors';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { CellValue } from '../types';
import { BBV_HEIGHT, bbvSection } from './bbv-section';
import type { H35bCells, H35bFeed, H35bPlan } from './h35b-section';
import { h35bSection } from './h35b-section';
import type { BestedingFeed } from '../realisatie';
import type { OnderdelenCells, OnderdelenFrom } from './onderdelen-section';
import { onderdelenSection } from './onderdelen-section';
import { flowNotes } from './year-rows';
export { flowNotes } from './year-rows';
import type { SignalenCells } from './signalen-section';
import { doorbetalingSignaalRow, signalenHeight, signalenSection } from './signalen-section';
import { fontOf, wrapLabels, yearRows } from './year-rows';

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
  /** SPUK IZA of a mandaatgemeente with medeoverheden: the H35B inputs. */
  readonly h35b: H35bCells | undefined;
  readonly signalen: SignalenCells;
}

/** A limit % the Begrotingstoets states (its parameter cell and value): the sheet's cell refers to it. */
export interface ToetsLimiet {
  readonly jaar: EditionYear;
  readonly cell: SheetRange;
  readonly pct: number;
}

export interface RegelingFrom {
  readonly plafond: SheetRange;
  readonly plafondBron: SheetRange;
  /**
   * A member gemeente's SPUK IZA: what it receives from its mandaatgemeente, per regeling × year on the
   * Begrotingstoets (`toets`: typed, else the planned share) and the typed amounts per regional post ×
   * year on the Beschikking (`typed`, empty = planned share), so the beschikking is plafond + received
   * and its bron says which (`verantwoording()`: `beschikkingOf`). Absent: the plafond alone.
   */
  readonly vanMandaat?: { readonly toets: SheetRange; readonly typed: SheetRange };
  readonly perLine: OnderdelenFrom['perLine'];
  readonly years: readonly EditionYear[];
  readonly labels: ReadonlyMap<number, string>;
  /** The column of the rules and sources. */
  readonly ruleCol: number;
  /** Its width (characters): a long rule runs on into the rows below (`flowNotes`); absent: it wraps. */
  readonly ruleWidth?: number;
  /** The limits the Begrotingstoets states for this regeling (Brede SPUK: 2023 per onderdeel, 2025). */
  readonly toetsLimieten: readonly ToetsLimiet[];
  /** The domain's signal amount of a kind in a year for this regeling (Σ; 0 = none; undefined: no year). */
  readonly signaal: (soort: VerantwoordingSignaalSoort, jaar: EditionYear | undefined) => number;
  /** How many signals of a kind the domain raises for this regeling. */
  readonly signaalAantal: (soort: VerantwoordingSignaalSoort) => number;
  /** A mandaatgemeente: the sheet Regioverdeling's split, which the planned doorbetaling reads. */
  readonly plan?: H35bPlan;
  /** Per regeling id: the Realisatie sheet's totals the besteding reads (absent: the besteding is typed). */
  readonly besteding?: ReadonlyMap<string, BestedingFeed>;
  /** The Realisatie table the H35B besteding per medeoverheid reads (absent: typed per medeoverheid). */
  readonly h35bFeed?: H35bFeed;
  /**
   * The live peiljaar (sheet Besteding: the prognose year, else the last year with realisatie; 0:
   * none): the per-year signals count the years up to it. Absent: the basis row as built.
   */
  readonly peiljaar?: SheetRange;
  /**
   * The regeling's beschikkingsnummer and -datum cells on Beschikking (input) and what they hold when
   * built (the scenario's beschikking): the line "Beschikking nr … van …" refers to them.
   */
  readonly kenmerk?: {
    readonly nummer: SheetRange;
    /** The datum input (an Excel serial). */
    readonly datum: SheetRange;
    readonly given: { readonly nummer?: string | undefined; readonly datum?: string | undefined };
  };
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
  // One line in column A (the longer label was measured two lines and the yellow row grew).
  ['pct', 'Limiet overheveling (%, invoer)'],
  ['pctBron', 'Bron van de limiet (bij het maken)'],
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

/** The terugvordering's note in the per-onderdeel years: where the schuifruimte is set. */
const SCHUIFRUIMTE_NOTE =
  'met de schuifruimte van "Schuifruimte verrekend" (standaard 0%, aanname). Cumulatief: alles verrekend.';

const onbekend = (x: number | undefined): CellValue => (x === undefined ? 'onbekend' : x);

/** The rows with one formula for every year (filled), and each year's expected value. */
const FILLED: Partial<Record<RowId, (j: VerantwoordingJaar) => CellValue>> = {
  besch: (j) => j.beschikking,
  bron: (j) => j.beschikkingBron,
  beschikbaar: (j) => j.beschikbaar,
  saldo: (j) => j.saldo,
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
  const cells: Pending = new Map();
  // The regeling's name, its source in the column of the rules and sources (wrapping there: one
  // line over the whole width ran off the printed page).
  const head = rows.take();
  s.value(`A${head}`, r.regels.naam, 'rowHeader');
  s.value(cellAddress(head, from.ruleCol), r.regels.regelingBron, 'note');
  kenmerkRow(s, rows.take(), from);
  const fed = from.besteding?.has(r.regels.regeling) === true;
  const heading = rows.take();
  rows.take(ROWS.length);
  const row = yearRows(
    s,
    heading,
    { title: 'Jaar', style: 'header', jaren },
    ROWS.map(([id, label]) => [id, id === 'invoer' && fed ? 'Besteding (blad Realisatie)' : label] as const),
  );
  s.value(cellAddress(heading, from.ruleCol), 'Regel en bron', 'header');
  const lastCol = FIRST_COL + n - 1;
  const pctRow = SheetRange.at(SHEETS.verantwoording, row('pct'), FIRST_COL, 1, n - 1);
  const pctOf = (y: EditionYear) => (jaren.indexOf(y) < n - 1 ? pctRow.cell(0, jaren.indexOf(y)) : undefined);
  rows.skip();
  const totalsRow = rows.take(2);
  rows.skip();
  const bbvTop = rows.take(BBV_HEIGHT);
  rows.skip();
  const naJaren = from.years.filter((y) => y > r.regels.eindjaar);
  const hasH35b = r.iza?.rol === 'mandaatgemeente' && r.iza.lijst.length > 0;
  const metOnderdelen = r.onderdelen.length > 0;
  const signalenTop = rows.take(signalenHeight(hasH35b, naJaren.length, metOnderdelen));
  // The doorbetaling's signal per year (H35B): where it is raised the year's terugvordering is unknown.
  const doorRow = hasH35b ? doorbetalingSignaalRow(signalenTop, metOnderdelen) : undefined;
  rows.skip();
  const onderdelen = metOnderdelen ? onderdelenSection(s, rows, r, { ...from, pct: pctOf, col }) : undefined;
  const h35b = h35bSection(
    s,
    rows,
    r,
    col,
    fed && from.h35bFeed
      ? {
          ...from.h35bFeed,
          ...(from.peiljaar ? { peiljaar: from.peiljaar } : {}),
          prognose: from.besteding?.get(r.regels.regeling)?.prognose,
        }
      : undefined,
    from.plan,
  );
  jaren.forEach((jaar, k) =>
    yearColumn(s, r, {
      jaar,
      k,
      col: FIRST_COL + k,
      row,
      onderdelen,
      h35b,
      from,
      pct: pctOf(jaar),
      cells,
      doorRow,
    }),
  );
  flush(s, cells);
  const notes = new Map<number, string>();
  rules(r, row, from, notes);
  formats(s, r, row, from.toetsLimieten, fed);
  // "onbekend" (a text where an amount stands) right-aligned as the amounts: left-aligned it stood
  // against the amount of the column before it ("€ 391.998onbekend" on paper, #18).
  for (const id of ['limiet', 'terug'] as const)
    s.format(`${columnLetter(FIRST_COL)}${row(id)}:${columnLetter(FIRST_COL + n - 1)}${row(id)}`, 'right');
  bbvSection(s, bbvTop, r, {
    besch: row('besch'),
    best: row('best'),
    firstCol: FIRST_COL,
    notes,
  });
  const signalen = signalenSection(s, signalenTop, r, {
    row,
    firstCol: FIRST_COL,
    notes,
    onderdelen,
    h35b,
    naJaren,
    amount: from.signaal,
    count: from.signaalAantal,
    ruleCol: from.ruleCol,
    terug: {
      perJaar: `${columnLetter(FIRST_COL)}${totalsRow}`,
      cumulatief: `${columnLetter(FIRST_COL)}${totalsRow + 1}`,
    },
    ...(from.peiljaar ? { peiljaar: from.peiljaar } : {}),
  });
  // The expected terugvordering, both readings, and the eindafrekening rule.
  const terug = `${columnLetter(FIRST_COL)}${row('terug')}:${columnLetter(lastCol)}${row('terug')}`;
  const totalLabels = [
    'Verwachte terugvordering: som van de jaren (lezing per jaar)',
    'Verwachte terugvordering: cumulatief over de looptijd',
  ];
  s.values(
    `A${totalsRow}`,
    totalLabels.map((t) => [t]),
  );
  wrapLabels(s, totalsRow, totalLabels, () => fontOf('rowHeader'));
  s.format(`A${totalsRow}:A${totalsRow + 1}`, 'rowHeader');
  const B = columnLetter(FIRST_COL);
  s.formula(
    `${B}${totalsRow}`,
    `IF(COUNT(${terug})=COLUMNS(${terug}),SUM(${terug}),"onbekend")`,
    () => onbekend(r.terugvordering.perJaar),
    'euroTotal',
  );
  s.format(`${B}${totalsRow}`, 'right');
  const L = columnLetter(lastCol);
  // Unknown (refused) where the doorbetaling to the medeoverheden is missing in a year and money
  // is left: their besteding is then not in the besteding (the domain's `cumulatief`).
  const cum = `${L}${row('cumB')}-${L}${row('cumS')}`;
  const door = doorRow === undefined ? undefined : `${B}${doorRow}:${L}${doorRow}`;
  const onb = `${B}${row('onbesteed')}:${L}${row('onbesteed')}`;
  s.formula(
    `${B}${totalsRow + 1}`,
    door === undefined
      ? `MAX(0,${cum})`
      : `IF(AND(COUNTIFS(${door},"<>0",${onb},">0")>0,${cum}>0),"onbekend",MAX(0,${cum}))`,
    () => onbekend(r.terugvordering.cumulatief),
    'euroTotal',
  );
  s.format(`${B}${totalsRow + 1}`, 'right');
  notes.set(totalsRow, eindafrekeningText(r.terugvordering.regel));
  // The rules and sources in one column: one write and one format (not one per text). A long text
  // runs on, a line per row, into the rows below it that have none (`flowNotes`).
  // A text runs on only within its own block: not into the BBV verloop's or the signals' heading
  // (#18 review: the eindafrekening's rule printed beside the BBV heading, several rows below the
  // totals it explains, and ran over the page break without a row label). An empty text marks them.
  // The eindafrekening's rule stays beside its two totals (the rest wraps in the second): run on into
  // the blank row below them, it printed on the next page without a row label.
  for (const stop of [totalsRow + 2, bbvTop, signalenTop]) if (!notes.has(stop)) notes.set(stop, '');
  const flowed = from.ruleWidth === undefined ? notes : flowNotes(notes, from.ruleWidth);
  for (const [k, text] of [...flowed]) if (text === '') flowed.delete(k);
  const noteRows = [...flowed.keys()];
  const top0 = Math.min(...noteRows);
  const bottom = Math.max(...noteRows);
  s.values(
    cellAddress(top0, from.ruleCol),
    Array.from({ length: bottom - top0 + 1 }, (_x, i) => [flowed.get(top0 + i) ?? null]),
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
    h35b,
    signalen,
  };
}

interface YearAt {
  readonly jaar: EditionYear;
  readonly k: number;
  readonly col: number;
  readonly row: (id: RowId) => number;
  readonly onderdelen: OnderdelenCells | undefined;
  readonly h35b: H35bCells | undefined;
  readonly from: RegelingFrom;
  readonly pct: SheetRange | undefined;
  readonly cells: Pending;
  /** The row of the doorbetaling's signal (H35B), whose year has no terugvordering where it is raised. */
  readonly doorRow: number | undefined;
}

/** The per-year cells of the block, written by `flush`: per row, per year a formula or a value. */
type Pending = Map<number, { col: number; formula?: string; value: CellValue }[]>;

/**
 * Writes the pending cells row by row: consecutive years with the same relative formula (R1C1) as
 * one filled formula, consecutive values as one row of values (one write operation per run, not
 * one per year).
 */
function flush(s: SheetBuilder, cells: Pending): void {
  for (const [row, line] of cells) {
    const sorted = [...line].sort((a, b) => a.col - b.col);
    const key = (x: (typeof sorted)[number]) =>
      x.formula === undefined ? undefined : toR1C1(x.formula, cellAddress(row, x.col));
    let i = 0;
    while (i < sorted.length) {
      const a = sorted[i] as (typeof sorted)[number];
      let e = i;
      const same = (b: (typeof sorted)[number] | undefined) =>
        b !== undefined &&
        b.col === (sorted[e] as (typeof sorted)[number]).col + 1 &&
        (a.formula === undefined ? b.formula === undefined : key(b) === key(a));
      while (same(sorted[e + 1])) e += 1;
      const run = sorted.slice(i, e + 1);
      const at = cellAddress(row, a.col);
      if (a.formula === undefined) s.values(at, [run.map((x) => x.value)]);
      else
        s.formula(
          run.length > 1 ? `${at}:${cellAddress(row, a.col + run.length - 1)}` : at,
          a.formula,
          (_r, c) => run[c]?.value ?? 0,
        );
      i = e + 1;
    }
  }
}

/** One year's column of the regeling block. */
function yearColumn(s: SheetBuilder, r: RegelingVerantwoording, at: YearAt): void {
  const { jaar, k, col, row, onderdelen, h35b, from } = at;
  const j = r.jaren[k] as VerantwoordingJaar;
  const C = columnLetter(col);
  const c = (id: RowId) => `${C}${row(id)}`;
  const N = columnLetter(col + 1);
  // A row whose formula is the same in every year is written once, filled over the years (one
  // write operation instead of one per year); the others per year.
  const lastL = columnLetter(FIRST_COL + r.jaren.length - 1);
  // No format per cell: one per row over the years (`formats`).
  const put = (id: RowId, value: CellValue, formula?: string) => {
    const line = at.cells.get(row(id)) ?? [];
    line.push({ col, value, ...(formula === undefined ? {} : { formula }) });
    at.cells.set(row(id), line);
  };
  const f = (id: RowId, formula: string, value: CellValue) => {
    const fill = FILLED[id];
    if (fill === undefined) put(id, value, formula);
    else if (k === 0)
      s.formula(`${c(id)}:${lastL}${row(id)}`, formula, (_r, cc) => fill(r.jaren[cc] as VerantwoordingJaar));
  };
  const v = (id: RowId, value: CellValue) => put(id, value);
  const reg = BEGROTING_REGELINGEN.indexOf(r.regels.post);
  const yi = from.years.indexOf(jaar);
  const plaf = from.plafond.cell(reg, yi).rel();
  const bron = `${from.plafondBron.cell(reg, yi).rel()}&""`;
  // A member's SPUK IZA where its plafond is 0: what the mandaatgemeente passes on; the bron is the
  // typed amount's (beschikking) or the planned share's (afgeleid) (the domain's beschikkingOf).
  const post = (REGIONALE_POSTEN as readonly string[]).indexOf(r.regels.post);
  const van = r.iza?.rol === 'lid' && post >= 0 ? from.vanMandaat : undefined;
  const got = van?.toets.cell(reg, yi).rel();
  f('besch', got === undefined ? plaf : `${plaf}+(${plaf}=0)*${got}`, j.beschikking);
  f(
    'bron',
    van === undefined || got === undefined
      ? bron
      : `CHOOSE(1+(${plaf}=0)*(${got}>0)*(1+ISNUMBER(${van.typed.cell(post, yi).rel()})),${bron},"afgeleid","beschikking")`,
    j.beschikkingBron,
  );
  const oj = onderdelen === undefined ? -1 : r.regels.perOnderdeelJaren.indexOf(jaar);
  // In the per-onderdeel years the onderdelen's besteding is entered per onderdeel (below).
  const perOnderdeel = r.onderdelen.reduce(
    (a, x) => a + (oj >= 0 ? (x.jaren.find((y) => y.jaar === jaar)?.besteding ?? 0) : 0),
    0,
  );
  // A mandaatgemeente's SPUK IZA: the medeoverheden's besteding is entered per medeoverheid (H35B).
  const perMede =
    h35b === undefined
      ? 0
      : (r.iza?.medeoverheden ?? []).filter((m) => m.jaar === jaar).reduce((a, m) => a + m.besteed, 0);
  // With the Realisatie sheet the besteding comes from its table (all rows of the regeling, the
  // medeoverheden's included); the medeoverheden's part is split off by the H35B block's inputs, so
  // the total besteding is the table's and only the split H35/H35B follows the H35B inputs.
  const feed = from.besteding?.get(r.regels.regeling)?.invoer.cell(0, k).rel();
  if (feed === undefined) v('invoer', j.besteding - perOnderdeel - perMede);
  else
    s.formula(
      c('invoer'),
      h35b ? `${feed}-SUM(${h35b.besteed.cols(k).local().abs()})` : feed,
      () => j.besteding - perOnderdeel - perMede,
    );
  f(
    'best',
    oj >= 0 && onderdelen
      ? `${c('invoer')}+SUM(${onderdelen.invoer.cols(oj).local().abs()})`
      : h35b
        ? `${c('invoer')}+SUM(${h35b.besteed.cols(k).local().abs()})`
        : c('invoer'),
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
  // A per-onderdeel year: minus the overschrijding the schuifruimte covers (0 while it is 0%).
  const gedekt = o ? `-${sum('Schuifruimte gedekt')}` : '';
  // Known where the limit is and (H35B) the doorbetaling is not missing, or where nothing is left.
  const bekend = at.doorRow === undefined ? `ISNUMBER(${lim})` : `AND(ISNUMBER(${lim}),${C}${at.doorRow}=0)`;
  f(
    'terug',
    `IF(OR(${bekend},${c('onbesteed')}=0),MAX(0,${c('onbesteed')}-${c('uit')}${gedekt}),"onbekend")`,
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
function formats(
  s: SheetBuilder,
  r: RegelingVerantwoording,
  row: (id: RowId) => number,
  toets: readonly ToetsLimiet[],
  fed: boolean,
): void {
  const n = r.jaren.length;
  const B = columnLetter(FIRST_COL);
  const L = columnLetter(FIRST_COL + n - 1);
  const line = (id: RowId) => `${B}${row(id)}:${L}${row(id)}`;
  s.values(`${B}${row('basis')}`, [r.jaren.map((j) => BASIS_TEXT[j.basis])]);
  s.format(`${B}${row('besch')}:${L}${row('cumO')}`, 'euro');
  // The limit's source per year under it (the rule text beside the limit listed every year and made
  // the yellow row as tall as its nine lines, #18).
  const regels = r.regels;
  s.values(`${B}${row('pctBron')}`, [
    regels.jaren.map((y, i) =>
      limietBronKort(regels.overheveling(y), i === regels.jaren.length - 1 || y === regels.eindjaar),
    ),
  ]);
  for (const id of ['bron', 'basis', 'pctBron'] as const) s.format(line(id), 'note');
  // Typed here, or (with the Realisatie sheet) a formula reading its table: then no input colour.
  if (!fed) s.format(line('invoer'), 'inputEuro');
  limietRow(s, r, row('pct'), toets);
}

/**
 * The limit % per year but the last (the named input): where the Begrotingstoets states the same
 * limit, a reference to its parameter cell (one input: the controller changes it there, both sheets
 * follow); a controller's own limit (--limiet) that differs stays a value here.
 */
export function linkedLimiet(r: RegelingVerantwoording, toets: readonly ToetsLimiet[], jaar: EditionYear) {
  const t = toets.find((x) => x.jaar === jaar);
  return t !== undefined && r.regels.overheveling(jaar)?.waarde === t.pct ? t : undefined;
}

function limietRow(
  s: SheetBuilder,
  r: RegelingVerantwoording,
  at: number,
  toets: readonly ToetsLimiet[],
): void {
  const n = r.jaren.length;
  const jaren = r.regels.jaren;
  const pcts = jaren.slice(0, n - 1).map((y) => r.regels.overheveling(y)?.waarde ?? null);
  const last = columnLetter(FIRST_COL + n - 1);
  s.value(`${last}${at}`, 'einde', 'note');
  // Right, as the amounts of its column: left-aligned it read as one with the input beside it ("10einde").
  s.format(`${last}${at}`, 'right');
  if (n < 2) return;
  // A percentage, not euros (the block's euro format covers this row).
  s.format(`${columnLetter(FIRST_COL)}${at}:${columnLetter(FIRST_COL + n - 2)}${at}`, 'integer');
  s.format(`${columnLetter(FIRST_COL)}${at}:${columnLetter(FIRST_COL + n - 2)}${at}`, 'input');
  // Runs of own values in one write; each linked year a formula.
  let k = 0;
  while (k < n - 1) {
    const link = linkedLimiet(r, toets, jaren[k] ?? 0);
    const C = columnLetter(FIRST_COL + k);
    if (link) {
      s.formula(`${C}${at}`, link.cell.rel(), () => link.pct);
      k += 1;
      continue;
    }
    let e = k;
    while (e + 1 < n - 1 && !linkedLimiet(r, toets, jaren[e + 1] ?? 0)) e += 1;
    s.values(`${C}${at}`, [pcts.slice(k, e + 1)]);
    k = e + 1;
  }
}

/** The rule and its source beside the figures (constants: the edition's rules). */
function rules(
  r: RegelingVerantwoording,
  row: (id: RowId) => number,
  from: RegelingFrom,
  notes: Map<number, string>,
): void {
  const linked = r.regels.jaren.filter((y) => linkedLimiet(r, from.toetsLimieten, y));
  const regels = r.regels;
  const perOnderdeel = regels.jaren.filter(
    (y, i) => i < regels.jaren.length - 1 && regels.overheveling(y)?.per === 'onderdeel',
  );
  const eerste = regels.overheveling(regels.jaren[0] ?? 0);
  const oJaren = regels.perOnderdeelJaren;
  const mandaat = r.iza?.rol === 'mandaatgemeente';
  // What the besteding adds to the input: the onderdelen (per-onderdeel years), the medeoverheden.
  const plus = [...(oJaren.length > 0 ? ['de onderdelen'] : []), ...(mandaat ? ['H35B'] : [])];
  const texts: [RowId, string][] = [
    [
      'besch',
      r.iza?.rol === 'lid' && from.vanMandaat !== undefined
        ? 'Ledengemeente: de beschikking waar ingevoerd, anders wat de mandaatgemeente doorbetaalt (blad Beschikking; leeg = het geplande aandeel uit de Regioverdeling). Bron: beschikking = uw bedrag, afgeleid = het geplande aandeel.'
        : 'De beschikking waar ingevoerd (blad Beschikking), anders het bedrag van de editie.',
    ],
    // The besteding's rule (input and total in one text): it runs on beside the rows below it
    // (besteding, basis, overheveling in, beschikbaar), so no row grows (#18: the input row was
    // four lines high).
    [
      'invoer',
      `${from.besteding?.has(regels.regeling) === true ? `Uit blad ${SHEETS.realisatie} (via ${SHEETS.besteding}), vul daar wat besteed is` : 'Vul hier wat besteed is'}: de realisatie, in het prognosejaar de prognose, daarna de begroting${oJaren.length > 0 ? `; ${oJaren.join(' en ')}: alleen buiten de onderdelen` : ''}${mandaat ? '; zonder de medeoverheden (H35B)' : ''}.${plus.length > 0 ? ` Besteding: de invoer plus ${plus.join(' en ')} (hieronder).` : ''}`,
    ],
    // The onbesteed's rule beside the saldo, running on beside the onbesteed (#18: both rows grew).
    [
      'saldo',
      `Onbesteed: het saldo, ≥ 0${oJaren.length > 0 ? `; ${oJaren.join(' en ')}: de onderdelen opgeteld (een tekort dekt geen ander)` : ''}.`,
    ],
    [
      'pct',
      `Max. % naar het volgende jaar${perOnderdeel.length > 0 ? ` (${perOnderdeel.join(' en ')}: per onderdeel)` : ''}.${linked.length > 0 ? ` ${linked.join(' en ')}: uit de Begrotingstoets.` : ' Bron eronder.'}`,
    ],
    [
      'limiet',
      `INT(beschikking × % / 100); leeg %: onbekend (geen bron), stel het zelf in${eerste ? ` (${grondslagText(eerste)})` : ''}.`,
    ],
    [
      'uit',
      'Het kleinste van onbesteed en limiet; bij een onbekende limiet wat het volgende jaar gebruikte.',
    ],
    [
      'terug',
      `Onbesteed min overheveling uit (per jaar)${oJaren.length > 0 ? `; ${oJaren.join(' en ')} ${SCHUIFRUIMTE_NOTE}` : '.'}`,
    ],
    ['cumO', 'Cumulatieve beschikking min cumulatieve besteding.'],
  ];
  for (const [id, text] of texts) notes.set(row(id), text);
}

/**
 * The line "Beschikking nr … van …" (issue #19 item 4): live from the Beschikking sheet's nummer and
 * datum (inputs); a part left empty is said once in words (`beschikkingKenmerkText`: "Beschikking nr
 * 123 (datum nog niet ingevuld)"; neither: `KENMERK_LEEG`). The datum as dd-mm-jjjj without TEXT()'s
 * date codes (they follow Excel's language): three helper cells right of the printed rules column,
 * the datum (a reference: short formulas), the datum part " van " & TEXT(DAY(d),"00")&"-"&
 * TEXT(MONTH(d),"00")&"-"&YEAR(d) ("0" is the same in every language) where N(datum) > 0, and the
 * nummer part; each formula within the 125-character house rule.
 */
function kenmerkRow(s: SheetBuilder, row: number, from: RegelingFrom): void {
  s.value(`A${row}`, 'Beschikking (blad Beschikking, invoer)');
  const k = from.kenmerk;
  const B = columnLetter(FIRST_COL);
  if (k === undefined) {
    s.value(`${B}${row}`, beschikkingKenmerkText(undefined, undefined));
    return;
  }
  const n = k.nummer.abs();
  const d = columnLetter(from.ruleCol + 1);
  const t = columnLetter(from.ruleCol + 2);
  const u = columnLetter(from.ruleCol + 3);
  const { nummer, datum } = k.given;
  // N(): 0 for an empty or text input in every engine (a bare reference to an empty cell is null in
  // HyperFormula, 0 in Excel).
  s.formula(
    `${d}${row}`,
    `N(${k.datum.abs()})`,
    () => (datum === undefined ? 0 : excelSerial(datum)),
    'note',
  );
  const x = `${d}${row}`;
  s.formula(
    `${t}${row}`,
    `IF(${x}>0," van "&TEXT(DAY(${x}),"00")&"-"&TEXT(MONTH(${x}),"00")&"-"&YEAR(${x}),"${DATUM_ONTBREEKT}")`,
    () => (datum === undefined ? DATUM_ONTBREEKT : ` van ${kenmerkDatum(datum)}`),
    'note',
  );
  s.formula(
    `${u}${row}`,
    `IF(${n}="","${NUMMER_ONTBREEKT}"," nr "&${n})`,
    () => (nummer === undefined ? NUMMER_ONTBREEKT : ` nr ${nummer}`),
    'note',
  );
  s.formula(
    `${B}${row}`,
    `IF(AND(${n}="",${x}=0),"${KENMERK_LEEG}","Beschikking"&${u}${row}&${t}${row})`,
    () => beschikkingKenmerkText(nummer, datum),
    'rowHeader',
  );
}
