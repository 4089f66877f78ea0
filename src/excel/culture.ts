/**
 * The number notation Excel shows numbers in, read apart from a render: the task pane reads a range
 * pasted from Excel (beschikking, realisatie) with it as a hint for the one form the values cannot
 * settle ("400.000" alone in a column: 400000 in an Excel-NL, where Excel writes thousands with a
 * dot; issue #17). `Application.decimalSeparator` and `thousandsSeparator` (ExcelApi 1.11, above the
 * manifest's floor 1.9, so gated with `isSetSupported`): "based on the local Excel settings", i.e.
 * what Excel shows, also when the user overrode the system separators
 * (https://learn.microsoft.com/javascript/api/excel/excel.application).
 *
 * One sync. Returns 'nl' for "," and ".", 'en' for "." and ",", undefined for anything else (a
 * space as group, no host, an older host, a failure): then the pane reads as before and refuses
 * what is ambiguous. Never throws.
 */
import type { Notation } from '../domain';
import { safeIsSetSupported } from './features';
import type { ExcelRunner, RequirementChecker } from './host';
import { DEFAULT_TIMEOUT_MS, Watchdog, defaultRunner } from './watchdog';

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

export async function readExcelNotation(
  requirements: RequirementChecker | undefined,
  options: ReadNotationOptions = {},
): Promise<Notation | undefined> {
  if (requirements === undefined || !safeIsSetSupported(requirements, 'ExcelApi', '1.11')) return undefined;
  const run = options.run ?? defaultRunner();
  if (!run) return undefined;
  const watchdog = new Watchdog(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    return await Promise.race([
      run(async (context) => {
        const app = context.application;
        app.load('decimalSeparator,thousandsSeparator');
        await watchdog.sync(context);
        return notationOfSeparators(app.decimalSeparator, app.thousandsSeparator);
      }),
      watchdog.expired.then(() => undefined),
    ]);
  } catch {
    return undefined;
  } finally {
    watchdog.stop();
  }
}
