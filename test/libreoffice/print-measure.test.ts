/**
 * The printed werkmap measured as a raad member reads it (issue #18, "Print for people"): LibreOffice
 * exports a gemeente's whole .xlsx as PDF (one export per gemeente) and `pdftotext -bbox` gives every
 * word's box. Measured for Almere (mandaatgemeente), Zwolle with both samples (the largest werkmap)
 * and Schiermonnikoog (the bodembedrag warning on its Samenvatting):
 * - every page: median word height at least 7 pt, titles at least 9 pt (the issue's floor), no "###",
 *   the gemeente (or "Alle gemeenten") in the page header, no word past the printable width (a text
 *   cut at the page edge); the whole PDF at most 40 pages;
 * - the pages the raad reads (decision of session 11): every page of the Samenvatting, every page of
 *   the Begrotingstoets and the Overzicht's first page (the BBV answer and the amounts) at 7 pt type:
 *   median word height at least 9.1 pt, titles 11.7 pt; each Samenvatting page with its years' header.
 *
 * Word height: yMax − yMin of pdftotext's word box, the measure issue #18 names. It is NOT the type
 * size: LibreOffice's PDF gives its fonts no ascent/descent, and pdftotext's box is then about 1.30 ×
 * the font size at the printed scale (Carlito 11 pt at 100 % gives a 14.4 pt box, DejaVu Sans 14.3).
 * So the 7 pt floor is about 5.4 pt type and the raad's 9.1 pt about 7 pt type.
 *
 * The font: the werkmap is set in Calibri, and Excel sizes its columns in Calibri's digit width. Where
 * Calibri and its metric clone Carlito (fonts-crosextra-carlito) are missing, LibreOffice substitutes
 * DejaVu Sans, whose digits are 1.25 × wider (0.636 against 0.507 em): every column is 1.25 × wider in
 * points, and a page fitted to its width prints 1.25 × smaller than in Excel, on fewer pages (measured
 * session 11, Zwolle with both samples before its changes: 36 pages at 5.5–5.8 pt type with DejaVu,
 * 43 pages at 6.9–7.3 pt with Carlito). Those pages are not the ones Excel prints, so the test measures
 * only in Calibri's metrics: LibreOffice must have Carlito (installed, or `SPUK_CARLITO_DIR`: a folder
 * with Carlito-*.ttf, given to LibreOffice through a private fontconfig file). Without it every test
 * here fails first, on the PDF's fonts (pdffonts), with the fix in its message (`CARLITO_MISSING`),
 * not later on a page's text height; it is not skipped.
 *
 * Page counts (session 12, vws-2026-04, Carlito): Zwolle with both samples 39 (was 40: the
 * Samenvatting's summary now fits its page), Almere 32 (33), Schiermonnikoog 34 (35): `PAGES`, exact,
 * so a page gained or lost is a decision, not an accident.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan, SHEETS } from '../../src/plan';
import type { WorkbookPlan } from '../../src/plan';
import { renderXlsx } from '../../src/xlsx';
import { zwolleVoorbeeldenPlan } from '../support/zwolle-voorbeelden';
import { sofficeBinary, SOFFICE_TIMEOUT_MS, writeProfile } from './soffice';
import { PRINT_MARGINS } from '../../src/plan';
import { REGIOVERDELING_SHEET } from '../../src/plan/sheets-regioverdeling';

/** One printed page: its words with their heights, and its text in reading order. */
export interface MeasuredPage {
  /** The page's width (pt). */
  readonly width: number;
  readonly words: readonly {
    readonly text: string;
    readonly height: number;
    readonly yMin: number;
    readonly xMin: number;
    readonly xMax: number;
  }[];
  readonly text: string;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Parses `pdftotext -bbox` output (XHTML: `<page>` with `<word xMin yMin xMax yMax>`). */
export function parseBbox(html: string): MeasuredPage[] {
  const pages: MeasuredPage[] = [];
  for (const page of html.split(/<page /).slice(1)) {
    const words = [
      ...page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({
      text: decode(m[5] ?? ''),
      xMin: Number(m[1]),
      xMax: Number(m[3]),
      yMin: Number(m[2]),
      height: Number(m[4]) - Number(m[2]),
    }));
    const width = Number(/^width="([\d.]+)"/.exec(page)?.[1] ?? 0);
    pages.push({ width, words, text: words.map((w) => w.text).join(' ') });
  }
  return pages;
}

/** Median of the word heights on a page (pt); 0 for an empty page. */
export function medianHeight(page: MeasuredPage): number {
  const h = page.words.map((w) => w.height).sort((a, b) => a - b);
  if (h.length === 0) return 0;
  const mid = Math.floor(h.length / 2);
  return h.length % 2 === 1 ? (h[mid] ?? 0) : ((h[mid - 1] ?? 0) + (h[mid] ?? 0)) / 2;
}

/** What the test says when LibreOffice printed without Calibri's metrics (the fix, as scripts/test-all.sh does it). */
export const CARLITO_MISSING =
  "LibreOffice printed the werkmap without Calibri or Carlito (Calibri's metrics), so the pages are not " +
  'the ones Excel prints and are not measured. Install the font: apt-get install -y fonts-crosextra-carlito ' +
  '(scripts/test-all.sh does), or set SPUK_CARLITO_DIR to a folder with Carlito-*.ttf.';

/**
 * Throws CARLITO_MISSING (with the fonts found) unless `pdffonts`' listing `fonts` has Carlito or
 * Calibri: the werkmap's text is set in Calibri, and only in its metrics are the measured pages Excel's.
 */
export function expectCalibriMetrics(fonts: string, label: string): void {
  if (/\+(Carlito|Calibri)/.test(fonts)) return;
  const found = [...fonts.matchAll(/^\S+\+(\S+)/gm)].map((m) => m[1]);
  throw new Error(`${label}: ${CARLITO_MISSING} Fonts in the PDF: ${found.join(', ') || 'none'}.`);
}

/** The PDF's pages measured; throws CARLITO_MISSING first when its text is not in Calibri's metrics. */
function measure(pdf: Uint8Array, label: string): MeasuredPage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-bbox-'));
  try {
    const file = path.join(dir, 'werkmap.pdf');
    fs.writeFileSync(file, pdf);
    // SPUK_PDF_OUT: a folder gets one PDF per gemeente (<label>.pdf), a file the last one.
    const out = process.env.SPUK_PDF_OUT;
    if (out)
      fs.copyFileSync(
        file,
        fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, `${label}.pdf`) : out,
      );
    expectCalibriMetrics(execFileSync('pdffonts', [file], { encoding: 'utf8' }), label);
    return parseBbox(
      execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor for reading on A4 (issue #18): median word-box height per page in pt (≈ 5.4 pt type, see above). */
const MIN_TEXT_PT = 7;
/** The floor for a page's title (issue #18): the sheet's name in the header, the sheet's title cell. */
const MIN_TITLE_PT = 9;
/**
 * The raad's pages (decision of session 11): 7 pt type, a word box of 9.1 pt (1.30 × 7), titles 11.7 pt
 * (9 pt type), in Calibri's metrics (Carlito).
 */
const RAAD_MIN_TEXT_PT = 9.1;
const RAAD_MIN_TITLE_PT = 11.7;

/** The text of each sheet's title cell (style `title`), by sheet name. */
function titleTexts(plan: WorkbookPlan): Map<string, string> {
  const titles = new Map<string, string>();
  for (const sheet of plan.sheets) {
    const at = sheet.formats.find((f) => f.style === 'title')?.range.split(':')[0];
    const block = sheet.blocks.find((b) => b.kind === 'values' && b.at === at);
    const text = block?.kind === 'values' ? block.values[0]?.[0] : undefined;
    if (typeof text === 'string') titles.set(sheet.name, text);
  }
  return titles;
}

/**
 * Per page the heights (pt) of its titles: the median height of the sheet's name at the start of the
 * page header, and on the sheet's first page also that of the title cell's first three words. Empty
 * when the page header does not start with the sheet's name.
 */
export function pageTitles(
  plan: WorkbookPlan,
  pages: readonly MeasuredPage[],
  sheetOf: (p: MeasuredPage) => string,
): number[][] {
  const titles = titleTexts(plan);
  const seen = new Set<string>();
  const heightOf = (p: MeasuredPage, text: string, from = 0): number | undefined => {
    const want = text.split(' ');
    for (let i = from; i + want.length <= p.words.length; i++) {
      const run = p.words.slice(i, i + want.length);
      if (run.every((w, k) => w.text === want[k])) return medianHeight({ width: p.width, words: run, text });
    }
    return undefined;
  };
  return pages.map((p) => {
    const sheet = sheetOf(p);
    const name = p.words.slice(0, sheet.split(' ').length);
    if (name.map((w) => w.text).join(' ') !== sheet) return [];
    const out = [medianHeight({ width: p.width, words: name, text: sheet })];
    const title = titles.get(sheet);
    if (!seen.has(sheet) && title !== undefined) {
      seen.add(sheet);
      const h = heightOf(p, title.split(' ').slice(0, 3).join(' '), name.length);
      out.push(h ?? 0);
    }
    return out;
  });
}
const MAX_PAGES = 40;
/**
 * The pages each measured werkmap prints (session 12, Carlito): exact, under MAX_PAGES with headroom
 * (Zwolle with both samples, the largest werkmap: 39).
 */
const PAGES = { almere: 32, schiermonnikoog: 34, zwolle: 39 } as const;

/** Labels of helper rows hidden in the plan (height 0): they must not print (#18). */
const HIDDEN_HELPER_LABELS = ['Bronnen van het eigen geld (1 = komt voor'];

describe('the font check: Calibri metrics or a clear failure', () => {
  const dejavu =
    'name                                 type              encoding         emb sub uni object ID\n' +
    '------------------------------------ ----------------- ---------------- --- --- --- ---------\n' +
    'BAAAAA+DejaVuSans-Bold               TrueType          WinAnsi          yes yes yes    133  0\n' +
    'CAAAAA+DejaVuSans                    TrueType          WinAnsi          yes yes yes    123  0\n';
  it('passes a PDF set in Carlito, fails one in DejaVu Sans naming the package to install', () => {
    expect(() => expectCalibriMetrics(dejavu.replace(/DejaVuSans/g, 'Carlito'), 'x')).not.toThrow();
    expect(() => expectCalibriMetrics(dejavu, 'Zwolle')).toThrow(
      /^Zwolle: LibreOffice printed the werkmap without Calibri or Carlito .*apt-get install -y fonts-crosextra-carlito.* Fonts in the PDF: DejaVuSans-Bold, DejaVuSans\.$/,
    );
  });
});

describe('parseBbox and medianHeight', () => {
  it('reads the word boxes and takes the median height', () => {
    const html =
      '<doc><page width="595" height="842"><word xMin="1" yMin="10" xMax="5" yMax="18">Almere</word>' +
      '<word xMin="1" yMin="20" xMax="5" yMax="26">&amp;</word><word xMin="1" yMin="30" xMax="5" yMax="40">x</word></page>' +
      '<page width="595" height="842"></page></doc>';
    const pages = parseBbox(html);
    expect(pages).toHaveLength(2);
    expect(pages[0]?.text).toBe('Almere & x');
    expect(medianHeight(pages[0] as MeasuredPage)).toBe(8);
    expect(medianHeight(pages[1] as MeasuredPage)).toBe(0);
  });
});

/** A printed werkmap measured: its pages, the sheet of each page, the titles' heights per page. */
interface Printed {
  readonly pages: readonly MeasuredPage[];
  readonly sheetOf: (p: MeasuredPage) => string;
  readonly headerOf: (p: MeasuredPage) => string;
  readonly titles: readonly number[][];
}

/**
 * The environment for soffice: with `SPUK_CARLITO_DIR` a private fontconfig file (in `dir`) that adds
 * that folder to the system's fonts, so LibreOffice sets Calibri in Carlito; otherwise the process's.
 */
function fontEnv(dir: string): NodeJS.ProcessEnv {
  const carlito = process.env.SPUK_CARLITO_DIR;
  if (!carlito) return process.env;
  const file = path.join(dir, 'fonts.conf');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${path.resolve(carlito)}</dir><cachedir>${path.join(dir, 'fccache')}</cachedir></fontconfig>\n`,
  );
  return { ...process.env, FONTCONFIG_FILE: file };
}

/**
 * The workbook as PDF from LibreOffice with a fresh profile, Dutch (nl-NL: amounts as "€ 1.318.740")
 * unless `locale` is undefined (en-US), and Carlito when `SPUK_CARLITO_DIR` names it.
 */
function exportPdfWith(xlsx: Uint8Array, locale: 'nl-NL' | undefined): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-print-nl-'));
  try {
    fs.writeFileSync(path.join(dir, 'werkmap.xlsx'), xlsx);
    const profile = writeProfile(path.join(dir, 'profile'), locale);
    const r = spawnSync(
      sofficeBinary(),
      [
        profile,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf:calc_pdf_Export',
        '--outdir',
        dir,
        'werkmap.xlsx',
      ],
      { cwd: dir, encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS, env: fontEnv(dir) },
    );
    const file = path.join(dir, 'werkmap.pdf');
    if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no PDF: ${r.stderr}`);
    return new Uint8Array(fs.readFileSync(file));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Renders `plan` with ExcelJS, exports it with LibreOffice (with `nl`: a Dutch profile) and measures
 * every page (logged as `label`).
 */
async function printed(plan: WorkbookPlan, label: string, nl = false): Promise<Printed> {
  const xlsx = await renderXlsx(plan);
  const pages = measure(exportPdfWith(xlsx, nl ? 'nl-NL' : undefined), label);
  // The page header starts with the sheet's name (&A).
  // The header's words: the top 38 pt of the page (a chart crossing a page break may sit there too).
  const headerOf = (p: MeasuredPage): string =>
    p.words
      .filter((w) => w.yMin < 38)
      .map((w) => w.text)
      .join(' ');
  const byLength = [...plan.sheets].sort((a, b) => b.name.length - a.name.length);
  const sheetOf = (p: MeasuredPage): string =>
    byLength.find((s) => new RegExp(`(^| )${s.name}( |$)`).test(headerOf(p)))?.name ?? '?';
  const titles = pageTitles(plan, pages, sheetOf);
  const report = pages.map(
    (p, i) =>
      `${i + 1} ${sheetOf(p)} ${medianHeight(p).toFixed(2)} pt, title ${titles[i]?.map((t) => t.toFixed(1)).join('/')} pt`,
  );
  console.log(`${label}: ${pages.length} pages, Carlito (Calibri metrics)\n${report.join('\n')}`);
  return { pages, sheetOf, headerOf, titles };
}

/** The sheets that are the same for every gemeente: "Alle gemeenten" in their header (not Controle: #18). */
const NATIONAL_SHEETS: readonly string[] = [
  SHEETS.landelijk,
  SHEETS.verdeelsleutel,
  SHEETS.allocatie,
  SHEETS.afronding,
  SHEETS.iza,
  SHEETS.bronnen,
];

/** The pages the raad reads (their indices): the Samenvatting's, the Begrotingstoets's, the Overzicht's first. */
export function raadPages(pages: readonly MeasuredPage[], sheetOf: (p: MeasuredPage) => string): number[] {
  const firstOverzicht = pages.findIndex((p) => sheetOf(p) === SHEETS.overzicht);
  return pages
    .map((p, i) => i)
    .filter((i) => {
      const sheet = sheetOf(pages[i] as MeasuredPage);
      return sheet === SHEETS.samenvatting || sheet === SHEETS.toets || i === firstOverzicht;
    });
}

/** The header of the years: 2023 to 2030 on one line (the same top, within half a point). */
export function hasYearHeader(page: MeasuredPage): boolean {
  const years = ['2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030'];
  return page.words
    .filter((w) => w.text === '2023')
    .some((first) =>
      years.every((y) => page.words.some((w) => w.text === y && Math.abs(w.yMin - first.yMin) < 0.5)),
    );
}

/** The right margin in pt (PRINT_MARGINS: inches). */
const RIGHT_MARGIN_PT = PRINT_MARGINS.right * 72;

/**
 * The floor on every page of `p`: exactly `count` pages (at most 40), every page's sheet known, median
 * text ≥ 7 pt, titles ≥ 9 pt, no "###", the gemeente (`gemeente`) or "Alle gemeenten" in every page
 * header, no word past the printable width; the raad's pages at 9.1 pt and titles at 11.7 pt, and the
 * Samenvatting on two pages: the summary with its signals, then the mutaties, each with its years.
 */
function expectReadable(p: Printed, gemeente: RegExp, count: number): void {
  const { pages, sheetOf, headerOf, titles } = p;
  expect(count).toBeLessThanOrEqual(MAX_PAGES);
  expect(pages.length).toBe(count);
  expect(pages.filter((x) => sheetOf(x) === '?').map((x) => x.text.slice(0, 60))).toEqual([]);
  // Every page readable: below the floor the page is listed (sheet, page, height).
  expect(
    pages.map((x, i) => [i + 1, sheetOf(x), medianHeight(x)]).filter(([, , h]) => Number(h) < MIN_TEXT_PT),
  ).toEqual([]);
  // Every page's title readable: the sheet's name in the page header on every page, and the
  // sheet's title on its first page, at least 9 pt (the page, its sheet and the heights).
  expect(
    titles
      .map((t, i) => [i + 1, sheetOf(pages[i] as MeasuredPage), t] as const)
      .filter(([, , t]) => t.length === 0 || t.some((h) => h < MIN_TITLE_PT)),
  ).toEqual([]);
  // The raad's pages at 7 pt type (9.1 pt box) and 9 pt titles (11.7 pt box).
  const raad = raadPages(pages, sheetOf);
  // The Samenvatting (#18, session 12): page 1 the summary with its signals and "Let op" (no mutation
  // line; it spilled its last rows onto a nearly empty second page), page 2 the mutaties block.
  const samenvatting = pages.filter((x) => sheetOf(x) === SHEETS.samenvatting);
  expect(
    samenvatting.map((x) => [
      x.text.includes('Signalen van de Begrotingstoets'),
      x.text.includes('Mutaties voor de eigen begroting'),
    ]),
  ).toEqual([
    [true, false],
    [false, true],
  ]);
  expect(
    raad
      .map((i) => [i + 1, sheetOf(pages[i] as MeasuredPage), medianHeight(pages[i] as MeasuredPage)] as const)
      .filter(([, , h]) => h < RAAD_MIN_TEXT_PT),
  ).toEqual([]);
  expect(
    raad
      .map((i) => [i + 1, sheetOf(pages[i] as MeasuredPage), titles[i] ?? []] as const)
      .filter(([, , t]) => t.some((h) => h < RAAD_MIN_TITLE_PT)),
  ).toEqual([]);
  // Each Samenvatting page has its header with the years (the summary's, the mutaties block's own):
  // a summary spilling onto a second page printed its last rows without one.
  expect(
    pages
      .map((x, i) => [i + 1, sheetOf(x), x] as const)
      .filter(([, sheet, x]) => sheet === SHEETS.samenvatting && !hasYearHeader(x))
      .map(([i, sheet]) => [i, sheet]),
  ).toEqual([]);
  expect(pages.filter((x) => x.text.includes('###')).map((x) => sheetOf(x))).toEqual([]);
  // The gemeente's name in the header (the Begroting's and Controle's too: the batch shares those
  // sheets but patches the header per gemeente); the sheets the same for every gemeente say so instead.
  const named = (sheet: string) =>
    NATIONAL_SHEETS.includes(sheet) ? /Alle gemeenten/ : new RegExp(gemeente.source);
  expect(pages.filter((x) => !named(sheetOf(x)).test(headerOf(x))).map((x) => sheetOf(x))).toEqual([]);
  // No word past the page width minus the right margin (a text cut at the page edge); half a point of
  // tolerance for the header's right part, which ends at the margin.
  expect(
    pages.flatMap((x, i) =>
      x.words
        .filter((w) => w.xMax > x.width - RIGHT_MARGIN_PT + 0.5)
        .map((w) => `${i + 1} ${sheetOf(x)}: ${w.text}`),
    ),
  ).toEqual([]);
}

describe('the printed werkmap, measured (LibreOffice PDF, pdftotext -bbox)', () => {
  it(
    'Almere (GM0034), vws-2026-04: readable pages, at most 40, the gemeente on every page',
    async () => {
      // As `werkboek` and the pane build it: compared with the edition before it ("Wat is er veranderd").
      const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
        key: 'spuk-2025',
        gemeente: 'GM0034' as CbsCode,
        vorige: editionInput('vws-2025-09'),
      });
      const p = await printed(plan, 'Almere');
      expectReadable(p, /Almere/, PAGES.almere);
      const { pages, sheetOf } = p;
      // Labels printed whole (#18 remnants: the legend printed "structu", "deels s", "inciden"; column D
      // of the Rijk reading sat under "Eindjaar").
      const overzichtText = pages
        .filter((x) => sheetOf(x) === 'Overzicht')
        .map((x) => x.text)
        .join(' ');
      for (const label of [
        'Legenda',
        'deels structureel',
        'incidenteel',
        'het Rijk zet het onderdeel na de regeling voort op dit niveau',
        'een deel loopt door, de rest stopt',
        'stopt met de regeling',
        'Structureel niveau (Rijk)',
        'Opgroeien in een Kansrijke Omgeving en',
        'Vroegsignalering Alcoholproblematiek',
        // The BFU open post's source whole (#18: cut beside the years' "open post" as "… herziene Finan").
        'wetsvoorstel herziene Financiële-verhoudingswet, aan de Raad van State 09-01-2026',
      ])
        expect([label, overzichtText.includes(label)]).toEqual([label, true]);
      // The Overzicht's last page holds the checks, the legend and the chart together (#18: a page
      // held only the legend's last rows before the chart's page).
      const lastOverzicht = pages.filter((x) => sheetOf(x) === 'Overzicht').at(-1);
      expect(
        ['Aansluiting', 'Legenda', 'Eigen geld per jaar: lezing BBV'].filter(
          (w) => !lastOverzicht?.text.includes(w),
        ),
      ).toEqual([]);
      // The Begrotingstoets prints without the split's weights and rounding steps (#18: they filled
      // pages); the shares ("aandeel in het totaal") are printed.
      const toetsText = pages
        .filter((x) => sheetOf(x) === SHEETS.toets)
        .map((x) => x.text)
        .join(' ');
      expect(toetsText).toContain('aandeel in het totaal');
      expect(
        ['gewicht (editie', 'Gewicht (niet negatief)', 'rest (N·w', 'Drempel (t)'].filter((w) =>
          toetsText.includes(w),
        ),
      ).toEqual([]);
      // The Beschikking's onderdeel names whole and apart from the yellow year columns (#18: "9.
      // Opgroeien … Alcoholproblematiek" ran into 2023): each name's words left of the first year column.
      const beschikking = pages.find((x) => sheetOf(x) === SHEETS.beschikking);
      const year = beschikking?.words.find((w) => w.text === '2023');
      const alcohol = beschikking?.words.find((w) => w.text === 'Alcoholproblematiek');
      expect(beschikking?.text).toContain('9. Opgroeien in een Kansrijke Omgeving en');
      expect(alcohol).toBeDefined();
      expect((alcohol?.xMax ?? Infinity) < (year?.xMin ?? 0)).toBe(true);
      // The Overzicht's first page: the BBV answer and the amounts (the year header) are on it.
      const first = pages.find((x) => sheetOf(x) === 'Overzicht');
      expect(first?.text).toMatch(/BBV/);
      expect(first?.text).toMatch(/2026 2027 2028/);
      // Fit to one page wide: every page has all columns, from "Nr" to "BBV: vastgelegd" (the repeated
      // header row); columns that did not fit would print on pages of their own.
      const overzicht = pages.filter((x) => sheetOf(x) === 'Overzicht');
      for (const page of overzicht)
        expect(['Onderdeel', 'vastgelegd'].filter((w) => !page.words.some((x) => x.text === w))).toEqual([]);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  it(
    'Schiermonnikoog (GM0088), the bodembedrag: readable pages, its warning whole on the Samenvatting',
    async () => {
      const plan = buildWorkbookPlan(editionInput('vws-2026-04'), {
        key: 'spuk-2025',
        gemeente: 'GM0088' as CbsCode,
        vorige: editionInput('vws-2025-09'),
      });
      const p = await printed(plan, 'Schiermonnikoog (nl-NL)', true);
      expectReadable(p, /Schiermonnikoog/, PAGES.schiermonnikoog);
      // The bodembedrag warning (its "Let op" lines wrapped to the printed width) whole, to its last words.
      const words = p.pages
        .filter((x) => p.sheetOf(x) === SHEETS.samenvatting)
        .flatMap((x) => x.words.map((w) => w.text));
      expect(hasLabel(words, 'de gemeente kreeg in 2026 een bodembedrag in de Brede SPUK')).toBe(true);
      expect(hasLabel(words, 'Of de SPUK AZWA een bodembedrag kent, is nog niet bekend (open post).')).toBe(
        true,
      );
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  describe('Zwolle (GM0193) with the sample begroting and realisatie (voorbeelden/), one export (nl-NL)', () => {
    let zwolle: Printed | undefined;
    const z = (): Printed => {
      if (zwolle === undefined) throw new Error('Zwolle was not printed');
      return zwolle;
    };
    beforeAll(async () => {
      // As `werkboek` builds it by default: with "Wat is er veranderd" (the edition before it).
      const plan = zwolleVoorbeeldenPlan({ vorige: editionInput('vws-2025-09') });
      zwolle = await printed(plan, 'Zwolle with a realisatie (nl-NL)', true);
    }, SOFFICE_TIMEOUT_MS + 30_000);

    it('Realisatie, Besteding and Verantwoording readable, the werkmap on 39 pages (at most 40)', () => {
      const p = z();
      expectReadable(p, /Zwolle/, PAGES.zwolle);
      const { pages, sheetOf } = p;
      // The three sheets of the realisatie print (each at least one page, the floor above holds on each).
      const count = (sheet: string) => pages.filter((x) => sheetOf(x) === sheet).length;
      expect(count(SHEETS.realisatie)).toBeGreaterThanOrEqual(1);
      expect(count(SHEETS.verantwoording)).toBeGreaterThanOrEqual(1);
      // The technical Besteding compact: one page (it printed on two, the werkmap on 41).
      expect(count(SHEETS.besteding)).toBe(1);
      // Pages won where they were wasted (#18, session 10: 40 -> 37 pages): Landelijk's notes flow over
      // the printed columns (5 -> 4), Wat is er veranderd (3 -> 2) and Bronnen (5 -> 4) get their page
      // count from their rows; the technical sheets print one compact page each. Session 11 (Calibri
      // metrics): Landelijk and the Verantwoording as many pages as their rows need (a last page with
      // a few rows folded in), the Controle one page. The Overzicht: 4 pages and its chart's.
      expect(
        [
          'Overzicht',
          'Samenvatting',
          'Wat is er veranderd',
          'Landelijk',
          'Verdeelsleutel',
          'Allocatie',
          'Afronding',
          'IZA',
          'Controle',
          'Bronnen',
        ].map((x) => [x, count(x)]),
      ).toEqual([
        ['Overzicht', 5],
        ['Samenvatting', 2],
        ['Wat is er veranderd', 2],
        ['Landelijk', 4],
        ['Verdeelsleutel', 1],
        ['Allocatie', 1],
        ['Afronding', 1],
        ['IZA', 2],
        ['Controle', 1],
        ['Bronnen', 4],
      ]);
      // Helper machinery hidden, its formulas live (#18): its labels are not on paper.
      const all = pages.map((x) => x.text).join(' ');
      expect(HIDDEN_HELPER_LABELS.filter((l) => all.includes(l))).toEqual([]);
      for (const sheet of [SHEETS.realisatie, SHEETS.besteding, SHEETS.verantwoording])
        expect([
          sheet,
          pages.filter((x) => sheetOf(x) === sheet && medianHeight(x) < MIN_TEXT_PT).length,
        ]).toEqual([sheet, 0]);
      // The Realisatie's rows print whole: the sample's activities and amounts are on its page.
      const realisatieText = pages
        .filter((x) => sheetOf(x) === SHEETS.realisatie)
        .map((x) => x.text)
        .join(' ');
      expect(realisatieText).toContain('Preventieakkoord: valpreventie en Kansrijke Start');
      expect(realisatieText).toContain('€ 1.318.740');
      expect(realisatieText).toContain('Prognose');
      // The SiSa headers break at word boundaries (#18: "Eindverantwoo" / "rding" on paper).
      const verantwoordingWords = pages
        .filter((x) => sheetOf(x) === SHEETS.verantwoording)
        .flatMap((x) => x.words.map((w) => w.text));
      expect(verantwoordingWords).toContain('verantwoording');
      expect(verantwoordingWords).toContain('Cumulatief');
      expect(verantwoordingWords.filter((w) => /^(Eindverantwoo|rding|woording)$/.test(w))).toEqual([]);
    });

    it('the Regioverdeling, Bronnen and Controle texts print whole, the rounding steps not at all', () => {
      const words = (sheet: string): string[] =>
        z()
          .pages.filter((p) => z().sheetOf(p) === sheet)
          .flatMap((p) => p.words.map((w) => w.text));
      const expected: Record<string, readonly string[]> = {
        [REGIOVERDELING_SHEET]: [
          'per activiteit en gewichten per ledengemeente',
          'W = Σ gewichten',
          'Controle: Σ leden + Σ vast − regiobedrag (0 = goed)',
        ],
        [SHEETS.bronnen]: [
          'Vanaf 2027 de ontschotte SPUK AZWA:',
          'Hoofdlijnen Sportakkoord',
          'per gemeente in bijlage',
          'Lezing BBV op Overzicht',
        ],
        [SHEETS.controle]: [
          'Kolommen Begroting',
          'Tekst in beschikking',
          'Tekst in invoer toets',
          '(grijze cellen; bijv. SPUK AZWA in 2030)',
          'dan geldt zonder melding het bedrag',
        ],
      };
      const missing = Object.entries(expected).flatMap(([sheet, labels]) => {
        const w = words(sheet);
        return labels.filter((l) => !hasLabel(w, l)).map((l) => `${sheet}: ${l}`);
      });
      expect(missing).toEqual([]);
      // The rounding machinery is in hidden rows (live on the sheet, not on paper); weights and the
      // check are formatted (no "472289", no "€ 0,00").
      const regio = words(REGIOVERDELING_SHEET).join(' ');
      expect(regio).not.toContain('mod W');
      expect(regio).not.toContain('grootste rest');
      expect(regio.match(/(^| )\d{5,}( |$)/g) ?? []).toEqual([]);
      expect(regio).not.toContain('0,00');
    });
  });
});

/**
 * Whether `label`'s words appear in `words` in order, close together (at most 12 other words between
 * the first and the last: a label wrapped in its cell is read with the cells beside it in between).
 * A label cut at a cell's or the page's edge ("bijv. SPU") does not.
 */
export function hasLabel(words: readonly string[], label: string): boolean {
  const want = label.split(' ');
  for (let i = 0; i < words.length; i++) {
    if (words[i] !== want[0]) continue;
    let k = 1;
    for (let j = i + 1; j < words.length && j <= i + want.length + 12 && k < want.length; j++)
      if (words[j] === want[k]) k++;
    if (k === want.length) return true;
  }
  return false;
}

describe('hasLabel', () => {
  it('finds a label whose words are in order, not one cut short', () => {
    const words = 'Geen bedrag (grijze cellen; bijv. 0 Tekst SPUK AZWA in 2030)'.split(' ');
    expect(hasLabel(words, 'bijv. SPUK AZWA in 2030)')).toBe(true);
    expect(hasLabel('cellen; bijv. SPU 0'.split(' '), 'bijv. SPUK AZWA in 2030)')).toBe(false);
  });
});
