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
  /**
   * A real folder for `werkboek --alle` (lock, listing, cleanup on Ctrl+C): ./werkmappen.ts keeps a
   * batch folder consistent with it. Absent (the in-memory io of most tests): no lock and no checks.
   */
  readonly folder?: FolderIo;
}

/** What a batch run needs from the file system besides reading and writing files (Node: ./node-io.ts). */
export interface FolderIo {
  /** This process's id (written into the lock). */
  readonly pid: number;
  /**
   * Creates the file `path` with `text` only when nothing is there: true when created, false when it
   * exists. Throws the system error (with its `code`, e.g. EROFS, EACCES, ENOSPC) otherwise.
   */
  createExclusive(path: string, text: string): boolean;
  /** A file's text, or undefined when it cannot be read. */
  readText(path: string): string | undefined;
  /** Removes a file; nothing when it is not there. */
  remove(path: string): void;
  /** The names in a folder (empty when it cannot be read). */
  list(dir: string): string[];
  /** Whether a process with this id runs on this machine. */
  processAlive(pid: number): boolean;
  /**
   * Calls `cleanup` on SIGINT or SIGTERM, then ends the process (exit 130 / 143). Returns the function
   * that stops listening.
   */
  onInterrupt(cleanup: () => void): () => void;
}
