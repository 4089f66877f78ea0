/**
 * Anchors: what a sheet section exposes for others to reference. A section lays out its blocks
 * with a row cursor and returns a typed record of `SheetRange`s; later sections receive those
 * records as arguments and build their cross-sheet references from them, never from row numbers
 * of their own. Anchors are builder-internal: they never appear in the serialised plan.
 */
import type { RangeRef } from './a1';
import { columnLetter, rangeAddress } from './a1';

/** A rectangle on a named sheet. */
export class SheetRange {
  constructor(
    readonly sheet: string,
    readonly box: RangeRef,
    /** Whether references carry the sheet name; `local()` drops it for formulas on the same sheet. */
    private readonly qualified = true,
  ) {}

  /** The rectangle of `rows` × `cols` cells with its top-left at (top, left). */
  static at(sheet: string, top: number, left: number, rows = 1, cols = 1): SheetRange {
    return new SheetRange(sheet, { top, left, bottom: top + rows - 1, right: left + cols - 1 });
  }

  get top(): number {
    return this.box.top;
  }
  get bottom(): number {
    return this.box.bottom;
  }
  get left(): number {
    return this.box.left;
  }
  get right(): number {
    return this.box.right;
  }

  /** The same range, referenced from its own sheet: `$C$6` instead of `Overzicht!$C$6`. */
  local(): SheetRange {
    return new SheetRange(this.sheet, this.box, false);
  }

  /** Local address on its own sheet, without `$` ("E5:I34"): where the owning sheet writes. */
  address(): string {
    return rangeAddress(this.box);
  }

  /** `Sheet!$E$5:$I$34`: fixed in both directions (names, lists, SUMPRODUCT over a whole block). */
  abs(): string {
    return this.ref(true, true);
  }
  /** `Sheet!E5`: moves both ways when the formula is filled. */
  rel(): string {
    return this.ref(false, false);
  }
  /** `Sheet!$A11`: the column is fixed, the row moves (one row per gemeente). */
  fixCol(): string {
    return this.ref(true, false);
  }
  /** `Sheet!E$12`: the row is fixed, the column moves (one column per period). */
  fixRow(): string {
    return this.ref(false, true);
  }

  /** The single cell `dr` rows and `dc` columns from the top-left (0-based). */
  cell(dr = 0, dc = 0): SheetRange {
    return this.with({
      top: this.top + dr,
      left: this.left + dc,
      bottom: this.top + dr,
      right: this.left + dc,
    });
  }
  /** `count` rows starting at row offset `from` (0-based), full width. */
  rows(from: number, count = 1): SheetRange {
    return this.with({ ...this.box, top: this.top + from, bottom: this.top + from + count - 1 });
  }
  /** `count` columns starting at column offset `from` (0-based), full height. */
  cols(from: number, count = 1): SheetRange {
    return this.with({ ...this.box, left: this.left + from, right: this.left + from + count - 1 });
  }
  /** The same columns, down to `bottom` (e.g. a gemeente column extended to the NL total row). */
  through(bottom: number): SheetRange {
    return this.with({ ...this.box, bottom });
  }

  private with(box: RangeRef): SheetRange {
    return new SheetRange(this.sheet, box, this.qualified);
  }

  private ref(fixCol: boolean, fixRow: boolean): string {
    const one = (row: number, col: number) =>
      `${fixCol ? '$' : ''}${columnLetter(col)}${fixRow ? '$' : ''}${row}`;
    const tl = one(this.top, this.left);
    const single = this.top === this.bottom && this.left === this.right;
    const a1 = single ? tl : `${tl}:${one(this.bottom, this.right)}`;
    return this.qualified ? `${this.sheet}!${a1}` : a1;
  }
}

/** A row cursor: sections take rows from the top down; blank rows between blocks are explicit. */
export class RowCursor {
  constructor(private row: number) {}

  /** The next free row. */
  get next(): number {
    return this.row;
  }
  /** Takes `count` rows and returns the first of them. */
  take(count = 1): number {
    const first = this.row;
    this.row += count;
    return first;
  }
  /** Leaves `count` rows blank. */
  skip(count = 1): this {
    this.row += count;
    return this;
  }
}
