import { parseRange, rangeAddress, parseCell, rangeSize } from './a1';
import type {
  Block,
  CellValue,
  ChartSpec,
  ColumnSpec,
  ConditionalFormatSpec,
  FormatSpec,
  FormulaBlock,
  HeaderFooterSpec,
  PrintSpec,
  SheetPlan,
  SheetRole,
  StyleName,
  TableSchema,
  TableSpec,
  ValidationSpec,
} from './types';
import { COLORS, STYLES } from './styles';
import type { TextFont } from './text-fit';
import { linesHeight, wrappedLines } from './text-fit';

/** A built sheet and the anchors (`cells`) it exposes to the sheets built after it. */
export interface Built<C> {
  readonly sheet: SheetBuilder;
  readonly cells: C;
}

/** Accumulates one sheet's plan. Pure: it only collects data. */
export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly formats: FormatSpec[] = [];
  private readonly columns: ColumnSpec[] = [];
  private readonly cfs: ConditionalFormatSpec[] = [];
  private readonly validations: ValidationSpec[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly charts: ChartSpec[] = [];
  private freeze: { rows: number; columns: number } | undefined;
  private readonly rowHeights = new Map<number, number>();
  private readonly hidden = new Set<number>();
  private readonly breaks = new Set<number>();
  private printArea: { left: string; right: string; lastRow?: number } | undefined;
  private printSpec: Omit<PrintSpec, 'header' | 'footer'> = {
    orientation: 'landscape',
    fitToWidth: true,
    fitToHeight: 0,
  };
  private bottom = 1;
  private right = 1;
  private addinRanges: string[] | undefined;
  private tableSchema: TableSchema | undefined;

  constructor(
    readonly name: string,
    readonly role: SheetRole,
  ) {}

  private extend(range: string): void {
    const r = parseRange(range);
    this.bottom = Math.max(this.bottom, r.bottom);
    this.right = Math.max(this.right, r.right);
  }

  /** A rectangle of values with its top-left at `at`. */
  values(at: string, values: readonly (readonly CellValue[])[], style?: StyleName): this {
    if (values.length === 0) return this;
    const width = values[0]?.length ?? 0;
    if (values.some((row) => row.length !== width))
      throw new RangeError(`Ragged value block at ${this.name}!${at}`);
    const tl = parseCell(at);
    const range = rangeAddress({
      top: tl.row,
      left: tl.col,
      bottom: tl.row + values.length - 1,
      right: tl.col + width - 1,
    });
    this.blocks.push({ kind: 'values', at, values });
    this.extend(range);
    if (style) this.format(range, style);
    return this;
  }

  value(at: string, value: CellValue, style?: StyleName): this {
    return this.values(at, [[value]], style);
  }

  /** One formula filled over `range`; `expected(row, col)` gives the engine's value of each cell (0-based in the block). */
  formula(
    range: string,
    formula: string,
    expected: (row: number, col: number) => CellValue,
    style?: StyleName,
  ): this {
    const { rows, cols } = rangeSize(parseRange(range));
    const grid: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < cols; c++) line.push(expected(r, c));
      grid.push(line);
    }
    this.blocks.push({ kind: 'formula', range, formula, expected: grid });
    this.extend(range);
    if (style) this.format(range, style);
    return this;
  }

  /** The formula blocks written so far (a sheet may guard them, see Overzicht). */
  formulaBlocks(): readonly FormulaBlock[] {
    return this.blocks.filter((b): b is FormulaBlock => b.kind === 'formula');
  }

  format(range: string, style: StyleName): this {
    this.formats.push({ range, style });
    return this;
  }

  width(column: string, width: number): this {
    this.columns.push({ column, width });
    return this;
  }

  conditional(spec: ConditionalFormatSpec): this {
    this.cfs.push(spec);
    return this;
  }

  /** The three structural/incidental label rules on a range of label cells (text, never colour alone). */
  aardRules(range: string): this {
    const r = parseRange(range);
    const ref = rangeAddress({ top: r.top, left: r.left, bottom: r.top, right: r.left });
    const rules: [string, string, string][] = [
      ['structureel', COLORS.structureelFill, COLORS.structureelText],
      ['deels structureel', COLORS.deelsFill, COLORS.deelsText],
      ['incidenteel', COLORS.incidenteelFill, COLORS.incidenteelText],
    ];
    rules.forEach(([label, fill, fontColor], i) =>
      this.conditional({ range, formula: `${ref}="${label}"`, fill, fontColor, bold: true, priority: i + 1 }),
    );
    return this;
  }

  validation(spec: ValidationSpec): this {
    this.validations.push(spec);
    return this;
  }

  table(spec: TableSpec): this {
    this.tables.push(spec);
    this.extend(spec.range);
    return this;
  }

  chart(spec: ChartSpec): this {
    this.charts.push(spec);
    this.extend(`${spec.from}:${spec.to}`);
    return this;
  }

  printAs(orientation: 'landscape' | 'portrait', fitToWidth: boolean): this {
    this.printSpec = { ...this.printSpec, orientation, fitToWidth };
    return this;
  }

  /** Print area, repeated title rows/columns and the page limit in height (with fit to width). */
  printLayout(spec: {
    area?: string;
    titleRows?: string;
    titleColumns?: string;
    fitToHeight?: number;
  }): this {
    this.printSpec = { ...this.printSpec, ...spec };
    return this;
  }

  /**
   * The print area: columns `left`..`right` of every row the sheet uses (the rows are known at build),
   * or up to `lastRow` (1-based) when the rows below are input tables read on screen, not on paper.
   * For a sheet whose wide technical columns would shrink the page below reading size.
   */
  printColumns(left: string, right: string, lastRow?: number): this {
    this.printArea = { left, right, ...(lastRow === undefined ? {} : { lastRow }) };
    return this;
  }

  /** A column the user does not read (helper cells): hidden. */
  hiddenColumn(column: string, width = 12): this {
    this.columns.push({ column, width, hidden: true });
    return this;
  }

  /**
   * Marks the sheet as the user's (see `SheetPlan.userOwned`): after it was created, only these ranges
   * are the add-in's and rewritten on a refresh.
   */
  userOwned(addinRanges: readonly string[], table?: TableSchema): this {
    this.addinRanges = [...addinRanges];
    this.tableSchema = table;
    return this;
  }

  /**
   * Row `row` (1-based) at least `points` high (the larger wins when set twice), so text that wraps
   * shows its lines in Excel and in print.
   */
  rowHeight(row: number, points: number): this {
    this.rowHeights.set(row, Math.max(points, this.rowHeights.get(row) ?? 0));
    return this;
  }

  /**
   * Rows `top`..`bottom` (1-based) hidden (height 0, see RowHeightSpec): technical steps the reader
   * does not need on screen or on paper (they stay in the sheet and can be shown again). Wins over
   * any height set for those rows.
   */
  hideRows(top: number, bottom: number): this {
    for (let r = top; r <= bottom; r++) this.hidden.add(r);
    return this;
  }

  /**
   * The lines `text` takes wrapped in a column `width` units wide (Excel's width in characters), in
   * whole words, measured in pixels of the font (see text-fit.ts); one line when it fits.
   */
  static linesFor(text: string, width: number, font: TextFont = {}): number {
    return wrappedLines(text, width, font);
  }

  /**
   * The font of a cell from the styles formatted over it (the last one naming a size or weight wins):
   * a lookup over the formats as they are now, each address parsed once (a sheet has hundreds).
   */
  private fontLookup(): (row: number, col: number) => TextFont {
    const fonts = this.formats
      .map((f) => ({ spec: STYLES[f.style], f }))
      .filter(({ spec }) => spec.fontSize !== undefined || spec.bold !== undefined)
      .map(({ spec, f }) => ({ spec, r: parseRange(f.range) }));
    return (row, col) => {
      let size: number | undefined;
      let bold: boolean | undefined;
      for (const { spec, r } of fonts) {
        if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
        if (spec.fontSize !== undefined) size = spec.fontSize;
        if (spec.bold !== undefined) bold = spec.bold;
      }
      return { ...(size !== undefined ? { size } : {}), ...(bold !== undefined ? { bold } : {}) };
    };
  }

  /**
   * Every text written (by `values`) in `column` that is longer than the room it has (the column's
   * `width` plus the empty cells to its right up to the next filled one, where Excel cuts it) wraps
   * in the column, and its row gets the height of its lines (15 pt a line at 11 pt; the lines measured
   * in the cell's font, text-fit.ts): so a long label is read
   * whole on screen and on paper. A text that fits its room flows on as it is. Call after everything
   * on the sheet is written and the widths of the columns to its right are set (default 8,43).
   */
  wrapLongTexts(column: string, width: number): this {
    const col = parseCell(`${column}1`).col;
    // Each block's address parsed once, not once per cell asked about (the sheets have hundreds of
    // blocks and this asks about every cell right of a long text: the plan's largest cost before).
    const placed = this.blocks.map((b) => {
      if (b.kind === 'formula') return { ...parseRange(b.range), values: undefined };
      const tl = parseCell(b.at);
      return { top: tl.row, left: tl.col, bottom: tl.row, right: tl.col, values: b.values };
    });
    const filled = (row: number, c: number): boolean =>
      placed.some((p) => {
        if (p.values === undefined) return row >= p.top && row <= p.bottom && c >= p.left && c <= p.right;
        const v = p.values[row - p.top]?.[c - p.left];
        return v !== undefined && v !== null && v !== '';
      });
    // The room ends at the print area's last column (beyond it, paper cuts the text).
    const last = this.printArea ? parseCell(`${this.printArea.right}1`).col : this.right;
    const widths = new Map<number, number>();
    const widthOf = (c: number): number => {
      let w = widths.get(c);
      if (w === undefined) widths.set(c, (w = this.widthOf(c)));
      return w;
    };
    const fontAt = this.fontLookup();
    for (const b of this.blocks) {
      if (b.kind !== 'values') continue;
      const tl = parseCell(b.at);
      if (col < tl.col || col >= tl.col + (b.values[0]?.length ?? 0)) continue;
      b.values.forEach((line, r) => {
        const text = line[col - tl.col];
        // Whether it wraps: counted in characters, on the safe side. A text left to run on over empty
        // cells is printed by LibreOffice with a wider font than Calibri (DejaVu Sans where Carlito is
        // missing), and a run-on text it finds too wide for the page made it print the whole Overzicht
        // 4 % smaller (7.3 → 7.0 pt, measured): so only the number of lines is measured in the font.
        if (typeof text !== 'string' || text.length <= width) return;
        let room = width;
        for (let c = col + 1; c <= last && !filled(tl.row + r, c); c++) room += widthOf(c);
        if (text.length <= room) return;
        const font = fontAt(tl.row + r, col);
        const lines = SheetBuilder.linesFor(text, width, font);
        if (lines < 2) return;
        this.format(`${column}${tl.row + r}`, 'wrap');
        this.rowHeight(tl.row + r, linesHeight(lines, font));
      });
    }
    return this;
  }

  /**
   * A printed page starts at row `row` (1-based, > 1): a manual page break above it (see
   * `SheetPlan.pageBreaks`). For a block read as one (a chart), so it never falls over two pages.
   */
  pageBreakBefore(row: number): this {
    if (!Number.isInteger(row) || row < 2)
      throw new RangeError(`Page break before row ${row} of ${this.name}`);
    this.breaks.add(row);
    return this;
  }

  freezeAt(rows: number, columns: number): this {
    this.freeze = { rows, columns };
    return this;
  }

  /** The sheet's plan; every sheet prints with the same header and footer (the workbook's, from build). */
  /** Width of column number `c` (its last `width` call; Excel's default 8,43 without one). */
  private widthOf(c: number): number {
    let w = 8.43;
    for (const spec of this.columns) if (parseCell(`${spec.column}1`).col === c) w = spec.width;
    return w;
  }

  /**
   * Header rows (style `header`, which wraps) high enough for their longest heading, in whole words
   * over the column's width (15 pt a line, measured in the header's bold font): a wrapped heading otherwise runs over the first data row
   * in LibreOffice and is cut in Excel (#18).
   */
  private fitHeaderRows(): void {
    const text = new Map<string, string>();
    for (const b of this.blocks) {
      if (b.kind !== 'values') continue;
      const tl = parseCell(b.at);
      b.values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (typeof v === 'string' && v !== '') text.set(`${tl.row + r}:${tl.col + c}`, v);
        }),
      );
    }
    const fontAt = this.fontLookup();
    for (const f of this.formats) {
      if (f.style !== 'header') continue;
      const r = parseRange(f.range);
      for (let row = r.top; row <= r.bottom; row++) {
        let lines = 1;
        let font: TextFont = {};
        for (let c = r.left; c <= r.right; c++) {
          const t = text.get(`${row}:${c}`);
          if (t === undefined) continue;
          const f = fontAt(row, c);
          const n = SheetBuilder.linesFor(t, this.widthOf(c), f);
          if (n > lines) [lines, font] = [n, f];
        }
        if (lines > 1) this.rowHeight(row, linesHeight(lines, font));
      }
    }
  }

  build(page: { header: HeaderFooterSpec; footer: HeaderFooterSpec }): SheetPlan {
    this.fitHeaderRows();
    for (const r of this.hidden) this.rowHeights.set(r, 0);
    return {
      name: this.name,
      role: this.role,
      tabColor: COLORS.tab[this.role],
      columns: this.columns,
      blocks: this.blocks,
      formats: this.formats,
      conditionalFormats: this.cfs,
      validations: this.validations,
      tables: this.tables,
      charts: this.charts,
      ...(this.freeze ? { freeze: this.freeze } : {}),
      ...(this.breaks.size > 0 ? { pageBreaks: [...this.breaks].sort((a, b) => a - b) } : {}),
      ...(this.rowHeights.size > 0
        ? {
            rowHeights: [...this.rowHeights]
              .sort(([a], [b]) => a - b)
              .map(([row, height]) => ({ row, height })),
          }
        : {}),
      print: {
        ...this.printSpec,
        ...(this.printArea
          ? {
              area: `${this.printArea.left}1:${this.printArea.right}${this.printArea.lastRow ?? this.bottom}`,
            }
          : {}),
        ...page,
      },
      // A user-owned sheet is never protected: its table must be able to grow.
      protect: this.addinRanges === undefined && this.blocks.some((b) => b.kind === 'formula'),
      usedRange: rangeAddress({ top: 1, left: 1, bottom: this.bottom, right: this.right }),
      ...(this.addinRanges
        ? {
            userOwned: {
              addinRanges: this.addinRanges,
              ...(this.tableSchema ? { table: this.tableSchema } : {}),
            },
          }
        : {}),
    };
  }
}
