import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultEditionId, editionInput, editionManifests, scenarioEditions } from '../data';
import type { CbsCode } from '../domain';
import { builtInKey, resolveNational, resolveScenario } from '../domain';
import { buildWorkbookPlan, planReuse, planWorkbook } from '../plan';
import type { WorkbookPlan } from '../plan';
import { deepEqual } from './batch-xlsx';
import { renderXlsx, xlsxBatch } from '.';

const editie = defaultEditionId();
const vorigeId = editionManifests().find((m) => m.id === editie)?.vorige;
const vorige = vorigeId ? editionInput(vorigeId) : undefined;
const planFor = (gemeente: string): WorkbookPlan =>
  buildWorkbookPlan(editionInput(editie), { key: 'spuk-2025', gemeente: gemeente as CbsCode, vorige });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell of every sheet: address, value (formula and cached result) and style. */
function cells(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify([cell.value, cell.style]));
      }),
    ),
  );
  return out;
}

describe('xlsxBatch: one package, the gemeente sheets swapped', () => {
  it('writes what renderXlsx writes, cell by cell, for another gemeente than the base', async () => {
    const base = planFor('GM0995');
    // Vlieland: a small gemeente and no mandaatgemeente, so Overzicht and the changes differ most.
    const plan = planFor('GM0096');
    const batch = await xlsxBatch(base);
    const [viaBatch, full] = await Promise.all([batch.render(plan), renderXlsx(plan)]);
    expect(batch.counts).toEqual({ transplanted: 1, full: 0 });
    await expectSameWorkbook(viaBatch, full);
    expect((await load(viaBatch)).getWorksheet('Overzicht')?.getCell('C4').value).toBe('GM0096');
  });

  it('takes the national sheets the plans share (planReuse) as equal, and still writes what renderXlsx writes', async () => {
    const editions = scenarioEditions(editie);
    const key = builtInKey('spuk-2025', editions.edition.base);
    const national = resolveNational({ ...editions, key });
    const reuse = planReuse(national);
    const shared = (code: string) =>
      planWorkbook(resolveScenario({ ...editions, key, gemeente: code as CbsCode }, national), reuse);
    const base = shared('GM0995');
    const plan = shared('GM0096');
    expect(plan.sheets.find((sh) => sh.name === 'Allocatie')).toBe(
      base.sheets.find((sh) => sh.name === 'Allocatie'),
    );
    const batch = await xlsxBatch(base);
    const [viaBatch, full] = await Promise.all([batch.render(plan), renderXlsx(plan)]);
    expect(batch.counts).toEqual({ transplanted: 1, full: 0 });
    await expectSameWorkbook(viaBatch, full);
  });

  async function expectSameWorkbook(viaBatch: Uint8Array, full: Uint8Array): Promise<void> {
    expect(viaBatch.byteLength).toBeLessThan(full.byteLength * 1.2);
    const [a, b] = await Promise.all([load(viaBatch), load(full)]);
    expect(a.worksheets.map((w) => w.name)).toEqual(b.worksheets.map((w) => w.name));
    const ca = cells(a);
    const cb = cells(b);
    expect(
      [...cb.keys()]
        .filter((k) => !ca.has(k))
        .slice(0, 8)
        .map((k) => [k, cb.get(k)]),
    ).toEqual([]);
    expect(ca.size).toBe(cb.size);
    const differ = [...cb].filter(([k, v]) => ca.get(k) !== v).slice(0, 5);
    expect(differ).toEqual([]);
    const names = (wb: ExcelJS.Workbook) => JSON.stringify(wb.definedNames.model);
    expect(names(a)).toBe(names(b));
    const views = (wb: ExcelJS.Workbook) => JSON.stringify(wb.worksheets.map((w) => [w.views, w.pageSetup]));
    expect(views(a)).toBe(views(b));
    // The charts (put into the base package once, their parts swapped per file): the same parts, and
    // the same chart XML (the cached values of this plan's gemeente), drawings and relationships.
    const [za, zb] = await Promise.all([JSZip.loadAsync(viaBatch), JSZip.loadAsync(full)]);
    expect(Object.keys(za.files).sort()).toEqual(Object.keys(zb.files).sort());
    const chartParts = Object.keys(zb.files).filter(
      (p) => /^xl\/(charts|drawings|worksheets\/_rels)\//.test(p) || p === '[Content_Types].xml',
    );
    expect(chartParts.some((p) => p.startsWith('xl/charts/chart'))).toBe(true);
    for (const p of chartParts)
      expect([p, await za.file(p)?.async('string')]).toEqual([p, await zb.file(p)?.async('string')]);
  }

  it('falls back to the full render when the sheets do not match the base', async () => {
    const base = planFor('GM0034');
    const batch = await xlsxBatch(base);
    const other = { ...base, sheets: base.sheets.slice(1) };
    const bytes = await batch.render(other);
    expect(batch.counts).toEqual({ transplanted: 0, full: 1 });
    expect((await load(bytes)).worksheets.map((w) => w.name)).toEqual(other.sheets.map((s) => s.name));
  });

  it('compares plain data structurally', () => {
    expect(deepEqual({ a: [1, 'x', null] }, { a: [1, 'x', null] })).toBe(true);
    expect(deepEqual({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
  });
});
