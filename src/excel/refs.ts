/** Sheet-qualified references as Excel writes them in names and formulas. Pure string work. */
import type { RangeRef } from '../plan';
import { parseRange, rangeAddress } from '../plan';

/** Sheet names compare case-insensitively in Excel; so do defined names. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** `Blad` or `'Mijn blad'` as Excel writes it in front of "!". */
export function quoteSheet(sheet: string): string {
  const plain = /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(sheet);
  const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^R\d*C\d*$/i.test(sheet);
  return plain && !looksLikeRef ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "$A$1:$B$2" → "A1:B2". */
export function stripDollars(address: string): string {
  return address.replace(/\$/g, '');
}

/** "A1:B2" → "$A$1:$B$2". */
export function absolute(address: string): string {
  return address.replace(/([A-Z]{1,3})(\d+)/g, '$$$1$$$2');
}

/** "=Blad!$A$1" for a sheet and an A1 address. */
export function sheetFormula(sheet: string, address: string): string {
  return `=${quoteSheet(sheet)}!${absolute(stripDollars(address))}`;
}

export interface SheetRange {
  readonly sheet: string;
  /** Without "$". */
  readonly address: string;
  readonly rect: RangeRef;
}

const SINGLE_REF = /^=?('(?:[^']|'')+'|[^'!=:,()"\s#]+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i;

/**
 * "Blad!$A$1:$B$2", "='Mijn blad'!A1" → sheet and address. Undefined for anything else (a formula,
 * a constant, "#REF!", a reference without sheet).
 */
export function parseSheetRange(reference: unknown): SheetRange | undefined {
  if (typeof reference !== 'string') return undefined;
  const m = SINGLE_REF.exec(reference.trim());
  if (!m) return undefined;
  const rawSheet = m[1] ?? '';
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const address = stripDollars(m[2] ?? '').toUpperCase();
  try {
    const rect = parseRange(address);
    return { sheet, address: rangeAddress(rect), rect };
  } catch {
    return undefined;
  }
}

/** Same as parseSheetRange, but throws for a malformed plan reference. */
export function requireSheetRange(reference: string): SheetRange {
  const r = parseSheetRange(reference);
  if (!r) throw new RangeError(`Not a sheet-qualified range: ${reference}`);
  return r;
}

const FORMULA_SHEET = /^=\s*(?:'((?:[^']|'')+)'|([^'!=:,;()"\s#]+))!/;

/**
 * The sheet a name's formula starts with: `='Wat is er veranderd'!$A$1:$H$40` → "Wat is er veranderd".
 * Only the sheet part, which is the sheet's own name in every language and reference style (Excel
 * desktop gives the rest of `NamedItem.formula` in the user's language and style, office-js #2834:
 * `=Blad!R1K1`, `=#VERW!…`). Undefined for anything else (a constant, a formula, a lost reference).
 */
export function formulaSheet(formula: unknown): string | undefined {
  if (typeof formula !== 'string') return undefined;
  const m = FORMULA_SHEET.exec(formula.trim());
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * True when a name's formula may refer to `sheet` anywhere (conservative: also a formula that only
 * mentions it in a function, or a formula that was not read). Used before a sheet is deleted: a sheet
 * that any other name refers to is kept.
 */
export function mayReferToSheet(formula: unknown, sheet: string): boolean {
  if (typeof formula !== 'string') return true;
  const text = formula.toUpperCase();
  const quoted = `'${sheet.replace(/'/g, "''").toUpperCase()}'!`;
  if (text.includes(quoted)) return true;
  const bare = `${sheet.toUpperCase()}!`;
  let at = text.indexOf(bare);
  while (at >= 0) {
    const before = at === 0 ? '' : (text[at - 1] ?? '');
    if (!/[A-Z0-9_.'\u00C0-\u024F]/i.test(before)) return true;
    at = text.indexOf(bare, at + 1);
  }
  return false;
}
