import type { Allocation } from './allocation';
import { nationalAmount } from './allocation';
import type { Euro } from './money';
import { euro } from './money';
import type { Period } from './periods';
import { PERIODS, YEARS } from './periods';
import { splitStructural } from './structural-split';
import type { Hoofdthema, Onderdeel } from './types';

export interface PeriodTotals {
  readonly perPeriod: Readonly<Record<Period, Euro>>;
  /** Σ 2023–2026. */
  readonly meerjarig: Euro;
  /** What continues each year after 2026 (the structural level). */
  readonly runRate: Euro;
  readonly structureelPerPeriod: Readonly<Record<Period, Euro>>;
  readonly incidenteelPerPeriod: Readonly<Record<Period, Euro>>;
}

function emptyRecord(): Record<Period, Euro> {
  return { 2023: euro(0), 2024: euro(0), 2025: euro(0), 2026: euro(0), structureel: euro(0) };
}

/** Totals of a set of (line, amount-per-period, level) rows. */
function totalsOf(rows: readonly ((p: Period) => Euro)[]): PeriodTotals {
  const perPeriod = emptyRecord();
  const s = emptyRecord();
  const inc = emptyRecord();
  for (const amountOf of rows) {
    const level = amountOf('structureel');
    for (const p of PERIODS) {
      const a = amountOf(p);
      const split = splitStructural(a, level, p);
      perPeriod[p] = euro(perPeriod[p] + a);
      s[p] = euro(s[p] + split.structureel);
      inc[p] = euro(inc[p] + split.incidenteel);
    }
  }
  const meerjarig = euro(YEARS.reduce((acc, y) => acc + perPeriod[y], 0));
  return {
    perPeriod,
    meerjarig,
    runRate: perPeriod.structureel,
    structureelPerPeriod: s,
    incidenteelPerPeriod: inc,
  };
}

/** National totals of the given lines (e.g. one hoofdthema). */
export function nationalTotals(lines: readonly Onderdeel[]): PeriodTotals {
  return totalsOf(lines.map((l) => (p: Period) => nationalAmount(l, p)));
}

export function linesOfHoofdthema(lines: readonly Onderdeel[], thema: Hoofdthema): Onderdeel[] {
  return lines.filter((l) => l.hoofdthema === thema);
}

/** Totals for one gemeente (by row) over the given line indexes, beschikkingen included. */
export function gemeenteTotals(
  allocation: Allocation,
  row: number,
  lineIndexes: readonly number[],
): PeriodTotals {
  return totalsOf(lineIndexes.map((li) => (p: Period) => allocation.amount(row, li, p).amount));
}
