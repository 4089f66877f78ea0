/** The budget years of the regeling, and the structural level that continues after 2026. */
export const YEARS = [2023, 2024, 2025, 2026] as const;
export type Year = (typeof YEARS)[number];

export type Period = Year | 'structureel';
export const PERIODS: readonly Period[] = [...YEARS, 'structureel'];

/** The last year covered by the beschikking (Regeling 2023–2026). */
export const LAST_YEAR: Year = 2026;

export function isYear(p: Period): p is Year {
  return p !== 'structureel';
}

export function periodIndex(p: Period): number {
  return PERIODS.indexOf(p);
}

export function parsePeriod(text: string): Period | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'structureel') return 'structureel';
  const n = Number(t);
  return (YEARS as readonly number[]).includes(n) ? (n as Year) : undefined;
}
