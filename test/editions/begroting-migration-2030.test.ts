import { editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import { begrotingSchema } from '../../src/plan/begroting/fixed-cells';
import { FakeExcel } from '../support/fake-excel';
import { ok, render } from '../support/render-fake';

/**
 * A later edition adds a year (vws-2026-04 adds 2030, the BFU open post): a werkmap built with
 * vws-2025-09 (2023–2029) keeps every row of the user's Begroting table when it is refreshed with the
 * new edition; the table
 * gains the column 2030 after 2029 (schema version 2: one migration per added year).
 */
const ALMERE = 'GM0034' as CbsCode;

describe('the Begroting table across a year the edition adds', () => {
  it('the schema of 2023–2030 is version 2: the migration adds "2030" right after "2029"', () => {
    const seven = begrotingSchema([2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    const eight = begrotingSchema([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(seven.version).toBe(1);
    expect(seven.migrations).toEqual([]);
    expect(eight.version).toBe(2);
    expect(eight.migrations).toEqual([
      {
        from: 1,
        changes: [{ kind: 'add', name: '2030', index: seven.columns.indexOf('2029') + 1, default: null }],
      },
    ]);
    expect(eight.columns.slice(6, 14)).toEqual([
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
    ]);
  });

  it('a werkmap of vws-2025-09 refreshed with vws-2026-04 keeps the user rows; 2030 is added, empty; 2 syncs', async () => {
    const fake = new FakeExcel();
    const plan = (editie: string) =>
      buildWorkbookPlan(editionInput(editie), { key: 'spuk-2025', gemeente: ALMERE });
    ok(await render(fake, plan('vws-2025-09'), { expectExisting: false }));
    const row = ['SPUK AZWA lokaal', '', 'Welzijn op recept', '6.71', 'Welzijnsorganisatie', 'incidenteel'];
    const lasten = [0, 0, 0, 0, 120_000, 125_000, 130_000];
    fake.appendTableRows('Begroting', [[...row, ...lasten, 'eigen middelen', 'nieuw']]);
    const header = fake.values(SHEETS.begroting, 'A6:O6')[0] ?? [];
    expect(header.slice(6, 13)).toEqual(['2023', '2024', '2025', '2026', '2027', '2028', '2029']);
    const before = fake.values(SHEETS.begroting, 'A7:O40').filter((r) => r.some((v) => v !== ''));

    const syncs = fake.syncCount;
    ok(await render(fake, plan('vws-2026-04'), { expectExisting: true }));
    expect(fake.syncCount - syncs).toBe(2);
    const after = fake.values(SHEETS.begroting, 'A6:P40');
    expect(after[0]?.slice(6, 14)).toEqual(['2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    const rows = after.slice(1).filter((r) => r.some((v) => v !== ''));
    // Every row as before, with an empty 2030 inserted after 2029.
    expect(rows).toEqual(before.map((r) => [...r.slice(0, 13), '', ...r.slice(13)]));
    expect(rows.some((r) => r[2] === 'Welzijn op recept' && r[12] === 130_000 && r[13] === '')).toBe(true);
    expect(fake.values(SHEETS.begroting, 'A4:B4')).toEqual([['Tabelversie', 2]]);
  });
});
