import JSZip from 'jszip';
import type { SheetPlan, WorkbookPlan } from '../plan';
import { addCharts } from './charts';
import { renderXlsx, writePackage } from './render-xlsx';

/**
 * Many workbooks that differ in a few sheets (one per gemeente: Overzicht and "Wat is er veranderd"
 * depend on the chosen gemeente, the national sheets do not). The package of a base plan is written
 * once; for each plan, only the sheets that differ from the base are written (a small ExcelJS package
 * of just those sheets) and their XML replaces the base's in a copy of the package. Unchanged parts
 * keep their compressed bytes, so a file costs a small fraction of a full render. The result equals
 * renderXlsx(plan) cell by cell (texts the base package lacks are inline strings on the transplanted
 * sheets; the shared-strings count attribute then counts the base's references). Whatever this cannot transplant (other sheets or names, tables or relationships on a
 * changed sheet, a style the base package lacks) falls back to the full renderXlsx.
 */
export interface XlsxBatch {
  render(plan: WorkbookPlan): Promise<Uint8Array>;
  /** How many plans were transplanted, and how many needed the full render. */
  readonly counts: { readonly transplanted: number; readonly full: number };
}

interface StyleTables {
  /** Canonical text of each cellXfs entry (its font, fill, border and number format spelled out). */
  readonly xfs: readonly string[];
  readonly dxfs: readonly string[];
}

const SHEET_PART = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;
const SHEET_RELS = (index: number) => `xl/worksheets/_rels/sheet${index + 1}.xml.rels`;

export async function xlsxBatch(base: WorkbookPlan): Promise<XlsxBatch> {
  const zip = await JSZip.loadAsync(await writePackage(base, base.sheets, true));
  const baseStyles = styleTables(await text(zip, 'xl/styles.xml'));
  const xfIndex = indexOf(baseStyles.xfs);
  const dxfIndex = indexOf(baseStyles.dxfs);
  const workbookXml = await text(zip, 'xl/workbook.xml');
  const baseStrings = indexOf(sharedStrings(await optionalText(zip, 'xl/sharedStrings.xml')));
  const counts = { transplanted: 0, full: 0 };
  // One render at a time: each one swaps parts of the shared package and puts them back.
  let queue: Promise<unknown> = Promise.resolve();

  async function transplant(plan: WorkbookPlan): Promise<Uint8Array | undefined> {
    if (plan.sheets.length !== base.sheets.length) return undefined;
    const changed: number[] = [];
    for (let i = 0; i < plan.sheets.length; i++) {
      const a = base.sheets[i] as SheetPlan;
      const b = plan.sheets[i] as SheetPlan;
      if (a.name !== b.name) return undefined;
      // Charts are added to the final package from the plan, so they may differ.
      if (!deepEqual({ ...a, charts: [] }, { ...b, charts: [] })) changed.push(i);
    }
    if (changed.some((i) => (plan.sheets[i] as SheetPlan).tables.length > 0)) return undefined;
    if (changed.some((i) => zip.file(SHEET_RELS(i)) !== null)) return undefined;
    const workbook = patchNames(workbookXml, base, plan);
    if (workbook === undefined) return undefined;

    const replaced = new Map<string, string>();
    if (changed.length > 0) {
      const small = await JSZip.loadAsync(
        await writePackage(
          plan,
          changed.map((i) => plan.sheets[i] as SheetPlan),
          false,
          true,
        ),
      );
      const styles = styleTables(await text(small, 'xl/styles.xml'));
      const xfMap = styles.xfs.map((x) => xfIndex.get(x));
      const dxfMap = styles.dxfs.map((x) => dxfIndex.get(x));
      if (xfMap.includes(undefined) || dxfMap.includes(undefined)) return undefined;
      const strings = sharedStrings(await optionalText(small, 'xl/sharedStrings.xml'));
      for (let j = 0; j < changed.length; j++) {
        if (small.file(SHEET_RELS(j)) !== null) return undefined;
        const xml = await text(small, SHEET_PART(j));
        const moved = moveSheet(xml, strings, baseStrings, xfMap as number[], dxfMap as number[]);
        if (moved === undefined) return undefined;
        replaced.set(SHEET_PART(changed[j] as number), moved);
      }
    }
    if (workbook !== workbookXml) replaced.set('xl/workbook.xml', workbook);
    const saved = new Map([...replaced.keys()].map((p) => [p, zip.files[p]]));
    try {
      for (const [p, xml] of replaced) zip.file(p, xml);
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      return await addCharts(bytes, plan);
    } finally {
      for (const [p, obj] of saved) if (obj) zip.files[p] = obj;
    }
  }

  return {
    counts,
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
