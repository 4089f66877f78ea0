import path from 'node:path';
import Papa from 'papaparse';
import type { FolderIo } from './io';

/**
 * One folder, one consistent run of `werkboek --alle` (issue #17 item 10): a lock refuses a second run
 * into the same folder while the first runs; the run's edition and key are in index.csv; workbooks of
 * another run (another edition or key, or an index without them) are refused, or removed first with
 * `--vervang`; `.tmp` files of runs that were killed are removed; the old index is removed before the
 * first workbook is written, so no index ever describes files it did not list. Between taking the
 * folder and writing the new index, the run marker (`RUN_FILE`) says whose workbooks lie there, so a
 * run stopped by Ctrl+C, a full disk or a failed index write can be rerun with the same command.
 */

export const LOCK_FILE = '.spuk-begroting.lock';
/**
 * The run marker: the run (edition, key, `--van`) that is writing the folder's workbooks, written
 * before the old index is removed and removed only after the new index is written. It outlives the
 * lock (Ctrl+C removes the lock), so a folder never holds workbooks without a record of their run.
 */
export const RUN_FILE = '.spuk-begroting.run';

/** What makes two runs the same: the edition, the key and the edition compared with (`--van`). */
export interface RunIdentity {
  readonly editie: string;
  readonly sleutel: string;
  readonly van?: string;
}

/** A workbook this command writes: `GM0034 Almere.xlsx` (./werkmappen.ts `werkmapFileName`). */
const WERKMAP = /^GM\d{4} .+\.xlsx$/;
/** The temporary file of an atomic write: `.<name>.<pid>.tmp` (./node-io.ts). */
const TMP = /^\..+\.(\d+)\.tmp$/;

/** The system error codes that stop a whole run: no file can be written into this folder. */
const FATAL = new Set(['ENOSPC', 'EROFS', 'EACCES', 'EPERM', 'EDQUOT']);

/** The code of a system error (`ENOSPC`, …), or undefined. */
export function errorCode(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a write error means the folder takes no more files (full disk, read-only, no rights). */
export function isFatalWriteError(e: unknown): boolean {
  return FATAL.has(errorCode(e) ?? '');
}

/** The reason of a write error in Dutch, e.g. "de schijf is vol"; the system code for others. */
export function writeErrorReason(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'de schijf is vol';
  if (code === 'EROFS') return 'de map is alleen-lezen';
  if (code === 'EACCES' || code === 'EPERM') return 'u heeft geen schrijfrechten in de map';
  if (code === 'ENOENT') return 'de map bestaat niet';
  if (code === 'EBUSY') return 'het bestand is geopend in een ander programma, bijvoorbeeld Excel';
  return `systeemfout ${code ?? 'onbekend'}`;
}

function sameRun(a: RunIdentity, b: RunIdentity): boolean {
  return a.editie === b.editie && a.sleutel === b.sleutel && (a.van ?? '') === (b.van ?? '');
}

function describe(run: RunIdentity): string {
  return `editie ${run.editie}, sleutel ${run.sleutel}${run.van ? `, vergeleken met ${run.van}` : ''}`;
}

/** The run an index.csv describes (its columns editie, sleutel, van), or undefined for an older index. */
export function indexRun(text: string): RunIdentity | undefined {
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const first = rows[0];
  if (!first?.editie || !first.sleutel) return undefined;
  return { editie: first.editie, sleutel: first.sleutel, ...(first.van ? { van: first.van } : {}) };
}

/** The run a run marker names, or undefined when it is missing or unreadable. */
function readRun(text: string | undefined): RunIdentity | undefined {
  if (text === undefined) return undefined;
  try {
    const r = JSON.parse(text) as Partial<RunIdentity>;
    if (typeof r.editie !== 'string' || typeof r.sleutel !== 'string') return undefined;
    return {
      editie: r.editie,
      sleutel: r.sleutel,
      ...(typeof r.van === 'string' && r.van ? { van: r.van } : {}),
    };
  } catch {
    return undefined;
  }
}

interface LockContent extends RunIdentity {
  readonly pid: number;
  readonly gestart: string;
}

function readLock(text: string | undefined): LockContent | undefined {
  if (text === undefined) return undefined;
  try {
    const l = JSON.parse(text) as Partial<LockContent>;
    return typeof l.pid === 'number' && typeof l.editie === 'string' && typeof l.sleutel === 'string'
      ? (l as LockContent)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A folder taken for one run: `release` removes the lock (once). */
export interface TakenFolder {
  release(): void;
  /** The new index is written: the run marker is no longer needed (the index names the run). */
  indexWritten(): void;
  /** Removes this process's temporary files in the folder (after Ctrl+C). */
  removeOwnTmp(): void;
}

/**
 * Takes `folder` for the run `run`: the lock, then the checks. Returns the taken folder, or a Dutch
 * message (one line, no stack) why the run may not start: another run is busy, the folder holds
 * workbooks of another run (without `vervang`), or nothing can be written there. Whose workbooks lie
 * in the folder: the run marker's run, else the index's, else a killed run's lock; none of them: unknown,
 * refused. With `vervang` the workbooks and index of another run are removed. Then the run marker is
 * set to `run`, the old index.csv is removed and the `.tmp` files of processes that no longer run are
 * cleaned up.
 */
export function takeFolder(
  fs: FolderIo,
  folder: string,
  run: RunIdentity,
  vervang: boolean,
): TakenFolder | { readonly refused: string } {
  const lock = path.join(folder, LOCK_FILE);
  const content = JSON.stringify({ pid: fs.pid, gestart: new Date().toISOString(), ...run });
  let previous: LockContent | undefined;
  for (let attempt = 0; ; attempt++) {
    let created: boolean;
    try {
      created = fs.createExclusive(lock, content);
    } catch (e) {
      return {
        refused: `Fout: kan niet schrijven in de map "${folder}" (${writeErrorReason(e)}). Kies met --uit een map waarin u mag schrijven.`,
      };
    }
    if (created) break;
    const other = readLock(fs.readText(lock));
    if (other !== undefined && other.pid !== fs.pid && fs.processAlive(other.pid))
      return {
        refused: `Fout: in de map "${folder}" loopt al een run (proces ${other.pid}, gestart ${other.gestart}, ${describe(other)}). Wacht tot die klaar is, of kies met --uit een andere map.`,
      };
    if (attempt > 0)
      return {
        refused: `Fout: een andere run nam de map "${folder}" net in gebruik. Wacht tot die klaar is, of kies met --uit een andere map.`,
      };
    // A lock left by a run that was killed: the folder may be half written by that run.
    previous = other;
    fs.remove(lock);
  }
  const release = () => fs.remove(lock);
  const names = fs.list(folder);
  for (const name of names) {
    const m = TMP.exec(name);
    if (m && Number(m[1]) !== fs.pid && !fs.processAlive(Number(m[1]))) fs.remove(path.join(folder, name));
  }
  const werkmappen = names.filter((n) => WERKMAP.test(n));
  const indexText = fs.readText(path.join(folder, 'index.csv'));
  const indexed = indexText === undefined ? undefined : indexRun(indexText);
  const marker = path.join(folder, RUN_FILE);
  const marked = readRun(fs.readText(marker));
  // Whose workbooks lie here: the marker of a run that wrote no index yet (set after the workbooks of
  // another run were removed, so it is newer than the index), else the index's run, else a killed
  // run's lock, else nobody knows.
  const owner = marked ?? indexed ?? previous;
  const foreign = werkmappen.length > 0 && (owner === undefined || !sameRun(owner, run));
  if (foreign && !vervang) {
    release();
    const whose =
      owner === undefined ? 'een run waarvan de editie onbekend is' : `een andere run (${describe(owner)})`;
    return {
      refused: `Fout: de map "${folder}" bevat ${werkmappen.length} ${werkmappen.length === 1 ? 'werkmap' : 'werkmappen'} van ${whose}. Kies met --uit een lege map, of vervang ze met --vervang.`,
    };
  }
  if (foreign) for (const name of werkmappen) fs.remove(path.join(folder, name));
  // From here on the folder is being rewritten: no index may claim the files; the marker says whose they are.
  try {
    fs.remove(marker);
    fs.createExclusive(marker, JSON.stringify(run));
  } catch (e) {
    release();
    return {
      refused: `Fout: kan niet schrijven in de map "${folder}" (${writeErrorReason(e)}). Kies met --uit een map waarin u mag schrijven.`,
    };
  }
  fs.remove(path.join(folder, 'index.csv'));
  return {
    release,
    indexWritten: () => fs.remove(marker),
    removeOwnTmp: () => {
      for (const name of fs.list(folder)) {
        const m = TMP.exec(name);
        if (m && Number(m[1]) === fs.pid) fs.remove(path.join(folder, name));
      }
    },
  };
}
