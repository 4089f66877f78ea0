/**
 * The one wrapper of the add-in's read-only batches (`readBuiltWith`, `readTableRows`,
 * `readExcelNotation`): the runner (`Excel.run`, or a test host's), our own watchdog (Excel on the web
 * can hang forever: office-js #6678) and the failure mapping of renderPlan.
 *
 * `body` gets the request context and the watchdog: it syncs through `watchdog.sync(context)` (every
 * round trip timed, `timeoutMs` per round trip and for `Excel.run` to start) and queues reads only.
 * Outside Excel (no runner): `ExcelFailureError` NotInExcel, nothing run. Any other failure (Timeout,
 * cell-edit mode, an Excel without the API, …) is thrown as `ExcelFailureError`
 * (`failureFromError(error, REQUIRED_API)`); a caller that must never fail catches it.
 */
import { ExcelFailureError, failureFromError } from './failures';
import { REQUIRED_API } from './features';
import type { ExcelRunner, HostRequestContext } from './host';
import { DEFAULT_TIMEOUT_MS, Watchdog, defaultRunner } from './watchdog';

export async function readOnly<T>(
  run: ExcelRunner | undefined,
  timeoutMs: number | undefined,
  body: (context: HostRequestContext, watchdog: Watchdog) => Promise<T>,
): Promise<T> {
  const runner = run ?? defaultRunner();
  if (!runner) throw new ExcelFailureError({ kind: 'NotInExcel' });
  const watchdog = new Watchdog(timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    return await Promise.race([runner((context) => body(context, watchdog)), watchdog.expired]);
  } catch (error) {
    throw new ExcelFailureError(failureFromError(error, REQUIRED_API));
  } finally {
    watchdog.stop();
  }
}
