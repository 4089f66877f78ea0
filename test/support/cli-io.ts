/** A CliIo that captures what the CLI prints and writes, for the CLI tests. */
import type { CliIo } from '../../src/cli/io';

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
