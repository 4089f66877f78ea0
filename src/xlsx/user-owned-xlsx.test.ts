import ExcelJS from 'exceljs';
import { userOwnedPlan } from '../../test/support/fake-excel/sample-plan';
import { renderXlsx } from '.';

describe('.xlsx: a user-owned sheet is written whole (a file is always new)', () => {
  it('writes the Begroting with its add-in range, table and starter rows, unprotected', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(userOwnedPlan(1))) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Begroting')!;
    expect(ws.getCell('A1').value).toBe('Begroting 2026');
    expect(ws.getCell('A9').value).toBe('P1');
    expect(ws.getCell('C10').value).toBe(2000);
    const table = (
      ws as unknown as { tables: Record<string, { table: { ref?: string; tableRef?: string } }> }
    ).tables['Begroting'];
    expect(table).toBeDefined();
    expect((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
    // The sample's Invoer is protected (formulas), Begroting is not.
    expect(
      (wb.getWorksheet('Invoer') as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection
        ?.sheet,
    ).toBe(true);
  });
});
