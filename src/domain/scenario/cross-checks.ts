import type { BegrotingRegeling, BegrotingToets, Plafond } from '../begroting';
import { BEGROTING_REGELINGEN, REGIONALE_POSTEN } from '../begroting';
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

/**
 * The direct check of the Samenvatting (issue 16, "one truth"; Controle's check `samenvatting`): per
 * year of the edition, the Samenvatting's "Totaal baten" (`toets.totaalBaten`, what the raad reads)
 * minus what the Begrotingstoets says is received: Σ over the begroting posts of the plafond after
 * overheveling (`plafondNaOverheveling`) plus Σ over the regional posts of what the mandaatgemeente
 * passes on (`vanMandaatgemeente`). Whole euros; 0 = the Samenvatting tells the toets's amount. The
 * workbook computes the same difference from the Samenvatting's anchor `batenTotaal` and the
 * Begrotingstoets's cells, so a formula changed or a number typed over on either sheet shows here.
 */
export function samenvattingVerschil(toets: BegrotingToets): Euro[] {
  return toets.totaalBaten.map((totaal, i) => {
    const plafond = BEGROTING_REGELINGEN.reduce(
      (a, reg) => a + (toets.plafondNaOverheveling[reg][i] ?? 0),
      0,
    );
    const vanMandaat = REGIONALE_POSTEN.reduce(
      (a, p) => a + (toets.vanMandaatgemeente[p][i]?.bedrag ?? 0),
      0,
    );
    return euro(totaal - plafond - vanMandaat);
  });
}

/** How many years of `samenvattingVerschil` are not 0 (the model check `samenvatting` on Controle). */
export function samenvattingAfwijkingen(toets: BegrotingToets): number {
  return samenvattingVerschil(toets).filter((x) => x !== 0).length;
}
