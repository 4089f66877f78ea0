import { editionInput } from '../data';
import type { CbsCode } from '../domain';
import { begrotingKolommen } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { buildWorkbookPlan, parseRange, SHEETS } from '.';

/**
 * Issue #17 items 2 and 3 inside the werkmap, without the add-in: the Begrotingstoets and the
 * Samenvatting read the Begroting table by fixed columns (SUMIFS over Begroting!G$7:G$506, …), so
 * Controle checks that every heading is where those formulas read it, and counts year cells that hold
 * text (SUMIFS skips them). Proven with HyperFormula on Almere's werkmap (vws-2026-04, 2023–2030).
 */
const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
});
const kolommen = begrotingKolommen([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
const begroting = plan.sheets.find((s) => s.name === SHEETS.begroting)!;
const tableRect = parseRange(begroting.tables[0]!.range);

/** Row (0-based) of the sheet whose column `col` holds `text` (below the row whose B starts with `after`). */
function rowOf(values: unknown[][], col: number, text: string, after?: string): number {
  const from = after === undefined ? 0 : values.findIndex((row) => String(row[1]).startsWith(after));
  const r = values.findIndex((row, i) => i > from && row[col] === text);
  if (r < 0) throw new Error(`No row ${text}`);
  return r;
}

describe('the Begroting table checked inside the werkmap (HyperFormula)', () => {
  // One evaluation (HyperFormula takes ~40 s for the werkmap); each case puts the cells it changed back.
  let ev: ReturnType<typeof evaluatePlan>;
  beforeAll(() => {
    ev = evaluatePlan(plan);
  });
  afterAll(() => ev.destroy());

  it('a built werkmap: headings found where expected, no text amounts, Controle 0; every formula = the domain', () => {
    {
      const { bad, cells } = formulaMismatches(plan, ev, [
        SHEETS.controle,
        SHEETS.toets,
        SHEETS.samenvatting,
      ]);
      expect(cells).toBeGreaterThan(1000);
      expect(bad.slice(0, 10)).toEqual([]);
      const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
      expect(c[rowOf(c, 0, 'Kolommen Begroting')]?.[2]).toBe(0);
      expect(c[rowOf(c, 0, 'Tekst in bedragen')]?.[2]).toBe(0);
      // The list: 16 headings, each found where the formulas read it.
      const list = rowOf(c, 0, 'Kolom') + 1;
      expect(c.slice(list, list + kolommen.length).map((row) => [row[0], row[3], row[2]])).toEqual(
        kolommen.map((k, i) => [i + 1, k, 0]),
      );
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe('OK');
    }
  });

  it('a text amount ("12.500" pasted as text) is counted on Controle (FOUT) and signalled on the Begrotingstoets in its year', () => {
    {
      const b = ev.hf.getSheetId(SHEETS.begroting)!;
      const toets = ev.hf.getSheetId(SHEETS.toets)!;
      const before = ev.hf.getSheetSerialized(b);
      const first = tableRect.top; // the header row (0-based: first data row)
      // Row 1 of the table: SPUK IZA 2025 € 150.000 as a number; row 2: "12.500" as text in 2025 (I).
      ev.hf.setCellContents({ sheet: b, row: first, col: 0 }, [['SPUK IZA']]);
      ev.hf.setCellContents({ sheet: b, row: first, col: 8 }, [[150_000]]);
      ev.hf.setCellContents({ sheet: b, row: first + 1, col: 0 }, [['SPUK IZA']]);
      ev.hf.setCellContents({ sheet: b, row: first + 1, col: 8 }, [["'12.500"]]);
      const t = ev.hf.getSheetValues(toets);
      const lasten = rowOf(t, 1, 'SPUK IZA', 'Ontvangen van de mandaatgemeente: SPUK IZA');
      expect(t[lasten]?.[6]).toBe(150_000); // the text is skipped by SUMIFS: 150.000, not 162.500
      const tekst = rowOf(t, 1, 'Tekst in een bedrag (blad Begroting)');
      expect(t[tekst]?.slice(4, 12)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
      const signalen = ev.value(SHEETS.toets, 'C3');
      expect(t[tekst]?.[14]).toBe(1); // the row's signal count (column O)
      expect(signalen).toBeGreaterThanOrEqual(1);
      const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
      expect(c[rowOf(c, 0, 'Tekst in bedragen')]?.[2]).toBe(1);
      expect(c[rowOf(c, 0, 'Kolommen Begroting')]?.[2]).toBe(0);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      // Typed as a number again: no signal, Controle 0.
      ev.hf.setCellContents({ sheet: b, row: first + 1, col: 8 }, [[12_500]]);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
      expect(ev.hf.getSheetValues(toets)[lasten]?.[6]).toBe(162_500);
      // The first row with text (SUMPRODUCT over an array expression): Excel and LibreOffice give row 8
      // (test/libreoffice/begroting-text.test.ts); HyperFormula has no array arithmetic here (#VALUE!).
      expect(String(t[tekst + 1]?.[6])).toMatch(/#VALUE!|^8$/);
      expect(t[tekst + 1]?.[5]).toBe('');
      ev.hf.setSheetContent(b, before);
    }
  });

  it('a beschikking amount typed as text ("3.912.345" with a no-break space) is a signal on the Begrotingstoets and FOUT on Controle, not a silent fallback', () => {
    const bes = ev.hf.getSheetId(SHEETS.beschikking)!;
    const before = ev.hf.getSheetSerialized(bes);
    const signalen = ev.value(SHEETS.toets, 'C3') as number;
    const rows = ev.hf.getSheetValues(bes);
    const iza = rows.findIndex((r) => r[0] === 'IZA');
    expect(iza).toBeGreaterThan(0);
    ev.hf.setCellContents({ sheet: bes, row: iza, col: 6 }, [["'3.912.345\u00a0"]]);
    const t = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.toets)!);
    const tekst = rowOf(t, 1, 'Tekst in een bedrag (blad Beschikking)');
    expect(t[tekst]?.slice(4, 12)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    expect(ev.value(SHEETS.toets, 'C3')).toBe(signalen + 1);
    // And a Controle FOUT (check beschikking-tekst), naming the sheet to look at.
    const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
    expect(c[rowOf(c, 0, 'Tekst in beschikking')]?.[2]).toBe(1);
    expect(String(c[rowOf(c, 0, 'Tekst in beschikking')]?.[1])).toContain(`blad ${SHEETS.beschikking}`);
    expect(ev.value(SHEETS.controle, 'C4')).toBe(1);
    ev.hf.setSheetContent(bes, before);
    expect(ev.value(SHEETS.toets, 'C3')).toBe(signalen);
    expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
  });

  it('a column inserted into a table longer than the checked rows (references move with it): no false FOUT, the toets reads the moved years', () => {
    // Issue #17: in a table reaching below row 506, Excel moves every reference the formulas read
    // (they lie within the shifted cells), so the formulas still read their headings; HyperFormula's
    // addColumns moves every reference the same way. Controle must then say 0, not 10 (the heading
    // list read with INDEX over A6:P506, whose columns grew instead, gave 10 before).
    const b = ev.hf.getSheetId(SHEETS.begroting)!;
    const a7 = ev.hf.getCellSerialized({ sheet: b, row: tableRect.top, col: 0 });
    ev.hf.addColumns(b, [6, 1]);
    try {
      ev.hf.setCellContents({ sheet: b, row: tableRect.top - 1, col: 6 }, [['Kostenplaats']]);
      ev.hf.setCellContents({ sheet: b, row: tableRect.top, col: 0 }, [['SPUK IZA']]);
      ev.hf.setCellContents({ sheet: b, row: tableRect.top, col: 7 }, [[150_000]]);
      const t = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.toets)!);
      expect(t[rowOf(t, 1, 'SPUK IZA', 'Ontvangen van de mandaatgemeente: SPUK IZA')]?.[4]).toBe(150_000);
      const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
      expect(c[rowOf(c, 0, 'Kolommen Begroting')]?.[2]).toBe(0);
      const list = rowOf(c, 0, 'Kolom') + 1;
      expect(c.slice(list, list + kolommen.length).map((row) => row[3])).toEqual(kolommen);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
    } finally {
      ev.hf.removeColumns(b, [6, 1]);
      ev.hf.setCellContents({ sheet: b, row: tableRect.top, col: 0 }, [[a7 ?? null]]);
    }
    expect(ev.value(SHEETS.controle, 'C4')).toBe(0);
  });

  it('a column inserted into the table before the years ("Kostenplaats") is FOUT on Controle, naming each shifted heading', () => {
    {
      const b = ev.hf.getSheetId(SHEETS.begroting)!;
      // Insert > Table Columns to the Left at G (index 6): within the table's rows the cells from G move one
      // column right. References that reach below the table (G$7:G$506) do not move (Excel moves a
      // reference only when it lies wholly within the shifted cells), so the formulas now read "Kostenplaats".
      const values = ev.hf.getSheetSerialized(b);
      for (let r = tableRect.top - 1; r < tableRect.bottom; r++) {
        const row = values[r] ?? [];
        const moved = [tableRect.top - 1 === r ? 'Kostenplaats' : null, ...row.slice(6, kolommen.length)];
        ev.hf.setCellContents({ sheet: b, row: r, col: 6 }, [moved.map((x) => (x === undefined ? null : x))]);
      }
      // A row with lasten in 2023 (now column H): the toets's SUMIFS reads the Kostenplaats column.
      ev.hf.setCellContents({ sheet: b, row: tableRect.top, col: 0 }, [['SPUK IZA']]);
      ev.hf.setCellContents({ sheet: b, row: tableRect.top, col: 7 }, [[150_000]]);
      const t = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.toets)!);
      expect(t[rowOf(t, 1, 'SPUK IZA', 'Ontvangen van de mandaatgemeente: SPUK IZA')]?.[4]).toBe(0); // silently wrong without the check
      const c = ev.hf.getSheetValues(ev.hf.getSheetId(SHEETS.controle)!);
      // G..P: the eight years, Andere dekking and Opmerking are no longer where the formulas read them.
      expect(c[rowOf(c, 0, 'Kolommen Begroting')]?.[2]).toBe(10);
      const list = rowOf(c, 0, 'Kolom') + 1;
      // The expected headings are texts, as both renderers write them (the year "2023" as the text a
      // table header is; evaluate-plan keeps digit-only texts as text since session 10).
      expect(c[list + 6]?.slice(0, 4)).toEqual([7, '2023', 1, 'Kostenplaats']);
      expect(c[list + 7]?.slice(0, 4)).toEqual([8, '2024', 1, '2023']);
      expect(c[list + 5]?.slice(0, 4)).toEqual([6, 'Aard lasten', 0, 'Aard lasten']);
      expect(ev.value(SHEETS.controle, 'C4')).toBe(10);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(`FOUT: zie blad ${SHEETS.controle}`);
    }
  });
});
