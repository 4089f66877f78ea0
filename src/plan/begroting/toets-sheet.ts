/**
 * The Begrotingstoets: every rule of the domain's `toetsBegroting` as live formulas next to the
 * inputs it needs (carry-over, money received in advance), each with its Dutch explanation and
 * amount; the number of active signals is the name `Begroting_Signalen` (fixed at TOETS_MASTER).
 * Sections, top down: heading, parameters, per line, plafond, inputs, lasten, onderdelen, rules;
 * then the signal count per check row, and the hidden lists of the Begroting table's validation.
 */
import type { RegioShares } from '../sheets-regioverdeling';
import type { BegrotingInvoer, BegrotingRegels, BegrotingToets, BeschikkingRegel } from '../../domain';
import { BEGROTING_REGELINGEN } from '../../domain';
import { signaalUitleg } from '../../messages/begroting.nl';
import { columnLetter } from '../a1';
import { RowCursor, SheetRange } from '../anchors';
import type { ChooserCells } from '../chooser';
import type { PlanContext } from '../context';
import { PERIOD_COL, SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import { COLORS } from '../styles';
import type { BeschikkingCells } from './beschikking-sheet';
import type { BegrotingTableCells } from './fixed-cells';
import { TOETS_MASTER } from './fixed-cells';
import type { BeschikkingKey } from './keys';
import type { ToetsInputs } from './toets-invoer';
import { invoerSection } from './toets-invoer';
import type { DekkingCells } from './toets-dekking';
import { dekkingSection } from './toets-dekking';
import type { LastenCells } from './toets-lasten';
import { lastenSection } from './toets-lasten';
import { onderdelenSection } from './toets-onderdelen';
import type { PerLineCells, PlafondCells, ToetsParameters } from './toets-plafond';
import { parametersSection, perLineSection, plafondSection } from './toets-plafond';
import type { RegelCells } from './toets-regels';
import { regelsSection } from './toets-regels';
import type { ToetsSection } from './toets-section';
import { tekstRules } from './toets-tabel';
import { TOETS_AMOUNT_WIDTH, TOETS_B_WIDTH, TOETS_C_WIDTH, TOETS_D_WIDTH } from './toets-section';

/** What the Begrotingstoets exposes (Samenvatting, the names, Overzicht). */
export interface ToetsCells extends ToetsInputs, LastenCells, RegelCells {
  /** The count of active signals (= TOETS_MASTER). */
  readonly master: SheetRange;
  /** The hidden lists of the Begroting table's validation: the regelingen, then the two aarden. */
  readonly lists: SheetRange;
  /** Per regeling × year (`BEGROTING_REGELINGEN` order): the plafond (Overzicht's cross-sheet check reads it). */
  readonly plafond: PlafondCells['plafond'];
  /** Per regeling × year: the plafond's source. */
  readonly plafondBron: PlafondCells['bron'];
  /** Per line: the plafond, which Overzicht shows as the gemeente's amount. */
  readonly perLine: Pick<PerLineCells, 'values' | 'bron' | 'nrs' | 'lineNrs'>;
  /** Per regeling: the baten per taakveld (never above what is received) and the lasten not covered. */
  readonly dekking: DekkingCells;
  /** The carry-over limits % (per onderdeel, of the total; input): the sheet Verantwoording refers to them. */
  readonly limieten: ToetsParameters['limieten'];
}

/** The hidden technical column (Z): the lists from row 2, the helper cells of the per-line section. */
const TECH_COL = 26;
const LISTS = SheetRange.at(SHEETS.toets, 2, TECH_COL, BEGROTING_REGELINGEN.length + 2);
const HELPER = SheetRange.at(SHEETS.toets, 12, TECH_COL, 2);

/**
 * Builds the Begrotingstoets for the plan's gemeente. `t` is the domain's toets of `invoer` (every
 * expected value), `regels` the edition's rule parameters and `table` the Begroting table on its
 * year axis; `keys` and `from.beschikking` are the Beschikking's grid; `chosenName` is "naam (code)"
 * of the gemeente on Overzicht.
 */
export function buildToets(
  ctx: PlanContext,
  toets: {
    readonly invoer: BegrotingInvoer;
    readonly beschikking: readonly BeschikkingRegel[];
    readonly t: BegrotingToets;
    readonly regels: BegrotingRegels;
    readonly table: BegrotingTableCells;
  },
  keys: readonly BeschikkingKey[],
  chosenName: string,
  from: {
    readonly chooser: ChooserCells;
    readonly allocatie: { readonly amounts: SheetRange; readonly lineNrs: SheetRange };
    readonly beschikking: BeschikkingCells;
    /** The sheet Regioverdeling's split of the gemeente's region (a mandaatgemeente's doorbetaling). */
    readonly regio?: RegioShares | undefined;
  },
): { s: SheetBuilder; cells: ToetsCells } {
  const s = new SheetBuilder(SHEETS.toets, 'controle');
  const perOnderdeel = ctx.scenario.plafonds.perOnderdeel;
  const v: ToetsSection = {
    ctx,
    s,
    rows: new RowCursor(1),
    t: toets.t,
    invoer: toets.invoer,
    regels: toets.regels,
    uitleg: signaalUitleg(toets.regels, toets.t.rol),
    table: toets.table,
    checks: [],
  };
  const master = frameSection(v, chosenName, from.chooser);
  const params = parametersSection(v);
  // The sheet's heading (Nr, Omschrijving, the years, Signalen) under the percentages, above the first
  // block of years: the percentages in column E have their own heading, and the year heading stood
  // above them ("2023" over 15, 20 and 10; #18). The percentages keep their cells (named inputs).
  const frame = headerRow(v, master);
  const perLine = perLineSection(v, keys, frame.years, { ...from, helper: HELPER, perOnderdeel });
  const plafond = plafondSection(v, perLine, from.beschikking);
  const inputs = invoerSection(v, keys, toets.invoer);
  const lasten = lastenSection(v, plafond, inputs, from.beschikking.vanMandaat, from.regio);
  const onderdelen = onderdelenSection(v, { perLine, inputs, params });
  const regels = regelsSection(v, { params, plafond, inputs, lasten, onderdelen });
  tekstRules(v, from.beschikking, {
    overheveling: [inputs.overheveling2023, inputs.overheveling2025, params.limieten],
    vooruit: inputs.vooruit,
  });
  const dekking = dekkingSection(v, lasten);
  countSection(v, frame);
  const lists = listsSection(s);
  const lastRow = v.rows.next - 1;
  // B and C narrower than their longest texts, which wrap (row heights from the plan), so the sheet
  // prints on the width of a landscape A4 at 7 pt or more (#18).
  s.width('A', 6).width('B', TOETS_B_WIDTH).width('C', TOETS_C_WIDTH).width('D', TOETS_D_WIDTH);
  for (let i = 0; i < ctx.years.length; i++) s.width(columnLetter(PERIOD_COL + i), TOETS_AMOUNT_WIDTH);
  const countCol = columnLetter(frame.counts.left);
  s.width(columnLetter(frame.counts.left - 2), TOETS_AMOUNT_WIDTH);
  s.width(columnLetter(frame.counts.left - 1), TOETS_AMOUNT_WIDTH);
  s.width(countCol, 10);
  s.wrapLongTexts('B', TOETS_B_WIDTH).wrapLongTexts('C', TOETS_C_WIDTH);
  s.freezeAt(frame.years.top, 2);
  s.printAs('landscape', true).printLayout({
    area: `A1:${countCol}${lastRow}`,
    titleRows: `${frame.years.top}:${frame.years.top}`,
  });
  const { vooruit, overheveling2023, overhevelingKeys, overheveling2025 } = inputs;
  return {
    s,
    cells: {
      master: frame.master,
      lists,
      overheveling2023,
      overhevelingKeys,
      overheveling2025,
      vooruit,
      ...lasten,
      ...regels,
      plafond: plafond.plafond,
      plafondBron: plafond.bron,
      dekking,
      limieten: params.limieten,
      perLine: { values: perLine.values, bron: perLine.bron, nrs: perLine.nrs, lineNrs: perLine.lineNrs },
    },
  };
}

interface Frame {
  readonly master: SheetRange;
  /** From E on the header row: the years (E..K for 2023–2029). */
  readonly years: SheetRange;
  /** The header cell of the signal count per check row (three columns right of the years: N for 2023–2029). */
  readonly counts: SheetRange;
}

/** Title, gemeente and the count of signals (fixed at TOETS_MASTER), then two empty rows. */
function frameSection(v: ToetsSection, chosenName: string, chooser: ChooserCells): SheetRange {
  const { s, rows } = v;
  s.value(`A${rows.take()}`, 'Begrotingstoets: de begroting tegen het plafond en de regels', 'title');
  s.formula(
    `A${rows.take()}`,
    `"Gemeente: "&${chooser.name.abs()}&". Plafond = de beschikking (blad ${SHEETS.beschikking}), anders het bedrag van de editie op Overzicht."`,
    () =>
      `Gemeente: ${chosenName}. Plafond = de beschikking (blad ${SHEETS.beschikking}), anders het bedrag van de editie op Overzicht.`,
    'subtitle',
  );
  const masterRow = rows.take();
  const master = SheetRange.at(SHEETS.toets, masterRow, 3);
  if (master.abs() !== TOETS_MASTER.abs())
    throw new Error('The Begrotingstoets count must stay at TOETS_MASTER');
  // The label in B (A is the narrow Nr column: it printed "Signal").
  s.value(`B${masterRow}`, 'Signalen: aantal actieve signalen', 'rowHeader');
  // Two empty rows: the first rows of the sheet keep their places (the rules' percentages in E7:E9,
  // the named inputs Invoer_Overheveling_Limiet among them) now that the heading is below them.
  rows.skip(2);
  return master;
}

/** The sheet's heading row: Nr, Omschrijving, the years (which the per-line formulas read), Signalen. */
function headerRow(v: ToetsSection, master: SheetRange): Frame {
  const { s, rows } = v;
  const header = rows.take();
  const headings = ['Nr', 'Omschrijving', '', '', ...v.ctx.years, '', '', 'Signalen'];
  s.values(`A${header}`, [headings], 'header');
  return {
    master,
    years: SheetRange.at(SHEETS.toets, header, PERIOD_COL, 1, v.ctx.years.length),
    counts: SheetRange.at(SHEETS.toets, header, headings.length),
  };
}

/**
 * Per check row, the number of active signals (the counts column); the master is their sum: every non-zero
 * check cell is one signal, as in the domain's list.
 */
function countSection(v: ToetsSection, frame: Frame): void {
  const { s, t } = v;
  const N = columnLetter(frame.counts.left);
  for (const { range, value } of v.checks) {
    const L = columnLetter(range.left);
    const R = columnLetter(range.right);
    const width = range.right - range.left + 1;
    s.formula(
      `${N}${range.top}:${N}${range.bottom}`,
      `COUNTIF(${L}${range.top}:${R}${range.top},"<>0")`,
      (r) => Array.from({ length: width }, (_, c) => value(r, c)).filter((x) => x !== 0).length,
      'signalCount',
    );
  }
  const master = frame.master.local();
  s.formula(
    master.address(),
    `SUM(${N}${frame.counts.top + 1}:${N}${v.rows.next})`,
    () => t.signalen.length,
    // "geen" at zero, as the Samenvatting's count (#18: no "(0 = geen)" on the raad's page).
    'warningCount',
  );
  // In the first year column (D is a 2-character spacer: "LET OP" printed as "T OP").
  const status = master.cell(0, 2);
  s.formula(
    status.address(),
    `IF(${master.rel()}=0,"OK","LET OP")`,
    () => (t.signalen.length === 0 ? 'OK' : 'LET OP'),
    'check',
  );
  s.conditional({
    range: status.address(),
    formula: `${status.rel()}="OK"`,
    fill: COLORS.structureelFill,
    fontColor: COLORS.structureelText,
    bold: true,
    priority: 1,
  });
  s.conditional({
    range: status.address(),
    formula: `${status.rel()}<>"OK"`,
    fill: COLORS.incidenteelFill,
    fontColor: COLORS.incidenteelText,
    bold: true,
    priority: 2,
  });
}

/** Lists for the Begroting table's validation (a hidden technical column). */
function listsSection(s: SheetBuilder): SheetRange {
  const listItems = [...BEGROTING_REGELINGEN, 'structureel', 'incidenteel'];
  const col = columnLetter(TECH_COL);
  s.value(`${col}1`, 'Keuzelijsten', 'note');
  s.values(
    `${col}${LISTS.top}`,
    listItems.map((x) => [x]),
  );
  s.hiddenColumn(col, 22);
  return LISTS;
}
