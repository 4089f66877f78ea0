/**
 * `werkboek --alle` through the real command (dist/cli.js, worker threads): the wall time for all
 * gemeenten, then every file is checked: each formula cell has a cached result, no cell holds an
 * error, Overzicht shows the file's gemeente, and HyperFormula recalculates the gemeente-dependent
 * sheets (the chosen gemeente set on the model of the base plan) to the file's cached values.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HyperFormula } from 'hyperformula';
import JSZip from 'jszip';
import { defaultEditionId, defaultReferenceData, editionInput, editionManifests } from '../src/data';
import type { CbsCode } from '../src/domain';
import { builtInKey, geplandAandeel, Ledger, REGIONALE_POSTEN } from '../src/domain';
import { GEPLAND_LABEL } from '../src/plan/begroting/beschikking-sheet';
import { INPUT_NAMES, SHEETS, buildWorkbookPlan, parseCell, parseRange } from '../src/plan';
import type { WorkbookPlan } from '../src/plan';
import { planToSheets } from '../test/support/evaluate-plan';

export interface BatchResult {
  readonly files: number;
  readonly seconds: number;
  readonly workers: number;
  /** User + system CPU of the command and its worker threads, when GNU time is there. */
  readonly cpuSeconds?: number | undefined;
  readonly totalBytes: number;
  readonly formulaCells: number;
  readonly uncached: number;
  readonly errorCells: number;
  readonly wrongGemeente: number;
  readonly recalculated: number;
  readonly recalcMismatches: readonly string[];
  readonly verifySeconds: number;
  readonly failure?: string;
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

export async function benchBatch(): Promise<BatchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-alle-'));
  const workers = Math.max(1, Math.min(8, os.availableParallelism()));
  try {
    const started = performance.now();
    // GNU time, when present, adds the CPU seconds of the process and its workers (last stderr line).
    const timed = fs.existsSync('/usr/bin/time');
    const command = [process.execPath, 'dist/cli.js', 'werkboek', '--alle', '--uit', dir];
    const child = timed
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', ...command], {
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        })
      : spawnSync(command[0] as string, command.slice(1), { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(child.stderr);
    const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined;
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0)
      return {
        ...empty(seconds, workers),
        failure: `exit ${String(child.status)}: ${child.stderr.slice(-2000)}`,
      };

    // A model of one gemeente's plan per workbook shape (a mandaatgemeente's has the sheet
    // Regioverdeling); each file's gemeente is set in its model and recalculated.
    const data = defaultReferenceData();
    const editie = defaultEditionId();
    const vorigeId = editionManifests().find((m) => m.id === editie)?.vorige;
    const models = new Map<number, Model>();
    const ledger = new Ledger(editionInput(editie), builtInKey('spuk-2025', data));
    const years = ledger.years;
    const modelFor = (sheetCount: number): Model | undefined => {
      const known = models.get(sheetCount);
      if (known) return known;
      for (const g of data.gemeenten) {
        const plan: WorkbookPlan = buildWorkbookPlan(editionInput(editie), {
          key: 'spuk-2025',
          gemeente: g.code,
          vorige: vorigeId ? editionInput(vorigeId) : undefined,
        });
        if (plan.sheets.length !== sheetCount) continue;
        const model = makeModel(plan);
        models.set(sheetCount, model);
        return model;
      }
      return undefined;
    };

    const verifyStart = performance.now();
    let totalBytes = 0;
    let formulaCells = 0;
    let uncached = 0;
    let errorCells = 0;
    let wrongGemeente = 0;
    let recalculated = 0;
    const mismatches: string[] = [];
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
    const checked = new Map<string, { formulas: number; uncached: number; errors: number }>();
    for (const file of files) {
      const code = file.slice(0, 6) as CbsCode;
      const bytes = fs.readFileSync(path.join(dir, file));
      totalBytes += bytes.byteLength;
      const zip = await JSZip.loadAsync(bytes);
      const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
      const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1] ?? '');
      const bySheet = new Map<number, Map<string, { formula: boolean; value: Cached; error: boolean }>>();
      const sheetCount = Object.keys(zip.files).filter((f) =>
        /^xl\/worksheets\/sheet\d+\.xml$/.test(f),
      ).length;
      const model = modelFor(sheetCount);
      if (!model) {
        mismatches.push(`${file}: no plan has ${sheetCount} sheets`);
        continue;
      }
      const { base, hf, dependent, chosenSheet, chosenCell, chosenAt, chosenId, beschikkingAt, gepland } =
        model;
      const besIndex = base.sheets.findIndex((s) => s.name === SHEETS.beschikking);
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
            if (!close(cached, expected) && mismatches.length < 10)
              mismatches.push(
                `${file} ${SHEETS.beschikking}!${address}: file ${String(cached)}, domain ${expected}`,
              );
            hf.setCellContents({ sheet: gepland.sheet, row: gepland.row + k - 1, col: gepland.col + c - 1 }, [
              [expected],
            ]);
          }),
        );
      for (const { s, i } of dependent) {
        const cells = bySheet.get(i);
        const sid = hf.getSheetId(s.name) ?? 0;
        for (const b of s.blocks) {
          if (b.kind !== 'formula') continue;
          const r = parseRange(b.range);
          for (let row = r.top; row <= r.bottom; row++)
            for (let col = r.left; col <= r.right; col++) {
              const got = hf.getCellValue({ sheet: sid, row: row - 1, col: col - 1 });
              const address = `${colLetters(col)}${row}`;
              recalculated++;
              const cached = cells?.get(address)?.value ?? null;
              if ((typeof got === 'object' && got !== null) || !close(cached, got)) {
                if (mismatches.length < 10)
                  mismatches.push(
                    `${file} ${s.name}!${address}: file ${String(cached)}, recalculated ${JSON.stringify(got)}`,
                  );
              }
            }
        }
      }
    }
    for (const m of models.values()) m.hf.destroy();
    return {
      files: files.length,
      seconds,
      workers,
      cpuSeconds,
      totalBytes,
      formulaCells,
      uncached,
      errorCells,
      wrongGemeente,
      recalculated,
      recalcMismatches: mismatches,
      verifySeconds: (performance.now() - verifyStart) / 1000,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
  return { base, hf, dependent, chosenSheet, chosenCell, chosenAt, chosenId, beschikkingAt, gepland };
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

function empty(seconds: number, workers: number): BatchResult {
  return {
    files: 0,
    seconds,
    workers,
    totalBytes: 0,
    formulaCells: 0,
    uncached: 0,
    errorCells: 0,
    wrongGemeente: 0,
    recalculated: 0,
    recalcMismatches: [],
    verifySeconds: 0,
  };
}
