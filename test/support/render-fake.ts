import type { RenderOptions, RenderReport, RenderSuccess } from '../../src/excel';
import { renderPlan } from '../../src/excel';
import type { WorkbookPlan } from '../../src/plan';
import type { FakeExcel } from './fake-excel';

/** Renders a plan into the fake Excel host (its runner and requirement sets). */
export async function render(
  fake: FakeExcel,
  plan: WorkbookPlan,
  options: RenderOptions = {},
): Promise<RenderReport> {
  return renderPlan(plan, { run: fake.run, requirements: fake.requirements, ...options });
}

/** The success report, or a thrown error naming the failure (tests that expect success). */
export function ok(report: RenderReport): RenderSuccess {
  if (!report.ok) throw new Error(`render failed: ${JSON.stringify(report.failure)}`);
  return report;
}
