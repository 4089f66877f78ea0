/**
 * Controle's checks on the Realisatie table and the Verantwoording's inputs (issue #17 items 2 and 3,
 * for the sheets of issue #19), the way the Begroting table is guarded (`begroting-kolommen`,
 * `begroting-tekst`, `invoer-tekst` in src/plan/sheets-controle.ts):
 * - `realisatie-kolommen`: every heading of the table Realisatie where the formulas read it (the
 *   Besteding's SUMIFS read fixed columns, `Realisatie!G$7:G$506`; a column "Kostenplaats" inserted
 *   before the years makes 2023 read 0 and every year shift);
 * - `realisatie-tekst`: amounts in the year columns and the column Prognose that are text (a pasted
 *   "463.920"): SUMIFS skips them, so the besteding drops and the terugvordering rises silently;
 * - `verantwoording-tekst`: the Verantwoording's own inputs (limit %, schuifruimte %, H35B
 *   doorbetaald, besteed na het einde: every named input that is no formula) that are text: a limit
 *   "0" typed as text reads "onbekend", a schuifruimte "15" as text counts silently.
 *
 * These are werkmap-only checks: the readers (CLI and pane) refuse a text amount and the plan writes
 * every heading where its formulas read it, so a freshly built werkmap counts 0 on each (expected 0,
 * not one of the domain's `MODEL_CHECKS`; the scenario's `modelChecksTotal` stays what the domain
 * proves). They count only in a werkmap with a Realisatie.
 */
import type { SheetRange as Range } from '../anchors';
import { SheetRange } from '../anchors';
import { cellAddress, columnLetter, parseRange } from '../a1';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { DefinedNameSpec } from '../types';
import type { RealisatieTableCells } from './fixed-cells';
import { PROGNOSE_KOLOM } from './fixed-cells';

/** The werkmap-only checks (expected 0 on a fresh build; see the module comment). */
export const WERKMAP_CHECKS = ['realisatie-kolommen', 'realisatie-tekst', 'verantwoording-tekst'] as const;
export type WerkmapCheckId = (typeof WERKMAP_CHECKS)[number];

/** What Controle needs to check the Realisatie (with a Realisatie only). */
export interface RealisatieControle {
  /** The user's table Realisatie (a fixed place, `realisatieTable(years)`) and its headings in order. */
  readonly table: RealisatieTableCells;
  readonly kolommen: readonly string[];
  /** The count of the Verantwoording's inputs that are text (a fixed cell on Besteding). */
  readonly verantwoordingTekst: Range;
}

/**
 * Besteding!H3: the count of the Verantwoording's inputs that are text, fixed because Controle (built
 * before both sheets) counts it; `verantwoordingTekstSection` writes it once the Verantwoording is
 * built (its inputs are known then). Row 3 beside the key count (B3); D3 its label, from I3 the count
 * per input with the input's name and cells in row 4.
 */
export const BESTEDING_VERANTWOORDING_TEKST = SheetRange.at(SHEETS.besteding, 3, 8);

/** A check as Controle writes it: id, name, description and its formula (or its terms). */
export type WerkmapCheck = [WerkmapCheckId, string, string, string | readonly string[]];

/** COUNTA − COUNT over a range: its non-empty cells that are no number (text). */
const textIn = (r: Range): string => `COUNTA(${r.abs()})-COUNT(${r.abs()})`;

/**
 * The three checks, in Controle's order. `deviations` is the column of 0/1 per heading of the
 * Realisatie's heading list on Controle (`headingListSection`).
 */
export function realisatieChecks(from: RealisatieControle, deviations: Range): WerkmapCheck[] {
  const t = from.table;
  const first = cellAddress(t.firstRow, t.years.left);
  return [
    [
      'realisatie-kolommen',
      'Realisatie kolom',
      `Kopjes van de tabel ${SHEETS.realisatie} (rij ${t.headerRow}) staan waar de formules ze lezen (lijst hieronder; "Gevonden" wijkt af: daar is een kolom ingevoegd of verplaatst). De bladen ${SHEETS.besteding} en ${SHEETS.verantwoording} lezen anders een verkeerde kolom. Zet de kolom terug; eigen kolommen rechts naast de tabel`,
      `SUM(${deviations.abs()})`,
    ],
    [
      'realisatie-tekst',
      'Realisatie tekst',
      `Bedragen in de tabel ${SHEETS.realisatie} die tekst zijn (geplakt "463.920"; jaarkolommen vanaf ${first} en kolom ${PROGNOSE_KOLOM}): tellen niet mee in de besteding, de terugvordering lijkt hoger. Typ een getal; per jaar: blad ${SHEETS.besteding}, rij "Bedragen op ${SHEETS.realisatie} als tekst"`,
      [textIn(t.years), textIn(t.column(PROGNOSE_KOLOM))],
    ],
    [
      'verantwoording-tekst',
      'Verantw. tekst',
      `Invoer op het blad ${SHEETS.verantwoording} die tekst is (gele cellen: limiet overheveling %, schuifruimte %, H35B doorbetaald, besteed na het einde): een limiet wordt "onbekend", de rest telt niet of verkeerd mee. Typ een getal; welke invoer: blad ${SHEETS.besteding}, rij 3–4 vanaf kolom ${columnLetter(from.verantwoordingTekst.left + 1)}`,
      from.verantwoordingTekst.abs(),
    ],
  ];
}

/**
 * The cells of the Verantwoording's named inputs (`names` with `input`) that are no formula (a limit
 * that refers to the Begrotingstoets's is checked there, by `invoer-tekst`), as runs of one row.
 */
export function verantwoordingInputs(
  names: readonly DefinedNameSpec[],
  sheet: SheetBuilder,
): { readonly name: string; readonly range: Range }[] {
  const formulas = sheet.formulaBlocks().map((b) => parseRange(b.range));
  const isFormula = (row: number, col: number) =>
    formulas.some((f) => row >= f.top && row <= f.bottom && col >= f.left && col <= f.right);
  const out: { name: string; range: Range }[] = [];
  for (const n of names) {
    if (n.input !== true) continue;
    const m = /^(?:'?([^'!]+)'?)!(.+)$/.exec(n.ref);
    if (m?.[1] !== SHEETS.verantwoording || m[2] === undefined) continue;
    const box = parseRange(m[2].replace(/\$/g, ''));
    for (let row = box.top; row <= box.bottom; row++) {
      let col = box.left;
      while (col <= box.right) {
        if (isFormula(row, col)) {
          col++;
          continue;
        }
        let end = col;
        while (end + 1 <= box.right && !isFormula(row, end + 1)) end++;
        out.push({ name: n.name, range: SheetRange.at(SHEETS.verantwoording, row, col, 1, end - col + 1) });
        col = end + 1;
      }
    }
  }
  return out;
}

/**
 * Writes Besteding's row 3–4 block (after the Verantwoording is built): D3 the signal, H3
 * (`BESTEDING_VERANTWOORDING_TEKST`) the count, from I3 one count per input run and in row 4 below
 * it what the input is and its first cell, in the 13 characters of a year column (so the controller
 * finds the cell to retype; the regeling follows from the row). Expected 0 each: the
 * plan writes numbers (or nothing) in these inputs.
 */
export function verantwoordingTekstSection(
  s: SheetBuilder,
  inputs: readonly { readonly name: string; readonly range: Range }[],
): void {
  const at = BESTEDING_VERANTWOORDING_TEKST;
  const n = inputs.length;
  const total = at.local().abs();
  s.formula(
    cellAddress(at.top, 4),
    `IF(${total}=0,"Invoer ${SHEETS.verantwoording} zonder tekst","Tekst in invoer ${SHEETS.verantwoording}: "&${total}&" (rij 4)")`,
    () => `Invoer ${SHEETS.verantwoording} zonder tekst`,
    'rowHeader',
  );
  if (n === 0) {
    s.formula(at.address(), '0', () => 0, 'integer');
    return;
  }
  const counts = SheetRange.at(SHEETS.besteding, at.top, at.left + 1, 1, n);
  s.formula(at.address(), `SUM(${counts.local().abs()})`, () => 0, 'integer');
  inputs.forEach((x, i) => s.formula(counts.cell(0, i).address(), textIn(x.range), () => 0, 'integer'));
  s.values(
    cellAddress(at.top + 1, at.left + 1),
    [inputs.map((x) => `${shortLabel(x.name)} ${x.range.cell().address()}`)],
    'note',
  );
}

/** What a named input of the Verantwoording is, in a word (`Invoer_Limiet_Overheveling_Brede_SPUK`: Limiet). */
function shortLabel(name: string): string {
  const known: readonly [string, string][] = [
    ['Invoer_Limiet_Overheveling_', 'Limiet'],
    ['Invoer_Schuifruimte_', 'Schuifr.'],
    ['Invoer_Na_Einde_', 'Na einde'],
    ['Invoer_H35B_', 'H35B'],
    ['Invoer_Besteding_Onderdelen_', 'Onderdeel'],
    ['Invoer_Besteding_', 'Besteding'],
  ];
  return known.find(([prefix]) => name.startsWith(prefix))?.[1] ?? name.replace(/^Invoer_/, '');
}
