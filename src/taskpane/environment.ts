/**
 * Where the pane runs: Excel with the required API, another Office host, or a plain browser.
 * Takes the Office global as a parameter so it is testable without office.js.
 */
import { meetsFloor } from '../excel';
import type { Environment } from './state';

/** The part of office.js this module uses. */
export type { OfficeLike } from '../excel';
import type { OfficeLike } from '../excel';

/** How long to wait for Office.onReady before concluding the page is not inside an Office host. */
export const READY_TIMEOUT_MS = 10_000;

export async function detectEnvironment(
  office: OfficeLike | undefined,
  timeoutMs: number = READY_TIMEOUT_MS,
): Promise<Environment> {
  if (!office || typeof office.onReady !== 'function') return { kind: 'outside-excel', reason: 'no-office' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let info: { readonly host: string | null } | 'timeout';
  try {
    info = await Promise.race([office.onReady(), timeout]);
  } catch {
    return { kind: 'outside-excel', reason: 'no-host' };
  } finally {
    clearTimeout(timer);
  }
  if (info === 'timeout' || !info.host) return { kind: 'outside-excel', reason: 'no-host' };
  if (info.host !== 'Excel') return { kind: 'outside-excel', reason: 'other-host', host: info.host };
  const requirements = office.context?.requirements;
  // The floor (ExcelApi 1.9, as in manifest.xml) is the renderer's: one source of truth.
  const supported = requirements ? meetsFloor(requirements) : false;
  return supported ? { kind: 'ready' } : { kind: 'unsupported' };
}
