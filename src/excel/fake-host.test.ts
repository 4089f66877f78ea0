/** The fake Excel host behaves like Excel where the renderer depends on it. */
import { FakeExcel, FakeOfficeError, r1c1ToA1, a1ToR1C1 } from '../../test/support/fake-excel';
import type { HostRequestContext } from './host';

async function inBatch<T>(fake: FakeExcel, batch: (context: HostRequestContext) => Promise<T>): Promise<T> {
  return fake.run(batch);
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : `not an office error: ${String(e)}`;
  }
}

describe('fake Excel host', () => {
  it('queues operations until sync, counts syncs, operations and bytes', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    await inBatch(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Blad1').getRange('A1:B2');
      range.values = [
        [1, 2],
        [3, 4],
      ];
      expect(fake.values('Blad1', 'A1')).toEqual([['']]); // nothing happens before sync
      await context.sync();
    });
    expect(fake.values('Blad1', 'A1:B2')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(fake.syncCount).toBe(1);
    expect(fake.batches[0]?.operationCounts).toEqual({ 'Range.values': 1 });
    expect(fake.batches[0]?.requestBytes).toBeGreaterThan(50);
  });

  it('rejects a 2D write whose shape differs from the range with InvalidArgument, like Excel', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    const code = await codeOf(
      inBatch(fake, async (context) => {
        context.workbook.worksheets.getItem('Blad1').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    const oneByOne = await codeOf(
      inBatch(fake, async (context) => {
        context.workbook.worksheets.getItem('Blad1').getRange('A1:B2').formulasR1C1 = [['=1']];
        await context.sync();
      }),
    );
    expect(oneByOne).toBe('InvalidArgument');
    expect(fake.values('Blad1', 'A1:B2')).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('applies a single value to every cell for values and numberFormat; an R1C1 2D array lands relative to each cell', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    await inBatch(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('Blad1');
      ws.getRange('C3:D3').formulasR1C1 = [['=RC[-2]*R1C1+R[-1]C', '=RC[-2]*R1C1+R[-1]C']];
      ws.getRange('F1:F3').numberFormat = '0.00';
      ws.getRange('G1:G2').values = 'x';
      await context.sync();
    });
    expect(fake.formulas('Blad1', 'C3:D3')).toEqual([['=A3*$A$1+C2', '=B3*$A$1+D2']]);
    expect(fake.cell('Blad1', 'F3')?.style?.numberFormat).toBe('0.00');
    expect(fake.values('Blad1', 'G1:G2')).toEqual([['x'], ['x']]);
  });

  it('refuses one value for a multi-cell formulasR1C1 (undocumented, office-js-docs-reference #578)', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    await expect(
      inBatch(fake, async (context) => {
        const ws = context.workbook.worksheets.getItem('Blad1');
        (ws.getRange('C3:D4') as { formulasR1C1: unknown }).formulasR1C1 = '=RC[-2]';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.formulas('Blad1', 'C3:D4')).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('copyFrom(…, Formulas) repeats the source over an exact multiple and moves relative references (ExcelApi 1.9)', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    fake.type('Blad1', 'E1', 'oud');
    await inBatch(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('Blad1');
      const first = ws.getRange('C3:D3');
      first.formulasR1C1 = [['=RC[-2]*R1C1+R[-1]C', '=Blad1!R[-1]C[-1]']];
      ws.getRange('F3').numberFormat = [['0.00']];
      ws.getRange('C4:D6').copyFrom(first, 'Formulas');
      // Not a multiple (3 columns from 2): one copy, at the source's size.
      ws.getRange('E8:G8').copyFrom(first, 'Formulas');
      // Smaller than the source: expanded to it.
      ws.getRange('E10').copyFrom(first, 'Formulas');
      await context.sync();
    });
    expect(fake.formulas('Blad1', 'C3:D6')).toEqual([
      ['=A3*$A$1+C2', '=Blad1!C2'],
      ['=A4*$A$1+C3', '=Blad1!C3'],
      ['=A5*$A$1+C4', '=Blad1!C4'],
      ['=A6*$A$1+C5', '=Blad1!C5'],
    ]);
    expect(fake.formulas('Blad1', 'E8:G8')).toEqual([['=C8*$A$1+E7', '=Blad1!E7', '']]);
    expect(fake.formulas('Blad1', 'E10:F10')).toEqual([['=C10*$A$1+E9', '=Blad1!E9']]);
    expect(fake.values('Blad1', 'E1')).toEqual([['oud']]);
  });

  it('copyFrom needs ExcelApi 1.9', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' }).addSheet('Blad1');
    await expect(
      inBatch(fake, async (context) => {
        const ws = context.workbook.worksheets.getItem('Blad1');
        ws.getRange('A2:A3').copyFrom(ws.getRange('A1'), 'Formulas');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('parses typed text like Excel; an apostrophe keeps text', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    await inBatch(fake, async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1:A6').values = [
        ['0034'],
        ["'0034"],
        ['TRUE'],
        ['=1+1'],
        ["'=1+1"],
        ['tekst'],
      ];
      await context.sync();
    });
    expect(fake.cell('Blad1', 'A1')?.value).toBe(34);
    expect(fake.cell('Blad1', 'A2')?.value).toBe('0034');
    expect(fake.cell('Blad1', 'A3')?.value).toBe(true);
    expect(fake.cell('Blad1', 'A4')?.formula).toBe('=1+1');
    expect(fake.cell('Blad1', 'A5')?.value).toBe('=1+1');
    expect(fake.cell('Blad1', 'A6')?.value).toBe('tekst');
  });

  it('throws PropertyNotLoaded for unloaded properties and loads collections with paths', async () => {
    const fake = new FakeExcel().addSheet('Een').addSheet('Twee').protectSheet('Twee');
    await inBatch(fake, async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(FakeOfficeError);
      sheets.load('items/name,items/protection/protected');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([
        ['Een', false],
        ['Twee', true],
      ]);
    });
  });

  it('fails a batch with a getItem of a missing sheet or name at sync (ItemNotFound) and fulfils none of its loads', async () => {
    const fake = new FakeExcel().addSheet('Een').addName('Bestaat', '=Een!$A$1:$A$2');
    fake.type('Een', 'A1', [[1], [2]]);
    await inBatch(fake, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Een']);

      fake.addSheet('Twee');
      const names = context.workbook.names;
      sheets.load('items/name');
      names.load('items/name');
      const values = names.getItem('Bestaat').getRange();
      values.load('values');
      context.workbook.worksheets.getItem('Ontbreekt').charts.load('items/name');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
      // Nothing of the failed batch arrived, not even the loads queued before the failing one;
      // what an earlier batch loaded is still there.
      expect(sheets.items.map((s) => s.name)).toEqual(['Een']);
      expect(() => names.items).toThrow(FakeOfficeError);
      expect(() => values.values).toThrow(FakeOfficeError);

      // A missing name fails the same way; the context stays usable afterwards.
      context.workbook.names.getItem('Weg').getRange().load('values');
      expect(await codeOf(context.sync())).toBe('ItemNotFound');
      sheets.load('items/name');
      values.load('values');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Een', 'Twee']);
      expect(values.values).toEqual([[1], [2]]);
    });
    expect(fake.batches.map((b) => b.outcome)).toEqual(['ok', 'ItemNotFound', 'ItemNotFound', 'ok']);
  });

  it('NamedItem.getRange follows the name; #REF! → InvalidReference, not a range → InvalidArgument', async () => {
    const fake = new FakeExcel().addSheet('Blad 1').addSheet('Weg');
    fake.addName('Invoer', "='Blad 1'!$C$3:$D$4").addName('Kapot', '=Weg!$A$1').addName('Tekst', '="x"');
    fake.type('Blad 1', 'A3', [
      ['k1', '', 5],
      ['k2', '', 6],
    ]);
    fake.renameSheet('Blad 1', 'Nieuw');
    fake.deleteSheet('Weg');
    await inBatch(fake, async (context) => {
      const range = context.workbook.names.getItem('Invoer').getRange();
      const keys = range.getEntireRow().getColumn(0);
      range.load('address,values');
      keys.load('address,values');
      await context.sync();
      expect(range.address).toBe('Nieuw!C3:D4');
      expect(range.values).toEqual([
        [5, ''],
        [6, ''],
      ]);
      expect(keys.address).toBe('Nieuw!A3:A4');
      expect(keys.values).toEqual([['k1'], ['k2']]);

      context.workbook.names.getItem('Kapot').getRange().load('values');
      expect(await codeOf(context.sync())).toBe('InvalidReference');
      context.workbook.names.getItem('Tekst').getRange().load('values');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
      range.getColumn(2).load('address');
      expect(await codeOf(context.sync())).toBe('InvalidArgument');
    });
  });

  it('getItemOrNullObject never fails: isNullObject after a synced load; chaining off a null object fails', async () => {
    const fake = new FakeExcel().addSheet('Een').addName('Bestaat', '=Een!$B$2');
    fake.type('Een', 'B2', 'x');
    await inBatch(fake, async (context) => {
      const names = context.workbook.names;
      const found = names.getItemOrNullObject('bestaat');
      const missing = names.getItemOrNullObject('Ontbreekt');
      found.load('formula');
      missing.load('formula');
      // Not before the sync (the very mistake the lint rule guards against).
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => missing.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      expect([found.isNullObject, found.formula]).toEqual([false, '=Een!$B$2']);
      expect([missing.isNullObject, missing.formula]).toEqual([true, null]);

      // Using what a null object would lead to fails the batch (the real host has nothing to point at).
      names.getItemOrNullObject('Ontbreekt').getRange().load('values');
      expect(await codeOf(context.sync())).toBe('InvalidObjectPath');
      const range = names.getItemOrNullObject('Bestaat').getRange();
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([['x']]);
    });
    expect(fake.batches.map((b) => b.outcome)).toEqual(['ok', 'InvalidObjectPath', 'ok']);

    // ExcelApi 1.4.
    const old = new FakeExcel({ apiVersion: '1.3' });
    const code = await codeOf(
      inBatch(old, async (context) => {
        context.workbook.names.getItemOrNullObject('X').load('formula');
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('refuses writes to a protected sheet with AccessDenied; earlier operations stay applied', async () => {
    const fake = new FakeExcel().addSheet('Open').addSheet('Dicht').protectSheet('Dicht');
    const code = await codeOf(
      inBatch(fake, async (context) => {
        context.workbook.worksheets.getItem('Open').getRange('A1').values = [[1]];
        context.workbook.worksheets.getItem('Dicht').getRange('A1').values = [[1]];
        context.workbook.worksheets.getItem('Open').getRange('A2').values = [[2]];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    expect(fake.values('Open', 'A1:A2')).toEqual([[1], ['']]);
  });

  it('fails every sync in cell-edit mode, can hang, and refuses requests over 5 MB', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    fake.cellEditMode = true;
    expect(await codeOf(inBatch(fake, (c) => c.sync()))).toBe('InvalidOperationInCellEditMode');
    fake.cellEditMode = false;

    fake.hangNextSync();
    const hung = inBatch(fake, (c) => c.sync());
    const raced = await Promise.race([
      hung.then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('pending'), 30)),
    ]);
    expect(raced).toBe('pending');

    const big = Array.from({ length: 60_000 }, (_, i) => [`rij ${i} ${'x'.repeat(80)}`]);
    const code = await codeOf(
      inBatch(fake, async (context) => {
        context.workbook.worksheets.getItem('Blad1').getRange('A1:A60000').values = big;
        await context.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.batches[fake.batches.length - 1]?.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('knows its API version: requirement sets and ApiNotFound above it', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' }).addSheet('Blad1');
    expect(fake.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(fake.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const code = await codeOf(
      inBatch(fake, async (context) => {
        context.workbook.worksheets.getItem('Blad1').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
    );
    expect(code).toBe('ApiNotFound');
  });

  it('flushes operations left queued when the batch function returns (as Excel.run does)', async () => {
    const fake = new FakeExcel().addSheet('Blad1');
    await inBatch(fake, async (context) => {
      context.workbook.worksheets.getItem('Blad1').getRange('A1').values = [[5]];
      return Promise.resolve();
    });
    expect(fake.batches.map((b) => b.implicit)).toEqual([true]);
    expect(fake.values('Blad1', 'A1')).toEqual([[5]]);
  });

  it('converts between R1C1 and A1 independently of the plan layer', () => {
    expect(r1c1ToA1('=R7C*RC8-RC+SUM(R[-1]C[2]:R[1]C[2])&"RC"', 11, 5)).toBe(
      '=E$7*$H11-E11+SUM(G10:G12)&"RC"',
    );
    expect(a1ToR1C1('=E$7*$H11-E11+ROUND(G10,0)', 11, 5)).toBe('=R7C*RC8-RC+ROUND(R[-1]C[2],0)');
    expect(r1c1ToA1('=Invoer!R11C3/SUM(Invoer!R11C3:R15C3)', 2, 2)).toBe(
      '=Invoer!$C$11/SUM(Invoer!$C$11:$C$15)',
    );
  });

  it('sorts rows as a user would: formulas follow their cells', () => {
    const fake = new FakeExcel().addSheet('S');
    fake.type('S', 'A1', [
      ['b', 2, '=B1*2'],
      ['a', 1, '=B2*2'],
    ]);
    fake.sortRows('S', 'A1:C2', 0);
    expect(fake.formulas('S', 'A1:C2')).toEqual([
      ['a', 1, '=B1*2'],
      ['b', 2, '=B2*2'],
    ]);
  });

  it('a table column inserted by the user moves references wholly within the table rows, not those reaching beyond', () => {
    // Table T over A1:C3 (heading + 2 rows); formulas on another sheet and beside the table.
    const fake = new FakeExcel().addSheet('S').addSheet('O');
    fake.type('S', 'A1', [
      ['Naam', 'Jaar', 'Bedrag'],
      ['a', 2023, 10],
      ['b', 2024, 20],
    ]);
    fake.addTable('S', 'A1:C3', 'T');
    fake.type('O', 'A1', [
      ['=SUM(S!C2:C3)', '=SUM(S!$C$2:$C$500)', '=S!B1', '=SUM(S!A2:C3)', "='S'!C1&S!A1", '="S!C2"'],
    ]);
    fake.type('S', 'E5', '=SUM(C2:C3)');
    fake.insertTableColumn('T', 1, 'Kostenplaats');
    expect(fake.values('S', 'A1:D1')).toEqual([['Naam', 'Kostenplaats', 'Jaar', 'Bedrag']]);
    expect(fake.formulas('O', 'A1:F1')).toEqual([
      ['=SUM(S!D2:D3)', '=SUM(S!$C$2:$C$500)', '=S!C1', '=SUM(S!A2:D3)', "='S'!D1&S!A1", '="S!C2"'],
    ]);
    // Below the table's rows nothing moves, and a formula there keeps its references within the rows moving.
    expect(fake.formulas('S', 'E5')).toEqual([['=SUM(D2:D3)']]);
  });
});
