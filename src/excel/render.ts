/**
 * renderPlan: writes a WorkbookPlan into the open workbook in as few round trips as possible.
 *
 * Sync 1 (check)  reads sheet names + protection, workbook names, tables and workbook protection;
 *                 decides ownership and conflicts. A conflict stops here: nothing has been written.
 *                 When speculating (`expectExisting`, default on) the same batch also reads every
 *                 plan input range through its name (values, R1C1 formulas, address), its key column
 *                 and the charts of every plan sheet. Those values are used only after the ownership
 *                 check passed, and only where the address read equals what the check decided.
 *                 If the workbook lacks something the speculation names (a first build, a deleted
 *                 sheet or name), Excel fails the whole read-only batch (ItemNotFound, InvalidReference,
 *                 InvalidArgument, or a size limit for a name pointed at a huge range: see
 *                 SPECULATION_MISS_CODES) and nothing changed: we fall back to a plain check sync.
 *                 Any other error, and a Timeout, is a failure as always.
 * Sync 2 (read)   only when add-in sheets exist and something was not read speculatively (no
 *                 speculation, a failed one, or an input name the user moved): the user's input ranges
 *                 (and their key columns) and the charts on the sheets that will be replaced.
 * Sync 3 (write)  everything else, with calculation suspended. More write batches only when the
 *                 estimated request would exceed the size budget (never for the real plan).
 *
 * Round trips: refresh 2 (speculation hit) or 4 (miss: failed speculation + check + read + write);
 * first build 3 by default (failed speculation + check + write) or 2 with `expectExisting: false`.
 *
 * Every sync runs under our own watchdog (Excel on the web can hang forever, office-js #6678).
 */
import type { OptionalFeatureFacts, RenderStepFacts, RenderSummaryFacts } from '../messages';
import type { DefinedNameSpec, WorkbookPlan } from '../plan';
import { INPUT_NAMES, rangeAddress } from '../plan';
import type { Backup } from './backup';
import type { CellInput } from './cell-input';
import {
  BACKUP_PENDING_NAME,
  BACKUP_SHEET,
  backupGrid,
  backupInput,
  parseBackup,
  snapshotFromBackup,
} from './backup';
import { BUILT_WITH_NAMES } from './built-with';
import type { ExcelFailure } from './failures';
import {
  SyncTimeoutError,
  failureFromError,
  isSpeculationMiss,
  officeErrorLocation,
  writeInterrupted,
} from './failures';
import type { HostFeatures, OptionalFeature } from './features';
import { ALL_FEATURES, REQUIRED_API, detectFeatures, meetsFloor, officeRequirements } from './features';
import type {
  ExcelRunner,
  HostChart,
  HostChartCollection,
  HostRange,
  HostRequestContext,
  HostTable,
  HostWorkbook,
  RequirementChecker,
} from './host';
import type { InputSnapshot, InputWrite, PreservedInput } from './inputs';
import { mergeInput, planInputsAt, planValuesAt, userCell } from './inputs';
import type { InputToRead, RemovableSheet, WorkbookFacts } from './ownership';
import { assessWorkbook, namesToWrite } from './ownership';
import { DEFAULT_MAX_BATCH_BYTES } from './payload';
import type { SheetRange } from './refs';
import { parseSheetRange, quoteSheet, requireSheetRange, sameName } from './refs';
import type { TableMigrationPlan, TableRead } from './table-migration';
import {
  migrationSteps,
  planTableMigration,
  queueTableRead,
  readIsOn,
  schemaSheets,
  tablesToCheck,
} from './table-migration';
import type { TableRowsOption, TableRowsReport } from './table-rows';
import { planTableRows } from './table-rows';
import { validatePlan } from './validate';
import { DEFAULT_TIMEOUT_MS, Watchdog, defaultRunner } from './watchdog';
import type { WriteStep } from './write';
import { PROTECTION_OPTIONS, WriteScope, batchSteps, buildWritePlan, unprotectSteps } from './write';
import { operationBytes } from './payload';

export { DEFAULT_TIMEOUT_MS } from './watchdog';

export type RenderStepLabel = 'check' | 'read' | 'write';

// Kept equal to the facts the Dutch messages declare (src/messages may not import src/excel).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type StepLabelsMatchMessages = Assert<Same<RenderStepLabel, RenderStepFacts>>;
export type FeaturesMatchMessages = Assert<Same<OptionalFeature, OptionalFeatureFacts>>;
export type SummaryMatchesMessages = Assert<RenderSuccess extends RenderSummaryFacts ? true : false>;

export interface RenderProgress {
  readonly step: number;
  readonly total: number;
  readonly label: RenderStepLabel;
}

export interface RenderOptions {
  /** Defaults to `Excel.run`. Tests pass the fake host's runner. */
  readonly run?: ExcelRunner;
  /** Defaults to `Office.context.requirements`; with a custom `run` and no Office, everything is assumed present. */
  readonly requirements?: RequirementChecker;
  /** Per round trip (and for Excel.run to start). Default 90 s. */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: RenderProgress) => void;
  /** Input names whose user values are NOT kept: the plan's defaults replace them. */
  readonly replaceInputs?: readonly string[];
  /**
   * Input names kept like any input except in the cells where the plan gives a value (not empty): the
   * plan's value wins there (a paste giving some of the cells; `mergeInput`'s `planGiven`).
   */
  readonly fillInputs?: readonly string[];
  /** Estimated request bytes per batch. Default 3.5 MB (Excel on the web refuses 5 MB). */
  readonly maxBatchBytes?: number;
  /**
   * Whether the workbook is expected to hold the add-in's sheets already (it was built before).
   * - `true`: sync 1 also reads the user's inputs speculatively: a refresh takes 2 round trips.
   * - `false`: never speculate: a first build takes 2 round trips (a refresh then takes 3).
   * - undefined (default): speculate. Being wrong costs one small read-only round trip that Excel
   *   refuses at once (a first build: 3 = failed speculation + check + write, within the build budget
   *   of 3); being right saves one (a refresh: 2). Pass the hint when it is known.
   */
  readonly expectExisting?: boolean;
  /**
   * Protect the add-in's sheets after writing (default true: formulas cannot be overwritten by
   * accident). False: the sheets stay unprotected. For a host where Excel cannot lift the protection
   * again (office-js #6784); it also keeps the next refreshes from clearing the undo stack by protecting.
   */
  readonly protectSheets?: boolean;
  /**
   * Rows for an existing user-owned table (the pane's realisatie paste): appended, or replacing its rows
   * after the user agreed to the number replaced, the previous rows kept on a new sheet (table-rows.ts).
   * Ignored when this render creates the table's sheet (the plan's table holds its rows then).
   */
  readonly tableRows?: TableRowsOption;
  /**
   * User-owned tables (e.g. `Realisatie`) that may go with their sheet when that sheet left the plan
   * (the pane's option "Bladen Realisatie en Verantwoording toevoegen" unticked) and the table holds
   * nothing the user typed: its data rows are read in the first round trip (ownership.ts
   * `removableSheets`). A table with any typed cell keeps its sheet, and so every left-over sheet.
   */
  readonly removeEmptyTables?: readonly string[];
}

export interface RenderSuccess {
  readonly ok: true;
  /** `context.sync()` round trips made. */
  readonly syncs: number;
  /** Sheets written, in plan order. */
  readonly sheets: readonly string[];
  readonly addedSheets: readonly string[];
  readonly replacedSheets: readonly string[];
  readonly cellsWritten: number;
  readonly formulaCells: number;
  readonly preservedInputs: readonly PreservedInput[];
  readonly skippedFeatures: readonly OptionalFeature[];
  /** Estimated request bytes of each write batch. */
  readonly batchBytes: readonly number[];
  /** Sheets whose ownership mark had been deleted, recognised by the plan's other names; mark rewritten. */
  readonly restoredMarks: readonly string[];
  /** True when the inputs came from the restore point of an earlier write that stopped part-way. */
  readonly restoredFromBackup: boolean;
  /**
   * Input cells typed after that restore point was written (in a sheet the interrupted write had
   * reached or not): kept as typed, not replaced by the restore point.
   */
  readonly editsAfterRestorePoint?: number;
  /**
   * Input cells a co-author changed between this render's read and its write (office-js #108): written
   * back after the write (one more round trip), so their change is kept.
   */
  readonly coauthorEdits?: number;
  /** Those cells, as `Blad!A1` (e.g. `Verdeelsleutel!H12`), for the message. */
  readonly coauthorCells?: readonly string[];
  /**
   * Cells a co-author changed during the render that could not be put back (the new plan puts other
   * rows there, the input was read elsewhere, or the write-back failed), with what was typed: the
   * message asks to type them again.
   */
  readonly coauthorLost?: readonly { readonly cell: string; readonly typed: string }[];
  /**
   * Add-in sheets the plan no longer has, removed with their marks (e.g. "Wat is er veranderd" after
   * choosing no comparison). Only sheets recognised by their own mark that hold nothing of the user's.
   */
  readonly removedSheets?: readonly string[];
  /** What `tableRows` wrote into the existing table (absent: no rows given, or the sheet was created). */
  readonly tableRows?: TableRowsReport;
}

export type RenderReport = RenderSuccess | { readonly ok: false; readonly failure: ExcelFailure };

export async function renderPlan(plan: WorkbookPlan, options: RenderOptions = {}): Promise<RenderReport> {
  const invalid = validatePlan(plan);
  if (invalid) return { ok: false, failure: invalid };

  const run = options.run ?? defaultRunner();
  if (!run) return { ok: false, failure: { kind: 'NotInExcel' } };
  const requirements = options.requirements ?? officeRequirements();
  if (requirements === undefined && options.run === undefined)
    return { ok: false, failure: { kind: 'NotInExcel' } };
  if (requirements !== undefined && !meetsFloor(requirements)) {
    return { ok: false, failure: { kind: 'UnsupportedHost', required: REQUIRED_API } };
  }
  const features = requirements ? detectFeatures(requirements) : ALL_FEATURES;

  const watchdog = new Watchdog(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const writing: WriteState = { started: false, sheets: [], inputsKept: false };
  try {
    return await Promise.race([
      run((context) => renderInContext(plan, context, features, watchdog, options, writing)),
      watchdog.expired,
    ]);
  } catch (error) {
    // Excel does not roll a failed batch back: once a write batch was sent, say what may be incomplete.
    if (writing.started)
      return { ok: false, failure: writeInterrupted(error, writing.sheets, writing.inputsKept) };
    return { ok: false, failure: failureFromError(error, REQUIRED_API) };
  } finally {
    watchdog.stop();
  }
}

/** Set once the first write batch is sent (for the failure message of a write that stops part-way). */
interface WriteState {
  started: boolean;
  sheets: readonly string[];
  inputsKept: boolean;
}

/** A plan name or mark read through its range, before its ownership is known. */
interface ResolvedName {
  /** The name's current range: address (and, for an input, formulasR1C1 and values). */
  readonly range: HostRange;
  /** For an input: the key column beside it (same rows), when the plan gives one. */
  readonly keys: HostRange | undefined;
}

/** What sync 1 (speculating) or the resolve sync read besides the check. */
interface Resolved {
  /** By upper-case name: plan names and marks resolved through `getRange()`. */
  readonly names: Map<string, ResolvedName>;
  /** By upper-case input name: an input whose name is missing or broken, read at the plan's address. */
  readonly byPlan: Map<string, ResolvedName>;
  /** By upper-case plan sheet name. */
  readonly charts: Map<string, HostChartCollection>;
  /** The key label cell at the plan's address (Verdeelsleutel!B5), when its sheet exists. */
  keyLabel: HostRange | undefined;
  /** The restore point's used range, when a write stopped part-way before. */
  backup: HostRange | undefined;
  /** False when only the addresses were read (the inputs' values follow in the read sync). */
  withInputs: boolean;
  /** By upper-case table name: the header row and data rows of user-owned tables with a schema. */
  readonly tables: Map<string, TableRead>;
  /** By upper-case table name: the data rows of tables that may go with their sheet when empty. */
  readonly emptyCandidates: Map<string, HostRange>;
}

function emptyResolved(): Resolved {
  return {
    names: new Map(),
    byPlan: new Map(),
    charts: new Map(),
    keyLabel: undefined,
    backup: undefined,
    withInputs: true,
    tables: new Map(),
    emptyCandidates: new Map(),
  };
}

/** The check loads of sync 1 (queued again when a speculative sync 1 failed). */
function queueCheck(workbook: HostWorkbook): void {
  // `visibility`: a left-over add-in sheet is removed only when visible or hidden (ownership.ts).
  workbook.worksheets.load('items/name,items/protection/protected,items/visibility');
  // Where a name points comes from its range's `address` and its `type` (language-independent), never
  // from `formula`: Excel desktop returns that in the user's language and reference style (office-js
  // #2834). `formula` is read only for its sheet part (the sheet's own name in every language), to
  // recognise left-over add-in sheets without another round trip (ownership.ts `removableSheets`).
  // `comment`: rewritten only when it differs (a rewritten comment clears the undo stack, #17 item 9).
  workbook.names.load('items/name,items/type,items/comment,items/formula');
  workbook.tables.load('items/name,items/worksheet/name');
  workbook.protection.load('protected');
}

function isInput(spec: DefinedNameSpec, replaceInputs: readonly string[]): boolean {
  return spec.input && !replaceInputs.some((r) => sameName(r, spec.name));
}

/** The plan's key label (SPUK_Sleutel → Verdeelsleutel!B5) and the input it vouches for (the weights). */
function keyLabelSpec(
  plan: WorkbookPlan,
): { readonly ref: SheetRange; readonly planValue: string } | undefined {
  const spec = plan.names.find((n) => sameName(n.name, BUILT_WITH_NAMES.key));
  const weights = plan.names.find((n) => sameName(n.name, INPUT_NAMES.weights));
  if (!spec || !weights) return undefined;
  const ref = requireSheetRange(spec.ref);
  const sheet = plan.sheets.find((s) => sameName(s.name, ref.sheet));
  const value = planValuesAt(sheet, ref.rect)[0]?.[0];
  return { ref, planValue: typeof value === 'string' ? value : String(value ?? '') };
}

/**
 * Queues the reads by the plan's names and sheets. `exists` limits them to what the check found (the
 * resolve sync); without it (speculation) a missing name or sheet fails the whole read-only batch.
 */
function queueResolve(
  plan: WorkbookPlan,
  workbook: HostWorkbook,
  replaceInputs: readonly string[],
  exists?: {
    readonly name: (name: string) => boolean;
    readonly sheet: (name: string) => boolean;
    readonly table: (name: string) => boolean;
  },
  withInputs = true,
  rowsOf?: string,
  removeEmptyTables: readonly string[] = [],
): Resolved {
  const resolved = emptyResolved();
  resolved.withInputs = withInputs;
  for (const spec of namesToWrite(plan)) {
    const input = withInputs && isInput(spec, replaceInputs);
    if (!exists || exists.name(spec.name)) {
      const range = workbook.names.getItem(spec.name).getRange();
      if (input) range.load('address,formulasR1C1,values');
      else range.load('address');
      const keys = input ? keysBesideRange(spec, range, workbook, exists) : undefined;
      keys?.load('address,values');
      resolved.names.set(spec.name.toUpperCase(), { range, keys });
    } else if (input) {
      // The input's name was deleted or broke: read the plan's address, if its sheet is there.
      const ref = requireSheetRange(spec.ref);
      if (!exists.sheet(ref.sheet)) continue;
      const range = workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      range.load('address,formulasR1C1,values');
      const keys = keysBesideRange(spec, range, workbook, exists);
      keys?.load('address,values');
      resolved.byPlan.set(spec.name.toUpperCase(), { range, keys });
    }
  }
  for (const sheet of plan.sheets) {
    if (exists && !exists.sheet(sheet.name)) continue;
    const collection = workbook.worksheets.getItem(sheet.name).charts;
    collection.load('items/name');
    resolved.charts.set(sheet.name.toUpperCase(), collection);
  }
  // User-owned tables with a schema: their header row decides a migration (table-migration.ts).
  for (const { schema } of schemaSheets(plan)) {
    if (exists && !exists.table(schema.name)) continue;
    resolved.tables.set(
      schema.name.toUpperCase(),
      queueTableRead(workbook, schema.name, sameName(schema.name, rowsOf ?? '')),
    );
  }
  for (const name of removeEmptyTables) {
    if (exists && !exists.table(name)) continue;
    const body = workbook.tables.getItem(name).getDataBodyRange();
    body.load('values');
    resolved.emptyCandidates.set(name.toUpperCase(), body);
  }
  const label = keyLabelSpec(plan);
  if (label && (!exists || exists.sheet(label.ref.sheet))) {
    resolved.keyLabel = workbook.worksheets.getItem(label.ref.sheet).getRange(label.ref.address);
    resolved.keyLabel.load('address,values');
  }
  return resolved;
}

/**
 * The key column as the ownership check will choose it (ownership.ts `keysBeside`): the same rows as
 * the input's current range. On the same sheet it is taken relative to that range, so it follows a
 * renamed sheet or inserted rows; on another sheet it is the plan's address (checked after the sync).
 */
function keysBesideRange(
  spec: DefinedNameSpec,
  range: HostRange,
  workbook: HostWorkbook,
  exists?: { readonly sheet: (name: string) => boolean },
): HostRange | undefined {
  if (spec.keyRef === undefined) return undefined;
  const keyPlan = requireSheetRange(spec.keyRef);
  const refPlan = requireSheetRange(spec.ref);
  if (sameName(keyPlan.sheet, refPlan.sheet)) return range.getEntireRow().getColumn(keyPlan.rect.left - 1);
  if (exists && !exists.sheet(keyPlan.sheet)) return undefined;
  const rect = {
    top: refPlan.rect.top,
    bottom: refPlan.rect.bottom,
    left: keyPlan.rect.left,
    right: keyPlan.rect.left,
  };
  return workbook.worksheets.getItem(keyPlan.sheet).getRange(rangeAddress(rect));
}

function sameRange(
  loadedAddress: unknown,
  expected: { readonly sheet: string; readonly address: string },
): boolean {
  const at = parseSheetRange(loadedAddress);
  return at !== undefined && sameName(at.sheet, expected.sheet) && at.address === expected.address;
}

/** The read of one input, if it read exactly what the ownership check decided to read. */
function resolvedSnapshot(read: InputToRead, resolved: Resolved | undefined): InputSnapshot | undefined {
  if (!resolved?.withInputs) return undefined;
  const key = read.spec.name.toUpperCase();
  const entry = read.byPlanAddress ? resolved?.byPlan.get(key) : resolved?.names.get(key);
  if (!entry || !sameRange(entry.range.address, read.from)) return undefined;
  let keys: unknown = undefined;
  if (read.keysFrom) {
    if (!entry.keys || !sameRange(entry.keys.address, read.keysFrom)) return undefined;
    keys = entry.keys.values;
  }
  return { read, formulasR1C1: entry.range.formulasR1C1, values: entry.range.values, keys };
}

function firstText(values: unknown): string {
  const first: unknown = Array.isArray(values) ? (values as unknown[][])[0]?.[0] : values;
  if (typeof first === 'string') return first.trim();
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  return '';
}

async function renderInContext(
  plan: WorkbookPlan,
  context: HostRequestContext,
  features: HostFeatures,
  watchdog: Watchdog,
  options: RenderOptions,
  writing: WriteState,
): Promise<RenderReport> {
  watchdog.kick();
  let syncs = 0;
  let total = 2;
  const sync = async (label: RenderStepLabel): Promise<void> => {
    syncs++;
    options.onProgress?.({ step: syncs, total: Math.max(total, syncs), label });
    await watchdog.sync(context);
  };

  // Sync 1: facts for the ownership decision (and, speculatively, the names' ranges and the inputs).
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  const replaceInputs = options.replaceInputs ?? [];
  queueCheck(workbook);
  const rowsOf = options.tableRows?.table;
  let resolved =
    options.expectExisting === false
      ? undefined
      : queueResolve(plan, workbook, replaceInputs, undefined, true, rowsOf, options.removeEmptyTables);
  if (resolved) {
    try {
      await sync('check');
    } catch (error) {
      // Only reads were queued: whatever failed, nothing changed. Only a hang (Timeout) is not retried.
      if (!isSpeculationMiss(error)) throw error;
      resolved = undefined;
      total = 3;
      queueCheck(workbook);
      await sync('check');
    }
  } else {
    await sync('check');
  }

  const sheetItems = worksheets.items.map((ws) => ({
    name: ws.name,
    protected: ws.protection.protected === true,
    visibility: typeof ws.visibility === 'string' ? ws.visibility : undefined,
  }));
  const nameItems = workbook.names.items.map((n) => ({
    name: n.name,
    type: String(n.type),
    comment: typeof n.comment === 'string' ? n.comment : undefined,
    formula: n.formula,
  }));
  const sheetExists = (name: string): boolean => sheetItems.some((s) => sameName(s.name, name));
  const nameOf = (name: string) => nameItems.find((n) => sameName(n.name, name));
  // A write stopped part-way when the "under way" name exists. Without its sheet the restore point held
  // nothing to restore (every input equalled the plan's defaults): the inputs get the plan's defaults.
  const pending = nameOf(BACKUP_PENDING_NAME) !== undefined;
  const backupSheetExists = sheetExists(BACKUP_SHEET);

  // Sync 2 (resolve), without a successful speculation: the ranges of the names that exist, inputs at
  // the plan's address where their names are gone, charts, the key label; the restore point if pending.
  if (!resolved) {
    const knownExisting = namesToWrite(plan).some((spec) => nameOf(spec.name)?.type === 'Range');
    const planSheetExists = plan.sheets.some((s) => sheetExists(s.name));
    if (knownExisting || planSheetExists || pending) {
      total = syncs + 2;
      const exists = {
        name: (name: string) => nameOf(name)?.type === 'Range',
        sheet: sheetExists,
        table: (name: string) => workbook.tables.items.some((t) => sameName(t.name, name)),
      };
      const queue = (withInputs: boolean): Resolved => {
        const r = queueResolve(
          plan,
          workbook,
          replaceInputs,
          exists,
          withInputs,
          rowsOf,
          options.removeEmptyTables,
        );
        if (pending && backupSheetExists) {
          r.backup = worksheets.getItem(BACKUP_SHEET).getUsedRange();
          r.backup.load('values');
        }
        return r;
      };
      resolved = queue(true);
      try {
        await sync('read');
      } catch (error) {
        // Still only reads (e.g. a name the user pointed at a huge range): read just where the names
        // point; the check then decides, and the inputs are read where it says.
        if (!isSpeculationMiss(error)) throw error;
        total = syncs + 3;
        resolved = queue(false);
        await sync('read');
      }
    } else resolved = emptyResolved();
  }

  const targetOf = (name: string): SheetRange | undefined =>
    parseSheetRange(resolved?.names.get(name.toUpperCase())?.range.address);
  const facts: WorkbookFacts = {
    sheets: sheetItems,
    names: nameItems.map((n) => ({ ...n, target: n.type === 'Range' ? targetOf(n.name) : undefined })),
    tables: workbook.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    workbookProtected: workbook.protection.protected === true,
    ...(options.removeEmptyTables ? { emptyTables: emptyTablesRead(resolved) } : {}),
  };
  const decided = assessWorkbook(plan, facts, replaceInputs);
  if (!decided.ok) return { ok: false, failure: decided.failure };
  const assessment = decided.assessment;
  // Existing add-in sheets rewritten: wholly (`replace`) or, user-owned, in their add-in ranges (`update`).
  const replaced = assessment.sheets.filter((s) => s.action !== 'add').map((s) => s.name);
  const cleared = assessment.sheets.filter((s) => s.action === 'replace').map((s) => s.name);

  // Ownership is settled: what was read may be used now, where it read what was decided.
  const charts = new Map<string, readonly HostChart[]>();
  // Also after an interrupted write: the inputs as they are now show edits made after the restore point.
  const snapshots: (InputSnapshot | undefined)[] = assessment.inputsToRead.map((read) =>
    resolvedSnapshot(read, resolved),
  );
  const chartsToRead: string[] = [];
  for (const name of cleared) {
    const collection = resolved.charts.get(name.toUpperCase());
    if (collection) charts.set(name.toUpperCase(), collection.items);
    else chartsToRead.push(name);
  }
  const label = keyLabelSpec(plan);
  const weightsRead = assessment.inputsToRead.find((r) => sameName(r.spec.name, INPUT_NAMES.weights));
  const labelAt =
    label && weightsRead && sameName(label.ref.sheet, requireSheetRange(weightsRead.spec.ref).sheet)
      ? { sheet: weightsRead.from.sheet, address: label.ref.address }
      : undefined;
  let labelRange =
    labelAt && resolved.keyLabel && sameRange(resolved.keyLabel.address, labelAt)
      ? resolved.keyLabel
      : undefined;

  // Sync 3 (read), rarely: what the check decided differently from what was read (an input's key
  // column elsewhere, a renamed sheet), and the restore point after a speculation that succeeded.
  const maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const readsToDo = assessment.inputsToRead.flatMap((read, i) => (snapshots[i] ? [] : [{ read, i }]));
  const needLabel = !pending && labelAt !== undefined && labelRange === undefined;
  const needBackup = pending && backupSheetExists && resolved.backup === undefined;
  // User-owned tables to check, with what sync 1 (or the resolve sync) read of them.
  const tableChecks = tablesToCheck(plan, assessment, facts.tables).map((check) => {
    const read = resolved?.tables.get(check.schema.name.toUpperCase());
    return { check, read: readIsOn(read, check.sheet) ? read : undefined };
  });
  const tablesToRead = tableChecks.filter((t) => t.read === undefined);
  if (chartsToRead.length > 0 || readsToDo.length > 0 || needLabel || needBackup || tablesToRead.length > 0) {
    total = syncs + 2;
    const chartCollections = chartsToRead.map((name) => {
      const collection = worksheets.getItem(name).charts;
      collection.load('items/name');
      return { name, collection };
    });
    const reads = readsToDo.map(({ read, i }) => {
      const range = worksheets.getItem(read.from.sheet).getRange(read.from.address);
      range.load('formulasR1C1,values');
      const keys = read.keysFrom
        ? worksheets.getItem(read.keysFrom.sheet).getRange(read.keysFrom.address)
        : undefined;
      keys?.load('values');
      return { read, i, range, keys };
    });
    if (needLabel && labelAt) {
      labelRange = worksheets.getItem(labelAt.sheet).getRange(labelAt.address);
      labelRange.load('values');
    }
    if (needBackup) {
      resolved.backup = worksheets.getItem(BACKUP_SHEET).getUsedRange();
      resolved.backup.load('values');
    }
    for (const t of tablesToRead)
      t.read = queueTableRead(workbook, t.check.schema.name, sameName(t.check.schema.name, rowsOf ?? ''));
    await sync('read');
    for (const { name, collection } of chartCollections) charts.set(name.toUpperCase(), collection.items);
    for (const { read, i, range, keys } of reads) {
      snapshots[i] = { read, formulasR1C1: range.formulasR1C1, values: range.values, keys: keys?.values };
    }
  }

  // A user-owned table whose header row the add-in does not know stops here: nothing written yet.
  const migrations: TableMigrationPlan[] = [];
  for (const { check, read } of tableChecks) {
    if (!read) continue;
    const decided = planTableMigration(check, read);
    if (decided.failure) return { ok: false, failure: decided.failure };
    if (decided.migration) migrations.push(decided.migration);
  }

  // Rows given for an existing user-owned table: decided now, before anything is written.
  let tableRows: { steps: readonly WriteStep[]; report: TableRowsReport } | undefined;
  const rowsOption = options.tableRows;
  const rowsCheck = rowsOption
    ? tableChecks.find((t) => sameName(t.check.schema.name, rowsOption.table))
    : undefined;
  if (rowsOption && rowsCheck?.read) {
    const decided = planTableRows(rowsOption, rowsCheck.read, {
      width: rowsCheck.check.schema.columns.length,
      pending,
      sheets: sheetItems.map((s) => s.name),
    });
    if ('failure' in decided) return { ok: false, failure: decided.failure };
    tableRows = decided.plan;
  } else if (rowsOption) {
    // The table's sheet exists but the table does not (the user deleted or renamed it): nothing to add to.
    const sheet = plan.sheets.find((s) => sameName(s.userOwned?.table?.name ?? '', rowsOption.table));
    const decision = assessment.sheets.find((d) => sheet && sameName(d.name, sheet.name));
    if (decision?.action === 'update') return { ok: false, failure: { kind: 'ItemNotFound' } };
  }

  // After a write that stopped part-way, the inputs come from the restore point, not from the sheets
  // (which may be empty or hold defaults); inputs not in it get the plan's defaults.
  const backup: Backup | undefined = pending ? parseBackup(resolved.backup?.values, plan.names) : undefined;
  const inputSnapshots: InputSnapshot[] = [];
  if (pending) {
    for (const input of backup?.inputs ?? []) {
      const spec = plan.names.find((n) => sameName(n.name, input.name));
      if (spec && isInput(spec, replaceInputs)) inputSnapshots.push(snapshotFromBackup(spec, input));
    }
  } else {
    for (const snapshot of snapshots) if (snapshot) inputSnapshots.push(snapshot);
  }

  // A key file and the workbook's key label never disagree: kept weights must belong to the chosen key.
  const workbookKey = pending ? (backup?.keyLabel ?? '') : firstText(labelRange?.values);
  const keepsWeights = inputSnapshots.some((s) => sameName(s.read.spec.name, INPUT_NAMES.weights));
  if (label && keepsWeights && workbookKey.toUpperCase() !== label.planValue.trim().toUpperCase()) {
    return { ok: false, failure: { kind: 'KeyMismatch', workbookKey, chosenKey: label.planValue } };
  }

  const inputWrites: InputWrite[] = [];
  const preservedInputs: PreservedInput[] = [];
  // Only inputs that differ from the plan's defaults need a restore point: the others the plan writes anyway.
  const toRestore: InputSnapshot[] = [];
  for (const snapshot of inputSnapshots) {
    const merged = mergeInput(
      plan,
      snapshot,
      (options.fillInputs ?? []).some((n) => sameName(n, snapshot.read.spec.name)),
    );
    preservedInputs.push(merged.report);
    if (merged.write) {
      inputWrites.push(merged.write);
      toRestore.push(snapshot);
    }
  }
  // After an interrupted write, cells typed since the restore point are kept, never overwritten by it.
  const editsAfterRestorePoint = pending ? keepEditsAfterRestorePoint(plan, snapshots, inputWrites) : 0;

  // The restore point: a very hidden sheet only when there is something to restore; else only the
  // "under way" name (adding and deleting a name keeps the undo stack; a sheet's visibility and delete do not).
  const backupToWrite: Backup | undefined =
    !pending && toRestore.length > 0
      ? { keyLabel: workbookKey, inputs: toRestore.map(backupInput) }
      : undefined;
  // A protected workbook structure (Controleren > Werkmap beveiligen) refuses adding, hiding and deleting
  // sheets: https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection (`protected`, read in
  // sync 1). Refused here, before the first write: no restore point, no sheet unprotected.
  const keepsRows = tableRows?.report.keptOn !== undefined;
  if (facts.workbookProtected && (backupToWrite !== undefined || backupSheetExists || keepsRows)) {
    return { ok: false, failure: { kind: 'ProtectedWorkbook' } };
  }

  // Sync 3+: the write, cut into batches under the size budget. One batch for any realistic plan;
  // the loop only exists so that an oversized plan is split instead of refused by Excel on the web.
  const tables: HostTable[] = workbook.tables.items.filter((t) =>
    assessment.tablesToDelete.some((d) => d.name.toUpperCase() === t.name.toUpperCase()),
  );
  const writePlan = buildWritePlan(
    plan,
    assessment,
    inputWrites,
    { charts, tables },
    features,
    maxBatchBytes,
    options.protectSheets ?? true,
  );
  // The restore point first (before the first clear), its completion mark last of all.
  const restore = restoreSteps(pending, backupSheetExists, backupToWrite);
  // The add-in's own protection is lifted first of all: if that fails (the user added a password),
  // nothing else has run yet (see `stuckProtection`).
  // Table migrations right after the restore point: before any formula that refers to the table is
  // written (Excel moves references with the cells a new table column shifts).
  const steps = [
    ...unprotectSteps(assessment.unprotect),
    ...restore.before,
    ...migrations.flatMap(migrationSteps),
    ...(tableRows?.steps ?? []),
    ...writePlan.steps,
    ...removeSteps(assessment.sheetsToRemove, assessment.marksToDelete),
    ...restore.after,
  ];
  const batches = batchSteps(steps, maxBatchBytes);
  total = syncs + batches.length;
  const batchBytes: number[] = [];
  writing.sheets = plan.sheets.map((s) => s.name);
  writing.inputsKept = inputSnapshots.length > 0;
  // A co-author's typing between the read (sync 1) and the write (office-js #108): the first write batch
  // reads the input ranges again before anything of it writes (a load sees the state at its place in
  // the batch), so no extra round trip; compared after it (see `coauthorEdits`).
  const reread = pending
    ? []
    : inputSnapshots.map((snapshot) => {
        const range = worksheets.getItem(snapshot.read.from.sheet).getRange(snapshot.read.from.address);
        range.load('values,formulasR1C1');
        return { snapshot, range };
      });
  for (const [index, batch] of batches.entries()) {
    const scope = new WriteScope(context);
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch) step.apply(scope);
    batchBytes.push(batch.reduce((sum, s) => sum + s.bytes, 0));
    writing.started = true;
    try {
      await sync('write');
    } catch (error) {
      // Only a failure while lifting the add-in's protection, where Excel says so (`errorLocation`).
      // Without a location the state read back is ambiguous (after the final re-protect it looks the
      // same), so such a failure stays an interrupted write.
      const atUnprotect = /unprotect/i.test(officeErrorLocation(error) ?? '');
      if (index > 0 || assessment.unprotect.length === 0 || error instanceof SyncTimeoutError || !atUnprotect)
        throw error;
      const stuck = await stuckProtection(context, assessment.unprotect, () => sync('read'));
      if (stuck === undefined) throw error;
      return { ok: false, failure: { kind: 'ProtectionStuck', sheets: stuck } };
    }
  }

  // Cells a co-author changed between the read and the write were overwritten with what sync 1 read:
  // their values are written back (one more round trip, only then), so nothing they typed is lost.
  // Where a cell cannot be put back safely (rows in another order, the input moved) or the write-back
  // fails, the report names the cell and what was typed, so the user can type it again.
  const { restore: edits, lost: coauthorLost } = coauthorEdits(reread, plan);
  if (edits.length > 0) {
    const sheetsHit = [...new Set(edits.map((e) => e.sheet.toUpperCase()))];
    const relock =
      (options.protectSheets ?? true)
        ? plan.sheets.filter((s) => s.protect && sheetsHit.includes(s.name.toUpperCase())).map((s) => s.name)
        : [];
    for (const name of relock) worksheets.getItem(name).protection.unprotect();
    for (const e of edits) worksheets.getItem(e.sheet).getRange(e.address).formulasR1C1 = [[e.cell]];
    for (const name of relock) worksheets.getItem(name).protection.protect({ ...PROTECTION_OPTIONS });
    try {
      await sync('write');
    } catch (error) {
      // The werkmap itself is complete; only the co-author's cells are not back. A hang stays a failure.
      if (error instanceof SyncTimeoutError) throw error;
      coauthorLost.push(...edits);
      edits.length = 0;
    }
  }
  const cellName = (e: { sheet: string; address: string }): string => `${quoteSheet(e.sheet)}!${e.address}`;

  return {
    ok: true,
    syncs,
    sheets: plan.sheets.map((s) => s.name),
    addedSheets: assessment.sheets.filter((s) => s.action === 'add').map((s) => s.name),
    replacedSheets: replaced,
    cellsWritten: writePlan.counts.cellsWritten,
    formulaCells: writePlan.counts.formulaCells,
    preservedInputs,
    skippedFeatures: writePlan.skippedFeatures,
    batchBytes,
    restoredMarks: assessment.restoredMarks,
    restoredFromBackup: pending && inputSnapshots.length > 0,
    editsAfterRestorePoint,
    coauthorEdits: edits.length,
    coauthorCells: edits.map(cellName),
    coauthorLost: coauthorLost.map((e) => ({ cell: cellName(e), typed: shownInput(e.cell) })),
    removedSheets: assessment.sheetsToRemove.map((r) => r.sheet),
    ...(tableRows ? { tableRows: tableRows.report } : {}),
  };
}

/**
 * Add-in sheets that left the plan (ownership.ts `removableSheets`), deleted after everything the
 * plan writes (no plan formula refers to them any more), before the restore point's completion: a
 * write that stops part-way is retried as any other, and the retry removes what is left. The sheet
 * first, then its mark (a failure between the two leaves a broken mark, which the retry deletes with
 * the broken marks of sheets the user deleted). `Worksheet.delete` clears Excel's undo stack
 * (Microsoft's undo page): one operation per sheet removed, none when nothing is removed.
 */
function removeSteps(sheets: readonly RemovableSheet[], brokenMarks: readonly string[]): WriteStep[] {
  return [
    ...sheets.map(({ sheet, mark, names }) => ({
      label: `remove ${sheet}`,
      bytes: operationBytes([sheet, mark, names ?? []]) * 2,
      apply: (s: WriteScope) => {
        s.sheet(sheet).delete();
        s.context.workbook.names.getItem(mark).delete();
        // The add-in's names on it (`removeEmptyTables` only), broken by the delete: deleted too.
        for (const name of names ?? []) s.context.workbook.names.getItem(name).delete();
      },
    })),
    ...brokenMarks.map((mark) => ({
      label: `remove mark ${mark}`,
      bytes: operationBytes(mark) * 2,
      apply: (s: WriteScope) => s.context.workbook.names.getItem(mark).delete(),
    })),
  ];
}

/**
 * The tables `removeEmptyTables` named whose data rows were read and hold no typed cell (every value
 * empty). A table not read (absent, or a read that missed) is not listed: its sheet stays.
 */
function emptyTablesRead(resolved: Resolved | undefined): string[] {
  const out: string[] = [];
  for (const [name, body] of resolved?.emptyCandidates ?? []) {
    let values: unknown;
    try {
      values = body.values;
    } catch {
      continue;
    }
    const grid = Array.isArray(values) ? (values as unknown[][]) : undefined;
    if (grid && grid.every((row) => row.every((v) => v === '' || v === null))) out.push(name);
  }
  return out;
}

/**
 * After the first write batch failed: did it fail while lifting the add-in's own protection (the user
 * protected a sheet again with a password, or Excel's regression office-js #6784, where `unprotect()`
 * fails with AccessDenied on a sheet protected without one)? Excel does not roll back, so the sheets
 * lifted before the failing one are unprotected and nothing else ran. One read finds the first sheet
 * still protected (the failing one); the ones before it get their protection back. Then every later
 * protected sheet is tried on its own (one round trip each: lift, and set again in the next), so the
 * message names **all** stuck sheets at once instead of one per click. Returns the stuck sheets, or
 * undefined when every protection was lifted (the failure came later: an interrupted write) or the
 * first read fails. Only on this failure path: the round trips of a normal render are unchanged.
 */
async function stuckProtection(
  context: HostRequestContext,
  sheets: readonly string[],
  sync: () => Promise<void>,
): Promise<string[] | undefined> {
  const protect = (name: string): void =>
    context.workbook.worksheets.getItem(name).protection.protect({ ...PROTECTION_OPTIONS });
  let first: number;
  let stillProtected: boolean[];
  try {
    const protections = sheets.map((name) => {
      const protection = context.workbook.worksheets.getItem(name).protection;
      protection.load('protected');
      return protection;
    });
    await sync();
    stillProtected = protections.map((p) => p.protected);
    first = stillProtected.findIndex((p) => p);
    if (first < 0) return undefined;
    const lifted = sheets.slice(0, first);
    if (lifted.length > 0) {
      for (const name of lifted) protect(name);
      await sync();
    }
  } catch {
    return undefined;
  }
  const stuck = [sheets[first] ?? ''];
  // Each later sheet that is still protected: lift it alone (and set its protection back in the next
  // round trip). A failure of that batch means it is stuck too; earlier operations of a batch stay.
  let relock: string | undefined;
  for (let i = first + 1; i < sheets.length; i++) {
    const name = sheets[i];
    if (name === undefined || !stillProtected[i]) continue;
    try {
      if (relock !== undefined) protect(relock);
      relock = undefined;
      context.workbook.worksheets.getItem(name).protection.unprotect();
      await sync();
      relock = name;
    } catch {
      stuck.push(name);
    }
  }
  if (relock !== undefined) {
    try {
      protect(relock);
      await sync();
    } catch {
      // The sheet stays unprotected: it is still the add-in's and the next render protects it.
    }
  }
  return stuck;
}

/**
 * True when the input's rows as read are the plan's rows in the plan's order: no key column, or every
 * non-empty key read equals the plan's key in that row. Cell-by-cell comparisons at the plan's address
 * (edits after a restore point, a co-author's edits) are only safe then; otherwise a value could land
 * in another gemeente's row, and the comparison is skipped.
 */
function rowsAligned(plan: WorkbookPlan, snapshot: InputSnapshot): boolean {
  const spec = snapshot.read.spec;
  if (spec.keyRef === undefined) return true;
  const keyRef = requireSheetRange(spec.keyRef);
  const planKeys = planValuesAt(
    plan.sheets.find((s) => sameName(s.name, keyRef.sheet)),
    keyRef.rect,
  ).map((row) => row[0]);
  const norm = (v: unknown): string =>
    typeof v === 'string' ? v.trim().toUpperCase() : typeof v === 'number' ? String(v) : '';
  const read = Array.isArray(snapshot.keys) ? (snapshot.keys as unknown[][]) : [];
  if (snapshot.keys === undefined) return false;
  return read.every((row, i) => {
    const key = norm(row[0]);
    return key === '' || key === norm(planKeys[i]);
  });
}

/**
 * After an interrupted write: an input cell as it is now that equals neither what the restore point
 * restores, nor the plan's default, nor empty, cannot have been written by the add-in (its write only
 * clears or writes those), so the user or a co-author typed it after the restore point was written. It
 * is kept: the input's write (`inputWrites`, changed in place) gets that cell. Compared cell by cell at
 * the plan's address; an input that is no longer there (its name moved) is not compared. Limitation: an
 * edit back to the default or to empty cannot be told from the add-in's own write and is restored.
 * Returns the number of cells kept.
 */
function keepEditsAfterRestorePoint(
  plan: WorkbookPlan,
  current: readonly (InputSnapshot | undefined)[],
  inputWrites: InputWrite[],
): number {
  let kept = 0;
  for (const snapshot of current) {
    if (!snapshot) continue;
    const spec = snapshot.read.spec;
    const at = requireSheetRange(spec.ref);
    if (!sameName(snapshot.read.from.sheet, at.sheet) || snapshot.read.from.address !== at.address) continue;
    if (!rowsAligned(plan, snapshot)) continue;
    const sheet = plan.sheets.find((s) => sameName(s.name, at.sheet));
    const defaults = planInputsAt(sheet, at.rect);
    const index = inputWrites.findIndex((w) => sameName(w.name, spec.name));
    const restored = inputWrites[index]?.grid ?? defaults;
    const grid = restored.map((row) => [...row]);
    const formulas = Array.isArray(snapshot.formulasR1C1) ? (snapshot.formulasR1C1 as unknown[][]) : [];
    const values = Array.isArray(snapshot.values) ? (snapshot.values as unknown[][]) : [];
    let edits = 0;
    grid.forEach((row, i) => {
      row.forEach((_, j) => {
        const now = userCell(formulas[i]?.[j], values[i]?.[j]);
        if (now === '' || now === defaults[i]?.[j] || now === restored[i]?.[j]) return;
        row[j] = now;
        edits++;
      });
    });
    if (edits === 0) continue;
    kept += edits;
    const write: InputWrite = { name: spec.name, sheet: at.sheet, address: at.address, grid };
    if (index >= 0) inputWrites[index] = write;
    else inputWrites.push(write);
  }
  return kept;
}

/** An input cell a co-author changed during the render: where, and what is in it now. */
interface CoauthorEdit {
  readonly sheet: string;
  readonly address: string;
  readonly cell: CellInput;
}

/**
 * The input cells that changed between sync 1's read and the re-read at the start of the write batch
 * (a co-author typing, office-js #108), compared cell by cell as the user's input (`userCell`) over the
 * range as read. `restore`: cells of inputs whose range is at the plan's address (where the write put
 * them) and whose rows are the plan's rows (`rowsAligned`): written back. `lost`: the others (the write
 * put other rows there, or the input was read elsewhere): not written back, named to the user.
 */
function coauthorEdits(
  reread: readonly { readonly snapshot: InputSnapshot; readonly range: HostRange }[],
  plan: WorkbookPlan,
): { restore: CoauthorEdit[]; lost: CoauthorEdit[] } {
  const restore: CoauthorEdit[] = [];
  const lost: CoauthorEdit[] = [];
  const grid = (value: unknown): unknown[][] => (Array.isArray(value) ? (value as unknown[][]) : []);
  for (const { snapshot, range } of reread) {
    const at = requireSheetRange(snapshot.read.spec.ref);
    const from = snapshot.read.from;
    const safe =
      sameName(from.sheet, at.sheet) &&
      from.address === at.address &&
      plan.sheets.some((s) => sameName(s.name, at.sheet)) &&
      rowsAligned(plan, snapshot);
    const beforeF = grid(snapshot.formulasR1C1);
    const beforeV = grid(snapshot.values);
    const nowF = grid(range.formulasR1C1);
    const nowV = grid(range.values);
    nowV.forEach((row, i) => {
      row.forEach((value, j) => {
        const now = userCell(nowF[i]?.[j], value);
        const before = userCell(beforeF[i]?.[j], beforeV[i]?.[j]);
        if (now === before) return;
        const address = rangeAddress({
          top: from.rect.top + i,
          bottom: from.rect.top + i,
          left: from.rect.left + j,
          right: from.rect.left + j,
        });
        (safe ? restore : lost).push({ sheet: safe ? at.sheet : from.sheet, address, cell: now });
      });
    });
  }
  return { restore, lost };
}

/** A cell input as the user typed it (without Excel's text prefix), for a message. */
function shownInput(cell: CellInput): string {
  if (typeof cell === 'string') return cell.startsWith("'") ? cell.slice(1) : cell;
  return String(cell);
}

/**
 * The restore point's operations (see backup.ts): written before anything is cleared, its "under way"
 * name added last of them; that name is deleted by the very last operation of the write.
 */
function restoreSteps(
  pending: boolean,
  sheetExists: boolean,
  backup: Backup | undefined,
): { before: WriteStep[]; after: WriteStep[] } {
  const before: WriteStep[] = [];
  const after: WriteStep[] = [];
  let sheetLeft = sheetExists;
  if (!pending) {
    const grid = backup ? backupGrid(backup) : undefined;
    const address = grid
      ? rangeAddress({ top: 1, left: 1, bottom: grid.length, right: grid[0]?.length ?? 1 })
      : undefined;
    sheetLeft = sheetExists || grid !== undefined;
    before.push({
      label: 'restore point',
      bytes: (grid ? operationBytes([address, grid]) : 0) + operationBytes(BACKUP_SHEET) * 4,
      apply: (s) => {
        if (grid && address) {
          let ws;
          if (sheetExists) {
            ws = s.sheet(BACKUP_SHEET);
            ws.getRange().clear('All');
          } else {
            ws = s.context.workbook.worksheets.add(BACKUP_SHEET);
            s.added(BACKUP_SHEET, ws);
            // Very hidden: not in Excel's Unhide list (ExcelApi 1.1, SheetVisibility).
            ws.visibility = 'VeryHidden';
          }
          ws.getRange(address).values = grid;
        }
        // Without a sheet, the name alone says "a write is under way; the plan's defaults are complete".
        s.context.workbook.names.add(
          BACKUP_PENDING_NAME,
          grid ? `=${quoteSheet(BACKUP_SHEET)}!$A$1` : '="SPUK-begroting: schrijven bezig"',
        );
      },
    });
  }
  after.push({
    label: 'restore point done',
    bytes: operationBytes(BACKUP_PENDING_NAME) * 4,
    apply: (s) => {
      // The write is complete: first the "under way" mark, then the restore point itself (a very
      // hidden sheet must be made hidden before it can be deleted).
      s.context.workbook.names.getItem(BACKUP_PENDING_NAME).delete();
      if (sheetLeft) {
        const ws = s.sheet(BACKUP_SHEET);
        ws.visibility = 'Hidden';
        ws.delete();
      }
    },
  });
  return { before, after };
}
