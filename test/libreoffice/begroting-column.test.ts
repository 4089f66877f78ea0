/**
 * Issue #17 item 2 in LibreOffice (the werkmap without the add-in): a column "Kostenplaats" inserted
 * into the table Begroting before the years. In a table shorter than the checked rows (here the
 * starter rows) Excel moves no reference the formulas read (`Begroting!$G$7:$G$506` does not lie
 * within the shifted cells; Microsoft's "insert cells" behaviour, as the fake host models it in
 * src/excel), so the file after the insertion is the plan with the table's cells from G one column to
 * the right and every formula unchanged. LibreOffice recalculates it: Controle's `begroting-kolommen`
 * counts the 10 headings out of place (FOUT), the list names "Kostenplaats" where 2023 belongs, and
 * the toets reads the Kostenplaats column (why the check exists). The same file without the
 * insertion: 0. HyperFormula and the fake host prove the same in src/plan/begroting-table-checks.test.ts
 * and src/excel/begroting-column.test.ts.
 */
import { editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { begrotingKolommen } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import type { CellValue, WorkbookPlan } from '../../src/plan';
import { columnLetter, parseRange } from '../../src/plan/a1';
import { recalculatedValues, withValueBlocks } from './recalculate-plan';
import { SOFFICE_TIMEOUT_MS } from './soffice';

const INSERT_AT = 6; // 0-based: column G, the first year (2023)

/**
 * The plan with a row of lasten (SPUK IZA, 2023 € 150.000) and, with `insert`, a column
 * "Kostenplaats" inserted into the table Begroting at G: the heading row (A6) and the body (A7) move
 * one column right from G, the table grows by one column; nothing else changes (no reference moves).
 */
function edited(plan: WorkbookPlan, insert: boolean): WorkbookPlan {
  const put = (line: readonly CellValue[], head: CellValue): CellValue[] =>
    insert ? [...line.slice(0, INSERT_AT), head, ...line.slice(INSERT_AT)] : [...line];
  const body = withValueBlocks(plan, SHEETS.begroting, (b) => {
    if (b.at === 'A6') return { ...b, values: b.values.map((line) => put(line, 'Kostenplaats')) };
    if (b.at !== 'A7') return b;
    const values = b.values.map((line) => [...line]);
    values[0]![0] = 'SPUK IZA';
    values[0]![INSERT_AT] = 150_000;
    return { ...b, values: values.map((line) => put(line, null)) };
  });
  if (!insert) return body;
  return {
    ...body,
    sheets: body.sheets.map((s) => {
      if (s.name !== SHEETS.begroting) return s;
      return {
        ...s,
        tables: s.tables.map((t) => {
          const r = parseRange(t.range);
          return { ...t, range: `A${r.top}:${columnLetter(r.right + 1)}${r.bottom}` };
        }),
      };
    }),
  };
}

const base = buildWorkbookPlan(editionInput('vws-2026-04'), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
});
const kolommen = begrotingKolommen(editionInput('vws-2026-04').edition.years);

async function recalculated(insert: boolean) {
  const sheet = await recalculatedValues(edited(base, insert), [
    SHEETS.controle,
    SHEETS.toets,
    SHEETS.begroting,
  ]);
  const controle = sheet(SHEETS.controle);
  const toets = sheet(SHEETS.toets);
  const mandaat = toets.findIndex((r) =>
    String(r[1]).startsWith('Ontvangen van de mandaatgemeente: SPUK IZA'),
  );
  const list = controle.findIndex((r) => r[0] === 'Kolom') + 1;
  return {
    begroting: sheet(SHEETS.begroting),
    kolommen: controle.find((r) => r[0] === 'Kolommen Begroting')?.[2],
    master: controle[3]?.[2],
    list: controle.slice(list, list + kolommen.length).map((r) => r.slice(0, 4)),
    lasten2023: toets.find((r, i) => i > mandaat && r[1] === 'SPUK IZA')?.[4],
  };
}

describe('LibreOffice: a column inserted into the table Begroting is FOUT on Controle (Almere)', () => {
  it(
    '"Kostenplaats" before the years: begroting-kolommen 10, the list names it where 2023 belongs',
    async () => {
      const r = await recalculated(true);
      expect(r.begroting[5]?.slice(5, 8)).toEqual(['Aard lasten', 'Kostenplaats', '2023']);
      expect(r.kolommen).toBe(10);
      expect(r.master).toBe(10);
      expect(r.list[5]).toEqual([6, 'Aard lasten', 0, 'Aard lasten']);
      expect(r.list[6]).toEqual([7, '2023', 1, 'Kostenplaats']);
      expect(r.list[7]).toEqual([8, '2024', 1, '2023']);
      expect(r.lasten2023).toBe(0); // the toets reads the Kostenplaats column: silently wrong without the check
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  it(
    'the same row without the insertion: begroting-kolommen 0, the toets reads € 150.000 in 2023',
    async () => {
      const r = await recalculated(false);
      expect(r.kolommen).toBe(0);
      expect(r.master).toBe(0);
      expect(r.list.map((x) => x[3])).toEqual(kolommen);
      expect(r.lasten2023).toBe(150_000);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
