import { zwolleVoorbeeldenPlan } from '../../test/support/zwolle-voorbeelden';
import { cellAddress, parseCell, parseRange } from './a1';
import type { CellValue, SheetPlan } from './types';
import { SHEETS } from '.';

/**
 * Issue #18: what prints must be readable without the screen. Texts on the printed part of Controle,
 * Landelijk, Verdeelsleutel, Allocatie and Afronding name columns and blocks by their headings, not by
 * letters or row numbers that paper does not show; Controle names the gemeente in its page header and
 * every number it prints has a heading; the Begrotingstoets's percentages have their own heading.
 * Zwolle (mandaatgemeente) with the sample begroting and realisatie, as the reviewer rendered it.
 */
const plan = zwolleVoorbeeldenPlan();
const sheet = (name: string): SheetPlan => {
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

/** The texts of `s` inside its print area (everything without one). */
function printedTexts(s: SheetPlan): string[] {
  const area = s.print.area === undefined ? undefined : parseRange(s.print.area);
  return [...values(s)]
    .filter(([a]) => {
      if (area === undefined) return true;
      const c = parseCell(a);
      return c.row >= area.top && c.row <= area.bottom && c.col >= area.left && c.col <= area.right;
    })
    .flatMap(([, v]) => (typeof v === 'string' ? [v] : []));
}

/** References to what paper does not show: a column letter, a cell, "rij 39", "(kolommen rechts)", "hierboven". */
const UNPRINTED =
  /\bkolom [A-Z]{1,2}\b|\bvanaf [A-Z]{1,2}\d+\b|\(kolommen rechts\)|\bhierboven\b|\b(rij|rijen) \d+/;

describe('printed texts name what the reader sees (#18)', () => {
  it.each([
    SHEETS.controle,
    SHEETS.landelijk,
    SHEETS.verdeelsleutel,
    SHEETS.allocatie,
    SHEETS.afronding,
    SHEETS.regioverdeling,
    SHEETS.bronnen,
  ])('%s: no column letters, cells, screen row numbers or CLI commands on paper', (name) => {
    // Review 12: "verborgen rijen 29–58" (Regioverdeling), "(rij 702 en verder)" (Afronding),
    // "(spuk-begroting werkboek --sleutel-bestand)" (Verdeelsleutel, Controle), "Bereik 1" (Controle).
    const bad = printedTexts(sheet(name)).filter(
      (t) => UNPRINTED.test(t) || /spuk-begroting|\s--[a-z]|\bBereik \d/.test(t),
    );
    expect(bad).toEqual([]);
  });

  it('Controle names the gemeente in its page header, the national sheets say "Alle gemeenten"', () => {
    expect(sheet(SHEETS.controle).print.header.center).toBe('Zwolle (GM0193)');
    expect(sheet(SHEETS.landelijk).print.header.center).toBe('Alle gemeenten');
  });

  it('Controle: every number it prints right of its count column has a heading', () => {
    const s = sheet(SHEETS.controle);
    const v = values(s);
    const area = parseRange(s.print.area ?? 'A1:A1');
    // The per-range counts of the split text checks: headed "Deel 1" … in the header row.
    const cells = s.blocks.flatMap((b) => {
      if (b.kind !== 'formula') return [];
      const r = parseRange(b.range);
      const out: { row: number; col: number }[] = [];
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) out.push({ row, col });
      return out;
    });
    // The Samenvatting check's row (its label in B) and the check rows above its heading row.
    const sv = parseCell([...v].find(([, x]) => x === 'Verschil (0 = gelijk)')?.[0] ?? 'A1').row;
    const printed = cells.filter((c) => c.row <= area.bottom && c.col <= area.right && c.col > 3);
    const bereik = printed.filter((c) => c.col >= 5 && c.row < sv - 1);
    expect(bereik.length).toBeGreaterThanOrEqual(6);
    expect(bereik.filter((c) => !/^Deel \d$/.test(String(v.get(cellAddress(3, c.col)))))).toEqual([]);
    // Their descriptions name the ranges in that order.
    const text = [...v.values()].filter((x): x is string => typeof x === 'string');
    expect(text.filter((t) => t.includes('(afwijkingen per deel, rechts: 1 '))).toHaveLength(2);
    expect(text.some((t) => t.includes('kolom E'))).toBe(false);
    // The Samenvatting check's row: the years above its amounts (C…J), a label beside them.
    expect(sv).toBeGreaterThan(30);
    expect(Array.from({ length: 8 }, (_, i) => v.get(cellAddress(sv - 1, 3 + i)))).toEqual([
      '2023',
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
    ]);
    expect(sv).toBeLessThanOrEqual(area.bottom);
  });

  it('Begrotingstoets: the percentages of "Regels (percentages)" have their own heading', () => {
    const v = values(sheet(SHEETS.toets));
    const title = [...v].find(([, x]) => x === 'Regels (percentages)')?.[0];
    expect(title).toBeDefined();
    const row = parseCell(title ?? 'A1').row;
    expect(v.get(`E${row}`)).toBe('Percentage');
    expect([v.get(`E${row + 1}`), v.get(`E${row + 2}`), v.get(`E${row + 3}`)]).toEqual([15, 20, 10]);
  });
});
