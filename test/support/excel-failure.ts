import type { ExcelFailure, ExcelRunner } from '../../src/excel';
import { ExcelFailureError } from '../../src/excel/failures';
import type { FakeErrorCode } from './fake-excel';

/**
 * The failure a renderer reader rejects with (`ExcelFailureError`, as `readOnly` maps Excel's errors),
 * or undefined when `promise` resolves; any other error is thrown again (a test fails on it).
 */
export async function failureOf(promise: Promise<unknown>): Promise<ExcelFailure | undefined> {
  try {
    await promise;
    return undefined;
  } catch (e) {
    if (e instanceof ExcelFailureError) return e.failure;
    throw e;
  }
}

/**
 * The office-js codes with which a speculative first sync typically fails when what it reads by the
 * plan's names is not there as planned (src/excel/failures.ts `SPECULATION_MISS_CODES`, which
 * failures.test pins to this list), as the fake host raises them: the cases of failures.test
 * (`isSpeculationMiss`) and render.test (the plain path after such a miss).
 */
export const SPECULATION_MISSES = [
  'ItemNotFound',
  'InvalidReference',
  'InvalidArgument',
  'RangeExceedsLimit',
  'ResponsePayloadSizeLimitExceeded',
] as const satisfies readonly FakeErrorCode[];

/**
 * `run` whose `n`-th `context.sync()` of a batch never answers (a hang Excel on the web can show,
 * office-js #6678); the other syncs are the host's own. For the watchdog tests (Timeout).
 */
export function hangingAtSync(run: ExcelRunner, n: number): ExcelRunner {
  return (batch) =>
    run((context) => {
      const sync = context.sync.bind(context);
      let k = 0;
      return batch({
        workbook: context.workbook,
        application: context.application,
        sync: () => (++k === n ? new Promise(() => undefined) : sync()),
      });
    });
}
