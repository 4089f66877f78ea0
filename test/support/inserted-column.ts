/**
 * Issue #17 (a column the user inserts into one of the user's tables) through the add-in and the fake
 * host, the steps the Begroting's and the Realisatie's tests share (src/excel/begroting-column.test.ts,
 * src/excel/realisatie-column.test.ts): the insert, Controle's rows, and the refused refresh.
 */
import { excelFailureText } from '../../src/messages';
import type { WorkbookPlan } from '../../src/plan';
import { SHEETS } from '../../src/plan';
import type { FakeExcel } from './fake-excel';
import { render } from './render-fake';

/** The heading of the column the user inserts. */
export const KOSTENPLAATS = 'Kostenplaats';

/** Column C of Controle's row whose label (column A) is `label`, as the werkmap shows it now. */
export function controleWaarde(fake: FakeExcel, label: string | number): unknown {
  return fake.values(SHEETS.controle, 'A1:D90').find((r) => r[0] === label)?.[2];
}

/**
 * Inserts "Kostenplaats" into `table` on `sheet` as the user does (Insert > Table Columns to the Left
 * on the first year column, the table's 7th column) and checks that the headings F6:H6 then read
 * "Aard lasten", "Kostenplaats", "2023".
 */
export function insertKostenplaats(fake: FakeExcel, table: string, sheet: string): void {
  fake.insertTableColumn(table, 6, KOSTENPLAATS);
  expect(fake.values(sheet, 'F6:H6')[0]).toEqual(['Aard lasten', KOSTENPLAATS, '2023']);
}

/**
 * A refresh with `plan` after the insert: refused (`TableShapeUnknown` for `table` on `sheet`) with a
 * Dutch message naming the column, the sheet and "Er is niets gewijzigd.", and the workbook unchanged.
 */
export async function expectRefreshRefused(
  fake: FakeExcel,
  plan: WorkbookPlan,
  table: string,
  sheet: string,
): Promise<void> {
  const before = fake.snapshot();
  const report = await render(fake, plan);
  expect(report.ok).toBe(false);
  if (report.ok) return;
  expect(report.failure).toMatchObject({ kind: 'TableShapeUnknown', sheet, table });
  const text = excelFailureText(report.failure);
  expect(text).toContain(KOSTENPLAATS);
  expect(text).toContain(sheet);
  expect(text).toContain('Er is niets gewijzigd.');
  expect(fake.snapshot()).toEqual(before);
}
