/**
 * The pane's reading of a gemeente's beschikking: a range pasted from Excel (tab-separated, with or
 * without the header row) or a CSV file's bytes, read by the same reader and validation as the CLI
 * (`parseBeschikkingRegelsCsv`). Pure: the controller passes what the user gave, the state machine
 * (state.ts) keeps the outcome, office-services.ts writes it.
 */
import type {
  BegrotingRegeling,
  BeschikkingRegel,
  CbsCode,
  Gemeente,
  InputFailure,
  Notation,
} from '../domain';
import { BEGROTING_REGELINGEN } from '../domain';
import { parseBeschikkingRegelsCsv } from '../data';
import { failureText, formatEuro } from '../messages';
import type { GemeenteChoice } from './gemeente-search';
import { LANDELIJK } from './gemeente-search';
import { NL } from './messages.nl';

/** The header the pane puts above a paste without one (the columns of the hint, in that order). */
export const BESCHIKKING_HEADER = ['regeling', 'onderdeel', 'jaar', 'bedrag_eur'] as const;

/**
 * The optional columns after the four (issue #19 item 4): a paste of five or six columns without a
 * header gets them in this order (as the CSV of `--beschikking` names them).
 */
export const KENMERK_HEADER = ['beschikkingsnummer', 'beschikkingsdatum'] as const;

/** Column names the reader knows: a first line holding one of them is a header. */
const HEADER_NAMES = new Set<string>([
  ...BESCHIKKING_HEADER,
  ...KENMERK_HEADER,
  'gemeentecode',
  'onderdeel_nr',
]);

/** A key of the sheet Beschikking's grid, as its first column has them (src/plan/begroting/keys.ts). */
const GRID_KEY = /^(bs(\d{2})?|iza|azwa-l|azwa-r)$/;

/** At most this many failure texts are listed; the rest is counted ("en nog N meldingen"). */
export const MAX_SHOWN_FAILURES = 10;

export type BeschikkingSource =
  { readonly kind: 'paste'; readonly text: string } | { readonly kind: 'file'; readonly bytes: Uint8Array };

export type BeschikkingCheck =
  | { readonly ok: true; readonly gemeente: CbsCode; readonly regels: readonly BeschikkingRegel[] }
  | { readonly ok: false; readonly failures: readonly string[] };

/** The separator of a line as the reader chooses it: the most frequent of ";", tab and ",". */
export function delimiterOf(line: string): string {
  let best = '\t';
  let bestCount = 0;
  for (const d of [';', '\t', ',']) {
    const count = line.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/**
 * A pasted range with the header on top: unchanged when its first non-blank line names a column
 * (regeling, onderdeel, jaar, bedrag_eur, gemeentecode, onderdeel_nr) or when it is the sheet
 * Beschikking's own grid (a key first, or a "Sleutel" header in the first lines); otherwise the header
 * `regeling, onderdeel, jaar, bedrag_eur` is put above it, with the paste's own separator, followed by
 * `beschikkingsnummer` and `beschikkingsdatum` when the first line has five or six fields.
 */
export function withHeader(text: string): { readonly text: string; readonly added: boolean } {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const first = lines[0];
  if (first === undefined) return { text, added: false };
  const cellsOf = (line: string): string[] =>
    line.split(/[\t;,]/).map((c) => c.trim().replace(/^"|"$/g, '').toLowerCase());
  const cells = cellsOf(first);
  if (cells.some((c) => HEADER_NAMES.has(c))) return { text, added: false };
  // The sheet Beschikking's own grid (issue #17 item 14): its rows start with a key (BS, BS01, IZA,
  // AZWA-L, AZWA-R), its header (below the sheet's title rows) with "Sleutel"; the reader knows it.
  if (GRID_KEY.test(cells[0] ?? '') || lines.slice(0, 11).some((l) => cellsOf(l)[0] === 'sleutel'))
    return { text, added: false };
  // Five or six columns: the beschikkingsnummer (and -datum) follow the four, as the hint says.
  const delimiter = delimiterOf(first);
  const fields = first.split(delimiter).length;
  const extra =
    fields > BESCHIKKING_HEADER.length ? KENMERK_HEADER.slice(0, fields - BESCHIKKING_HEADER.length) : [];
  return { text: `${[...BESCHIKKING_HEADER, ...extra].join(delimiter)}\n${text}`, added: true };
}

/** A failure's rows as the user counts them: without the header the pane added, row 1 is the first pasted line. */
export function withoutAddedHeader(f: InputFailure): InputFailure {
  const shifted: Record<string, unknown> = { ...f };
  for (const field of ['row', 'firstRow'])
    if (typeof shifted[field] === 'number') shifted[field] = (shifted[field] as number) - 1;
  return shifted as unknown as InputFailure;
}

/**
 * Reads a beschikking for the chosen gemeente. A beschikking belongs to one gemeente: with the national
 * view chosen nothing is read. A failure comes back as the reader's Dutch texts (each names the row
 * and the fix); there is never a partial result. `excelNotation`: the notation Excel shows numbers in,
 * a hint for a paste only (a file may come from anywhere): see columnNotation's `hint`.
 */
export function checkBeschikking(
  source: BeschikkingSource,
  gemeente: GemeenteChoice,
  gemeenten: readonly Gemeente[],
  excelNotation?: Notation,
): BeschikkingCheck {
  if (gemeente === LANDELIJK) return { ok: false, failures: [NL.beschikking.needsGemeente] };
  const code = gemeente as CbsCode;
  const paste = source.kind === 'paste' ? withHeader(source.text) : undefined;
  const input = paste ? paste.text : source.kind === 'file' ? source.bytes : '';
  const result = parseBeschikkingRegelsCsv(input, {
    gemeente: code,
    gemeenten,
    ...(paste && excelNotation ? { notationHint: excelNotation } : {}),
  });
  if (!result.ok)
    return {
      ok: false,
      failures: result.failures.map((f) => failureText(paste?.added ? withoutAddedHeader(f) : f)),
    };
  return { ok: true, gemeente: code, regels: result.value };
}

/** "2023–2026" for consecutive years, "2023, 2025" otherwise. */
export function yearsText(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const y = sorted[i] as number;
    const next = sorted[i + 1];
    if (next === y + 1) continue;
    runs.push(start === y ? String(y) : `${start}–${y}`);
    start = next;
  }
  return runs.join(', ');
}

export interface BeschikkingSummary {
  /** "1 bedrag voor Almere gelezen, samen € 3.478.172:" */
  readonly text: string;
  /** Per regeling, in the workbook's order: its years and their sum. */
  readonly regelingen: readonly string[];
}

/** "€ 3.478.172" that does not wrap after the euro sign in the narrow pane. */
export function euroText(value: number): string {
  return formatEuro(value).replace('€ ', '€\u00a0');
}

/** What the pane shows before writing: how many amounts, per regeling the years and the total, all in euros. */
export function summarize(regels: readonly BeschikkingRegel[], where: string): BeschikkingSummary {
  const total = regels.reduce((a, r) => a + r.bedrag, 0);
  const per = (regeling: BegrotingRegeling): string | undefined => {
    const own = regels.filter((r) => r.regeling === regeling);
    if (own.length === 0) return undefined;
    const sum = own.reduce((a, r) => a + r.bedrag, 0);
    const line = NL.beschikking.perRegeling(regeling, yearsText(own.map((r) => r.jaar)), euroText(sum));
    // Every row of a regeling carries its beschikkingsnummer and -datum (the reader checks they agree).
    const { nummer, datum } = own[0] ?? {};
    return nummer !== undefined || datum !== undefined
      ? `${line}; ${NL.beschikking.kenmerk(nummer, datum === undefined ? undefined : dutchDate(datum))}`
      : line;
  };
  return {
    text: NL.beschikking.summary(regels.length, where, euroText(total)),
    regelingen: BEGROTING_REGELINGEN.map(per).filter((t): t is string => t !== undefined),
  };
}

/** "15-03-2025" from the reader's ISO "2025-03-15". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}
