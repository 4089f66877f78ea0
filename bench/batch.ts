/**
 * `werkboek --alle` through the real command (dist/cli.js, worker threads): the wall time for all
 * gemeenten, then every file is checked: each formula cell has a cached result, no cell holds an
 * error, Overzicht shows the file's gemeente, the cached results of the gemeente-dependent sheets are
 * the values the file's own plan expects (the domain's numbers), and HyperFormula recalculates those
 * sheets to the file's cached values. The Samenvatting's layout differs per gemeente (a note more or
 * less moves its mutaties block; the block is sized to the begroting), so the recalculation uses one
 * model per layout (`layoutOf`): the plan of the first gemeente of that layout, with the file's
 * gemeente chosen on it.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HyperFormula } from 'hyperformula';
import JSZip from 'jszip';
import { defaultEditionId, scenarioEditions } from '../src/data';
import type { CbsCode } from '../src/domain';
import {
  builtInKey,
  geplandAandeel,
  REGIONALE_POSTEN,
  resolveNational,
  resolveScenario,
} from '../src/domain';
import { GEPLAND_LABEL } from '../src/plan/begroting/beschikking-sheet';
import { INPUT_NAMES, SHEETS, parseCell, parseRange, planReuse, planWorkbook } from '../src/plan';
import type { SheetPlan, WorkbookPlan } from '../src/plan';
import { planToSheets } from '../test/support/evaluate-plan';

export interface BatchResult extends BatchCheck {
  readonly files: number;
  readonly seconds: number;
  readonly workers: number;
  /** User + system CPU of the command and its worker threads, when GNU time is there. */
  readonly cpuSeconds?: number | undefined;
  readonly failure?: string;
}

/** What `checkBatchFolder` found in a folder of `werkboek --alle`. */
export interface BatchCheck {
  readonly totalBytes: number;
  readonly formulaCells: number;
  readonly uncached: number;
  readonly errorCells: number;
  readonly wrongGemeente: number;
  /** Distinct layouts of the files' plans (`layoutOf`): one HyperFormula model each. */
  readonly layouts: number;
  /** Files whose dependent sheets were recalculated on a model of their own layout. */
  readonly filesRecalculated: number;
  /** Cells recalculated by HyperFormula (and the planned shares on Beschikking compared with the domain). */
  readonly recalculated: number;
  /** Cells whose cached result was compared with the value the file's own plan expects. */
  readonly expectedChecked: number;
  /** How many cells differ (recalculation or expected value), all of them counted. */
  readonly differ: number;
  /** The first differences (at most 10), as text. */
  readonly recalcMismatches: readonly string[];
  readonly verifySeconds: number;
}

type Cached = string | number | boolean | null;

/** Every cell of a sheet part: its formula (if any) and its cached or constant value. */
function sheetCells(
  xml: string,
  strings: readonly string[],
): Map<string, { formula: boolean; value: Cached; error: boolean }> {
  const out = new Map<string, { formula: boolean; value: Cached; error: boolean }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[2] ?? '';
    const body = m[4] ?? '';
    const t = /\st="([^"]*)"/.exec(attrs)?.[1];
    const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    const inline = /<is>(?:<t[^>]*>([^<]*)<\/t>)?<\/is>/.exec(body);
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
    let value: Cached = null;
    if (t === 's' && v !== undefined) value = unescape((strings[Number(v)] ?? '').replace(/<[^>]+>/g, ''));
    else if (t === 'inlineStr') value = unescape(inline?.[1] ?? '');
    else if (t === 'str' && v !== undefined) value = unescape(v);
    else if (t === 'b' && v !== undefined) value = v === '1';
    else if (v !== undefined) value = Number(v);
    out.set(m[1] as string, {
      formula: /<f[\s>/]/.test(body),
      value,
      error: t === 'e' || (typeof value === 'string' && /^#[A-Z/0]+[!?]?$/.test(value)),
    });
  }
  return out;
}

function close(a: Cached, b: unknown): boolean {
  // HyperFormula reads a leading apostrophe as the text prefix and drops it (also where that text is
  // joined into another, e.g. "Gemeente: 's-Gravenhage"); the file keeps the text.
  if (typeof a === 'string' && typeof b === 'string' && a.includes("'"))
    return a === b || a.replace(/'/g, '') === b.replace(/'/g, '');
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (a === null) return b === null || b === '' || b === 0;
  return a === b;
}

/**
 * `werkboek --alle` into a new folder, timed, then `checkBatchFolder` on it. `BENCH_BATCH_DIR=MAP`:
 * no run, only the check of that folder (made before by `werkboek --alle --uit MAP`, same edition and
 * key); the folder is kept.
 */
export async function benchBatch(): Promise<BatchResult> {
  const given = process.env.BENCH_BATCH_DIR;
  const dir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-alle-'));
  const workers = Math.max(1, Math.min(8, os.availableParallelism()));
  try {
    const started = performance.now();
    let cpuSeconds: number | undefined;
    if (given === undefined) {
      // GNU time, when present, adds the CPU seconds of the process and its workers (last stderr line).
      const timed = fs.existsSync('/usr/bin/time');
      const command = [process.execPath, 'dist/cli.js', 'werkboek', '--alle', '--uit', dir];
      const child = timed
        ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', ...command], {
            encoding: 'utf8',
            maxBuffer: 16 * 1024 * 1024,
          })
        : spawnSync(command[0] as string, command.slice(1), {
            encoding: 'utf8',
            maxBuffer: 16 * 1024 * 1024,
          });
      const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(child.stderr);
      cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined;
      if (child.status !== 0)
        return {
          ...empty(),
          files: 0,
          seconds: (performance.now() - started) / 1000,
          workers,
          failure: `exit ${String(child.status)}: ${child.stderr.slice(-2000)}`,
        };
    }
    const seconds = given === undefined ? (performance.now() - started) / 1000 : 0;
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    const check = await checkBatchFolder(dir, files);
    return { ...check, files: files.length, seconds, workers, cpuSeconds };
  } finally {
    if (given === undefined) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The plans of a batch as `werkboek --alle` makes them (newest edition, its `vorige`, key spuk-2025):
 * the national part resolved and built once (`resolveNational`, `planReuse`), so a plan costs a few ms.
 */
function batchPlans(): (code: CbsCode) => WorkbookPlan {
  const editions = scenarioEditions(defaultEditionId());
  const key = builtInKey('spuk-2025', editions.edition.base);
  const national = resolveNational({ ...editions, key });
  const reuse = planReuse(national);
  return (gemeente) => planWorkbook(resolveScenario({ ...editions, key, gemeente }, national), reuse);
}

const sheetLayouts = new WeakMap<SheetPlan, string>();

/**
 * The layout of a plan, as a text: its sheet names, and for each sheet the recalculation compares
 * (the chosen gemeente's sheet and the sheets whose formulas refer to it, as `makeModel` finds them)
 * where its blocks are and their sizes, and the ranges of the defined names on those sheets; not the
 * formulas, values or cached results. Two plans of one layout give HyperFormula models whose compared
 * cells are in the same places, so a file is recalculated on the model of the first gemeente of its
 * layout with its own gemeente chosen (a formula that differs at the same place then shows as a
 * difference, it does not pass). Other sheets count by name only: "Wat is er veranderd" (its rows
 * differ per gemeente) and Regioverdeling (its size differs per region; a member's planned share that
 * reads it is set from the domain, and a mandaatgemeente's doorbetaling that reads it takes its own
 * plan's values) would make nearly every gemeente a layout of its own. A sheet's
 * part is hashed once per sheet object (the national sheets are shared).
 */
export function layoutOf(plan: WorkbookPlan): string {
  const chosenSheet = (plan.names.find((n) => n.name === INPUT_NAMES.chosen)?.ref ?? 'Overzicht!$C$4')
    .replace(/\$/g, '')
    .split('!')[0];
  const compared = new Set(
    plan.sheets
      .filter(
        (s) =>
          s.name === chosenSheet ||
          s.blocks.some((b) => b.kind === 'formula' && b.formula.includes(`${chosenSheet ?? ''}!`)),
      )
      .map((s) => s.name),
  );
  const sheet = (s: SheetPlan): string => {
    if (!compared.has(s.name)) return s.name;
    let known = sheetLayouts.get(s);
    if (known === undefined) {
      const blocks = s.blocks.map((b) =>
        b.kind === 'formula' ? ['f', b.range] : ['v', b.at, b.values.length, b.values.map((r) => r.length)],
      );
      known = `${s.name}:${createHash('sha1').update(JSON.stringify(blocks)).digest('hex')}`;
      sheetLayouts.set(s, known);
    }
    return known;
  };
  const defined = plan.names.map((n) =>
    compared.has(n.ref.split('!')[0]?.replace(/^'|'$/g, '') ?? '') ? [n.name, n.ref] : [n.name],
  );
  return JSON.stringify([defined, plan.sheets.map(sheet)]);
}

type Cells = Map<string, { formula: boolean; value: Cached; error: boolean }>;

/**
 * Checks every file of a `werkboek --alle` folder (names `GMxxxx Naam.xlsx`): cached results, error
 * cells, the gemeente on Overzicht; the gemeente-dependent sheets against the file's own plan (the
 * values the domain gives) and recalculated by HyperFormula on a model of the file's layout. The
 * files are grouped by layout first, so one model at a time is in memory.
 */
export async function checkBatchFolder(dir: string, files: readonly string[]): Promise<BatchCheck> {
  const verifyStart = performance.now();
  const planOf = batchPlans();
  const editions = scenarioEditions(defaultEditionId());
  const ledger = resolveScenario({ ...editions, key: builtInKey('spuk-2025', editions.edition.base) }).ledger;
  const years = ledger.years;
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const layout = layoutOf(planOf(file.slice(0, 6) as CbsCode));
    const group = groups.get(layout);
    if (group) group.push(file);
    else groups.set(layout, [file]);
  }
  const log = (text: string) => process.stderr.write(`${text}\n`);
  log(`check: ${files.length} files, ${groups.size} layouts`);
  let totalBytes = 0;
  let formulaCells = 0;
  let uncached = 0;
  let errorCells = 0;
  let wrongGemeente = 0;
  let filesRecalculated = 0;
  let recalculated = 0;
  let expectedChecked = 0;
  let differ = 0;
  const mismatches: string[] = [];
  const mismatch = (text: string) => {
    differ++;
    if (mismatches.length < 10) mismatches.push(text);
  };
  const checked = new Map<string, { formulas: number; uncached: number; errors: number }>();
  for (const group of groups.values()) {
    log(`check: layout of ${group[0] ?? '?'}: ${group.length} files`);
    const first = planOf((group[0] as string).slice(0, 6) as CbsCode);
    const model = makeModel(first);
    const {
      base,
      hf,
      dependent,
      chosenSheet,
      chosenCell,
      chosenAt,
      chosenId,
      beschikkingAt,
      gepland,
      regioFed,
    } = model;
    const besIndex = base.sheets.findIndex((s) => s.name === SHEETS.beschikking);
    try {
      for (const file of group) {
        const code = file.slice(0, 6) as CbsCode;
        const own = planOf(code);
        const bytes = fs.readFileSync(path.join(dir, file));
        totalBytes += bytes.byteLength;
        const zip = await JSZip.loadAsync(bytes);
        const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
        const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1] ?? '');
        const parts = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
        if (parts.length !== base.sheets.length) {
          mismatch(`${file}: ${parts.length} sheets, its plan has ${base.sheets.length}`);
          continue;
        }
        const bySheet = new Map<number, Cells>();
        for (let i = 0; i < base.sheets.length; i++) {
          const part = `xl/worksheets/sheet${i + 1}.xml`;
          // A part with the same CRC-32 and size as one already checked holds the same XML (the
          // national sheets are shared): counted again, not parsed again, unless the choice matters.
          const id = partId(zip, part);
          const seen = checked.get(id);
          if (seen !== undefined && !dependent.some((d) => d.i === i) && i !== besIndex) {
            formulaCells += seen.formulas;
            uncached += seen.uncached;
            errorCells += seen.errors;
            continue;
          }
          const xml = (await zip.file(part)?.async('string')) ?? '';
          const cells = sheetCells(xml, strings);
          bySheet.set(i, cells);
          for (const c of cells.values()) {
            if (c.error) errorCells++;
            if (!c.formula) continue;
            formulaCells++;
          }
          // A formula cell without <v>: counted from the raw XML (an empty cached text is still a value).
          const missing = (xml.match(/<\/f><\/c>|<f[^>]*\/><\/c>/g) ?? []).length;
          uncached += missing;
          const values = [...cells.values()];
          checked.set(id, {
            formulas: values.filter((c) => c.formula).length,
            uncached: missing,
            errors: values.filter((c) => c.error).length,
          });
        }
        const chosenIndex = base.sheets.findIndex((s) => s.name === chosenSheet);
        if (bySheet.get(chosenIndex)?.get(chosenCell)?.value !== code) wrongGemeente++;
        hf.setCellContents({ sheet: chosenId, row: chosenAt.row - 1, col: chosenAt.col - 1 }, [[code]]);
        // The file's own beschikking belongs to its gemeente (an input on the sheet Beschikking).
        if (beschikkingAt)
          hf.setCellContents(
            { sheet: beschikkingAt.sheet, row: beschikkingAt.row - 1, col: beschikkingAt.col - 1 },
            [[code]],
          );
        // A member gemeente's planned share on the sheet Beschikking reads its own region's sheet
        // Regioverdeling (a reference to its row there), which the model (another gemeente's region)
        // cannot recalculate: each file's cells must hold the domain's planned share, and the model
        // takes those values so the sheets after it are recalculated with the file's share.
        const besCells = bySheet.get(besIndex);
        if (gepland)
          REGIONALE_POSTEN.forEach((post, k) =>
            years.forEach((jaar, c) => {
              const expected = geplandAandeel(ledger, code, post, jaar)?.bedrag ?? 0;
              const address = `${colLetters(gepland.col + c)}${gepland.row + k}`;
              const cached = besCells?.get(address)?.value ?? null;
              recalculated++;
              if (!close(cached, expected))
                mismatch(
                  `${file} ${SHEETS.beschikking}!${address}: file ${String(cached)}, domain ${expected}`,
                );
              hf.setCellContents(
                { sheet: gepland.sheet, row: gepland.row + k - 1, col: gepland.col + c - 1 },
                [[expected]],
              );
            }),
          );
        // A mandaatgemeente's doorbetaling to the other members (Samenvatting, Begrotingstoets) reads
        // its own region's sheet Regioverdeling, which the model (another region) cannot recalculate:
        // the model takes the file's own plan's values there (the domain's `doorTeGevenAanLeden`), and
        // the comparison below checks the file's cached results against them.
        for (const { i, k } of regioFed) {
          const expected = own.sheets[i]?.blocks[k];
          const b = base.sheets[i]?.blocks[k];
          if (b?.kind !== 'formula' || expected?.kind !== 'formula') continue;
          const r = parseRange(b.range);
          hf.setCellContents(
            { sheet: hf.getSheetId(base.sheets[i]?.name ?? '') ?? 0, row: r.top - 1, col: r.left - 1 },
            expected.expected.map((row) => [...row]),
          );
        }
        for (const { s, i } of dependent) {
          const cells = bySheet.get(i);
          const sid = hf.getSheetId(s.name) ?? 0;
          // The file's own plan: the same layout, its gemeente's expected values (from the domain).
          const mine = own.sheets[i]?.blocks ?? [];
          s.blocks.forEach((b, k) => {
            const expected = mine[k];
            if (b.kind !== 'formula' || expected?.kind !== 'formula') return;
            const r = parseRange(b.range);
            for (let row = r.top; row <= r.bottom; row++)
              for (let col = r.left; col <= r.right; col++) {
                const got = hf.getCellValue({ sheet: sid, row: row - 1, col: col - 1 });
                const address = `${colLetters(col)}${row}`;
                const cached = cells?.get(address)?.value ?? null;
                const want = expected.expected[row - r.top]?.[col - r.left] ?? null;
                recalculated++;
                expectedChecked++;
                if ((typeof got === 'object' && got !== null) || !close(cached, got))
                  mismatch(
                    `${file} ${s.name}!${address}: file ${String(cached)}, recalculated ${JSON.stringify(got)}`,
                  );
                else if (!close(cached, want))
                  mismatch(
                    `${file} ${s.name}!${address}: file ${String(cached)}, its plan (the domain) ${JSON.stringify(want)}`,
                  );
              }
          });
        }
        filesRecalculated++;
      }
    } finally {
      hf.destroy();
    }
  }
  return {
    totalBytes,
    formulaCells,
    uncached,
    errorCells,
    wrongGemeente,
    layouts: groups.size,
    filesRecalculated,
    recalculated,
    expectedChecked,
    differ,
    recalcMismatches: mismatches,
    verifySeconds: (performance.now() - verifyStart) / 1000,
  };
}

/**
 * Whether a batch passed: every gemeente's file written, every file recalculated on a model of its
 * layout (at least one layout, at least one cell: a check that compares nothing fails), no cell
 * without a cached result, no error, no other gemeente on Overzicht, no difference.
 */
export function batchPassed(batch: BatchResult, gemeenten: number): boolean {
  return (
    batch.failure === undefined &&
    batch.files === gemeenten &&
    batch.layouts >= 1 &&
    batch.filesRecalculated === batch.files &&
    batch.recalculated > 0 &&
    batch.expectedChecked > 0 &&
    batch.uncached + batch.errorCells + batch.wrongGemeente + batch.differ === 0
  );
}

interface Model {
  readonly base: WorkbookPlan;
  readonly hf: HyperFormula;
  readonly dependent: readonly { readonly s: WorkbookPlan['sheets'][number]; readonly i: number }[];
  readonly chosenSheet: string;
  readonly chosenCell: string;
  readonly chosenAt: { readonly row: number; readonly col: number };
  readonly chosenId: number;
  /** The beschikking's gemeente (an input of the file's own gemeente). */
  readonly beschikkingAt: { readonly sheet: number; readonly row: number; readonly col: number } | undefined;
  /** Beschikking: the top-left of the planned-share rows (REGIONALE_POSTEN order, a column per year). */
  readonly gepland: { readonly sheet: number; readonly row: number; readonly col: number } | undefined;
  /** The compared sheets' formula blocks that read the sheet Regioverdeling (sheet and block index). */
  readonly regioFed: readonly { readonly i: number; readonly k: number }[];
}

function makeModel(base: WorkbookPlan): Model {
  const chosen = base.names.find((n) => n.name === INPUT_NAMES.chosen)?.ref ?? 'Overzicht!$C$4';
  const [chosenSheet, chosenCell] = chosen.replace(/\$/g, '').split('!') as [string, string];
  const chosenAt = parseCell(chosenCell);
  const hf = HyperFormula.buildFromSheets(planToSheets(base), { licenseKey: 'gpl-v3', smartRounding: false });
  const chosenId = hf.getSheetId(chosenSheet) ?? 0;
  // The sheets whose formulas can depend on the chosen gemeente: all that refer to its sheet.
  const dependent = base.sheets
    .map((s, i) => ({ s, i }))
    .filter(
      ({ s }) =>
        s.name === chosenSheet ||
        s.blocks.some((b) => b.kind === 'formula' && b.formula.includes(`${chosenSheet}!`)),
    );
  const besRef = base.names.find((n) => n.name === INPUT_NAMES.beschikkingGemeente)?.ref;
  let beschikkingAt: Model['beschikkingAt'];
  if (besRef) {
    const [sheet, cell] = besRef.replace(/\$/g, '').split('!') as [string, string];
    const at = parseCell(cell);
    beschikkingAt = { sheet: hf.getSheetId(sheet.replace(/^'|'$/g, '')) ?? 0, row: at.row, col: at.col };
  }
  const besPlan = base.sheets.find((s) => s.name === SHEETS.beschikking);
  const label = besPlan?.blocks.find(
    (b) => b.kind === 'values' && b.values.some((r) => r[2] === GEPLAND_LABEL),
  );
  const gepland =
    label?.kind === 'values'
      ? {
          sheet: hf.getSheetId(SHEETS.beschikking) ?? 0,
          row: parseCell(label.at).row + label.values.findIndex((r) => r[2] === GEPLAND_LABEL),
          col: parseCell(label.at).col + 4,
        }
      : undefined;
  const regioFed = dependent.flatMap(({ s, i }) =>
    s.blocks.flatMap((b, k) =>
      b.kind === 'formula' && b.formula.includes(`${SHEETS.regioverdeling}!`) ? [{ i, k }] : [],
    ),
  );
  return {
    base,
    hf,
    dependent,
    chosenSheet,
    chosenCell,
    chosenAt,
    chosenId,
    beschikkingAt,
    gepland,
    regioFed,
  };
}

/** CRC-32 and size of a part as the zip's central directory gives them (JSZip keeps them). */
function partId(zip: JSZip, part: string): string {
  const data = (zip.files[part] as unknown as { _data?: { crc32?: number; uncompressedSize?: number } })
    ?._data;
  return data?.crc32 === undefined
    ? `${part}:${Math.random()}`
    : `${part}:${data.crc32}:${data.uncompressedSize}`;
}

function colLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function empty(): BatchCheck {
  return {
    totalBytes: 0,
    formulaCells: 0,
    uncached: 0,
    errorCells: 0,
    wrongGemeente: 0,
    layouts: 0,
    filesRecalculated: 0,
    recalculated: 0,
    expectedChecked: 0,
    differ: 0,
    recalcMismatches: [],
    verifySeconds: 0,
  };
}
