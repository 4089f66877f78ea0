/**
 * Type-ahead over the gemeenten for the task pane's combobox. Pure: no DOM, no Office.
 * Matches on the CBS name, the VWS spelling, the CBS code ("GM0034", "0034", "34") and a few
 * everyday names ("Den Haag"), ignoring case, accents and punctuation.
 */
import type { CbsCode, Gemeente } from '../domain';

/** The value of the national option: no gemeente chosen. */
export const LANDELIJK = 'landelijk';
export type GemeenteChoice = CbsCode | typeof LANDELIJK;

export interface GemeenteOption {
  readonly value: GemeenteChoice;
  /** What the list and the input show, e.g. "Almere". */
  readonly label: string;
  /** Second line, e.g. "GM0034 · Flevoland". */
  readonly detail: string;
  /** Normalised texts the query is matched against (first one is the main name). */
  readonly names: readonly string[];
  /** Digits of the CBS code, e.g. "0034"; empty for the national option. */
  readonly codeDigits: string;
}

/** Everyday names that differ from the official CBS name. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ['Den Haag'],
  GM0796: ['Den Bosch'],
};

export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Words of a name, normalised: "Bergen op Zoom" → ["bergen", "op", "zoom"]. */
function words(text: string): string[] {
  return text
    .split(/[\s\-'()./]+/)
    .map(normalise)
    .filter((w) => w.length > 0);
}

const collator = new Intl.Collator('nl-NL', { sensitivity: 'base', ignorePunctuation: true });

/** The national option first, then every gemeente sorted by name as a Dutch reader expects. */
export function gemeenteOptions(gemeenten: readonly Gemeente[], landelijkLabel: string): GemeenteOption[] {
  const national: GemeenteOption = {
    value: LANDELIJK,
    label: landelijkLabel,
    detail: '',
    names: [normalise(landelijkLabel), 'landelijk', 'nederland', 'nl'],
    codeDigits: '',
  };
  const list = gemeenten.map((g): GemeenteOption => ({
    value: g.code,
    label: g.naam,
    detail: `${g.code} · ${g.provincie}`,
    names: [g.naam, g.naamVws, ...(ALIASES[g.code] ?? [])].map(normalise),
    codeDigits: g.code.replace(/^GM/, ''),
  }));
  list.sort((a, b) => collator.compare(a.label, b.label) || a.value.localeCompare(b.value));
  return [national, ...list];
}

/** Lower is better; undefined means no match. */
function rank(option: GemeenteOption, query: string, raw: string): number | undefined {
  const code = /^(?:gm)?(\d{1,4})$/.exec(query);
  if (code && option.codeDigits !== '') {
    const digits = code[1] ?? '';
    if (option.codeDigits === digits.padStart(4, '0')) return 0;
    if (option.codeDigits.startsWith(digits) || option.codeDigits.replace(/^0+/, '').startsWith(digits))
      return 1;
  }
  if (option.names.some((n) => n === query)) return 2;
  if (option.names.some((n) => n.startsWith(query))) return 3;
  const queryWords = words(raw);
  const labelWords = words(option.label);
  if (queryWords.length > 0 && queryWords.every((q) => labelWords.some((w) => w.startsWith(q)))) return 4;
  if (option.names.some((n) => n.includes(query))) return 5;
  return undefined;
}

/**
 * The options matching `text`, best first; ties keep the list order (alphabetical). An empty
 * query gives every option. The national option only matches its own words.
 */
export function filterOptions(options: readonly GemeenteOption[], text: string): GemeenteOption[] {
  const query = normalise(text);
  if (query === '') return [...options];
  const hits: { option: GemeenteOption; rank: number; index: number }[] = [];
  options.forEach((option, index) => {
    const r = rank(option, query, text);
    if (r !== undefined) hits.push({ option, rank: r, index });
  });
  hits.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return hits.map((h) => h.option);
}

/** The option whose label equals the text exactly (ignoring case and accents), if any. */
export function exactOption(options: readonly GemeenteOption[], text: string): GemeenteOption | undefined {
  const query = normalise(text);
  if (query === '') return undefined;
  return (
    options.find((o) => normalise(o.label) === query) ??
    options.find((o) => o.codeDigits !== '' && /^(?:gm)?\d{1,4}$/.test(query) && rank(o, query, text) === 0)
  );
}
