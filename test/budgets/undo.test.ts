import { defaultEditionId, editionInput } from '../../src/data';
import { scenarioEditions } from '../../src/data/scenario-input';
import type { CbsCode } from '../../src/domain';
import { INPUT_NAMES, buildWorkbookPlan } from '../../src/plan';
import { FakeExcel } from '../support/fake-excel';
import { ok, render } from '../support/render-fake';

/**
 * Undo budget of a refresh on the real plan (#17 item 9): operations after which Excel cannot undo
 * what the user did before (`UNDO_CLEARING_OPERATIONS` in the fake host, from Microsoft's undo page).
 * The report counted 57 per refresh (11 unprotect, 11 protect, a sheet delete, 2 visibility changes,
 * 32 name comments rewritten unchanged).
 */
describe('undo-clearing operations of a refresh (real plan)', () => {
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'spuk-2025',
    gemeente: 'GM0034' as CbsCode,
  });
  const protectedSheets = plan.sheets.filter((s) => s.protect && !s.userOwned).length;

  it('a refresh that changes no input: only lifting and setting the add-in’s sheet protection', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan, { expectExisting: false }));
    const from = fake.syncCount;
    ok(await render(fake, plan));
    expect(protectedSheets).toBe(11);
    expect(fake.undoClearing(from)).toEqual({
      'WorksheetProtection.unprotect': protectedSheets,
      'WorksheetProtection.protect': protectedSheets,
    });
  });

  it('a refresh that keeps a typed weight adds the restore point: one sheet delete and two visibility changes', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan, { expectExisting: false }));
    const weights = plan.names.find((n) => n.name === INPUT_NAMES.weights)?.ref ?? '';
    const [sheet = '', range = ''] = weights.replace(/\$/g, '').split('!');
    fake.protectSheet(sheet, false);
    fake.type(sheet, range.split(':')[0] ?? '', 4242);
    fake.protectSheet(sheet, true);
    const from = fake.syncCount;
    ok(await render(fake, plan));
    const counts = fake.undoClearing(from);
    expect(counts['Worksheet.delete']).toBe(1);
    expect(counts['Worksheet.visibility']).toBe(2);
    expect(counts['NamedItem.comment']).toBeUndefined();
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(2 * protectedSheets + 3);
  });

  it('a refresh that removes a left-over add-in sheet ("Geen vergelijking" after a comparison): one sheet delete more, only then', async () => {
    const { edition, vorige } = scenarioEditions(defaultEditionId());
    const options = { key: 'spuk-2025' as const, gemeente: 'GM0034' as CbsCode };
    const compared = buildWorkbookPlan(edition, { ...options, vorige });
    const none = buildWorkbookPlan(edition, options);
    const fake = new FakeExcel();
    ok(await render(fake, compared, { expectExisting: false }));
    const from = fake.syncCount;
    expect(ok(await render(fake, none)).removedSheets).toEqual(['Wat is er veranderd']);
    expect(fake.undoClearing(from)).toEqual({
      'WorksheetProtection.unprotect': protectedSheets,
      'WorksheetProtection.protect': protectedSheets,
      'Worksheet.delete': 1,
    });
    // Nothing left to remove: back to the protection operations alone.
    const next = fake.syncCount;
    expect(ok(await render(fake, none)).removedSheets).toEqual([]);
    expect(fake.undoClearing(next)).toEqual({
      'WorksheetProtection.unprotect': protectedSheets,
      'WorksheetProtection.protect': protectedSheets,
    });
  });
});
