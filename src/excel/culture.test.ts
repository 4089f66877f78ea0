/**
 * Excel's number notation for a paste in the task pane (issue #17: "400.000" alone in a pasted column
 * was refused as ambiguous): `Application.decimalSeparator` / `thousandsSeparator` (ExcelApi 1.11,
 * https://learn.microsoft.com/javascript/api/excel/excel.application), modelled by the fake host.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { notationOfSeparators, readExcelNotation } from './culture';

describe('readExcelNotation: the separators Excel shows numbers with', () => {
  it('an Excel-NL (decimal comma, thousands dot) is nl, in one sync', async () => {
    const fake = new FakeExcel();
    expect(await readExcelNotation(fake.requirements, { run: fake.run })).toBe('nl');
    expect(fake.batches).toHaveLength(1);
  });

  it('an Excel with English separators (also when the user overrode the system ones) is en', async () => {
    const fake = new FakeExcel();
    fake.model.decimalSeparator = '.';
    fake.model.thousandsSeparator = ',';
    expect(await readExcelNotation(fake.requirements, { run: fake.run })).toBe('en');
  });

  it('below ExcelApi 1.11 (the manifest floor is 1.9), outside Excel or on a failure: unknown, no sync', async () => {
    const old = new FakeExcel({ apiVersion: '1.10' });
    expect(await readExcelNotation(old.requirements, { run: old.run })).toBeUndefined();
    expect(old.batches).toHaveLength(0);
    expect(await readExcelNotation(undefined)).toBeUndefined();
    const failing = new FakeExcel();
    const run: typeof failing.run = () => Promise.reject(new Error('GeneralException'));
    expect(await readExcelNotation(failing.requirements, { run })).toBeUndefined();
  });

  it('only the two usual pairs decide', () => {
    expect(notationOfSeparators(',', '.')).toBe('nl');
    expect(notationOfSeparators('.', ',')).toBe('en');
    // A space or an apostrophe as the thousands separator (fr-FR, de-CH): Excel writes neither "." nor "," groups.
    expect(notationOfSeparators(',', '\u00a0')).toBeUndefined();
    expect(notationOfSeparators('.', "'")).toBeUndefined();
    expect(notationOfSeparators(',', ',')).toBeUndefined();
  });
});
