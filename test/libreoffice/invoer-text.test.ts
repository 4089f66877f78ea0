/**
 * Issue #17 item 3 beyond the Begroting table, in LibreOffice (the werkmap without the add-in): input
 * amounts pasted as text on the sheet Beschikking ("3.912.345" with a no-break space, which would fall
 * back to the edition's amount), on the Begrotingstoets (overheveling, vooruit ontvangen) and on
 * Landelijk are each a Controle FOUT (checks `beschikking-tekst`, `invoer-tekst`, `landelijk-tekst`)
 * and, where the toets reads them, a toets signal. The same cells typed as numbers: 0. The .xlsx is
 * rendered from the plan with those cells set, stripped of cached results and recalculated. The
 * HyperFormula proof: src/plan/invoer-tekst-controle.test.ts.
 */
import { editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import type { CellValue } from '../../src/plan';
import { cellAddress, parseCell, parseRange } from '../../src/plan/a1';
import { recalculatedValues, withInput } from './recalculate-plan';
import { SOFFICE_TIMEOUT_MS } from './soffice';

const base = buildWorkbookPlan(editionInput('vws-2026-04'), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
});

/** The cell of a defined name, `dr` rows and `dc` columns from its first cell: [sheet, A1]. */
function cellOf(name: string, dr = 0, dc = 0): [string, string] {
  const ref = base.names.find((n) => n.name === name)?.ref ?? '';
  const [sheet, a1] = ref.split('!');
  const r = parseRange((a1 ?? '').replace(/\$/g, ''));
  return [(sheet ?? '').replace(/^'|'$/g, ''), cellAddress(r.top + dr, r.left + dc)];
}

/** The value of a plan's input cell (a value block), undefined where there is none. */
function planValue(sheet: string, address: string): CellValue | undefined {
  const target = parseCell(address);
  for (const b of base.sheets.find((s) => s.name === sheet)?.blocks ?? []) {
    if (b.kind !== 'values') continue;
    const at = parseCell(b.at);
    const v = b.values[target.row - at.row]?.[target.col - at.col];
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * The four cells and what is typed in them: as text (a paste) or as the number (`null`: the amount the
 * werkmap has there, so only the type changes: Landelijk's national amount).
 */
const CELLS: readonly {
  readonly at: [string, string];
  readonly text: string;
  readonly number: number | null;
}[] = [
  // Beschikking, the grid's SPUK IZA row (key IZA) in 2025: found below by its key.
  { at: ['Beschikking', 'IZA:2025'], text: '3.912.345\u00a0', number: 3_912_345 },
  { at: cellOf('Invoer_Overheveling_2025'), text: '€ 80.000', number: 80_000 },
  { at: cellOf('Invoer_Vooruit_Ontvangen', 0, 3), text: '50.000\u00a0', number: 50_000 },
  // Landelijk, the first line's national amount in 2025 (the third year column).
  { at: cellOf('Invoer_Landelijk', 0, 2), text: '1.000.000', number: null },
];

/** The grid cell of the Beschikking's key `IZA` in 2025 (its row found by column A). */
function beschikkingCell(): string {
  const grid = cellOf('Invoer_Beschikking');
  const r = parseCell(grid[1]);
  const sheet = base.sheets.find((s) => s.name === SHEETS.beschikking);
  for (const b of sheet?.blocks ?? []) {
    if (b.kind !== 'values' || parseCell(b.at).col !== 1) continue;
    const i = b.values.findIndex((line) => line[0] === 'IZA');
    if (i >= 0) return cellAddress(parseCell(b.at).row + i, r.col + 2);
  }
  throw new Error('No IZA row on Beschikking');
}

async function recalculated(as: 'text' | 'number') {
  let plan = base;
  for (const c of CELLS) {
    const [sheet, a1] = c.at[1] === 'IZA:2025' ? [c.at[0], beschikkingCell()] : c.at;
    const number = c.number ?? planValue(sheet, a1) ?? null;
    if (as === 'number') expect(typeof number).toBe('number');
    plan = withInput(plan, sheet, a1, as === 'text' ? c.text : number);
  }
  const sheet = await recalculatedValues(plan, [SHEETS.controle, SHEETS.toets]);
  const controle = sheet(SHEETS.controle);
  const toets = sheet(SHEETS.toets);
  const line = (label: string) => controle.find((r) => r[0] === label)?.[2];
  const toetsRow = (label: string) => toets.find((r) => r[1] === label) ?? [];
  return {
    checks: ['Tekst in beschikking', 'Tekst in invoer toets', 'Tekst op Landelijk'].map(line),
    master: controle[3]?.[2],
    beschikking: toetsRow('Tekst in een bedrag (blad Beschikking)'),
    overheveling: toetsRow('Tekst in de invoer: overheveling en limieten %'),
    vooruit: toetsRow('Tekst in de invoer: vooruit ontvangen'),
  };
}

describe('LibreOffice: input amounts typed as text are FOUT on Controle (Almere)', () => {
  it(
    'as text: Beschikking, toets inputs and Landelijk each 1 on Controle, the toets counts them',
    async () => {
      const r = await recalculated('text');
      // Two toets inputs hold text: the overheveling of the total and vooruit ontvangen 2026.
      expect(r.checks).toEqual([1, 2, 1]);
      // The master: a number ≥ 3, or an error where Landelijk's text breaks a split (FOUT either way).
      if (typeof r.master === 'number') expect(r.master).toBeGreaterThanOrEqual(4);
      expect(r.beschikking.slice(4, 12)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
      expect(r.beschikking[14]).toBe(1);
      expect(r.overheveling[4]).toBe(1);
      expect(r.overheveling[14]).toBe(1);
      expect(r.vooruit.slice(4, 12)).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
      expect(r.vooruit[14]).toBe(1);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  it(
    'the same cells as numbers: every text check 0, Controle 0',
    async () => {
      const r = await recalculated('number');
      expect(r.checks).toEqual([0, 0, 0]);
      expect(r.master).toBe(0);
      expect(r.beschikking.slice(4, 12)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(r.overheveling[4]).toBe(0);
      expect(r.vooruit.slice(4, 12)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
