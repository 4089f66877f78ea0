import { editionInput } from '../../src/data';
import { registerProef2030 } from '../support/proef-2030';
import type { BegrotingInvoer, CbsCode } from '../../src/domain';
import { builtInKey, euro, Ledger, toetsBegroting } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import { evaluatePlan, formulaMismatches } from '../support/evaluate-plan';
import { BESCHIKKING, generated } from '../support/generated-begroting';

/**
 * The begroting sheets on an eight-year axis: the test edition proef-2030 (only data, see
 * edition-fixture.test.ts) adds 2030 and overrides the schuifruimte (12 %). Its Begroting table,
 * Beschikking, Begrotingstoets and Samenvatting are evaluated by HyperFormula and must equal the
 * domain's `toetsBegroting` on a generated begroting that has lasten in 2030.
 */
const ALMERE = 'GM0034' as CbsCode;
const BEGROTING_SHEETS: readonly string[] = [
  SHEETS.toets,
  SHEETS.samenvatting,
  SHEETS.beschikking,
  SHEETS.begroting,
];

/** `generated` on the shipped seven years, with an eighth year (2030) of lasten and money in advance. */
function eightYears(b: BegrotingInvoer): BegrotingInvoer {
  return {
    ...b,
    regels: b.regels.map((r, i) => ({
      ...r,
      lasten: [...r.lasten, euro(i % 3 === 0 ? 0 : 10_000 * (i + 1))],
    })),
    vooruitOntvangen: [...b.vooruitOntvangen, euro(0)],
  };
}

describe('the begroting sheets on the eight years of proef-2030 (HyperFormula)', () => {
  beforeAll(() => {
    registerProef2030();
  });

  // The whole plan lays out the edition's eight years (2023–2030): the begroting sheets read 2030
  // from Allocatie like every other year.
  it('Almere, 60 generated rows with lasten in 2030, beschikking, carry-over: 0 formula mismatches', () => {
    const input = editionInput('proef-2030');
    const begroting = eightYears(generated(20261129, 60));
    const p = buildWorkbookPlan(input, {
      key: 'spuk-2025',
      gemeente: ALMERE,
      begroting,
      beschikking: BESCHIKKING,
    });
    const ev = evaluatePlan(p);
    try {
      const { bad, cells } = formulaMismatches(p, ev, BEGROTING_SHEETS);
      expect(bad).toEqual([]);
      expect(cells).toBeGreaterThan(700);
      const t = toetsBegroting(
        new Ledger(input, builtInKey('spuk-2025', input.base)),
        ALMERE,
        begroting,
        BESCHIKKING,
      );
      expect(ev.value(SHEETS.toets, 'C3')).toBe(t.signalen.length);
      // The eighth year is laid out: 2030 heads the column after 2029 on the Begroting table and the toets.
      expect(ev.value(SHEETS.begroting, 'N6')).toBe(2030);
      expect(t.totaalLasten[7]).toBeGreaterThan(0);
      expect(t.signalen.some((s) => s.jaar === 2030 && s.soort === 'plafond')).toBe(true);
    } finally {
      ev.destroy();
    }
  });
});
