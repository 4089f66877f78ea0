import type { BegrotingInvoer, BegrotingRegel, BegrotingRegeling } from '../begroting';
import { begrotingRegels, defaultTaakveld, legeBegroting, regelingLines } from '../begroting';
import type { ResolvedEdition } from '../edition';
import { euro } from '../money';

/**
 * The starter rows of a new Begroting table: one per Brede SPUK onderdeel of the edition (its
 * line's name as activiteit), then one per other regeling with a line (SPUK IZA, SPUK AZWA lokaal,
 * SPUK AZWA regionaal; regional money says "(via de mandaatgemeente)": the mandaatgemeente receives
 * it, a member gets its share from it), without amounts,
 * incidenteel, the regeling's default taakveld. The same rows for every gemeente (a batch shares
 * the sheet). `rij` numbers them from 1 (the werkmap places them; the plan sets the sheet row).
 */
export function starterRegels(edition: ResolvedEdition): BegrotingRegel[] {
  const rows: BegrotingRegel[] = [];
  const zero = edition.years.map(() => euro(0));
  const add = (regeling: BegrotingRegeling, onderdeel: number | undefined, activiteit: string) =>
    rows.push({
      rij: rows.length + 1,
      regeling,
      onderdeel,
      activiteit,
      taakveld: defaultTaakveld(regeling, onderdeel),
      uitvoerder: '',
      aard: 'incidenteel',
      lasten: zero,
      andereDekking: '',
      opmerking: '',
    });
  for (const nr of begrotingRegels(edition).onderdelen) {
    const line = edition.lines.find((l) => l.nr === nr);
    if (line) add('Brede SPUK', nr, line.naam);
  }
  // Regional money comes through the mandaatgemeente, for itself and for the members (whose share the
  // Begrotingstoets tests against); the rows are the same for every gemeente, so the text fits both.
  for (const regeling of ['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const) {
    const line = regelingLines(edition.lines, regeling)[0];
    if (!line) continue;
    add(
      regeling,
      undefined,
      line.ontvanger === 'mandaatgemeente' ? `${line.naam} (via de mandaatgemeente)` : line.naam,
    );
  }
  return rows;
}

/**
 * The begroting the werkmap's table Begroting is made with: the given one, else the starter rows
 * (`starterRegels`) with `legeBegroting`'s inputs. What Controle's `realisatie-sleutel` counts against.
 */
export function werkmapBegroting(
  edition: ResolvedEdition,
  begroting: BegrotingInvoer | undefined,
): BegrotingInvoer {
  return begroting ?? { ...legeBegroting(edition), regels: starterRegels(edition) };
}
