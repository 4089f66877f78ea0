import Papa from 'papaparse';
import { UsageError } from './args';

/**
 * CSV as the CLI writes it. Default (`excel-nl`): what Excel with Dutch regional settings opens in
 * columns by a double click: fields separated by `;`, decimals with a comma (12,5), whole euros
 * without thousands separators, and a UTF-8 byte order mark when the CSV goes to a file (Excel
 * otherwise reads UTF-8 as Windows-1252: "CoÃ¶rdinatie"). `komma` (`--csv-komma`): the form of
 * earlier versions, for scripts that read it: `,`, a decimal point, no BOM.
 */
export type CsvVorm = 'excel-nl' | 'komma';

/** The option that asks for the old comma form, on every command that writes CSV. */
export const CSV_KOMMA = '--csv-komma';

export const BOM = '\uFEFF';

/** The help line of --csv-komma, the same on every command that writes CSV. */
export const CSV_KOMMA_HELP = `  ${CSV_KOMMA}            CSV met komma's en een decimale punt, zonder BOM (de vorm van eerdere versies)\n`;

/** The field separator of each form. */
export const CSV_SEPARATOR: Readonly<Record<CsvVorm, string>> = { 'excel-nl': ';', komma: ',' };

/**
 * The form of the CSV a command writes in `formaat`: `komma` with --csv-komma, else `excel-nl`. The
 * option is refused (UsageError) when `formaat` is none of the command's CSV formats (`csvFormaten`),
 * the same on every command that writes CSV.
 */
export function csvVorm(
  opts: ReadonlyMap<string, string>,
  formaat: string,
  csvFormaten: readonly string[] = ['csv'],
): CsvVorm {
  if (!opts.has(CSV_KOMMA)) return 'excel-nl';
  if (!csvFormaten.includes(formaat))
    throw new UsageError(
      `${CSV_KOMMA} geldt alleen voor CSV-uitvoer; laat het weg bij --formaat ${formaat}.`,
    );
  return 'komma';
}

/**
 * The column names of a CSV as the help shows them: as the header row the CLI writes (Excel-NL: `;`
 * between), broken after a separator before `width` characters, continuation lines indented by `indent`
 * and the first line by `first` characters already on it.
 */
export function csvKolommen(
  columns: readonly string[],
  { indent = '', first = 0, width = 104 }: { indent?: string; first?: number; width?: number } = {},
): string {
  const sep = CSV_SEPARATOR['excel-nl'];
  const lines: string[] = [];
  let line = '';
  let used = first;
  columns.forEach((c, i) => {
    const piece = c + (i < columns.length - 1 ? sep : '');
    if (line !== '' && used + piece.length > width) {
      lines.push(line);
      line = '';
      used = indent.length;
    }
    line += piece;
    used += piece.length;
  });
  lines.push(line);
  return lines.join('\n' + indent);
}

/** A number as the form writes it: integers as they are, decimals with `,` in excel-nl. */
export function csvNumber(n: number, vorm: CsvVorm): string {
  const text = Number.isInteger(n)
    ? String(n)
    : String(n).includes('e')
      ? n.toFixed(10).replace(/0+$/, '')
      : String(n);
  return vorm === 'excel-nl' ? text.replace('.', ',') : text;
}

/**
 * The CSV text of a header and rows (strings as they are, quoted where needed; numbers by
 * `csvNumber`), lines ending in `\n`, with a BOM in front when `bom` and the form is excel-nl.
 */
export function csvText(
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  vorm: CsvVorm,
  bom = false,
): string {
  const data = rows.map((r) => r.map((v) => (typeof v === 'number' ? csvNumber(v, vorm) : v)));
  const text = Papa.unparse(
    { fields: [...columns], data },
    { newline: '\n', delimiter: CSV_SEPARATOR[vorm] },
  );
  return (bom && vorm === 'excel-nl' ? BOM : '') + text + '\n';
}
