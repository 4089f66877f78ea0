import type { BegrotingRegeling, Plafond } from '../begroting';
import { BEGROTING_REGELINGEN } from '../begroting';
import type { EditionLine, EditionYear } from '../edition';
import type { Euro } from '../money';
import { euro } from '../money';

/**
 * One cross-sheet check of the workbook: per begroting post and year, what Overzicht shows (Σ of its
 * lines on that post) minus the Begrotingstoets's plafond of the post (which the Samenvatting's baten
 * and every rule of the toets read). 0 = both sheets tell the same amount.
 */
export interface AansluitingRegel {
  readonly post: BegrotingRegeling;
  /** Per year of the edition (euros): Overzicht − plafond. */
  readonly verschil: readonly Euro[];
}

/**
 * The cross-sheet checks of Overzicht against the Begrotingstoets (issue 16, "one truth"): for every
 * begroting post (`BEGROTING_REGELINGEN`, also one the edition has no line for: then Overzicht shows
 * 0) and year, Σ `amount` over the allocated lines charged to the post minus `plafond`. Non-zero only
 * where the beschikking gives a Brede SPUK total that cannot be spread over the onderdelen
 * (`totaalVerdeling`: below the onderdelen entered), or a beschikking for a post the edition has no
 * line for: then the sheets really disagree and the Modelcontrole says so. Whole euros.
 */
export function aansluiting(
  allocLines: readonly EditionLine[],
  years: readonly EditionYear[],
  amount: (nr: number, jaar: EditionYear) => Euro,
  plafond: Readonly<Record<BegrotingRegeling, readonly Plafond[]>>,
): AansluitingRegel[] {
  return BEGROTING_REGELINGEN.map((post) => {
    const lines = allocLines.filter((l) => l.begroting === post);
    return {
      post,
      verschil: years.map((jaar, c) =>
        euro(lines.reduce((a, l) => a + amount(l.nr, jaar), 0) - (plafond[post][c]?.bedrag ?? 0)),
      ),
    };
  });
}

/** How many cells of `aansluiting` are not 0 (the model check `aansluiting` on Controle). */
export function aansluitingAfwijkingen(rows: readonly AansluitingRegel[]): number {
  return rows.reduce((a, r) => a + r.verschil.filter((x) => x !== 0).length, 0);
}
