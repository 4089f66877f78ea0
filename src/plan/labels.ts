import { EDITION_YEARS } from '../domain';

/** Year column headers 2023–2029, as numbers (the same columns E..K on every time-axis sheet). */
export function yearHeaders(): number[] {
  return [...EDITION_YEARS];
}
