/**
 * The sheet Beschikking (input): the gemeente's beschikking per regeling (and per Brede SPUK
 * onderdeel) and year; an empty cell means "the edition's amount". Kept on refresh (keyed input
 * name). Sections: the gemeente of the beschikking (and whether it is Overzicht's), the grid.
 */
import type {
  BegrotingInvoer,
  BeschikkingRegel,
  CbsCode,
  EditionYear,
  RegioRol,
  RegionalePost,
} from '../../domain';
import { geplandAandeel, REGIONALE_POSTEN, regionaleRegeling } from '../../domain';
import { columnLetter, rangeOf } from '../a1';
import { SheetRange } from '../anchors';
import type { ChooserCells } from '../chooser';
import type { RegioShares } from '../sheets-regioverdeling';
import type { PlanContext } from '../context';
import { PERIOD_COL, SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import { linesHeight, wrapText } from '../text-fit';
import type { CellValue } from '../types';
import type { BeschikkingKey } from './keys';
import { regelingYears } from './keys';
import { kenmerkDatum } from '../../messages/verantwoording.nl';

/** What Beschikking exposes. */
export interface BeschikkingCells {
  /** C4: the CBS code of the beschikking's gemeente (input). */
  readonly gemeente: SheetRange;
  /** C5: 1 when that gemeente is the one on Overzicht (only then does the beschikking count). */
  readonly applies: SheetRange;
  /** From E, one column per year of the edition: the amounts per key (rows) and year (input; empty = the edition's amount). */
  readonly grid: SheetRange;
  /** A: the keys of the grid's rows. */
  readonly keys: SheetRange;
  /** The grid row of one key (`BS`, `BS01`, `IZA`, …), its year columns. */
  row(key: string): SheetRange;
  /** A member gemeente: what the mandaatgemeente passes on (`mandaatSection`). */
  readonly vanMandaat: MandaatCells;
  /**
   * The amounts typed in a year in which the key's regeling has no money (the greyed cells; e.g. SPUK
   * AZWA in 2030, the BFU): the hidden cell counting them (Beschikking!$Z$3, absolute, for Controle's
   * check `beschikking-jaren`).
   */
  readonly buitenJaren: string;
  /** The beschikkingsnummer and -datum per regeling (input; `kenmerkSection`). */
  readonly kenmerk: KenmerkCells;
}

/** Per regeling (one row each, keyed by the regeling's grid key): its beschikkingsnummer and date. */
export interface KenmerkCells {
  /** A: the keys (`BS`, `IZA`, `AZWA-L`, `AZWA-R`). */
  readonly keys: SheetRange;
  /** C: the beschikkingsnummer (text input). */
  readonly nummer: SheetRange;
  /** E: the beschikkingsdatum (date input, an Excel serial shown dd-mm-yyyy). */
  readonly datum: SheetRange;
  /** F: the datum as text, dd-mm-jjjj ("nog niet ingevuld" when empty), for the Verantwoording's line. */
  readonly datumText: SheetRange;
  /** The row (0-based, in `keys`) of a regeling; -1 when the grid has none. */
  rowOf(regeling: string): number;
  /** The keys an earlier version wrote in column A (`BS15`), each with the key of its row now (`BS`): read back under the new key. */
  readonly oudeKeys: Readonly<Record<string, string>>;
}

/** What a member gemeente receives from its mandaatgemeente, per regional post (REGIONALE_POSTEN order) × year. */
export interface MandaatCells {
  /** The typed amounts (input; empty = the planned share). */
  readonly input: SheetRange;
  /** The posts' keys (column A): `MG-IZA`, `MG-AZWAR`. */
  readonly keys: SheetRange;
  /**
   * The planned share (the domain's `geplandAandeel`): for a member gemeente a live reference to its
   * amount on the sheet Regioverdeling (its region's split), elsewhere 0.
   */
  readonly gepland: SheetRange;
}

/** The keys of the rows "ontvangen van de mandaatgemeente", per regional post. */
export const MANDAAT_KEYS: Readonly<Record<RegionalePost, string>> = {
  'SPUK IZA': 'MG-IZA',
  'SPUK AZWA regionaal': 'MG-AZWAR',
};

/** Column C of the planned-share rows (a row per regional post): how tests and the bench find them. */
export const GEPLAND_LABEL = 'gepland aandeel (Regioverdeling, methode aandeel)';

/** The note above the regional block, per role (`RegioRol`, the scenario's): what regional money is here. */
const REGIONAAL_NOTE: Readonly<Record<RegioRol, string>> = {
  lid: 'Regionaal geld (SPUK IZA, SPUK AZWA regionaal) staat alleen op de beschikking van de mandaatgemeente; vul hieronder in wat de mandaatgemeente doorgeeft.',
  mandaatgemeente:
    'Regionaal geld (SPUK IZA, SPUK AZWA regionaal): deze gemeente is mandaatgemeente en ontvangt het hele regiobedrag (rijen hierboven); de verdeling over de ledengemeenten staat op het blad Regioverdeling.',
  geen: 'Regionaal geld (SPUK IZA, SPUK AZWA regionaal) staat alleen op de beschikking van een mandaatgemeente.',
};

const GEMEENTE_ROW = 4;
/** The hidden helper column (Z) of the check on amounts outside the regelingen's years. */
const HELPER_COL = 26;
const HEADER_ROW = 6;
/**
 * Column A's width (characters): the row keys (`BS01`, `AZWA-R`, `MG-AZWAR`), which the refresh and the
 * reader of a pasted grid match rows by, set grey (style `note`) as technical; 12 holds the longest,
 * "MG-AZWAR" (71 px in Calibri 11 of 84; at 10 it ran into column B on a member's print, #18).
 */
const KEY_WIDTH = 12;
/** Column C's width (characters): the onderdeel's name. */
const ONDERDEEL_WIDTH = 58;

/**
 * Builds Beschikking for the plan's gemeente (`code`; undefined = NL). `keys` are the grid's rows,
 * `beschikking` fills it, `codes` is the list of CBS codes (and NL) the gemeente is chosen from.
 */
export function buildBeschikking(
  ctx: PlanContext,
  keys: readonly BeschikkingKey[],
  beschikking: readonly BeschikkingRegel[],
  at: { readonly code: CbsCode | undefined; readonly chosenName: string },
  invoer: BegrotingInvoer,
  from: {
    readonly chooser: ChooserCells;
    readonly codes: SheetRange;
    readonly regio?: RegioShares | undefined;
  },
): { s: SheetBuilder; cells: BeschikkingCells } {
  const s = new SheetBuilder(SHEETS.beschikking, 'invoer');
  s.value('A1', 'Beschikking: de bedragen uit de beschikking van de gemeente (invoer)', 'title');
  s.value(
    'A2',
    "Vul in hele euro's in wat de beschikking toekent. Een lege cel betekent: het bedrag van de editie. Het totaal van de Brede SPUK gaat vóór de som van de onderdelen; vanaf 2025 is één totaal per regeling genoeg (ontschotting).",
    'subtitle',
  );
  const { gemeente, applies } = gemeenteSection(s, at.code, from);
  const { grid, keyCol } = gridSection(ctx, s, keys, beschikking);
  const rol = ctx.scenario.regioRol;
  s.value(`A${grid.bottom + 2}`, `${REGIONAAL_NOTE[rol]} Gemaakt voor ${at.chosenName}.`, 'note');
  const vanMandaat = mandaatSection(ctx, s, grid.bottom + 4, invoer, from.regio);
  // The member's input block only for a member (#18). For a mandaatgemeente (or a gemeente in no
  // region) its rows are hidden, not left out: the block is the input name Invoer_Van_Mandaatgemeente
  // (kept on refresh by key), which the Begrotingstoets, Controle and the Verantwoording refer to and
  // the batch's shared layouts name; a werkmap can be rebuilt for another gemeente in the pane, and a
  // removed range would leave that name behind on the rows below. So every cell keeps its place (the
  // kenmerk rows too) and an amount typed there earlier is not lost: the hidden rows count it as FOUT
  // (row 3 and Controle) until it is emptied.
  const hidden = rol === 'lid' ? undefined : { top: grid.bottom + 4, bottom: vanMandaat.gepland.bottom };
  // Its own rows only: an empty row hidden is not kept by every renderer (ExcelJS writes no empty row).
  if (hidden !== undefined) s.hideRows(hidden.top, hidden.bottom);
  // Regional money (SPUK IZA, SPUK AZWA regionaal: `regionaleRegeling`, edition data) is on the
  // beschikking of a mandaatgemeente only (#18): for any other gemeente its grid rows are hidden the
  // same way (kept, so Invoer_Beschikking and every reference to the grid stay where they are), and an
  // amount typed there counts as FOUT (row 3 and Controle): it is no plafond of this gemeente (the
  // domain's `plafonds` refuses it; a member receives its part from the mandaatgemeente, above).
  const regionaal =
    rol === 'mandaatgemeente'
      ? []
      : keys.flatMap((k, i) => (regionaleRegeling(ctx.lines, k.regeling) ? [i] : []));
  for (const i of regionaal) s.hideRows(grid.top + i, grid.top + i);
  const buitenJaren = buitenJarenSection(ctx, s, keys, grid, {
    regionaal,
    ...(hidden && { mandaat: { ...hidden, input: vanMandaat.input } }),
  });
  const kenmerk = kenmerkSection(s, vanMandaat.gepland.bottom + 2, keys, beschikking, (regeling) =>
    keys.some((k, i) => k.regeling === regeling && regionaal.includes(i)),
  );
  // The keys of the three tables (grid, ontvangen van de mandaatgemeente, nummer en datum) in grey.
  for (const k of [keyCol, vanMandaat.keys, kenmerk.keys]) s.format(k.address(), 'note');
  s.width('A', KEY_WIDTH).width('B', 22).width('C', ONDERDEEL_WIDTH).width('D', 2);
  for (let i = 0; i < ctx.years.length; i++) s.width(columnLetter(PERIOD_COL + i), 14);
  s.freezeAt(HEADER_ROW, 3);
  s.printAs('landscape', true).printLayout({ titleRows: `${HEADER_ROW}:${HEADER_ROW}`, fitToHeight: 1 });
  const row = (key: string): SheetRange => grid.rows(keys.findIndex((k) => k.key === key));
  return { s, cells: { gemeente, applies, grid, keys: keyCol, row, vanMandaat, buitenJaren, kenmerk } };
}

/**
 * Issue 16: a beschikking in a year in which its regeling has no money (the greyed cells: the years
 * are edition data, `regelingYears`; e.g. SPUK AZWA in 2030, whose money is the BFU, algemene
 * middelen) is refused: the CLI and the pane's readers say so in Dutch (`RegelingNotInYear`); typed
 * here, row 3 says FOUT with the regelingen's years and Controle counts it (check
 * `beschikking-jaren`), so the Modelcontrole is FOUT until the cell is empty. Returns the count's
 * expression (absolute references).
 */
function buitenJarenSection(
  ctx: PlanContext,
  s: SheetBuilder,
  keys: readonly BeschikkingKey[],
  grid: SheetRange,
  hiddenRows: {
    /** The grid rows (0-based, in `keys`) of regional money hidden for a gemeente that is no mandaatgemeente: every year counts. */
    readonly regionaal: readonly number[];
    /** The member's input block when its rows are hidden (not a member): an amount in it counts too. */
    readonly mandaat?: { readonly top: number; readonly bottom: number; readonly input: SheetRange };
  },
): string {
  const years = ctx.years;
  const hiddenMandaat = hiddenRows.mandaat;
  // Per key: the runs of years without money, as ranges; consecutive keys with the same runs share one.
  // A hidden regional row: all its years (one run), so no cell counts twice.
  const runsOf = (k: BeschikkingKey): [number, number][] => {
    if (hiddenRows.regionaal.includes(keys.indexOf(k))) return [[0, years.length - 1]];
    const active = regelingYears(ctx, k.regeling);
    const out: [number, number][] = [];
    years.forEach((y, c) => {
      if (active.includes(y)) return;
      const last = out[out.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else out.push([c, c]);
    });
    return out;
  };
  const terms: string[] = [];
  let i = 0;
  while (i < keys.length) {
    const runs = runsOf(keys[i] as BeschikkingKey);
    let j = i + 1;
    while (j < keys.length && JSON.stringify(runsOf(keys[j] as BeschikkingKey)) === JSON.stringify(runs)) j++;
    for (const [from, to] of runs)
      terms.push(
        `COUNT(${grid
          .rows(i, j - i)
          .cols(from, to - from + 1)
          .local()
          .abs()})`,
      );
    i = j;
  }
  if (hiddenMandaat !== undefined) terms.push(`COUNT(${hiddenMandaat.input.local().abs()})`);
  const count = terms.length === 0 ? '0' : terms.join('+');
  const spans = [...new Set(keys.map((k) => k.regeling))].map((r) => {
    const active = regelingYears(ctx, r);
    return `${r} ${active.length === 0 ? 'geen' : `${active[0] ?? ''}–${active[active.length - 1] ?? ''}`}`;
  });
  // Hidden helper cells (column Z): the count and the explanation; A3 shows the FOUT when the count > 0.
  const countCell = SheetRange.at(SHEETS.beschikking, 3, HELPER_COL);
  const textCell = SheetRange.at(SHEETS.beschikking, 3, HELPER_COL + 1);
  s.formula(countCell.address(), count, () => 0, 'integer');
  s.value(
    textCell.address(),
    ` bedrag(en) in een grijze cel: een jaar zonder geld van de regeling (${spans.join('; ')}). Maak die cellen leeg; geld daarbuiten is geen SPUK-geld (bijv. de BFU vanaf 2030: algemene middelen).${
      hiddenMandaat === undefined
        ? ''
        : ` Of in de verborgen rijen ${hiddenMandaat.top}–${hiddenMandaat.bottom} (ontvangen van de mandaatgemeente: alleen voor een ledengemeente): maak ze zichtbaar en leeg.`
    }${
      hiddenRows.regionaal.length === 0
        ? ''
        : ` Of in de verborgen ${hiddenRows.regionaal.length === 1 ? 'rij' : 'rijen'} ${joinNl(hiddenRows.regionaal.map((i) => String(grid.top + i)))} (${joinNl([...new Set(hiddenRows.regionaal.map((i) => keys[i]?.regeling ?? ''))])}: regionaal geld, alleen op de beschikking van de mandaatgemeente): maak ze zichtbaar en leeg.`
    }`,
  );
  s.hiddenColumn(columnLetter(HELPER_COL)).hiddenColumn(columnLetter(HELPER_COL + 1));
  const n = countCell.local().abs();
  s.formula('A3', `IF(${n}>0,"FOUT: "&${n}&${textCell.local().abs()},"")`, () => '', 'warning');
  return countCell.abs();
}

/** The gemeente of the beschikking (input) and whether it is the one on Overzicht. */
function gemeenteSection(
  s: SheetBuilder,
  code: CbsCode | undefined,
  from: { readonly chooser: ChooserCells; readonly codes: SheetRange },
): { gemeente: SheetRange; applies: SheetRange } {
  s.values(`A${GEMEENTE_ROW}`, [['Gemeente van deze beschikking']], 'rowHeader');
  const gemeente = SheetRange.at(SHEETS.beschikking, GEMEENTE_ROW, 3);
  s.value(gemeente.address(), code ?? 'NL', 'input');
  s.validation({
    range: gemeente.address(),
    type: 'list',
    source: from.codes.abs(),
    prompt: 'De CBS-code van de gemeente van deze beschikking (bijvoorbeeld GM0034).',
    error: 'Kies een CBS-code uit de lijst.',
  });
  // Whether the beschikking is the gemeente's on Overzicht (1 = ja): only then does it count.
  const applies = gemeente.rows(1);
  s.value(`A${applies.top}`, 'Geldt voor Overzicht (1 = ja)', 'rowHeader');
  s.formula(
    applies.address(),
    `1*ISNUMBER(SEARCH("("&TRIM(${gemeente.local().abs()})&")",${from.chooser.name.abs()}))`,
    () => 1,
    'integer',
  );
  s.formula(
    gemeente.cell(0, 1).address(),
    `IF(${applies.local().abs()}=1,"hoort bij Overzicht","LET OP: andere gemeente op Overzicht")`,
    () => 'hoort bij Overzicht',
    'note',
  );
  return { gemeente, applies };
}

/** The grid: one row per key, one column per year; years without a regeling greyed. */
function gridSection(
  ctx: PlanContext,
  s: SheetBuilder,
  keys: readonly BeschikkingKey[],
  beschikking: readonly BeschikkingRegel[],
): { grid: SheetRange; keyCol: SheetRange } {
  const years = ctx.years;
  s.values(`A${HEADER_ROW}`, [['Sleutel', 'Regeling', 'Onderdeel', '', ...years.map(String)]], 'header');
  const first = HEADER_ROW + 1;
  const grid = SheetRange.at(SHEETS.beschikking, first, PERIOD_COL, keys.length, years.length);
  const keyCol = SheetRange.at(SHEETS.beschikking, first, 1, keys.length);
  s.values(
    `A${first}`,
    keys.map((k) => [k.key, k.regeling, k.omschrijving]),
  );
  // An onderdeel's name longer than column C wraps onto two lines in a taller row: it ran on into the
  // yellow 2023 column on paper (#18: "9. Opgroeien … Alcoholproblematiek"). Measured in the font over
  // the column's whole width: a margin wrapped names that print on one line, with a blank line above.
  keys.forEach((k, i) => {
    const lines = wrapText(k.omschrijving, ONDERDEEL_WIDTH).length;
    if (lines < 2) return;
    s.format(`C${first + i}`, 'wrap').rowHeight(first + i, linesHeight(lines));
  });
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
  return { grid, keyCol };
}

/**
 * A member gemeente's baten from its mandaatgemeente (input): per regional post and year what the
 * mandaatgemeente passes on; empty = the planned share next to it (the domain's `geplandAandeel`: its
 * part of the region's amount pro rata its own Brede SPUK, from 2027 SPUK AZWA lokaal, amount, as the
 * mandaatgemeente's sheet Regioverdeling plans it; read live from that sheet, which the werkmap of a
 * member gemeente holds for its region: `plannedShares`). The
 * Begrotingstoets checks the member's SPUK IZA and AZWA regionaal activities against it.
 */
function mandaatSection(
  ctx: PlanContext,
  s: SheetBuilder,
  top: number,
  invoer: BegrotingInvoer,
  regio: RegioShares | undefined,
): MandaatCells {
  const years = ctx.years;
  const n = REGIONALE_POSTEN.length;
  s.value(`A${top}`, 'Ontvangen van de mandaatgemeente (alleen voor een ledengemeente; invoer)', 'rowHeader');
  s.values(`A${top + 1}`, [['Sleutel', 'Regeling', 'Bedrag', '', ...years.map(String)]], 'header');
  const first = top + 2;
  const input = SheetRange.at(SHEETS.beschikking, first, PERIOD_COL, n, years.length);
  const keys = SheetRange.at(SHEETS.beschikking, first, 1, n);
  s.values(
    `A${first}`,
    REGIONALE_POSTEN.map((p) => [
      MANDAAT_KEYS[p],
      p,
      'doorgegeven door de mandaatgemeente (leeg = gepland aandeel)',
    ]),
  );
  const typed = invoer.vanMandaatgemeente;
  s.values(
    input.address().split(':')[0] ?? '',
    REGIONALE_POSTEN.map((p) => years.map((_, i) => typed?.[p]?.[i] ?? null)),
    'inputEuro',
  );
  s.validation({
    range: input.address(),
    type: 'whole',
    min: 0,
    prompt: "Wat de mandaatgemeente doorgeeft, in hele euro's (leeg = het geplande aandeel eronder).",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  const gepland = SheetRange.at(SHEETS.beschikking, first + n, PERIOD_COL, n, years.length);
  s.values(
    `A${gepland.top}`,
    REGIONALE_POSTEN.map((p) => [null, p, GEPLAND_LABEL]),
    'note',
  );
  // The planned share (without typed amounts): what applies where the input is empty.
  plannedShares(ctx, s, gepland, regio);
  return { input, keys, gepland };
}

/**
 * The planned share per regional post × year (`gepland`, REGIONALE_POSTEN rows, the edition's years):
 * where the domain gives the file's gemeente one (`geplandAandeel`: a member, not the mandaatgemeente,
 * the post's years with regional money), a live reference to the gemeente's amount on the sheet
 * Regioverdeling (`regio`: its region's split, whose weights and fixed amounts are inputs), so a
 * changed region input moves it; elsewhere 0 (a constant: no share exists). One formula block per
 * run of consecutive years whose Regioverdeling column lines up with the Beschikking's.
 */
function plannedShares(
  ctx: PlanContext,
  s: SheetBuilder,
  gepland: SheetRange,
  regio: RegioShares | undefined,
): void {
  const years = ctx.years;
  const plan = ctx.scenario.toets.vanMandaatgemeente;
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const member = code === undefined || regio === undefined ? -1 : regio.leden.indexOf(code);
  // The Regioverdeling's column of year i, where the domain plans a share for the post (else -1).
  const source = (p: RegionalePost, i: number): number => {
    const jaar = years[i];
    if (code === undefined || member < 0 || jaar === undefined) return -1;
    if (geplandAandeel(ctx.scenario.ledger, code, p, jaar) === undefined) return -1;
    return regio?.years.indexOf(jaar) ?? -1;
  };
  s.values(
    gepland.address().split(':')[0] ?? '',
    REGIONALE_POSTEN.map((p) => years.map((_, i) => (source(p, i) < 0 ? (plan[p][i]?.gepland ?? 0) : null))),
    'euro',
  );
  if (regio === undefined || member < 0) return;
  REGIONALE_POSTEN.forEach((p, k) => {
    let i = 0;
    while (i < years.length) {
      const from = source(p, i);
      if (from < 0) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < years.length && source(p, j) === from + (j - i)) j++;
      const target = gepland.rows(k).cols(i, j - i);
      s.formula(
        target.address(),
        regio.range.cell(member, from).rel(),
        (_r, c) => plan[p][i + c]?.gepland ?? 0,
        'euro',
      );
      i = j;
    }
  });
}

/**
 * The keys of the table "Beschikking per regeling: nummer en datum", one per regeling in grid order:
 * the regeling's first grid key (`BS` for the Brede SPUK, its total; `IZA`, `AZWA-L`, `AZWA-R`), which
 * names the regeling. `oud`: the key an earlier version wrote for the row (the regeling's last grid
 * key: `BS15`, which read as onderdeel 15; review F7) where it differs, so a refresh of an older
 * werkmap keeps the nummer and datum typed there (`DefinedNameSpec.keyAliases`).
 */
export function kenmerkKeys(
  keys: readonly BeschikkingKey[],
): { readonly regeling: string; readonly key: string; readonly oud?: string }[] {
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  for (const k of keys) {
    if (!first.has(k.regeling)) first.set(k.regeling, k.key);
    last.set(k.regeling, k.key);
  }
  return [...first].map(([regeling, key]) => {
    const oud = last.get(regeling);
    return { regeling, key, ...(oud !== undefined && oud !== key ? { oud } : {}) };
  });
}

/** Dutch enumeration: "a", "a en b", "a, b en c". */
function joinNl(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

/** Excel's serial number of an ISO date `jjjj-mm-dd` (days since 30-12-1899, the 1900 date system). */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The beschikkingsnummer and -datum per regeling (issue #19 item 4; input, kept on refresh by the
 * names `Invoer_Beschikking_Nummer` and `Invoer_Beschikking_Datum`, keyed by column A): one row per
 * regeling of the grid, at `top` (below the mandaat section, so no earlier cell moves). Filled from
 * the beschikking's rows (`BeschikkingRegel.nummer`, `datum`: the CLI's `--beschikking`); the
 * Verantwoording shows them ("Beschikking nr … van …").
 */
function kenmerkSection(
  s: SheetBuilder,
  top: number,
  keys: readonly BeschikkingKey[],
  beschikking: readonly BeschikkingRegel[],
  /** Whether a regeling's grid rows are hidden (regional money of a gemeente that is no mandaatgemeente): its row here too. */
  hidden: (regeling: string) => boolean,
): KenmerkCells {
  const regelingen = kenmerkKeys(keys).map((k) => [k.regeling, k.key] as const);
  s.value(`A${top}`, 'Beschikking per regeling: nummer en datum (invoer)', 'rowHeader');
  s.values(
    `A${top + 1}`,
    [['Sleutel', 'Regeling', 'Beschikkingsnummer', '', 'Datum', 'Gelezen als']],
    'header',
  );
  const first = top + 2;
  const n = regelingen.length;
  const keyCol = SheetRange.at(SHEETS.beschikking, first, 1, n);
  const nummer = SheetRange.at(SHEETS.beschikking, first, 3, n);
  const datum = SheetRange.at(SHEETS.beschikking, first, PERIOD_COL, n);
  s.values(
    `A${first}`,
    regelingen.map(([regeling, key]) => [key, regeling]),
  );
  regelingen.forEach(([regeling], i) => {
    if (hidden(regeling)) s.hideRows(first + i, first + i);
  });
  const given = (regeling: string) =>
    beschikking.find((b) => b.regeling === regeling && b.nummer !== undefined);
  const dated = (regeling: string) =>
    beschikking.find((b) => b.regeling === regeling && b.datum !== undefined);
  s.values(
    nummer.address().split(':')[0] ?? '',
    regelingen.map(([r]) => [given(r)?.nummer ?? null]),
    'inputText',
  );
  s.values(
    datum.address().split(':')[0] ?? '',
    regelingen.map(([r]) => {
      const d = dated(r)?.datum;
      return [d === undefined ? null : excelDate(d)];
    }),
    'inputDate',
  );
  s.validation({
    range: nummer.address(),
    type: 'textLength',
    min: 1,
    max: 60,
    prompt: 'Het beschikkingsnummer zoals op de beschikking (bijvoorbeeld 1234567-202345-PG).',
    error: 'Een beschikkingsnummer heeft 1 tot 60 tekens.',
  });
  s.validation({
    range: datum.address(),
    type: 'whole',
    min: excelDate('2000-01-01'),
    max: excelDate('2099-12-31'),
    prompt: 'De datum van de beschikking (dd-mm-jjjj).',
    error: 'Vul een datum in, bijvoorbeeld 15-03-2025.',
  });
  // The date as text dd-mm-jjjj without TEXT()'s date codes (they follow Excel's language: "jjjj" in
  // Dutch Excel): DAY, MONTH, YEAR with the digit placeholder "00", the same in every language.
  const datumText = SheetRange.at(SHEETS.beschikking, first, PERIOD_COL + 1, n);
  const e = datum.cell(0).local().address();
  s.formula(
    datumText.address(),
    `IF(ISNUMBER(${e}),TEXT(DAY(${e}),"00")&"-"&TEXT(MONTH(${e}),"00")&"-"&YEAR(${e}),"${kenmerkDatum(undefined)}")`,
    (r) => kenmerkDatum(dated(regelingen[r]?.[0] ?? '')?.datum),
    'note',
  );
  return {
    keys: keyCol,
    nummer,
    datum,
    datumText,
    rowOf: (regeling) => regelingen.findIndex(([r]) => r === regeling),
    oudeKeys: Object.fromEntries(
      kenmerkKeys(keys).flatMap((k) => (k.oud === undefined ? [] : [[k.oud, k.key]])),
    ),
  };
}
