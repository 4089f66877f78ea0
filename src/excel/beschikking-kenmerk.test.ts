/**
 * The beschikkingsnummer and -datum per regeling on the Beschikking sheet (issue #19 item 4) through
 * the add-in, with the fake host: filled by the first build from `--beschikking`, then typed by the
 * user (a number as text, a date as Excel's serial, a number typed as a number) and kept by two
 * refreshes whose plan has none (the pane's refresh), in 2 syncs each.
 */
import { editionInput } from '../data';
import type { BeschikkingRegel, CbsCode } from '../domain';
import { euro } from '../domain';
import { FakeExcel } from '../../test/support/fake-excel';
import { ok, render } from '../../test/support/render-fake';
import { buildWorkbookPlan, SHEETS } from '../plan';
import type { WorkbookPlan } from '../plan';
import { excelDate } from '../plan/begroting/beschikking-sheet';

const ALMERE = 'GM0034' as CbsCode;
const planWith = (beschikking: BeschikkingRegel[]): WorkbookPlan =>
  buildWorkbookPlan(editionInput('vws-2026-04'), { key: 'spuk-2025', gemeente: ALMERE, beschikking });
const GEGEVEN: BeschikkingRegel[] = [
  {
    regeling: 'Brede SPUK',
    onderdeel: undefined,
    jaar: 2025,
    bedrag: euro(3_478_172),
    nummer: '1234567-202345-PG',
    datum: '2025-03-15',
  },
];
const DALFSEN = 'GM0148' as CbsCode; // a member of the SPUK IZA region IJssel-Vecht (Zwolle is its mandaatgemeente)
const LEEG: BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_478_172) },
];

/** The A1 range (without sheet) of a defined name. */
const rangeOf = (plan: WorkbookPlan, name: string): string =>
  (plan.names.find((n) => n.name === name)?.ref ?? '').replace(/\$/g, '').split('!')[1] ?? '';

describe('the beschikkingsnummer and -datum on Beschikking', () => {
  it('are filled from the beschikking, typed by the user, and kept by two refreshes', async () => {
    const first = planWith(GEGEVEN);
    const nummer = rangeOf(first, 'Invoer_Beschikking_Nummer');
    const datum = rangeOf(first, 'Invoer_Beschikking_Datum');
    const keys = first.names.find((n) => n.name === 'Invoer_Beschikking_Nummer')?.keyRef ?? '';
    expect(keys).toMatch(/^Beschikking!\$A\$\d+:\$A\$\d+$/);
    const fake = new FakeExcel();
    ok(await render(fake, first, { expectExisting: false }));
    expect(excelDate('2025-03-15')).toBe(45_731);
    expect(fake.values(SHEETS.beschikking, nummer)).toEqual([['1234567-202345-PG'], [''], [''], ['']]);
    expect(fake.values(SHEETS.beschikking, datum)).toEqual([[45_731], [''], [''], ['']]);
    // The user's: another number for the Brede SPUK, a number typed as a number and a date for the IZA.
    const [nTop] = nummer.split(':') as [string];
    const [dTop] = datum.split(':') as [string];
    const below = (a1: string) => a1.replace(/\d+$/, (r) => String(Number(r) + 1));
    fake.type(SHEETS.beschikking, nTop, 'BS-2025-0042');
    fake.type(SHEETS.beschikking, below(nTop), 7_654_321);
    fake.type(SHEETS.beschikking, below(dTop), excelDate('2024-12-09'));
    const before = [fake.values(SHEETS.beschikking, nummer), fake.values(SHEETS.beschikking, datum)];
    expect(before).toEqual([
      [['BS-2025-0042'], [7_654_321], [''], ['']],
      [[45_731], [45_635], [''], ['']],
    ]);
    for (let i = 0; i < 2; i++) {
      const syncs = fake.syncCount;
      const report = ok(await render(fake, planWith(LEEG), { expectExisting: true }));
      expect(fake.syncCount - syncs).toBe(2);
      expect(report.syncs).toBe(2);
      expect([fake.values(SHEETS.beschikking, nummer), fake.values(SHEETS.beschikking, datum)]).toEqual(
        before,
      );
    }
  });

  it("are keyed by the regeling's own key (BS, not BS15), and a werkmap keyed BS15 keeps its nummer and datum", async () => {
    const plan = planWith(LEEG);
    const keyRef = plan.names.find((n) => n.name === 'Invoer_Beschikking_Nummer')?.keyRef ?? '';
    const keys = keyRef.replace(/\$/g, '').split('!')[1] ?? '';
    const fake = new FakeExcel();
    ok(await render(fake, plan, { expectExisting: false }));
    expect(fake.values(SHEETS.beschikking, keys)).toEqual([['BS'], ['IZA'], ['AZWA-L'], ['AZWA-R']]);
    // The old key, as the werkmap of session 10 wrote it (the Brede SPUK's last onderdeel key), with
    // a nummer and a datum typed on its row.
    expect(plan.names.find((n) => n.name === 'Invoer_Beschikking_Datum')?.keyAliases).toEqual({ BS15: 'BS' });
    const [kTop] = keys.split(':') as [string];
    const nummer = rangeOf(plan, 'Invoer_Beschikking_Nummer');
    const datum = rangeOf(plan, 'Invoer_Beschikking_Datum');
    fake.type(SHEETS.beschikking, kTop, 'BS15');
    fake.type(SHEETS.beschikking, nummer.split(':')[0] ?? '', 'BS-2025-0042');
    fake.type(SHEETS.beschikking, datum.split(':')[0] ?? '', excelDate('2025-03-15'));
    const report = ok(await render(fake, planWith(LEEG), { expectExisting: true }));
    expect(fake.values(SHEETS.beschikking, keys)).toEqual([['BS'], ['IZA'], ['AZWA-L'], ['AZWA-R']]);
    expect(fake.values(SHEETS.beschikking, nummer)).toEqual([['BS-2025-0042'], [''], [''], ['']]);
    expect(fake.values(SHEETS.beschikking, datum)).toEqual([[45_731], [''], [''], ['']]);
    for (const name of ['Invoer_Beschikking_Nummer', 'Invoer_Beschikking_Datum'])
      expect(report.preservedInputs.find((p) => p.name === name)?.droppedKeys).toEqual([]);
  });

  it("a member (Dalfsen): the rows of SPUK IZA and SPUK AZWA regionaal hidden (regional money is the mandaatgemeente's)", async () => {
    const plan = buildWorkbookPlan(editionInput('vws-2026-04'), { key: 'spuk-2025', gemeente: DALFSEN });
    const keys = (plan.names.find((n) => n.name === 'Invoer_Beschikking_Nummer')?.keyRef ?? '').replace(
      /\$/g,
      '',
    );
    const top = Number(/\d+/.exec(keys.split('!')[1] ?? '')?.[0]);
    const hidden = (plan.sheets.find((s) => s.name === SHEETS.beschikking)?.rowHeights ?? [])
      .filter((h) => h.height === 0)
      .map((h) => h.row);
    expect([0, 1, 2, 3].map((i) => hidden.includes(top + i))).toEqual([false, true, false, true]);
  });
});
