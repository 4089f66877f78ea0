import type { EditionDiffRow, EditionYear, Euro } from '../domain';

/**
 * The first cells of one row of an edition diff (the domain's `EditionDiffRow`), as both listings
 * write them: the CLI's `verschil` (columns regeling … verschil_eur) and the sheet "Wat is er
 * veranderd" (Regeling … Verschil (€)). In this order: the begroting post, the onderdeel's number
 * ("totaal" for a post's total per year, "netto" for the own money's net row, `EIGEN_GELD_NETTO`),
 * the onderdeel's name, the year, the amount in the older and in the newer edition and their
 * difference (whole euros). The percentage and the signal follow in each listing's own form.
 */
export function verschilCellen(
  r: EditionDiffRow,
): readonly [string, number | string, string, EditionYear, Euro, Euro, Euro] {
  return [
    r.post,
    r.nr ?? (r.soort === 'totaal' ? 'totaal' : 'netto'),
    r.onderdeel,
    r.jaar,
    r.van,
    r.naar,
    r.verschil,
  ];
}
