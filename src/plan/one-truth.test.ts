import { editionInput } from '../data';
import type { BeschikkingRegel, CbsCode, Euro } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, SHEETS } from '.';
import type { WorkbookPlan } from '.';

/**
 * Issue 16, "one truth": a Brede SPUK total in the beschikking (Zwolle GM0193: 2025 € 2.100.000, 2026
 * € 1.800.000, no onderdelen) is spread over the onderdelen and reaches every sheet, given to the plan
 * (as the CLI does) or typed on the Beschikking sheet (HyperFormula).
 */
const ZWOLLE = 'GM0193' as CbsCode;
const TOTALEN: readonly BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_100_000 as Euro },
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 1_800_000 as Euro },
];
const SHEETS_UNDER_TEST = [
  SHEETS.toets,
  SHEETS.samenvatting,
  SHEETS.beschikking,
  SHEETS.overzicht,
  SHEETS.controle,
];

/** Overzicht's row whose column B is `label`, the value in a year's column (E = 2023). */
function overzichtRow(values: unknown[][], label: string, jaar: number): unknown {
  return values.find((row) => row[1] === label)?.[4 + jaar - 2023];
}

function plan(beschikking: readonly BeschikkingRegel[]): WorkbookPlan {
  return buildWorkbookPlan(editionInput('vws-2026-04'), { key: 'spuk-2025', gemeente: ZWOLLE, beschikking });
}

describe('a Brede SPUK total of the beschikking reaches every sheet (Zwolle)', () => {
  it('given to the plan (CLI): Overzicht eigen geld = the total, labelled beschikking; every formula = the domain', () => {
    const p = plan(TOTALEN);
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, SHEETS_UNDER_TEST);
      expect(bad.slice(0, 10)).toEqual([]);
      const o = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.overzicht) ?? -1);
      expect(overzichtRow(o, 'Eigen geld: baten van de gemeente', 2025)).toBe(2_100_000);
      expect(overzichtRow(o, 'Eigen geld: baten van de gemeente', 2026)).toBe(1_800_000);
      // Every onderdeel's source in 2025 is the beschikking.
      const bron = o.filter(
        (row) => typeof row[0] === 'number' && (row[0] as number) <= 15 && typeof row[6] === 'string',
      );
      expect(bron.map((row) => row[6])).toEqual(Array.from({ length: 15 }, () => 'beschikking'));
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  });

  it('typed on the Beschikking sheet: the amounts and labels follow, equal to the plan built with it', () => {
    const given = plan(TOTALEN);
    const p = plan([]);
    const ev = evaluatePlan(p);
    try {
      const sheet = ev.hf.getSheetId(SHEETS.beschikking) ?? -1;
      const bs = p.names.find((n) => n.name === 'Invoer_Beschikking')?.ref ?? '';
      // The grid's first row is the Brede SPUK total; its first column is the first year (2023).
      const m = /\$([A-Z]+)\$(\d+)/.exec(bs);
      const row = Number(m?.[2]) - 1;
      const col0 = (m?.[1] ?? 'E').charCodeAt(0) - 65;
      ev.hf.setCellContents({ sheet, row, col: col0 + 2 }, 2_100_000);
      ev.hf.setCellContents({ sheet, row, col: col0 + 3 }, 1_800_000);
      const { bad } = formulaMismatches(given, ev, [
        SHEETS.toets,
        SHEETS.samenvatting,
        SHEETS.overzicht,
        SHEETS.controle,
      ]);
      expect(bad.slice(0, 10)).toEqual([]);
      const o = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.overzicht) ?? -1);
      expect(overzichtRow(o, 'Eigen geld: baten van de gemeente', 2025)).toBe(2_100_000);
    } finally {
      ev.destroy();
    }
  });
});

describe('a total below the onderdelen entered is not spread', () => {
  it('the difference shows on the Begrotingstoets and counts as a signal; formulas = the domain', () => {
    const p = plan([
      { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 100_000 as Euro },
      { regeling: 'Brede SPUK', onderdeel: 2, jaar: 2025, bedrag: 300_000 as Euro },
    ]);
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, SHEETS_UNDER_TEST);
      expect(bad.slice(0, 10)).toEqual([]);
      expect(ev.value(SHEETS.toets, 'C3')).toBe(1);
    } finally {
      ev.destroy();
    }
  });
});
