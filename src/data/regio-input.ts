import type { InputFailure, ParsedNumber, RegioFailure, RegioGewicht, RegioVastBedrag, Result } from '../domain';
import { ambiguous, commaFile, fail, MAX_WEIGHT_DECIMALS, ok, parseDecimal } from '../domain';
import { columnNotation } from './notation';
import type { TableRow, UserInput } from './user-input';
import { amountText, cell, fieldCounts, headerBelowTitles, readAmount, table } from './user-input';

/**
 * The user's input for the mandaatgemeente's split (src/domain/regio-verdeling.ts), as CSV with the
 * strictness of user-input.ts (whose table, field-count and amount helpers it uses): `,` `;` or tab
 * separated, UTF-8, Windows-1252 or UTF-16; the notation of numbers decided per column. Columns:
 *
 *   gemeentecode;gewicht          one row per member gemeente: its own weight (methods gewichten, vast)
 *   activiteit;bedrag_eur         one row per regional activity: a fixed amount in whole euros (method vast)
 *
 * Both pairs may be in one file (then each row fills one pair and leaves the other empty). Weights
 * may have decimals (up to MAX_WEIGHT_DECIMALS); they are scaled to whole numbers with the same
 * factor and divided by their greatest common divisor, so the split is exact. Returns every failure
 * (row and fix; Dutch text: regioFailureText), never a partial result. Membership, duplicates of a
 * gemeente and "fixed amounts above the region's amount" are checked by the domain, which knows the
 * region and year; the rows are carried so that its failures name them too.
 */

export interface RegioInvoer {
  readonly gewichten: readonly RegioGewicht[];
  readonly vast: readonly RegioVastBedrag[];
}

const CODE_COLUMNS = ['gemeentecode', 'cbs_code', 'cbs-code', 'code', 'gemeente'];

export function parseRegioInvoerCsv(input: UserInput): Result<RegioInvoer, InputFailure | RegioFailure> {
  const parsed = table(input, 'regioverdeling');
  if (!parsed.ok) return parsed;
  if (!parsed.value) return fail([{ kind: 'EmptyInput' }]);
  // Title rows above the header (a sheet saved as CSV) are skipped, as in a key file.
  const titled = headerBelowTitles(
    parsed.value,
    'regioverdeling',
    (h) =>
      (h.some((c) => CODE_COLUMNS.includes(c)) && h.includes('gewicht')) ||
      (h.includes('activiteit') && h.includes('bedrag_eur')),
  );
  if (!titled.ok) return titled;
  const t = titled.value;
  const codeIdx = t.header.findIndex((h) => CODE_COLUMNS.includes(h));
  const weightIdx = t.header.indexOf('gewicht');
  const actIdx = t.header.indexOf('activiteit');
  const amountIdx = t.header.indexOf('bedrag_eur');
  // A pair is complete or absent; at least one pair.
  const pairs: [number, number, string, string][] = [
    [codeIdx, weightIdx, 'gemeentecode', 'gewicht'],
    [actIdx, amountIdx, 'activiteit', 'bedrag_eur'],
  ];
  for (const [a, b, na, nb] of pairs) {
    if (a >= 0 && b < 0) return fail([{ kind: 'MissingColumn', input: 'regioverdeling', column: nb, found: t.header }]);
    if (b >= 0 && a < 0) return fail([{ kind: 'MissingColumn', input: 'regioverdeling', column: na, found: t.header }]);
  }
  if (codeIdx < 0 && actIdx < 0)
    return fail([{ kind: 'MissingColumn', input: 'regioverdeling', column: 'gemeentecode', found: t.header }]);
  if (t.rows.length === 0) return fail([{ kind: 'EmptyInput' }]);
  const counts = fieldCounts(t);
  if (counts.length > 0) return fail(counts);

  const failures: (InputFailure | RegioFailure)[] = [];
  const memberRows: TableRow[] = [];
  const activityRows: TableRow[] = [];
  for (const r of t.rows) {
    const isMember = codeIdx >= 0 && (cell(r, codeIdx) !== '' || cell(r, weightIdx) !== '');
    const isActivity = actIdx >= 0 && (cell(r, actIdx) !== '' || cell(r, amountIdx) !== '');
    if (isMember === isActivity) failures.push({ kind: 'RegioRowKind', row: r.row, both: isMember });
    else (isMember ? memberRows : activityRows).push(r);
  }

  const gewichten = readWeights(memberRows, codeIdx, weightIdx, t.delimiter, failures);
  const vast: RegioVastBedrag[] = [];
  if (activityRows.length > 0) {
    const notation = columnNotation(
      'bedrag_eur',
      activityRows.map((r) => ({ row: r.row, text: amountText(cell(r, amountIdx)), shown: cell(r, amountIdx) })),
      t.delimiter,
    );
    if (!notation.ok) failures.push(...notation.failures);
    else
      for (const r of activityRows) {
        const activiteit = cell(r, actIdx);
        const text = cell(r, amountIdx);
        if (activiteit === '') {
          failures.push({ kind: 'RegioRowKind', row: r.row, both: false });
          continue;
        }
        const a = readAmount(r.row, text, notation.value, undefined, t.delimiter);
        if (typeof a === 'number') vast.push({ activiteit, bedrag: a, row: r.row });
        else if (a.kind === 'NegativeAmount' || a.kind === 'CentsInAmount')
          failures.push({
            kind: 'RegioBadAmount',
            activiteit,
            text,
            reden: a.kind === 'NegativeAmount' ? 'negatief' : 'centen',
            row: r.row,
          });
        else failures.push(a);
      }
  }
  // In the order of the file's rows (a failure without a row, e.g. notation of a column, stays first).
  const rowOf = (f: InputFailure | RegioFailure): number => ('row' in f && f.row !== undefined ? f.row : 0);
  return failures.length > 0 ? fail([...failures].sort((a, b) => rowOf(a) - rowOf(b))) : ok({ gewichten, vast });
}

/** The weight column: notation per column, then whole numbers by one common scale (÷ gcd). */
function readWeights(
  rows: readonly TableRow[],
  codeIdx: number,
  weightIdx: number,
  delimiter: string,
  failures: (InputFailure | RegioFailure)[],
): RegioGewicht[] {
  if (rows.length === 0) return [];
  const notation = columnNotation(
    'gewicht',
    rows.map((r) => ({ row: r.row, text: cell(r, weightIdx) })),
    delimiter,
  );
  if (!notation.ok) {
    failures.push(...notation.failures);
    return [];
  }
  const read: { code: string; row: number; p: ParsedNumber }[] = [];
  const before = failures.length;
  for (const r of rows) {
    const code = cell(r, codeIdx);
    const text = cell(r, weightIdx);
    if (code === '') {
      failures.push({ kind: 'RegioRowKind', row: r.row, both: false });
      continue;
    }
    const p = parseDecimal(text, notation.value);
    if (p === 'nan') failures.push({ kind: 'NotANumber', row: r.row, column: 'gewicht', text, ...commaFile(delimiter) });
    else if (p === 'ambiguous') failures.push(ambiguous(r.row, 'gewicht', text, text, delimiter));
    else if (p === 'negative') failures.push({ kind: 'NegativeWeight', row: r.row, text });
    else if (p.decimals > MAX_WEIGHT_DECIMALS)
      failures.push({ kind: 'TooManyDecimals', row: r.row, text, max: MAX_WEIGHT_DECIMALS });
    else read.push({ code, row: r.row, p });
  }
  if (failures.length > before) return [];
  const scale = Math.max(...read.map((x) => x.p.decimals));
  let scaled = read.map((x) => x.p.digits * 10n ** BigInt(scale - x.p.decimals));
  const g = scaled.reduce((a, b) => gcd(a, b), 0n);
  if (g > 1n) scaled = scaled.map((w) => w / g);
  const out: RegioGewicht[] = [];
  read.forEach((x, i) => {
    const w = scaled[i] ?? 0n;
    if (w > BigInt(Number.MAX_SAFE_INTEGER))
      failures.push({
        kind: 'WeightsTooLarge',
        row: x.row,
        code: x.code,
        decimals: scale,
        fitsDecimals: undefined,
      });
    else out.push({ code: x.code, gewicht: Number(w), row: x.row });
  });
  return out;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
