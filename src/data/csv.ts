import Papa from 'papaparse';
import { DataFileError } from './errors';

/** A parsed CSV record with the line it came from, for error messages. */
export interface CsvRecord {
  readonly line: number;
  get(column: string): string;
  optional(column: string): string;
}

/** Parses a CSV text with a header row; checks that the required columns are present. */
export function readCsv(file: string, text: string, required: readonly string[]): CsvRecord[] {
  // One line ending (a file edited on two systems mixes CRLF and LF; Papa takes the first for all).
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    skipEmptyLines: true,
    newline: '\n',
  });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new DataFileError(file, (e?.row ?? 0) + 1, `CSV: ${e?.message ?? 'onleesbaar'}`);
  }
  const [header, ...rows] = parsed.data;
  if (!header) throw new DataFileError(file, 1, 'empty file');
  const columns = header.map((h) => h.trim());
  for (const r of required) if (!columns.includes(r)) throw new DataFileError(file, 1, `missing column "${r}"`);
  return rows.map((cells, i) => {
    const line = i + 2;
    if (cells.length !== columns.length)
      throw new DataFileError(file, line, `${cells.length} fields, header has ${columns.length}`);
    const value = (column: string): string | undefined => {
      const idx = columns.indexOf(column);
      return idx < 0 ? undefined : (cells[idx] ?? '').trim();
    };
    return {
      line,
      get(column: string): string {
        const v = value(column);
        if (v === undefined || v === '') throw new DataFileError(file, line, `empty "${column}"`);
        return v;
      },
      optional(column: string): string {
        return value(column) ?? '';
      },
    };
  });
}
