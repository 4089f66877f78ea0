/**
 * Rows given for an existing user-owned table (`RenderOptions.tableRows`, the pane's realisatie paste
 * into a werkmap that has its own Realisatie): appended, refused when a row's key is in the table
 * already, or replacing the rows only after the user agreed to the number, the previous rows kept on a
 * new sheet. In the write batch (2 syncs); a write that fails at any operation loses no row and the
 * retry gives the table of the uninterrupted render.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { BEGROTING_TABLE, userOwnedPlan } from '../../test/support/fake-excel/sample-plan';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import { ok, render } from '../../test/support/render-fake';
import { excelFailureText } from '../messages';
import type { CellValue } from '../plan';
import type { ExcelFailure } from './failures';
import type { RenderOptions } from './render';
import type { TableRowsOption } from './table-rows';

const SHEET = 'Begroting';
const PLAN = userOwnedPlan(1, { table: 1 });
const KEEP = { sheet: 'Begroting (vorige)', title: 'Begroting zoals die was vóór vervangen' };

/** A built sample workbook: table Begroting A8:D10 with the starter rows P1 Huur 1000, P2 Personeel 2000. */
async function built(evaluate = false): Promise<FakeExcel> {
  const fake = new FakeExcel(evaluate ? { evaluator: hyperFormulaEvaluator() } : {});
  ok(await render(fake, PLAN, { expectExisting: false }));
  return fake;
}

/** Renders PLAN with `options` into `fake`, which must refuse: its failure, nothing written (the same snapshot). */
async function refused(fake: FakeExcel, options: RenderOptions): Promise<ExcelFailure> {
  const before = fake.snapshot();
  const report = await render(fake, PLAN, options);
  if (report.ok) throw new Error('rendered, not refused');
  expect(fake.snapshot()).toEqual(before);
  return report.failure;
}

function tableRows(fake: FakeExcel): { range: string; rows: unknown[][] } {
  const table = fake.snapshot().sheets.find((s) => s.name === SHEET)?.tables[0];
  const range = table?.range ?? '';
  const [, from, to] = /^A(\d+):D(\d+)$/.exec(range) ?? [];
  return { range, rows: fake.values(SHEET, `A${Number(from) + 1}:D${to}`) };
}

const NEW: CellValue[][] = [
  ['P3', 'ICT', 3000, 'nieuw'],
  ['P4', 'Reizen', 400, null],
];

function option(mode: 'append' | 'replace', rows: CellValue[][], extra: Partial<TableRowsOption> = {}) {
  return { tableRows: { table: BEGROTING_TABLE, mode, rows, keyColumns: [0], keep: KEEP, ...extra } };
}

describe('rows appended to an existing user-owned table', () => {
  it('appends the rows at the table end in the refresh (2 syncs, 2 operations more)', async () => {
    const plain = await built();
    const before = plain.syncCount;
    ok(await render(plain, PLAN));
    const plainOps = plain.batches.slice(before).find((b) => b.calcSuspended)?.operations ?? 0;

    const fake = await built();
    const start = fake.syncCount;
    const report = ok(await render(fake, PLAN, option('append', NEW)));
    expect(report.syncs).toBe(2);
    const write = fake.batches.slice(start).find((b) => b.calcSuspended);
    expect(write?.operations).toBe(plainOps + 2);
    expect(write?.operationNames.filter((n) => n.startsWith('TableRowCollection'))).toEqual([
      'TableRowCollection.add',
    ]);
    expect(report.tableRows).toEqual({
      table: BEGROTING_TABLE,
      mode: 'append',
      written: 2,
      replaced: 0,
      emptyRowsLeft: 0,
    });
    expect(tableRows(fake)).toEqual({
      range: 'A8:D12',
      rows: [
        ['P1', 'Huur', 1000, ''],
        ['P2', 'Personeel', 2000, ''],
        ['P3', 'ICT', 3000, 'nieuw'],
        ['P4', 'Reizen', 400, ''],
      ],
    });
  });

  it('fills the empty rows at the table end first (no row added when they suffice)', async () => {
    const fake = await built();
    fake.type(SHEET, 'A10:D10', [['', '', '', '']]);
    const report = ok(await render(fake, PLAN, option('append', [NEW[0] ?? []])));
    expect(report.tableRows?.written).toBe(1);
    expect(tableRows(fake)).toEqual({
      range: 'A8:D10',
      rows: [
        ['P1', 'Huur', 1000, ''],
        ['P3', 'ICT', 3000, 'nieuw'],
      ],
    });
  });

  it('refuses a row whose key the table holds (trimmed, any case), naming both rows; nothing written', async () => {
    const fake = await built();
    const failure = await refused(fake, option('append', [['p2 ', 'Personeel', 2000, null], ...NEW]));
    expect(failure).toEqual({
      kind: 'TableRowsExist',
      sheet: SHEET,
      table: BEGROTING_TABLE,
      rows: [{ row: 1, key: ['p2 '], tableRow: 10 }],
    });
    expect(excelFailureText(failure)).toContain('regel 1 (p2 ) staat al op rij 10');
    expect(excelFailureText(failure)).toContain('klik op Vervangen');
  });
});

describe('rows replacing those of an existing user-owned table', () => {
  it('asks first: without the agreed number nothing is written, and the failure gives both numbers', async () => {
    const fake = await built();
    const failure = await refused(fake, option('replace', [...NEW, ['P5', 'Drukwerk', 50, null]]));
    expect(failure).toEqual({
      kind: 'TableRowsToReplace',
      sheet: SHEET,
      table: BEGROTING_TABLE,
      existing: 2,
      given: 3,
    });
  });

  it('replaces after agreement; the previous rows are kept on a new sheet the add-in never rewrites', async () => {
    const fake = await built(true);
    fake.type(SHEET, 'C9', '=500+500');
    const three: CellValue[][] = [...NEW, ['P5', 'Drukwerk', 50, null]];
    const report = ok(await render(fake, PLAN, option('replace', three, { expectRows: 2 })));
    expect(report.syncs).toBe(2);
    expect(report.tableRows).toEqual({
      table: BEGROTING_TABLE,
      mode: 'replace',
      written: 3,
      replaced: 2,
      keptOn: 'Begroting (vorige)',
      emptyRowsLeft: 0,
    });
    expect(tableRows(fake)).toEqual({
      range: 'A8:D11',
      rows: [
        ['P3', 'ICT', 3000, 'nieuw'],
        ['P4', 'Reizen', 400, ''],
        ['P5', 'Drukwerk', 50, ''],
      ],
    });
    // The previous rows as values (a formula as what it showed), under the caller's title.
    expect(fake.values('Begroting (vorige)', 'A1:D5')).toEqual([
      ['Begroting zoals die was vóór vervangen', '', '', ''],
      ['', '', '', ''],
      ['Post', 'Omschrijving', 'Bedrag', 'Opmerking'],
      ['P1', 'Huur', 1000, ''],
      ['P2', 'Personeel', 2000, ''],
    ]);
    // A refresh leaves that sheet alone; a second replace keeps the rows on "… 2".
    ok(await render(fake, PLAN));
    expect(fake.values('Begroting (vorige)', 'A4:B5')).toEqual([
      ['P1', 'Huur'],
      ['P2', 'Personeel'],
    ]);
    const again = ok(await render(fake, PLAN, option('replace', [NEW[1] ?? []], { expectRows: 3 })));
    expect(again.tableRows).toMatchObject({ keptOn: 'Begroting (vorige) 2', emptyRowsLeft: 2 });
    expect(tableRows(fake).rows).toEqual([
      ['P4', 'Reizen', 400, ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    expect(fake.values('Begroting (vorige) 2', 'A4:A6')).toEqual([['P3'], ['P4'], ['P5']]);
  });

  it('refuses when the table changed after the agreement (another number of rows)', async () => {
    const fake = await built();
    fake.appendTableRows(BEGROTING_TABLE, [['P7', 'Later getypt', 70, '']]);
    const failure = await refused(fake, option('replace', NEW, { expectRows: 2 }));
    expect(failure).toMatchObject({ kind: 'TableRowsToReplace', existing: 3 });
  });

  it('a table without rows (only its empty row) is filled without asking and without a kept sheet', async () => {
    const fake = await built();
    fake.type(SHEET, 'A9:D10', [
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    const report = ok(await render(fake, PLAN, option('replace', NEW)));
    expect(report.tableRows).toMatchObject({ written: 2, replaced: 0, emptyRowsLeft: 0 });
    expect(report.tableRows?.keptOn).toBeUndefined();
    expect(fake.sheetNames()).not.toContain('Begroting (vorige)');
  });
});

describe('a write that fails at any operation loses no row of the table', () => {
  for (const mode of ['append', 'replace'] as const) {
    it(`${mode}: for EVERY operation k the retry gives the uninterrupted table, every previous row kept`, async () => {
      const rows: CellValue[][] = mode === 'append' ? NEW : [...NEW, ['P5', 'Drukwerk', 50, null]];
      const options = option(mode, rows, mode === 'replace' ? { expectRows: 2 } : {});
      const reference = await built();
      const start = reference.syncCount;
      ok(await render(reference, PLAN, options));
      const expected = tableRows(reference);
      const operations = reference.batches.slice(start).find((b) => b.calcSuspended)?.operations ?? 0;
      expect(operations).toBeGreaterThan(20);
      for (let k = 0; k < operations; k++) {
        const fake = await built();
        fake.failAtOperation(k);
        const failed = await render(fake, PLAN, options);
        expect([k, failed.ok]).toEqual([k, false]);
        // The table is either as it was (at most empty rows more) or complete: never half.
        const now = tableRows(fake).rows.filter((r) => r.some((v) => v !== ''));
        const before = [
          ['P1', 'Huur', 1000, ''],
          ['P2', 'Personeel', 2000, ''],
        ];
        const complete = expected.rows.filter((r) => r.some((v) => v !== ''));
        expect([k, [before, complete].some((x) => JSON.stringify(x) === JSON.stringify(now))]).toEqual([
          k,
          true,
        ]);
        // The retry (the same request, as the pane sends it again) finishes it.
        ok(await render(fake, PLAN, options));
        expect([k, tableRows(fake)]).toEqual([k, expected]);
        if (mode === 'replace') {
          const kept = fake
            .sheetNames()
            .filter((n) => n.startsWith('Begroting (vorige)'))
            .flatMap((n) => fake.values(n, 'A4:D5'));
          expect([k, kept]).toEqual([k, expect.arrayContaining(before)]);
        }
      }
    });
  }
});
