/**
 * Begroting and realisatie rows for the domain tests (src/domain/begroting*.test.ts,
 * src/domain/verantwoording/verantwoording.test.ts): one row builder instead of one per test file.
 */
import type { BegrotingRegel, BegrotingRegeling, EditionYear } from '../../src/domain';
import { euro } from '../../src/domain';
import type { RealisatieRegel } from '../../src/domain/verantwoording';

export interface RowBuilder {
  /**
   * A Begroting row of `regeling` with lasten per year given as `{ 2025: 100_000, … }` (whole euros;
   * a year left out is 0), on the next row number; taakveld 7.1, uitvoerder GGD, incidenteel, no
   * onderdeel unless `extra` says otherwise (`extra` overrides any field).
   */
  regel(
    regeling: BegrotingRegeling,
    lasten: Partial<Record<number, number>>,
    extra?: Partial<BegrotingRegel>,
  ): BegrotingRegel;
  /** The same row as a realisatie row (the year amounts are what was spent), without a prognose. */
  realisatie(
    regeling: BegrotingRegeling,
    lasten: Partial<Record<number, number>>,
    extra?: Partial<RealisatieRegel>,
  ): RealisatieRegel;
}

/**
 * A row builder over the year axis `years` (one amount per year, in that order). `eersteRij`: the
 * row number of the first row (default 2: the row under the header); `activiteit`: the activity's
 * name from the row number (default "Activiteit").
 */
export function rowBuilder(
  years: readonly EditionYear[],
  opties: { readonly eersteRij?: number; readonly activiteit?: (rij: number) => string } = {},
): RowBuilder {
  let rij = (opties.eersteRij ?? 2) - 1;
  const naam = opties.activiteit ?? (() => 'Activiteit');
  const regel: RowBuilder['regel'] = (regeling, lasten, extra = {}) => {
    rij += 1;
    return {
      rij,
      regeling,
      onderdeel: undefined,
      activiteit: naam(rij),
      taakveld: '7.1',
      uitvoerder: 'GGD',
      aard: 'incidenteel',
      lasten: years.map((y) => euro(lasten[y] ?? 0)),
      andereDekking: '',
      opmerking: '',
      ...extra,
    };
  };
  return {
    regel,
    realisatie: (regeling, lasten, extra = {}) => ({
      ...regel(regeling, lasten),
      prognose: undefined,
      ...extra,
    }),
  };
}
