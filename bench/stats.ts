/** Small statistics helpers for the benchmark report: medians and ranges of repeated runs. */
export interface Sample {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function sample(values: readonly number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: sorted.length };
}

/**
 * Runs `f` `runs` times (after one warm-up) and returns the wall times in ms. No forced garbage
 * collection between runs: with `node --expose-gc` and `gc()` before each run, V8 started every run
 * from a shrunken young generation and the plan took 2.5–3× as long (measured), so that is no fix.
 */
export async function time(runs: number, f: () => unknown | Promise<unknown>): Promise<Sample> {
  await f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await f();
    out.push(now() - t0);
  }
  return sample(out);
}

/**
 * The clock of `time`, in ms: wall time; with `BENCH_CLOCK=cpu` the process's CPU time (user + system,
 * all its threads), which other work on a busy machine does not inflate: for comparing a change while
 * other processes share the cores (BENCHMARKS.md reports wall times).
 */
function now(): number {
  if (process.env.BENCH_CLOCK !== 'cpu') return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function ms(s: Sample): string {
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(s.median)} ms (${f(s.min)}–${f(s.max)}, n=${s.runs})`;
}

/** Bytes as KiB (1 KiB = 1024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
