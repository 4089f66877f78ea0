import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import JSZip from 'jszip';

/**
 * LibreOffice as an independent formula oracle: an .xlsx without cached results is recalculated by
 * LibreOffice Calc (headless) and every sheet is exported as CSV.
 */

export const SOFFICE_MISSING = 'LibreOffice ontbreekt: apt-get install -y libreoffice-calc-nogui';

/** Generous: the first start with a fresh profile is the slow part (a few seconds on 2 cores). */
export const SOFFICE_TIMEOUT_MS = 180_000;

/**
 * CSV export filter options, by position: comma separator, double quote, UTF-8 (76), start row 1,
 * no column formats, en-US (decimal point), quote every text cell (so a text "123" is told apart
 * from the number 123), detect special numbers, NOT "save as shown" (raw values with up to 15
 * significant digits instead of "€ 1.234"), no formulas, keep spaces, -1 = every sheet to its own
 * file `<name>-<Sheet>.csv`.
 */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,true,true,false,false,false,-1';

/**
 * Profile settings for the fresh user installation: recalculate .xlsx files always on load
 * (LibreOffice's default trusts cached results). Together with stripping the cached results this
 * makes sure every value in the export is LibreOffice's own.
 */
const REGISTRY = registry([]);

/** A registrymodifications.xcu with the recalculation setting above and `items`. */
function registry(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
${items.join('\n')}${items.length > 0 ? '\n' : ''}</oor:items>
`;
}

/**
 * A Dutch controller's LibreOffice: the locale setting (Extra > Opties > Taalinstellingen > Talen >
 * Landinstelling: `ooSetupSystemLocale`, which decides number formats, "1.234.567" and "4,9"), the
 * interface language (`ooLocale`; without the Dutch language pack the menus stay English, the numbers do
 * not), the default document language and the decimal-separator key. Set in the profile, so nothing
 * depends on the machine's locales (the test machines have only C.UTF-8) and nothing is installed.
 */
export const NL_NL_SETTINGS: readonly string[] = [
  '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nl-NL</value></prop></item>',
  '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>nl-NL</value></prop></item>',
  '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="DecimalSeparatorAsLocale" oor:op="fuse"><value>true</value></prop></item>',
  '<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse"><value>nl-NL</value></prop></item>',
];

/** The profile's locale: `undefined` keeps LibreOffice's default (en-US here), 'nl-NL' as above. */
export type ProfileLocale = 'nl-NL' | undefined;

/**
 * Writes a fresh user profile into `profileDir` (its `user/registrymodifications.xcu`): recalculation on
 * load, and with `locale` 'nl-NL' the Dutch settings of NL_NL_SETTINGS. Returns the
 * `-env:UserInstallation=…` argument for soffice.
 */
export function writeProfile(profileDir: string, locale?: ProfileLocale): string {
  fs.mkdirSync(path.join(profileDir, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profileDir, 'user', 'registrymodifications.xcu'),
    locale === 'nl-NL' ? registry(NL_NL_SETTINGS) : REGISTRY,
  );
  return `-env:UserInstallation=${pathToFileURL(profileDir).href}`;
}

/** Path of the soffice executable ($SOFFICE, or the first on $PATH); throws SOFFICE_MISSING. */
export function sofficeBinary(): string {
  const candidates = process.env.SOFFICE
    ? [process.env.SOFFICE]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => path.join(dir, 'soffice'));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next one.
    }
  }
  throw new Error(SOFFICE_MISSING);
}

export interface StrippedWorkbook {
  readonly bytes: Uint8Array;
  /** Number of formula cells in the package. */
  readonly formulas: number;
}

/** Removes every cached formula result (`<v>…</v>` right after `</f>`) from the worksheets. */
export async function stripCachedResults(xlsx: Uint8Array): Promise<StrippedWorkbook> {
  const zip = await JSZip.loadAsync(xlsx);
  let formulas = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = (await file.async('string')).replace(/<\/f><v>[^<]*<\/v>/g, '</f>');
    if (/<\/f><v>/.test(xml)) throw new Error(`${name}: a cached result survived stripping`);
    formulas += (xml.match(/<f[ >]/g) ?? []).length;
    zip.file(name, xml);
  }
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, formulas };
}

function run(binary: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Own process group, so a timeout also ends soffice.bin that the wrapper script starts.
    const child = spawn(binary, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`soffice timed out after ${SOFFICE_TIMEOUT_MS / 1000} s:\n${output}`));
    }, SOFFICE_TIMEOUT_MS);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? new Error(SOFFICE_MISSING) : err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`soffice exited with ${String(code)}:\n${output}`));
    });
  });
}

/**
 * Converts the workbook with LibreOffice in a fresh profile in a temp dir (so parallel runs and root
 * do not clash): `filter` as `--convert-to` takes it; `read` gets the output folder and the
 * converter's log before the temp dir is removed.
 */
async function convert<T>(
  xlsx: Uint8Array,
  filter: string,
  read: (outDir: string, log: string) => T,
): Promise<T> {
  const binary = sofficeBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-libreoffice-'));
  try {
    const profile = writeProfile(path.join(dir, 'profile'));
    fs.writeFileSync(path.join(dir, 'werkmap.xlsx'), xlsx);
    const outDir = path.join(dir, 'out');
    const log = await run(
      binary,
      [profile, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, 'werkmap.xlsx'],
      dir,
    );
    return read(outDir, log);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Recalculates the workbook in LibreOffice and returns the CSV text of each requested sheet. */
export function recalculateToCsv(
  xlsx: Uint8Array,
  sheetNames: readonly string[],
): Promise<Map<string, string>> {
  return convert(xlsx, CSV_FILTER, (outDir, log) => {
    const sheets = new Map<string, string>();
    for (const name of sheetNames) {
      const file = path.join(outDir, `werkmap-${name}.csv`);
      if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no CSV for sheet ${name}:\n${log}`);
      sheets.set(name, fs.readFileSync(file, 'utf8'));
    }
    return sheets;
  });
}

/**
 * Exports the workbook as PDF with LibreOffice (the whole workbook as "Print" would print it: print
 * areas, titles, headers and footers, scaling). Returns the PDF's bytes.
 */
export function exportPdf(xlsx: Uint8Array): Promise<Uint8Array> {
  return convert(xlsx, 'pdf:calc_pdf_Export', (outDir, log) => {
    const file = path.join(outDir, 'werkmap.pdf');
    if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no PDF:\n${log}`);
    return new Uint8Array(fs.readFileSync(file));
  });
}

/**
 * The CSV import filter as a Dutch user opens an Excel-NL CSV (`;`): field separator `;` (59), text
 * delimiter `"` (34), UTF-8 (76), from line 1, standard column types, language nl-NL (1043: decimal
 * comma, thousands dot), quoted fields not forced to text, detect special numbers (dates, and numbers in
 * the locale's notation) as LibreOffice's import dialog does.
 */
export const CSV_IMPORT_NL = 'Text - txt - csv (StarCalc):59,34,76,1,,1043,false,true';

/**
 * Opens `csv` (bytes as written, BOM included) in LibreOffice with an nl-NL profile through
 * CSV_IMPORT_NL and saves it as .xlsx (Calc's own cell types: a number stays a number, a text a text).
 * Returns the .xlsx bytes.
 */
export async function importCsvNl(csv: Uint8Array): Promise<Uint8Array> {
  const out = (await importCsvsNl(new Map([['uitvoer', csv]]))).get('uitvoer');
  if (out === undefined) throw new Error('LibreOffice wrote no xlsx');
  return out;
}

/**
 * `importCsvNl` for several CSV files in one soffice run (one start of LibreOffice for all): `csvs` by
 * a name of letters, digits and dashes (the file is `<name>.csv`). Returns the .xlsx bytes by name;
 * throws when LibreOffice wrote no .xlsx for one of them.
 */
export async function importCsvsNl(csvs: ReadonlyMap<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const binary = sofficeBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-libreoffice-csv-'));
  try {
    const profile = writeProfile(path.join(dir, 'profile'), 'nl-NL');
    const names = [...csvs.keys()];
    for (const name of names) {
      if (!/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`Not a plain file name: "${name}"`);
      fs.writeFileSync(path.join(dir, `${name}.csv`), csvs.get(name) as Uint8Array);
    }
    const outDir = path.join(dir, 'out');
    const log = await run(
      binary,
      [
        profile,
        '--headless',
        '--norestore',
        `--infilter=${CSV_IMPORT_NL}`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        ...names.map((name) => `${name}.csv`),
      ],
      dir,
    );
    const out = new Map<string, Uint8Array>();
    for (const name of names) {
      const file = path.join(outDir, `${name}.xlsx`);
      if (!fs.existsSync(file)) throw new Error(`LibreOffice wrote no xlsx for ${name}.csv:\n${log}`);
      out.set(name, new Uint8Array(fs.readFileSync(file)));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
