/**
 * Sheet protection: plan sheets with `protect: true` are protected without a password at the end of
 * the write; a refresh recognises that protection as the add-in's (the sheet carries its ownership
 * mark and the plan protects it) and lifts it first; a protection it cannot lift stops the render with
 * the workbook as it was. Sync budgets are unchanged.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { FIRST_ROW, SAMPLE_STYLES, samplePlan } from '../../test/support/fake-excel/sample-plan';
import { ok, render } from '../../test/support/render-fake';
import { excelFailureText } from '../messages';
import type { WorkbookPlan } from '../plan';
import { PROTECTION_OPTIONS } from './write';

const WEIGHT = `C${FIRST_ROW + 2}`;

/** The sample plan with an unlocked input style (as the real plan's styles) and, optionally, Uitkomst protected too. */
function plan(bothProtected = false): WorkbookPlan {
  const base = samplePlan();
  return {
    ...base,
    styles: { ...SAMPLE_STYLES, inputEuro: { ...SAMPLE_STYLES.inputEuro, locked: false } },
    sheets: base.sheets.map((s) => (s.name === 'Uitkomst' ? { ...s, protect: bothProtected } : s)),
  };
}

function protection(fake: FakeExcel): Record<string, unknown> {
  return Object.fromEntries(
    fake.model.sheets.map((s) => [s.name, s.protected ? (s.protectionOptions ?? 'no options') : false]),
  );
}

describe('protection without a password', () => {
  it('a first build protects the plan’s protected sheets (2 syncs), without a password; inputs unlocked', async () => {
    const fake = new FakeExcel();
    expect(ok(await render(fake, plan(), { expectExisting: false })).syncs).toBe(2);
    expect(protection(fake)).toEqual({ Invoer: { ...PROTECTION_OPTIONS }, Uitkomst: false });
    expect(fake.model.findSheet('Invoer')?.protectionPassword).toBeUndefined();
    // Sorting stays off (issue #17 item 4): Excel cannot sort a range with locked cells anyway (office-js
    // #2135), but with allowSort a user could sort the unlocked weights Verdeelsleutel!H11:H352 alone,
    // moving each gemeente's weight to another gemeente without a signal.
    expect(fake.model.findSheet('Invoer')?.protectionOptions).toMatchObject({
      allowSort: false,
      allowAutoFilter: true,
    });
    expect(fake.cell('Invoer', WEIGHT)?.style?.locked).toBe(false);
    // A formula cell keeps Excel's default (locked).
    expect(fake.cell('Invoer', `D${FIRST_ROW}`)?.style?.locked).toBeUndefined();
  });

  it('a refresh lifts the add-in’s own protection first, writes, and protects again (2 syncs); inputs kept', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(true), { expectExisting: false }));
    fake.type('Invoer', WEIGHT, 4242); // an unlocked input cell: typing is allowed on the protected sheet
    const before = fake.syncCount;
    const report = ok(await render(fake, plan(true)));
    expect(report.syncs).toBe(2);
    // Besides the re-read of the inputs (loads: a co-author's change, office-js #108), the unprotects
    // come first (after suspending calculation), before anything is cleared.
    const names = (fake.batches[before + 1]?.operationNames ?? []).filter((n) => !n.endsWith('.load'));
    expect(names.slice(0, 3)).toEqual([
      'Application.suspendApiCalculationUntilNextSync',
      'WorksheetProtection.unprotect',
      'WorksheetProtection.unprotect',
    ]);
    expect(names.filter((n) => n === 'WorksheetProtection.protect')).toHaveLength(2);
    expect(protection(fake)).toEqual({
      Invoer: { ...PROTECTION_OPTIONS },
      Uitkomst: { ...PROTECTION_OPTIONS },
    });
    expect(fake.values('Invoer', WEIGHT)).toEqual([[4242]]);
    // Without speculation too: 3 syncs, as before.
    expect(ok(await render(fake, plan(true), { expectExisting: false })).syncs).toBe(3);
  });

  it('a sheet the user protected with a password: stopped before any write, nothing changed, Dutch message with the sheet and the fix', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(true), { expectExisting: false }));
    fake.type('Invoer', WEIGHT, 4242);
    // Invoer keeps the add-in's protection; Uitkomst is protected again, now with a password.
    fake.protectSheet('Uitkomst', false).protectSheet('Uitkomst', true, 'geheim');
    const before = fake.snapshot();
    const failed = await render(fake, plan(true));
    expect(failed).toEqual({ ok: false, failure: { kind: 'ProtectionStuck', sheets: ['Uitkomst'] } });
    // Invoer's protection (lifted by the failed batch) is back; nothing else was touched.
    expect(fake.snapshot()).toEqual(before);
    expect(protection(fake).Invoer).toEqual({ ...PROTECTION_OPTIONS });
    expect(fake.model.findSheet('Uitkomst')?.protectionPassword).toBe('geheim');
    if (!failed.ok) {
      const text = excelFailureText(failed.failure);
      expect(text).toContain('"Uitkomst"');
      expect(text).toContain('Beveiliging blad opheffen');
    }
    // After the user lifts it, the refresh works and protects again without a password.
    fake.protectSheet('Uitkomst', false);
    ok(await render(fake, plan(true)));
    expect(fake.values('Invoer', WEIGHT)).toEqual([[4242]]);
    expect(fake.model.findSheet('Uitkomst')?.protectionPassword).toBeUndefined();
    expect(protection(fake).Uitkomst).toEqual({ ...PROTECTION_OPTIONS });
  });

  it('the first protected sheet has a password: nothing to put back, nothing changed', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(), { expectExisting: false }));
    fake.protectSheet('Invoer', false).protectSheet('Invoer', true, 'geheim');
    const before = fake.snapshot();
    expect(await render(fake, plan())).toEqual({
      ok: false,
      failure: { kind: 'ProtectionStuck', sheets: ['Invoer'] },
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('office-js #6784 (unprotect AccessDenied without a password): every stuck sheet in one message, nothing changed', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(true), { expectExisting: false }));
    fake.type('Invoer', WEIGHT, 4242);
    fake.refuseUnprotect('Invoer').refuseUnprotect('Uitkomst');
    const before = fake.snapshot();
    const failed = await render(fake, plan(true));
    expect(failed).toEqual({
      ok: false,
      failure: { kind: 'ProtectionStuck', sheets: ['Invoer', 'Uitkomst'] },
    });
    expect(fake.snapshot()).toEqual(before);
    if (!failed.ok) {
      const text = excelFailureText(failed.failure);
      expect(text).toContain('"Invoer" en "Uitkomst"');
      expect(text).toContain('Bladen niet beveiligen');
    }
    // Only Uitkomst stuck (Invoer's protection lifts): Invoer is tried, put back, and not named.
    fake.refuseUnprotect('Invoer', false);
    const second = await render(fake, plan(true));
    expect(second).toEqual({ ok: false, failure: { kind: 'ProtectionStuck', sheets: ['Uitkomst'] } });
    expect(fake.snapshot()).toEqual(before);
  });

  it('protectSheets false: after the user lifted a stuck protection, the refresh leaves the sheets unprotected', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(true), { expectExisting: false }));
    fake.type('Invoer', WEIGHT, 4242);
    fake.refuseUnprotect('Invoer').refuseUnprotect('Uitkomst');
    // The user lifts the protection by hand (Controleren > Beveiliging blad opheffen) and ticks the option.
    fake.protectSheet('Invoer', false).protectSheet('Uitkomst', false);
    ok(await render(fake, plan(true), { protectSheets: false }));
    expect(protection(fake)).toEqual({ Invoer: false, Uitkomst: false });
    expect(fake.values('Invoer', WEIGHT)).toEqual([[4242]]);
    // The next refresh neither lifts nor sets protection: nothing that clears the undo stack.
    const from = fake.syncCount;
    const report = ok(await render(fake, plan(true), { protectSheets: false }));
    expect(report.syncs).toBe(2);
    expect(fake.undoClearing(from)).toEqual({
      'Worksheet.visibility': 2,
      'Worksheet.delete': 1,
    });
  });

  it('a protection the plan does not set (someone else’s) is still refused before anything is written', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, plan(), { expectExisting: false }));
    fake.protectSheet('Uitkomst');
    const before = fake.snapshot();
    expect(await render(fake, plan())).toEqual({
      ok: false,
      failure: { kind: 'ProtectedSheet', sheet: 'Uitkomst' },
    });
    expect(fake.snapshot()).toEqual(before);
    // A protected same-named sheet without the mark is the user's: SheetNameTaken, as before.
    const mine = new FakeExcel().addSheet('Invoer').protectSheet('Invoer');
    expect(await render(mine, plan(), { expectExisting: false })).toMatchObject({
      ok: false,
      failure: { kind: 'SheetNameTaken', sheet: 'Invoer' },
    });
  });
});
