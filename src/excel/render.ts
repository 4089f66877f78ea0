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
import { rangeAddress } from '../plan';
import type { ExcelFailure } from './failures';
import { failureFromError, isSpeculationMiss } from './failures';
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
import { mergeInput } from './inputs';
import type { InputToRead, WorkbookFacts } from './ownership';
import { assessWorkbook } from './ownership';
import { DEFAULT_MAX_BATCH_BYTES } from './payload';
import { parseSheetRange, requireSheetRange, sameName } from './refs';
import { validatePlan } from './validate';
import { DEFAULT_TIMEOUT_MS, Watchdog, defaultRunner } from './watchdog';
import { WriteScope, batchSteps, buildWritePlan } from './write';

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
  try {
    return await Promise.race([
      run((context) => renderInContext(plan, context, features, watchdog, options)),
      watchdog.expired,
    ]);
  } catch (error) {
    return { ok: false, failure: failureFromError(error, REQUIRED_API) };
  } finally {
    watchdog.stop();
  }
}

/** One input name as read speculatively in sync 1, before its ownership is known. */
interface SpeculativeInput {
  /** The name's current range: address, formulasR1C1, values. */
  readonly range: HostRange;
  /** The key column beside it (same rows), when the plan gives one: address, values. */
  readonly keys: HostRange | undefined;
}

interface Speculation {
  /** By upper-case input name. */
  readonly inputs: ReadonlyMap<string, SpeculativeInput>;
  /** By upper-case plan sheet name. */
  readonly charts: ReadonlyMap<string, HostChartCollection>;
}

/** The check loads of sync 1 (queued again when a speculative sync 1 failed). */
function queueCheck(workbook: HostWorkbook): void {
  workbook.worksheets.load('items/name,items/protection/protected');
  workbook.names.load('items/name,items/type,items/formula');
  workbook.tables.load('items/name,items/worksheet/name');
  workbook.protection.load('protected');
}

/**
 * Reads queued by the plan's names and sheets, for a workbook that is expected to hold the add-in's
 * sheets. A missing name or sheet makes the whole batch fail at sync (nothing is fulfilled).
 */
function queueSpeculation(
  plan: WorkbookPlan,
  workbook: HostWorkbook,
  replaceInputs: readonly string[],
): Speculation {
  const inputs = new Map<string, SpeculativeInput>();
  for (const spec of plan.names) {
    if (!spec.input || replaceInputs.some((r) => sameName(r, spec.name))) continue;
    const range = workbook.names.getItem(spec.name).getRange();
    range.load('address,formulasR1C1,values');
    const keys = speculativeKeys(spec, range, workbook);
    keys?.load('address,values');
    inputs.set(spec.name.toUpperCase(), { range, keys });
  }
  const charts = new Map<string, HostChartCollection>();
  for (const sheet of plan.sheets) {
    const collection = workbook.worksheets.getItem(sheet.name).charts;
    collection.load('items/name');
    charts.set(sheet.name.toUpperCase(), collection);
  }
  return { inputs, charts };
}

/**
 * The key column as the ownership check will choose it (ownership.ts `keysBeside`): the same rows as
 * the name's current range. On the same sheet it is taken relative to that range, so it follows a
 * renamed sheet or inserted rows; on another sheet it is the plan's address (checked after the sync).
 */
function speculativeKeys(
  spec: DefinedNameSpec,
  range: HostRange,
  workbook: HostWorkbook,
): HostRange | undefined {
  if (spec.keyRef === undefined) return undefined;
  const keyPlan = requireSheetRange(spec.keyRef);
  const refPlan = requireSheetRange(spec.ref);
  if (sameName(keyPlan.sheet, refPlan.sheet)) return range.getEntireRow().getColumn(keyPlan.rect.left - 1);
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

/** The speculative read of one input, if it read exactly what the ownership check decided to read. */
function speculativeSnapshot(
  read: InputToRead,
  speculated: SpeculativeInput | undefined,
): InputSnapshot | undefined {
  if (!speculated || !sameRange(speculated.range.address, read.from)) return undefined;
  let keys: unknown = undefined;
  if (read.keysFrom) {
    if (!speculated.keys || !sameRange(speculated.keys.address, read.keysFrom)) return undefined;
    keys = speculated.keys.values;
  }
  return { read, formulasR1C1: speculated.range.formulasR1C1, values: speculated.range.values, keys };
}

async function renderInContext(
  plan: WorkbookPlan,
  context: HostRequestContext,
  features: HostFeatures,
  watchdog: Watchdog,
  options: RenderOptions,
): Promise<RenderReport> {
  watchdog.kick();
  let syncs = 0;
  let total = 2;
  const sync = async (label: RenderStepLabel): Promise<void> => {
    syncs++;
    options.onProgress?.({ step: syncs, total: Math.max(total, syncs), label });
    await watchdog.sync(context);
  };

  // Sync 1: facts for the ownership decision (and, speculatively, the user's inputs).
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  const replaceInputs = options.replaceInputs ?? [];
  queueCheck(workbook);
  let speculation =
    options.expectExisting === false ? undefined : queueSpeculation(plan, workbook, replaceInputs);
  if (speculation) {
    try {
      await sync('check');
    } catch (error) {
      // Only reads were queued: a miss changed nothing. Anything else (Timeout included) is a failure.
      if (!isSpeculationMiss(error)) throw error;
      speculation = undefined;
      total = 3;
      queueCheck(workbook);
      await sync('check');
    }
  } else {
    await sync('check');
  }

  const facts: WorkbookFacts = {
    sheets: worksheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected === true })),
    names: workbook.names.items.map((n) => ({ name: n.name, formula: n.formula })),
    tables: workbook.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    workbookProtected: workbook.protection.protected === true,
  };
  const decided = assessWorkbook(plan, facts, replaceInputs);
  if (!decided.ok) return { ok: false, failure: decided.failure };
  const assessment = decided.assessment;
  const replaced = assessment.sheets.filter((s) => s.action === 'replace').map((s) => s.name);

  // Ownership is settled: speculative reads may be used now, where they read what was decided.
  const charts = new Map<string, readonly HostChart[]>();
  const snapshots: (InputSnapshot | undefined)[] = assessment.inputsToRead.map((read) =>
    speculativeSnapshot(read, speculation?.inputs.get(read.spec.name.toUpperCase())),
  );
  const chartsToRead: string[] = [];
  for (const name of replaced) {
    const speculated = speculation?.charts.get(name.toUpperCase());
    if (speculated) charts.set(name.toUpperCase(), speculated.items);
    else chartsToRead.push(name);
  }

  // Sync 2 (refresh without a usable speculation): the user's inputs and the charts of the sheets
  // that will be replaced.
  const maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const readsToDo = assessment.inputsToRead.flatMap((read, i) => (snapshots[i] ? [] : [{ read, i }]));
  if (chartsToRead.length > 0 || readsToDo.length > 0) {
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
    await sync('read');
    for (const { name, collection } of chartCollections) charts.set(name.toUpperCase(), collection.items);
    for (const { read, i, range, keys } of reads) {
      snapshots[i] = { read, formulasR1C1: range.formulasR1C1, values: range.values, keys: keys?.values };
    }
  }
  const inputWrites: InputWrite[] = [];
  const preservedInputs: PreservedInput[] = [];
  for (const snapshot of snapshots) {
    if (!snapshot) continue;
    const merged = mergeInput(plan, snapshot);
    preservedInputs.push(merged.report);
    if (merged.write) inputWrites.push(merged.write);
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
  );
  const batches = batchSteps(writePlan.steps, maxBatchBytes);
  total = syncs + batches.length;
  const batchBytes: number[] = [];
  for (const batch of batches) {
    const scope = new WriteScope(context);
    context.application.suspendApiCalculationUntilNextSync();
    for (const step of batch) step.apply(scope);
    batchBytes.push(batch.reduce((sum, s) => sum + s.bytes, 0));
    await sync('write');
  }

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
  };
}
