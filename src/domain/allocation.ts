import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { Period } from './periods';
import { PERIODS } from './periods';
import type { RoundedSplit } from './largest-remainder';
import { splitLargestRemainder } from './largest-remainder';
import { splitStructural } from './structural-split';
import type { CbsCode, Onderdeel, ReferenceData } from './types';
import type { Verdeelsleutel } from './verdeelsleutel';

/**
 * Where an amount comes from, strongest first: the gemeente's own `beschikking` (the user entered it;
 * it wins), a `gepubliceerd` figure, an amount `afgeleid` (split by a stated rule from published
 * figures), or `geschat` (key × national amount).
 */
export type Bron = 'beschikking' | 'gepubliceerd' | 'afgeleid' | 'geschat';

/** An amount the user entered from the gemeente's own beschikking. */
export interface Beschikking {
  readonly code: CbsCode;
  readonly nr: number;
  readonly period: Period;
  readonly amount: Euro;
}

export interface AllocationCell {
  readonly amount: Euro;
  readonly structureel: Euro;
  readonly incidenteel: Euro;
  readonly bron: Bron;
}

/** National amount of a line in a period (0 where the table is blank). */
export function nationalAmount(line: Onderdeel, period: Period): Euro {
  return period === 'structureel' ? (line.structureel ?? ZERO) : (line.amounts[period] ?? ZERO);
}

/**
 * Allocation of every line (15 onderdelen + IZA) and period (2023–2026, structureel) over all
 * gemeenten with one key. Splits are kept (with their rounding steps) for the workbook's proof.
 */
export class Allocation {
  private readonly splits: RoundedSplit[][];
  private readonly overrides: Map<string, Euro>;
  private readonly rowOf: Map<string, number>;

  constructor(
    readonly data: ReferenceData,
    readonly key: Verdeelsleutel,
    beschikkingen: readonly Beschikking[] = [],
  ) {
    this.splits = data.onderdelen.map((line) =>
      PERIODS.map((p) => splitLargestRemainder(nationalAmount(line, p), key)),
    );
    this.overrides = new Map(beschikkingen.map((b) => [cellKey(b.code, b.nr, b.period), b.amount]));
    this.rowOf = new Map(key.codes.map((c, i) => [c as string, i]));
  }

  split(lineIndex: number, period: Period): RoundedSplit {
    const s = this.splits[lineIndex]?.[PERIODS.indexOf(period)];
    if (!s) throw new RangeError(`No split for line index ${lineIndex}, period ${period}`);
    return s;
  }

  /** Key estimate for a gemeente (by row), ignoring beschikkingen. */
  estimate(row: number, lineIndex: number, period: Period): Euro {
    return this.split(lineIndex, period).amounts[row] ?? ZERO;
  }

  rowIndex(code: CbsCode): number {
    const r = this.rowOf.get(code);
    if (r === undefined) throw new RangeError(`Gemeente ${code} is not in the key`);
    return r;
  }

  /** Amount with bron: a beschikking wins over the estimate. */
  amount(row: number, lineIndex: number, period: Period): { amount: Euro; bron: Bron } {
    const line = this.data.onderdelen[lineIndex];
    const code = this.key.codes[row];
    if (line && code) {
      const o = this.overrides.get(cellKey(code, line.nr, period));
      if (o !== undefined) return { amount: o, bron: 'beschikking' };
    }
    return { amount: this.estimate(row, lineIndex, period), bron: 'geschat' };
  }

  cell(row: number, lineIndex: number, period: Period): AllocationCell {
    const { amount, bron } = this.amount(row, lineIndex, period);
    const level = this.amount(row, lineIndex, 'structureel').amount;
    return { ...splitStructural(amount, level, period), amount, bron };
  }

  /** Σ over gemeenten of the key estimates: equals the national amount to the euro. */
  columnTotal(lineIndex: number, period: Period): Euro {
    let s = 0;
    for (const a of this.split(lineIndex, period).amounts) s += a;
    return euro(s);
  }
}

function cellKey(code: string, nr: number, period: Period): string {
  return `${code}|${nr}|${period}`;
}
