/**
 * Issue #17 items 2 and 3 for the Realisatie and the Verantwoording, in LibreOffice (the werkmap
 * without the add-in): Zwolle with the sample begroting and realisatie (voorbeelden/), as
 * `werkboek --gemeente Zwolle --begroting … --realisatie …` makes it.
 * - Text: Realisatie!I10 (SPUK IZA 2025, 463.920) pasted as text "463.920", the Verantwoording's
 *   2024 limit % of the Brede SPUK typed as text "0" and its schuifruimte as text "15": the besteding
 *   reads 0 and the limit "onbekend" (silently, before the checks); now Controle counts them
 *   (`realisatie-tekst` 1, `verantwoording-tekst` 2, Overzicht FOUT), Besteding shows the year and the
 *   inputs.
 * - A column "Kostenplaats" inserted into the table Realisatie at G (shorter than the checked rows:
 *   no reference moves, see test/libreoffice/begroting-column.test.ts): 2023 reads 0; Controle's
 *   `realisatie-kolommen` counts the 11 headings out of place, the list names "Kostenplaats".
 * The HyperFormula proof: src/plan/realisatie-checks.test.ts.
 */
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import type { CellValue, WorkbookPlan } from '../../src/plan';
import { cellAddress, columnLetter, parseCell, parseRange } from '../../src/plan/a1';
import { realisatieKolommen, realisatieTable } from '../../src/plan/realisatie';
import { begroting, input, realisatie, ZWOLLE, zwolleVoorbeeldenPlan } from '../support/zwolle-voorbeelden';
import type { PlainValue } from './recalculate-plan';
import { recalculatedValues, withInput } from './recalculate-plan';
import { SOFFICE_TIMEOUT_MS } from './soffice';

const years = input.edition.years;
const base = zwolleVoorbeeldenPlan();
const kolommen = realisatieKolommen(years);
const table = realisatieTable(years);

/** The first cell of a defined name, `dc` columns right: its A1 address on its sheet. */
function cellOf(name: string, dc = 0): string {
  const ref = base.names.find((n) => n.name === name)?.ref ?? '';
  const r = parseRange((ref.split('!')[1] ?? '').replace(/\$/g, ''));
  return cellAddress(r.top, r.left + dc);
}

const INSERT_AT = 6; // 0-based: column G, the first year (2023)

/**
 * `plan` with a column "Kostenplaats" inserted into the table Realisatie at G: its heading row and
 * rows move one column right from G, the table grows by one column; no reference moves.
 */
function inserted(plan: WorkbookPlan): WorkbookPlan {
  const put = (line: readonly CellValue[], head: CellValue): CellValue[] => [
    ...line.slice(0, INSERT_AT),
    head,
    ...line.slice(INSERT_AT),
  ];
  return {
    ...plan,
    sheets: plan.sheets.map((s) => {
      if (s.name !== SHEETS.realisatie) return s;
      return {
        ...s,
        blocks: s.blocks.map((b) => {
          if (b.kind !== 'values') return b;
          const at = parseCell(b.at);
          if (at.col !== 1 || at.row < table.headerRow) return b;
          const head = at.row === table.headerRow ? 'Kostenplaats' : null;
          return { ...b, values: b.values.map((line, i) => put(line, i === 0 ? head : null)) };
        }),
        tables: s.tables.map((t) => {
          const r = parseRange(t.range);
          return { ...t, range: `A${r.top}:${columnLetter(r.right + 1)}${r.bottom}` };
        }),
      };
    }),
  };
}

type Row = PlainValue[];

async function recalculated(plan: WorkbookPlan) {
  const sheet = await recalculatedValues(plan, [
    SHEETS.controle,
    SHEETS.besteding,
    SHEETS.verantwoording,
    SHEETS.overzicht,
    SHEETS.realisatie,
  ]);
  const controle = sheet(SHEETS.controle);
  const besteding = sheet(SHEETS.besteding);
  const verantw = sheet(SHEETS.verantwoording);
  const line = (label: string) => controle.find((r) => r[0] === label)?.[2];
  const block = (rows: Row[], regeling: string, label: string): Row => {
    const top = rows.findIndex((r) => r[0] === regeling);
    return rows.find((r, i) => i > top && String(r[0]).startsWith(label)) ?? [];
  };
  const list = controle.findIndex((r) => String(r[1]).includes(`van het blad ${SHEETS.realisatie}`)) + 1;
  return {
    checks: ['Realisatie kolom', 'Realisatie tekst', 'Verantw. tekst'].map(line),
    master: controle[3]?.[2],
    overzicht: sheet(SHEETS.overzicht)[5]?.[2], // C6: Modelcontrole
    realisatie: sheet(SHEETS.realisatie),
    besteding,
    verantw,
    list: controle.slice(list, list + kolommen.length).map((r) => r.slice(0, 4)),
    bestedingRow: (regeling: string, label: string) => block(besteding, regeling, label).slice(3, 7),
    verantwRow: (regeling: string, label: string) => block(verantw, regeling, label).slice(1, 5),
  };
}

describe('LibreOffice: the Realisatie and the Verantwoording inputs guarded on Controle (Zwolle, the samples)', () => {
  it(
    'text in Realisatie!I10, the 2024 limit % and the schuifruimte: counted (FOUT), Besteding names the year and the inputs',
    async () => {
      const I10 = cellAddress(table.firstRow + 3, table.years.left + 2);
      expect(I10).toBe('I10');
      let plan = withInput(base, SHEETS.realisatie, I10, '463.920');
      plan = withInput(plan, SHEETS.verantwoording, cellOf('Invoer_Limiet_Overheveling_Brede_SPUK', 1), '0');
      plan = withInput(plan, SHEETS.verantwoording, cellOf('Invoer_Schuifruimte_Brede_SPUK'), '15');
      const r = await recalculated(plan);
      expect(r.realisatie[9]?.[8]).toBe('463.920'); // a text cell, as pasted
      // Silently wrong without the checks: SPUK IZA 2025 besteding 0; the limit "onbekend".
      expect(r.bestedingRow('SPUK IZA', 'Realisatie')).toEqual([410_250, 455_800, 0, 371_460]);
      expect(r.verantwRow('Brede SPUK', 'Limiet overheveling (€)')[1]).toBe('onbekend');
      expect(r.checks).toEqual([0, 1, 2]);
      expect(r.master).toBe(3);
      expect(r.overzicht).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      // Besteding's row after the regelingen: the year of the text (2025, column F).
      const tekst = r.besteding.find(
        (x) => x[0] === `Bedragen op ${SHEETS.realisatie} als tekst (tellen niet mee)`,
      );
      expect(tekst?.slice(3, 3 + years.length)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
      // Besteding row 3: the count (H3) and the signal (D3); the list under the printed blocks names
      // the inputs with text in the words of their rows (no cell address, #18).
      expect(r.besteding[2]?.[7]).toBe(2);
      const list = r.besteding.findIndex(
        (x) => x[0] === `Invoer op het blad ${SHEETS.verantwoording} die tekst is`,
      );
      expect(r.besteding[2]?.[3]).toBe(
        `Tekst in invoer ${SHEETS.verantwoording}: 2 (lijst vanaf rij ${list + 1})`,
      );
      const named = r.besteding.slice(list + 1).filter((x) => x[1] === 1);
      expect(named.map((x) => x[0])).toEqual([
        'Brede SPUK: limiet overheveling (%)',
        'Brede SPUK: schuifruimte verrekend (%)',
      ]);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  it(
    '"Kostenplaats" inserted before the years of the table Realisatie: 2023 reads 0, realisatie-kolommen 11, the list names it',
    async () => {
      const r = await recalculated(inserted(base));
      expect(r.realisatie[5]?.slice(5, 8)).toEqual(['Aard lasten', 'Kostenplaats', '2023']);
      // Silently wrong without the check: 2023 reads the Kostenplaats column, every year shifts.
      expect(r.bestedingRow('Brede SPUK', 'Realisatie')[0]).toBe(0);
      // 11 headings out of place; the Opmerking texts of the five rows moved into the column Prognose
      // (now text where a prognose is read).
      expect(r.checks).toEqual([kolommen.length - INSERT_AT, 5, 0]);
      expect(r.master).toBe(kolommen.length - INSERT_AT + 5);
      expect(r.overzicht).toBe(`FOUT: zie blad ${SHEETS.controle}`);
      expect(r.list[5]).toEqual([6, 'Aard lasten', 0, 'Aard lasten']);
      expect(r.list[6]).toEqual([7, '2023', 1, 'Kostenplaats']);
      expect(r.list[7]).toEqual([8, '2024', 1, '2023']);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  it(
    'an Activiteit "Lokaal sport*" and "Buurtsportcoache?": no begrotingsregel (MATCH read them as wildcards: 0)',
    async () => {
      expect(r0().C7).toBe('Lokaal sportakkoord');
      let plan = withInput(base, SHEETS.realisatie, 'C7', 'Lokaal sport*');
      plan = withInput(plan, SHEETS.realisatie, 'C8', 'Buurtsportcoache?');
      const r = await recalculated(plan);
      // B3: the rows without a begrotingsregel (the domain's keyMisses: 2).
      expect(r.besteding[2]?.[1]).toBe(2);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});

describe('LibreOffice: an Uitvoerder of digits is Kampen as the domain reads it (Zwolle, the samples)', () => {
  it(
    'SPUK IZA row with GM0166, the number 166 typed, or "166" from the file: Kampen\'s ontvangen and besteed (H35B) the same',
    async () => {
      /** The Verantwoording's rows "GM0166 Kampen" ontvangen and besteed (not the hidden helper blocks). */
      const kampen = async (plan: WorkbookPlan) => {
        const r = await recalculated(plan);
        return r.verantw
          .filter((x) => x[0] === 'GM0166 Kampen')
          .slice(0, 2)
          .map((x) => x.slice(1, 5));
      };
      const named = await kampen(withInput(base, SHEETS.realisatie, 'E10', 'GM0166'));
      expect(named[1]).toEqual([410_250, 455_800, 463_920, 495_000]); // 2026: its prognose
      const regels = realisatie.regels.map((x) =>
        x.regeling === 'SPUK IZA' ? { ...x, uitvoerder: '166' } : x,
      );
      const fromFile = buildWorkbookPlan(input, {
        key: 'spuk-2025',
        gemeente: ZWOLLE,
        begroting,
        realisatie: { ...realisatie, regels },
      });
      const got = {
        typed: await kampen(withInput(base, SHEETS.realisatie, 'E10', 166)),
        fromFile: await kampen(fromFile),
      };
      expect(got).toEqual({ typed: named, fromFile: named });
    },
    3 * SOFFICE_TIMEOUT_MS,
  );
});

/** The sample's first Realisatie row's Activiteit as the plan writes it. */
function r0(): { C7: CellValue | undefined } {
  const s = base.sheets.find((x) => x.name === SHEETS.realisatie)!;
  for (const b of s.blocks) {
    if (b.kind !== 'values') continue;
    const at = parseCell(b.at);
    const v = b.values[table.firstRow - at.row]?.[3 - at.col];
    if (v !== undefined && at.row <= table.firstRow && at.col <= 3) return { C7: v };
  }
  return { C7: undefined };
}
