import type {
  AardLasten,
  BegrotingInvoer,
  BegrotingRegel,
  BegrotingRegeling,
  BeschikkingRegel,
  CbsCode,
  EditionYear,
  Euro,
  Gemeente,
  InputFailure,
  IzaRegio,
  Notation,
  ResolvedEdition,
  Result,
  UserInputKind,
} from '../domain';
import {
  AARD_LASTEN,
  BEGROTING_CAPACITEIT,
  BEGROTING_REGELINGEN,
  begrotingKolommen,
  begrotingRegels,
  defaultTaakveld,
  eigenBeschikkingMogelijk,
  euro,
  fail,
  ok,
  regelingLines,
  ZERO,
} from '../domain';
import { defaultEditionId, editionInput } from './editions';
import { columnNotation } from './notation';
import type { Table, TableRow, UserInput } from './user-input';
import { amountText, cell, fieldCounts, readAmount, table } from './user-input';

/**
 * The readers of the begroting (the activities a controller budgets on the SPUK money) and of the
 * gemeente's beschikking for the workbook: one parser and one validation for the CLI and the task
 * pane (which pastes an Excel range as tab-separated text; both functions take text or bytes). As
 * the other user readers (./user-input.ts): nothing is guessed, every failure names the row (the
 * line a text editor shows; header = 1, blank lines counted) and the fix, never a partial result.
 */

/** The columns of the workbook's table Begroting, in its order (the header a CSV must have). */

/** The most characters an Excel cell holds. */
export const MAX_TEKST = 32_767;

/** "Aard lasten", " AARD_LASTEN " → "aardlasten": a header is matched without case and spaces. */
const headerKey = (h: string): string => h.toLowerCase().replace(/[\s_]+/g, '');

/** "brede spuk" → "Brede SPUK": the exact names, case-insensitively; undefined for anything else. */
function regelingOf(text: string): BegrotingRegeling | undefined {
  const t = text.toLowerCase();
  return BEGROTING_REGELINGEN.find((r) => r.toLowerCase() === t);
}

/** The edition a reader checks against when the caller names none: the default (newest shipped). */
function defaultEdition(): ResolvedEdition {
  return editionInput(defaultEditionId()).edition;
}

/** Onderdeel text → a Brede SPUK onderdeel of the edition (1–15), undefined when empty; a failure for anything else. */
function readOnderdeel(
  row: number,
  text: string,
  regeling: BegrotingRegeling | undefined,
  onderdelen: readonly number[],
): number | undefined | InputFailure {
  if (text === '') return undefined;
  if (regeling !== undefined && regeling !== 'Brede SPUK')
    return { kind: 'OnderdeelNotBredeSpuk', row, regeling, text };
  const nr = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  return onderdelen.includes(nr) ? nr : { kind: 'UnknownOnderdeel', row, text };
}

const isFailure = (x: unknown): x is InputFailure => typeof x === 'object' && x !== null && 'kind' in x;

/** An Iv3 taakveld code: main task 0–8, a point, one or two digits (6.1, 6.71, 0.10). */
const TAAKVELD = /^\d\.\d{1,2}$/;

/** A free text field: a formula-like start and more than a cell holds are refused. */
function readText(row: number, column: string, text: string, failures: InputFailure[]): string {
  if (text.startsWith('=')) failures.push({ kind: 'FormulaText', row, column, text });
  else if (text.length > MAX_TEKST)
    failures.push({ kind: 'TextTooLong', row, column, length: text.length, max: MAX_TEKST });
  return text;
}

/** Case and runs of spaces do not make two activities different. */
const sameText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

export interface BegrotingCsvOptions {
  /**
   * The number notation of the year columns when the caller knows it (the task pane: the
   * notation of the Excel it pastes from). Without it each year column's notation is decided from
   * its values (see columnNotation; a `;` file is Dutch).
   */
  readonly notation?: Notation;
  /**
   * A paste from Excel: the notation that Excel shows numbers in (`Application.decimalSeparator`).
   * Unlike `notation` it decides only what the values cannot (see columnNotation's `hint`).
   */
  readonly notationHint?: Notation;
  /** The edition whose years (the columns) and onderdelen the file has; default: the default edition. */
  readonly edition?: ResolvedEdition;
}

/**
 * The begroting as CSV, with exactly the columns of the table Begroting (`begrotingKolommen` of the edition's years; header
 * matched without case and spaces, in any order; `;`, tab or `,` separated, as the other readers).
 * The year columns are the edition's years (2023–2029 for the shipped editions; `options.edition`).
 * Per row: Regeling one of BEGROTING_REGELINGEN (case-insensitive); Onderdeel empty or 1–15, only for
 * the Brede SPUK; Activiteit required; Taakveld empty (→ `defaultTaakveld`) or an Iv3 code like 6.1;
 * Aard lasten structureel, incidenteel or empty (the domain signals it); the years 2023–2029 whole
 * non-negative euros (empty, or "-" as Excel's accounting format shows zero, = 0; "€" and spaces
 * allowed; notation per column, see yearNotations); at most BEGROTING_CAPACITEIT rows; each regeling + onderdeel + activiteit + uitvoerder
 * once. The carry-over (overheveling 2023 and 2025) and the amounts received in advance are not
 * part of the table: they are zero here; enter them in the workbook.
 */
export function parseBegrotingCsv(input: UserInput, options: BegrotingCsvOptions = {}): Result<BegrotingInvoer> {
  const parsed = table(input, 'begroting');
  if (!parsed.ok) return parsed;
  if (!parsed.value) return fail([{ kind: 'EmptyInput', input: 'begroting' }]);
  const edition = options.edition ?? defaultEdition();
  const years = edition.years;
  const onderdelen = begrotingRegels(edition).onderdelen;
  const found = headerOfTable(parsed.value, 'begroting', begrotingKolommen(years));
  if (!found.ok) return found;
  const t = found.value;
  const columns = headerColumns(t, 'begroting', begrotingKolommen(yearsOfFile(t.header, years)));
  if (!columns.ok) return columns;
  const at = columns.value;
  if (t.rows.length === 0) return fail([{ kind: 'EmptyInput', input: 'begroting' }]);
  if (t.rows.length > BEGROTING_CAPACITEIT)
    return fail([{ kind: 'TooManyRows', count: t.rows.length, max: BEGROTING_CAPACITEIT }]);
  const counts = begrotingFieldCounts(t);
  if (counts.length > 0) return fail(counts);
  const get = (r: TableRow, column: string): string => cell(r, at.get(column) ?? -1);

  const notations = yearNotations(t, get, options.notation, years, options.notationHint);
  if (!notations.ok) return notations;
  const failures: InputFailure[] = [];

  const regels: BegrotingRegel[] = [];
  const seen = new Map<string, number>();
  for (const r of t.rows) {
    const row = r.row;
    const before = failures.length;
    const regelingText = get(r, 'Regeling');
    const regeling = regelingOf(regelingText);
    if (regeling === undefined)
      failures.push({ kind: 'UnknownRegeling', row, text: regelingText, known: [...BEGROTING_REGELINGEN] });
    const onderdeelText = get(r, 'Onderdeel');
    const onderdeel = readOnderdeel(row, onderdeelText, regeling, onderdelen);
    if (isFailure(onderdeel)) failures.push(onderdeel);
    const activiteit = readText(row, 'Activiteit', get(r, 'Activiteit'), failures);
    if (activiteit === '') failures.push({ kind: 'MissingActiviteit', row });
    const taakveldText = get(r, 'Taakveld');
    if (taakveldText !== '' && !TAAKVELD.test(taakveldText))
      failures.push({ kind: 'InvalidTaakveld', row, text: taakveldText });
    const uitvoerder = readText(row, 'Uitvoerder', get(r, 'Uitvoerder'), failures);
    const aardText = get(r, 'Aard lasten');
    const aard = AARD_LASTEN.find((a) => a === aardText.toLowerCase());
    if (aardText !== '' && aard === undefined) failures.push({ kind: 'UnknownAard', row, text: aardText });
    const lasten: Euro[] = [];
    for (const jaar of years) {
      const column = String(jaar);
      const text = get(r, column);
      if (/^-?$/.test(amountText(text))) {
        lasten.push(ZERO);
        continue;
      }
      const amount = readAmount(row, text, notations.value.get(column), column);
      if (typeof amount === 'number') lasten.push(euro(amount));
      else failures.push(amount);
    }
    const andereDekking = readText(row, 'Andere dekking', get(r, 'Andere dekking'), failures);
    const opmerking = readText(row, 'Opmerking', get(r, 'Opmerking'), failures);
    if (failures.length > before || regeling === undefined || isFailure(onderdeel)) continue;
    const id = [regeling, onderdeel ?? '', sameText(activiteit), sameText(uitvoerder)].join('|');
    const firstRow = seen.get(id);
    if (firstRow !== undefined) {
      failures.push({
        kind: 'DuplicateBegrotingRegel',
        row,
        firstRow,
        regeling,
        onderdeel: onderdeelText,
        activiteit,
        uitvoerder,
      });
      continue;
    }
    seen.set(id, row);
    regels.push({
      rij: row,
      regeling,
      onderdeel,
      activiteit,
      taakveld: taakveldText === '' ? defaultTaakveld(regeling, onderdeel) : taakveldText,
      uitvoerder,
      aard: aard as AardLasten | undefined,
      lasten,
      andereDekking,
      opmerking,
    });
  }
  if (failures.length > 0) return fail(failures);
  return ok({
    regels,
    overheveling2023: onderdelen.map(() => ZERO),
    overheveling2025: ZERO,
    vooruitOntvangen: years.map(() => ZERO),
  });
}

/**
 * Field counts as the other readers check them, and stricter at the end: a row may only have empty
 * fields beyond the header's columns where the header line has them too (Excel pads every line to
 * one width). Otherwise "150,000" in a "," file, with empty last columns, would shift silently.
 */
function begrotingFieldCounts(t: Table): InputFailure[] {
  const failures = fieldCounts(t);
  const named = new Set(failures.map((f) => ('row' in f ? f.row : 0)));
  for (const r of t.rows)
    if (!named.has(r.row) && r.cells.length > Math.max(t.width, t.header.length))
      failures.push({
        kind: 'FieldCount',
        row: r.row,
        found: r.cells.length,
        expected: t.header.length,
        delimiter: t.delimiter,
      });
  return failures.sort((a, b) => ('row' in a ? a.row : 0) - ('row' in b ? b.row : 0));
}

/**
 * The notation of each year column (see columnNotation): the caller's when given; else each
 * column's own. A column its values alone cannot decide ("150.000" in a tab paste) takes the
 * notation the other year columns show by their values (not by a `;` separator) when they all
 * agree (one file comes from one Excel); without such evidence it is refused as ambiguous. A
 * column that mixes notations is refused.
 */
function yearNotations(
  t: Table,
  get: (r: TableRow, column: string) => string,
  given: Notation | undefined,
  years: readonly EditionYear[],
  hint?: Notation,
): Result<Map<string, Notation | undefined>> {
  const out = new Map<string, Notation | undefined>();
  const columns = years.map(String);
  if (given !== undefined) {
    for (const c of columns) out.set(c, given);
    return ok(out);
  }
  const failures: InputFailure[] = [];
  const evidence = new Set<Notation>();
  const undecided: { column: string; failures: readonly InputFailure[] }[] = [];
  for (const column of columns) {
    const cells = t.rows.map((r) => ({ row: r.row, text: amountText(get(r, column)), shown: get(r, column) }));
    const n = columnNotation(column, cells, t.delimiter, hint);
    if (n.ok) {
      out.set(column, n.value);
      // Evidence for the other columns only from the values themselves, not from a `;` separator:
      // "€ 150.000" in one year does not make "€ 287,000" in another Dutch 287 (issue #17 item 1).
      const own = n.value === undefined ? n : columnNotation(column, cells, '');
      if (own.ok && own.value !== undefined) evidence.add(own.value);
    } else if (n.failures.every((f) => f.kind === 'AmbiguousNumber')) undecided.push({ column, failures: n.failures });
    else failures.push(...n.failures);
  }
  const [only] = evidence.size === 1 ? [...evidence] : [];
  for (const u of undecided)
    if (only !== undefined) out.set(u.column, only);
    else failures.push(...u.failures);
  return failures.length > 0 ? fail(failures) : ok(out);
}

/** The expected columns a row's cells name (matched without case and spaces), in the row's order. */
function namedColumns(cells: readonly string[], expected: readonly string[]): string[] {
  const byKey = new Map(expected.map((c) => [headerKey(c), c]));
  return cells.flatMap((c) => {
    const name = byKey.get(headerKey(c.trim()));
    return name === undefined ? [] : [name];
  });
}

/**
 * The expected columns the second row of a two-row header names, in its order: a cell that names one
 * itself (2023 below a group heading "Lasten"), or together with the cell above it (a heading split
 * over both rows: "Aard" above "lasten" is Aard lasten). A filled cell that names none is left out.
 */
function secondRowNames(first: readonly string[], second: readonly string[], expected: readonly string[]): string[] {
  const byKey = new Map(expected.map((c) => [headerKey(c), c]));
  return second.flatMap((c, i) => {
    const own = byKey.get(headerKey(c.trim()));
    const joined = byKey.get(headerKey(`${(first[i] ?? '').trim()} ${c.trim()}`));
    const name = c.trim() === '' ? undefined : (own ?? joined);
    return name === undefined ? [] : [name];
  });
}

/** How many rows below the first are searched for the header (the sheet Begroting has it on row 6). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The table with its header found (issue #17 item 14): unchanged when the first row names every
 * expected column or none is found below. A row further down (at most HEADER_SEARCH_ROWS) that
 * names every column is the header when the rows above it are titles (at most two filled cells, as
 * the sheet Begroting's rows 1–5 saved as CSV: title, explanation, signals, table version); rows
 * with data above it are refused (HeaderNotFirst: which rows to remove). A first row that lacks
 * columns the next row names (a group heading "Lasten" above the years, or a heading split over both
 * rows, "Aard" above "lasten") is TwoRowHeader: one message naming both rows and the fix.
 */
function headerOfTable(t: Table, input: UserInputKind, expected: readonly string[]): Result<Table> {
  const firstNames = new Set(namedColumns(t.header, expected));
  if (expected.every((c) => firstNames.has(c))) return ok(t);
  const headerRow = t.headerRow ?? 1;
  const j = t.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => {
    const names = new Set(namedColumns(r.cells, expected));
    return expected.every((c) => names.has(c));
  });
  const found = t.rows[j];
  if (found) {
    const above = [{ row: headerRow, cells: t.header }, ...t.rows.slice(0, j)];
    const titles = above.every((r) => r.cells.filter((c) => c.trim() !== '').length <= 2);
    if (!titles)
      return fail([{ kind: 'HeaderNotFirst', input, headerRow: found.row, above: [headerRow, above[above.length - 1]?.row ?? headerRow] }]);
    const header = found.cells.map((h) => h.trim().toLowerCase());
    while (header.length > 1 && header[header.length - 1] === '') header.pop();
    return ok({ ...t, header, rows: t.rows.slice(j + 1), width: found.cells.length, headerRow: found.row });
  }
  const next = t.rows[0];
  if (next && firstNames.size > 0) {
    const filled = next.cells.filter((c) => c.trim() !== '');
    const names = secondRowNames(t.header, next.cells, expected);
    if (names.length > 0 && names.length === filled.length && names.every((c) => !firstNames.has(c)))
      return fail([{ kind: 'TwoRowHeader', input, first: headerRow, second: next.row, columns: names, expected }]);
  }
  return ok(t);
}

/**
 * The edition's years a Begroting file has columns for: all of them, or, for a file made before the
 * edition added its later years (a Begroting of 2023–2029 read with vws-2026-04, which adds 2030),
 * the years up to its last year column. The later years then read as empty (0), as the workbook's
 * table migration adds their column empty (src/excel/table-migration.ts). A year missing before the
 * file's last year column is still refused (MissingColumn), and so is a file without any year.
 */
function yearsOfFile(header: readonly string[], years: readonly EditionYear[]): readonly EditionYear[] {
  const present = new Set(header.map(headerKey));
  let last = years.length;
  while (last > 0 && !present.has(String(years[last - 1]))) last--;
  return last === 0 ? years : years.slice(0, last);
}

/**
 * The index of each expected column (by its canonical name), matched without case and spaces.
 * Refused: a header without any expected column (no header), a column twice, a column the table
 * does not have, a missing column.
 */
function headerColumns(
  t: Table,
  input: UserInputKind,
  expected: readonly string[],
): Result<Map<string, number>> {
  const byKey = new Map(expected.map((c) => [headerKey(c), c]));
  const at = new Map<string, number>();
  const failures: InputFailure[] = [];
  t.header.forEach((h, i) => {
    const name = byKey.get(headerKey(h));
    if (name === undefined) {
      failures.push({ kind: 'UnknownColumn', input, column: h === '' ? '(leeg)' : h, expected });
    } else if (at.has(name)) failures.push({ kind: 'DuplicateColumn', input, column: name });
    else at.set(name, i);
  });
  if (at.size === 0) return fail([{ kind: 'MissingHeader', input, firstCell: t.header[0] ?? '', expected }]);
  for (const c of expected)
    if (!at.has(c)) failures.push({ kind: 'MissingColumn', input, column: c, found: t.header, expected });
  return failures.length > 0 ? fail(failures) : ok(at);
}

/** The long form the grid is read as. */
const GRID_AS_LONG = ['regeling', 'onderdeel', 'jaar', 'bedrag_eur'];

/** A key of the sheet Beschikking's grid (`BS`, `BS01`…, `IZA`, `AZWA-L`, `AZWA-R`, see src/plan/begroting/keys.ts). */
const GRID_KEY = /^(bs(\d{2})?|iza|azwa-l|azwa-r)$/i;

function gridKey(
  text: string,
  onderdelen: readonly number[],
): { regeling: BegrotingRegeling; onderdeel: number | undefined } | undefined {
  const k = text.trim().toUpperCase();
  if (k === 'BS') return { regeling: 'Brede SPUK', onderdeel: undefined };
  if (k === 'IZA') return { regeling: 'SPUK IZA', onderdeel: undefined };
  if (k === 'AZWA-L') return { regeling: 'SPUK AZWA lokaal', onderdeel: undefined };
  if (k === 'AZWA-R') return { regeling: 'SPUK AZWA regionaal', onderdeel: undefined };
  const nr = /^BS(\d{2})$/.exec(k)?.[1];
  return nr !== undefined && onderdelen.includes(Number(nr))
    ? { regeling: 'Brede SPUK', onderdeel: Number(nr) }
    : undefined;
}

/**
 * The sheet Beschikking's own grid, copied from Excel or saved as CSV (issue #17 item 14: its paste
 * was refused as "tab in een veld?"): columns Sleutel, Regeling, Onderdeel, an empty one, then one
 * per year; one row per key (`BS`, `BS01`…, `IZA`, `AZWA-L`, `AZWA-R`); an empty cell is the
 * edition's amount, "-" (Excel's accounting zero) is 0. Recognised by its header row (found below
 * the sheet's title rows too; a gemeente code there must be the chosen one) or, without it, by a
 * key in the first cell (years from column E in the edition's order). Returned as the long form
 * regeling, onderdeel, jaar, bedrag_eur, one row per filled cell with the line the user sees; any
 * other table is returned unchanged.
 */
function beschikkingGrid(
  t: Table,
  edition: ResolvedEdition,
  onderdelen: readonly number[],
  gemeente: CbsCode | undefined,
): Result<Table> {
  const all: TableRow[] = [{ row: t.headerRow ?? 1, cells: t.header }, ...t.rows];
  const headerAt = all.slice(0, HEADER_SEARCH_ROWS + 1).findIndex((r) => cell(r, 0).toLowerCase() === 'sleutel');
  const headerless = GRID_KEY.test(cell({ row: 0, cells: t.header }, 0));
  if (headerAt < 0 && !headerless) return ok(t);
  const failures: InputFailure[] = [];
  let yearAt: { jaar: EditionYear; index: number }[];
  let data: TableRow[];
  if (headerAt >= 0) {
    const header = all[headerAt]?.cells.map((c) => c.trim()) ?? [];
    yearAt = edition.years.map((jaar) => ({ jaar, index: header.indexOf(String(jaar)) })).filter((y) => y.index >= 0);
    data = all.slice(headerAt + 1);
    for (const r of all.slice(0, headerAt))
      for (const c of r.cells) {
        const code = c.trim().toUpperCase();
        if (/^GM\d{4}$/.test(code) && gemeente !== undefined && code !== gemeente)
          failures.push({ kind: 'OtherGemeente', row: r.row, code, chosen: gemeente });
      }
  } else {
    yearAt = edition.years.map((jaar, i) => ({ jaar, index: 4 + i }));
    data = all;
  }
  const known = ['BS', `${onderdeelText(onderdelen[0])} tot en met ${onderdeelText(onderdelen[onderdelen.length - 1])}`, 'IZA', 'AZWA-L', 'AZWA-R'];
  const rows: TableRow[] = [];
  for (const r of data) {
    const filled = yearAt.filter((y) => cell(r, y.index) !== '');
    if (filled.length === 0) continue;
    const key = gridKey(cell(r, 0), onderdelen);
    if (key === undefined) {
      failures.push({ kind: 'UnknownGridKey', row: r.row, text: cell(r, 0), known });
      continue;
    }
    for (const y of filled) {
      const text = cell(r, y.index);
      rows.push({
        row: r.row,
        cells: [key.regeling, key.onderdeel === undefined ? '' : String(key.onderdeel), String(y.jaar), /^-$/.test(amountText(text)) ? '0' : text],
      });
    }
  }
  if (failures.length > 0) return fail(failures);
  return ok({ header: GRID_AS_LONG, rows, delimiter: t.delimiter, width: GRID_AS_LONG.length, headerRow: t.headerRow ?? 1 });
}

/** "BS01" for onderdeel 1. */
const onderdeelText = (nr: number | undefined): string => `BS${String(nr ?? 1).padStart(2, '0')}`;

/**
 * The first and last year of each begroting regeling (post) in an edition: its regeling's `jaren`
 * in the manifest (Brede SPUK and SPUK IZA 2023–2026, SPUK AZWA 2027–2029); undefined for a post
 * the edition has no lines for.
 */
export function regelingJaren(
  edition: ResolvedEdition,
  regeling: BegrotingRegeling,
): readonly [EditionYear, EditionYear] | undefined {
  const jaren = regelingLines(edition.lines, regeling)[0]?.regeling.jaren;
  const [from] = jaren ?? [];
  const to = jaren?.[jaren.length - 1];
  return from === undefined || to === undefined ? undefined : [from, to];
}

/**
 * The line number of `allocaties --beschikking` that stands for a whole begroting post: the post's
 * only line (16 SPUK IZA, 17 SPUK AZWA lokaal, 18 SPUK AZWA regionaal in the shipped editions).
 */
function lineRegeling(edition: ResolvedEdition, nr: number): BegrotingRegeling | undefined {
  const line = edition.lines.find((l) => l.nr === nr);
  if (line?.begroting === undefined || line.begroting === 'Brede SPUK') return undefined;
  return regelingLines(edition.lines, line.begroting).length === 1 ? line.begroting : undefined;
}

export interface BeschikkingRegelsOptions {
  /** The gemeente of the beschikking; a file with a gemeentecode column must name only it. */
  readonly gemeente?: CbsCode | undefined;
  readonly gemeenten: readonly Gemeente[];
  /** The edition whose years, onderdelen and regelingen apply; default: the default edition. */
  readonly edition?: ResolvedEdition;
  /** A paste from Excel: the notation Excel shows numbers in (see columnNotation's `hint`). */
  readonly notationHint?: Notation;
  /**
   * The SPUK IZA regions with their mandaatgemeente; a regional regeling's row is refused for a
   * gemeente that is no mandaatgemeente (`eigenBeschikkingMogelijk`). Default: the edition data's.
   */
  readonly regios?: readonly IzaRegio[];
}

/**
 * The gemeente's beschikking for the workbook, as CSV, in one of two forms:
 * - `regeling,onderdeel,jaar,bedrag_eur` (optional `gemeentecode`): regeling one of
 *   BEGROTING_REGELINGEN; onderdeel empty (the regeling's total) or 1–15 (only the Brede SPUK);
 * - the form of `allocaties --beschikking`, `gemeentecode,onderdeel_nr,jaar,bedrag_eur`: line 1–15 is
 *   a Brede SPUK onderdeel, 16 the SPUK IZA, 17 the SPUK AZWA lokaal, 18 the SPUK AZWA regionaal
 *   (totals), so one file serves both commands. Chosen by the header: `onderdeel_nr` → this form.
 * Both: a gemeentecode must be the chosen gemeente; a regional regeling (paid to the mandaatgemeente,
 * SPUK IZA and SPUK AZWA regionaal) only for a mandaatgemeente (`RegionaalVoorLid` otherwise, see
 * `eigenBeschikkingMogelijk`); jaar a year of the edition and of the regeling
 * (`regelingJaren`); bedrag_eur whole euros ≥ 0; each regeling × onderdeel × jaar once. Optional
 * columns `beschikkingsnummer` (text) and `beschikkingsdatum` (dd-mm-jjjj or jjjj-mm-dd, read by
 * `readBeschikkingsdatum`; anything else is refused, `BadBeschikkingsdatum`): one beschikking per
 * regeling, so the rows of a regeling that give them give the same (`ConflictingBeschikkingKenmerk`);
 * every row of the regeling then carries them (`BeschikkingRegel.nummer`, `datum`; issue #19 item 4).
 * Other columns are ignored (as `allocaties --beschikking` does).
 */
export function parseBeschikkingRegelsCsv(
  input: UserInput,
  options: BeschikkingRegelsOptions,
): Result<BeschikkingRegel[]> {
  const kind = 'beschikking-regels';
  const edition = options.edition ?? defaultEdition();
  const onderdelen = begrotingRegels(edition).onderdelen;
  const parsed = table(input, kind);
  if (!parsed.ok) return parsed;
  if (!parsed.value) return fail([{ kind: 'EmptyInput', input: kind }]);
  const grid = beschikkingGrid(parsed.value, edition, onderdelen, options.gemeente);
  if (!grid.ok) return grid;
  const t = grid.value;
  if (t.rows.length === 0 && t !== parsed.value) return fail([{ kind: 'EmptyInput', input: kind }]);
  const perLine = t.header.includes('onderdeel_nr');
  if (!perLine && !t.header.includes('regeling') && regelingOf(t.header[0] ?? '') !== undefined)
    return fail([{ kind: 'MissingHeader', input: kind, firstCell: t.header[0] ?? '' }]);
  const required = perLine
    ? ['gemeentecode', 'onderdeel_nr', 'jaar', 'bedrag_eur']
    : ['regeling', 'onderdeel', 'jaar', 'bedrag_eur'];
  const headerFailures: InputFailure[] = [];
  for (const c of [...required, 'gemeentecode']) {
    const n = t.header.filter((h) => h === c).length;
    if (n > 1 && !headerFailures.some((f) => f.kind === 'DuplicateColumn' && f.column === c))
      headerFailures.push({ kind: 'DuplicateColumn', input: kind, column: c });
  }
  for (const c of required)
    if (!t.header.includes(c)) headerFailures.push({ kind: 'MissingColumn', input: kind, column: c, found: t.header });
  if (headerFailures.length > 0) return fail(headerFailures);
  if (t.rows.length === 0) return fail([{ kind: 'EmptyInput', input: kind }]);
  const counts = fieldCounts(t);
  if (counts.length > 0) return fail(counts);
  const codeIdx = t.header.indexOf('gemeentecode');
  if (codeIdx >= 0 && options.gemeente === undefined) return fail([{ kind: 'BeschikkingNeedsGemeente' }]);
  const col = (r: TableRow, c: string): string => cell(r, t.header.indexOf(c));
  const notation = columnNotation(
    'bedrag_eur',
    t.rows.map((r) => ({ row: r.row, text: amountText(col(r, 'bedrag_eur')), shown: col(r, 'bedrag_eur') })),
    t.delimiter,
    options.notationHint,
  );
  if (!notation.ok) return notation;
  const known = new Set<string>(options.gemeenten.map((g) => g.code));
  const regios = options.regios ?? editionInput(defaultEditionId()).base.izaRegios;
  const gemeenteNaam = (code: CbsCode): string => options.gemeenten.find((g) => g.code === code)?.naam ?? code;
  const failures: InputFailure[] = [];
  const out: BeschikkingRegel[] = [];
  const seen = new Map<string, number>();
  // Per regeling and column: the first value given and its row.
  const kenmerken = new Map<string, { readonly text: string; readonly row: number }>();
  const optional = (r: TableRow, c: string): string => (t.header.includes(c) ? col(r, c).trim() : '');
  for (const r of t.rows) {
    const row = r.row;
    const before = failures.length;
    if (codeIdx >= 0) {
      const code = cell(r, codeIdx);
      const c = code.toUpperCase();
      if (!known.has(c)) failures.push({ kind: 'UnknownCbsCode', row, code });
      else if (c !== options.gemeente) failures.push({ kind: 'OtherGemeente', row, code: c, chosen: options.gemeente ?? '' });
    }
    let regeling: BegrotingRegeling | undefined;
    let onderdeel: number | undefined;
    if (perLine) {
      const nrText = col(r, 'onderdeel_nr');
      const nr = /^\d{1,2}$/.test(nrText) ? Number(nrText) : NaN;
      if (onderdelen.includes(nr)) [regeling, onderdeel] = ['Brede SPUK', nr];
      else regeling = lineRegeling(edition, nr);
      if (regeling === undefined) failures.push({ kind: 'UnknownLine', row, text: nrText });
    } else {
      const text = col(r, 'regeling');
      regeling = regelingOf(text);
      if (regeling === undefined)
        failures.push({ kind: 'UnknownRegeling', row, text, known: [...BEGROTING_REGELINGEN] });
      const o = readOnderdeel(row, col(r, 'onderdeel'), regeling, onderdelen);
      if (isFailure(o)) failures.push(o);
      else onderdeel = o;
    }
    const jaarText = col(r, 'jaar');
    const jaar = /^\d{4}$/.test(jaarText) && edition.years.includes(Number(jaarText)) ? Number(jaarText) : undefined;
    if (jaar === undefined) failures.push({ kind: 'UnknownPeriod', row, text: jaarText, years: edition.years });
    else if (regeling !== undefined) {
      const span = regelingJaren(edition, regeling);
      if (span === undefined || jaar < span[0] || jaar > span[1])
        failures.push({ kind: 'RegelingNotInYear', row, regeling, jaar, from: span?.[0] ?? jaar, to: span?.[1] ?? jaar });
    }
    const amount = readAmount(row, col(r, 'bedrag_eur'), notation.value);
    if (typeof amount !== 'number') failures.push(amount);
    const nummer = optional(r, 'beschikkingsnummer');
    if (nummer !== '') readText(row, 'beschikkingsnummer', nummer, failures);
    const datumText = optional(r, 'beschikkingsdatum');
    const datum = datumText === '' ? '' : readBeschikkingsdatum(datumText);
    if (datum === undefined) failures.push({ kind: 'BadBeschikkingsdatum', row, text: datumText });
    if (regeling !== undefined)
      for (const [column, text] of [
        ['beschikkingsnummer', nummer],
        ['beschikkingsdatum', datum ?? ''],
      ] as const) {
        if (text === '') continue;
        const first = kenmerken.get(`${regeling}|${column}`);
        if (first === undefined) kenmerken.set(`${regeling}|${column}`, { text, row });
        else if (first.text !== text)
          failures.push({
            kind: 'ConflictingBeschikkingKenmerk',
            row,
            firstRow: first.row,
            regeling,
            column,
            text: column === 'beschikkingsdatum' ? datumText : text,
            first: first.text,
          });
      }
    if (
      regeling !== undefined &&
      options.gemeente !== undefined &&
      !eigenBeschikkingMogelijk(edition.lines, regios, options.gemeente, regeling)
    )
      failures.push({ kind: 'RegionaalVoorLid', row, regeling, gemeente: gemeenteNaam(options.gemeente) });
    if (failures.length > before || regeling === undefined || jaar === undefined || typeof amount !== 'number')
      continue;
    const id = `${regeling}|${onderdeel ?? ''}|${jaar}`;
    const firstRow = seen.get(id);
    if (firstRow !== undefined) {
      failures.push({
        kind: 'DuplicateBeschikkingRegel',
        row,
        firstRow,
        regeling,
        onderdeel: onderdeel === undefined ? '' : String(onderdeel),
        jaar,
      });
      continue;
    }
    seen.set(id, row);
    out.push({ regeling, onderdeel, jaar, bedrag: euro(amount) });
  }
  if (failures.length > 0) return fail(failures);
  // Every row of a regeling carries the regeling's nummer and datum (given on any of its rows).
  return ok(
    out.map((b) => {
      const nummer = kenmerken.get(`${b.regeling}|beschikkingsnummer`)?.text;
      const datum = kenmerken.get(`${b.regeling}|beschikkingsdatum`)?.text;
      return { ...b, ...(nummer !== undefined ? { nummer } : {}), ...(datum !== undefined ? { datum } : {}) };
    }),
  );
}

/**
 * A beschikkingsdatum as ISO `jjjj-mm-dd`, from `dd-mm-jjjj` (also with `/` or `.`, day and month
 * of one or two digits, the Dutch order) or `jjjj-mm-dd`; undefined for anything else, including a
 * day that does not exist (31-02-2025) or a year outside 2000–2099.
 */
export function readBeschikkingsdatum(text: string): string | undefined {
  const t = text.trim();
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, m, d] = nl ? [nl[3], nl[2], nl[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  if (year < 2000 || year > 2099) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The begroting as the CSV `parseBegrotingCsv` reads (`;`-separated, Dutch, amounts without
 * separators): for exporting the table and for round trips. Text with `;`, quotes or line breaks is quoted.
 */
export function begrotingCsv(invoer: BegrotingInvoer, edition: ResolvedEdition = defaultEdition()): string {
  const q = (s: string): string => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [begrotingKolommen(edition.years).join(';')];
  for (const r of invoer.regels)
    lines.push(
      [
        r.regeling,
        r.onderdeel === undefined ? '' : String(r.onderdeel),
        r.activiteit,
        r.taakveld,
        r.uitvoerder,
        r.aard ?? '',
        ...r.lasten.map(String),
        r.andereDekking,
        r.opmerking,
      ]
        .map(q)
        .join(';'),
    );
  return lines.join('\n') + '\n';
}
