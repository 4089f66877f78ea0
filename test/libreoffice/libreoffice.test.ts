/**
 * Second, independent formula oracle: LibreOffice Calc. The rendered .xlsx loses its cached results,
 * LibreOffice recalculates it headless and exports every sheet as CSV, and every formula cell must
 * equal the domain engine's `expected` value. This also proves the workbook works without the
 * add-in outside Excel. Needs `soffice` (CI: apt-get install -y libreoffice-calc-nogui); without it
 * the test fails, it never skips.
 */
import { defaultEditionId, editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { BESCHIKKING, generated } from '../support/generated-begroting';
import { buildWorkbookPlan } from '../../src/plan';
import type { WorkbookPlan } from '../../src/plan';
import { renderXlsx } from '../../src/xlsx';
import { agrees, comparePlan } from './compare-plan';
import { calcValue, parseCsv } from './csv-cells';
import { recalculateToCsv, SOFFICE_TIMEOUT_MS, sofficeBinary, stripCachedResults } from './soffice';

const formulaCells = (plan: WorkbookPlan): number =>
  plan.sheets
    .flatMap((s) => s.blocks)
    .reduce((n, b) => n + (b.kind === 'formula' ? b.expected.reduce((m, line) => m + line.length, 0) : 0), 0);

describe('LibreOffice CSV reading', () => {
  it('keeps text, numbers, percentages, booleans, errors and blanks apart', () => {
    const rows = parseCsv(
      '"a ""b""\nc",12,-0.1,1.5%,3.33333333333333E+019,TRUE,,"#NAME?",Err:502,"12"\r\n"",x\n',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.map(calcValue)).toEqual([
      { kind: 'text', value: 'a "b"\nc' },
      { kind: 'number', value: 12 },
      { kind: 'number', value: -0.1 },
      { kind: 'number', value: 0.015 },
      { kind: 'number', value: 3.33333333333333e19 },
      { kind: 'boolean', value: true },
      { kind: 'blank' },
      { kind: 'error', value: '#NAME?' },
      { kind: 'error', value: 'Err:502' },
      { kind: 'text', value: '12' },
    ]);
    expect(rows[1]?.map(calcValue)).toEqual([
      { kind: 'text', value: '' },
      { kind: 'unreadable', value: 'x' },
    ]);
  });

  it('compares euros exactly, fractions relatively and keeps types strict', () => {
    expect(agrees({ kind: 'number', value: 145636 }, 145636)).toBe(true);
    expect(agrees({ kind: 'number', value: 145636.0001 }, 145636)).toBe(false);
    expect(agrees({ kind: 'number', value: 0.0112077921140106 }, 0.011207792114010601)).toBe(true);
    expect(agrees({ kind: 'number', value: 0.01120779 }, 0.011207792114010601)).toBe(false);
    expect(agrees({ kind: 'text', value: '12' }, 12)).toBe(false);
    expect(agrees({ kind: 'number', value: 0 }, 'OK')).toBe(false);
    expect(agrees({ kind: 'text', value: 'deels structureel' }, 'deels structureel')).toBe(true);
    expect(agrees({ kind: 'boolean', value: true }, true)).toBe(true);
  });
});

describe('LibreOffice recalculates every formula cell to the engine value', () => {
  it('has soffice on the PATH', () => {
    // Throws SOFFICE_MISSING (the install hint) instead of skipping.
    expect(sofficeBinary()).toMatch(/soffice$/);
  });

  it.each([
    ['spuk-2025 for gemeente GM0034, with a generated begroting and beschikking', 'spuk-2025', 'GM0034'],
    ['gelijk, national view', 'gelijk', undefined],
  ] as const)(
    'key %s',
    async (_title, key, gemeente) => {
      // The gemeente's workbook carries a begroting whose rules all fire (the Begrotingstoets).
      const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
        key,
        gemeente: gemeente as CbsCode | undefined,
        ...(gemeente ? { begroting: generated(20261129, 60), beschikking: BESCHIKKING } : {}),
      });
      const started = Date.now();
      const stripped = await stripCachedResults(await renderXlsx(plan));
      expect(stripped.formulas).toBe(formulaCells(plan));
      const names = plan.sheets.map((s) => s.name);
      const csv = await recalculateToCsv(stripped.bytes, names);
      const { cells, mismatches, errors } = comparePlan(
        plan,
        new Map(names.map((name) => [name, parseCsv(csv.get(name) ?? '')])),
      );
      console.log(
        `LibreOffice oracle, key ${key}, gemeente ${gemeente ?? 'NL'}: ${cells} formula cells compared, ` +
          `${mismatches.length} mismatches, ${errors.length} error values, ${Date.now() - started} ms`,
      );
      expect(errors.slice(0, 20)).toEqual([]);
      expect(mismatches.slice(0, 20)).toEqual([]);
      expect(cells).toBe(stripped.formulas);
      expect(cells).toBeGreaterThan(80_000);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
