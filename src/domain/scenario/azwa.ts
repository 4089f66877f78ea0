import type { EditionYear } from '../edition';
import type { Euro } from '../money';

/** The regeling id of the SPUK AZWA (lokaal and regionaal lines). */
const AZWA = 'spuk-azwa';

/**
 * Whether the gemeente's SPUK AZWA amounts are still the raming (issue 16): the edition's years in
 * which the gemeente receives SPUK AZWA money (own or as mandaatgemeente), and whether any of them
 * comes from its beschikking. Until one does, the amounts read "raming" (the verdeelsleutel is
 * "vooralsnog", VWS/LZJS to VNG 22-04-2026) and the pane and Overzicht ask for the beschikking first.
 */
export interface AzwaStatus {
  readonly jaren: readonly EditionYear[];
  readonly beschikking: boolean;
}

/** `AzwaStatus` from the allocated lines and the scenario's amount per line and year (see there). Pure. */
export function azwaStatus(
  lines: readonly { readonly nr: number; readonly regeling: { readonly id: string } }[],
  years: readonly EditionYear[],
  amount: (nr: number, jaar: EditionYear) => { readonly bedrag: Euro; readonly bron: string },
): AzwaStatus {
  const azwa = lines.filter((l) => l.regeling.id === AZWA);
  const jaren = years.filter((y) => azwa.some((l) => amount(l.nr, y).bedrag !== 0));
  const beschikking = azwa.some((l) => years.some((y) => amount(l.nr, y).bron === 'beschikking'));
  return { jaren, beschikking };
}
