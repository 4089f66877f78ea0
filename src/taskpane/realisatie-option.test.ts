/**
 * The pane's option "Bladen Realisatie en Verantwoording toevoegen" through `officeServices().render`
 * on the fake host: the first run adds the sheets Realisatie (an empty table), Besteding and
 * Verantwoording for a gemeente (not for the national view); the row the user then types in the table
 * survives the next run (a refresh, 2 syncs).
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { defaultEditionId } from '../data';
import type { CbsCode } from '../domain';
import { SHEETS } from '../plan';
import type { RenderRequest } from './controller';
import { LANDELIJK } from './gemeente-search';
import { officeServices } from './office-services';

const globals = globalThis as { Excel?: unknown; Office?: unknown };
let fake: FakeExcel;

const request = (gemeente: string, builtBefore: boolean, withRealisatie: boolean): RenderRequest => ({
  selection: { gemeente: gemeente as CbsCode, keyId: 'spuk-2025', editionId: defaultEditionId() },
  replaceWeights: false,
  builtBefore,
  replaceNational: false,
  withRealisatie,
  onProgress: () => undefined,
});

beforeEach(() => {
  fake = new FakeExcel();
  globals.Excel = { run: fake.run };
  globals.Office = { context: { requirements: fake.requirements } };
});

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

describe('the pane’s option to add the Realisatie', () => {
  it('adds Realisatie, Besteding and Verantwoording for a gemeente; a refresh keeps the user’s rows', async () => {
    expect((await officeServices().render(request('GM0034', false, true))).ok).toBe(true);
    const names = fake.sheetNames();
    for (const sheet of [SHEETS.realisatie, SHEETS.besteding, SHEETS.verantwoording])
      expect(names).toContain(sheet);
    fake.type(SHEETS.realisatie, 'A7:C7', [['Brede SPUK', '', 'Ontschot']]);
    fake.type(SHEETS.realisatie, 'I7:J7', [[1_000_000, 900_000]]);
    const before = fake.values(SHEETS.realisatie, 'A7:Q7');
    const syncs = fake.syncCount;
    expect((await officeServices().render(request('GM0034', true, true))).ok).toBe(true);
    expect(fake.syncCount - syncs).toBe(2);
    expect(fake.values(SHEETS.realisatie, 'A7:Q7')).toEqual(before);
    expect(before[0]?.slice(0, 3)).toEqual(['Brede SPUK', '', 'Ontschot']);
  });

  it('adds nothing without the option or in the national view', async () => {
    expect((await officeServices().render(request('GM0034', false, false))).ok).toBe(true);
    expect(fake.sheetNames()).not.toContain(SHEETS.realisatie);
    fake = new FakeExcel();
    globals.Excel = { run: fake.run };
    globals.Office = { context: { requirements: fake.requirements } };
    expect((await officeServices().render(request(LANDELIJK, false, true))).ok).toBe(true);
    expect(fake.sheetNames()).not.toContain(SHEETS.realisatie);
    expect(fake.sheetNames()).not.toContain(SHEETS.verantwoording);
  });
});
