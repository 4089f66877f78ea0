/**
 * A mandaatgemeente whose SPUK IZA region has no other member (Utrecht, GM0344: the region holds only
 * Utrecht) passes nothing on, so its Samenvatting has no rows "Lasten: door te geven aan de
 * ledengemeenten" of € 0 (review 12, finding 5); a mandaatgemeente with members (Zwolle) keeps them.
 */
import { editionInput } from '../../data';
import type { CbsCode } from '../../domain';
import { buildWorkbookPlan, SHEETS } from '..';
import type { WorkbookPlan } from '..';

const input = editionInput('vws-2026-04');

/** The texts in column A of the Samenvatting. */
function labelsA(plan: WorkbookPlan): string[] {
  const s = plan.sheets.find((x) => x.name === SHEETS.samenvatting);
  if (s === undefined) throw new Error('no Samenvatting');
  return s.blocks.flatMap((b) =>
    b.kind === 'values' && /^A\d+$/.test(b.at)
      ? b.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string')
      : [],
  );
}

const DOORGEVEN = 'Lasten: door te geven aan de ledengemeenten (gepland, blad Regioverdeling)';

describe('Samenvatting: the doorbetaling rows only where a region has other members', () => {
  it('Zwolle (IJssel-Vecht, 7 other members) has them', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0193' as CbsCode });
    expect(labelsA(plan)).toContain(DOORGEVEN);
  });

  it('Utrecht (a region of one) has none, and is a mandaatgemeente with a Regioverdeling', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0344' as CbsCode });
    expect(plan.sheets.some((s) => s.name === SHEETS.regioverdeling)).toBe(true);
    expect(labelsA(plan)).not.toContain(DOORGEVEN);
  });
});
