/**
 * Address and formula-reference maths of the fake Excel host. Deliberately independent of
 * src/plan/a1.ts, so that a conversion bug in the renderer cannot be mirrored by the fake.
 * Browser-compatible (no Node APIs).
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 1-based, inclusive. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function colToLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${colToLetters(col)}${row}`;
}

export function rectToA1(r: Rect): string {
  if (r.top === 1 && r.bottom === MAX_ROWS && r.left === 1 && r.right === MAX_COLS) {
    return `1:${MAX_ROWS}`;
  }
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  if (r.left === 1 && r.right === MAX_COLS) return `${r.top}:${r.bottom}`;
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectCols(r: Rect): number {
  return r.right - r.left + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.top <= inner.top &&
    outer.left <= inner.left &&
    outer.bottom >= inner.bottom &&
    outer.right >= inner.right
  );
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** "A1", "A1:B2", "$A$1", "B:D", "3:5" (no sheet). Undefined when malformed or out of the grid. */
export function parseRect(address: string): Rect | undefined {
  const text = address.trim();
  let rect: Rect | undefined;
  const cols = COLS.exec(text);
  const rows = ROWS.exec(text);
  if (cols) {
    rect = {
      top: 1,
      bottom: MAX_ROWS,
      left: lettersToCol(cols[1] ?? ''),
      right: lettersToCol(cols[2] ?? ''),
    };
  } else if (rows) {
    rect = { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLS };
  } else {
    const [a, b, extra] = text.split(':');
    if (extra !== undefined || a === undefined) return undefined;
    const m1 = CELL.exec(a);
    const m2 = b === undefined ? m1 : CELL.exec(b);
    if (!m1 || !m2) return undefined;
    const r1 = Number(m1[2]);
    const c1 = lettersToCol(m1[1] ?? '');
    const r2 = Number(m2[2]);
    const c2 = lettersToCol(m2[1] ?? '');
    rect = {
      top: Math.min(r1, r2),
      bottom: Math.max(r1, r2),
      left: Math.min(c1, c2),
      right: Math.max(c1, c2),
    };
  }
  const ok =
    rect.top >= 1 &&
    rect.left >= 1 &&
    rect.bottom <= MAX_ROWS &&
    rect.right <= MAX_COLS &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right;
  return ok ? rect : undefined;
}

/** "Blad!A1:B2", "'Mijn blad'!$A$1", "A1" → sheet (if any) and rect. */
export function parseQualified(reference: string): { sheet: string | undefined; rect: Rect } | undefined {
  const text = reference.trim().replace(/^=/, '');
  const bang = text.lastIndexOf('!');
  if (bang < 0) {
    const rect = parseRect(text);
    return rect ? { sheet: undefined, rect } : undefined;
  }
  const rawSheet = text.slice(0, bang);
  const sheet =
    rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  if (sheet === '' || /['!]/.test(rawSheet.startsWith("'") ? '' : rawSheet)) return undefined;
  const rect = parseRect(text.slice(bang + 1));
  return rect ? { sheet, rect } : undefined;
}

export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** Splits formula text into code and string literals; only code is rewritten. */
function mapCode(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join('');
}

const R1C1_REF = /(^|[^A-Za-z0-9_.$])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_([])/g;

function part(spec: string | undefined, base: number): { value: number; absolute: boolean } {
  if (spec === undefined || spec === '') return { value: base, absolute: false };
  if (spec.startsWith('[')) return { value: base + Number(spec.slice(1, -1)), absolute: false };
  return { value: Number(spec), absolute: true };
}

/** An R1C1 formula (with "=") as the A1 formula of the cell at (row, col). Throws on out-of-grid refs. */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  return mapCode(formula, (code) =>
    code.replace(R1C1_REF, (_m, lead: string, rSpec: string | undefined, cSpec: string | undefined) => {
      const r = part(rSpec, row);
      const c = part(cSpec, col);
      if (r.value < 1 || r.value > MAX_ROWS || c.value < 1 || c.value > MAX_COLS)
        throw new RangeError('#REF!');
      return `${lead}${c.absolute ? '$' : ''}${colToLetters(c.value)}${r.absolute ? '$' : ''}${r.value}`;
    }),
  );
}

const A1_REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/** An A1 formula (with "=") of the cell at (row, col) in R1C1 form. */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  return mapCode(formula, (code) =>
    code.replace(A1_REF, (_m, lead: string, cAbs: string, letters: string, rAbs: string, digits: string) => {
      const r = Number(digits);
      const c = lettersToCol(letters);
      const rPart = rAbs ? `R${r}` : r === row ? 'R' : `R[${r - row}]`;
      const cPart = cAbs ? `C${c}` : c === col ? 'C' : `C[${c - col}]`;
      return `${lead}${rPart}${cPart}`;
    }),
  );
}

const QUALIFIED_REF =
  /(^|[^A-Za-z0-9_.$!])((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_(!])/g;

/**
 * Rewrites every A1 reference of a formula (with "=") on sheet `own` that points at sheet `target`
 * (qualified with its name, or unqualified on that sheet): `move` gets its rectangle and returns the
 * new one (the same object: unchanged). `$` markers are kept. Used to model what Excel does to
 * references when cells are inserted (see model.ts `insertTableColumn`).
 */
export function moveReferences(
  formula: string,
  own: string,
  target: string,
  move: (r: Rect) => Rect,
): string {
  const sameSheet = (q: string | undefined): boolean => {
    const name =
      q === undefined
        ? own
        : q
            .slice(0, -1)
            .replace(/^'(.*)'$/, '$1')
            .replace(/''/g, "'");
    return name.toUpperCase() === target.toUpperCase();
  };
  return mapCode(formula, (code) =>
    code.replace(
      QUALIFIED_REF,
      (
        m,
        lead: string,
        q: string | undefined,
        c1a: string,
        l1: string,
        r1a: string,
        d1: string,
        c2a: string | undefined,
        l2: string | undefined,
        r2a: string | undefined,
        d2: string | undefined,
      ) => {
        if (!sameSheet(q)) return m;
        const rect: Rect = {
          top: Number(d1),
          left: lettersToCol(l1),
          bottom: Number(d2 ?? d1),
          right: lettersToCol(l2 ?? l1),
        };
        const next = move(rect);
        if (next === rect) return m;
        const one = (cAbs: string, col: number, rAbs: string, row: number) =>
          `${cAbs}${colToLetters(col)}${rAbs}${row}`;
        const tl = one(c1a, next.left, r1a, next.top);
        const br = d2 === undefined ? '' : `:${one(c2a ?? '', next.right, r2a ?? '', next.bottom)}`;
        return `${lead}${q ?? ''}${tl}${br}`;
      },
    ),
  );
}

/** An A1 formula written for (fromRow, fromCol), as Excel fills it into (row, col). */
export function shiftA1(formula: string, fromRow: number, fromCol: number, row: number, col: number): string {
  if (fromRow === row && fromCol === col) return formula;
  return r1c1ToA1(a1ToR1C1(formula, fromRow, fromCol), row, col);
}
