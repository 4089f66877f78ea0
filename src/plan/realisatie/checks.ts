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
import { cellAddress, parseRange } from '../a1';
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
 * built (its inputs are known then). Row 3 beside the key count (B3); D3 its label; the count per
 * input in a list under the printed blocks (machinery, not on paper: #18).
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
  return [
    [
      'realisatie-kolommen',
      'Realisatie kolom',
      `Kopjes van de tabel ${SHEETS.realisatie} staan waar de formules ze lezen (per kopje: de lijst onderaan dit blad, op het scherm; "Gevonden" wijkt af: daar is een kolom ingevoegd of verplaatst). De bladen ${SHEETS.besteding} en ${SHEETS.verantwoording} lezen anders een verkeerde kolom. Zet de kolom terug; eigen kolommen rechts naast de tabel`,
      `SUM(${deviations.abs()})`,
    ],
    [
      'realisatie-tekst',
      'Realisatie tekst',
      `Bedragen in de tabel ${SHEETS.realisatie} die tekst zijn (geplakt "463.920"; de jaarkolommen en de kolom ${PROGNOSE_KOLOM}): tellen niet mee in de besteding, de terugvordering lijkt hoger. Typ een getal; per jaar: blad ${SHEETS.besteding}, rij "Bedragen op ${SHEETS.realisatie} als tekst"`,
      [textIn(t.years), textIn(t.column(PROGNOSE_KOLOM))],
    ],
    [
      'verantwoording-tekst',
      'Verantw. tekst',
      `Invoer op het blad ${SHEETS.verantwoording} die tekst is (gele cellen: limiet overheveling %, schuifruimte %, H35B doorbetaald, besteed na het einde): een limiet wordt "onbekend", de rest telt niet of verkeerd mee. Typ een getal; welke invoer: blad ${SHEETS.besteding}, de lijst "${TEKST_LIJST}" onder de blokken`,
      from.verantwoordingTekst.abs(),
    ],
  ];
}

/**
 * The cells of the Verantwoording's named inputs (`names` with `input`) that are no formula (a limit
 * that refers to the Begrotingstoets's is checked there, by `invoer-tekst`): a named block without a
 * formula whole, else as runs of one row.
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
    const whole = SheetRange.at(
      SHEETS.verantwoording,
      box.top,
      box.left,
      box.bottom - box.top + 1,
      box.right - box.left + 1,
    );
    // A block without formulas (the H35B doorbetaald: medeoverheden × years) is one run: one line.
    if (
      !formulas.some(
        (f) => f.top <= box.bottom && f.bottom >= box.top && f.left <= box.right && f.right >= box.left,
      )
    ) {
      out.push({ name: n.name, range: whole });
      continue;
    }
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

/** The heading of Besteding's list of the Verantwoording's inputs with text (under the printed blocks). */
const TEKST_LIJST = `Invoer op het blad ${SHEETS.verantwoording} die tekst is`;

/**
 * Writes Besteding's text count of the Verantwoording's inputs (after the Verantwoording is built):
 * D3 the signal, H3 (`BESTEDING_VERANTWOORDING_TEKST`) the count, and from `list` (column A under the
 * printed blocks: `BestedingCells.invoerTekst`) a heading and per input run a row: what the input is
 * in the words of its row on the Verantwoording ("Brede SPUK: limiet overheveling (%)"), no cell
 * address (#18), and in column B its count. Out of the print area: machinery on screen only. Expected
 * 0 each: the plan writes numbers (or nothing) in these inputs.
 */
export function verantwoordingTekstSection(
  s: SheetBuilder,
  inputs: readonly { readonly name: string; readonly range: Range }[],
  list: Range,
): void {
  const at = BESTEDING_VERANTWOORDING_TEKST;
  const n = inputs.length;
  const total = at.local().abs();
  s.formula(
    cellAddress(at.top, 4),
    `IF(${total}=0,"Invoer ${SHEETS.verantwoording} zonder tekst","Tekst in invoer ${SHEETS.verantwoording}: "&${total}&" (lijst vanaf rij ${list.top})")`,
    () => `Invoer ${SHEETS.verantwoording} zonder tekst`,
    'rowHeader',
  );
  if (n === 0) {
    s.formula(at.address(), '0', () => 0, 'integer');
    return;
  }
  s.values(cellAddress(list.top, list.left), [[TEKST_LIJST, 'Tekst']], 'header');
  const counts = SheetRange.at(SHEETS.besteding, list.top + 1, list.left + 1, n);
  s.formula(at.address(), `SUM(${counts.local().abs()})`, () => 0, 'integer');
  s.values(
    cellAddress(list.top + 1, list.left),
    inputs.map((x) => [inputLabel(x.name)]),
    'note',
  );
  inputs.forEach((x, i) => s.formula(counts.cell(i).address(), textIn(x.range), () => 0, 'integer'));
}

/**
 * What a named input of the Verantwoording is, in the words of its row there
 * (`Invoer_Limiet_Overheveling_Brede_SPUK`: "Brede SPUK: limiet overheveling (%)"); the regeling is
 * the name's tail (its name with `_` for other characters).
 */
export function inputLabel(name: string): string {
  const known: readonly [string, string][] = [
    ['Invoer_Limiet_Overheveling_', 'limiet overheveling (%)'],
    ['Invoer_Schuifruimte_', 'schuifruimte verrekend (%)'],
    ['Invoer_Na_Einde_', 'besteed na het einde'],
    ['Invoer_H35B_Doorbetaald_', 'H35B doorbetaald'],
    ['Invoer_H35B_Besteed_', 'H35B besteed'],
    ['Invoer_Besteding_Onderdelen_', 'besteding per onderdeel'],
    ['Invoer_Besteding_', 'besteding'],
  ];
  const hit = known.find(([prefix]) => name.startsWith(prefix));
  if (hit === undefined) return name.replace(/^Invoer_/, '').replace(/_/g, ' ');
  return `${name.slice(hit[0].length).replace(/_/g, ' ')}: ${hit[1]}`;
}
