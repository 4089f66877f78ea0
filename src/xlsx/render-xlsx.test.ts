import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultEditionId, defaultReferenceData, editionInput } from '../data';
import type { CbsCode } from '../domain';
import { buildWorkbookPlan, INPUT_NAMES, parseRange, SHEETS } from '../plan';
import type { FormulaBlock, SheetPlan, WorkbookPlan } from '../plan';
import { renderXlsx } from '.';
import { writePackage } from './render-xlsx';

const data = defaultReferenceData();
const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
  key: 'spuk-2025',
  gemeente: 'GM0034' as CbsCode,
});
let bytes: Uint8Array;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await renderXlsx(plan);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
});

describe('.xlsx round trip', () => {
  it('keeps every sheet in plan order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
  });

  it('keeps every formula and its engine result', () => {
    let checked = 0;
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      for (const b of sheet.blocks.filter((x): x is FormulaBlock => x.kind === 'formula')) {
        const r = parseRange(b.range);
        // First and last cell of each block: the formula text is the shifted one, the result the engine's.
        for (const [dr, dc] of [
          [0, 0],
          [r.bottom - r.top, r.right - r.left],
        ] as const) {
          const cell = ws.getCell(r.top + dr, r.left + dc);
          const v = cell.value as ExcelJS.CellFormulaValue;
          expect(typeof v.formula).toBe('string');
          // ExcelJS's reader returns a cached 0 as undefined (the XML holds <v>0</v>: asserted below).
          const expected = b.expected[dr]?.[dc];
          // ExcelJS reads back neither a cached 0 nor a cached empty text: the file holds `<v>0</v>` or
          // `t="str"` with `<v></v>` (an empty text result, e.g. a source label in a year without money).
          const got = (expected === 0 || expected === '') && v.result === undefined ? expected : v.result;
          expect([sheet.name, r.top + dr, r.left + dc, got]).toEqual([
            sheet.name,
            r.top + dr,
            r.left + dc,
            expected,
          ]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    // Almere's Valpreventie 2023 (a key split): the formula shifted to its row, with its cached euros.
    const almereRow =
      11 +
      plan.sheets
        .find((x) => x.name === SHEETS.verdeelsleutel)!
        .blocks.flatMap((b) => (b.kind === 'values' && b.at === 'A11' ? b.values.map((v) => v[0]) : []))
        .indexOf('GM0034');
    const ws = wb.getWorksheet(SHEETS.allocatie)!;
    const header = ws.getRow(3).values as unknown[];
    const years = ws.getRow(6).values as unknown[];
    const col = header.findIndex((v, i) => v === 7 && years[i] === 2023);
    const L = ws.getColumn(col).letter;
    const cell = ws.getCell(`${L}${almereRow}`).value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toBe(
      `(${L}$7*Verdeelsleutel!$H${almereRow}-Afronding!${L}${almereRow})/Verdeelsleutel!$H$353+Afronding!${L}${almereRow + 345}`,
    );
  });

  it('keeps input values, names, validations, tables and number formats', () => {
    const vs = wb.getWorksheet(SHEETS.verdeelsleutel)!;
    const almereRow = 11 + data.gemeenten.findIndex((g) => g.code === 'GM0034');
    expect(vs.getCell(`F${almereRow}`).value).toBe(3_478_172);
    expect(vs.getCell(`H${almereRow}`).numFmt).toBe('#,##0');
    expect(wb.getWorksheet(SHEETS.allocatie)!.getCell(`E${almereRow}`).numFmt).toContain('€');
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names.find((n) => n.name === INPUT_NAMES.weights)?.ranges).toEqual([
      'Verdeelsleutel!$H$11:$H$352',
    ]);
    expect(names.filter((n) => n.name.startsWith('SPUK_Blad_'))).toHaveLength(plan.sheets.length);
    const iza = wb.getWorksheet(SHEETS.iza)! as unknown as {
      dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
    };
    expect(Object.values(iza.dataValidations.model).some((v) => v?.type === 'list')).toBe(true);
    expect(wb.getWorksheet(SHEETS.bronnen)!.getTables().length).toBeGreaterThanOrEqual(5);
  });

  it('asks Excel to recalculate on open and carries the chart', async () => {
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toContain('fullCalcOnLoad="1"');
    const controle = await zip
      .file(`xl/worksheets/sheet${plan.sheets.findIndex((s) => s.name === SHEETS.controle) + 1}.xml`)!
      .async('string');
    expect(controle).toMatch(/<c r="C4"[^>]*><f>SUM\(C6:C\d+\)<\/f><v>0<\/v><\/c>/);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('Overzicht!$E$');
    expect(chart).toContain('Structureel (BBV)');
  });
});

describe('.xlsx sheet protection', () => {
  it('protects every sheet the plan protects, without a password; input cells stay unlocked', async () => {
    const protectedSheets = plan.sheets.filter((s) => s.protect).map((s) => s.name);
    expect(protectedSheets.length).toBeGreaterThan(2);
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name) as unknown as {
        sheetProtection?: Record<string, unknown> | null;
      };
      expect([sheet.name, ws.sheetProtection?.sheet === true]).toEqual([sheet.name, sheet.protect]);
      if (sheet.protect) {
        expect([sheet.name, ws.sheetProtection]).toMatchObject([
          sheet.name,
          { formatColumns: true, formatRows: true, autoFilter: true },
        ]);
        // Read back, a sort that is not allowed has no attribute (ExcelJS: undefined), an allowed one is true.
        expect([sheet.name, ws.sheetProtection?.sort === true]).toEqual([sheet.name, false]);
      }
    }
    // No password hash anywhere in the package's sheets.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
        .map((f) => zip.file(f)?.async('string') ?? ''),
    );
    expect(xml.filter((x) => x.includes('<sheetProtection')).length).toBe(protectedSheets.length);
    expect(xml.some((x) => /hashValue|password=/.test(x))).toBe(false);
    // Sorting is not allowed (issue #17 item 4: a sort of the unlocked weights alone would move them
    // between gemeenten); in the XML sort="0" would allow it, no attribute keeps Excel's default (locked).
    expect(xml.filter((x) => /<sheetProtection[^>]*\bsort="0"/.test(x))).toEqual([]);
    expect(xml.filter((x) => /<sheetProtection[^>]*\bautoFilter="0"/.test(x)).length).toBe(
      protectedSheets.length,
    );
    // The first weight (an input) is unlocked on its protected sheet; a formula cell is not.
    const ref = plan.names.find((n) => n.name === INPUT_NAMES.weights)?.ref ?? '';
    const [sheetName = '', address = ''] = ref.replace(/\$/g, '').split('!');
    expect(protectedSheets).toContain(sheetName);
    const first = parseRange(address.split(':')[0] ?? '');
    const weights = wb.getWorksheet(sheetName)!;
    expect(weights.getCell(first.top, first.left).protection?.locked).toBe(false);
    const formula = plan.sheets
      .find((s) => s.name === sheetName)!
      .blocks.find((b): b is FormulaBlock => b.kind === 'formula')!;
    const f = parseRange(formula.range);
    expect(weights.getCell(f.top, f.left).protection?.locked).not.toBe(false);
  });
});

describe('.xlsx styles as Excel writes them', () => {
  it('names the face and size of every font (LibreOffice otherwise falls back to a serif font)', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '';
    const each = fonts.match(/<font>[\s\S]*?<\/font>|<font\/>/g) ?? [];
    expect(each.length).toBeGreaterThan(1);
    for (const font of each) {
      expect(font).toMatch(/<name val="Calibri"\/>/);
      expect(font).toMatch(/<sz val="\d+(\.\d+)?"\/>/);
    }
  });

  it('numbers conditional-format priorities uniquely per sheet, keeping the order within a block', async () => {
    // Two blocks with the same plan priorities (1, 2, 3) on one sheet, as two label ranges give.
    const twice: WorkbookPlan = {
      ...plan,
      sheets: plan.sheets.map((sh) =>
        sh.name === SHEETS.overzicht
          ? {
              ...sh,
              conditionalFormats: [
                ...sh.conditionalFormats,
                ...sh.conditionalFormats.map((cf) => ({
                  ...cf,
                  range: 'M200:M202',
                  formula: cf.formula.replace(/\$?[A-Z]+\$?\d+/, 'M200'),
                })),
              ],
            }
          : sh,
      ),
    };
    const zip = await JSZip.loadAsync(await renderXlsx(twice));
    let sheetsWithRules = 0;
    for (const [i, sheet] of twice.sheets.entries()) {
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string');
      const priorities = [...xml.matchAll(/<cfRule[^>]*priority="(\d+)"/g)].map((m) => Number(m[1]));
      expect(priorities).toHaveLength(sheet.conditionalFormats.length);
      expect(new Set(priorities).size).toBe(priorities.length);
      if (priorities.length > 0) sheetsWithRules++;
      // Rules of one range keep the plan's relative order (lower wins).
      const byRange = new Map<string, { plan: number; file: number }[]>();
      sheet.conditionalFormats.forEach((cf, j) => {
        const list = byRange.get(cf.range) ?? [];
        list.push({ plan: cf.priority, file: priorities[j] ?? 0 });
        byRange.set(cf.range, list);
      });
      for (const list of byRange.values()) {
        const sortedByPlan = [...list].sort((a, b) => a.plan - b.plan).map((x) => x.file);
        expect(sortedByPlan).toEqual([...sortedByPlan].sort((a, b) => a - b));
      }
    }
    expect(sheetsWithRules).toBeGreaterThan(0);
    const overzicht = twice.sheets.find((s) => s.name === SHEETS.overzicht)!;
    const planPriorities = overzicht.conditionalFormats.map((c) => c.priority);
    expect(new Set(planPriorities).size).toBeLessThan(planPriorities.length);
  });
});

describe('.xlsx print layout (#18)', () => {
  it('writes the plan row heights, landscape pages on the width and the narrow margins', () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name);
      for (const h of sheet.rowHeights ?? [])
        if (h.height === 0)
          expect([sheet.name, h.row, ws?.getRow(h.row).hidden]).toEqual([sheet.name, h.row, true]);
        else expect([sheet.name, h.row, ws?.getRow(h.row).height]).toEqual([sheet.name, h.row, h.height]);
    }
    // The Overzicht's wrapped onderdeel names (longer than column B) get two lines: 30 pt.
    const overzicht = plan.sheets.find((s) => s.name === SHEETS.overzicht);
    expect(overzicht?.rowHeights?.length).toBeGreaterThan(5);
    expect(overzicht?.rowHeights?.some((h) => h.height === 30)).toBe(true);
    // As many pages tall as it takes (0), or as the plan counts from the rows (Landelijk: 4 pages).
    for (const [name, tall] of [
      [SHEETS.overzicht, 0],
      [SHEETS.landelijk, 4],
      [SHEETS.iza, 0],
    ] as const) {
      const setup = wb.getWorksheet(name)?.pageSetup;
      expect([name, setup?.orientation, setup?.fitToWidth, setup?.fitToHeight]).toEqual([
        name,
        'landscape',
        1,
        tall,
      ]);
      expect(setup?.margins?.left).toBe(0.3);
    }
  });

  it('writes no fitToWidth/fitToHeight on a sheet that does not fit to the page (ExcelJS defaults them to 1)', async () => {
    // Every sheet of the plan fits to the width today; a sheet printed at 100 % is made from one.
    const bronnen = plan.sheets.find((s) => s.name === SHEETS.bronnen) as SheetPlan;
    const free: SheetPlan = { ...bronnen, print: { ...bronnen.print, fitToWidth: false } };
    const setupOf = async (sheets: readonly SheetPlan[]) => {
      const zip = await JSZip.loadAsync(await writePackage(plan, sheets, false));
      return /<pageSetup [^>]*>/.exec(
        (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '',
      )?.[0];
    };
    expect(await setupOf([free])).not.toMatch(/fitTo(Width|Height)=/);
    expect(await setupOf([bronnen])).toMatch(/fitToWidth="1"/);
  });

  it('writes the plan page breaks as row breaks above the row (OOXML brk id = the last row before it)', async () => {
    const overzicht = plan.sheets.find((s) => s.name === SHEETS.overzicht);
    const index = plan.sheets.findIndex((s) => s.name === SHEETS.overzicht) + 1;
    const xml = await (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${index}.xml`)?.async('string');
    const ids = [...(xml ?? '').matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    expect(overzicht?.pageBreaks?.length).toBe(1);
    expect(ids).toEqual((overzicht?.pageBreaks ?? []).map((r) => r - 1));
  });
});
