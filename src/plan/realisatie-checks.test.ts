import type { CbsCode } from '../domain';
import { evaluatePlan, formulaMismatches } from '../../test/support/evaluate-plan';
import { input, realisatie, zwolleVoorbeeldenPlan } from '../../test/support/zwolle-voorbeelden';
import { buildWorkbookPlan, SHEETS } from '.';
import { realisatieKolommen, realisatieTable } from './realisatie';

/**
 * Issue #17 items 2 and 3 for the sheets of issue #19: the Realisatie table and the Verantwoording's
 * inputs guarded the way the Begroting is (src/plan/realisatie/checks.ts). Zwolle with the sample
 * begroting and realisatie (voorbeelden/), as `werkboek --realisatie` makes it; HyperFormula. Each
 * case first shows the figure that goes silently wrong, then Controle's count (FOUT on Overzicht).
 */
const years = input.edition.years;
const plan = zwolleVoorbeeldenPlan();
const table = realisatieTable(years);
const kolommen = realisatieKolommen(years);
const FOUT = `FOUT: zie blad ${SHEETS.controle}`;
/** The heading of Besteding's list of the Verantwoording's inputs with text. */
const LIST = `Invoer op het blad ${SHEETS.verantwoording} die tekst is`;

it('without a Realisatie: none of these check rows, the heading list of the Begroting only', () => {
  const p = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: 'GM0193' as CbsCode });
  const controle = p.sheets.find((s) => s.name === SHEETS.controle)!;
  const labels = controle.blocks.flatMap((b) => (b.kind === 'values' ? b.values.map((r) => r[0]) : []));
  expect(labels).toContain('Kolommen Begroting');
  expect(labels).not.toContain('Realisatie kolom');
  expect(labels).not.toContain('Realisatie tekst');
  expect(labels).not.toContain('Verantw. tekst');
});

describe('the Realisatie and the Verantwoording inputs checked inside the werkmap (HyperFormula, Zwolle)', () => {
  let ev: ReturnType<typeof evaluatePlan>;
  beforeAll(() => {
    ev = evaluatePlan(plan);
  });
  afterAll(() => ev.destroy());
  const sheet = (name: string) => ev.hf.getSheetId(name)!;
  const rows = (name: string) => ev.hf.getSheetValues(sheet(name));
  /** The Controle count of the check named `label` (column A). */
  const check = (label: string): unknown => {
    const c = rows(SHEETS.controle);
    const r = c.findIndex((x) => x[0] === label);
    if (r < 0) throw new Error(`No check ${label}`);
    return c[r]?.[2];
  };
  /** Besteding: the row labelled `label` of the block of `regeling`, its years from D. */
  const besteding = (regeling: string, label: string): unknown[] => {
    const b = rows(SHEETS.besteding);
    const top = b.findIndex((x) => x[0] === regeling);
    const r = b.findIndex((x, i) => i > top && x[0] === label);
    if (top < 0 || r < 0) throw new Error(`No row ${label} of ${regeling}`);
    return (b[r] ?? []).slice(3, 3 + years.length);
  };
  /** The Verantwoording's value right of the row labelled `label` in the block of `regeling`. */
  const verantw = (regeling: string, label: string, col = 1): unknown => {
    const v = rows(SHEETS.verantwoording);
    const top = v.findIndex((x) => x[0] === regeling);
    const r = v.findIndex((x, i) => i > top && String(x[0]).startsWith(label));
    if (top < 0 || r < 0) throw new Error(`No row ${label} of ${regeling}`);
    return v[r]?.[col];
  };
  const master = () => ev.value(SHEETS.controle, 'C4') as number;
  let base = 0;

  it('as built: every formula = the domain, the three checks 0, the Realisatie headings found where the formulas read them', () => {
    const { bad, cells } = formulaMismatches(plan, ev, [
      SHEETS.controle,
      SHEETS.besteding,
      SHEETS.verantwoording,
      SHEETS.overzicht,
    ]);
    expect(cells).toBeGreaterThan(1000);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(check('Realisatie kolom')).toBe(0);
    expect(check('Realisatie tekst')).toBe(0);
    expect(check('Verantw. tekst')).toBe(0);
    const c = rows(SHEETS.controle);
    const list = c.findIndex((x) => String(x[1]).includes(`van het blad ${SHEETS.realisatie}`)) + 1;
    expect(list).toBeGreaterThan(0);
    expect(c.slice(list, list + kolommen.length).map((x) => [String(x[1]), x[2], x[3]])).toEqual(
      kolommen.map((k) => [k, 0, k]),
    );
    // The built werkmap's model checks are the domain's (the sample realisatie has every row in the begroting).
    base = master();
    expect(base).toBe(0);
    expect(ev.value(SHEETS.overzicht, 'C6')).toBe('OK');
    expect(ev.value(SHEETS.besteding, 'H3')).toBe(0);
    expect(ev.value(SHEETS.besteding, 'D3')).toBe(`Invoer ${SHEETS.verantwoording} zonder tekst`);
  });

  it('Realisatie!I10 = "463.920" as text: the SPUK IZA 2025 besteding drops to 0 (silently), counted on Controle and per year on Besteding', () => {
    const r = sheet(SHEETS.realisatie);
    const at = { sheet: r, row: 9, col: 8 }; // I10: SPUK IZA, 2025
    expect(ev.hf.getCellValue(at)).toBe(463_920);
    // The onbesteed (the terugvordering is "onbekend" here: nothing doorbetaald to the members, #18 review).
    const terug = verantw('SPUK IZA', 'Onbesteed', 3);
    try {
      ev.hf.setCellContents(at, [["'463.920"]]);
      expect(besteding('SPUK IZA', 'Realisatie')[2]).toBe(0); // SUMIFS skips the text: silently wrong
      expect(verantw('SPUK IZA', 'Onbesteed', 3)).toBe(Number(terug) + 463_920);
      // Besteding's row after the regelingen: the year of the text (2025).
      const b = rows(SHEETS.besteding);
      const tekst = b.find((x) => x[0] === `Bedragen op ${SHEETS.realisatie} als tekst (tellen niet mee)`);
      expect(tekst?.slice(3, 3 + years.length)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
      expect(check('Realisatie tekst')).toBe(1);
      expect(master()).toBe(base + 1);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(FOUT);
      // A prognose pasted as text counts too.
      ev.hf.setCellContents({ sheet: r, row: 9, col: table.column('Prognose').left - 1 }, [["'495.000"]]);
      expect(check('Realisatie tekst')).toBe(2);
    } finally {
      ev.hf.setCellContents(at, [[463_920]]);
      ev.hf.setCellContents({ sheet: r, row: 9, col: table.column('Prognose').left - 1 }, [[495_000]]);
    }
    expect(check('Realisatie tekst')).toBe(0);
    expect(master()).toBe(base);
  });

  it('the Verantwoording: a limit "0" and a schuifruimte "15" typed as text are counted (Besteding H3 names the input)', () => {
    const names = new Map(plan.names.map((n) => [n.name, n.ref] as const));
    const own = (name: string) => {
      const ref = names.get(name);
      if (ref === undefined) throw new Error(`No name ${name}`);
      return ref;
    };
    const v = sheet(SHEETS.verantwoording);
    // The schuifruimte % (one cell).
    const sr = ev.hf.simpleCellAddressFromString(
      own('Invoer_Schuifruimte_Brede_SPUK').replace(/\$/g, ''),
      v,
    )!;
    // The 2024 limit % of the Brede SPUK (C: an own value, not the Begrotingstoets's).
    const lim = ev.hf.simpleCellAddressFromString(
      own('Invoer_Limiet_Overheveling_Brede_SPUK').replace(/\$/g, '').split(':')[0]!,
      v,
    )!;
    const limC = { ...lim, col: 2 };
    expect(ev.hf.getCellFormula(limC)).toBeUndefined();
    const before = { sr: ev.hf.getCellSerialized(sr), lim: ev.hf.getCellSerialized(limC) };
    try {
      ev.hf.setCellContents(limC, [["'0"]]);
      expect(verantw('Brede SPUK', 'Limiet overheveling (€)', 2)).toBe('onbekend'); // not 0: silently other
      expect(check('Verantw. tekst')).toBe(1);
      expect(ev.value(SHEETS.besteding, 'H3')).toBe(1);
      // The list of the inputs, under the printed blocks (not on paper, #18): its first row.
      const list = rows(SHEETS.besteding).findIndex((l) => l[0] === LIST);
      expect(list).toBeGreaterThan(20);
      expect(ev.value(SHEETS.besteding, 'D3')).toBe(
        `Tekst in invoer ${SHEETS.verantwoording}: 1 (lijst vanaf rij ${list + 1})`,
      );
      expect(master()).toBe(base + 1);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(FOUT);
      ev.hf.setCellContents(sr, [["'15"]]);
      expect(check('Verantw. tekst')).toBe(2);
      // The list names the inputs with text in the words of their rows (no cell address, #18).
      const b = rows(SHEETS.besteding);
      const found = b
        .slice(list + 1)
        .filter((l) => l[1] === 1)
        .map((l) => String(l[0]));
      expect(found).toEqual([
        'Brede SPUK: limiet overheveling (%)',
        'Brede SPUK: schuifruimte verrekend (%)',
      ]);
    } finally {
      ev.hf.setCellContents(sr, [[before.sr ?? null]] as never);
      ev.hf.setCellContents(limC, [[before.lim ?? null]] as never);
    }
    expect(check('Verantw. tekst')).toBe(0);
    expect(master()).toBe(base);
  });

  it('a column "Kostenplaats" inserted into the table Realisatie at G (a table shorter than the checked rows): every year shifts silently, Controle counts each heading out of place', () => {
    const r = sheet(SHEETS.realisatie);
    const saved = ev.hf.getSheetSerialized(r);
    const cum = verantw('Brede SPUK', 'Verwachte terugvordering: cumulatief');
    const top = table.headerRow - 1;
    const n = realisatie.regels.length;
    try {
      // Insert > Table Columns to the Left at G: within the table's rows the cells from G move one
      // column right; the references below the table's end (G$7:G$506) do not move (Excel).
      for (let row = top; row <= top + n; row++) {
        const line = saved[row] ?? [];
        const moved = [row === top ? 'Kostenplaats' : null, ...line.slice(6, kolommen.length)];
        ev.hf.setCellContents({ sheet: r, row, col: 6 }, [moved.map((x) => (x === undefined ? null : x))]);
      }
      expect(besteding('Brede SPUK', 'Realisatie')[0]).toBe(0); // 2023 reads the Kostenplaats column
      expect(verantw('Brede SPUK', 'Verwachte terugvordering: cumulatief')).not.toBe(cum);
      // G..Q: the eight years, Andere dekking, Opmerking and Prognose no longer where the formulas read them.
      expect(check('Realisatie kolom')).toBe(kolommen.length - 6);
      const c = rows(SHEETS.controle);
      const list = c.findIndex((x) => String(x[1]).includes(`van het blad ${SHEETS.realisatie}`)) + 1;
      expect(c[list + 5]?.slice(0, 4)).toEqual([6, 'Aard lasten', 0, 'Aard lasten']);
      // The expected headings are texts, as the renderers write them (evaluate-plan keeps digit-only
      // texts as text since session 10).
      expect(c[list + 6]?.slice(0, 4)).toEqual([7, '2023', 1, 'Kostenplaats']);
      expect(c[list + 7]?.slice(0, 4)).toEqual([8, '2024', 1, '2023']);
      // The Opmerking texts of the five rows moved into the column Prognose: text where a prognose is read.
      expect(check('Realisatie tekst')).toBe(5);
      expect(master()).toBe(base + kolommen.length - 6 + 5);
      expect(ev.value(SHEETS.overzicht, 'C6')).toBe(FOUT);
    } finally {
      ev.hf.setSheetContent(r, saved);
    }
    expect(check('Realisatie kolom')).toBe(0);
    expect(master()).toBe(base);
  });
});
