/**
 * The CSV round trip of issue #18, for every command that writes CSV: what the CLI writes to a file (Excel-NL CSV: `;` between fields,
 * decimal comma, whole euros without separators, UTF-8 with BOM) is opened by LibreOffice with a Dutch
 * (nl-NL) profile and CSV import options as a Dutch user gets them (separator `;`, UTF-8, language
 * nl-NL; see CSV_IMPORT_NL in ./soffice) and saved as .xlsx. Every cell must arrive as the CLI meant
 * it: an amount as that number (no text, no "3.478" read as 3,478), a percentage with a decimal comma
 * as its decimal value, an empty amount (`bron = open`) empty, texts as texts ("Coördinatiekosten"
 * intact: UTF-8), a date (yyyy-mm-dd) as that date. All files are converted in one soffice run
 * (`importCsvsNl`). Needs soffice; without it the test fails, it never skips.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { runCli } from '../../src/cli/cli';
import { defaultReferenceData } from '../../src/data';
import { captureIo } from '../support/cli-io';
import { CSV_COMMAND_FILES, CSV_COMMANDS } from '../support/csv-commands';
import { SOFFICE_TIMEOUT_MS, importCsvsNl } from './soffice';

type Cell = number | string | null;

/**
 * Runs the CLI in-process on the files it reads (test/support/csv-commands: the samples, and Lelystad's
 * for SiSa H35B) with its output going to a file (`> uit.csv`: the BOM is written); exit 0, or 1 where
 * the command reports signals (begroting, verantwoording).
 */
async function cliCsv(argv: readonly string[]): Promise<string> {
  const c = captureIo(CSV_COMMAND_FILES);
  // No werkmap is written by these commands: the renderer must not be called.
  const code = await runCli([...argv], { ...c.io, outIsFile: true }, () =>
    Promise.reject(new Error('no werkmap expected')),
  );
  // stderr may carry a Dutch heading (verschil) or signals; never a failure.
  expect({ argv, ok: code < 2, fout: /Fout/.test(c.err()) }).toEqual({ argv, ok: true, fout: false });
  return c.out();
}

/**
 * What each field of the CLI's CSV means, read by the CLI's own rules (README, "CSV output opens in
 * Excel-NL"): a whole number or one with a decimal comma is a number, an empty field is empty, a date
 * (yyyy-mm-dd, as `edities` writes it) is that date ("datum:yyyy-mm-dd" here), the rest is text.
 */
function meant(field: string): Cell {
  if (field === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(field)) return `datum:${field}`;
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
      else if (value instanceof Date) row.push(`datum:${value.toISOString().slice(0, 10)}`);
      else throw new Error(`R${r}C${c}: unexpected cell value ${JSON.stringify(value)}`);
    }
    rows.push(row);
  }
  return rows;
}

const almere = defaultReferenceData().bijlage2A.find((r) => r.code === 'GM0034');

/** Per command: the CSV as the CLI meant it, and as LibreOffice nl-NL holds it. */
const grids = new Map<string, { expected: Cell[][]; actual: Cell[][]; header: string[] }>();

beforeAll(async () => {
  const csvs = new Map<string, string>();
  for (const [name, argv] of Object.entries(CSV_COMMANDS)) csvs.set(name, await cliCsv(argv));
  const xlsx = await importCsvsNl(
    new Map([...csvs].map(([name, csv]) => [name, new TextEncoder().encode(csv)])),
  );
  for (const [name, csv] of csvs) {
    const expected = cliGrid(csv);
    const header = (expected[0] ?? []).map(String);
    const book = xlsx.get(name);
    if (book === undefined) throw new Error(`no xlsx for ${name}`);
    grids.set(name, { expected, actual: await calcGrid(book, header.length), header });
  }
}, SOFFICE_TIMEOUT_MS + 60_000);

/** The command's grid in LibreOffice (equal to what the CLI meant), with its columns by name. */
function opened(name: string) {
  const g = grids.get(name);
  if (g === undefined) throw new Error(`${name} was not converted`);
  expect(g.actual).toEqual(g.expected);
  const col = (c: string) => {
    const i = g.header.indexOf(c);
    if (i < 0) throw new Error(`${name} has no column ${c}`);
    return i;
  };
  const rows = g.actual.slice(1);
  return { rows, col, at: (r: Cell[], c: string) => r[col(c)] };
}

describe('the CLI’s Excel-NL CSV opened by LibreOffice with nl-NL (issue #18)', () => {
  it('converts the CSV of every command that writes CSV', () => {
    expect([...grids.keys()]).toEqual(Object.keys(CSV_COMMANDS));
    for (const [name, g] of grids) {
      expect({ name, rows: g.actual.length > 1 }).toEqual({ name, rows: true });
      expect({ name, same: g.actual }).toEqual({ name, same: g.expected });
    }
  });

  it('allocaties --gemeente Almere: every amount arrives as the same number; Brede SPUK 2025 = Bijlage 2A (€ 3.478.172)', () => {
    const { rows, col, at } = opened('allocaties');
    const brede2025 = rows.filter((r) => at(r, 'regeling') === 'Brede SPUK' && at(r, 'jaar') === 2025);
    expect(brede2025.length).toBeGreaterThan(5);
    expect(brede2025.every((r) => typeof at(r, 'bedrag_eur') === 'number')).toBe(true);
    expect(brede2025.reduce((s, r) => s + (at(r, 'bedrag_eur') as number), 0)).toBe(almere?.totaal2025);
    expect(almere?.totaal2025).toBe(3_478_172);
    const brede2026 = rows.filter((r) => at(r, 'regeling') === 'Brede SPUK' && at(r, 'jaar') === 2026);
    expect(brede2026.reduce((s, r) => s + (at(r, 'bedrag_eur') as number), 0)).toBe(almere?.totaal2026);
    // Amounts of a million and more stay whole (a thousands misread would give 3.478 or 1.000404).
    const large = rows.filter(
      (r) => typeof at(r, 'bedrag_eur') === 'number' && (at(r, 'bedrag_eur') as number) >= 1_000_000,
    );
    expect(large.length).toBeGreaterThan(0);
    expect(large.every((r) => Number.isInteger(at(r, 'bedrag_eur')))).toBe(true);
    // structureel + incidenteel = bedrag in every row with an amount.
    for (const r of rows.filter((x) => at(x, 'bedrag_eur') !== null))
      expect((at(r, 'structureel_eur') as number) + (at(r, 'incidenteel_eur') as number)).toBe(
        at(r, 'bedrag_eur'),
      );
    // Money whose route is unknown (bron = open) stays empty, not 0 and not text.
    expect(rows.some((r) => at(r, 'bedrag_eur') === null && at(r, 'bron') === 'open')).toBe(true);
    expect(rows.some((r) => r[col('onderdeel')] === 'Coördinatiekosten regionale aanpak preventie')).toBe(
      true,
    );
  });

  it('verschil --gemeente Almere: a percentage with a decimal comma ("227,9") arrives as 227.9', () => {
    const { rows, at } = opened('verschil');
    // Eigen geld (netto) 2029, the lines without an open post (session 12): 1.096.749 → 3.596.077.
    expect(
      rows.some(
        (r) => at(r, 'onderdeel_nr') === 'netto' && at(r, 'jaar') === 2029 && at(r, 'verschil_pct') === 227.9,
      ),
    ).toBe(true);
    // The net rows keep their text key ("netto"), the amounts are numbers.
    expect(
      rows.some((r) => at(r, 'onderdeel_nr') === 'netto' && typeof at(r, 'verschil_eur') === 'number'),
    ).toBe(true);
  });

  it('regioverdeling --gemeente Zwolle: the exact shares with four decimals arrive as numbers (226030,8874 → 226030.8874); per regio and jaar the parts add up to the regiobedrag', () => {
    const { rows, at } = opened('regioverdeling');
    const dalfsen2023 = rows.find((r) => at(r, 'naam') === 'Dalfsen' && at(r, 'jaar') === 2023);
    expect(
      dalfsen2023 && [
        at(dalfsen2023, 'exact_eur'),
        at(dalfsen2023, 'omlaag_eur'),
        at(dalfsen2023, 'bedrag_eur'),
      ],
    ).toEqual([226030.8874, 226030, 226031]);
    for (const jaar of new Set(rows.map((r) => at(r, 'jaar')))) {
      const year = rows.filter((r) => at(r, 'jaar') === jaar);
      expect(year.reduce((s, r) => s + (at(r, 'bedrag_eur') as number), 0)).toBe(
        at(year[0] as Cell[], 'regiobedrag_eur'),
      );
      for (const r of year)
        expect((at(r, 'omlaag_eur') as number) + (at(r, 'correctie_eur') as number)).toBe(
          at(r, 'bedrag_eur'),
        );
    }
    // The regio's amount is what iza writes for IJssel-Vecht (SPUK IZA 2023: € 3.023.765).
    const iza = opened('iza');
    const ijsselVecht2023 = iza.rows.find(
      (r) => iza.at(r, 'regio') === 'IJssel-Vecht' && iza.at(r, 'jaar') === 2023,
    );
    expect(ijsselVecht2023 && iza.at(ijsselVecht2023, 'bedrag_eur')).toBe(3_023_765);
    expect(at(rows[0] as Cell[], 'regiobedrag_eur')).toBe(3_023_765);
  });

  it('regioverdeling --h35b: the planned amount per medeoverheid and year is the regioverdeling’s (Dalfsen 2023: € 226.031)', () => {
    const { rows, at } = opened('h35b');
    const split = opened('regioverdeling');
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows)
      for (const jaar of [2023, 2025, 2027]) {
        const part = split.rows.find(
          (x) => split.at(x, 'gemeentecode') === at(r, 'gemeentecode') && split.at(x, 'jaar') === jaar,
        );
        expect(at(r, `bedrag_${jaar}_eur`)).toBe(part && split.at(part, 'bedrag_eur'));
      }
    expect(rows.find((r) => at(r, 'gemeentenaam') === 'Dalfsen')?.[2]).toBe(226_031);
  });

  it('regioverdeling --h35b --realisatie (Almere, Lelystad as medeoverheid): received, spent and the negative difference arrive as numbers', () => {
    const { rows, at } = opened('h35b-realisatie');
    expect(
      rows.map((r) => [
        at(r, 'gemeentenaam'),
        at(r, 'jaar'),
        at(r, 'ontvangen_eur'),
        at(r, 'besteed_eur'),
        at(r, 'verschil_eur'),
      ]),
    ).toEqual([
      ['Lelystad', 2023, 0, 410_250, -410_250],
      ['Lelystad', 2024, 0, 455_800, -455_800],
      ['Lelystad', 2025, 500_000, 463_920, 36_080],
      ['Lelystad', 2026, 500_000, 495_000, 5_000],
    ]);
  });

  it('begroting --formaat csv (Almere, voorbeelden/begroting.csv): plafond, lasten and saldo as numbers; Brede SPUK 2025 plafond = Bijlage 2A', () => {
    const { rows, at } = opened('begroting');
    const brede2025 = rows.find((r) => at(r, 'regeling') === 'Brede SPUK' && at(r, 'jaar') === 2025);
    expect(
      brede2025 && [
        at(brede2025, 'plafond_eur'),
        at(brede2025, 'bron'),
        at(brede2025, 'lasten_eur'),
        at(brede2025, 'saldo_eur'),
      ],
    ).toEqual([3_478_172, 'gepubliceerd', 2_650_000, 828_172]);
    for (const r of rows)
      expect(
        (at(r, 'plafond_eur') as number) -
          (at(r, 'lasten_eur') as number) -
          (at(r, 'doorgeven_eur') as number),
      ).toBe(at(r, 'saldo_eur'));
  });

  it('begroting --formaat mutaties: the taakveld "5.1 Sportbeleid en activering" stays text (no date), × € 1.000 amounts with their sign', () => {
    const { rows, at } = opened('mutaties');
    expect(rows.some((r) => at(r, 'Taakveld') === '5.1 Sportbeleid en activering')).toBe(true);
    const lasten = rows.find(
      (r) =>
        String(at(r, 'Omschrijving')).startsWith('Lokaal sportakkoord') &&
        String(at(r, 'Omschrijving')).endsWith('lasten'),
    );
    expect(lasten && [at(lasten, 'Inc.'), at(lasten, '2025'), at(lasten, '2026')]).toEqual(['x', -150, -140]);
    expect(rows.every((r) => typeof at(r, '2025') === 'number')).toBe(true);
  });

  it('controle --formaat csv: every check’s amounts as numbers (Bijlage 2A 2025: € 310.475.334), all aansluitend', () => {
    const { rows, at } = opened('controle');
    const bijlage2a = rows.find((r) => at(r, 'naam') === '2a:2025');
    expect(
      bijlage2a && [
        at(bijlage2a, 'periode'),
        at(bijlage2a, 'verwacht'),
        at(bijlage2a, 'berekend'),
        at(bijlage2a, 'ok'),
      ],
    ).toEqual([2025, 310_475_334, 310_475_334, 'ja']);
    for (const r of rows.filter((x) => at(x, 'verwacht') !== null))
      expect(at(r, 'berekend')).toBe(at(r, 'verwacht'));
  });

  it('verantwoording --formaat csv (Almere, voorbeelden/): beschikking and realisatie as numbers; the sources’ quoted texts intact', () => {
    const { rows, at } = opened('verantwoording');
    const brede2025 = rows.find(
      (r) => at(r, 'regeling') === 'Brede SPUK' && at(r, 'onderdeel') === null && at(r, 'jaar') === 2025,
    );
    expect(
      brede2025 && [
        at(brede2025, 'beschikking'),
        at(brede2025, 'beschikking_bron'),
        at(brede2025, 'realisatie'),
        at(brede2025, 'limiet'),
      ],
    ).toEqual([3_478_172, 'beschikking', 2_461_090, 347_817]);
    expect(brede2025 && at(brede2025, 'limiet_bron')).toMatch(
      /^VWS-brief 12-09-2025, .*"Van 2025 naar 2026 kunnen gemeenten/,
    );
    for (const r of rows.filter((x) => typeof at(x, 'besteding') === 'number'))
      expect(at(r, 'verschil')).toBe((at(r, 'begroting') as number) - (at(r, 'realisatie') as number));
  });

  it('edities: the date arrives as that date, the long descriptions as text', () => {
    const { rows, at } = opened('edities');
    expect(rows.map((r) => [at(r, 'id'), at(r, 'datum')])).toContainEqual(['gala-2023', 'datum:2023-01-31']);
    expect(rows.every((r) => typeof at(r, 'omschrijving') === 'string')).toBe(true);
  });
});
