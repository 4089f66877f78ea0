/**
 * How a plan value is typed into Excel through `values` / `formulasR1C1`.
 *
 * Excel parses a written string as if the user typed it: "=..." / "+..." / "-..." become formulas,
 * "0034" becomes the number 34, "TRUE" a boolean, "#N/A" an error. Text that Excel would parse is
 * written with a leading apostrophe (Excel's text prefix, not part of the value), so text stays text.
 */
import type { CellValue } from '../plan';

export type CellInput = string | number | boolean;

const FORMULA_START = /^[=+\-@']/;
const NUMBER_LIKE = /^\s*[-+(]?\s*[€$]?\s*(?:\d[\d.,\s]*|[.,]\d[\d.,\s]*)(?:[eE][-+]?\d+)?\s*%?\s*\)?\s*$/;
const DATE_OR_TIME_LIKE =
  /^\s*\d{1,4}\s*[-/.:]\s*\d{1,2}(?:\s*[-/.:]\s*\d{1,4})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[ap]m)?\s*$/i;
const ERROR_LIKE = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)/i;
const BOOLEAN_LIKE = /^\s*(?:TRUE|FALSE|WAAR|ONWAAR)\s*$/i;

/** Would Excel turn this text into something other than the same text? */
export function needsTextPrefix(text: string): boolean {
  if (text === '') return false;
  return (
    FORMULA_START.test(text) ||
    NUMBER_LIKE.test(text) ||
    DATE_OR_TIME_LIKE.test(text) ||
    ERROR_LIKE.test(text) ||
    BOOLEAN_LIKE.test(text)
  );
}

export function textInput(text: string): string {
  return needsTextPrefix(text) ? `'${text}` : text;
}

/** A plan value as written to Excel. `null` (empty) is written as "" so the cell is empty. */
export function cellInput(value: CellValue): CellInput {
  if (value === null) return '';
  if (typeof value === 'string') return textInput(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

export function cellInputs(rows: readonly (readonly CellValue[])[]): CellInput[][] {
  return rows.map((row) => row.map(cellInput));
}
