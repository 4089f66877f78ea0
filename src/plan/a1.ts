/** Pure A1 address maths. Rows and columns are 1-based here, as in Excel. */

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new RangeError(`Bad column ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function absAddress(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

export function parseCell(a1: string): CellRef {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new RangeError(`Not a cell address: ${a1}`);
  return { col: columnNumber(m[1] ?? ''), row: Number(m[2]) };
}

export function parseRange(a1: string): RangeRef {
  const [a, b] = a1.split(':');
  const tl = parseCell(a ?? '');
  const br = b === undefined ? tl : parseCell(b);
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

export function rangeAddress(r: RangeRef): string {
  const tl = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellAddress(r.bottom, r.right)}`;
}

export function rangeOf(top: number, left: number, rows: number, cols: number): string {
  return rangeAddress({ top, left, bottom: top + rows - 1, right: left + cols - 1 });
}

export function rangeSize(r: RangeRef): { rows: number; cols: number } {
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

/**
 * A cell reference inside a formula: optional sheet prefix is kept as is; the reference is
 * recognised only where it cannot be part of a name, function or string.
 */
const REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/** Splits a formula into code and string-literal segments so that strings are never rewritten. */
function mapCode(formula: string, f: (code: string) => string): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts.map((p, i) => (i % 2 === 1 ? p : f(p))).join('');
}

function isRefStart(code: string, index: number): boolean {
  const prev = index > 0 ? code[index - 1] : '';
  return prev === '' || !/[A-Za-z0-9_.]/.test(prev ?? '');
}

/** Moves the relative references of a formula by (dRow, dCol), as Excel does when filling. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapCode(formula, (code) =>
    code.replace(REF, (match, colAbs: string, col: string, rowAbs: string, row: string, offset: number) => {
      if (!isRefStart(code, offset)) return match;
      const c = colAbs ? col : columnLetter(columnNumber(col) + dCol);
      const r = rowAbs ? row : String(Number(row) + dRow);
      return `${colAbs}${c}${rowAbs}${r}`;
    }),
  );
}

/** The formula of the top-left cell turned into R1C1 form (identical for every cell of the block). */
export function toR1C1(formula: string, at: string): string {
  const base = parseCell(at);
  return mapCode(formula, (code) =>
    code.replace(REF, (match, colAbs: string, col: string, rowAbs: string, row: string, offset: number) => {
      if (!isRefStart(code, offset)) return match;
      const r = Number(row);
      const c = columnNumber(col);
      const rPart = rowAbs ? `R${r}` : r === base.row ? 'R' : `R[${r - base.row}]`;
      const cPart = colAbs ? `C${c}` : c === base.col ? 'C' : `C[${c - base.col}]`;
      return rPart + cPart;
    }),
  );
}

/** Every cell's formula of a block, row-major. */
export function expandFormula(formula: string, range: string): string[][] {
  const r = parseRange(range);
  const out: string[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: string[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(shiftFormula(formula, row - r.top, col - r.left));
    out.push(line);
  }
  return out;
}
