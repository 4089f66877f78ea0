/**
 * How many lines a text takes when it wraps in a column: measured in pixels with the advance widths of
 * Calibri (the workbook's font; LibreOffice prints with Carlito, metric-compatible with it), not in
 * characters. Excel's column width unit is the widest digit of the body font (Calibri 11: 7 px at
 * 96 dpi), while an average Dutch letter is about 6 px and a space 3 px: a count of characters made
 * rows a line too tall (#18), and a line of capitals could be a line too short.
 *
 * Widths are approximate advance widths of Calibri Regular in font units (2048 per em), rounded, from
 * its published metrics (not measured here: this machine has neither Calibri nor Carlito, and
 * LibreOffice prints with DejaVu Sans, whose letters stand in about the same proportion to its digits;
 * the LibreOffice print tests check that no expected label is cut). Bold is taken as 4 % wider
 * (`BOLD_FACTOR`); a character not listed counts as a digit (1038, the widest common glyph width).
 * Excel's column width: characters of the maximum digit width plus 5 px of padding (ECMA-376 Part 1,
 * 18.3.1.13 `col`, attribute `width`), so a column `w` wide has `w` × 7 px for its text at Calibri 11.
 */

const UNITS_PER_EM = 2048;
/** Calibri's digits (and the fallback): 1038 units, 7 px at 11 pt (Excel's "max digit width"). */
const DIGIT = 1038;
const BOLD_FACTOR = 1.04;
/** Pixels per column width unit (Calibri 11's max digit width). */
export const PX_PER_WIDTH_UNIT = 7;
/** The body font size (pt) and the height of one line of it (pt, Excel's row height for Calibri 11). */
export const BODY_SIZE = 11;
export const BODY_LINE_PT = 15;

/* prettier-ignore */
const WIDTHS: Readonly<Record<string, number>> = {
  ' ': 463, a: 981, b: 1076, c: 866, d: 1076, e: 1019, f: 625, g: 964, h: 1076, i: 470, j: 490, k: 931,
  l: 470, m: 1636, n: 1076, o: 1080, p: 1076, q: 1076, r: 714, s: 801, t: 686, u: 1076, v: 925, w: 1464,
  x: 887, y: 927, z: 809, A: 1185, B: 1114, C: 1092, D: 1260, E: 1000, F: 941, G: 1292, H: 1276, I: 516,
  J: 653, K: 1064, L: 861, M: 1751, N: 1322, O: 1356, P: 1058, Q: 1378, R: 1112, S: 941, T: 998, U: 1314,
  V: 1162, W: 1822, X: 1063, Y: 998, Z: 959, '.': 517, ',': 511, ':': 548, ';': 548, '(': 621, ')': 621,
  '-': 627, '–': 1024, '/': 791, "'": 452, '’': 511, '"': 821, '%': 1463, '&': 1388, '+': 1038, '=': 1038,
  '·': 517, '×': 1038, '€': 1038, é: 1019, ë: 1019, ï: 470, ó: 1080, ö: 1080, ü: 1076,
};

/** The font a text is set in: size in pt (default 11) and weight. */
export interface TextFont {
  readonly size?: number;
  readonly bold?: boolean;
}

/** Width of `text` in pixels (96 dpi) in `font`. */
export function textPixels(text: string, font: TextFont = {}): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? DIGIT;
  const px = (units / UNITS_PER_EM) * (font.size ?? BODY_SIZE) * (96 / 72);
  return font.bold ? px * BOLD_FACTOR : px;
}

/**
 * `text` wrapped in a column `width` units wide (Excel's width in characters): its lines, in whole
 * words as Excel and LibreOffice wrap, a line break in the text ("\n") starting a new line; a word
 * wider than the column stands on a line of its own (they break it, which this estimate does not need
 * to follow exactly). `fill` (0–1, default 1): the share of the column a line may take, for lines
 * written one per cell that must fit in a renderer whose font runs a little wider. At least one line.
 */
export function wrapText(text: string, width: number, font: TextFont = {}, fill = 1): string[] {
  const room = width * PX_PER_WIDTH_UNIT * fill;
  const space = textPixels(' ', font);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const w = textPixels(word, font);
      const need = used === 0 ? w : used + space + w;
      if (need <= room || line.length === 0) {
        line.push(word);
        used = need;
      } else {
        out.push(line.join(' '));
        line = [word];
        used = w;
      }
    }
    out.push(line.join(' '));
  }
  return out;
}

/**
 * The lines `text` takes wrapped in a column `width` units wide (see `wrapText`: whole words, "\n"
 * starts a line, a word wider than the column counts as one line). At least 1.
 */
export function wrappedLines(text: string, width: number, font: TextFont = {}): number {
  return wrapText(text, width, font).length;
}

/** The height (pt) of `lines` lines of text in `font`: 15 pt a line at 11 pt, in proportion otherwise. */
export function linesHeight(lines: number, font: TextFont = {}): number {
  return Math.ceil(((BODY_LINE_PT * (font.size ?? BODY_SIZE)) / BODY_SIZE) * lines * 4) / 4;
}
