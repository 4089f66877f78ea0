import JSZip from 'jszip';
import type { CellValue, SheetPlan, WorkbookPlan } from '../plan';
import { parseCell, parseRange } from '../plan';
import type { ChartedSheet } from './charts';
import { addChartsToZip, chartPartXml, sameAnchor } from './charts';
import { headerFooter, renderXlsx, writePackage } from './render-xlsx';

/**
 * Many workbooks that differ in a few sheets (one per gemeente: Overzicht and "Wat is er veranderd"
 * depend on the chosen gemeente, the national sheets do not). The package of a base plan is written
 * once; for each plan, only the sheets that differ from the base are written (a small ExcelJS package
 * of just those sheets) and their XML replaces the base's in a copy of the package. A sheet that is
 * the base's own object (a national sheet of the batch: src/plan `planReuse`) is equal without being
 * compared; the others are compared with the base's. Unchanged parts
 * keep their compressed bytes, so a file costs a small fraction of a full render. The result equals
 * renderXlsx(plan) cell by cell (texts the base package lacks are inline strings on the transplanted
 * sheets; the shared-strings count attribute then counts the base's references). Whatever this cannot transplant (other sheets or names, tables or relationships on a
 * changed sheet, a style the base package lacks) falls back to the full renderXlsx.
 */
export interface XlsxBatch {
  render(plan: WorkbookPlan): Promise<Uint8Array>;
  /** How many plans were transplanted, and how many needed the full render. */
  readonly counts: { readonly transplanted: number; readonly full: number };
  /** The base's package, to give another batch of the same base plan (another thread) instead of making it again. */
  readonly basePackage: XlsxBasePackage;
}

/**
 * The package of a batch's base plan with its charts (`xlsxBasePackage`): plain data (bytes and where
 * the charts went), so one thread can make it and others use it (a structured clone). Made from one
 * plan, it serves only a batch of that same plan.
 */
export interface XlsxBasePackage {
  readonly bytes: Uint8Array;
  readonly charts: readonly ChartedSheet[];
}

/**
 * Writes the base plan's package once, charts included (the costly full render of a batch): written
 * and read again, so every part is compressed once and its bytes are copied into each file.
 */
export async function xlsxBasePackage(base: WorkbookPlan): Promise<XlsxBasePackage> {
  const written = await writePackage(base, base.sheets, true);
  const charted = await JSZip.loadAsync(written);
  const charts = await addChartsToZip(charted, base);
  const bytes =
    charts.length === 0
      ? written
      : await charted.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, charts };
}

interface StyleTables {
  /** Canonical text of each cellXfs entry (its font, fill, border and number format spelled out). */
  readonly xfs: readonly string[];
  readonly dxfs: readonly string[];
}

const SHEET_PART = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;
const SHEET_RELS = (index: number) => `xl/worksheets/_rels/sheet${index + 1}.xml.rels`;

/**
 * The batch of `base`. `made`: `xlsxBasePackage(base)` (or another batch's `basePackage` of the same
 * base plan), when another thread made it already; otherwise it is made here.
 */
export async function xlsxBatch(base: WorkbookPlan, made?: XlsxBasePackage): Promise<XlsxBatch> {
  // The base's charts go into the package once (drawing, relationships, content types); a file then
  // only swaps the chart parts whose cached values differ.
  const basePackage = made ?? (await xlsxBasePackage(base));
  const zip = await JSZip.loadAsync(basePackage.bytes);
  const placed = basePackage.charts;
  const chartRels = new Set(placed.map((c) => c.sheetRelsPath));
  const chartPaths = new Map(placed.map((c) => [c.sheet, c.chartPaths]));
  const baseChartXml = new Map<string, string>();
  for (const sheet of base.sheets)
    sheet.charts.forEach((chart, k) => {
      const path = chartPaths.get(sheet.name)?.[k];
      if (path !== undefined) baseChartXml.set(path, chartPartXml(sheet.name, chart, base));
    });
  const baseStyles = styleTables(await text(zip, 'xl/styles.xml'));
  const xfIndex = indexOf(baseStyles.xfs);
  const dxfIndex = indexOf(baseStyles.dxfs);
  const workbookXml = await text(zip, 'xl/workbook.xml');
  const baseStrings = indexOf(sharedStrings(await optionalText(zip, 'xl/sharedStrings.xml')));
  const counts = { transplanted: 0, full: 0 };
  // Per base sheet, made once and used for every file: its XML and where each of its cells starts.
  const sheetXml = new Map<number, BaseSheet>();
  const baseSheet = async (i: number): Promise<BaseSheet> => {
    let sheet = sheetXml.get(i);
    if (sheet === undefined) sheetXml.set(i, (sheet = baseSheetOf(await text(zip, SHEET_PART(i)))));
    return sheet;
  };
  // One render at a time: each one swaps parts of the shared package and puts them back.
  let queue: Promise<unknown> = Promise.resolve();

  async function transplant(plan: WorkbookPlan): Promise<Uint8Array | undefined> {
    if (plan.sheets.length !== base.sheets.length) return undefined;
    const changed: number[] = [];
    for (let i = 0; i < plan.sheets.length; i++) {
      const a = base.sheets[i] as SheetPlan;
      const b = plan.sheets[i] as SheetPlan;
      if (a.name !== b.name) return undefined;
      // The same object (a national sheet the batch built once: src/plan `planReuse`) is the same sheet.
      if (a === b) continue;
      // Charts are added to the final package from the plan, so they may differ.
      if (!deepEqual({ ...a, charts: [] }, { ...b, charts: [] })) changed.push(i);
    }
    // A sheet that differs only in its page header (the starter Begroting names each gemeente, #18)
    // keeps its table and relationships: `patchValues` patches just the header.
    const frame = (sh: SheetPlan) => ({
      ...sh,
      print: { ...sh.print, header: undefined, footer: undefined },
    });
    const frameOnly = (i: number) =>
      deepEqual(frame(base.sheets[i] as SheetPlan), frame(plan.sheets[i] as SheetPlan));
    if (changed.some((i) => (plan.sheets[i] as SheetPlan).tables.length > 0 && !frameOnly(i)))
      return undefined;
    // A changed sheet may have relationships only for the charts the base put in (they stay as they are).
    if (
      changed.some((i) => zip.file(SHEET_RELS(i)) !== null && !chartRels.has(SHEET_RELS(i)) && !frameOnly(i))
    )
      return undefined;
    // The charts: as many per sheet as the base's, anchored alike; a chart part is swapped where its
    // cached values or texts differ.
    const charts = new Map<string, string>();
    for (let i = 0; i < plan.sheets.length; i++) {
      const a = (base.sheets[i] as SheetPlan).charts;
      const b = (plan.sheets[i] as SheetPlan).charts;
      if (a.length !== b.length) return undefined;
      const name = (plan.sheets[i] as SheetPlan).name;
      for (let k = 0; k < b.length; k++) {
        const chart = b[k];
        const path = chartPaths.get(name)?.[k];
        if (chart === undefined || path === undefined || !sameAnchor(a[k] ?? chart, chart)) return undefined;
        const xml = chartPartXml(name, chart, plan);
        if (xml !== baseChartXml.get(path)) charts.set(path, xml);
      }
    }
    let workbook = patchNames(workbookXml, base, plan);
    if (workbook === undefined) return undefined;

    const replaced = new Map<string, string>();
    // Same layout, other values (Overzicht for another gemeente): rewrite just those cells.
    const rewrite: number[] = [];
    for (const i of changed) {
      const patched = patchValues(
        await baseSheet(i),
        base.sheets[i] as SheetPlan,
        plan.sheets[i] as SheetPlan,
        baseStrings,
      );
      if (patched === undefined) rewrite.push(i);
      else replaced.set(SHEET_PART(i), patched);
    }
    // A sheet written anew would lose the base's drawing: not with charts.
    if (rewrite.some((i) => zip.file(SHEET_RELS(i)) !== null)) return undefined;
    // Another layout ("Wat is er veranderd" with more or fewer rows): write the sheet anew.
    if (rewrite.length > 0) {
      const small = await JSZip.loadAsync(
        await writePackage(
          plan,
          rewrite.map((i) => plan.sheets[i] as SheetPlan),
          false,
          true,
        ),
      );
      const styles = styleTables(await text(small, 'xl/styles.xml'));
      const xfMap = styles.xfs.map((x) => xfIndex.get(x));
      const dxfMap = styles.dxfs.map((x) => dxfIndex.get(x));
      if (xfMap.includes(undefined) || dxfMap.includes(undefined)) return undefined;
      // A rewritten sheet's print area and title rows live in workbook.xml (sheet-local names).
      const printed = patchPrintNames(workbook, await text(small, 'xl/workbook.xml'), rewrite);
      if (printed === undefined) return undefined;
      workbook = printed;
      const strings = sharedStrings(await optionalText(small, 'xl/sharedStrings.xml'));
      for (let j = 0; j < rewrite.length; j++) {
        if (small.file(SHEET_RELS(j)) !== null) return undefined;
        const xml = await text(small, SHEET_PART(j));
        const moved = moveSheet(xml, strings, baseStrings, xfMap as number[], dxfMap as number[]);
        if (moved === undefined) return undefined;
        replaced.set(SHEET_PART(rewrite[j] as number), moved);
      }
    }
    if (workbook !== workbookXml) replaced.set('xl/workbook.xml', workbook);
    for (const [p, xml] of charts) replaced.set(p, xml);
    // The plan's parts go into the shared package for one generate, then the base's
    // parts come back (JSZip keeps unchanged parts compressed, so they are copied, not deflated).
    const saved = { ...zip.files };
    try {
      for (const [p, xml] of replaced) zip.file(p, xml);
      // Only the replaced parts are deflated (the others keep their bytes): the fastest level, since
      // these are a few small parts per file and the batch writes hundreds of files.
      return await zip.generateAsync({
        type: 'uint8array',
        compression: 'DEFLATE',
        compressionOptions: { level: 1 },
      });
    } finally {
      zip.files = saved;
    }
  }

  return {
    counts,
    basePackage,
    render(plan) {
      const job = queue.then(async () => {
        const bytes = await transplant(plan);
        if (bytes !== undefined) {
          counts.transplanted++;
          return bytes;
        }
        counts.full++;
        return renderXlsx(plan);
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
}

async function optionalText(zip: JSZip, part: string): Promise<string | undefined> {
  return zip.file(part)?.async('string');
}

async function text(zip: JSZip, part: string): Promise<string> {
  const t = await optionalText(zip, part);
  if (t === undefined) throw new Error(`The package has no part ${part}`);
  return t;
}

function indexOf(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  items.forEach((item, i) => {
    if (!m.has(item)) m.set(item, i);
  });
  return m;
}

/** The children `<tag …>…</tag>` or `<tag …/>` of the first `<list>` element. */
function children(xml: string, list: string, tag: string): string[] {
  const open = xml.indexOf(`<${list}`);
  if (open < 0) return [];
  const selfClosing = xml.indexOf('/>', open);
  const start = xml.indexOf('>', open);
  if (selfClosing >= 0 && selfClosing < start) return [];
  const end = xml.indexOf(`</${list}>`, start);
  const body = xml.slice(start + 1, end);
  return body.match(new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g')) ?? [];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** cellXfs and dxfs of a styles part, each as a text that does not depend on the part's numbering. */
function styleTables(xml: string): StyleTables {
  const numFmts = new Map(
    children(xml, 'numFmts', 'numFmt').map((n) => [attr(n, 'numFmtId') ?? '', attr(n, 'formatCode') ?? '']),
  );
  const fonts = children(xml, 'fonts', 'font');
  const fills = children(xml, 'fills', 'fill');
  const borders = children(xml, 'borders', 'border');
  const xfs = children(xml, 'cellXfs', 'xf').map((xf) => {
    const numFmtId = attr(xf, 'numFmtId') ?? '0';
    return xf
      .replace(/\snumFmtId="[^"]*"/, ` numFmt="${numFmts.get(numFmtId) ?? `builtin:${numFmtId}`}"`)
      .replace(/\sfontId="(\d+)"/, (_m, i: string) => ` font="${fonts[Number(i)] ?? ''}"`)
      .replace(/\sfillId="(\d+)"/, (_m, i: string) => ` fill="${fills[Number(i)] ?? ''}"`)
      .replace(/\sborderId="(\d+)"/, (_m, i: string) => ` border="${borders[Number(i)] ?? ''}"`);
  });
  return { xfs, dxfs: children(xml, 'dxfs', 'dxf') };
}

/** The inner XML of each `<si>` of a shared-strings part (text or rich text). */
function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return children(xml, 'sst', 'si').map((si) =>
    si.endsWith('/>') ? '' : si.slice(si.indexOf('>') + 1, si.lastIndexOf('</si>')),
  );
}

/**
 * A sheet part from the small package, fit for the base package: shared strings point into the base's
 * table, or become inline strings when the base lacks them, and style numbers become the base's. Undefined when something refers to a part it cannot bring along.
 */
function moveSheet(
  xml: string,
  strings: readonly string[],
  baseStrings: ReadonlyMap<string, number>,
  xfMap: readonly number[],
  dxfMap: readonly number[],
): string | undefined {
  if (/\sr:id="/.test(xml)) return undefined;
  let ok = true;
  const style = (n: string) => {
    const to = xfMap[Number(n)];
    if (to === undefined) ok = false;
    return String(to ?? 0);
  };
  const out = xml
    .replace(/<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, n: string) => {
      const s = strings[Number(n)];
      if (s === undefined) ok = false;
      const shared = baseStrings.get(s ?? '');
      return shared === undefined
        ? `<c${a} t="inlineStr"${b}><is>${s ?? ''}</is></c>`
        : `<c${a} t="s"${b}><v>${shared}</v></c>`;
    })
    .replace(
      /<(c|row)\b([^>]*?)\ss="(\d+)"/g,
      (_m, tag: string, a: string, n: string) => `<${tag}${a} s="${style(n)}"`,
    )
    .replace(/<col\b([^>]*?)\sstyle="(\d+)"/g, (_m, a: string, n: string) => `<col${a} style="${style(n)}"`)
    .replace(/\sdxfId="(\d+)"/g, (_m, n: string) => {
      const to = dxfMap[Number(n)];
      if (to === undefined) ok = false;
      return ` dxfId="${to ?? 0}"`;
    });
  return ok ? out : undefined;
}

/** A block without its values or results: what must match for a sheet to be patched cell by cell. */
function blockShape(b: SheetPlan['blocks'][number]): unknown {
  return b.kind === 'values'
    ? { kind: b.kind, at: b.at, widths: b.values.map((r) => r.length) }
    : { ...b, expected: b.expected.map((r) => r.length) };
}

/** A sheet part of the base package and where each of its cells (`<c r="A1"`) starts in it. */
interface BaseSheet {
  readonly xml: string;
  readonly cells: ReadonlyMap<string, number>;
}

function baseSheetOf(xml: string): BaseSheet {
  const cells = new Map<string, number>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"/g)) cells.set(m[1] as string, m.index);
  return { xml, cells };
}

const HEADER_FOOTER = /<headerFooter>[\s\S]*?<\/headerFooter>/;

/**
 * The base's sheet part with the plan's values and cached results where they differ, when the two
 * sheets have the same layout (blocks, formulas, formats, validations) and every changed cell is in
 * the part already. Undefined otherwise. Cells are written as ExcelJS writes them: numbers as is,
 * booleans as t="b", formula texts as t="str", constant texts as shared strings when the base has
 * them and inline strings otherwise.
 */
function patchValues(
  base: BaseSheet,
  a: SheetPlan,
  b: SheetPlan,
  strings: ReadonlyMap<string, number>,
): string | undefined {
  const { xml, cells: at } = base;
  // The page header and footer may differ (the gemeente's name): patched below, as ExcelJS writes them.
  const shape = (sh: SheetPlan) => ({
    ...sh,
    charts: [],
    blocks: sh.blocks.map(blockShape),
    print: { ...sh.print, header: undefined, footer: undefined },
  });
  if (!deepEqual(shape(a), shape(b))) return undefined;
  const reframe = !deepEqual(a.print, b.print);
  if (reframe && !HEADER_FOOTER.test(xml)) return undefined;
  const changes: { row: number; col: number; value: CellValue; formula: boolean }[] = [];
  b.blocks.forEach((block, k) => {
    const old = a.blocks[k];
    if (block.kind === 'values' && old?.kind === 'values') {
      const tl = parseCell(block.at);
      block.values.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== old.values[r]?.[c])
            changes.push({ row: tl.row + r, col: tl.col + c, value: v, formula: false });
        }),
      );
    } else if (block.kind === 'formula' && old?.kind === 'formula') {
      const tl = parseRange(block.range);
      block.expected.forEach((line, r) =>
        line.forEach((v, c) => {
          if (v !== old.expected[r]?.[c])
            changes.push({ row: tl.top + r, col: tl.left + c, value: v, formula: true });
        }),
      );
    }
  });
  const edits: { start: number; end: number; xml: string }[] = [];
  for (const ch of changes) {
    const ref = cellAddress(ch.row, ch.col);
    const start = at.get(ref);
    if (start === undefined) return undefined;
    const openEnd = xml.indexOf('>', start);
    const selfClosing = xml[openEnd - 1] === '/';
    const end = selfClosing ? openEnd + 1 : xml.indexOf('</c>', openEnd) + '</c>'.length;
    const open = xml.slice(start, selfClosing ? openEnd - 1 : openEnd);
    const body = selfClosing ? '' : xml.slice(openEnd + 1, end - '</c>'.length);
    const f = /^<f\b[^>]*\/>|^<f\b[^>]*>[^<]*<\/f>/.exec(body)?.[0];
    if (ch.formula !== (f !== undefined)) return undefined;
    const attrs = open.replace(/\st="[^"]*"/, '');
    edits.push({ start, end, xml: cellXml(attrs, f ?? '', ch.value, strings) });
  }
  edits.sort((x, y) => x.start - y.start);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.start) + e.xml;
    pos = e.end;
  }
  out += xml.slice(pos);
  // After the cells (their places are the base's): the frame comes after sheetData, and no cell
  // text can hold it (texts are escaped).
  return reframe
    ? out.replace(
        HEADER_FOOTER,
        `<headerFooter><oddHeader>${escapeXml(headerFooter(b.print.header))}</oddHeader><oddFooter>${escapeXml(headerFooter(b.print.footer))}</oddFooter></headerFooter>`,
      )
    : out;
}

/** `<c r=… s=…` (no t) plus the formula element, if any, and the value. */
function cellXml(open: string, formula: string, v: CellValue, strings: ReadonlyMap<string, number>): string {
  if (v === null) return formula === '' ? `${open}/>` : `${open}>${formula}</c>`;
  if (typeof v === 'number') return `${open}>${formula}<v>${String(v)}</v></c>`;
  if (typeof v === 'boolean') return `${open} t="b">${formula}<v>${v ? 1 : 0}</v></c>`;
  if (formula !== '') return `${open} t="str">${formula}<v>${escapeXml(v)}</v></c>`;
  const shared = strings.get(`<t>${escapeXml(v)}</t>`);
  return shared === undefined
    ? `${open} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`
    : `${open} t="s"><v>${shared}</v></c>`;
}

/** A1 address of a 1-based row and column. */
function cellAddress(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/**
 * The base's workbook part with the print names (`_xlnm.Print_Area`, `_xlnm.Print_Titles`, local to
 * a sheet, as ExcelJS writes them) of the sheets written anew: `rewritten[j]` is the base's sheet
 * index of the small package's sheet j. Undefined when one package has such a name and the other
 * has not (the caller then renders the file in full).
 */
function patchPrintNames(
  workbookXml: string,
  smallXml: string,
  rewritten: readonly number[],
): string | undefined {
  let xml = workbookXml;
  for (const kind of ['_xlnm.Print_Area', '_xlnm.Print_Titles']) {
    const element = (id: number) =>
      new RegExp(
        `(<definedName name="${kind.replace('.', '\\.')}" localSheetId="${id}">)[^<]*(</definedName>)`,
      );
    for (let j = 0; j < rewritten.length; j++) {
      const i = rewritten[j] as number;
      const own = element(j).exec(smallXml);
      const there = element(i).test(xml);
      if (own === null && !there) continue;
      if (own === null || !there) return undefined;
      const ranges = own[0].slice((own[1] as string).length, own[0].length - (own[2] as string).length);
      xml = xml.replace(element(i), (_m, open: string, close: string) => `${open}${ranges}${close}`);
    }
  }
  return xml;
}

/**
 * The base's workbook part with the plan's defined names. The same names must exist in both (their
 * ranges may differ: a sheet's used range); otherwise undefined.
 */
function patchNames(workbookXml: string, base: WorkbookPlan, plan: WorkbookPlan): string | undefined {
  if (base.names.length !== plan.names.length) return undefined;
  let xml = workbookXml;
  for (let i = 0; i < plan.names.length; i++) {
    const a = base.names[i];
    const b = plan.names[i];
    if (a === undefined || b === undefined || a.name !== b.name) return undefined;
    if (a.ref === b.ref) continue;
    const name = a.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const element = new RegExp(`(<definedName name="${name}"[^>]*>)[^<]*(</definedName>)`);
    if (!element.test(xml)) return undefined;
    xml = xml.replace(element, (_m, open: string, close: string) => `${open}${escapeXml(b.ref)}${close}`);
  }
  return xml;
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Structural equality of plain data (the plan is serialisable: no functions, maps or cycles). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
