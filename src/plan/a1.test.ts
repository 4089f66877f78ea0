import { columnLetter, columnNumber, expandFormula, parseRange, shiftFormula, toR1C1 } from './a1';

describe('A1 maths', () => {
  it('converts columns both ways', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(84)).toBe('CF');
    expect(columnNumber('CF')).toBe(84);
    expect(columnNumber('XFD')).toBe(16384);
  });
  it('parses ranges', () => {
    expect(parseRange('E11:CF352')).toEqual({ top: 11, left: 5, bottom: 352, right: 84 });
  });
  it('shifts relative references only, never names, functions or strings', () => {
    expect(shiftFormula('(Afronding!E$7*Verdeelsleutel!$H11-Afronding!E11)/$C$8', 2, 3)).toBe(
      '(Afronding!H$7*Verdeelsleutel!$H13-Afronding!H13)/$C$8',
    );
    expect(shiftFormula('LOG10(A1)+COUNTIF(E$10:E10,">"&E$5)&"A1"', 1, 1)).toBe(
      'LOG10(B2)+COUNTIF(F$10:F11,">"&F$5)&"A1"',
    );
    expect(shiftFormula('SUM(Invoer_Gewichten)+A1', 1, 0)).toBe('SUM(Invoer_Gewichten)+A2');
  });
  it('gives one R1C1 form for a block', () => {
    expect(toR1C1('E$7*$H11-E11', 'E11')).toBe('R7C*RC8-RC');
    const cells = expandFormula('A1+$B$1', 'C3:D4');
    expect(cells).toEqual([
      ['A1+$B$1', 'B1+$B$1'],
      ['A2+$B$1', 'B2+$B$1'],
    ]);
    expect(toR1C1(cells[1]![1]!, 'D4')).toBe(toR1C1(cells[0]![0]!, 'C3'));
  });
});
