import type { EditionDiffRow, EditionYear, Euro } from '../domain';

/** What a listing writes where an edition's amount is an open post (as Landelijk: no amount, not 0). */
export const OPEN_POST = 'open post';

/**
 * The first cells of one row of an edition diff (the domain's `EditionDiffRow`), as both listings
 * write them: the CLI's `verschil` (columns regeling … verschil_eur) and the sheet "Wat is er
 * veranderd" (Regeling … Verschil (€)). In this order: the begroting post, the onderdeel's number
 * ("totaal" for a post's total per year, "netto" for the own money's net row, `EIGEN_GELD_NETTO`),
 * the onderdeel's name, the year, the amount in the older and in the newer edition and their
 * difference (whole euros). The percentage and the signal follow in each listing's own form.
 * An open post (`EditionDiffRow.open`) is no amount: on a line the edition's cell reads "open post"
 * and the difference is empty; a total or net row keeps its sums of the known amounts and says in
 * its name that the open post is not in them.
 */
export function verschilCellen(
  r: EditionDiffRow,
): readonly [string, number | string, string, EditionYear, Euro | string, Euro | string, Euro | string] {
  const line = r.soort === 'onderdeel';
  const vanOpen = line && (r.open === 'van' || r.open === 'beide');
  const naarOpen = line && (r.open === 'naar' || r.open === 'beide');
  const naam = !line && r.open !== undefined ? `${r.onderdeel} (zonder open post)` : r.onderdeel;
  return [
    r.post,
    r.nr ?? (r.soort === 'totaal' ? 'totaal' : 'netto'),
    naam,
    r.jaar,
    vanOpen ? OPEN_POST : r.van,
    naarOpen ? OPEN_POST : r.naar,
    r.verschil ?? '',
  ];
}
