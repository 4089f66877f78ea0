/** The ownership decision, cell input escaping and reference parsing: pure functions. */
import { samplePlan } from '../../test/support/fake-excel/sample-plan';
import { cellInput, needsTextPrefix } from './cell-input';
import { mergeInput, userCell } from './inputs';
import type { WorkbookFacts } from './ownership';
import { assessWorkbook, namesToWrite, ownershipNameOf } from './ownership';
import { parseSheetRange, quoteSheet, sheetFormula } from './refs';

const plan = samplePlan();
const empty: WorkbookFacts = { sheets: [], names: [], tables: [], workbookProtected: false };

/** A name as the renderer knows it: `type`, and its range's A1 address (from the English formula here). */
function nameFact(n: { name: string; formula: string }): WorkbookFacts['names'][number] {
  const target = parseSheetRange(n.formula);
  const type = target ? 'Range' : n.formula.toUpperCase().includes('#REF!') ? 'Error' : 'String';
  return { name: n.name, type, target };
}

type TestFacts = Omit<Partial<WorkbookFacts>, 'names'> & {
  names?: readonly { name: string; formula: string }[];
};

function facts(partial: TestFacts): WorkbookFacts {
  return { ...empty, ...partial, names: (partial.names ?? []).map(nameFact) };
}

const marks = [
  { name: 'SPUK_Blad_Invoer', formula: '=Invoer!$A$1:$D$16' },
  { name: 'SPUK_Blad_Uitkomst', formula: '=Uitkomst!$A$1:$C$14' },
];
const ourSheets = [
  { name: 'Invoer', protected: false },
  { name: 'Uitkomst', protected: false },
];

describe('assessWorkbook', () => {
  it('adds every sheet to an empty workbook, reads nothing', () => {
    const result = assessWorkbook(plan, empty);
    if (!result.ok) throw new Error('expected ok');
    expect(result.assessment.sheets).toEqual([
      { name: 'Invoer', action: 'add' },
      { name: 'Uitkomst', action: 'add' },
    ]);
    expect(result.assessment.inputsToRead).toEqual([]);
    expect(result.assessment.names.map((n) => n.name)).toEqual([
      'SPUK_Blad_Invoer',
      'SPUK_Blad_Uitkomst',
      'Invoer_Gewichten',
      'Invoer_Opmerking',
      'Totaal_Gewicht',
    ]);
  });

  it('replaces marked sheets (case-insensitive) and reads their inputs with key columns', () => {
    const result = assessWorkbook(
      plan,
      facts({
        sheets: [
          { name: 'INVOER', protected: false },
          { name: 'Uitkomst', protected: false },
        ],
        names: [
          { name: 'spuk_blad_invoer', formula: '=INVOER!$A$1:$D$16' },
          marks[1] ?? { name: '', formula: '' },
          { name: 'Invoer_Gewichten', formula: '=INVOER!$C$11:$C$15' },
          { name: 'Invoer_Opmerking', formula: '=Uitkomst!$B$12:$B$14' },
        ],
        tables: [{ name: 'T_Gewichten', sheet: 'INVOER' }],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const a = result.assessment;
    expect(a.sheets).toEqual([
      { name: 'INVOER', action: 'replace' },
      { name: 'Uitkomst', action: 'replace' },
    ]);
    expect(a.tablesToDelete).toEqual([{ name: 'T_Gewichten', sheet: 'INVOER' }]);
    expect([...a.existingNames].sort()).toEqual([
      'INVOER_GEWICHTEN',
      'INVOER_OPMERKING',
      'SPUK_BLAD_INVOER',
      'SPUK_BLAD_UITKOMST',
    ]);
    expect(
      a.inputsToRead.map((r) => [r.spec.name, r.from.sheet, r.from.address, r.keysFrom?.address]),
    ).toEqual([
      ['Invoer_Gewichten', 'INVOER', 'C11:C15', 'A11:A15'],
      ['Invoer_Opmerking', 'Uitkomst', 'B12:B14', undefined],
    ]);
  });

  it('refuses unmarked same-named sheets, listing all of them', () => {
    expect(assessWorkbook(plan, facts({ sheets: ourSheets }))).toEqual({
      ok: false,
      failure: { kind: 'SheetNameTaken', sheet: 'Invoer', sheets: ['Invoer', 'Uitkomst'] },
    });
  });

  it('treats broken (#REF!) plan names as its own, user names elsewhere as taken', () => {
    const broken = assessWorkbook(
      plan,
      facts({ names: [{ name: 'Totaal_Gewicht', formula: '=#REF!$C$16' }] }),
    );
    expect(broken.ok).toBe(true);
    expect(
      assessWorkbook(
        plan,
        facts({
          sheets: [{ name: 'Eigen', protected: false }],
          names: [{ name: 'Totaal_Gewicht', formula: '=Eigen!$A$1' }],
        }),
      ),
    ).toEqual({
      ok: false,
      failure: { kind: 'NameTaken', name: 'Totaal_Gewicht' },
    });
    expect(assessWorkbook(plan, facts({ names: [{ name: 'T_Gewichten', formula: '=5' }] }))).toEqual({
      ok: false,
      failure: { kind: 'NameTaken', name: 'T_Gewichten' },
    });
  });

  it('checks protection only for sheets it will write, and the workbook only when adding', () => {
    const protectedOther = assessWorkbook(
      plan,
      facts({ sheets: [...ourSheets, { name: 'Eigen', protected: true }], names: marks }),
    );
    expect(protectedOther.ok).toBe(true);
    // Invoer is protected by the plan (`protect: true`): the add-in's own protection, lifted by the write.
    const own = assessWorkbook(
      plan,
      facts({
        sheets: [{ name: 'Invoer', protected: true }, ourSheets[1] ?? { name: '', protected: false }],
        names: marks,
      }),
    );
    expect(own.ok && own.assessment.unprotect).toEqual(['Invoer']);
    // Uitkomst is not (`protect: false`): someone else protected it; refused.
    expect(
      assessWorkbook(
        plan,
        facts({
          sheets: [ourSheets[0] ?? { name: '', protected: false }, { name: 'Uitkomst', protected: true }],
          names: marks,
        }),
      ),
    ).toEqual({
      ok: false,
      failure: { kind: 'ProtectedSheet', sheet: 'Uitkomst' },
    });
    expect(assessWorkbook(plan, facts({ sheets: ourSheets, names: marks, workbookProtected: true })).ok).toBe(
      true,
    );
    expect(assessWorkbook(plan, facts({ workbookProtected: true }))).toEqual({
      ok: false,
      failure: { kind: 'ProtectedWorkbook' },
    });
  });

  it('does not read inputs listed in replaceInputs; an input whose name is gone is read at the plan’s address', () => {
    const result = assessWorkbook(
      plan,
      facts({
        sheets: ourSheets,
        names: [...marks, { name: 'Invoer_Gewichten', formula: '=Invoer!$C$11:$C$15' }],
      }),
      ['INVOER_GEWICHTEN'],
    );
    if (!result.ok) throw new Error('expected ok');
    expect(result.assessment.inputsToRead.map((r) => [r.spec.name, r.from.address, r.byPlanAddress])).toEqual(
      [['Invoer_Opmerking', 'B12:B14', true]],
    );
  });

  it('names in the user’s language or R1C1 style do not matter: only type and range address count', () => {
    // "=#VERW!$B$12" (Dutch #REF!) has type Error: the name is broken, so it is ours to rewrite.
    const result = assessWorkbook(
      plan,
      facts({
        sheets: ourSheets,
        names: [...marks, { name: 'Invoer_Opmerking', formula: '=#REF!$B$12:$B$14' }],
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('a sheet whose mark was deleted is recognised by the plan’s other names on it (mark restored)', () => {
    const result = assessWorkbook(
      plan,
      facts({
        sheets: ourSheets,
        names: [
          marks[1] ?? { name: '', formula: '' },
          { name: 'Invoer_Gewichten', formula: '=Invoer!$C$11:$C$15' },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.assessment.restoredMarks).toEqual(['Invoer']);
    expect(result.assessment.sheets).toContainEqual({ name: 'Invoer', action: 'replace' });
    // Without any such evidence it stays the user's.
    const bare = assessWorkbook(
      plan,
      facts({ sheets: ourSheets, names: [marks[1] ?? { name: '', formula: '' }] }),
    );
    expect(bare).toEqual({
      ok: false,
      failure: { kind: 'SheetNameTaken', sheet: 'Invoer', sheets: ['Invoer'] },
    });
  });

  it('synthesises an ownership mark when the plan has none', () => {
    expect(ownershipNameOf('Mijn blad')).toBe('SPUK_Blad_Mijn_blad');
    const names = namesToWrite({
      ...plan,
      sheets: [{ ...(plan.sheets[0] ?? ({} as never)), name: 'Mijn blad' }],
    });
    expect(names[0]).toMatchObject({
      name: 'SPUK_Blad_Mijn_blad',
      ref: "'Mijn blad'!$A$1:$D$16",
      input: false,
    });
  });
});

describe('mergeInput', () => {
  const read = (keys: unknown, formulas: unknown, values: unknown) =>
    mergeInput(plan, {
      read: {
        spec: plan.names[0] ?? ({} as never),
        from: { sheet: 'Invoer', address: 'C11:C15', rect: { top: 11, left: 3, bottom: 15, right: 3 } },
        keysFrom: { sheet: 'Invoer', address: 'A11:A15', rect: { top: 11, left: 1, bottom: 15, right: 1 } },
        byPlanAddress: false,
      },
      keys,
      formulasR1C1: formulas,
      values,
    });

  it('maps by key, keeps formulas as R1C1 and text as text', () => {
    const { write, report } = read(
      [['GM0005'], ['GM0004'], ['gm0003 '], ['GM0002'], ['GM0099']],
      [[1], ['=R[1]C*2'], ['0034'], [20], [7]],
      [[1], [40], ['0034'], [20], [7]],
    );
    expect(write?.grid).toEqual([[10], [20], ["'0034"], ['=R[1]C*2'], [1]]);
    expect(report).toEqual({
      name: 'Invoer_Gewichten',
      restoredRows: 4,
      changedCells: 3,
      droppedKeys: ['GM0099'],
    });
  });

  it('writes nothing when the user changed nothing; tolerates malformed reads', () => {
    expect(read([['GM0001']], [[10]], [[10]]).write).toBeUndefined();
    expect(read('garbage', 'garbage', undefined).report.restoredRows).toBe(0);
  });

  it('reads cells back as what must be typed to reproduce them', () => {
    expect(userCell('=A1+1', 2)).toBe('=A1+1');
    expect(userCell('=tekst', '=tekst')).toBe("'=tekst");
    expect(userCell(5, 5)).toBe(5);
    expect(userCell('', '')).toBe('');
    expect(userCell(undefined, { x: 1 })).toBe('');
  });
});

describe('cell input and references', () => {
  it.each([
    '=x',
    '+31',
    '-',
    "'a",
    '@x',
    '0034',
    '12,5',
    '1.234,56',
    '€ 5',
    '50%',
    '2025-01-31',
    '12:30',
    'TRUE',
    'onwaar',
    '#N/A',
  ])('"%s" gets a text prefix', (text) => expect(needsTextPrefix(text)).toBe(true));
  it.each(['', 'GM0034', 'Amsterdam', 'Regio 12', 'A-B', 'x = y'])('"%s" is written as is', (text) =>
    expect(needsTextPrefix(text)).toBe(false),
  );
  it('writes plan values as Excel inputs', () => {
    expect([null, 'a', 1.5, true, Number.NaN].map(cellInput)).toEqual(['', 'a', 1.5, true, '']);
  });
  it('parses and quotes sheet references', () => {
    expect(parseSheetRange("='Mijn ''blad'''!$A$1:$B$2")).toEqual({
      sheet: "Mijn 'blad'",
      address: 'A1:B2',
      rect: { top: 1, left: 1, bottom: 2, right: 2 },
    });
    expect(parseSheetRange('=#REF!$A$1')).toBeUndefined();
    expect(parseSheetRange('=SUM(A1:B2)')).toBeUndefined();
    expect(parseSheetRange(42)).toBeUndefined();
    expect(quoteSheet('IZA')).toBe('IZA');
    expect(quoteSheet('AB12')).toBe("'AB12'");
    expect(sheetFormula('Mijn blad', 'A1:B2')).toBe("='Mijn blad'!$A$1:$B$2");
  });
});
