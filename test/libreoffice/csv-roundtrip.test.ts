/**
 * The CSV round trip of issue #18: what the CLI writes to a file (Excel-NL CSV: `;` between fields,
 * decimal comma, whole euros without separators, UTF-8 with BOM) is opened by LibreOffice with a Dutch
 * (nl-NL) profile and CSV import options as a Dutch user gets them (separator `;`, UTF-8, language
 * nl-NL; see CSV_IMPORT_NL in ./soffice) and saved as .xlsx. Every cell must arrive as the CLI meant
 * it: an amount as that number (no text, no "3.478" read as 3,478), a percentage with a decimal comma
 * as its decimal value, an empty amount (`bron = open`) empty, texts as texts ("Coördinatiekosten"
 * intact: UTF-8). Needs soffice; without it the test fails, it never skips.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/cli';
import type { CliIo } from '../../src/cli/io';
import { defaultReferenceData } from '../../src/data';
import { SOFFICE_TIMEOUT_MS, importCsvNl } from './soffice';

type Cell = number | string | null;

/** Runs the CLI in-process with its output going to a file (`> uit.csv`: the BOM is written). */
async function cliCsv(argv: readonly string[]): Promise<string> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: () => undefined,
    writeFileAtomic: () => undefined,
    pathKind: () => undefined,
    errIsTty: false,
    outIsFile: true,
  };
  // No werkmap is written by these commands: the renderer must not be called.
  const code = await runCli([...argv], io, () => Promise.reject(new Error('no werkmap expected')));
  // stderr may carry a Dutch heading (verschil); never a failure.
  expect({ code, fout: /Fout/.test(err) }).toEqual({ code: 0, fout: false });
  return out;
}

/**
 * What each field of the CLI's CSV means, read by the CLI's own rules (README, "CSV output opens in
 * Excel-NL"): a whole number or one with a decimal comma is a number, an empty field is empty, the
 * rest is text.
 */
function meant(field: string): Cell {
  if (field === '') return null;
  if (/^-?\d+(,\d+)?$/.test(field)) return Number(field.replace(',', '.'));
  return field;
}

function cliGrid(csv: string): Cell[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data.map((row) => row.map(meant));
}

/** The first sheet of LibreOffice's .xlsx as typed cells, `width` columns per row. */
async function calcGrid(xlsx: Uint8Array, width: number): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('LibreOffice wrote a workbook without a sheet');
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const value = sheet.getRow(r).getCell(c).value;
      if (value === null || value === undefined || value === '') row.push(null);
      else if (typeof value === 'number' || typeof value === 'string') row.push(value);
      else throw new Error(`R${r}C${c}: unexpected cell value ${JSON.stringify(value)}`);
    }
    rows.push(row);
  }
  return rows;
}

const almere = defaultReferenceData().bijlage2A.find((r) => r.code === 'GM0034');

describe('the CLI’s Excel-NL CSV opened by LibreOffice with nl-NL (issue #18)', () => {
  it(
    'allocaties --gemeente Almere: every amount arrives as the same number; Brede SPUK 2025 = Bijlage 2A (€ 3.478.172)',
    async () => {
      const csv = await cliCsv(['allocaties', '--gemeente', 'Almere']);
      const expected = cliGrid(csv);
      const header = expected[0] as string[];
      const actual = await calcGrid(await importCsvNl(new TextEncoder().encode(csv)), header.length);
      expect(actual).toEqual(expected);

      // The real figures, as LibreOffice holds them: numbers a formula can add.
      const col = (name: string) => header.indexOf(name);
      const [regeling, jaar, bedrag, structureel, incidenteel, onderdeel] = [
        col('regeling'),
        col('jaar'),
        col('bedrag_eur'),
        col('structureel_eur'),
        col('incidenteel_eur'),
        col('onderdeel'),
      ];
      const rows = actual.slice(1);
      const brede2025 = rows.filter((r) => r[regeling] === 'Brede SPUK' && r[jaar] === 2025);
      expect(brede2025.length).toBeGreaterThan(5);
      expect(brede2025.every((r) => typeof r[bedrag] === 'number')).toBe(true);
      expect(brede2025.reduce((s, r) => s + (r[bedrag] as number), 0)).toBe(almere?.totaal2025);
      expect(almere?.totaal2025).toBe(3_478_172);
      const brede2026 = rows.filter((r) => r[regeling] === 'Brede SPUK' && r[jaar] === 2026);
      expect(brede2026.reduce((s, r) => s + (r[bedrag] as number), 0)).toBe(almere?.totaal2026);
      // Amounts of a million and more stay whole (a thousands misread would give 3.478 or 1.000404).
      const large = rows.filter((r) => typeof r[bedrag] === 'number' && (r[bedrag] as number) >= 1_000_000);
      expect(large.length).toBeGreaterThan(0);
      expect(large.every((r) => Number.isInteger(r[bedrag]))).toBe(true);
      // structureel + incidenteel = bedrag in every row with an amount.
      for (const r of rows.filter((x) => x[bedrag] !== null))
        expect((r[structureel] as number) + (r[incidenteel] as number)).toBe(r[bedrag]);
      // Money whose route is unknown (bron = open) stays empty, not 0 and not text.
      expect(rows.some((r) => r[bedrag] === null && r[header.length - 1] === 'open')).toBe(true);
      expect(rows.some((r) => r[onderdeel] === 'Coördinatiekosten regionale aanpak preventie')).toBe(true);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );

  it(
    'verschil --gemeente Almere: a percentage with a decimal comma ("18,9") arrives as 18.9',
    async () => {
      const csv = await cliCsv(['verschil', '--gemeente', 'Almere']);
      expect(csv).toMatch(/;18,9;/);
      const expected = cliGrid(csv);
      const header = expected[0] as string[];
      const actual = await calcGrid(await importCsvNl(new TextEncoder().encode(csv)), header.length);
      expect(actual).toEqual(expected);
      const pct = header.indexOf('verschil_pct');
      expect(actual.some((r) => r[pct] === 18.9)).toBe(true);
      // The net rows keep their text key ("netto"), the amounts are numbers.
      expect(
        actual.some((r) => r[1] === 'netto' && typeof r[header.indexOf('verschil_eur')] === 'number'),
      ).toBe(true);
    },
    SOFFICE_TIMEOUT_MS + 30_000,
  );
});
