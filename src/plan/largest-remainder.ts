/**
 * The largest-remainder rule on a sheet (docs/architecture.md, "The rounding rule"): one set of
 * formulas and one section writer, used by Afronding (key splits and Bijlage 2A years), Allocatie,
 * IZA (the split over the regions) and Regioverdeling (the split over the members).
 *
 * A national amount N is split with whole weights w (Σ = W): rest = N·w mod W, floor = (N·w − rest)/W;
 * d = Σ rest / W euros are left; the threshold t is the d-th largest rest, g the number of rests above
 * t; the correction (0/1) gives one euro to every rest above t and to the upper rests equal to t
 * until d is used; the amount is floor + correction.
 */
import type { SheetRange } from './anchors';
import type { SheetBuilder } from './sheet-builder';

/** The formulas of the rule, from the references of one cell of a fill. */
export const REMAINDER_FORMULAS = {
  /** The rest of a member: N·w mod W. */
  rest: (n: string, w: string, total: string): string => `MOD(${n}*${w},${total})`,
  /** Rounded down: (N·w − rest) / W. */
  floor: (n: string, w: string, rest: string, total: string): string => `(${n}*${w}-${rest})/${total}`,
  /** The member's amount: rounded down plus its correction. */
  amount: (n: string, w: string, rest: string, total: string, correction: string): string =>
    `${REMAINDER_FORMULAS.floor(n, w, rest, total)}+${correction}`,
  /** d: the euros left after rounding down, Σ rest / W. */
  handedOut: (rests: string, total: string): string => `SUM(${rests})/${total}`,
  /** d, the same counted from the rounded-down amounts: N − Σ floor. */
  handedOutFromFloors: (n: string, floors: string): string => `${n}-SUM(${floors})`,
  /** t: the d-th largest rest (the smallest that still gets a euro). */
  threshold: (rests: string, d: string): string => `LARGE(${rests},MAX(${d},1))`,
  /** g: the number of rests above t. */
  above: (rests: string, t: string): string => `COUNTIF(${rests},">"&${t})`,
  /** The 0/1 correction: above t, or equal to t and among the first d − g such rests from the top. */
  correction: (rest: string, restsSoFar: string, d: string, t: string, g: string): string =>
    `(${d}>0)*((${rest}>${t})+(${rest}=${t})*(COUNTIF(${restsSoFar},${t})<=${d}-${g}))`,
} as const;

/** The values of one split's steps (the domain's `RoundedSplit`, or the same numbers). */
export interface SplitSteps {
  /** Per member. */
  readonly rests: readonly number[];
  /** Per member (0/1). */
  readonly corrections: readonly number[];
  readonly handedOut: number;
  readonly threshold: number;
  readonly above: number;
}

/**
 * Where one block of splits sits. `members: 'rows'`: one member per row, one split per column, the
 * steps d, t, g are rows over the split columns (Afronding's key columns, IZA, Regioverdeling).
 * `members: 'columns'`: one member per column, one split per row, the steps are columns next to it
 * (Afronding's Bijlage 2A years: per gemeente over its onderdelen). All anchors are on the sheet
 * that is written (local references).
 */
export interface RemainderLayout {
  readonly members: 'rows' | 'columns';
  /** Members × splits. */
  readonly rests: SheetRange;
  readonly corrections: SheetRange;
  /** One cell per split each. */
  readonly handedOut: SheetRange;
  readonly threshold: SheetRange;
  readonly above: SheetRange;
}

/**
 * Writes the steps of a block of splits, one method per step, so each sheet keeps its own order of
 * blocks. `split(i)` gives the engine's values of the i-th split (the expected values).
 * `anchorSteps: false` leaves the step rows' references to each other unanchored (Regioverdeling:
 * the same cells, written as plain relative references).
 */
export class RemainderSteps {
  constructor(
    private readonly s: SheetBuilder,
    private readonly at: RemainderLayout,
    private readonly split: (i: number) => SplitSteps,
    private readonly anchorSteps = true,
  ) {}

  /** The first split's cell of a range, fixed along the member axis (it fills over the splits). */
  private fixed(range: SheetRange): string {
    return this.at.members === 'rows' ? range.fixRow() : range.fixCol();
  }
  /** The first split's rests (all members), fixed along the member axis. */
  private restsRef(): string {
    const r = this.at.rests.local();
    return this.fixed(this.at.members === 'rows' ? r.cols(0) : r.rows(0));
  }
  private step(range: SheetRange): string {
    const cell = range.local().cell();
    return this.anchorSteps ? this.fixed(cell) : cell.rel();
  }
  /** A member × split block's expected value from the split's per-member values. */
  private perMember(pick: (s: SplitSteps) => readonly number[]): (r: number, c: number) => number {
    return this.at.members === 'rows'
      ? (r, c) => pick(this.split(c))[r] ?? 0
      : (r, c) => pick(this.split(r))[c] ?? 0;
  }
  private perSplit(pick: (s: SplitSteps) => number): (r: number, c: number) => number {
    return this.at.members === 'rows' ? (_r, c) => pick(this.split(c)) : (r) => pick(this.split(r));
  }

  /** rest = N·w mod W over the members × splits (`n`, `w`, `total`: references of the first cell). */
  rests(n: string, w: string, total: string): this {
    const f = REMAINDER_FORMULAS.rest(n, w, total);
    this.s.formula(
      this.at.rests.address(),
      f,
      this.perMember((x) => x.rests),
      'integer',
    );
    return this;
  }
  /** d = Σ rest / W. */
  handedOut(total: string): this {
    const f = REMAINDER_FORMULAS.handedOut(this.restsRef(), total);
    this.s.formula(
      this.at.handedOut.address(),
      f,
      this.perSplit((x) => x.handedOut),
      'integer',
    );
    return this;
  }
  /** d = N − Σ floor (`floors`: the rounded-down amounts of the first split). */
  handedOutFromFloors(n: string, floors: SheetRange): this {
    const f = REMAINDER_FORMULAS.handedOutFromFloors(n, floors.local().cols(0).rel());
    this.s.formula(
      this.at.handedOut.address(),
      f,
      this.perSplit((x) => x.handedOut),
      'integer',
    );
    return this;
  }
  /** t = the d-th largest rest. */
  threshold(): this {
    const f = REMAINDER_FORMULAS.threshold(this.restsRef(), this.step(this.at.handedOut));
    this.s.formula(
      this.at.threshold.address(),
      f,
      this.perSplit((x) => x.threshold),
      'integer',
    );
    return this;
  }
  /** g = the number of rests above t. */
  above(): this {
    const f = REMAINDER_FORMULAS.above(this.restsRef(), this.step(this.at.threshold));
    this.s.formula(
      this.at.above.address(),
      f,
      this.perSplit((x) => x.above),
      'integer',
    );
    return this;
  }
  /** The 0/1 correction per member and split. */
  corrections(): this {
    const rest = this.at.rests.local().cell();
    const f = REMAINDER_FORMULAS.correction(
      rest.rel(),
      `${this.fixed(rest)}:${rest.rel()}`,
      this.fixed(this.at.handedOut.local().cell()),
      this.fixed(this.at.threshold.local().cell()),
      this.fixed(this.at.above.local().cell()),
    );
    this.s.formula(
      this.at.corrections.address(),
      f,
      this.perMember((x) => x.corrections),
      'integer',
    );
    return this;
  }
  /** Σ corrections per split (= d). */
  total(range: SheetRange): this {
    const c = this.at.corrections.local();
    const f = `SUM(${(this.at.members === 'rows' ? c.cols(0) : c.rows(0)).rel()})`;
    this.s.formula(
      range.address(),
      f,
      this.perSplit((x) => x.handedOut),
      'integer',
    );
    return this;
  }
  /**
   * The check Σ corrections − d per split (0 = goed): from the `total` cells, or (without them) with
   * the sum in the check itself.
   */
  check(range: SheetRange, total?: SheetRange): this {
    const d = this.fixed(this.at.handedOut.local().cell());
    const c = this.at.corrections.local();
    const sum = total ? total.local().cell().rel() : `SUM(${this.fixed(c.rows(0))})`;
    this.s.formula(range.address(), `${sum}-${d}`, () => 0, 'integer');
    return this;
  }
}
