/**
 * The realisatie of two rows the renderer tests build werkmappen with (Zwolle): Brede SPUK "Ontschot"
 * (GGD, incidenteel) € 1.800.000 in 2025 and € 1.500.000 in 2026 with a prognose 2026 of € 1.900.000;
 * SPUK IZA "Regioplan" (GGD IJsselland) € 100.000, 200.000, 300.000, 400.000 in 2023–2026.
 */
import { begrotingKolommen } from '../../src/domain';
import type { EditionYear } from '../../src/domain';

/** That realisatie as a CSV (";"): the Begroting's headings for `years` plus "Prognose 2026", two rows. */
export function tweeRijenRealisatieCsv(years: readonly EditionYear[]): string {
  const blanks = (k: number) => ';'.repeat(k);
  return [
    `${begrotingKolommen(years).join(';')};Prognose 2026`,
    `Brede SPUK;;Ontschot;;GGD;incidenteel;;;1800000;1500000${blanks(years.length - 4)};;;1900000`,
    `SPUK IZA;;Regioplan;;GGD IJsselland;incidenteel;100000;200000;300000;400000${blanks(years.length - 4)};;;`,
  ].join('\n');
}
