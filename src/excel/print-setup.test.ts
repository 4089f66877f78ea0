/**
 * The add-in renderer honours the plan's hidden columns (Range.columnHidden, ExcelApi 1.2) and manual
 * page breaks (Worksheet.horizontalPageBreaks, ExcelApi 1.9) as the .xlsx renderer does, in the write
 * batch (no extra sync), against the fake host that models both.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { samplePlan } from '../../test/support/fake-excel/sample-plan';
import { ok, render } from '../../test/support/render-fake';
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import type { WorkbookPlan } from '../plan';
import { SHEETS, buildWorkbookPlan, columnNumber } from '../plan';
import { hiddenColumnRanges } from './print-setup';

describe('hiddenColumnRanges', () => {
  it('joins adjacent hidden columns into whole-column ranges, left to right', () => {
    const columns = [
      { column: 'K', width: 5, hidden: true },
      { column: 'B', width: 5 },
      { column: 'H', width: 5, hidden: true },
      { column: 'G', width: 5, hidden: true },
      { column: 'AA', width: 5, hidden: true },
    ];
    expect(hiddenColumnRanges({ columns })).toEqual(['G:H', 'K:K', 'AA:AA']);
    expect(hiddenColumnRanges({ columns: [{ column: 'A', width: 5 }] })).toEqual([]);
  });
});

describe('renderPlan: hidden columns and page breaks', () => {
  const sample = (): WorkbookPlan => {
    const base = samplePlan();
    return {
      ...base,
      sheets: base.sheets.map((s, i) =>
        i === 0
          ? {
              ...s,
              columns: [
                ...s.columns,
                { column: 'G', width: 12, hidden: true },
                { column: 'H', width: 12, hidden: true },
              ],
              pageBreaks: [12, 14],
            }
          : s,
      ),
    };
  };

  it('hides the planned columns and sets the breaks in the write batch of a first build (2 syncs)', async () => {
    const fake = new FakeExcel();
    const report = ok(await render(fake, sample(), { expectExisting: false }));
    expect(report.syncs).toBe(2);
    const invoer = fake.model.sheets.find((s) => s.name === 'Invoer');
    expect([...(invoer?.hiddenColumns ?? [])].sort()).toEqual([7, 8]);
    expect([...(invoer?.pageBreaks ?? [])].sort()).toEqual([12, 14]);
    const uitkomst = fake.model.sheets.find((s) => s.name === 'Uitkomst');
    expect(uitkomst?.hiddenColumns.size).toBe(0);
    expect(uitkomst?.pageBreaks.size).toBe(0);
    // One columnHidden for the run G:H; one reset and two adds for the breaks, all in the write batch.
    const write = fake.batches[1];
    expect(write?.operationCounts['Range.columnHidden']).toBe(1);
    expect(write?.operationCounts['PageBreakCollection.removePageBreaks']).toBe(1);
    expect(write?.operationCounts['PageBreakCollection.add']).toBe(2);
  });

  it('a refresh with a break moved keeps only the plan’s breaks', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, sample(), { expectExisting: false }));
    const moved = sample();
    const next: WorkbookPlan = {
      ...moved,
      sheets: moved.sheets.map((s, i) => (i === 0 ? { ...s, pageBreaks: [13] } : s)),
    };
    ok(await render(fake, next));
    expect([...(fake.model.sheets.find((s) => s.name === 'Invoer')?.pageBreaks ?? [])]).toEqual([13]);
  });

  it('a refresh whose plan drops every break of a sheet removes them (in the write batch, 2 syncs)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, sample(), { expectExisting: false }));
    expect(fake.model.sheets.find((s) => s.name === 'Invoer')?.pageBreaks.size).toBe(2);
    const base = sample();
    const next: WorkbookPlan = {
      ...base,
      sheets: base.sheets.map((s) => {
        const { pageBreaks: _dropped, ...rest } = s;
        return rest;
      }),
    };
    const report = ok(await render(fake, next));
    expect(report.syncs).toBe(2);
    expect(fake.model.sheets.find((s) => s.name === 'Invoer')?.pageBreaks.size).toBe(0);
    // The reset runs in the write batch, once per sheet that existed; nothing is added.
    const write = fake.batches[fake.batches.length - 1];
    expect(write?.operationCounts['PageBreakCollection.removePageBreaks']).toBe(next.sheets.length);
    expect(write?.operationCounts['PageBreakCollection.add']).toBeUndefined();
  });

  it('a first build resets no breaks on a new sheet without any', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, sample(), { expectExisting: false }));
    // Only the Invoer has breaks: one reset, for it.
    expect(fake.batches[1]?.operationCounts['PageBreakCollection.removePageBreaks']).toBe(1);
  });
});

describe('renderPlan with the real plan: every hidden column hidden, the Overzicht chart on its own page', () => {
  it('Almere: the fake holds exactly the plan’s hidden columns per sheet and the Overzicht break', async () => {
    const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: 'GM0034' as CbsCode,
    });
    const fake = new FakeExcel();
    const report = ok(await render(fake, plan, { expectExisting: false }));
    expect(report.syncs).toBe(2);
    let hiddenTotal = 0;
    for (const sheet of plan.sheets) {
      const want = sheet.columns.filter((c) => c.hidden).map((c) => columnNumber(c.column));
      hiddenTotal += want.length;
      const model = fake.model.sheets.find((s) => s.name === sheet.name);
      expect([sheet.name, [...(model?.hiddenColumns ?? [])].sort((a, b) => a - b)]).toEqual([
        sheet.name,
        [...new Set(want)].sort((a, b) => a - b),
      ]);
      expect([sheet.name, [...(model?.pageBreaks ?? [])]]).toEqual([
        sheet.name,
        [...(sheet.pageBreaks ?? [])],
      ]);
    }
    // The Overzicht alone hides three helper columns; a break sits above its chart.
    expect(hiddenTotal).toBeGreaterThanOrEqual(3);
    const overzicht = plan.sheets.find((s) => s.name === SHEETS.overzicht);
    expect(overzicht?.pageBreaks).toHaveLength(1);
    // Fit to one page wide, also with its manual break (see src/excel/README.md, "Print settings").
    const model = fake.model.sheets.find((s) => s.name === SHEETS.overzicht);
    expect(model?.pageLayout.zoom).toEqual({ horizontalFitToPages: 1 });
    // Landelijk: one page wide and the page count from its rows (#18: 4 pages at about 6,3 pt type), as the plan says.
    const landelijk = fake.model.sheets.find((s) => s.name === SHEETS.landelijk);
    const landelijkPlan = plan.sheets.find((s) => s.name === SHEETS.landelijk);
    expect(landelijkPlan?.print.fitToHeight).toBe(4);
    expect(landelijk?.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 4 });
  });
});
