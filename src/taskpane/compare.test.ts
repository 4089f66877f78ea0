import { editionManifests } from '../data';
import type { EditionInfo } from './compare';
import {
  COMPARE_DEFAULT,
  NO_COMPARISON,
  checkedCompareOption,
  compareOptions,
  comparedEdition,
  earlierEditions,
  keepCompareWith,
} from './compare';

/** The shipped editions, newest first, as the pane lists them. */
const shipped: EditionInfo[] = [...editionManifests()]
  .reverse()
  .map((m) => ({ id: m.id, naam: m.naam, datum: m.datum, vorige: m.vorige }));

describe('earlierEditions: the CLI’s --van rule', () => {
  it('offers the editions an edition builds on, newest first, never itself or a later one', () => {
    expect(shipped.map((e) => e.id)).toEqual(['vws-2026-04', 'vws-2025-09', 'gala-2023']);
    expect(earlierEditions(shipped, 'vws-2026-04')).toEqual(['vws-2025-09', 'gala-2023']);
    expect(earlierEditions(shipped, 'vws-2025-09')).toEqual(['gala-2023']);
    expect(earlierEditions(shipped, 'gala-2023')).toEqual([]);
    expect(earlierEditions(shipped, 'onbekend')).toEqual([]);
  });

  it('also offers an edition with an earlier date that is no ancestor', () => {
    const editions: EditionInfo[] = [
      { id: 'b-2026', naam: 'B', datum: '2026-01-01', vorige: 'a-2024' },
      { id: 'z-2025', naam: 'Z', datum: '2025-06-01', vorige: null },
      { id: 'a-2024', naam: 'A', datum: '2024-01-01', vorige: null },
    ];
    expect(earlierEditions(editions, 'b-2026')).toEqual(['z-2025', 'a-2024']);
  });
});

describe('comparedEdition: what the scenario compares with', () => {
  it.each([
    ['vws-2026-04', undefined, 'vws-2025-09'],
    ['vws-2026-04', 'gala-2023', 'gala-2023'],
    ['vws-2026-04', NO_COMPARISON, undefined],
    ['vws-2025-09', undefined, 'gala-2023'],
    // Not earlier than the edition (left over from another choice): the default.
    ['vws-2025-09', 'vws-2026-04', 'gala-2023'],
    ['gala-2023', undefined, undefined],
    ['gala-2023', 'vws-2025-09', undefined],
  ] as const)('%s compared with %p → %p', (edition, choice, expected) => {
    expect(comparedEdition(shipped, edition, choice)).toBe(expected);
  });
});

describe('keepCompareWith: another edition', () => {
  it('keeps the default and "geen", an id only while it is still earlier', () => {
    expect(keepCompareWith(shipped, 'vws-2025-09', undefined)).toBeUndefined();
    expect(keepCompareWith(shipped, 'gala-2023', NO_COMPARISON)).toBe(NO_COMPARISON);
    expect(keepCompareWith(shipped, 'vws-2025-09', 'gala-2023')).toBe('gala-2023');
    expect(keepCompareWith(shipped, 'gala-2023', 'gala-2023')).toBeUndefined();
  });
});

describe('compareOptions and the checked radio', () => {
  it('the newest edition: its vorige (default), gala-2023, then "geen"', () => {
    expect(compareOptions(shipped, 'vws-2026-04')).toEqual([
      { value: COMPARE_DEFAULT, editionId: 'vws-2025-09' },
      { value: 'gala-2023', editionId: 'gala-2023' },
      { value: NO_COMPARISON, editionId: undefined },
    ]);
    expect(checkedCompareOption(shipped, 'vws-2026-04', undefined)).toBe(COMPARE_DEFAULT);
    expect(checkedCompareOption(shipped, 'vws-2026-04', 'gala-2023')).toBe('gala-2023');
    expect(checkedCompareOption(shipped, 'vws-2026-04', NO_COMPARISON)).toBe(NO_COMPARISON);
  });

  it('the first edition offers only "geen", checked', () => {
    expect(compareOptions(shipped, 'gala-2023')).toEqual([{ value: NO_COMPARISON, editionId: undefined }]);
    expect(checkedCompareOption(shipped, 'gala-2023', undefined)).toBe(NO_COMPARISON);
  });

  it('the vorige chosen by id shows as the default', () => {
    expect(checkedCompareOption(shipped, 'vws-2026-04', 'vws-2025-09')).toBe(COMPARE_DEFAULT);
  });
});
