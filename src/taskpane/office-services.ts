/**
 * The production wiring of the pane: office.js for the host, the embedded reference data, the plan
 * builder and the Excel renderer. office.js itself is reached through office-host.ts and src/excel only.
 */
import type { CbsCode, ReferenceData } from '../domain';
import { isBuiltInKey } from '../domain';
import { defaultReferenceData } from '../data';
import type { RenderSuccess } from '../excel';
import { renderPlan } from '../excel';
import { excelFailureText, featureText, renderStepText } from '../messages';
import { buildWorkbookPlan, INPUT_NAMES } from '../plan';
import type { PaneServices, RenderOutcome, RenderRequest } from './controller';
import { detectEnvironment } from './environment';
import type { GemeenteChoice } from './gemeente-search';
import { LANDELIJK } from './gemeente-search';
import { NL } from './messages.nl';
import { documentSettings, officeGlobal } from '../excel';
import type { BuiltWith } from './state';

/** Document setting (stored inside the workbook) with what the add-in last built there. */
export const SETTINGS_KEY = 'spukBegroting';

/** Reads the remembered build, accepting only well-formed values. */
export function parseBuiltWith(value: unknown, data: ReferenceData): BuiltWith | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { gemeente, keyId } = value as { gemeente?: unknown; keyId?: unknown };
  if (typeof keyId !== 'string' || typeof gemeente !== 'string') return undefined;
  const known = gemeente === LANDELIJK || data.gemeenten.some((g) => g.code === gemeente);
  if (!known || !(isBuiltInKey(keyId) || keyId === 'eigen')) return undefined;
  return { gemeente: gemeente as GemeenteChoice, keyId };
}

function remember(built: BuiltWith & { readonly editionId: string }): void {
  const settings = documentSettings();
  if (!settings) return;
  try {
    settings.set(SETTINGS_KEY, built);
    settings.saveAsync(() => undefined);
  } catch {
    // Remembering is a convenience: the workbook itself is already written.
  }
}

/** Extra sentences after a successful run: what was kept, dropped or left out. */
export function successDetail(report: RenderSuccess, replacedWeights: boolean): string | undefined {
  const parts: string[] = [];
  const kept = report.preservedInputs
    .filter((p) => !(replacedWeights && p.name === INPUT_NAMES.weights))
    .reduce((n, p) => n + p.changedCells, 0);
  if (kept > 0) parts.push(NL.status.keptInputs(kept));
  const dropped = report.preservedInputs.flatMap((p) => p.droppedKeys);
  if (dropped.length > 0) parts.push(NL.status.droppedInputs(dropped));
  if (report.skippedFeatures.length > 0)
    parts.push(NL.status.skippedFeatures(report.skippedFeatures.map(featureText)));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export function officeServices(): PaneServices {
  const data = defaultReferenceData();
  return {
    gemeenten: data.gemeenten,
    editions: [{ id: data.edition.id, naam: data.edition.naam }],
    detectEnvironment: () => detectEnvironment(officeGlobal()),
    readWorkbook: () => Promise.resolve(parseBuiltWith(documentSettings()?.get(SETTINGS_KEY), data)),
    async render(request: RenderRequest): Promise<RenderOutcome> {
      const { selection } = request;
      let plan;
      try {
        plan = buildWorkbookPlan(data, {
          key: selection.keyId,
          gemeente: selection.gemeente === LANDELIJK ? undefined : (selection.gemeente as CbsCode),
        });
      } catch {
        return { ok: false, text: NL.status.planFailed };
      }
      // Built before in this workbook (document settings)? Then the renderer reads the user's inputs in
      // its first round trip (refresh: 2 syncs); otherwise it does not guess (first build: 2 syncs).
      const builtBefore = parseBuiltWith(documentSettings()?.get(SETTINGS_KEY), data) !== undefined;
      const report = await renderPlan(plan, {
        expectExisting: builtBefore,
        replaceInputs: request.replaceWeights ? [INPUT_NAMES.weights] : [],
        onProgress: (p) => request.onProgress(p.step, p.total, renderStepText(p.label)),
      });
      if (!report.ok) return { ok: false, text: excelFailureText(report.failure) };
      remember({ gemeente: selection.gemeente, keyId: selection.keyId, editionId: selection.editionId });
      const detail = successDetail(report, request.replaceWeights);
      return detail ? { ok: true, detail } : { ok: true };
    },
  };
}
