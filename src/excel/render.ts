/**
 * renderPlan: writes a WorkbookPlan into the open workbook in as few round trips as possible.
 *
 * Sync 1 (check)  reads sheet names + protection, workbook names, tables and workbook protection;
 *                 decides ownership and conflicts. A conflict stops here: nothing has been written.
 * Sync 2 (read)   only when add-in sheets exist already (a refresh): reads the user's input ranges
 *                 (and their key columns) and the charts on the sheets that will be replaced.
 * Sync 3 (write)  everything else, with calculation suspended. More write batches only when the
 *                 estimated request would exceed the size budget (never for the real plan).
 *
 * Every sync runs under our own watchdog (Excel on the web can hang forever, office-js #6678).
 */
import type { OptionalFeatureFacts, RenderStepFacts, RenderSummaryFacts } from '../messages/excel.nl';
import type { WorkbookPlan } from '../plan';
import type { ExcelFailure } from './failures';
import { SyncTimeoutError, failureFromError } from './failures';
import type { HostFeatures, OptionalFeature } from './features';
import { ALL_FEATURES, REQUIRED_API, detectFeatures, meetsFloor, officeRequirements } from './features';
import type { ExcelRunner, HostChart, HostRequestContext, HostTable, RequirementChecker } from './host';
import type { InputSnapshot, InputWrite, PreservedInput } from './inputs';
import { mergeInput } from './inputs';
import type { WorkbookFacts } from './ownership';
import { assessWorkbook } from './ownership';
import { DEFAULT_MAX_BATCH_BYTES } from './payload';
import { validatePlan } from './validate';
import { WriteScope, batchSteps, buildWritePlan } from './write';

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

export const DEFAULT_TIMEOUT_MS = 90_000;

/** An inactivity timer: kicked when a round trip starts and when it ends. */
class Watchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fire: (error: SyncTimeoutError) => void = () => undefined;
  private done = false;
  readonly expired: Promise<never>;

  constructor(private readonly ms: number) {
    this.expired = new Promise<never>((_, reject) => {
      this.fire = reject;
    });
    this.expired.catch(() => undefined);
    this.kick();
  }

  kick(): void {
    if (this.done) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.done = true;
      this.fire(new SyncTimeoutError(this.ms / 1000));
    }, this.ms);
  }

  stop(): void {
    this.done = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  async sync(context: HostRequestContext): Promise<void> {
    this.kick();
    await Promise.race([context.sync(), this.expired]);
    this.kick();
  }
}

function defaultRunner(): ExcelRunner | undefined {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') return undefined;
  return (batch) => Excel.run((context) => batch(context));
}

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

  // Sync 1: facts for the ownership decision.
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  workbook.names.load('items/name,items/type,items/formula');
  workbook.tables.load('items/name,items/worksheet/name');
  workbook.protection.load('protected');
  await sync('check');

  const facts: WorkbookFacts = {
    sheets: worksheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected === true })),
    names: workbook.names.items.map((n) => ({ name: n.name, formula: n.formula })),
    tables: workbook.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    workbookProtected: workbook.protection.protected === true,
  };
  const decided = assessWorkbook(plan, facts, options.replaceInputs ?? []);
  if (!decided.ok) return { ok: false, failure: decided.failure };
  const assessment = decided.assessment;
  const replaced = assessment.sheets.filter((s) => s.action === 'replace').map((s) => s.name);

  // Sync 2 (refresh only): the user's inputs and the charts of the sheets that will be replaced.
  const charts = new Map<string, readonly HostChart[]>();
  const inputWrites: InputWrite[] = [];
  const preservedInputs: PreservedInput[] = [];
  const needsRead = replaced.length > 0 || assessment.inputsToRead.length > 0;
  const maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  if (needsRead) {
    total = 3;
    const chartCollections = replaced.map((name) => {
      const collection = worksheets.getItem(name).charts;
      collection.load('items/name');
      return { name, collection };
    });
    const reads = assessment.inputsToRead.map((read) => {
      const range = worksheets.getItem(read.from.sheet).getRange(read.from.address);
      range.load('formulasR1C1,values');
      const keys = read.keysFrom
        ? worksheets.getItem(read.keysFrom.sheet).getRange(read.keysFrom.address)
        : undefined;
      keys?.load('values');
      return { read, range, keys };
    });
    await sync('read');
    for (const { name, collection } of chartCollections) charts.set(name.toUpperCase(), collection.items);
    for (const { read, range, keys } of reads) {
      const snapshot: InputSnapshot = {
        read,
        formulasR1C1: range.formulasR1C1,
        values: range.values,
        keys: keys?.values,
      };
      const merged = mergeInput(plan, snapshot);
      preservedInputs.push(merged.report);
      if (merged.write) inputWrites.push(merged.write);
    }
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
