import type { IzaRegio, Ledger } from '../domain';

/**
 * Recipients that are no gemeente, for the CLI's outputs per recipient (`allocaties`, the index of
 * `werkboek --alle`). A region whose regional money (SPUK IZA, line 16; SPUK AZWA regionaal, line 18)
 * goes to a body that is no gemeente (`IzaRegio.mandaatgemeenteCode` undefined: SamenTwente, an
 * openbaar lichaam, for the region Twente) is in the national amount but in no gemeente's row; the
 * CLI gives it a row of its own, with an empty gemeentecode, so that Σ rows = the national amount
 * (SPUK IZA 2023–2025: 142.900.002 a year = Σ Bijlage 2B 2025, VWS 12-09-2025).
 */
export interface RegioOntvanger {
  readonly regio: IzaRegio;
  /** The name shown in the gemeentenaam column, e.g. "SamenTwente (geen gemeente; mandaathouder regio Twente)". */
  readonly naam: string;
}

/** The name of a non-gemeente recipient in the CLI's gemeentenaam column (Dutch). */
export function regioOntvangerNaam(r: IzaRegio): string {
  return `${r.mandaatgemeente} (geen gemeente; mandaathouder regio ${r.naam})`;
}

/** The ledger's recipients that are no gemeente, in the order of its regions (see `RegioOntvanger`). */
export function regioOntvangers(ledger: Ledger): readonly RegioOntvanger[] {
  return ledger.regiosZonderGemeente().map((regio) => ({ regio, naam: regioOntvangerNaam(regio) }));
}
