/**
 * `npm run bench`: measures the engine, the office-js renderer (round trips and payload, through the
 * fake host, against a naive baseline), the workbook (.xlsx, HyperFormula) and the task pane, and
 * writes BENCHMARKS.md. Times are medians of repeated runs on a shared machine; counts and sizes are
 * deterministic (and are also hard budgets in the test suite: src/excel/*.test.ts, test/budgets/).
 */
import fs from 'node:fs';
import os from 'node:os';
import { defaultEditionId, defaultReferenceData, editionInput, editionManifests } from '../src/data';
import type { CbsCode } from '../src/domain';
import { buildWorkbookPlan } from '../src/plan';
import { batchPassed, benchBatch } from './batch';
import type { BatchResult } from './batch';
import { ledgerGrowth, MEASUREMENTS, runMeasurements } from './engine';
import type { GrowthRow, MeasurementRow } from './engine';
import { benchExcel, WEB, webEstimateMs } from './excel';
import type { RoundTrips } from './excel';
import { firstRender, taskpaneAssets } from './taskpane';
import { benchWorkbook } from './workbook';
import { kb, ms } from './stats';
import LIMITS from '../test/budgets/limits.json';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const OUT = process.env.BENCH_OUT ?? 'BENCHMARKS.md';
/**
 * `BENCH_ONLY=batch`: only §6 (`werkboek --alle` and its check), printed; `BENCH_BATCH_DIR=MAP` with it:
 * only the check of the files in MAP. `BENCH_MEASURE=Scenario,Plan` (with `BENCH_ONLY=engine`): only these §1 measurements, by name, and no
 * growth table: for profiling one measurement (`node --cpu-prof build/bench/bench.js`).
 */
const MEASURE = process.env.BENCH_MEASURE?.split(',').map((s) => s.trim());

/** Bytes as MiB (1 MiB = 1024 × 1024 bytes). */
function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

const GROWTH_FACTORS = [1, 3, 10, 30] as const;
const GROWTH_EDITION = 'gala-2023';

/** §1: the named measurements (per edition, per key where it matters) and the ledger's growth. */
function engineSection(rows: readonly MeasurementRow[], growth: readonly GrowthRow[]): string[] {
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  p('## 1. Engine: the ledger and the workbook plan, per edition');
  p();
  p('| Measurement | What is timed | Target |');
  p('|---|---|---|');
  for (const m of new Set(rows.map((r) => r.measurement)))
    p(`| ${m.name} | ${m.what} | < ${m.targetMs} ms |`);
  p();
  p('| Measurement | Edition | Key | Gemeente cells | Time | Target met (median) |');
  p('|---|---|---|---|---|---|');
  for (const r of rows) {
    const met = r.sample.median < r.measurement.targetMs;
    const verdict = met
      ? 'yes'
      : `**no** (${(r.sample.median / r.measurement.targetMs).toFixed(1)}× the target)`;
    p(
      `| ${r.measurement.name} | ${r.editie} | ${r.keyId} | ${r.cells.toLocaleString('en')} | ${ms(r.sample)} | ${verdict} |`,
    );
  }
  const missed = rows.filter((r) => r.sample.median >= r.measurement.targetMs);
  p();
  p(
    missed.length === 0
      ? 'Every median meets its target in this run.'
      : `Missed in this run (median at or above the target): ${missed.map((r) => `${r.measurement.name} ${r.editie} (${r.keyId})`).join(', ')}.`,
  );
  p();
  p(
    `Growth of the ledger with the number of gemeenten (${GROWTH_EDITION}, where every gemeente amount is a key split; key spuk-2025; synthetic: the 342 gemeenten copied, each copy with the original's weight and region):`,
  );
  p();
  p('| Gemeenten | Time | Per gemeente | Time vs 1× |');
  p('|---|---|---|---|');
  const first = growth[0];
  for (const g of growth)
    p(
      `| ${g.gemeenten.toLocaleString('en')} (${g.factor}×) | ${ms(g.sample)} | ${g.perGemeenteUs.toFixed(2)} µs | ${(g.sample.median / (first?.sample.median ?? 1)).toFixed(1)}× |`,
    );
  const last = growth[growth.length - 1];
  if (first && last) {
    const ratio = last.perGemeenteUs / first.perGemeenteUs;
    p();
    p(
      ratio <= 1.5
        ? `The cost per gemeente at ${last.factor}× the gemeenten is ${ratio.toFixed(1)}× the cost at 1× (within 1.5×): in this range the time grows about linearly with the number of gemeenten.`
        : `The cost per gemeente at ${last.factor}× the gemeenten is ${ratio.toFixed(1)}× the cost at 1×: in this range the time grows faster than the number of gemeenten, so these numbers do not show linear growth. (Each split is one pass over the gemeenten plus a linear-time selection of the threshold rest; the extra cost is not explained by this table.)`,
    );
  }
  return lines;
}

/** §6: `werkboek --alle`, its time and the check of every file. */
function batchSection(batch: BatchResult): string[] {
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  p('## 6. One workbook per gemeente (`werkboek --alle`)');
  p();
  p(
    `\`node dist/cli.js werkboek --alle --uit MAP\` (newest edition, key spuk-2025), ${batch.workers} worker threads, one run (wall time, including the start of the process and the workers). Target: all 342 in under 60 s on this machine; one workbook alone: see "Write .xlsx" in section 4, so 342 in a row would take about 342 times that.`,
  );
  p();
  p('| Measure | Value |');
  p('|---|---|');
  if (batch.failure !== undefined)
    p(`| Run | FAILED: ${batch.failure.replace(/\n/g, ' ').replace(/\|/g, '/')} |`);
  p(`| Workbooks written | ${batch.files} (+ index.csv) |`);
  p(
    `| Wall time, all of them | **${batch.seconds.toFixed(1)} s** (${((batch.seconds * 1000) / Math.max(1, batch.files)).toFixed(0)} ms per workbook) |`,
  );
  if (batch.cpuSeconds !== undefined)
    p(
      `| CPU time (user + system, all threads) | ${batch.cpuSeconds.toFixed(1)} s: on ${os.cpus().length} free cores the wall time would be about ${(batch.cpuSeconds / os.cpus().length).toFixed(0)} s; more means other work shared the machine |`,
    );
  p(`| Total size | ${mib(batch.totalBytes)} |`);
  p(
    `| Formula cells checked (every file) | ${batch.formulaCells.toLocaleString('en')}; without cached result: ${batch.uncached}; error cells: ${batch.errorCells} |`,
  );
  p(`| Overzicht shows another gemeente than the file's | ${batch.wrongGemeente} |`);
  p(
    `| Layouts of the files' plans (where the compared sheets' blocks are; one HyperFormula model each) | ${batch.layouts}; files recalculated on the model of their layout: ${batch.filesRecalculated} of ${batch.files} |`,
  );
  p(
    `| Recalculated by HyperFormula (the file's gemeente chosen on the model of its layout, every formula of the sheets that depend on the choice) | ${batch.recalculated.toLocaleString('en')} cells; ${batch.expectedChecked.toLocaleString('en')} of them also compared with the file's own plan (the domain's values); ${batch.differ} differ |`,
  );
  p(`| Checking time (not part of the batch) | ${batch.verifySeconds.toFixed(1)} s |`);
  for (const m of batch.recalcMismatches)
    p(`| Mismatch${batch.differ > 10 ? ' (the first 10)' : ''} | ${m} |`);
  p();
  p(
    'How: each worker resolves the national scenario and builds the national sheets once (`resolveNational`, `planReuse`); per gemeente only its own scenario part and sheets are made (a few ms); the .xlsx package of the first plan is written once per worker, and for every other gemeente only the sheets that differ are put in: Overzicht has the same layout, so only its changed values and cached results are rewritten in the XML; "Wat is er veranderd" changes its rows, and the Samenvatting its layout where a note or the mutaties block differs, so such a sheet is written anew (a small ExcelJS package whose styles and texts are mapped onto the shared ones); the national sheets keep their compressed bytes. A test proves the result equal, cell by cell, to a full render (src/xlsx/batch-xlsx.test.ts).',
  );
  p();
  return lines;
}

function tripRow(name: string, t: RoundTrips): string {
  return `| ${name} | ${t.syncs} | ${t.operations.toLocaleString('en')} | ${kb(t.requestBytes)} | ${kb(t.largestBatch)} | ${(webEstimateMs(t) / 1000).toFixed(1)} s |`;
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const data = defaultReferenceData();
  const log = (s: string) => process.stderr.write(s + '\n');
  if (process.env.BENCH_ONLY === 'batch') {
    // Only §6 (to stdout): `werkboek --alle` and the check (BENCH_BATCH_DIR=MAP: only the check of MAP).
    const batch = await benchBatch();
    process.stdout.write(batchSection(batch).join('\n') + '\n');
    if (!batchPassed(batch, data.gemeenten.length)) process.exitCode = 1;
    return;
  }
  log('engine …');
  const measured = await runMeasurements(
    editionManifests().map((m) => ({
      id: m.id,
      input: editionInput(m.id),
      ...(m.vorige ? { vorige: editionInput(m.vorige) } : {}),
    })),
    RUNS,
    MEASURE === undefined ? MEASUREMENTS : MEASUREMENTS.filter((m) => MEASURE.includes(m.name)),
  );
  const growth =
    MEASURE === undefined ? await ledgerGrowth(editionInput(GROWTH_EDITION), GROWTH_FACTORS, RUNS) : [];
  if (process.env.BENCH_ONLY === 'engine') {
    process.stdout.write(engineSection(measured, growth).join('\n') + '\n');
    return;
  }
  log('office-js renderer (fake host) …');
  const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
    key: 'spuk-2025',
    gemeente: 'GM0034' as CbsCode,
  });
  const excel = await benchExcel(plan, RUNS);
  log('workbook …');
  const wb = await benchWorkbook(editionInput(defaultEditionId()), RUNS);
  log('task pane …');
  const assets = taskpaneAssets();
  const render = await firstRender(RUNS);
  log('werkboek --alle (all gemeenten, dist/cli.js) …');
  const batch = await benchBatch();

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const lines: string[] = [];
  const p = (s = '') => lines.push(s);
  p('# Benchmarks');
  p();
  p(`Generated by \`npm run bench\` (BENCH_RUNS=${RUNS}) on ${new Date().toISOString().slice(0, 10)}.`);
  p(
    `Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.platform()} ${os.release()}; Node ${process.version}.`,
  );
  p(
    'Times: median (min–max, n runs) after one warm-up, on a shared machine: compare ratios measured in the same run, not absolute times across runs.',
  );
  p(
    `Load average (1 min) at the start ${loadAtStart.toFixed(1)}, at the end ${(os.loadavg()[0] ?? 0).toFixed(1)}, on ${os.cpus().length} cores: above ${os.cpus().length} other work was waiting for the cores and every time here is inflated by it.`,
  );
  p('Counts and sizes are deterministic; the budgets among them fail the test suite (see "Budgets").');
  p();
  p(
    'Reproduce: `npm ci && npm run build && npm run bench` (needs Debian `chromium` for the task-pane timing).',
  );
  p();
  for (const l of engineSection(measured, growth)) p(l);
  p();
  p('## 2. Round trips and payload (office-js renderer through the fake Excel host)');
  p();
  p(
    `Plan: key spuk-2025, gemeente Almere; ${excel.cellsWritten.toLocaleString('en')} cells written. Bytes = estimated request JSON, as the fake host measures it.`,
  );
  p();
  p('| Run | `context.sync()` | Queued operations | Request bytes | Largest batch | Est. Excel on the web |');
  p('|---|---|---|---|---|---|');
  p(tripRow('Full build', excel.build));
  p(tripRow('Refresh', excel.refresh));
  p(tripRow('Naive baseline (one sync per row)', excel.baseline));
  p();
  p(
    `Ratios (baseline ÷ ours, full build): **${(excel.baseline.syncs / excel.build.syncs).toFixed(0)}× fewer round trips**, ${(excel.baseline.operations / excel.build.operations).toFixed(1)}× fewer queued operations.`,
  );
  p();
  p('Batches of the full build:');
  p();
  p('| Sync | Operations | Request bytes | Calculation suspended |');
  p('|---|---|---|---|');
  for (const b of excel.build.batches)
    p(`| ${b.sync} | ${b.operations} | ${kb(b.requestBytes)} | ${b.calcSuspended ? 'yes' : 'no'} |`);
  p();
  p(
    `In-process time through the fake host (no network, no Excel): ours ${ms(excel.buildTime)}; baseline ${ms(excel.baselineTime)}.`,
  );
  p();
  p('## 3. Estimated wall time on Excel on the web');
  p();
  p(
    `Estimate = round trips × ${WEB.latencyMs} ms latency + request bytes ÷ ${(WEB.uploadBytesPerSecond / 1024 / 1024).toFixed(2)} MiB/s upload (about 10.5 Mbit/s).`,
  );
  p(
    "Not included: Excel's own time to apply the batch and recalculate (unknown here; measure in real Excel before a release), and response bytes (small: the reads return only the input ranges).",
  );
  p(
    `Full build ≈ ${(webEstimateMs(excel.build) / 1000).toFixed(1)} s; refresh ≈ ${(webEstimateMs(excel.refresh) / 1000).toFixed(1)} s; the naive baseline ≈ ${(webEstimateMs(excel.baseline) / 1000).toFixed(0)} s.`,
  );
  p();
  p('## 4. Workbook');
  p();
  p(`| Measure | Value |`);
  p('|---|---|');
  p(`| Cells (values + formulas) | ${wb.cells.toLocaleString('en')} |`);
  p(`| Formula cells | ${wb.formulaCells.toLocaleString('en')} in ${wb.formulaBlocks} formula blocks |`);
  p(`| Build the plan (domain + plan) | ${ms(wb.planTime)} |`);
  p(`| Write .xlsx (ExcelJS + charts) | ${ms(wb.xlsxTime)} |`);
  p(`| .xlsx size | ${mib(wb.xlsxBytes)} |`);
  p(`| HyperFormula: build and calculate the whole model | ${ms(wb.hfBuild)} |`);
  p(
    `| HyperFormula: recalculation after one input change (a weight on Verdeelsleutel) | ${ms(wb.hfChange)} |`,
  );
  p();
  p(`Input-change check: ${wb.changeVerified}.`);
  p();
  p('| Sheet | Cells | Formulas |');
  p('|---|---|---|');
  for (const s of wb.perSheet)
    p(`| ${s.sheet} | ${s.cells.toLocaleString('en')} | ${s.formulas.toLocaleString('en')} |`);
  p();
  p('## 5. Task pane');
  p();
  if (assets.length === 0) p('dist/ has no task-pane build: run `npm run build` first.');
  else {
    p('| Asset | Raw | gzip -9 |');
    p('|---|---|---|');
    for (const a of assets) p(`| ${a.file} | ${kb(a.raw)} | ${kb(a.gzip)} |`);
    p(
      `| **Total** | ${kb(assets.reduce((x, a) => x + a.raw, 0))} | ${kb(assets.reduce((x, a) => x + a.gzip, 0))} (budget ${LIMITS.taskpaneGzipKiB} KiB) |`,
    );
  }
  p();
  p(
    `Time to first render of dist/taskpane.html in headless Chromium (navigation start → form in the DOM, office.js stubbed): ${typeof render === 'string' ? render : ms(render)}.`,
  );
  p();
  for (const l of batchSection(batch)) p(l);
  p('## Budgets (hard failures in `npm test`)');
  p();
  p('| Budget | Limit | Now | Where enforced |');
  // Every limit in this table is read from test/budgets/limits.json, the one place the tests read it too.
  p('|---|---|---|---|');
  p(
    `| Syncs, full build | ≤ ${LIMITS.excelBuildSyncs} | ${excel.build.syncs} | test/budgets/round-trips.test.ts |`,
  );
  p(
    `| Syncs, refresh | ≤ ${LIMITS.excelRefreshSyncs} | ${excel.refresh.syncs} | src/excel/real-plan.test.ts, test/browser |`,
  );
  p(
    `| Largest batch | < ${LIMITS.excelRequestMiB} MiB | ${kb(excel.build.largestBatch)} | src/excel/real-plan.test.ts, test/budgets/round-trips.test.ts |`,
  );
  p(
    `| Round trips vs baseline | ≥ ${LIMITS.roundTripFactor}× fewer | ${(excel.baseline.syncs / excel.build.syncs).toFixed(0)}× | test/budgets/round-trips.test.ts |`,
  );
  p(
    `| Task pane JS + CSS gzip | ≤ ${LIMITS.taskpaneGzipKiB} KiB | ${kb(assets.reduce((x, a) => x + a.gzip, 0))} | test/budgets/bundle-size.test.ts (webpack performance hints also fail a build above ${LIMITS.taskpaneRawKiB} KiB raw per asset; both limits: test/budgets/limits.json) |`,
  );
  p();
  p(
    'Note on the sync counts: the task pane tells the renderer whether it built this workbook before (document settings). A refresh reads the user\'s input ranges in its first round trip (check + read) and writes in the second. Without that hint the renderer guesses "built before": a first build then costs one extra, read-only round trip (3), still within the budget. If the guess fails on a refresh because the user deleted an input name or its sheet, it falls back to check → read → write after the failed read (4, once).',
  );
  fs.writeFileSync(OUT, lines.join('\n') + '\n');
  log(`wrote ${OUT}`);
  if (!batchPassed(batch, data.gemeenten.length)) {
    log('werkboek --alle: the files did not pass the checks (see BENCHMARKS.md section 6)');
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
