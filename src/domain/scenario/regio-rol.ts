import { regioVanLid } from '../begroting';
import type { Ledger } from '../ledger';
import type { CbsCode, Maybe } from '../types';

/**
 * The gemeente's role in the regional money (SPUK IZA to 2026, SPUK AZWA regionaal from 2027):
 * - `mandaatgemeente`: it receives the region's amount itself (`Ledger.mandaatVan`; e.g. Zwolle,
 *   Almere) and passes it on (the sheet Regioverdeling);
 * - `lid`: a member of a region that is not its mandaatgemeente (`regioVanLid`; e.g. Dalfsen, Kampen,
 *   Dronten): it receives its share from the mandaatgemeente (the Beschikking's input "ontvangen van
 *   de mandaatgemeente", the Samenvatting's baten);
 * - `geen`: neither (a gemeente in no region, and the national view, `code` undefined).
 * A gemeente that is mandaatgemeente of one region is never a `lid` (as the verantwoording's SiSa
 * role, `IzaSisa.rol`). The workbook shows each role's rows only to that role (#18).
 */
export type RegioRol = 'mandaatgemeente' | 'lid' | 'geen';

/** The role of `code` (see `RegioRol`); `geen` for the national view. Pure. */
export function regioRol(ledger: Ledger, code: Maybe<CbsCode>): RegioRol {
  if (code === undefined) return 'geen';
  if (ledger.mandaatVan(code).length > 0) return 'mandaatgemeente';
  return regioVanLid(ledger, code) !== undefined ? 'lid' : 'geen';
}
