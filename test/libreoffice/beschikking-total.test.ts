/**
 * Issue 16, "one truth", second oracle: a Brede SPUK total typed on the sheet Beschikking moves every
 * sheet that depends on it. The werkmap is built without a beschikking, the total is set in its input
 * cells (Invoer_Beschikking, row BS), LibreOffice recalculates the file, and every formula cell of
 * the dependent sheets must equal the plan built with that beschikking (the domain's values). The
 * HyperFormula proof of the same is src/plan/one-truth.test.ts.
 */
import { editionInput } from '../../src/data';
import type { BeschikkingRegel, CbsCode, Euro } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import { parseCell } from '../../src/plan/a1';
import { comparePlan } from './compare-plan';
import { calcValue } from './csv-cells';
import { recalculatedFields, withInput } from './recalculate-plan';
import { SOFFICE_TIMEOUT_MS } from './soffice';

const ZWOLLE = 'GM0193' as CbsCode;
const TOTALEN: readonly BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_100_000 as Euro },
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 1_800_000 as Euro },
];
/** Every sheet whose numbers depend on the beschikking. */
const DEPENDENT: readonly string[] = [
  SHEETS.beschikking,
  SHEETS.toets,
  SHEETS.samenvatting,
  SHEETS.overzicht,
  SHEETS.controle,
];

describe('LibreOffice: a beschikking total typed on the sheet moves every dependent sheet (Zwolle)', () => {
  it(
    'Brede SPUK 2025 € 2.100.000 and 2026 € 1.800.000: every formula of Beschikking, Begrotingstoets, Samenvatting, Overzicht and Controle = the plan built with it',
    async () => {
      const input = editionInput('vws-2026-04');
      const given = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, beschikking: TOTALEN });
      const empty = buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE });
      const ref = empty.names.find((n) => n.name === 'Invoer_Beschikking')?.ref ?? '';
      const first = parseCell(ref.split('!')[1]?.split(':')[0]?.replace(/\$/g, '') ?? 'E7');
      const years = input.edition.years;
      // The grid's first row is the Brede SPUK total (key BS), one column per year.
      const cell = (jaar: number) =>
        `${String.fromCharCode(64 + first.col + years.indexOf(jaar))}${first.row}`;
      let typed = withInput(empty, SHEETS.beschikking, cell(2025), 2_100_000);
      typed = withInput(typed, SHEETS.beschikking, cell(2026), 1_800_000);
      const names = typed.sheets.map((s) => s.name);
      const parsed = await recalculatedFields(typed, names);
      // Compare the dependent sheets against the plan built with the beschikking.
      const only = { ...given, sheets: given.sheets.filter((s) => DEPENDENT.includes(s.name)) };
      const { cells, mismatches, errors } = comparePlan(only, parsed);
      expect(errors.slice(0, 20)).toEqual([]);
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(cells).toBeGreaterThan(1000);
      // And the amounts moved: without the beschikking the same cells differ (the proof can fail).
      const before = comparePlan(
        { ...empty, sheets: empty.sheets.filter((s) => DEPENDENT.includes(s.name)) },
        parsed,
      );
      expect(before.mismatches.length).toBeGreaterThan(10);
      // Overzicht's eigen geld 2025 reads the total, labelled beschikking.
      const overzicht = parsed.get(SHEETS.overzicht) ?? [];
      const eigen = overzicht.find((row) => row[1]?.text === 'Eigen geld: baten van de gemeente');
      expect(calcValue(eigen?.[4 + years.indexOf(2025)])).toEqual({ kind: 'number', value: 2_100_000 });
      expect(calcValue(eigen?.[4 + years.indexOf(2026)])).toEqual({ kind: 'number', value: 1_800_000 });
      // Controle stays 0: every sheet tells the same amount.
      expect(calcValue(parsed.get(SHEETS.controle)?.[3]?.[2])).toEqual({ kind: 'number', value: 0 });
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
