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
 * rounding exact in the engine and in the spreadsheet alike (see allocation.ts).
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
}

/** Up to this many decimals in a user weight; more is a failure, not a silent rounding. */
export const MAX_WEIGHT_DECIMALS = 10;

/**
 * The largest integer N·w + W the engine and a spreadsheet both compute exactly in IEEE doubles.
 * Weights are checked against the largest national amount so that MOD and division stay exact.
 */
export const EXACT_LIMIT = Number.MAX_SAFE_INTEGER;

interface ParsedNumber {
  readonly digits: bigint;
  readonly decimals: number;
}

/** Parses "1234", "0.0125", "0,0125" and Dutch "1.234,5" without floats. */
export function parseDecimal(text: string): ParsedNumber | 'nan' | 'negative' {
  let t = text.trim().replace(/\s|\u00a0/g, '');
  if (t.startsWith('-')) return /^-[\d.,]+$/.test(t) && /[1-9]/.test(t) ? 'negative' : 'nan';
  if (t.includes(',') && t.includes('.')) t = t.replace(/\./g, '').replace(',', '.');
  else if (t.includes(',')) t = t.replace(',', '.');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return 'nan';
  const frac = m[2] ?? '';
  return { digits: BigInt((m[1] ?? '0') + frac), decimals: frac.length };
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
    const p = parseDecimal(r.value);
    if (p === 'nan') failures.push({ kind: 'NotANumber', row: r.row, column: 'gewicht', text: r.value });
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
  for (let i = 0; i < scaled.length; i++) {
    const w = scaled[i] ?? 0n;
    if (w * maxAmount + total > limit) {
      return fail([{ kind: 'WeightsTooLarge', row: rowOf[i] ?? 0, code: gemeenten[i]?.code ?? '' }]);
    }
  }
  return ok(makeKey('eigen', gemeenten, scaled.map(Number)));
}

/** The share of each gemeente (for display; allocation never uses these floats). */
export function shares(key: Verdeelsleutel): number[] {
  return key.weights.map((w) => w / key.total);
}
