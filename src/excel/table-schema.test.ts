/**
 * The schema version of a user-owned table (`SheetPlan.userOwned.table`): a refresh reads the table's
 * header row in its first sync and keeps it (same version), migrates it (an earlier version, or one a
 * failed write left half-way) keeping every row of the user, or refuses a shape it does not know
 * before anything is written. Both renderers write the version (cell + name `SPUK_<table>_Versie`).
 */
import ExcelJS from 'exceljs';
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { euro } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import {
  BEGROTING_TABLE,
  TABLE_V1,
  TABLE_V2,
  sampleTableSchema,
  userOwnedPlan,
} from '../../test/support/fake-excel/sample-plan';
import { ok, render } from '../../test/support/render-fake';
import { excelFailureText } from '../messages';
import type { TableSchema, WorkbookPlan } from '../plan';
import { buildWorkbookPlan, SHEETS } from '../plan';
import { renderXlsx } from '../xlsx';
import { decideTable, knownShapes, schemaError } from './table-schema';
import { validatePlan } from './validate';

const SHEET = 'Begroting';

function tableOf(fake: FakeExcel, sheet = SHEET): { name: string; range: string } | undefined {
  return fake.snapshot().sheets.find((s) => s.name === sheet)?.tables[0];
}

/** A sample workbook (table version 1) the user worked in: rows added, inserted and sorted, a note beside. */
async function workedInV1(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  ok(await render(fake, userOwnedPlan(1, { table: 1 }), { expectExisting: false }));
  fake.appendTableRows(BEGROTING_TABLE, [
    ['P3', 'ICT', 3000, 'nieuw'],
    ['P4', 'Reizen', 400, ''],
  ]);
  fake.insertRows(SHEET, 10);
  fake.type(SHEET, 'A10', [['P1b', 'Schoonmaak', 150, 'ingevoegd']]);
  fake.sortRows(SHEET, 'A9:D13', 2, true);
  return fake;
}

const ROWS_V1 = [
  ['P3', 'ICT', 3000, 'nieuw'],
  ['P2', 'Personeel', 2000, ''],
  ['P1', 'Huur', 1000, ''],
  ['P4', 'Reizen', 400, ''],
  ['P1b', 'Schoonmaak', 150, 'ingevoegd'],
];

describe('table schema: known shapes and decisions', () => {
  const v2 = sampleTableSchema(2);

  it('knows version 1, the step half-way through the migration, and version 2', () => {
    expect(knownShapes(v2).map((s) => [s.version, s.columns, s.remaining.length])).toEqual([
      [1, [...TABLE_V1], 2],
      [1, ['Post', 'Omschrijving', 'Kostenplaats', 'Bedrag', 'Opmerking'], 1],
      [2, [...TABLE_V2], 0],
    ]);
  });

  it('decides by the header row: current, migrate (from v1 or half-way), unknown with the closest shape', () => {
    expect(decideTable(v2, [...TABLE_V2])).toEqual({ kind: 'current' });
    expect(decideTable(v2, [...TABLE_V1])).toMatchObject({ kind: 'migrate', from: { version: 1 } });
    const halfway = decideTable(v2, ['Post', 'Omschrijving', 'Kostenplaats', 'Bedrag', 'Opmerking']);
    expect(
      halfway.kind === 'migrate' && halfway.from.remaining.map((c) => c.kind === 'add' && c.name),
    ).toEqual(['Realisatie 2025']);
    expect(decideTable(v2, ['Post', 'Mijn kolom', 'Omschrijving', 'Bedrag', 'Opmerking'])).toEqual({
      kind: 'unknown',
      found: ['Post', 'Mijn kolom', 'Omschrijving', 'Bedrag', 'Opmerking'],
      closest: knownShapes(v2)[0],
    });
  });

  it('refuses an inconsistent schema (validatePlan: InvalidPlan)', () => {
    const broken: TableSchema = { ...v2, migrations: [] };
    expect(schemaError(broken)).toBe('migrations');
    expect(schemaError({ ...v2, columns: ['Post', 'Omschrijving'] })).toBe(
      'a migration does not lead to the columns',
    );
    const plan = userOwnedPlan(1, { table: 2 });
    const withSchema = (table: TableSchema): WorkbookPlan => ({
      ...plan,
      sheets: plan.sheets.map((s) =>
        s.name === SHEET ? { ...s, userOwned: { addinRanges: s.userOwned?.addinRanges ?? [], table } } : s,
      ),
    });
    expect(validatePlan(plan)).toBeUndefined();
    expect(validatePlan(withSchema(broken))).toMatchObject({ kind: 'InvalidPlan', sheet: SHEET });
    expect(validatePlan(withSchema({ ...v2, versionCell: 'H1' }))).toMatchObject({ where: 'H1' });
    expect(validatePlan(withSchema(sampleTableSchema(1)))).toMatchObject({ where: 'A8:F10' });
  });
});

describe('the real Begroting table of vws-2026-04 is version 2 (2023–2030: the migration that adds 2030)', () => {
  const plan = () =>
    buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: 'GM0034' as CbsCode,
      beschikking: [{ regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_478_172) }],
    });

  it('(a) built and refreshed with the same plan: the table is unchanged, 2 syncs, version 2 in B4', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(), { expectExisting: false }));
    fake.appendTableRows('Begroting', [['SPUK IZA', '', 'Eigen regel', '7.1', 'GGD', 'incidenteel']]);
    const before = fake.snapshot().sheets.find((s) => s.name === SHEETS.begroting);
    const syncs = fake.syncCount;
    const report = ok(await render(fake, plan(), { expectExisting: true }));
    expect(report.syncs).toBe(2);
    expect(fake.syncCount - syncs).toBe(2);
    const write = fake.batches[fake.batches.length - 1];
    expect(write?.operationNames.filter((n) => n.startsWith('TableColumn'))).toEqual([]);
    expect(fake.snapshot().sheets.find((s) => s.name === SHEETS.begroting)).toEqual(before);
    expect(fake.values(SHEETS.begroting, 'A4:B4')).toEqual([['Tabelversie', 2]]);
    expect(fake.name('SPUK_Begroting_Versie')?.formula).toBe('=Begroting!$B$4');
  });
});

describe('(b) a version 1 table refreshed with a version 2 plan is migrated', () => {
  it('keeps every user row in order with its values under the right headings; the new columns are empty; 2 syncs', async () => {
    const fake = await workedInV1();
    expect(fake.values(SHEET, 'A8:D13')).toEqual([[...TABLE_V1], ...ROWS_V1]);
    fake.type(SHEET, 'F9', 'notitie naast de tabel');
    const syncs = fake.syncCount;

    const report = ok(await render(fake, userOwnedPlan(2, { table: 2 })));
    expect(report.syncs).toBe(2);
    expect(fake.syncCount - syncs).toBe(2);
    expect(tableOf(fake)).toMatchObject({ name: BEGROTING_TABLE, range: 'A8:F13' });
    expect(fake.values(SHEET, 'A8:F13')).toEqual([
      [...TABLE_V2],
      ...ROWS_V1.map(([post, omschrijving, bedrag, opmerking]) => [
        post,
        omschrijving,
        '',
        bedrag,
        opmerking,
        '',
      ]),
    ]);
    // A cell beside the table in its rows moves right with each new column (Excel inserts cells within
    // the table's rows): F9 → H9.
    expect(fake.values(SHEET, 'H9')).toEqual([['notitie naast de tabel']]);
    expect(fake.values(SHEET, 'C5:D5')).toEqual([['Tabelversie', 2]]);
    expect(fake.name('SPUK_Begroting_Versie')?.formula).toBe('=Begroting!$D$5');
    const write = fake.batches[fake.batches.length - 1];
    expect(write?.operationNames.filter((n) => n === 'TableColumnCollection.add')).toHaveLength(2);

    // A second refresh finds version 2: nothing to migrate, nothing changes.
    const after = fake.snapshot();
    ok(await render(fake, userOwnedPlan(2, { table: 2 })));
    expect(fake.batches[fake.batches.length - 1]?.operationNames).not.toContain('TableColumnCollection.add');
    expect(fake.snapshot()).toEqual(after);
  });

  it('a default fills the existing rows; a rename changes only the heading', async () => {
    const fake = await workedInV1();
    const v2 = sampleTableSchema(2);
    const schema: TableSchema = {
      ...v2,
      columns: ['Post', 'Omschrijving', 'Kostenplaats', 'Lasten', 'Opmerking', 'Realisatie 2025'],
      migrations: [
        {
          from: 1,
          changes: [
            { kind: 'add', name: 'Kostenplaats', index: 2, default: '0034' },
            { kind: 'rename', from: 'Bedrag', to: 'Lasten' },
            { kind: 'add', name: 'Realisatie 2025', index: 5, default: null },
          ],
        },
      ],
    };
    const base = userOwnedPlan(2, { table: 2 });
    const plan: WorkbookPlan = {
      ...base,
      sheets: base.sheets.map((s) =>
        s.name === SHEET
          ? {
              ...s,
              blocks: s.blocks.map((b) =>
                b.kind === 'values' && b.at === 'A8'
                  ? { ...b, values: [schema.columns, ...b.values.slice(1)] }
                  : b,
              ),
              userOwned: { addinRanges: s.userOwned?.addinRanges ?? [], table: schema },
            }
          : s,
      ),
    };
    ok(await render(fake, plan));
    expect(fake.values(SHEET, 'A8:F13')).toEqual([
      schema.columns,
      ...ROWS_V1.map(([post, omschrijving, bedrag, opmerking]) => [
        post,
        omschrijving,
        '0034',
        bedrag,
        opmerking,
        '',
      ]),
    ]);
  });

  it('a write that stops after the first new column is finished by the next refresh', async () => {
    const fake = await workedInV1();
    const syncs = fake.syncCount;
    // The first TableColumnCollection.add of the write batch succeeds, the operation after it fails.
    const probe = await workedInV1();
    ok(await render(probe, userOwnedPlan(2, { table: 2 })));
    const names = probe.batches[probe.batches.length - 1]?.operationNames ?? [];
    const first = names.indexOf('TableColumnCollection.add');
    expect(first).toBeGreaterThanOrEqual(0);
    fake.failAtOperation(first + 1, 'GeneralException');
    const failed = await render(fake, userOwnedPlan(2, { table: 2 }));
    expect(failed.ok).toBe(false);
    expect(fake.syncCount).toBeGreaterThan(syncs);
    expect(fake.values(SHEET, 'A8:E8')).toEqual([
      ['Post', 'Omschrijving', 'Kostenplaats', 'Bedrag', 'Opmerking'],
    ]);
    ok(await render(fake, userOwnedPlan(2, { table: 2 })));
    expect(fake.values(SHEET, 'A8:F13')).toEqual(probe.values(SHEET, 'A8:F13'));
    expect(tableOf(fake)).toEqual(tableOf(probe));
  });
});

describe('(c) a table shape the add-in does not know is refused before anything is written', () => {
  it.each([
    ['a column the user inserted', (f: FakeExcel) => f.insertTableColumn(BEGROTING_TABLE, 1, 'Mijn kolom')],
    ['a heading the user renamed', (f: FakeExcel) => f.type(SHEET, 'C8', 'Bedrag (euro)')],
  ])('%s: TableShapeUnknown with the columns found and expected; nothing changed', async (_, change) => {
    for (const plan of [userOwnedPlan(2, { table: 1 }), userOwnedPlan(2, { table: 2 })]) {
      const fake = await workedInV1();
      change(fake);
      const before = fake.snapshot();
      const found = fake.values(
        SHEET,
        `A8:${tableOf(fake)?.range.split(':')[1]?.replace(/\d+$/, '') ?? 'D'}8`,
      )[0];
      const report = await render(fake, plan);
      expect(report).toEqual({
        ok: false,
        failure: {
          kind: 'TableShapeUnknown',
          sheet: SHEET,
          table: BEGROTING_TABLE,
          found,
          expected: [...TABLE_V1],
        },
      });
      expect(fake.snapshot()).toEqual(before);
      expect(fake.batches.slice(-1)[0]?.calcSuspended).toBe(false);
      if (!report.ok) {
        const text = excelFailureText(report.failure);
        expect(text).toContain('Er is niets gewijzigd.');
        expect(text).toContain('"Post", "Omschrijving", "Bedrag" en "Opmerking"');
        expect(text).toMatch(/Mijn kolom|Bedrag \(euro\)/);
      }
    }
  });
});

describe('the fake host: TableColumnCollection.add as documented', () => {
  it('inserts at an index (cells of the table rows shift right), appends at -1, refuses other indexes', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, userOwnedPlan(1, { table: 1 }), { expectExisting: false }));
    const add = async (index: number, name: string): Promise<string> => {
      try {
        await fake.run(async (context) => {
          context.workbook.tables.getItem(BEGROTING_TABLE).columns.add(index, undefined, name);
          await context.sync();
        });
        return 'ok';
      } catch (error) {
        return (error as { code?: string }).code ?? 'thrown';
      }
    };
    expect(await add(4, 'Te ver')).toBe('InvalidArgument');
    expect(await add(-2, 'Negatief')).toBe('InvalidArgument');
    expect(await add(1, 'Post')).toBe('InvalidArgument');
    expect(tableOf(fake)?.range).toBe('A8:D10');
    expect(await add(1, 'Nieuw')).toBe('ok');
    expect(await add(-1, 'Laatste')).toBe('ok');
    expect(tableOf(fake)?.range).toBe('A8:F10');
    expect(fake.values(SHEET, 'A8:F9')).toEqual([
      ['Post', 'Nieuw', 'Omschrijving', 'Bedrag', 'Opmerking', 'Laatste'],
      ['P1', '', 'Huur', 1000, '', ''],
    ]);
  });
});

describe('(d) the .xlsx renderer writes the version (a new file is always the newest version)', () => {
  it('version cell and the name SPUK_Begroting_Versie', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await renderXlsx(userOwnedPlan(1, { table: 2 }))) as unknown as ExcelJS.Buffer,
    );
    const ws = wb.getWorksheet(SHEET);
    expect(ws?.getCell('D5').value).toBe(2);
    expect(ws?.getCell('F8').value).toBe('Realisatie 2025');
    expect(wb.definedNames.getRanges('SPUK_Begroting_Versie').ranges).toEqual(['Begroting!$D$5']);
  });

  it('the real plan (vws-2026-04, 2023–2030): Begroting!B4 = 2, named', async () => {
    const plan = buildWorkbookPlan(editionInput('vws-2026-04'), { key: 'spuk-2025' });
    const sheet = plan.sheets.find((s) => s.name === SHEETS.begroting);
    expect(sheet?.userOwned?.table).toMatchObject({ name: 'Begroting', version: 2, versionCell: 'B4' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(plan)) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(SHEETS.begroting)?.getCell('B4').value).toBe(2);
    expect(wb.definedNames.getRanges('SPUK_Begroting_Versie').ranges).toEqual(['Begroting!$B$4']);
  }, 60_000);
});
