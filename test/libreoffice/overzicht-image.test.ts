/**
 * The README's picture of the Overzicht: the Almere workbook as LibreOffice prints it (PDF export of
 * the first page) with a Dutch (nl-NL) profile, as a Dutch controller sees it ("€ 3.349.616", not
 * "€ 3,349,616"; see NL_NL_SETTINGS in ./soffice), turned into a PNG by pdftoppm (poppler-utils). Every run writes it to
 * build/img/overzicht.png, and reads the text of the same part of the page (pdftotext, poppler-utils too).
 * Only `UPDATE_PICTURES=1` (`npm run pictures`) copies the picture over the tracked docs/img/overzicht.png
 * and that text to docs/img/overzicht.txt, so a test run leaves the tree clean and the picture is remade on
 * purpose; every other run fails when the text differs from docs/img/overzicht.txt: the README's picture
 * no longer shows the current Overzicht (`keepPictureTrue`, test/support/pictures.ts). Needs soffice and
 * pdftoppm (scripts/test-all.sh installs both); without them the test fails, it never skips.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultEditionId, editionInput } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { buildWorkbookPlan } from '../../src/plan';
import { renderXlsx } from '../../src/xlsx';
import { keepPictureTrue } from '../support/pictures';
import { SOFFICE_TIMEOUT_MS, sofficeBinary, writeProfile } from './soffice';

const ROOT = path.resolve(__dirname, '..', '..');
const IMAGE = path.join(ROOT, 'build', 'img', 'overzicht.png');
/** The part of page 1 in the picture, at 150 dpi: the top half of the A4 page (pdftoppm and pdftotext). */
const AREA = ['-r', '150', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '1754', '-H', '620'];

it(
  'saves the first printed page of the Overzicht, printed with nl-NL, as a PNG (< 300 KB); docs/img shows the same text (remade only with UPDATE_PICTURES=1)',
  async () => {
    const soffice = sofficeBinary();
    const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
    if (pdftoppm.error) throw new Error('pdftoppm ontbreekt: apt-get install -y poppler-utils');
    const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
      key: 'spuk-2025',
      gemeente: 'GM0034' as CbsCode,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-overzicht-png-'));
    try {
      fs.writeFileSync(path.join(dir, 'almere.xlsx'), await renderXlsx(plan));
      // A Dutch profile: the amounts print with thousands dots, as in Excel-NL.
      const profile = writeProfile(path.join(dir, 'profile'), 'nl-NL');
      // Only page 1 (the top of the Overzicht, the first sheet), with the cached results as written.
      const filter = 'pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1"}}';
      const pdf = spawnSync(
        soffice,
        [profile, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, 'almere.xlsx'],
        { cwd: dir, encoding: 'utf8', timeout: SOFFICE_TIMEOUT_MS },
      );
      expect([pdf.status, fs.existsSync(path.join(dir, 'almere.pdf'))]).toEqual([0, true]);
      // The printed text: euro amounts in the Dutch notation (thousands dots), none in en-US's.
      const text = spawnSync('pdftotext', ['-layout', 'almere.pdf', '-'], { cwd: dir, encoding: 'utf8' });
      expect(text.status).toBe(0);
      const dutch = text.stdout.match(/€\s*-?\d{1,3}(?:\.\d{3})+(?!\d)/g) ?? [];
      const english = text.stdout.match(/€\s*-?\d{1,3}(?:,\d{3})+(?!\d)/g) ?? [];
      expect({ dutch: dutch.length > 10, english }).toEqual({ dutch: true, english: [] });
      const png = spawnSync(
        'pdftoppm',
        [
          // 150 dpi, the top half of the A4 page: what a reader sees first, readable in the README.
          ...['-png', ...AREA, '-singlefile', 'almere.pdf', 'overzicht'],
        ],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      expect(png.status).toBe(0);
      fs.mkdirSync(path.dirname(IMAGE), { recursive: true });
      fs.copyFileSync(path.join(dir, 'overzicht.png'), IMAGE);
      const bytes = fs.readFileSync(IMAGE);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.byteLength).toBeLessThan(300 * 1024);
      // The text of the picture's part of the page: what the README's picture shows. In the order
      // LibreOffice writes it (-raw), not as laid out, so another machine's fonts do not reorder it.
      const shown = spawnSync('pdftotext', ['-raw', ...AREA, 'almere.pdf', '-'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(shown.status).toBe(0);
      expect(shown.stdout).toMatch(/^Overzicht Almere \(GM0034\)/);
      keepPictureTrue('overzicht', IMAGE, shown.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  SOFFICE_TIMEOUT_MS + 60_000,
);
