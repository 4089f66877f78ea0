/** readOnly: the one wrapper of the read-only batches (runner, watchdog, failure mapping), fake host. */
import { failureOf } from '../../test/support/excel-failure';
import { FakeExcel } from '../../test/support/fake-excel';
import type { ExcelRunner } from './host';
import { readOnly } from './read-only';

describe('readOnly', () => {
  it('answers what the body read, in the body’s syncs', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    const names = await readOnly(fake.run, undefined, async (context, watchdog) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await watchdog.sync(context);
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(['Blad1']);
    expect(fake.syncCount).toBe(1);
  });

  it('outside Excel: NotInExcel, the body never runs', async () => {
    let ran = false;
    const failure = await failureOf(
      readOnly(undefined, undefined, () => {
        ran = true;
        return Promise.resolve(1);
      }),
    );
    expect(failure).toEqual({ kind: 'NotInExcel' });
    expect(ran).toBe(false);
  });

  it('maps Excel’s failures (cell-edit mode) and a hang (Timeout after timeoutMs)', async () => {
    const fake = new FakeExcel();
    fake.cellEditMode = true;
    const edit = await failureOf(
      readOnly(fake.run, undefined, async (context, watchdog) => {
        context.workbook.worksheets.load('items/name');
        await watchdog.sync(context);
      }),
    );
    expect(edit).toMatchObject({ kind: 'CellEditMode' });
    const hang: ExcelRunner = () => new Promise(() => undefined);
    expect(await failureOf(readOnly(hang, 50, () => Promise.resolve(1)))).toEqual({
      kind: 'Timeout',
      seconds: 0.05,
    });
  });
});
