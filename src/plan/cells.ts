import type { Euro } from '../domain';

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
