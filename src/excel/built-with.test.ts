/** readBuiltWith: what a workbook was built with, read from its own names and cells (fake host). */
import { failureOf, hangingAtSync } from '../../test/support/excel-failure';
import { FakeExcel } from '../../test/support/fake-excel';
import { defaultEditionId, editionInput } from '../data';
import type { CbsCode } from '../domain';
import type { WorkbookPlan } from '../plan';
import { INPUT_NAMES, SHEETS, buildWorkbookPlan } from '../plan';
import type { BuiltWithFacts, ReadBuiltWithOptions } from './built-with';
import { BUILT_WITH_NAMES, readBuiltWith } from './built-with';
import { renderPlan } from './render';

async function build(fake: FakeExcel, plan: WorkbookPlan): Promise<void> {
  const report = await renderPlan(plan, {
    run: fake.run,
    requirements: fake.requirements,
    expectExisting: false,
  });
  if (!report.ok) throw new Error(`render failed: ${JSON.stringify(report.failure)}`);
}

function read(fake: FakeExcel, options: ReadBuiltWithOptions = {}): Promise<BuiltWithFacts | undefined> {
  return readBuiltWith({ run: fake.run, ...options });
}

/** The small workbook the add-in would leave: both cells, both names, both ownership marks. */
function madeByAddIn(keyId = 'gelijk', gemeente = 'GM0034'): FakeExcel {
  const fake = new FakeExcel().addSheet('Overzicht').addSheet('Verdeelsleutel');
  fake.type('Verdeelsleutel', 'A5', [['Sleutel', keyId]]).type('Overzicht', 'C4', gemeente);
  return fake
    .addName(BUILT_WITH_NAMES.key, '=Verdeelsleutel!$B$5')
    .addName(BUILT_WITH_NAMES.gemeente, '=Overzicht!$C$4')
    .addName('SPUK_Blad_Verdeelsleutel', '=Verdeelsleutel!$A$1:$I$353')
    .addName('SPUK_Blad_Overzicht', '=Overzicht!$A$1:$I$60');
}

describe('readBuiltWith on a workbook rendered from the real plan', () => {
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'inwoners',
    gemeente: 'GM0034' as CbsCode,
  });
  const fake = new FakeExcel();

  beforeAll(async () => {
    await build(fake, plan);
  });

  it('the plan defines the names it reads, on the sheets whose marks it checks', () => {
    const ref = (name: string) => plan.names.find((n) => n.name === name)?.ref;
    expect(ref(BUILT_WITH_NAMES.key)).toBe(`${SHEETS.verdeelsleutel}!$B$5`);
    expect(ref(BUILT_WITH_NAMES.gemeente)).toBe(`${SHEETS.overzicht}!$C$4`);
    expect(BUILT_WITH_NAMES.gemeente).toBe(INPUT_NAMES.chosen);
  });

  it('reads key, gemeente and edition in 2 read-only syncs', async () => {
    const before = fake.syncCount;
    expect(await read(fake)).toEqual({ keyId: 'inwoners', gemeente: 'GM0034', editionId: 'vws-2026-04' });
    const batches = fake.batches.slice(before);
    expect(batches.map((b) => b.outcome)).toEqual(['ok', 'ok']);
    for (const b of batches) {
      expect(Object.keys(b.operationCounts).every((op) => op.endsWith('.load'))).toBe(true);
    }
    // Three names (key, gemeente, edition) and the marks of their sheets.
    expect(batches[0]?.operationCounts).toEqual({ 'NamedItem.load': 6 });
    // Each name's and mark's range: address (always A1, English) and the two cells' values.
    expect(batches[1]?.operationCounts).toEqual({ 'Range.load': 6 });
  });

  it.each([
    ['nl-NL', 'A1'],
    ['nl-NL', 'R1C1'],
    ['en-US', 'R1C1'],
  ] as const)(
    'reads the same when Excel shows name formulas in %s, %s style (office-js #2834)',
    async (locale, style) => {
      fake.displayNames(locale, style);
      try {
        expect(await read(fake)).toEqual({ keyId: 'inwoners', gemeente: 'GM0034', editionId: 'vws-2026-04' });
      } finally {
        fake.displayNames('en-US', 'A1');
      }
    },
  );

  it('reads what the sheet shows now: "NL" for the national view, a renamed sheet', async () => {
    fake.type(SHEETS.overzicht, 'C4', 'NL');
    fake.renameSheet(SHEETS.verdeelsleutel, 'Mijn sleutel');
    try {
      expect(await read(fake)).toEqual({ keyId: 'inwoners', gemeente: 'NL', editionId: 'vws-2026-04' });
    } finally {
      fake.renameSheet('Mijn sleutel', SHEETS.verdeelsleutel);
      fake.type(SHEETS.overzicht, 'C4', 'GM0034');
    }
  });
});

describe('readBuiltWith: absent or not the add-in’s → undefined, never a failure', () => {
  it('reads a national workbook with a custom key as it stands', async () => {
    expect(await read(madeByAddIn('eigen', 'NL'))).toEqual({ keyId: 'eigen', gemeente: 'NL' });
  });

  it('an empty workbook: 1 sync, nothing chained off the missing names', async () => {
    const fake = new FakeExcel();
    expect(await read(fake)).toBeUndefined();
    expect(fake.batches.map((b) => b.outcome)).toEqual(['ok']);
  });

  it.each<[string, (fake: FakeExcel) => void]>([
    ['the key name was deleted', (f) => f.deleteName(BUILT_WITH_NAMES.key)],
    ['the gemeente name was deleted', (f) => f.deleteName(BUILT_WITH_NAMES.gemeente)],
    ['the Verdeelsleutel mark is missing', (f) => f.deleteName('SPUK_Blad_Verdeelsleutel')],
    ['the Overzicht mark is missing', (f) => f.deleteName('SPUK_Blad_Overzicht')],
    [
      'the mark refers to another sheet',
      (f) => f.deleteName('SPUK_Blad_Verdeelsleutel').addName('SPUK_Blad_Verdeelsleutel', '=Overzicht!$A$1'),
    ],
    ['the sheet was deleted (#REF!)', (f) => f.deleteSheet('Verdeelsleutel')],
    [
      'the name now covers more than one cell',
      (f) => f.deleteName(BUILT_WITH_NAMES.key).addName(BUILT_WITH_NAMES.key, '=Verdeelsleutel!$A$5:$B$5'),
    ],
    ['the key cell is empty', (f) => f.type('Verdeelsleutel', 'B5', '')],
    ['the gemeente cell holds a number', (f) => f.type('Overzicht', 'C4', 34)],
  ])('%s', async (_, change) => {
    const fake = madeByAddIn();
    expect(await read(fake)).toEqual({ keyId: 'gelijk', gemeente: 'GM0034' });
    change(fake);
    const before = fake.syncCount;
    expect(await read(fake)).toBeUndefined();
    expect(fake.batches.slice(before).every((b) => b.outcome === 'ok')).toBe(true);
  });

  it('the sheet vanished between the two syncs (InvalidReference in sync 2)', async () => {
    const fake = madeByAddIn();
    const run: ReadBuiltWithOptions['run'] = (batch) =>
      fake.run((context) => {
        let n = 0;
        return batch({
          workbook: context.workbook,
          application: context.application,
          sync: () => {
            if (++n === 2) fake.deleteSheet('Verdeelsleutel');
            return context.sync();
          },
        });
      });
    expect(await readBuiltWith({ run })).toBeUndefined();
    expect(fake.batches.map((b) => b.outcome)).toEqual(['ok', 'InvalidReference']);
  });

  it('a look-alike sheet the user made (names, no ownership marks) is not trusted', async () => {
    const fake = new FakeExcel().addSheet('Overzicht').addSheet('Verdeelsleutel');
    fake.type('Verdeelsleutel', 'B5', 'spuk-2025').type('Overzicht', 'C4', 'GM0034');
    fake.addName(BUILT_WITH_NAMES.key, '=Verdeelsleutel!$B$5');
    fake.addName(BUILT_WITH_NAMES.gemeente, '=Overzicht!$C$4');
    expect(await read(fake)).toBeUndefined();
    expect(fake.syncCount).toBe(1);
  });
});

describe('readBuiltWith: failures as renderPlan maps them', () => {
  it('a hanging sync: Timeout', async () => {
    const fake = madeByAddIn();
    fake.hangNextSync();
    expect(await failureOf(read(fake, { timeoutMs: 30 }))).toEqual({ kind: 'Timeout', seconds: 0.03 });
  });

  it('a hang in the second sync: Timeout', async () => {
    const fake = madeByAddIn();
    const run = hangingAtSync(fake.run, 2);
    expect(await failureOf(readBuiltWith({ run, timeoutMs: 30 }))).toEqual({
      kind: 'Timeout',
      seconds: 0.03,
    });
  });

  it('cell-edit mode: CellEditMode', async () => {
    const fake = madeByAddIn();
    fake.cellEditMode = true;
    expect(await failureOf(read(fake))).toEqual({ kind: 'CellEditMode' });
  });

  it('an Excel without ExcelApi 1.4: UnsupportedHost', async () => {
    const fake = new FakeExcel({ apiVersion: '1.3' });
    expect(await failureOf(read(fake))).toEqual({ kind: 'UnsupportedHost', required: 'ExcelApi 1.9' });
  });

  it('outside Excel: NotInExcel', async () => {
    expect(await failureOf(readBuiltWith())).toEqual({ kind: 'NotInExcel' });
  });
});
