import { SheetBuilder } from './sheet-builder';

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
    expect(tp.rowHeights).toEqual([{ row: 1, height: 45 }]);
    expect(tp.print.area).toBe('A1:A1');
  });

  it('makes a header row high enough for its longest heading', () => {
    const s = new SheetBuilder('Blad', 'presentatie');
    s.values('A5', [['Nr', 'Structureel niveau (Rijk)']], 'header');
    s.width('A', 6).width('B', 14);
    expect(s.build(page).rowHeights).toEqual([{ row: 5, height: 30 }]);
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
