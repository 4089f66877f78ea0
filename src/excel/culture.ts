/**
 * The number notation Excel shows numbers in, read apart from a render: the task pane reads a range
 * pasted from Excel (beschikking, realisatie) with it as a hint for the one form the values cannot
 * settle ("400.000" alone in a column: 400000 in an Excel-NL, where Excel writes thousands with a
 * dot; issue #17). `Application.decimalSeparator` and `thousandsSeparator` (ExcelApi 1.11, above the
 * manifest's floor 1.9, so gated with `isSetSupported`): "based on the local Excel settings", i.e.
 * what Excel shows, also when the user overrode the system separators
 * (https://learn.microsoft.com/javascript/api/excel/excel.application).
 *
 * Two ways to read it, one mapping (`notationOfSeparators`):
 * - `queueExcelNotation`: queued in a batch the caller syncs anyway (the task pane's start read,
 *   src/taskpane/workbook-read.ts), so it costs no round trip of its own;
 * - `readExcelNotation`: a read of its own, one sync.
 * Both answer 'nl' for "," and ".", 'en' for "." and ",", undefined for anything else (a space as
 * group, no host, an older host, a failure): then the pane reads as before and refuses what is
 * ambiguous. Neither throws.
 */
import type { Notation } from '../domain';
import { safeIsSetSupported } from './features';
import type { ExcelRunner, HostRequestContext, RequirementChecker } from './host';
import { readOnly } from './read-only';

export interface ReadNotationOptions {
  /** Defaults to `Excel.run`. Tests pass the fake host's runner. */
  readonly run?: ExcelRunner;
  /** Defaults to `Office.context.requirements`. */
  readonly requirements?: RequirementChecker;
  readonly timeoutMs?: number;
}

/** The notation of the separators Excel shows: 'nl' (`1.234,5`), 'en' (`1,234.5`) or undefined. */
export function notationOfSeparators(decimal: string, group: string): Notation | undefined {
  if (decimal === ',' && group === '.') return 'nl';
  if (decimal === '.' && group === ',') return 'en';
  return undefined;
}

/**
 * Queues the load of Excel's separators in `context`'s current batch, when the host has ExcelApi 1.11
 * (`isSetSupported` answers without a round trip; an older host is never asked, so the batch cannot
 * fail on it), and returns the reader to call after the caller's next `context.sync()`: the notation,
 * or undefined (no API, no requirements known, a load never synced or a throw while queuing or
 * reading). Queues reads only; never throws.
 */
export function queueExcelNotation(
  context: HostRequestContext,
  requirements: RequirementChecker | undefined,
): () => Notation | undefined {
  if (requirements === undefined || !safeIsSetSupported(requirements, 'ExcelApi', '1.11'))
    return () => undefined;
  try {
    const app = context.application;
    app.load('decimalSeparator,thousandsSeparator');
    return () => {
      try {
        return notationOfSeparators(app.decimalSeparator, app.thousandsSeparator);
      } catch {
        // Not loaded (the batch never synced) or the host refused: unknown.
        return undefined;
      }
    };
  } catch {
    return () => undefined;
  }
}

/** The notation in a round trip of its own (one sync; none below ExcelApi 1.11 or outside Excel). */
export async function readExcelNotation(
  requirements: RequirementChecker | undefined,
  options: ReadNotationOptions = {},
): Promise<Notation | undefined> {
  if (requirements === undefined || !safeIsSetSupported(requirements, 'ExcelApi', '1.11')) return undefined;
  try {
    return await readOnly(options.run, options.timeoutMs, async (context, watchdog) => {
      const notation = queueExcelNotation(context, requirements);
      await watchdog.sync(context);
      return notation();
    });
  } catch {
    // Outside Excel, a Timeout, a failure (`readOnly`'s ExcelFailureError): unknown.
    return undefined;
  }
}
