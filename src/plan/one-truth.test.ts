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

/** Overzicht's row whose column C is `label` (the per-regeling block), the value in a year's column. */
function postRow(values: unknown[][], label: string, jaar: number): unknown {
  return values.find((row) => row[2] === label && typeof row[4 + jaar - 2023] === 'number')?.[
    4 + jaar - 2023
  ];
}

/** The row (0-based) of Overzicht whose column B or C is `label`. */
function rowOf(values: unknown[][], label: string, col = 2): number {
  return values.findIndex((row) => row[col] === label);
}

describe('Overzicht and the national view tell the same amounts as the other sheets (issue 16)', () => {
  it('Almere: AZWA lokaal apart from regionaal, open post indicatief, raming label; a planted disagreement is FOUT', () => {
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: 'GM0034' as CbsCode,
    });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.overzicht, SHEETS.controle]);
      expect(bad.slice(0, 10)).toEqual([]);
      const id = ev.hf.getSheetId(SHEETS.overzicht) ?? -1;
      const o = ev.hf.getSheetValues(id);
      // VWS/LZJS 22-04-2026 keys: lokaal by the Brede SPUK key, regionaal to the mandaatgemeente.
      expect(postRow(o, 'SPUK AZWA lokaal', 2027)).toBe(2_587_831);
      expect(postRow(o, 'SPUK AZWA regionaal', 2027)).toBe(4_292_771);
      // BRC + Sportakkoord 2027: 78 mln × Almere's 2026 share (1.017.977 / 90.891.058), not in a total.
      const open = o.find((row) => row[2] === 'open post, indicatief');
      expect(open?.slice(4, 11)).toEqual([null, null, null, null, 873_598, 873_598, 873_598]);
      expect(overzichtRow(o, 'Eigen geld: baten van de gemeente', 2027)).toBe(2_587_831);
      // SPUK AZWA reads raming until a beschikking is entered; no floor warning for Almere.
      const azwa = o.find((row) => String(row[1]).startsWith('SPUK AZWA 2027–2029'));
      expect(String(azwa?.[2])).toMatch(/^raming: voer eerst de beschikking SPUK AZWA in/);
      expect(o[rowOf(o, 'Bron van de bedragen (de zwakste in het jaar)', 1)]?.slice(4, 11)).toEqual([
        'geschat',
        'geschat',
        'afgeleid',
        'afgeleid',
        'raming',
        'raming',
        'raming',
      ]);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      // Plant a disagreement: Overzicht's SPUK AZWA lokaal 2027 no longer the sum of its line.
      const r = o.findIndex(
        (row) => row[2] === 'SPUK AZWA lokaal' && typeof row[8] === 'number' && row[0] === null,
      );
      ev.hf.setCellContents({ sheet: id, row: r, col: 8 }, [['=I1+1']]);
      expect(ev.value(SHEETS.controle, 'C4')).toBeGreaterThan(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
    } finally {
      ev.destroy();
    }
  });

  it('Rozendaal: the floor warning (72.896 → 54.233) and the open post on its own Overzicht', () => {
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: 'GM0277' as CbsCode,
    });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.overzicht, SHEETS.controle]);
      expect(bad.slice(0, 10)).toEqual([]);
      const o = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.overzicht) ?? -1);
      const vloer = o.find((row) => String(row[1]).startsWith('Let op: vloerbedrag'));
      expect(vloer?.[8]).toBe(54_233 - 72_896);
      expect(o.find((row) => row[2] === 'open post, indicatief')?.[8]).toBe(21_503);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.destroy();
    }
  });

  it('Enschede (Twente): its regional money goes to SamenTwente, said on its own Overzicht; Almere: not', () => {
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), {
      key: 'spuk-2025',
      gemeente: 'GM0153' as CbsCode,
    });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.overzicht, SHEETS.controle]);
      expect(bad.slice(0, 10)).toEqual([]);
      const id = ev.hf.getSheetId(SHEETS.overzicht) ?? -1;
      const notice = (): unknown[] | undefined =>
        ev.hf.getSheetValues(id).find((row) => String(row[1]).startsWith('Let op: het regionale geld'));
      expect(notice()?.[1]).toMatch(/openbaar lichaam, geen gemeente/);
      expect(ev.hf.getSheetValues(id).find((row) => row[1] === 'Mandaatgemeente')?.[2]).toBe('SamenTwente');
      // Choose Almere on the sheet: the notice goes (its mandaatgemeente is a gemeente).
      ev.hf.setCellContents({ sheet: id, row: 3, col: 2 }, 'GM0034');
      expect(notice()).toBeUndefined();
    } finally {
      ev.destroy();
    }
  });

  it('NL: Σ SPUK IZA = 142.900.002 (2023–2025) = Σ 2B, AZWA regionaal = the raming; leaving out SamenTwente is FOUT', () => {
    const p = buildWorkbookPlan(editionInput('vws-2026-04'), { key: 'spuk-2025' });
    const ev = evaluatePlan(p);
    try {
      const { bad } = formulaMismatches(p, ev, [SHEETS.overzicht, SHEETS.controle, SHEETS.allocatie]);
      expect(bad.slice(0, 10)).toEqual([]);
      const o = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.overzicht) ?? -1);
      for (const jaar of [2023, 2024, 2025]) expect(postRow(o, 'SPUK IZA', jaar)).toBe(142_900_002);
      expect(postRow(o, 'SPUK IZA', 2026)).toBe(153_213_599);
      expect([2027, 2028, 2029].map((j) => postRow(o, 'SPUK AZWA regionaal', j))).toEqual([
        194_000_000, 235_000_000, 169_000_000,
      ]);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      // The NL row of SPUK IZA 2025 as the sum of the gemeenten only (SamenTwente left out).
      const a = ev.hf.getSheetId(SHEETS.allocatie) ?? -1;
      const av = ev.hf.getSheetValues(a);
      const nl = av.findIndex((row) => row[0] === 'NL');
      const col = av[nl]?.findIndex((x) => x === 142_900_002) ?? -1;
      expect(col).toBeGreaterThan(0);
      const letter = String.fromCharCode(65 + col);
      ev.hf.setCellContents({ sheet: a, row: nl, col }, [[`=SUM(${letter}11:${letter}${nl})`]]);
      expect(ev.value(SHEETS.allocatie, `${letter}${nl + 1}`)).toBe(137_573_564);
      expect(ev.value(SHEETS.controle, 'C4')).toBeGreaterThan(0);
    } finally {
      ev.destroy();
    }
  });
});
