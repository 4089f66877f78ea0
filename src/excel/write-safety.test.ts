/**
 * Nothing silently wrong, nothing lost (issue 10): a write batch that fails at ANY operation, a sheet
 * protected between the check and the write, a key label that would disagree with the weights, and
 * names that Excel shows in Dutch or in R1C1 style.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import type { WorkbookSnapshot } from '../../test/support/fake-excel';
import { FIRST_ROW, VERSCHIL_SHEET, samplePlan } from '../../test/support/fake-excel/sample-plan';
import { defaultEditionId, editionInput } from '../data';
import type { CbsCode } from '../domain';
import { excelFailureText } from '../messages';
import type { WorkbookPlan } from '../plan';
import { INPUT_NAMES, SHEETS, buildWorkbookPlan } from '../plan';
import { BACKUP_PENDING_NAME, BACKUP_SHEET } from './backup';
import { render, ok } from '../../test/support/render-fake';

const WEIGHT_CELL = `C${FIRST_ROW + 2}`;
const REMARK_CELL = 'B13';

/** A built sample workbook with the user's own inputs: a typed weight, a formula weight and a remark. */
async function edited(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  ok(await render(fake, samplePlan(), { expectExisting: false }));
  fake.type('Invoer', WEIGHT_CELL, 4242);
  fake.type('Invoer', `C${FIRST_ROW + 3}`, `=C${FIRST_ROW + 2}+1`);
  fake.type('Uitkomst', REMARK_CELL, 'mijn opmerking');
  return fake;
}

function userInputs(fake: FakeExcel): unknown[] {
  return [
    fake.values('Invoer', WEIGHT_CELL)[0]?.[0],
    fake.cell('Invoer', `C${FIRST_ROW + 3}`)?.formula,
    fake.values('Uitkomst', REMARK_CELL)[0]?.[0],
  ];
}

const EXPECTED_INPUTS = [4242, `=C${FIRST_ROW + 2}+1`, 'mijn opmerking'];

describe('a write batch that fails part-way loses nothing', () => {
  let reference: WorkbookSnapshot;
  let writeOperations: number;
  let writeNames: readonly string[];

  beforeAll(async () => {
    const fake = await edited();
    const before = fake.syncCount;
    ok(await render(fake, samplePlan()));
    reference = fake.snapshot();
    const write = fake.batches.slice(before).find((b) => b.calcSuspended);
    writeOperations = write?.operations ?? 0;
    writeNames = write?.operationNames ?? [];
    // Invoer is protected by the add-in (plan `protect: true`): lifted first, set again at the end.
    expect(writeNames.filter((n) => n.startsWith('WorksheetProtection.'))).toEqual([
      'WorksheetProtection.unprotect',
      'WorksheetProtection.protect',
    ]);
    expect(reference.sheets.map((s) => s.protected)).toEqual([true, false]);
    expect(writeOperations).toBeGreaterThan(20);
    expect(userInputs(fake)).toEqual(EXPECTED_INPUTS);
    // A successful write leaves no restore point behind.
    expect(fake.sheetNames()).not.toContain(BACKUP_SHEET);
    expect(fake.name(BACKUP_PENDING_NAME)).toBeUndefined();
  });

  it('for EVERY operation k of the write batch: the message says what happened; the retry restores every input', async () => {
    for (let k = 0; k < writeOperations; k++) {
      const fake = await edited();
      fake.failAtOperation(k, 'GeneralException');
      const before = fake.snapshot();
      const failed = await render(fake, samplePlan());
      expect([k, failed.ok]).toEqual([k, false]);
      if (failed.ok) continue;
      if (writeNames[k] === 'WorksheetProtection.unprotect') {
        // Lifting the add-in's protection failed: nothing else ran, the workbook is as it was.
        expect([k, failed.failure]).toEqual([k, { kind: 'ProtectionStuck', sheets: ['Invoer'] }]);
        expect([k, fake.snapshot()]).toEqual([k, before]);
        ok(await render(fake, samplePlan()));
        expect([k, fake.snapshot()]).toEqual([k, reference]);
        continue;
      }
      expect([k, failed.failure]).toEqual([
        k,
        {
          kind: 'WriteInterrupted',
          cause: 'Other',
          code: 'GeneralException',
          sheets: ['Invoer', 'Uitkomst'],
          inputsKept: true,
        },
      ]);
      expect(excelFailureText(failed.failure)).toContain('"Invoer" en "Uitkomst" kunnen daardoor leeg');
      // The advised retry (a plain refresh) brings back every input, never the defaults.
      const retry = ok(await render(fake, samplePlan()));
      expect([k, userInputs(fake)]).toEqual([k, EXPECTED_INPUTS]);
      expect([k, fake.snapshot()]).toEqual([k, reference]);
      expect(retry.syncs).toBeLessThanOrEqual(4);
    }
  });

  it('the restore point never overwrites a cell typed after it (#17 item 7)', async () => {
    const fake = await edited();
    // Fail late in the write: Invoer has been cleared and rewritten with the restore point's inputs.
    fake.failAtOperation(writeOperations - 8);
    expect((await render(fake, samplePlan())).ok).toBe(false);
    // Between the failure and the retry the user types a new weight in another row.
    const other = `C${FIRST_ROW + 4}`;
    fake.protectSheet('Invoer', false).type('Invoer', other, 777).protectSheet('Invoer', true);
    const retry = ok(await render(fake, samplePlan()));
    expect(retry.restoredFromBackup).toBe(true);
    expect(retry.editsAfterRestorePoint).toBe(1);
    expect(fake.values('Invoer', other)).toEqual([[777]]);
    // The restore point's own inputs are back as well.
    expect(userInputs(fake)).toEqual(EXPECTED_INPUTS);
  });

  it('a second failure while restoring, at any of several operations, still loses nothing', async () => {
    // The restoring batch writes no restore point (6 operations fewer than `writeOperations`) and ends
    // with its completion (delete the "under way" name, hide, delete the sheet): a failure after that
    // name is gone leaves nothing to restore, so the last k lies before the completion.
    for (const k of [0, 1, 5, Math.floor(writeOperations / 2), writeOperations - 12]) {
      const fake = await edited();
      fake.failAtOperation(Math.floor(writeOperations / 3));
      expect((await render(fake, samplePlan())).ok).toBe(false);
      fake.failAtOperation(k);
      expect((await render(fake, samplePlan())).ok).toBe(false);
      const restored = ok(await render(fake, samplePlan()));
      expect(restored.restoredFromBackup).toBe(true);
      expect([k, userInputs(fake)]).toEqual([k, EXPECTED_INPUTS]);
      expect([k, fake.snapshot()]).toEqual([k, reference]);
    }
  });

  it('a sheet protected by a co-author between the check and the write: named in Dutch, inputs restored after unprotecting', async () => {
    const fake = await edited();
    const start = fake.syncCount;
    fake.onBeforeSync((n) => {
      if (n === start + 2) fake.protectSheet('Uitkomst');
    });
    const failed = await render(fake, samplePlan());
    fake.onBeforeSync(undefined);
    expect(failed).toEqual({
      ok: false,
      failure: {
        kind: 'WriteInterrupted',
        cause: 'ProtectedSheet',
        code: 'AccessDenied',
        sheets: ['Invoer', 'Uitkomst'],
        inputsKept: true,
      },
    });
    const text = excelFailureText((failed as { failure: Parameters<typeof excelFailureText>[0] }).failure);
    expect(text).toContain('beveiligd');
    expect(text).toContain('teruggezet');
    // The Invoer sheet was already cleared and rewritten with defaults before the failure.
    fake.protectSheet('Uitkomst', false);
    const retry = ok(await render(fake, samplePlan()));
    expect(retry.syncs).toBe(3); // check + restore point + write: only after an interrupted write
    expect(userInputs(fake)).toEqual(EXPECTED_INPUTS);
    expect(fake.snapshot()).toEqual(reference);
  });

  it('a hang in the write sync is reported as an interrupted write (Timeout), inputs kept', async () => {
    const fake = await edited();
    const start = fake.syncCount;
    fake.onBeforeSync((n) => {
      if (n === start + 2) fake.hangNextSync();
    });
    const failed = await render(fake, samplePlan(), { timeoutMs: 50 });
    fake.onBeforeSync(undefined);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.failure).toMatchObject({ kind: 'WriteInterrupted', cause: 'Timeout' });
  });
});

describe('a write that removes a left-over add-in sheet and fails part-way loses nothing (#17)', () => {
  /** Built with the optional sheet Verschil (as "Wat is er veranderd" with a comparison), then edited. */
  async function editedWithVerschil(): Promise<FakeExcel> {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan({ verschil: true }), { expectExisting: false }));
    fake.protectSheet('Invoer', false);
    fake.type('Invoer', WEIGHT_CELL, 4242);
    fake.type('Invoer', `C${FIRST_ROW + 3}`, `=C${FIRST_ROW + 2}+1`);
    fake.protectSheet('Invoer', true);
    fake.type('Uitkomst', REMARK_CELL, 'mijn opmerking');
    return fake;
  }

  it('for EVERY operation k of the write batch: the retry removes the sheet and gives the uninterrupted workbook', async () => {
    const fake = await editedWithVerschil();
    const before = fake.syncCount;
    const uninterrupted = ok(await render(fake, samplePlan()));
    expect(uninterrupted.removedSheets).toEqual([VERSCHIL_SHEET]);
    const reference = fake.snapshot();
    const write = fake.batches.slice(before).find((b) => b.calcSuspended);
    const names = write?.operationNames ?? [];
    // The sheet and its mark go after everything the plan writes, before the restore point's completion.
    const removal = names.indexOf('Worksheet.delete');
    expect(names[removal + 1]).toBe('NamedItem.delete');
    expect(removal).toBeGreaterThan(names.lastIndexOf('WorksheetProtection.protect'));
    for (let k = 0; k < names.length; k++) {
      const fake = await editedWithVerschil();
      fake.failAtOperation(k, 'GeneralException');
      const failed = await render(fake, samplePlan());
      expect([k, failed.ok]).toEqual([k, false]);
      if (!failed.ok && names[k] !== 'WorksheetProtection.unprotect')
        expect([k, failed.failure.kind]).toEqual([k, 'WriteInterrupted']);
      const retry = ok(await render(fake, samplePlan()));
      expect([k, userInputs(fake)]).toEqual([k, EXPECTED_INPUTS]);
      expect([k, fake.sheetNames()]).toEqual([k, ['Invoer', 'Uitkomst']]);
      expect([k, fake.snapshot()]).toEqual([k, reference]);
      expect(retry.syncs).toBeLessThanOrEqual(4);
    }
  });
});

describe('names in the user’s language and reference style (office-js #2834)', () => {
  it.each([
    ['nl-NL', 'A1'],
    ['nl-NL', 'R1C1'],
    ['en-US', 'R1C1'],
  ] as const)(
    '%s, %s: refresh keeps inputs; a deleted sheet (#VERW!) is rebuilt, not "naam bezet"',
    async (locale, style) => {
      const fake = await edited();
      fake.displayNames(locale, style);
      ok(await render(fake, samplePlan()));
      expect(userInputs(fake)).toEqual(EXPECTED_INPUTS);
      fake.deleteSheet('Uitkomst');
      const rebuilt = ok(await render(fake, samplePlan()));
      expect(rebuilt.addedSheets).toEqual(['Uitkomst']);
      expect(fake.values('Invoer', WEIGHT_CELL)).toEqual([[4242]]);
    },
  );

  it('the fake shows the formula as Dutch Excel desktop does', async () => {
    const fake = new FakeExcel();
    ok(await render(fake, samplePlan(), { expectExisting: false }));
    fake.deleteSheet('Uitkomst');
    fake.displayNames('nl-NL', 'R1C1');
    let formula: unknown;
    await fake.run(async (context) => {
      const item = context.workbook.names.getItem('Invoer_Opmerking');
      item.load('formula,type');
      await context.sync();
      formula = [item.formula, item.type];
    });
    expect(formula).toEqual(['=#VERW!R12K2:R14K2', 'Error']);
  });
});

describe('deleted marks and names do not lead to a dead end', () => {
  it('a deleted ownership mark: the sheet is recognised by the plan’s other names, the mark restored', async () => {
    const fake = await edited();
    fake.deleteName('SPUK_Blad_Invoer');
    const report = ok(await render(fake, samplePlan()));
    expect(report.restoredMarks).toEqual(['Invoer']);
    expect(fake.name('SPUK_Blad_Invoer')).toBeDefined();
    expect(userInputs(fake)).toEqual(EXPECTED_INPUTS);
  });

  it('a deleted input name: the weights are read at the plan’s address, not reset to the defaults', async () => {
    const fake = await edited();
    fake.deleteName('Invoer_Gewichten');
    const report = ok(await render(fake, samplePlan()));
    expect(report.preservedInputs.map((p) => p.name)).toContain('Invoer_Gewichten');
    expect(userInputs(fake)).toEqual(EXPECTED_INPUTS);
  });
});

describe('the key label and the weights never disagree (real plan)', () => {
  const planFor = (key: 'spuk-2025' | 'inwoners'): WorkbookPlan =>
    buildWorkbookPlan(editionInput(defaultEditionId()), { key, gemeente: 'GM0034' as CbsCode });
  const weightsRef = (plan: WorkbookPlan) => {
    const ref = plan.names.find((n) => n.name === INPUT_NAMES.weights)?.ref ?? '';
    const [sheet = '', address = ''] = ref.split('!');
    return { sheet, first: address.replace(/\$/g, '').split(':')[0] ?? '' };
  };

  it('keeping the weights of another key is refused (KeyMismatch), nothing written; replacing them is consistent', async () => {
    const fake = new FakeExcel();
    const old = planFor('spuk-2025');
    ok(await render(fake, old, { expectExisting: false }));
    const { sheet, first } = weightsRef(old);
    fake.type(sheet, first, 4242);
    const before = fake.snapshot();
    // The pane could not read the workbook at start, so it did not ask: the renderer refuses.
    const refused = await render(fake, planFor('inwoners'));
    expect(refused).toEqual({
      ok: false,
      failure: { kind: 'KeyMismatch', workbookKey: 'spuk-2025', chosenKey: 'inwoners' },
    });
    expect(fake.snapshot()).toEqual(before);
    expect(
      excelFailureText((refused as { failure: Parameters<typeof excelFailureText>[0] }).failure),
    ).toContain('spuk-2025');
    ok(await render(fake, planFor('inwoners'), { replaceInputs: [INPUT_NAMES.weights] }));
    expect(fake.values(SHEETS.verdeelsleutel, 'B5')).toEqual([['inwoners']]);
    expect(fake.values(sheet, first)[0]?.[0]).not.toBe(4242);
    // The same key keeps the weights.
    fake.type(sheet, first, 4242);
    ok(await render(fake, planFor('inwoners')));
    expect(fake.values(sheet, first)).toEqual([[4242]]);
  });

  it('after a write that failed part-way the key is checked against the restore point', async () => {
    const fake = new FakeExcel();
    const old = planFor('spuk-2025');
    ok(await render(fake, old, { expectExisting: false }));
    const { sheet, first } = weightsRef(old);
    fake.type(sheet, first, 4242);
    fake.failAtOperation(400);
    expect((await render(fake, old)).ok).toBe(false);
    expect(await render(fake, planFor('inwoners'))).toMatchObject({
      ok: false,
      failure: { kind: 'KeyMismatch', workbookKey: 'spuk-2025' },
    });
    const restored = ok(await render(fake, old));
    expect(restored.restoredFromBackup).toBe(true);
    expect(fake.values(sheet, first)).toEqual([[4242]]);
  });
});

/**
 * Which operations k of a write batch the real-plan sweep fails at. Every k of the real plan (~1,500
 * operations, ~2.7 s per k for a failed write, its retry and the comparison) would take over an hour,
 * so: the first and last `edge` operations (the restore point and its completion), every `stride`-th,
 * and, with `boundaries`, the first place of every change of operation kind (each distinct "a → b"
 * boundary once). The sample plan above is still swept at every k.
 *
 * `SPUK_SWEEP` chooses the real-plan set: unset: edges 5, every 150th (20 k, 47 s); `sampled`: edges
 * 10, every 25th and every kind boundary (158 k, 431 s measured); `all`: every k.
 */
export function sweepPoints(
  kinds: readonly string[],
  edge: number,
  stride: number,
  boundaries: boolean,
): number[] {
  const n = kinds.length;
  const points = new Set<number>();
  for (let k = 0; k < Math.min(edge, n); k++) points.add(k);
  for (let k = Math.max(0, n - edge); k < n; k++) points.add(k);
  for (let k = 0; k < n; k += stride) points.add(k);
  const seen = new Set<string>();
  for (let k = 1; boundaries && k < n; k++) {
    const boundary = `${kinds[k - 1] ?? ''} → ${kinds[k] ?? ''}`;
    if (kinds[k] !== kinds[k - 1] && !seen.has(boundary)) {
      seen.add(boundary);
      points.add(k);
    }
  }
  return [...points].sort((a, b) => a - b);
}

describe('a write batch of the REAL plan that fails part-way loses nothing (sampled sweep)', () => {
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'spuk-2025',
    gemeente: 'GM0034' as CbsCode,
  });
  const at = (name: string, row = 0, col = 0): { sheet: string; cell: string } => {
    const ref = plan.names.find((n) => n.name === name)?.ref ?? '';
    const [sheet = '', address = ''] = ref.replace(/\$/g, '').split('!');
    const first = address.split(':')[0] ?? '';
    const letters = first.replace(/\d+/g, '');
    const column = [...letters].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) + col;
    let text = '';
    for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
      text = String.fromCharCode(65 + ((c - 1) % 26)) + text;
    return { sheet, cell: `${text}${Number(first.replace(/[A-Z]+/g, '')) + row}` };
  };
  const typed = [
    { ...at(INPUT_NAMES.weights, 3), input: 4242 as string | number },
    { ...at(INPUT_NAMES.weights, 4), input: `=${at(INPUT_NAMES.weights, 3).cell}+1` },
    { ...at(INPUT_NAMES.national, 2, 1), input: 12345 },
    { ...at(INPUT_NAMES.bbv, 1), input: 777 },
  ];
  const inputsOf = (fake: FakeExcel): unknown[] =>
    typed.map((t) => {
      const cell = fake.cell(t.sheet, t.cell);
      return cell?.formula ?? cell?.value;
    });
  const expected = typed.map((t) => t.input);
  const fingerprint = (fake: FakeExcel): string => JSON.stringify(fake.snapshot());

  it('at the first and last operations and every 150th (SPUK_SWEEP=sampled: every 25th and every change of kind): the retry equals an uninterrupted refresh, no input lost', async () => {
    const started = Date.now();
    const fake = new FakeExcel();
    ok(await render(fake, plan, { expectExisting: false }));
    for (const t of typed) fake.type(t.sheet, t.cell, t.input);
    // The uninterrupted refresh; a refresh of its result gives the same workbook again, so every k
    // starts from it and must end at it.
    const before = fake.syncCount;
    ok(await render(fake, plan));
    const write = fake.batches.slice(before).find((b) => b.calcSuspended);
    const kinds = write?.operationNames ?? [];
    expect(kinds.length).toBeGreaterThan(700);
    expect(inputsOf(fake)).toEqual(expected);
    const reference = fingerprint(fake);
    const sweep = process.env.SPUK_SWEEP;
    const points =
      sweep === 'all'
        ? kinds.map((_, k) => k)
        : sweep === 'sampled'
          ? sweepPoints(kinds, 10, 25, true)
          : sweepPoints(kinds, 5, 150, false);
    for (const k of points) {
      fake.failAtOperation(k, 'GeneralException');
      const failed = await render(fake, plan);
      expect([k, failed.ok]).toEqual([k, false]);
      if (kinds[k] === 'WorksheetProtection.unprotect') {
        // Lifting the add-in's own protection failed: stopped with the workbook as it was.
        if (!failed.ok) expect([k, failed.failure.kind]).toEqual([k, 'ProtectionStuck']);
        expect([k, fingerprint(fake) === reference]).toEqual([k, true]);
        continue;
      }
      if (!failed.ok) expect([k, failed.failure.kind]).toEqual([k, 'WriteInterrupted']);
      const retry = ok(await render(fake, plan));
      // 2 (nothing of the restore point yet) or 3 (check + restore point + write).
      expect([k, retry.syncs <= 3]).toEqual([k, true]);
      expect([k, inputsOf(fake)]).toEqual([k, expected]);
      expect([k, fingerprint(fake) === reference]).toEqual([k, true]);
    }
    console.log(
      `real-plan sweep: ${points.length} of ${kinds.length} operations in ${Date.now() - started} ms`,
    );
  }, 600_000);
});
