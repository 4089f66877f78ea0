/**
 * The printed workbook as a controller hands it in: LibreOffice exports the whole .xlsx as PDF and
 * the pages are checked (count, the year header on every Overzicht page, no "###"). Needs soffice
 * and pdftotext/pdfinfo (poppler-utils).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultEditionId, editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan } from '../../src/plan';
import { renderXlsx } from '../../src/xlsx';
import { exportPdf, SOFFICE_TIMEOUT_MS } from './soffice';

/** The text of each page (pdftotext, layout kept). */
function pageTexts(pdf: Uint8Array): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-pdf-'));
  try {
    const file = path.join(dir, 'werkmap.pdf');
    fs.writeFileSync(file, pdf);
    if (process.env.SPUK_PDF_OUT) fs.copyFileSync(file, process.env.SPUK_PDF_OUT);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pages = text.split('\f');
    if (pages[pages.length - 1]?.trim() === '') pages.pop();
    return pages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the printed workbook (LibreOffice PDF export)', () => {
  it.each([
    ['GM0034', 'vws-2026-04'],
    [undefined, 'vws-2026-04'],
  ] as const)(
    'gemeente %s, edition %s',
    async (gemeente, edition) => {
      const id = edition ?? defaultEditionId();
      const plan = buildWorkbookPlan(editionInput(id), {
        key: 'spuk-2025',
        gemeente: gemeente as CbsCode | undefined,
      });
      const pages = pageTexts(await exportPdf(await renderXlsx(plan)));
      // The page header starts with the sheet's name (&A, bold 15 pt), so each page says which sheet it
      // prints. Its line is among the first three (a chart crossing the page top may print a line above
      // it); the longest name that fits wins (Begrotingstoets, not Begroting).
      const byLength = [...plan.sheets].sort((a, b) => b.name.length - a.name.length);
      const sheetOf = (page: string): string => {
        const head = page
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .slice(0, 3);
        return byLength.find((s) => head.some((l) => l.startsWith(s.name)))?.name ?? '?';
      };
      const perSheet = new Map<string, number>();
      for (const p of pages) perSheet.set(sheetOf(p), (perSheet.get(sheetOf(p)) ?? 0) + 1);
      console.log(`PDF ${gemeente ?? 'NL'} ${id}: ${pages.length} pages`, Object.fromEntries(perSheet));
      expect(pages.length).toBeLessThanOrEqual(gemeente === undefined ? 60 : 40);
      expect(perSheet.get('?')).toBeUndefined();
      // The Overzicht on a few landscape pages (readable, not fitted onto one: #18), the year header
      // repeated on each; nothing shows "###".
      const overzicht = pages.filter((p) => sheetOf(p) === 'Overzicht');
      expect(overzicht.length).toBeGreaterThanOrEqual(1);
      expect(overzicht.length).toBeLessThanOrEqual(5);
      for (const p of overzicht) expect(p).toMatch(/2023\s+2024\s+2025\s+2026\s+2027\s+2028\s+2029/);
      expect(pages.filter((p) => p.includes('###'))).toEqual([]);
      // Helper machinery hidden in the plan (height 0) does not print (#18): the Overzicht's 0/1 grid.
      expect(pages.filter((p) => p.includes('Bronnen van het eigen geld (1 = komt voor'))).toEqual([]);
      // Pages won where they were wasted (#18): Bronnen on 4 pages (its 5th held 11 rows), Landelijk on
      // 4 (its notes flow over the printed columns), the technical sheets one page each.
      expect(
        ['Landelijk', 'Verdeelsleutel', 'Allocatie', 'Afronding', 'Bronnen'].map((x) => [x, perSheet.get(x)]),
      ).toEqual([
        ['Landelijk', 4],
        ['Verdeelsleutel', 1],
        ['Allocatie', 1],
        ['Afronding', 1],
        ['Bronnen', 4],
      ]);
      // The summary for the aanvraag and the raad (one page, two at 7 pt type in Calibri's metrics: #18),
      // then the block "Mutaties voor de eigen begroting" on a page of its own after it, so the summary's
      // pages hold no mutation lines.
      const samenvatting = pages.filter((p) => sheetOf(p) === 'Samenvatting');
      expect(samenvatting.length).toBeGreaterThanOrEqual(2);
      expect(samenvatting.length).toBeLessThanOrEqual(3);
      expect(samenvatting.map((p) => p.includes('Mutaties voor de eigen begroting'))).toEqual(
        samenvatting.map((_, i) => i === samenvatting.length - 1),
      );
      // Every page carries "pagina x van y" in its footer.
      pages.forEach((p, i) => expect(p).toContain(`pagina ${i + 1} van ${pages.length}`));
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
