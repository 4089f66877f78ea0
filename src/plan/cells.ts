import type { AzwaRaming, EditionYear, Euro } from '../domain';
import { euro } from '../domain';

/**
 * The one module that turns domain money into workbook cell values. Euros stay whole numbers;
 * millions are euros / 1 000 000 (exact to six decimals, the way GALA publishes them).
 */
export function euroCell(value: Euro): number {
  return value;
}

export function mlnCell(value: Euro | undefined): number | null {
  return value === undefined ? null : value / 1_000_000;
}

/** Millions where a blank source cell counts as zero in a formula result. */
export function mlnResult(value: Euro | number): number {
  return value / 1_000_000;
}

/** The years the AZWA raming publishes (its rows' amounts; 2027–2029 in the letter of 22-04-2026), ascending. */
export function ramingYears(raming: readonly AzwaRaming[]): EditionYear[] {
  const years = new Set(raming.flatMap((r) => Object.keys(r.bedragen).map(Number)));
  return [...years].sort((a, b) => a - b);
}

/** A raming row's amount in a year (0 where the row has none). */
export function ramingAmount(row: AzwaRaming, jaar: EditionYear | undefined): Euro {
  const amounts: Readonly<Partial<Record<EditionYear, Euro>>> = row.bedragen;
  return (jaar === undefined ? undefined : amounts[jaar]) ?? euro(0);
}
