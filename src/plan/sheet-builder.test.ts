import { SheetBuilder } from './sheet-builder';
import { linesHeight, textPixels } from './text-fit';

const page = {
  header: { left: '&A', center: '', right: '' },
  footer: { left: '', center: '', right: '' },
};

describe('SheetBuilder row heights (#18)', () => {
  it('counts wrapped lines in whole words', () => {
    expect(SheetBuilder.linesFor('kort', 10)).toBe(1);
    expect(SheetBuilder.linesFor('Opgroeien in een Kansrijke Omgeving', 20)).toBe(2);
    expect(SheetBuilder.linesFor('aaaa bbbb cccc dddd', 9)).toBe(2);
    expect(SheetBuilder.linesFor('aaaa bbbb cccc dddd', 4)).toBe(4);
  });

  it('wraps a long label only where a filled cell (or the print edge) cuts it, and sets its row height', () => {
    const s = new SheetBuilder('Blad', 'presentatie');
    s.values('A1', [
      ['Een heel lange omschrijving van een onderdeel', 5],
      ['Een lange omschrijving die doorloopt', null],
      ['kort', 3],
    ]);
    s.width('A', 20).width('B', 20);
    s.wrapLongTexts('A', 20);
    const plan = s.build(page);
    expect(plan.rowHeights).toEqual([{ row: 1, height: 45 }]);
    expect(plan.formats).toContainEqual({ range: 'A1', style: 'wrap' });
    // With a print area ending at A, the free cell B no longer gives room: row 2 wraps too.
    const t = new SheetBuilder('Blad', 'presentatie');
    t.values('A1', [['Een lange omschrijving die doorloopt', null]]).value('C1', 1);
    t.width('A', 20).printColumns('A', 'A').wrapLongTexts('A', 20);
    const tp = t.build(page);
    // "Een lange omschrijving die doorloopt" in 20 units (140 px): two lines measured in Calibri's widths
    // ("Een lange" / "omschrijving die" / "doorloopt" counted in characters was a line too many).
    expect(tp.rowHeights).toEqual([{ row: 1, height: 30 }]);
    expect(tp.print.area).toBe('A1:A1');
  });

  it('makes a header row high enough for its longest heading', () => {
    const s = new SheetBuilder('Blad', 'presentatie');
    s.values('A5', [['Nr', 'Structureel niveau (Rijk)']], 'header');
    s.width('A', 6).width('B', 14);
    expect(s.build(page).rowHeights).toEqual([{ row: 5, height: 30 }]);
  });
});

describe('row heights measured in the font, not in characters (#18)', () => {
  it('fits narrow letters that a character count wraps, and wraps wide capitals it let through', () => {
    // 44 characters of mostly narrow letters: 40 units (280 px) hold them on one line.
    const narrow = 'Vroegsignalering Alcoholproblematiek jeugd i';
    expect(narrow.length).toBe(44);
    expect(SheetBuilder.linesFor(narrow, 40)).toBe(1);
    // 36 capitals (W is 1822/2048 em, 13 px at 11 pt): 40 units do not hold them.
    const wide = 'WWWWWWWWWWWW WWWWWWWWWWWW WWWWWWWWWW';
    expect(wide.length).toBeLessThanOrEqual(40);
    expect(SheetBuilder.linesFor(wide, 40)).toBe(3);
    // Smaller type fits more: 9 pt holds at 20 units what 11 pt wraps.
    const label = 'Een lange omschrijving die doorloopt';
    expect(SheetBuilder.linesFor(label, 20)).toBe(2);
    expect(SheetBuilder.linesFor(label, 28, { size: 9 })).toBe(1);
    expect(SheetBuilder.linesFor(label, 28)).toBe(2);
    // Bold is wider: a heading that just fits in regular type wraps in bold.
    expect(textPixels('Structureel niveau', { bold: true })).toBeGreaterThan(
      textPixels('Structureel niveau'),
    );
  });

  it('a wrapped label in a larger font gets taller lines, in the cell font', () => {
    const s = new SheetBuilder('Blad', 'presentatie');
    s.value('A1', 'Een heel lange titel over twee regels', 'title').value('B1', 1);
    s.width('A', 20).wrapLongTexts('A', 20);
    // 15 pt bold at 20 units: three lines of 15/11 × 15 pt = 20,5 pt each (rounded up to a quarter point).
    const lines = SheetBuilder.linesFor('Een heel lange titel over twee regels', 20, {
      size: 15,
      bold: true,
    });
    expect(lines).toBe(3);
    expect(s.build(page).rowHeights).toEqual([{ row: 1, height: linesHeight(3, { size: 15 }) }]);
    expect(linesHeight(3, { size: 15 })).toBe(61.5);
    expect(linesHeight(2)).toBe(30);
  });
});

describe('SheetBuilder page breaks (#18)', () => {
  it('lists the rows a printed page starts at, ascending and once; refuses row 1', () => {
    const s = new SheetBuilder('Blad', 'presentatie');
    s.value('A1', 'x').pageBreakBefore(40).pageBreakBefore(12).pageBreakBefore(40);
    expect(s.build(page).pageBreaks).toEqual([12, 40]);
    expect(new SheetBuilder('Leeg', 'presentatie').build(page).pageBreaks).toBeUndefined();
    expect(() => new SheetBuilder('Blad', 'presentatie').pageBreakBefore(1)).toThrow(RangeError);
  });
});
