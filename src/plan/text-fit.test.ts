import { columnPrintPoints, fitScale, wrapText, wrappedLines } from './text-fit';
import { PRINT_MARGINS } from './types';

describe('fitScale: the fixed print scale of a sheet with manual page breaks', () => {
  it('counts a column as its width of the widest printing digit (DejaVu Sans 11: 7.0 pt) plus 3.75 pt padding', () => {
    expect(columnPrintPoints(10)).toBeCloseTo(73.74, 2);
    expect(columnPrintPoints(0)).toBe(3.75);
  });

  it('fits the columns on the width of A4 between the margins, rounded down', () => {
    // Landscape A4 841.89 pt − 2 × 0.3" = 798.69 pt; 13 columns of 12 = 13 × 87.73 = 1140.5 pt → 70.03 %.
    const widths = Array.from({ length: 13 }, () => 12);
    expect(fitScale(widths, 'landscape', PRINT_MARGINS)).toBe(70);
    // Portrait: 595.28 − 43.2 = 552.08 pt → 48.4 %.
    expect(fitScale(widths, 'portrait', PRINT_MARGINS)).toBe(48);
  });

  it('never enlarges beyond 100 % nor shrinks below Excel’s floor of 10 %', () => {
    expect(fitScale([10, 10], 'portrait', PRINT_MARGINS)).toBe(100);
    expect(
      fitScale(
        Array.from({ length: 300 }, () => 12),
        'portrait',
        PRINT_MARGINS,
      ),
    ).toBe(10);
    expect(fitScale([], 'landscape', PRINT_MARGINS)).toBe(100);
  });
});

describe('wrapText: lines at word boundaries', () => {
  it('breaks where the next word no longer fits, honours "\\n", keeps a too-wide word on its own line', () => {
    expect(wrapText('Eind-\nverantwoording', 16, { bold: true })).toEqual(['Eind-', 'verantwoording']);
    expect(wrapText('aaa bbb ccc', 4)).toEqual(['aaa', 'bbb', 'ccc']);
    expect(wrapText('aaa bbb ccc', 40)).toEqual(['aaa bbb ccc']);
    expect(wrapText('Overheveling', 2)).toEqual(['Overheveling']);
    expect(wrappedLines('Cumulatief\nt/m T', 14, { bold: true })).toBe(2);
    expect(wrappedLines('', 14)).toBe(1);
  });

  it('with fill < 1 a line takes at most that share of the column', () => {
    // 10 wide = 70 px. "mmmm" is 4 × 1636 / 2048 × 14.67 px = 46.9 px: two do not fit on a line.
    // "ab ab ab" is 3 × 14.7 + 2 × 3.3 = 50.8 px: one line in 70 px, three lines in 30 % (21 px).
    expect(wrapText('ab ab ab', 10, {}, 1)).toEqual(['ab ab ab']);
    expect(wrapText('ab ab ab', 10, {}, 0.3)).toEqual(['ab', 'ab', 'ab']);
  });
});
