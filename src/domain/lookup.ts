import { GEMEENTE_ALIASES } from './gemeente-aliases';
import type { InputFailure, Result } from './failures';
import { fail, ok } from './failures';
import type { Gemeente } from './types';

export { GEMEENTE_ALIASES } from './gemeente-aliases';

/**
 * One gemeente lookup for the CLI and the task pane: by CBS code ("GM0034", "0034", "34"), by the
 * CBS name, the VWS spelling, an everyday name (GEMEENTE_ALIASES) or the name without its qualifier
 * ("Middelburg" for "Middelburg (Z.)") when that is unique; case, accents and punctuation ignored.
 * A prefix never resolves by itself: it gives ranked suggestions.
 */

/** Case-, accent- and punctuation-free form of a name: "'s-Gravenhage" → "sgravenhage". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Words of a name, normalised: "Bergen op Zoom" → ["bergen", "op", "zoom"]. */
export function nameWords(text: string): string[] {
  return text
    .split(/[\s\-'()./,]+/)
    .map(normaliseName)
    .filter((w) => w.length > 0);
}

/** The name without a qualifier in parentheses: "Bergen (NH.)" → "Bergen". */
function baseName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** What a query is matched against; the national option of the pane uses it too. */
export interface SearchEntry {
  /** The shown name, e.g. "Bergen (NH.)"; its words rank word matches. */
  readonly label: string;
  /** Every name the entry is known by (label first), as typed; normalised when matched. */
  readonly names: readonly string[];
  /** Digits of the CBS code, e.g. "0034"; empty when the entry has no code. */
  readonly codeDigits: string;
}

/** The names a gemeente is known by: CBS name, VWS spelling, everyday names. */
export function gemeenteNames(g: Gemeente): string[] {
  return [g.naam, g.naamVws, ...(GEMEENTE_ALIASES[g.code] ?? [])];
}

export function searchEntry(g: Gemeente): SearchEntry {
  return { label: g.naam, names: gemeenteNames(g), codeDigits: g.code.replace(/^GM/, '') };
}

/** Ranks: lower is better. 0–2 are exact (code, name, name without qualifier); above is a suggestion. */
export const RANK = {
  code: 0,
  name: 1,
  baseName: 2,
  codePrefix: 3,
  leadingWords: 4,
  prefix: 5,
  words: 6,
  substring: 7,
} as const;

/** How well `text` matches an entry; undefined when it does not match at all. */
export function matchRank(entry: SearchEntry, text: string): number | undefined {
  const query = normaliseName(text);
  if (query === '') return undefined;
  const code = /^(?:gm)?(\d{1,4})$/.exec(query);
  if (code && entry.codeDigits !== '') {
    const digits = code[1] ?? '';
    if (entry.codeDigits === digits.padStart(4, '0')) return RANK.code;
    if (entry.codeDigits.startsWith(digits) || entry.codeDigits.replace(/^0+/, '').startsWith(digits))
      return RANK.codePrefix;
  }
  const names = entry.names.map(normaliseName);
  if (names.includes(query)) return RANK.name;
  if (entry.names.some((n) => normaliseName(baseName(n)) === query)) return RANK.baseName;
  const queryWords = nameWords(text);
  const labelWords = nameWords(entry.label);
  if (queryWords.length > 0 && queryWords.every((q, i) => (labelWords[i] ?? '').startsWith(q)))
    return RANK.leadingWords;
  if (names.some((n) => n.startsWith(query))) return RANK.prefix;
  if (queryWords.length > 0 && queryWords.every((q) => labelWords.some((w) => w.startsWith(q))))
    return RANK.words;
  if (names.some((n) => n.includes(query))) return RANK.substring;
  return undefined;
}

/** Indexes of the entries matching `text`, best first; ties keep the given order. */
export function rankEntries(entries: readonly SearchEntry[], text: string): number[] {
  const hits: { index: number; rank: number }[] = [];
  entries.forEach((entry, index) => {
    const rank = matchRank(entry, text);
    if (rank !== undefined) hits.push({ index, rank });
  });
  hits.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return hits.map((h) => h.index);
}

const collator = new Intl.Collator('nl-NL', { sensitivity: 'base', ignorePunctuation: true });

/** Dutch reading order of names: 's-Gravenhage under S, as in the CBS lists. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Gemeenten matching `text`, best first, ties in Dutch alphabetical order. */
export function searchGemeenten(text: string, gemeenten: readonly Gemeente[]): Gemeente[] {
  const sorted = [...gemeenten].sort((a, b) => compareNames(a.naam, b.naam) || a.code.localeCompare(b.code));
  return rankEntries(sorted.map(searchEntry), text).flatMap((i) => sorted[i] ?? []);
}

/**
 * Finds one gemeente by code or name. Only an exact match resolves: the code, a name, or a name
 * without its qualifier that only one gemeente has. Anything else fails with ranked suggestions.
 */
export function findGemeente(text: string, gemeenten: readonly Gemeente[]): Result<Gemeente> {
  const ranked = searchGemeenten(text, gemeenten);
  const best = ranked[0];
  const bestRank = best ? matchRank(searchEntry(best), text) : undefined;
  if (best && bestRank !== undefined && bestRank <= RANK.baseName) {
    const tied = ranked.filter((g) => matchRank(searchEntry(g), text) === bestRank);
    if (tied.length === 1) return ok(best);
  }
  const failure: InputFailure = {
    kind: 'UnknownGemeente',
    text,
    suggestions: ranked.slice(0, 5).map((g) => `${g.naam} (${g.code})`),
  };
  return fail([failure]);
}
