/**
 * The task pane's view model: a pure reducer over plain data, and the derived view. No DOM, no
 * Office; the controller (controller.ts) feeds it actions and renders what it returns.
 */
import type { BeschikkingRegel, BuiltInKeyId, CbsCode, RealisatieInvoer } from '../domain';
import { isBuiltInKey } from '../domain';
import type { BeschikkingCheck, BeschikkingSummary } from './beschikking';
import { MAX_SHOWN_FAILURES, summarize } from './beschikking';
import type { RealisatieCheck } from './realisatie';
import { editionYears, summarizeRealisatie } from './realisatie';
import type { GemeenteChoice } from './gemeente-search';
import { LANDELIJK } from './gemeente-search';
import { KEY_TEXTS, NL } from './messages.nl';

export type Environment =
  | { readonly kind: 'starting' }
  /** Office.js absent (plain browser, or the CDN could not be reached). */
  | { readonly kind: 'outside-excel'; readonly reason: 'no-office' }
  /** Office.js present but no Office host (a plain browser tab) or another host (Word, …). */
  | { readonly kind: 'outside-excel'; readonly reason: 'no-host' }
  | { readonly kind: 'outside-excel'; readonly reason: 'other-host'; readonly host: string }
  /** Excel, but without the ExcelApi requirement set the add-in needs. */
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'ready' };

export interface Selection {
  readonly gemeente: GemeenteChoice;
  readonly keyId: BuiltInKeyId;
  readonly editionId: string;
  /**
   * "Vergelijk met editie" (see compare.ts): undefined = the edition's `vorige` (default),
   * `NO_COMPARISON` = none, else an earlier edition's id; the CLI's `--van`.
   */
  readonly compareWith?: string;
  /**
   * "Bladen Realisatie en Verantwoording toevoegen" (a gemeente only): follows the workbook (its sheet
   * Realisatie) when one is found, else the user's tick.
   */
  readonly withRealisatie?: boolean;
}

/** What the open workbook was last built with (read back from the workbook, or this session's last run). */
export interface BuiltWith {
  readonly gemeente: GemeenteChoice;
  /**
   * A built-in key, another id (e.g. "eigen") the pane cannot choose, or `UNKNOWN_KEY` (the workbook's
   * key cell was empty when the renderer refused to keep its weights).
   */
  readonly keyId: string;
  /** The edition; undefined when the workbook does not say (made before editions existed). */
  readonly editionId?: string;
  /** The comparison chosen in the pane (`Selection.compareWith`), when it remembers one. */
  readonly compareWith?: string;
  /** True when the workbook holds the sheet Realisatie (its mark; the settings only as a fallback). */
  readonly withRealisatie?: boolean;
}

export type Job = 'load' | 'refresh';

export interface Busy {
  readonly job: Job;
  readonly replaceWeights: boolean;
  /** The run replaces the national amounts with the chosen edition's (another or unknown edition before). */
  readonly replaceNational: boolean;
  readonly step: number;
  readonly total: number;
  readonly label: string;
  /** The run writes these beschikking amounts (they replace the grid on the sheet Beschikking). */
  readonly beschikking?: readonly BeschikkingRegel[];
  /** The run creates the sheet Realisatie with these rows (and Besteding, Verantwoording). */
  readonly realisatie?: RealisatieInvoer;
  /**
   * The werkmap has its own table Realisatie: the rows are appended to it, or replace its rows
   * (`replaceRows`: the number of rows the user agreed to replace; absent: not asked yet).
   */
  readonly realisatieMode?: RealisatieMode;
  readonly replaceRows?: number;
}

/** What "Toevoegen" and "Vervangen" do with a pasted realisatie when the werkmap has its own table. */
export type RealisatieMode = 'append' | 'replace';

export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Message {
  readonly tone: Tone;
  readonly text: string;
  /** After a load: what to look at next, shown as a list under the text. */
  readonly steps?: readonly string[];
}

export interface Confirmation {
  readonly job: Job;
  readonly from: string;
  readonly to: BuiltInKeyId;
  /** The run asked about writes a beschikking. */
  readonly beschikking?: readonly BeschikkingRegel[];
  /** The run asked about writes a realisatie. */
  readonly realisatie?: RealisatieInvoer;
  readonly realisatieMode?: RealisatieMode;
  /**
   * The question is whether the pasted rows replace the rows of the werkmap's table Realisatie
   * (`existing` rows by `given`), not the key; `replaceWeights`: the user already agreed to that.
   */
  readonly replaceRows?: { readonly existing: number; readonly given: number };
  readonly replaceWeights?: boolean;
}

/** What a run carries besides the selection: a beschikking or a realisatie read in the pane. */
type Carried = Pick<Busy, 'beschikking' | 'realisatie' | 'realisatieMode' | 'replaceRows'>;

/** The section "Beschikking": nothing read yet, a refusal, or amounts ready to write. */
export type BeschikkingPreview =
  /** `note`: why an earlier reading was put aside (another gemeente was chosen). */
  | { readonly kind: 'none'; readonly note?: string }
  | { readonly kind: 'refused'; readonly failures: readonly string[] }
  | {
      readonly kind: 'checked';
      readonly gemeente: CbsCode;
      readonly regels: readonly BeschikkingRegel[];
      readonly summary: BeschikkingSummary;
    };

/** The section "Realisatie": nothing read yet, a refusal, or rows ready to write. */
export type RealisatiePreview =
  /** `note`: why an earlier reading was put aside (another gemeente or edition was chosen). */
  | { readonly kind: 'none'; readonly note?: string }
  | { readonly kind: 'refused'; readonly failures: readonly string[] }
  | {
      readonly kind: 'checked';
      readonly gemeente: CbsCode;
      readonly editionId: string;
      readonly invoer: RealisatieInvoer;
      readonly summary: BeschikkingSummary;
    };

export interface State {
  readonly env: Environment;
  readonly selection: Selection;
  readonly builtWith: BuiltWith | undefined;
  readonly busy: Busy | undefined;
  readonly confirm: Confirmation | undefined;
  readonly message: Message;
  readonly beschikking: BeschikkingPreview;
  readonly realisatie: RealisatiePreview;
}

export type Action =
  | { readonly type: 'environment'; readonly env: Environment }
  | { readonly type: 'workbook-found'; readonly builtWith: BuiltWith }
  | { readonly type: 'select-gemeente'; readonly gemeente: GemeenteChoice }
  | { readonly type: 'invalid-gemeente'; readonly text: string }
  | { readonly type: 'select-key'; readonly keyId: BuiltInKeyId }
  /**
   * `compareWith`: the comparison that stays with the new edition (`keepCompareWith` in compare.ts);
   * absent = the new edition's `vorige`.
   */
  | { readonly type: 'select-edition'; readonly editionId: string; readonly compareWith?: string }
  /** "Vergelijk met editie": undefined = the edition's `vorige`, `NO_COMPARISON` = none, else an id. */
  | { readonly type: 'select-compare'; readonly compareWith: string | undefined }
  /**
   * The option "Bladen Realisatie en Verantwoording toevoegen" ticked or not. `tableRows`: unticked in a
   * werkmap with the sheet Realisatie, the rows its table holds (read just before): with rows the option
   * stays on (the sheets stay), without them the next run removes the three sheets.
   */
  | { readonly type: 'select-realisatie'; readonly withRealisatie: boolean; readonly tableRows?: number }
  | { readonly type: 'start'; readonly job: Job }
  | { readonly type: 'confirm'; readonly accept: boolean }
  /** The user's paste or file was read (see checkBeschikking). */
  | { readonly type: 'beschikking-checked'; readonly check: BeschikkingCheck }
  /** The paste changed after it was read: the reading no longer shows what is in the box. */
  | { readonly type: 'beschikking-edited' }
  /** "Beschikking in werkmap zetten": a load that writes the checked amounts. */
  | { readonly type: 'apply-beschikking' }
  /** The user's realisatie paste or file was read (see checkRealisatie). */
  | { readonly type: 'realisatie-checked'; readonly check: RealisatieCheck }
  /** The realisatie paste changed after it was read. */
  | { readonly type: 'realisatie-edited' }
  /**
   * "Realisatie in werkmap zetten": a load that creates the sheet Realisatie with the checked rows; when
   * the werkmap has its own table Realisatie: "Toevoegen" (`append`) or "Vervangen" (`replace`).
   */
  | { readonly type: 'apply-realisatie'; readonly mode?: RealisatieMode }
  | { readonly type: 'progress'; readonly step: number; readonly total: number; readonly label: string }
  /** `detail`: extra Dutch sentences about the run (kept inputs, skipped features). */
  | {
      readonly type: 'succeeded';
      readonly detail?: string;
      readonly nextSteps?: readonly string[];
      /** The run was to remove the Realisatie's sheets, but its table had rows: they stayed. */
      readonly realisatieKept?: boolean;
    }
  /**
   * `workbookKey`: the renderer refused because the workbook's weights belong to this key (the pane
   * did not know, e.g. it could not read the workbook at start). The pane learns it, so the next run
   * asks before replacing those weights.
   */
  | {
      readonly type: 'failed';
      readonly text: string;
      readonly workbookKey?: string;
      /** The renderer asks before the pasted rows replace the table Realisatie's `existing` rows. */
      readonly replaceRows?: { readonly existing: number; readonly given: number };
    };

/** What the reducer needs to know to word its messages. */
export interface Labels {
  gemeente(choice: GemeenteChoice): string;
  /** The edition's name as the pane lists it. */
  edition(id: string): string;
}

export const DEFAULT_KEY: BuiltInKeyId = 'spuk-2025';

/**
 * The workbook's weights belong to a key nobody knows: the renderer refused to keep them (KeyMismatch)
 * and the key cell (Verdeelsleutel!B5, `SPUK_Sleutel`) was empty. Treated like the CLI's own key
 * ("eigen"): any run first asks whether the chosen key may replace those weights.
 */
export const UNKNOWN_KEY = '';

/** Steps before the renderer reports its own: building the plan. */
export const PREPARE_STEPS = 1;

export function initialState(editionId: string, gemeente: GemeenteChoice): State {
  return {
    env: { kind: 'starting' },
    selection: { gemeente, keyId: DEFAULT_KEY, editionId },
    builtWith: undefined,
    busy: undefined,
    confirm: undefined,
    message: { tone: 'info', text: NL.status.starting },
    beschikking: { kind: 'none' },
    realisatie: { kind: 'none' },
  };
}

export function keyLabel(keyId: string): string {
  if (isBuiltInKey(keyId)) return KEY_TEXTS[keyId].label;
  if (keyId.trim() === UNKNOWN_KEY) return NL.key.unknown;
  return keyId === 'eigen' ? NL.key.own : keyId;
}

function isUnknownKey(keyId: string): boolean {
  return keyId.trim() === UNKNOWN_KEY;
}

function environmentMessage(env: Environment): Message {
  switch (env.kind) {
    case 'starting':
      return { tone: 'info', text: NL.status.starting };
    case 'ready':
      return { tone: 'info', text: NL.status.ready };
    case 'unsupported':
      return { tone: 'error', text: NL.environment.unsupported };
    case 'outside-excel':
      switch (env.reason) {
        case 'no-office':
          return { tone: 'warning', text: NL.environment.noOffice };
        case 'no-host':
          return { tone: 'warning', text: NL.environment.noHost };
        case 'other-host':
          return { tone: 'warning', text: NL.environment.otherHost(NL.hostNames[env.host] ?? env.host) };
      }
  }
}

function canAct(state: State): boolean {
  return state.env.kind === 'ready' && state.busy === undefined && state.confirm === undefined;
}

function begin(state: State, job: Job, replaceWeights: boolean, carried: Carried = {}): State {
  const built = state.builtWith;
  const replaceNational = built !== undefined && built.editionId !== state.selection.editionId;
  const { beschikking, realisatie, realisatieMode, replaceRows } = carried;
  return {
    ...state,
    // A realisatie comes with its sheets: the option shows it.
    selection: realisatie ? withOption(state.selection, true) : state.selection,
    confirm: undefined,
    busy: {
      job,
      replaceWeights,
      replaceNational,
      step: 1,
      total: PREPARE_STEPS + 1,
      label: NL.progress.prepare,
      ...(beschikking ? { beschikking } : {}),
      ...(realisatie ? { realisatie } : {}),
      ...(realisatie && realisatieMode ? { realisatieMode } : {}),
      ...(realisatie && replaceRows !== undefined ? { replaceRows } : {}),
    },
    message: { tone: 'info', text: NL.status.working },
  };
}

function successMessage(
  state: State,
  busy: Busy,
  labels: Labels,
  detail: string | undefined,
  steps: readonly string[] | undefined,
): Message {
  const where = labels.gemeente(state.selection.gemeente);
  const key = keyLabel(state.selection.keyId);
  const parts = [busy.job === 'load' ? NL.status.loaded(where, key) : NL.status.refreshed(where)];
  if (busy.replaceWeights) parts.push(NL.status.weightsReplaced(key));
  if (busy.replaceNational || busy.job === 'load')
    parts.push(NL.status.edition(labels.edition(state.selection.editionId)));
  if (busy.beschikking) parts.push(NL.beschikking.applied(busy.beschikking.length));
  if (busy.realisatie) parts.push(NL.realisatiePaste.applied(busy.realisatie.regels.length));
  if (detail) parts.push(detail);
  return { tone: 'success', text: parts.join(' '), ...(steps && steps.length > 0 ? { steps } : {}) };
}

export function reduce(state: State, action: Action, labels: Labels): State {
  switch (action.type) {
    case 'environment': {
      const message =
        action.env.kind === 'ready' && state.builtWith
          ? existingMessage(state.builtWith, labels)
          : environmentMessage(action.env);
      return { ...state, env: action.env, message };
    }
    case 'workbook-found': {
      // Follow the workbook: the pane shows what it was built with, so "Vernieuwen" keeps it.
      const { gemeente, keyId, editionId, compareWith, withRealisatie } = action.builtWith;
      const selection: Selection = {
        ...withOption(withCompare(state.selection, compareWith), withRealisatie === true),
        gemeente,
        keyId: isBuiltInKey(keyId) ? keyId : state.selection.keyId,
        editionId: editionId ?? state.selection.editionId,
      };
      const message = state.env.kind === 'ready' ? existingMessage(action.builtWith, labels) : state.message;
      return { ...state, builtWith: action.builtWith, selection, message };
    }
    case 'select-gemeente': {
      if (!canAct(state)) return state;
      // A beschikking read for another gemeente is put aside: it must never be written for this one.
      const b = state.beschikking;
      const beschikking: BeschikkingPreview =
        b.kind === 'checked' && b.gemeente !== action.gemeente
          ? { kind: 'none', note: NL.beschikking.otherGemeente(labels.gemeente(b.gemeente)) }
          : b.kind === 'refused' && action.gemeente !== state.selection.gemeente
            ? { kind: 'none' }
            : b;
      return {
        ...state,
        beschikking,
        realisatie: asideRealisatie(
          state.realisatie,
          action.gemeente,
          state.selection.editionId,
          labels,
          action.gemeente !== state.selection.gemeente,
        ),
        selection: { ...state.selection, gemeente: action.gemeente },
        message: state.message.tone === 'warning' ? readyMessage(state, labels) : state.message,
      };
    }
    case 'beschikking-checked': {
      if (!canAct(state)) return state;
      const c = action.check;
      return {
        ...state,
        beschikking: c.ok
          ? {
              kind: 'checked',
              gemeente: c.gemeente,
              regels: c.regels,
              summary: summarize(c.regels, labels.gemeente(c.gemeente)),
            }
          : { kind: 'refused', failures: c.failures },
      };
    }
    case 'beschikking-edited':
      if (!canAct(state) || state.beschikking.kind === 'none') return state;
      return { ...state, beschikking: { kind: 'none' } };
    case 'apply-beschikking': {
      const b = state.beschikking;
      if (!canAct(state) || b.kind !== 'checked' || b.gemeente !== state.selection.gemeente) return state;
      const built = state.builtWith;
      if (built && built.keyId !== state.selection.keyId)
        return {
          ...state,
          confirm: { job: 'load', from: built.keyId, to: state.selection.keyId, beschikking: b.regels },
          message: { tone: 'info', text: '' },
        };
      return begin(state, 'load', false, { beschikking: b.regels });
    }
    case 'realisatie-checked': {
      if (!canAct(state)) return state;
      const c = action.check;
      return {
        ...state,
        realisatie: c.ok
          ? {
              kind: 'checked',
              gemeente: c.gemeente,
              editionId: c.editionId,
              invoer: c.invoer,
              summary: summarizeRealisatie(c.invoer, editionYears(c.editionId), labels.gemeente(c.gemeente)),
            }
          : { kind: 'refused', failures: c.failures },
      };
    }
    case 'realisatie-edited':
      if (!canAct(state) || state.realisatie.kind === 'none') return state;
      return { ...state, realisatie: { kind: 'none' } };
    case 'apply-realisatie': {
      const r = state.realisatie;
      if (!canAct(state) || !realisatieApplies(state)) return state;
      if (r.kind !== 'checked') return state;
      // The sheet Realisatie is the user's: once it exists its rows change only by "Toevoegen" (never
      // a row twice) or "Vervangen" (after the user agreed to the number; the rows kept on a sheet).
      if (state.builtWith?.withRealisatie && action.mode === undefined)
        return { ...state, realisatie: { kind: 'refused', failures: [NL.realisatiePaste.sheetExists] } };
      const mode = state.builtWith?.withRealisatie ? action.mode : undefined;
      const built = state.builtWith;
      if (built && built.keyId !== state.selection.keyId)
        return {
          ...state,
          confirm: {
            job: 'load',
            from: built.keyId,
            to: state.selection.keyId,
            realisatie: r.invoer,
            ...(mode ? { realisatieMode: mode } : {}),
          },
          message: { tone: 'info', text: '' },
        };
      return begin(state, 'load', false, { realisatie: r.invoer, ...(mode ? { realisatieMode: mode } : {}) });
    }
    case 'invalid-gemeente':
      if (!canAct(state)) return state;
      return { ...state, message: { tone: 'warning', text: NL.gemeente.invalid(action.text) } };
    case 'select-key':
      if (!canAct(state)) return state;
      return { ...state, selection: { ...state.selection, keyId: action.keyId } };
    case 'select-edition':
      if (!canAct(state)) return state;
      return {
        ...state,
        realisatie: asideRealisatie(
          state.realisatie,
          state.selection.gemeente,
          action.editionId,
          labels,
          action.editionId !== state.selection.editionId,
        ),
        selection: { ...withCompare(state.selection, action.compareWith), editionId: action.editionId },
      };
    case 'select-compare':
      if (!canAct(state)) return state;
      return { ...state, selection: withCompare(state.selection, action.compareWith) };
    case 'select-realisatie': {
      if (!canAct(state)) return state;
      const had = !action.withRealisatie && state.builtWith?.withRealisatie === true;
      if (had && action.tableRows !== undefined && action.tableRows > 0)
        return {
          ...state,
          selection: withOption(state.selection, true),
          message: { tone: 'info', text: NL.realisatie.keptRows(action.tableRows) },
        };
      return {
        ...state,
        selection: withOption(state.selection, action.withRealisatie),
        ...(had && action.tableRows === 0
          ? { message: { tone: 'info' as const, text: NL.realisatie.willRemove } }
          : {}),
      };
    }
    case 'start': {
      if (!canAct(state)) return state;
      if (action.job === 'refresh' && state.builtWith === undefined) return state;
      const built = state.builtWith;
      if (built && built.keyId !== state.selection.keyId) {
        // The question replaces the last message, so no stale status stands next to it.
        return {
          ...state,
          confirm: { job: action.job, from: built.keyId, to: state.selection.keyId },
          message: { tone: 'info', text: '' },
        };
      }
      return begin(state, action.job, false);
    }
    case 'confirm': {
      const c = state.confirm;
      if (!c || state.busy) return state;
      if (action.accept)
        return begin(state, c.job, c.replaceRows ? c.replaceWeights === true : true, {
          ...(c.beschikking ? { beschikking: c.beschikking } : {}),
          ...(c.realisatie ? { realisatie: c.realisatie } : {}),
          ...(c.realisatieMode ? { realisatieMode: c.realisatieMode } : {}),
          ...(c.replaceRows ? { replaceRows: c.replaceRows.existing } : {}),
        });
      // Not replaced: the table Realisatie stays as it is; the reading stays for another choice.
      if (c.replaceRows)
        return {
          ...state,
          confirm: undefined,
          message: { tone: 'info', text: NL.realisatiePaste.notReplaced },
        };
      if (isUnknownKey(c.from)) {
        // Keep them: the pane cannot know their key, so it forgets what it assumed; the next run asks
        // the renderer again, which keeps the weights once the key cell names the chosen key, and
        // otherwise refuses again (and the pane asks again). Never a dead end, never a silent mix.
        return {
          ...state,
          confirm: undefined,
          builtWith: undefined,
          message: { tone: 'info', text: NL.status.cancelledUnknownKey },
        };
      }
      return {
        ...state,
        confirm: undefined,
        message: {
          tone: 'info',
          // A key the pane cannot choose (eigen) cannot be "chosen to update with your own weights".
          text: isBuiltInKey(c.from) ? NL.status.cancelled(keyLabel(c.from)) : NL.status.cancelledOwnKey,
        },
      };
    }
    case 'progress': {
      const busy = state.busy;
      if (!busy) return state;
      const total = Math.max(1, action.total);
      const step = Math.min(Math.max(1, action.step), total);
      return { ...state, busy: { ...busy, step, total, label: action.label } };
    }
    case 'succeeded': {
      const busy = state.busy;
      if (!busy) return state;
      const selection = action.realisatieKept ? withOption(state.selection, true) : state.selection;
      return {
        ...state,
        selection,
        busy: undefined,
        builtWith: {
          gemeente: state.selection.gemeente,
          keyId: state.selection.keyId,
          editionId: state.selection.editionId,
          ...(state.selection.compareWith !== undefined ? { compareWith: state.selection.compareWith } : {}),
          // The sheets are added for a gemeente only (the national view has no verantwoording).
          ...((selection.withRealisatie && state.selection.gemeente !== LANDELIJK) || action.realisatieKept
            ? { withRealisatie: true }
            : {}),
        },
        message: successMessage(state, busy, labels, action.detail, action.nextSteps),
      };
    }
    case 'failed': {
      if (!state.busy) return state;
      // "Vervangen": the renderer counted the table's rows; the user now says whether they go.
      const busy = state.busy;
      if (action.replaceRows && busy.realisatie && busy.realisatieMode === 'replace')
        return {
          ...state,
          busy: undefined,
          confirm: {
            job: busy.job,
            from: state.builtWith?.keyId ?? state.selection.keyId,
            to: state.selection.keyId,
            realisatie: busy.realisatie,
            realisatieMode: 'replace',
            replaceRows: action.replaceRows,
            replaceWeights: busy.replaceWeights,
          },
          message: { tone: 'info', text: '' },
        };
      // An empty key cell (''): an unknown key, which the next run asks about like "eigen".
      const key = action.workbookKey?.trim();
      const builtWith =
        key !== undefined
          ? {
              gemeente: state.selection.gemeente,
              keyId: key === '' ? UNKNOWN_KEY : key,
              ...(state.builtWith?.editionId ? { editionId: state.builtWith.editionId } : {}),
            }
          : state.builtWith;
      return { ...state, busy: undefined, builtWith, message: { tone: 'error', text: action.text } };
    }
  }
}

/** A checked realisatie holds for one gemeente and edition: for another it is put aside, with a note. */
function asideRealisatie(
  r: RealisatiePreview,
  gemeente: GemeenteChoice,
  editionId: string,
  labels: Labels,
  changed: boolean,
): RealisatiePreview {
  if (r.kind === 'checked' && (r.gemeente !== gemeente || r.editionId !== editionId))
    return { kind: 'none', note: NL.realisatiePaste.otherChoice(labels.gemeente(r.gemeente)) };
  // A refusal (e.g. "choose a gemeente first") no longer speaks to a changed choice.
  return r.kind === 'refused' && changed ? { kind: 'none' } : r;
}

/** The checked realisatie is for the chosen gemeente and edition. */
function realisatieApplies(state: State): boolean {
  const r = state.realisatie;
  return (
    r.kind === 'checked' &&
    r.gemeente === state.selection.gemeente &&
    r.editionId === state.selection.editionId
  );
}

/** The selection with the Realisatie option ticked (`withRealisatie: true`) or without the field. */
function withOption(selection: Selection, withRealisatie: boolean): Selection {
  const { withRealisatie: _old, ...rest } = selection;
  return withRealisatie ? { ...rest, withRealisatie: true } : rest;
}

/** The selection with `compareWith` set, or without the field for the default (undefined). */
function withCompare(selection: Selection, compareWith: string | undefined): Selection {
  const { compareWith: _old, ...rest } = selection;
  return compareWith === undefined ? rest : { ...rest, compareWith };
}

function existingMessage(built: BuiltWith, labels: Labels): Message {
  const where = labels.gemeente(built.gemeente);
  // Weights the pane cannot rebuild: say that any run will first ask to replace them.
  if (isUnknownKey(built.keyId)) return { tone: 'info', text: NL.status.existingUnknownKey(where) };
  if (!isBuiltInKey(built.keyId)) return { tone: 'info', text: NL.status.existingOwnKey(where) };
  return { tone: 'info', text: NL.status.existing(where, keyLabel(built.keyId)) };
}

function readyMessage(state: State, labels: Labels): Message {
  return state.builtWith ? existingMessage(state.builtWith, labels) : environmentMessage(state.env);
}

/** Errors and warnings interrupt (role=alert); everything else is announced politely (role=status). */
export function messageRole(tone: Tone): 'alert' | 'status' {
  return tone === 'error' || tone === 'warning' ? 'alert' : 'status';
}

export interface View {
  /** The form is shown only in Excel with the required API. */
  readonly showForm: boolean;
  readonly controlsEnabled: boolean;
  readonly loadEnabled: boolean;
  readonly refreshEnabled: boolean;
  readonly progress: { readonly text: string; readonly value: number; readonly max: number } | undefined;
  readonly message: Message & { readonly role: 'alert' | 'status' };
  /** The question: its title, text and the button that agrees. */
  readonly confirm: { readonly title: string; readonly text: string; readonly accept: string } | undefined;
  readonly beschikking: BeschikkingView;
  readonly realisatie: BeschikkingView;
}

/** A paste section (Beschikking, Realisatie) as the controller shows it. */
export interface BeschikkingView {
  /** The paste, the file and the check: usable when the pane may act. */
  readonly enabled: boolean;
  /** A refusal: at most MAX_SHOWN_FAILURES texts, and how many more there are. */
  readonly failures: readonly string[];
  readonly more: number;
  /** What was read, before it is written. */
  readonly summary: BeschikkingSummary | undefined;
  readonly note: string | undefined;
  readonly applyEnabled: boolean;
  /**
   * Realisatie only: the werkmap has its own table Realisatie, so the rows are added ("Toevoegen") or
   * replace its rows ("Vervangen") instead of making the sheet.
   */
  readonly existingTable?: boolean;
}

function beschikkingView(state: State): BeschikkingView {
  const b = state.beschikking;
  const enabled = canAct(state);
  return {
    enabled,
    failures: b.kind === 'refused' ? b.failures.slice(0, MAX_SHOWN_FAILURES) : [],
    more: b.kind === 'refused' ? Math.max(0, b.failures.length - MAX_SHOWN_FAILURES) : 0,
    summary: b.kind === 'checked' ? b.summary : undefined,
    note: b.kind === 'none' ? b.note : undefined,
    applyEnabled: enabled && b.kind === 'checked' && b.gemeente === state.selection.gemeente,
  };
}

function realisatieView(state: State): BeschikkingView {
  const r = state.realisatie;
  const enabled = canAct(state);
  return {
    enabled,
    failures: r.kind === 'refused' ? r.failures.slice(0, MAX_SHOWN_FAILURES) : [],
    more: r.kind === 'refused' ? Math.max(0, r.failures.length - MAX_SHOWN_FAILURES) : 0,
    summary: r.kind === 'checked' ? r.summary : undefined,
    note: r.kind === 'none' ? r.note : undefined,
    applyEnabled: enabled && realisatieApplies(state),
    existingTable: state.builtWith?.withRealisatie === true,
  };
}

export function view(state: State): View {
  const controlsEnabled = canAct(state);
  const busy = state.busy;
  return {
    showForm: state.env.kind === 'ready' || state.env.kind === 'starting',
    controlsEnabled,
    loadEnabled: controlsEnabled,
    refreshEnabled: controlsEnabled && state.builtWith !== undefined,
    progress: busy
      ? {
          text: NL.progress.stepWithLabel(busy.step, busy.total, busy.label),
          value: busy.step,
          max: busy.total,
        }
      : undefined,
    message: { ...state.message, role: messageRole(state.message.tone) },
    confirm: confirmView(state.confirm),
    beschikking: beschikkingView(state),
    realisatie: realisatieView(state),
  };
}

function confirmView(c: Confirmation | undefined): View['confirm'] {
  if (!c) return undefined;
  if (c.replaceRows)
    return {
      title: NL.realisatiePaste.replaceTitle,
      text: NL.realisatiePaste.replaceText(c.replaceRows.existing, c.replaceRows.given),
      accept: NL.realisatiePaste.replaceAccept(c.replaceRows.existing),
    };
  return {
    title: NL.confirm.title,
    text: isUnknownKey(c.from)
      ? NL.confirm.unknownText(keyLabel(c.to))
      : NL.confirm.text(keyLabel(c.from), keyLabel(c.to)),
    accept: NL.confirm.replace,
  };
}

/**
 * Maps a renderer's progress (step i of n) into the pane's steps, after the preparing steps.
 */
export function composeProgress(
  rendererStep: number,
  rendererTotal: number,
): { readonly step: number; readonly total: number } {
  const total = PREPARE_STEPS + Math.max(1, rendererTotal);
  return { step: Math.min(total, PREPARE_STEPS + Math.max(1, rendererStep)), total };
}
