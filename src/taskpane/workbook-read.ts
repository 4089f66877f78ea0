/**
 * What the pane reads from the open workbook at start: what it was built with (`readBuiltWith`) and
 * whether it holds the sheet Realisatie (the pane's option "Bladen Realisatie en Verantwoording
 * toevoegen"), both from the workbook's own marks. Issue #17 item 13: the workbook's marks come before
 * the document settings, which are unreliable across hosts and co-authors (office-js #594, #642).
 *
 * The Realisatie's ownership mark (`SPUK_Blad_Realisatie`, see src/excel/ownership.ts) is queued in the
 * very batch `readBuiltWith` runs, before its first `context.sync()`: no extra round trip (a new
 * workbook: 1 sync, a built one: 2). The runner is wrapped, never replaced, so the watchdog and the
 * error mapping stay `readBuiltWith`'s.
 *
 * Excel's number notation (`Application.decimalSeparator` / `thousandsSeparator`, the paste's hint,
 * issue #17) is queued in that batch too (`queueExcelNotation`), only when the host has ExcelApi 1.11
 * (asked of `isSetSupported`, no round trip; an older host is never asked, so its batch cannot fail
 * on it): the pane's start stays at 1 sync for a new workbook and 2 for a werkmap (the browser
 * tests' start budget). The notation never makes the read fail: unknown is undefined.
 */
import type { Notation } from '../domain';
import type { BuiltWithFacts, ExcelRunner, HostNamedItem, RequirementChecker } from '../excel';
import {
  defaultRunner,
  officeRequirements,
  ownershipNameOf,
  queueExcelNotation,
  readBuiltWith,
} from '../excel';
import { SHEETS } from '../plan';

export interface WorkbookFacts {
  /** As `readBuiltWith` returns it: undefined when the workbook holds no (readable) add-in sheets. */
  readonly builtWith: BuiltWithFacts | undefined;
  /**
   * True when the mark of the sheet Realisatie exists and refers to a range (a deleted sheet leaves a
   * `#REF!` mark, type "Error": false); undefined when the batch never got to read it.
   */
  readonly realisatie: boolean | undefined;
  /**
   * The notation Excel shows numbers in: 'nl' (1.234,5), 'en' (1,234.5), or undefined (below ExcelApi
   * 1.11, other separators, outside Excel, or not read).
   */
  readonly notation: Notation | undefined;
}

export interface ReadWorkbookOptions {
  /** Defaults to `Excel.run`. Tests pass the fake host's runner. */
  readonly run?: ExcelRunner;
  readonly timeoutMs?: number;
  /** Defaults to `Office.context.requirements`: decides whether the notation may be asked (ExcelApi 1.11). */
  readonly requirements?: RequirementChecker;
}

/**
 * Reads the facts in `readBuiltWith`'s round trips. Throws what `readBuiltWith` throws
 * (`ExcelFailureError`: outside Excel, Timeout, cell-edit mode, …); the notation alone never throws.
 */
export async function readWorkbookFacts(options: ReadWorkbookOptions = {}): Promise<WorkbookFacts> {
  const run = options.run ?? defaultRunner();
  // Outside Excel: readBuiltWith throws its own NotInExcel failure.
  if (!run) return { builtWith: await readBuiltWith(options), realisatie: undefined, notation: undefined };
  const requirements = options.requirements ?? officeRequirements();
  let mark: HostNamedItem | undefined;
  let notation: () => Notation | undefined = () => undefined;
  const withFacts: ExcelRunner = (batch) =>
    run((context) => {
      mark = context.workbook.names.getItemOrNullObject(ownershipNameOf(SHEETS.realisatie));
      mark.load('type');
      notation = queueExcelNotation(context, requirements);
      return batch(context);
    });
  const builtWith = await readBuiltWith({ ...options, run: withFacts });
  return { builtWith, realisatie: markIsRange(mark), notation: notation() };
}

/** The mark's answer after the batch synced; undefined when it was never loaded (office.js throws). */
function markIsRange(mark: HostNamedItem | undefined): boolean | undefined {
  if (!mark) return undefined;
  try {
    return !mark.isNullObject && mark.type === 'Range';
  } catch {
    return undefined;
  }
}
