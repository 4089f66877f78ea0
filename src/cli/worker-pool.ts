import { parentPort, Worker } from 'node:worker_threads';
import type { CbsCode } from '../domain';
import type {
  BatchJob,
  BatchRenderer,
  BatchShared,
  BatchRendererFactory,
  FileResult,
  WerkmapProducer,
} from './werkmappen';
import { batchShared, gemeentePlan, planShape } from './werkmappen';

/**
 * `werkboek --alle` on several cores: worker threads that each run the same script (the bundled
 * dist/cli.js, which starts `runWorker` in a worker thread). The main thread hands out one gemeente at
 * a time (two in flight per worker, so no worker waits for the next code) and writes the files.
 */

type ToWorker = { readonly job: BatchJob } | { readonly code: CbsCode };
type FromWorker = { readonly code: CbsCode } & FileResult;

export function workerProducer(script: string, workers: number): WerkmapProducer {
  return (job, codes, onFile) =>
    new Promise<void>((resolve) => {
      const queue = [...codes];
      let pending = codes.length;
      const pool: Worker[] = [];
      const finish = () => {
        pool.forEach((w) => void w.terminate());
        resolve();
      };
      if (pending === 0) {
        resolve();
        return;
      }
      const next = (w: Worker) => {
        const code = queue.shift();
        if (code !== undefined) w.postMessage({ code } satisfies ToWorker);
      };
      const count = Math.max(1, Math.min(workers, codes.length));
      let alive = count;
      for (let i = 0; i < count; i++) {
        // A larger young generation: each plan allocates a lot of short-lived arrays (fewer scavenges).
        const w = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
        const inFlight = new Set<CbsCode>();
        const send = () => {
          const code = queue[0];
          if (code !== undefined) inFlight.add(code);
          next(w);
        };
        w.on('message', (m: FromWorker) => {
          inFlight.delete(m.code);
          onFile(m.code, 'bytes' in m ? { bytes: m.bytes } : { error: m.error });
          pending--;
          if (pending === 0) finish();
          else send();
        });
        // A worker that dies takes its gemeenten with it: each is reported, the others go on.
        w.on('error', (e: Error) => {
          for (const code of inFlight) {
            onFile(code, { error: e.message });
            pending--;
          }
          inFlight.clear();
          alive--;
          if (alive === 0)
            for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
              onFile(code, { error: e.message });
              pending--;
            }
          if (pending === 0) finish();
        });
        w.postMessage({ job } satisfies ToWorker);
        pool.push(w);
        send();
        send();
      }
    });
}

/**
 * The worker side: resolves the job's national scenario and sheets once (at its first gemeente),
 * builds each gemeente's plan on them and renders it; the first plan of each shape is a renderer's base.
 */
export function runWorker(factory: BatchRendererFactory): void {
  const port = parentPort;
  if (port === null) throw new Error('runWorker runs in a worker thread only');
  let job: BatchJob | undefined;
  let shared: BatchShared | undefined;
  // One renderer per shape of workbook (a mandaatgemeente's has the sheet Regioverdeling).
  const renderers = new Map<string, Promise<BatchRenderer>>();
  let chain: Promise<unknown> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    if ('job' in m) {
      job = m.job;
      shared = undefined;
      return;
    }
    const current = job;
    if (current === undefined) throw new Error('A gemeente before the job');
    chain = chain.then(async () => {
      try {
        if (shared?.job !== current) shared = batchShared(current);
        const plan = gemeentePlan(current, m.code, shared);
        const shape = planShape(plan);
        let renderer = renderers.get(shape);
        if (!renderer) renderers.set(shape, (renderer = factory(plan)));
        const bytes = await (await renderer).render(plan);
        port.postMessage({ code: m.code, bytes } satisfies FromWorker);
      } catch (e) {
        port.postMessage({
          code: m.code,
          error: e instanceof Error ? e.message : String(e),
        } satisfies FromWorker);
      }
    });
  });
}
