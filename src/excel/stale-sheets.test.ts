/**
 * Add-in sheets that left the plan (#17; closing note of session 6: "Geen vergelijking" in the pane
 * after an earlier comparison left the old "Wat is er veranderd"): removed in the write batch, with
 * their mark, recognised by that mark and never by name alone; a user's sheet, a user-owned sheet and
 * a sheet something else refers to stay. Fake host with the sample plan (its optional sheet
 * "Verschil") and the real plan (Zwolle with and without the comparison).
 */
import { FakeExcel } from '../../test/support/fake-excel';
import {
  FIRST_ROW,
  VERSCHIL_SHEET,
  samplePlan,
  userOwnedPlan,
} from '../../test/support/fake-excel/sample-plan';
import { parsedRealisatie } from '../../test/support/parsed';
import { ok, render } from '../../test/support/render-fake';
import { defaultEditionId, editionInput } from '../data';
import { scenarioEditions } from '../data/scenario-input';
import type { CbsCode } from '../domain';
import { begrotingKolommen } from '../domain';
import { excelFailureText } from '../messages';
import type { WorkbookPlan } from '../plan';
import { buildWorkbookPlan, SHEETS } from '../plan';
import type { WorkbookFacts } from './ownership';
import { ownershipNameOf, removableSheets } from './ownership';
import { formulaSheet, mayReferToSheet } from './refs';

const MARK = ownershipNameOf(VERSCHIL_SHEET);
const WEIGHT_CELL = `C${FIRST_ROW + 1}`;

/** A sample workbook built with the sheet Verschil and a typed weight. */
async function withVerschil(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  ok(await render(fake, samplePlan({ verschil: true }), { expectExisting: false }));
  expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst', VERSCHIL_SHEET]);
  expect(fake.name(MARK)?.formula).toBe(`=${VERSCHIL_SHEET}!$A$1:$B$3`);
  fake.protectSheet('Invoer', false).type('Invoer', WEIGHT_CELL, 4242).protectSheet('Invoer', true);
  return fake;
}

const brokenNames = (fake: FakeExcel): string[] =>
  fake.model.names.filter((n) => n.formula.toUpperCase().includes('#REF!')).map((n) => n.name);

describe('add-in sheets that left the plan', () => {
  it('are removed with their mark in the write batch (2 syncs), the rest as a plain refresh', async () => {
    const fake = await withVerschil();
    const from = fake.syncCount;
    const report = ok(await render(fake, samplePlan()));
    expect(report.syncs).toBe(2);
    expect(report.removedSheets).toEqual([VERSCHIL_SHEET]);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst']);
    expect(fake.name(MARK)).toBeUndefined();
    expect(brokenNames(fake)).toEqual([]);
    expect(fake.values('Invoer', WEIGHT_CELL)).toEqual([[4242]]);

    // The same workbook as one that never had the sheet, worked in the same way.
    const plain = new FakeExcel();
    ok(await render(plain, samplePlan(), { expectExisting: false }));
    plain.protectSheet('Invoer', false).type('Invoer', WEIGHT_CELL, 4242).protectSheet('Invoer', true);
    const plainFrom = plain.syncCount;
    ok(await render(plain, samplePlan()));
    expect(fake.snapshot()).toEqual(plain.snapshot());
    // Undo: one sheet delete more than that refresh (which deletes its restore point); the name delete
    // is not on Microsoft's list of operations that clear the undo stack.
    const plainUndo = plain.undoClearing(plainFrom);
    expect(plainUndo['Worksheet.delete']).toBe(1);
    expect(fake.undoClearing(from)).toEqual({ ...plainUndo, 'Worksheet.delete': 2 });

    // Nothing left to remove: the next refresh costs what the plain one costs (its restore point only).
    const next = fake.syncCount;
    expect(ok(await render(fake, samplePlan())).removedSheets).toEqual([]);
    expect(fake.undoClearing(next)).toEqual(plainUndo);
  });

  it('also in Dutch R1C1 display of the names (only the sheet part of the mark is read, office-js #2834)', async () => {
    const fake = await withVerschil();
    fake.displayNames('nl-NL', 'R1C1');
    expect(ok(await render(fake, samplePlan())).removedSheets).toEqual([VERSCHIL_SHEET]);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst']);
  });

  it('a sheet the user made stays, also one named like the add-in’s after renaming the add-in’s', async () => {
    const fake = await withVerschil();
    fake.addSheet('Notities').type('Notities', 'A1', 'mijn aantekening');
    // The add-in's sheet renamed (its mark follows it), a sheet of the user's given its old name.
    fake.renameSheet(VERSCHIL_SHEET, 'Verschil oud').addSheet(VERSCHIL_SHEET);
    fake.type(VERSCHIL_SHEET, 'A1', 'van mij');
    const before = fake.snapshot().sheets.filter((s) => s.name !== 'Invoer' && s.name !== 'Uitkomst');
    const report = ok(await render(fake, samplePlan()));
    expect(report.removedSheets).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst', 'Verschil oud', 'Notities', VERSCHIL_SHEET]);
    expect(fake.snapshot().sheets.filter((s) => s.name !== 'Invoer' && s.name !== 'Uitkomst')).toEqual(
      before,
    );
  });

  it('a left-over sheet that another name refers to, or that holds a table, stays', async () => {
    const referred = await withVerschil();
    referred.addName('Mijn_Verschil', `=${VERSCHIL_SHEET}!$B$3`);
    expect(ok(await render(referred, samplePlan())).removedSheets).toEqual([]);
    expect(referred.sheetNames()).toContain(VERSCHIL_SHEET);

    const table = await withVerschil();
    table.addTable(VERSCHIL_SHEET, 'D1:E3', 'MijnTabel');
    expect(ok(await render(table, samplePlan())).removedSheets).toEqual([]);
    expect(table.sheetNames()).toContain(VERSCHIL_SHEET);
  });

  it('a user-owned sheet (with its table) that leaves the plan stays with every row', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, userOwnedPlan(1, { table: 1 }), { expectExisting: false }));
    const begroting = fake.snapshot().sheets.find((s) => s.name === 'Begroting');
    expect(begroting).toBeDefined();
    const report = ok(await render(fake, samplePlan()));
    expect(report.removedSheets).toEqual([]);
    expect(fake.snapshot().sheets.find((s) => s.name === 'Begroting')).toEqual(begroting);
  });

  it('all or none: beside an add-in sheet outside the plan that stays (here a user-owned one), nothing is removed', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, userOwnedPlan(1, { table: 1, verschil: true }), { expectExisting: false }));
    expect(fake.sheetNames()).toContain(VERSCHIL_SHEET);
    const report = ok(await render(fake, samplePlan()));
    expect(report.removedSheets).toEqual([]);
    expect(fake.sheetNames()).toEqual(['Invoer', 'Uitkomst', VERSCHIL_SHEET, 'Begroting']);
    expect(brokenNames(fake)).toEqual([]);
  });

  it('a protected workbook structure: refused before anything is written, with the fix in Dutch', async () => {
    const fake = await withVerschil();
    fake.protectWorkbook();
    const before = fake.snapshot();
    const report = await render(fake, samplePlan());
    expect(report).toEqual({ ok: false, failure: { kind: 'ProtectedWorkbook' } });
    expect(fake.snapshot()).toEqual(before);
    if (!report.ok) expect(excelFailureText(report.failure)).toContain('een eigen blad verwijderen');
    fake.protectWorkbook(false);
    expect(ok(await render(fake, samplePlan())).removedSheets).toEqual([VERSCHIL_SHEET]);
  });

  it('a very hidden left-over sheet stays (Excel cannot delete it without showing it)', async () => {
    const fake = await withVerschil();
    const sheet = fake.model.findSheet(VERSCHIL_SHEET);
    if (!sheet) throw new Error('no sheet');
    sheet.visibility = 'VeryHidden';
    expect(ok(await render(fake, samplePlan())).removedSheets).toEqual([]);
    sheet.visibility = 'Hidden';
    expect(ok(await render(fake, samplePlan())).removedSheets).toEqual([VERSCHIL_SHEET]);
  });

  it('the mark of a sheet the user deleted (#REF!) is deleted, nothing else', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan({ verschil: true }), { expectExisting: false }));
    fake.deleteSheet(VERSCHIL_SHEET);
    expect(brokenNames(fake)).toEqual([MARK]);
    const from = fake.syncCount;
    const report = ok(await render(fake, samplePlan()));
    expect(report.removedSheets).toEqual([]);
    expect(brokenNames(fake)).toEqual([]);
    expect(fake.name(MARK)).toBeUndefined();
    // No input kept, nothing removed: no sheet delete at all.
    expect(fake.undoClearing(from)['Worksheet.delete']).toBeUndefined();
  });
});

describe('removableSheets (pure)', () => {
  const plan = samplePlan();
  const facts = (over: Partial<WorkbookFacts> = {}): WorkbookFacts => ({
    sheets: [
      { name: 'Invoer', protected: true, visibility: 'Visible' },
      { name: 'Uitkomst', protected: false, visibility: 'Visible' },
      { name: VERSCHIL_SHEET, protected: true, visibility: 'Visible' },
    ],
    names: [{ name: MARK, type: 'Range', target: undefined, formula: `=${VERSCHIL_SHEET}!$A$1:$B$3` }],
    tables: [],
    workbookProtected: false,
    ...over,
  });

  it('needs the mark, pointing at this very sheet, and a known visibility', () => {
    expect(removableSheets(plan, facts())).toEqual([{ sheet: VERSCHIL_SHEET, mark: MARK }]);
    expect(removableSheets(plan, facts({ names: [] }))).toEqual([]);
    const wrongSheet = [{ name: MARK, type: 'Range', target: undefined, formula: '=Notities!$A$1:$B$3' }];
    expect(removableSheets(plan, facts({ names: wrongSheet }))).toEqual([]);
    const broken = [{ name: MARK, type: 'Error', target: undefined, formula: '=#VERW!$A$1:$B$3' }];
    expect(removableSheets(plan, facts({ names: broken }))).toEqual([]);
    const unread = [{ name: MARK, type: 'Range', target: undefined }];
    expect(removableSheets(plan, facts({ names: unread }))).toEqual([]);
    const noVisibility = facts().sheets.map((s) => ({ name: s.name, protected: s.protected }));
    expect(removableSheets(plan, facts({ sheets: noVisibility }))).toEqual([]);
  });

  it('a name whose formula was not read counts as referring to the sheet', () => {
    const names = [...facts().names, { name: 'Onbekend', type: 'Range', target: undefined }];
    expect(removableSheets(plan, facts({ names }))).toEqual([]);
  });

  it('reads only the sheet part of a formula, quoted or not, in any reference style', () => {
    expect(formulaSheet("='Wat is er veranderd'!$A$1:$H$40")).toBe('Wat is er veranderd');
    expect(formulaSheet("='Jan''s blad'!R1K1:R4K2")).toBe("Jan's blad");
    expect(formulaSheet('=Bronnen!R1C1')).toBe('Bronnen');
    expect(formulaSheet('=#VERW!$A$1')).toBeUndefined();
    expect(formulaSheet('="tekst"')).toBeUndefined();
    expect(formulaSheet(undefined)).toBeUndefined();
    expect(mayReferToSheet('=SOM(Verschil!$B$3;1)', 'Verschil')).toBe(true);
    expect(mayReferToSheet("='Verschil'!$B$3", 'Verschil')).toBe(true);
    expect(mayReferToSheet('=MijnVerschil!$B$3', 'Verschil')).toBe(false);
    expect(mayReferToSheet("='Oud Verschil'!$B$3", 'Verschil')).toBe(false);
    expect(mayReferToSheet(undefined, 'Verschil')).toBe(true);
  });
});

describe('the real plan: a refresh without the realisatie after one with it (Zwolle)', () => {
  it('keeps Besteding: the Realisatie and the Verantwoording, which stay, refer to it (no #VERW!)', async () => {
    const input = editionInput('vws-2026-04');
    const years = input.edition.years;
    const csv = [
      `${begrotingKolommen(years).join(';')};Prognose 2026`,
      `Brede SPUK;;Ontschot;;GGD;incidenteel;;;1800000;1500000${';'.repeat(years.length - 4)};;;1900000`,
    ].join('\n');
    const options = { key: 'spuk-2025' as const, gemeente: 'GM0193' as CbsCode };
    const withRealisatie = buildWorkbookPlan(input, {
      ...options,
      realisatie: parsedRealisatie(csv, input.edition),
    });
    const without = buildWorkbookPlan(input, options);
    const left = withRealisatie.sheets
      .map((s) => s.name)
      .filter((n) => !without.sheets.some((s) => s.name === n));
    expect(left).toEqual(['Realisatie', 'Besteding', 'Verantwoording']);

    const fake = new FakeExcel();
    ok(await render(fake, withRealisatie, { expectExisting: false }));
    const before = fake.snapshot().sheets.filter((s) => left.includes(s.name));
    const report = ok(await render(fake, without));
    expect(report.removedSheets).toEqual([]);
    expect(fake.sheetNames()).toEqual(withRealisatie.sheets.map((s) => s.name));
    expect(fake.snapshot().sheets.filter((s) => left.includes(s.name))).toEqual(before);
    expect(brokenNames(fake)).toEqual([]);
  }, 120_000);
});

describe('the option "Bladen Realisatie en Verantwoording toevoegen" unticked (Zwolle, removeEmptyTables)', () => {
  const input = editionInput('vws-2026-04');
  const options = { key: 'spuk-2025' as const, gemeente: 'GM0193' as CbsCode };
  const empty = { regels: [], prognoseJaar: undefined };
  const LEFT = ['Realisatie', 'Besteding', 'Verantwoording'];

  it('a table Realisatie with nothing typed: the three sheets and their names go (2 syncs, all in the write)', async () => {
    const withRealisatie = buildWorkbookPlan(input, { ...options, realisatie: empty });
    const without = buildWorkbookPlan(input, options);
    const fake = new FakeExcel();
    ok(await render(fake, withRealisatie, { expectExisting: false }));
    const own = fake.model.names
      .filter((n) => LEFT.some((sheet) => n.formula.includes(`${sheet}!`)))
      .map((n) => n.name);
    expect(own).toEqual(expect.arrayContaining(['Invoer_Prognosejaar', 'SPUK_Realisatie_Versie']));
    // Without the permission the rule of before holds: the table keeps every left-over sheet.
    const probe = new FakeExcel();
    ok(await render(probe, withRealisatie, { expectExisting: false }));
    expect(ok(await render(probe, without)).removedSheets).toEqual([]);

    const start = fake.syncCount;
    const report = ok(await render(fake, without, { removeEmptyTables: ['Realisatie'] }));
    expect(report.syncs).toBe(2);
    expect(fake.syncCount - start).toBe(2);
    expect(report.removedSheets).toEqual(LEFT);
    expect(fake.sheetNames()).toEqual(without.sheets.map((s) => s.name));
    expect(own.filter((n) => fake.name(n) !== undefined)).toEqual([]);
    expect(brokenNames(fake)).toEqual([]);
    // The werkmap equals one built without the realisatie, row heights and hidden rows included. Until
    // session 10 a refresh did not reset rows an earlier build made taller: with the realisatie checks
    // Controle's rows 30-34 are 30/45 pt and they stayed so (pinned here as `staleHeights` then); now
    // every row of a replaced sheet's old used range is reset first (write.ts, step 1).
    const plain = new FakeExcel();
    ok(await render(plain, without, { expectExisting: false }));
    const got = fake.snapshot().sheets;
    const want = plain.snapshot().sheets;
    const staleHeights = got.flatMap((sheet, i) => {
      const planned = want[i]?.rowHeights ?? {};
      const rows = Object.keys(sheet.rowHeights).filter((r) => sheet.rowHeights[r] !== planned[r]);
      return rows.length > 0 ? [{ sheet: sheet.name, rows: rows.map(Number) }] : [];
    });
    expect(staleHeights).toEqual([]);
    const controle = got.find((sheet) => sheet.name === SHEETS.controle);
    expect([30, 31, 32, 33, 34].map((r) => controle?.rowHeights[r])).toEqual(
      [30, 31, 32, 33, 34].map((r) => want.find((sheet) => sheet.name === SHEETS.controle)?.rowHeights[r]),
    );
    expect(got).toEqual(want);
  }, 240_000);

  it('one cell typed in the table keeps all three sheets, unchanged', async () => {
    const withRealisatie = buildWorkbookPlan(input, { ...options, realisatie: empty });
    const without = buildWorkbookPlan(input, options);
    const fake = new FakeExcel();
    ok(await render(fake, withRealisatie, { expectExisting: false }));
    fake.type('Realisatie', 'Q7', 'nog invullen');
    const before = fake.snapshot().sheets.filter((s) => LEFT.includes(s.name));
    const report = ok(await render(fake, without, { removeEmptyTables: ['Realisatie'] }));
    expect(report.removedSheets).toEqual([]);
    expect(fake.snapshot().sheets.filter((s) => LEFT.includes(s.name))).toEqual(before);
    expect(brokenNames(fake)).toEqual([]);
  }, 240_000);
});

describe('rows an earlier build hid or made taller (session 10: a refresh resets them)', () => {
  /** The sample plan with row heights on Uitkomst (rows 5-10 hold texts, 12-14 remarks). */
  const withRows = (rowHeights: readonly { row: number; height: number }[]): WorkbookPlan => {
    const plan = samplePlan();
    return {
      ...plan,
      sheets: plan.sheets.map((sheet) => (sheet.name === 'Uitkomst' ? { ...sheet, rowHeights } : sheet)),
    };
  };
  const uitkomst = (fake: FakeExcel) => fake.snapshot().sheets.find((s) => s.name === 'Uitkomst');

  it('a row hidden (height 0) or made tall by an earlier plan is visible at standard height after a refresh whose plan puts ordinary content there', async () => {
    const fake = new FakeExcel();
    ok(
      await render(
        fake,
        withRows([5, 6].map((row) => ({ row, height: 0 })).concat([{ row: 12, height: 60 }])),
        { expectExisting: false },
      ),
    );
    expect(uitkomst(fake)?.hiddenRows).toEqual([5, 6]);
    expect(uitkomst(fake)?.rowHeights).toEqual({ 12: 60 });

    const start = fake.syncCount;
    const report = ok(await render(fake, samplePlan()));
    expect(report.syncs).toBe(2);
    expect(fake.syncCount - start).toBe(2);
    expect(uitkomst(fake)?.hiddenRows).toEqual([]);
    expect(uitkomst(fake)?.rowHeights).toEqual({});
    expect(fake.values('Uitkomst', 'A5:A6')).toEqual([['=geen formule'], ['0034']]);
    // The plan's own height elsewhere is set again (Invoer's header row).
    expect(fake.snapshot().sheets.find((s) => s.name === 'Invoer')?.rowHeights).toEqual({ 10: 30 });
    // Two operations per replaced sheet, in the write batch, no load and no extra sync.
    const write = fake.batches.slice(start).find((b) => b.calcSuspended);
    const names = write?.operationNames ?? [];
    expect(names.filter((n) => n === 'Range.rowHidden')).toHaveLength(2);
    expect(names.filter((n) => n === 'RangeFormat.useStandardHeight')).toHaveLength(2);

    const plain = new FakeExcel();
    ok(await render(plain, samplePlan(), { expectExisting: false }));
    ok(await render(plain, samplePlan()));
    expect(fake.snapshot()).toEqual(plain.snapshot());
  });

  it('the later plan’s own heights and hidden rows win over the earlier ones (a tall row hidden, a hidden row tall)', async () => {
    const fake = new FakeExcel();
    ok(
      await render(
        fake,
        withRows([
          { row: 5, height: 0 },
          { row: 12, height: 60 },
        ]),
        { expectExisting: false },
      ),
    );
    ok(
      await render(
        fake,
        withRows([
          { row: 5, height: 45 },
          { row: 12, height: 0 },
        ]),
      ),
    );
    expect(uitkomst(fake)?.hiddenRows).toEqual([12]);
    expect(uitkomst(fake)?.rowHeights).toEqual({ 5: 45 });
  });

  it('a user-owned sheet keeps the heights and hidden rows of its rows: the user’s, not reset and not set again', async () => {
    const plan = userOwnedPlan(1);
    const tall: WorkbookPlan = {
      ...plan,
      sheets: plan.sheets.map((sheet) =>
        sheet.name === 'Begroting' ? { ...sheet, rowHeights: [{ row: 9, height: 45 }] } : sheet,
      ),
    };
    const fake = new FakeExcel();
    ok(await render(fake, tall, { expectExisting: false }));
    const begroting = () => fake.snapshot().sheets.find((s) => s.name === 'Begroting');
    expect(begroting()?.rowHeights).toEqual({ 9: 45 });
    // The user makes the table's row 9 lower, row 10 taller and hides row 2 (in the add-in range).
    fake.setRowHeight('Begroting', 9, 20).setRowHeight('Begroting', 10, 50).hideRows('Begroting', 2);
    ok(await render(fake, tall));
    expect(begroting()?.rowHeights).toEqual({ 9: 20, 10: 50 });
    expect(begroting()?.hiddenRows).toEqual([2]);
  });
});

describe('removeEmptyTables: a write that fails at any operation removes all or, on the retry, the rest', () => {
  /** The sample plan whose sheet Verschil holds an (empty) table and an input name of the add-in's. */
  function withTable(): WorkbookPlan {
    const plan = samplePlan({ verschil: true });
    return {
      ...plan,
      sheets: plan.sheets.map((sheet) =>
        sheet.name !== VERSCHIL_SHEET
          ? sheet
          : {
              ...sheet,
              protect: false,
              blocks: [
                ...sheet.blocks,
                {
                  kind: 'values',
                  at: 'A5',
                  values: [
                    ['Post', 'Bedrag'],
                    [null, null],
                  ],
                },
              ],
              tables: [{ name: 'T_Verschil', range: 'A5:B6', style: 'TableStyleLight9' }],
              usedRange: 'A1:B6',
              userOwned: { addinRanges: ['A1:B3'] },
            },
      ),
      names: [
        ...plan.names,
        { name: 'SPUK_Verschil_Versie', ref: `${VERSCHIL_SHEET}!$A$1`, comment: 'Versie', input: false },
      ],
    };
  }

  it('for EVERY operation k of the write: the retry leaves the werkmap of a build without the sheet', async () => {
    const build = async (): Promise<FakeExcel> => {
      const fake = new FakeExcel();
      ok(await render(fake, withTable(), { expectExisting: false }));
      expect(fake.name('SPUK_Verschil_Versie')).toBeDefined();
      return fake;
    };
    const reference = await build();
    const start = reference.syncCount;
    const report = ok(await render(reference, samplePlan(), { removeEmptyTables: ['T_Verschil'] }));
    expect(report.removedSheets).toEqual([VERSCHIL_SHEET]);
    expect(reference.name('SPUK_Verschil_Versie')).toBeUndefined();
    expect(brokenNames(reference)).toEqual([]);
    const write = reference.batches.slice(start).find((b) => b.calcSuspended);
    const names = write?.operationNames ?? [];
    expect(names.filter((n) => n === 'Worksheet.delete' || n === 'NamedItem.delete')).toEqual([
      'Worksheet.delete',
      'NamedItem.delete',
      'NamedItem.delete',
      'NamedItem.delete',
    ]);
    const expected = reference.snapshot();
    for (let k = 0; k < names.length; k++) {
      const fake = await build();
      fake.failAtOperation(k);
      expect([k, (await render(fake, samplePlan(), { removeEmptyTables: ['T_Verschil'] })).ok]).toEqual([
        k,
        false,
      ]);
      const retry = await render(fake, samplePlan(), { removeEmptyTables: ['T_Verschil'] });
      expect([k, names[k], retry.ok || retry.failure]).toEqual([k, names[k], true]);
      expect([k, brokenNames(fake)]).toEqual([k, []]);
      expect([k, fake.snapshot()]).toEqual([k, expected]);
    }
  });
});

describe('removableSheets with removeEmptyTables (pure)', () => {
  it('a table let go and read empty; the add-in’s names on the sheet go with it, any other name keeps it', () => {
    const plan = samplePlan();
    const base = {
      sheets: [
        { name: 'Invoer', protected: true, visibility: 'Visible' },
        { name: 'Realisatie', protected: false, visibility: 'Visible' },
      ],
      names: [
        {
          name: ownershipNameOf('Realisatie'),
          type: 'Range',
          target: undefined,
          formula: '=Realisatie!$A$1',
        },
        { name: 'Invoer_Prognosejaar', type: 'Range', target: undefined, formula: '=Realisatie!$E$4' },
      ],
      tables: [{ name: 'Realisatie', sheet: 'Realisatie' }],
      workbookProtected: false,
    };
    const removed = [
      { sheet: 'Realisatie', mark: ownershipNameOf('Realisatie'), names: ['Invoer_Prognosejaar'] },
    ];
    expect(removableSheets(plan, { ...base, emptyTables: ['REALISATIE'] })).toEqual(removed);
    expect(removableSheets(plan, base)).toEqual([]);
    expect(removableSheets(plan, { ...base, emptyTables: [] })).toEqual([]);
    const userName = {
      name: 'MijnTotaal',
      type: 'Range',
      target: undefined,
      formula: '=Realisatie!$G$7:$G$9',
    };
    expect(
      removableSheets(plan, { ...base, names: [...base.names, userName], emptyTables: ['Realisatie'] }),
    ).toEqual([]);
  });
});

describe('the real plan: "Geen vergelijking" after a comparison (Zwolle)', () => {
  it('removes "Wat is er veranderd" and leaves the werkmap of a build without it', async () => {
    const { edition, vorige } = scenarioEditions(defaultEditionId());
    const options = { key: 'spuk-2025' as const, gemeente: 'GM0193' as CbsCode };
    const compared = buildWorkbookPlan(edition, { ...options, vorige });
    const none = buildWorkbookPlan(edition, options);
    const sheet = 'Wat is er veranderd';
    expect(compared.sheets.map((s) => s.name)).toContain(sheet);
    expect(none.sheets.map((s) => s.name)).not.toContain(sheet);

    const fake = new FakeExcel();
    ok(await render(fake, compared, { expectExisting: false }));
    fake.addSheet('Eigen blad').type('Eigen blad', 'A1', 'van de gebruiker');
    const report = ok(await render(fake, none));
    expect(report.syncs).toBe(2);
    expect(report.removedSheets).toEqual([sheet]);
    expect(fake.sheetNames()).toEqual([...none.sheets.map((s) => s.name), 'Eigen blad']);
    expect(fake.name(ownershipNameOf(sheet))).toBeUndefined();
    expect(brokenNames(fake)).toEqual([]);

    const plain = new FakeExcel();
    ok(await render(plain, none, { expectExisting: false }));
    const own = (s: { name: string }): boolean => s.name !== 'Eigen blad';
    expect(fake.snapshot().sheets.filter(own)).toEqual(plain.snapshot().sheets);
  }, 120_000);
});
