/**
 * Type-ahead over the gemeenten for the task pane's combobox. Pure: no DOM, no Office.
 * Matching and ranking are the domain's (`matchRank`, the same lookup the CLI uses): the CBS name,
 * the VWS spelling, the CBS code ("GM0034", "0034", "34") and everyday names ("Den Haag"),
 * ignoring case, accents and punctuation. This file only adds the national option.
 */
import type { CbsCode, Gemeente, SearchEntry } from '../domain';
import { compareNames, matchRank, normaliseName, RANK, rankEntries, searchEntry } from '../domain';

/** The value of the national option: no gemeente chosen. */
export const LANDELIJK = 'landelijk';
export type GemeenteChoice = CbsCode | typeof LANDELIJK;

export interface GemeenteOption extends SearchEntry {
  readonly value: GemeenteChoice;
  /** What the list and the input show, e.g. "Almere". */
  readonly label: string;
  /** Second line, e.g. "GM0034 · Flevoland". */
  readonly detail: string;
}

export const normalise = normaliseName;

/** The national option first, then every gemeente sorted by name as a Dutch reader expects. */
export function gemeenteOptions(gemeenten: readonly Gemeente[], landelijkLabel: string): GemeenteOption[] {
  const national: GemeenteOption = {
    value: LANDELIJK,
    label: landelijkLabel,
    detail: '',
    names: [landelijkLabel, 'landelijk', 'nederland', 'nl'],
    codeDigits: '',
  };
  const list = gemeenten.map((g): GemeenteOption => ({
    ...searchEntry(g),
    value: g.code,
    detail: `${g.code} · ${g.provincie}`,
  }));
  list.sort((a, b) => compareNames(a.label, b.label) || a.value.localeCompare(b.value));
  return [national, ...list];
}

/**
 * The options matching `text`, best first; ties keep the list order (alphabetical). An empty
 * query gives every option. The national option only matches its own words.
 */
export function filterOptions(options: readonly GemeenteOption[], text: string): GemeenteOption[] {
  if (normaliseName(text) === '') return [...options];
  return rankEntries(options, text).flatMap((i) => options[i] ?? []);
}

/**
 * The option the text names exactly (code, name, everyday name, or a unique name without its
 * qualifier), if any; a prefix is never exact.
 */
export function exactOption(options: readonly GemeenteOption[], text: string): GemeenteOption | undefined {
  for (const rank of [RANK.code, RANK.name, RANK.baseName]) {
    const hits = options.filter((o) => matchRank(o, text) === rank);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}
