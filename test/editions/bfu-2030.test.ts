import { editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import type { CellValue, SheetPlan } from '../../src/plan';

/**
 * vws-2026-04 runs to 2030 (issue 16 item 9): from 2030 the BFU in the gemeentefonds (algemene
 * middelen, no verantwoording to the Rijk) is being prepared and no amount is published, so the
 * gemeente's Overzicht and Samenvatting show it as an open post in 2030: a line with the text "open
 * post" in its years, never a euro figure and never zero.
 */
const ALMERE = 'GM0034' as CbsCode;
const BFU = 'BFU (gemeentefonds, algemene middelen), open post';

function valueRows(s: SheetPlan | undefined): (readonly CellValue[])[] {
  return (s?.blocks ?? []).flatMap((b) => (b.kind === 'values' ? b.values : []));
}

describe('the BFU from 2030 on the gemeente sheets of vws-2026-04', () => {
  const input = editionInput('vws-2026-04');
  const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ALMERE });
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name);

  it('the edition has 2030 on its axis and the BFU as an open post without an amount on lines 17 and 18', () => {
    expect(input.edition.years).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    const bfu = input.edition.openPosten.find((p) => p.onderwerp === BFU);
    expect(bfu).toMatchObject({ nrs: [17, 18], vanJaar: 2030, totEnMetJaar: 2030, landelijk: undefined });
  });

  it('Overzicht: a BFU line with "open post" in 2030 only, no amount', () => {
    const rows = valueRows(sheet(SHEETS.overzicht)).filter((r) => r.includes(BFU));
    expect(rows).toHaveLength(1);
    const years = valueRows(sheet(SHEETS.overzicht)).find(
      (r) => r.length === 8 && r.every((c) => c === null || c === 'open post'),
    );
    expect(years).toEqual([null, null, null, null, null, null, null, 'open post']);
  });

  it('Samenvatting: the open posts list the BFU in 2030', () => {
    const row = valueRows(sheet(SHEETS.samenvatting)).find(
      (r) => typeof r[0] === 'string' && r[0].includes(BFU),
    );
    expect(row?.slice(-8)).toEqual([null, null, null, null, null, null, null, 'open post']);
  });
});
