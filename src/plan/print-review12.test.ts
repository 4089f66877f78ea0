import { input, zwolleVoorbeeldenPlan } from '../../test/support/zwolle-voorbeelden';
import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { cellAddress, parseCell, parseRange } from './a1';
import { buildWorkbookPlan } from './build';
import type { CellValue, SheetPlan, WorkbookPlan } from './types';
import { SHEETS } from '.';

/**
 * Review 12 of issue #18 (Zwolle with both samples, Dalfsen and Utrecht rendered in LibreOffice):
 * Utrecht's one-member region says in one line that
 * nothing is passed on, the Regioverdeling's "Bron" labels sit under their amounts, and "Wat is er
 * veranderd" shows an open post as one, not as "€ 0, −100,0 %".
 */
const sheetOf = (plan: WorkbookPlan, name: string): SheetPlan => {
  const s = plan.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}`);
  return s;
};

/** Every cell `s` writes (values and formulas) with its value (a formula: its expected value). */
function cells(s: SheetPlan): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const b of s.blocks) {
    if (b.kind === 'values') {
      const at = parseCell(b.at);
      b.values.forEach((row, r) => row.forEach((v, c) => out.set(cellAddress(at.row + r, at.col + c), v)));
    } else if (b.kind === 'formula') {
      const r = parseRange(b.range);
      b.expected.forEach((row, dr) =>
        row.forEach((v, dc) => out.set(cellAddress(r.top + dr, r.left + dc), v)),
      );
    }
  }
  return out;
}

const hiddenRows = (s: SheetPlan): Set<number> =>
  new Set((s.rowHeights ?? []).filter((h) => h.height === 0).map((h) => h.row));

describe('review 12: national and technical sheets on paper', () => {
  // As `werkboek` makes it: compared with the edition vws-2026-04 builds on.
  const zwolle = zwolleVoorbeeldenPlan({ vorige: editionInput('vws-2025-09') });

  it('Regioverdeling: the "Bron" labels are right-aligned under their amounts', () => {
    const s = sheetOf(zwolle, SHEETS.regioverdeling);
    const bron = s.blocks.find((b) => b.kind === 'values' && b.at === 'E6');
    expect(bron?.kind === 'values' ? bron.values[0] : []).toEqual([
      'afgeleid',
      'afgeleid',
      'gepubliceerd',
      'gepubliceerd',
      'raming',
      'raming',
      'raming',
    ]);
    const last = parseCell('E6').col + 6;
    expect(s.formats.filter((f) => f.range === `E6:${cellAddress(6, last).replace(/\d+$/, '')}6`)).toEqual([
      expect.objectContaining({ style: 'right' }),
    ]);
  });

  it('Utrecht (a region of one: itself) says in one line that nothing is passed on; the split is hidden', () => {
    const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0344' as CbsCode });
    const s = sheetOf(plan, SHEETS.regioverdeling);
    const v = cells(s);
    const hidden = hiddenRows(s);
    const shown = [...v]
      .filter(([a, x]) => typeof x === 'string' && x !== '' && !hidden.has(parseCell(a).row))
      .map(([, x]) => String(x));
    expect(shown.join(' ')).toContain(
      'De regio Utrecht heeft één gemeente, de mandaatgemeente Utrecht zelf: er wordt niets doorgegeven',
    );
    expect(shown).toContain('SiSa: H35 2023–2026 (eigen uitvoering) over het hele regiobedrag.');
    // No split machinery on paper: weights, the split over Utrecht itself, its check.
    expect(shown.filter((t) => /^(Gewichten|Verdeling|Controle|W = |GM0344)/.test(t))).toEqual([]);
    // Its result row (read by the other sheets) is still there: Utrecht's whole amount in 2025.
    const out = [...v].find(
      ([a, x]) => x === 'GM0344' && hidden.has(parseCell(a).row) && parseCell(a).col === 1,
    );
    expect(out).toBeDefined();
    // A region with members keeps its split on paper (IJssel-Vecht, Zwolle).
    const z = sheetOf(zwolle, SHEETS.regioverdeling);
    const zh = hiddenRows(z);
    expect(
      [...cells(z)].some(
        ([a, x]) => typeof x === 'string' && x.startsWith('Verdeling:') && !zh.has(parseCell(a).row),
      ),
    ).toBe(true);
  });

  it('Wat is er veranderd: Sportakkoord and BRC 2027–2029 read "open post", not € 0 and −100 %', () => {
    const s = sheetOf(zwolle, SHEETS.verschil);
    const rows = new Map<number, CellValue[]>();
    for (const [a, x] of cells(s)) {
      const c = parseCell(a);
      const row = rows.get(c.row) ?? [];
      row[c.col - 1] = x;
      rows.set(c.row, row);
    }
    const open = [...rows.values()].filter((r) => r[5] === 'open post');
    // Zwolle and nationally: lines 1 and 2, 2027–2029 (the year 2030 is not on vws-2025-09's axis).
    const keys = open.map((r) => `${String(r[1])}:${String(r[3])}`);
    for (const k of ['1:2027', '1:2028', '1:2029', '2:2027', '2:2028', '2:2029'])
      expect(keys.filter((x) => x === k)).toHaveLength(2);
    for (const r of open) {
      expect(r[4]).toBeGreaterThan(0); // the older edition's amount
      expect(r[6]).toBe(''); // no difference
      expect(r[7]).toBe(''); // no percentage
      expect(r[8]).toBe('ja');
    }
    expect([...rows.values()].some((r) => r[2] === 'Totaal Brede SPUK (zonder open post)')).toBe(true);
  });
});
