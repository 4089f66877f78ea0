/**
 * The controller's begroting: four sheets on top of the edition's amounts.
 * - Begroting (the user's): an Excel table `Begroting` of activities with lasten per year. Created
 *   once; afterwards the add-in rewrites only its heading rows (SheetPlan.userOwned), so rows the
 *   user adds, deletes or sorts survive every refresh.
 * - Beschikking (input): the gemeente's beschikking per regeling (and per Brede SPUK onderdeel) and
 *   year; an empty cell means "the edition's amount". Kept on refresh (keyed input name).
 * - Begrotingstoets: every rule of the domain's `toetsBegroting` as live formulas next to the inputs
 *   it needs (carry-over, money received in advance), each with its Dutch explanation and amount;
 *   the number of active signals is the name `Begroting_Signalen`.
 * - Samenvatting: one A4 for the aanvraag and the raad (baten with source, lasten, saldo; the BBV
 *   overview of incidental baten and lasten per taakveld; structural lasten against the afloop).
 * Every number is the domain's (expected values), proven equal by the formula-truth test.
 */
import type {
  BegrotingInvoer,
  BegrotingRegel,
  BegrotingRegeling,
  BegrotingToets,
  BeschikkingRegel,
  CbsCode,
  EditionYear,
  Euro,
} from '../domain';
import {
  BEGROTING_CAPACITEIT,
  BEGROTING_KOLOMMEN,
  BEGROTING_REGELINGEN,
  BREDE_SPUK_ONDERDELEN,
  OVERHEVELING_2023_PCT,
  OVERHEVELING_2025_PCT,
  SCHUIFRUIMTE_PCT,
  defaultTaakveld,
  EDITION_YEARS,
  editionAmount,
  editionLabel,
  euro,
  regelingLabel,
  plafonds,
  legeBegroting,
  regelingLines,
  TAAKVELDEN,
  toetsBegroting,
} from '../domain';
import { SIGNAAL_UITLEG } from '../messages/begroting.nl';
import { formatDate } from '../messages/nl';
import { columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import type { PlanContext } from './context';
import { PERIOD_COL, SHEETS, YEAR_COUNT } from './layout';
import { SheetBuilder } from './sheet-builder';
import type { ChooserCells } from './sheets-overzicht';
import { COLORS } from './styles';
import type { CellValue } from './types';

const years = EDITION_YEARS;
/** The Begrotingstoets's count of active signals (fixed: Overzicht, built earlier, shows it). */
export const TOETS_MASTER = SheetRange.at(SHEETS.toets, 3, 3);
const yearsRange = (row: number, rows = 1): string => rangeOf(row, PERIOD_COL, rows, YEAR_COUNT);
const LAST_YEAR_COL = columnLetter(PERIOD_COL + YEAR_COUNT - 1);

/** The table's columns (issue 9 §1): the domain's; the years are G..M. */
const BEGROTING_COLUMNS = BEGROTING_KOLOMMEN;
const TABLE_HEADER_ROW = 6;
const TABLE_FIRST = TABLE_HEADER_ROW + 1;
const TABLE_LAST = TABLE_FIRST + BEGROTING_CAPACITEIT - 1;
const FIRST_YEAR_COL = 7; // G
const TABLE_RIGHT = BEGROTING_COLUMNS.length; // O
/** The heading rows the add-in rewrites on the user's sheet. */
const BEGROTING_ADDIN_RANGE = `A1:${columnLetter(TABLE_RIGHT)}4`;

/** A column of the Begroting table over its checked capacity, absolute, e.g. `Begroting!$A$7:$A$506`. */
function tableColumn(col: number): string {
  return SheetRange.at(SHEETS.begroting, TABLE_FIRST, col, BEGROTING_CAPACITEIT).abs();
}
/** The year column of the table, row-absolute and column-relative (fills along E..K of another sheet). */
function tableYears(): string {
  return SheetRange.at(SHEETS.begroting, TABLE_FIRST, FIRST_YEAR_COL, BEGROTING_CAPACITEIT).fixRow();
}

/** Keys of the beschikking grid: the Brede SPUK total, its onderdelen, then one line per other regeling. */
interface BeschikkingKey {
  readonly key: string;
  readonly regeling: BegrotingRegeling;
  /** Edition line for the plafond per line; undefined for the Brede SPUK total. */
  readonly nr: number | undefined;
  readonly omschrijving: string;
}

function beschikkingKeys(ctx: PlanContext): BeschikkingKey[] {
  const naam = (nr: number): string => ctx.lines.find((l) => l.nr === nr)?.naam ?? `Onderdeel ${nr}`;
  const single = (regeling: BegrotingRegeling, key: string): BeschikkingKey[] => {
    const line = regelingLines(ctx.lines, regeling)[0];
    return [{ key, regeling, nr: line?.nr ?? undefined, omschrijving: `${regeling} (totaal)` }];
  };
  return [
    { key: 'BS', regeling: 'Brede SPUK', nr: undefined, omschrijving: 'Brede SPUK (totaal)' },
    ...BREDE_SPUK_ONDERDELEN.map((nr) => ({
      key: `BS${String(nr).padStart(2, '0')}`,
      regeling: 'Brede SPUK' as const,
      nr,
      omschrijving: `${nr}. ${naam(nr)}`,
    })),
    ...single('SPUK IZA', 'IZA'),
    ...single('SPUK AZWA lokaal', 'AZWA-L'),
    ...single('SPUK AZWA regionaal', 'AZWA-R'),
  ];
}

/** The years in which a regeling has money (Brede SPUK and SPUK IZA to 2026, SPUK AZWA from 2027). */
function regelingYears(ctx: PlanContext, regeling: BegrotingRegeling): readonly EditionYear[] {
  const lines = regelingLines(ctx.lines, regeling);
  return years.filter((y) =>
    lines.some((l) => ctx.input.edition.rule(l.regeling.id, y) !== undefined && y <= l.regeling.eindjaar),
  );
}

/** Starter rows of a new Begroting table: one per Brede SPUK onderdeel and per other regeling the gemeente has. */
function starterRows(ctx: PlanContext): BegrotingRegel[] {
  const rows: BegrotingRegel[] = [];
  const zero = years.map(() => euro(0));
  const add = (regeling: BegrotingRegeling, onderdeel: number | undefined, activiteit: string) =>
    rows.push({
      rij: TABLE_FIRST + rows.length,
      regeling,
      onderdeel,
      activiteit,
      taakveld: defaultTaakveld(regeling, onderdeel),
      uitvoerder: '',
      aard: 'incidenteel',
      lasten: zero,
      andereDekking: '',
      opmerking: '',
    });
  for (const nr of BREDE_SPUK_ONDERDELEN) {
    const line = ctx.lines.find((l) => l.nr === nr);
    if (line) add('Brede SPUK', nr, line.naam);
  }
  // The same starter rows for every gemeente (one workbook per gemeente shares the sheet): regional
  // money only counts on the mandaatgemeente's begroting, which the row says.
  for (const regeling of ['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const) {
    const line = regelingLines(ctx.lines, regeling)[0];
    if (!line) continue;
    add(
      regeling,
      undefined,
      line.ontvanger === 'mandaatgemeente' ? `${line.naam} (alleen als mandaatgemeente)` : line.naam,
    );
  }
  return rows;
}

export interface BegrotingCells {
  readonly signalen: SheetRange;
  readonly beschikkingGemeente: SheetRange;
  readonly beschikkingGrid: SheetRange;
  readonly beschikkingKeys: SheetRange;
  readonly overheveling2023: SheetRange;
  readonly overhevelingKeys: SheetRange;
  readonly overheveling2025: SheetRange;
  readonly vooruit: SheetRange;
  readonly lists: SheetRange;
  /** Per line: the plafond (beschikking where entered, else the edition) with its line numbers. */
  readonly perLine: { readonly values: SheetRange; readonly nrs: SheetRange };
}

export interface BegrotingSheets {
  readonly begroting: SheetBuilder;
  readonly toets: SheetBuilder;
  readonly beschikking: SheetBuilder;
  readonly samenvatting: SheetBuilder;
  readonly cells: BegrotingCells;
  readonly toetsResult: BegrotingToets;
}

/**
 * Builds the four begroting sheets for the plan's gemeente (national view: the sums Overzicht shows).
 * `begroting` fills the table when the sheet is created (default: starter rows without amounts);
 * `beschikking` fills the Beschikking grid (default: empty, the edition's amounts apply).
 */
/** The begroting a plan shows: the given one, or the starter rows without amounts. */
export function planBegroting(ctx: PlanContext, begroting: BegrotingInvoer | undefined): BegrotingInvoer {
  return begroting ?? { ...legeBegroting(), regels: starterRows(ctx) };
}

export function buildBegroting(
  ctx: PlanContext,
  options: {
    readonly begroting?: BegrotingInvoer | undefined;
    readonly beschikking?: readonly BeschikkingRegel[] | undefined;
  },
  from: {
    readonly chooser: ChooserCells;
    /** Overzicht's amounts per line (rows) × year (E..K), following the chosen gemeente, and their line numbers. */
    /** Allocatie's amounts per gemeente (rows) and its line numbers of the first year (its columns repeat per year). */
    readonly allocatie: { readonly amounts: SheetRange; readonly lineNrs: SheetRange };
    /** The list of CBS codes (and NL) for the beschikking's gemeente. */
    readonly codes: SheetRange;
  },
): BegrotingSheets {
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const invoer = planBegroting(ctx, options.begroting);
  const beschikking = options.beschikking ?? [];
  const t = toetsBegroting(ctx.ledger, code, invoer, beschikking);
  const gemeenteText =
    code === undefined ? 'Nederland (som van de gemeenten)' : `${ctx.gemeenten[ctx.chosen ?? 0]?.naam ?? ''}`;
  const chosenName = `${gemeenteText} (${code ?? 'NL'})`;

  const keys = beschikkingKeys(ctx);
  const besch = buildBeschikking(ctx, keys, beschikking, code, chosenName, from.chooser, from.codes);
  const toets = buildToets(ctx, keys, invoer, beschikking, t, besch.grid, from, besch.applies, chosenName);
  const begroting = buildBegrotingTable(invoer, t, toets.lists, toets.master);
  const samenvatting = buildSamenvatting(ctx, invoer, t, toets, chosenName, from.chooser);
  return {
    begroting,
    toets: toets.s,
    beschikking: besch.s,
    samenvatting,
    toetsResult: t,
    cells: {
      signalen: toets.master,
      beschikkingGemeente: besch.gemeente,
      beschikkingGrid: besch.grid,
      beschikkingKeys: besch.keyCol,
      overheveling2023: toets.overheveling2023,
      overhevelingKeys: toets.overhevelingKeys,
      overheveling2025: toets.overheveling2025,
      vooruit: toets.vooruit,
      lists: toets.lists,
      perLine: toets.perLine,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Beschikking

function buildBeschikking(
  ctx: PlanContext,
  keys: readonly BeschikkingKey[],
  beschikking: readonly BeschikkingRegel[],
  code: CbsCode | undefined,
  chosenName: string,
  chooser: ChooserCells,
  codes: SheetRange,
): { s: SheetBuilder; grid: SheetRange; keyCol: SheetRange; gemeente: SheetRange; applies: SheetRange } {
  const s = new SheetBuilder(SHEETS.beschikking, 'invoer');
  s.value('A1', 'Beschikking: de bedragen uit de beschikking van de gemeente (invoer)', 'title');
  s.value(
    'A2',
    "Vul in hele euro's in wat de beschikking toekent. Een lege cel betekent: het bedrag van de editie. Het totaal van de Brede SPUK gaat vóór de som van de onderdelen; vanaf 2025 is één totaal per regeling genoeg (ontschotting).",
    'subtitle',
  );
  s.values('A4', [['Gemeente van deze beschikking']], 'rowHeader');
  const gemeente = SheetRange.at(SHEETS.beschikking, 4, 3);
  s.value(gemeente.address(), code ?? 'NL', 'input');
  s.validation({
    range: gemeente.address(),
    type: 'list',
    source: codes.abs(),
    prompt: 'De CBS-code van de gemeente van deze beschikking (bijvoorbeeld GM0034).',
    error: 'Kies een CBS-code uit de lijst.',
  });
  // Whether the beschikking is the gemeente's on Overzicht (1 = ja): only then does it count.
  const applies = SheetRange.at(SHEETS.beschikking, 5, 3);
  s.value('A5', 'Geldt voor Overzicht (1 = ja)', 'rowHeader');
  s.formula(
    applies.address(),
    `1*ISNUMBER(SEARCH("("&TRIM(${gemeente.local().abs()})&")",${chooser.name.abs()}))`,
    () => 1,
    'integer',
  );
  s.formula(
    'D4',
    `IF(${applies.local().abs()}=1,"hoort bij Overzicht","LET OP: andere gemeente op Overzicht")`,
    () => 'hoort bij Overzicht',
    'note',
  );
  const header = 6;
  s.values(`A${header}`, [['Sleutel', 'Regeling', 'Onderdeel', '', ...years.map(String)]], 'header');
  const first = header + 1;
  const grid = SheetRange.at(SHEETS.beschikking, first, PERIOD_COL, keys.length, YEAR_COUNT);
  const keyCol = SheetRange.at(SHEETS.beschikking, first, 1, keys.length);
  s.values(
    `A${first}`,
    keys.map((k) => [k.key, k.regeling, k.omschrijving]),
  );
  const value = (k: BeschikkingKey, jaar: EditionYear): CellValue => {
    const hit = beschikking.find(
      (b) =>
        b.regeling === k.regeling &&
        b.jaar === jaar &&
        (k.nr === undefined || k.regeling !== 'Brede SPUK'
          ? b.onderdeel === undefined
          : b.onderdeel === k.nr),
    );
    return hit === undefined ? null : hit.bedrag;
  };
  s.values(
    grid.address().split(':')[0] ?? '',
    keys.map((k) => years.map((y) => value(k, y))),
    'inputEuro',
  );
  // Years without a regeling are greyed (the cell stays editable: a beschikking may say otherwise).
  // One format per run of inactive years in a row (not one per cell).
  keys.forEach((k, i) => {
    const active = regelingYears(ctx, k.regeling);
    let start = -1;
    years.forEach((y, c) => {
      const inactive = !active.includes(y);
      if (inactive && start < 0) start = c;
      if ((!inactive || c === years.length - 1) && start >= 0) {
        const end = inactive ? c : c - 1;
        s.format(rangeOf(grid.top + i, PERIOD_COL + start, 1, end - start + 1), 'note');
        start = -1;
      }
    });
  });
  s.validation({
    range: grid.address(),
    type: 'whole',
    min: 0,
    prompt: "Bedrag uit de beschikking in hele euro's (leeg = bedrag van de editie).",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  const note = first + keys.length + 1;
  s.value(
    `A${note}`,
    `Regionaal geld (SPUK IZA, SPUK AZWA regionaal) staat alleen op de beschikking van de mandaatgemeente. Gemaakt voor ${chosenName}.`,
    'note',
  );
  s.width('A', 10).width('B', 22).width('C', 58).width('D', 2);
  for (let i = 0; i < YEAR_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 14);
  s.freezeAt(header, 3);
  s.printAs('landscape', true).printLayout({ titleRows: `${header}:${header}`, fitToHeight: 1 });
  return { s, grid, keyCol, gemeente, applies };
}

// ---------------------------------------------------------------------------------------------
// Begrotingstoets

interface ToetsParts {
  readonly s: SheetBuilder;
  readonly master: SheetRange;
  readonly lists: SheetRange;
  readonly overheveling2023: SheetRange;
  readonly overhevelingKeys: SheetRange;
  readonly overheveling2025: SheetRange;
  readonly vooruit: SheetRange;
  /** Per regeling (BEGROTING_REGELINGEN order) × year. */
  readonly plafondNa: SheetRange;
  readonly plafondBron: SheetRange;
  readonly lasten: SheetRange;
  readonly structureel: SheetRange;
  readonly gat2026: SheetRange;
  readonly gat2029: SheetRange;
  /** Per line (its nr in column A): the plafond, which Overzicht shows as the gemeente's amount. */
  readonly perLine: { readonly values: SheetRange; readonly nrs: SheetRange };
}

function buildToets(
  ctx: PlanContext,
  keys: readonly BeschikkingKey[],
  invoer: BegrotingInvoer,
  beschikking: readonly BeschikkingRegel[],
  t: BegrotingToets,
  beschikkingGrid: SheetRange,
  from: {
    readonly chooser: ChooserCells;
    readonly allocatie: { readonly amounts: SheetRange; readonly lineNrs: SheetRange };
  },
  applies: SheetRange,
  chosenName: string,
): ToetsParts {
  const s = new SheetBuilder(SHEETS.toets, 'controle');
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const perOnderdeel = plafonds(ctx.ledger, code, beschikking).perOnderdeel;
  const rows = new RowCursor(1);
  // Every check range with the domain's value of each cell: one signal per non-zero cell.
  const checks: { range: SheetRange; value: (r: number, c: number) => number }[] = [];
  const check = (range: SheetRange, value: (r: number, c: number) => number): void => {
    checks.push({ range, value });
  };
  const regelingen = BEGROTING_REGELINGEN;
  const yi = (y: EditionYear) => years.indexOf(y);

  s.value(`A${rows.take()}`, 'Begrotingstoets: de begroting tegen het plafond en de regels', 'title');
  s.formula(
    `A${rows.take()}`,
    `"Gemeente: "&${from.chooser.name.abs()}&". Plafond = de beschikking (blad ${SHEETS.beschikking}), anders het bedrag van de editie op Overzicht."`,
    () =>
      `Gemeente: ${chosenName}. Plafond = de beschikking (blad ${SHEETS.beschikking}), anders het bedrag van de editie op Overzicht.`,
    'subtitle',
  );
  const masterRow = rows.take();
  const master = SheetRange.at(SHEETS.toets, masterRow, 3);
  if (master.abs() !== TOETS_MASTER.abs())
    throw new Error('The Begrotingstoets count must stay at TOETS_MASTER');
  s.values(`A${masterRow}`, [['Signalen', 'Aantal actieve signalen (0 = geen)']], 'rowHeader');
  rows.skip();
  const header = rows.take();
  s.values(`A${header}`, [['Nr', 'Omschrijving', '', '', ...years, '', '', 'Signalen']], 'header');

  // 0. The rules' parameters, with their sources (constants, not inputs).
  section(s, rows, 'Regels (percentages)');
  const paramRow = rows.take(3);
  s.values(`B${paramRow}`, [
    [
      'Tot en met 2024: schuiven tussen onderdelen van een hoofdthema, % van het plafond',
      'innofunding.nl, 28-10-2025',
    ],
    [
      'Overheveling 2023 naar 2024, hoogstens % van het budget 2023 per onderdeel',
      'begrotingsnotitie 2024 van een gemeente',
    ],
    ['Overheveling 2025 naar 2026, hoogstens % van het budget 2025', 'VWS-brief 12-09-2025, Bijlage 1'],
  ]);
  s.format(`C${paramRow}:C${paramRow + 2}`, 'note');
  s.values(`E${paramRow}`, [[SCHUIFRUIMTE_PCT], [OVERHEVELING_2023_PCT], [OVERHEVELING_2025_PCT]], 'integer');
  const pSchuif = `$E$${paramRow}`;
  const p23 = `$E$${paramRow + 1}`;
  const p25 = `$E$${paramRow + 2}`;
  rows.skip();

  // 1. Per line: the edition's amount for the gemeente on Overzicht (from Allocatie), then the plafond:
  // the beschikking where it is entered for that gemeente. Overzicht shows these amounts.
  section(s, rows, 'Volgens de editie, voor de gemeente op Overzicht');
  const lineKeys = keys.filter((k) => k.nr !== undefined);
  const editie = rows.take(lineKeys.length);
  const labels = lineKeys.map((k) => [k.nr ?? null, k.omschrijving.replace(/^\d+\. /, '')]);
  s.values(`A${editie}`, labels);
  const helper = SheetRange.at(SHEETS.toets, 12, 26, 2); // Z12:Z13, hidden with the lists
  s.value(`Z${helper.top - 1}`, 'Rij in Allocatie; regels per jaar', 'note');
  s.formula(
    helper.cell(0).address(),
    from.chooser.row.abs(),
    () => (ctx.chosen ?? ctx.gemeenten.length) + 1,
    'integer',
  );
  s.formula(
    helper.cell(1).address(),
    `COLUMNS(${from.allocatie.lineNrs.abs()})`,
    () => ctx.allocLines.length,
    'integer',
  );
  s.formula(
    yearsRange(editie, lineKeys.length),
    `INDEX(${from.allocatie.amounts.abs()},${helper.cell(0).local().abs()},(E$${header}-$E$${header})*${helper.cell(1).local().abs()}+MATCH($A${editie},${from.allocatie.lineNrs.abs()},0))`,
    (r, c) => {
      const nr = lineKeys[r]?.nr;
      return nr === undefined ? 0 : editionAmount(ctx.ledger, code, nr, years[c] as EditionYear).bedrag;
    },
    'euro',
  );
  rows.skip();
  section(s, rows, 'Plafond per onderdeel en regeling (beschikking, anders de editie)');
  const perLine = rows.take(lineKeys.length);
  s.values(`A${perLine}`, labels);
  const besRow = (key: string): number => beschikkingGrid.top + keys.findIndex((k) => k.key === key);
  const firstLineKey = lineKeys[0]?.key ?? 'BS01';
  // Beschikking rows of the line keys are consecutive (BS01..AZWA-R), as are these rows.
  const besRel = SheetRange.at(SHEETS.beschikking, besRow(firstLineKey), PERIOD_COL).rel();
  const perLineAmount = (k: BeschikkingKey | undefined, c: number): Euro => {
    if (k?.nr === undefined) return euro(0);
    if (k.regeling === 'Brede SPUK') return perOnderdeel(k.nr, years[c] as EditionYear);
    return t.plafond[k.regeling][c]?.bedrag ?? euro(0);
  };
  s.formula(
    yearsRange(perLine, lineKeys.length),
    `IF(AND(${applies.abs()}=1,ISNUMBER(${besRel})),${besRel},E${editie})`,
    (r, c) => perLineAmount(lineKeys[r], c),
    'euro',
  );

  // 2. Plafond per regeling with its source.
  rows.skip();
  section(s, rows, 'Plafond per regeling en de bron van het bedrag');
  const plafondRow = rows.take(regelingen.length);
  s.values(
    `B${plafondRow}`,
    regelingen.map((r) => [r]),
  );
  const lineRowOf = (key: string): number => perLine + lineKeys.findIndex((k) => k.key === key);
  const bsTotal = SheetRange.at(SHEETS.beschikking, besRow('BS'), PERIOD_COL).rel();
  s.formula(
    yearsRange(plafondRow),
    `IF(ISNUMBER(${bsTotal}),${bsTotal},SUM(E${lineRowOf('BS01')}:E${lineRowOf('BS15')}))`,
    (_r, c) => t.plafond['Brede SPUK'][c]?.bedrag ?? 0,
    'euro',
  );
  (['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).forEach((reg, i) => {
    const key = reg === 'SPUK IZA' ? 'IZA' : reg === 'SPUK AZWA lokaal' ? 'AZWA-L' : 'AZWA-R';
    // A regeling the edition does not have (the SPUK AZWA before vws-2026-04): only a beschikking.
    const bes = SheetRange.at(SHEETS.beschikking, besRow(key), PERIOD_COL).rel();
    s.formula(
      yearsRange(plafondRow + 1 + i),
      lineKeys.some((k) => k.key === key) ? `E${lineRowOf(key)}` : `IF(ISNUMBER(${bes}),${bes},0)`,
      (_r, c) => t.plafond[reg][c]?.bedrag ?? 0,
      'euro',
    );
  });
  // The edition's label of each regeling and year when a gemeente receives money (a constant, the same
  // for every gemeente), the label for the gemeente on Overzicht ('geen' without money), then the one shown.
  const constRow = rows.take(regelingen.length);
  s.values(
    `B${constRow}`,
    regelingen.map((r) => [`Bron van de editie als er geld is: ${r}`]),
    'note',
  );
  s.values(
    `E${constRow}`,
    regelingen.map((reg) => years.map((y) => regelingLabel(ctx.ledger, reg, y))),
    'note',
  );
  const labelRow = rows.take(regelingen.length);
  s.values(
    `B${labelRow}`,
    regelingen.map((r) => [`Bron volgens de editie: ${r}`]),
    'note',
  );
  s.formula(
    yearsRange(labelRow, regelingen.length),
    `IF(E${plafondRow}=0,"geen",E${constRow})`,
    (r, c) => {
      const reg = regelingen[r] as BegrotingRegeling;
      return editionLabel(ctx.ledger, reg, years[c] as EditionYear, t.plafond[reg][c]?.bedrag ?? euro(0));
    },
    'note',
  );
  const bronRow = rows.take(regelingen.length);
  s.values(
    `B${bronRow}`,
    regelingen.map((r) => [`Bron: ${r}`]),
  );
  const bs01 = SheetRange.at(SHEETS.beschikking, besRow('BS01'), PERIOD_COL, 15).fixRow();
  s.formula(
    yearsRange(bronRow),
    `IF(OR(ISNUMBER(${bsTotal}),COUNT(${bs01})=ROWS(${bs01})),"beschikking",E${labelRow})`,
    (_r, c) => t.plafond['Brede SPUK'][c]?.bron ?? 'geen',
    'text',
  );
  (['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).forEach((reg, i) => {
    const key = reg === 'SPUK IZA' ? 'IZA' : reg === 'SPUK AZWA lokaal' ? 'AZWA-L' : 'AZWA-R';
    const b = SheetRange.at(SHEETS.beschikking, besRow(key), PERIOD_COL).rel();
    s.formula(
      yearsRange(bronRow + 1 + i),
      `IF(ISNUMBER(${b}),"beschikking",E${labelRow + 1 + i})`,
      (_r, c) => t.plafond[reg][c]?.bron ?? 'geen',
      'text',
    );
  });

  // 3. Inputs: carry-over and money received in advance.
  rows.skip();
  section(s, rows, "Invoer: overheveling en vooruit ontvangen geld (hele euro's)");
  s.value(
    `B${rows.take()}`,
    'Overheveling Brede SPUK van 2023 naar 2024, per onderdeel (kolom 2023; hoogstens 20%)',
    'rowHeader',
  );
  const o23Row = rows.take(15);
  s.values(
    `A${o23Row}`,
    BREDE_SPUK_ONDERDELEN.map((nr) => [nr, keys.find((k) => k.nr === nr)?.omschrijving ?? String(nr)]),
  );
  const overheveling2023 = SheetRange.at(SHEETS.toets, o23Row, PERIOD_COL, 15);
  const overhevelingKeys = SheetRange.at(SHEETS.toets, o23Row, 1, 15);
  s.values(
    `E${o23Row}`,
    invoer.overheveling2023.map((v) => [v === 0 ? null : v]),
    'inputEuro',
  );
  const o25Row = rows.take();
  s.value(
    `B${o25Row}`,
    'Overheveling Brede SPUK van 2025 naar 2026 (kolom 2025; hoogstens 10%)',
    'rowHeader',
  );
  const overheveling2025 = SheetRange.at(SHEETS.toets, o25Row, PERIOD_COL + yi(2025));
  s.value(
    overheveling2025.address(),
    invoer.overheveling2025 === 0 ? null : invoer.overheveling2025,
    'inputEuro',
  );
  const vRow = rows.take();
  s.value(
    `B${vRow}`,
    'Vooruit ontvangen voor het volgende jaar (in het jaar van ontvangst; balans, geen baat)',
    'rowHeader',
  );
  const vooruit = SheetRange.at(SHEETS.toets, vRow, PERIOD_COL, 1, YEAR_COUNT);
  s.values(`E${vRow}`, [invoer.vooruitOntvangen.map((v) => (v === 0 ? null : v))], 'inputEuro');
  for (const r of [overheveling2023, overheveling2025, vooruit])
    s.validation({
      range: r.address(),
      type: 'whole',
      min: 0,
      prompt: "Bedrag in hele euro's.",
      error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
    });

  // 4. Plafond after carry-over, lasten, and the excess.
  rows.skip();
  section(s, rows, 'Plafond na overheveling, lasten volgens het blad Begroting, en wat erboven ligt');
  const naRow = rows.take(regelingen.length);
  s.values(
    `B${naRow}`,
    regelingen.map((r) => [`Plafond na overheveling: ${r}`]),
  );
  const o23Sum = `SUM(${overheveling2023.abs()})`;
  const o25 = overheveling2025.abs();
  const carryFormula: [string, string][] = [
    ['E', `E${plafondRow}-${o23Sum}`],
    ['F', `F${plafondRow}+${o23Sum}`],
    ['G', `G${plafondRow}-${o25}`],
    ['H', `H${plafondRow}+${o25}`],
  ];
  for (const [col, f] of carryFormula) {
    const c = col.charCodeAt(0) - 'E'.charCodeAt(0);
    s.formula(`${col}${naRow}`, f, () => t.plafondNaOverheveling['Brede SPUK'][c] ?? 0, 'euro');
  }
  s.formula(
    `I${naRow}:${LAST_YEAR_COL}${naRow}`,
    `I${plafondRow}`,
    (_r, c) => t.plafondNaOverheveling['Brede SPUK'][4 + c] ?? 0,
    'euro',
  );
  s.formula(
    yearsRange(naRow + 1, 3),
    `E${plafondRow + 1}`,
    (r, c) => t.plafondNaOverheveling[regelingen[r + 1] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const lastenRow = rows.take(regelingen.length);
  s.values(
    `A${lastenRow}`,
    regelingen.map((r) => [null, r]),
  );
  const regCol = tableColumn(1);
  const yearsCol = tableYears();
  s.formula(
    yearsRange(lastenRow, regelingen.length),
    `SUMIFS(${yearsCol},${regCol},$B${lastenRow})`,
    (r, c) => t.lasten[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const overRow = rows.take(regelingen.length);
  s.values(
    `B${overRow}`,
    regelingen.map((r) => [`Boven het plafond: ${r}`]),
    'warning',
  );
  s.formula(
    yearsRange(overRow, regelingen.length),
    `MAX(0,E${lastenRow}-E${naRow})`,
    (r, c) => t.overschrijding[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  check(
    SheetRange.at(SHEETS.toets, overRow, PERIOD_COL, regelingen.length, YEAR_COUNT),
    (r, c) => t.overschrijding[regelingen[r] as BegrotingRegeling][c] ?? 0,
  );
  s.value(`C${overRow}`, SIGNAAL_UITLEG.plafond, 'note');

  // 5. Until 2024: per onderdeel and per hoofdthema.
  rows.skip();
  section(s, rows, 'Tot en met 2024: per onderdeel (15% schuiven binnen het hoofdthema) en per hoofdthema');
  const oHeader = rows.take();
  s.values(
    `A${oHeader}`,
    [
      [
        'Nr',
        'Onderdeel',
        'Hoofdthema',
        '',
        'Plafond 2023',
        'Plafond 2024',
        'Na overheveling 2023',
        'Na overheveling 2024',
        'Lasten 2023',
        'Lasten 2024',
        'Boven 115% 2023',
        'Boven 115% 2024',
        'Overheveling boven 20%',
      ],
    ],
    'header',
  );
  const oRow = rows.take(15);
  const brede = regelingLines(ctx.lines, 'Brede SPUK');
  s.values(
    `A${oRow}`,
    BREDE_SPUK_ONDERDELEN.map((nr) => {
      const l = brede.find((x) => x.nr === nr);
      return [nr, l?.naam ?? String(nr), l?.hoofdthema ?? ''];
    }),
  );
  const o = t.onderdelen;
  s.formula(`E${oRow}:F${oRow + 14}`, `E${lineRowOf('BS01')}`, (r, c) => o.plafond[r]?.[c] ?? 0, 'euro');
  s.formula(
    `G${oRow}:G${oRow + 14}`,
    `E${oRow}-E${o23Row}`,
    (r) => o.plafondNaOverheveling[r]?.[0] ?? 0,
    'euro',
  );
  s.formula(
    `H${oRow}:H${oRow + 14}`,
    `F${oRow}+E${o23Row}`,
    (r) => o.plafondNaOverheveling[r]?.[1] ?? 0,
    'euro',
  );
  const ondCol = tableColumn(2);
  const y23 = SheetRange.at(SHEETS.begroting, TABLE_FIRST, FIRST_YEAR_COL, BEGROTING_CAPACITEIT).fixRow();
  s.formula(
    `I${oRow}:J${oRow + 14}`,
    `SUMIFS(${y23},${regCol},"Brede SPUK",${ondCol},$A${oRow})`,
    (r, c) => o.lasten[r]?.[c] ?? 0,
    'euro',
  );
  s.formula(
    `K${oRow}:L${oRow + 14}`,
    `MAX(0,I${oRow}-INT(MAX(0,G${oRow})*(100+${pSchuif})/100))`,
    (r, c) => o.overschrijding[r]?.[c] ?? 0,
    'euro',
  );
  s.formula(
    `M${oRow}:M${oRow + 14}`,
    `MAX(0,E${o23Row}-INT(E${oRow}*${p23}/100))`,
    (r) => t.overheveling2023Teveel[r] ?? 0,
    'euro',
  );
  check(SheetRange.at(SHEETS.toets, oRow, 11, 15, 3), (r, c) =>
    c < 2 ? (o.overschrijding[r]?.[c] ?? 0) : (t.overheveling2023Teveel[r] ?? 0),
  );
  const hRow = rows.take(t.hoofdthemas.length);
  s.values(
    `A${hRow}`,
    t.hoofdthemas.map((h) => [null, `Hoofdthema: ${h.naam}`, h.naam]),
    'rowHeader',
  );
  const hc = `$C$${oRow}:$C$${oRow + 14}`;
  s.formula(
    `K${hRow}:L${hRow + t.hoofdthemas.length - 1}`,
    `MAX(0,SUMIF(${hc},$C${hRow},I$${oRow}:I$${oRow + 14})-SUMIF(${hc},$C${hRow},G$${oRow}:G$${oRow + 14}))`,
    (r, c) => t.hoofdthemas[r]?.overschrijding[c] ?? 0,
    'euro',
  );
  check(
    SheetRange.at(SHEETS.toets, hRow, 11, t.hoofdthemas.length, 2),
    (r, c) => t.hoofdthemas[r]?.overschrijding[c] ?? 0,
  );
  s.value(
    `A${rows.take()}`,
    `${SIGNAAL_UITLEG.onderdeel} ${SIGNAAL_UITLEG.hoofdthema} ${SIGNAAL_UITLEG['overheveling-2023']}`,
    'note',
  );
  s.format(`K${oRow}:M${oRow + 14}`, 'euro');

  // 6. The other rules, per year.
  rows.skip();
  section(s, rows, 'Overige regels (bedrag per jaar; 0 = in orde)');
  const rule = (label: string, uitleg: string): number => {
    const r = rows.take();
    s.values(`A${r}`, [[null, label, uitleg]]);
    s.format(`C${r}`, 'note');
    return r;
  };
  const zoRow = rule('Brede SPUK zonder onderdeel (2023, 2024)', SIGNAAL_UITLEG['zonder-onderdeel']);
  s.formula(
    `E${zoRow}:F${zoRow}`,
    `E${lastenRow}-SUM(I$${oRow}:I$${oRow + 14})`,
    (_r, c) => t.zonderOnderdeel[c] ?? 0,
    'euro',
  );
  check(SheetRange.at(SHEETS.toets, zoRow, PERIOD_COL, 1, 2), (_r, c) => t.zonderOnderdeel[c] ?? 0);
  const o25Rule = rule('Overheveling 2025 naar 2026 boven het maximum', SIGNAAL_UITLEG['overheveling-2025']);
  const g = columnLetter(PERIOD_COL + yi(2025));
  s.formula(
    `${g}${o25Rule}`,
    `MAX(0,${o25}-INT(${g}${plafondRow}*${p25}/100))`,
    () => t.overheveling2025Teveel,
    'euro',
  );
  check(SheetRange.at(SHEETS.toets, o25Rule, PERIOD_COL + yi(2025)), () => t.overheveling2025Teveel);
  const aardCol = tableColumn(6);
  // Information rows the checks below use: all lasten, by aard, and structural lasten per regeling.
  const info = (label: string): number => {
    const r = rows.take();
    s.values(`A${r}`, [[null, label]]);
    return r;
  };
  const totRow = info('Alle lasten in de tabel');
  s.formula(yearsRange(totRow), `SUM(${yearsCol})`, (_r, c) => t.totaalLasten[c] ?? 0, 'euro');
  const incRow = info('waarvan incidenteel');
  s.formula(
    yearsRange(incRow),
    `SUMIFS(${yearsCol},${aardCol},"incidenteel")`,
    (_r, c) => t.incidenteel[c] ?? 0,
    'euro',
  );
  const perRegRow = rows.take(regelingen.length);
  s.values(
    `A${perRegRow}`,
    regelingen.map((r) => [null, r]),
  );
  s.values(
    `C${perRegRow}`,
    regelingen.map(() => ['structurele lasten']),
    'note',
  );
  s.formula(
    yearsRange(perRegRow, regelingen.length),
    `SUMIFS(${yearsCol},${regCol},$B${perRegRow},${aardCol},"structureel")`,
    (r, c) => t.structureelPerRegeling[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const strRow = rule('BBV: structurele lasten op geld met een einddatum', SIGNAAL_UITLEG['bbv-structureel']);
  s.formula(
    yearsRange(strRow),
    `SUMIFS(${yearsCol},${aardCol},"structureel")`,
    (_r, c) => t.structureel[c] ?? 0,
    'euro',
  );
  check(SheetRange.at(SHEETS.toets, strRow, PERIOD_COL, 1, YEAR_COUNT), (_r, c) => t.structureel[c] ?? 0);
  const aardRow = rule('Lasten zonder aard', SIGNAAL_UITLEG['aard-ontbreekt']);
  s.formula(yearsRange(aardRow), `E${totRow}-E${strRow}-E${incRow}`, (_r, c) => t.zonderAard[c] ?? 0, 'euro');
  check(SheetRange.at(SHEETS.toets, aardRow, PERIOD_COL, 1, YEAR_COUNT), (_r, c) => t.zonderAard[c] ?? 0);
  const regRow = rule(
    'Lasten zonder bekende regeling',
    'Kies de regeling uit de lijst (Brede SPUK, SPUK IZA, SPUK AZWA lokaal, SPUK AZWA regionaal).',
  );
  s.formula(yearsRange(regRow), `E${totRow}-SUM(E${lastenRow}:E${lastenRow + 3})`, () => 0, 'euro');
  check(SheetRange.at(SHEETS.toets, regRow, PERIOD_COL, 1, YEAR_COUNT), () => 0);
  const gatRow = rule('BBV: structureel tekort na 2026', SIGNAAL_UITLEG['bbv-gat-2026']);
  const h26 = columnLetter(PERIOD_COL + yi(2026));
  s.formula(`${h26}${gatRow}`, `${h26}${perRegRow}+${h26}${perRegRow + 1}`, () => t.gat2026, 'euro');
  const gat2026 = SheetRange.at(SHEETS.toets, gatRow, PERIOD_COL + yi(2026));
  check(gat2026, () => t.gat2026);
  const gat29Row = rule('BBV: structureel tekort na 2029', SIGNAAL_UITLEG['bbv-gat-2029']);
  s.formula(
    `${LAST_YEAR_COL}${gat29Row}`,
    `${LAST_YEAR_COL}${perRegRow + 2}+${LAST_YEAR_COL}${perRegRow + 3}`,
    () => t.gat2029,
    'euro',
  );
  const gat2029 = SheetRange.at(SHEETS.toets, gat29Row, PERIOD_COL + yi(2029));
  check(gat2029, () => t.gat2029);
  const vRule = rule(
    'Vooruit ontvangen boven het plafond van het volgende jaar',
    SIGNAAL_UITLEG['vooruit-ontvangen'],
  );
  s.formula(
    `E${vRule}:J${vRule}`,
    `MAX(0,E${vRow}-SUM(F${plafondRow}:F${plafondRow + 3}))`,
    (_r, c) => t.vooruitTeveel[c] ?? 0,
    'euro',
  );
  s.formula(
    `${LAST_YEAR_COL}${vRule}`,
    `MAX(0,${LAST_YEAR_COL}${vRow})`,
    () => t.vooruitTeveel[6] ?? 0,
    'euro',
  );
  check(SheetRange.at(SHEETS.toets, vRule, PERIOD_COL, 1, YEAR_COUNT), (_r, c) => t.vooruitTeveel[c] ?? 0);
  const bbRow = rule('Rijen buiten het getoetste bereik', SIGNAAL_UITLEG['buiten-bereik']);
  const beyond = SheetRange.at(SHEETS.begroting, TABLE_LAST + 1, 3, 2000).abs();
  s.formula(
    `E${bbRow}`,
    `COUNTA(${beyond})`,
    () => Math.max(0, invoer.regels.length - BEGROTING_CAPACITEIT),
    'integer',
  );
  check(SheetRange.at(SHEETS.toets, bbRow, PERIOD_COL), () =>
    Math.max(0, invoer.regels.length - BEGROTING_CAPACITEIT),
  );

  // Per check row, the number of active signals (column N); the master is their sum: every non-zero
  // check cell is one signal, as in the domain's list.
  const COUNT_COL = 14; // N
  const N = columnLetter(COUNT_COL);
  for (const { range, value } of checks) {
    const L = columnLetter(range.left);
    const R = columnLetter(range.right);
    const height = range.bottom - range.top + 1;
    const width = range.right - range.left + 1;
    s.formula(
      `${N}${range.top}:${N}${range.bottom}`,
      `COUNTIF(${L}${range.top}:${R}${range.top},"<>0")`,
      (r) => Array.from({ length: width }, (_, c) => value(r, c)).filter((v) => v !== 0).length,
      'warning',
    );
    void height;
  }
  s.formula(master.address(), `SUM(${N}${header + 1}:${N}${rows.next})`, () => t.signalen.length, 'check');
  const status = master.local().cell(0, 1);
  s.formula(
    status.address(),
    `IF(${master.local().rel()}=0,"OK","LET OP")`,
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

  // Lists for the Begroting table's validation (a hidden technical column).
  const listCol = 26; // Z
  const listItems = [...BEGROTING_REGELINGEN, 'structureel', 'incidenteel'];
  s.value(`${columnLetter(listCol)}1`, 'Keuzelijsten', 'note');
  s.values(
    `${columnLetter(listCol)}2`,
    listItems.map((x) => [x]),
  );
  const lists = SheetRange.at(SHEETS.toets, 2, listCol, listItems.length);
  s.hiddenColumn(columnLetter(listCol), 22);

  const lastRow = rows.next - 1;
  s.width('A', 6).width('B', 56).width('C', 30).width('D', 2);
  for (let i = 0; i < YEAR_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 14);
  s.width('L', 14).width('M', 14).width('N', 10);
  s.freezeAt(header, 2);
  s.printAs('landscape', true).printLayout({ area: `A1:N${lastRow}`, titleRows: `${header}:${header}` });
  return {
    s,
    master,
    lists,
    overheveling2023,
    overhevelingKeys,
    overheveling2025,
    vooruit,
    plafondNa: SheetRange.at(SHEETS.toets, naRow, PERIOD_COL, regelingen.length, YEAR_COUNT),
    plafondBron: SheetRange.at(SHEETS.toets, bronRow, PERIOD_COL, regelingen.length, YEAR_COUNT),
    lasten: SheetRange.at(SHEETS.toets, lastenRow, PERIOD_COL, regelingen.length, YEAR_COUNT),
    structureel: SheetRange.at(SHEETS.toets, strRow, PERIOD_COL, 1, YEAR_COUNT),
    gat2026,
    gat2029,
    perLine: {
      values: SheetRange.at(SHEETS.toets, perLine, PERIOD_COL, lineKeys.length, YEAR_COUNT),
      nrs: SheetRange.at(SHEETS.toets, perLine, 1, lineKeys.length),
    },
  };
}

function section(s: SheetBuilder, rows: RowCursor, title: string): void {
  s.value(`A${rows.take()}`, title, 'rowHeader');
}

// ---------------------------------------------------------------------------------------------
// Begroting (the user's table)

function buildBegrotingTable(
  invoer: BegrotingInvoer,
  t: BegrotingToets,
  lists: SheetRange,
  master: SheetRange,
): SheetBuilder {
  const s = new SheetBuilder(SHEETS.begroting, 'invoer');
  s.value('A1', 'Begroting: de activiteiten van de gemeente', 'title');
  s.value(
    'A2',
    `Eén rij per activiteit; lasten in hele euro's per jaar. Voeg rijen toe, verwijder of sorteer ze: de add-in laat de tabel staan. De toets staat op het blad ${SHEETS.toets} (de eerste ${BEGROTING_CAPACITEIT} rijen).`,
    'subtitle',
  );
  // The heading is the same for every gemeente (the gemeente is on the Begrotingstoets).
  s.formula(
    'A3',
    `"Signalen: "&${master.abs()}&IF(${master.abs()}=0," (geen)"," (zie blad ${SHEETS.toets})")`,
    () =>
      `Signalen: ${t.signalen.length}${t.signalen.length === 0 ? ' (geen)' : ` (zie blad ${SHEETS.toets})`}`,
    'rowHeader',
  );
  s.userOwned([BEGROTING_ADDIN_RANGE]);
  const regels = invoer.regels;
  const n = Math.max(1, regels.length);
  s.values(`A${TABLE_HEADER_ROW}`, [[...BEGROTING_COLUMNS]]);
  const body: CellValue[][] = regels.map((r) => [
    r.regeling,
    r.onderdeel ?? null,
    r.activiteit,
    r.taakveld,
    r.uitvoerder,
    r.aard ?? null,
    ...r.lasten.map((v) => (v === 0 ? null : v)),
    r.andereDekking,
    r.opmerking,
  ]);
  if (body.length === 0) body.push(BEGROTING_COLUMNS.map(() => null));
  s.values(`A${TABLE_FIRST}`, body);
  const tableRange = `A${TABLE_HEADER_ROW}:${columnLetter(TABLE_RIGHT)}${TABLE_FIRST + n - 1}`;
  s.table({ name: 'Begroting', range: tableRange, style: 'TableStyleMedium2' });
  // Formats and validations over the table's rows: Excel extends both to the rows the table grows
  // by, and the print stays the size of the begroting.
  const cap = (col: number) => SheetRange.at(SHEETS.begroting, TABLE_FIRST, col, n).address();
  s.format(cap(1), 'input').format(cap(2), 'input').format(cap(3), 'input');
  s.format(cap(4), 'inputText').format(cap(5), 'input').format(cap(6), 'input');
  s.format(rangeOf(TABLE_FIRST, FIRST_YEAR_COL, n, YEAR_COUNT), 'inputEuro');
  s.format(cap(TABLE_RIGHT - 1), 'input').format(cap(TABLE_RIGHT), 'input');
  const regList = lists.rows(0, BEGROTING_REGELINGEN.length).abs();
  const aardList = lists.rows(BEGROTING_REGELINGEN.length, 2).abs();
  s.validation({
    range: cap(1),
    type: 'list',
    source: regList,
    prompt: 'Kies de regeling.',
    error: 'Kies Brede SPUK, SPUK IZA, SPUK AZWA lokaal of SPUK AZWA regionaal.',
  });
  s.validation({
    range: cap(2),
    type: 'whole',
    min: 1,
    max: 15,
    prompt: 'Onderdeel 1–15 van de Brede SPUK (tot en met 2024 verplicht; leeg voor ontschot geld).',
    error: 'Vul een onderdeel van 1 tot en met 15 in, of laat de cel leeg.',
  });
  s.validation({
    range: cap(6),
    type: 'list',
    source: aardList,
    prompt: 'Structureel of incidenteel (BBV: geld van een regeling met een einddatum is incidenteel).',
    error: 'Kies structureel of incidenteel.',
  });
  s.validation({
    range: rangeOf(TABLE_FIRST, FIRST_YEAR_COL, n, YEAR_COUNT),
    type: 'whole',
    min: 0,
    prompt: "Lasten in hele euro's.",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  s.width('A', 20).width('B', 10).width('C', 40).width('D', 9).width('E', 16).width('F', 12);
  for (let i = 0; i < YEAR_COUNT; i++) s.width(columnLetter(FIRST_YEAR_COL + i), 12);
  s.width(columnLetter(TABLE_RIGHT - 1), 18).width(columnLetter(TABLE_RIGHT), 30);
  s.freezeAt(TABLE_HEADER_ROW, 3);
  s.printAs('landscape', true).printLayout({ titleRows: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}` });
  return s;
}

// ---------------------------------------------------------------------------------------------
// Samenvatting (A4 for the aanvraag and the raad)

function buildSamenvatting(
  ctx: PlanContext,
  invoer: BegrotingInvoer,
  t: BegrotingToets,
  toets: ToetsParts,
  chosenName: string,
  chooser: ChooserCells,
): SheetBuilder {
  const s = new SheetBuilder(SHEETS.samenvatting, 'presentatie');
  const m = ctx.input.edition.manifest;
  const rows = new RowCursor(1);
  const regelingen = BEGROTING_REGELINGEN;
  const TOTAL = columnLetter(PERIOD_COL + YEAR_COUNT);
  const sumYears = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  s.value(`A${rows.take()}`, 'Samenvatting SPUK-begroting voor de aanvraag en de raad', 'title');
  s.formula(
    `A${rows.take()}`,
    `"Gemeente: "&${chooser.name.abs()}`,
    () => `Gemeente: ${chosenName}`,
    'rowHeader',
  );
  s.value(
    `A${rows.take()}`,
    `Editie ${m.id} (${formatDate(m.datum)}). Hele euro's. Bron per bedrag: beschikking > gepubliceerd > afgeleid > geschat.`,
    'subtitle',
  );
  rows.skip();
  const header = rows.take();
  s.values(`A${header}`, [['Omschrijving', '', '', '', ...years.map(String), 'Totaal']], 'header');

  const line = (
    label: string,
    formula: string,
    values: readonly number[],
    style: 'euro' | 'euroTotal' = 'euro',
  ): number => {
    const r = rows.take();
    s.value(`A${r}`, label, style === 'euroTotal' ? 'rowHeader' : undefined);
    s.formula(yearsRange(r), formula, (_r, c) => values[c] ?? 0, style);
    s.formula(`${TOTAL}${r}`, `SUM(E${r}:${LAST_YEAR_COL}${r})`, () => sumYears(values), style);
    return r;
  };
  s.value(`A${rows.take()}`, 'Baten: het plafond (na overheveling)', 'rowHeader');
  const batenRows: number[] = [];
  regelingen.forEach((reg, i) => {
    const r = line(`  ${reg}`, toets.plafondNa.rows(i).cell(0, 0).fixRow(), t.plafondNaOverheveling[reg]);
    batenRows.push(r);
    const b = rows.take();
    s.value(`A${b}`, `  bron ${reg}`, 'note');
    s.formula(
      yearsRange(b),
      toets.plafondBron.rows(i).cell(0, 0).fixRow(),
      (_r, c) => t.plafond[reg][c]?.bron ?? 'geen',
      'note',
    );
  });
  const bt = line('Totaal baten', batenRows.map((r) => `E${r}`).join('+'), t.totaalBaten, 'euroTotal');
  rows.skip();
  s.value(`A${rows.take()}`, 'Lasten: de activiteiten op het blad Begroting', 'rowHeader');
  const lastenRows = regelingen.map((reg, i) =>
    line(`  ${reg}`, toets.lasten.rows(i).cell(0, 0).fixRow(), t.lasten[reg]),
  );
  const lt = line(
    'Totaal lasten',
    `SUM(E${lastenRows[0] ?? 0}:E${lastenRows[lastenRows.length - 1] ?? 0})`,
    t.totaalLasten,
    'euroTotal',
  );
  line('Saldo (baten − lasten; positief = niet besteed)', `E${bt}-E${lt}`, t.saldo, 'euroTotal');
  line(
    'Vooruit ontvangen voor het volgende jaar (balans, geen baat)',
    // 0+: an empty input counts as 0 (as Excel shows it).
    `0+${toets.vooruit.cell(0, 0).fixRow()}`,
    invoer.vooruitOntvangen,
  );
  rows.skip();

  // BBV art. 19/28: incidental baten and lasten per taakveld.
  s.value(
    `A${rows.take()}`,
    'Overzicht incidentele baten en lasten per taakveld (BBV art. 19 en 28)',
    'rowHeader',
  );
  s.value(
    `A${rows.take()}`,
    'Al het geld van deze regelingen is incidenteel (regeling met een einddatum); de baat staat op het taakveld van de lasten die ze dekt.',
    'note',
  );
  const taakveldCol = SheetRange.at(SHEETS.begroting, TABLE_FIRST, 4, BEGROTING_CAPACITEIT).abs();
  const aardCol = SheetRange.at(SHEETS.begroting, TABLE_FIRST, 6, BEGROTING_CAPACITEIT).abs();
  const yearsCol = tableYears();
  const labelOf = (code: string) =>
    code === 'overig'
      ? 'overige taakvelden'
      : `${code} ${TAAKVELDEN.find((x) => x.code === code)?.naam ?? ''}`;
  const taakveldBlock = (
    title: string,
    pick: 'baten' | 'incidenteleLasten',
    aard: string | undefined,
  ): void => {
    s.value(`A${rows.take()}`, title, 'rowHeader');
    const first = rows.next;
    for (const tv of t.perTaakveld) {
      const r = rows.take();
      s.value(`A${r}`, `  ${labelOf(tv.code)}`);
      s.value(`B${r}`, tv.code);
      s.format(`B${r}`, 'note');
      const crit = aard ? `,${aardCol},"${aard}"` : '';
      // "Overige": everything (of that aard) minus the named taakvelden above it.
      const f =
        tv.code === 'overig'
          ? `${aard ? `SUMIFS(${yearsCol}${crit})` : `SUM(${yearsCol})`}-SUM(E${first}:E${r - 1})`
          : `SUMIFS(${yearsCol},${taakveldCol},$B${r}${crit})`;
      s.formula(yearsRange(r), f, (_r, c) => tv[pick][c] ?? 0, 'euro');
      s.formula(`${TOTAL}${r}`, `SUM(E${r}:${LAST_YEAR_COL}${r})`, () => sumYears(tv[pick]), 'euro');
    }
  };
  taakveldBlock('Incidentele baten', 'baten', undefined);
  taakveldBlock('Incidentele lasten', 'incidenteleLasten', 'incidenteel');
  rows.skip();

  // Structural lasten against the afloop.
  s.value(`A${rows.take()}`, 'Structurele lasten en de afloop van de regelingen', 'rowHeader');
  s.value(
    `A${rows.take()}`,
    'Brede SPUK en SPUK IZA lopen tot en met 2026, de SPUK AZWA tot en met 2029. Structurele lasten hebben in deze regelingen geen structurele dekking (BBV).',
    'note',
  );
  line(
    'Structurele lasten (gedekt uit incidentele baten)',
    toets.structureel.cell(0, 0).fixRow(),
    t.structureel,
  );
  const gap = rows.take();
  s.value(`A${gap}`, 'Structureel tekort vanaf 2027 (Brede SPUK, SPUK IZA) en vanaf 2030 (SPUK AZWA)');
  s.formula(`H${gap}`, toets.gat2026.abs(), () => t.gat2026, 'euroTotal');
  s.formula(`K${gap}`, toets.gat2029.abs(), () => t.gat2029, 'euroTotal');
  rows.skip();
  const sig = rows.take();
  s.value(`A${sig}`, 'Signalen van de Begrotingstoets (0 = geen)', 'rowHeader');
  s.formula(`E${sig}`, toets.master.abs(), () => t.signalen.length, 'check');

  const lastRow = rows.next - 1;
  s.width('A', 52).width('B', 6).width('C', 1).width('D', 1);
  // Wide enough for national sums in the NL view (€ 448.048.898; over 7 years € 3.047.808.553).
  for (let i = 0; i < YEAR_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 15);
  s.width(TOTAL, 17);
  s.printAs('portrait', true).printLayout({
    area: `A1:${TOTAL}${lastRow}`,
    titleRows: `${header}:${header}`,
    fitToHeight: 1,
  });
  return s;
}
