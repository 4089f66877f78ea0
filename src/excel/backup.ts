/**
 * The restore point of a write: the user's inputs, kept in the workbook itself before anything is
 * cleared, so that no failure part-way through a write batch can lose them.
 *
 * Excel does not roll a failed batch back: when operation k of a write batch fails (a sheet protected
 * by a co-author between the check and the write, a limit, a lost connection), operations 0..k-1 stay
 * applied, which may leave add-in sheets cleared. So the first operations of the write are:
 *
 *   1. the very hidden sheet `SPUK_Herstel` is added (or cleared) and the inputs as read are written
 *      into it as one 2D `values` write (every text with Excel's `'` prefix, so it is kept as typed);
 *   2. then the workbook name `SPUK_Herstel_Bezig` is added: "a write is under way, the restore point
 *      is complete". Only after it do the clears and writes of the add-in sheets follow;
 *   3. the very last operation of the last write batch deletes `SPUK_Herstel_Bezig`.
 *
 * A failure before 2 changed no add-in sheet (the inputs are still where they were); a failure after it
 * leaves the name, and the next render (found in its check, sync 1) reads the restore point instead of
 * the sheets (one extra read round trip, only then), writes those inputs, and does not rewrite the
 * restore point. A failure in 1 leaves no name, so a half-written restore point is never trusted.
 *
 * Layout (`values` of the used range, from A1): A1 the title, B1 the key label the weights belong to
 * (Verdeelsleutel!B5 as read); row 2 per input a header [name, width, rows]; below it the key column
 * and the input's cells (R1C1 formulas, numbers, booleans, text).
 */
import type { DefinedNameSpec } from '../plan';
import { requireSheetRange } from './refs';
import type { CellInput } from './cell-input';
import type { InputSnapshot } from './inputs';
import { userCell } from './inputs';

export const BACKUP_SHEET = 'SPUK_Herstel';
export const BACKUP_PENDING_NAME = 'SPUK_Herstel_Bezig';
export const BACKUP_TITLE = 'SPUK-begroting herstelpunt';

export interface BackupInput {
  readonly name: string;
  /** The key column as read (one value per row), or undefined when the plan has no key column. */
  readonly keys: readonly unknown[] | undefined;
  /** What must be written to reproduce each cell. */
  readonly cells: readonly (readonly CellInput[])[];
}

export interface Backup {
  /** The text of the key label cell when the inputs were read ('' when unknown). */
  readonly keyLabel: string;
  readonly inputs: readonly BackupInput[];
}

function asGrid(value: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(value)) return [];
  return value.every((row) => Array.isArray(row)) ? (value as unknown[][]) : [];
}

/** An input as read from its sheet, in backup form. */
export function backupInput(snapshot: InputSnapshot): BackupInput {
  const formulas = asGrid(snapshot.formulasR1C1);
  const values = asGrid(snapshot.values);
  const rows = Math.min(formulas.length, values.length);
  const cells = Array.from({ length: rows }, (_, i) => {
    const f = formulas[i] ?? [];
    const v = values[i] ?? [];
    return Array.from({ length: Math.min(f.length, v.length) }, (_, j) => userCell(f[j], v[j]));
  });
  const keys = snapshot.keys === undefined ? undefined : asGrid(snapshot.keys).map((row) => row[0]);
  return { name: snapshot.read.spec.name, keys, cells };
}

/** A value as stored: text with Excel's `'` prefix (kept exactly as typed), numbers and booleans as is. */
function store(value: unknown): CellInput {
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean') return value;
  return '';
}

/** The whole restore point as one rectangle of `values`, from A1. */
export function backupGrid(backup: Backup): CellInput[][] {
  const blocks = backup.inputs.map((input) => {
    const width = Math.max(1, ...input.cells.map((row) => row.length));
    return { input, width, span: Math.max(3, 1 + width) };
  });
  const cols = Math.max(
    2,
    blocks.reduce((n, b) => n + b.span, 0),
  );
  const rows = 2 + Math.max(0, ...blocks.map((b) => b.input.cells.length));
  const grid: CellInput[][] = Array.from({ length: rows }, () => Array<CellInput>(cols).fill(''));
  const put = (r: number, c: number, v: CellInput): void => {
    const row = grid[r];
    if (row) row[c] = v;
  };
  put(0, 0, store(BACKUP_TITLE));
  put(0, 1, store(backup.keyLabel));
  let c = 0;
  for (const { input, width, span } of blocks) {
    put(1, c, store(input.name));
    put(1, c + 1, width);
    put(1, c + 2, input.cells.length);
    input.cells.forEach((line, i) => {
      put(2 + i, c, store(input.keys?.[i]));
      line.forEach((cell, j) => put(2 + i, c + 1 + j, store(cell)));
    });
    c += span;
  }
  return grid;
}

/** Reads a restore point back from its used range's `values`; undefined when it is not one. */
export function parseBackup(values: unknown, specs: readonly DefinedNameSpec[]): Backup | undefined {
  const grid = asGrid(values);
  const head = grid[0] ?? [];
  if (head[0] !== BACKUP_TITLE) return undefined;
  const keyLabel = typeof head[1] === 'string' ? head[1] : '';
  const header = grid[1] ?? [];
  const inputs: BackupInput[] = [];
  for (let c = 0; c < header.length; c++) {
    const name = header[c];
    const width = header[c + 1];
    const rows = header[c + 2];
    if (typeof name !== 'string' || typeof width !== 'number' || typeof rows !== 'number') continue;
    const spec = specs.find((s) => s.name.toUpperCase() === name.toUpperCase());
    if (!spec) continue;
    const cells: CellInput[][] = [];
    const keys: unknown[] = [];
    for (let i = 0; i < rows; i++) {
      const line = grid[2 + i] ?? [];
      keys.push(line[c]);
      cells.push(
        Array.from({ length: width }, (_, j) => {
          const v = line[c + 1 + j];
          return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : '';
        }),
      );
    }
    inputs.push({ name: spec.name, keys: spec.keyRef === undefined ? undefined : keys, cells });
    c += 2;
  }
  return { keyLabel, inputs };
}

/**
 * A restored input as a snapshot for `mergeInput`: a formula cell reads as its R1C1 text (value ""),
 * a text cell as its text without the `'` prefix, so `userCell` gives back exactly the stored input.
 */
export function snapshotFromBackup(spec: DefinedNameSpec, input: BackupInput): InputSnapshot {
  const from = requireSheetRange(spec.ref);
  const formulasR1C1 = input.cells.map((row) => [...row]);
  const values = input.cells.map((row) =>
    row.map((cell) => {
      if (typeof cell !== 'string') return cell;
      if (cell.startsWith('=')) return '';
      return cell.startsWith("'") ? cell.slice(1) : cell;
    }),
  );
  return {
    read: { spec, from, keysFrom: undefined, byPlanAddress: false },
    formulasR1C1,
    values,
    keys: input.keys === undefined ? undefined : input.keys.map((k) => [k]),
  };
}
