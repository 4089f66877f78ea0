import type { WorkbookPlan } from '../src/plan';
import { parseCell, parseRange, toR1C1, cellAddress } from '../src/plan';
import { renderPlan } from '../src/excel';
import type { HostRequestContext } from '../src/excel';
import { FakeExcel } from '../test/support/fake-excel';
import type { BatchRecord } from '../test/support/fake-excel';
import type { Sample } from './stats';
import { time } from './stats';

export interface RoundTrips {
  readonly syncs: number;
  readonly operations: number;
  readonly requestBytes: number;
  readonly largestBatch: number;
  readonly batches: readonly BatchRecord[];
}

function summarise(batches: readonly BatchRecord[]): RoundTrips {
  return {
    syncs: batches.length,
    operations: batches.reduce((a, b) => a + b.operations, 0),
    requestBytes: batches.reduce((a, b) => a + b.requestBytes, 0),
    largestBatch: Math.max(0, ...batches.map((b) => b.requestBytes)),
    batches,
  };
}

/**
 * The naive baseline, written for this benchmark only: what many add-ins do. One `context.sync()`
 * per row of every block (values and formulas), number formats per row. Same fake host, same plan.
 */
export async function naiveRender(plan: WorkbookPlan, host: FakeExcel): Promise<void> {
  await host.run(async (ctx: HostRequestContext) => {
    for (const sheet of plan.sheets) {
      const ws = ctx.workbook.worksheets.add(sheet.name);
      await ctx.sync();
      for (const b of sheet.blocks) {
        if (b.kind === 'values') {
          const tl = parseCell(b.at);
          for (const [i, row] of b.values.entries()) {
            const address = `${cellAddress(tl.row + i, tl.col)}:${cellAddress(tl.row + i, tl.col + row.length - 1)}`;
            ws.getRange(address).values = [row.map((v) => v ?? '')];
            await ctx.sync(); // one round trip per row: the point of the baseline
          }
        } else {
          const r = parseRange(b.range);
          for (let row = r.top; row <= r.bottom; row++) {
            const formulas: string[] = [];
            for (let col = r.left; col <= r.right; col++)
              formulas.push('=' + toR1C1(b.formula, cellAddress(r.top, r.left)));
            ws.getRange(`${cellAddress(row, r.left)}:${cellAddress(row, r.right)}`).formulasR1C1 = [formulas];
            await ctx.sync(); // one round trip per row: the point of the baseline
          }
        }
      }
      for (const f of sheet.formats) {
        const spec = plan.styles[f.style];
        if (spec.numberFormat) ws.getRange(f.range).numberFormat = spec.numberFormat;
      }
      await ctx.sync();
    }
  });
}

export interface ExcelResult {
  readonly build: RoundTrips;
  readonly refresh: RoundTrips;
  readonly baseline: RoundTrips;
  readonly buildTime: Sample;
  readonly baselineTime: Sample;
  readonly cellsWritten: number;
}

export async function benchExcel(plan: WorkbookPlan, runs: number): Promise<ExcelResult> {
  // As the task pane calls it: it knows from the document settings whether it built this workbook.
  const host = new FakeExcel();
  const first = await renderPlan(plan, {
    run: host.run,
    requirements: host.requirements,
    expectExisting: false,
  });
  if (!first.ok) throw new Error(`render failed: ${first.failure.kind}`);
  const build = summarise([...host.batches]);
  const before = host.batches.length;
  const second = await renderPlan(plan, {
    run: host.run,
    requirements: host.requirements,
    expectExisting: true,
  });
  if (!second.ok) throw new Error(`refresh failed: ${second.failure.kind}`);
  const refresh = summarise(host.batches.slice(before));
  const baseHost = new FakeExcel();
  await naiveRender(plan, baseHost);
  const baseline = summarise(baseHost.batches);
  const buildTime = await time(runs, async () => {
    const h = new FakeExcel();
    await renderPlan(plan, { run: h.run, requirements: h.requirements, expectExisting: false });
  });
  const baselineTime = await time(Math.max(3, Math.floor(runs / 3)), async () =>
    naiveRender(plan, new FakeExcel()),
  );
  return { build, refresh, baseline, buildTime, baselineTime, cellsWritten: first.cellsWritten };
}

/** Assumptions for the Excel-on-the-web estimate (stated in the report). */
export const WEB = { latencyMs: 150, uploadBytesPerSecond: 1.25 * 1024 * 1024 } as const;

export function webEstimateMs(t: RoundTrips): number {
  return t.syncs * WEB.latencyMs + (t.requestBytes / WEB.uploadBytesPerSecond) * 1000;
}
