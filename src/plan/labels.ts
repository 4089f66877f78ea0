import { PERIODS } from '../domain';

/** Period column headers: the years as numbers and "Structureel" (the level from 2027 on). */
export function periodHeaders(): (number | string)[] {
  return PERIODS.map((p) => (p === 'structureel' ? 'Structureel' : p));
}
