/**
 * The real Begroting (the user's table) through the add-in: rows the user adds at the end, inserts,
 * deletes and sorts survive a refresh and a rebuild for another beschikking; the beschikking the
 * user typed in the Beschikking grid and the carry-over on the Begrotingstoets are kept; 2 syncs.
 */
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { euro } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import { ok, render } from '../../test/support/render-fake';
import { buildWorkbookPlan, SHEETS } from '../plan';

const ALMERE = 'GM0034' as CbsCode;
const planWith = (bedrag: number) =>
  buildWorkbookPlan(editionInput('vws-2026-04'), {
    key: 'spuk-2025',
    gemeente: ALMERE,
    beschikking: [{ regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(bedrag) }],
  });

describe('the real Begroting survives refreshes', () => {
  it('rows added, inserted, deleted and sorted by the user are all still there after two refreshes', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, planWith(3_478_172), { expectExisting: false }));
    const table = () => fake.snapshot().sheets.find((s) => s.name === SHEETS.begroting)?.tables[0];
    expect(table()?.name).toBe('Begroting');
    const starterRows = fake.values(SHEETS.begroting, 'A7:C25');
    expect(starterRows[0]).toEqual(['Brede SPUK', 1, 'Sportakkoord']);
    // The user's work: two rows typed below the table, one inserted, one starter row deleted, sorted.
    fake.appendTableRows('Begroting', [
      [
        'SPUK AZWA lokaal',
        '',
        'Preventieakkoord wijkteams',
        '7.1',
        'GGD Flevoland',
        'structureel',
        '',
        '',
        '',
        '',
        250000,
        260000,
        270000,
        '',
        'wethouder akkoord',
      ],
      [
        'Brede SPUK',
        2,
        'Buurtsportcoaches extra',
        '5.1',
        'Sportbedrijf',
        'incidenteel',
        '',
        '',
        120000,
        110000,
        '',
        '',
        '',
        'cofinanciering',
        '',
      ],
    ]);
    fake.insertRows(SHEETS.begroting, 9);
    fake.type(SHEETS.begroting, 'A9:F9', [
      ['Brede SPUK', 4, 'Kansrijke Start coördinator', '7.1', 'GGD', 'structureel'],
    ]);
    fake.type(SHEETS.begroting, 'I9:J9', [[60000, 60000]]);
    fake.deleteRows(SHEETS.begroting, 12);
    fake.sortRows(SHEETS.begroting, 'A7:O26', 2, false);
    // Inputs elsewhere: the beschikking's 2026 total and a carry-over of 2025.
    fake.type(SHEETS.beschikking, 'H7', 2_950_000);
    const before = fake.values(SHEETS.begroting, 'A7:O26');
    expect(before.flat()).toContain('Preventieakkoord wijkteams');
    expect(before.flat()).toContain('Kansrijke Start coördinator');

    for (const bedrag of [3_480_000, 3_490_000]) {
      const syncsBefore = fake.syncCount;
      const report = ok(await render(fake, planWith(bedrag), { expectExisting: true }));
      expect(fake.syncCount - syncsBefore).toBe(2);
      expect(report.syncs).toBe(2);
      expect(fake.values(SHEETS.begroting, 'A7:O26')).toEqual(before);
      expect(table()?.name).toBe('Begroting');
    }
    // The add-in's own range on the sheet was rewritten; the user's beschikking cell was kept.
    expect(fake.values(SHEETS.begroting, 'A1')).toEqual([['Begroting: de activiteiten van de gemeente']]);
    expect(fake.values(SHEETS.beschikking, 'H7')).toEqual([[2_950_000]]);
  });
});
