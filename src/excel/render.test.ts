/** renderPlan against the fake Excel host, with small synthetic plans. */
import { hangingAtSync, SPECULATION_MISSES } from '../../test/support/excel-failure';
import { FakeExcel } from '../../test/support/fake-excel';
import type { FakeErrorCode } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import {
  FIRST_ROW,
  code,
  expectedFormulaCells,
  samplePlan,
  weightOf,
} from '../../test/support/fake-excel/sample-plan';
import { coauthorEditsText, renderSuccessMessage } from '../messages';
import type { WorkbookPlan } from '../plan';
import { parseRange, toR1C1 } from '../plan';
import type { RenderOptions, RenderProgress } from './render';
import { renderPlan } from './render';
import { render, ok } from '../../test/support/render-fake';

const FOUR_MB = 4 * 1024 * 1024;

/** Row of gemeente i in a plan with `rows` rows (reversed or not). */
function rowOf(i: number, rows: number, reversed = false): number {
  return FIRST_ROW + (reversed ? rows - i : i - 1);
}

/** The margins (points) every sheet of the sample plan gets through PageLayout. */
const PLAN_MARGINS = {
  leftMargin: 21.6,
  rightMargin: 21.6,
  topMargin: 43.2,
  bottomMargin: 43.2,
  headerMargin: 18,
  footerMargin: 18,
};
/** The sample plan's header and footer, with Excel's codes, on every page. */
const HEADER_FOOTER = {
  headerFooterState: 'Default',
  header: { left: '&A', center: 'Gemeente', right: 'Editie' },
  footer: { left: '&D', center: '', right: 'pagina &P van &N' },
};

describe('renderPlan: full build', () => {
  it('hides a row planned with height 0 through Range.rowHidden, not a zero row height', async () => {
    const fake = new FakeExcel();
    const base = samplePlan();
    const plan: WorkbookPlan = {
      ...base,
      sheets: base.sheets.map((s, i) =>
        i === 0
          ? { ...s, rowHeights: [...(s.rowHeights ?? []), { row: 3, height: 0 }, { row: 4, height: 0 }] }
          : s,
      ),
    };
    ok(await render(fake, plan, { expectExisting: false }));
    const invoer = fake.model.sheets.find((s) => s.name === 'Invoer');
    expect([...(invoer?.hiddenRows ?? [])].sort()).toEqual([3, 4]);
    expect(invoer?.rowHeights.get(3)).toBeUndefined();
    expect(invoer?.rowHeights.get(10)).toBe(30);
    expect(fake.batches[1]?.operationCounts['Range.rowHidden']).toBe(1);
  });

  it('builds every sheet in 2 syncs (expectExisting: false), one assignment per block, calculation suspended', async () => {
    const fake = new FakeExcel();
    const plan = samplePlan();
    const report = ok(await render(fake, plan, { expectExisting: false }));

    expect(report.syncs).toBe(2);
    expect(fake.syncCount).toBe(2);
    expect(report.addedSheets).toEqual(['Invoer', 'Uitkomst']);
    expect(report.skippedFeatures).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst']);

    const write = fake.batches[1];
    expect(write?.calcSuspended).toBe(true);
    expect(write?.operationCounts['Application.suspendApiCalculationUntilNextSync']).toBe(1);
    const formulaBlocks = plan.sheets.flatMap((s) => s.blocks).filter((b) => b.kind === 'formula').length;
    const valueBlocks = plan.sheets.flatMap((s) => s.blocks).filter((b) => b.kind === 'values').length;
    expect(write?.operationCounts['Range.formulasR1C1']).toBe(formulaBlocks);
    expect(write?.operationCounts['Range.values']).toBe(valueBlocks);
    expect(report.formulaCells).toBe(5 + 1 + 1 + 3);
  });

  it('writes values, formulas (filled from one R1C1 text), formats, names and objects as planned', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    const last = FIRST_ROW + 4;

    expect(fake.values('Invoer', `A${FIRST_ROW}:C${FIRST_ROW + 1}`)).toEqual([
      ['GM0001', 'Gemeente 1', 10],
      ['GM0002', 'Gemeente 2', 20],
    ]);
    expect(fake.cell('Invoer', `D${FIRST_ROW}`)?.formula).toBe(
      `=C${FIRST_ROW}/SUM($C$${FIRST_ROW}:$C$${last})`,
    );
    expect(fake.cell('Invoer', `D${last}`)?.formula).toBe(`=C${last}/SUM($C$${FIRST_ROW}:$C$${last})`);
    expect(fake.cell('Uitkomst', 'B3')?.formula).toBe(`=Invoer!C${last + 1}*2`);
    // Text Excel would misparse stays text.
    expect(fake.values('Uitkomst', 'A5:A10')).toEqual([
      ['=geen formule'],
      ['0034'],
      ['- streepje'],
      ['TRUE'],
      ['#N/A'],
      ['+31 6'],
    ]);

    const snap = fake.snapshot();
    const invoer = snap.sheets[0];
    expect(invoer?.tabColor).toBe('#FFC000');
    expect(invoer?.cells[`C${FIRST_ROW}`]?.style).toEqual({
      numberFormat: '€ #,##0;[Red]-€ #,##0',
      fill: '#FFF2CC',
    });
    expect(invoer?.cells['A10']?.style).toMatchObject({
      bold: true,
      fill: '#DDEBF7',
      borderBottom: 'Continuous',
      horizontalAlignment: 'Center',
    });
    expect(invoer?.columnWidths).toEqual({ A: 56.25, B: 161.25, C: 66.75, D: 66.75, E: 66.75 });
    expect(invoer?.freeze).toEqual({ rows: 10, columns: 2 });
    // The plan's row heights (points), through Range.format.rowHeight.
    expect(invoer?.rowHeights).toEqual({ 10: 30 });
    // The plan's PrintSpec through PageLayout (ExcelApi 1.9): fit 1 page wide by 2 tall, print area,
    // repeated rows and columns, one header and footer with Excel's codes on every page.
    expect(invoer?.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 2 },
      margins: PLAN_MARGINS,
      printArea: `A1:D${last + 1}`,
      printTitleRows: '10:10',
      printTitleColumns: 'A:B',
      ...HEADER_FOOTER,
    });
    // Portrait at 100 %, no area or titles (the plan gives none).
    expect(snap.sheets[1]?.pageLayout).toEqual({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { scale: 100 },
      margins: PLAN_MARGINS,
      ...HEADER_FOOTER,
    });
    expect(invoer?.tables).toEqual([
      { name: 'T_Gewichten', range: `A10:C${last}`, style: 'TableStyleLight9' },
    ]);
    // Lower plan priority wins: it must come first in Excel's order.
    expect(invoer?.conditionalFormats.map((c) => c.formula)).toEqual([
      `=D${FIRST_ROW}=0`,
      `=D${FIRST_ROW}>0.3`,
    ]);
    expect(invoer?.validations).toEqual([
      {
        range: `C${FIRST_ROW}:C${last}`,
        rule: { type: 'wholeNumber', operator: 'GreaterThanOrEqualTo', formula1: 0 },
        prompt: 'Vul een geheel, niet-negatief gewicht in.',
        error: 'Alleen hele getallen vanaf 0.',
      },
    ]);
    const uitkomst = snap.sheets[1];
    expect(uitkomst?.validations[0]?.rule).toEqual({
      type: 'list',
      source: `=Invoer!$A$${FIRST_ROW}:$A$${last}`,
      inCellDropDown: true,
    });
    expect(uitkomst?.charts).toEqual([
      {
        name: 'Grafiek_Aandeel',
        type: 'ColumnClustered',
        title: 'Aandeel per gemeente',
        from: 'E2',
        to: 'L18',
        series: [
          {
            name: 'Aandeel',
            values: `Invoer!D${FIRST_ROW}:D${last}`,
            xValues: `Invoer!A${FIRST_ROW}:A${last}`,
            color: '#1F4E79',
          },
          {
            name: 'Gewicht',
            values: `Invoer!C${FIRST_ROW}:C${last}`,
            xValues: `Invoer!A${FIRST_ROW}:A${last}`,
            color: '#C00000',
          },
        ],
      },
    ]);
    expect(snap.names.map((n) => [n.name, n.formula])).toEqual([
      ['SPUK_Blad_Invoer', `=Invoer!$A$1:$D$${last + 1}`],
      ['SPUK_Blad_Uitkomst', '=Uitkomst!$A$1:$C$14'],
      ['Invoer_Gewichten', `=Invoer!$C$${FIRST_ROW}:$C$${last}`],
      ['Invoer_Opmerking', '=Uitkomst!$B$12:$B$14'],
      ['Totaal_Gewicht', `=Invoer!$C$${last + 1}`],
    ]);
    expect(snap.activeSheet).toBe('Invoer');
  });

  it('every written formula evaluates to the plan’s expected value (HyperFormula over the fake workbook)', async () => {
    const fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
    const plan = samplePlan({ rows: 12 });
    ok(await render(fake, plan));
    const cells = expectedFormulaCells(plan);
    expect(cells.length).toBeGreaterThan(10);
    for (const [sheet, row, col, , expected] of cells) {
      const got = fake.values(sheet, `${String.fromCharCode(64 + col)}${row}`)[0]?.[0];
      if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 12);
      else expect(got).toEqual(expected);
    }
  });

  it('keeps the number of operations independent of the number of rows (no per-cell loops)', async () => {
    const small = new FakeExcel();
    const large = new FakeExcel();
    ok(await render(small, samplePlan({ rows: 10 })));
    ok(await render(large, samplePlan({ rows: 342 })));
    expect(large.batches.map((b) => b.operations)).toEqual(small.batches.map((b) => b.operations));
    for (const b of large.batches) expect(b.requestBytes).toBeLessThan(FOUR_MB);
  });

  it('by default (and with expectExisting: true) a first build takes 3 syncs: the speculation fails, nothing changed', async () => {
    const hinted = new FakeExcel();
    ok(await render(hinted, samplePlan(), { expectExisting: false }));
    for (const options of [{}, { expectExisting: true }]) {
      const fake = new FakeExcel();
      const report = ok(await render(fake, samplePlan(), options));
      expect(report.syncs).toBe(3);
      expect(fake.batches.map((b) => b.outcome)).toEqual(['ItemNotFound', 'ok', 'ok']);
      expect(Object.keys(fake.batches[0]?.operationCounts ?? {}).every((op) => op.endsWith('.load'))).toBe(
        true,
      );
      expect(fake.snapshot()).toEqual(hinted.snapshot());
    }
  });

  it('reports progress per round trip', async () => {
    const fake = new FakeExcel();
    const steps: RenderProgress[] = [];
    ok(await render(fake, samplePlan(), { expectExisting: false, onProgress: (p) => steps.push(p) }));
    expect(steps).toEqual([
      { step: 1, total: 2, label: 'check' },
      { step: 2, total: 2, label: 'write' },
    ]);
    const guessed: RenderProgress[] = [];
    ok(await render(new FakeExcel(), samplePlan(), { onProgress: (p) => guessed.push(p) }));
    expect(guessed.map((s) => `${s.step}/${s.total} ${s.label}`)).toEqual([
      '1/2 check',
      '2/3 check',
      '3/3 write',
    ]);
  });
});

describe('renderPlan: refresh, idempotence and the user’s inputs', () => {
  it('rendering the same plan twice gives an identical workbook (refresh: 2 syncs, speculating)', async () => {
    const fake = new FakeExcel();
    const plan = samplePlan();
    ok(await render(fake, plan, { expectExisting: false }));
    const first = fake.snapshot();
    const steps: RenderProgress[] = [];
    const before = fake.syncCount;
    const again = ok(await render(fake, plan, { onProgress: (p) => steps.push(p) }));
    expect(fake.snapshot()).toEqual(first);
    expect(again.syncs).toBe(2);
    expect(fake.batches.slice(before).map((b) => b.outcome)).toEqual(['ok', 'ok']);
    expect(again.replacedSheets).toEqual(['Invoer', 'Uitkomst']);
    expect(again.addedSheets).toEqual([]);
    expect(steps.map((s) => `${s.step}/${s.total} ${s.label}`)).toEqual(['1/2 check', '2/2 write']);
    // The chart on the replaced sheet was found by the speculation and replaced, not duplicated.
    expect(fake.snapshot().sheets[1]?.charts).toHaveLength(1);

    const told = ok(await render(fake, plan, { expectExisting: true }));
    expect(told.syncs).toBe(2);
    expect(fake.snapshot()).toEqual(first);
  });

  it('without speculation (expectExisting: false) a refresh reads in a sync of its own: 3 syncs, same workbook', async () => {
    const fake = new FakeExcel();
    const plan = samplePlan();
    ok(await render(fake, plan));
    const first = fake.snapshot();
    fake.type('Invoer', `C${rowOf(3, 5)}`, 99);
    const steps: RenderProgress[] = [];
    const again = ok(await render(fake, plan, { expectExisting: false, onProgress: (p) => steps.push(p) }));
    expect(again.syncs).toBe(3);
    expect(steps.map((s) => `${s.step}/${s.total} ${s.label}`)).toEqual([
      '1/2 check',
      '2/3 read',
      '3/3 write',
    ]);
    expect(fake.cell('Invoer', `C${rowOf(3, 5)}`)?.value).toBe(99);
    fake.type('Invoer', `C${rowOf(3, 5)}`, weightOf(3));
    expect(fake.snapshot()).toEqual(first);
  });

  it('keeps user edits in input ranges across a refresh, matched by key when rows move', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    // The user types a weight for GM0003, a formula for GM0004, and a remark (positional input).
    fake.type('Invoer', `C${rowOf(3, 5)}`, 99);
    fake.type('Invoer', `C${rowOf(4, 5)}`, `=C${rowOf(3, 5)}+1`);
    fake.type('Uitkomst', 'B13', 'Navragen bij team');

    // New plan: same gemeenten, other row order.
    const report = ok(await render(fake, samplePlan({ reversed: true })));
    expect(report.syncs).toBe(2);
    expect(fake.values('Invoer', `A${rowOf(3, 5, true)}:C${rowOf(3, 5, true)}`)).toEqual([
      ['GM0003', 'Gemeente 3', 99],
    ]);
    expect(fake.cell('Invoer', `A${rowOf(4, 5, true)}`)?.value).toBe('GM0004');
    // The user's formula keeps its relative meaning (the row above), as Excel would move it.
    expect(fake.cell('Invoer', `C${rowOf(4, 5, true)}`)?.formula).toBe(`=C${rowOf(4, 5, true) - 1}+1`);
    // Untouched rows get the plan's values.
    expect(fake.cell('Invoer', `C${rowOf(1, 5, true)}`)?.value).toBe(weightOf(1));
    expect(fake.values('Uitkomst', 'B12:B14')).toEqual([[''], ['Navragen bij team'], ['standaard']]);
    expect(report.preservedInputs).toEqual([
      { name: 'Invoer_Gewichten', restoredRows: 5, changedCells: 2, droppedKeys: [] },
      { name: 'Invoer_Opmerking', restoredRows: 3, changedCells: 1, droppedKeys: [] },
    ]);
  });

  it('keeps inputs after the user sorted the sheet (key column moves with the rows)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    fake.type('Invoer', `C${rowOf(2, 5)}`, 7);
    fake.sortRows('Invoer', `A${FIRST_ROW}:C${FIRST_ROW + 4}`, 2, true); // by weight, descending
    ok(await render(fake, samplePlan()));
    expect(fake.values('Invoer', `A${rowOf(2, 5)}:C${rowOf(2, 5)}`)).toEqual([['GM0002', 'Gemeente 2', 7]]);
    expect(fake.values('Invoer', `A${rowOf(5, 5)}:C${rowOf(5, 5)}`)).toEqual([
      ['GM0005', 'Gemeente 5', weightOf(5)],
    ]);
  });

  it('reports rows with values whose key is no longer in the plan, and writes plan defaults for new rows', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan({ rows: 5 })));
    fake.type('Invoer', `C${rowOf(5, 5)}`, 1234);
    fake.type('Invoer', `C${rowOf(1, 5)}`, 11);
    const fewer = ok(await render(fake, samplePlan({ rows: 3 })));
    expect(fewer.preservedInputs[0]?.droppedKeys).toEqual([code(4), code(5)]);
    expect(fake.cell('Invoer', `C${rowOf(1, 3)}`)?.value).toBe(11);
    const more = ok(await render(fake, samplePlan({ rows: 6 })));
    expect(fake.cell('Invoer', `C${rowOf(1, 6)}`)?.value).toBe(11);
    expect(fake.cell('Invoer', `C${rowOf(6, 6)}`)?.value).toBe(weightOf(6));
    expect(more.preservedInputs[0]?.changedCells).toBe(1);
  });

  it('replaces listed inputs with the plan’s defaults (replaceInputs)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    fake.type('Invoer', `C${rowOf(3, 5)}`, 99);
    fake.type('Uitkomst', 'B12', 'blijft');
    const report = ok(await render(fake, samplePlan(), { replaceInputs: ['invoer_gewichten'] }));
    expect(fake.cell('Invoer', `C${rowOf(3, 5)}`)?.value).toBe(weightOf(3));
    expect(fake.cell('Uitkomst', 'B12')?.value).toBe('blijft');
    expect(report.preservedInputs.map((p) => p.name)).toEqual(['Invoer_Opmerking']);
  });

  it('a renamed add-in sheet is refused with both names; renamed back, its inputs are kept (#17)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    fake.type('Invoer', `C${rowOf(2, 5)}`, 42);
    fake.renameSheet('Invoer', 'Invoer oud');
    const before = fake.snapshot();
    // Before #17 its table made this a false NameTaken, and renaming the table made a new sheet.
    expect(await render(fake, samplePlan())).toEqual({
      ok: false,
      failure: { kind: 'SheetRenamed', sheets: [{ planned: 'Invoer', now: 'Invoer oud' }] },
    });
    expect(fake.snapshot()).toEqual(before);
    fake.renameSheet('Invoer oud', 'Invoer');
    const report = ok(await render(fake, samplePlan()));
    expect(report.addedSheets).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst']);
    expect(fake.cell('Invoer', `C${rowOf(2, 5)}`)?.value).toBe(42);
  });

  it('rebuilds an add-in sheet the user deleted (its names had become #REF!)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    const first = fake.snapshot();
    fake.deleteSheet('Uitkomst');
    expect(fake.name('Invoer_Opmerking')?.formula).toBe('=#REF!$B$12:$B$14');
    const report = ok(await render(fake, samplePlan()));
    expect(report.addedSheets).toEqual(['Uitkomst']);
    expect(fake.snapshot()).toEqual(first);
  });
});

/** The sample plan with a key column on another sheet for the remark input (Uitkomst!B12:B14 ↔ Invoer!A12:A14). */
function crossSheetKeys(options: Parameters<typeof samplePlan>[0] = {}): WorkbookPlan {
  const plan = samplePlan(options);
  return {
    ...plan,
    names: plan.names.map((n) =>
      n.name === 'Invoer_Opmerking' ? { ...n, keyRef: 'Invoer!$A$12:$A$14' } : n,
    ),
  };
}

describe('renderPlan: speculative reads in sync 1 (refresh in 2 round trips)', () => {
  it('uses a key column on another sheet read speculatively: 2 syncs, the remark follows its key', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, crossSheetKeys(), { expectExisting: false }));
    fake.type('Uitkomst', 'B12', 'bij GM0002'); // Invoer!A12 holds GM0002
    const report = ok(await render(fake, crossSheetKeys({ reversed: true })));
    expect(report.syncs).toBe(2);
    expect(fake.cell('Invoer', 'A14')?.value).toBe('GM0002');
    // Rows follow their keys: GM0004's default remark moves up to row 12, the user's remark down to 14.
    expect(fake.values('Uitkomst', 'B12:B14')).toEqual([['standaard'], [''], ['bij GM0002']]);
    expect(report.preservedInputs.find((p) => p.name === 'Invoer_Opmerking')).toEqual({
      name: 'Invoer_Opmerking',
      restoredRows: 3,
      changedCells: 2,
      droppedKeys: [],
    });
  });

  it('an input name the user moved is read again where the check says (3 syncs); the others come from sync 1', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, crossSheetKeys(), { expectExisting: false }));
    fake.type('Invoer', `C${rowOf(2, 5)}`, 77);
    fake.type('Uitkomst', 'B15', 'verplaatst');
    fake.deleteName('Invoer_Opmerking').addName('Invoer_Opmerking', '=Uitkomst!$B$13:$B$15');
    const before = fake.syncCount;
    const report = ok(await render(fake, crossSheetKeys()));
    expect(report.syncs).toBe(3);
    const read = fake.batches[before + 1];
    expect(read?.outcome).toBe('ok');
    expect(read?.operationCounts['Range.load']).toBe(2); // the moved input and its keys, nothing else
    expect(fake.cell('Invoer', `C${rowOf(2, 5)}`)?.value).toBe(77);
    // Uitkomst!B15 sat beside Invoer!A15 (GM0005), which has no remark row in the plan any more.
    expect(report.preservedInputs.find((p) => p.name === 'Invoer_Opmerking')?.droppedKeys).toEqual([
      'GM0005',
    ]);
    expect(fake.name('Invoer_Opmerking')?.formula).toBe('=Uitkomst!$B$12:$B$14');
  });

  it('the user deleted an input name: the speculation fails (ItemNotFound), fallback keeps every input (the deleted one at the plan’s address)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan(), { expectExisting: false }));
    fake.type('Invoer', `C${rowOf(3, 5)}`, 99);
    fake.type('Uitkomst', 'B13', 'mijn opmerking');
    fake.deleteName('Invoer_Opmerking');
    const steps: RenderProgress[] = [];
    const before = fake.syncCount;
    const report = ok(
      await render(fake, samplePlan({ reversed: true }), { onProgress: (p) => steps.push(p) }),
    );
    expect(report.syncs).toBe(4);
    expect(fake.batches.slice(before).map((b) => b.outcome)).toEqual(['ItemNotFound', 'ok', 'ok', 'ok']);
    expect(steps.map((s) => `${s.step}/${s.total} ${s.label}`)).toEqual([
      '1/2 check',
      '2/3 check',
      '3/4 read',
      '4/4 write',
    ]);
    expect(fake.values('Invoer', `A${rowOf(3, 5, true)}:C${rowOf(3, 5, true)}`)).toEqual([
      ['GM0003', 'Gemeente 3', 99],
    ]);
    expect(report.preservedInputs.map((p) => p.name)).toEqual(['Invoer_Gewichten', 'Invoer_Opmerking']);
    expect(fake.values('Uitkomst', 'B13')).toEqual([['mijn opmerking']]);
    expect(fake.name('Invoer_Opmerking')?.formula).toBe('=Uitkomst!$B$12:$B$14');
  });

  it('the user deleted the key column’s sheet: fallback (InvalidReference), the remark is kept by position', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, crossSheetKeys(), { expectExisting: false }));
    const first = fake.snapshot();
    fake.type('Uitkomst', 'B13', 'blijft staan');
    fake.deleteSheet('Invoer');
    const before = fake.syncCount;
    const report = ok(await render(fake, crossSheetKeys()));
    expect(report.syncs).toBe(4);
    expect(fake.batches.slice(before).map((b) => b.outcome)).toEqual(['InvalidReference', 'ok', 'ok', 'ok']);
    expect(report.addedSheets).toEqual(['Invoer']);
    expect(fake.values('Uitkomst', 'B12:B14')).toEqual([[''], ['blijft staan'], ['standaard']]);
    expect(report.preservedInputs.map((p) => p.name)).toEqual(['Invoer_Opmerking']);
    fake.type('Uitkomst', 'B13', '');
    expect(fake.snapshot().sheets.find((s) => s.name === 'Invoer')).toEqual(
      first.sheets.find((s) => s.name === 'Invoer'),
    );
  });

  /**
   * A refresh whose speculative sync fails with `code`: the plain path follows (4 syncs, the failed one
   * first) and the workbook ends as the first render left it.
   */
  async function fallsBackAfter(code: FakeErrorCode): Promise<void> {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan(), { expectExisting: false }));
    const first = fake.snapshot();
    const before = fake.syncCount;
    fake.failNextSync(code);
    const report = ok(await render(fake, samplePlan()));
    expect(report.syncs).toBe(4);
    expect(fake.batches.slice(before).map((b) => b.outcome)).toEqual([code, 'ok', 'ok', 'ok']);
    expect(fake.snapshot()).toEqual(first);
  }

  it.each(SPECULATION_MISSES)(
    'a speculative sync failing with %s falls back to the plain path',
    async (code) => {
      await fallsBackAfter(code);
    },
  );

  it.each(['GeneralException', 'AccessDenied', 'RequestPayloadSizeLimitExceeded', 'ApiNotFound'] as const)(
    'a speculative sync failing with %s falls back too (it only read: nothing changed)',
    async (code) => {
      await fallsBackAfter(code);
    },
  );

  it('cell-edit mode: the fallback check fails the same way (CellEditMode); a hanging speculative sync is a Timeout, no fallback', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan(), { expectExisting: false }));
    const first = fake.snapshot();
    fake.cellEditMode = true;
    let before = fake.syncCount;
    expect(await render(fake, samplePlan())).toEqual({ ok: false, failure: { kind: 'CellEditMode' } });
    expect(fake.syncCount - before).toBe(2);
    fake.cellEditMode = false;

    before = fake.syncCount;
    fake.hangNextSync();
    expect(await render(fake, samplePlan(), { timeoutMs: 40 })).toEqual({
      ok: false,
      failure: { kind: 'Timeout', seconds: 0.04 },
    });
    expect(fake.syncCount - before).toBe(1);
    expect(fake.snapshot()).toEqual(first);
  });

  it('a name the user pointed at a huge range of their own: the speculation is refused, the check says NameTaken', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan(), { expectExisting: false }));
    fake.addSheet('Eigen');
    fake.deleteName('Invoer_Opmerking').addName('Invoer_Opmerking', '=Eigen!$A$1:$Z$1048576');
    const before = fake.syncCount;
    expect(await render(fake, samplePlan())).toEqual({
      ok: false,
      failure: { kind: 'NameTaken', name: 'Invoer_Opmerking' },
    });
    // Speculation and the resolve read are refused (reads only); the addresses alone decide.
    expect(fake.batches.slice(before).map((b) => b.outcome)).toEqual([
      'RangeExceedsLimit',
      'ok',
      'RangeExceedsLimit',
      'ok',
    ]);
  });

  it('reads no input listed in replaceInputs speculatively', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan(), { expectExisting: false }));
    const before = fake.syncCount;
    ok(await render(fake, samplePlan(), { replaceInputs: ['Invoer_Gewichten'] }));
    ok(await render(fake, samplePlan()));
    // The replaced input's range is resolved for its address only: its key column is not read.
    const loads = (i: number) => fake.batches[i]?.operationCounts['Range.load'] ?? 0;
    expect(loads(before)).toBe(loads(before + 2) - 1);
    expect(fake.syncCount - before).toBe(4);
  });
});

describe('renderPlan: never overwrites what belongs to the user', () => {
  async function expectUntouched(
    fake: FakeExcel,
    plan: WorkbookPlan,
    failure: unknown,
    options: RenderOptions = {},
  ): Promise<void> {
    const before = fake.snapshot();
    const syncsBefore = fake.syncCount;
    const report = await render(fake, plan, options);
    expect(report).toEqual({ ok: false, failure });
    expect(fake.snapshot()).toEqual(before);
    // Only reading syncs happened (the check after a failed speculation when it was tried, and the
    // resolve read of the names' ranges without a successful speculation): loads only.
    const batches = fake.batches.slice(syncsBefore);
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.length).toBeLessThanOrEqual(3);
    for (const batch of batches)
      expect(Object.keys(batch.operationCounts).every((op) => op.endsWith('.load'))).toBe(true);
  }

  it('a same-named sheet without the ownership mark → SheetNameTaken, nothing written, reads only', async () => {
    const fake = new FakeExcel().addSheet('Uitkomst').addSheet('Invoer');
    fake.type('Invoer', 'A1', 'Mijn eigen werk');
    const failure = { kind: 'SheetNameTaken', sheet: 'Invoer', sheets: ['Invoer', 'Uitkomst'] };
    await expectUntouched(fake, samplePlan(), failure, { expectExisting: false });
    // Check, then where the plan's names point (none here) and the sheets' charts: reads only.
    expect(fake.syncCount).toBe(2);
    // Speculating: the plan's input names are missing, so the read-only speculation fails first.
    await expectUntouched(fake, samplePlan(), failure);
    expect(fake.batches.map((b) => b.outcome)).toEqual(['ok', 'ok', 'ItemNotFound', 'ok', 'ok']);
  });

  it('reads of the user’s own same-named sheets and names are never used: SheetNameTaken, reads only', async () => {
    const fake = new FakeExcel().addSheet('Invoer').addSheet('Uitkomst');
    fake.type('Invoer', `A${FIRST_ROW}`, [['GM0001', 'Mijn', 5]]);
    fake.addName('Invoer_Gewichten', `=Invoer!$C$${FIRST_ROW}:$C$${FIRST_ROW + 4}`);
    fake.addName('Invoer_Opmerking', '=Uitkomst!$B$12:$B$14');
    await expectUntouched(fake, samplePlan(), {
      kind: 'SheetNameTaken',
      sheet: 'Invoer',
      sheets: ['Invoer', 'Uitkomst'],
    });
    // The speculation misses (no marks), the resolve read finds the user's names: still SheetNameTaken.
    expect(fake.batches.map((b) => b.outcome)).toEqual(['ItemNotFound', 'ok', 'ok']);
    expect(fake.batches[2]?.operationCounts['Range.load']).toBeGreaterThan(0);
  });

  it('a mark that points at another sheet does not make a sheet the add-in’s', async () => {
    const fake = new FakeExcel().addSheet('Invoer').addSheet('Elders');
    fake.addName('SPUK_Blad_Invoer', '=Elders!$A$1');
    await expectUntouched(fake, samplePlan(), {
      kind: 'SheetNameTaken',
      sheet: 'Invoer',
      sheets: ['Invoer'],
    });
  });

  it('a user name with a plan name → NameTaken; a user table with a plan table name → NameTaken', async () => {
    const fake = new FakeExcel().addSheet('Eigen');
    fake.addName('Totaal_Gewicht', '=Eigen!$A$1');
    await expectUntouched(fake, samplePlan(), { kind: 'NameTaken', name: 'Totaal_Gewicht' });
    const other = new FakeExcel().addSheet('Eigen');
    other.addTable('Eigen', 'A1:B3', 'T_Gewichten');
    await expectUntouched(other, samplePlan(), { kind: 'NameTaken', name: 'T_Gewichten' });
  });

  it('a protected add-in sheet → ProtectedSheet before anything is written', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    fake.protectSheet('Uitkomst');
    await expectUntouched(fake, samplePlan(), { kind: 'ProtectedSheet', sheet: 'Uitkomst' });
  });

  it('a protected workbook structure → ProtectedWorkbook when sheets must be added', async () => {
    const fake = new FakeExcel().addSheet('Blad1').protectWorkbook();
    await expectUntouched(fake, samplePlan(), { kind: 'ProtectedWorkbook' });
  });

  it('a protected workbook structure → ProtectedWorkbook before anything is touched when the refresh needs a restore point (#17)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    // A kept weight needs the restore-point sheet (add, very hidden, delete): a structure change.
    fake.type('Invoer', `C${FIRST_ROW}`, 99);
    fake.protectWorkbook();
    const before = fake.snapshot();
    const built = fake.syncCount;
    await expectUntouched(fake, samplePlan(), { kind: 'ProtectedWorkbook' });
    // Detected in the first round trip (Workbook.protection.protected): no restore point, no unprotect.
    expect(fake.syncCount - built).toBe(1);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.batches.at(-1)?.operationCounts['WorksheetProtection.unprotect']).toBeUndefined();
  });

  it('a protected workbook structure does not stop a refresh that needs no structure change', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    fake.protectWorkbook();
    const report = ok(await render(fake, samplePlan()));
    expect(report.syncs).toBe(2);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst']);
    // Nothing to restore: only the "under way" name, no restore-point sheet.
    const ops = fake.batches.at(-1)?.operationCounts ?? {};
    expect(ops['WorksheetCollection.add']).toBeUndefined();
    expect(ops['Worksheet.visibility']).toBeUndefined();
    expect(ops['Worksheet.delete']).toBeUndefined();
  });

  it('a renamed add-in sheet is recognised by its mark: SheetRenamed names both names, nothing written (#17)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    fake.renameSheet('Uitkomst', 'Uitkomst 2025');
    await expectUntouched(fake, samplePlan(), {
      kind: 'SheetRenamed',
      sheets: [{ planned: 'Uitkomst', now: 'Uitkomst 2025' }],
    });
    // Following the advice (the old name back) makes the refresh work again, on the same sheet.
    fake.renameSheet('Uitkomst 2025', 'Uitkomst');
    const report = ok(await render(fake, samplePlan()));
    expect(report.addedSheets).toEqual([]);
  });

  it('a co-author typing between the read and the write is kept, not overwritten (office-js #108)', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    const quiet = ok(await render(fake, samplePlan()));
    expect(quiet.syncs).toBe(2);
    expect(quiet.coauthorEdits).toBe(0);
    const start = fake.syncCount;
    const cell = `C${FIRST_ROW + 1}`;
    // Just before the write sync (sync 2 of the refresh) a co-author types a weight.
    fake.onBeforeSync((sync) => {
      if (sync === start + 2) fake.type('Invoer', cell, 555);
    });
    const report = ok(await render(fake, samplePlan()));
    fake.onBeforeSync(undefined);
    expect(report.coauthorEdits).toBe(1);
    expect(report.coauthorCells).toEqual([`Invoer!${cell}`]);
    expect(report.coauthorLost).toEqual([]);
    // Detected in the write batch itself; writing it back costs one more round trip, only then.
    expect(report.syncs).toBe(3);
    expect(fake.values('Invoer', cell)).toEqual([[555]]);
    expect(fake.model.findSheet('Invoer')?.protected).toBe(true);
    // What the user reads: the cell, and that the change is back and counted.
    expect(coauthorEditsText(report)).toBe(
      `Iemand anders wijzigde tijdens het laden de cel Invoer!${cell}; die wijziging is teruggezet en telt mee.`,
    );
    expect(renderSuccessMessage(report)).toContain(`de cel Invoer!${cell}; die wijziging is teruggezet`);
    // The next refresh keeps it as the user's input.
    ok(await render(fake, samplePlan()));
    expect(fake.values('Invoer', cell)).toEqual([[555]]);
  });

  it('a co-author’s edit is not written back into another row when the new plan reorders the rows', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    const start = fake.syncCount;
    fake.onBeforeSync((sync) => {
      if (sync === start + 2) fake.type('Invoer', `C${FIRST_ROW}`, 555);
    });
    const report = ok(await render(fake, samplePlan({ reversed: true })));
    fake.onBeforeSync(undefined);
    // Rows no longer aligned: no cell-by-cell write-back (it would land in gemeente 5's row).
    expect(report.coauthorEdits).toBe(0);
    expect(fake.values('Invoer', `C${rowOf(5, 5, true)}`)).toEqual([[weightOf(5)]]);
    // Not silently: the cell and what was typed are named, with the advice to type it again.
    expect(report.coauthorLost).toEqual([{ cell: `Invoer!C${FIRST_ROW}`, typed: '555' }]);
    expect(report.syncs).toBe(2);
    expect(coauthorEditsText(report)).toBe(
      `Iemand anders wijzigde tijdens het laden de cel Invoer!C${FIRST_ROW} (555); die wijziging kon niet worden teruggezet en is overschreven. Typ die waarde opnieuw.`,
    );
  });

  it('a co-author’s edit whose write-back fails: the werkmap is complete, the cell is named to type again', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan()));
    const start = fake.syncCount;
    const cell = `C${FIRST_ROW + 2}`;
    fake.onBeforeSync((sync) => {
      if (sync === start + 2) fake.type('Invoer', cell, 777);
      // The third round trip (the write-back) fails, e.g. the connection drops.
      if (sync === start + 3) fake.failNextSync('GeneralException');
    });
    const report = ok(await render(fake, samplePlan()));
    fake.onBeforeSync(undefined);
    expect(report.syncs).toBe(3);
    expect(report.coauthorEdits).toBe(0);
    expect(report.coauthorLost).toEqual([{ cell: `Invoer!${cell}`, typed: '777' }]);
    expect(coauthorEditsText(report)).toContain('Typ die waarde opnieuw.');
    // Nothing half-done is left: the restore point is gone, the sheet is protected again by the next refresh.
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst']);
    ok(await render(fake, samplePlan()));
    expect(fake.model.findSheet('Invoer')?.protected).toBe(true);
  });

  it('names every cell a co-author changed, at most ten, the rest counted', () => {
    const cells = Array.from({ length: 12 }, (_, i) => `Landelijk!D${i + 8}`);
    expect(coauthorEditsText({ coauthorCells: cells.slice(0, 2) })).toBe(
      'Iemand anders wijzigde tijdens het laden de cellen Landelijk!D8 en Landelijk!D9; die wijzigingen zijn teruggezet en tellen mee.',
    );
    expect(coauthorEditsText({ coauthorCells: cells })).toContain('Landelijk!D17 en nog 2 cellen;');
    expect(coauthorEditsText({ coauthorCells: [], coauthorLost: [] })).toBeUndefined();
    expect(coauthorEditsText({ coauthorLost: [{ cell: 'Invoer!C12', typed: '' }] })).toContain(
      'Invoer!C12 (leeggemaakt)',
    );
  });

  it('the fake host refuses hiding a sheet in a protected workbook structure (as Excel does)', async () => {
    const fake = new FakeExcel().addSheet('Blad1').addSheet('Blad2').protectWorkbook();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Blad2').visibility = 'Hidden';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('other sheets and names of the user are left exactly as they were', async () => {
    const fake = new FakeExcel().addSheet('Mijn blad');
    fake.type('Mijn blad', 'A1', [['x', 1, '=B1*2']]);
    fake.addName('Mijn_Naam', "='Mijn blad'!$A$1");
    ok(await render(fake, samplePlan()));
    ok(await render(fake, samplePlan()));
    const mine = fake.snapshot().sheets.find((s) => s.name === 'Mijn blad');
    expect(mine?.cells).toEqual({ A1: { value: 'x' }, B1: { value: 1 }, C1: { formula: '=B1*2' } });
    expect(fake.name('Mijn_Naam')?.formula).toBe("='Mijn blad'!$A$1");
  });
});

describe('renderPlan: failures from Excel', () => {
  it('cell-edit mode → CellEditMode', async () => {
    const fake = new FakeExcel();
    fake.cellEditMode = true;
    expect(await render(fake, samplePlan())).toEqual({ ok: false, failure: { kind: 'CellEditMode' } });
  });

  it('a hanging sync → Timeout (own watchdog), for the first and for the write sync', async () => {
    const fake = new FakeExcel();
    fake.hangNextSync();
    expect(await render(fake, samplePlan(), { timeoutMs: 40 })).toEqual({
      ok: false,
      failure: { kind: 'Timeout', seconds: 0.04 },
    });

    const later = new FakeExcel();
    const run = hangingAtSync(later.run, 2);
    expect(await renderPlan(samplePlan(), { run, requirements: later.requirements, timeoutMs: 40 })).toEqual({
      ok: false,
      failure: { kind: 'Timeout', seconds: 0.04 },
    });
  });

  it('Excel.run that never starts → Timeout', async () => {
    const run = (): Promise<never> => new Promise(() => undefined);
    expect(
      await renderPlan(samplePlan(), { run, requirements: new FakeExcel().requirements, timeoutMs: 30 }),
    ).toEqual({
      ok: false,
      failure: { kind: 'Timeout', seconds: 0.03 },
    });
  });

  it.each([
    ['GeneralException', { kind: 'Unknown', code: 'GeneralException' }],
    ['InvalidArgument', { kind: 'InvalidArgument' }],
    ['ItemNotFound', { kind: 'ItemNotFound' }],
    ['AccessDenied', { kind: 'ProtectedSheet', sheet: undefined }],
    ['RequestPayloadSizeLimitExceeded', { kind: 'PayloadTooLarge' }],
    ['ResponsePayloadSizeLimitExceeded', { kind: 'PayloadTooLarge' }],
    ['ApiNotFound', { kind: 'UnsupportedHost', required: 'ExcelApi 1.9' }],
  ] as const)('Office code %s → %j', async (code, failure) => {
    const fake = new FakeExcel();
    fake.failNextSync(code);
    expect(await render(fake, samplePlan(), { expectExisting: false })).toEqual({ ok: false, failure });
  });

  it('a batch too large for Excel on the web is split; every batch stays under 4 MB', async () => {
    const fake = new FakeExcel();
    const plan = samplePlan({ rows: 12_000, padding: 400 }); // ~5 MB of text in one block
    const report = ok(await render(fake, plan, { expectExisting: false }));
    expect(report.batchBytes.length).toBeGreaterThan(1);
    expect(report.syncs).toBe(1 + report.batchBytes.length);
    for (const b of fake.batches) expect(b.requestBytes).toBeLessThan(FOUR_MB);
    expect(fake.batches.slice(1).every((b) => b.calcSuspended)).toBe(true);
    expect(fake.values('Invoer', `F${FIRST_ROW + 11_999}`)[0]?.[0]).toMatch(/^12000:x+$/);
  });

  it('without splitting, Excel on the web would refuse it → PayloadTooLarge', async () => {
    const fake = new FakeExcel();
    const report = await render(fake, samplePlan({ rows: 12_000, padding: 400 }), {
      maxBatchBytes: 64 * 1024 * 1024,
    });
    // A write batch was sent: the message says which sheets may be incomplete.
    expect(report).toEqual({
      ok: false,
      failure: {
        kind: 'WriteInterrupted',
        cause: 'PayloadTooLarge',
        code: 'RequestPayloadSizeLimitExceeded',
        sheets: ['Invoer', 'Uitkomst'],
        inputsKept: false,
      },
    });
  });

  it('a malformed plan → InvalidPlan before any round trip', async () => {
    const fake = new FakeExcel();
    const plan = samplePlan();
    const [invoer, ...rest] = plan.sheets;
    if (!invoer) throw new Error('no sheet');
    const ragged = {
      ...invoer,
      blocks: [...invoer.blocks, { kind: 'values' as const, at: 'H1', values: [[1, 2], [3]] }],
    };
    expect(await render(fake, { ...plan, sheets: [ragged, ...rest] })).toEqual({
      ok: false,
      failure: { kind: 'InvalidPlan', sheet: 'Invoer', where: 'H1' },
    });
    expect(fake.syncCount).toBe(0);
  });
});

describe('renderPlan: host and feature gating', () => {
  it('outside Excel (no Excel global, no runner) → NotInExcel', async () => {
    expect(await renderPlan(samplePlan())).toEqual({ ok: false, failure: { kind: 'NotInExcel' } });
  });

  it('below the ExcelApi 1.9 floor → UnsupportedHost, nothing sent', async () => {
    const fake = new FakeExcel({ apiVersion: '1.8' });
    expect(await render(fake, samplePlan())).toEqual({
      ok: false,
      failure: { kind: 'UnsupportedHost', required: 'ExcelApi 1.9' },
    });
    expect(fake.syncCount).toBe(0);
  });

  it('skips optional parts whose API set is missing and reports them', async () => {
    const fake = new FakeExcel();
    const requirements = {
      isSetSupported: (name: string, version?: string) =>
        name === 'ExcelApi' && version !== '1.6' && version !== '1.7',
    };
    const report = ok(await render(fake, samplePlan(), { requirements }));
    expect([...report.skippedFeatures].sort()).toEqual(['charts', 'conditionalFormats', 'tabColor']);
    const snap = fake.snapshot();
    expect(snap.sheets.flatMap((s) => s.charts)).toEqual([]);
    expect(snap.sheets.flatMap((s) => s.conditionalFormats)).toEqual([]);
    expect(snap.sheets[0]?.validations.length).toBe(1);
  });
});

describe('formula blocks are written as one R1C1 text', () => {
  it('matches the R1C1 form of every cell of the block', () => {
    const plan = samplePlan({ rows: 4 });
    for (const [, row, col, formula] of expectedFormulaCells(plan)) {
      const block = plan.sheets
        .flatMap((s) => s.blocks)
        .find((b) => {
          if (b.kind !== 'formula') return false;
          const r = parseRange(b.range);
          return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
        });
      if (block?.kind !== 'formula') throw new Error('no block');
      expect(toR1C1(formula, `${String.fromCharCode(64 + col)}${row}`)).toBe(
        toR1C1(block.formula, block.range.split(':')[0] ?? ''),
      );
    }
  });
});
