import { wrapText, wrappedLines } from './text-fit';

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
