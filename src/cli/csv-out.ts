import Papa from 'papaparse';

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
    { newline: '\n', delimiter: vorm === 'excel-nl' ? ';' : ',' },
  );
  return (bom && vorm === 'excel-nl' ? BOM : '') + text + '\n';
}
