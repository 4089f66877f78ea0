/**
 * Which editions an edition may be compared with ("Wat is er veranderd"): the one rule behind the
 * CLI's `werkboek --van` / `verschil --van` (src/cli/cli.ts, resolveVan) and the pane's "Vergelijk met
 * editie" (src/taskpane/compare.ts). Pure: it reads only the manifests' `id`, `datum` and `vorige`.
 */

/** What the rule needs of an edition (an `EditionManifest`, or the pane's `EditionInfo`). */
export interface EditionOrder {
  readonly id: string;
  /** ISO date of the edition (`datum` in edition.json). */
  readonly datum?: string;
  /** The edition it builds on (`vorige` in edition.json); null or absent for the first. */
  readonly vorige?: string | null;
}

/**
 * The editions `id` may be compared with, newest first (by `datum`): the editions it builds on
 * (directly or not, through `vorige`) and every edition with an earlier `datum`. Never the edition
 * itself, a later one, or anything for an unknown `id` (empty list). A `vorige` cycle stops.
 */
export function earlierEditions(editions: readonly EditionOrder[], id: string): string[] {
  const byId = new Map(editions.map((e) => [e.id, e]));
  const own = byId.get(id);
  if (!own) return [];
  const ancestors = new Set<string>();
  for (let v = own.vorige; v && !ancestors.has(v); v = byId.get(v)?.vorige) ancestors.add(v);
  return editions
    .filter(
      (e) =>
        e.id !== id &&
        (ancestors.has(e.id) || (own.datum !== undefined && e.datum !== undefined && e.datum < own.datum)),
    )
    .sort((a, b) => (b.datum ?? '').localeCompare(a.datum ?? ''))
    .map((e) => e.id);
}
