import { defaultEditionId, editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { renderPlan } from '../../src/excel';
import { buildWorkbookPlan } from '../../src/plan';
import { naiveRender } from '../../bench/excel';
import { FakeExcel } from '../support/fake-excel';
import LIMITS from './limits.json';

/** Deterministic budgets of the office-js renderer on the real plan (issue: benchmarks and budgets). */
describe('round-trip budgets', () => {
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'spuk-2025',
    gemeente: 'GM0034' as CbsCode,
  });

  it('needs at least 100× fewer round trips than a one-sync-per-row renderer, every batch under 4 MB', async () => {
    const ours = new FakeExcel();
    const report = await renderPlan(plan, { run: ours.run, requirements: ours.requirements });
    expect(report.ok).toBe(true);
    const naive = new FakeExcel();
    await naiveRender(plan, naive);
    expect(ours.batches.length).toBeLessThanOrEqual(LIMITS.excelBuildSyncs);
    expect(naive.batches.length / ours.batches.length).toBeGreaterThanOrEqual(LIMITS.roundTripFactor);
    for (const b of ours.batches) expect(b.requestBytes).toBeLessThan(LIMITS.excelRequestMiB * 1024 * 1024);
    // The baseline writes the same formulas and values: compare whole blocks of both workbooks.
    expect(naive.batches.length).toBeGreaterThan(1000);
    for (const [sheet, address] of [
      ['Allocatie', 'E7:CF355'],
      ['Afronding', 'E7:CF12'],
      ['Verdeelsleutel', 'H11:I353'],
    ] as const) {
      expect(naive.formulas(sheet, address)).toEqual(ours.formulas(sheet, address));
    }
  });
});
