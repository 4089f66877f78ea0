/**
 * A workbook made before the task pane opened (by the CLI, or by the add-in in a session whose document
 * settings were lost): the plan rendered into the fake host by the real renderer. Used by the browser
 * test through build/fake-host.js, with a plan built in Node and passed to the page as JSON (a
 * WorkbookPlan is plain data). Afterwards the batch log is cleared, so the pane's syncs count from 1.
 */
import { renderPlan } from '../../../src/excel/render';
import type { WorkbookPlan } from '../../../src/plan';
import type { FakeExcel } from './fake-excel';

export async function prebuild(fake: FakeExcel, plan: WorkbookPlan): Promise<void> {
  const report = await renderPlan(plan, {
    run: fake.run,
    requirements: fake.requirements,
    expectExisting: false,
  });
  if (!report.ok) throw new Error(`prebuild failed: ${JSON.stringify(report.failure)}`);
  fake.batches.length = 0;
}
