import { PrecisionError, ZeroWeightsError } from './errors';
import type { Euro } from './money';
import type { Verdeelsleutel } from './verdeelsleutel';

/**
 * The split of one national amount over the gemeenten of a key, with every step of the
 * rounding kept so that it can be shown (and checked) in the workbook.
 *
 * Rule (Hamilton / largest remainder), in whole euros, with W = Σ weights:
 *   rest_i     = (N · w_i) mod W
 *   floor_i    = (N · w_i − rest_i) / W
 *   d          = N − Σ floor_i  (= Σ rest_i / W: the euros left to hand out, 0 ≤ d < #gemeenten)
 *   t          = the d-th largest rest (threshold); g = #rests above t; k = d − g ties to take
 *   correctie_i = 1 if rest_i > t, or rest_i = t and fewer than k earlier rows have rest = t; else 0
 *   amount_i   = floor_i + correctie_i          (d = 0: no corrections)
 * Ties are broken by row order (CBS code order). Σ amount_i = N exactly.
 * All intermediate values are integers below 2^53, so a spreadsheet computes the same numbers.
 */
export interface RoundedSplit {
  readonly amounts: readonly Euro[];
  readonly rests: readonly number[];
  readonly corrections: readonly (0 | 1)[];
  /** Euros handed out by the rounding correction. */
  readonly handedOut: number;
  /** The threshold rest t (0 when nothing is handed out, as there is nothing to rank). */
  readonly threshold: number;
  /** Rows with a rest strictly above the threshold. */
  readonly above: number;
}

export function splitLargestRemainder(amount: Euro, key: Verdeelsleutel): RoundedSplit {
  return splitByWeights(amount, key.weights, key.total);
}

/**
 * The same split for any non-negative whole-number weights (`total` = Σ weights > 0). Negative
 * amounts are split like the sheet's MOD does it: the rest is always 0 ≤ rest < W (floored
 * division), so engine and spreadsheet agree for every input a user can type
 * (e.g. −10 over weights 1,1,1 gives −3, −3, −4).
 */
export function splitByWeights(amount: Euro, weights: readonly number[], total: number): RoundedSplit {
  const n = weights.length;
  const W = total;
  if (W <= 0 || amount === 0) {
    if (amount !== 0) throw new ZeroWeightsError(amount);
    const zeros = new Array<number>(n).fill(0);
    return {
      amounts: zeros as Euro[],
      rests: zeros,
      corrections: zeros as (0 | 1)[],
      handedOut: 0,
      threshold: 0,
      above: 0,
    };
  }
  // Every N·w ± W is a safe integer when the largest is (weights are ≥ 0): one check, not one per row.
  let maxWeight = 0;
  for (let i = 0; i < n; i++) if ((weights[i] ?? 0) > maxWeight) maxWeight = weights[i] ?? 0;
  const extreme = Math.abs(amount) * maxWeight;
  if (!Number.isSafeInteger(extreme + W)) throw new PrecisionError(amount * maxWeight);
  const rests = new Array<number>(n);
  const amounts = new Array<Euro>(n);
  let restSum = 0;
  for (let i = 0; i < n; i++) {
    const product = amount * (weights[i] ?? 0);
    // Floored, as the sheet's MOD: 0 ≤ rest < W. Division and one correction instead of `%` (a
    // floating-point fmod, several times slower); exact: |q · W| ≤ |N · w| + W, a safe integer.
    let q = Math.floor(product / W);
    let rest = product - q * W;
    if (rest < 0) {
      rest += W;
      q--;
    } else if (rest >= W) {
      rest -= W;
      q++;
    }
    rests[i] = rest;
    amounts[i] = q as Euro;
    restSum += rest;
  }
  const handedOut = restSum / W;
  const corrections = new Array<0 | 1>(n).fill(0);
  let threshold = 0;
  let above = 0;
  if (handedOut > 0) {
    threshold = kthLargest(rests, handedOut);
    for (const r of rests) if (r > threshold) above++;
    let tiesLeft = handedOut - above;
    for (let i = 0; i < n; i++) {
      const r = rests[i] ?? 0;
      if (r > threshold || (r === threshold && tiesLeft-- > 0)) {
        corrections[i] = 1;
        amounts[i] = ((amounts[i] ?? 0) + 1) as Euro;
      }
    }
  } else if (n > 0) {
    threshold = Math.max(...rests);
  }
  return { amounts, rests, corrections, handedOut, threshold, above };
}

/**
 * The k-th largest value (1-based) in linear expected time (quickselect with a median-of-three
 * pivot), so that the split stays linear in the number of gemeenten. Does not modify `values`.
 */
export function kthLargest(values: readonly number[], k: number): number {
  // A plain copy: Float64Array.from goes through the iterator protocol, several times slower.
  const a = new Float64Array(values.length);
  for (let i = 0; i < a.length; i++) a[i] = values[i] as number;
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) > pivot) i++;
      while ((a[j] as number) < pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target] as number;
  }
  return a[target] as number;
}
