/**
 * "Vergelijk met editie": which edition the sheet "Wat is er veranderd" compares the chosen edition
 * with, as the CLI's `werkboek --van` / `verschil --van` choose it. Pure: no DOM, no Office.
 *
 * The pane's choice (`Selection.compareWith`):
 * - undefined: the edition's own `vorige` (the default, as before this choice existed; none for the
 *   first edition);
 * - `NO_COMPARISON` ("geen"): no comparison, the plan has no sheet "Wat is er veranderd";
 * - an edition id: that earlier edition (e.g. gala-2023 for the step GALA → Bijlage 2A).
 */

import { earlierEditions } from '../data';

/** The rule of the CLI's `--van` (src/data/earlier-editions.ts), shared. */
export { earlierEditions };

/** The choice "geen": no sheet "Wat is er veranderd". No edition id can be "geen" (ids are `naam-jjjj…`). */
export const NO_COMPARISON = 'geen';

/** The radio value of the default (the edition's `vorige`); never an edition id. */
export const COMPARE_DEFAULT = 'vorige';

/** What the pane knows of an edition (from its manifest, `src/data/manifest.ts`). */
export interface EditionInfo {
  readonly id: string;
  /** As the pane lists it. */
  readonly naam: string;
  /** ISO date of the edition (`datum` in edition.json). */
  readonly datum?: string;
  /** The edition it builds on (`vorige` in edition.json); null or absent for the first. */
  readonly vorige?: string | null;
}

/**
 * The edition the scenario compares with (`ScenarioRequest.vorige`'s id, the CLI's `--van`), or
 * undefined for none: the default follows the edition's `vorige`; an id that is not an earlier edition
 * of `editionId` (e.g. left from another edition) falls back to the default.
 */
export function comparedEdition(
  editions: readonly EditionInfo[],
  editionId: string,
  compareWith: string | undefined,
): string | undefined {
  if (compareWith === NO_COMPARISON) return undefined;
  if (compareWith !== undefined && earlierEditions(editions, editionId).includes(compareWith))
    return compareWith;
  const vorige = editions.find((e) => e.id === editionId)?.vorige;
  return vorige ?? undefined;
}

/**
 * The choice to keep after the edition changed to `editionId`: "geen" and the default stay; an id stays
 * only when it is still an earlier edition, otherwise the default.
 */
export function keepCompareWith(
  editions: readonly EditionInfo[],
  editionId: string,
  compareWith: string | undefined,
): string | undefined {
  if (compareWith === undefined || compareWith === NO_COMPARISON) return compareWith;
  return earlierEditions(editions, editionId).includes(compareWith) ? compareWith : undefined;
}

export interface CompareOption {
  /** The radio's value: COMPARE_DEFAULT, NO_COMPARISON or an edition id. */
  readonly value: string;
  /** The edition compared with; undefined for "geen". */
  readonly editionId: string | undefined;
}

/**
 * The radios for `editionId`: the default (its `vorige`) first, the other earlier editions newest
 * first, then "geen". The first edition (no `vorige`) offers only "geen".
 */
export function compareOptions(editions: readonly EditionInfo[], editionId: string): CompareOption[] {
  const vorige = editions.find((e) => e.id === editionId)?.vorige ?? undefined;
  const earlier = earlierEditions(editions, editionId);
  return [
    ...(vorige !== undefined ? [{ value: COMPARE_DEFAULT, editionId: vorige }] : []),
    ...earlier.filter((id) => id !== vorige).map((id) => ({ value: id, editionId: id })),
    { value: NO_COMPARISON, editionId: undefined },
  ];
}

/** The radio that shows `compareWith` for `editionId` (the default without `vorige` shows "geen"). */
export function checkedCompareOption(
  editions: readonly EditionInfo[],
  editionId: string,
  compareWith: string | undefined,
): string {
  const compared = comparedEdition(editions, editionId, compareWith);
  if (compared === undefined) return NO_COMPARISON;
  const vorige = editions.find((e) => e.id === editionId)?.vorige ?? undefined;
  return compared === vorige ? COMPARE_DEFAULT : compared;
}
