/**
 * readWorkbookFacts: the pane's start read (fake host). Excel's number notation (issue #17, the hint
 * for a paste) rides in the batch `readBuiltWith` runs, so the start keeps its round trips: 1 sync
 * for a new workbook, 2 for a werkmap (the browser tests' start budget). It never makes the read fail.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import type { ExcelRunner, HostApplication, HostRequestContext } from '../excel';
import { BUILT_WITH_NAMES, ExcelFailureError } from '../excel';
import { readWorkbookFacts } from './workbook-read';

/** The small workbook the add-in would leave: both cells, both names, both ownership marks. */
function werkmap(): FakeExcel {
  const fake = new FakeExcel().addSheet('Overzicht').addSheet('Verdeelsleutel');
  fake.type('Verdeelsleutel', 'A5', [['Sleutel', 'gelijk']]).type('Overzicht', 'C4', 'GM0034');
  return fake
    .addName(BUILT_WITH_NAMES.key, '=Verdeelsleutel!$B$5')
    .addName(BUILT_WITH_NAMES.gemeente, '=Overzicht!$C$4')
    .addName('SPUK_Blad_Verdeelsleutel', '=Verdeelsleutel!$A$1:$I$353')
    .addName('SPUK_Blad_Overzicht', '=Overzicht!$A$1:$I$60');
}

async function facts(fake: FakeExcel, run: ExcelRunner = fake.run) {
  const before = fake.syncCount;
  const read = await readWorkbookFacts({ run, requirements: fake.requirements });
  return { ...read, syncs: fake.syncCount - before };
}

/** The fake's runner with `application` replaced (a host whose separators cannot be read). */
function withApplication(fake: FakeExcel, application: HostApplication): ExcelRunner {
  return (batch) =>
    fake.run((context) => {
      const wrapped: HostRequestContext = {
        workbook: context.workbook,
        application,
        sync: () => context.sync(),
      };
      return batch(wrapped);
    });
}

describe('readWorkbookFacts reads Excel’s notation in the start read’s own syncs', () => {
  it('a new workbook in an Excel-NL: nl, nothing built, 1 sync', async () => {
    expect(await facts(new FakeExcel())).toEqual({
      builtWith: undefined,
      realisatie: false,
      notation: 'nl',
      syncs: 1,
    });
  });

  it('a werkmap: what it was built with and nl, still 2 syncs', async () => {
    expect(await facts(werkmap())).toEqual({
      builtWith: { keyId: 'gelijk', gemeente: 'GM0034' },
      realisatie: false,
      notation: 'nl',
      syncs: 2,
    });
  });

  it('an Excel with English separators: en, same syncs', async () => {
    const fake = werkmap();
    fake.model.decimalSeparator = '.';
    fake.model.thousandsSeparator = ',';
    expect(await facts(fake)).toMatchObject({ notation: 'en', syncs: 2 });
    const fresh = new FakeExcel();
    fresh.model.decimalSeparator = '.';
    fresh.model.thousandsSeparator = ',';
    expect(await facts(fresh)).toMatchObject({ notation: 'en', syncs: 1 });
  });

  it('below ExcelApi 1.11 the separators are never asked: unknown, the werkmap read as before', async () => {
    const fake = new FakeExcel({ apiVersion: '1.10' }).addSheet('Overzicht').addSheet('Verdeelsleutel');
    fake.type('Verdeelsleutel', 'A5', [['Sleutel', 'gelijk']]).type('Overzicht', 'C4', 'GM0034');
    fake
      .addName(BUILT_WITH_NAMES.key, '=Verdeelsleutel!$B$5')
      .addName(BUILT_WITH_NAMES.gemeente, '=Overzicht!$C$4')
      .addName('SPUK_Blad_Verdeelsleutel', '=Verdeelsleutel!$A$1:$I$353')
      .addName('SPUK_Blad_Overzicht', '=Overzicht!$A$1:$I$60');
    let asked = false;
    const spy: HostApplication = {
      suspendApiCalculationUntilNextSync: () => undefined,
      get decimalSeparator(): string {
        asked = true;
        return ',';
      },
      get thousandsSeparator(): string {
        asked = true;
        return '.';
      },
      load: () => {
        asked = true;
        return undefined;
      },
    };
    expect(await facts(fake, withApplication(fake, spy))).toEqual({
      builtWith: { keyId: 'gelijk', gemeente: 'GM0034' },
      realisatie: false,
      notation: undefined,
      syncs: 2,
    });
    expect(asked).toBe(false);
    // Without the requirement sets known (no Office.context here) it is not asked either.
    const unknown = await readWorkbookFacts({ run: werkmap().run });
    expect(unknown).toMatchObject({ builtWith: { keyId: 'gelijk' }, notation: undefined });
  });

  it('a throw while queuing or reading the separators: unknown, the start read still answers', async () => {
    const throwsOnRead: HostApplication = {
      suspendApiCalculationUntilNextSync: () => undefined,
      get decimalSeparator(): string {
        throw new Error('PropertyNotLoaded');
      },
      get thousandsSeparator(): string {
        throw new Error('PropertyNotLoaded');
      },
      load: () => undefined,
    };
    const throwsOnLoad: HostApplication = {
      suspendApiCalculationUntilNextSync: () => undefined,
      decimalSeparator: ',',
      thousandsSeparator: '.',
      load: () => {
        throw new Error('ApiNotFound');
      },
    };
    for (const application of [throwsOnRead, throwsOnLoad]) {
      const fake = werkmap();
      expect(await facts(fake, withApplication(fake, application))).toEqual({
        builtWith: { keyId: 'gelijk', gemeente: 'GM0034' },
        realisatie: false,
        notation: undefined,
        syncs: 2,
      });
    }
  });

  it('a failing read still throws readBuiltWith’s failure (the pane then starts fresh)', async () => {
    const fake = werkmap();
    fake.cellEditMode = true;
    await expect(facts(fake)).rejects.toBeInstanceOf(ExcelFailureError);
  });
});
