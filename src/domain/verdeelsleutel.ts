import { KeyShapeError } from './errors';
import type { InputFailure, Result } from './failures';
import { fail, ok } from './failures';
import type { CbsCode, Gemeente, ReferenceData } from './types';

export const BUILT_IN_KEYS = ['spuk-2025', 'spuk-2026', 'inwoners', 'gelijk'] as const;
export type BuiltInKeyId = (typeof BUILT_IN_KEYS)[number];
export type KeyId = BuiltInKeyId | 'eigen';

/**
 * A verdeelsleutel: one non-negative whole-number weight per gemeente, in the row order of
 * `ReferenceData.gemeenten` (sorted by CBS code). Whole numbers keep the largest-remainder
 * rounding exact in the engine and in the spreadsheet alike (see largest-remainder.ts).
 */
export interface Verdeelsleutel {
  readonly id: KeyId;
  readonly codes: readonly CbsCode[];
  readonly weights: readonly number[];
  readonly total: number;
}

function makeKey(id: KeyId, gemeenten: readonly Gemeente[], weights: readonly number[]): Verdeelsleutel {
  if (weights.length !== gemeenten.length) throw new KeyShapeError(gemeenten.length, weights.length);
  let total = 0;
  for (const w of weights) total += w;
  return { id, codes: gemeenten.map((g) => g.code), weights, total };
}

export function isBuiltInKey(text: string): text is BuiltInKeyId {
  return (BUILT_IN_KEYS as readonly string[]).includes(text);
}

/** One of the keys derived from the reference data. */
export function builtInKey(id: BuiltInKeyId, data: ReferenceData): Verdeelsleutel {
  const byCode = new Map(data.bijlage2A.map((r) => [r.code, r]));
  const weights = data.gemeenten.map((g): number => {
    switch (id) {
      case 'spuk-2025':
        return byCode.get(g.code)?.totaal2025 ?? 0;
      case 'spuk-2026':
        return byCode.get(g.code)?.totaal2026 ?? 0;
      case 'inwoners':
        return g.inwoners;
      case 'gelijk':
        return 1;
    }
  });
  return makeKey(id, data.gemeenten, weights);
}

/** A row of a user-supplied key, as pasted or read from CSV: 1-based row numbers as the user sees them. */
export interface KeyInputRow {
  readonly row: number;
  readonly code: string;
  readonly value: string;
  /** The notation the reader decided for the whole column; without it, ambiguous values are refused. */
  readonly notation?: Notation;
  /** The file's field separator, when a comma: a failure's message then suggests a decimal point. */
  readonly delimiter?: ',';
}

/** Up to this many decimals in a user weight; more is a failure, not a silent rounding. */
export const MAX_WEIGHT_DECIMALS = 10;

/**
 * The largest integer N·w + W the engine and a spreadsheet both compute exactly in IEEE doubles.
 * Weights are checked against the largest national amount so that MOD and division stay exact.
 */
export const EXACT_LIMIT = Number.MAX_SAFE_INTEGER;

export interface ParsedNumber {
  readonly digits: bigint;
  readonly decimals: number;
}

/** How a number is written: Dutch `1.234.567,89` or English `1,234,567.89`. */
export type Notation = 'nl' | 'en';

/** The readings of a number text in each notation; a missing reading means "not a number in that notation". */
export interface NumberReadings {
  readonly negative: boolean;
  readonly nl?: ParsedNumber;
  readonly en?: ParsedNumber;
}

const SPACES = /[\s\u00a0\u2007\u202f]+/g;

function readAs(text: string, group: '.' | ',', decimal: ',' | '.'): ParsedNumber | undefined {
  const g = group === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  // Whole part: plain digits, or groups of three after a leading group that does not start with 0
  // (separated by the group mark or by spaces); then an optional fraction.
  const re = new RegExp(`^(\\d+|[1-9]\\d{0,2}(?:${g}\\d{3})+|[1-9]\\d{0,2}(?: \\d{3})+)(?:${d}(\\d+))?$`);
  const m = re.exec(text);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  return { digits: BigInt((m[1] ?? '0').replace(/[., ]/g, '') + frac), decimals: frac.length };
}

/**
 * Reads a number text in both notations, without floats. Spaces (also non-breaking) may group
 * thousands; a leading minus sign is noted. Undefined when the text is no number in either notation.
 */
export function numberReadings(text: string): NumberReadings | undefined {
  let t = text.replace(SPACES, ' ').trim();
  const negative = /^[-\u2212]/.test(t);
  if (negative) t = t.slice(1).trim();
  const nl = readAs(t, '.', ',');
  const en = readAs(t, ',', '.');
  if (!nl && !en) return undefined;
  return { negative, ...(nl ? { nl } : {}), ...(en ? { en } : {}) };
}

/** True when two parsed numbers have the same value (1,50 = 1,5). */
export function sameNumber(a: ParsedNumber, b: ParsedNumber): boolean {
  const scale = Math.max(a.decimals, b.decimals);
  return a.digits * 10n ** BigInt(scale - a.decimals) === b.digits * 10n ** BigInt(scale - b.decimals);
}

/** A parsed number as plain text with "." for decimals and trailing zeros dropped: "942.1", "942100". */
export function numberText(p: ParsedNumber): string {
  const s = p.digits.toString().padStart(p.decimals + 1, '0');
  if (p.decimals === 0) return s;
  const frac = s.slice(s.length - p.decimals).replace(/0+$/, '');
  const whole = s.slice(0, s.length - p.decimals);
  return frac === '' ? whole : `${whole}.${frac}`;
}

/**
 * Parses "1234", "0.0125", "0,0125", Dutch "1.234,5" or English "1,234.5" without floats. With a
 * notation (decided for the whole column by the reader), the text is read in that notation only;
 * without one, a text whose two readings differ ("942.100": 942100 or 942,1) is 'ambiguous', never guessed.
 */
export function parseDecimal(
  text: string,
  notation?: Notation,
): ParsedNumber | 'nan' | 'negative' | 'ambiguous' {
  const r = numberReadings(text);
  if (!r) return 'nan';
  const p = notation
    ? r[notation]
    : r.nl && r.en
      ? sameNumber(r.nl, r.en)
        ? r.nl
        : undefined
      : (r.nl ?? r.en);
  if (!notation && r.nl && r.en && !p) return 'ambiguous';
  if (!p) return 'nan';
  if (r.negative) return p.digits === 0n ? p : 'negative';
  return p;
}

/**
 * `{ delimiter: ',' }` for a file whose fields a comma separates, else nothing: spread into a number's
 * failure (AmbiguousNumber, NotANumber), its message then suggests forms that fit such a file (a
 * decimal point: a decimal comma would split the field).
 */
export function commaFile(delimiter: string | undefined): { readonly delimiter?: ',' } {
  return delimiter === ',' ? { delimiter: ',' } : {};
}

/**
 * The failure for a number whose Dutch and English readings differ, with both readings; `number` is
 * `text` without a unit; `delimiter`: the file's field separator (see `commaFile`).
 */
export function ambiguous(
  row: number,
  column: string,
  text: string,
  number = text,
  delimiter?: string,
): InputFailure {
  const r = numberReadings(number);
  return {
    kind: 'AmbiguousNumber',
    row,
    column,
    text,
    nl: r?.nl ? numberText(r.nl) : '',
    en: r?.en ? numberText(r.en) : '',
    others: 0,
    ...commaFile(delimiter),
  };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export interface CustomKeyOptions {
  /** Interpret the values as shares that must add up to 1 (or 100 %), rather than free weights. */
  readonly shares?: boolean;
  /** Largest national amount the key will split; bounds the weights (see EXACT_LIMIT). */
  readonly maxAmount: number;
}

/**
 * Checks a user-supplied key: every CBS code known and present once, every value a
 * non-negative number, all gemeenten covered. Decimal weights are scaled exactly to whole numbers
 * and divided by their greatest common divisor.
 */
export function customKey(
  rows: readonly KeyInputRow[],
  gemeenten: readonly Gemeente[],
  options: CustomKeyOptions,
): Result<Verdeelsleutel> {
  if (rows.length === 0) return fail([{ kind: 'EmptyInput' }]);
  const column = options.shares ? 'aandeel' : 'gewicht';
  const index = new Map(gemeenten.map((g, i) => [g.code as string, i]));
  const failures: InputFailure[] = [];
  const seen = new Map<string, number>();
  const parsed: (ParsedNumber | undefined)[] = gemeenten.map(() => undefined);
  const rowOf: number[] = gemeenten.map(() => 0);
  for (const r of rows) {
    const code = r.code.trim().toUpperCase();
    const i = index.get(code);
    if (i === undefined) {
      failures.push({ kind: 'UnknownCbsCode', row: r.row, code: r.code });
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      failures.push({ kind: 'DuplicateCbsCode', row: r.row, code, firstRow: first });
      continue;
    }
    seen.set(code, r.row);
    const p = parseDecimal(r.value, r.notation);
    if (p === 'nan')
      failures.push({ kind: 'NotANumber', row: r.row, column, text: r.value, ...commaFile(r.delimiter) });
    else if (p === 'ambiguous') failures.push(ambiguous(r.row, column, r.value, r.value, r.delimiter));
    else if (p === 'negative') failures.push({ kind: 'NegativeWeight', row: r.row, text: r.value });
    else if (p.decimals > MAX_WEIGHT_DECIMALS)
      failures.push({ kind: 'TooManyDecimals', row: r.row, text: r.value, max: MAX_WEIGHT_DECIMALS });
    else {
      parsed[i] = p;
      rowOf[i] = r.row;
    }
  }
  const missing = gemeenten.filter((g) => !seen.has(g.code)).map((g) => g.code as string);
  if (missing.length > 0) failures.push({ kind: 'MissingGemeenten', codes: missing });
  if (failures.length > 0) return fail(failures);

  const maxDecimals = Math.max(...parsed.map((p) => p?.decimals ?? 0));
  let scaled = parsed.map((p) => (p ? p.digits * 10n ** BigInt(maxDecimals - p.decimals) : 0n));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return fail([{ kind: 'AllWeightsZero' }]);
  if (options.shares) {
    const one = 10n ** BigInt(maxDecimals);
    // Shares may be given as fractions (Σ = 1) or percentages (Σ = 100). Rounded shares may be off by half a
    // unit of their last decimal each, but never by more than 0.1 % of the whole.
    const near = (target: bigint): boolean => {
      const tolerance =
        BigInt(scaled.length) / 2n < target / 1000n ? BigInt(scaled.length) / 2n : target / 1000n;
      return (sum > target ? sum - target : target - sum) <= tolerance;
    };
    if (!near(one) && !near(one * 100n)) {
      const text = (Number(sum) / Number(one)).toString();
      return fail([{ kind: 'SharesDoNotAddUp', sumText: text }]);
    }
  }
  const g = scaled.reduce((a, b) => gcd(a, b), 0n);
  if (g > 1n) scaled = scaled.map((w) => w / g);
  const total = scaled.reduce((a, b) => a + b, 0n);
  const limit = BigInt(EXACT_LIMIT);
  const maxAmount = BigInt(options.maxAmount);
  // The largest weight decides; name its row, as that is the value to change.
  let top = 0;
  scaled.forEach((w, i) => {
    if (w > (scaled[top] ?? 0n)) top = i;
  });
  const w = scaled[top] ?? 0n;
  if (w * maxAmount + total > limit) {
    // With decimals, fewer of them is the fix: find how many still fit (each one less divides by 10).
    let fits = maxDecimals;
    let need = w * maxAmount + total;
    while (fits > 0 && need > limit) {
      fits--;
      need /= 10n;
    }
    return fail([
      {
        kind: 'WeightsTooLarge',
        row: rowOf[top] ?? 0,
        code: gemeenten[top]?.code ?? '',
        decimals: maxDecimals,
        fitsDecimals: need > limit ? undefined : fits,
      },
    ]);
  }
  return ok(makeKey('eigen', gemeenten, scaled.map(Number)));
}

/** The share of each gemeente (for display; allocation never uses these floats). */
export function shares(key: Verdeelsleutel): number[] {
  return key.weights.map((w) => w / key.total);
}
