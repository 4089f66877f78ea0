import Papa from 'papaparse';
import type {
  BeschikkingAmount,
  EditionYear,
  CbsCode,
  Gemeente,
  InputFailure,
  KeyInputRow,
  Notation,
  Result,
  UserInputKind,
} from '../domain';
import type { ReceivableLines } from '../domain';
import { ambiguous, commaFile, euro, fail, ok, parseDecimal } from '../domain';
import { defaultEditionId, editionInput } from './editions';
import { cleanInvisible, decodeText, isText } from './decode-text';
import { columnNotation } from './notation';

/**
 * The one reader of what users paste or pick (a custom verdeelsleutel, beschikking amounts), for
 * the CLI and the task pane. Unlike the shipped files, bad input here is expected: it comes back
 * as typed failures naming the row, never as an exception, and nothing is guessed. A row is the
 * line the user sees in a text editor (header = 1, blank lines counted); for a quoted field that
 * spans lines, the line where the row starts.
 */

const CODE_COLUMNS = ['gemeentecode', 'cbs_code', 'cbs-code', 'code', 'gemeente'];

/** A data row of a user file: its line as the user sees it and its fields. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A user file as a table: the header (trimmed, lower case), the non-blank data rows, the separator. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly TableRow[];
  readonly delimiter: string;
  /** Fields of the header line as written, trailing empty ones included (Excel pads every line to one width). */
  readonly width: number;
  /** The line of the header as the user sees it (1 unless blank lines come first). */
  readonly headerRow?: number;
}

/** Text or the bytes of a file (decoded: UTF-8, Windows-1252, UTF-16 with BOM). */
export type UserInput = string | Uint8Array;

function asText(input: UserInput): Result<string> {
  if (typeof input !== 'string') return decodeText(input);
  const text = input.replace(/^\uFEFF/, '');
  return isText(text) ? ok(text) : fail([{ kind: 'NotText', looksLike: 'binary' }]);
}

const SEPARATORS = [';', '\t', ','];

/** How often the most frequent separator occurs in a line. */
const separatorCount = (line: string): number => Math.max(...SEPARATORS.map((d) => line.split(d).length - 1));

/** The separator of the header line: the most frequent of ";", tab and "," (Excel-NL writes ";"). */
function detectDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of SEPARATORS) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Line number (1-based) of each character offset, for any of \r\n, \n, \r. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push((m.index ?? 0) + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Decodes and splits a user file (separator from the header line; blank lines skipped but counted).
 * Undefined when there is no non-blank line. Shared by every reader of user files.
 */
export function table(input: UserInput, kind: UserInputKind): Result<Table | undefined> {
  const decoded = asText(input);
  if (!decoded.ok) return decoded;
  // One line ending: a file edited on two systems mixes CRLF, LF and CR, and Papa takes the first it
  // sees for all, so the others stayed inside fields ("69 velden" on one line). Line numbers are unchanged.
  const text = cleanInvisible(decoded.value).replace(/\r\n?/g, '\n');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const headerLine = lines[0];
  if (headerLine === undefined) return ok(undefined);
  // A title without any separator above the table (a sheet copied whole): the line with the most.
  const sample = SEPARATORS.some((d) => headerLine.includes(d))
    ? headerLine
    : lines.slice(0, 11).reduce((a, b) => (separatorCount(b) > separatorCount(a) ? b : a));
  const delimiter = detectDelimiter(sample);
  const lineOf = lineIndex(text);
  const rows: TableRow[] = [];
  const failures: InputFailure[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    step: (result) => {
      const row = lineOf(start);
      start = result.meta.cursor;
      for (const e of result.errors) {
        if (e.code === 'MissingQuotes') failures.push({ kind: 'UnclosedQuote', row });
        else if (e.code === 'InvalidQuotes') failures.push({ kind: 'MisplacedQuote', row });
      }
      if (!isBlank(result.data)) rows.push({ row, cells: result.data });
    },
  });
  if (failures.length > 0) return fail(dedupe(failures));
  const [first, ...data] = rows;
  if (!first) return ok(undefined);
  const header = first.cells.map((h) => h.trim().toLowerCase());
  while (header.length > 1 && header[header.length - 1] === '') header.pop();
  if (/^(gm)?\d{1,4}$/i.test(header[0] ?? '')) {
    // A data row above the header (a row pasted on top): the header further down is named, with the
    // rows above it to remove (HeaderNotFirst), not "the header is missing" (issue #17 item 14).
    const j = data.slice(0, TITLE_SEARCH_ROWS).findIndex((r) => looksLikeHeader(r.cells));
    const found = data[j];
    if (found)
      return fail([
        { kind: 'HeaderNotFirst', input: kind, headerRow: found.row, above: [first.row, (data[j - 1] ?? first).row] },
      ]);
    return fail([{ kind: 'MissingHeader', input: kind, firstCell: first.cells[0]?.trim() ?? '' }]);
  }
  return ok({ header, rows: data, delimiter, width: first.cells.length, headerRow: first.row });
}

/** Column names of the readers' headers (any reader): a row naming two of them is a header row. */
const HEADER_WORDS = new Set([
  'gemeentecode',
  'cbs_code',
  'cbs-code',
  'code',
  'gemeente',
  'gewicht',
  'aandeel',
  'regeling',
  'onderdeel',
  'onderdeel_nr',
  'activiteit',
  'jaar',
  'bedrag_eur',
  'sleutel',
]);

/** Whether a row names at least two readers' columns (`HEADER_WORDS`), without case or spaces at the ends. */
function looksLikeHeader(cells: readonly string[]): boolean {
  return cells.filter((c) => HEADER_WORDS.has(c.trim().toLowerCase())).length >= 2;
}

/**
 * Every row has as many fields as the header: more (non-empty) fields mean a separator inside a
 * value ("150,000"), fewer a missing value; either way the columns cannot be trusted. Empty fields
 * after the last column (Excel writes them) are fine.
 */
export function fieldCounts(t: Table): InputFailure[] {
  const failures: InputFailure[] = [];
  const expected = t.header.length;
  for (const r of t.rows) {
    const extra = r.cells.slice(expected);
    if (r.cells.length < expected || !isBlank(extra)) {
      const found = r.cells.length - (isBlank(extra) ? extra.length : trailingBlanks(r.cells));
      failures.push({ kind: 'FieldCount', row: r.row, found, expected, delimiter: t.delimiter });
    }
  }
  return failures;
}

function trailingBlanks(cells: readonly string[]): number {
  let n = 0;
  for (let i = cells.length - 1; i >= 0 && (cells[i] ?? '').trim() === ''; i--) n++;
  return n;
}

/** One quote failure per row (Papa reports an unterminated quote once more after a malformed one). */
function dedupe(failures: readonly InputFailure[]): InputFailure[] {
  const rows = new Set<number>();
  return failures.filter((f) => {
    const row = 'row' in f ? f.row : 0;
    if (rows.has(row)) return false;
    rows.add(row);
    return true;
  });
}

/** How many rows below the first are searched for a header below title rows (as the begroting reader). */
const TITLE_SEARCH_ROWS = 10;

/**
 * The table with its header found below title rows (issue #17 item 14, as the begroting reader does
 * in `begroting-input.ts`): unchanged when the first row is the header (`isHeader` of its trimmed,
 * lower-case cells) or no row below is. Otherwise the first of the next TITLE_SEARCH_ROWS rows that
 * is a header becomes it when every row above it is a title (at most two filled cells: a sheet's
 * title and a note, saved as CSV, e.g. "Verdeelsleutel eigen;;"); rows with more above it are
 * refused (`HeaderNotFirst`: which rows to remove). Rows keep the line numbers a text editor shows.
 */
export function headerBelowTitles(
  t: Table,
  input: UserInputKind,
  isHeader: (header: readonly string[]) => boolean,
): Result<Table> {
  if (isHeader(t.header)) return ok(t);
  const normal = (cells: readonly string[]): string[] => {
    const header = cells.map((h) => h.trim().toLowerCase());
    while (header.length > 1 && header[header.length - 1] === '') header.pop();
    return header;
  };
  const j = t.rows.slice(0, TITLE_SEARCH_ROWS).findIndex((r) => isHeader(normal(r.cells)));
  const found = t.rows[j];
  if (!found) return ok(t);
  const headerRow = t.headerRow ?? 1;
  const above = [{ row: headerRow, cells: t.header }, ...t.rows.slice(0, j)];
  if (!above.every((r) => r.cells.filter((c) => c.trim() !== '').length <= 2))
    return fail([
      { kind: 'HeaderNotFirst', input, headerRow: found.row, above: [headerRow, above[above.length - 1]?.row ?? headerRow] },
    ]);
  return ok({ ...t, header: normal(found.cells), rows: t.rows.slice(j + 1), width: found.cells.length, headerRow: found.row });
}

export function cell(r: TableRow, index: number): string {
  return (r.cells[index] ?? '').trim();
}

export interface UserKeyInput {
  readonly rows: readonly KeyInputRow[];
  /** True when the values are shares (column "aandeel") that must add up to 1 or 100 %. */
  readonly shares: boolean;
}

/**
 * A key as CSV: a code column (gemeentecode) and a "gewicht" or "aandeel" column; "," ";" or tab
 * separated. The notation of the numbers is decided for the whole column (see columnNotation); the
 * rows carry it to `customKey`, which reads the values.
 */
export function parseUserKeyCsv(input: UserInput): Result<UserKeyInput> {
  const parsed = table(input, 'sleutel');
  if (!parsed.ok) return parsed;
  if (!parsed.value) return fail([{ kind: 'EmptyInput' }]);
  const titled = headerBelowTitles(
    parsed.value,
    'sleutel',
    (h) => h.some((c) => CODE_COLUMNS.includes(c)) && (h.includes('gewicht') || h.includes('aandeel')),
  );
  if (!titled.ok) return titled;
  const t = titled.value;
  const codeIdx = t.header.findIndex((h) => CODE_COLUMNS.includes(h));
  if (codeIdx < 0) return fail([{ kind: 'MissingColumn', input: 'sleutel', column: 'gemeentecode', found: t.header }]);
  let valueIdx = t.header.indexOf('gewicht');
  const shares = valueIdx < 0;
  if (shares) valueIdx = t.header.indexOf('aandeel');
  if (valueIdx < 0) return fail([{ kind: 'MissingColumn', input: 'sleutel', column: 'gewicht', found: t.header }]);
  if (t.rows.length === 0) return fail([{ kind: 'EmptyInput' }]);
  const counts = fieldCounts(t);
  if (counts.length > 0) return fail(counts);
  const column = shares ? 'aandeel' : 'gewicht';
  const values = t.rows.map((r) => ({ row: r.row, text: cell(r, valueIdx) }));
  const notation = columnNotation(column, values, t.delimiter);
  if (!notation.ok) return notation;
  return ok({
    shares,
    rows: t.rows.map((r) => ({
      row: r.row,
      code: cell(r, codeIdx),
      value: cell(r, valueIdx),
      ...(notation.value ? { notation: notation.value } : {}),
      ...commaFile(t.delimiter),
    })),
  });
}

/** The largest amount a beschikking row may hold: far above any real one, and Σ over 342 gemeenten stays exact. */
export const MAX_BESCHIKKING_EUR = 999_999_999_999;

const BESCHIKKING_COLUMNS = ['gemeentecode', 'onderdeel_nr', 'jaar', 'bedrag_eur'];

/** "€ 150.000" → "150.000": the euro sign is allowed in an amount. */
export const amountText = (text: string): string => text.replace(/^€\s*/, '').replace(/\s*€$/, '');

/**
 * Whole euros, or a failure naming the row. `lastenColumn`: the begroting's year column the amount
 * is in (its failures name the column); absent: a beschikking's bedrag_eur. `delimiter`: the file's
 * field separator; in a `,` file an ambiguous amount's message suggests a decimal point (a decimal
 * comma would split the field), as the column readers' do (`columnNotation`).
 */
export function readAmount(
  row: number,
  text: string,
  notation: Notation | undefined,
  lastenColumn?: string,
  delimiter?: string,
): number | InputFailure {
  const t = amountText(text);
  const column = lastenColumn ?? 'bedrag_eur';
  const at = lastenColumn === undefined ? {} : { column: lastenColumn };
  const p = parseDecimal(t, notation);
  if (p === 'nan') return { kind: 'NotANumber', row, column, text };
  if (p === 'ambiguous') return ambiguous(row, column, text, t, delimiter);
  if (p === 'negative') return { kind: 'NegativeAmount', row, text, ...at };
  const unit = 10n ** BigInt(p.decimals);
  if (p.digits % unit !== 0n) return { kind: 'CentsInAmount', row, text, ...at };
  const euros = p.digits / unit;
  if (euros > BigInt(MAX_BESCHIKKING_EUR)) return { kind: 'AmountTooLarge', row, text, max: MAX_BESCHIKKING_EUR };
  return Number(euros);
}

/**
 * Beschikking amounts as CSV: gemeentecode, onderdeel_nr (one of `lineNrs`: the lines a gemeente can
 * receive, 1–18), jaar (a year of `years`: the edition's axis, default the default edition's
 * 2023–2029), bedrag_eur in whole euros. Each gemeente × onderdeel × jaar at most once. Returns the
 * amounts or every failure (row, fix); never a partial result. `regionaalVoorLid` (optional): the
 * regeling of a line the gemeente cannot have a beschikking for (regional money of a gemeente that is
 * no mandaatgemeente: the domain's `eigenBeschikkingMogelijk`), else undefined; such a row is refused
 * (`RegionaalVoorLid`).
 */
export function parseBeschikkingCsv(
  input: UserInput,
  gemeenten: readonly Gemeente[],
  lines: readonly number[] | ReceivableLines,
  years: readonly EditionYear[] = editionInput(defaultEditionId()).edition.years,
  regionaalVoorLid?: (code: CbsCode, nr: number) => string | undefined,
): Result<BeschikkingAmount[]> {
  const edition = Array.isArray(lines) ? undefined : (lines as ReceivableLines);
  const lineNrs = edition ? edition.lines.map((l) => l.nr) : (lines as readonly number[]);
  const parsed = table(input, 'beschikking');
  if (!parsed.ok) return parsed;
  if (!parsed.value) return fail([{ kind: 'EmptyInput' }]);
  const titled = headerBelowTitles(parsed.value, 'beschikking', (h) =>
    BESCHIKKING_COLUMNS.every((c) => h.includes(c)),
  );
  if (!titled.ok) return titled;
  const t = titled.value;
  const idx = BESCHIKKING_COLUMNS.map((c) => t.header.indexOf(c));
  const missing = BESCHIKKING_COLUMNS.find((_, i) => (idx[i] ?? -1) < 0);
  if (missing) return fail([{ kind: 'MissingColumn', input: 'beschikking', column: missing, found: t.header }]);
  if (t.rows.length === 0) return fail([{ kind: 'EmptyInput' }]);
  const counts = fieldCounts(t);
  if (counts.length > 0) return fail(counts);
  const [codeIdx = 0, nrIdx = 0, jaarIdx = 0, amountIdx = 0] = idx;
  const notation = columnNotation(
    'bedrag_eur',
    t.rows.map((r) => ({ row: r.row, text: amountText(cell(r, amountIdx)), shown: cell(r, amountIdx) })),
    t.delimiter,
  );
  if (!notation.ok) return notation;
  const known = new Set<string>(gemeenten.map((g) => g.code));
  const failures: InputFailure[] = [];
  const out: BeschikkingAmount[] = [];
  const seen = new Map<string, number>();
  for (const r of t.rows) {
    const row = r.row;
    const code = cell(r, codeIdx);
    const nrText = cell(r, nrIdx);
    const jaarText = cell(r, jaarIdx);
    const c = code.toUpperCase();
    const before = failures.length;
    if (!known.has(c)) failures.push({ kind: 'UnknownCbsCode', row, code });
    const nr = /^\d{1,3}$/.test(nrText) ? Number(nrText) : NaN;
    if (!lineNrs.includes(nr))
      failures.push({
        kind: 'UnknownLine',
        row,
        text: nrText,
        ...(edition ? { editie: edition.editie, known: lineNrs } : {}),
      });
    // Only the form a user writes: "2025" (not "2025.0" or "0x7E9").
    const period = /^\d{4}$/.test(jaarText) && years.includes(Number(jaarText)) ? Number(jaarText) : undefined;
    if (period === undefined) failures.push({ kind: 'UnknownPeriod', row, text: jaarText, years });
    const amount = readAmount(row, cell(r, amountIdx), notation.value, undefined, t.delimiter);
    if (typeof amount !== 'number') failures.push(amount);
    const line = edition?.lines.find((l) => l.nr === nr);
    if (line && period !== undefined && !line.jaren.includes(period))
      failures.push({
        kind: 'RegelingNotInYear',
        row,
        regeling: line.regeling,
        jaar: period,
        from: Math.min(...line.jaren),
        to: Math.max(...line.jaren),
      });
    const regeling = failures.length > before ? undefined : regionaalVoorLid?.(c as CbsCode, nr);
    if (regeling !== undefined)
      failures.push({
        kind: 'RegionaalVoorLid',
        row,
        regeling,
        gemeente: gemeenten.find((g) => g.code === c)?.naam ?? c,
      });
    if (failures.length > before || period === undefined || typeof amount !== 'number') continue;
    const id = `${c}|${nr}|${String(period)}`;
    const firstRow = seen.get(id);
    if (firstRow !== undefined) {
      failures.push({ kind: 'DuplicateBeschikking', row, firstRow, code: c, nr, period: String(period) });
      continue;
    }
    seen.set(id, row);
    out.push({ code: c as CbsCode, nr, jaar: period, bedrag: euro(amount) });
  }
  return failures.length > 0 ? fail(failures) : ok(out);
}
