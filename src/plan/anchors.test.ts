import { RowCursor, SheetRange } from './anchors';

describe('anchors', () => {
  const grid = SheetRange.at('Allocatie', 11, 5, 342, 80);
  it('formats references with the sheet, fixed as asked', () => {
    expect(grid.abs()).toBe('Allocatie!$E$11:$CF$352');
    expect(grid.cell().rel()).toBe('Allocatie!E11');
    expect(grid.cell().fixCol()).toBe('Allocatie!$E11');
    expect(grid.cols(75).cols(0).fixRow()).toBe('Allocatie!CB$11:CB$352');
    expect(grid.address()).toBe('E11:CF352');
  });
  it('drops the sheet for references on the same sheet', () => {
    expect(SheetRange.at('Overzicht', 6, 3).local().abs()).toBe('$C$6');
    expect(grid.local().rows(1, 2).cell().rel()).toBe('E12');
  });
  it('extends a column to the total row', () => {
    expect(SheetRange.at('Verdeelsleutel', 11, 1, 342).through(353).abs()).toBe(
      'Verdeelsleutel!$A$11:$A$353',
    );
  });
  it('takes rows from the top down', () => {
    const rows = new RowCursor(5);
    expect(rows.take(30)).toBe(5);
    expect(rows.skip().take()).toBe(36);
    expect(rows.next).toBe(37);
  });
});
