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
 *         batch), with their `type`. Something missing or broken (type "Error"): undefined after 1 sync.
 * Sync 2  the ranges of all four (`address`, always A1 and English, unlike `formula`: office-js #2834)
 *         and the two cells' values; a name not on its mark's sheet, or not one cell: undefined.
 *
 * Nothing is written. Same watchdog and error mapping as renderPlan (`readOnly`, read-only.ts): other failures (Timeout, cell-edit
 * mode, an Excel without the API, …) are thrown as `ExcelFailureError`.
 */
import { INPUT_NAMES, SHEETS } from '../plan';
import { isSpeculationMiss } from './failures';
import type { ExcelRunner, HostGrid, HostNamedItem, HostRequestContext, HostScalar } from './host';
import { ownershipNameOf } from './ownership';
import type { SheetRange } from './refs';
import { parseSheetRange, sameName } from './refs';
import { readOnly } from './read-only';
import type { Watchdog } from './watchdog';

/** The workbook names (defined by the plan, src/plan/build.ts) that record what the workbook was built with. */
export const BUILT_WITH_NAMES = {
  key: 'SPUK_Sleutel',
  gemeente: INPUT_NAMES.chosen,
  edition: 'SPUK_Editie',
} as const;

/**
 * Each name with the plan sheet it lives on (whose ownership mark must vouch for it). The edition is
 * optional: workbooks made before editions existed do not record it (the pane then treats the
 * edition as unknown, and a run replaces the national amounts).
 */
const SOURCES = [
  { name: BUILT_WITH_NAMES.key, sheet: SHEETS.verdeelsleutel, optional: false },
  { name: BUILT_WITH_NAMES.gemeente, sheet: SHEETS.overzicht, optional: false },
  { name: BUILT_WITH_NAMES.edition, sheet: SHEETS.verdeelsleutel, optional: true },
] as const;

/** The cells as they stand, trimmed: no validation against the reference data (that is the caller's). */
export interface BuiltWithFacts {
  /** E.g. "spuk-2025", "inwoners", "eigen". */
  readonly keyId: string;
  /** A CBS code such as "GM0034", or "NL" for the national view. */
  readonly gemeente: string;
  /** The edition id (e.g. "vws-2026-04"); undefined in a workbook that does not record it. */
  readonly editionId?: string;
}

export interface ReadBuiltWithOptions {
  /** Defaults to `Excel.run`. Tests pass the fake host's runner. */
  readonly run?: ExcelRunner;
  /** Per round trip (and for Excel.run to start). Default 90 s, as renderPlan. */
  readonly timeoutMs?: number;
}

export function readBuiltWith(options: ReadBuiltWithOptions = {}): Promise<BuiltWithFacts | undefined> {
  return readOnly(options.run, options.timeoutMs, readInContext);
}

async function readInContext(
  context: HostRequestContext,
  watchdog: Watchdog,
): Promise<BuiltWithFacts | undefined> {
  watchdog.kick();
  // Sync 1: do the names and marks exist as ranges? `type` is language-independent; `formula` is not
  // (office-js #2834: `=#VERW!$B$5` in Dutch Excel desktop, `R5C2` in R1C1 style), so it is never parsed.
  const names = context.workbook.names;
  const all = SOURCES.map(({ name, sheet, optional }) => {
    const value = names.getItemOrNullObject(name);
    value.load('type');
    const mark = names.getItemOrNullObject(ownershipNameOf(sheet));
    mark.load('type');
    return { name, markName: ownershipNameOf(sheet), value, mark, optional };
  });
  await watchdog.sync(context);
  const isRange = (item: HostNamedItem): boolean => !item.isNullObject && item.type === 'Range';
  const present = ({ value, mark }: (typeof all)[number]) => isRange(value) && isRange(mark);
  if (!all.every((q) => q.optional || present(q))) return undefined;
  const queued = all.filter(present);

  // Sync 2: where each points (`address`, always A1) and the cells' values. Nothing is chained off an
  // item before sync 1 showed it exists.
  const ranges = queued.map(({ name, markName }) => {
    const cell = names.getItem(name).getRange();
    cell.load('address,values');
    const owner = names.getItem(markName).getRange();
    owner.load('address');
    return { cell, owner };
  });
  try {
    await watchdog.sync(context);
  } catch (error) {
    // Only reads were queued: a name or sheet deleted since sync 1 means "not (any longer) built here".
    if (isSpeculationMiss(error)) return undefined;
    throw error;
  }
  const texts = new Map<string, string>();
  for (const [i, { cell, owner }] of ranges.entries()) {
    const q = queued[i];
    if (!q) continue;
    const text = ownedCell(cell.address, owner.address) ? firstText(cell.values) : undefined;
    if (text === undefined) {
      if (q.optional) continue;
      return undefined;
    }
    texts.set(q.name, text);
  }
  const keyId = texts.get(BUILT_WITH_NAMES.key);
  const gemeente = texts.get(BUILT_WITH_NAMES.gemeente);
  const editionId = texts.get(BUILT_WITH_NAMES.edition);
  if (keyId === undefined || gemeente === undefined) return undefined;
  return { keyId, gemeente, ...(editionId !== undefined ? { editionId } : {}) };
}

/** A single cell on the very sheet its ownership mark refers to. */
function ownedCell(cellAddress: string, markAddress: string): SheetRange | undefined {
  const cell = parseSheetRange(cellAddress);
  const owner = parseSheetRange(markAddress);
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
