import type { EditionYear } from '../domain';

/** Year column headers, as numbers: the edition's years (the columns from E on every time-axis sheet). */
export function yearHeaders(years: readonly EditionYear[]): number[] {
  return [...years];
}

/** The span of the year axis as a sheet text writes it, e.g. "2023–2029" (one year: "2030"). */
export function yearSpan(years: readonly EditionYear[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? String(first) : `${first}–${last}`;
}
