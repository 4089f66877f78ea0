import { defaultReferenceData } from '../data';
import * as domain from '.';
import type { GalaColumn } from '.';
import { GALA_COLUMNS, GALA_YEAR_COLUMNS, galaAmount } from '.';

/**
 * The GALA table's columns (GALA 31-01-2023, p. 38: 2023–2026 and structureel) are named as the
 * table's, not as the model's years or periods: the year axis of an edition is `EditionYear`.
 */
describe('the GALA table’s columns', () => {
  const data = defaultReferenceData();

  it('are 2023–2026 and structureel, in the published order', () => {
    expect(GALA_YEAR_COLUMNS).toEqual([2023, 2024, 2025, 2026]);
    expect(GALA_COLUMNS).toEqual([2023, 2024, 2025, 2026, 'structureel']);
  });

  it('galaAmount reads a line’s cell, 0 where the table is blank', () => {
    const brc = data.onderdelen.find((l) => l.nr === 2);
    if (!brc) throw new Error('line 2 missing');
    const column: GalaColumn = 2025;
    expect(galaAmount(brc, column)).toBe(89_300_000);
    expect(galaAmount(brc, 'structureel')).toBe(86_300_000);
    const ending = data.onderdelen.find((l) => l.structureel === undefined);
    if (ending) expect(galaAmount(ending, 'structureel')).toBe(0);
  });

  it('the legacy names are gone (the GALA columns have their own names)', () => {
    const exported = Object.keys(domain);
    for (const legacy of ['YEARS', 'PERIODS', 'nationalAmount']) expect(exported).not.toContain(legacy);
    expect(GALA_COLUMNS).toEqual([2023, 2024, 2025, 2026, 'structureel']);
  });
});
