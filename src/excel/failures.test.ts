/** Office error codes → failure facts → Dutch messages that name the fix. */
import { SPECULATION_MISSES } from '../../test/support/excel-failure';
import { FakeOfficeError } from '../../test/support/fake-excel';
import {
  excelFailureText,
  featureText,
  progressText,
  removedSheetsText,
  renderSuccessMessage,
} from '../messages';
import type { ExcelFailure, ExcelFailureKind } from './failures';
import {
  SPECULATION_MISS_CODES,
  SyncTimeoutError,
  failureFromError,
  isSpeculationMiss,
  officeErrorCode,
} from './failures';

const EXAMPLES: { readonly [K in ExcelFailureKind]: Extract<ExcelFailure, { kind: K }> } = {
  SheetNameTaken: { kind: 'SheetNameTaken', sheet: 'Overzicht', sheets: ['Overzicht', 'IZA'] },
  SheetRenamed: { kind: 'SheetRenamed', sheets: [{ planned: 'Begroting', now: 'Begroting 2025' }] },
  NameTaken: { kind: 'NameTaken', name: 'Invoer_Gewichten' },
  ProtectedSheet: { kind: 'ProtectedSheet', sheet: 'Verdeelsleutel' },
  ProtectionStuck: { kind: 'ProtectionStuck', sheets: ['Verdeelsleutel', 'Allocatie'] },
  ProtectedWorkbook: { kind: 'ProtectedWorkbook' },
  Timeout: { kind: 'Timeout', seconds: 90 },
  PayloadTooLarge: { kind: 'PayloadTooLarge' },
  CellEditMode: { kind: 'CellEditMode' },
  InvalidArgument: { kind: 'InvalidArgument' },
  ItemNotFound: { kind: 'ItemNotFound' },
  ItemAlreadyExists: { kind: 'ItemAlreadyExists' },
  NotInExcel: { kind: 'NotInExcel' },
  UnsupportedHost: { kind: 'UnsupportedHost', required: 'ExcelApi 1.9' },
  InvalidPlan: { kind: 'InvalidPlan', sheet: 'IZA', where: 'C60' },
  Unknown: { kind: 'Unknown', code: 'GeneralException' },
  KeyMismatch: { kind: 'KeyMismatch', workbookKey: 'spuk-2025', chosenKey: 'inwoners' },
  TableShapeUnknown: {
    kind: 'TableShapeUnknown',
    sheet: 'Begroting',
    table: 'Begroting',
    found: ['Regeling', 'Mijn kolom', 'Activiteit'],
    expected: ['Regeling', 'Activiteit'],
  },
  TableRowsExist: {
    kind: 'TableRowsExist',
    sheet: 'Realisatie',
    table: 'Realisatie',
    rows: [{ row: 2, key: ['Brede SPUK', '2', 'Sportakkoord'], tableRow: 9 }],
  },
  TableRowsToReplace: {
    kind: 'TableRowsToReplace',
    sheet: 'Realisatie',
    table: 'Realisatie',
    existing: 12,
    given: 8,
  },
  WriteInterrupted: {
    kind: 'WriteInterrupted',
    cause: 'ProtectedSheet',
    code: 'AccessDenied',
    sheets: ['Verdeelsleutel', 'Allocatie'],
    inputsKept: true,
  },
};

describe('failureFromError', () => {
  it.each([
    ['InvalidOperationInCellEditMode', { kind: 'CellEditMode' }],
    ['RequestPayloadSizeLimitExceeded', { kind: 'PayloadTooLarge' }],
    ['ResponsePayloadSizeLimitExceeded', { kind: 'PayloadTooLarge' }],
    ['AccessDenied', { kind: 'ProtectedSheet', sheet: undefined }],
    ['InvalidArgument', { kind: 'InvalidArgument' }],
    ['ItemNotFound', { kind: 'ItemNotFound' }],
    ['ItemAlreadyExists', { kind: 'ItemAlreadyExists' }],
    ['ApiNotFound', { kind: 'UnsupportedHost', required: 'ExcelApi 1.9' }],
    ['GeneralException', { kind: 'Unknown', code: 'GeneralException' }],
    ['Conflict', { kind: 'Unknown', code: 'Conflict' }],
  ] as const)('%s → %j', (code, failure) => {
    expect(failureFromError(new FakeOfficeError(code as never, 'Range.values'))).toEqual(failure);
    // A plain object with only debugInfo.code (as some hosts report it) maps the same way.
    expect(failureFromError({ debugInfo: { code } })).toEqual(failure);
  });

  it('maps our own timeout and anything without an Office code', () => {
    expect(failureFromError(new SyncTimeoutError(90))).toEqual({ kind: 'Timeout', seconds: 90 });
    expect(failureFromError(new TypeError('x is undefined'))).toEqual({
      kind: 'Unknown',
      code: 'NoOfficeCode',
    });
    expect(failureFromError('boom')).toEqual({ kind: 'Unknown', code: 'NoOfficeCode' });
    expect(officeErrorCode({ code: 42 })).toBeUndefined();
  });

  it('never keeps the Office message', () => {
    const error = new FakeOfficeError('GeneralException', 'Range.values', 'An internal error has occurred.');
    expect(JSON.stringify(failureFromError(error))).not.toContain('internal error');
  });
});

describe('Dutch messages', () => {
  it.each(Object.values(EXAMPLES))('%j has a Dutch message that names the fix', (failure) => {
    const text = excelFailureText(failure);
    expect(text.length).toBeGreaterThan(40);
    expect(text).toMatch(/\b(klik|open|meld|werk|wacht|geef|hef|rond)\b/i);
    expect(text).not.toMatch(/\b(error|exception|the|please)\b/i);
  });

  it('is specific where the facts allow', () => {
    expect(excelFailureText(EXAMPLES.CellEditMode)).toBe(
      'Rond eerst de celbewerking af (Enter of Esc) en klik dan opnieuw op Werkmap laden.',
    );
    expect(excelFailureText(EXAMPLES.SheetNameTaken)).toContain('"Overzicht" en "IZA"');
    expect(excelFailureText({ ...EXAMPLES.SheetNameTaken, sheets: ['Overzicht'] })).toContain(
      'een blad "Overzicht"',
    );
    expect(excelFailureText(EXAMPLES.ProtectedSheet)).toContain('"Verdeelsleutel"');
    const renamed = excelFailureText(EXAMPLES.SheetRenamed);
    expect(renamed).toContain('"Begroting" heet nu "Begroting 2025"');
    expect(renamed).toContain('Naam wijzigen: "Begroting 2025" → "Begroting"');
    expect(renamed).not.toContain('buiten de bladen');
    expect(excelFailureText({ kind: 'ProtectedSheet', sheet: undefined })).toContain('beveiligd');
    expect(excelFailureText(EXAMPLES.Timeout)).toContain('90 seconden');
    expect(excelFailureText({ kind: 'Timeout', seconds: 0.04 })).toContain('1 seconden');
    expect(excelFailureText(EXAMPLES.UnsupportedHost)).toContain('ExcelApi 1.9');
    expect(excelFailureText(EXAMPLES.Unknown)).toContain('GeneralException');
  });

  it('describes progress and success', () => {
    expect(progressText({ step: 2, total: 3, label: 'read' })).toBe('Stap 2 van 3: Uw invoer bewaren');
    expect(featureText('charts')).toBe('grafieken');
    expect(
      renderSuccessMessage({
        sheets: ['A', 'B'],
        preservedInputs: [{ changedCells: 3, droppedKeys: ['GM0001'] }],
        skippedFeatures: ['charts', 'conditionalFormats'],
      }),
    ).toBe(
      'Klaar: 2 bladen geladen. 3 eigen invoerwaarden behouden. Invoer voor "GM0001" is niet overgenomen: die rijen staan niet meer in de gegevens. Niet beschikbaar in deze Excel-versie: grafieken, voorwaardelijke opmaak.',
    );
    expect(
      renderSuccessMessage({
        sheets: ['A'],
        preservedInputs: [],
        skippedFeatures: [],
        removedSheets: ['Wat is er veranderd'],
        coauthorCells: ['Verdeelsleutel!H12'],
      }),
    ).toBe(
      'Klaar: 1 blad geladen. Het blad "Wat is er veranderd" hoort niet meer bij de werkmap en is verwijderd. Iemand anders wijzigde tijdens het laden de cel Verdeelsleutel!H12; die wijziging is teruggezet en telt mee.',
    );
    expect(removedSheetsText(['A', 'B'])).toBe(
      'De bladen "A" en "B" horen niet meer bij de werkmap en zijn verwijderd.',
    );
    expect(removedSheetsText([])).toBeUndefined();
  });
});

describe('isSpeculationMiss (which failures of a speculative first sync fall back)', () => {
  it('the codes listed in failures.ts are the ones tested here', () => {
    expect(SPECULATION_MISS_CODES).toEqual(SPECULATION_MISSES);
  });

  it.each(SPECULATION_MISSES)('%s → fall back', (code) => {
    expect(isSpeculationMiss(new FakeOfficeError(code, 'test'))).toBe(true);
  });

  it.each([
    'GeneralException',
    'AccessDenied',
    'InvalidOperationInCellEditMode',
    'RequestPayloadSizeLimitExceeded',
    'ApiNotFound',
    'InvalidOperation',
  ] as const)('%s → fall back too: the batch only read, so nothing changed', (code) => {
    expect(isSpeculationMiss(new FakeOfficeError(code, 'test'))).toBe(true);
  });

  it('only our Timeout (a hang is not retried) and "not in Excel" are failures', () => {
    expect(isSpeculationMiss(new SyncTimeoutError(90))).toBe(false);
    expect(isSpeculationMiss(new Error('ItemNotFound'))).toBe(true);
    expect(isSpeculationMiss(undefined)).toBe(true);
  });
});

describe('TableShapeUnknown names what moved (issue #17 item 2)', () => {
  it('a column moved (same headings, other order): each heading with the column it is in and belongs in', () => {
    const text = excelFailureText({
      kind: 'TableShapeUnknown',
      sheet: 'Begroting',
      table: 'Begroting',
      found: ['Regeling', 'Onderdeel', 'Activiteit', 'Taakveld', 'Uitvoerder', '2023', 'Aard lasten', '2024'],
      expected: [
        'Regeling',
        'Onderdeel',
        'Activiteit',
        'Taakveld',
        'Uitvoerder',
        'Aard lasten',
        '2023',
        '2024',
      ],
    });
    expect(text).toContain(
      '(andere volgorde: "2023" staat in kolom F, hoort in kolom G; "Aard lasten" staat in kolom G, hoort in kolom F)',
    );
    expect(text).toContain('Er is niets gewijzigd.');
  });
  it('a column inserted: the inserted heading is named as extra', () => {
    const text = excelFailureText({
      kind: 'TableShapeUnknown',
      sheet: 'Begroting',
      table: 'Begroting',
      found: ['Regeling', 'Kostenplaats', '2023'],
      expected: ['Regeling', '2023'],
    });
    expect(text).toContain('(extra of anders genoemd: "Kostenplaats")');
  });
});
