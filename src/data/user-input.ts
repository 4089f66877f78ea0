import Papa from 'papaparse';
import type { Beschikking, CbsCode, Gemeente, InputFailure, KeyInputRow, Result } from '../domain';
import { euro, fail, ok, parsePeriod } from '../domain';

/**
 * Parsers for what users paste or pick (a custom verdeelsleutel, beschikking amounts). Unlike the
 * shipped files, bad input here is expected: it comes back as typed failures naming the row
 * (1-based, header = row 1, as a spreadsheet shows it), never as an exception.
 */

const CODE_COLUMNS = ['gemeentecode', 'cbs_code', 'cbs-code', 'code', 'gemeente'];

function table(text: string): { header: string[]; rows: string[][] } | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return undefined;
  const delimiter = trimmed.split('\n')[0]?.includes(';') ? ';' : trimmed.split('\n')[0]?.includes('\t') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(trimmed, { skipEmptyLines: true, delimiter });
  const [header, ...rows] = parsed.data;
  if (!header) return undefined;
  return { header: header.map((h) => h.trim().toLowerCase()), rows };
}

export interface UserKeyInput {
  readonly rows: readonly KeyInputRow[];
  /** True when the values are shares (column "aandeel") that must add up to 1 or 100 %. */
  readonly shares: boolean;
}

/** A key as CSV: a code column (gemeentecode) and a "gewicht" or "aandeel" column; "," ";" or tab separated. */
export function parseUserKeyCsv(text: string): Result<UserKeyInput> {
  const t = table(text);
  if (!t) return fail([{ kind: 'EmptyInput' }]);
  const codeIdx = t.header.findIndex((h) => CODE_COLUMNS.includes(h));
  if (codeIdx < 0) return fail([{ kind: 'MissingColumn', column: 'gemeentecode', found: t.header }]);
  let valueIdx = t.header.indexOf('gewicht');
  const shares = valueIdx < 0;
  if (shares) valueIdx = t.header.indexOf('aandeel');
  if (valueIdx < 0) return fail([{ kind: 'MissingColumn', column: 'gewicht', found: t.header }]);
  if (t.rows.length === 0) return fail([{ kind: 'EmptyInput' }]);
  return ok({
    shares,
    rows: t.rows.map((cells, i) => ({ row: i + 2, code: (cells[codeIdx] ?? '').trim(), value: (cells[valueIdx] ?? '').trim() })),
  });
}

/** Beschikking amounts as CSV: gemeentecode, onderdeel_nr (1–16), jaar (2023–2026 or structureel), bedrag_eur. */
export function parseBeschikkingCsv(text: string, gemeenten: readonly Gemeente[], lineCount: number): Result<Beschikking[]> {
  const t = table(text);
  if (!t) return fail([{ kind: 'EmptyInput' }]);
  const need = ['gemeentecode', 'onderdeel_nr', 'jaar', 'bedrag_eur'];
  const idx = need.map((c) => t.header.indexOf(c));
  const missing = need.find((_, i) => (idx[i] ?? -1) < 0);
  if (missing) return fail([{ kind: 'MissingColumn', column: missing, found: t.header }]);
  const known = new Set<string>(gemeenten.map((g) => g.code));
  const failures: InputFailure[] = [];
  const out: Beschikking[] = [];
  t.rows.forEach((cells, i) => {
    const row = i + 2;
    const [code, nrText, jaarText, amountText] = idx.map((j) => (cells[j] ?? '').trim()) as [string, string, string, string];
    const c = code.toUpperCase();
    if (!known.has(c)) failures.push({ kind: 'UnknownCbsCode', row, code });
    const nr = Number(nrText);
    if (!Number.isInteger(nr) || nr < 1 || nr > lineCount) failures.push({ kind: 'UnknownLine', row, text: nrText });
    const period = parsePeriod(jaarText);
    if (period === undefined) failures.push({ kind: 'UnknownPeriod', row, text: jaarText });
    const digits = amountText.replace(/[.\s€]/g, '');
    if (!/^\d+$/.test(digits)) failures.push({ kind: 'NotANumber', row, column: 'bedrag_eur', text: amountText });
    if (failures.length === 0 && period !== undefined)
      out.push({ code: c as CbsCode, nr, period, amount: euro(Number(digits)) });
  });
  return failures.length > 0 ? fail(failures) : ok(out);
}
