import type { EditionInput } from '../domain';
import { editionInput, editionManifests } from './editions';

/**
 * The editions a scenario needs, by id: the edition itself and the one "Wat is er veranderd" compares
 * it with (`van`, default the edition's `vorige`; none for the first edition). Ids must be known
 * (`isEditionId`); throws RangeError otherwise.
 */
export function scenarioEditions(
  id: string,
  van?: string,
): { readonly edition: EditionInput; readonly vorige: EditionInput | undefined } {
  const manifest = editionManifests().find((m) => m.id === id);
  if (!manifest) throw new RangeError(`Unknown edition ${id}`);
  const vorige = van ?? manifest.vorige ?? undefined;
  return { edition: editionInput(id), vorige: vorige === undefined ? undefined : editionInput(vorige) };
}
