/**
 * User-owned sheets (`SheetPlan.userOwned`): written whole once; a refresh rewrites only the add-in's
 * ranges and never touches the user's table, rows, formats or widths.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import type { SheetSnapshot } from '../../test/support/fake-excel';
import {
  BEGROTING_TABLE,
  FIRST_ROW,
  samplePlan,
  userOwnedPlan,
} from '../../test/support/fake-excel/sample-plan';
import { ok, render } from '../../test/support/render-fake';
import type { SheetPlan, WorkbookPlan } from '../plan';
import { BACKUP_PENDING_NAME } from './backup';
import { validatePlan } from './validate';

const SHEET = 'Begroting';

function sheetOf(fake: FakeExcel, name = SHEET): SheetSnapshot {
  const sheet = fake.snapshot().sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Everything of the sheet outside the add-in range A1:E6: cells of rows 7 and below and of columns F+. */
function userPart(fake: FakeExcel): unknown {
  const sheet = sheetOf(fake);
  const cells = Object.entries(sheet.cells).filter(([address]) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    return m !== null && (Number(m[2]) >= 7 || (m[1] ?? '').length > 1 || (m[1] ?? 'A') > 'E');
  });
  return {
    cells,
    tables: sheet.tables,
    columnWidths: sheet.columnWidths,
    freeze: sheet.freeze,
    pageLayout: sheet.pageLayout,
    tabColor: sheet.tabColor,
    posten: fake.name('Begroting_Posten')?.formula,
  };
}

/** A built workbook whose Begroting the user has worked in, as people do. */
async function workedIn(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  ok(await render(fake, userOwnedPlan(1), { expectExisting: false }));
  // Rows typed directly below the table: the table grows over them (A8:D12).
  fake.appendTableRows(BEGROTING_TABLE, [
    ['P3', 'ICT', 3000, 'nieuw'],
    ['P4', 'Reizen', 400, ''],
  ]);
  // A row inserted between P1 (row 9) and P2 (row 10), then filled (table A8:D13).
  fake.insertRows(SHEET, 10);
  fake.type(SHEET, 'A10', [['P1b', 'Schoonmaak', 150, 'ingevoegd']]);
  // P4 (now row 13) deleted again (table A8:D12).
  fake.deleteRows(SHEET, 13);
  // Sorted by amount, largest first; a remark typed; the user's own formats and a wider column.
  fake.sortRows(SHEET, 'A9:D12', 2, true);
  fake.type(SHEET, 'D9', 'gecontroleerd');
  fake.formatCells(SHEET, 'C9:C12', { fill: '#FF0000', bold: true });
  fake.setColumnWidth(SHEET, 'B', 300);
  // A line of the user's own between the add-in range and the table, and the note (an input).
  fake.type(SHEET, 'A7', 'eigen regel');
  fake.type(SHEET, 'B6', 'mijn notitie');
  return fake;
}

const USER_ROWS = [
  ['P3', 'ICT', 3000, 'gecontroleerd'],
  ['P2', 'Personeel', 2000, ''],
  ['P1', 'Huur', 1000, ''],
  ['P1b', 'Schoonmaak', 150, 'ingevoegd'],
];

describe('a user-owned sheet: created whole, then only the add-in ranges', () => {
  it('the first build writes the whole sheet (table, widths, freeze, print) in 2 syncs', async () => {
    const fake = new FakeExcel();
    const report = ok(await render(fake, userOwnedPlan(1), { expectExisting: false }));
    expect(report.syncs).toBe(2);
    expect(report.addedSheets).toEqual(['Invoer', 'Uitkomst', 'Begroting']);
    const sheet = sheetOf(fake);
    expect(sheet.tables).toEqual([{ name: BEGROTING_TABLE, range: 'A8:D10', style: 'TableStyleLight9' }]);
    expect(fake.values(SHEET, 'A8:D10')).toEqual([
      ['Post', 'Omschrijving', 'Bedrag', 'Opmerking'],
      ['P1', 'Huur', 1000, ''],
      ['P2', 'Personeel', 2000, ''],
    ]);
    expect(fake.cell(SHEET, 'B3')?.formula).toBe(`=Invoer!C${FIRST_ROW + 5}*1`);
    expect(sheet.columnWidths).toEqual({ A: 56.25, B: 161.25, C: 77.25, D: 161.25 });
    expect(sheet.freeze).toEqual({ rows: 8, columns: 0 });
    expect(sheet.tabColor).toBe('#FFC000');
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: '8:8',
      header: { left: '&A', center: 'Begroting', right: '' },
    });
    expect(sheet.validations.map((v) => v.range)).toEqual(['E3']);
    expect(sheet.conditionalFormats.map((c) => c.range)).toEqual(['B3']);
    expect(fake.name('SPUK_Blad_Begroting')?.formula).toBe('=Begroting!$A$1:$E$10');
  });

  it('after the user added, inserted, deleted, sorted, typed and formatted rows, a refresh keeps every row and rewrites only A1:E6', async () => {
    const fake = await workedIn();
    expect(sheetOf(fake).tables).toEqual([
      { name: BEGROTING_TABLE, range: 'A8:D12', style: 'TableStyleLight9' },
    ]);
    expect(fake.values(SHEET, 'A9:D12')).toEqual(USER_ROWS);
    expect(fake.name('Begroting_Posten')?.formula).toBe('=Begroting!$A$9:$D$11');
    const before = userPart(fake);
    const syncs = fake.syncCount;

    const report = ok(await render(fake, userOwnedPlan(2)));
    expect(report.syncs).toBe(2);
    expect(report.replacedSheets).toEqual(['Invoer', 'Uitkomst', 'Begroting']);
    // Nothing outside the add-in range changed: rows, table, the user's formats, widths, name.
    expect(userPart(fake)).toEqual(before);
    expect(fake.values(SHEET, 'A9:D12')).toEqual(USER_ROWS);
    expect(fake.cell(SHEET, 'C9')?.style).toMatchObject({ fill: '#FF0000', bold: true });
    expect(JSON.stringify(sheetOf(fake).cells)).not.toContain('mag niet verschijnen');
    // The add-in range holds the new plan's content; the note (an input inside it) is kept.
    expect(fake.values(SHEET, 'A1:B6')).toEqual([
      ['Begroting 2027', ''],
      ['', ''],
      ['Totaal gewicht', ''],
      ['', ''],
      ['Editie', 'proef-2'],
      ['Notitie', 'mijn notitie'],
    ]);
    expect(fake.cell(SHEET, 'B3')?.formula).toBe(`=Invoer!C${FIRST_ROW + 5}*2`);
    const sheet = sheetOf(fake);
    expect(sheet.validations).toEqual([
      {
        range: 'E3',
        rule: { type: 'wholeNumber', operator: 'GreaterThanOrEqualTo', formula1: 2 },
        prompt: 'Vul een geheel getal in.',
        error: 'Alleen hele getallen.',
      },
    ]);
    expect(sheet.conditionalFormats.map((c) => [c.range, c.formula])).toEqual([['B3', '=B3<0']]);
    // The write neither deleted nor added a table, and did not touch the sheet's layout.
    const write = fake.batches[syncs + 1];
    const names = write?.operationNames ?? [];
    expect(names.filter((n) => n === 'Table.delete')).toEqual(['Table.delete']); // T_Gewichten on Invoer only
    expect(names.filter((n) => n === 'TableCollection.add')).toEqual(['TableCollection.add']);
    expect(fake.name('SPUK_Blad_Begroting')?.formula).toBe('=Begroting!$A$1:$E$10');
    expect(fake.name(BACKUP_PENDING_NAME)).toBeUndefined();

    // A second refresh gives the same workbook (idempotent).
    const first = fake.snapshot();
    ok(await render(fake, userOwnedPlan(2)));
    expect(fake.snapshot()).toEqual(first);
  });

  it('a refresh without speculation (expectExisting: false) keeps the rows too: 3 syncs', async () => {
    const fake = await workedIn();
    const before = userPart(fake);
    const report = ok(await render(fake, userOwnedPlan(2), { expectExisting: false }));
    expect(report.syncs).toBe(3);
    expect(userPart(fake)).toEqual(before);
    expect(fake.values(SHEET, 'A1')).toEqual([['Begroting 2027']]);
  });

  it('the table is not a naming conflict; a user table of that name on another sheet still is', async () => {
    const fake = await workedIn();
    ok(await render(fake, userOwnedPlan(1)));
    const other = new FakeExcel().addSheet('Eigen');
    other.addTable('Eigen', 'A1:B3', BEGROTING_TABLE);
    expect(await render(other, userOwnedPlan(1))).toEqual({
      ok: false,
      failure: { kind: 'NameTaken', name: BEGROTING_TABLE },
    });
  });

  it('a note the user typed in the heading rows (add-in range) survives a refresh (#17 item 7)', async () => {
    const fake = await workedIn();
    fake.type(SHEET, 'C2', 'let op: cijfers van de raad');
    fake.type(SHEET, 'D4', 'eigen notitie');
    ok(await render(fake, userOwnedPlan(2)));
    expect(fake.values(SHEET, 'C2')).toEqual([['let op: cijfers van de raad']]);
    expect(fake.values(SHEET, 'D4')).toEqual([['eigen notitie']]);
    // The add-in's own cells there are rewritten.
    expect(fake.values(SHEET, 'A1')).toEqual([['Begroting 2027']]);
  });

  it('a renamed Begroting is recognised by its mark: SheetRenamed, not NameTaken, and no new empty sheet (#17)', async () => {
    const fake = await workedIn();
    fake.renameSheet(SHEET, 'Begroting 2025');
    const before = fake.snapshot();
    expect(await render(fake, userOwnedPlan(1))).toEqual({
      ok: false,
      failure: { kind: 'SheetRenamed', sheets: [{ planned: SHEET, now: 'Begroting 2025' }] },
    });
    expect(fake.snapshot()).toEqual(before);
    // The old name back: the refresh keeps every row the user typed.
    fake.renameSheet('Begroting 2025', SHEET);
    ok(await render(fake, userOwnedPlan(1)));
    expect(fake.values(SHEET, 'A9:D12')).toEqual(USER_ROWS);
  });

  it('a user-owned sheet the user deleted is created whole again', async () => {
    const fake = await workedIn();
    fake.deleteSheet(SHEET);
    const report = ok(await render(fake, userOwnedPlan(2)));
    expect(report.addedSheets).toEqual(['Begroting']);
    expect(fake.values(SHEET, 'A9:A10')).toEqual([['P9'], ['P8']]);
    expect(sheetOf(fake).tables.map((t) => t.range)).toEqual(['A8:D10']);
  });

  it('a user-owned sheet that is protected (by the user) is refused before anything is written', async () => {
    const fake = await workedIn();
    fake.protectSheet(SHEET);
    const before = fake.snapshot();
    expect(await render(fake, userOwnedPlan(2))).toEqual({
      ok: false,
      failure: { kind: 'ProtectedSheet', sheet: SHEET },
    });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('a write that fails part-way leaves the user’s rows intact', () => {
  it('for EVERY operation k of the refresh write batch: the rows survive the failure and the retry', async () => {
    const reference = await workedIn();
    const syncs = reference.syncCount;
    ok(await render(reference, userOwnedPlan(2)));
    const expected = reference.snapshot();
    const write = reference.batches.slice(syncs).find((b) => b.calcSuspended);
    const operations = write?.operations ?? 0;
    expect(operations).toBeGreaterThan(30);
    for (let k = 0; k < operations; k++) {
      const fake = await workedIn();
      const rows = userPart(fake);
      fake.failAtOperation(k, 'GeneralException');
      const failed = await render(fake, userOwnedPlan(2));
      expect([k, failed.ok]).toEqual([k, false]);
      expect([k, userPart(fake)]).toEqual([k, rows]);
      ok(await render(fake, userOwnedPlan(2)));
      expect([k, fake.snapshot()]).toEqual([k, expected]);
    }
  });
});

describe('validatePlan refuses a user-owned sheet that a refresh could not keep apart', () => {
  const withSheet = (change: (sheet: SheetPlan) => SheetPlan, plan = userOwnedPlan(1)): WorkbookPlan => ({
    ...plan,
    sheets: plan.sheets.map((s) => (s.name === SHEET ? change(s) : s)),
  });

  it('accepts the sample', () => {
    expect(validatePlan(userOwnedPlan(1))).toBeUndefined();
    expect(validatePlan(samplePlan())).toBeUndefined();
  });

  it.each([
    [
      'a block across the boundary',
      (s: SheetPlan) => ({
        ...s,
        blocks: [...s.blocks, { kind: 'values' as const, at: 'A6', values: [['x'], ['y']] }],
      }),
      'A6:A7',
    ],
    [
      'a format across the boundary',
      (s: SheetPlan) => ({ ...s, formats: [...s.formats, { range: 'A5:A9', style: 'text' as const }] }),
      'A5:A9',
    ],
    [
      'a conditional format across it',
      (s: SheetPlan) => ({
        ...s,
        conditionalFormats: [
          { range: 'E1:F1', formula: 'E1>0', fill: '#FFFFFF', fontColor: '#000000', priority: 1 },
        ],
      }),
      'E1:F1',
    ],
    [
      'a validation across it',
      (s: SheetPlan) => ({
        ...s,
        validations: [{ range: 'E6:E7', type: 'whole' as const, min: 0, prompt: '', error: '' }],
      }),
      'E6:E7',
    ],
    [
      'a table not below the add-in ranges',
      (s: SheetPlan) => ({ ...s, tables: [{ name: 'T', range: 'F1:G3', style: 'TableStyleLight9' }] }),
      'F1:G3',
    ],
    [
      'a chart',
      (s: SheetPlan) => ({
        ...s,
        charts: [
          {
            name: 'G',
            type: 'columnClustered' as const,
            title: '',
            categories: 'Begroting!$A$9:$A$10',
            series: [],
            from: 'F1',
            to: 'H5',
          },
        ],
      }),
      'G',
    ],
    [
      'add-in ranges that overlap',
      (s: SheetPlan) => ({ ...s, userOwned: { addinRanges: ['A1:E6', 'E6:E6'] } }),
      'E6:E6',
    ],
    [
      'an add-in range outside the used range',
      (s: SheetPlan) => ({ ...s, userOwned: { addinRanges: ['A1:Z6'] } }),
      'A1:Z6',
    ],
  ])('%s', (_, change, where) => {
    expect(validatePlan(withSheet(change))).toEqual({ kind: 'InvalidPlan', sheet: SHEET, where });
  });

  it('an input name outside the add-in ranges (a refresh would write it into the user’s rows)', () => {
    const plan = userOwnedPlan(1);
    const bad = {
      ...plan,
      names: [...plan.names, { name: 'Begroting_Bedrag', ref: 'Begroting!$C$9', comment: '', input: true }],
    };
    expect(validatePlan(bad)).toEqual({ kind: 'InvalidPlan', sheet: SHEET, where: 'Begroting_Bedrag' });
  });
});
