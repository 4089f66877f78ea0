/**
 * readBuiltWith: what an existing SPUK workbook was built with, read from the workbook itself (for a
 * workbook made by the CLI, or one whose document settings were lost).
 *
 * The plan records it visibly: `SPUK_Sleutel` → Verdeelsleutel!$B$5 (the key id, e.g. "spuk-2025" or
 * "eigen") and `Keuze_Gemeente` → Overzicht!$C$4 (a CBS code, or "NL" for the national view). A name
 * is trusted only when the ownership mark of its sheet (`SPUK_Blad_Verdeelsleutel`, `SPUK_Blad_Overzicht`)
 * exists and refers to the very sheet the name points at, so a user's look-alike sheet is not read.
 *
 * Sync 1  the two names and the two marks, by `getItemOrNullObject` (a missing one never fails the
 *         batch). Something missing, broken (#REF!) or not the add-in's: undefined after 1 sync.
 * Sync 2  the two cells. A sheet that vanished in between (ItemNotFound, …): undefined.
 *
 * Nothing is written. Same watchdog and error mapping as renderPlan: other failures (Timeout, cell-edit
 * mode, an Excel without the API, …) are thrown as `ExcelFailureError`.
 */
import { INPUT_NAMES, SHEETS } from '../plan';
import { ExcelFailureError, failureFromError, isSpeculationMiss } from './failures';
import { REQUIRED_API } from './features';
import type { ExcelRunner, HostGrid, HostNamedItem, HostRequestContext, HostScalar } from './host';
import { ownershipNameOf } from './ownership';
import type { SheetRange } from './refs';
import { parseSheetRange, sameName } from './refs';
import { DEFAULT_TIMEOUT_MS, Watchdog, defaultRunner } from './watchdog';

/** The workbook names (defined by the plan, src/plan/build.ts) that record what the workbook was built with. */
export const BUILT_WITH_NAMES = {
  key: 'SPUK_Sleutel',
  gemeente: INPUT_NAMES.chosen,
} as const;

/** Each name with the plan sheet it lives on (whose ownership mark must vouch for it). */
const SOURCES = [
  { name: BUILT_WITH_NAMES.key, sheet: SHEETS.verdeelsleutel },
  { name: BUILT_WITH_NAMES.gemeente, sheet: SHEETS.overzicht },
] as const;

/** The cells as they stand, trimmed: no validation against the reference data (that is the caller's). */
export interface BuiltWithFacts {
  /** E.g. "spuk-2025", "inwoners", "eigen". */
  readonly keyId: string;
  /** A CBS code such as "GM0034", or "NL" for the national view. */
  readonly gemeente: string;
}

export interface ReadBuiltWithOptions {
  /** Defaults to `Excel.run`. Tests pass the fake host's runner. */
  readonly run?: ExcelRunner;
  /** Per round trip (and for Excel.run to start). Default 90 s, as renderPlan. */
  readonly timeoutMs?: number;
}

export async function readBuiltWith(options: ReadBuiltWithOptions = {}): Promise<BuiltWithFacts | undefined> {
  const run = options.run ?? defaultRunner();
  if (!run) throw new ExcelFailureError({ kind: 'NotInExcel' });
  const watchdog = new Watchdog(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    return await Promise.race([run((context) => readInContext(context, watchdog)), watchdog.expired]);
  } catch (error) {
    throw new ExcelFailureError(failureFromError(error, REQUIRED_API));
  } finally {
    watchdog.stop();
  }
}

async function readInContext(
  context: HostRequestContext,
  watchdog: Watchdog,
): Promise<BuiltWithFacts | undefined> {
  watchdog.kick();
  // Sync 1: names and marks. Nothing is chained off these items before the sync shows they exist.
  const names = context.workbook.names;
  const queued = SOURCES.map(({ name, sheet }) => {
    const value = names.getItemOrNullObject(name);
    value.load('formula');
    const mark = names.getItemOrNullObject(ownershipNameOf(sheet));
    mark.load('formula');
    return { value, mark };
  });
  await watchdog.sync(context);

  const cells: SheetRange[] = [];
  for (const { value, mark } of queued) {
    const cell = ownedCell(value, mark);
    if (!cell) return undefined;
    cells.push(cell);
  }

  // Sync 2: the cells, at the addresses just checked.
  const ranges = cells.map((cell) => {
    const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
    range.load('values');
    return range;
  });
  try {
    await watchdog.sync(context);
  } catch (error) {
    // Only reads were queued: a sheet deleted since sync 1 means "not (any longer) built here".
    if (isSpeculationMiss(error)) return undefined;
    throw error;
  }
  const [keyId, gemeente] = ranges.map((range) => firstText(range.values));
  return keyId !== undefined && gemeente !== undefined ? { keyId, gemeente } : undefined;
}

/** The single cell a name refers to, when the sheet's ownership mark refers to that same sheet. */
function ownedCell(value: HostNamedItem, mark: HostNamedItem): SheetRange | undefined {
  if (value.isNullObject || mark.isNullObject) return undefined;
  const cell = parseSheetRange(value.formula);
  const owner = parseSheetRange(mark.formula);
  if (!cell || !owner || !sameName(cell.sheet, owner.sheet)) return undefined;
  const { top, bottom, left, right } = cell.rect;
  return top === bottom && left === right ? cell : undefined;
}

function firstText(values: HostGrid | HostScalar): string | undefined {
  const first: unknown = Array.isArray(values) ? (values as HostGrid)[0]?.[0] : values;
  if (typeof first !== 'string') return undefined;
  const text = first.trim();
  return text === '' ? undefined : text;
}
