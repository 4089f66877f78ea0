import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, parseRange, SHEETS } from '.';

/**
 * Issue #17 item 3 beyond the Begroting table, inside the werkmap: an input amount pasted as text on
 * the Beschikking (falls back to the edition's amount), on the Begrotingstoets (overheveling, vooruit
 * ontvangen, limits: skipped) or on Landelijk is a Controle FOUT (checks `beschikking-tekst`,
 * `invoer-tekst`, `landelijk-tekst`) and, where the toets reads it, a toets signal. Proven with
 * HyperFormula on Almere's werkmap (vws-2026-04): each fails with the text and passes with the number.
 * LibreOffice: test/libreoffice/invoer-text.test.ts.
 */
const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
});

/** The first cell of a defined name (0-based row and column, its sheet). */
function nameCell(name: string): { sheet: string; row: number; col: number } {
  const ref = plan.names.find((n) => n.name === name)?.ref ?? '';
  const [sheet, a1] = ref.split('!');
  const r = parseRange((a1 ?? '').replace(/\$/g, ''));
  return { sheet: (sheet ?? '').replace(/^'|'$/g, ''), row: r.top - 1, col: r.left - 1 };
}

describe('input amounts typed as text are FOUT on Controle (HyperFormula)', () => {
  let ev: ReturnType<typeof evaluatePlan>;
  beforeAll(() => {
    ev = evaluatePlan(plan);
  });
  afterAll(() => ev.destroy());

  const controleRow = (label: string): number => {
    const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
    const r = c.findIndex((row) => row[0] === label);
    if (r < 0) throw new Error(`No Controle row ${label}`);
    return r;
  };
  const count = (label: string) =>
    ev.hf.getCellValue({ sheet: ev.hf.getSheetId(SHEETS.controle)!, row: controleRow(label), col: 2 });
  const toetsRow = (label: string) => {
    const t = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.toets)!);
    const r = t.findIndex((row) => row[1] === label);
    if (r < 0) throw new Error(`No toets row ${label}`);
    return t[r] ?? [];
  };

  it('as built: the three text checks and the key check 0, named where to look; every formula = the domain', () => {
    const { bad, cells } = formulaMismatches(plan, ev, [SHEETS.controle, SHEETS.toets]);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
    for (const label of ['Tekst in beschikking', 'Tekst in invoer toets', 'Tekst op Landelijk', 'Sleutel'])
      expect([label, count(label)]).toEqual([label, 0]);
    const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
    expect(String(c[controleRow('Tekst in beschikking')]?.[1])).toContain(`blad ${SHEETS.beschikking}`);
    expect(String(c[controleRow('Tekst in invoer toets')]?.[1])).toContain(`blad ${SHEETS.toets}`);
    expect(String(c[controleRow('Tekst op Landelijk')]?.[1])).toContain(`blad ${SHEETS.landelijk}`);
    expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
  });

  it.each([
    // Beschikking: SPUK IZA 2025 "3.912.345" with a no-break space (the edition's amount applied silently).
    [
      'Invoer_Beschikking',
      'IZA',
      2,
      "'3.912.345\u00a0",
      'Tekst in beschikking',
      'Tekst in een bedrag (blad Beschikking)',
    ],
    // A member's amount from the mandaatgemeente, 2024.
    [
      'Invoer_Van_Mandaatgemeente',
      null,
      1,
      "'120.000",
      'Tekst in beschikking',
      'Tekst in een bedrag (blad Beschikking)',
    ],
    // The toets's inputs: overheveling per onderdeel, of the total, vooruit ontvangen, a limit %.
    [
      'Invoer_Overheveling_2023',
      null,
      0,
      "'25.000",
      'Tekst in invoer toets',
      'Tekst in de invoer: overheveling en limieten %',
    ],
    [
      'Invoer_Overheveling_2025',
      null,
      0,
      '€ 80.000',
      'Tekst in invoer toets',
      'Tekst in de invoer: overheveling en limieten %',
    ],
    [
      'Invoer_Vooruit_Ontvangen',
      null,
      3,
      "'50.000\u00a0",
      'Tekst in invoer toets',
      'Tekst in de invoer: vooruit ontvangen',
    ],
    [
      'Invoer_Overheveling_Limiet',
      null,
      0,
      '20 %',
      'Tekst in invoer toets',
      'Tekst in de invoer: overheveling en limieten %',
    ],
    // Landelijk: a national amount and a BBV flag.
    ['Invoer_Landelijk', null, 2, "'1.000.000", 'Tekst op Landelijk', undefined],
    ['Invoer_BBV_Vastgelegd', null, 0, 'ja', 'Tekst op Landelijk', undefined],
  ] as const)(
    '%s (%s) as text: Controle FOUT 1, and the number again: 0',
    (name, key, dc, text, label, toets) => {
      const at = nameCell(name);
      const sheet = ev.hf.getSheetId(at.sheet)!;
      const values = ev.hf.getSheetValues(sheet);
      const row = key === null ? at.row : values.findIndex((r) => r[0] === key);
      const addr = { sheet, row, col: at.col + dc };
      const before = ev.hf.getCellSerialized(addr);
      const signalen = ev.value(SHEETS.toets, 'C3') as number;
      ev.hf.setCellContents(addr, [[text]]);
      try {
        check();
      } finally {
        ev.hf.setCellContents(addr, [[before ?? null]]);
      }
      expect(count(label)).toBe(0);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.value(SHEETS.toets, 'C3')).toBe(signalen);

      function check(): void {
        expect(ev.hf.getCellValue(addr)).toEqual(expect.any(String));
        expect(count(label)).toBe(1);
        if (toets !== undefined) {
          // The toets's row: the count (per year on the Beschikking row, one cell for its own inputs) and one signal.
          const t = toetsRow(toets);
          expect(t.slice(4, 12).reduce((a: number, x) => a + (typeof x === 'number' ? x : 0), 0)).toBe(1);
          expect(t[14]).toBe(1);
          // A rule that computes with the amount (the 2025 carry-over's limit) shows #VALUE! (loud,
          // not silent); otherwise exactly one signal more.
          const c3 = ev.value(SHEETS.toets, 'C3');
          if (name === 'Invoer_Overheveling_2025') expect(String(c3)).toMatch(/^#VALUE!$|^\d+$/);
          else expect(c3).toBe(signalen + 1);
        }
        const total = ev.value(SHEETS.controle, 'C4');
        // Landelijk's text also breaks the splits that read it (#VALUE! in the checks): FOUT either way.
        if (typeof total === 'number') expect(total).toBeGreaterThanOrEqual(1);
        expect(ev.value(SHEETS.overzicht, 'C6')).not.toBe('OK');
      }
    },
  );
});
