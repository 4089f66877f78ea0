import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expandFormula, parseCell, parseRange } from '../plan/a1';
import type { Block, ChartSpec, SheetPlan, StyleName, StyleSpec, WorkbookPlan } from '../plan/types';
import { addCharts, CONTENT_TYPE, insertDrawingElement, splitReference } from './charts';

// ---------------------------------------------------------------------------------------------
// Fixtures

const STYLE_NAMES: readonly StyleName[] = [
  'title',
  'subtitle',
  'note',
  'header',
  'rowHeader',
  'input',
  'inputEuro',
  'inputMln',
  'euro',
  'euroTotal',
  'mln',
  'mlnTotal',
  'share',
  'integer',
  'check',
  'warning',
  'text',
  'wrap',
];

const STYLES = Object.fromEntries(STYLE_NAMES.map((n) => [n, {}])) as Record<StyleName, StyleSpec>;

function sheet(name: string, blocks: Block[], charts: ChartSpec[]): SheetPlan {
  return {
    name,
    role: 'presentatie',
    tabColor: '#1F4E79',
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      fitToHeight: 0,
      header: { left: '&A', center: 'Gemeente', right: 'Editie' },
      footer: { left: '&D', center: '', right: 'pagina &P van &N' },
    },
    protect: false,
    columns: [],
    blocks,
    formats: [],
    conditionalFormats: [],
    validations: [],
    tables: [],
    charts,
    usedRange: 'A1:Z60',
  };
}

const QUOTED = "Bron & 'x' data";
const QUOTED_REF = "'Bron & ''x'' data'";

const STRUCTURAL = [1200000, 1150000, 1100000, 1050000, 1000000];
const INCIDENTAL = [300000, 250000, 200000, 150000, 100000];

const PLAN: WorkbookPlan = {
  meta: { title: 'Test', editionId: 'e', keyId: 'k', gemeente: undefined, generator: 'test' },
  styles: STYLES,
  names: [],
  sheets: [
    sheet('Invoer', [{ kind: 'values', at: 'A1', values: [['Invoer'], [1], [2]] }], []),
    sheet(
      'Overzicht',
      [
        { kind: 'values', at: 'A1', values: [['Overzicht']] },
        { kind: 'values', at: 'E9', values: [[2026, 2027, 2028, 2029, 2030]] },
        { kind: 'values', at: 'D40', values: [['Structureel'], ['Incidenteel']] },
        { kind: 'values', at: 'E40', values: [STRUCTURAL] },
        { kind: 'formula', range: 'E41:I41', formula: 'E40/4', expected: [INCIDENTAL] },
      ],
      [
        {
          name: 'Grafiek structureel en incidenteel',
          type: 'columnStacked',
          title: 'Structureel & incidenteel per jaar',
          categories: 'Overzicht!$E$9:$I$9',
          series: [
            { name: 'Structureel', values: 'Overzicht!$E$40:$I$40', color: '#1F4E79' },
            { name: 'Incidenteel', values: 'Overzicht!$E$41:$I$41', color: '#c55a11' },
          ],
          from: 'K3',
          to: 'S20',
        },
        {
          name: 'Grafiek naast elkaar',
          type: 'columnClustered',
          title: 'Naast elkaar',
          categories: 'Overzicht!$E$9:$I$9',
          series: [{ name: 'Structureel', values: 'Overzicht!$E$40:$I$40', color: '#70AD47' }],
          from: 'K22',
          to: 'S38',
        },
      ],
    ),
    sheet(
      QUOTED,
      [
        {
          kind: 'values',
          at: 'A1',
          values: [
            ['a', 10],
            ['b', 20],
            ['c', 30],
          ],
        },
      ],
      [
        {
          name: 'Bron',
          type: 'columnClustered',
          title: 'Bron',
          categories: `${QUOTED_REF}!$A$1:$A$3`,
          series: [
            { name: 'Getal', values: `${QUOTED_REF}!$B$1:$B$3`, color: '#FFC000' },
            { name: 'Leeg <niet in plan>', values: `${QUOTED_REF}!$C$1:$C$3`, color: '#A5A5A5' },
          ],
          from: 'D2',
          to: 'J15',
        },
      ],
    ),
  ],
};

/** A tiny stand-in for the lead's renderer: the plan's blocks written with ExcelJS. */
function writeBlocks(ws: ExcelJS.Worksheet, blocks: readonly Block[]): void {
  for (const block of blocks) {
    if (block.kind === 'values') {
      const origin = parseCell(block.at);
      block.values.forEach((line, r) =>
        line.forEach((value, c) => {
          ws.getCell(origin.row + r, origin.col + c).value = value;
        }),
      );
    } else {
      const area = parseRange(block.range);
      expandFormula(block.formula, block.range).forEach((line, r) =>
        line.forEach((formula, c) => {
          const result = block.expected[r]?.[c];
          ws.getCell(area.top + r, area.left + c).value =
            typeof result === 'number' ? { formula, result } : { formula, date1904: false };
        }),
      );
    }
  }
}

/** Sheet XML with the elements around `<drawing>`: tableParts, extLst, dataValidations, page setup. */
async function renderFixture(plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of plan.sheets) {
    const ws = wb.addWorksheet(spec.name);
    writeBlocks(ws, spec.blocks);
    if (spec.name === 'Overzicht') {
      ws.addTable({
        name: 'Tabel1',
        ref: 'A50',
        headerRow: true,
        columns: [{ name: 'Code' }, { name: 'Aandeel' }, { name: 'Bedrag' }],
        rows: [
          ['GM0001', 10, 100],
          ['GM0002', 20, 200],
          ['GM0003', 30, 300],
        ],
      });
      ws.getCell('B51').dataValidation = {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [0, 100],
      };
      ws.addConditionalFormatting({
        ref: 'C51:C53',
        rules: [
          {
            type: 'dataBar',
            priority: 1,
            cfvo: [{ type: 'min' }, { type: 'max' }],
          } as ExcelJS.DataBarRuleType,
        ],
      });
      ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
      ws.headerFooter = { oddFooter: 'Pagina &P van &N' };
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** ExcelJS types its input as an ArrayBuffer-like "Buffer". */
function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`missing part ${path}`);
  return file.async('string');
}

// ---------------------------------------------------------------------------------------------
// Independent XML helpers for assertions

/** Throws unless start and end tags balance (a cheap well-formedness check). */
function assertBalanced(xml: string, label: string): void {
  const stack: string[] = [];
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (const m of xml.matchAll(token)) {
    if (m[2] === undefined || m[3] === '/') continue;
    if (m[1] === '/') {
      const top = stack.pop();
      if (top !== m[2]) throw new Error(`${label}: </${m[2]}> closes <${top}>`);
    } else stack.push(m[2]);
  }
  if (stack.length > 0) throw new Error(`${label}: unclosed ${stack.join(',')}`);
  expect(xml.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|apos;|#)/);
}

/** Local names of the direct children of the root element, in document order. */
function rootChildren(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  const token = /<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (const m of xml.matchAll(token)) {
    if (m[2] === undefined) continue;
    if (m[1] === '/') depth--;
    else {
      if (depth === 1) names.push(m[2].replace(/^.*:/, ''));
      if (m[3] !== '/') depth++;
    }
  }
  return names;
}

/** CT_Worksheet child order (ECMA-376 Part 1 §18.3.1.99), kept apart from the implementation's copy. */
const SCHEMA_ORDER = (
  'sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr sheetProtection protectedRanges ' +
  'scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells phoneticPr ' +
  'conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter ' +
  'rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing ' +
  'legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst'
).split(' ');

function expectSchemaOrder(children: readonly string[]): void {
  const ranks = children.map((name) => SCHEMA_ORDER.indexOf(name));
  expect(ranks).not.toContain(-1);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

function rels(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\s[^>]*>/g)].map((m) => ({
    id: /\sId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /\sType="([^"]*)"/.exec(m[0])?.[1] ?? '',
    target: /\sTarget="([^"]*)"/.exec(m[0])?.[1] ?? '',
  }));
}

function overrides(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Override\s+PartName="([^"]+)"\s+ContentType="([^"]+)"\s*\/>/g)) {
    map.set(m[1] ?? '', m[2] ?? '');
  }
  return map;
}

function series(chartXml: string): string[] {
  return [...chartXml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
}

function cachePoints(xml: string, cache: 'numCache' | 'strCache'): string[] | undefined {
  const m = new RegExp(`<c:${cache}>([\\s\\S]*?)</c:${cache}>`).exec(xml);
  if (!m) return undefined;
  return [...(m[1] ?? '').matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((p) => p[1] ?? '');
}

const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

// ---------------------------------------------------------------------------------------------

describe('addCharts', () => {
  let before: JSZip;
  let output: Uint8Array;
  let after: JSZip;

  beforeAll(async () => {
    const input = await renderFixture(PLAN);
    before = await unzip(input);
    output = await addCharts(input, PLAN);
    after = await unzip(output);
  });

  it('keeps a package that ExcelJS loads, with cells, tables and validations intact', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(output));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Invoer', 'Overzicht', QUOTED]);
    const ws = wb.getWorksheet('Overzicht');
    expect(ws?.getCell('E40').value).toBe(1200000);
    expect(ws?.getCell('F41').value).toMatchObject({ formula: 'F40/4', result: 250000 });
    expect(ws?.getCell('B51').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 100] });
    expect(ws?.getTable('Tabel1')).toBeDefined();
  });

  it('the fixture really has the elements that surround <drawing>', async () => {
    const original = rootChildren(await text(before, 'xl/worksheets/sheet2.xml'));
    expect(original).toEqual(
      expect.arrayContaining(['dataValidations', 'pageSetup', 'headerFooter', 'tableParts', 'extLst']),
    );
    expect(original).not.toContain('drawing');
  });

  it('inserts one <drawing> per charted sheet in CT_Worksheet order, before tableParts and extLst', async () => {
    const sheet2 = await text(after, 'xl/worksheets/sheet2.xml');
    assertBalanced(sheet2, 'sheet2');
    const children = rootChildren(sheet2);
    expectSchemaOrder(children);
    expect(children.filter((c) => c === 'drawing')).toHaveLength(1);
    const at = children.indexOf('drawing');
    expect(children.slice(at - 2, at + 3)).toEqual([
      'pageSetup',
      'headerFooter',
      'drawing',
      'tableParts',
      'extLst',
    ]);
    // The nested extLst inside the dataBar cfRule is untouched; the sheet is otherwise unchanged.
    const original = await text(before, 'xl/worksheets/sheet2.xml');
    expect(sheet2.replace(/<drawing r:id="rId\d+"\/>/, '')).toBe(original);

    const sheet3 = rootChildren(await text(after, 'xl/worksheets/sheet3.xml'));
    expectSchemaOrder(sheet3);
    expect(sheet3).toContain('drawing');
  });

  it('leaves sheets without charts alone', async () => {
    expect(await text(after, 'xl/worksheets/sheet1.xml')).toBe(
      await text(before, 'xl/worksheets/sheet1.xml'),
    );
    expect(after.file('xl/worksheets/_rels/sheet1.xml.rels')).toBeNull();
  });

  it('links sheet -> drawing -> charts through merged relationships', async () => {
    const sheet2 = await text(after, 'xl/worksheets/sheet2.xml');
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheet2)?.[1];
    const sheetRels = rels(await text(after, 'xl/worksheets/_rels/sheet2.xml.rels'));
    // The table relationship ExcelJS wrote is kept, and ids stay unique.
    expect(sheetRels.some((r) => r.type === TABLE_REL)).toBe(true);
    expect(new Set(sheetRels.map((r) => r.id)).size).toBe(sheetRels.length);
    const drawingRel = sheetRels.find((r) => r.id === drawingId);
    expect(drawingRel).toEqual({ id: drawingId, type: DRAWING_REL, target: '../drawings/drawing1.xml' });

    const drawing = await text(after, 'xl/drawings/drawing1.xml');
    assertBalanced(drawing, 'drawing1');
    const anchors = [...drawing.matchAll(/<xdr:twoCellAnchor>([\s\S]*?)<\/xdr:twoCellAnchor>/g)].map(
      (m) => m[1] ?? '',
    );
    expect(anchors).toHaveLength(2);
    // K3..S20 inclusive: from col 10 row 2 (0-based) to the far corner of S20 (col 19, row 20).
    expect(anchors[0]).toContain(
      '<xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>',
    );
    expect(anchors[0]).toContain(
      '<xdr:to><xdr:col>19</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>',
    );
    expect(anchors[0]).toContain('name="Grafiek structureel en incidenteel"');
    expect(anchors[1]).toContain('<xdr:row>21</xdr:row>');
    const shapeIds = anchors.map((a) => /cNvPr id="(\d+)"/.exec(a)?.[1]);
    expect(new Set(shapeIds).size).toBe(2);

    const drawingRels = rels(await text(after, 'xl/drawings/_rels/drawing1.xml.rels'));
    const chartIds = anchors.map((a) => /<c:chart [^>]*r:id="([^"]+)"/.exec(a)?.[1]);
    expect(chartIds.map((id) => drawingRels.find((r) => r.id === id))).toEqual([
      { id: chartIds[0], type: CHART_REL, target: '../charts/chart1.xml' },
      { id: chartIds[1], type: CHART_REL, target: '../charts/chart2.xml' },
    ]);

    const sheet3Rels = rels(await text(after, 'xl/worksheets/_rels/sheet3.xml.rels'));
    expect(sheet3Rels).toEqual([{ id: 'rId1', type: DRAWING_REL, target: '../drawings/drawing2.xml' }]);
    expect(rels(await text(after, 'xl/drawings/_rels/drawing2.xml.rels'))[0]?.target).toBe(
      '../charts/chart3.xml',
    );
  });

  it('declares content types for every new part and keeps the old ones', async () => {
    const old = overrides(await text(before, '[Content_Types].xml'));
    const now = overrides(await text(after, '[Content_Types].xml'));
    expect(now.size).toBe(old.size + 5);
    for (const [part, type] of old) expect(now.get(part)).toBe(type);
    expect(now.get('/xl/drawings/drawing1.xml')).toBe(
      'application/vnd.openxmlformats-officedocument.drawing+xml',
    );
    expect(now.get('/xl/drawings/drawing2.xml')).toBe(CONTENT_TYPE.drawing);
    for (const n of [1, 2, 3]) {
      expect(now.get(`/xl/charts/chart${n}.xml`)).toBe(
        'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
      );
    }
  });

  it('writes a stacked column chart with the planned series, colours, caches, title, legend and axis format', async () => {
    const chart = await text(after, 'xl/charts/chart1.xml');
    assertBalanced(chart, 'chart1');
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(chart).toContain('<c:overlap val="100"/>');
    expect(chart).toContain('<a:t>Structureel &amp; incidenteel per jaar</a:t>');
    expect(chart).toMatch(/<c:legend><c:legendPos val="b"\/>/);
    expect(chart).toMatch(
      /<c:valAx>[\s\S]*<c:numFmt formatCode="#,##0" sourceLinked="0"\/>[\s\S]*<\/c:valAx>/,
    );

    const [first, second, ...rest] = series(chart);
    expect(rest).toHaveLength(0);
    expect(first).toContain('<c:tx><c:v>Structureel</c:v></c:tx>');
    expect(first).toContain('<a:srgbClr val="1F4E79"/>');
    expect(first).toContain('<c:cat><c:strRef><c:f>Overzicht!$E$9:$I$9</c:f>');
    expect(first).toContain('<c:val><c:numRef><c:f>Overzicht!$E$40:$I$40</c:f>');
    expect(cachePoints(first ?? '', 'strCache')).toEqual(['2026', '2027', '2028', '2029', '2030']);
    expect(cachePoints(first ?? '', 'numCache')).toEqual(STRUCTURAL.map(String));

    expect(second).toContain('<c:idx val="1"/><c:order val="1"/>');
    expect(second).toContain('<c:tx><c:v>Incidenteel</c:v></c:tx>');
    expect(second).toContain('<a:srgbClr val="C55A11"/>');
    expect(second).toContain('<c:f>Overzicht!$E$41:$I$41</c:f>');
    // A formula block contributes its expected results.
    expect(cachePoints(second ?? '', 'numCache')).toEqual(INCIDENTAL.map(String));
  });

  it('writes a clustered chart without overlap, and omits caches the plan cannot fill', async () => {
    const chart2 = await text(after, 'xl/charts/chart2.xml');
    expect(chart2).toContain('<c:grouping val="clustered"/>');
    expect(chart2).not.toContain('<c:overlap');
    expect(series(chart2)).toHaveLength(1);

    const chart3 = await text(after, 'xl/charts/chart3.xml');
    assertBalanced(chart3, 'chart3');
    const [known, unknown] = series(chart3);
    expect(known).toContain(`<c:f>'Bron &amp; ''x'' data'!$A$1:$A$3</c:f>`);
    expect(cachePoints(known ?? '', 'strCache')).toEqual(['a', 'b', 'c']);
    expect(cachePoints(known ?? '', 'numCache')).toEqual(['10', '20', '30']);
    expect(unknown).toContain('<c:tx><c:v>Leeg &lt;niet in plan&gt;</c:v></c:tx>');
    expect(unknown).toContain(`<c:f>'Bron &amp; ''x'' data'!$C$1:$C$3</c:f></c:numRef>`);
    expect(cachePoints(unknown ?? '', 'numCache')).toBeUndefined();
  });
});

describe('addCharts with an existing drawing', () => {
  it('adds the charts to the drawing ExcelJS wrote for an image', async () => {
    const plan: WorkbookPlan = { ...PLAN, sheets: [PLAN.sheets[1] as SheetPlan] };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Overzicht');
    writeBlocks(ws, plan.sheets[0]?.blocks ?? []);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const imageId = wb.addImage({ buffer: png, extension: 'png' } as unknown as ExcelJS.Image);
    ws.addImage(imageId, 'A1:B2');
    const input = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    const output = await addCharts(input, plan);
    const zip = await unzip(output);
    expect(zip.file('xl/drawings/drawing2.xml')).toBeNull();
    const sheetXml = await text(zip, 'xl/worksheets/sheet1.xml');
    expect(rootChildren(sheetXml).filter((c) => c === 'drawing')).toHaveLength(1);
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    assertBalanced(drawing, 'drawing1');
    expect(drawing).toContain('<xdr:pic>');
    expect((drawing.match(/<xdr:graphicFrame /g) ?? []).length).toBe(2);
    const ids = [...drawing.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const drawingRels = rels(await text(zip, 'xl/drawings/_rels/drawing1.xml.rels'));
    expect(drawingRels.map((r) => r.target)).toEqual(
      expect.arrayContaining(['../media/image1.png', '../charts/chart1.xml', '../charts/chart2.xml']),
    );
    expect(new Set(drawingRels.map((r) => r.id)).size).toBe(drawingRels.length);

    const reloaded = new ExcelJS.Workbook();
    await reloaded.xlsx.load(arrayBuffer(output));
    expect(reloaded.getWorksheet('Overzicht')?.getCell('E40').value).toBe(1200000);
    expect(reloaded.getWorksheet('Overzicht')?.getImages()).toHaveLength(1);
  });
});

describe('addCharts input handling', () => {
  it('returns the package unchanged when the plan has no charts', async () => {
    const plan: WorkbookPlan = { ...PLAN, sheets: [PLAN.sheets[0] as SheetPlan] };
    const input = await renderFixture(plan);
    expect(await addCharts(input, plan)).toBe(input);
  });

  it('rejects a charted sheet that is not in the package', async () => {
    const input = await renderFixture({ ...PLAN, sheets: [PLAN.sheets[0] as SheetPlan] });
    await expect(addCharts(input, PLAN)).rejects.toThrow(/sheet "Overzicht" is not in the workbook package/);
  });

  it('rejects colours that are not #RRGGBB', async () => {
    const overzicht = PLAN.sheets[1] as SheetPlan;
    const chart = overzicht.charts[0] as ChartSpec;
    const bad: WorkbookPlan = {
      ...PLAN,
      sheets: [{ ...overzicht, charts: [{ ...chart, series: [{ ...chart.series[0]!, color: 'blue' }] }] }],
    };
    await expect(addCharts(await renderFixture(bad), bad)).rejects.toThrow(/colour must be #RRGGBB/);
  });
});

describe('insertDrawingElement', () => {
  const head =
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>';

  it('goes before legacyDrawing, picture, tableParts and extLst, whichever comes first', () => {
    const xml =
      head +
      '<conditionalFormatting sqref="A1"><cfRule type="dataBar" priority="1"><extLst><ext/></extLst></cfRule>' +
      '</conditionalFormatting><pageMargins left="0.7"/><headerFooter/><legacyDrawing r:id="rId1"/>' +
      '<tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="x"/></extLst></worksheet>';
    const out = insertDrawingElement(xml, 'rId3');
    expect(rootChildren(out)).toEqual([
      'sheetData',
      'conditionalFormatting',
      'pageMargins',
      'headerFooter',
      'drawing',
      'legacyDrawing',
      'tableParts',
      'extLst',
    ]);
    expect(out).toContain('<headerFooter/><drawing r:id="rId3"/><legacyDrawing');
  });

  it('goes last when nothing follows it, and declares r: when the root does not', () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"/>' +
      '</sheetData><pageMargins left="0.7"/><ignoredErrors/></worksheet>';
    const out = insertDrawingElement(xml, 'rId1');
    expect(out).toMatch(
      /<ignoredErrors\/><drawing xmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships" r:id="rId1"\/><\/worksheet>$/,
    );
  });

  it('uses the prefix of a prefixed worksheet root', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<x:sheetData/><x:tableParts count="0"/></x:worksheet>';
    expect(insertDrawingElement(xml, 'rId9')).toContain(
      '<x:sheetData/><x:drawing rel:id="rId9"/><x:tableParts',
    );
  });
});

describe('splitReference', () => {
  it('splits plain and quoted sheet names and drops $', () => {
    expect(splitReference('Overzicht!$E$9:$I$9')).toEqual({ sheet: 'Overzicht', range: 'E9:I9' });
    expect(splitReference("'Bron & ''x'''!$A$1")).toEqual({ sheet: "Bron & 'x'", range: 'A1' });
  });

  it('refuses multi-area and sheetless references', () => {
    expect(splitReference('Overzicht!$E$9,Overzicht!$F$9')).toBeUndefined();
    expect(splitReference('$E$9:$I$9')).toBeUndefined();
  });
});
