// Entry point of the `spuk-begroting` command (bundled to dist/cli.js). The same file runs in the
// worker threads of `werkboek --alle` (./worker-pool.ts).
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import type { WorkbookPlan } from '../plan';
import type { XlsxBasePackage } from '../xlsx';
import { runCli } from './cli';
import { nodeIo, watchOutput } from './node-io';
import { runWorker, workerProducer } from './worker-pool';

/**
 * The renderers, loaded on first use: ExcelJS (src/xlsx) takes about 0,4 s to load, which only the
 * commands that write a werkmap should pay (`--help`, `begroting`, `allocaties` … never load it).
 * Webpack keeps the module in dist/cli.js (a CommonJS require inside the promise) but runs it only here.
 */
const xlsx = () => import('../xlsx');
const renderXlsx = async (plan: WorkbookPlan): Promise<Uint8Array> => (await xlsx()).renderXlsx(plan);
const xlsxBatch = async (base: WorkbookPlan, made?: XlsxBasePackage) => (await xlsx()).xlsxBatch(base, made);

if (isMainThread) {
  watchOutput(process.stdout);
  // One worker per core; the main thread only hands out gemeenten and writes files.
  const workers = Math.max(1, Math.min(8, os.availableParallelism()));
  runCli(
    process.argv.slice(2),
    nodeIo,
    renderXlsx,
    workerProducer(process.argv[1] ?? __filename, workers),
  ).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Interne fout: ${error instanceof Error ? error.message : String(error)}\nMeld dit als issue, met de opdracht die u gaf.\n`,
      );
      process.exitCode = 3;
    },
  );
} else {
  runWorker(xlsxBatch);
}
