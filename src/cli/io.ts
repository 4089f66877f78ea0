/** What the CLI needs from the outside world; tests pass an in-memory version. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * A file's contents: its bytes (decoded by the reader: UTF-8, Windows-1252 or UTF-16), or text
   * (tests); undefined when it cannot be read.
   */
  readFile(path: string): string | Uint8Array | undefined;
  /** Writes a file completely or not at all (temporary file + rename). */
  writeFileAtomic(path: string, data: Uint8Array): void;
  /** What is at a path: a directory, another file, or nothing (or nothing readable). */
  pathKind(path: string): 'directory' | 'file' | undefined;
  /** Whether stderr is a terminal (then progress redraws one line). */
  readonly errIsTty: boolean;
  /**
   * Whether stdout goes to a regular file (`> uit.csv`): then CSV output starts with a UTF-8 BOM so
   * Excel reads it as UTF-8 (./csv-out.ts). Absent: no.
   */
  readonly outIsFile?: boolean;
}
