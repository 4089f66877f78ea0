import path from 'node:path';
import type { EditionFolder } from '../data';
import { editionInput, registerEditionFolder, scenarioEditions } from '../data';
import type { CbsCode, EditionYear, Gemeente, NationalScenario, Verdeelsleutel } from '../domain';
import { regioVanLid, resolveNational, resolveScenario } from '../domain';
import { planReuse, planWorkbook } from '../plan';
import type { PlanReuse, WorkbookPlan } from '../plan';
import type { XlsxBasePackage } from '../xlsx';
import type { CsvVorm } from './csv-out';
import { csvText } from './csv-out';
import type { RunIdentity, TakenFolder } from './batch-folder';
import { isFatalWriteError, takeFolder, writeErrorReason } from './batch-folder';
import type { CliIo } from './io';
import { regioOntvangers } from './ontvangers';

/**
 * `werkboek --alle`: one workbook per gemeente, each opening on its own Overzicht, and an index.
 * The CLI only orchestrates: plans come from src/plan, bytes from a renderer that is injected
 * (in-process, or worker threads: ./worker-pool.ts), files go through CliIo.
 */

/** What every workbook of one run shares; plain data, so it can go to a worker thread. */
export interface BatchJob {
  readonly editie: string;
  /**
   * The earlier edition the sheet "Wat is er veranderd" compares with (`werkboek --alle --van`);
   * absent: the edition's `vorige`.
   */
  readonly van?: string;
  readonly key: Verdeelsleutel;
  /**
   * The edition folders of `--edities-map` (src/cli/editions-folder.ts), read once by the main
   * thread: each thread registers them before its first plan (`setupJob`), because a worker thread
   * starts with only the shipped editions. Absent: none.
   */
  readonly editieMappen?: readonly EditionFolder[];
}

/**
 * Makes the job's editions known in this thread: registers its edition folders (a folder this thread
 * already has is a no-op). Run before the first plan of a job, in the main thread and in every
 * worker. Throws ManifestError / DataFileError like `registerEditionFolder`.
 */
export function setupJob(job: BatchJob): void {
  for (const folder of job.editieMappen ?? []) registerEditionFolder(folder);
}

/** Renders many plans that differ only in their gemeente (src/xlsx `xlsxBatch` fits). */
export interface BatchRenderer {
  render(plan: WorkbookPlan): Promise<Uint8Array>;
  /**
   * The base plan's rendered package (plain data), for a renderer of the same base plan in another
   * thread, so that thread does not render it again (`BatchRendererFactory`'s second argument).
   */
  readonly basePackage?: XlsxBasePackage;
}
/** A renderer for plans like `base`; `basePackage`: another renderer's `basePackage` of this same base plan. */
export type BatchRendererFactory = (
  base: WorkbookPlan,
  basePackage?: XlsxBasePackage,
) => Promise<BatchRenderer>;

export type FileResult = { readonly bytes: Uint8Array } | { readonly error: string };

/**
 * Produces the workbook of each code, in any order; `onFile` is called once per code. `shapeOf` is a
 * hint: codes whose workbooks have the same sheets (one renderer package per shape) say the same
 * text, so a pool may keep a rare shape on one thread (each package it makes costs a full render).
 */
export type WerkmapProducer = (
  job: BatchJob,
  codes: readonly CbsCode[],
  onFile: (code: CbsCode, result: FileResult) => void,
  shapeOf?: (code: CbsCode) => string,
  /** Aborted when the run stops (a full disk): make no more workbooks, resolve soon. */
  signal?: AbortSignal,
) => Promise<void>;

/**
 * What every plan of a job shares, made once per thread (`batchShared`): the national scenario
 * (ledgers, reconciliations, the national diff) and the national sheets built on it. Shape:
 * `{ job, national, reuse }`.
 */
export interface BatchShared {
  readonly job: BatchJob;
  readonly national: NationalScenario;
  readonly reuse: PlanReuse;
}

export function batchShared(job: BatchJob): BatchShared {
  setupJob(job);
  const national = resolveNational({ ...scenarioEditions(job.editie, job.van), key: job.key });
  return { job, national, reuse: planReuse(national) };
}

/**
 * The plan of one gemeente's workbook: the chosen gemeente on Overzicht, changes since the previous
 * edition. With `shared` (of the same job) the national part is not resolved or built again: the
 * plan is the same (src/plan/plan-reuse.test.ts) and its national sheets are the same objects as in
 * the other plans of the batch.
 */
export function gemeentePlan(job: BatchJob, code: CbsCode, shared?: BatchShared): WorkbookPlan {
  if (shared !== undefined && shared.job !== job) throw new RangeError('The shared part is of another job');
  if (shared === undefined) setupJob(job);
  const request = { ...scenarioEditions(job.editie, job.van), key: job.key, gemeente: code };
  return shared === undefined
    ? planWorkbook(resolveScenario(request))
    : planWorkbook(resolveScenario(request, shared.national), shared.reuse);
}

/**
 * Produces the workbooks one after the other in this thread; the first plan is the renderer's base.
 * A failure of one gemeente is reported for that gemeente and the others go on.
 */
export function serialProducer(factory: BatchRendererFactory): WerkmapProducer {
  return async (job, codes, onFile, _shapeOf, signal) => {
    // One renderer per shape of workbook (its sheets and names): a mandaatgemeente's workbook has the
    // sheet Regioverdeling, so it shares its package with the other mandaatgemeenten, not with all.
    const renderers = new Map<string, BatchRenderer>();
    let shared: BatchShared | undefined;
    for (const code of codes) {
      if (signal?.aborted) return;
      try {
        shared ??= batchShared(job);
        const plan = gemeentePlan(job, code, shared);
        const shape = planShape(plan);
        let renderer = renderers.get(shape);
        if (!renderer) renderers.set(shape, (renderer = await factory(plan)));
        onFile(code, { bytes: await renderer.render(plan) });
      } catch (e) {
        onFile(code, { error: e instanceof Error ? e.message : String(e) });
      }
    }
  };
}

/**
 * What must be equal for two plans to share a batch package: their sheets and names, in order, and the
 * layout of every sheet with a chart (where its blocks start, its row heights and page breaks). The
 * batch rewrites a sheet whose layout differs from the base's, but not one with a chart (it would lose
 * the base's drawing): such a plan needs a package of its own, or it is rendered whole. A member
 * gemeente's Overzicht has rows a mandaatgemeente's has not (#18: what it receives from its
 * mandaatgemeente), so the two share no package.
 */
export function planShape(plan: WorkbookPlan): string {
  const charted = plan.sheets
    .filter((sh) => sh.charts.length > 0)
    .map((sh) => [
      sh.name,
      sh.blocks.map((b) => (b.kind === 'values' ? b.at : b.range)),
      sh.rowHeights ?? [],
      sh.pageBreaks ?? [],
    ]);
  return JSON.stringify([plan.sheets.map((sh) => sh.name), plan.names.map((n) => n.name), charted]);
}

/**
 * The file name of a gemeente's workbook: CBS code and name, valid on Windows, macOS and Linux
 * (no \ / : * ? " < > |, no control characters, no trailing dot or space), e.g. `GM0034 Almere.xlsx`.
 */
export function werkmapFileName(g: Gemeente): string {
  const naam = g.naam
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[. ]+$/, '')
    .trim();
  return `${g.code} ${naam}.xlsx`;
}

export const INDEX_FILE = 'index.csv';

/**
 * The columns of index.csv for an edition's years (default: the shipped editions' 2023–2029): one row
 * per gemeente whose werkmap was written, then one per recipient that is no gemeente (SamenTwente for
 * Twente: gemeentecode and bestand empty, eigen 0, its region's money under als_mandaatgemeente), so
 * that with every werkmap written Σ eigen_JAAR = Σ own money of the gemeenten and
 * Σ als_mandaatgemeente_JAAR = the national regional amount (SPUK IZA 2025: 142.900.002 = Σ Bijlage 2B).
 * Each row ends with the run: editie, sleutel and van (empty: the edition's own `vorige`), so a folder
 * says which run wrote it (./batch-folder.ts refuses to mix runs).
 */
export function indexColumns(years: readonly EditionYear[]): string[] {
  return [
    'gemeentecode',
    'gemeentenaam',
    'bestand',
    ...years.map((j) => `eigen_${j}_eur`),
    ...years.map((j) => `als_mandaatgemeente_${j}_eur`),
    'editie',
    'sleutel',
    'van',
  ];
}

/** Progress on stderr: a bar that redraws itself on a terminal, otherwise a line now and then. */
export function progress(io: CliIo, total: number): (done: number, failed: number) => void {
  const width = 30;
  const step = Math.max(1, Math.ceil(total / 10));
  return (done, failed) => {
    const extra = failed > 0 ? `, ${failed} mislukt` : '';
    if (io.errIsTty) {
      const full = Math.round((done / total) * width);
      const bar = '█'.repeat(full) + '░'.repeat(width - full);
      io.err(`\r${bar} ${done}/${total} werkmappen${extra}${done === total ? '\n' : ''}`);
    } else if (done % step === 0 || done === total) {
      io.err(`${done}/${total} werkmappen${extra}\n`);
    }
  };
}

/** Checks the folder; a Dutch message when it is missing or not a folder. */
export function folderProblem(io: CliIo, folder: string): string | undefined {
  const kind = io.pathKind(folder);
  if (kind === 'directory') return undefined;
  if (kind === 'file')
    return `"${folder}" is een bestand, geen map. Geef met --uit een map voor de werkmappen.`;
  return `De map "${folder}" bestaat niet. Maak de map eerst aan of kies met --uit een bestaande map.`;
}

/** Options of a batch run besides the job. */
export interface WerkmappenOptions {
  /** The CSV form of index.csv (default excel-nl). */
  readonly vorm?: CsvVorm;
  /** `--vervang`: remove the workbooks of another run from the folder instead of refusing. */
  readonly vervang?: boolean;
}

/**
 * Writes every gemeente's workbook into `folder` and the index. Returns the exit code: 0 when all are
 * written, 2 when one or more are missing (each named with its gemeente and file on stderr) or the
 * run was refused. With a real folder (`io.folder`) the folder holds one consistent run (./batch-folder.ts:
 * a lock, no workbooks of another run unless `vervang`, the edition and key in index.csv); a full disk
 * or a read-only folder stops the run with one Dutch line and no index; Ctrl+C removes the lock and
 * this run's `.tmp` files and says what is missing. Until the index is written the folder's run marker
 * names this run, so the same command run again may rewrite the folder.
 */
export async function writeWerkmappen(
  io: CliIo,
  folder: string,
  job: BatchJob,
  produce: WerkmapProducer,
  options: WerkmappenOptions = {},
): Promise<number> {
  const input = editionInput(job.editie);
  const gemeenten = input.base.gemeenten;
  const run: RunIdentity = { editie: job.editie, sleutel: job.key.id, ...(job.van ? { van: job.van } : {}) };
  let taken: TakenFolder | undefined;
  if (io.folder !== undefined) {
    const t = takeFolder(io.folder, folder, run, options.vervang === true);
    if ('refused' in t) {
      io.err(`${t.refused}\n`);
      return 2;
    }
    taken = t;
  }
  const written = new Set<CbsCode>();
  const stopListening = io.folder?.onInterrupt(() => {
    taken?.removeOwnTmp();
    taken?.release();
    io.err(
      `\nAfgebroken: ${written.size} van ${gemeenten.length} werkmappen geschreven in "${folder}"; ${INDEX_FILE} is niet geschreven, de map is onvolledig. Draai de opdracht opnieuw.\n`,
    );
  });
  try {
    return await writeAll(io, folder, job, produce, options.vorm ?? 'excel-nl', written, taken);
  } finally {
    stopListening?.();
    taken?.release();
  }
}

async function writeAll(
  io: CliIo,
  folder: string,
  job: BatchJob,
  produce: WerkmapProducer,
  vorm: CsvVorm,
  written: Set<CbsCode>,
  taken: TakenFolder | undefined,
): Promise<number> {
  const input = editionInput(job.editie);
  const gemeenten = input.base.gemeenten;
  const byCode = new Map(gemeenten.map((g) => [g.code, g]));
  const reported = new Set<CbsCode>();
  const failures: string[] = [];
  const show = progress(io, gemeenten.length);
  const ledger = resolveScenario({ edition: input, key: job.key }).ledger;
  const started = Date.now();
  // A full disk or a read-only folder: every further write fails the same way, so stop at the first.
  let fatal: string | undefined;
  const abort = new AbortController();
  let done = 0;
  await produce(
    job,
    gemeenten.map((g) => g.code),
    (code, result) => {
      if (reported.has(code) || fatal !== undefined) return;
      reported.add(code);
      const g = byCode.get(code) as Gemeente;
      const file = path.join(folder, werkmapFileName(g));
      if ('error' in result) {
        failures.push(
          `Fout: de werkmap van ${g.naam} (${g.code}) is niet gemaakt: "${file}" (${result.error}).`,
        );
      } else {
        try {
          io.writeFileAtomic(file, result.bytes);
          written.add(code);
        } catch (e) {
          if (isFatalWriteError(e)) {
            fatal = writeErrorReason(e);
            abort.abort();
            return;
          }
          failures.push(
            `Fout: kan "${file}" voor ${g.naam} (${g.code}) niet schrijven (${writeErrorReason(e)}). Is het bestand geopend in Excel?`,
          );
        }
      }
      done++;
      show(done, failures.length);
    },
    // The workbook of a mandaatgemeente and of a member of a region has the sheet Regioverdeling
    // (src/plan planWorkbook: a member's planned share reads it).
    (code) =>
      ledger.mandaatVan(code).length > 0 || regioVanLid(ledger, code) !== undefined
        ? 'met Regioverdeling'
        : 'gewoon',
    abort.signal,
  );
  if (fatal !== undefined) {
    if (io.errIsTty) io.err('\n');
    io.err(
      `Fout: kan niet verder schrijven in de map "${folder}": ${fatal}. ${written.size} van ${gemeenten.length} werkmappen zijn geschreven; ${INDEX_FILE} is niet geschreven. Maak ruimte of kies met --uit een andere map, en draai de opdracht opnieuw.\n`,
    );
    return 2;
  }
  // A producer that ends without an answer for a gemeente (a worker that stopped): missing, never silent.
  for (const g of gemeenten)
    if (!reported.has(g.code))
      failures.push(
        `Fout: de werkmap van ${g.naam} (${g.code}) is niet gemaakt: "${path.join(folder, werkmapFileName(g))}" (geen resultaat van de werkthread).`,
      );
  const rows: (string | number)[][] = gemeenten
    .filter((g) => written.has(g.code))
    .map((g) => {
      const totals = ledger.years.map((j: EditionYear) => ledger.gemeenteTotal(g.code, j));
      return [
        g.code,
        g.naam,
        werkmapFileName(g),
        ...totals.map((t) => t.eigen),
        ...totals.map((t) => t.alsMandaatgemeente),
        job.editie,
        job.key.id,
        job.van ?? '',
      ];
    });
  // Regional money to a body that is no gemeente (SamenTwente for Twente): a row without a werkmap
  // (gemeentecode and bestand empty), so that each column of the index adds up to the national amount.
  for (const o of regioOntvangers(ledger)) {
    const regionaal = ledger.years.map((j) =>
      ledger.lines
        .filter((l) => l.ontvanger === 'mandaatgemeente')
        .reduce((a, l) => a + ledger.regio(o.regio.naam, l.nr, j).bedrag, 0),
    );
    rows.push([
      '',
      o.naam,
      '',
      ...ledger.years.map(() => 0),
      ...regionaal,
      job.editie,
      job.key.id,
      job.van ?? '',
    ]);
  }
  const index = path.join(folder, INDEX_FILE);
  const csv = csvText(indexColumns(ledger.years), rows, vorm, true);
  let indexWritten = false;
  try {
    io.writeFileAtomic(index, new TextEncoder().encode(csv));
    indexWritten = true;
    taken?.indexWritten();
  } catch (e) {
    failures.push(`Fout: kan de index "${index}" niet schrijven (${writeErrorReason(e)}).`);
  }
  failures.forEach((f) => io.err(`${f}\n`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1).replace('.', ',');
  io.err(
    `Geschreven: ${written.size} van ${gemeenten.length} werkmappen${indexWritten ? ` en ${INDEX_FILE}` : ` (${INDEX_FILE} niet)`} in "${folder}" ` +
      `(editie ${job.editie}${job.van !== undefined ? `; vergeleken met ${job.van}` : ''}; sleutel ${job.key.id}; ${seconds} s).\n`,
  );
  return failures.length === 0 && written.size === gemeenten.length ? 0 : 2;
}
