/**
 * The production wiring of the pane: office.js for the host, the embedded reference data, the plan
 * builder and the Excel renderer. office.js itself is reached through office-host.ts and src/excel only.
 */
import type { BeschikkingRegel, CbsCode, Notation, RealisatieInvoer, ReferenceData } from '../domain';
import { builtInKey, isBuiltInKey, resolveScenario } from '../domain';
import {
  defaultEditionId,
  defaultReferenceData,
  editionManifests,
  isEditionId,
  scenarioEditions,
} from '../data';
import type { BuiltWithFacts, RenderSuccess, TableRowsOption, TableRowsReport } from '../excel';
import { begrotingRowCells, INPUT_NAMES, planWorkbook, REALISATIE_TABLE, SHEETS } from '../plan';
import { readTableRows, renderPlan } from '../excel';
import {
  coauthorEditsText,
  excelFailureText,
  featureText,
  formatDate,
  removedSheetsText,
  renderStepText,
} from '../messages';
import type { PaneServices, RenderOutcome, RenderRequest } from './controller';
import { detectEnvironment } from './environment';
import type { GemeenteChoice } from './gemeente-search';
import { LANDELIJK } from './gemeente-search';
import { KEPT_SHEET, NL } from './messages.nl';
import { nextSteps } from './next-steps';
import { documentSettings, officeGlobal, officeRequirements, readExcelNotation } from '../excel';
import type { BuiltWith, RealisatieMode, Selection } from './state';
import type { EditionInfo } from './compare';
import { NO_COMPARISON, comparedEdition, earlierEditions } from './compare';
import { readWorkbookFacts } from './workbook-read';

/** Document setting (stored inside the workbook) with what the add-in last built there. */
export const SETTINGS_KEY = 'spukBegroting';

/** What the workbook shows on Overzicht for the national view (the plan's code "NL"). */
export const NATIONAL_CODE = 'NL';

/**
 * How long the pane waits per round trip when it reads the workbook at start (the controls stay closed
 * meanwhile). Reading four names and two cells is instant; a hang (office-js #6678) must not lock the pane.
 */
export const READ_TIMEOUT_MS = 15_000;

/** A key the workbook may have been built with: a built-in key, or the CLI's own key ("eigen"). */
function isKnownKey(keyId: string): boolean {
  return isBuiltInKey(keyId) || keyId === 'eigen';
}

/** Reads the remembered build, accepting only well-formed values. */
export function parseBuiltWith(value: unknown, data: ReferenceData): BuiltWith | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { gemeente, keyId, editionId, compareWith, withRealisatie } = value as {
    gemeente?: unknown;
    keyId?: unknown;
    editionId?: unknown;
    compareWith?: unknown;
    withRealisatie?: unknown;
  };
  if (typeof keyId !== 'string' || typeof gemeente !== 'string') return undefined;
  const known = gemeente === LANDELIJK || data.gemeenten.some((g) => g.code === gemeente);
  if (!known || !isKnownKey(keyId)) return undefined;
  // An edition this version does not ship (an older id) counts as unknown: a run replaces its amounts.
  const edition = typeof editionId === 'string' && isEditionId(editionId) ? { editionId } : {};
  // The comparison chosen in the pane: "geen" or an edition this version ships (else the default).
  const compare =
    typeof compareWith === 'string' && (compareWith === NO_COMPARISON || isEditionId(compareWith))
      ? { compareWith }
      : {};
  // The option "Bladen Realisatie en Verantwoording toevoegen": only a literal true counts.
  const realisatie = withRealisatie === true ? { withRealisatie: true } : {};
  return { gemeente: gemeente as GemeenteChoice, keyId, ...edition, ...compare, ...realisatie };
}

/** The editions as the pane lists them, newest first: name with date, `datum` and `vorige`. */
export function paneEditions(): EditionInfo[] {
  return [...editionManifests()]
    .reverse()
    .map((m) => ({ id: m.id, naam: `${m.naam} (${formatDate(m.datum)})`, datum: m.datum, vorige: m.vorige }));
}

/**
 * The editions of the pane's scenario request, exactly as the CLI builds them (`scenarioEditions(editie,
 * van)` and, for `werkboek`, `vorige` = that comparison): the chosen edition (unknown: the newest) and
 * the one "Wat is er veranderd" compares with (`Selection.compareWith`, see compare.ts), or none for
 * "geen" and for the first edition. Throws RangeError for an unknown id (not reachable from the pane).
 */
export function scenarioEditionsFor(
  selection: Pick<Selection, 'editionId' | 'compareWith'>,
  editions: readonly EditionInfo[] = paneEditions(),
): ReturnType<typeof scenarioEditions> {
  const edition = isEditionId(selection.editionId) ? selection.editionId : defaultEditionId();
  const van = comparedEdition(editions, edition, selection.compareWith);
  const both = scenarioEditions(edition, van);
  return { edition: both.edition, vorige: van === undefined ? undefined : both.vorige };
}

/**
 * The sentence after a run whose comparison is not the default: which edition "Wat is er veranderd"
 * compares with, or that it was not made. Undefined for the default (the edition's `vorige`).
 */
export function compareDetail(
  selection: Pick<Selection, 'editionId' | 'compareWith'>,
  editions: readonly EditionInfo[] = paneEditions(),
): string | undefined {
  const { editionId, compareWith } = selection;
  if (compareWith === undefined) return undefined;
  if (compareWith === NO_COMPARISON) return NL.compare.notCompared;
  if (!earlierEditions(editions, editionId).includes(compareWith)) return undefined;
  const naam = editions.find((e) => e.id === compareWith)?.naam ?? compareWith;
  return NL.compare.compared(naam);
}

/**
 * What the workbook itself says it was built with (Verdeelsleutel!B5 and Overzicht!C4, see
 * `readBuiltWith`), for a workbook without document settings (made by the CLI, or settings lost).
 * The key must be one the pane knows ("eigen" included: the pane then asks before any built-in key
 * replaces those weights). "NL" is the national view. A code that is no gemeente of the edition (the
 * user typed over C4) does not make the workbook unknown: the key still decides whether the pane must
 * ask, so the pane falls back to the national view, which it shows.
 */
export function builtWithFromWorkbook(
  found: BuiltWithFacts | undefined,
  data: ReferenceData,
): BuiltWith | undefined {
  if (!found || !isKnownKey(found.keyId)) return undefined;
  const code = found.gemeente.toUpperCase();
  const gemeente = code === NATIONAL_CODE ? undefined : data.gemeenten.find((g) => g.code === code)?.code;
  const edition =
    found.editionId !== undefined && isEditionId(found.editionId) ? { editionId: found.editionId } : {};
  return { gemeente: gemeente ?? LANDELIJK, keyId: found.keyId, ...edition };
}

/**
 * Stores what was built in the document settings, only when it differs from what they hold: a save
 * (`saveAsync`) with nothing changed would still mark the document changed for nothing (#17 item 9).
 */
function remember(built: BuiltWith & { readonly editionId: string }): void {
  const settings = documentSettings();
  if (!settings) return;
  try {
    if (JSON.stringify(settings.get(SETTINGS_KEY)) === JSON.stringify(built)) return;
    settings.set(SETTINGS_KEY, built);
    settings.saveAsync(() => undefined);
  } catch {
    // Remembering is a convenience: the workbook itself is already written.
  }
}

/**
 * The input ranges a run replaces with the plan's values (the renderer keeps every other one): the
 * weights after the user agreed to another key, the national amounts of another edition, and the
 * beschikking the user gave in the pane (its amounts and its gemeente cell).
 */
export function replacedInputs(request: {
  readonly replaceWeights: boolean;
  readonly replaceNational: boolean;
  readonly beschikking?: readonly Pick<BeschikkingRegel, 'nummer' | 'datum'>[];
}): string[] {
  const b = request.beschikking;
  return [
    ...(request.replaceWeights ? [INPUT_NAMES.weights] : []),
    ...(request.replaceNational ? [INPUT_NAMES.national] : []),
    ...(b ? [INPUT_NAMES.beschikking, INPUT_NAMES.beschikkingGemeente] : []),
  ];
}

/**
 * The input ranges a run fills where the pasted beschikking gives a value, keeping the user's cells
 * elsewhere (renderer option `fillInputs`): the beschikkingsnummer and -datum, per regeling, so a
 * number typed for a regeling the paste does not name is not lost (#17, #19 item 4).
 */
export function filledInputs(request: {
  readonly beschikking?: readonly Pick<BeschikkingRegel, 'nummer' | 'datum'>[];
}): string[] {
  const b = request.beschikking;
  return [
    ...(b?.some((r) => r.nummer !== undefined) ? [INPUT_NAMES.beschikkingNummer] : []),
    ...(b?.some((r) => r.datum !== undefined) ? [INPUT_NAMES.beschikkingDatum] : []),
  ];
}

/** Extra sentences after a successful run: what was restored, kept, dropped or left out. */
export function successDetail(
  report: RenderSuccess,
  replacedWeights: boolean,
  replaced: readonly string[] = [],
): string | undefined {
  const parts: string[] = [];
  if (report.restoredFromBackup) parts.push(NL.status.restoredFromBackup);
  const edits = report.editsAfterRestorePoint ?? 0;
  if (edits > 0) parts.push(NL.status.editsAfterRestorePoint(edits));
  // A co-author's typing between the read and the write (office-js #108): the cells named, restored
  // or, where that was not safe, to be typed again.
  const coauthor = coauthorEditsText(report);
  if (coauthor !== undefined) parts.push(coauthor);
  const removed = removedSheetsText(report.removedSheets ?? []);
  if (removed !== undefined) parts.push(removed);
  if (report.restoredMarks.length > 0) parts.push(NL.status.restoredMarks(report.restoredMarks));
  const kept = report.preservedInputs
    .filter((p) => !(replacedWeights && p.name === INPUT_NAMES.weights) && !replaced.includes(p.name))
    .reduce((n, p) => n + p.changedCells, 0);
  if (kept > 0) parts.push(NL.status.keptInputs(kept));
  const dropped = report.preservedInputs.flatMap((p) => p.droppedKeys);
  if (dropped.length > 0) parts.push(NL.status.droppedInputs(dropped));
  if (report.skippedFeatures.length > 0)
    parts.push(NL.status.skippedFeatures(report.skippedFeatures.map(featureText)));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The renderer's `tableRows` for a pasted realisatie and a werkmap with its own table Realisatie: the
 * rows in the table's columns (as the plan writes a new table: `begrotingRowCells` and the prognose),
 * the key Regeling|Onderdeel|Activiteit (the sheet's own key, plan/realisatie/keys.ts), the number of
 * rows the user agreed to replace and the sheet that keeps them (`KEPT_SHEET`, dated title).
 */
export function realisatieRows(
  realisatie: RealisatieInvoer,
  mode: RealisatieMode,
  replaceRows: number | undefined,
  today: Date = new Date(),
): TableRowsOption {
  return {
    table: REALISATIE_TABLE,
    mode,
    rows: realisatie.regels.map((r) => [...begrotingRowCells(r), r.prognose ?? null]),
    keyColumns: [0, 1, 2],
    ...(replaceRows !== undefined ? { expectRows: replaceRows } : {}),
    keep: {
      sheet: KEPT_SHEET,
      title: NL.realisatiePaste.keptTitle(formatDate(today.toISOString().slice(0, 10))),
    },
  };
}

/** The sentence on the rows written into the werkmap's own table Realisatie. */
export function tableRowsDetail(report: TableRowsReport | undefined): string | undefined {
  if (!report) return undefined;
  const T = NL.realisatiePaste;
  if (report.written === 0) return T.alreadyWritten;
  const main =
    report.mode === 'append'
      ? T.appended(report.written)
      : report.keptOn !== undefined
        ? T.replaced(report.replaced, report.written, report.keptOn)
        : T.appended(report.written);
  return report.emptyRowsLeft > 0 ? `${main} ${T.emptyRowsLeft(report.emptyRowsLeft)}` : main;
}

export function officeServices(): PaneServices {
  const data = defaultReferenceData();
  /** Excel's notation as the start read (`readWorkbook`) found it; unset until that read ran. */
  let startNotation: { readonly notation: Notation | undefined } | undefined;
  return {
    gemeenten: data.gemeenten,
    // Newest first: the first is the default.
    editions: paneEditions(),
    detectEnvironment: () => detectEnvironment(officeGlobal()),
    // The workbook's own marked names and cells first: document settings are unreliable across hosts
    // and co-authors (office-js #594, #642) and survive a copy whose add-in sheets were deleted. The
    // settings only when the workbook says nothing or cannot be read; with neither, a read failure
    // (ExcelFailureError) is left to the pane, which then starts fresh. The option "Bladen Realisatie
    // en Verantwoording toevoegen" likewise: ticked when the sheet Realisatie's mark exists (#17, #19).
    async readWorkbook(): Promise<BuiltWith | undefined> {
      const remembered = parseBuiltWith(documentSettings()?.get(SETTINGS_KEY), data);
      let found: BuiltWith | undefined;
      // Unknown until the read answers (a failed read leaves it unknown: no read of its own after it).
      startNotation = { notation: undefined };
      try {
        const facts = await readWorkbookFacts({ timeoutMs: READ_TIMEOUT_MS });
        startNotation = { notation: facts.notation };
        found = builtWithFromWorkbook(facts.builtWith, data);
        // The mark decides; the settings only when it could not be read.
        if (found && (facts.realisatie ?? remembered?.withRealisatie === true))
          found = { ...found, withRealisatie: true };
      } catch (error) {
        if (remembered) return remembered;
        throw error;
      }
      return found ?? remembered;
    },
    // Read with the workbook in `readWorkbook`'s batch (no round trip of its own, #17); a read of its
    // own (one sync) only when no start read ran.
    excelNotation: () =>
      startNotation
        ? Promise.resolve(startNotation.notation)
        : readExcelNotation(officeRequirements(), { timeoutMs: READ_TIMEOUT_MS }),
    async realisatieRows(): Promise<number | undefined> {
      return readTableRows(REALISATIE_TABLE, { timeoutMs: READ_TIMEOUT_MS });
    },
    async render(request: RenderRequest): Promise<RenderOutcome> {
      const { selection } = request;
      let plan;
      let steps: string[] | undefined;
      try {
        const gemeente = selection.gemeente === LANDELIJK ? undefined : (selection.gemeente as CbsCode);
        // The edition and the one compared with, as `werkboek --editie … --van …` takes them.
        const editions = scenarioEditionsFor(selection);
        // One scenario for the workbook and for what the pane says next (with the beschikking it writes).
        const scenario = resolveScenario({
          ...editions,
          key: builtInKey(selection.keyId, editions.edition.base),
          gemeente,
          beschikking: request.beschikking ?? [],
          // The sheet Realisatie is the user's: made with the pasted rows (as `werkboek --realisatie`)
          // or an empty table, then kept on every refresh.
          ...((request.withRealisatie || request.realisatie) && gemeente !== undefined
            ? { realisatie: request.realisatie ?? { regels: [], prognoseJaar: undefined } }
            : {}),
        });
        plan = planWorkbook(scenario);
        steps = nextSteps(
          scenario.modelChecksTotal,
          scenario.sources,
          gemeente === undefined,
          scenario.toets.signalen.length,
          scenario.azwa,
        );
      } catch {
        return { ok: false, text: NL.status.planFailed };
      }
      // Built before in this workbook (as the pane knows from readWorkbook or its own last run)? Then the
      // renderer reads the user's inputs in its first round trip (refresh: 2 syncs); otherwise it does
      // not guess (first build: 2 syncs).
      const replaceInputs = replacedInputs(request);
      const report = await renderPlan(plan, {
        ...(request.realisatie && request.realisatieMode
          ? { tableRows: realisatieRows(request.realisatie, request.realisatieMode, request.replaceRows) }
          : {}),
        ...(request.dropRealisatie ? { removeEmptyTables: [REALISATIE_TABLE] } : {}),
        expectExisting: request.builtBefore,
        protectSheets: request.protectSheets ?? true,
        replaceInputs,
        fillInputs: filledInputs(request),
        onProgress: (p) => request.onProgress(p.step, p.total, renderStepText(p.label)),
      });
      if (!report.ok) {
        const text = excelFailureText(report.failure);
        // The workbook's weights belong to another key: the pane asks before the next run replaces them.
        if (report.failure.kind === 'KeyMismatch')
          return { ok: false, text, workbookKey: report.failure.workbookKey };
        // "Vervangen": the pane asks whether these rows may go (the renderer counted them).
        if (report.failure.kind === 'TableRowsToReplace')
          return {
            ok: false,
            text,
            replaceRows: { existing: report.failure.existing, given: report.failure.given },
          };
        return { ok: false, text };
      }
      // The pasted rows reach the table only when this run created the sheet Realisatie: an existing
      // table is the user's and stays as it is (the pane refuses beforehand when it knows; this is the
      // guard when it did not). The other sheets were refreshed; the run says the rows were not put in.
      const realisatieKept =
        request.realisatie !== undefined &&
        report.tableRows === undefined &&
        !report.addedSheets.some((n) => n === SHEETS.realisatie);
      remember({
        gemeente: selection.gemeente,
        keyId: selection.keyId,
        editionId: selection.editionId,
        ...(selection.compareWith !== undefined ? { compareWith: selection.compareWith } : {}),
        ...(((request.withRealisatie || request.realisatie) && selection.gemeente !== LANDELIJK) ||
        (request.dropRealisatie === true && !(report.removedSheets ?? []).includes(SHEETS.realisatie))
          ? { withRealisatie: true }
          : {}),
      });
      const detail =
        [
          tableRowsDetail(report.tableRows),
          compareDetail(selection),
          successDetail(report, request.replaceWeights, replaceInputs),
        ]
          .filter((t) => t !== undefined)
          .join(' ') || undefined;
      if (realisatieKept) return { ok: false, text: NL.realisatiePaste.notWritten };
      // Asked to remove the Realisatie's sheets, but its table had rows by then: they stayed, and say so.
      const stayed =
        request.dropRealisatie === true && !(report.removedSheets ?? []).includes(SHEETS.realisatie);
      if (stayed)
        return {
          ok: true,
          detail: [NL.realisatie.stayed, detail].filter((t) => t !== undefined).join(' '),
          realisatieKept: true,
          ...(steps ? { nextSteps: steps } : {}),
        };
      return { ok: true, ...(detail ? { detail } : {}), ...(steps ? { nextSteps: steps } : {}) };
    },
  };
}
