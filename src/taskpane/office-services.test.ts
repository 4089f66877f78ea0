import { defaultReferenceData } from '../data';
import type { RenderSuccess } from '../excel';
import { INPUT_NAMES } from '../plan';
import { LANDELIJK } from './gemeente-search';
import { NL } from './messages.nl';
import { parseBuiltWith, successDetail } from './office-services';

const data = defaultReferenceData();

describe('parseBuiltWith (what the workbook remembers)', () => {
  it('accepts a known gemeente or the national view with a known key', () => {
    expect(parseBuiltWith({ gemeente: 'GM0034', keyId: 'inwoners', editionId: 'x' }, data)).toEqual({
      gemeente: 'GM0034',
      keyId: 'inwoners',
    });
    expect(parseBuiltWith({ gemeente: LANDELIJK, keyId: 'eigen' }, data)).toEqual({
      gemeente: LANDELIJK,
      keyId: 'eigen',
    });
  });

  it.each([
    undefined,
    null,
    'GM0034',
    {},
    { gemeente: 'GM9999', keyId: 'gelijk' },
    { gemeente: 'GM0034', keyId: 'x' },
  ])('ignores %p', (value) => {
    expect(parseBuiltWith(value, data)).toBeUndefined();
  });
});

describe('successDetail', () => {
  const base: RenderSuccess = {
    ok: true,
    syncs: 3,
    sheets: ['Overzicht'],
    addedSheets: [],
    replacedSheets: ['Overzicht'],
    cellsWritten: 10,
    formulaCells: 5,
    preservedInputs: [],
    skippedFeatures: [],
    batchBytes: [100],
  };

  it('says nothing when there is nothing to add', () => {
    expect(successDetail(base, false)).toBeUndefined();
  });

  it('counts kept inputs, but not the weights that were just replaced', () => {
    const report: RenderSuccess = {
      ...base,
      preservedInputs: [
        { name: INPUT_NAMES.weights, restoredRows: 342, changedCells: 2, droppedKeys: [] },
        { name: INPUT_NAMES.bbv, restoredRows: 15, changedCells: 1, droppedKeys: [] },
      ],
    };
    expect(successDetail(report, false)).toBe(NL.status.keptInputs(3));
    expect(successDetail(report, true)).toBe(NL.status.keptInputs(1));
  });

  it('names dropped rows and missing features in Dutch', () => {
    const report: RenderSuccess = {
      ...base,
      preservedInputs: [
        { name: INPUT_NAMES.weights, restoredRows: 341, changedCells: 0, droppedKeys: ['GM0001'] },
      ],
      skippedFeatures: ['charts', 'conditionalFormats'],
    };
    expect(successDetail(report, false)).toBe(
      `${NL.status.droppedInputs(['GM0001'])} Niet beschikbaar in deze Excel-versie: grafieken, voorwaardelijke opmaak.`,
    );
  });
});
