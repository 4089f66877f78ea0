/** What the CLI needs from the outside world; tests pass an in-memory version. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string | undefined;
  /** Writes a file completely or not at all (temporary file + rename). */
  writeFileAtomic(path: string, data: Uint8Array): void;
}
