/**
 * Second oracle for a member gemeente's planned share (src/plan/beschikking-gepland.test.ts is the
 * HyperFormula proof): Veendam's werkmap holds its region's sheet Regioverdeling (Groningen); its
 * weight for 2025 is doubled in the input cell, LibreOffice recalculates the file, and the Beschikking's
 * planned share (SPUK IZA 2025) equals the domain's split with that weight; the other years keep the
 * domain's default; the Regioverdeling and Beschikking formulas equal the engine; Controle stays 0.
 */
import { editionInput } from '../../src/data';
import type { CbsCode, EditionYear } from '../../src/domain';
import { builtInKey, geplandAandeel, Ledger } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import type { SheetPlan } from '../../src/plan';
import { cellAddress, parseCell } from '../../src/plan/a1';
import {
  buildRegioverdeling,
  REGIO_INPUT_NAMES,
  REGIOVERDELING_SHEET,
} from '../../src/plan/sheets-regioverdeling';
import { comparePlan } from './compare-plan';
import { calcValue } from './csv-cells';
import { inputValue, recalculatedFields, withInput } from './recalculate-plan';
import { SOFFICE_TIMEOUT_MS } from './soffice';

const VEENDAM = 'GM0047' as CbsCode;

describe('LibreOffice: a member gemeente planned share follows its region inputs (Veendam)', () => {
  it(
    'Veendam weight 2025 doubled on Regioverdeling: the Beschikking planned share = the domain split with that weight',
    async () => {
      const input = editionInput('vws-2026-04');
      const ledger = new Ledger(input, builtInKey('spuk-2025', input.base));
      const years = input.edition.years;
      const plan = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: VEENDAM });
      const split = buildRegioverdeling(ledger, 'Groningen');
      const ref = plan.names.find((n) => n.name === REGIO_INPUT_NAMES.weights)?.ref ?? '';
      const top = parseCell(ref.split('!')[1]?.split(':')[0]?.replace(/\$/g, '') ?? 'E1');
      const row = top.row + split.shares.leden.indexOf(VEENDAM);
      const col = top.col + split.shares.years.indexOf(2025 as EditionYear);
      const old = inputValue(plan, REGIOVERDELING_SHEET, cellAddress(row, col)) as number;
      const typed = withInput(plan, REGIOVERDELING_SHEET, cellAddress(row, col), old * 2);
      expect(old).toBeGreaterThan(0);
      const changed = buildRegioverdeling(ledger, 'Groningen', {
        gewichten: new Map([[VEENDAM, { 2025: old * 2 }]]),
      });
      const parsed = await recalculatedFields(
        typed,
        typed.sheets.map((s) => s.name),
      );
      // The Regioverdeling's formulas = the domain's split with the doubled weight.
      const regio = comparePlan(
        {
          ...plan,
          sheets: [
            changed.sheet.build({
              header: { left: '', center: '', right: '' },
              footer: { left: '', center: '', right: '' },
            }),
          ],
        },
        parsed,
      );
      expect(regio.errors).toEqual([]);
      expect(regio.mismatches.slice(0, 10)).toEqual([]);
      // The Beschikking's planned-share row SPUK IZA (column C names it), one column per year from E.
      const bes = parsed.get(SHEETS.beschikking) ?? [];
      const iza = bes.find(
        (r) =>
          r[1]?.text === 'SPUK IZA' && r[2]?.text === 'gepland aandeel (Regioverdeling, methode aandeel)',
      );
      const own = changed.splits.find((s) => s.jaar === 2025)?.delen.find((d) => d.code === VEENDAM)?.bedrag;
      const before = geplandAandeel(ledger, VEENDAM, 'SPUK IZA', 2025 as EditionYear)?.bedrag;
      expect(before).toBe(276_740);
      expect(own).toBeGreaterThan(276_740);
      expect(calcValue(iza?.[4 + years.indexOf(2025)])).toEqual({ kind: 'number', value: own });
      expect(calcValue(iza?.[4 + years.indexOf(2024)])).toEqual({
        kind: 'number',
        value: geplandAandeel(ledger, VEENDAM, 'SPUK IZA', 2024 as EditionYear)?.bedrag,
      });
      // Every other Beschikking formula equals the engine; Controle stays 0 (toets and Samenvatting agree).
      const besPlan = plan.sheets.find((s) => s.name === SHEETS.beschikking) as SheetPlan;
      const rest = comparePlan({ ...plan, sheets: [besPlan] }, parsed);
      expect(rest.errors).toEqual([]);
      expect(rest.mismatches.length).toBe(1);
      expect(rest.mismatches[0]).toContain('Regioverdeling!');
      expect(calcValue(parsed.get(SHEETS.controle)?.[3]?.[2])).toEqual({ kind: 'number', value: 0 });
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
