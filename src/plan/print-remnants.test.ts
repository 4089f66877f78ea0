import { zwolleVoorbeeldenPlan } from '../../test/support/zwolle-voorbeelden';
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { cellAddress, parseCell, parseRange } from './a1';
import { PX_PER_WIDTH_UNIT, textPixels } from './text-fit';
import type { CellValue, SheetPlan, StyleName, WorkbookPlan } from './types';
import { buildWorkbookPlan, SHEETS } from '.';

/**
 * Issue #18, the small print remnants on IZA, the Begrotingstoets and the Beschikking: every printed
 * page carries the heading of what it shows (IZA's AZWA block had the SPUK IZA block's "Indeling"
 * above its weights), the Begrotingstoets's year heading stands above the years, not above the
 * rules' percentages, and the Beschikking's technical row keys neither run into column B nor read as
 * content. Zwolle (mandaatgemeente) with both samples, and Dalfsen, a member of its region.
 */
const zwolle = zwolleVoorbeeldenPlan();
const dalfsen = buildWorkbookPlan(editionInput('vws-2026-04'), {
  key: 'spuk-2025',
  gemeente: 'GM0148' as CbsCode,
});

const sheetOf = (plan: WorkbookPlan, name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}`);
  return s;
};

/** The constant values of `s` by address. */
function values(s: SheetPlan): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of s.blocks) {
    if (b.kind !== 'values') continue;
    const at = parseCell(b.at);
    b.values.forEach((row, r) => row.forEach((v, c) => out.set(cellAddress(at.row + r, at.col + c), v)));
  }
  return out;
}

/** Rows (1-based, ascending) whose cell in column `col` matches `test`. */
function rowsWhere(s: SheetPlan, col: string, test: (v: CellValue) => boolean): number[] {
  return [...values(s)]
    .filter(([a, v]) => a.replace(/\d+$/, '') === col && test(v))
    .map(([a]) => parseCell(a).row)
    .sort((x, y) => x - y);
}

/** The styles formatted over one cell. */
function stylesAt(s: SheetPlan, a1: string): StyleName[] {
  const { row, col } = parseCell(a1);
  return s.formats
    .filter((f) => {
      const r = parseRange(f.range);
      return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
    })
    .map((f) => f.style);
}

describe('each printed page carries the heading of what it shows (#18 remnants)', () => {
  const iza = sheetOf(zwolle, SHEETS.iza);
  // The regional blocks: their heading rows ("Regio" in A) and their last printed row (the check).
  const headers = rowsWhere(iza, 'A', (v) => v === 'Regio');
  const checks = rowsWhere(iza, 'A', (v) => typeof v === 'string' && /^Controle: totaal regio's/.test(v));
  /** The printed page (0-based) of a row: the manual page breaks split the sheet. */
  const page = (row: number): number => (iza.pageBreaks ?? []).filter((b) => b <= row).length;

  it('IZA: SPUK IZA and SPUK AZWA regionaal each on their own page, with their own heading', () => {
    expect(headers).toHaveLength(2);
    expect(checks).toHaveLength(2);
    // No repeated title row: it was the SPUK IZA block's heading ("Indeling") above the AZWA weights.
    expect(iza.print.titleRows).toBeUndefined();
    headers.forEach((h, i) => {
      expect(page(h)).toBe(i);
      expect(page(checks[i] ?? 0)).toBe(i);
    });
    // The second page starts after the first block's check row, at or above the AZWA block's title.
    const breakRow = iza.pageBreaks?.[0] ?? 0;
    expect(breakRow).toBeGreaterThan(checks[0] ?? 0);
    expect(breakRow).toBeLessThanOrEqual((headers[1] ?? 0) - 1);
  });

  it('Begrotingstoets: the year heading stands above the first block of years, below the percentages', () => {
    const toets = sheetOf(zwolle, SHEETS.toets);
    const v = values(toets);
    const years = rowsWhere(toets, 'E', (x) => x === 2023).filter((r) => v.get(`F${r}`) === 2024);
    // One heading row with the years (the onderdelen table has its own "Plafond 2023" headings).
    expect(years).toHaveLength(1);
    const header = years[0] ?? 0;
    expect([v.get(`A${header}`), v.get(`B${header}`)]).toEqual(['Nr', 'Omschrijving']);
    const title = rowsWhere(toets, 'A', (x) => x === 'Regels (percentages)')[0] ?? 0;
    // The three percentages (15, 20, 10) stand above the year heading, under their own "Percentage".
    expect(v.get(`E${title}`)).toBe('Percentage');
    expect([1, 2, 3].map((i) => v.get(`E${title + i}`))).toEqual([15, 20, 10]);
    expect(header).toBe(title + 4);
    // Right under it the first block of years, whose amounts it heads; it repeats on every page.
    expect(v.get(`A${header + 1}`)).toBe('Volgens de editie, voor de gemeente op Overzicht');
    expect(toets.print.titleRows).toBe(`${header}:${header}`);
    expect(toets.freeze?.rows).toBe(header);
    // The percentages keep their cells: the named input the Verantwoording refers to did not move.
    expect(zwolle.names.find((n) => n.name === 'Invoer_Overheveling_Limiet')?.ref).toBe(
      'Begrotingstoets!$E$8:$E$9',
    );
  });
});

describe('the Begrotingstoets’s labels beside inputs and amounts (#18 remnants)', () => {
  const toets = sheetOf(zwolle, SHEETS.toets);
  const v = values(toets);
  it('a label that would run on over the yellow inputs wraps in B, in a row as high as its lines', () => {
    const long = [
      'Opgroeien in een Kansrijke Omgeving en Vroegsignalering Alcoholproblematiek',
      'Vooruit ontvangen voor het volgende jaar (in het jaar van ontvangst; balans, geen baat)',
    ];
    for (const text of long) {
      const row = rowsWhere(toets, 'B', (x) => x === text).find((r) => v.get(`E${r}`) === null);
      expect(row).toBeDefined();
      expect(stylesAt(toets, `B${row ?? 0}`)).toContain('wrap');
      expect(toets.rowHeights?.find((h) => h.row === row)?.height).toBeGreaterThanOrEqual(30);
    }
  });
  it('the lasten per regeling say what they are beside the regeling (its SUMIFS criterion in B)', () => {
    const rows = rowsWhere(toets, 'C', (x) => x === 'lasten (blad Begroting)');
    expect(rows.map((r) => v.get(`B${r}`))).toEqual([
      'Brede SPUK',
      'SPUK IZA',
      'SPUK AZWA lokaal',
      'SPUK AZWA regionaal',
    ]);
  });
});

describe('the Beschikking’s row keys are technical: grey and inside column A (#18 remnants)', () => {
  const KEY = /^(BS(\d{2})?|IZA|AZWA-[LR]|MG-[A-Z]+)$/;
  it.each([
    ['Dalfsen (member)', dalfsen],
    ['Zwolle (mandaatgemeente)', zwolle],
  ])('%s: every key fits column A and is set grey (style note)', (_label, plan) => {
    const s = sheetOf(plan, SHEETS.beschikking);
    const keyRows = rowsWhere(s, 'A', (x) => typeof x === 'string' && KEY.test(x));
    const keys = keyRows.map((r) => String(values(s).get(`A${r}`)));
    // Grid (17 or 19 keys), the member's block (MG-IZA, MG-AZWAR: hidden rows for a mandaatgemeente),
    // nummer en datum (a row per regeling).
    expect(keys).toEqual(expect.arrayContaining(['BS', 'BS01', 'BS15', 'AZWA-L', 'MG-IZA', 'MG-AZWAR']));
    const width = s.columns.find((c) => c.column === 'A')?.width ?? 8.43;
    // "MG-AZWAR" is 71 px in Calibri 11: at width 10 (70 px) it ran into column B on a member's print.
    const widest = Math.max(...keys.map((k) => textPixels(k)));
    expect(widest).toBeLessThanOrEqual(width * PX_PER_WIDTH_UNIT);
    expect(keyRows.filter((r) => !stylesAt(s, `A${r}`).includes('note'))).toEqual([]);
  });
});
