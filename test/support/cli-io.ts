/** A CliIo that captures what the CLI prints and writes, for the CLI tests. */
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/io';
import type { WorkbookPlan } from '../../src/plan';

export interface CapturedIo {
  readonly io: CliIo;
  /** stdout and stderr so far. */
  out(): string;
  err(): string;
  /** Files written (atomically), by path. */
  readonly written: Map<string, Uint8Array>;
}

/**
 * `files` are what `readFile` finds (anything else is missing). `failWrite`: every write throws
 * (as a full disk or a read-only folder does).
 */
export function captureIo(
  files: Readonly<Record<string, string | Uint8Array>> = {},
  options: { readonly failWrite?: boolean } = {},
): CapturedIo {
  let out = '';
  let err = '';
  const written = new Map<string, Uint8Array>();
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: (p) => files[p],
    pathKind: () => undefined,
    errIsTty: false,
    writeFileAtomic: (p, d) => {
      if (options.failWrite) throw new Error('EACCES');
      written.set(p, d);
    },
  };
  return { io, out: () => out, err: () => err, written };
}

/** What a CLI run gave: its exit code, stdout, stderr and the files it wrote. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly written: Map<string, Uint8Array>;
}

/**
 * Runs the CLI in-process on `captureIo(files, { failWrite })`, stdout going to a file (`> uit.csv`)
 * with `outIsFile`. A werkmap is "rendered" as its plan's meta in JSON, so a test sees which werkmap
 * was asked for without ExcelJS.
 */
export async function runCaptured(
  argv: readonly string[],
  files: Readonly<Record<string, string | Uint8Array>> = {},
  options: { readonly failWrite?: boolean; readonly outIsFile?: boolean } = {},
): Promise<CliRun> {
  const c = captureIo(files, { failWrite: options.failWrite === true });
  const render = async (plan: WorkbookPlan) => new TextEncoder().encode(JSON.stringify(plan.meta));
  const code = await runCli(argv, { ...c.io, outIsFile: options.outIsFile === true }, render);
  return { code, out: c.out(), err: c.err(), written: c.written };
}
