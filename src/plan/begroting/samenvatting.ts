/**
 * Samenvatting: for the aanvraag and the raad, on two printed pages: the summary, then the mutaties
 * for the gemeente's own begroting (`samenvatting-mutaties.ts`). Summary: per year the baten (the plafond
 * after carry-over, with its source), lasten, saldo, money received in advance; the BBV art. 19/28
 * overview of incidental baten and lasten per taakveld; structural lasten against the afloop; the
 * count of the begroting's signals. Every amount refers to the Begrotingstoets or the Begroting table.
 */
import type { BegrotingInvoer, BegrotingRegel, BegrotingToets, EditionYear, RegioRol } from '../../domain';
import {
  BEGROTING_CAPACITEIT,
  BEGROTING_REGELINGEN,
  gemeenteWaarschuwingen,
  REGIONALE_POSTEN,
  regionaleRegeling,
  TAAKVELDEN,
} from '../../domain';
import { gemeenteWaarschuwingText } from '../../messages/begroting.nl';
import { formatDate } from '../../messages/nl';
import { columnLetter, rangeOf } from '../a1';
import { RowCursor, SheetRange } from '../anchors';
import type { ChooserCells } from '../chooser';
import type { PlanContext } from '../context';
import { PERIOD_COL, SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import { PX_PER_WIDTH_UNIT, wrapText } from '../text-fit';
import { PRINT_MARGINS } from '../types';
import type { RegioShares } from '../sheets-regioverdeling';
import { doorgevenRow } from './doorgeven';
import type { BegrotingTableCells } from './fixed-cells';
import { defaultTaakveldRuns, MUTATIE_WIDTHS, mutatiesSection } from './samenvatting-mutaties';
import type { ToetsCells } from './toets-sheet';

const regelingen = BEGROTING_REGELINGEN;
const FIRST_YEAR = columnLetter(PERIOD_COL);
const sumYears = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The year axis of the Samenvatting: one column per year of the edition from E, then the total
 * (E..K and L for 2023–2029).
 */
interface Axis {
  readonly years: readonly EditionYear[];
  /** The total column's letter. */
  readonly total: string;
  /** The last year column's letter. */
  readonly lastYear: string;
  /** The year columns of a row (e.g. `E12:K12`). */
  yearsRange(row: number): string;
  /** The cell of a year on a row. */
  yearCell(row: number, jaar: EditionYear): string;
}

function axis(years: readonly EditionYear[]): Axis {
  return {
    years,
    total: columnLetter(PERIOD_COL + years.length),
    lastYear: columnLetter(PERIOD_COL + years.length - 1),
    yearsRange: (row) => rangeOf(row, PERIOD_COL, 1, years.length),
    yearCell: (row, jaar) =>
      SheetRange.at(SHEETS.samenvatting, row, PERIOD_COL + years.indexOf(jaar)).address(),
  };
}

/** The heading of the baten per role (`RegioRol`): only a member receives from a mandaatgemeente. */
const BATEN_KOP: Readonly<Record<RegioRol, string>> = {
  lid: 'Baten: het plafond (na overheveling) en wat de mandaatgemeente doorgeeft',
  mandaatgemeente:
    'Baten: het plafond (na overheveling); SPUK IZA en SPUK AZWA regionaal: het hele regiobedrag (verdeling: blad Regioverdeling)',
  geen: 'Baten: het plafond (na overheveling)',
};

interface Summary {
  readonly ctx: PlanContext;
  readonly s: SheetBuilder;
  readonly rows: RowCursor;
  readonly t: BegrotingToets;
  readonly axis: Axis;
  /** The user's Begroting table. */
  readonly table: BegrotingTableCells;
  /** The sheet Regioverdeling's split of the gemeente's region (a mandaatgemeente's doorbetaling reads it). */
  readonly regio: RegioShares | undefined;
  /** One row of amounts per year (a formula filled over the years) and its total; returns the row. */
  line(label: string, formula: string, values: readonly number[], style?: 'euro' | 'euroTotal'): number;
  /** A blank row between two sections (SUMMARY_GAP_PT high). */
  gap(): void;
}

/** What the Samenvatting exposes: Controle checks it directly against the Begrotingstoets. */
export interface SamenvattingCells {
  /** The row "Totaal baten", one cell per year of the edition (E.., without the total column). */
  readonly batenTotaal: SheetRange;
}

/** Builds the Samenvatting for the gemeente on Overzicht (`chosenName`: "naam (code)"). */
export function buildSamenvatting(
  ctx: PlanContext,
  invoer: BegrotingInvoer,
  t: BegrotingToets,
  chosenName: string,
  from: {
    readonly toets: ToetsCells;
    readonly chooser: ChooserCells;
    readonly table: BegrotingTableCells;
    readonly regio?: RegioShares | undefined;
  },
): { readonly s: SheetBuilder; readonly cells: SamenvattingCells } {
  const s = new SheetBuilder(SHEETS.samenvatting, 'presentatie');
  const rows = new RowCursor(1);
  const ax = axis(ctx.years);
  const TOTAL = ax.total;
  headingSection(ctx, s, rows, chosenName, from.chooser);
  // The signals and the warnings first (#18): what a raad member must know before the figures, on
  // the summary's page whatever its length.
  const sig = rows.take();
  s.value(`A${sig}`, 'Signalen van de Begrotingstoets', 'rowHeader');
  s.formula(`${FIRST_YEAR}${sig}`, from.toets.master.abs(), () => t.signalen.length, 'warningCount');
  waarschuwingSection(s, rows, ctx);
  const gaps: number[] = [];
  const gap = (): void => {
    gaps.push(rows.take());
  };
  gap();
  const headerRow = headerSection(ctx, s, rows);
  const line: Summary['line'] = (label, formula, values, style = 'euro') => {
    const r = rows.take();
    s.value(`A${r}`, label, style === 'euroTotal' ? 'rowHeader' : undefined);
    s.formula(ax.yearsRange(r), formula, (_r, c) => values[c] ?? 0, style);
    s.formula(`${TOTAL}${r}`, `SUM(${FIRST_YEAR}${r}:${ax.lastYear}${r})`, () => sumYears(values), style);
    return r;
  };
  const v: Summary = { ctx, s, rows, t, axis: ax, table: from.table, regio: from.regio, line, gap };
  const batenRow = batenLastenSection(v, invoer, from.toets);
  const batenFirst = taakveldSection(v, from.toets, {
    regels: invoer.regels,
    onderdelen: ctx.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr),
  });
  structureelSection(v, from.toets);
  openPostSection(v, ctx);
  // The summary's rows SUMMARY_ROW_PT high and its blank rows between sections SUMMARY_GAP_PT (the
  // title keeps its own height, the header row and the rows of more lines theirs, hidden rows 0): so
  // the summary fits one page (SUMMARY_PAGE_PT) for every gemeente at 7 pt type (#18).
  const summaryEnd = rows.next - 1;
  for (let r = 2; r <= summaryEnd; r++)
    if (r !== headerRow) s.rowHeight(r, gaps.includes(r) ? SUMMARY_GAP_PT : SUMMARY_ROW_PT);
  // The mutations for the gemeente's own begroting (#18), on the next page, as the CLI's export.
  mutatiesSection(s, rows, {
    table: from.table,
    regels: invoer.regels,
    years: ctx.years,
    dekking: t.dekking,
    baten: { first: batenFirst, rows: t.perTaakveld.length },
    printRight: PERIOD_COL + ctx.years.length,
    onderdelen: ctx.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr),
  });

  const lastRow = rows.next - 1;
  // A..D hold the mutations' Taakveld, Omschrijving, Inc. and Struc. (the other sections' labels in A
  // run on over B..D where those are empty).
  s.width('A', MUTATIE_WIDTHS.A)
    .width('B', MUTATIE_WIDTHS.B)
    .width('C', MUTATIE_WIDTHS.C)
    .width('D', MUTATIE_WIDTHS.D);
  // Wide enough for national sums in the NL view (€ 448.048.898; over 7 years € 3.047.808.553).
  for (let i = 0; i < ctx.years.length; i++) s.width(columnLetter(PERIOD_COL + i), YEAR_WIDTH);
  s.width(TOTAL, TOTAL_WIDTH);
  // Landscape on the page width (portrait, or one page, printed it at 6 pt): readable at 7 pt or more (#18).
  // The summary fits its page (its row heights above; `summaryHeight` ≤ SUMMARY_PAGE_PT, tested for
  // every gemeente); the mutaties block starts the next page (its page break) under the header row,
  // repeated on every page, with its own. Not fitted to a page count: LibreOffice then ignores the
  // manual page break (measured, session 11).
  s.printAs('landscape', true).printLayout({
    area: `A1:${TOTAL}${lastRow}`,
    titleRows: `${headerRow}:${headerRow}`,
    fitToHeight: 0,
  });
  return {
    s,
    cells: { batenTotaal: SheetRange.at(SHEETS.samenvatting, batenRow, PERIOD_COL, 1, ctx.years.length) },
  };
}

/** Title, gemeente, edition. */
function headingSection(
  ctx: PlanContext,
  s: SheetBuilder,
  rows: RowCursor,
  chosenName: string,
  chooser: ChooserCells,
): void {
  const m = ctx.input.edition.manifest;
  s.value(`A${rows.take()}`, 'Samenvatting SPUK-begroting voor de aanvraag en de raad', 'title');
  s.formula(
    `A${rows.take()}`,
    `"Gemeente: "&${chooser.name.abs()}`,
    () => `Gemeente: ${chosenName}`,
    'rowHeader',
  );
  s.value(
    `A${rows.take()}`,
    `Editie ${m.id} (${formatDate(m.datum)}). Hele euro's. Bron per bedrag: beschikking > gepubliceerd > afgeleid > geschat > raming.`,
    'subtitle',
  );
}

/** The header row of the years (returned; repeated on every printed page). */
function headerSection(ctx: PlanContext, s: SheetBuilder, rows: RowCursor): number {
  const header = rows.take();
  s.values(`A${header}`, [['Omschrijving', '', '', '', ...ctx.years.map(String), 'Totaal']], 'header');
  return header;
}

/**
 * Baten (the plafond after carry-over, with its source), lasten, saldo, received in advance. Returns
 * the row of "Totaal baten" (the anchor Controle checks).
 */
function batenLastenSection(v: Summary, invoer: BegrotingInvoer, toets: ToetsCells): number {
  const { s, rows, t, line } = v;
  const yearsRange = v.axis.yearsRange;
  const first = (range: SheetRange) => range.cell(0, 0).fixRow();
  // The regional rows fit the gemeente's role (#18, the scenario's `regioRol`): a member also receives
  // from its mandaatgemeente; a mandaatgemeente receives the whole regional amount itself.
  const rol = v.ctx.scenario.regioRol;
  s.value(`A${rows.take()}`, BATEN_KOP[rol], 'rowHeader');
  const batenRows: number[] = [];
  regelingen.forEach((reg, i) => {
    const r = line(`  ${reg}`, first(toets.plafondNa.rows(i)), t.plafondNaOverheveling[reg]);
    batenRows.push(r);
    const b = rows.take();
    // Regional money (SPUK IZA, SPUK AZWA regionaal) has a plafond on the mandaatgemeente's begroting
    // only: for any other gemeente the row and its source are hidden, not left out (€ 0, bron "geen";
    // Totaal baten still adds them, so an amount typed on the Beschikking's hidden rows, which is FOUT
    // there and on Controle, does not vanish from the sum).
    if (rol !== 'mandaatgemeente' && regionaleRegeling(v.ctx.lines, reg)) s.hideRows(r, b);
    s.value(`A${b}`, `  bron ${reg}`, 'note');
    s.formula(
      yearsRange(b),
      first(toets.plafondBron.rows(i)),
      (_r, c) => t.plafond[reg][c]?.bron ?? 'geen',
      'note',
    );
    // Right-aligned: each source under its amount (#18: left-aligned they sat half a column off).
    s.format(yearsRange(b), 'right');
  });
  // A member gemeente: what its mandaatgemeente passes on, a baat next to the plafond. Not made for a
  // mandaatgemeente or a gemeente in no region (0 there: the toets's rows it would read are 0).
  if (rol === 'lid')
    for (const post of REGIONALE_POSTEN)
      batenRows.push(
        line(
          `  ${post}: ontvangen van de mandaatgemeente`,
          first(toets.vanMandaat.rows(regelingen.indexOf(post))),
          t.vanMandaatgemeente[post].map((x) => x.bedrag),
        ),
      );
  const bt = line(
    'Totaal baten',
    batenRows.map((r) => `${FIRST_YEAR}${r}`).join('+'),
    t.totaalBaten,
    'euroTotal',
  );
  v.gap();
  s.value(`A${rows.take()}`, 'Lasten: de activiteiten op het blad Begroting', 'rowHeader');
  const lastenRows = regelingen.map((reg, i) => line(`  ${reg}`, first(toets.lasten.rows(i)), t.lasten[reg]));
  const lt = line(
    'Totaal lasten',
    `SUM(${FIRST_YEAR}${lastenRows[0] ?? 0}:${FIRST_YEAR}${lastenRows[lastenRows.length - 1] ?? 0})`,
    t.totaalLasten,
    'euroTotal',
  );
  const door = doorgevenRows(v);
  line(
    door.length > 0
      ? 'Saldo (baten − lasten − doorgegeven aan de ledengemeenten; positief = niet besteed)'
      : 'Saldo (baten − lasten; positief = niet besteed)',
    [`${FIRST_YEAR}${bt}-${FIRST_YEAR}${lt}`, ...door.map((r) => `${FIRST_YEAR}${r}`)].join('-'),
    t.saldo,
    'euroTotal',
  );
  line(
    'Vooruit ontvangen voor het volgende jaar (balans, geen baat)',
    // 0+: an empty input counts as 0 (as Excel shows it).
    `0+${first(toets.vooruit)}`,
    invoer.vooruitOntvangen,
  );
  v.gap();
  return bt;
}

/**
 * A mandaatgemeente (`regioRol`): per regional post the lasten "door te geven aan de ledengemeenten",
 * what the sheet Regioverdeling plans for the other member gemeenten (Σ of their rows, without the
 * mandaatgemeente's own row), so the saldo under it is the mandaatgemeente's own (#18: Zwolle's
 * saldo read € 31 mln "niet besteed" because the baten hold the whole regional amount). The domain's
 * `doorgeven` (`doorTeGevenAanLeden`) gives each value. A last, not less baten: the mandaatgemeente
 * receives the gross amount (its beschikking, SiSa H35 and H35B over the whole SPUK) and its raad
 * budgets "lokale uitvoering (doorgegeven aan de ledengemeenten)" as a lastenpost
 * (../shared/docs/begroting-practice.md, layout 7; verantwoording-facts.md 2.2); BBV: gross, not
 * netted. Live where the Regioverdeling has the year's column, else 0 (a constant: no money on that
 * post that year). Returns the rows (none for any other gemeente, nor for a region of one).
 */
function doorgevenRows(v: Summary): number[] {
  const { s, rows, t, ctx } = v;
  const regio = v.regio;
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  if (ctx.scenario.regioRol !== 'mandaatgemeente' || code === undefined) return [];
  // A region of one gemeente (Utrecht) passes nothing on: no rows of € 0 (review 12; the domain's
  // `doorTeGevenAanLeden` is 0 there, so the saldo is the same without them).
  if (regio !== undefined && regio.leden.every((l) => l === code)) return [];
  s.value(
    `A${rows.take()}`,
    'Lasten: door te geven aan de ledengemeenten (gepland, blad Regioverdeling)',
    'rowHeader',
  );
  return REGIONALE_POSTEN.map((post) => {
    const r = rows.take();
    const values = t.doorgeven[post];
    s.value(`A${r}`, `  ${post}`);
    doorgevenRow(s, r, v.axis.years, values, regio, code);
    s.formula(
      `${v.axis.total}${r}`,
      `SUM(${FIRST_YEAR}${r}:${v.axis.lastYear}${r})`,
      () => sumYears(values),
      'euro',
    );
    return r;
  });
}

/**
 * BBV art. 19/28: incidental baten and lasten per taakveld; returns the first row of the baten per
 * taakveld (rows in `perTaakveld` order: TAAKVELDEN, then "overig"). The baten per taakveld are what the
 * money received covers (the Begrotingstoets's dekking per taakveld, Σ over the regelingen): never
 * more than received; the lasten it does not cover are a row of their own (eigen middelen). The
 * incidental lasten are a SUMIFS over the Begroting table, a row without Taakveld on its default
 * taakveld as in the dekking (`zonderTaakveldRows`; the domain's `taakveldVan`).
 */
function taakveldSection(
  v: Summary,
  toets: ToetsCells,
  invoer: { readonly regels: readonly BegrotingRegel[]; readonly onderdelen: readonly number[] },
): number {
  const { s, rows, t, line } = v;
  const { total: TOTAL, lastYear: LAST_YEAR, yearsRange } = v.axis;
  s.value(
    `A${rows.take()}`,
    'Overzicht incidentele baten en lasten per taakveld (BBV art. 19 en 28)',
    'rowHeader',
  );
  s.value(
    `A${rows.take()}`,
    'Al het geld van deze regelingen is incidenteel (regeling met een einddatum). De baat staat op het taakveld van de lasten die ze dekt, naar rato, en is nooit meer dan de ontvangen uitkering.',
    'note',
  );
  const taakveldCol = v.table.column('Taakveld').abs();
  const aardCol = v.table.column('Aard lasten').abs();
  const yearsCol = v.table.years.cols(0).fixRow();
  const labelOf = (code: string) =>
    code === 'overig'
      ? 'overige taakvelden'
      : `${code} ${TAAKVELDEN.find((x) => x.code === code)?.naam ?? ''}`;
  const taakveldBlock = (
    title: string,
    pick: 'baten' | 'incidenteleLasten',
    formula: (r: number, k: number, first: number) => string,
  ): number => {
    s.value(`A${rows.take()}`, title, 'rowHeader');
    const first = rows.next;
    t.perTaakveld.forEach((tv, k) => {
      const r = rows.take();
      s.value(`A${r}`, `  ${labelOf(tv.code)}`);
      // The key SUMIFS compares the Begroting's Taakveld with; the label in A shows the code already.
      s.value(`B${r}`, tv.code);
      s.format(`B${r}`, 'lookupKey');
      s.formula(yearsRange(r), formula(r, k, first), (_r, c) => tv[pick][c] ?? 0, 'euro');
      s.formula(`${TOTAL}${r}`, `SUM(${FIRST_YEAR}${r}:${LAST_YEAR}${r})`, () => sumYears(tv[pick]), 'euro');
    });
    return first;
  };
  // Baten: Σ over the regelingen of the covered lasten on this taakveld.
  const batenFirst = taakveldBlock('Incidentele baten (de ontvangen uitkering)', 'baten', (_r, k) =>
    toets.dekking.baten.map((b) => b.cell(k, 0).fixRow()).join('+'),
  );
  line(
    '  Niet gedekt door de uitkering (eigen middelen)',
    toets.dekking.nietGedekt.map((b) => b.cell(0, 0).fixRow()).join('+'),
    t.nietGedekt,
  );
  const zonder = zonderTaakveldRows(v, invoer);
  // A named taakveld: its typed rows plus the rows without taakveld whose default it is (the domain's
  // `taakveldVan`, as the toets's dekking); "overige": everything incidental minus the rows above it.
  taakveldBlock('Incidentele lasten', 'incidenteleLasten', (r, k, first) =>
    t.perTaakveld[k]?.code === 'overig'
      ? `SUMIFS(${yearsCol},${aardCol},${zonder.aard})-SUM(${FIRST_YEAR}${first}:${FIRST_YEAR}${r - 1})`
      : `SUMIFS(${yearsCol},${taakveldCol},$B${r},${aardCol},${zonder.aard})+SUMIF(${zonder.keys},$B${r},${zonder.amounts})`,
  );
  v.gap();
  return batenFirst;
}

/**
 * The incidental lasten of the rows with an empty Taakveld cell, on their default taakveld (the
 * domain's `taakveldVan`; the toets's dekking reads them alike, #18), in hidden rows above the block
 * "Incidentele lasten" (technical steps, not on paper):
 * - all of them (SUMIFS with the criterion "": an empty cell; the label cell in B holds "incidenteel",
 *   the Aard criterion of the block);
 * - the Brede SPUK's, per run of onderdelen with one default (`defaultTaakveldRuns`) from its `vanaf`
 *   on (the criterion ">=vanaf" in C, the regeling in B; one SUMIFS per row, so its references need
 *   no fixed row and stay under the formula length limit);
 * - per run the difference with the next (the last run: every onderdeel from its `vanaf` on) and the
 *   rest (another regeling, or no onderdeel) on the default `anders`, each with its taakveld in B.
 * Returns the Aard criterion cell and the taakveld keys and amounts (year column E, relative) the
 * block's rows SUMIF over.
 */
function zonderTaakveldRows(
  v: Summary,
  invoer: { readonly regels: readonly BegrotingRegel[]; readonly onderdelen: readonly number[] },
): { readonly aard: string; readonly keys: string; readonly amounts: string } {
  const { s, rows, table } = v;
  const { yearsRange } = v.axis;
  const brede: BegrotingRegel['regeling'] = 'Brede SPUK';
  const { runs, anders } = defaultTaakveldRuns(invoer.onderdelen);
  const leeg = invoer.regels
    .slice(0, BEGROTING_CAPACITEIT)
    .filter((r) => r.taakveld === '' && r.aard === 'incidenteel');
  const sumOf = (pred: (r: BegrotingRegel) => boolean, c: number): number =>
    leeg.reduce((a, r) => (pred(r) ? a + (r.lasten[c] ?? 0) : a), 0);
  const from = (vanaf: number) => (r: BegrotingRegel) =>
    r.regeling === brede && r.onderdeel !== undefined && r.onderdeel >= vanaf;
  const cum = (j: number, c: number): number => (j < runs.length ? sumOf(from(runs[j]?.vanaf ?? 0), c) : 0);

  const years = table.years.cols(0).rel();
  const tv = table.column('Taakveld').fixCol();
  const aardCol = table.column('Aard lasten').fixCol();
  const all = rows.take();
  const aard = `$B$${all}`;
  s.values(`A${all}`, [['Zonder taakveld: incidentele lasten', 'incidenteel']]);
  s.formula(
    yearsRange(all),
    `SUMIFS(${years},${tv},"",${aardCol},${aard})`,
    (_r, c) => sumOf(() => true, c),
    'euro',
  );
  const cumTop = rows.next;
  runs.forEach((run, j) => {
    const r = rows.take();
    s.values(`A${r}`, [['Zonder taakveld, vanaf onderdeel', brede, `>=${run.vanaf}`]]);
    s.formula(
      yearsRange(r),
      `SUMIFS(${years},${tv},"",${aardCol},${aard},${table.column('Onderdeel').fixCol()},$C${r},${table.column('Regeling').fixCol()},$B${r})`,
      (_r, c) => cum(j, c),
      'euro',
    );
  });
  // Per run its own onderdelen (this row's cumulative minus the next), then the rest on `anders`.
  const top = rows.take(runs.length + 1);
  const labels = [
    ...runs.map((run) => [
      `Zonder taakveld, onderdeel ${run.vanaf} en verder, naar ${run.taakveld}`,
      run.taakveld,
    ]),
    [`Zonder taakveld, ander of geen onderdeel, naar ${anders}`, anders],
  ];
  s.values(`A${top}`, labels);
  runs.forEach((_run, j) => {
    const r = top + j;
    s.formula(
      yearsRange(r),
      j + 1 < runs.length
        ? `${FIRST_YEAR}${cumTop + j}-${FIRST_YEAR}${cumTop + j + 1}`
        : `${FIRST_YEAR}${cumTop + j}`,
      (_r, c) => cum(j, c) - cum(j + 1, c),
      'euro',
    );
  });
  const rest = top + runs.length;
  s.formula(
    yearsRange(rest),
    runs.length > 0 ? `${FIRST_YEAR}${all}-${FIRST_YEAR}${cumTop}` : `${FIRST_YEAR}${all}`,
    (_r, c) => sumOf(() => true, c) - cum(0, c),
    'euro',
  );
  s.hideRows(all, rest);
  return {
    aard,
    keys: `$B$${top}:$B$${rest}`,
    amounts: `${FIRST_YEAR}$${top}:${FIRST_YEAR}$${rest}`,
  };
}

/**
 * Structural lasten against the afloop: per end year of the regelingen (the toets's gaps, from the
 * manifests' `eindjaar`) the structural gap, in the column of the year after it (the first year
 * without dekking) or, when that year is not on the axis, in the end year's column. After the last end year the
 * baten above are € 0 (no SPUK money): the structural lasten of those years stand against nothing.
 */
function structureelSection(v: Summary, toets: ToetsCells): void {
  const { s, rows, t, line } = v;
  s.value(`A${rows.take()}`, 'Structurele lasten en de afloop van de regelingen', 'rowHeader');
  const loop = toets.gaten.map((g) => `${g.namen.join(' en ')} tot en met ${g.eindjaar}`).join(', ');
  s.value(
    `A${rows.take()}`,
    `${loop ? `Looptijd: ${loop}. ` : ''}Structurele lasten hebben in deze regelingen geen structurele dekking (BBV); na de looptijd staan ze tegenover € 0 aan SPUK-baten.`,
    'note',
  );
  line(
    'Structurele lasten (gedekt uit incidentele baten)',
    toets.structureel.cell(0, 0).fixRow(),
    t.structureel,
  );
  for (const g of toets.gaten) {
    const gap = rows.take();
    const { label, jaar } = tekortRow(g.eindjaar, g.namen, v.axis.years);
    s.value(`A${gap}`, label);
    const bedrag = t.gaten.find((x) => x.eindjaar === g.eindjaar)?.bedrag ?? 0;
    s.formula(v.axis.yearCell(gap, jaar), g.cell.abs(), () => bedrag, 'euroTotal');
  }
  v.gap();
}

/**
 * The label and the column (`jaar`) of the structural gap of the regelingen `namen` ending in
 * `eindjaar` on the year axis `years`: the gap (the end year's structural lasten) stands in the first
 * year without dekking, whose tekort it is, when that year is on the axis; otherwise in the end
 * year's column, the label saying it is that year's lasten (#18: a row "vanaf 2030" with its amount
 * under 2029 read as a 2029 figure).
 */
export function tekortRow(
  eindjaar: EditionYear,
  namen: readonly string[],
  years: readonly EditionYear[],
): { readonly label: string; readonly jaar: EditionYear } {
  const vanaf = eindjaar + 1;
  const wie = namen.join(', ');
  return years.includes(vanaf)
    ? {
        label: `Structureel tekort per jaar vanaf ${vanaf} (${wie}): de structurele lasten van ${eindjaar}`,
        jaar: vanaf,
      }
    : {
        label: `Structureel tekort per jaar na ${eindjaar} (${wie}), gelijk aan de structurele lasten van ${eindjaar}:`,
        jaar: eindjaar,
      };
}

/** The widths (Excel units) of a year column and of the Totaal column. */
const YEAR_WIDTH = 15;
const TOTAL_WIDTH = 17;

/**
 * The height (pt) of a summary row: Calibri 11 in 13.5 pt, 18 px at 96 dpi (Excel's default 15 pt, 20
 * px, has 2 px more air; the line itself is about 13.4 pt). With it and SUMMARY_GAP_PT the summary fits
 * its page at 7 pt type (#18: at 15 pt Zwolle's "Let op" and signals spilled onto a nearly empty second
 * page); the type size is not touched. Whole pixels, so Excel shows what it prints.
 */
export const SUMMARY_ROW_PT = 13.5;
/** A blank row between two sections of the summary (pt, 8 px): a visible break, not a whole row. */
export const SUMMARY_GAP_PT = 6;
/** A4 (pt). */
const A4 = { long: 841.89, short: 595.28 } as const;

/**
 * The height (pt, unscaled) a printed Samenvatting page holds: the landscape page's height between the
 * margins divided by the scale that fits the printed columns (A..Totaal) to the page's width, as
 * Excel computes it (a column `w` wide is w × 7 + 5 px at 96 dpi; the scale in whole percents, rounded
 * down). LibreOffice's is a little larger (measured with Carlito: 66 %, about 780 pt).
 */
export function summaryPageHeight(years: number): number {
  const px = (w: number) => Math.trunc(w * PX_PER_WIDTH_UNIT + 5);
  const { A, B, C, D } = MUTATIE_WIDTHS;
  const widthPt = ([A, B, C, D, TOTAL_WIDTH].reduce((a, w) => a + px(w), 0) + years * px(YEAR_WIDTH)) * 0.75;
  const printable = A4.long - (PRINT_MARGINS.left + PRINT_MARGINS.right) * 72;
  const scale = Math.floor(Math.min(1, printable / widthPt) * 100) / 100;
  return (A4.short - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * 72) / scale;
}

/** The printed width of the Samenvatting (Excel units): A..D, the year columns and Totaal. */
export function summaryPrintedWidth(years: number): number {
  const { A, B, C, D } = MUTATIE_WIDTHS;
  return A + B + C + D + YEAR_WIDTH * years + TOTAL_WIDTH;
}

/**
 * "Let op": the warnings about the gemeente's own amounts (the domain's `gemeenteWaarschuwingen`:
 * the bodembedrag that the SPUK AZWA does not carry, the "vooralsnog" AZWA key, a region paid to a
 * body that is no gemeente), each wrapped to the printed width, a line per row; none in the national view.
 */
function waarschuwingSection(s: SheetBuilder, rows: RowCursor, ctx: PlanContext): void {
  const sc = ctx.scenario;
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const ws = gemeenteWaarschuwingen(sc.ledger, sc.report, code, sc.toets);
  if (ws.length === 0) return;
  s.value(`A${rows.take()}`, 'Let op', 'rowHeader');
  // One line per row across the printed width (a text in A runs on over the empty cells to its right
  // and was cut at the page edge: Schiermonnikoog's bodembedrag, review of session 10, F9).
  const width = summaryPrintedWidth(ctx.years.length);
  for (const w of ws)
    for (const line of wrapText(gemeenteWaarschuwingText(w), width, { bold: true }, 0.85))
      s.value(`A${rows.take()}`, line, 'warning');
}

/**
 * The edition's open posten whose years are on the axis (e.g. BRC and Sportakkoord 2027–2029 in
 * vws-2026-04; an edition that adds 2030 with the BFU as an open post shows it here): one row each,
 * "open post" in its years. Not SPUK money and not zero: never added to the baten above.
 */
function openPostSection(v: Summary, ctx: PlanContext): void {
  const { s, rows } = v;
  const posts = ctx.input.edition.openPosten.filter((p) =>
    ctx.years.some((y) => y >= p.vanJaar && y <= p.totEnMetJaar),
  );
  if (posts.length === 0) return;
  // One write: the heading row, then a row per open post ("open post" in its years).
  const top = rows.take(1 + posts.length);
  const blank = ctx.years.map(() => null);
  s.values(`A${top}`, [
    ['Open posten (geen bedrag per gemeente; niet in de baten opgeteld)', null, null, null, ...blank],
    ...posts.map((p) => [
      `  ${p.onderwerp}`,
      null,
      null,
      null,
      ...ctx.years.map((y) => (y >= p.vanJaar && y <= p.totEnMetJaar ? 'open post' : null)),
    ]),
  ]);
  // "open post" right-aligned in its year column, where the amounts above stand.
  s.format(rangeOf(top + 1, PERIOD_COL, posts.length, ctx.years.length), 'right');
}
