/**
 * Charts for the .xlsx renderer. ExcelJS cannot write charts, so this module post-processes the
 * package ExcelJS wrote: it adds DrawingML drawing and chart parts, their relationships, the
 * `<drawing>` element of each charted sheet (at its schema position) and the content types.
 *
 * Nothing here computes figures: chart caches are copied from the plan's value blocks and from the
 * `expected` results of its formula blocks.
 */
import JSZip from 'jszip';
import { parseCell, parseRange } from '../plan/a1';
import type { CellValue, ChartSeriesSpec, ChartSpec, SheetPlan, WorkbookPlan } from '../plan/types';

const NS = {
  spreadsheet: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
} as const;

const REL_TYPE = {
  officeDocument: `${NS.officeRel}/officeDocument`,
  worksheet: `${NS.officeRel}/worksheet`,
  drawing: `${NS.officeRel}/drawing`,
  chart: `${NS.officeRel}/chart`,
} as const;

export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The children of CT_Worksheet in schema order (ECMA-376 Part 1, transitional, §18.3.1.99).
 * `<drawing>` must come after everything before it here and before everything after it.
 */
const WORKSHEET_CHILD_ORDER: readonly string[] = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/**
 * Adds the plan's charts to an ExcelJS-written package and returns the new package. Sheets are
 * matched by name through the workbook part, so the result does not depend on ExcelJS's part
 * numbering. A sheet that already has a drawing (e.g. an image) gets its charts added to it.
 * Throws when a charted sheet is missing from the package or a chart spec is malformed.
 */
export async function addCharts(xlsx: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  if (!plan.sheets.some((sheet) => sheet.charts.length > 0)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  await addChartsToZip(zip, plan);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Where `addChartsToZip` put the charts of one sheet: its part and each chart's part, in the plan's order. */
export interface ChartedSheet {
  readonly sheet: string;
  readonly sheetPath: string;
  readonly sheetRelsPath: string;
  readonly chartPaths: readonly string[];
}

/**
 * addCharts on a package already open in memory: changes and adds its parts in place. Returns where
 * each charted sheet's charts went (a batch that keeps the package swaps just the chart parts).
 */
export async function addChartsToZip(zip: JSZip, plan: WorkbookPlan): Promise<ChartedSheet[]> {
  const charted = plan.sheets.filter((sheet) => sheet.charts.length > 0);
  const placed: ChartedSheet[] = [];
  if (charted.length === 0) return placed;
  for (const sheet of charted) for (const chart of sheet.charts) validateChart(sheet.name, chart);

  const sheetParts = await worksheetPartsByName(zip);
  let contentTypes = await readPart(zip, '[Content_Types].xml');
  let nextDrawing = nextFreePartNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  let nextChart = nextFreePartNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);

  for (const sheet of charted) {
    const sheetPath = sheetParts.get(sheet.name) ?? findCaseInsensitive(sheetParts, sheet.name);
    if (sheetPath === undefined) {
      throw new Error(`Chart renderer: sheet "${sheet.name}" is not in the workbook package`);
    }
    const sheetRelsPath = relsPathOf(sheetPath);
    let sheetXml = await readPart(zip, sheetPath);
    let sheetRels = (await readOptionalPart(zip, sheetRelsPath)) ?? emptyRelationships();

    // Reuse the sheet's drawing if ExcelJS wrote one (a sheet may only have one).
    const existing = findDrawingElement(sheetXml);
    const existingRel =
      existing === undefined ? undefined : parseRelationships(sheetRels).find((r) => r.id === existing);
    let drawingPath: string;
    let drawingXml: string;
    if (existingRel !== undefined) {
      drawingPath = resolveTarget(sheetPath, existingRel.target);
      drawingXml = await readPart(zip, drawingPath);
    } else {
      if (existing !== undefined) {
        throw new Error(`Chart renderer: sheet "${sheet.name}" has a <drawing> without relationship`);
      }
      drawingPath = `xl/drawings/drawing${nextDrawing++}.xml`;
      drawingXml = emptyDrawing();
      const added = addRelationship(sheetRels, REL_TYPE.drawing, relativeTarget(sheetPath, drawingPath));
      sheetRels = added.xml;
      sheetXml = insertDrawingElement(sheetXml, added.id);
      contentTypes = addOverride(contentTypes, drawingPath, CONTENT_TYPE.drawing);
    }
    const drawingRelsPath = relsPathOf(drawingPath);
    let drawingRels = (await readOptionalPart(zip, drawingRelsPath)) ?? emptyRelationships();
    let shapeId = maxShapeId(drawingXml);

    const namespaces = anchorNamespaces(drawingXml);
    const anchors: string[] = [];
    const chartPaths: string[] = [];
    for (const chart of sheet.charts) {
      const chartPath = `xl/charts/chart${nextChart++}.xml`;
      chartPaths.push(chartPath);
      zip.file(chartPath, chartXml(chart, plan));
      contentTypes = addOverride(contentTypes, chartPath, CONTENT_TYPE.chart);
      const added = addRelationship(drawingRels, REL_TYPE.chart, relativeTarget(drawingPath, chartPath));
      drawingRels = added.xml;
      anchors.push(chartAnchor(chart, ++shapeId, added.id, namespaces));
    }

    zip.file(drawingPath, appendAnchors(drawingXml, anchors));
    zip.file(drawingRelsPath, drawingRels);
    zip.file(sheetRelsPath, sheetRels);
    zip.file(sheetPath, sheetXml);
    placed.push({ sheet: sheet.name, sheetPath, sheetRelsPath, chartPaths });
  }

  zip.file('[Content_Types].xml', contentTypes);
  return placed;
}

/**
 * The chart part of one chart as `addChartsToZip` writes it for `plan` (its cached values from the
 * plan). Validates the chart first (throws like `addCharts`).
 */
export function chartPartXml(sheetName: string, chart: ChartSpec, plan: WorkbookPlan): string {
  validateChart(sheetName, chart);
  return chartXml(chart, plan);
}

/** What of a chart its drawing anchor shows (its cells and name): equal anchors, same drawing part. */
export function sameAnchor(a: ChartSpec, b: ChartSpec): boolean {
  return a.from === b.from && a.to === b.to && a.name === b.name;
}

// ---------------------------------------------------------------------------------------------
// Plan checks

const COLOR = /^#[0-9A-Fa-f]{6}$/;

function validateChart(sheetName: string, chart: ChartSpec): void {
  const where = `chart "${chart.name}" on sheet "${sheetName}"`;
  if (chart.series.length === 0) throw new Error(`Chart renderer: ${where} has no series`);
  for (const series of chart.series) {
    if (!COLOR.test(series.color)) {
      throw new Error(`Chart renderer: ${where}, series "${series.name}": colour must be #RRGGBB`);
    }
    if (series.values.trim() === '') throw new Error(`Chart renderer: ${where}: empty values reference`);
  }
  if (chart.categories.trim() === '') throw new Error(`Chart renderer: ${where}: empty categories reference`);
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  if (to.row < from.row || to.col < from.col) {
    throw new Error(`Chart renderer: ${where}: "to" (${chart.to}) lies before "from" (${chart.from})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Package navigation

async function readOptionalPart(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file === null ? undefined : file.async('string');
}

async function readPart(zip: JSZip, path: string): Promise<string> {
  const text = await readOptionalPart(zip, path);
  if (text === undefined) throw new Error(`Chart renderer: package part ${path} is missing`);
  return text;
}

/** Worksheet part path (e.g. "xl/worksheets/sheet2.xml") of every sheet, by sheet name. */
async function worksheetPartsByName(zip: JSZip): Promise<Map<string, string>> {
  const rootRels = parseRelationships(await readPart(zip, '_rels/.rels'));
  const office = rootRels.find((r) => r.type === REL_TYPE.officeDocument);
  const workbookPath = office === undefined ? 'xl/workbook.xml' : resolveTarget('', office.target);
  const workbookXml = await readPart(zip, workbookPath);
  const workbookRels = parseRelationships(await readPart(zip, relsPathOf(workbookPath)));

  const result = new Map<string, string>();
  for (const tag of startTags(workbookXml, 'sheet')) {
    const name = attribute(tag, 'name');
    const id = attributeByLocalName(tag, 'id', NS.officeRel, workbookXml);
    const rel = workbookRels.find((r) => r.id === id);
    if (name !== undefined && rel !== undefined && rel.type === REL_TYPE.worksheet) {
      result.set(name, resolveTarget(workbookPath, rel.target));
    }
  }
  return result;
}

function findCaseInsensitive(map: Map<string, string>, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function nextFreePartNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((path) => {
    const m = pattern.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels". */
function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target (relative to the source part, or absolute) to a zip path. */
function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  const out = [...base];
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** The relative target from one part to another, e.g. "../drawings/drawing1.xml". */
function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split('/').slice(0, -1);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

// ---------------------------------------------------------------------------------------------
// Minimal XML handling (the parts are machine-written; no DOM is needed)

/** Escapes element text. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a double-quoted attribute value. */
function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function unescapeAttr(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_match, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(
          entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}

/** Start tags (including self-closing ones) of elements with the given qualified name. */
function startTags(xml: string, qualifiedName: string): string[] {
  const pattern = new RegExp(
    `<${qualifiedName.replace(':', '\\:')}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*>`,
    'g',
  );
  return xml.match(pattern) ?? [];
}

function attribute(tag: string, name: string): string | undefined {
  const pattern = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = pattern.exec(tag);
  if (!m) return undefined;
  return unescapeAttr(m[1] ?? m[2] ?? '');
}

/** Namespace prefixes declared anywhere in the document, by namespace URI. */
function prefixesOf(xml: string, namespace: string): string[] {
  const result: string[] = [];
  for (const m of xml.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((m[2] ?? m[3]) === namespace && m[1] !== undefined) result.push(m[1]);
  }
  return result;
}

/** An attribute in a given namespace, whatever prefix the document uses for it. */
function attributeByLocalName(
  tag: string,
  local: string,
  namespace: string,
  doc: string,
): string | undefined {
  for (const prefix of prefixesOf(doc, namespace)) {
    const value = attribute(tag, `${prefix}:${local}`);
    if (value !== undefined) return value;
  }
  return undefined;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function parseRelationships(xml: string): Relationship[] {
  return startTags(xml, 'Relationship').map((tag) => ({
    id: attribute(tag, 'Id') ?? '',
    type: attribute(tag, 'Type') ?? '',
    target: attribute(tag, 'Target') ?? '',
  }));
}

function emptyRelationships(): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRel}"></Relationships>`;
}

/** Appends a relationship with a fresh id ("rIdN", N one above the highest in use). */
function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const ids = new Set(parseRelationships(xml).map((r) => r.id));
  let n = 1;
  for (const id of ids) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  return { xml: insertBeforeRootClose(xml, 'Relationships', element), id };
}

function addOverride(contentTypes: string, partPath: string, contentType: string): string {
  const partName = `/${partPath}`;
  const present = startTags(contentTypes, 'Override').some((tag) => attribute(tag, 'PartName') === partName);
  if (present) return contentTypes;
  const element = `<Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>`;
  return insertBeforeRootClose(contentTypes, 'Types', element);
}

/** Inserts text before the closing tag of the root element (expanding a self-closed root). */
function insertBeforeRootClose(xml: string, rootName: string, text: string): string {
  const close = xml.lastIndexOf(`</${rootName}>`);
  if (close >= 0) return xml.slice(0, close) + text + xml.slice(close);
  const selfClosed = new RegExp(`<${rootName}((?:[^>"']|"[^"]*"|'[^']*')*?)\\s*/>`);
  if (selfClosed.test(xml)) return xml.replace(selfClosed, `<${rootName}$1>${text}</${rootName}>`);
  throw new Error(`Chart renderer: no <${rootName}> root element`);
}

interface XmlElementSpan {
  /** Qualified name as written. */
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** The start tag (or the whole element when self-closing). */
  readonly startTag: string;
}

interface RootStructure {
  readonly root: XmlElementSpan;
  /** Offset of the root's closing tag. */
  readonly closeStart: number;
  readonly children: readonly XmlElementSpan[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/** The root element and its direct children, found by a depth-tracking scan of the tags. */
function rootStructure(xml: string): RootStructure {
  let depth = 0;
  let root: XmlElementSpan | undefined;
  let closeStart = -1;
  let open: { name: string; start: number; startTag: string } | undefined;
  const children: XmlElementSpan[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const name = m[2];
    if (name === undefined) continue; // comment, processing instruction, CDATA, doctype
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (closing) {
      depth--;
      if (depth === 1 && open !== undefined) {
        children.push({ name: open.name, start: open.start, end, startTag: open.startTag });
        open = undefined;
      } else if (depth === 0) {
        closeStart = start;
        break;
      }
    } else if (depth === 0) {
      root = { name, start, end, startTag: m[0] };
      if (selfClosing) break;
      depth = 1;
    } else if (depth === 1 && selfClosing) {
      children.push({ name, start, end, startTag: m[0] });
    } else if (!selfClosing) {
      if (depth === 1) open = { name, start, startTag: m[0] };
      depth++;
    }
  }
  if (root === undefined || closeStart < 0) throw new Error('Chart renderer: malformed sheet XML');
  return { root, closeStart, children };
}

function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon < 0 ? '' : qualifiedName.slice(0, colon);
}

function localOf(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1);
}

/** The relationship id of the sheet's `<drawing>` element, if it has one. */
function findDrawingElement(sheetXml: string): string | undefined {
  const { root, children } = rootStructure(sheetXml);
  const prefix = prefixOf(root.name);
  const drawing = children.find((c) => prefixOf(c.name) === prefix && localOf(c.name) === 'drawing');
  if (drawing === undefined) return undefined;
  return attributeByLocalName(drawing.startTag, 'id', NS.officeRel, sheetXml) ?? '';
}

/**
 * Inserts `<drawing r:id="…"/>` into worksheet XML where CT_Worksheet wants it: before the first
 * direct child that the schema orders after `drawing` (legacyDrawing, picture, tableParts, extLst,
 * …), else before `</worksheet>`. Nested elements (an extLst inside a cfRule) are not considered.
 */
export function insertDrawingElement(sheetXml: string, relationshipId: string): string {
  const { root, closeStart, children } = rootStructure(sheetXml);
  const prefix = prefixOf(root.name);
  const qualified = prefix === '' ? 'drawing' : `${prefix}:drawing`;
  const drawingRank = WORKSHEET_CHILD_ORDER.indexOf('drawing');
  const successor = children.find(
    (c) => prefixOf(c.name) === prefix && WORKSHEET_CHILD_ORDER.indexOf(localOf(c.name)) > drawingRank,
  );
  const relPrefix = prefixesOf(root.startTag, NS.officeRel)[0];
  const element =
    relPrefix === undefined
      ? `<${qualified} xmlns:r="${NS.officeRel}" r:id="${escapeAttr(relationshipId)}"/>`
      : `<${qualified} ${relPrefix}:id="${escapeAttr(relationshipId)}"/>`;
  const at = successor === undefined ? closeStart : successor.start;
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Drawing part

function emptyDrawing(): string {
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`;
}

function maxShapeId(drawingXml: string): number {
  let max = 1;
  for (const m of drawingXml.matchAll(/:cNvPr\s(?:[^>"']|"[^"]*"|'[^']*')*?\bid\s*=\s*["'](\d+)["']/g)) {
    max = Math.max(max, Number(m[1]));
  }
  return max;
}

function appendAnchors(drawingXml: string, anchors: readonly string[]): string {
  const { root } = rootStructure(drawingXml);
  return insertBeforeRootClose(drawingXml, root.name, anchors.join(''));
}

/** Declarations for the `xdr` and `a` prefixes unless the drawing's root already binds them. */
function anchorNamespaces(drawingXml: string): string {
  const { root } = rootStructure(drawingXml);
  const declared = (prefix: string, namespace: string): boolean =>
    prefixesOf(root.startTag, namespace).includes(prefix);
  return (
    (declared('xdr', NS.xdr) ? '' : ` xmlns:xdr="${NS.xdr}"`) +
    (declared('a', NS.a) ? '' : ` xmlns:a="${NS.a}"`)
  );
}

/**
 * A twoCellAnchor covering the cells `from` to `to` inclusive (like Office.js
 * `chart.setPosition(from, to)`): the anchor ends at the bottom-right corner of `to`.
 * `namespaces` declares `xdr`/`a` on the anchor when the drawing's root does not.
 */
function chartAnchor(chart: ChartSpec, shapeId: number, relationshipId: string, namespaces: string): string {
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  const marker = (tag: string, col0: number, row0: number): string =>
    `<xdr:${tag}><xdr:col>${col0}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row0}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor${namespaces}>` +
    marker('from', from.col - 1, from.row - 1) +
    marker('to', to.col, to.row) +
    `<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeAttr(chart.name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.officeRel}" r:id="${escapeAttr(relationshipId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

// ---------------------------------------------------------------------------------------------
// Chart part

const CATEGORY_AXIS_ID = 510001;
const VALUE_AXIS_ID = 510002;

/** The c:chartSpace of one column chart. */
function chartXml(chart: ChartSpec, plan: WorkbookPlan): string {
  const stacked = chart.type === 'columnStacked';
  const series = chart.series.map((s, i) => seriesXml(s, i, chart.categories, plan)).join('');
  const val = (tag: string, value: string | number): string => `<c:${tag} val="${value}"/>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.officeRel}">` +
    val('date1904', 0) +
    val('lang', 'nl-NL') +
    val('roundedCorners', 0) +
    '<c:chart>' +
    titleXml(chart.title) +
    val('autoTitleDeleted', 0) +
    '<c:plotArea><c:layout/>' +
    '<c:barChart>' +
    val('barDir', 'col') +
    val('grouping', stacked ? 'stacked' : 'clustered') +
    val('varyColors', 0) +
    series +
    val('gapWidth', stacked ? 80 : 150) +
    (stacked ? val('overlap', 100) : '') +
    val('axId', CATEGORY_AXIS_ID) +
    val('axId', VALUE_AXIS_ID) +
    '</c:barChart>' +
    '<c:catAx>' +
    val('axId', CATEGORY_AXIS_ID) +
    `<c:scaling>${val('orientation', 'minMax')}</c:scaling>` +
    val('delete', 0) +
    val('axPos', 'b') +
    '<c:numFmt formatCode="General" sourceLinked="1"/>' +
    val('majorTickMark', 'out') +
    val('minorTickMark', 'none') +
    val('tickLblPos', 'low') +
    val('crossAx', VALUE_AXIS_ID) +
    val('crosses', 'autoZero') +
    val('auto', 1) +
    val('lblAlgn', 'ctr') +
    val('lblOffset', 100) +
    val('noMultiLvlLbl', 0) +
    '</c:catAx>' +
    '<c:valAx>' +
    val('axId', VALUE_AXIS_ID) +
    `<c:scaling>${val('orientation', 'minMax')}</c:scaling>` +
    val('delete', 0) +
    val('axPos', 'l') +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill>' +
    '</a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="#,##0" sourceLinked="0"/>' +
    val('majorTickMark', 'out') +
    val('minorTickMark', 'none') +
    val('tickLblPos', 'nextTo') +
    val('crossAx', CATEGORY_AXIS_ID) +
    val('crosses', 'autoZero') +
    val('crossBetween', 'between') +
    '</c:valAx>' +
    '</c:plotArea>' +
    `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}</c:legend>` +
    val('plotVisOnly', 1) +
    val('dispBlanksAs', 'gap') +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

function titleXml(title: string): string {
  return (
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>' +
    '<a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>' +
    `<a:r><a:rPr lang="nl-NL" sz="1400" b="1"/><a:t>${escapeText(title)}</a:t></a:r>` +
    '</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

function seriesXml(series: ChartSeriesSpec, index: number, categories: string, plan: WorkbookPlan): string {
  const categoryValues = lookupReference(plan, categories);
  const values = lookupReference(plan, series.values);
  return (
    '<c:ser>' +
    `<c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeText(series.name)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${series.color.slice(1).toUpperCase()}"/></a:solidFill></c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    `<c:cat><c:strRef><c:f>${escapeText(categories)}</c:f>` +
    (categoryValues === undefined ? '' : strCache(categoryValues)) +
    '</c:strRef></c:cat>' +
    `<c:val><c:numRef><c:f>${escapeText(series.values)}</c:f>` +
    (values === undefined ? '' : numCache(values)) +
    '</c:numRef></c:val>' +
    '</c:ser>'
  );
}

function strCache(values: readonly CellValue[]): string {
  const points = values.map((v, i) => {
    if (v === null) return '';
    const text = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
    return `<c:pt idx="${i}"><c:v>${escapeText(text)}</c:v></c:pt>`;
  });
  return `<c:strCache><c:ptCount val="${values.length}"/>${points.join('')}</c:strCache>`;
}

function numCache(values: readonly CellValue[]): string {
  const points = values.map((v, i) =>
    typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '',
  );
  return (
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
    `${points.join('')}</c:numCache>`
  );
}

// ---------------------------------------------------------------------------------------------
// Cache values from the plan

/** Splits "'Sheet ''x'''!$E$9:$I$9" into sheet name and range; undefined if not one area. */
export function splitReference(reference: string): { sheet: string; range: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!:,\s]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(
    reference.trim(),
  );
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  return { sheet, range: (m[3] ?? '').replace(/\$/g, '') };
}

/**
 * The plan's values for a one-row or one-column reference (value blocks give their constants,
 * formula blocks their expected results), or undefined when any cell is not covered by a block.
 */
function lookupReference(plan: WorkbookPlan, reference: string): CellValue[] | undefined {
  const split = splitReference(reference);
  if (split === undefined) return undefined;
  const sheet = plan.sheets.find((s) => s.name.toLowerCase() === split.sheet.toLowerCase());
  if (sheet === undefined) return undefined;
  const r = parseRange(split.range);
  if (r.top !== r.bottom && r.left !== r.right) return undefined;
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const cell = planCell(sheet, row, col);
      if (cell === undefined) return undefined;
      out.push(cell.value);
    }
  }
  return out;
}

/** A block's grid and where it sits (formula blocks: and where their range ends). */
interface BlockGeometry {
  readonly grid: readonly (readonly CellValue[])[];
  readonly row: number;
  readonly col: number;
  readonly bottom: number;
  readonly right: number;
}

/** Each sheet's blocks parsed once (a plan is immutable data; a batch shares its national sheets). */
const geometries = new WeakMap<SheetPlan, readonly BlockGeometry[]>();

function blockGeometry(sheet: SheetPlan): readonly BlockGeometry[] {
  let known = geometries.get(sheet);
  if (known === undefined) {
    known = sheet.blocks.map((block) => {
      if (block.kind === 'values') {
        const origin = parseCell(block.at);
        return { grid: block.values, row: origin.row, col: origin.col, bottom: Infinity, right: Infinity };
      }
      const origin = parseCell(block.range.split(':')[0] ?? '');
      const area = parseRange(block.range);
      return {
        grid: block.expected,
        row: origin.row,
        col: origin.col,
        bottom: area.bottom,
        right: area.right,
      };
    });
    geometries.set(sheet, known);
  }
  return known;
}

/** The value the plan puts in a cell; the last block covering it wins, as when rendering. */
function planCell(sheet: SheetPlan, row: number, col: number): { value: CellValue } | undefined {
  const blocks = blockGeometry(sheet);
  for (let b = blocks.length - 1; b >= 0; b--) {
    const block = blocks[b];
    if (block === undefined) continue;
    if (row > block.bottom || col > block.right) continue;
    const grid = block.grid;
    const origin = block;
    const line = grid[row - origin.row];
    if (line === undefined || col < origin.col) continue;
    const value = line[col - origin.col];
    if (value !== undefined) return { value };
  }
  return undefined;
}
