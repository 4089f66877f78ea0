import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import Papa from 'papaparse';
import { editionInput, registerEditionFolder } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import type { CellValue, WorkbookPlan } from '../../src/plan';
import { buildWorkbookPlan, cellAddress } from '../../src/plan';
import type { EvaluatedPlan } from '../support/evaluate-plan';
import { evaluatePlan, formulaMismatches } from '../support/evaluate-plan';

/**
 * The data-only test edition proef-2030 (test/fixtures/editions/proef-2030: the year 2030 and line 22
 * with amounts per gemeente, rule `tabel-per-gemeente`) flows through the workbook: the year axis of
 * every sheet gains 2030, Allocatie holds the CSV's amounts, and HyperFormula evaluates every
 * formula to the engine's value.
 */
const DIR = join(__dirname, '..', 'fixtures', 'editions', 'proef-2030');
const ALMERE = 'GM0034' as CbsCode;

const files: Record<string, string> = {};
for (const name of readdirSync(DIR))
  if (name !== 'edition.json') files[name] = readFileSync(join(DIR, name), 'utf8');
const table = Papa.parse<Record<string, string>>(files['proef_buurtgezondheid_2029_2030.csv'] ?? '', {
  header: true,
  skipEmptyLines: true,
}).data;
const tableSum = (jaar: number) =>
  table.filter((r) => r.jaar === String(jaar)).reduce((a, r) => a + Number(r.bedrag_eur), 0);

/** The first column (from A) on `row` of a sheet whose evaluated value is `value`, or undefined. */
function columnOf(
  ev: EvaluatedPlan,
  sheet: string,
  row: number,
  value: CellValue,
  from = 1,
): number | undefined {
  for (let col = from; col <= from + 400; col++)
    if (ev.value(sheet, cellAddress(row, col)) === value) return col;
  return undefined;
}

/** The first row (from `from`) in column `col` whose evaluated value is `value`, or undefined. */
function rowOf(
  ev: EvaluatedPlan,
  sheet: string,
  col: number,
  value: CellValue,
  from = 1,
): number | undefined {
  for (let row = from; row <= from + 600; row++)
    if (ev.value(sheet, cellAddress(row, col)) === value) return row;
  return undefined;
}

describe('the workbook of the data-only edition proef-2030', () => {
  beforeAll(() => {
    registerEditionFolder({
      dir: DIR,
      manifest: JSON.parse(readFileSync(join(DIR, 'edition.json'), 'utf8')) as unknown,
      files,
    });
  });

  const cases: readonly [string, CbsCode | undefined][] = [
    ['the national view', undefined],
    ['Almere (GM0034)', ALMERE],
  ];
  const plans = new Map<string, { plan: WorkbookPlan; ev: EvaluatedPlan }>();
  const get = (gemeente: CbsCode | undefined) => {
    const id = gemeente ?? 'NL';
    let p = plans.get(id);
    if (!p) {
      const plan = buildWorkbookPlan(editionInput('proef-2030'), {
        key: 'spuk-2025',
        gemeente,
        vorige: editionInput('vws-2026-04'),
      });
      p = { plan, ev: evaluatePlan(plan) };
      plans.set(id, p);
    }
    return p;
  };
  afterAll(() => plans.forEach((p) => p.ev.destroy()));

  it.each(cases)('%s: every formula of every sheet equals the engine', (_name, gemeente) => {
    const { plan, ev } = get(gemeente);
    const sheets = plan.sheets.map((s) => s.name);
    expect(sheets).toEqual(
      expect.arrayContaining([
        'Overzicht',
        'Landelijk',
        'Allocatie',
        'Begrotingstoets',
        'Samenvatting',
        'Controle',
      ]),
    );
    const m = formulaMismatches(plan, ev, sheets);
    expect(m.cells).toBeGreaterThan(50_000);
    expect(m.bad.slice(0, 5)).toEqual([]);
    // The model check is 0: line 22 (no begroting post) is read from Allocatie on Overzicht.
    expect(ev.value('Controle', 'C4')).toBe(0);
  });

  it('Landelijk: 2030 is the column after 2029 and line 22 holds Σ of the CSV in 2029 and 2030', () => {
    const { ev } = get(ALMERE);
    const c2029 = columnOf(ev, 'Landelijk', 4, 2029);
    const c2030 = columnOf(ev, 'Landelijk', 4, 2030);
    expect(c2029).toBe(11);
    expect(c2030).toBe(12);
    expect(ev.value('Landelijk', cellAddress(4, 14))).toBe('Totaal 2023–2030');
    const row = rowOf(ev, 'Landelijk', 1, 22, 5) ?? 0;
    expect(ev.value('Landelijk', cellAddress(row, 11))).toBe(tableSum(2029));
    expect(ev.value('Landelijk', cellAddress(row, 12))).toBe(tableSum(2030));
    expect(ev.value('Landelijk', cellAddress(row, 13 + 1))).toBe(tableSum(2029) + tableSum(2030));
  });

  it('Allocatie: the line 22 × 2030 column holds the CSV per gemeente (gepubliceerd); Σ gemeenten = national to the euro', () => {
    const { ev } = get(ALMERE);
    // Row 3: line numbers, row 6: years; gemeenten from row 11, NL below them, the check under NL.
    let col = 5;
    while (!(
      ev.value('Allocatie', cellAddress(3, col)) === 22 && ev.value('Allocatie', cellAddress(6, col)) === 2030
    ))
      col++;
    expect(ev.value('Allocatie', cellAddress(8, col))).toBe('gepubliceerd');
    expect(ev.value('Allocatie', cellAddress(9, col))).toBe('tabel-per-gemeente');
    const nl = rowOf(ev, 'Allocatie', 1, 'NL', 11) ?? 0;
    expect(nl - 11).toBe(table.filter((r) => r.jaar === '2030').length);
    for (let row = 11; row < nl; row++) {
      const code = ev.value('Allocatie', cellAddress(row, 1));
      const csv = table.find((r) => r.gemeentecode === code && r.jaar === '2030');
      expect([code, ev.value('Allocatie', cellAddress(row, col))]).toEqual([code, Number(csv?.bedrag_eur)]);
    }
    expect(ev.value('Allocatie', cellAddress(nl, col))).toBe(tableSum(2030));
    expect(ev.value('Allocatie', cellAddress(7, col))).toBe(tableSum(2030));
    expect(ev.value('Allocatie', cellAddress(nl + 1, col))).toBe(0);
  });

  it('Overzicht: 2030 is a year column; line 22 (no begroting post, read from Allocatie) shows the CSV amount for Almere', () => {
    const { plan, ev } = get(ALMERE);
    expect(columnOf(ev, 'Overzicht', 8, 2030)).toBe(12);
    expect(ev.value('Overzicht', 'M8')).toBe('Totaal 2023–2030');
    const row = rowOf(ev, 'Overzicht', 1, 22, 9) ?? 0;
    const csv = Number(table.find((r) => r.gemeentecode === ALMERE && r.jaar === '2030')?.bedrag_eur);
    expect(csv).toBe(25_053);
    // The sheet's value (HyperFormula) and the plan's expected value both equal the CSV.
    expect(ev.value('Overzicht', cellAddress(row, 12))).toBe(csv);
    const block = plan.sheets
      .find((s) => s.name === 'Overzicht')
      ?.blocks.find((b) => b.kind === 'formula' && b.range === `E${row}:L${row}`);
    expect(block?.kind === 'formula' ? block.expected[0]?.[7] : undefined).toBe(csv);
    expect(block?.kind === 'formula' ? block.formula : '').toContain('Allocatie!');
  });
});
