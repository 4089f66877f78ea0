import { parentPort, Worker } from 'node:worker_threads';
import type { CbsCode } from '../domain';
import type { XlsxBasePackage } from '../xlsx';
import type {
  BatchJob,
  BatchRenderer,
  BatchShared,
  BatchRendererFactory,
  FileResult,
  WerkmapProducer,
} from './werkmappen';
import { batchShared, gemeentePlan, planShape, setupJob } from './werkmappen';

/**
 * `werkboek --alle` on several cores: worker threads that each run the same script (the bundled
 * dist/cli.js, which starts `runWorker` in a worker thread). The main thread hands out one gemeente at
 * a time (two in flight per worker, so no worker waits for the next code) and writes the files.
 */

/**
 * A base package one worker rendered for a shape of workbook (see `BatchRenderer.basePackage`), with
 * the gemeente whose plan it is the base of: the main thread passes it on to the other workers, which
 * then build that gemeente's plan and reuse the package instead of rendering it again.
 */
export interface SharedBase {
  readonly shape: string;
  readonly code: CbsCode;
  readonly basePackage: XlsxBasePackage;
}

export type ToWorker =
  { readonly job: BatchJob } | { readonly code: CbsCode } | { readonly base: SharedBase };
/** A gemeente's workbook (or why it failed). */
export type FromWorker = { readonly code: CbsCode } & FileResult;
/** What a worker posts to the main thread: a workbook, or a base package for the other workers. */
export type WorkerMessage = FromWorker | { readonly base: SharedBase };

/**
 * Which codes each worker takes: `pinned[i]` first (only worker i), then the common `shared` queue.
 * The most frequent shape (see `WerkmapProducer`'s `shapeOf`) is shared by all workers; each rarer
 * shape is pinned to one worker, so only that worker makes its package (a full render). Without a
 * hint, or with one worker, everything is shared. Order within a shape is kept.
 */
export function workerQueues(
  codes: readonly CbsCode[],
  workers: number,
  shapeOf?: (code: CbsCode) => string,
): { shared: CbsCode[]; pinned: CbsCode[][] } {
  const pinned: CbsCode[][] = Array.from({ length: workers }, () => []);
  if (shapeOf === undefined || workers <= 1) return { shared: [...codes], pinned };
  const byShape = new Map<string, CbsCode[]>();
  for (const code of codes) {
    const shape = shapeOf(code);
    const list = byShape.get(shape);
    if (list) list.push(code);
    else byShape.set(shape, [code]);
  }
  const [largest, ...rare] = [...byShape.values()].sort((a, b) => b.length - a.length);
  rare.forEach((list, i) => pinned[i % workers]?.push(...list));
  return { shared: largest ?? [], pinned };
}

/**
 * Makes the workbooks on `workers` threads running `script`. A worker that fails (`error`) or stops
 * (`exit`, also with code 0) while it still has gemeenten takes them with it: each is reported as
 * failed with a Dutch reason and the others go on with the workers left; when none is left, every
 * gemeente not made is reported. With `signal` aborted no more gemeenten are handed out and the
 * workers are stopped.
 */
export function workerProducer(script: string, workers: number): WerkmapProducer {
  return (job, codes, onFile, shapeOf, signal) =>
    new Promise<void>((resolve) => {
      let pending = codes.length;
      const pool: Worker[] = [];
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        pool.forEach((w) => void w.terminate());
        resolve();
      };
      if (pending === 0) {
        resolve();
        return;
      }
      signal?.addEventListener('abort', finish);
      const count = Math.max(1, Math.min(workers, codes.length));
      const queues = workerQueues(codes, count, shapeOf);
      const take = (i: number): CbsCode | undefined => queues.pinned[i]?.shift() ?? queues.shared.shift();
      const inFlight = Array.from({ length: count }, () => new Set<CbsCode>());
      const dead = new Set<number>();
      const send = (i: number) => {
        if (finished || signal?.aborted) return;
        const code = take(i);
        if (code === undefined) return;
        inFlight[i]?.add(code);
        pool[i]?.postMessage({ code } satisfies ToWorker);
      };
      // A worker that is gone takes its gemeenten with it: each is reported, the others go on (its
      // pinned codes go to the workers left, each topped up to two in flight).
      const lost = (i: number, reason: string) => {
        if (finished || dead.has(i)) return;
        const mine = inFlight[i] as Set<CbsCode>;
        for (const code of mine) {
          onFile(code, { error: reason });
          pending--;
        }
        mine.clear();
        dead.add(i);
        queues.shared.push(...(queues.pinned[i] ?? []).splice(0));
        if (dead.size === count)
          for (let code = take(i); code !== undefined; code = take(i)) {
            onFile(code, { error: reason });
            pending--;
          }
        else
          for (let j = 0; j < count; j++)
            while (!dead.has(j) && (inFlight[j]?.size ?? 2) < 2 && queues.shared.length > 0) send(j);
        if (pending <= 0) finish();
      };
      for (let i = 0; i < count; i++) {
        // A larger young generation: each plan allocates a lot of short-lived arrays (fewer scavenges).
        const w = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
        const mine = inFlight[i] as Set<CbsCode>;
        w.on('message', (m: WorkerMessage) => {
          if (finished) return;
          if ('base' in m) {
            // A base package: to the other workers (one render of it in the whole run).
            pool.forEach((other, j) => {
              if (j !== i && !dead.has(j)) other.postMessage(m satisfies ToWorker);
            });
            return;
          }
          mine.delete(m.code);
          onFile(m.code, 'bytes' in m ? { bytes: m.bytes } : { error: m.error });
          pending--;
          if (pending === 0) finish();
          else send(i);
        });
        w.on('error', (e: Error) => lost(i, e.message));
        w.on('exit', (code: number) => lost(i, `de werkthread stopte onverwacht (exitcode ${code})`));
        w.postMessage({ job } satisfies ToWorker);
        pool.push(w);
      }
      // Two in flight per worker, so no worker waits for the next code.
      for (let i = 0; i < count; i++) {
        send(i);
        send(i);
      }
    });
}

/**
 * The worker side: sets up each job it is sent (`setupJob`: the edition folders of `--edities-map`,
 * which a new thread does not have), resolves the job's national scenario and sheets once (at its
 * first gemeente), builds each gemeente's plan on them and renders it; the first plan of each shape
 * is a renderer's base, unless another worker already sent the base package of that shape: then
 * that base gemeente's plan is built here and the package reused. A base it renders itself it sends
 * to the main thread for the others.
 */
export function runWorker(factory: BatchRendererFactory): void {
  const port = parentPort;
  if (port === null) throw new Error('runWorker runs in a worker thread only');
  const handle = workerHandler(
    factory,
    (m) => port.postMessage(m),
    (base) => port.postMessage({ base } satisfies WorkerMessage),
  );
  port.on('message', (m: ToWorker) => void handle(m));
}

/**
 * What a worker does with one message from the main thread (`post` answers it): a job is set up and
 * kept; a gemeente's workbook is made in turn (the promise settles when it is posted); a base package
 * of another worker is kept for its shape (when this worker has no renderer of that shape yet), and a
 * base package this worker renders goes to `share`. A job whose
 * setup fails (a manifest error in an edition folder) fails each of its gemeenten with that message.
 * Exported for tests: a worker thread's module state can be had in-process with a fresh module registry.
 */
export function workerHandler(
  factory: BatchRendererFactory,
  post: (m: FromWorker) => void,
  share?: (base: SharedBase) => void,
): (m: ToWorker) => Promise<unknown> {
  let job: BatchJob | undefined;
  let setupError: string | undefined;
  let shared: BatchShared | undefined;
  // One renderer per shape of workbook (a mandaatgemeente's has the sheet Regioverdeling).
  const renderers = new Map<string, Promise<BatchRenderer>>();
  // Base packages other workers rendered, by shape, for the renderers this worker has not made yet.
  const offered = new Map<string, SharedBase>();
  let chain: Promise<unknown> = Promise.resolve();
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
  return (m) => {
    if ('base' in m) {
      if (!renderers.has(m.base.shape) && !offered.has(m.base.shape)) offered.set(m.base.shape, m.base);
      return chain;
    }
    if ('job' in m) {
      job = m.job;
      shared = undefined;
      offered.clear();
      try {
        setupJob(m.job);
        setupError = undefined;
      } catch (e) {
        setupError = message(e);
      }
      return chain;
    }
    const current = job;
    if (current === undefined) throw new Error('A gemeente before the job');
    const failed = setupError;
    chain = chain.then(async () => {
      try {
        if (failed !== undefined) throw new Error(failed);
        if (shared?.job !== current) shared = batchShared(current);
        const plan = gemeentePlan(current, m.code, shared);
        const shape = planShape(plan);
        let renderer = renderers.get(shape);
        if (!renderer) {
          const base = offered.get(shape);
          offered.delete(shape);
          // The base plan of another worker's package: the same job and gemeente give the same plan.
          const made =
            base === undefined
              ? undefined
              : factory(gemeentePlan(current, base.code, shared), base.basePackage);
          renderers.set(shape, (renderer = made ?? factory(plan)));
          if (made === undefined) {
            const own = (await renderer).basePackage;
            if (own !== undefined) share?.({ shape, code: m.code, basePackage: own });
          }
        }
        const bytes = await (await renderer).render(plan);
        post({ code: m.code, bytes });
      } catch (e) {
        post({ code: m.code, error: message(e) });
      }
    });
    return chain;
  };
}
