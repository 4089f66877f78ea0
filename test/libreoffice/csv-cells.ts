/**
 * Reads LibreOffice's CSV export (options in ./soffice: text cells quoted, raw values) back into
 * typed cells. A small parser of its own instead of papaparse, because the type of a cell lives in
 * whether its field was quoted, which papaparse does not report.
 */

export interface CsvField {
  readonly text: string;
  readonly quoted: boolean;
}

export type CalcValue =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string }
  | { readonly kind: 'unreadable'; readonly value: string };

/** RFC 4180: comma-separated, `"` quotes with `""` inside, quoted fields may hold newlines. */
export function parseCsv(csv: string): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let text = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push({ text, quoted });
    text = '';
    quoted = false;
  };
  while (i < csv.length) {
    const ch = csv[i] as string;
    if (ch === '"' && text === '' && !quoted) {
      quoted = true;
      i++;
      for (;;) {
        const close = csv.indexOf('"', i);
        if (close < 0) throw new Error(`Unterminated quoted field in CSV row ${rows.length + 1}`);
        text += csv.slice(i, close);
        i = close + 1;
        if (csv[i] !== '"') break;
        text += '"';
        i++;
      }
    } else if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endField();
      rows.push(row);
      row = [];
      i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      text += ch;
      i++;
    }
  }
  if (text !== '' || quoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Calc's error values: Excel's names, or "Err:nnn" for errors without one. */
export const ERROR_VALUE = /^(#NULL!|#DIV\/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N\/A|Err:\d{3})$/;

const NUMBER = /^-?\d+(\.\d+)?(E[+-]?\d+)?%?$/i;

export function calcValue(field: CsvField | undefined): CalcValue {
  if (field === undefined || (!field.quoted && field.text === '')) return { kind: 'blank' };
  const { text } = field;
  // Calc quotes error values like text; no formula of the plan yields such a text on purpose.
  if (ERROR_VALUE.test(text)) return { kind: 'error', value: text };
  if (field.quoted) return { kind: 'text', value: text };
  if (text === 'TRUE' || text === 'FALSE') return { kind: 'boolean', value: text === 'TRUE' };
  if (NUMBER.test(text)) {
    // A percent format survives the raw export ("1.12077921140106%").
    return text.endsWith('%')
      ? { kind: 'number', value: Number(text.slice(0, -1)) / 100 }
      : { kind: 'number', value: Number(text) };
  }
  return { kind: 'unreadable', value: text };
}
